"""HTML pages through trafilatura: main text, title, author, date and site name."""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlsplit

from parallax.errors import MalformedInput
from parallax.models import RawDocument

LOGGER = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "figcaption",
    ]
)


def read_html(text: str, source: str, url: str | None = None) -> RawDocument:
    """One article page. trafilatura does the extraction; we only map its fields."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise MalformedInput(
            source, f"HTML could not be parsed ({exc}); save the page again"
        ) from None
    fields: dict[str, Any] = {}
    if doc is not None:
        fields = doc if isinstance(doc, dict) else doc.as_dict()
    body = fields.get("text")
    if not body or not body.strip():
        raise MalformedInput(
            source,
            "no article text found in the HTML (is it an article page, or a truncated one?); "
            "save the full page, or pass its text as .txt",
        )
    day = fields.get("date") or ""
    date = day if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else None
    title = (fields.get("title") or "").strip() or None
    author = fields.get("author") or None
    site = _site_name(text, fields.get("sitename") or None, fields.get("url") or url)
    return RawDocument(
        source=source,
        text=body,
        fmt="html",
        title=title,
        title_how="extracted" if title else None,
        author=author,
        author_how="extracted" if author else None,
        outlet=site,
        outlet_how="extracted" if site else None,
        published=date,
        published_how="extracted" if date else None,
        url=fields.get("url") or url,
    )


# the page's own og:site_name, before trafilatura title-cases it (its attributes in either order)
_OG_SITE_NAME = re.compile(
    r"""<meta\s(?=[^>]*\bproperty=["']og:site_name["'])[^>]*?\bcontent=["']([^"']+)["']""",
    re.IGNORECASE,
)


def _site_name(page: str, site: str | None, url: str | None) -> str | None:
    """trafilatura's site name, except where it title-cased a site that calls itself by its domain in
    lower case: nj.com's and cleveland.com's og:site_name "nj" and "cleveland" come out "Nj" and
    "Cleveland" (a city, not the paper); the host name says what the site is."""
    raw = _OG_SITE_NAME.search(page[:200_000])
    if not (site and url and raw and raw[1].strip().islower() and site == raw[1].strip().title()):
        return site
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host if host.split(".")[0] == raw[1].strip() else site


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed item's body), one paragraph per block element.

    Hand-rolled on lxml because trafilatura's extractors are built for whole pages: on a short fragment
    ``extract`` returns nothing or breaks lines at inline tags, and ``html2txt`` drops paragraph breaks.
    """
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (
        Exception
    ):  # lxml refuses some broken fragments: fall back to the text with tags stripped
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    parts: list[str] = []
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            if node.tail:
                parts.append(node.tail)
            continue
        if node.tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        if node.tail:
            parts.append(node.tail)
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
