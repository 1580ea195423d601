"""``parallax eval story-pairs``: dated pairs judged one story or two."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.cli import main
from parallax.errors import ParallaxError
from parallax.eval.storypairs import evaluate, load_pairs, load_polnear

from .conftest import SHARED

POLNEAR = SHARED / "eval" / "polnear"
PAIRS = Path(__file__).parent.parent / "benchmarks" / "polnear_story_pairs.jsonl"

FLOOD = (
    "The river Senn burst its banks at Vell on {day}, flooding two hundred homes in the lower town. "
    "Emergency crews evacuated residents by boat as the water rose through the night. The regional "
    "council opened the school hall as a shelter for families who had to leave their homes."
)


def _polnear_shaped(root: Path) -> Path:
    """A folder in PolNeAR's shape: the same flood twice in one week, and again a year later."""
    (root / "train" / "text").mkdir(parents=True)
    (root / "dev" / "text").mkdir(parents=True)
    rows = ["compartment\tfilename\tpublisher\tpublication_date\ttitle"]
    for doc, date, part in (
        ("flood-a", "2024-03-04", "train"),
        ("flood-b", "2024-03-05", "dev"),
        ("flood-c", "2025-03-03", "train"),
    ):
        (root / part / "text" / f"{doc}.txt").write_text(FLOOD.format(day="Monday"))
        rows.append(f"{part}\t{doc}\tThe Vell Courier\t{date}\tThe Senn floods Vell")
    (root / "metadata.tsv").write_text("\n".join(rows) + "\n")
    return root


def test_bad_lines_and_missing_documents_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "pairs.jsonl"
    bad.write_text('{"a": "x", "b": "y", "same": true}\n{"a": "x"}\n')
    with pytest.raises(ParallaxError, match=r"pairs\.jsonl:2"):
        load_pairs(bad)
    bad.write_text('{"a": "x", "b": "y", "same": "false"}\n')  # a string, not a boolean
    with pytest.raises(ParallaxError, match=r"pairs\.jsonl:1: .*JSON boolean"):
        load_pairs(bad)
    with pytest.raises(ParallaxError, match=r"metadata\.tsv"):
        load_polnear(tmp_path, {"x"})
    root = _polnear_shaped(tmp_path / "polnear")
    with pytest.raises(ParallaxError, match=r"'flood-z', but there is no .*flood-z\.txt"):
        load_polnear(root, {"flood-a", "flood-z"})
    wrong = tmp_path / "wrong"
    wrong.mkdir()
    (wrong / "metadata.tsv").write_text("name\tdate\n")
    with pytest.raises(
        ParallaxError, match="no filename, publisher, publication_date, title column"
    ):
        load_polnear(wrong, {"flood-a"})
    (wrong / "metadata.tsv").write_bytes(b"filename\tpublisher\n\xff\xfe\n")
    with pytest.raises(ParallaxError, match="cannot read it as UTF-8"):
        load_polnear(wrong, {"flood-a"})


def test_cli_names_the_fix_for_a_folder_that_is_not_polnear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"a": "flood-a", "b": "flood-b", "same": true}\n')
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "story-pairs", str(pairs), "--polnear", str(tmp_path)])
    assert exit_.value.code != 0
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "--polnear" in err and "Traceback" not in err


def test_cli_reads_a_polnear_shaped_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _polnear_shaped(tmp_path / "polnear")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        '{"a": "flood-a", "b": "flood-b", "same": true}\n'
        '{"a": "flood-a", "b": "flood-c", "same": false}\n'
    )
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "story-pairs", str(pairs), "--polnear", str(root), "--format", "json"])
    assert exit_.value.code == 0
    rows = {r["system"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    # the same words a year apart: only the dates tell the two floods apart
    assert rows["parallax, with dates"]["accuracy"] == 100.0
    assert rows["parallax, dates ignored"]["accuracy"] == 50.0


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="../shared/eval/polnear is missing")
def test_dates_decide_better_than_a_month_long_story_on_read_pairs() -> None:
    """263 PolNeAR pairs read blind: two weeks of campaign coverage is not one story."""
    result = evaluate(PAIRS, POLNEAR)
    rows = {r["system"]: r for r in result["rows"]}
    ours = rows["parallax, with dates"]
    assert result["pairs"] == 263
    for name in ("parallax, before (30-day span, linear)", "parallax, dates ignored"):
        assert (
            ours["f1"] > rows[name]["f1"] + 5 and ours["precision"] > rows[name]["precision"] + 15
        )
    for name in (
        "TF-IDF cosine, best cut on this data",
        "MiniLM lead cosine, best cut on this data",
    ):
        assert ours["f1"] > rows[name]["f1"], (name, rows[name], ours)
    assert ours["accuracy"] >= 75
