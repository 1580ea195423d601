"""Readers: every input format becomes :class:`~parallax.models.RawDocument` s, or a :class:`Problem`.

``read_inputs`` walks paths (files, folders recursively, ``-`` for stdin), picks a reader by extension and,
where the extension says nothing, by sniffing the content. A bad input never stops the batch: it becomes
a :class:`~parallax.models.Problem` naming the input and the fix.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from parallax.config import IngestOptions
from parallax.errors import InputError, UnreadableInput
from parallax.ingest.base import GZIP_MAGIC, decode, gunzip, read_bytes
from parallax.ingest.feeds import looks_like_feed, read_feed
from parallax.ingest.html import read_html
from parallax.ingest.records import read_csv, read_json, read_jsonl
from parallax.models import Problem, RawDocument

LOGGER = logging.getLogger(__name__)

ReadResult = RawDocument | Problem
Reader = Callable[[str, str], Iterator[ReadResult]]

TEXT_EXTS = frozenset({".txt", ".text"})
HTML_EXTS = frozenset({".html", ".htm", ".xhtml"})
RECORD_EXTS = frozenset({".jsonl", ".ndjson", ".json", ".csv"})
FEED_EXTS = frozenset({".xml", ".rss", ".atom"})
ARTICLE_EXTS = TEXT_EXTS | HTML_EXTS | RECORD_EXTS | FEED_EXTS
NOTE_EXTS = frozenset({".md", ".markdown", ".rst", ".yml", ".yaml", ".toml", ".ini", ".cfg"})


def _read_text(text: str, source: str) -> Iterator[ReadResult]:
    yield RawDocument(source=source, text=text, fmt="text")


def _read_html(text: str, source: str) -> Iterator[ReadResult]:
    yield read_html(text, source)


def _reader_for(ext: str, text: str) -> Reader:
    if ext in TEXT_EXTS:
        # a page saved under a .txt name (a crawler's dump, a browser's "save as"): its markup is
        # no article, and stored as text it would be cited tag by tag
        return _read_html if _is_html_page(text) else _read_text
    if ext in HTML_EXTS:
        return _read_html
    if ext in (".jsonl", ".ndjson"):
        return read_jsonl
    if ext == ".json":
        return read_json
    if ext == ".csv":
        return read_csv
    if ext in FEED_EXTS:
        return read_feed
    return _sniff(text)


def _is_html_page(text: str) -> bool:
    """True for a whole HTML page: one that opens (after blank space and a BOM) with its doctype or
    its <html> element. A text that only quotes a tag further on is text."""
    head = text.lstrip("\ufeff \t\n")[:14].lower()
    return head.startswith(("<!doctype html", "<html"))


def _sniff(text: str) -> Reader:
    """The reader for content whose name says nothing (stdin, odd extensions)."""
    head = text.lstrip()[:2048]
    if head.startswith(("{", "[")):
        return read_jsonl if head.startswith("{") and "\n{" in text[:200000] else read_json
    if head.startswith("<"):
        return read_feed if looks_like_feed(head) else _read_html
    return _read_text


def article_suffix(path: Path) -> str:
    """The extension that says how to read the file: ``.jsonl`` for ``feed.jsonl.gz`` (read through
    gzip, as crawls and page dumps often come), else its own."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-1:] == [".gz"]:
        return suffixes[-2] if len(suffixes) >= 2 else ""
    return suffixes[-1] if suffixes else ""


def _is_hidden(path: Path) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in path.parts)


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[str, Path | None] | Problem]:
    """(source name, path) for each input file, ``(-, None)`` for stdin; folders are walked recursively."""
    for raw in paths:
        if raw == "-":
            yield ("-", None)
            continue
        path = Path(raw)
        if path.is_dir():
            files = [
                p for p in path.rglob("*") if p.is_file() and not _is_hidden(p.relative_to(path))
            ]
            found = sorted(p for p in files if article_suffix(p) in ARTICLE_EXTS)
            # a folder's notes (README.md) are expected there; a .pdf or .docx may be an article
            skipped = [
                p
                for p in files
                if article_suffix(p) not in ARTICLE_EXTS and p.suffix.lower() not in NOTE_EXTS
            ]
            if skipped and found:
                LOGGER.warning(
                    "%s: skipped %d file(s) whose names are not of articles (%s); parallax reads "
                    "%s, also gzipped",
                    raw,
                    len(skipped),
                    ", ".join(sorted({p.suffix.lower() or p.name for p in skipped})),
                    " ".join(sorted(ARTICLE_EXTS)),
                )
            if not found:
                exts = " ".join(sorted(ARTICLE_EXTS))
                yield Problem(
                    raw,
                    f"folder holds no article files (looked for {exts}); point at the files or their folder",
                )
            yield from ((str(p), p) for p in found)
        elif path.exists():
            yield (raw, path)
        else:
            yield Problem(raw, "no such file or folder; check the path")


def read_inputs(paths: Iterable[str], opts: IngestOptions | None = None) -> Iterator[ReadResult]:
    """Every document in the inputs, in order, with a :class:`Problem` for each bad one."""
    opts = opts or IngestOptions()
    for item in expand_paths(paths):
        if isinstance(item, Problem):
            yield item
            continue
        source, path = item
        try:
            yield from read_one(source, path, opts)
        except InputError as exc:
            yield Problem(exc.source, exc.message)


def read_one(source: str, path: Path | None, opts: IngestOptions) -> Iterator[ReadResult]:
    """The documents of one file (or stdin when ``path`` is None)."""
    ext = article_suffix(path) if path else ""
    many = ext in RECORD_EXTS or ext in FEED_EXTS or path is None
    limit = opts.max_batch_mb if many else opts.max_article_mb
    data = sys.stdin.buffer.read() if path is None else read_bytes(path, source, limit)
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, source, limit)
    elif path is not None and path.suffix.lower() == ".gz" and data.strip():
        # a wrong name or a broken download: read as it is, the file would be refused as binary or
        # mis-encoded text, with no word of what is wrong
        raise UnreadableInput(
            source,
            "is named .gz but is not a gzip archive; if it is already unpacked, drop .gz from its "
            "name, else unpack or fetch it again",
        )
    text = decode(data, source)
    reader = _reader_for(ext, text)
    if path is None and reader is _read_text and len(data) > opts.max_article_mb * 1_000_000:
        raise UnreadableInput(source, "stdin text is too large for one article; pass files instead")
    yield from reader(text, source)
