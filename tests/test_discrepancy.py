"""Discrepancies: real disagreements flagged with both spans, values that agree after normalisation not."""

from __future__ import annotations

import pytest

from parallax.discrepancy import find_discrepancies, quantities
from parallax.models import Article, Report
from parallax.pipeline import Pipeline


def _quantities(pipeline: Pipeline, text: str) -> list[tuple[str, str, float]]:
    article = Article("0" * 12, "t", text)
    [analysis] = pipeline.nlp.analyse([article], entities=False)
    return [(q.text, q.dimension, round(q.value, 2)) for q in quantities(article, analysis, 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kharkiv is 12 miles from the border.", [("12 miles", "distance", 19.31)]),
        ("About 40 firefighters fought the blaze.", [("40 firefighters", "count", 40.0)]),
        ("Two US officials told reporters.", [("Two US officials", "count", 2.0)]),
        ("The plan costs $4.5 million.", [("$4.5 million", "money:USD", 4500000.0)]),
        ("Turnout rose 5% on May 13, 2024.", [("5%", "percent", 5.0)]),
        ("He visited two weeks ago, at 9:40 p.m., after a six-month delay.", []),
        ("One official said it was over.", []),
    ],
)
def test_quantities_are_read_with_units(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, float]]
) -> None:
    assert _quantities(pipeline, text) == expected


def test_example_flags_the_firefighter_count_and_nothing_else(example_report: Report) -> None:
    [disc] = example_report.stories[0].discrepancies
    assert disc.kind == "count" and "firefighter" in disc.about
    values = {c.value for c in disc.claims}
    assert values == {40.0, 60.0}
    texts = {a.id: a.text for a in example_report.articles}
    for claim in disc.claims:
        assert texts[claim.article_id][claim.start : claim.end] == claim.text


def test_kharkiv_distances_agree_after_conversion(kharkiv_report: Report) -> None:
    story = kharkiv_report.stories[0]
    assert not [d for d in story.discrepancies if d.kind == "number"], (
        "20 km = 12 miles; 200 miles = 300 km"
    )
    counts = [d for d in story.discrepancies if d.kind == "count"]
    assert all(len({c.value for c in d.claims}) > 1 for d in counts)


def test_disagreement_needs_two_articles(pipeline: Pipeline) -> None:
    a = Article("a" * 12, "a", "About 40 firefighters fought the fire at the port on Tuesday.")
    b = Article("b" * 12, "b", "More than 60 firefighters fought the fire at the port on Tuesday.")
    c = Article("c" * 12, "c", "Some 42 firefighters fought the fire at the port on Tuesday.")
    analyses = pipeline.nlp.analyse([a, b, c], entities=False)
    embeddings = pipeline.embed([a, b, c], analyses)
    [disc] = find_discrepancies([a, b], analyses[:2], embeddings[:2])
    assert {c.value for c in disc.claims} == {40.0, 60.0}
    assert (
        find_discrepancies([a, c], [analyses[0], analyses[2]], [embeddings[0], embeddings[2]]) == []
    ), "about 40 = some 42"


def test_dates_of_one_fact_that_differ(pipeline: Pipeline) -> None:
    from parallax.align import align_facts
    from parallax.discrepancy import date_discrepancies

    a = Article(
        "a" * 12,
        "a",
        "The three ministers met their Ukrainian counterparts on May 13 to discuss the request.",
    )
    b = Article(
        "b" * 12,
        "b",
        "The three ministers met their Ukrainian counterparts on May 15 to discuss the request.",
    )
    analyses = pipeline.nlp.analyse([a, b])
    embeddings = pipeline.embed([a, b], analyses)
    facts = align_facts([a, b], analyses, embeddings, {a.id: 0, b.id: 1})
    [disc] = date_discrepancies([a, b], facts)
    assert disc.kind == "date" and {c.text for c in disc.claims} == {"May 13", "May 15"}


def test_kharkiv_name_spellings(kharkiv_report: Report) -> None:
    names = [d for d in kharkiv_report.stories[0].discrepancies if d.kind == "name"]
    assert names, "one report misspells a first name the others spell alike"
    texts = {a.id: a.text for a in kharkiv_report.articles}
    for d in names:
        assert len({c.text for c in d.claims}) >= 2 and len({c.article_id for c in d.claims}) >= 2
        for c in d.claims:
            assert texts[c.article_id][c.start : c.end] == c.text


def test_example_has_no_name_or_date_false_alarm(example_report: Report) -> None:
    kinds = [d.kind for d in example_report.stories[0].discrepancies]
    assert kinds == ["count"]
