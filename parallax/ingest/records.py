"""Records: JSON Lines, JSON (a list, an object with a list, or one object) and CSV.

Field names are matched whatever their case, spaces, hyphens and underscores (" Article Text " is
``article_text``): ``id``, ``text``/``body``/``content``, ``title``, ``url``/``link``,
``outlet``/``source``/``publisher``/``site``, ``published``/``date``/``pubdate``, ``author``/``byline``, and
the other spellings news APIs use (the ``*_KEYS`` tuples below).
A body that is HTML is reduced to its text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from parallax.errors import InputError, MalformedInput
from parallax.ingest.base import iso_date
from parallax.ingest.html import html_fragment_to_text
from parallax.models import Problem, RawDocument

# the names news APIs and scrapers use: NewsAPI (publishedAt, source.name), news-please (maintext,
# date_publish, source_domain), newspaper4k (text, authors, publish_date), GDELT-style dumps,
# schema.org's NewsArticle (articleBody)
TEXT_KEYS = (
    "text", "body", "content", "article", "maintext", "full_text", "fulltext", "article_text",
    "body_text", "story", "story_text", "article_body", "articlebody", "bodytext", "article_content",
)  # fmt: skip
# The Guardian's content API (webTitle, webUrl, webPublicationDate), the NYT's (web_url, pub_date)
TITLE_KEYS = ("title", "headline", "article_title", "webtitle", "heading", "og_title", "title_text")
URL_KEYS = ("url", "link", "canonical_url", "permalink", "href", "weburl", "web_url", "article_url")
OUTLET_KEYS = (
    "outlet", "source", "publisher", "site", "source_domain", "source_name", "site_name",
    "newspaper", "domain",
)  # fmt: skip
DATE_KEYS = (
    "published", "date", "pubdate", "published_at", "publishedat", "date_publish", "publish_date",
    "published_date", "pub_date", "datetime", "date_published", "created_at", "timestamp",
    "publication_date", "webpublicationdate", "published_time", "first_published", "pub_time",
)  # fmt: skip
AUTHOR_KEYS = ("author", "authors", "byline", "creator", "writer", "author_name", "author_names")
ID_KEYS = ("id", "doc_id", "article_id")

ReadResult = RawDocument | Problem


def _field_key(name: object) -> str:
    """A field name as the ``*_KEYS`` spell it: spreadsheets and exports write " Text ",
    "Article Text" or "article-text" for ``article_text``."""
    return re.sub(r"[\s_-]+", "_", str(name).strip().casefold())


def _pick(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    named = {_field_key(k): v for k, v in record.items()}
    for key in keys:
        value = named.get(key)
        if value not in (None, "", []):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    if isinstance(value, dict):  # e.g. {"name": "Reuters"}
        return _as_text(value.get("name") or value.get("title"))
    return str(value).strip() or None


def record_to_document(record: Any, source: str) -> RawDocument:
    """One record to a document; raises :class:`MalformedInput` when it holds no article text."""
    if not isinstance(record, Mapping):
        raise MalformedInput(
            source, f"expected a JSON object per record, found {type(record).__name__}"
        )
    value = _pick(record, TEXT_KEYS)
    if isinstance(value, (bool, int, float)):
        raise MalformedInput(
            source,
            f"the record's article text is {'true/false' if isinstance(value, bool) else 'a number'} "
            f"({value!r}), not text; check which field holds the article",
        )
    body = _as_text(value)
    if not body:
        raise MalformedInput(
            source, f"record has no article text; give it one of the fields {', '.join(TEXT_KEYS)}"
        )
    if "<p" in body or "<br" in body or "</" in body:
        body = html_fragment_to_text(body)
    rid = _as_text(_pick(record, ID_KEYS))
    title = _as_text(_pick(record, TITLE_KEYS))
    author = _as_text(_pick(record, AUTHOR_KEYS))
    outlet = _as_text(_pick(record, OUTLET_KEYS))
    published = iso_date(_pick(record, DATE_KEYS))
    return RawDocument(
        source=f"{source}#{rid}" if rid else source,
        text=body,
        fmt="record",
        title=title,
        title_how="given" if title else None,
        author=author,
        author_how="given" if author else None,
        outlet=outlet,
        outlet_how="given" if outlet else None,
        published=published,
        published_how="given" if published else None,
        url=_as_text(_pick(record, URL_KEYS)),
    )


def _guarded(record: Any, source: str) -> ReadResult:
    try:
        return record_to_document(record, source)
    except InputError as exc:
        return Problem(exc.source, exc.message)


def read_jsonl(text: str, source: str) -> Iterator[ReadResult]:
    """One record per line; a bad line is a problem of its own and the others go on."""
    seen_any = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(
                where,
                f"malformed JSON line ({exc.msg} at column {exc.colno}); fix or remove the line",
            )
            continue
        yield _guarded(record, where)
    if not seen_any:
        yield Problem(source, "holds no records; nothing to read")


def read_json(text: str, source: str) -> Iterator[ReadResult]:
    """A JSON document: a list of records, ``{"articles": [...]}`` (any list value), or one record."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.lineno > 1 and "\n" in text.strip():
            # several lines, each maybe a record: it may be JSON Lines with a .json name
            yield from read_jsonl(text, source)
            return
        raise MalformedInput(
            source,
            f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); the file may be "
            "truncated: fix it, or save one record per line as .jsonl",
        ) from None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        records: list[Any] = lists[0] if lists and _pick(data, TEXT_KEYS) is None else [data]
    elif isinstance(data, list):
        records = data
    else:
        raise MalformedInput(
            source, f"expected a JSON list of records or an object, found {type(data).__name__}"
        )
    if not records:
        yield Problem(source, "holds no records; nothing to read")
    for index, record in enumerate(records):
        yield _guarded(record, f"{source}[{index}]")


_CSV_DELIMITERS = ",;\t|"  # what spreadsheets and exports write; a space or a letter never is one


def _delimiter(text: str) -> str:
    """The delimiter the header line uses (``;`` for European spreadsheets, a tab for TSV exports).

    Sniffed on the header line, not on a sample of the file: a long quoted body spanning lines,
    full of commas, outvotes the header's own ``;`` in a sample of the first 4 KB. A header of one
    column says nothing, and the comma is then the standard's.
    """
    header = text.split("\n", 1)[0]
    if "\t" in header:
        return "\t"  # a tab is never in a column's name, as a comma may be ("title, subtitle")
    try:
        return csv.Sniffer().sniff(header, delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def read_csv(text: str, source: str) -> Iterator[ReadResult]:
    """A CSV file with a header row naming the fields; a record's location is its first line."""
    csv.field_size_limit(50_000_000)
    # only the delimiter is sniffed: the quoting is the standard's ("" for a quote inside a field),
    # which the Sniffer cannot tell from a header line alone
    rows = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    columns = next(rows, [])
    if not any(_field_key(c) in TEXT_KEYS for c in columns):
        found = ", ".join(repr(c) for c in columns) or "none"
        raise MalformedInput(
            source,
            f"CSV header has no column of article text (found {found}); rename the column that "
            f"holds the article to one of {', '.join(TEXT_KEYS)} in the header line",
        )
    seen_any = False
    while True:
        # the reader's line count after a record is its last line: a quoted body runs on for many
        first = rows.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Problem(
                f"{source}:{first}", f"malformed CSV ({exc}); fix the row or quote its fields"
            )
            return
        if row:  # not a blank line between records
            seen_any = True
            yield _guarded(dict(zip(columns, row, strict=False)), f"{source}:{first}")
    if not seen_any:  # a header alone, as an export of an empty query writes it
        yield Problem(source, "holds no records (a header line only); nothing to read")
