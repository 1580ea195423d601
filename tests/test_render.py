from __future__ import annotations

import dataclasses
import json
import re

import jsonschema
import pytest

from parallax.models import Report
from parallax.render import render
from parallax.render.json import schema


def test_json_output_validates_against_the_schema(
    kharkiv_report: Report, example_report: Report
) -> None:
    for report in (kharkiv_report, example_report):
        data = json.loads(render(report, "json"))
        jsonschema.validate(data, schema())
        assert Report.from_dict(data) == report


def test_schema_rejects_a_broken_report(example_report: Report) -> None:
    data = json.loads(render(example_report, "json"))
    data["articles"][0]["outlet"]["how"] = "guessed"
    try:
        jsonschema.validate(data, schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("an unknown 'how' must not validate")


def test_markdown_shows_brief_citations_and_sources(example_report: Report) -> None:
    text = render(example_report, "md")
    for story in example_report.stories:
        for sentence in story.brief.sentences:
            assert sentence.text in text
    assert re.search(r"\]\[\d+\]", text) or re.search(r" \[\d+\]", text)
    assert "## Sources" in text and "(inferred)" in text


def test_html_is_self_contained_and_escapes_article_text(example_report: Report) -> None:
    first = example_report.articles[0]
    hostile = dataclasses.replace(
        first, text=first.text + "\n\n<script>alert('x')</script>", title="<b>T</b>"
    )
    report = dataclasses.replace(example_report, articles=(hostile, *example_report.articles[1:]))
    page = render(report, "html")
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;T&lt;/b&gt;" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page), "no external assets"
    assert "<link" not in page


def test_html_links_every_citation_to_a_marked_span(example_report: Report) -> None:
    page = render(example_report, "html")
    anchors = set(re.findall(r'href="#((?:span|article)-[^"]+)"', page))
    targets = set(re.findall(r'id="((?:span|article)-[^"]+)"', page))
    assert anchors and anchors <= targets
    brief_links = re.findall(r'class="cite primary" href="#([^"]+)"', page)
    assert brief_links and all(link.startswith("span-") for link in brief_links), (
        "brief sentences land on their span"
    )


def test_html_axis_draws_days_as_dots_and_weeks_as_bars(kharkiv_report: Report) -> None:
    from parallax.render.html import time_axis

    story = kharkiv_report.stories[0]
    points, ticks = time_axis(story)
    dots = [p for p in points if not p.width]
    bars = [p for p in points if p.width]
    assert {p.date for p in dots} == {e.date for e in story.timeline if len(e.date) == 10}
    assert "2024-W20" in {p.date for p in bars}, "'two weeks ago': the week of May 13-19"
    assert len({p.date for p in bars}) == len(bars), "one bar per week or month"
    assert all(p.x >= 30 and p.x + p.width <= 830 for p in bars), "clipped to the axis"
    assert ticks[0][1] == min(p.date for p in dots)
    html = render(kharkiv_report, "html")
    assert html.count("<rect") == len(bars)
    assert "2024-W20, week of May 13" in html and "2024-W20, week of May 13" in render(
        kharkiv_report, "md"
    ), "a week says which days it is"


def test_quotes_shown_put_known_speakers_first_among_equals(kharkiv_report: Report) -> None:
    from parallax.render.common import shown_quotes

    story = kharkiv_report.stories[0]
    nobody = next(q for q in story.quotes if q.direct)
    unattributed = dataclasses.replace(nobody, id="qnobody", speaker=None, speaker_kind="unknown")
    story = dataclasses.replace(story, quotes=(unattributed, *story.quotes))
    shown = shown_quotes(story)
    equals = [q for q in shown if len(q.variants) == len(unattributed.variants)]
    assert len(equals) >= 2 and equals[-1].id == "qnobody", "the same spread, the speaker known"


def test_a_report_says_how_many_quotes_it_leaves_out(kharkiv_report: Report) -> None:
    from parallax.render.common import shown_quotes

    story = kharkiv_report.stories[0]
    shown = shown_quotes(story)
    reported = sum(1 for q in story.quotes if not q.direct)
    assert len(shown) < len(story.quotes) and reported, (
        "Kharkiv has more quotes than a report shows"
    )
    note = (
        f"{len(story.quotes) - len(shown) - reported} more direct and {reported} in reported speech"
    )
    for fmt in ("md", "html"):
        assert note in render(kharkiv_report, fmt), fmt


@pytest.mark.parametrize(
    ("since", "shown"),
    [
        (None, "the first brief"),
        ("2024-05-31", "2024-05-31"),
        ("2026-12-01T19:02:24.458625+00:00", "2026-12-01 19:02 UTC"),
        ("2026-12-01T21:02:24+02:00", "2026-12-01 19:02 UTC"),
        ("2026-12-01T19:02", "2026-12-01 19:02"),
    ],
)
def test_a_change_report_names_its_moment_as_a_reader_writes_it(
    since: str | None, shown: str
) -> None:
    from parallax.render.common import since_label

    assert since_label(since) == shown


def test_a_source_giving_a_range_is_one_line_of_a_disagreement(kharkiv_report: Report) -> None:
    story = kharkiv_report.stories[0]
    disagreement = story.discrepancies[0]
    first = disagreement.claims[0]
    # the same source giving a second value, as a range's two ends are ("between Oct. 30 and Nov. 9")
    second = dataclasses.replace(first, start=first.start + 1, text=first.text[1:])
    ranged = dataclasses.replace(disagreement, claims=(first, second, *disagreement.claims[1:]))
    report = dataclasses.replace(
        kharkiv_report,
        stories=(dataclasses.replace(story, discrepancies=(ranged,)), *kharkiv_report.stories[1:]),
    )
    [row] = [line for line in render(report, "md").splitlines() if ranged.about in line]
    assert f"**{first.text}**" in row and f"**{second.text}**" in row
    assert row.count(report.article(first.article_id).outlet or "unknown outlet") == 1
    page = render(report, "html")
    [line] = [part for part in page.split("<br>") if f"<strong>{first.text}</strong>" in part]
    assert f"<strong>{second.text}</strong>" in line, "one source, one line"


def test_an_unresolved_pronoun_is_shown_as_unnamed(kharkiv_report: Report) -> None:
    from parallax.render.common import speaker_label

    quote = kharkiv_report.stories[0].quotes[0]
    assert speaker_label(dataclasses.replace(quote, speaker="she")) == "unnamed (she)"
    assert speaker_label(dataclasses.replace(quote, speaker="Sherman")) != "unnamed (Sherman)"
    assert speaker_label(dataclasses.replace(quote, speaker=None)) == "speaker not named"


def test_a_long_timeline_shows_the_storys_days_before_its_background_years() -> None:
    """Thirty one-source events: the campaign's five days are shown, not only the years before it."""
    from parallax.models import Brief, Span, Story, TimelineEvent
    from parallax.render.common import MAX_EVENTS_SHOWN, shown_events

    def event(date: str) -> TimelineEvent:
        return TimelineEvent(date, f"Something happened ({date}).", (Span("a" * 12, 0, 5),), 1)

    years = [event(str(year)) for year in range(1980, 2005)]  # 25 background years
    days = [event(f"2016-02-0{day}") for day in range(1, 6)]
    confirmed = TimelineEvent("1990", "A year two sources give.", (Span("a" * 12, 0, 5),), 2)
    # in date order, as the timeline stage lists them
    timeline = sorted((*years, confirmed, *days), key=lambda e: e.date)
    story = Story("s" + "0" * 11, ("a" * 12,), Brief(0, ()), timeline=tuple(timeline))
    shown = shown_events(story)
    assert len(shown) == MAX_EVENTS_SHOWN
    assert all(d in shown for d in days) and confirmed in shown
    assert [e.date for e in shown] == sorted(e.date for e in shown)  # still in date order


def test_a_disagreeing_value_is_shown_with_the_words_around_it() -> None:
    from parallax.models import Claim
    from parallax.render.common import claim_context

    text = (
        "Crews worked all night. About 40 firefighters battled the blaze for more than six hours "
        "at the terminal. Three people were hurt."
    )
    start = text.index("40 firefighters")
    claim = Claim("0" * 12, start, start + len("40 firefighters"), "40 firefighters", 40.0)
    assert text[claim.start : claim.end] == claim.text
    # within its sentence: nothing of "Crews worked all night." nor of "Three people were hurt."
    assert claim_context(claim, text) == ("About ", " battled the blaze for more…")


def test_a_clause_cut_from_its_sentence_opens_its_timeline_line_in_capitals(
    kharkiv_report: Report,
) -> None:
    from parallax.models import Span, TimelineEvent
    from parallax.render.common import event_text

    [story, *_] = kharkiv_report.stories
    article = kharkiv_report.article(story.article_ids[0])
    start = article.text.index(article.text.split()[1])  # the clause starts inside a sentence
    clause = "a fire destroyed a grain terminal last week"
    event = TimelineEvent("2025-W09", clause, (Span(article.id, start, start + 5),), 1)
    assert event_text(event) == "A fire destroyed a grain terminal last week"
    assert event.text == clause, "the event keeps the source's words"
    report = dataclasses.replace(
        kharkiv_report,
        stories=(dataclasses.replace(story, timeline=(event,)), *kharkiv_report.stories[1:]),
    )
    assert "A fire destroyed a grain terminal last week" in render(report, "md")
    assert "A fire destroyed a grain terminal last week" in render(report, "html")


def test_an_inferred_byline_is_marked_as_inferred(kharkiv_report: Report) -> None:
    first = kharkiv_report.articles[0]
    article = dataclasses.replace(first, byline="Ada Brook", byline_how="inferred")
    report = dataclasses.replace(kharkiv_report, articles=(article, *kharkiv_report.articles[1:]))
    assert "by Ada Brook (inferred)" in render(report, "md")
    page = render(report, "html")
    assert re.search(r"Ada Brook<span class=\"how\">\s*\(inferred\)", page)


def test_a_name_in_lower_case_opens_its_timeline_line_as_it_is() -> None:
    from parallax.models import Span, TimelineEvent
    from parallax.render.common import event_text

    def event(text: str) -> TimelineEvent:
        return TimelineEvent("2025-03-03", text, (Span("a" * 12, 0, 5),), 1)

    assert event_text(event("eBay shares fell on Monday")) == "eBay shares fell on Monday"
    assert event_text(event("the harvest ended in 2019")) == "The harvest ended in 2019"
