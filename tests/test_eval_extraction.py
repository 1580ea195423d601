"""``parallax eval extraction``: article text from HTML pages, scored as Scrapinghub's benchmark does."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest

from parallax.cli import main
from parallax.errors import ParallaxError
from parallax.eval import extraction

from .conftest import SHARED

AEB = SHARED / "eval" / "scrapinghub-aeb"

BODY = [
    "Flood barriers on the river Senn held overnight at Vell, the regional council said on Tuesday, "
    "after the water rose to within a metre of the top of the new walls.",
    "About two hundred residents of the lower town spent the night in the school hall, which the "
    "council opened as a shelter on Monday evening.",
    "Engineers will inspect the barriers on Wednesday before anyone is allowed to return home, a "
    "council spokeswoman said.",
]
PAGE = """<html><head><title>Flood barriers hold at Vell | Senn Valley Courier</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Flood barriers hold at Vell</h1>
{paragraphs}
<p>Sign up for our newsletter to get the day's news in your inbox.</p>
</article>
<footer><p>Copyright 2026 Senn Valley Courier. All rights reserved.</p></footer>
</body></html>"""
FRENCH = (
    "<html><body><article><h1>Inondations</h1><p>Le conseil municipal a voté mardi un nouveau budget "
    "pour les écoles de la ville, après une longue séance où les élus de la majorité et de "
    "l'opposition ont débattu des travaux de rénovation prévus dans les quartiers du nord et du sud "
    "de la commune pendant les deux prochaines années.</p></article></body></html>"
)


def _benchmark(folder: Path) -> Path:
    (folder / "html").mkdir(parents=True)
    pages = {
        "flood": PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in BODY)),
        "french": FRENCH,
    }
    truth = {
        "flood": {"articleBody": "\n".join(BODY), "url": "https://courier.example/flood"},
        "french": {
            "articleBody": "Le conseil municipal a voté mardi un nouveau budget.",
            "url": "",
        },
    }
    for key, html in pages.items():
        with gzip.open(folder / "html" / f"{key}.html.gz", "wt", encoding="utf-8") as handle:
            handle.write(html)
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_the_scorer_counts_shingles_per_page_and_leaves_empty_output_out_of_precision() -> None:
    text = " ".join(BODY)
    assert extraction.page_counts(text, text) == (1.0, 0.0, 0.0)
    residue = extraction.page_counts(text, text + " Sign up for our newsletter to get the news.")
    short = extraction.page_counts(text, " ".join(BODY[:2]))
    assert residue[1] > 0 and residue[2] == 0, "extra text costs precision only"
    assert short[1] == 0 and short[2] > 0, "a paragraph left out costs recall only"
    assert sum(residue) == pytest.approx(1.0), "each page's counts sum to one, whatever its length"
    empty = extraction.page_counts(text, "")
    assert empty == (0.0, 0.0, 1.0)
    scores = extraction.scores([(1.0, 0.0, 0.0), empty])
    assert scores["precision"] == 1.0, "a page where nothing was kept has no precision"
    assert scores["recall"] == 0.5


def test_a_page_is_scored_on_the_text_parallax_keeps_and_other_languages_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = extraction.evaluate(_benchmark(tmp_path / "aeb"), per_page=True)
    assert result["pages"] == 2 and result["english_pages"] == 1
    rows = {row["system"]: row for row in result["rows"]}
    ours = rows["parallax"]
    assert ours["recall"] == 100.0 and ours["precision"] == 100.0, "the sign-up line is residue"
    assert rows["trafilatura, the benchmark's call"]["precision"] < 100.0, "trafilatura keeps it"
    assert "f1_all_pages" in rows["jusText, English stoplist"] and "f1_all_pages" not in ours
    by_page = {p["page"]: p for p in result["per_page"]}
    assert by_page["french"]["english"] is False and by_page["french"]["f1"] is None
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "extraction", str(tmp_path / "aeb"), "--no-baselines", "--format", "json"])
    assert exit_.value.code == 0
    assert [r["system"] for r in json.loads(capsys.readouterr().out)["rows"]] == ["parallax"]


def test_a_folder_without_the_benchmark_files_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ParallaxError, match=r"ground-truth\.json and html/"):
        extraction.evaluate(tmp_path)
    folder = _benchmark(tmp_path / "aeb")
    (folder / "html" / "flood.html.gz").unlink()
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "extraction", str(folder)])
    assert exit_.value.code != 0
    assert "no flood.html.gz or flood.html" in capsys.readouterr().err


def test_on_real_pages_the_residue_rules_add_precision_to_trafilatura() -> None:
    """Scrapinghub's 181 pages (162 English): the cleaned text against trafilatura as parallax calls
    it, which is what the residue rules start from; and The Hill's name cards are gone."""
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    pages = extraction.load(AEB)
    ours = [extraction.parallax_text(page) for page in pages]
    english = [i for i, (_, is_english) in enumerate(ours) if is_english]
    assert len(english) >= 150
    kept = [extraction.page_counts(pages[i].reference, ours[i][0]) for i in english]
    base = [
        extraction.page_counts(
            pages[i].reference, extraction.trafilatura_as_parallax(pages[i].html)
        )
        for i in english
    ]
    mine, theirs = extraction.scores(kept), extraction.scores(base)
    assert mine["precision"] > theirs["precision"] + 0.02  # 97.4 against 95.0 on 2026-12-02
    assert mine["f1"] >= 0.96 and mine["f1"] > theirs["f1"]  # 96.7 against 96.3
    hill = [ours[i][0] for i, page in enumerate(pages) if "thehill.com" in page.url]
    assert hill and all("Kristi Noem (R)" in t or "Ilhan Omar (D-Minn.)" in t for t in hill)
    assert not any(" MORE" in t for t in hill)
