"""The provenance verifier: every span a report emits must point at real text.

Checks, for a report as a dictionary (the JSON output) or a :class:`~parallax.models.Report`:

- every span's article exists, and ``0 <= start < end <= len(text)``;
- every brief sentence's text is, word for word, the text of its first citation's span;
- every fact's and timeline event's text is the text of one of its supporting spans;
- every quote variant's and discrepancy claim's text is verbatim its span of its article (a quote
  split by its attribution: its parts' texts joined by " … ", each part inside the variant's span),
  and a quote's text is one of its variants';
- derivation evidence and fact support obey the first rule too.

``parallax verify report.json`` runs it from the command line.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import Any

from parallax.models import FRAGMENT_JOINER, Report


def iter_spans(data: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every span in the report with a path naming where it is."""
    for s_index, story in enumerate(data.get("stories", [])):
        here = f"stories[{s_index}]"
        headline = story.get("brief", {}).get("headline")
        for c_index, span in enumerate((headline or {}).get("citations", [])):
            yield f"{here}.brief.headline.citations[{c_index}]", span
        for b_index, sentence in enumerate(story.get("brief", {}).get("sentences", [])):
            for c_index, span in enumerate(sentence.get("citations", [])):
                yield f"{here}.brief.sentences[{b_index}].citations[{c_index}]", span
        for d_index, derivation in enumerate(story.get("derivations", [])):
            for e_index, span in enumerate(derivation.get("evidence", [])):
                yield f"{here}.derivations[{d_index}].evidence[{e_index}]", span
        for f_index, fact in enumerate(story.get("facts", [])):
            for e_index, span in enumerate(fact.get("support", [])):
                yield f"{here}.facts[{f_index}].support[{e_index}]", span
        for q_index, quote in enumerate(story.get("quotes", [])):
            for v_index, variant in enumerate(quote.get("variants", [])):
                yield f"{here}.quotes[{q_index}].variants[{v_index}]", variant
                for p_index, part in enumerate(variant.get("parts", [])):
                    yield f"{here}.quotes[{q_index}].variants[{v_index}].parts[{p_index}]", part
        for d_index, discrepancy in enumerate(story.get("discrepancies", [])):
            for c_index, claim in enumerate(discrepancy.get("claims", [])):
                yield f"{here}.discrepancies[{d_index}].claims[{c_index}]", claim
        for e_index, event in enumerate(story.get("timeline", [])):
            for s_index, span in enumerate(event.get("support", [])):
                yield f"{here}.timeline[{e_index}].support[{s_index}]", span


def verify_report(report: Report | Mapping[str, Any]) -> list[str]:
    """Every provenance problem in the report, as readable lines; empty when all spans check out."""
    data = report.to_dict() if isinstance(report, Report) else report
    texts = {a["id"]: a["text"] for a in data.get("articles", [])}
    problems: list[str] = []
    for where, span in iter_spans(data):
        text = texts.get(span.get("article_id"))
        if text is None:
            problems.append(f"{where}: article {span.get('article_id')!r} is not in the report")
        elif not 0 <= span["start"] < span["end"] <= len(text):
            problems.append(
                f"{where}: span {span['start']}..{span['end']} is outside the article ({len(text)} chars)"
            )
    problems += _quoted_texts(data, texts)
    for s_index, story in enumerate(data.get("stories", [])):
        headline = story.get("brief", {}).get("headline")
        lines = [(f"stories[{s_index}].brief.headline", headline)] if headline else []
        lines += [
            (f"stories[{s_index}].brief.sentences[{b_index}]", sentence)
            for b_index, sentence in enumerate(story.get("brief", {}).get("sentences", []))
        ]
        for where, sentence in lines:
            citations = sentence.get("citations", [])
            if not citations:
                problems.append(f"{where}: sentence cites nothing")
                continue
            source = _span_text(texts, citations[0]) or ""
            if source != sentence["text"]:
                problems.append(
                    f"{where}: text is not the text of its first citation ({source[:60]!r})"
                )
    return problems


def _span_text(texts: Mapping[str, str], span: Mapping[str, Any]) -> str | None:
    text = texts.get(span.get("article_id", ""))
    return None if text is None else text[span["start"] : span["end"]]


def _quoted_texts(data: Mapping[str, Any], texts: Mapping[str, str]) -> list[str]:
    """Texts the report shows beside spans (variants, claims, facts, timeline events, quotes) that
    are not what the spans hold."""
    problems: list[str] = []
    for s_index, story in enumerate(data.get("stories", [])):
        here = f"stories[{s_index}]"
        for q_index, quote in enumerate(story.get("quotes", [])):
            for v_index, variant in enumerate(quote.get("variants", [])):
                where = f"{here}.quotes[{q_index}].variants[{v_index}]"
                parts = variant.get("parts") or []
                if not parts and _span_text(texts, variant) != variant.get("text"):
                    problems.append(f"{where}: text is not its span's")
                elif parts and FRAGMENT_JOINER.join(
                    _span_text(texts, p) or "" for p in parts
                ) != variant.get("text"):
                    problems.append(f"{where}: text is not its parts' texts joined")
                elif any(
                    p.get("article_id") != variant.get("article_id")
                    or not variant["start"] <= p["start"] < p["end"] <= variant["end"]
                    for p in parts
                ):
                    problems.append(f"{where}: a part lies outside the variant's span")
                elif any(a["end"] > b["start"] for a, b in itertools.pairwise(parts)):
                    problems.append(f"{where}: parts overlap or are out of order")
            if quote.get("text") not in {v.get("text") for v in quote.get("variants", [])}:
                problems.append(f"{here}.quotes[{q_index}]: text is none of its variants'")
        for d_index, discrepancy in enumerate(story.get("discrepancies", [])):
            for c_index, claim in enumerate(discrepancy.get("claims", [])):
                if _span_text(texts, claim) != claim.get("text"):
                    problems.append(
                        f"{here}.discrepancies[{d_index}].claims[{c_index}]: text is not its span's"
                    )
        for key in ("facts", "timeline"):
            for index, item in enumerate(story.get(key, [])):
                if item.get("text") not in {_span_text(texts, s) for s in item.get("support", [])}:
                    problems.append(f"{here}.{key}[{index}]: text is none of its supporting spans'")
    return problems
