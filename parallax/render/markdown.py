"""Markdown: the terminal default (the CLI renders it with rich on a TTY)."""

from __future__ import annotations

from parallax.models import Article, Claim, QuoteVariant, Report, Story
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
    if story.brief.focus:
        lines.append(f"_What the sources say about: {story.brief.focus}_\n")
        if not story.brief.sentences:
            lines.append(f"_No source says anything about “{story.brief.focus}”._\n")
    if story.brief.headline:
        lines.append(f"**{story.brief.headline.text}**\n")
    for sentence in story.brief.sentences:
        cited = sorted({refs[c.article_id].number for c in sentence.citations})
        alone = (
            " _(one source)_"
            if sentence.independent_sources == 1 and len(story.article_ids) > 1
            else ""
        )
        lines.append(f"- {sentence.text} {''.join(f'[{n}]' for n in cited)}{alone}")
    lines.extend(_changes(report, story))
    lines.extend(_derivations(story, refs))
    lines.extend(_facts(report, story, refs))
    lines.extend(_quotes(story, refs))
    lines.extend(_discrepancies(story, refs))
    lines.extend(_timeline(story, refs))
    return "\n".join(lines) + "\n"


def _changes(report: Report, story: Story) -> list[str]:
    if story.changes is None:
        return []
    sections = change_lines(report, story)
    lines = [f"\n## What's new since {since_label(story.changes.since)}\n"]
    if not sections:
        lines.append(f"_{NOTHING_NEW}_")
    for heading, items in sections:
        lines.append(f"**{heading}**\n")
        lines.extend(f"- {item}" for item in items)
        lines.append("")
    return lines


def _timeline(story: Story, refs: dict[str, SourceRef]) -> list[str]:
    events = shown_events(story)
    if not events:
        return []
    lines = [
        "\n## Timeline\n",
        'Relative dates ("on Thursday", "two weeks ago") resolved against each article\'s date.\n',
    ]
    for event in events:
        cited = "".join(f"[{refs[s.article_id].number}]" for s in event.support)
        lines.append(
            f"- **{event_date(event)}** {event_text(event)} {cited} _({event.independent_sources} independent)_"
        )
    if len(story.timeline) > len(events):
        lines.append(
            f"- _{EVENTS_LEFT_OUT.format(len(story.timeline) - len(events))}: "
            "`--format json` lists every event_"
        )
    return lines


def _discrepancies(story: Story, refs: dict[str, SourceRef]) -> list[str]:
    if not story.discrepancies:
        return []
    lines = [
        "\n## Where sources disagree\n",
        "| about | " + " | ".join(["what each source says"]) + " |",
        "|---|---|",
    ]
    for d in story.discrepancies:
        claims = "; ".join(
            f"{refs[own[0].article_id].label} {refs[own[0].article_id].outlet}: "
            + ", ".join(_in_context(c, refs[c.article_id].article.text) for c in own)
            for own in claims_by_source(d)
        )
        lines.append(f"| {d.about} | {claims} |")
    return lines


def _in_context(claim: Claim, text: str) -> str:
    """“…said the deal was worth **$6.5 billion** including debt…”: the value in bold, its words around it."""
    before, after = claim_context(claim, text)
    return f"“{before}**{claim.text}**{after}”".replace("|", "\\|")


def _diffed(variant: QuoteVariant) -> str:
    """The variant's words, with what differs from the canonical wording marked."""
    parts = []
    for op in variant.diff:
        if op["op"] == "equal":
            parts.append(op["b"])
            continue
        if op["op"] in ("replace", "delete"):
            parts.append(f"~~{op['a']}~~")
        if op["op"] in ("replace", "insert"):
            parts.append(f"**{op['b']}**")
    return " ".join(p for p in parts if p)


def _quotes(story: Story, refs: dict[str, SourceRef]) -> list[str]:
    quotes = shown_quotes(story)
    if not quotes:
        return []
    lines = [
        "\n## Quotes\n",
        "Wording that differs from the first version: **added or changed**, ~~left out~~.\n",
    ]
    for quote in quotes:
        lines.append(f"- **{speaker_label(quote)}**: “{quote.text}”")
        for variant in quote.variants:
            ref = refs[variant.article_id]
            same = all(op["op"] == "equal" for op in variant.diff)
            lines.append(
                f"  - {ref.label} {ref.outlet}: "
                + ("same words" if same else f"“{_diffed(variant)}”")
            )
    left_out = quotes_left_out(story, len(quotes))
    if left_out:
        lines.append(f"- _{left_out}_")
    return lines


def _derivations(story: Story, refs: dict[str, SourceRef]) -> list[str]:
    if not story.derivations:
        return []
    lines = ["\n## Who copied whom\n"]
    for d in story.derivations:
        source, verb, other = derivation_phrase(d, refs)
        note = f" ({d.note})" if d.note else ""
        lines.append(f"- {source} **{verb}** {other}{note}")
    return lines


def _facts(report: Report, story: Story, refs: dict[str, SourceRef]) -> list[str]:
    facts = shown_facts(story)
    if not facts:
        return []
    numbers = [refs[i].number for i in story.article_ids]
    lines = [
        "\n## Facts across sources\n",
        "Independent = outlets that do not copy, rewrite or cite one another. "
        f"{len(story.facts)} facts in all; {sum(f.single_outlet for f in story.facts)} rest on one outlet.\n",
        "| # | fact | independent | " + " | ".join(f"[{n}]" for n in numbers) + " |",
        "|---|---|---|" + "---|" * len(numbers),
    ]
    for index, fact in enumerate(facts, start=1):
        carried = {s.article_id for s in fact.support}
        marks = " | ".join("✓" if i in carried else "" for i in story.article_ids)
        text = fact.text.replace("|", "\\|")
        lines.append(f"| F{index} | {text} | {fact.independent_sources} | {marks} |")
    return lines


def _sources(report: Report, refs: dict[str, SourceRef]) -> str:
    lines = ["## Sources\n"]
    for article in report.articles:
        lines.append(_source_line(refs[article.id].number, article))
    return "\n".join(lines) + "\n"


def _source_line(number: int, a: Article) -> str:
    outlet = f"**{a.outlet}**{how_mark(a.outlet_how)}" if a.outlet else "**unknown outlet**"
    title = f" “{a.title}”" if a.title else ""
    byline = f" by {a.byline}{how_mark(a.byline_how)}" if a.byline else ""
    date = f", {a.published}{how_mark(a.published_how)}" if a.published else ", undated"
    removed = f"; removed {len(a.removed)} residue item(s)" if a.removed else ""
    return f"{number}. {outlet}{title}{byline}{date} (`{a.source}`{removed})"
