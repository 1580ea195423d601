"""The shared vocabulary: frozen dataclasses that every stage reads and returns.

Each class has ``to_dict`` / ``from_dict`` so the JSON output (``docs/schema.md``) and the store round-trip
without loss. A :class:`Span` always means ``article.text[start:end]`` of the cleaned article text.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

How: TypeAlias = Literal["given", "extracted", "inferred"]
HOW_VALUES: tuple[How, ...] = ("given", "extracted", "inferred")
JSONDict: TypeAlias = dict[str, Any]


def content_hash(*parts: str | None) -> str:
    """A stable sha256 hex digest of the parts (``None`` and ``""`` hash alike)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or "").encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


# sources that report one thing with other numbers report it at about the same time: a toll, a
# tally or a poll's lead published more days apart than this is an update, not a disagreement
MAX_DAYS_APART = 3


# this close, sentences that differ in their numbers are one fact in dispute (from about one day)
SAME_FACT_DESPITE_NUMBERS_SIM = 0.88


def numbers_clash(
    first: frozenset[str], second: frozenset[str], sim: float, days: tuple[int | None, int | None]
) -> bool:
    """Two sentences of like wording state two things, not one: they give numbers, share none, and
    are not close enough (``SAME_FACT_DESPITE_NUMBERS_SIM``) and published near enough together
    (``MAX_DAYS_APART``) to be one fact in dispute. "Cruz has 11 delegates" of Feb 20 and "Cruz has
    370 delegates" of Mar 15 clash; "about 40 firefighters" and "60 firefighters" of one day do not."""
    if not first or not second or first & second:
        return False
    apart = days[0] is not None and days[1] is not None and abs(days[0] - days[1]) > MAX_DAYS_APART
    return sim < SAME_FACT_DESPITE_NUMBERS_SIM or apart


def publication_day(published: str | None) -> int | None:
    """The day of an ISO publication date or time as an ordinal (days since 1 Jan of year 1), or
    None when there is none or it is not a date: what grouping's time discount and the window of
    disagreements count in."""
    try:
        return _dt.date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return None


def _how(value: object) -> How | None:
    if value is None:
        return None
    for how in HOW_VALUES:
        if value == how:
            return how
    raise ValueError(f"'how' must be one of {HOW_VALUES}, got {value!r}")


@dataclass(frozen=True)
class Span:
    """``articles[article_id].text[start:end]``."""

    article_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"span must satisfy 0 <= start <= end, got {self.start}..{self.end}")

    def to_dict(self) -> JSONDict:
        return {"article_id": self.article_id, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return cls(str(data["article_id"]), int(data["start"]), int(data["end"]))


@dataclass(frozen=True)
class Removal:
    """A piece of scraping residue taken out of an article, and why."""

    text: str
    reason: str

    def to_dict(self) -> JSONDict:
        return {"text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Removal:
        return cls(str(data["text"]), str(data["reason"]))


@dataclass(frozen=True)
class Article:
    """One cleaned article with its metadata; every metadata field says how it was obtained."""

    id: str
    source: str
    text: str
    title: str | None = None
    title_how: How | None = None
    byline: str | None = None
    byline_how: How | None = None
    outlet: str | None = None
    outlet_how: How | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    published_how: How | None = None
    url: str | None = None
    removed: tuple[Removal, ...] = ()
    notes: tuple[str, ...] = ()  # how inferred fields were inferred, for the reader

    def to_dict(self) -> JSONDict:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "title_how": self.title_how,
            "byline": self.byline,
            "byline_how": self.byline_how,
            "outlet": {"name": self.outlet, "how": self.outlet_how},
            "published": self.published,
            "published_how": self.published_how,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        outlet = data.get("outlet") or {}
        return cls(
            id=str(data["id"]),
            source=str(data["source"]),
            text=str(data["text"]),
            title=data.get("title"),
            title_how=_how(data.get("title_how")),
            byline=data.get("byline"),
            byline_how=_how(data.get("byline_how")),
            outlet=outlet.get("name"),
            outlet_how=_how(outlet.get("how")),
            published=data.get("published"),
            published_how=_how(data.get("published_how")),
            url=data.get("url"),
            removed=tuple(Removal.from_dict(r) for r in data.get("removed", ())),
            notes=tuple(str(n) for n in data.get("notes", ())),
        )


@dataclass(frozen=True)
class Entity:
    """A named entity found by spaCy, with offsets into the cleaned article text."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class Analysis:
    """Sentences and entities of one article; offsets into ``Article.text``."""

    article_id: str
    sentences: tuple[tuple[int, int], ...]
    entities: tuple[Entity, ...] = ()

    def sentence_at(self, position: int) -> int | None:
        """Index of the sentence holding character ``position``, or None between sentences."""
        for index, (start, end) in enumerate(self.sentences):
            if start <= position < end:
                return index
        return None


@dataclass(frozen=True)
class BriefSentence:
    """One sentence of a brief: its text is the first citation's span, word for word."""

    text: str
    citations: tuple[Span, ...]
    independent_sources: int = (
        1  # independent groups carrying the point; 1 = it rests on one source
    )

    def to_dict(self) -> JSONDict:
        return {
            "text": self.text,
            "citations": [c.to_dict() for c in self.citations],
            "independent_sources": self.independent_sources,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BriefSentence:
        return cls(
            str(data["text"]),
            tuple(Span.from_dict(c) for c in data["citations"]),
            int(data.get("independent_sources", 1)),
        )


@dataclass(frozen=True)
class Brief:
    words: int
    sentences: tuple[BriefSentence, ...]
    # a short line over the brief: the opening words of its most important sentence, up to a clause end
    headline: BriefSentence | None = None
    order: str = "source"  # how the sentences are ordered: source, chronological or importance
    focus: str | None = None  # the question of a focused brief ("what the sources say about X")

    def to_dict(self) -> JSONDict:
        return {
            "words": self.words,
            "sentences": [s.to_dict() for s in self.sentences],
            "headline": self.headline.to_dict() if self.headline else None,
            "order": self.order,
            "focus": self.focus,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Brief:
        headline = data.get("headline")
        return cls(
            int(data["words"]),
            tuple(BriefSentence.from_dict(s) for s in data["sentences"]),
            BriefSentence.from_dict(headline) if headline else None,
            str(data.get("order", "source")),
            data.get("focus"),
        )


DerivationKind: TypeAlias = Literal["duplicate", "rewrite", "wire", "cites"]
DERIVATION_KINDS: tuple[DerivationKind, ...] = ("duplicate", "rewrite", "wire", "cites")


@dataclass(frozen=True)
class Derivation:
    """Article ``source`` is not independent of ``to``: it duplicates, rewrites, carries or cites it.

    ``to_article_id`` is set when the other side is among the inputs; ``to_outlet`` names it when it is
    known by name (an outlet that is not among the inputs has only the name).
    """

    source: str  # the deriving article's id ("from" in JSON)
    kind: DerivationKind
    to_article_id: str | None
    to_outlet: str | None
    evidence: tuple[Span, ...] = ()
    note: str = ""

    def to_dict(self) -> JSONDict:
        return {
            "from": self.source,
            "to": {"article_id": self.to_article_id, "outlet": self.to_outlet},
            "kind": self.kind,
            "evidence": [e.to_dict() for e in self.evidence],
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Derivation:
        kind = data["kind"]
        if kind not in DERIVATION_KINDS:
            raise ValueError(f"derivation kind must be one of {DERIVATION_KINDS}, got {kind!r}")
        return cls(
            source=str(data["from"]),
            kind=kind,
            to_article_id=data["to"].get("article_id"),
            to_outlet=data["to"].get("outlet"),
            evidence=tuple(Span.from_dict(e) for e in data.get("evidence", ())),
            note=str(data.get("note", "")),
        )


@dataclass(frozen=True)
class Fact:
    """One statement made by one or more articles, with every span that makes it."""

    id: str
    text: str
    support: tuple[Span, ...]
    outlets: tuple[str, ...]
    independent_sources: int

    @property
    def single_outlet(self) -> bool:
        return len(self.outlets) <= 1

    def to_dict(self) -> JSONDict:
        return {
            "id": self.id,
            "text": self.text,
            "support": [s.to_dict() for s in self.support],
            "outlets": list(self.outlets),
            "independent_sources": self.independent_sources,
            "single_outlet": self.single_outlet,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fact:
        return cls(
            id=str(data["id"]),
            text=str(data["text"]),
            support=tuple(Span.from_dict(s) for s in data["support"]),
            outlets=tuple(str(o) for o in data["outlets"]),
            independent_sources=int(data["independent_sources"]),
        )


SpeakerKind: TypeAlias = Literal["person", "organisation", "anonymous", "unknown"]
SPEAKER_KINDS: tuple[SpeakerKind, ...] = ("person", "organisation", "anonymous", "unknown")


# the pronouns a quote's speaker can be when no earlier speaker names who they stand for
PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "we", "i", "him", "her", "them", "it"})
FRAGMENT_JOINER = " … "  # between two fragments of one quote, where its attribution stood


@dataclass(frozen=True)
class QuoteVariant:
    """One outlet's wording of a quote: a span of its article, and its word-level diff to the canonical text."""

    article_id: str
    start: int
    end: int
    text: str
    diff: tuple[dict[str, str], ...] = ()
    # a quote its attribution interrupts (“...,” she said, “...”): the fragments within start..end,
    # whose texts joined by " … " are ``text``; () when the quote is the one span start..end
    parts: tuple[Span, ...] = ()

    def to_dict(self) -> JSONDict:
        out: JSONDict = {
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "diff": [dict(d) for d in self.diff],
        }
        if self.parts:
            out["parts"] = [p.to_dict() for p in self.parts]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuoteVariant:
        return cls(
            str(data["article_id"]),
            int(data["start"]),
            int(data["end"]),
            str(data["text"]),
            tuple(dict(d) for d in data.get("diff", ())),
            tuple(Span.from_dict(p) for p in data.get("parts", ())),
        )


@dataclass(frozen=True)
class Quote:
    """What one speaker said, with every outlet's wording of it."""

    id: str
    speaker: str | None
    speaker_kind: SpeakerKind
    text: str
    direct: bool
    variants: tuple[QuoteVariant, ...]
    # the person's full name as the story gives it ("Antony Blinken" for "Blinken", "Top diplomat
    # Antony Blinken" or "Mr. Blinken"), None when the speaker is no person the story names in full
    speaker_name: str | None = None

    def to_dict(self) -> JSONDict:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "speaker_kind": self.speaker_kind,
            "text": self.text,
            "direct": self.direct,
            "variants": [v.to_dict() for v in self.variants],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        kind = data["speaker_kind"]
        if kind not in SPEAKER_KINDS:
            raise ValueError(f"speaker_kind must be one of {SPEAKER_KINDS}, got {kind!r}")
        return cls(
            id=str(data["id"]),
            speaker=data.get("speaker"),
            speaker_kind=kind,
            text=str(data["text"]),
            direct=bool(data.get("direct", True)),
            variants=tuple(QuoteVariant.from_dict(v) for v in data["variants"]),
            speaker_name=data.get("speaker_name"),
        )


@dataclass(frozen=True)
class Claim:
    """One source's value in a discrepancy: its span, its words and the value normalised to ``unit``."""

    article_id: str
    start: int
    end: int
    text: str
    value: float | str
    approximate: bool = False

    def to_dict(self) -> JSONDict:
        return {
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "approximate": self.approximate,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Claim:
        return cls(
            str(data["article_id"]),
            int(data["start"]),
            int(data["end"]),
            str(data["text"]),
            data["value"],
            bool(data.get("approximate", False)),
        )


@dataclass(frozen=True)
class Discrepancy:
    """Sources that disagree about one thing; ``about`` says what, in a few words."""

    kind: Literal["number", "count", "date", "name"]
    about: str
    claims: tuple[Claim, ...]
    unit: str = ""

    def to_dict(self) -> JSONDict:
        return {
            "kind": self.kind,
            "about": self.about,
            "unit": self.unit,
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Discrepancy:
        kind = data["kind"]
        if kind not in ("number", "count", "date", "name"):
            raise ValueError(f"discrepancy kind must be number, count, date or name, got {kind!r}")
        return cls(
            kind,
            str(data["about"]),
            tuple(Claim.from_dict(c) for c in data["claims"]),
            str(data.get("unit", "")),
        )


@dataclass(frozen=True)
class TimelineEvent:
    """Something that happened on ``date`` (a TIMEX3 value: "2024-05-30", "2024-05", "2024-W22")."""

    date: str
    text: str  # the sentence that dates it, from the first source
    support: tuple[Span, ...]
    independent_sources: int

    def to_dict(self) -> JSONDict:
        return {
            "date": self.date,
            "text": self.text,
            "support": [s.to_dict() for s in self.support],
            "independent_sources": self.independent_sources,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TimelineEvent:
        return cls(
            str(data["date"]),
            str(data["text"]),
            tuple(Span.from_dict(s) for s in data["support"]),
            int(data["independent_sources"]),
        )

    def period(self) -> tuple[_dt.date, _dt.date]:
        """The first and last day ``date`` covers (``period_of``)."""
        return period_of(self.date)


def period_of(value: str) -> tuple[_dt.date, _dt.date]:
    """The first and last day a TIMEX3 date value covers: ``2024-05`` is May 1-31, ``2024-W20``
    May 13-19, ``2024-SU`` June-August, ``2024-Q4`` October-December, ``2024`` the year."""
    year, _, rest = value.partition("-")
    y = int(year)
    if not rest:
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
    if rest[:2] in SEASON_START:
        return _months(_dt.date(y, SEASON_START[rest[:2]], 1), 3)
    if rest.startswith("W"):
        monday = _dt.date.fromisocalendar(y, int(rest[1:3]), 1)
        return monday, monday + _dt.timedelta(days=6)
    if rest.startswith("Q"):
        return _months(_dt.date(y, 3 * int(rest[1]) - 2, 1), 3)
    if len(rest) == 2:
        return _months(_dt.date(y, int(rest), 1), 1)
    day = _dt.date.fromisoformat(value[:10])
    return day, day


# the month each TIMEX3 season begins, northern hemisphere (a winter in its year's December)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _months(first: _dt.date, count: int) -> tuple[_dt.date, _dt.date]:
    """``count`` months from ``first`` (a first of the month): their first and last day."""
    index = first.year * 12 + first.month - 1 + count
    return first, _dt.date(index // 12, index % 12 + 1, 1) - _dt.timedelta(days=1)


def story_id(article_ids: Sequence[str]) -> str:
    """A story's id is derived from its articles, so the same input gives the same id."""
    return "s" + content_hash(*sorted(article_ids))[:11]


@dataclass(frozen=True)
class LeftArticle:
    """An article a story had at an earlier brief and no longer has: where it is now."""

    article_id: str
    story_id: str | None  # the story that holds it now (None: in none)
    outlet: str | None
    title: str | None

    def to_dict(self) -> JSONDict:
        return {
            "article_id": self.article_id,
            "story_id": self.story_id,
            "outlet": self.outlet,
            "title": self.title,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LeftArticle:
        return cls(
            str(data["article_id"]),
            None if data.get("story_id") is None else str(data["story_id"]),
            data.get("outlet"),
            data.get("title"),
        )


@dataclass(frozen=True)
class Changes:
    """What a story gained since a moment (``parallax brief --since``): what its newer articles bring.

    Facts, quotes, discrepancies and timeline entries are named by their position in the story's own
    lists. "New" ones rest on newer articles alone; "confirmed" facts and "reworded" quotes existed and
    gained a newer source.
    """

    since: str  # the moment compared with: an ISO date or time ("" = the story's first brief)
    new_articles: tuple[str, ...] = ()
    new_outlets: tuple[str, ...] = ()
    new_facts: tuple[int, ...] = ()
    confirmed_facts: tuple[int, ...] = ()
    new_quotes: tuple[int, ...] = ()
    reworded_quotes: tuple[int, ...] = ()
    new_discrepancies: tuple[int, ...] = ()
    new_timeline: tuple[int, ...] = ()
    # articles the story had at its brief at ``since`` and has no longer (a regrouping moved them)
    left: tuple[LeftArticle, ...] = ()

    def to_dict(self) -> JSONDict:
        return {
            "since": self.since,
            "new_articles": list(self.new_articles),
            "new_outlets": list(self.new_outlets),
            "new_facts": list(self.new_facts),
            "confirmed_facts": list(self.confirmed_facts),
            "new_quotes": list(self.new_quotes),
            "reworded_quotes": list(self.reworded_quotes),
            "new_discrepancies": list(self.new_discrepancies),
            "new_timeline": list(self.new_timeline),
            "left": [a.to_dict() for a in self.left],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Changes:
        def positions(key: str) -> tuple[int, ...]:
            return tuple(int(i) for i in data.get(key, ()))

        return cls(
            since=str(data["since"]),
            new_articles=tuple(str(a) for a in data.get("new_articles", ())),
            new_outlets=tuple(str(o) for o in data.get("new_outlets", ())),
            new_facts=positions("new_facts"),
            confirmed_facts=positions("confirmed_facts"),
            new_quotes=positions("new_quotes"),
            reworded_quotes=positions("reworded_quotes"),
            new_discrepancies=positions("new_discrepancies"),
            new_timeline=positions("new_timeline"),
            left=tuple(LeftArticle.from_dict(a) for a in data.get("left", ())),
        )


@dataclass(frozen=True)
class Story:
    id: str
    article_ids: tuple[str, ...]
    brief: Brief
    title: str | None = None
    derivations: tuple[Derivation, ...] = ()
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    # articles that are not independent of one another (duplicates, rewrites, wire copy), one tuple each
    independent_groups: tuple[tuple[str, ...], ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    changes: Changes | None = None  # with ``--since``: what the newer articles brought

    def to_dict(self) -> JSONDict:
        return {
            "id": self.id,
            "title": self.title,
            "article_ids": list(self.article_ids),
            "brief": self.brief.to_dict(),
            "derivations": [d.to_dict() for d in self.derivations],
            "facts": [f.to_dict() for f in self.facts],
            "quotes": [q.to_dict() for q in self.quotes],
            "discrepancies": [d.to_dict() for d in self.discrepancies],
            "independent_groups": [list(g) for g in self.independent_groups],
            "timeline": [e.to_dict() for e in self.timeline],
            "changes": self.changes.to_dict() if self.changes else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Story:
        return cls(
            id=str(data["id"]),
            article_ids=tuple(str(a) for a in data["article_ids"]),
            brief=Brief.from_dict(data["brief"]),
            title=data.get("title"),
            derivations=tuple(Derivation.from_dict(d) for d in data.get("derivations", ())),
            facts=tuple(Fact.from_dict(f) for f in data.get("facts", ())),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            discrepancies=tuple(Discrepancy.from_dict(d) for d in data.get("discrepancies", ())),
            independent_groups=tuple(
                tuple(str(i) for i in g) for g in data.get("independent_groups", ())
            ),
            timeline=tuple(TimelineEvent.from_dict(e) for e in data.get("timeline", ())),
            changes=Changes.from_dict(data["changes"]) if data.get("changes") else None,
        )


@dataclass(frozen=True)
class Problem:
    """An input that could not be read, and what to do about it."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    def to_dict(self) -> JSONDict:
        return {"source": self.source, "message": self.message}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Problem:
        return cls(str(data["source"]), str(data["message"]))


@dataclass(frozen=True)
class Report:
    parallax_version: str
    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    problems: tuple[Problem, ...] = field(default=())

    def article(self, article_id: str) -> Article:
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    def to_dict(self) -> JSONDict:
        return {
            "parallax_version": self.parallax_version,
            "articles": [a.to_dict() for a in self.articles],
            "stories": [s.to_dict() for s in self.stories],
            "problems": [p.to_dict() for p in self.problems],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        return cls(
            parallax_version=str(data["parallax_version"]),
            articles=tuple(Article.from_dict(a) for a in data["articles"]),
            stories=tuple(Story.from_dict(s) for s in data["stories"]),
            problems=tuple(Problem.from_dict(p) for p in data.get("problems", ())),
        )


@dataclass(frozen=True)
class RawDocument:
    """What a reader found in one input, before cleaning: the text as scraped and any metadata given."""

    source: str
    text: str
    fmt: Literal["text", "html", "record", "feed"]
    title: str | None = None
    title_how: How | None = None
    author: str | None = None
    author_how: How | None = None
    outlet: str | None = None
    outlet_how: How | None = None
    published: str | None = None
    published_how: How | None = None
    url: str | None = None
