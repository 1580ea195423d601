"""``parallax eval ecbplus``: B-cubed, the input formats, and the ranking on part of ECB+."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.cli import main
from parallax.errors import ParallaxError
from parallax.eval.stories import bcubed, evaluate, load

from .conftest import SHARED

ECB = SHARED / "eval" / "ecbplus" / "ecbplus_odd_topics.jsonl"


def test_bcubed_by_hand() -> None:
    perfect = bcubed(["a", "a", "b"], [1, 1, 2])
    assert perfect == {"bcubed_precision": 100.0, "bcubed_recall": 100.0, "bcubed_f1": 100.0}
    # all in one: precision (2/3 + 2/3 + 1/3) / 3 = 5/9, recall 1
    lumped = bcubed(["a", "a", "b"], [1, 1, 1])
    assert lumped["bcubed_precision"] == round(100 * 5 / 9, 2) and lumped["bcubed_recall"] == 100.0
    # all apart: precision 1, recall (1/2 + 1/2 + 1) / 3 = 2/3
    split = bcubed(["a", "a", "b"], [1, 2, 3])
    assert split["bcubed_precision"] == 100.0 and split["bcubed_recall"] == round(100 * 2 / 3, 2)


def test_articles_and_clusters_both_load(tmp_path: Path) -> None:
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"doc_id": "1", "story_cluster": "s", "text": "x"}) + "\n")
    clusters = tmp_path / "c.jsonl"
    clusters.write_text(
        json.dumps({"cluster_id": "d1", "docs": [{"doc_id": "a", "text": "x"}]}) + "\n"
    )
    assert [(d.id, d.story) for d in load(articles)] == [("1", "s")]
    assert [(d.id, d.story) for d in load(clusters)] == [("d1/a", "d1")]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "1"}\n')
    with pytest.raises(ParallaxError, match=r"bad\.jsonl:1"):
        load(bad)


@pytest.mark.skipif(not ECB.is_file(), reason="../shared/eval/ecbplus is missing")
def test_parallax_beats_both_tuned_baselines_on_part_of_ecbplus() -> None:
    """The first 150 ECB+ articles: several topics, each with two look-alike events."""
    result = evaluate(ECB, first=150)
    rows = {r["system"]: r for r in result["rows"]}
    ours = rows["parallax, shuffled"]["bcubed_f1"]
    assert ours == rows["parallax, document order"]["bcubed_f1"]  # batch: order does not matter
    for name, row in rows.items():
        if not name.startswith("parallax"):
            assert ours > row["bcubed_f1"], (name, row, ours)
    assert ours >= 85


def test_cli_table_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "mini.jsonl"
    texts = [
        (
            "fire",
            "A fire destroyed two grain silos in Port Aldmere on Tuesday night, officials said.",
        ),
        ("fire", "Fire destroyed two silos at the Port Aldmere grain terminal on Tuesday."),
        ("vote", "Voters in Marrow elected Ana Petrel as mayor on Sunday with 54 percent."),
        ("vote", "Ana Petrel won the Marrow mayoral election on Sunday with 54 percent of votes."),
    ]
    file.write_text(
        "\n".join(
            json.dumps({"doc_id": str(i), "story_cluster": s, "text": t})
            for i, (s, t) in enumerate(texts)
        )
    )
    with pytest.raises(SystemExit) as stop:
        main(["eval", "ecbplus", str(file), "--stream", "2", "--format", "json"])
    assert stop.value.code == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    ours = next(r for r in rows if r["system"] == "parallax, shuffled")
    assert ours["bcubed_f1"] == 100.0
    streamed = [r for r in rows if r["system"].startswith("parallax, stream of 2s")]
    assert len(streamed) == 2 and all(r["bcubed_f1"] == 100.0 for r in streamed)
