"""What the Markdown and HTML renderers share: citation numbers, labels, date ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath

from parallax.models import (
    PRONOUN_SPEAKERS,
    Article,
    Claim,
    Derivation,
    Discrepancy,
    Fact,
    Quote,
    Report,
    Story,
    TimelineEvent,
)


@dataclass(frozen=True)
class SourceRef:
    number: int
    article: Article

    @property
    def outlet(self) -> str:
        return self.article.outlet or "unknown outlet"

    @property
    def label(self) -> str:
        return f"[{self.number}]"


def numbering(report: Report) -> dict[str, SourceRef]:
    """Article id -> its citation number, in report order (1-based)."""
    return {a.id: SourceRef(i, a) for i, a in enumerate(report.articles, start=1)}


def how_mark(how: str | None) -> str:
    """A short mark after a metadata value saying how it was obtained ('' when given)."""
    return {"inferred": " (inferred)", "extracted": ""}.get(how or "", "")


def story_dates(report: Report, story: Story) -> str:
    days = sorted(
        {a.published for a in (report.article(i) for i in story.article_ids) if a.published}
    )
    if not days:
        return "undated"
    return days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}"


def story_outlets(report: Report, story: Story) -> list[str]:
    names = [report.article(i).outlet for i in story.article_ids]
    known = sorted({n for n in names if n})
    unknown = sum(1 for n in names if not n)
    return known + ([f"{unknown} unidentified"] if unknown else [])


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """ "1 article", "2 articles"."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


MAX_FACTS_SHOWN = 12
MAX_CHANGES_SHOWN = 8  # per kind of change; the JSON has them all  # the best-confirmed facts; the JSON has them all
KIND_PHRASES = {
    "duplicate": "duplicates",
    "rewrite": "rewrites",
    "wire": "carries wire copy of",
    "cites": "cites",
}


def shown_facts(story: Story) -> list[Fact]:
    """Facts worth a reader's look: carried by two or more outlets, best confirmed first."""
    return [f for f in story.facts if len(f.outlets) > 1][:MAX_FACTS_SHOWN]


def derivation_phrase(d: Derivation, refs: dict[str, SourceRef]) -> tuple[str, str, str]:
    """(deriving article, verb, other side) for one derivation, in words."""
    source = refs[d.source]
    if d.to_article_id and d.to_article_id in refs:
        target = refs[d.to_article_id]
        other = f"{target.label} {target.outlet}"
    else:
        other = f"{d.to_outlet or 'an unnamed outlet'} (not among the inputs)"
    return f"{source.label} {source.outlet}", KIND_PHRASES[d.kind], other


MAX_QUOTES_SHOWN = 10


def shown_quotes(story: Story) -> list[Quote]:
    """Quotes worth a reader's look: direct quotes, those worded by the most outlets first, and
    among equals those whose speaker is known."""
    direct = [q for q in story.quotes if q.direct]
    return sorted(direct, key=lambda q: (-len(q.variants), q.speaker is None))[:MAX_QUOTES_SHOWN]


def quotes_left_out(story: Story, shown: int) -> str | None:
    """What a report says of the quotes it does not show (a reader should know the list is cut)."""
    left = len(story.quotes) - shown
    if left <= 0:
        return None
    reported = sum(1 for q in story.quotes if not q.direct)
    direct = left - reported
    parts = [
        f"{direct} more direct" if direct else "",
        f"{reported} in reported speech" if reported else "",
    ]
    return f"{' and '.join(p for p in parts if p)} (the JSON output lists every quote)"


def speaker_label(quote: Quote) -> str:
    """Who said it, as a report shows it: a pronoun no earlier speaker resolved is shown as one
    ("unnamed (she)"), not as if it were a name."""
    if not quote.speaker:
        return "speaker not named"
    if quote.speaker.lower() in PRONOUN_SPEAKERS:
        return f"unnamed ({quote.speaker})"
    kind = {"anonymous": " (anonymous)", "organisation": " (organisation)"}.get(
        quote.speaker_kind, ""
    )
    return f"{speaker_shown(quote)}{kind}"


def speaker_shown(quote: Quote) -> str:
    """The speaker by the full name the story gives them ("Antony Blinken" for one outlet's
    "Blinken" and another's "Secretary of State Antony Blinken"), else as the outlet put it."""
    return quote.speaker_name or quote.speaker or "unattributed"


MAX_EVENTS_SHOWN = 25


def event_text(event: TimelineEvent) -> str:
    """An event's words as a timeline line shows them: a clause cut from inside its sentence ("a
    fire destroyed a grain terminal last week") opens in capitals, like every other line. The span
    it cites is the source's words as they are."""
    if not re.match(r"[a-z]+\b", event.text):
        return event.text  # "eBay shares fell", "iPhone sales": a name's own lower case stays
    return event.text[:1].upper() + event.text[1:]


def event_date(event: TimelineEvent) -> str:
    """An event's date as a reader reads it: an ISO week says which days it is ("2024-W20, week of
    May 13"); other TIMEX3 values ("2024-05-30", "2024-05", "2024-SU") read as they are."""
    if "-W" not in event.date:
        return event.date
    monday = event.period()[0]
    return f"{event.date}, week of {_MONTH_NAMES[monday.month - 1]} {monday.day}"


# English month names whatever the locale (strftime's %B follows it)
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# what both renderers say of a change report with nothing in it, and of the events a timeline leaves out
NOTHING_NEW = "Nothing: no article of this story was stored since, and none left it."
EVENTS_LEFT_OUT = "{} more, on fewer sources or dated less precisely"


def shown_events(story: Story) -> list[TimelineEvent]:
    """The timeline as a reader wants it, in date order: when there are many events, the best
    confirmed are kept and, among as well confirmed, the most precise (a day before a week, a month, a
    year). The story's own events are dated to the day ("on Monday"), its background to a year ("in
    2008"): a tie broken by order of date had filled a campaign's timeline with the elections before it."""
    events = list(story.timeline)
    if len(events) > MAX_EVENTS_SHOWN:
        ranked = sorted(
            range(len(events)), key=lambda i: (-events[i].independent_sources, _days(events[i]), i)
        )
        keep = set(ranked[:MAX_EVENTS_SHOWN])
        events = [e for i, e in enumerate(events) if i in keep]
    return events


def _days(event: TimelineEvent) -> int:
    """How many days an event's date covers (1 for a day, 365 or 366 for a year)."""
    try:
        first, last = event.period()
    except ValueError:  # a TIMEX3 value the period does not read: the least precise
        return 10_000
    return (last - first).days + 1


def claims_by_source(discrepancy: Discrepancy) -> list[list[Claim]]:
    """A discrepancy's claims, one list per article in the order they first appear: a source that
    gives a range ("between Oct. 30 and Nov. 9") is one line with both ends, not two lines."""
    grouped: dict[str, list[Claim]] = {}
    for claim in discrepancy.claims:
        grouped.setdefault(claim.article_id, []).append(claim)
    return list(grouped.values())


CONTEXT_WORDS = 5  # words shown either side of a disagreeing value, within its sentence


def claim_context(claim: Claim, text: str) -> tuple[str, str]:
    """The words before and after a claim's span, up to CONTEXT_WORDS each and within its sentence
    ("…said the deal was worth" / "including debt…"): what the value counts, so that a reader can
    judge the disagreement without opening the article. "…" marks words left out."""
    before = text[: claim.start]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    before = before[cut + 1 :] if cut >= 0 else before
    after = text[claim.end :]
    stops = [
        i
        for i in (after.find(". "), after.find("? "), after.find("! "), after.find("\n"))
        if i >= 0
    ]
    after = after[: min(stops) + 1] if stops else after
    head, tail = before.split(), after.split()
    lead = ("…" if len(head) > CONTEXT_WORDS else "") + " ".join(head[-CONTEXT_WORDS:])
    trail = " ".join(tail[:CONTEXT_WORDS]) + ("…" if len(tail) > CONTEXT_WORDS else "")
    # the span's own spacing: "$6.5 billion," keeps its comma close
    lead = lead + " " if lead and before[-1:].isspace() else lead
    trail = " " + trail if trail and after[:1].isspace() else trail
    return lead, trail


def since_label(since: str | None) -> str:
    """The moment a change report counts from, as a reader writes it: "2026-12-01 19:02 UTC" for a
    stored brief's time (ISO, microseconds and all), a date as given, "the first brief" for none."""
    if not since:
        return "the first brief"
    try:
        moment = datetime.fromisoformat(since)
    except ValueError:
        return since
    if len(since) <= 10:  # a date alone
        return moment.date().isoformat()
    if moment.tzinfo is not None:
        return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return moment.strftime("%Y-%m-%d %H:%M")


def change_lines(report: Report, story: Story) -> list[tuple[str, list[str]]]:
    """What's new in a story, as (heading, items) pairs for the renderers; empty without --since."""
    changes = story.changes
    if changes is None:
        return []
    outlets = [
        report.article(i).outlet or f"unidentified ({PurePath(report.article(i).source).name})"
        for i in changes.new_articles
    ]
    sections = [
        (
            "New articles",
            [f"{len(changes.new_articles)}: " + ", ".join(outlets)] if outlets else [],
        ),
        ("New outlets", list(changes.new_outlets)),
        (
            "New facts",
            [
                story.facts[i].text
                for i in sorted(
                    changes.new_facts, key=lambda i: -story.facts[i].independent_sources
                )
            ],
        ),
        (
            "Facts confirmed by a newer source",
            [
                f"{story.facts[i].text} ({story.facts[i].independent_sources} independent now)"
                for i in changes.confirmed_facts
            ],
        ),
        (
            "New quotes",
            [
                f"{speaker_shown(story.quotes[i])}: “{story.quotes[i].text}”"
                for i in changes.new_quotes
            ],
        ),
        (
            "Quotes in new wording",
            [
                f"{speaker_shown(story.quotes[i])}: “{story.quotes[i].text}”"
                for i in changes.reworded_quotes
            ],
        ),
        ("New disagreements", [story.discrepancies[i].about for i in changes.new_discrepancies]),
        (
            "New dates",
            [f"{story.timeline[i].date}: {story.timeline[i].text}" for i in changes.new_timeline],
        ),
        (
            "Articles now in another story",
            [
                f"{a.outlet or 'unidentified'}: {a.title or a.article_id} "
                + (f"(now in story {a.story_id})" if a.story_id else "(now in no story)")
                for a in changes.left
            ],
        ),
    ]
    shown = []
    for heading, items in sections:
        if items:
            more = len(items) - MAX_CHANGES_SHOWN
            cut = items[:MAX_CHANGES_SHOWN] + (
                [f"… and {more} more (all in the JSON)"] if more > 0 else []
            )
            shown.append((heading, cut))
    return shown
