"""Markdown: the terminal default (the CLI renders it with rich on a TTY)."""

from __future__ import annotations

from parallax.models import Article, Report, Story
from parallax.render.common import (
    SourceRef,
    how_mark,
    numbering,
    plural,
    story_dates,
    story_outlets,
)


def render_markdown(report: Report) -> str:
    refs = numbering(report)
    parts: list[str] = []
    for index, story in enumerate(report.stories, start=1):
        parts.append(_story(report, story, index, refs))
    if not report.stories:
        parts.append("_No article could be briefed._\n")
    parts.append(_sources(report, refs))
    if report.problems:
        parts.append(
            "## Inputs that failed\n\n"
            + "".join(f"- `{p.source}`: {p.message}\n" for p in report.problems)
        )
    return "\n".join(parts)


def _story(report: Report, story: Story, index: int, refs: dict[str, SourceRef]) -> str:
    title = story.title or f"Story {index}"
    outlets = ", ".join(story_outlets(report, story))
    lines = [
        f"# {title}\n",
        f"_{plural(len(story.article_ids), 'article')} ({outlets}) · {story_dates(report, story)} · "
        f"brief of {story.brief.words} words · story `{story.id}`_\n",
    ]
    for sentence in story.brief.sentences:
        cited = sorted({refs[c.article_id].number for c in sentence.citations})
        lines.append(f"- {sentence.text} {''.join(f'[{n}]' for n in cited)}")
    return "\n".join(lines) + "\n"


def _sources(report: Report, refs: dict[str, SourceRef]) -> str:
    lines = ["## Sources\n"]
    for article in report.articles:
        lines.append(_source_line(refs[article.id].number, article))
    return "\n".join(lines) + "\n"


def _source_line(number: int, a: Article) -> str:
    outlet = f"**{a.outlet}**{how_mark(a.outlet_how)}" if a.outlet else "**unknown outlet**"
    title = f" “{a.title}”" if a.title else ""
    byline = f" by {a.byline}" if a.byline else ""
    date = f", {a.published}{how_mark(a.published_how)}" if a.published else ", undated"
    removed = f"; removed {len(a.removed)} residue item(s)" if a.removed else ""
    return f"{number}. {outlet}{title}{byline}{date} (`{a.source}`{removed})"
