"""Facts and their independent confirmations, as behaviour on the real and the bundled stories."""

from __future__ import annotations

import numpy as np

from parallax.models import Report
from parallax.pipeline import Pipeline


def test_every_fact_quotes_one_of_its_spans(kharkiv_report: Report, example_report: Report) -> None:
    for report in (kharkiv_report, example_report):
        texts = {a.id: a.text for a in report.articles}
        for story in report.stories:
            for fact in story.facts:
                quoted = [texts[s.article_id][s.start : s.end] for s in fact.support]
                assert fact.text in quoted
                assert 1 <= fact.independent_sources <= len(fact.support)
                assert len({s.article_id for s in fact.support}) == len(fact.support), (
                    "one span per article"
                )


def test_copies_do_not_count_as_confirmation(example_report: Report) -> None:
    story = example_report.stories[0]
    outlet = {a.id: a.outlet for a in example_report.articles}
    wire_only = [
        f
        for f in story.facts
        if {outlet[s.article_id] for s in f.support} == {"Northline Press", "Velland Daily"}
    ]
    assert wire_only, "the wire story and its reprint share sentences"
    assert all(f.independent_sources == 1 for f in wire_only)
    rewrite_only = [
        f
        for f in story.facts
        if {outlet[s.article_id] for s in f.support} == {"The Aldmere Courier", "The Coastal Post"}
    ]
    assert rewrite_only and all(f.independent_sources == 1 for f in rewrite_only)


def test_best_confirmed_facts_come_first_and_carry_several_outlets(
    example_report: Report, kharkiv_report: Report
) -> None:
    for report in (example_report, kharkiv_report):
        facts = report.stories[0].facts
        counts = [f.independent_sources for f in facts]
        assert counts == sorted(counts, reverse=True)
        assert facts[0].independent_sources >= 3
        assert any(f.single_outlet for f in facts)


def test_kharkiv_lead_fact_is_confirmed_by_most_outlets(kharkiv_report: Report) -> None:
    top = kharkiv_report.stories[0].facts[0]
    assert len(top.outlets) >= 4 and "Kharkiv" in top.text


def test_brief_says_how_many_independent_sources_carry_each_point(example_report: Report) -> None:
    story = example_report.stories[0]
    assert all(s.independent_sources >= 1 for s in story.brief.sentences)
    assert story.brief.sentences[0].independent_sources >= 2


def test_facts_and_timeline_events_start_after_a_dateline(example_report: Report) -> None:
    """ "PORT ALDMERE (Northline) — A fire destroyed ..." is a fact about the fire, not the dateline."""
    from parallax.outlets import DATELINE

    texts = {a.id: a.text for a in example_report.articles}
    story = example_report.stories[0]
    starts = [f.text for f in story.facts] + [e.text for e in story.timeline]
    assert starts and not [t for t in starts if DATELINE.match(t)]
    wire = [f for f in story.facts if f.text.startswith("A fire destroyed two grain silos")]
    assert wire, "the wire lead, without its dateline"
    assert any(DATELINE.match(texts[s.article_id], 0) for s in wire[0].support), (
        "its source does open with a dateline"
    )


def test_a_loose_early_paraphrase_does_not_split_a_fact_of_close_copies() -> None:
    from parallax.align import AlignOptions, _cluster, _Sentence

    def sentence(article: int) -> _Sentence:
        return _Sentence(article, 0, 0, 10, frozenset({"kharkiv"}), frozenset(), f"group:{article}")

    # article 0 reads first; article 1's loose paraphrase matches it but none of the close copies
    sims = np.array(
        [
            [1.00, 0.80, 0.95, 0.95],
            [0.80, 1.00, 0.70, 0.70],
            [0.95, 0.70, 1.00, 0.96],
            [0.95, 0.70, 0.96, 1.00],
        ],
        dtype=np.float32,
    )
    facts = _cluster([sentence(a) for a in range(4)], sims, AlignOptions())
    assert sorted(facts) == [[0, 2, 3], [1]]


def test_kharkiv_quote_copied_by_four_outlets_is_one_fact(kharkiv_report: Report) -> None:
    facts = kharkiv_report.stories[0].facts
    texts = {a.id: a.text for a in kharkiv_report.articles}
    carrying = [
        f
        for f in facts
        if any(
            "recently directed his team" in texts[s.article_id][s.start : s.end] for s in f.support
        )
    ]
    assert max(len(f.support) for f in carrying) >= 4


def test_a_date_shared_by_chance_does_not_make_two_facts_one(pipeline: Pipeline) -> None:
    """Numbers tell two facts apart, but a calendar date's are no quantity: two polls that share
    the "9" of their dates and nothing else are two facts, with no date to dispute."""
    from parallax.align import align_facts
    from parallax.discrepancy import date_discrepancies
    from parallax.models import Article

    texts = [
        "The poll was conducted between Oct. 30 and Nov. 9, and surveyed 2,000 people between "
        "the ages of 18 and 29 with a margin of error of 2.8 percentage points.",
        "The poll surveyed 1,000 adults between Dec. 6-9 with a margin of error between "
        "+/- 3.1 and 4.9.",
    ]
    articles = [Article(str(i) * 12, str(i), t) for i, t in enumerate(texts)]
    analyses = pipeline.nlp.analyse(articles)
    embeddings = pipeline.embed(articles, analyses)
    facts = align_facts(articles, analyses, embeddings, {a.id: i for i, a in enumerate(articles)})
    assert all(len(f.support) == 1 for f in facts)
    assert date_discrepancies(articles, facts) == []


def test_a_tally_weeks_later_is_an_update_not_the_same_fact(pipeline: Pipeline) -> None:
    """Close wording with other numbers is one fact in dispute only between reports of about the
    same day: "Vell has 11 delegates" on Feb 20 and "Vell has 370 delegates" on Mar 15 are two."""
    from parallax.align import align_facts
    from parallax.models import Article

    texts = [
        "Tom Vell has 11 delegates, Ada Brook has 10 and Lena Holt has five.",
        "Tom Vell has 370 delegates, Ada Brook has 163 and Lena Holt has 63.",
    ]

    def supports(days: list[str]) -> list[int]:
        articles = [
            Article(str(i) * 12, str(i), t, published=d)
            for i, (t, d) in enumerate(zip(texts, days, strict=True))
        ]
        analyses = pipeline.nlp.analyse(articles)
        embeddings = pipeline.embed(articles, analyses)
        groups = {a.id: i for i, a in enumerate(articles)}
        return sorted(len(f.support) for f in align_facts(articles, analyses, embeddings, groups))

    assert supports(["2016-02-20", "2016-03-15"]) == [1, 1]
    assert supports(["2016-03-15", "2016-03-15"]) == [2]


def test_two_stories_of_one_outlet_are_one_source_of_a_fact(pipeline: Pipeline) -> None:
    from parallax.models import Article
    from parallax.pipeline import PipelineOptions

    texts = [  # written for this test: one site's two stories (its name spelt two ways) and another
        "The Lindham ferry resumed service on Monday after three weeks of hull repairs in the dock, "
        "the operator said. Fares will stay as they were.",
        "Passengers queued early as the Lindham ferry resumed service on Monday after three weeks "
        "of hull repairs in the dock. A new timetable starts in June.",
        "The Lindham ferry resumed service on Monday after three weeks of repairs to its hull in the "
        "dock, its operator said. Crews worked through the weekend.",
    ]
    outlets = ["Portmere magazine", "Portmeremagazine", "Harbour Daily"]
    articles = [
        Article(str(i) * 12, f"{i}.txt", t, outlet=o)
        for i, (t, o) in enumerate(zip(texts, outlets, strict=True))
    ]
    pipe = Pipeline(PipelineOptions(single_story=True), pipeline.nlp, pipeline.embedder)
    story = pipe.brief(articles).stories[0]
    fact = next(f for f in story.facts if len(f.support) == 3)
    assert fact.independent_sources == 2
    assert len(fact.outlets) == 2 and not fact.single_outlet
