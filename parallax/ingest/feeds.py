"""RSS and Atom feed files through feedparser: each item is an article."""

from __future__ import annotations

import html
import time
from collections.abc import Iterator
from typing import Any

from parallax.errors import MalformedInput
from parallax.ingest.html import html_fragment_to_text
from parallax.models import Problem, RawDocument


def looks_like_feed(text: str) -> bool:
    head = text[:2048].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _root_element(text: str) -> str:
    import re

    match = re.search(r"<([a-zA-Z][\w:.-]*)", text.split("?>", 1)[-1])
    return match.group(1) if match else "none"


def read_feed(text: str, source: str) -> Iterator[RawDocument | Problem]:
    """Each item of an RSS or Atom file; an item with no text is a problem of its own."""
    import feedparser

    parsed = feedparser.parse(text.encode("utf-8"))
    if not parsed.version:
        root = _root_element(text)
        hint = "pass it as an HTML page instead" if root.lower() == "html" else "check the file"
        raise MalformedInput(source, f"not RSS or Atom (root element <{root}>); {hint}")
    if not parsed.entries:
        if parsed.bozo:
            raise MalformedInput(
                source, f"malformed feed ({parsed.bozo_exception}); fix the XML or fetch it again"
            )
        raise MalformedInput(source, "feed has no items; nothing to read")
    channel = _text(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries):
        yield _entry(entry, channel, f"{source}#{entry.get('id') or entry.get('link') or index}")


def _text(value: str | None) -> str | None:
    """A feed's title or author as text. Publishers who wrap a title in CDATA often write its
    entities there too ("Vote delayed &#8211; again"), and CDATA keeps them as characters."""
    return (html.unescape(value).strip() or None) if value else None


def _entry(entry: Any, channel: str | None, source: str) -> RawDocument | Problem:
    body = ""
    if entry.get("content"):
        body = max((c.get("value", "") for c in entry.content), key=len)
    body = body or entry.get("summary", "")
    text = html_fragment_to_text(body)
    if not text.strip():
        return Problem(
            source, "feed item has no text (only a title or link); fetch the page and pass its HTML"
        )
    published = None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        published = time.strftime("%Y-%m-%d", stamp)
    title = _text(entry.get("title"))
    author = _text(entry.get("author"))
    return RawDocument(
        source=source,
        text=text,
        fmt="feed",
        title=title,
        title_how="given" if title else None,
        author=author,
        author_how="given" if author else None,
        outlet=channel,
        outlet_how="given" if channel else None,
        published=published,
        published_how="given" if published else None,
        url=entry.get("link") or None,
    )
