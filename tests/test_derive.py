"""Derivations: behaviour on the Kharkiv cluster and the bundled example (never their strings)."""

from __future__ import annotations

import pytest

from parallax.derive import find_citations, independent_groups, known_names
from parallax.models import Article, Derivation, Report
from parallax.pipeline import Pipeline


def _outlet(report: Report, article_id: str | None) -> str | None:
    return report.article(article_id).outlet if article_id else None


def _edges(report: Report) -> set[tuple[str | None, str, str | None]]:
    story = report.stories[0]
    return {(_outlet(report, d.source) or d.source, d.kind, d.to_outlet) for d in story.derivations}


def test_example_rewrite_wire_duplicate_and_citations(example_report: Report) -> None:
    edges = _edges(example_report)
    assert ("The Coastal Post", "rewrite", "The Aldmere Courier") in edges
    assert ("Velland Daily", "wire", "Northline Press") in edges
    assert ("Velland Daily", "duplicate", "Northline Press") in edges
    assert ("Northline Press", "cites", "The Aldmere Courier") in edges
    rewritten = {d.source for d in example_report.stories[0].derivations if d.kind == "rewrite"}
    assert {_outlet(example_report, i) for i in rewritten} == {"The Coastal Post"}, (
        "no false rewrite"
    )
    assert not any(src == "Metro Today" for src, _, _ in edges), "the tabloid reported on its own"


def test_kharkiv_rewrite_is_linked_to_its_original(kharkiv_report: Report) -> None:
    story = kharkiv_report.stories[0]
    [rewrite] = [d for d in story.derivations if d.kind == "rewrite"]
    assert rewrite.to_outlet == "CNN" and _outlet(kharkiv_report, rewrite.source) is None
    assert len(rewrite.evidence) >= 4


def test_kharkiv_citations_include_outlets_outside_the_inputs(kharkiv_report: Report) -> None:
    story = kharkiv_report.stories[0]
    cites = [d for d in story.derivations if d.kind == "cites"]
    external = {d.to_outlet for d in cites if d.to_article_id is None}
    assert "Politico" in external
    assert sum(d.to_outlet == "Politico" for d in cites) >= 3, "three reports credit Politico"
    internal = {(d.to_outlet, d.to_article_id is not None) for d in cites if d.to_article_id}
    assert ("AP", True) in internal, "'the AP reported' links to the AP article"
    for d in cites:
        assert d.source != d.to_article_id
        assert _outlet(kharkiv_report, d.source) != d.to_outlet, (
            "'told CNN' in CNN's own report is no citation"
        )
    texts = {a.id: a.text for a in kharkiv_report.articles}
    for d in story.derivations:
        for span in d.evidence:
            assert 0 <= span.start < span.end <= len(texts[span.article_id])


def test_kharkiv_afp_is_independent(kharkiv_report: Report) -> None:
    story = kharkiv_report.stories[0]
    afp = next(a.id for a in kharkiv_report.articles if a.outlet == "AFP")
    assert not any(
        d.source == afp or d.to_article_id == afp for d in story.derivations if d.kind != "cites"
    )


def test_find_citations_patterns() -> None:
    names = known_names([])
    cases = {
        "The decision was first reported by Politico.": "Politico",
        "Politico was first to report the news.": "Politico",
        "two US officials told CNN on Thursday.": "CNN",
        "the Associated Press reported.": "AP",
        "according to Reuters, the talks failed.": "Reuters",
        "a source disclosed the information to CNN.": "CNN",
        "The company said in a statement to Fox News that it disagreed.": "Fox News",
        "“The race was reset,” Rubio said on CNN's State of the Union.": "CNN",
        "The Washington Post, which first reported the firings, said more would follow.": (
            "The Washington Post"
        ),
    }
    for text, outlet in cases.items():
        assert [o for _, _, o in find_citations(text, 0, len(text), names)] == [outlet], text
    for text in (
        "He works for the time being.",
        "The post office closed.",
        "He said on Monday that the talks would resume.",
        "He would have had better luck if he appeared on Fox News.",
    ):
        assert find_citations(text, 0, len(text), names) == []


def test_groups_follow_copies_not_citations() -> None:
    arts = [Article(c * 12, c, "x") for c in "abcd"]
    derivations = [
        Derivation("b" * 12, "rewrite", "a" * 12, None),
        Derivation("c" * 12, "cites", "a" * 12, None),
        Derivation("d" * 12, "wire", "b" * 12, None),
    ]
    groups = independent_groups(arts, derivations)
    assert groups["a" * 12] == groups["b" * 12] == groups["d" * 12] != groups["c" * 12]


def test_articles_of_one_outlet_are_one_source() -> None:
    outlets = [
        "CNN",
        "The Guardian",
        "Guardian",
        None,
        None,
        "Inexhibit magazine",
        "Inexhibitmagazine",
    ]
    arts = [Article(c * 12, c, "x", outlet=o) for c, o in zip("abcdefg", outlets, strict=True)]
    groups = independent_groups(arts, [])
    assert groups["b" * 12] == groups["c" * 12], "'The Guardian' and 'Guardian' are one outlet"
    assert groups["f" * 12] == groups["g" * 12], "a page may run the words of the name together"
    assert len({groups["a" * 12], groups["b" * 12], groups["d" * 12], groups["e" * 12]}) == 4, (
        "unidentified outlets are not taken for one"
    )


def test_papers_carrying_one_agency_absent_from_the_inputs_are_one_source(
    pipeline: Pipeline,
) -> None:
    texts = [  # two pieces of one agency's coverage, not copies of each other
        "WASHINGTON (AP) — The Senate passed the spending bill on a 68-31 vote late on Tuesday.",
        "WASHINGTON (AP) — House leaders said they would take up the measure before the recess.",
    ]
    carriers = [
        Article(c * 12, "t", t, outlet=o)
        for c, t, o in zip("ab", texts, ["Breitbart", "HuffPost"], strict=True)
    ]
    own = Article("c" * 12, "t", "The Senate passed the spending bill on Tuesday.", outlet="CNN")
    articles = [*carriers, own]
    from parallax.derive import find_derivations

    analyses = pipeline.nlp.analyse(articles, entities=False)
    derivations = find_derivations(articles, analyses, pipeline.embed(articles, analyses))
    assert {(d.source, d.kind, d.to_outlet) for d in derivations if d.kind == "wire"} == {
        ("a" * 12, "wire", "AP"),
        ("b" * 12, "wire", "AP"),
    }
    groups = independent_groups(articles, derivations)
    assert groups["a" * 12] == groups["b" * 12] != groups["c" * 12]


def test_independent_groups_are_reported_per_story(
    example_report: Report, kharkiv_report: Report
) -> None:
    story = example_report.stories[0]
    outlet = {a.id: a.outlet for a in example_report.articles}
    groups = [sorted(outlet[i] or "" for i in g) for g in story.independent_groups]
    assert sorted(i for g in story.independent_groups for i in g) == sorted(story.article_ids)
    assert ["Northline Press", "Velland Daily"] in groups
    assert ["The Aldmere Courier", "The Coastal Post"] in groups
    assert ["Metro Today"] in groups
    assert len(kharkiv_report.stories[0].independent_groups) == 4, "the rewrite joins its original"


@pytest.mark.parametrize(
    ("named", "outlet"),
    [
        ("Business Insider", "Business Insider Deutschland"),  # an edition quoting its parent
        ("The Huffington Post", "huff-post"),  # the outlet in another spelling
    ],
)
def test_an_outlet_quoting_itself_cites_no_one(pipeline: Pipeline, named: str, outlet: str) -> None:
    from parallax.derive import _cites

    text = (
        f"“You need a plan,” the adviser told {named}. The adviser also spoke to Reuters "
        "about the plan on Monday, Reuters reported."
    )
    article = Article("e" * 12, "t", text, outlet=outlet)
    cited = {d.to_outlet for d in _cites([article], pipeline.nlp.analyse([article]))}
    assert cited == {"Reuters"}


def test_other_spellings_of_an_outlet_are_one_outlet() -> None:
    from parallax import outlets

    assert outlets.canonical("The Huffington Post") == outlets.canonical("huff-post") == "HuffPost"


def test_a_byline_crediting_an_agency_is_wire_copy() -> None:
    from parallax.derive import _wires

    text = "The state attorney general is investigating the company, people familiar said."
    carried = Article("g" * 12, "t", text, outlet="VentureBeat", byline="Reuters")
    own = Article("h" * 12, "t", text, outlet="Reuters", byline="Reuters")
    staff = Article("i" * 12, "t", text, outlet="VentureBeat", byline="Ada Brook")
    [wire] = _wires([carried, own, staff])
    assert (wire.source, wire.kind, wire.to_outlet) == (carried.id, "wire", "Reuters")


def test_rewrite_evidence_is_sentences_not_bare_time_stamps(pipeline: Pipeline) -> None:
    from parallax.derive import find_derivations

    first = [
        "The port reopened its east pier on Monday after a week of repairs to the damaged quay.",
        "Crews worked through the night to replace the timber beams under the loading deck.",
        "The harbour master said ferries would run on the normal timetable from Tuesday.",
        "Local traders said the closure had cost them a busy week of spring visitors.",
    ]
    second = [
        "After a week of repairs to its damaged quay, the port reopened the east pier on Monday.",
        "Through the night, crews replaced the timber beams beneath the loading deck.",
        "Ferries will run on the normal timetable from Tuesday, the harbour master said.",
        "The closure cost local traders a busy week of spring visitors, they said.",
    ]
    stamps = ["9:05 p.m.", "9:42 p.m.", "10:15 p.m.", "10:40 p.m."]
    texts = [
        "\n\n".join(x for pair in zip(stamps, lines, strict=True) for x in pair)
        for lines in (first, second)
    ]
    articles = [
        Article(c * 12, "t", t, published=day)
        for c, t, day in zip("ab", texts, ["2025-04-07", "2025-04-08"], strict=True)
    ]
    analyses = pipeline.nlp.analyse(articles, entities=False)
    [rewrite] = [
        d
        for d in find_derivations(articles, analyses, pipeline.embed(articles, analyses))
        if d.kind == "rewrite"
    ]
    texts_of = {a.id: a.text for a in articles}
    assert rewrite.evidence
    assert all(len(texts_of[e.article_id][e.start : e.end].split()) >= 5 for e in rewrite.evidence)


def test_short_reports_of_one_event_are_rewrites_only_when_they_share_copy(
    pipeline: Pipeline,
) -> None:
    """Two agencies' first reports tell the same facts in the same order; only edited copy shares
    a run of words outside quotes."""
    from parallax.derive import find_derivations

    first = (
        "A fire swept through the Lindham ferry terminal on Monday night, injuring four people, "
        "the fire service said.\n\nThe blaze started in a storage room next to the ticket hall "
        "shortly after 9 p.m., officials said.\n\n“We were lucky nobody was on the upper floor,” "
        "fire chief Ada Brook said.\n\nThe terminal will stay closed until Friday."
    )
    independent = (
        "Fire swept the Lindham ferry terminal Monday night and four people were injured, "
        "according to the fire service.\n\nIt broke out in a storage room by the ticket hall soon "
        "after 9 p.m., officials said.\n\n“We were lucky nobody was on the upper floor,” said fire "
        "chief Ada Brook.\n\nThe terminal will remain closed until Friday."
    )
    edited = (
        "A fire swept through the Lindham ferry terminal on Monday night, injuring four people, "
        "firefighters said.\n\nIt started in a storage room next to the ticket hall shortly after "
        "9 p.m.\n\n“We were lucky nobody was on the upper floor,” Brook said.\n\nThe terminal "
        "will stay closed until Friday, officials said."
    )
    for other, rewrite in ((independent, False), (edited, True)):
        articles = [Article("a" * 12, "a", first), Article("b" * 12, "b", other)]
        analyses = pipeline.nlp.analyse(articles, entities=False)
        found = find_derivations(articles, analyses, pipeline.embed(articles, analyses))
        assert any(d.kind == "rewrite" for d in found) is rewrite, other[:40]
