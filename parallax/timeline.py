"""Dates: publication dates inferred for articles that lack one (issue 4 adds the full timeline)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from parallax.models import Article


def infer_publication_dates(story: Sequence[Article]) -> list[Article]:
    """Give each undated article of a story the median date of its dated siblings, marked ``inferred``.

    Coverage of one event appears within a day or two; the median resists one outlet's late follow-up.
    An article with no dated sibling keeps no date: parallax never falls back on today's date.
    """
    known = sorted(date.fromisoformat(a.published) for a in story if a.published)
    if not known:
        return list(story)
    median = known[(len(known) - 1) // 2].isoformat()
    note = (
        f"date inferred from the {len(known)} dated article(s) of the same story (median {median})"
    )
    return [
        a
        if a.published
        else dataclasses.replace(
            a, published=median, published_how="inferred", notes=(*a.notes, note)
        )
        for a in story
    ]
