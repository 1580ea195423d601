"""``parallax eval similarity``: pair ratings in SemEval-2022 Task 8's CSV shape, written here."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from parallax.cli import main
from parallax.errors import ParallaxError
from parallax.eval.similarity import evaluate

FLOOD_A = (
    "The river Senn burst its banks at Vell on Monday, flooding two hundred homes in the lower town. "
    "Emergency crews evacuated residents by boat as the water rose through the night. "
    "The regional council opened the school hall as a shelter for families who had to leave."
)
FLOOD_B = (
    "Two hundred homes in Vell were flooded on Monday when the river Senn burst its banks. "
    "Residents were evacuated by boat overnight, officials said. "
    "The council said the school hall would shelter displaced families until the water fell."
)
VOTE_A = (
    "Voters in Marrow elected Ana Petrel as mayor on Sunday with 54 percent of the vote. "
    "Petrel promised to rebuild the harbour and cut bus fares in her first year. "
    "Turnout was 61 percent, the highest in two decades."
)
VOTE_B = (
    "Ana Petrel won the Marrow mayoral election on Sunday, taking 54 percent. "
    "She pledged cheaper bus fares and a rebuilt harbour. Her rival, Olan Dree, conceded before midnight."
)
MATCH = (
    "Caldor United beat Brenn Rovers 3-1 on Saturday, with two goals from the striker Ilse Maren. "
    "The win lifts Caldor to third in the league with four games left to play this season."
)
FRENCH = "Le conseil municipal a voté mardi un nouveau budget pour les écoles de la ville."


def _write(path: Path) -> Path:
    rows = [
        ("en", "en", FLOOD_A, FLOOD_B, 1.0),
        ("en", "en", VOTE_A, VOTE_B, 1.25),
        ("en", "en", FLOOD_A, MATCH, 4.0),
        ("en", "en", VOTE_B, MATCH, 3.75),
        ("en", "en", VOTE_A, FLOOD_B, 4.0),
        ("fr", "en", FRENCH, FLOOD_A, 4.0),
    ]
    file = path / "pairs.csv"
    with file.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2", "Overall"])
        for number, (l1, l2, t1, t2, overall) in enumerate(rows):
            writer.writerow([number, l1, l2, t1, t2, overall])
    return file


def test_same_story_pairs_score_above_the_others_and_other_languages_are_left_out(
    tmp_path: Path,
) -> None:
    result = evaluate(_write(tmp_path))
    assert result["pairs"] == 5 and result["left_out"] == 1
    assert result["same_story_pairs"] == 2
    rows = {row["system"]: row for row in result["rows"]}
    ours = rows["parallax (fixed cut)"]
    assert ours["spearman"] > 0.5, "similar pairs (low ratings) get the higher similarities"
    assert ours["accuracy"] == 100.0, "the fixed cut separates two rewrites from unrelated pairs"
    assert {
        "TF-IDF cosine, best cut on this data",
        "MiniLM lead cosine, best cut on this data",
    } <= set(rows)
    by_rating = {r["rating"]: r for r in result["by_rating"]}
    assert by_rating[1]["share_at_cut"] == 100.0 and by_rating[4]["share_at_cut"] == 0.0


def test_cli_prints_json_and_explains_a_wrong_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "similarity", str(_write(tmp_path)), "--format", "json"])
    assert exit_.value.code == 0
    assert json.loads(capsys.readouterr().out)["rows"][0]["system"] == "parallax (fixed cut)"
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ParallaxError, match="SemEval-2022 Task 8 columns"):
        evaluate(wrong)
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "similarity", str(wrong)])
    assert exit_.value.code != 0
    assert "pass a file like training_set.csv" in capsys.readouterr().err


def test_fixed_cut_holds_on_semeval_pairs_it_was_not_chosen_on() -> None:
    """The 0.30 cut was chosen on DUC 2004 pooled; on SemEval-2022 Task 8's English pairs (held out)
    it must still separate same-story pairs from the rest, and beat TF-IDF at TF-IDF's best cut."""
    from .conftest import SHARED

    result = evaluate(SHARED / "eval" / "semeval2022-task8" / "training_set.csv")
    rows = {row["system"]: row for row in result["rows"]}
    ours = rows["parallax (fixed cut)"]
    assert result["pairs"] >= 150
    assert ours["accuracy"] >= 85.0 and ours["spearman"] >= 0.73  # 86.88 and 0.751 on 2026-12-01
    assert ours["accuracy"] > rows["TF-IDF cosine, best cut on this data"]["accuracy"]
    by_rating = {r["rating"]: r for r in result["by_rating"]}
    assert by_rating[1]["share_at_cut"] >= 80 and by_rating[4]["share_at_cut"] <= 10
