"""Timeline: anchors inferred for undated articles, events on the right days, merged across sources."""

from __future__ import annotations

import pytest

from parallax.models import Article, Report, TimelineEvent
from parallax.pipeline import Pipeline
from parallax.timeline import infer_publication_dates


def test_undated_kharkiv_articles_get_inferred_dates_near_the_dated_one(
    kharkiv_report: Report,
) -> None:
    dated = [a for a in kharkiv_report.articles if a.published_how == "extracted"]
    inferred = [a for a in kharkiv_report.articles if a.published_how == "inferred"]
    assert len(dated) == 1 and len(inferred) == 4
    for article in inferred:
        assert article.published in ("2024-05-30", "2024-05-31") and any(
            "inferred" in n for n in article.notes
        )


def test_weekdays_the_article_mentions_pick_its_day() -> None:
    sibling = Article("a" * 12, "a", "x", published="2025-03-12", published_how="given")
    told = Article(
        "b" * 12, "b", "Officials said on Friday that the fire was out. On Thursday crews left."
    )
    plain = Article("c" * 12, "c", "The fire was out.")
    _, dated_told, dated_plain = infer_publication_dates([sibling, told, plain])
    assert dated_told.published == "2025-03-13" or dated_told.published == "2025-03-12"
    assert dated_plain.published == "2025-03-12" and dated_plain.published_how == "inferred"
    assert infer_publication_dates([plain]) == [plain], "no dated sibling: no date, never today's"


def test_a_wires_dateline_gives_its_day() -> None:
    """ "HALDEN, Oct 7 (Reuters) -": the filing day, in the year of the story's dated articles; a
    dateline far from them is not taken for one."""
    sibling = Article("a" * 12, "a", "x", published="2025-10-08", published_how="given")
    wire = Article(
        "b" * 12, "b", "HALDEN, Oct 7 (Reuters) - The dam operator said on Monday it would act."
    )
    _, dated = infer_publication_dates([sibling, wire])
    assert (dated.published, dated.published_how) == ("2025-10-07", "inferred")
    assert any("dateline" in note for note in dated.notes)
    # across a new year: "Dec 31" beside a story of January 2
    new_year = Article("c" * 12, "c", "LONDON, Dec 31 (Reuters) - Markets closed early.")
    january = Article("d" * 12, "d", "x", published="2026-01-02", published_how="given")
    assert infer_publication_dates([january, new_year])[1].published == "2025-12-31"
    far = Article("e" * 12, "e", "HALDEN, Mar 3 (Reuters) - The dam was inspected.")
    assert infer_publication_dates([sibling, far])[1].published == "2025-10-08"


def test_kharkiv_events_land_on_their_days(kharkiv_report: Report) -> None:
    events = kharkiv_report.stories[0].timeline
    by_day: dict[str, list[str]] = {}
    for event in events:
        by_day.setdefault(event.date, []).append(event.text)
    assert any("May 13" in t or "13" in t for t in by_day.get("2024-05-13", [])), (
        "the video conference"
    )
    assert any("Thursday" in t for t in by_day.get("2024-05-30", [])), (
        "'on Thursday' before a Friday date"
    )
    assert any("Wednesday" in t for t in by_day.get("2024-05-29", [])), "Blinken in Moldova"
    assert "2024-W20" in by_day, "'two weeks ago' from May 31: the week of May 13-19"
    assert any("previous day" in t for t in by_day.get("2024-05-28", [])), (
        "'the previous day' after 'on Wednesday'"
    )
    firsts = [e.period()[0] for e in events]
    assert firsts == sorted(firsts), "chronological: a week or month by its first day"
    week = [i for i, e in enumerate(events) if e.date == "2024-W20"]
    may_10 = [i for i, e in enumerate(events) if e.date == "2024-05-10"]
    may_15 = [i for i, e in enumerate(events) if e.date == "2024-05-15"]
    assert max(may_10) < min(week) < min(may_15), "the week of May 13-19 among its days, not last"


def test_example_timeline_merges_sources_and_keeps_spans_valid(example_report: Report) -> None:
    story = example_report.stories[0]
    texts = {a.id: a.text for a in example_report.articles}
    fire = [e for e in story.timeline if e.date == "2025-03-11"]
    assert fire, "the fire on Tuesday night, the day before the reports"
    assert any(e.date == "2025-03-14" and e.independent_sources >= 2 for e in story.timeline), (
        "closed until Friday"
    )
    for event in story.timeline:
        for span in event.support:
            assert 0 <= span.start < span.end <= len(texts[span.article_id])
        assert (
            event.text
            == texts[event.support[0].article_id][event.support[0].start : event.support[0].end]
        )
    assert not any("9:40" in e.text and e.date != "2025-03-11" for e in story.timeline)
    # the Courier's "on Monday" and the Coastal Post's "had complained ... the previous day" (the day
    # before the fire, not before Wednesday's "under control") are one event
    [complaints] = [e for e in story.timeline if e.date == "2025-03-10"]
    assert len({s.article_id for s in complaints.support}) == 2


def test_two_dates_in_one_sentence_date_two_clauses() -> None:
    from parallax.timeline import clause_of

    text = "Ukraine asked for permission on May 13, and Biden agreed in principle on 15 May after the talks."
    first, second = text.index("May 13"), text.index("15 May")
    assert (
        text[slice(*clause_of(text, 0, len(text), first, [second]))]
        == "Ukraine asked for permission on May 13"
    )
    assert text[slice(*clause_of(text, 0, len(text), second, [first]))].startswith(
        "Biden agreed in principle"
    )
    lone = "Austin, Sullivan, and Gen. Brown met their counterparts on May 13."
    assert clause_of(lone, 0, len(lone), lone.index("May"), []) == (0, len(lone))


def _events(pipeline: Pipeline, text: str, published: str) -> list[TimelineEvent]:
    """The timeline of one article of ``text`` published on ``published``."""
    from parallax.timeline import find_events

    article = Article("d" * 12, "d", text, published=published, published_how="given")
    analyses = pipeline.nlp.analyse([article], entities=False)
    return find_events([article], analyses, pipeline.embed([article], analyses), {})


def test_a_year_that_names_a_thing_dates_no_event(pipeline: Pipeline) -> None:
    text = (
        "The company's 2025 bond weakened sharply on Monday. "
        "In 2018, the company raised money from investors. "
        "Before the 2016 election the company was small."
    )
    events = _events(pipeline, text, "2019-11-19")
    assert {e.date for e in events} == {"2019-11-18", "2018", "2016"}


def test_a_day_something_was_said_dates_nothing_beside_the_day_it_happened(
    pipeline: Pipeline,
) -> None:
    text = (
        "The ferry hit the pier on Tuesday, the operator said on Wednesday. "
        "The council said on Wednesday that it would inspect the quay. "
        "The government said it would declare an emergency on Thursday."
    )
    dated = {(e.date, e.text.split()[1]) for e in _events(pipeline, text, "2025-04-09")}
    assert dated == {
        ("2025-04-08", "ferry"),
        ("2025-04-09", "council"),
        ("2025-04-10", "government"),
    }

    told = (
        "The operator, which plans job cuts this week, confirmed on Tuesday that it had been fined."
    )
    events = _events(pipeline, told, "2025-04-09")
    assert "2025-04-08" in {e.date for e in events}, "what was said follows: the saying is an event"


def test_a_date_after_after_dates_the_clause_it_ends(pipeline: Pipeline) -> None:
    """ "... in the days after Russia launched its offensive on May 10.": May 10 is the offensive's
    day, not the day of what the sentence leads with; two outlets' clauses of it are one event."""
    from parallax.timeline import find_events

    texts = [
        "The ministers signed the plan in the days after Lindham launched its harbour appeal on May 10.",
        "Talks began weeks after Lindham launched its big harbour appeal on 10 May, the council said.",
    ]
    articles = [
        Article(c * 12, c, t, published="2024-05-31", published_how="given")
        for c, t in zip("ab", texts, strict=True)
    ]
    analyses = pipeline.nlp.analyse(articles, entities=False)
    events = find_events(articles, analyses, pipeline.embed(articles, analyses), {})
    [may_10] = [e for e in events if e.date == "2024-05-10"]
    assert may_10.text == "Lindham launched its harbour appeal on May 10"
    assert len(may_10.support) == 2 and may_10.independent_sources == 2
    # a clause of what will happen dates no event of that day
    [later] = _events(
        pipeline, "He is waiting until the vote will be held on May 20.", "2024-05-10"
    )
    assert later.text.startswith("He is waiting")


def test_a_clause_with_a_common_noun_subject_is_dated_too(pipeline: Pipeline) -> None:
    """ "... on Monday after a fire destroyed a grain terminal last week.": last week is the fire's,
    and the timeline says so in the clause's own words."""
    text = (
        "The minister announced new rules on Monday after a fire destroyed a grain terminal "
        "last week. Prices rose before the harvest ended in 2019."
    )
    by_date = {e.date: e.text for e in _events(pipeline, text, "2025-03-05")}
    assert by_date["2025-W09"] == "a fire destroyed a grain terminal last week"
    assert by_date["2019"] == "the harvest ended in 2019"
    assert by_date["2025-03-03"].startswith("The minister announced")


def test_short_clauses_naming_different_people_are_two_events() -> None:
    from parallax.timeline import _same_clause

    assert _same_clause(
        "Lindham launched its harbour appeal on May 10",
        "Lindham launched its big harbour appeal on 10 May",
    )
    assert not _same_clause(
        "Ada Brook won the Lindham seat on Tuesday", "Tom Vell won the Lindham seat on Tuesday"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The bill cleared the Senate after a heated debate on Monday.",
        "The central bank cut interest rates after a widely expected vote on Tuesday.",
        "Shares in the company tumbled after a failed takeover bid on Wednesday.",
    ],
)
def test_a_noun_phrase_after_after_is_no_dated_clause(pipeline: Pipeline, sentence: str) -> None:
    [event] = _events(pipeline, sentence, "2025-03-05")
    assert event.text == sentence


def test_a_named_subject_after_the_article_still_dates_its_clause(pipeline: Pipeline) -> None:
    text = (
        "Trump tweeted soon after the House Select Committee on Intelligence concluded its third "
        "public hearing on Tuesday."
    )
    [event] = _events(pipeline, text, "2019-11-20")
    assert event.text.startswith("the House Select Committee on Intelligence concluded")
