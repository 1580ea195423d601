"""The temporal tagger: time expressions with their character spans, normalised to TimeML TIMEX3 values.

Rules in the spirit of HeidelTime (a pattern per expression family, a normaliser per pattern), anchored at
the document's date. Tense decides the direction of an unqualified weekday or month: "on Thursday" in a
past-tense sentence is the Thursday before the anchor, "will meet on Monday" the Monday after.

Hand-written because dateparser (tried as the baseline in ``parallax eval tempeval3``) finds dates but not
their extent in TimeML's sense, has no durations, weeks, quarters or vague references (PRESENT_REF), and
fills missing days from its base; the fixes would be rules anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBERS: dict[str, int | str] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "several": "X", "few": "X", "a few": "X", "many": "X", "some": "X",
    "twenty four": 24, "twenty-four": 24, "eighteen": 18, "sixteen": 16, "fourteen": 14, "thirteen": 13,
}  # fmt: skip
UNITS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "quarter": "Q",
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|going to|plans? to|is scheduled|are scheduled|is to|are to|upcoming|"
    r"would (?:stay|remain|be)(?: \w+)? (?:until|by)|(?:stay|remain)s? (?:closed|open|shut) until)\b",
    re.I,
)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMWORD = r"(?:\d+|a few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty[- ]four|twenty|thirty|forty|fifty|hundred|several|few|many|some)"
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|century|quarter)s?"


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: TimexType
    value: str
    text: str


Normaliser = Callable[[re.Match[str], date, bool], tuple[TimexType, str] | None]


def _num(word: str) -> int | str:
    word = word.lower().replace("-", " ")
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word, "X")


def _shift_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    return date(month_index // 12, month_index % 12 + 1, 1)


def _year_for(month: int, anchor: date, future: bool) -> int:
    """A month named without a year: the one after the anchor in future contexts, else the nearest."""
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    ahead = (month - anchor.month) % 12
    if ahead == 0:
        return anchor.year
    return (
        anchor.year + (1 if month < anchor.month else 0)
        if ahead <= 2
        else anchor.year - (1 if month > anchor.month else 0)
    )


def _full_date(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["day"])
    year = int(m["year"]) if m["year"] else _year_for(month, anchor, future)
    try:
        return "DATE", date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_year(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    year = int(m["year"]) if m["year"] else _year_for(month, anchor, future)
    return "DATE", f"{year:04d}-{month:02d}"


def _bare_month(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    month = MONTHS[(m["month"] or m.groupdict().get("month2") or "").lower().rstrip(".")]
    modifier = (m["mod"] or "").lower()
    if modifier == "last":
        year = anchor.year - 1 if month >= anchor.month else anchor.year
    elif modifier == "next":
        year = anchor.year + 1 if month <= anchor.month else anchor.year
    elif modifier == "this":
        year = anchor.year
    else:
        year = _year_for(month, anchor, future)
    return "DATE", f"{year:04d}-{month:02d}"


def _iso(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    return "DATE", m.group(0)


def _year(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    return "DATE", m["year"]


def _decade(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    return "DATE", m["decade"][:3]


def _weekday(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    target = WEEKDAYS[m["weekday"].lower()]
    modifier = (m["mod"] or "").lower()
    delta = (target - anchor.weekday()) % 7
    if modifier == "next" or (future and modifier != "last"):
        day = anchor + timedelta(days=delta or 7)
    elif modifier == "this":
        day = anchor + timedelta(days=delta if future else delta - 7 if delta else 0)
    else:  # past: the most recent such day, the anchor's own weekday meaning that day itself
        day = anchor - timedelta(days=(anchor.weekday() - target) % 7)
        if modifier == "last" and day == anchor:
            day -= timedelta(days=7)
    return "DATE", day.isoformat()


_DEICTIC: dict[str, Callable[[date], tuple[TimexType, str]]] = {
    "today": lambda a: ("DATE", a.isoformat()),
    "yesterday": lambda a: ("DATE", (a - timedelta(days=1)).isoformat()),
    "tomorrow": lambda a: ("DATE", (a + timedelta(days=1)).isoformat()),
    "tonight": lambda a: ("TIME", f"{a.isoformat()}TNI"),
    "now": lambda a: ("DATE", "PRESENT_REF"),
    "currently": lambda a: ("DATE", "PRESENT_REF"),
    "nowadays": lambda a: ("DATE", "PRESENT_REF"),
    "recently": lambda a: ("DATE", "PAST_REF"),
    "recent": lambda a: ("DATE", "PAST_REF"),
    "current": lambda a: ("DATE", "PRESENT_REF"),
    "the past": lambda a: ("DATE", "PAST_REF"),
    "the future": lambda a: ("DATE", "FUTURE_REF"),
    "future": lambda a: ("DATE", "FUTURE_REF"),
    "soon": lambda a: ("DATE", "FUTURE_REF"),
}


def _deictic(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    return _DEICTIC[m["word"].lower()](anchor)


def _relative_period(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    """this/last/next/the past ... week/month/year/quarter, and "earlier this month"."""
    modifier = m["mod"].lower()
    unit = m["unit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(
        modifier.split()[-1], 0
    )
    if unit == "week":
        iso = (anchor + timedelta(weeks=step)).isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}"
    if unit == "month":
        day = _shift_months(anchor, step)
        return "DATE", f"{day.year:04d}-{day.month:02d}"
    if unit == "year":
        return "DATE", f"{anchor.year + step:04d}"
    if unit == "quarter":
        quarter = (anchor.month - 1) // 3 + step
        year = anchor.year + quarter // 4
        return "DATE", f"{year:04d}-Q{quarter % 4 + 1}"
    if unit in SEASONS:
        year = anchor.year + step
        return "DATE", f"{year:04d}-{SEASONS[unit]}"
    if unit in ("weekend",):
        iso = (anchor + timedelta(weeks=step)).isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}-WE"
    return None


def _ago(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    amount = _num(m["num"])
    unit = m["unit"].lower().rstrip("s")
    sign = 1 if m["dir"].lower() in ("from now", "later", "hence") else -1
    if not isinstance(amount, int):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if unit == "day":
        return "DATE", (anchor + timedelta(days=sign * amount)).isoformat()
    if unit == "week":
        return "DATE", (anchor + timedelta(weeks=sign * amount)).isoformat()
    if unit == "month":
        day = _shift_months(anchor, sign * amount)
        return "DATE", f"{day.year:04d}-{day.month:02d}"
    if unit == "year":
        return "DATE", f"{anchor.year + sign * amount:04d}"
    if unit == "decade":
        return "DATE", f"{anchor.year + sign * 10 * amount:04d}"
    return None


def _vague_duration(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    """ "recent years", "the coming months": an unspecified number of units."""
    unit = m["unit"].lower().rstrip("s")
    prefix = "PT" if unit in ("hour", "minute") else "P"
    return "DURATION", f"{prefix}X{UNITS[unit]}"


def _duration(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    amount = _num(m["num"]) if m["num"] else 1
    unit = m["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    code = UNITS.get(unit)
    if code is None:
        return None
    if code == "Q":
        return "DURATION", f"P{amount if amount != 'X' else 'X'}Q"
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    return "DURATION", f"{prefix}{amount}{code}"


def _plural_duration(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    unit = m["unit"].lower().rstrip("s")
    code = UNITS.get(unit)
    if code is None:
        return None
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    return "DURATION", f"{prefix}X{code}"


def _part_of_day(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    part = PARTS_OF_DAY[m["part"].lower()]
    day = anchor
    if m["weekday"]:  # "Wednesday night": annotated as the day itself
        return _weekday(m, anchor, future)
    elif (m["mod"] or "").lower() == "yesterday":
        day = anchor - timedelta(days=1)
    elif (m["mod"] or "").lower() == "tomorrow":
        day = anchor + timedelta(days=1)
    return "TIME", f"{day.isoformat()}T{part}"


def _clock(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    hour = int(m["hour"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    minute = int(m["minute"] or 0)
    return "TIME", f"{anchor.isoformat()}T{hour:02d}:{minute:02d}"


def _quarter(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    index = {"first": 1, "second": 2, "third": 3, "fourth": 4}[m["ord"].lower()]
    year = (
        int(m["year"])
        if m["year"]
        else anchor.year
        if index <= (anchor.month - 1) // 3 + 1
        else anchor.year - 1
    )
    return "DATE", f"{year:04d}-Q{index}"


def _reported_quarter(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    """ "the quarter" in business news: the last quarter completed before the anchor."""
    quarter = (anchor.month - 1) // 3 - 1
    year = anchor.year + (-1 if quarter < 0 else 0)
    return "DATE", f"{year:04d}-Q{quarter % 4 + 1}"


def _season(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    season = SEASONS[m["season"].lower()]
    modifier = (m["mod"] or "").lower()
    year = int(m["year"]) if m["year"] else anchor.year + {"last": -1, "next": 1}.get(modifier, 0)
    return "DATE", f"{year:04d}-{season}"


def _set(m: re.Match[str], anchor: date, future: bool) -> tuple[TimexType, str] | None:
    word = m["set"].lower()
    value = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
    }.get(word)
    if value is None:
        unit = word.split()[-1].rstrip("s")
        value = (
            f"P1{UNITS.get(unit, 'D')}"
            if unit not in ("hour", "minute", "second")
            else f"PT1{UNITS[unit]}"
        )
    return "SET", value


# Order matters: longer, more specific patterns first; a span already taken is not tagged again.
PATTERNS: tuple[tuple[re.Pattern[str], Normaliser], ...] = (
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), _iso),
    (
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b"
        ),
        _full_date,
    ),
    (
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?\b"
        ),
        _full_date,
    ),
    (
        re.compile(
            r"\b(?:(?:the\s+)?(?P<ord>first|second|third|fourth)[- ]quarter(?:\s+of)?(?:\s+(?P<year>\d{4}))?)",
            re.I,
        ),
        _quarter,
    ),
    (
        re.compile(r"\bthe\s+(?:latest|most recent|just-ended|recent)?\s*quarter\b", re.I),
        _reported_quarter,
    ),
    (
        re.compile(
            r"\b(?:(?P<mod>this|last|next)\s+|(?<=the )|(?<=The ))(?P<season>spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Fall|Winter)(?:\s+(?:of\s+)?(?P<year>\d{4}))?\b",
            re.I,
        ),
        _season,
    ),
    (
        re.compile(
            rf"\b(?:(?:early|mid|late|earlier|later)[- ])?(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))\b"
        ),
        _month_year,
    ),
    (
        re.compile(
            rf"\b(?:(?:early|late|mid)[- ])?(?:(?P<mod>this|last|next)\s+)?(?P<month>{_MONTH})(?!\s+\d)\b(?<!May)"
        ),
        _bare_month,
    ),
    (
        re.compile(
            r"\b(?:(?:in|of|since|by|until|from)\s+(?P<core>(?P<month>May))|(?P<mod>last|this|next|early|late|mid)[- ](?P<month2>May))\b(?!\s+\d)"
        ),
        _bare_month,
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>this|last|next|yesterday|tomorrow)\s+|(?P<weekday>{_WEEKDAY})\s+)(?P<part>morning|afternoon|evening|night)\b",
            re.I,
        ),
        _part_of_day,
    ),
    (re.compile(rf"\b(?:(?P<mod>this|last|next)\s+)?(?P<weekday>{_WEEKDAY})\b"), _weekday),
    (
        re.compile(
            r"\b(?:recent|coming|past)\s+(?P<unit>years|months|weeks|days|hours|decades)\b", re.I
        ),
        _vague_duration,
    ),
    (
        re.compile(
            r"\b(?P<word>today|yesterday|tomorrow|tonight|nowadays|now|currently|current|recently|the future|the past(?!\s+(?:\w+\s+)?(?:few|several|\d+|two|three|four|five|six|seven|eight|nine|ten|weeks?|months?|years?|days?|decades?|hours?)))\b",
            re.I,
        ),
        _deictic,
    ),
    (
        re.compile(
            r"\b(?:(?:earlier|later)\s+)?(?P<mod>this|last|next|the past|the coming|coming)\s+(?P<unit>week|month|year|quarter|weekend|spring|summer|autumn|fall|winter)\b",
            re.I,
        ),
        _relative_period,
    ),
    (
        re.compile(
            rf"\b(?P<num>{_NUMWORD})\s+(?P<unit>{_UNIT})\s+(?P<dir>ago|from now|hence)\b",
            re.I,
        ),
        _ago,
    ),
    (
        re.compile(
            r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)",
            re.I,
        ),
        _clock,
    ),
    (
        re.compile(
            r"\b(?P<set>daily|weekly|monthly|annually|yearly|every\s+(?:day|week|month|year|hour))\b",
            re.I,
        ),
        _set,
    ),
    (
        re.compile(
            rf"\b(?:the\s+(?:(?:last|past|next|first|coming)\s+)?)?(?P<num>{_NUMWORD})[- ](?P<unit>{_UNIT})\b(?!-old|-long)",
            re.I,
        ),
        _duration,
    ),
    (
        re.compile(r"\b(?P<unit>years|months|weeks|days|hours|minutes|decades)\b", re.I),
        _plural_duration,
    ),
    (re.compile(r"\b(?P<decade>(?:1[89]|20)\d0)s\b"), _decade),
    (
        re.compile(
            r"\b(?:in|since|by|of|until|before|after|from|through|during)\s+(?P<core>(?P<year>(?:19|20)\d{2}))\b"
        ),
        _year,
    ),
    (re.compile(r"(?<![\d,.$])\b(?P<year>(?:19|20)\d{2})\b(?![\d,%])"), _year),
)

_CAPITALISED_ONLY = (
    _weekday,
)  # "may" the verb, "march" the noun: months and weekdays need a capital


def _future(text: str, start: int) -> bool:
    """True when the clause before ``start`` looks ahead ("will meet on Monday")."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind(",", 0, start)) + 1
    return bool(FUTURE_CUES.search(text[left:start]))


def tag(text: str, anchor: date) -> list[Timex]:
    """Every time expression in ``text``, normalised against ``anchor`` (the article's date)."""
    taken: list[tuple[int, int]] = []
    found: list[Timex] = []
    for pattern, normalise in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("core") if match.groupdict().get("core") else match.span()
            while start < end and text[start].isspace():
                start += 1
            if any(s < end and start < e for s, e in taken):
                continue
            result = normalise(match, anchor, _future(text, start))
            if result is None:
                continue
            found.append(Timex(start, end, result[0], result[1], text[start:end]))
            taken.append((start, end))
    return sorted(found, key=lambda t: t.start)
