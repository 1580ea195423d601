"""The temporal tagger: time expressions with their character spans, normalised to TimeML TIMEX3 values.

Rules in the spirit of HeidelTime (a pattern per expression family, a normaliser per pattern), anchored at
the document's date. Tense decides the direction of an unqualified weekday or month: "on Thursday" in a
past-tense sentence is the Thursday before the anchor, "will meet on Monday" the Monday after.

Hand-written because dateparser (tried as the baseline in ``parallax eval tempeval3``) finds dates but not
their extent in TimeML's sense, has no durations, weeks, quarters or vague references (PRESENT_REF), and
fills missing days from its base; the fixes would be rules anyway.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from parallax.models import period_of
from parallax.timex import (
    FUTURE_CUES,
    IRREGULAR_PAST,
    MONTH_RE,
    NUMWORD_RE,
    REPORTED_FUTURE,
    UNIT_RE,
    WEEKDAY_RE,
    Context,
    Normaliser,
    Timex,
    norm_ago,
    norm_anaphoric,
    norm_anaphoric_weekday,
    norm_bare_month,
    norm_century,
    norm_clock,
    norm_clock_day,
    norm_decade,
    norm_deictic,
    norm_duration,
    norm_full_date,
    norm_holiday,
    norm_iso,
    norm_later,
    norm_latest_period,
    norm_month_relative_year,
    norm_month_year,
    norm_numeric_date,
    norm_part_of_day,
    norm_quarter,
    norm_relative_period,
    norm_reported_quarter,
    norm_season,
    norm_set,
    norm_spoken_year,
    norm_time_of_day,
    norm_vague_duration,
    norm_week_of,
    norm_weekday,
    norm_weekend,
    norm_weekly,
    norm_year,
    norm_year_ago,
    norm_year_end,
    norm_year_period,
)

__all__ = ["Timex", "tag"]

# "nineteen ninety-six", "the year two thousand": years as broadcast transcripts spell them.
SPOKEN_YEAR = (
    r"(?i:(?P<century>nineteen|eighteen|twenty)\s+(?P<tens>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?P<ones>one|two|three|four|five|six|seven|eight|nine))?"
    r"|the\s+year\s+(?P<millennium>two\s+thousand)(?:\s+(?:and\s+)?(?P<after>one|two|three|four|five|six|seven|eight|nine))?)"
)

# "the quarter of Democratic caucus voters" is a share of them, not three months; "the quarter of
# 2016" and "the quarter of the year" are
_NOT_A_SHARE = r"(?!\s+of\s+(?!(?:19|20)\d{2}\b|(?:the|this|last|next)\s+(?:fiscal\s+)?year\b))"

# a day with a name of its own ("Super Tuesday", "Black Friday", "Good Friday"): an event's day, not
# the weekday nearest the article's date
_NAMED_DAY = "".join(
    rf"(?<!{word}\s)"
    for word in ("Super", "Black", "Cyber", "Good", "Ash", "Fat", "Bloody", "Easter", "Palm", "Holy",
                 "Maundy", "Giving", "Mega", "Shrove", "Whit", "Low")
)  # fmt: skip

# Order matters: longer, more specific patterns first; a span already taken is not tagged again.
PATTERNS: tuple[tuple[re.Pattern[str], Normaliser], ...] = (
    (re.compile(r"\b\d{4}-\d{2}-\d{2}(?=T\d|\b)"), norm_iso),  # also a time stamp's date part
    (re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b"), norm_numeric_date),
    (
        re.compile(
            rf"\b(?:(?P<hour>\d{{1,2}})(?::(?P<minute>\d{{2}}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|(?P<noon>noon|midnight))"
            rf"(?:\s+(?:[ECMP][SD]T|GMT|UTC))?,?\s+(?:on\s+)?(?:(?P<weekday>{WEEKDAY_RE})|(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?)\b"
        ),
        norm_clock_day,
    ),
    (
        re.compile(
            r"\b(?:(?P<mod>last|next|this)\s+)?(?P<holiday>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Easter(?:\s+(?:Sunday|week))?|Independence\s+Day|Labor\s+Day|Election\s+Day)(?:,?\s+(?P<year>\d{4}))?\b"
        ),
        norm_holiday,
    ),
    (
        re.compile(
            rf"\b(?:(?P<month>{MONTH_RE})\s+|(?:the\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+of\s+)"
            rf"{SPOKEN_YEAR}\b"
        ),
        norm_spoken_year,
    ),
    (re.compile(rf"\b{SPOKEN_YEAR}\b"), norm_spoken_year),
    (
        re.compile(
            r"\b(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?:(?:a|one)\s+year\s+(?:ago|earlier)|year[- ](?:ago|earlier))(?!\s+(?:first|second|third|fourth)[- ]quarter)(?:\s+(?:quarter|period|results))?\b"
            r"|\bthe\s+(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)\b|\blast\s+year's\s+(?:quarter|period)\b|\bthe\s+corresponding\s+period\s+last\s+year\b",
            re.I,
        ),
        norm_year_ago,
    ),
    (re.compile(r"\bthe\s+(?:latest|most\s+recent)\s+period\b", re.I), norm_latest_period),
    (re.compile(r"\bthe\s+(?P<year>(?:19|20)\d{2})\s+(?:quarter|period)\b"), norm_year_period),
    (
        re.compile(
            rf"\bthe\s+week\s+of\s+(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b"
        ),
        norm_week_of,
    ),
    (
        re.compile(
            rf"\b(?:{WEEKDAY_RE},?\s+)?(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b"
        ),
        norm_full_date,
    ),
    (
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_RE})(?:,?\s+(?P<year>\d{{4}}))?\b"
        ),
        norm_full_date,
    ),
    (
        re.compile(
            r"\b(?:(?P<rel>last|next|this)\s+year's\s+|(?:the\s+)?(?:(?P<year2>(?:19|20)\d{2})\s+|(?P<ago>year[- ](?:ago|earlier))\s+)?)?(?P<ord>first|second|third|fourth)[- ]quarter(?:\s+of)?(?:\s+(?P<year>\d{4}))?",
            re.I,
        ),
        norm_quarter,
    ),
    (
        re.compile(
            r"\bthe\s+(?:latest|most recent|just-ended|recent)?\s*quarter\b" + _NOT_A_SHARE, re.I
        ),
        norm_reported_quarter,
    ),
    (
        re.compile(
            r"\b(?:(?P<mod>this\s+past|this|last|next|past)\s+|(?<=the )|(?<=The ))(?:(?:early|late|mid)[- ])?(?P<season>spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Fall|Winter)(?:\s+(?:of\s+)?(?P<year>\d{4}))?\b",
            re.I,
        ),
        norm_season,
    ),
    (
        re.compile(
            rf"\b(?:(?:early|mid|late|earlier|later)[- ])?(?P<month>{MONTH_RE})\s+(?P<rel>this|last|next)\s+year\b"
        ),
        norm_month_relative_year,
    ),
    (
        re.compile(
            rf"\b(?:(?:early|mid|late|earlier|later)[- ])?(?P<month>{MONTH_RE})(?:,?\s+(?P<year>\d{{4}}))\b"
        ),
        norm_month_year,
    ),
    (
        re.compile(
            rf"\b(?:(?:early|late|mid)[- ])?(?:(?P<mod>this|last|next)\s+)?(?P<month>{MONTH_RE})(?!\s+\d)\b(?<!May)"
        ),
        norm_bare_month,
    ),
    (
        re.compile(
            r"\b(?:(?:in|of|since|by|until|from)\s+(?P<core>(?P<month>May))|(?P<mod>last|this|next|early|late|mid)[- ](?P<month2>May))\b(?!\s+\d)"
        ),
        norm_bare_month,
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>this|last|next|yesterday|tomorrow)\s+|{_NAMED_DAY}(?P<weekday>{WEEKDAY_RE})\s+)(?P<part>morning|afternoon|evening|night)\b",
            re.I,
        ),
        norm_part_of_day,
    ),
    (
        re.compile(
            r"\b(?:mid[- ]?(?P<part>morning|afternoon)(?:\s+(?P<deictic>yesterday|today|tomorrow))?|(?P<midday>midday)|(?P<overnight>overnight)"
            r"|(?:in|during)\s+(?P<core>the\s+(?P<part2>morning|afternoon|evening)))\b",
            re.I,
        ),
        norm_time_of_day,
    ),
    (
        re.compile(
            rf"\bthe\s+(?P<rel>previous|preceding|following)\s+(?P<weekday>{WEEKDAY_RE})\b", re.I
        ),
        norm_anaphoric_weekday,
    ),
    (
        re.compile(
            rf"\b(?:each|every)\s+(?P<weekday>{WEEKDAY_RE})(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
        ),
        norm_weekly,
    ),
    (
        re.compile(
            rf"\b{_NAMED_DAY}(?:(?P<mod>this(?:\s+coming)?|last|next|coming)\s+)?(?P<weekday>{WEEKDAY_RE})\b"
        ),
        norm_weekday,
    ),
    (
        re.compile(
            r"\b(?:recent|coming|past)\s+(?P<unit>years|months|weeks|days|hours|decades)\b"
            r"|\bthe\s+(?P<unit2>years|months|weeks|days)\s+ahead\b",
            re.I,
        ),
        norm_vague_duration,
    ),
    (
        re.compile(
            r"\b(?:for|within)\s+(?P<core>(?P<unit>years|months|weeks|days|hours|decades))\b"
            r"(?!\s+(?:ago|before|after|later|earlier|of|to)\b)",
            re.I,
        ),
        norm_vague_duration,
    ),
    (
        re.compile(
            r"\b(?:(?:earlier|later|early|late|mid)[- ])?(?P<mod>this|last|next|the past|the coming|coming|the\s+current(?:\s+fiscal)?)\s+(?P<unit>week|month|year|quarter|weekend|spring|summer|autumn|fall|winter)\b",
            re.I,
        ),
        norm_relative_period,
    ),
    (
        re.compile(
            r"\b(?P<word>today|yesterday|tomorrow|tonight|nowadays|now|currently|current|recently|these days|the (?:near|short) term|the near future|the future|the past(?!\s+(?:\w+\s+)?(?:few|several|\d+|two|three|four|five|six|seven|eight|nine|ten|weeks?|months?|years?|days?|decades?|hours?)))\b",
            re.I,
        ),
        norm_deictic,
    ),
    (
        re.compile(
            r"\b(?:(?:earlier|later)\s+)?(?:that\s+(?:same\s+)?|the\s+(?P<rel>following|previous|preceding)\s+)(?P<unit>day|week|month|year)\b"
            r"|\bthe\s+(?P<rel2>next)\s+(?P<unit2>day)\b"
            r"|\b(?:earlier|later)\s+in\s+the\s+(?P<unit3>day|week|month|year)\b",
            re.I,
        ),
        norm_anaphoric,
    ),
    (
        re.compile(
            rf"\b(?P<num>{NUMWORD_RE})\s+(?P<unit>(?:day|week|month|year)s?)\s+(?P<dir>later|earlier)\b",
            re.I,
        ),
        norm_later,
    ),
    (re.compile(r"\bthe\s+weekend\b", re.I), norm_weekend),
    (
        re.compile(
            r"\b(?:(?P<mod>next)\s+)?(?:year[- ]end|year's\s+end)\b|\bthe\s+end\s+of\s+(?:the|this)\s+year\b",
            re.I,
        ),
        norm_year_end,
    ),
    (
        re.compile(
            rf"\b(?P<num>{NUMWORD_RE})\s+(?P<unit>{UNIT_RE})\s+(?P<dir>ago|from now|hence)\b",
            re.I,
        ),
        norm_ago,
    ),
    (
        re.compile(
            r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)",
            re.I,
        ),
        norm_clock,
    ),
    (
        re.compile(
            r"\b(?P<set>daily|weekly|monthly|annually|yearly|hourly|(?:every|each)\s+(?:day|week|month|year|hour|quarter))\b",
            re.I,
        ),
        norm_set,
    ),
    (
        re.compile(
            rf"\b(?:the\s+(?:(?:last|past|next|first|coming)\s+)?)?(?P<num>{NUMWORD_RE})(?P<half>\s+1/2)?(?:\s+(?:more|additional|straight|consecutive))?[- ](?P<unit>{UNIT_RE})(?P<half2>\s+and\s+a\s+half)?\b(?!-old|-long|\s+old\b)",
            re.I,
        ),
        norm_duration,
    ),
    (re.compile(r"\b(?P<decade>(?:1[89]|20)\d0)s\b"), norm_decade),
    (
        re.compile(
            r"\bthe\s+(?P<spoken>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
            re.I,
        ),
        norm_decade,
    ),
    (re.compile(r"\b(?P<century>\d{1,2})(?:st|nd|rd|th)[- ]century\b", re.I), norm_century),
    (
        re.compile(
            r"\b(?i:in|since|by|of|until|before|after|from|through|during|for)\s+(?P<core>(?P<year>1[6-9]\d{2}|20\d{2}))\b(?!,\d)"
        ),
        norm_year,
    ),
    (re.compile(r"\bfiscal\s+(?P<year>(?:19|20)\d{2})\b"), norm_year),
    (re.compile(r"(?<![\d,.$])\b(?P<year>(?:19|20)\d{2})\b(?![\d%]|[,.]\d)"), norm_year),
)


_CLAUSE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr|\bMs|\bDr|\bSt|\bCo)(?<!\bMrs|\bGen|\bSen|\bRep|\bGov|\bInc|\bJan|\bFeb|\bAug|\bOct|\bNov|\bDec)"
    r"(?<!\bCorp|\bSept)[.!?](?:''|[\"”’'])?\s|[,;\n]"
)


# A verb in the past tense right next to the expression ("said Friday", "Thursday refused", "announced
# on Tuesday") dates it in the past whatever the rest of the clause says ("will remain ... even after a
# court Thursday refused"); verbs of planning and delay look ahead ("postponed until Tuesday").
_PAST_BEFORE = re.compile(r"\b(said|told|\w{2,}ed)(?:\s+\w+ly)?(?:\s+(?:on|early|late))?\s+$", re.I)
_PAST_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(said|told|\w{2,}ed)\b")
_LOOKING_AHEAD = frozenset(
    [
        "planned",
        "scheduled",
        "expected",
        "slated",
        "postponed",
        "delayed",
        "extended",
        "adjourned",
        "deferred",
        "intended",
        "hoped",
        "wanted",
        "aimed",
        "proposed",
        "needed",
    ]
)


# "will be counted Tuesday", "is to be decided Monday": a passive participle after "be" is no past
_PASSIVE_BE = re.compile(r"\bbe\s+$", re.I)


def _past_verb_beside(text: str, start: int, end: int) -> bool:
    before = _PAST_BEFORE.search(text, max(0, start - 40), start)
    if before and _PASSIVE_BE.search(text, max(0, before.start() - 4), before.start()):
        before = None
    after = _PAST_AFTER.match(text, end, min(len(text), end + 40))
    return any(m is not None and m.group(1).lower() not in _LOOKING_AHEAD for m in (before, after))


# what follows a date that is still to come: "as Election Day nears", "with the deadline looming"
_LOOKS_AHEAD = re.compile(
    r"(?:[’']s)?\s+(?:nears|approaches|looms|draws (?:near|closer)|is (?:near|nearing|approaching|looming))\b"
)
# the clause's own future right after the date ("the primary on Tuesday will test Rubio"), unless a
# past verb stands before it ("the report released Tuesday will shape", "the storm that hit Monday")
_WILL_AFTER = re.compile(r"(?:[’']s)?\s+(?:will|won[’']t)\s")
# (besides the regular past tenses _past_verb_beside sees: an irregular one or a relative clause)
_PAST_JUST_BEFORE = re.compile(
    rf"\b(?:{IRREGULAR_PAST}|(?:that|which|who)\s+\w+)(?:\s+(?:on|early|late|last))?\s+$", re.I
)
# a present-tense verb of the calendar, then what is held, right before the day: "the Silver State
# holds its caucuses on Saturday", "the council meets Monday", "voters go to the polls Tuesday": a date
# on the schedule, still to come ("holds a lead after the vote on Saturday" is no such verb's date)
_SCHEDULED = re.compile(
    r"\b(?:holds|meets|convenes|begins|starts|opens|resumes|hosts|kicks off|go(?:es)? to the polls"
    r"|takes place)(?:\s+(?!(?:after|before|since|of|from|with|following|in|at|for)\b)[\w’'-]+){0,3}?"
    r"\s+(?:on\s+)?$"
    # an event of the calendar that "is" on the day: "Stadia's launch day is Tuesday", "the deadline
    # is Friday", "the vote is on Thursday"
    r"|\b(?:day|date|deadline|vote|election|launch|release|premiere|opening|hearing|trial|meeting|"
    r"debate|primary|caucus(?:es)?|summit|ceremony|game|match)\s+(?:is|are)\s+(?:on\s+)?$",
    re.I,
)


def _future(text: str, start: int, ends: list[int] | None = None, end: int | None = None) -> bool:
    """True when what follows the expression says it is coming ("as Election Day nears"), or the
    clause before ``start`` looks ahead ("will meet on Monday") and no past-tense verb stands beside
    the expression (``end``: where it ends). ``ends``: the clause ends of ``text``
    (``_clause_ends``), computed once per text by the caller."""
    if end is not None and _LOOKS_AHEAD.match(text, end):
        return True  # "as Election Day nears"
    if ends is None:
        ends = _clause_ends(text)
    before = bisect.bisect_right(ends, start) - 1
    left = max(ends[before] if before >= 0 else 0, start - 300)
    if end is not None and _WILL_AFTER.match(text, end):
        return not _PAST_JUST_BEFORE.search(text, max(left, start - 40), start) and not (
            _past_verb_beside(text, start, end)
        )
    if (
        not FUTURE_CUES.search(text, left, start)
        and not _SCHEDULED.search(text, max(left, start - 60), start)
        and not REPORTED_FUTURE.search(text, left, start)
    ):
        return False
    return end is None or not _past_verb_beside(text, start, end)


def _clause_ends(text: str) -> list[int]:
    return [m.end() for m in _CLAUSE_END.finditer(text)]


_REFERENCES = tuple(
    (pattern, normalise)
    for pattern, normalise in PATTERNS
    if normalise in (norm_full_date, norm_month_year, norm_year, norm_weekday, norm_deictic)
    and "core" not in pattern.groupindex
)
_CALENDAR = re.compile(r"\d{4}(?:-\d{2}){0,2}")
_FINANCIAL = re.compile(
    r"\b(?:first|second|third|fourth)[- ]quarter|\bthe quarter\b"
    + _NOT_A_SHARE
    + r"|\bquarterly\b",
    re.I,
)


# a sentence's end and a paragraph break: no date runs across them ("in January.\n\n7:00 p.m.")
_ACROSS_PARAGRAPHS = re.compile(r"\n\s*\n|[.!?]\s*\n")


def _references(text: str, anchor: date, ends: list[int]) -> list[tuple[int, date, int]]:
    """Every calendar date, weekday, month and year the text names, in order, with its precision (3 =
    day, 2 = month, 1 = year): what "that day", "the previous day" or "two days later" count from."""
    found: list[tuple[int, date, int]] = []
    for pattern, normalise in _REFERENCES:
        for match in pattern.finditer(text):
            if _ACROSS_PARAGRAPHS.search(text, match.start(), match.end()):
                continue
            result = normalise(
                match, Context(anchor, _future(text, match.start(), ends, match.end()))
            )
            if result is None or not _CALENDAR.fullmatch(result[1]):
                continue
            parts = [int(p) for p in result[1].split("-")]
            found.append((match.start(), date(*[*parts, 1, 1][:3]), len(parts)))
    return sorted(found)


_PRECISION = {"day": 3, "week": 3, "month": 2, "year": 1, "later": 3, "earlier": 3}
# the normalisers that count from the last date the text named, with the precision that date needs
# (None: the unit the expression ends on, "later that year" a year, "two days later" a day)
_COUNTS_FROM_REFERENCE: dict[Normaliser, int | None] = {
    norm_anaphoric: None,
    norm_later: None,
    norm_clock: 3,
    norm_time_of_day: 3,
    norm_anaphoric_weekday: 3,
}


# "Employees had complained ... the previous day": the past perfect puts it before the story's own
# event, so "the previous day" counts from the first day the article names (its lead's), not from
# the last one named before it ("on Wednesday", when the fire was brought under control)
_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+\s+){0,3}?\w+(?:ed|en|wn|ld|ght|id|ne)\b[^.;!?]*$", re.I)
_BACKWARD = re.compile(r"\b(?:previous|preceding|before)\b", re.I)


def _reference_for(
    text: str, references: list[tuple[int, date, int]], start: int, needed: int, expression: str
) -> date | None:
    """What an anaphoric expression counts from: the last date named before it, or, for a day
    before in the past perfect, the first day the article names."""
    if needed == 3 and _BACKWARD.search(expression):
        sentence = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
        if _PAST_PERFECT.search(text, sentence, start):
            days = [day for at, day, precision in references if at < start and precision >= 3]
            if days:
                return days[0]
    return _last_reference(references, start, needed)


def _last_reference(
    references: list[tuple[int, date, int]], start: int, needed: int
) -> date | None:
    before = bisect.bisect_left(references, (start,))
    for _, day, precision in reversed(references[max(0, before - 20) : before]):
        if precision >= needed:
            return day
    return None


def tag(text: str, anchor: date) -> list[Timex]:
    """Every time expression in ``text``, normalised against ``anchor`` (the article's date)."""
    taken: list[tuple[int, int]] = []
    found: list[Timex] = []
    financial = bool(_FINANCIAL.search(text))
    ends = _clause_ends(text)
    references = _references(text, anchor, ends)
    for pattern, normalise in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("core") if match.groupdict().get("core") else match.span()
            while start < end and text[start].isspace():
                start += 1
            if any(s < end and start < e for s, e in taken) or _ACROSS_PARAGRAPHS.search(
                text, start, end
            ):
                continue  # "in January.\n\n7:00 p.m.": a sentence's month and the next time stamp
            context = Context(anchor, _future(text, start, ends, end), financial)
            if normalise in _COUNTS_FROM_REFERENCE:
                # "two days later" counts from a day, "four years later" from a year ("in 2008")
                last = (
                    match["unit"] if normalise is norm_later else match.group(0).split()[-1]
                ).lower()
                needed = _COUNTS_FROM_REFERENCE[normalise] or _PRECISION.get(last.rstrip("s"), 3)
                reference = (
                    _reference_for(text, references, start, needed, match.group(0))
                    if normalise is norm_anaphoric
                    else _last_reference(references, start, needed)
                )
                context = Context(anchor, context.future, financial, reference)
            result = normalise(match, context)
            if result is None:
                continue
            found.append(Timex(start, end, result[0], result[1], text[start:end]))
            taken.append((start, end))
    return sorted(found, key=lambda t: t.start)


# What the timeline and the brief read of a sentence's dates: a clock time alone says the hour, not
# the day; an event's value is a day, week, month, quarter, season or year (not a duration or a set)
CLOCK_ONLY = re.compile(r"\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)", re.IGNORECASE)
EVENT_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q\d|SP|SU|FA|WI))?")


Period = tuple[date, date]
# a reporting verb right before a date: the day the words were said ("said on Wednesday", "told CNN
# on Thursday", "the minister said Friday"), not the day of what they tell
REPORTED_ON = re.compile(
    r"\b(?:said|says|told(?: [A-Z][\w.&'’-]*){1,3}|added|stated|wrote|tweeted|confirmed)\s+(?:on\s+|late\s+|early\s+)?$"
)


@lru_cache(maxsize=65536)
def event_periods(sentence: str, published: str | None) -> tuple[Period, ...]:
    """The days the sentence's dates cover, read against its article's date (``published``): what
    tells two sentences of like wording apart as two events ("Stadia launches today" of one day and
    "Stadia launches tomorrow" of the same day; "NASA announced Nov. 18" and "A year ago, NASA
    announced"). Read in the sentence alone: an expression that counts from a date named before it
    ("the next day") is not valued, so it clashes with nothing."""
    if not published:
        return ()
    anchor = date.fromisoformat(published[:10])
    out = []
    for timex in tag(sentence, anchor):
        matched = EVENT_VALUE.match(timex.value) if timex.type == "DATE" else None
        if matched is None or CLOCK_ONLY.fullmatch(timex.text):
            continue
        if REPORTED_ON.search(sentence, 0, timex.start):
            continue  # "the fire service said on Wednesday": when it was told, not when it happened
        try:
            out.append(period_of(matched.group(0)))
        except ValueError:  # a value out of the calendar ("2019-W53")
            continue
    return tuple(out)


def dates_clash(first: Sequence[Period], second: Sequence[Period]) -> bool:
    """Both sentences are dated and no date of one overlaps a date of the other."""
    return bool(first and second) and not any(
        a_start <= b_end and b_start <= a_end
        for a_start, a_end in first
        for b_start, b_end in second
    )
