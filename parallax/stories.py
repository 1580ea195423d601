"""Stories kept in a store: every stored article belongs to one, and a story keeps its id as it grows.

``assign_stories`` is what ``parallax ingest`` runs after storing: it computes the grouping signals of the
articles that have none yet (once per article), groups all stored articles (cluster.py), and keeps the
previous story ids where the groups overlap (``cluster.stable_ids``). Grouping is batch for now: its cost
grows with the square of the store (issue 6 brings an index and online assignment).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from parallax.changes import what_changed
from parallax.cluster import stable_ids
from parallax.models import Article, Report, story_id
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
    """Group every stored article into stories; (stories, stories new since the last assignment)."""
    missing = store.without_signals()
    if progress:
        progress("signals", 0, len(missing))
    for article, (lead, entities) in zip(missing, pipe.signals(missing), strict=True):
        store.save_signals(article.id, lead, entities)
    if progress:
        progress("signals", len(missing), len(missing))
    articles = store.articles()
    signals = store.signals()
    groups = (
        pipe.group_signals([a.text for a in articles], [signals[a.id] for a in articles])
        if articles
        else []
    )
    previous = store.story_of()
    assignment = stable_ids([[articles[i].id for i in g] for g in groups], previous, story_id)
    store.set_stories(assignment)
    before = set(previous.values())
    after = set(assignment.values())
    return len(after), len(after - before)


def list_stories(store: Store) -> list[StorySummary]:
    """Every stored story, largest first, with its headline, outlets and dates."""
    out = []
    for sid, ids in store.stories().items():
        members = store.articles(ids)
        out.append(_summary(sid, members))
    return out


def _summary(sid: str, members: list[Article]) -> StorySummary:
    dated = sorted(a.published[:10] for a in members if a.published)
    titled = [a.title for a in members if a.title]
    return StorySummary(
        sid,
        titled[0] if titled else (members[0].text[:80] + "…" if members else None),
        len(members),
        tuple(sorted({a.outlet for a in members if a.outlet})),
        dated[0] if dated else None,
        dated[-1] if dated else None,
    )


def record_brief(store: Store, report: Report, story: str, since: str | None) -> Report:
    """Note that ``story`` was briefed now and, with ``since`` (an ISO date or time, or "LAST" for the
    story's previous brief), add to it what its articles stored after that moment changed."""
    cutoff = (store.last_brief(story) or "") if since == "LAST" else (since or "")
    stored = store.ingested_at([a.id for a in report.articles])
    store.record_brief(story)
    if since is None:
        return report
    newer = {i for i, moment in stored.items() if moment > cutoff}
    articles = {a.id: a for a in report.articles}
    stories = tuple(
        replace(s, changes=what_changed(s, articles, newer, cutoff)) for s in report.stories
    )
    return replace(report, stories=stories)
