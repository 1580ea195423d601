"""TIMEX3 values: the tables and normalisers the temporal tagger (temporal.py) applies to its matches.

Each normaliser takes a pattern's match and a ``Context`` (the anchor date, the clause's tense, whether
the document reports quarterly results, the last date the text named) and returns a TIMEX3 type and
value, or None when the match is not a time expression after all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from parallax.models import SEASON_START

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# a calendar day written out, "May 13", "Sept. 9", "13 May": what a fact's date is and what its numbers
# are not (discrepancy.py, align.py); month first with any name, day first with a full name
_MONTH_NAMES = sorted((name.capitalize() for name in MONTHS), key=len, reverse=True)
_FULL_MONTHS = [
    name.capitalize() for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")
]
CALENDAR_DAY = (
    rf"\b(?:(?P<month>{'|'.join(_MONTH_NAMES)})\.?\s+(?P<day>\d{{1,2}})(?!\d)"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{'|'.join(_FULL_MONTHS)}))\b"
)
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
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "seventeen": 17, "nineteen": 19,
    "hundred": 100, "several": "X", "a couple of": 2, "couple of": 2, "few": "X", "a few": "X", "many": "X", "some": "X",
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
    r"\b(?:will|won[’']t|shall|[’']ll|going to|plans? to|plann(?:ed|ing) to|(?:is|are|was|were|has|have) scheduled|set to|plann(?:ed|ing)|effective|"
    r"is to|are to|upcoming|as (?:soon|early) as|expected to|"
    r"would (?:stay|remain|be)(?: \w+)? (?:until|by)|would be \w+ing|(?:stay|remain)s? (?:closed|open|shut) until)\b",
    re.I,
)
# the future of reported speech: "the government said it would declare an emergency on Thursday" (a
# day after "on": "would get around Wednesday's ruling" is a ruling already made)
REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|announced|promised|pledged|vowed|warned|confirmed|told [\w ]{1,30}?)\s+(?:that\s+)?"
    r"[\w’' ]{0,40}?\bwould\s+(?!have\b)[a-z]+\b[^.;:]{0,60}?\bon\s+$",
    re.I,
)
_NUMBER = re.compile(r"\d[\d,.]*")
# a calendar date's numbers ("Nov. 9", "6 May", "May 13, 2024") are no quantity: two polls "conducted
# between Oct. 30 and Nov. 9" and "between Dec. 6-9" share a 9 and are still two facts, and two
# sources giving one meeting "May 13" and "May 15" are one fact whose date they dispute
_DATE_NUMBERS = re.compile(rf"{CALENDAR_DAY}(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+\d{{4}})?(?!\d)")


def quantity_numbers(text: str) -> frozenset[str]:
    """The numbers a sentence states, less those of its calendar dates: what tells two sentences
    of like wording apart as two facts ("Cruz has 11 delegates" / "Cruz has 370 delegates")."""
    return frozenset(
        n.rstrip(".,").replace(",", "") for n in _NUMBER.findall(_DATE_NUMBERS.sub(" ", text))
    )


MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUMWORD_RE = r"(?:\d+|a few|a couple of|couple of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty[- ]four|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few|many|some)"
UNIT_RE = r"(?:second|minute|hour|day|week|month|year|decade|century|quarter)s?"


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: TimexType
    value: str
    text: str


@dataclass(frozen=True)
class Context:
    """What a normaliser knows besides its match: the anchor, the clause's tense, the document."""

    anchor: date
    future: bool = False
    financial: bool = False  # the document reports quarterly results ("a year ago" = that quarter)
    reference: date | None = None  # the last full date before the expression, for "that day"


Normaliser = Callable[[re.Match[str], Context], tuple[TimexType, str] | None]


def _num(word: str) -> int | str:
    word = word.lower().replace("-", " ")
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word, "X")


def _shift_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    return date(month_index // 12, month_index % 12 + 1, 1)


def _year_for(month: int, anchor: date, future: bool, ahead_months: int = 2) -> int:
    """A month named without a year: the one after the anchor in future contexts, else the nearest,
    a month up to ``ahead_months`` ahead counting as nearer than the same month behind (news mostly
    tells the past: two by default; six, the plain nearest, for a scheduled event)."""
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    ahead = (month - anchor.month) % 12
    if ahead == 0:
        return anchor.year
    return (
        anchor.year + (1 if month < anchor.month else 0)
        if ahead <= ahead_months
        else anchor.year - (1 if month > anchor.month else 0)
    )


def month_number(name: str) -> int:
    """The number of a month name or abbreviation ("Sept.", "March")."""
    return MONTHS[name.lower().rstrip(".")]


def norm_full_date(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    month = month_number(m["month"])
    day = int(m["day"])
    year = int(m["year"]) if m["year"] else _year_for(month, ctx.anchor, ctx.future)
    try:
        return "DATE", date(year, month, day).isoformat()
    except ValueError:
        return None


def norm_week_of(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "the week of March 6": the ISO week that holds that day."""
    found = norm_full_date(m, ctx)
    if found is None:
        return None
    iso = date.fromisoformat(found[1]).isocalendar()
    return "DATE", f"{iso[0]:04d}-W{iso[1]:02d}"


def norm_month_year(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    month = month_number(m["month"])
    year = int(m["year"]) if m["year"] else _year_for(month, ctx.anchor, ctx.future)
    return "DATE", f"{year:04d}-{month:02d}"


def norm_month_relative_year(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "February this year", "June last year", "April next year"."""
    year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"]]
    return "DATE", f"{year:04d}-{month_number(m['month']):02d}"


# a capitalised word mid-sentence right before a month, that is no day, season or time word: a given
# name ("Jill June", "Mary May"), the month its bearer's surname
_GIVEN_NAME_BEFORE = re.compile(
    r"(?<=[a-z,;]\s)(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter"
    r"|Memorial|Labor|Independence|Day|Early|Late|Mid|Last|Next|This)\b)[A-Z][a-z]+\s+$"
)


def norm_bare_month(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    name = m["month"] or m.groupdict().get("month2") or ""
    after = m.string[m.end() : m.end() + 8]
    before = m.string[max(0, m.start() - 8) : m.start()]
    spelled_out = (
        name in ("May", "June", "July") and "core" in m.re.groupindex
    )  # "in May", "last May"
    if (
        len(name) <= 4
        and not spelled_out
        and name not in ("June", "July")
        and not after.startswith(".")
    ) or (
        re.match(r"\s+(?:for|of the|on)\b", after)
        and not re.search(r"\b(?:in|since|by|until|from|last|next|this|early|late)\s+$", before)
    ):
        # "Jan Kavan", "the March for Life": a name, not a month ("in March for" is one)
        return None
    modifier = (m["mod"] or "").lower()
    at = m.start("month") if m["month"] else m.start("month2") if name else m.start()
    if (
        not modifier
        and _GIVEN_NAME_BEFORE.search(m.string, max(0, at - 30), at)
        and not re.match(r"\s*\d", after)
    ):
        return None  # "insiders such as Jill June": a surname; "Friday June 5" stays a date
    month = month_number(name)
    if modifier == "last":
        year = ctx.anchor.year - 1 if month >= ctx.anchor.month else ctx.anchor.year
    elif modifier == "next":
        year = ctx.anchor.year + 1 if month <= ctx.anchor.month else ctx.anchor.year
    elif modifier == "this":
        year = ctx.anchor.year
    elif not ctx.future and _election_month(m):
        # "win in November", "the nominee in November": the vote
        # to come, up to ten months ahead (a February paper's November is this year's)
        year = _year_for(month, ctx.anchor, future=False, ahead_months=10)
    elif (
        not ctx.future
        and _SCHEDULED_AFTER.match(m.string, m.end())
        and not _PAST_NEAR.search(
            m.string, max(0, m.start() - 60), min(len(m.string), m.end() + 40)
        )
    ):
        year = _year_for(month, ctx.anchor, future=False, ahead_months=6)
    else:
        year = _year_for(month, ctx.anchor, ctx.future)
    return "DATE", f"{year:04d}-{month:02d}"


# a month that names a scheduled event ("November's election", "the March primary"): the one nearest
# the anchor, ahead or behind, instead of the past that a bare month in news usually is
_SCHEDULED_AFTER = re.compile(
    r"(?:[’']s)?\s+(?:(?!(?:the|a|an|this|that|his|her|its|their)\b)[a-z-]+\s+){0,2}?"
    r"(?:elections?|votes?|ballot|polls|showdown|referendum|summit|deadline|primary|primaries|"
    r"caucus(?:es)?|convention|debates?|runoff|midterms?|general election)\b"
)
# a month an election is held in, by the words before it: "a victory in November", "the party's
# nominee in November", "electing a Democrat in November", "going into November"
_ELECTION_BEFORE = re.compile(
    r"\b(?P<word>win|wins|winning|victory|nominee|nominees|elect|electing|electability|beat|beating|"
    r"defeat|defeating|ballot|ballots|vote|votes|voting|voters|polls|pathway|play)\b"
    r"(?:\s+[\w’'-]+){0,4}?\s+(?:in|into|by|until|come)\s+$",
    re.IGNORECASE,
)
# an election's outcome, owned or looked back on: "Trump's win", "since the vote", "after his defeat"
# ("Trump predicts his victory in November" looks ahead)
_OUTCOME = re.compile(
    r"(?:[’']s\s+|\b(?:since|after|following)\s+(?:the\s+|his\s+|her\s+|their\s+)?)(?:\w+\s+)?"
    r"(?:win|victory|defeat|loss|vote|election)\b",
    re.IGNORECASE,
)
# a past verb near the month: the event has happened ("Trump won the March primary")
# irregular past tenses (the regular ones end in -ed): what tells a past clause in news
IRREGULAR_PAST = (
    "won|lost|held|took|came|went|got|made|saw|began|ran|fell|rose|beat|led|met|left|gave|spoke|"
    "shook|drew|struck|brought|caught|fought|found|thought|sought|bought|built|sent|spent|kept|felt|"
    "knew|grew|threw|flew|wore|tore|broke|chose|froze|rode|wrote|drove|became|ate|fled|paid|stood|"
    "sank|swung|overtook|forgot"
)
_PAST_NEAR = re.compile(
    rf"\b(?:[a-z]+ed|was|were|had|did|said|told|{IRREGULAR_PAST}|"
    # a present perfect: "have shaken", "has been", "have already voted"
    r"(?:has|have)\s+(?:\w+ly\s+|already\s+|now\s+|since\s+)?(?:been|[a-z]{2,}ed|shaken|taken|"
    r"given|seen|done|gone|drawn|shown|known|grown|thrown|broken|chosen|spoken|written|driven|risen|"
    r"fallen|beaten|struck|brought|bought|caught|fought|thought|sought|built|sent|spent|kept|felt|"
    r"met|led|won|lost|held|made|said|told|left|become|come))\b"
)


def _election_month(m: re.Match[str]) -> bool:
    """A month named for the election held in it by the words before it, with no past verb after
    the election's word ("a candidate who can win in November", "the only one who can beat Clinton
    in November"; not "Obama won in November", "since Trump's win in November"). "November's
    election" is left to the scheduled-event rule, which looks no more than six months ahead ("since
    the November election" in February is the one behind)."""
    text = m.string
    before = _ELECTION_BEFORE.search(text, max(0, m.start() - 60), m.start())
    if not before:
        return False
    if _OUTCOME.search(text, max(0, before.start() - 24), before.end()):
        return False  # "since Trump's win in November", "after the vote in November": it happened
    return not _PAST_NEAR.search(text, before.end("word"), min(len(text), m.end() + 40))


def norm_iso(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    return "DATE", m.group(0)


def norm_numeric_date(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "11/19/2019": month first, as American news writes it, unless the first number cannot be a
    month ("19/11/2019"); not a date at all when neither order makes one."""
    first, second, year = int(m["first"]), int(m["second"]), int(m["year"])
    month, day = (first, second) if first <= 12 else (second, first)
    try:
        return "DATE", date(year, month, day).isoformat()
    except ValueError:
        return None


def norm_year(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    return "DATE", m["year"]


_SPOKEN_DECADES = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
]


def norm_decade(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "the 1990s" -> 199; "the nineties" -> the decade of the century before the anchor's."""
    if m.groupdict().get("spoken"):
        tens = 2 + _SPOKEN_DECADES.index(m["spoken"].lower())
        century = ctx.anchor.year // 100 - (1 if tens * 10 > ctx.anchor.year % 100 else 0)
        return "DATE", f"{century:02d}{tens}"
    return "DATE", m["decade"][:3]


def norm_century(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "the 20th century" -> 19 (TIMEX3 names a century by its first two digits)."""
    return "DATE", f"{int(m['century']) - 1:02d}"


_POSSESSIVE = re.compile(r"[’']s\b")
# before a day's event: "ahead of" and its like look forward, "before" and "until" may look back
_AHEAD_OF = re.compile(
    r"\b(?:(?P<forward>ahead of|in advance of|on the eve of|run-up to|leading up to)|before|until)"
    r"\s+$",
    re.I,
)


def _named_for_its_day(m: re.Match[str]) -> str:
    """ "Tuesday's primary", "Saturday's caucus": an event named for its day, which tense does not
    place unless a past verb stands near it ("Clinton won Tuesday's primary"), as for a month's
    scheduled event ("nearest"); "ahead of Saturday's caucus" looks forward from a past clause too
    ("Trump spoke ahead of ...": "ahead"); "" when it is none of these."""
    text = m.string
    if not _POSSESSIVE.match(text, m.end()):
        return ""
    ahead = _AHEAD_OF.search(text, max(0, m.start() - 24), m.start())
    if ahead:  # "before Friday's purchases" may look back from a past clause
        return "ahead" if ahead["forward"] else "nearest"
    past = _PAST_NEAR.search(text, max(0, m.start() - 60), min(len(text), m.end() + 40))
    return "" if past else "nearest"


def norm_weekday(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    target = WEEKDAYS[m["weekday"].lower()]
    modifier = (m.groupdict().get("mod") or "").lower()
    if modifier in ("coming", "this coming"):
        modifier = "next"
    delta = (target - ctx.anchor.weekday()) % 7
    if modifier == "next":
        day = ctx.anchor + timedelta(days=delta or 7)
    elif not modifier and not ctx.future and (named := _named_for_its_day(m)):
        # the nearest one, up to two days ahead (news looks back more than forward: Monday's
        # "Thursday's closing price" is past); "days before Tuesday's primary" looks ahead, up to
        # five days ("ahead of"; a Wednesday paper's "before Tuesday's primary" is the day before)
        ahead = 5 if named == "ahead" else 2
        day = ctx.anchor + timedelta(days=delta if delta <= ahead else delta - 7)
    elif ctx.future and modifier != "last":
        # "five states are going to the polls Tuesday" in Tuesday's paper: that day itself (news
        # names the day of the paper by its weekday, as it does in the past tense)
        day = ctx.anchor + timedelta(days=delta)
    elif modifier == "this":
        day = ctx.anchor + timedelta(days=delta if ctx.future else delta - 7 if delta else 0)
    else:  # past: the most recent such day, the ctx.anchor's own weekday meaning that day itself
        day = ctx.anchor - timedelta(days=(ctx.anchor.weekday() - target) % 7)
        if modifier == "last" and day == ctx.anchor:
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
    "the near future": lambda a: ("DATE", "FUTURE_REF"),
    "future": lambda a: ("DATE", "FUTURE_REF"),
    "soon": lambda a: ("DATE", "FUTURE_REF"),
    "the near term": lambda a: ("DATE", "FUTURE_REF"),
    "the short term": lambda a: ("DATE", "FUTURE_REF"),
    "these days": lambda a: ("DATE", "PRESENT_REF"),
}


def norm_deictic(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    return _DEICTIC[m["word"].lower()](ctx.anchor)


def norm_relative_period(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """this/last/next/the past ... week/month/year/quarter, and "earlier this month"."""
    if _named(m, "unit"):
        return None
    modifier = m["mod"].lower()
    unit = m["unit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(
        modifier.split()[-1], 0
    )
    if unit == "week":
        iso = (ctx.anchor + timedelta(weeks=step)).isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}"
    if unit == "month":
        day = _shift_months(ctx.anchor, step)
        return "DATE", f"{day.year:04d}-{day.month:02d}"
    if unit == "year":
        return "DATE", f"{ctx.anchor.year + step:04d}"
    if unit == "quarter":
        quarter = (ctx.anchor.month - 1) // 3 + step
        year = ctx.anchor.year + quarter // 4
        return "DATE", f"{year:04d}-Q{quarter % 4 + 1}"
    if unit in SEASONS:
        year = ctx.anchor.year + step
        return "DATE", f"{year:04d}-{SEASONS[unit]}"
    if unit in ("weekend",):
        iso = (ctx.anchor + timedelta(weeks=step)).isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}-WE"
    return None


def norm_ago(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    amount = _num(m["num"])
    unit = m["unit"].lower().rstrip("s")
    sign = 1 if m["dir"].lower() in ("from now", "later", "hence") else -1
    if not isinstance(amount, int):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if unit == "day":
        return "DATE", (ctx.anchor + timedelta(days=sign * amount)).isoformat()
    if unit == "week":  # the week, not a day in it: "two weeks ago" is as vague as TimeML keeps it
        iso = (ctx.anchor + timedelta(weeks=sign * amount)).isocalendar()
        return "DATE", f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "month":
        day = _shift_months(ctx.anchor, sign * amount)
        return "DATE", f"{day.year:04d}-{day.month:02d}"
    if unit == "year":
        return "DATE", f"{ctx.anchor.year + sign * amount:04d}"
    if unit == "decade":
        return "DATE", f"{ctx.anchor.year + sign * 10 * amount:04d}"
    return None


def norm_vague_duration(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "recent years", "the coming months", "the weeks ahead": an unspecified number of units."""
    unit = (m["unit"] or m.groupdict().get("unit2") or "").lower().rstrip("s")
    prefix = "PT" if unit in ("hour", "minute") else "P"
    return "DURATION", f"{prefix}X{UNITS[unit]}"


# "three-quarters of its food", "a quarter of the market"; but "several quarters of losses" is a span
_FRACTION = re.compile(r"\s+of\s+(?:the|its|their|his|her|all|a|an|this|that)\b")
_ORDINAL = re.compile(
    r"\s+(?!(?:ago|later|earlier|before|after|or|and|to|in)\b)[a-z]"
)  # "a second group"


def _named(m: re.Match[str], group: str) -> bool:
    """A unit word capitalised inside a sentence is a name: "60 Minutes", ABC's "This Week"."""
    start = m.start(group)
    return m[group][:1].isupper() and m.string[max(0, start - 2) : start].strip() not in (".", "")


def norm_duration(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    amount = _num(m["num"]) if m["num"] else 1
    unit = m["unit"].lower().rstrip("s")
    if _named(m, "unit"):
        return None
    if unit == "quarter" and (
        _FRACTION.match(m.string, m.end()) or m.string[m.start("unit") - 1] == "-"
    ):
        return None  # a fraction, not three months
    if (
        m["unit"].lower() == "second"
        and m["num"].lower() in ("a", "an")
        and _ORDINAL.match(m.string, m.end())
    ):
        return None  # "a second betrayal": an ordinal, not a second
    if unit == "centurie":
        unit = "century"
    code = UNITS.get(unit)
    if code is None:
        return None
    if code == "Q":
        return "DURATION", f"P{amount if amount != 'X' else 'X'}Q"
    if code == "DE":  # TimeBank writes decades in years
        return "DURATION", f"P{amount * 10 if isinstance(amount, int) else 'X'}Y"
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    if _is_rate(m):
        return None
    if m.groupdict().get("half") or m.groupdict().get(
        "half2"
    ):  # "2 1/2 years", "a minute and a half"
        half = {"Y": "6M", "M": "30S" if prefix == "PT" else "15D", "H": "30M", "D": "T12H"}.get(
            code
        )
        if half is None:
            return None
        return "DURATION", f"{prefix}{amount}{code}{half}"
    return "DURATION", f"{prefix}{amount}{code}"


_AMOUNT = re.compile(r"[\d$%]|^(?:million|billion|thousand|hundred|percent|times)$", re.I)


def _is_rate(m: re.Match[str]) -> bool:
    """ "$1.76 a year", "24 hours a day", "700 seats a week": a rate, not a time expression."""
    if m["num"] is None or m["num"].lower() not in ("a", "an"):
        return False
    before = m.string[max(0, m.start() - 40) : m.start()].split()[-2:]
    return any(_AMOUNT.search(word) for word in before)


def norm_part_of_day(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    part = PARTS_OF_DAY[m["part"].lower()]
    day = ctx.anchor
    if m["weekday"]:  # "Wednesday evening": that day's evening; "Friday night" is the day itself
        found = norm_weekday(m, ctx)
        if found is None or part not in ("AF", "EV"):
            return found
        return "TIME", f"{found[1]}T{part}"
    modifier = (m["mod"] or "").lower()
    if modifier == "yesterday" or (modifier == "last" and part == "NI"):
        day = ctx.anchor - timedelta(days=1)  # "last night": the night before the article's day
    elif modifier in ("tomorrow", "next"):
        day = ctx.anchor + timedelta(days=1)  # "next morning": the morning after
    return "TIME", f"{day.isoformat()}T{part}"


def norm_time_of_day(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "midday", "mid-afternoon", "overnight": that part of the last day the text named (the
    night before it, overnight)."""
    day = ctx.reference or ctx.anchor
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}.get((m["deictic"] or "").lower())
    if shift is not None:  # "mid-afternoon yesterday"
        day = ctx.anchor + timedelta(days=shift)
    if m["midday"]:
        return "TIME", f"{day.isoformat()}T12:00"
    if m["overnight"]:
        return "TIME", f"{(day - timedelta(days=1)).isoformat()}TNI"
    return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[(m['part'] or m['part2']).lower()]}"


def norm_clock(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    hour = int(m["hour"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    minute = int(m["minute"] or 0)
    day = ctx.reference or ctx.anchor  # "at 9:40 p.m." is on the last day the text named
    return "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def norm_quarter(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    index = {"first": 1, "second": 2, "third": 3, "fourth": 4}[m["ord"].lower()]
    anchor = ctx.anchor
    shift = {"last": -1, "next": 1, "this": 0}.get((m["rel"] or "").lower())
    if m["year"] or m["year2"]:
        year = int(m["year"] or m["year2"])
    elif shift is not None:
        year = anchor.year + shift
    elif m["ago"]:  # "the year-ago third quarter"
        year = anchor.year - 1
    else:
        year = anchor.year if index <= (anchor.month - 1) // 3 + 1 else anchor.year - 1
    return "DATE", f"{year:04d}-Q{index}"


def norm_reported_quarter(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "the quarter" in business news: the last quarter completed before the anchor."""
    return "DATE", _reported_quarter_of(ctx.anchor)


SEASON_AHEAD_DAYS = 31  # a May 31 paper's "early summer" is the one beginning tomorrow


def norm_season(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """A season: of the year named, or "last"/"next"/"this" year's; a bare one ("for much of the fall",
    "by the summer") is the latest that has begun by the anchor, or in a clause that looks ahead the
    one still running or next to come: a February paper's "fall" is the last one, not the next."""
    season = SEASONS[m["season"].lower()]
    modifier = (m["mod"] or "").lower()
    if m["year"] or modifier in ("last", "next", "this"):
        year = (
            int(m["year"])
            if m["year"]
            else ctx.anchor.year + {"last": -1, "next": 1}.get(modifier, 0)
        )
        return "DATE", f"{year:04d}-{season}"
    begun = [
        y
        for y in (ctx.anchor.year + 1, ctx.anchor.year, ctx.anchor.year - 1)
        if date(y, SEASON_START[season], 1) <= ctx.anchor
    ]
    year = begun[0]  # the latest begun; it is still running when it began under three months ago
    running = _shift_months(date(year, SEASON_START[season], 1), 3) > ctx.anchor
    soon = (date(year + 1, SEASON_START[season], 1) - ctx.anchor).days <= SEASON_AHEAD_DAYS
    if (ctx.future and not running) or soon:
        year += 1  # the one to come; a season that begins within the month is that one anyway
    return "DATE", f"{year:04d}-{season}"


def norm_set(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    word = m["set"].lower()
    value = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "hourly": "PT1H",
    }.get(word)
    if value is None:
        unit = word.split()[-1].rstrip("s")
        value = (
            f"P1{UNITS.get(unit, 'D')}"
            if unit not in ("hour", "minute", "second")
            else f"PT1{UNITS[unit]}"
        )
    return "SET", value


def norm_weekly(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "each Thursday", "every Monday night": a weekday that recurs."""
    part = PARTS_OF_DAY[m["part"].lower()] if m["part"] else ""
    return "SET", f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower()] + 1}{'T' + part if part else ''}"


def norm_clock_day(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": the clock time on that day."""
    found = norm_weekday(m, ctx) if m["weekday"] else norm_full_date(m, ctx)
    if found is None:
        return None
    noon = (m["noon"] or "").lower()
    if noon:
        hour, minute = (12, 0) if noon == "noon" else (24, 0)
    else:
        hour = int(m["hour"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        minute = int(m["minute"] or 0)
    return "TIME", f"{found[1]}T{hour:02d}:{minute:02d}"


def _reported_quarter_of(day: date, years_back: int = 0) -> str:
    quarter = (day.month - 1) // 3 - 1
    year = day.year + (-1 if quarter < 0 else 0) - years_back
    return f"{year:04d}-Q{quarter % 4 + 1}"


def norm_year_ago(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "a year ago", "a year earlier", "the year-ago quarter": in a report of quarterly results,
    the same quarter a year before (TimeBank's convention); elsewhere, the previous year."""
    if ctx.financial:
        return "DATE", _reported_quarter_of(ctx.anchor, years_back=1)
    return "DATE", f"{ctx.anchor.year - 1:04d}"


def norm_later(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "two days later", "a week earlier": counted from the last date the text gave, else the anchor."""
    amount = _num(m["num"])
    unit = m["unit"].lower().rstrip("s")
    base = ctx.reference or ctx.anchor
    sign = 1 if m["dir"].lower() in ("later", "after") else -1
    if not isinstance(amount, int) or unit not in ("day", "week", "month", "year"):
        return None
    if unit == "year":
        return "DATE", f"{base.year + sign * amount:04d}"
    if unit == "month":
        day = _shift_months(base, sign * amount)
        return "DATE", f"{day.year:04d}-{day.month:02d}"
    days = amount * (7 if unit == "week" else 1)
    return "DATE", (base + timedelta(days=sign * days)).isoformat()


def norm_anaphoric_weekday(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "the previous Friday", "the following Monday": that weekday before or after the last day the
    text named (the article's date if it named none)."""
    base = ctx.reference or ctx.anchor
    target = WEEKDAYS[m["weekday"].lower()]
    if m["rel"].lower() in ("previous", "preceding"):
        return "DATE", (base - timedelta(days=(base.weekday() - target - 1) % 7 + 1)).isoformat()
    return "DATE", (base + timedelta(days=(target - base.weekday() - 1) % 7 + 1)).isoformat()


def norm_anaphoric(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "that day", "the following year", "later that month", "earlier in the year": the last date the
    text gave, moved."""
    base = ctx.reference or ctx.anchor
    unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
    word = (m["rel"] or m["rel2"] or "").lower()
    step = (
        1
        if word in ("following", "next", "after")
        else -1
        if word in ("previous", "preceding", "before")
        else 0
    )
    if unit == "day":
        return "DATE", (base + timedelta(days=step)).isoformat()
    if unit == "week":
        iso = (base + timedelta(weeks=step)).isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}"
    if unit == "month":
        day = _shift_months(base, step)
        return "DATE", f"{day.year:04d}-{day.month:02d}"
    return "DATE", f"{base.year + step:04d}"


def _holiday_on(name: str, year: int) -> date:
    from dateutil.easter import easter
    from dateutil.relativedelta import MO, TH, relativedelta

    if name.startswith("thanksgiving"):
        return date(year, 11, 1) + relativedelta(weekday=TH(4))
    if name.startswith("christmas eve"):
        return date(year, 12, 24)
    if name.startswith("christmas"):
        return date(year, 12, 25)
    if name.startswith("new year's eve"):
        return date(year, 12, 31)
    if name.startswith("new year"):
        return date(year, 1, 1)
    if name.startswith("easter"):
        return easter(year)
    if name.startswith("independence"):
        return date(year, 7, 4)
    if name.startswith("labor"):
        return date(year, 9, 1) + relativedelta(weekday=MO(1))
    # US Election Day: the Tuesday after the first Monday of November
    return date(year, 11, 1) + relativedelta(weekday=MO(1)) + timedelta(days=1)


def norm_holiday(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """Named days, in the year the tense points to (last Thanksgiving, next Christmas)."""
    name = " ".join(m["holiday"].lower().split())
    modifier = (m["mod"] or "").lower()
    if m["year"]:
        return "DATE", _holiday_on(name, int(m["year"])).isoformat()
    this_year = _holiday_on(name, ctx.anchor.year)
    if modifier == "next" or (ctx.future and modifier != "last"):
        day = this_year if this_year >= ctx.anchor else _holiday_on(name, ctx.anchor.year + 1)
    else:
        day = this_year if this_year <= ctx.anchor else _holiday_on(name, ctx.anchor.year - 1)
    if name.startswith("easter") and "week" in name:
        iso = day.isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}"
    return "DATE", day.isoformat()


_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
         "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}


def norm_spoken_year(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "nineteen ninety-six", "the year two thousand": years as broadcast transcripts spell them."""
    if m["millennium"]:
        return "DATE", f"{2000 + _ONES.get((m['after'] or '').lower(), 0):04d}"
    year = 100 * _TENS[m["century"].lower()] + _TENS[m["tens"].lower()]
    year += _ONES.get((m["ones"] or "").lower(), 0)
    if m.groupdict().get("month"):  # "January nineteen ninety-seven"
        return "DATE", f"{year:04d}-{month_number(m['month']):02d}"
    if m.groupdict().get("season"):  # "the winter of nineteen ninety-four"
        return "DATE", f"{year:04d}-{SEASONS[m['season'].lower()]}"
    return "DATE", f"{year:04d}"


def norm_weekend(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    modifier = (m.groupdict().get("mod") or "").lower()
    if modifier in ("next", "coming") or (ctx.future and modifier not in ("last", "past")):
        day = ctx.anchor + timedelta(days=(5 - ctx.anchor.weekday()) % 7)
    else:
        day = ctx.anchor - timedelta(days=(ctx.anchor.weekday() - 5) % 7)
    iso = day.isocalendar()
    return "DATE", f"{iso[0]}-W{iso[1]:02d}-WE"


def norm_year_end(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    return "DATE", f"{ctx.anchor.year + (1 if (m['mod'] or '').lower() == 'next' else 0):04d}"


def norm_year_period(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    """ "the 1988 quarter": in a quarterly report, the reported quarter of that year."""
    if not ctx.financial:
        return "DATE", m["year"]
    return "DATE", m["year"] + _reported_quarter_of(ctx.anchor)[4:]


def norm_latest_period(m: re.Match[str], ctx: Context) -> tuple[TimexType, str] | None:
    return "DATE", _reported_quarter_of(ctx.anchor)
