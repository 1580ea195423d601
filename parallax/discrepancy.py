"""Discrepancies: numbers and counts that differ between the sources of a story.

Each quantity is read with its unit and what it counts ("40 firefighters", "20 kilometers", "12 miles",
"$4.5 million", "5%", an earthquake's "magnitude 6.4"), normalised to a base unit (kilometres, tonnes;
money only within one currency: "NT$24.05", "A$1.5 million" and "700 million rubles" are not US
dollars, and an amount in brackets after another, "$US1 million ($1.52 million)", is the same money
converted, not a second value), and compared with the quantities of the same kind in the other
articles:

- counts compare when they count the same noun ("about 40 firefighters" / "more than 60 firefighters")
  in sentences about one thing (``ONE_THING_MIN_SIM``), or in sentences somewhat alike
  (``COUNT_MIN_SIM``) when the two values are close (within half again of each other) and the story
  counts that noun at most two ways: a storm story's "14 people" on an island, "21 people" in the north
  and "140 people" evacuated are three counts, not three sources disagreeing; measures likewise;
- measures compare when they have the same dimension and sit in sentences that say the same thing
  (MiniLM cosine >= ``SAME_CONTEXT_MIN_SIM``), so "20 km from the border" meets "12 miles from the
  border" but not an unrelated distance; percentages, and values more than ten times apart, only in
  sentences that state one fact (``SAME_FACT_MIN_SIM``);
- sources disagree when two of them share no value (a copy that gives both counts agrees);
- two articles disagree only when published within ``MAX_DAYS_APART`` days of each other (or either
  is undated): across a story that runs for weeks, a toll, a tally or a poll's lead moves, and the
  value of one day is an update of another's, not a dispute.

Values that agree after normalisation, within the tolerance their wording allows ("about", "a dozen",
rounding of converted units), are not flagged; a bound ("at least 70", "more than 20", "up to 20",
"10 or more") agrees with every value on its side, and with another bound of that side but in
sentences that state one fact ("killing at least 12 people" / "killing at least 15 people": two tolls). Not read as counts: the run a part is counted in
("eight of the past nine contests"), a margin ("439 delegates short"), compounds, scores, clock times
and ranks ("a 73-yard drive", "20-13", "10:30", "No. 2"), also as tokenised text spaces them. Besides
numbers and counts:

- dates: a fact whose sources give it different calendar dates ("met on May 13" / "met on May 15");
  a page's time stamp ("May 2, 2013 1:35 pm") dates no event; relative dates ("on Thursday") wait
  for the timeline's tagger (issue 4);
- names: a person's name spelled differently by different sources ("Volodomyr" / "Volodymyr"), when
  no single source uses both spellings and the two spellings' full names share another word.

Hand-written: quantulum3, the maintained unit parser, pulls in a classifier that wants scikit-learn model
files at run time, and no library pairs quantities across documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

import numpy as np
import numpy.typing as npt

from parallax.models import (
    MAX_DAYS_APART,
    Analysis,
    Article,
    Claim,
    Discrepancy,
    Fact,
    publication_day,
)
from parallax.temporal import Period, dates_clash, event_periods
from parallax.timex import CALENDAR_DAY, month_number

Matrix = npt.NDArray[np.float32]
T = TypeVar("T")

SAME_CONTEXT_MIN_SIM = 0.6  # measures compared only between sentences about the same thing
COUNT_MIN_SIM = 0.5  # counts of one noun: their sentences need be less alike than measures'
# ... but only when the two values are close and the story counts that noun at most two ways. Values
# more than half again apart, or a noun the story counts three ways or more ("14 people" died on an
# island, "21 people" in Guatemala, "140 people" in El Salvador), are compared only between sentences
# about one thing: which count another source's matches is otherwise a guess. Read on DUC 2004's 50
# clusters, each briefed alone (docs/evaluation.md, "Discrepancies"): 12 of the 37 number and count
# flags were true before, 12 of 16 after
ONE_THING_MIN_SIM = 0.7
CLOSE_RATIO = 1.5
CLOSE_MAX_READINGS = 2
# values an order of magnitude apart are compared only between sentences that state one fact
# (align.FACT_MIN_SIM): early tolls do differ tenfold ("at least 10" / "over 100"), a pandemic's
# millions and a quarantine's 28 are two counts
MAX_RATIO = 10.0
SAME_FACT_MIN_SIM = 0.75
EXACT_TOLERANCE = (
    0.03  # "20 km" vs "12 miles" is 3.5% apart after conversion: rounding, not disagreement
)
CONVERTED_TOLERANCE = 0.10  # "200 miles, or 300 kilometers": writers round conversions by up to 7%
APPROX_TOLERANCE = 0.15  # "about 40", "roughly 12,000": the writer promised no more than this

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
}  # fmt: skip
# "m", "mn", "b", "k" only glued to an amount of money: "$334M", "$4.2B", "£1.5bn", "$50K"
SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "m": 1e6,
    "mn": 1e6,
    "b": 1e9,
    "k": 1e3,
}
UNITS: dict[str, tuple[str, float]] = {
    "km": ("distance", 1.0), "kilometers": ("distance", 1.0), "kilometres": ("distance", 1.0),
    "kilometer": ("distance", 1.0), "kilometre": ("distance", 1.0), "miles": ("distance", 1.609344),
    "mile": ("distance", 1.609344), "metres": ("distance", 0.001), "meters": ("distance", 0.001),
    "feet": ("distance", 0.0003048), "tonnes": ("mass", 1.0), "tonne": ("mass", 1.0), "tons": ("mass", 0.9072),
    "kg": ("mass", 0.001), "kilograms": ("mass", 0.001), "pounds": ("mass", 0.000453592),
    "percent": ("percent", 1.0), "per cent": ("percent", 1.0), "%": ("percent", 1.0),
    "hectares": ("area", 1.0), "acres": ("area", 0.404686),
    "mph": ("speed", 1.609344), "km/h": ("speed", 1.0), "kph": ("speed", 1.0),
    "horsepower": ("power", 0.7457), "hp": ("power", 0.7457), "kw": ("power", 1.0),
}  # fmt: skip
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "$us": "USD",  # "$US1 million", as Australian and New Zealand papers write US dollars
    "dlrs": "USD",  # AP's "(dlrs 830,000)" after an amount in another currency
    "€": "EUR",
    "£": "GBP",
    "dollars": "USD",
    "euros": "EUR",
    "pounds sterling": "GBP",
}
# the other dollars, written before the "$": "NT$24.05" (Taiwan), "A$1.5 million", "HK $ 3"
DOLLAR_PREFIXES = {"nt": "TWD", "hk": "HKD", "nz": "NZD", "au": "AUD", "a": "AUD", "c": "CAD",
                   "ca": "CAD", "s": "SGD", "us": "USD"}  # fmt: skip
_DOLLAR_PREFIX = re.compile(r"\b(?:(?P<spaced>NT|HK|NZ|AU|CA|US)\s?|(?P<letter>[ACS]))$")
# currencies written as a word after the amount ("700 million rubles"), where the word names one
# currency only ("pesos", "rupees" and "francs" name several)
CURRENCY_WORDS = {"baht": "THB", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "ruble": "RUB",
                  "rouble": "RUB", "rupiah": "IDR", "ringgit": "MYR", "shekel": "ILS", "zloty": "PLN",
                  "forint": "HUF", "euro": "EUR"}  # fmt: skip
# an amount in brackets after another is the same money in another currency: "$US1 million ($1.52
# million)", "30 million baht (dlrs 830,000)"; which dollar the bracket means is left unsaid
_CONVERSION = re.compile(
    r"(?:\d|\b(?:thousand|million|billion|trillion|bn|m|dollars|euros|pounds|"
    + "|".join(CURRENCY_WORDS)
    + r")s?)\s?\(\s?(?:about|around|roughly|some|nearly|almost|approximately)?\s?$",
    re.IGNORECASE,
)
_MONEY_MARK = re.compile(
    r"US\$|\$\s?US|\b[A-Z]{1,2}\s?\$|\$|€|£|\bdlrs\b|\b(?:dollars|euros?|pounds|"
    + "|".join(CURRENCY_WORDS)
    + r")s?\b"
)


def _converted(text: str, start: int, mark: str) -> bool:
    """The amount at ``start`` (written with ``mark``: "$", "A$", "euros") sits in brackets right
    after an amount in another currency: the same money converted, "$US1 million ($1.52 million)",
    "US$10 million (A$15.2 million)"; not "$20 ($25 at the door)", both in one currency."""
    opening = _CONVERSION.search(text, max(0, start - 24), start)
    if not opening:
        return False
    marks = _MONEY_MARK.findall(text, max(0, opening.start() - 40), opening.end())
    if not marks:
        return True  # "30 million (dlrs 830,000)": a number in a currency its words name
    return _mark(marks[-1]) != _mark(mark)


def _mark(written: str) -> str:
    """A currency as written, to compare: its code where it names one ("€" and "euros" are EUR,
    "$US" and "US$" USD, "A$" AUD); a bare "$" stays "$", a dollar of the paper's own country."""
    bare = re.sub(r"\s", "", written).lower()
    if bare in ("$", ""):
        return bare
    prefix = _DOLLAR_PREFIX.search(bare.upper().removesuffix("$")[-2:] or "")
    if bare.endswith("$") and prefix and bare not in ("us$",):
        return DOLLAR_PREFIXES[(prefix["spaced"] or prefix["letter"]).lower()]
    word = bare.removesuffix("s")
    return CURRENCIES.get(bare) or CURRENCIES.get(bare + "s") or CURRENCY_WORDS.get(word) or bare


NOT_COUNTED = frozenset(
    [
        "years",
        "year",
        "months",
        "month",
        "weeks",
        "week",
        "days",
        "day",
        "hours",
        "hour",
        "minutes",
        "minute",
        "seconds",
        "times",
        "percent",
        "p.m",
        "a.m",
        "am",
        "pm",
        "o'clock",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# words that end a counted noun phrase: verbs, adverbs and clause openers after "40 firefighters ..."
_PHRASE_END = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "had",
        "has",
        "have",
        "who",
        "that",
        "which",
        "said",
        "told",
        "say",
        "says",
        "familiar",
        "earlier",
        "later",
        "more",
        "less",
        "than",
        "at",
        "on",
        "by",
        "with",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "about",
        "this",
        "these",
        "those",
        "it",
        "they",
        "he",
        "she",
        "we",
        "also",
        "still",
        "now",
        "then",
        "again",
        "ago",
        "as",  # "minus 20 as firefighters battled": no count of firefighters
        "away",
        "up",
        "down",
        "off",
        "out",
        "back",
        "spent",
        "fought",
        "took",
        "made",
        "gave",
        "went",
        "came",
        "saw",
        "left",
        "lost",
        "found",
        "held",
        "kept",
        "ran",
        "won",
        "began",
        "brought",
        "built",
        "caught",
        "drew",
        "fell",
        "felt",
        "got",
        "hit",
        "led",
        "met",
        "paid",
        "put",
        "rose",
        "sent",
        "set",
        "shot",
        "stood",
        "struck",
        "swept",
        "threw",
        "wrote",
        "died",
    ]
)
APPROXIMATE = re.compile(
    r"(?:about|around|roughly|some|nearly|almost|approximately|an estimated|up to|more than|over|less than|fewer than|at least|under)\s+$",
    re.IGNORECASE,
)
# a bound promises one side only: "at least 70 people" agrees with "about 100 people", and "more
# than 20 languages" with "30 languages"; "nearly" and "almost" stay two-sided (just short of it)
_LOWER_BOUND = re.compile(
    r"(?:more than|over|at least|upwards of|no fewer than|no less than|in excess of)\s+$",
    re.IGNORECASE,
)
# ... or after it: "10 points or more", "five people or fewer"
_AFTER_BOUND = re.compile(
    r"\s+or\s+(?:(?P<lower>more|greater|higher|above|over)|(?P<upper>fewer|less|lower|below|under))\b",
    re.IGNORECASE,
)
# "handed over 40 documents": "over" as a verb's particle bounds nothing
_PARTICLE_OVER = re.compile(
    r"\b(?:hand|turn|take|took|taken|tak|win|won|pass|sign|give|gave|given|hold|held|carr|switch|"
    r"pick|look|roll|hous)\w*\s+over\s+$",
    re.IGNORECASE,
)
_UPPER_BOUND = re.compile(
    r"(?:up to|less than|fewer than|under|as many as|no more than|within)\s+$", re.IGNORECASE
)
# the whole of a run a part is counted in: "eight of the past nine contests", "six of the last seven",
# "two out of three": each writer draws that run for a different point. A plain "one of the 33
# miners" keeps its whole, often the story's main count
_PARTITIVE = re.compile(
    rf"\b(?:\d[\d,]*|{'|'.join(sorted(WORD_NUMBERS, key=len, reverse=True))})\s+"
    r"(?:out\s+of\s+(?:the\s+)?|of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"(?:past|last|first|next|previous|remaining)\s+)$",
    re.IGNORECASE,
)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_WORDNUM = r"(?:" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
_QUANTITY = re.compile(
    rf"(?P<currency>US\$|\$\s?US(?=\d)|\$|€|£|\bdlrs\b)?\s?(?:(?<=\$US)|(?<=\$\sUS)|(?<![A-Za-z0-9.,]))(?P<number>{_NUM}|\b{_WORDNUM}\b)(?:(?<=\d)(?P<glued>[MBK]|bn|mn)\b|\s?(?P<scale>thousand|million|billion|trillion|bn)\b)?"
    rf"(?:\s?(?P<unit>%|per cent|percent|km/h|km\b|kilomet(?:er|re)s?|miles?|met(?:er|re)s|feet|tonnes?|tons|kg|kilograms|pounds|hectares|acres|mph\b|kph\b|horsepower|hp\b|kW\b|dollars|euros|dlrs\b))?"
    rf"(?P<noun>(?:\s+(?!of\b|and\b|or\b|to\b|in\b|the\b|a\b|from\b|for\b)[A-Za-z.'-]+){{0,3}})",
    re.IGNORECASE,
)
# an earthquake's magnitude: "magnitude 6.4", "a magnitude-6.4 quake", "6.4-magnitude", "6.4 on the
# Richter scale" (the count pattern would read "6.4 quake" as six and a bit quakes)
_MAGNITUDE = re.compile(
    r"\bmagnitude[- ](?:of\s+)?(?P<hedge>(?:about|around|nearly|almost|roughly|approximately)\s+)?"
    r"(?P<after>\d(?:\.\d)?)(?![.,]?\d)"
    r"|(?-i:\bM)\s?(?P<m>\d\.\d)\b"
    r"|(?<![\d.])(?<![\d.] )(?P<before>\d(?:\.\d)?)[- ]magnitude\b"
    r"|(?<![\d.])(?<![\d.] )(?P<richter>\d(?:\.\d)?)\s+on\s+the\s+Richter\s+scale"
    # "a 6.4 earthquake": a decimal before a quake can only be its magnitude
    r"|(?<![\d.,$])(?<![\d.] )(?P<bare>\d\.\d)(?=[ -](?:earthquake|quake|temblor|aftershock|tremor)\b)",
    re.IGNORECASE,
)
MAGNITUDE_TOLERANCE = 0.05  # magnitudes are read to a tenth: 6.4 and 6.5 are two readings
HEDGED_MAGNITUDE_TOLERANCE = 0.3  # "about magnitude 6" promises a few tenths, not a whole step
_DATE_CONTEXT = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$",
    re.IGNORECASE,
)


# "439 delegates short", "five points behind Clinton"; not "40 protesters ahead of the summit" or
# "behind the barricades"
_MARGIN = re.compile(
    r"\s+(?:short|shy)\b|\s+(?:behind|ahead)\b(?!\s+(?:of|the|a|an)\b)", re.IGNORECASE
)
# people an outlet spoke to: "according to two US officials", "four officials familiar with the
# matter", "three people who spoke on condition of anonymity". How many each outlet reached is no
# fact of the story, and two outlets' numbers are no disagreement ("two officials were killed" is)
SOURCE_NOUNS = frozenset(
    {
        "official",
        "source",
        "person",
        "people",
        "diplomat",
        "aide",
        "insider",
        "individual",
        "staffer",
    }
)
_SOURCED_BEFORE = re.compile(r"\b(?:according to|citing|cited|quoting)\s+$", re.I)
_SOURCED_AFTER = re.compile(
    r"\s+(?:familiar with|with (?:direct )?knowledge|briefed on|close to|who (?:spoke|asked|"
    r"requested|were not authori[sz]ed|declined)|speaking on (?:the )?condition|said|say|says|told)\b",
    re.I,
)
_RELATIVE_COUNT = re.compile(r"\b(?:other|more|additional|remaining|further)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    article: int
    sentence: int
    start: int
    end: int
    value: float  # in the base unit of its dimension
    dimension: str  # "count", "distance", "mass", "percent", "area", "money:USD", ...
    noun: str  # what is counted or measured, lower-case singular
    approximate: bool
    text: str
    unit: str = ""
    bound: str = ""  # "lower" ("at least 70"), "upper" ("up to 70"), or "" (a value, maybe hedged)


def _singular(word: str) -> str:
    word = word.lower().strip(".,'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _number(text: str) -> float | None:
    lowered = text.lower()
    if lowered in WORD_NUMBERS:
        return float(WORD_NUMBERS[lowered])
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _noun_phrase(noun_words: str) -> tuple[str, int]:
    """The counted noun and the length of the words up to it: "U.S. officials told" -> ("official", 13)."""
    words = noun_words.split()
    taken: list[str] = []
    for word in words:
        bare = word.strip(".,'")
        if bare.lower() in _PHRASE_END or re.search(r"(?:ed|ing|ly)$", bare.lower()) or not bare:
            break
        taken.append(word)
        if word.endswith((".", ",")) and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            break
    if not taken or any(_singular(w) in NOT_COUNTED or w.lower() in NOT_COUNTED for w in taken):
        return "", 0
    # the counted noun is the first plural ("dock workers", "U.S. officials"), else the last word
    plural = next(
        (w for w in taken if re.fullmatch(r"[A-Za-z'-]+[^s]s", w.rstrip(".,"))), taken[-1]
    )
    taken = taken[: taken.index(plural) + 1]
    consumed = noun_words.index(taken[-1]) + len(taken[-1].rstrip(".,"))
    return _singular(taken[-1]), consumed


# a vote's tally: "voted 31 to 12", "backed the scheme by 31 votes to 11", "passed 52-48"
_TALLY = re.compile(
    r"\b(?:voted|votes?|by|passed|approved|backed|rejected|defeated|adopted|confirmed|margin of)"
    r"\s+(?:[a-z]+\s+){0,3}?(?P<yes>\d{1,4})\s*(?:votes?\s+)?(?:to|-|–)\s*(?P<no>\d{1,4})\b"
    r"(?!\s*(?:%|percent|per cent|years?|months?|days?|points?|[ap]\.?m\b))"
)
TALLY_NOUNS = {"vote in favour": "votes in favour", "vote against": "votes against"}
_VOTED = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballots?|councillors|lawmakers|senators|jurors)\b", re.I
)


def _tally(text: str, match: re.Match[str], index: int, s_index: int) -> list[Quantity]:
    """The two counts of a tally, each its own quantity: the votes for and the votes against."""
    return [
        Quantity(
            index,
            s_index,
            match.start(g),
            match.end(g),
            float(match[g]),
            "count",
            noun,
            False,
            match[g],
        )
        for g, noun in (("yes", "vote in favour"), ("no", "vote against"))
    ]


def quantities(article: Article, analysis: Analysis, index: int) -> list[Quantity]:
    """Every number with its unit or counted noun in one article, and the two sides of a tally."""
    text = article.text
    out: list[Quantity] = []
    for s_index, (s_start, s_end) in enumerate(analysis.sentences):
        magnitudes = [
            _magnitude(text, m, index, s_index) for m in _MAGNITUDE.finditer(text, s_start, s_end)
        ]
        out.extend(magnitudes)
        # a tally in a sentence about a vote: "defeated them 20-13" is a score
        voted = _VOTED.search(text, s_start, s_end) is not None
        tallies = list(_TALLY.finditer(text, s_start, s_end)) if voted else []
        for tally in tallies:
            out.extend(_tally(text, tally, index, s_index))
        for match in _QUANTITY.finditer(text, s_start, s_end):
            if any(m.start <= match.start("number") < m.end for m in magnitudes):
                continue
            if any(t.start("yes") <= match.start("number") < t.end() for t in tallies):
                continue  # "by 31 votes to 11": the tally's
            quantity = _quantity(text, match, index, s_index)
            if quantity is not None:
                out.append(quantity)
    return out


def _magnitude(text: str, match: re.Match[str], index: int, s_index: int) -> Quantity:
    number = next(g for g in ("after", "m", "before", "richter", "bare") if match[g] is not None)
    approximate = bool(
        match["hedge"] or APPROXIMATE.search(text[max(0, match.start() - 24) : match.start()])
    )
    return Quantity(
        index,
        s_index,
        match.start(),
        match.end(),
        float(match[number]),
        "magnitude",
        "magnitude",
        approximate,
        match.group(),
        "magnitude",
    )


def _quantity(text: str, match: re.Match[str], index: int, s_index: int) -> Quantity | None:
    number = _number(match["number"])
    word = match["number"].lower()
    at = match.start("currency") if match["currency"] else match.start("number")
    before = text[max(0, at - 24) : at]
    if number is None or _DATE_CONTEXT.search(before) or re.match(r"\d{4}$", match["number"]):
        return None  # dates ("May 13", "2024") belong to the timeline
    # times, ranges, scores, ratios and compounds ("10:30", "20-13", "six-month", "a 73-yard
    # drive"), also as tokenised text spaces them ("10 : 30", "20 - 13", "73 - yard"); a decimal's
    # digits tokenised text split off ("4 . 2 yards"); a rank ("No. 2 oil company"). A colon or dash
    # before a number, a space between and no digit before it, is punctuation ("The toll: 40 people")
    if (
        re.match(r"\s?[:/\-–]", text[match.end("number") : match.end("number") + 2])
        or re.search(r"(?:[:/\-–]|\d\s[:/\-–.]\s|\bNo\.\s?)$", text[max(0, at - 4) : at])
        or _PARTITIVE.search(before)
    ):
        return None
    if match["glued"] and not match["currency"]:
        return None  # "5m", "3K" without a currency: metres, kilos or thousands, unknown
    value = number * SCALES.get((match["scale"] or match["glued"] or "").lower(), 1.0)
    unit = (match["unit"] or "").lower()
    noun, noun_length = _noun_phrase(match["noun"] or "")
    dozens = (match["noun"] or "").split()[:1] == ["dozen"]  # "two dozen people": 24
    if dozens:
        value *= 12
    currency = CURRENCIES.get(re.sub(r"\s", "", match["currency"] or "").lower()) or CURRENCIES.get(
        unit
    )
    start = at
    end = (
        match.end("unit")
        if match["unit"]
        else match.end("scale")
        if match["scale"]
        else match.end("glued")
        if match["glued"]
        else match.end("number")
    )
    if match["currency"] == "$" and (prefix := _DOLLAR_PREFIX.search(text, max(0, at - 3), at)):
        currency = DOLLAR_PREFIXES[(prefix["spaced"] or prefix["letter"]).lower()]
        start = prefix.start()
    elif not currency and noun in CURRENCY_WORDS and not unit:
        currency, noun, end = CURRENCY_WORDS[noun], "", match.start("noun") + noun_length
    if currency and _converted(text, start, text[start : match.start("number")] or unit or noun):
        return None
    if currency:
        dimension, noun = f"money:{currency}", noun or "amount"
    elif unit in UNITS:
        dimension, factor = UNITS[unit]
        value *= factor
    else:
        if not noun or noun in NOT_COUNTED or not noun.isalpha() or number == 1:
            return None  # "one official said" names a source, it does not count them
        dimension = "count"
    if dimension == "count":
        end = match.start("noun") + noun_length
        if _RELATIVE_COUNT.search(text, match.end("number"), end):
            return None  # "four other states", "two more people": counted against a set named elsewhere
        if _MARGIN.match(text, end):
            return None  # "439 delegates short of the nomination": a difference, not a tally
        if noun in SOURCE_NOUNS and (
            _SOURCED_BEFORE.search(before) or _SOURCED_AFTER.match(text, end)
        ):
            return None  # "according to four U.S. officials": whom an outlet spoke to, not news
    return Quantity(
        index,
        s_index,
        start,
        end,
        value,
        dimension,
        noun,
        # "a dozen states" (or "two dozen") is about twelve, and "dozens dead" at least two dozen
        bool(APPROXIMATE.search(before)) or dozens or word in ("dozen", "dozens"),
        text[start:end],
        unit,
        _bound(before, word, _AFTER_BOUND.match(text, end)),
    )


def _bound(before: str, word: str, after: re.Match[str] | None = None) -> str:
    """Which side the words around a number bound it on: "lower", "upper" or "" (a value)."""
    if after is not None:  # "10 points or more"
        return "lower" if after["lower"] else "upper"
    if word == "dozens" or (_LOWER_BOUND.search(before) and not _PARTICLE_OVER.search(before)):
        return "lower"
    return "upper" if _UPPER_BOUND.search(before) else ""


def _agree(a: Quantity, b: Quantity, one_fact: bool = False) -> bool:
    """Whether two values may be one: equal within the tolerance their wording allows, or a bound
    that leaves room for the other (``one_fact``: their sentences state one fact, where two bounds
    of one side are two figures, ``_bounds_agree``)."""
    if a.dimension == "magnitude":
        hedged = a.approximate or b.approximate
        return abs(a.value - b.value) <= (
            HEDGED_MAGNITUDE_TOLERANCE if hedged else MAGNITUDE_TOLERANCE
        )
    tolerance = APPROX_TOLERANCE if (a.approximate or b.approximate) else EXACT_TOLERANCE
    if a.unit != b.unit and not a.dimension.startswith("money"):
        tolerance = max(tolerance, CONVERTED_TOLERANCE)
    if a.bound or b.bound:
        return _bounds_agree(a, b, tolerance, one_fact)
    return abs(a.value - b.value) <= tolerance * max(abs(a.value), abs(b.value))


def _bounds_agree(a: Quantity, b: Quantity, tolerance: float, one_fact: bool = False) -> bool:
    """Whether a bound ("at least 70", "up to 20") leaves room for the other value: the lower side
    (a lower bound, or a value under an upper bound) must not exceed the higher by more than the
    tolerance two values are allowed. Two bounds of one side always may both hold, but in sentences
    that state one fact (``one_fact``) they are two figures: "killing at least 12 people" and
    "killing at least 15 people" on one day are two tolls a desk has to settle, where "if he wins
    by 10 points or more" and "he won by more than 20 points" are a hope and a result."""
    if a.bound == b.bound:
        return not one_fact or abs(a.value - b.value) <= tolerance * max(abs(a.value), abs(b.value))
    low, high = (a, b) if a.bound == "lower" or b.bound == "upper" else (b, a)
    gap = low.value - high.value
    return gap <= 0 or gap <= tolerance * max(abs(low.value), abs(high.value))


@dataclass(frozen=True)
class _Context:
    """What comparing two quantities needs: their sentences' cosines and which articles are far apart."""

    sims: npt.NDArray[np.float32]
    rows: dict[tuple[int, int], int]  # (article, sentence) -> row of sims
    days: tuple[int | None, ...]  # each article's publication day (ordinal), None when undated
    # (dimension, noun) -> how many values that do not agree the story's articles give for it
    readings: dict[tuple[str, str], int]
    # (article, sentence) -> the days the sentence's dates cover (temporal.event_periods)
    periods: Callable[[int, int], tuple[Period, ...]] = lambda article, sentence: ()

    def sim(self, a: Quantity, b: Quantity) -> float:
        """The cosine of the two quantities' sentences."""
        return float(
            self.sims[self.rows[(a.article, a.sentence)], self.rows[(b.article, b.sentence)]]
        )

    def apart(self, a: int, b: int) -> bool:
        """Articles ``a`` and ``b`` were published more than MAX_DAYS_APART days apart."""
        first, second = self.days[a], self.days[b]
        return first is not None and second is not None and abs(first - second) > MAX_DAYS_APART


def _comparable(a: Quantity, b: Quantity, context: _Context) -> bool:
    if a.article == b.article or a.dimension != b.dimension:
        return False
    sim = context.sim(a, b)
    if _magnitudes_apart(a, b) and sim < SAME_FACT_MIN_SIM:
        return False  # "25 million people" (a pandemic's toll) and "28 people" (in quarantine)
    if a.dimension == "percent":
        # a share says nothing without what it is a share of: two polls, a turnout and a decline,
        # a candidate's support and a margin of error are all "percent" in sentences alike
        return sim >= SAME_FACT_MIN_SIM
    if a.dimension == "count" and a.noun != b.noun:
        return False
    if sim >= ONE_THING_MIN_SIM:
        return True
    return (
        sim >= (COUNT_MIN_SIM if a.dimension == "count" else SAME_CONTEXT_MIN_SIM)
        and not _magnitudes_apart(a, b, CLOSE_RATIO)
        and context.readings[(a.dimension, a.noun)] <= CLOSE_MAX_READINGS
    )


def _readings(found: Sequence[Quantity]) -> dict[tuple[str, str], int]:
    """How many values that do not agree with each other the story gives for each kind of quantity."""
    values: dict[tuple[str, str], list[Quantity]] = {}
    for q in found:
        seen = values.setdefault((q.dimension, q.noun), [])
        if not any(_agree(q, other) for other in seen):
            seen.append(q)
    return {key: len(seen) for key, seen in values.items()}


def _magnitudes_apart(a: Quantity, b: Quantity, ratio: float = MAX_RATIO) -> bool:
    """More than ``ratio`` apart (by default MAX_RATIO: more likely two different quantities than two
    sources disagreeing)."""
    low, high = sorted((abs(a.value), abs(b.value)))
    return high > ratio * max(low, 1e-9)


def find_discrepancies(
    articles: Sequence[Article], analyses: Sequence[Analysis], embeddings: Sequence[Matrix]
) -> list[Discrepancy]:
    """Groups of comparable quantities across articles that do not all agree."""
    if len(articles) < 2:
        return []  # one source disagrees with no one (and its sentences need no embedding)
    found = [
        q
        for i, (a, an) in enumerate(zip(articles, analyses, strict=True))
        for q in quantities(a, an, i)
    ]
    if not found:
        return []
    keys = sorted({(q.article, q.sentence) for q in found})
    vectors = np.stack([embeddings[a][s] for a, s in keys])

    def periods(article: int, sentence: int) -> tuple[Period, ...]:
        start, end = analyses[article].sentences[sentence]
        return event_periods(articles[article].text[start:end], articles[article].published)

    context = _Context(
        vectors @ vectors.T,
        {key: n for n, key in enumerate(keys)},
        tuple(publication_day(a.published) for a in articles),
        _readings(found),
        periods,
    )
    groups: list[list[Quantity]] = []
    for q in found:
        for group in groups:
            if all(
                _comparable(q, other, context) for other in group if other.article != q.article
            ) and any(_comparable(q, other, context) for other in group):
                group.append(q)
                break
        else:
            groups.append([q])
    same_kind: dict[tuple[int, str, str], list[Quantity]] = {}  # an article's values of one kind
    for q in found:
        same_kind.setdefault((q.article, q.dimension, q.noun), []).append(q)
    out = []
    for group in groups:
        if len({q.article for q in group}) < 2:
            continue
        group = _consistent_sources(group, same_kind, context)
        if len({q.article for q in group}) < 2:
            continue
        group = _disputing(group, context)
        if group:
            out.append(_discrepancy(group, articles))
    return out


def _disputing(group: list[Quantity], context: _Context) -> list[Quantity]:
    """The group's values from the articles that disagree with another one: two articles disagree
    when they share no value and were published within MAX_DAYS_APART days (a toll, a tally or a
    poll's lead moves as a story goes on: a value of one week updates another's, it does not
    dispute it). An article that also gives the other's value agrees with it on that one, and its
    other value is about something else: two copies of "the last two rows of chairs, with 16 rows
    reserved in front" are not "two rows" against "16 rows". Empty when no two articles disagree."""
    by_article: dict[int, list[Quantity]] = {}
    for q in group:
        by_article.setdefault(q.article, []).append(q)
    articles = sorted(by_article)
    disputing = {
        article
        for i, first in enumerate(articles)
        for second in articles[i + 1 :]
        if not context.apart(first, second)
        and _two_share_nothing(
            [by_article[first], by_article[second]],
            lambda a, b: _agree(a, b, context.sim(a, b) >= SAME_FACT_MIN_SIM),
        )
        for article in (first, second)
    }
    return [q for q in group if q.article in disputing]


def _two_share_nothing(values: Sequence[Sequence[T]], agree: Callable[[T, T], bool]) -> bool:
    """Two of the sources (each source's values) have no value in common: sources disagree only
    then, for numbers and for dates alike."""
    return any(
        not any(agree(a, b) for a in first for b in second)
        for i, first in enumerate(values)
        for second in values[i + 1 :]
    )


def _plural(group: list[Quantity]) -> str:
    """What the group counts, as the sources write it for more than one ("companies", "people")."""
    if group[0].noun in TALLY_NOUNS:
        return TALLY_NOUNS[group[0].noun]
    for q in group:
        if q.value != 1:
            return q.text.split()[-1].strip(".,'").lower()
    return group[0].noun + "s"


def _consistent_sources(
    group: list[Quantity],
    same_kind: dict[tuple[int, str, str], list[Quantity]],
    context: _Context,
) -> list[Quantity]:
    """The group without the articles that give several values themselves for what it compares.

    An article that counts "five companies", "nine companies" and "14 companies" is counting different
    sets (the newcomers, the first round, all of them), so none of its counts contradicts another
    source's "nine companies"; a discrepancy is sources disagreeing, as with names (one source using
    both spellings).
    """

    def consistent(q: Quantity) -> bool:
        others = [g for g in group if g.article != q.article]
        return all(
            _agree(q, sibling)
            for sibling in same_kind[(q.article, q.dimension, q.noun)]
            if sibling is not q
            # "killed 20 people and injured 100 people": two counts of one noun in one sentence
            # are two events; two amounts of money in one sentence stay two values of one thing
            and (q.dimension != "count" or sibling.sentence != q.sentence)
            # "a quake two years ago killed four people" beside "killing at least 12 people on
            # Wednesday": a count of another time, not a second reading of this one
            and not dates_clash(
                context.periods(q.article, q.sentence),
                context.periods(sibling.article, sibling.sentence),
            )
            and any(_comparable(sibling, other, context) for other in others)
        )

    return [q for q in group if consistent(q)]


def _discrepancy(group: list[Quantity], articles: Sequence[Article]) -> Discrepancy:
    first = group[0]
    kind: Literal["count", "number"] = "count" if first.dimension == "count" else "number"
    unit = {
        "distance": "km",
        "mass": "tonnes",
        "percent": "%",
        "area": "hectares",
        "speed": "km/h",
        "power": "kW",
    }.get(first.dimension, "")
    if first.dimension.startswith("money:"):
        unit = first.dimension.split(":", 1)[1]
    dimension = first.dimension.split(":")[0].replace("money", "amount of money")
    about = (
        f"number of {_plural(group)}"
        if kind == "count"
        else f"{dimension} ({unit})"
        if unit
        else dimension
    )
    claims = tuple(
        Claim(articles[q.article].id, q.start, q.end, q.text, round(q.value, 3), q.approximate)
        for q in group
    )
    return Discrepancy(kind, about, claims, unit)


_EXPLICIT_DATE = re.compile(CALENDAR_DAY)
SAME_NAME_MIN_RATIO = (
    80  # rapidfuzz ratio: "Volodomyr"/"Volodymyr" 89, "Zelensky"/"Zelenskyy" 94, "Biden"/"Boden" 80
)
NAME_MIN_LENGTH = 4  # shorter names differ by one letter too easily ("Li"/"Lu")
# a four-letter name is one letter away from another at ratio 75 ("Ruiz"/"Ruis"): it is compared at
# that when a full name of each is the same but for it ("Carlos Ruiz" / "Carlos Ruis")
SHORT_NAME_MIN_RATIO = 75
SHORT_NAME_LENGTH = 4


# what a page's time stamp holds besides its date: a year, a clock time, a weekday, a zone, "posted in"
_STAMP_WORDS = re.compile(
    r"\b(?:\d{4}|\d{1,2}\s?[:.]\s?\d{2}|[ap]\.?\s?m\b\.?|noon|midnight"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
    r"|(?-i:[A-Z]{1,3}T|UTC)|posted|updated|published|last|at|on|in|by|filed)\b",
    re.IGNORECASE,
)
# ... and what makes it a stamp, not a short sentence with a date ("Trump won on March 1."): a clock
# time, a zone or a posting word
_STAMP_MARK = re.compile(
    r"\d{1,2}\s?:\s?\d{2}|(?-i:\b(?:[A-Z]{1,3}T|UTC)\b)|\b(?:posted|updated|published|filed)\b",
    re.IGNORECASE,
)
STAMP_MAX_WORDS = 2  # a stamp's capitalised words besides those: "posted in Pedestrian Accidents"


def _is_stamp(sentence: str) -> bool:
    """A sentence that is only a page's posting stamp: a date alone ("April 27, 2009"), or with a
    clock time, a zone or a posting word and besides those no lower-case word and at most
    STAMP_MAX_WORDS others."""
    rest = re.findall(r"[A-Za-z]{2,}", _STAMP_WORDS.sub(" ", _EXPLICIT_DATE.sub(" ", sentence)))
    if not rest:
        return True
    return (
        bool(_STAMP_MARK.search(sentence))
        and len(rest) <= STAMP_MAX_WORDS
        and not any(w.islower() for w in rest)
    )


def date_discrepancies(articles: Sequence[Article], facts: Sequence[Fact]) -> list[Discrepancy]:
    """Facts whose sources give the same event different calendar dates ("May 13" / "May 15")."""
    ids = {a.id: a for a in articles}
    out = []
    for fact in facts:
        claims = []
        for span in fact.support:
            text = ids[span.article_id].text
            if _is_stamp(text[span.start : span.end]):
                continue  # "May 2, 2013 1:35 pm": when a page was posted, not when anything happened
            for match in _EXPLICIT_DATE.finditer(text, span.start, span.end):
                month = month_number(match["month"] or match["month2"])
                day = int(match["day"] or match["day2"])
                claims.append(
                    Claim(
                        span.article_id,
                        match.start(),
                        match.end(),
                        match.group(0),
                        f"--{month:02d}-{day:02d}",
                    )
                )
        by_article: dict[str, list[str]] = {}
        for claim in claims:
            by_article.setdefault(claim.article_id, []).append(str(claim.value))
        # as with numbers: "from October 26 to November 20" in two sources is one range, not
        # October 26 against November 20
        if _two_share_nothing(list(by_article.values()), str.__eq__):
            about = f"date of: {fact.text[:70]}" + ("…" if len(fact.text) > 70 else "")
            out.append(Discrepancy("date", about, tuple(claims)))
    return out


def name_discrepancies(
    articles: Sequence[Article], analyses: Sequence[Analysis]
) -> list[Discrepancy]:
    """Names of people spelled differently by different sources ("Volodomyr" / "Volodymyr")."""
    from rapidfuzz.fuzz import ratio

    mentions: dict[str, list[Claim]] = {}
    in_full_name: set[str] = set()  # spellings seen in a name of two words or more
    # the other words of the full names a spelling is seen in: "Volodomyr" and "Volodymyr" both go
    # with "Zelenskyy", one person; "Jackson" (Lisa Jackson) and "Jason" (Jason Baron) go with none
    # of each other's, two people
    beside: dict[str, set[str]] = {}
    # each full name's other words, whole: a four-letter spelling must have a full name that is the
    # same but for it ("Hans Carlsson" / "Hand Carlsson"; not "Kim Jong Il" / "Kim Dae Jung")
    rests: dict[str, set[frozenset[str]]] = {}
    for article, analysis in zip(articles, analyses, strict=True):
        for entity in analysis.entities:
            if entity.label != "PERSON":
                continue
            full = len(entity.text.split()) >= 2
            tokens = [
                (token.start(), re.sub(r"[’']s$", "", token.group(0)))  # "Swift's" is Swift
                for token in re.finditer(r"[A-Z][a-z’'-]*[a-z]", entity.text)
            ]
            for offset, word in tokens:
                if len(word) >= NAME_MIN_LENGTH:
                    if full:
                        in_full_name.add(word)
                        beside.setdefault(word, set()).update(w for _, w in tokens if w != word)
                        rests.setdefault(word, set()).add(
                            frozenset(w for _, w in tokens if w != word)
                        )
                    start = entity.start + offset
                    mentions.setdefault(word, []).append(
                        Claim(article.id, start, start + len(word), word, word)
                    )
    words = sorted(mentions)
    out = []
    seen: set[str] = set()
    for i, a in enumerate(words):
        # a spelling only ever seen alone ("Mavic", "Smart") is more often a product or a word the
        # NER took for a person than a person; "Guide"/"Guides" is a plural, not a misspelling
        variants = [
            b
            for b in words[i + 1 :]
            if b not in seen
            and (
                ratio(a, b) >= SAME_NAME_MIN_RATIO
                or (
                    min(len(a), len(b)) <= SHORT_NAME_LENGTH
                    and ratio(a, b) >= SHORT_NAME_MIN_RATIO
                    and bool(rests.get(a, set()) & rests.get(b, set()))
                )
            )
            and a[0] == b[0]
            and b in in_full_name
            and b != a + "s"
            and beside.get(a, set()) & beside.get(b, set())
        ]
        if a in seen or a not in in_full_name or not variants:
            continue
        group = [a, *variants]
        firsts: dict[tuple[str, str], Claim] = {}
        for word in group:
            for claim in mentions[word]:
                firsts.setdefault(
                    (claim.article_id, word), claim
                )  # one claim per source and spelling
        claims = list(firsts.values())
        by_article = {c.article_id for c in claims}
        if len(by_article) < 2 or any(
            {c.article_id for c in mentions[w]} == by_article for w in group
        ):
            continue  # one source uses both spellings, or only one source names the person
        seen.update(group)
        # the spelling most sources use, then the one used most
        common = max(
            group, key=lambda w: (len({c.article_id for c in mentions[w]}), len(mentions[w]))
        )
        out.append(Discrepancy("name", f"spelling of the name {common}", tuple(claims)))
    return out
