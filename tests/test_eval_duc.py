"""``parallax eval duc2004``: the harness on a small set written here, and the ROUGE gate on DUC 2004."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.cli import main
from parallax.errors import ParallaxError
from parallax.eval.duc import cut, evaluate, load

from .conftest import ROOT, SHARED

DUC = SHARED / "eval" / "duc2004" / "duc2004_task2.jsonl"
FLOORS = json.loads((ROOT / "benchmarks" / "rouge_floors.json").read_text())

FLOOD = [
    "The river Senn burst its banks at Vell on Monday, flooding two hundred homes in the lower town. "
    "Emergency crews evacuated residents by boat as the water rose through the night. "
    "The regional council opened the school hall as a shelter for families who had to leave.",
    "Two hundred homes in Vell were flooded on Monday when the river Senn burst its banks. "
    "Residents were evacuated by boat overnight, officials said. "
    "The council said the school hall would shelter displaced families until the water fell.",
    "Flooding hit the lower town of Vell after the river Senn burst its banks on Monday. "
    "Boats carried residents to safety through the night. "
    "Forecasters expect more rain on Wednesday, which could slow the clean-up.",
]
ELECTION = [
    "Voters in Marrow elected Ana Petrel as mayor on Sunday with 54 percent of the vote. "
    "Petrel promised to rebuild the harbour and cut bus fares in her first year. "
    "Turnout was 61 percent, the highest in two decades.",
    "Ana Petrel won the Marrow mayoral election on Sunday, taking 54 percent. "
    "She pledged cheaper bus fares and a rebuilt harbour. "
    "Her rival, Olan Dree, conceded before midnight.",
    "Marrow's new mayor is Ana Petrel, who won Sunday's vote with 54 percent. "
    "Turnout reached 61 percent. Petrel said the harbour would be her first project.",
]


def _write(path: Path) -> Path:
    rows = [
        {
            "cluster_id": "flood",
            "docs": [{"doc_id": f"f{i}", "text": t} for i, t in enumerate(FLOOD)],
            "references": {
                "A": "The river Senn flooded two hundred homes in Vell on Monday; residents were "
                "evacuated by boat and sheltered in the school hall.",
                "B": "Floods hit Vell when the Senn burst its banks. Boats evacuated residents.",
            },
            "system_summaries": {"Lead": FLOOD[0]},
        },
        {
            "cluster_id": "election",
            "docs": [{"doc_id": f"e{i}", "text": t} for i, t in enumerate(ELECTION)],
            "references": {
                "A": "Ana Petrel was elected mayor of Marrow on Sunday with 54 percent, promising "
                "cheaper bus fares and a rebuilt harbour.",
            },
            "system_summaries": {"Lead": ELECTION[0]},
        },
    ]
    file = path / "mini.jsonl"
    file.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return file


def test_every_row_is_scored_in_one_run(tmp_path: Path) -> None:
    result = evaluate(_write(tmp_path), words=30, per_cluster=True)
    systems = {row["system"] for row in result["rows"]}
    assert {
        "parallax",
        "parallax, float32 MiniLM",
        "sumy LexRank",
        "sumy TextRank",
        "sumy LSA",
    } <= systems
    assert "Lead" in systems
    for row in result["rows"]:
        assert 0 < row["r1_recall"] <= 100 and 0 <= row["r2_recall"] <= row["r1_recall"]
    assert result["clusters"] == 2
    assert {c["cluster"] for c in result["per_cluster"]} == {"flood", "election"}
    ours = next(r for r in result["rows"] if r["system"] == "parallax")
    assert ours["r1_recall"] > 30  # three near-copies of one story: the brief must hit its words


def test_subsets_and_bad_files_are_named(tmp_path: Path) -> None:
    file = _write(tmp_path)
    assert [c.id for c in load(file, only=["election"])] == ["election"]
    assert [c.id for c in load(file, first=1)] == ["flood"]
    with pytest.raises(ParallaxError, match="no cluster named nope"):
        load(file, only=["nope"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"cluster_id": "x"}\n')
    with pytest.raises(ParallaxError, match=r"bad.jsonl:1: not a cluster record"):
        load(bad)
    assert cut("one two three four", 2) == "one two"


def test_cli_prints_the_table_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = _write(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "duc2004", str(file), "--words", "25", "--no-baselines", "--format", "json"])
    assert exit_.value.code == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [r["system"] for r in rows] and all("r2_recall" in r for r in rows)


@pytest.mark.skipif(not DUC.is_file(), reason="../shared/eval/duc2004 is missing")
def test_rouge_gate_on_a_fixed_subset_of_duc2004() -> None:
    floors = FLOORS["subset"]
    result = evaluate(DUC, words=100, first=floors["first"], baselines=False)
    ours = next(r for r in result["rows"] if r["system"] == "parallax")
    assert ours["r1_recall"] >= floors["r1_recall"], ours
    assert ours["r2_recall"] >= floors["r2_recall"], ours


def test_floors_apply_to_the_pinned_runs_only(tmp_path: Path) -> None:
    from parallax.eval.duc import below_floors, floors_for

    pinned = ROOT / "benchmarks" / "rouge_floors.json"
    assert floors_for(pinned, None, []) == FLOORS["all"]
    assert (
        floors_for(pinned, FLOORS["subset"]["first"], [])["r2_recall"]
        == FLOORS["subset"]["r2_recall"]
    )
    with pytest.raises(ParallaxError, match="pins floors"):
        floors_for(pinned, 3, [])
    result = {"rows": [{"system": "parallax", "r1_recall": 30.0, "r2_recall": 9.9}]}
    assert below_floors(result, {"r1_recall": 36.0, "r2_recall": 9.0}) == ["r1_recall 30.0 < 36.0"]
    assert below_floors(result, {"r1_recall": 29.0, "r2_recall": 9.0}) == []


def test_json_output_is_not_broken_by_the_solver_printing() -> None:
    """HiGHS writes a stray debug line to file descriptor 1 on d30011's ILP (float32 row): the
    output must still be one JSON document."""
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "parallax",
            "eval",
            "duc2004",
            str(DUC),
            "--clusters",
            "d30011",
            "--no-baselines",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = json.loads(done.stdout)["rows"]
    assert {r["system"] for r in rows} == {"parallax", "parallax, float32 MiniLM"}


def test_sumy_lsa_survives_an_svd_that_does_not_converge(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from parallax.eval.duc import _robust_svd, sumy_summary

    matrix = np.arange(12, dtype=float).reshape(4, 3)

    def fails(*_: object, **__: object) -> None:
        raise np.linalg.LinAlgError("SVD did not converge")

    monkeypatch.setattr(np.linalg, "svd", fails)
    u, sigma, v = _robust_svd(matrix)
    assert np.allclose((u * sigma) @ v, matrix), "the same decomposition, from gesvd"
    texts = [
        "The ferry resumed service on Monday. Engineers replaced a cracked hull plate. "
        "Commuters had faced a long detour by road. The operator thanked passengers."
    ]
    assert sumy_summary("LSA", texts, 12)  # LSA's own call goes through the fallback
