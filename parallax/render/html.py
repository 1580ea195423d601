"""A self-contained HTML report: inline CSS, no scripts or assets fetched, every article text escaped.

Each citation links to its span, highlighted inside the cleaned article text further down the page
(CSS ``:target``), so a reader checks any sentence of the brief against its sources in one click.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import jinja2

from parallax.models import Article, Report
from parallax.render.common import how_mark, numbering, plural, story_dates, story_outlets


@dataclass(frozen=True)
class Segment:
    text: str
    anchor: str | None  # the element id of a cited span, None for uncited text


def span_anchor(article_id: str, start: int, end: int) -> str:
    return f"span-{article_id}-{start}-{end}"


def segments(article: Article, spans: list[tuple[int, int]]) -> list[Segment]:
    """The article text cut at the cited spans; an overlapping later span is left unmarked."""
    out: list[Segment] = []
    cursor = 0
    for start, end in sorted(set(spans)):
        if start < cursor:
            continue
        if start > cursor:
            out.append(Segment(article.text[cursor:start], None))
        out.append(Segment(article.text[start:end], span_anchor(article.id, start, end)))
        cursor = end
    if cursor < len(article.text):
        out.append(Segment(article.text[cursor:], None))
    return out


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("parallax", "render/templates"),
        autoescape=True,  # article text is untrusted: escaped everywhere
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(how_mark=how_mark, span_anchor=span_anchor, plural=plural)
    return env


def render_html(report: Report) -> str:
    cited: dict[str, list[tuple[int, int]]] = {a.id: [] for a in report.articles}
    for story in report.stories:
        for sentence in story.brief.sentences:
            for c in sentence.citations:
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
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            stories=stories,
            refs=numbering(report),
            segments={a.id: segments(a, cited[a.id]) for a in report.articles},
        )
    )
