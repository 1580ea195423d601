"""What a story gained: the facts, quotes, discrepancies, timeline entries and outlets its newer
articles brought (``parallax brief --db FILE --story ID --since DATE|LAST``).

Worked out on the current story alone: an item is new when every source span it has is in a newer
article, and updated (a fact newly confirmed, a quote newly reworded) when it had older sources and
gained a newer one. Nothing else of the earlier brief needs to have been kept; which articles it had
is kept by the store, so that those a regrouping moved away since are named too
(``Changes.left``, stories.record_brief).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from parallax.models import Article, Changes, Story


def _split(article_ids: Iterable[str], new: set[str]) -> tuple[bool, bool]:
    """(has a newer source, has an older source)."""
    ids = set(article_ids)
    return bool(ids & new), bool(ids - new)


def what_changed(
    story: Story, articles: Mapping[str, Article], new_ids: set[str], since: str
) -> Changes:
    """The story's items that rest on, or gained, the articles in ``new_ids``."""
    new = new_ids & set(story.article_ids)
    older_outlets = {articles[i].outlet for i in story.article_ids if i not in new}
    new_facts: list[int] = []
    confirmed: list[int] = []
    for index, fact in enumerate(story.facts):
        newer, older = _split((s.article_id for s in fact.support), new)
        if newer:
            (confirmed if older else new_facts).append(index)
    new_quotes: list[int] = []
    reworded: list[int] = []
    for index, quote in enumerate(story.quotes):
        newer, older = _split((v.article_id for v in quote.variants), new)
        if newer:
            (reworded if older else new_quotes).append(index)
    return Changes(
        since=since,
        new_articles=tuple(i for i in story.article_ids if i in new),
        new_outlets=tuple(
            sorted(
                {articles[i].outlet or "" for i in new} - older_outlets - {""},
            )
        ),
        new_facts=tuple(new_facts),
        confirmed_facts=tuple(confirmed),
        new_quotes=tuple(new_quotes),
        reworded_quotes=tuple(reworded),
        new_discrepancies=tuple(
            i
            for i, d in enumerate(story.discrepancies)
            if _split((c.article_id for c in d.claims), new)[0]
        ),
        new_timeline=tuple(
            i
            for i, e in enumerate(story.timeline)
            if not _split((s.article_id for s in e.support), new)[1]
        ),
    )
