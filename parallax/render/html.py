"""A self-contained HTML report: inline CSS, no scripts or assets fetched, every article text escaped.

Each citation links to its span, highlighted inside the cleaned article text further down the page
(CSS ``:target``), so a reader checks any sentence of the brief against its sources in one click.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import jinja2

from parallax.models import Article, Claim, QuoteVariant, Report, Span, Story, TimelineEvent
from parallax.render.common import (
    EVENTS_LEFT_OUT,
    NOTHING_NEW,
    SourceRef,
    change_lines,
    claim_context,
    claims_by_source,
    derivation_phrase,
    event_date,
    event_text,
    how_mark,
    numbering,
    plural,
    quotes_left_out,
    shown_events,
    shown_facts,
    shown_quotes,
    since_label,
    speaker_label,
    story_dates,
    story_outlets,
)


@dataclass(frozen=True)
class Segment:
    text: str
    anchor: str | None  # the element id of a cited span, None for uncited text


def span_anchor(article_id: str, start: int, end: int) -> str:
    return f"span-{article_id}-{start}-{end}"


def segments(
    article: Article, spans: list[tuple[int, int]], preferred: Sequence[tuple[int, int]] = ()
) -> list[Segment]:
    """The article text cut at the cited spans. Where spans overlap, one is marked: a ``preferred``
    one (the brief's own sentences) first, else the earlier one."""
    kept: list[tuple[int, int]] = []
    for start, end in [*dict.fromkeys(preferred), *sorted(set(spans))]:
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    out: list[Segment] = []
    cursor = 0
    for start, end in sorted(kept):
        if start > cursor:
            out.append(Segment(article.text[cursor:start], None))
        out.append(Segment(article.text[start:end], span_anchor(article.id, start, end)))
        cursor = end
    if cursor < len(article.text):
        out.append(Segment(article.text[cursor:], None))
    return out


@dataclass(frozen=True)
class GraphNode:
    key: str
    label: str
    x: float
    y: float
    external: bool


@dataclass(frozen=True)
class GraphEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str


GRAPH_SIZE = 420
KIND_COLOURS = {"duplicate": "#b42318", "rewrite": "#c4320a", "wire": "#0b5cad", "cites": "#5f6b73"}


def derivation_graph(
    story: Story, refs: dict[str, SourceRef]
) -> tuple[list[GraphNode], list[GraphEdge]]:
    """Nodes on a circle (the story's articles, then cited outlets outside it) and one edge per derivation."""
    keys: list[tuple[str, str, bool]] = [
        (i, f"[{refs[i].number}] {refs[i].outlet}", False) for i in story.article_ids
    ]
    for d in story.derivations:
        if (
            not d.to_article_id
            and d.to_outlet
            and ("outlet:" + d.to_outlet) not in {k for k, _, _ in keys}
        ):
            keys.append(("outlet:" + d.to_outlet, d.to_outlet, True))
    centre, radius = GRAPH_SIZE / 2, GRAPH_SIZE / 2 - 70
    nodes = {}
    for n, (key, label, external) in enumerate(keys):
        angle = 2 * math.pi * n / max(len(keys), 1) - math.pi / 2
        nodes[key] = GraphNode(
            key,
            label,
            centre + radius * math.cos(angle),
            centre + radius * math.sin(angle),
            external,
        )
    edges = []
    for d in story.derivations:
        target = d.to_article_id or ("outlet:" + (d.to_outlet or ""))
        if d.source in nodes and target in nodes:
            a, b = nodes[d.source], nodes[target]
            length = max(math.hypot(b.x - a.x, b.y - a.y), 1.0)
            ux, uy = (b.x - a.x) / length, (b.y - a.y) / length
            edges.append(
                GraphEdge(a.x + ux * 14, a.y + uy * 14, b.x - ux * 16, b.y - uy * 16, d.kind)
            )
    return list(nodes.values()), edges


@dataclass(frozen=True)
class AxisPoint:
    x: float
    y: float
    date: str
    label: str
    sources: int
    width: float = 0.0  # > 0: a week or month, drawn as a bar from x over this width


AXIS_WIDTH, AXIS_HEIGHT = 860, 128
AXIS_VAGUE_MAX_DAYS = (
    31  # weeks and months go on the axis as bars; quarters and years would cover it
)


def time_axis(story: Story) -> tuple[list[AxisPoint], list[tuple[float, str]]]:
    """Day-precise events placed on a horizontal axis as dots, the weeks and months that overlap them
    as bars (clipped to the axis), and tick labels (first and last day)."""
    days = [e for e in story.timeline if re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.date)]
    if not days:
        return [], []
    first, last = date.fromisoformat(days[0].date), date.fromisoformat(days[-1].date)
    span = max((last - first).days, 1)

    def x_of(day: date) -> float:
        return 30 + (AXIS_WIDTH - 60) * (day - first).days / span

    points = []
    vague: dict[str, list[TimelineEvent]] = {}
    for event in story.timeline:
        start, end = event.period()
        if 0 < (end - start).days < AXIS_VAGUE_MAX_DAYS and start <= last and end >= first:
            vague.setdefault(event.date, []).append(event)
    for value, events in vague.items():  # one bar per week or month, below the line; weeks lower
        start, end = events[0].period()
        left, right = x_of(max(start, first)), x_of(min(end, last))
        label = " | ".join(e.text for e in events)
        sources = max(e.independent_sources for e in events)
        y = 90.0 if (end - start).days > 7 else 97.0
        points.append(AxisPoint(left, y, value, label, sources, right - left))
    stacked: dict[str, int] = {}
    for event in days:
        level = stacked.get(event.date, 0)
        stacked[event.date] = level + 1
        x = x_of(date.fromisoformat(event.date))
        points.append(
            AxisPoint(
                x, 70 - 12 * min(level, 4), event.date, event_text(event), event.independent_sources
            )
        )
    ticks = [(30.0, first.isoformat())] + (
        [(AXIS_WIDTH - 30.0, last.isoformat())] if last != first else []
    )
    return points, ticks


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("parallax", "render/templates"),
        autoescape=True,  # article text is untrusted: escaped everywhere
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        how_mark=how_mark,
        span_anchor=span_anchor,
        plural=plural,
        derivation_phrase=derivation_phrase,
        shown_facts=shown_facts,
        shown_quotes=shown_quotes,
        quotes_left_out=quotes_left_out,
        claims_by_source=claims_by_source,
        claim_context=claim_context,
        since_label=since_label,
        speaker_label=speaker_label,
        derivation_graph=derivation_graph,
        time_axis=time_axis,
        axis_width=AXIS_WIDTH,
        axis_height=AXIS_HEIGHT,
        shown_events=shown_events,
        nothing_new=NOTHING_NEW,
        events_left_out=EVENTS_LEFT_OUT,
        event_date=event_date,
        event_text=event_text,
        change_lines=change_lines,
        kind_colours=KIND_COLOURS,
        graph_size=GRAPH_SIZE,
    )
    return env


def render_html(report: Report) -> str:
    cited: dict[str, list[tuple[int, int]]] = {a.id: [] for a in report.articles}
    primary: dict[str, list[tuple[int, int]]] = {a.id: [] for a in report.articles}
    for story in report.stories:
        for sentence in story.brief.sentences:
            first = sentence.citations[0]
            primary[first.article_id].append((first.start, first.end))
            for c in sentence.citations:
                cited[c.article_id].append((c.start, c.end))
        for fact in story.facts:
            for c in fact.support:
                cited[c.article_id].append((c.start, c.end))
    stories = [
        {
            "story": story,
            "dates": story_dates(report, story),
            "outlets": story_outlets(report, story),
            "articles": [report.article(i) for i in story.article_ids],
        }
        for story in report.stories
    ]
    cut = {a.id: segments(a, cited[a.id], primary[a.id]) for a in report.articles}
    marked = {seg.anchor for parts in cut.values() for seg in parts if seg.anchor}

    def anchor_for(span: Span | QuoteVariant | Claim) -> str:
        """The highlighted span, or its article where the span overlaps one already highlighted."""
        anchor = span_anchor(span.article_id, span.start, span.end)
        return anchor if anchor in marked else f"article-{span.article_id}"

    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report, stories=stories, refs=numbering(report), segments=cut, anchor_for=anchor_for
    )
