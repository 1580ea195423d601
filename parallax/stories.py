"""Stories kept in a store: every stored article belongs to one, and a story keeps its id as it grows.

``assign_stories`` is what ``parallax ingest`` runs after storing: it computes the grouping signals of the
articles that have none yet (once per article), finds the stories they may join through the store's
index of names, regroups that region alone (cluster.py) and keeps the previous story ids where the
groups overlap (``cluster.stable_ids``). A batch of articles ingested together is grouped together, so a
folder gives the same stories whatever order its files are in.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

from parallax.changes import what_changed
from parallax.cluster import headline, stable_ids
from parallax.derive import DUPLICATE_MIN_JACCARD, band_keys, estimated_jaccard, sketch
from parallax.models import Article, LeftArticle, Report, story_id
from parallax.pipeline import Pipeline
from parallax.store import Store


@dataclass(frozen=True)
class StorySummary:
    """One line of ``parallax stories``."""

    id: str
    title: str | None
    articles: int
    outlets: tuple[str, ...]
    first: str | None
    last: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": self.articles,
            "outlets": list(self.outlets),
            "first": self.first,
            "last": self.last,
        }


def assign_stories(
    store: Store, pipe: Pipeline, progress: Callable[[str, int, int], None] | None = None
) -> tuple[int, int]:
    """Put the stored articles that have no story yet into stories; (stories, stories new now).

    A newcomer that is a near-identical copy of a stored article joins that article's story at once
    (MinHash LSH: its band keys are looked up in the store's index). The other newcomers are grouped
    together with the stories they may belong to: those with an article that names one of the same
    people, places or organisations (found through the store's name index, not by comparing with every
    story). Only that region is regrouped (cluster.py), and its stories keep their ids where the groups
    overlap them (``cluster.stable_ids``); every other story is untouched.
    """
    missing = store.without_signals()
    if progress:
        progress("signals", 0, len(missing))
    for article, (lead, entities) in zip(missing, pipe.signals(missing), strict=True):
        signature = sketch(article.text)
        store.save_signals(article.id, lead, entities, signature, band_keys(signature))
    if progress:
        progress("signals", len(missing), len(missing))
    pending = store.without_story()
    copies = _copies(store, pending)
    if copies:
        store.set_stories(copies)
    newcomers = [i for i in pending if i not in copies]
    if not newcomers:
        return store.story_count(), 0
    neighbours = _neighbours(store, newcomers, store.signals(newcomers))
    region = sorted(set(newcomers) | set(store.story_members(sorted(neighbours))))
    signals = store.signals(region)
    previous = store.story_of(region)
    articles = store.articles(region)
    groups = pipe.group_signals(articles, [signals[a.id] for a in articles])
    assignment = stable_ids([[articles[i].id for i in g] for g in groups], previous, story_id)
    store.set_stories(assignment)
    after = store.story_count()
    return after, len(set(assignment.values()) - set(previous.values()))


def _copies(store: Store, newcomers: Sequence[str]) -> dict[str, str]:
    """Newcomers that are near-identical copies of a stored article with a story (wire copy, a page
    stored twice under two addresses): article -> that story. Found through the LSH band index;
    a copy is Jaccard >= DUPLICATE_MIN_JACCARD on word 3-shingles, as derive.py calls a duplicate."""
    if not newcomers:
        return {}
    sketches = store.sketches(newcomers)
    out: dict[str, str] = {}
    for article in newcomers:
        own = sketches.get(article)
        if own is None:
            continue
        others = {i: s for i, s in store.sharing_bands(band_keys(own)).items() if i != article}
        stories = store.story_of(sorted(others))
        best = max(
            ((estimated_jaccard(own, others[i]), i) for i in stories),
            default=(0.0, ""),
        )
        if best[0] >= DUPLICATE_MIN_JACCARD:
            out[article] = stories[best[1]]
    return out


MAX_NAME_SHARE = 0.05  # a name in more than 5% of the stored articles (a country) links no story
MIN_NAME_LIMIT = 50  # ... but in a small store every name counts
NEIGHBOURS = 10  # stories a newcomer is compared with: those sharing its rarest names


def _neighbours(
    store: Store, newcomers: list[str], signals: Mapping[str, tuple[object, list[str]]]
) -> set[str]:
    """The stories each newcomer may join: the NEIGHBOURS stories sharing most of its names, rarer
    names counting more (idf), names common to much of the store left out."""
    size = store.count()
    limit = max(MIN_NAME_LIMIT, int(MAX_NAME_SHARE * size))
    postings = store.name_postings([n for i in newcomers for n in signals[i][1]], limit=limit)
    linked = sorted({a for ids in postings.values() for a in ids})
    story_of = store.story_of(linked)
    found: set[str] = set()
    for article in newcomers:
        score: dict[str, float] = {}
        for name in {n.lower() for n in signals[article][1]}:
            ids = postings.get(name, [])
            weight = math.log(1 + size / max(len(ids), 1))
            for story in {story_of[i] for i in ids if i in story_of}:
                score[story] = score.get(story, 0.0) + weight
        found.update(sorted(score, key=lambda s: (-score[s], s))[:NEIGHBOURS])
    return found


def list_stories(
    store: Store, min_articles: int = 1, limit: int | None = None
) -> list[StorySummary]:
    """The stored stories of at least ``min_articles`` articles (the ``limit`` largest, or all), largest
    first, with their headlines, outlets and dates. Only the listed stories' articles are read."""
    out = []
    sized = [(sid, ids) for sid, ids in store.stories().items() if len(ids) >= min_articles]
    stories = dict(sized[:limit])
    signals = store.signals([i for ids in stories.values() for i in ids])
    for sid, ids in stories.items():
        members = store.articles(ids)
        out.append(_summary(sid, members, _stored_headline(members, signals)))
    return out


def stored_headline(store: Store, members: Sequence[Article]) -> str | None:
    """The headline of stored articles (cluster.headline) from the lead vectors stored with them: what
    `parallax stories` lists, and what a brief of the stored story is titled, whichever model the brief
    weighs its sentences with (a brief alone's int8 vectors could tip a near tie the other way)."""
    return _stored_headline(members, store.signals([a.id for a in members]))


def _stored_headline(
    members: Sequence[Article], signals: Mapping[str, tuple[npt.NDArray[np.float32], list[str]]]
) -> str | None:
    if not all(a.id in signals for a in members):
        return None
    return headline([a.title for a in members], [signals[a.id][0] for a in members])


def _summary(sid: str, members: list[Article], title: str | None = None) -> StorySummary:
    dated = sorted(a.published[:10] for a in members if a.published)
    titled = [a.title for a in members if a.title]
    return StorySummary(
        sid,
        title or (titled[0] if titled else (_opening(members[0].text) if members else None)),
        len(members),
        tuple(sorted({a.outlet for a in members if a.outlet})),
        dated[0] if dated else None,
        dated[-1] if dated else None,
    )


def utc_moment(since: str) -> str:
    """A moment as the store writes its times, so that the two compare as text: an ISO time in UTC (a
    time without an offset is taken as UTC); a date alone stays as it is (all of that day is after it)."""
    if len(since) <= 10:
        return since
    moment = datetime.fromisoformat(since)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


TITLE_CHARS = 80


def _opening(text: str) -> str:
    """An untitled story's stand-in headline: its first article's first paragraph, on one line, cut
    at a word within TITLE_CHARS."""
    line = " ".join(text.strip().split("\n", 1)[0].split())
    if len(line) <= TITLE_CHARS:
        return line
    cut = line[:TITLE_CHARS].rsplit(" ", 1)[0] if " " in line[:TITLE_CHARS] else line[:TITLE_CHARS]
    return cut.rstrip(" ,;:") + "…"


def record_brief(store: Store, report: Report, story: str, since: str | None) -> Report:
    """Note that ``story`` was briefed now and, with ``since`` (an ISO date or time, or "LAST" for the
    story's previous brief), add to it what its articles stored after that moment changed."""
    cutoff = (store.last_brief(story) or "") if since == "LAST" else utc_moment(since or "")
    stored = store.ingested_at([a.id for a in report.articles])
    members = [a for s in report.stories for a in s.article_ids]
    before = store.briefed_members(story, cutoff) if since is not None and cutoff else None
    store.record_brief(story, members)
    if since is None:
        return report
    newer = {i for i, moment in stored.items() if moment > cutoff}
    articles = {a.id: a for a in report.articles}
    gone = sorted((before or set()) - set(members))
    now_in = store.story_of(gone) if gone else {}
    left = tuple(
        LeftArticle(a.id, now_in.get(a.id), a.outlet, a.title)
        for a in (store.articles(gone) if gone else [])
    )
    stories = tuple(
        replace(s, changes=replace(what_changed(s, articles, newer, cutoff), left=left))
        for s in report.stories
    )
    return replace(report, stories=stories)
