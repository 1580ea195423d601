"""The SQLite store: the only module with SQL in it.

Articles are keyed by their id, a hash of their cleaned content (outlet, title, text), so storing the same
article again changes nothing. Schema changes are recorded migrations, applied in order inside a
transaction and safe to re-run. File stores use WAL so a reader never blocks the writer.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
import numpy.typing as npt

from parallax.errors import StoreError
from parallax.models import Article

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "articles",
        """
        CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT,
            outlet TEXT,
            published TEXT,
            text TEXT NOT NULL,
            data TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
        CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
        """,
    ),
    (
        2,
        "stories",
        """
        CREATE TABLE IF NOT EXISTS signals (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            lead BLOB NOT NULL,
            entities TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            story_id TEXT NOT NULL,
            assigned_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id);
        """,
    ),
    (
        3,
        "briefs",
        """
        CREATE TABLE IF NOT EXISTS briefs (
            story_id TEXT NOT NULL,
            briefed_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS briefs_story ON briefs(story_id, briefed_at);
        """,
    ),
    (
        4,
        "entity index",
        """
        CREATE TABLE IF NOT EXISTS article_names (
            name TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            PRIMARY KEY (name, article_id)
        );
        INSERT OR IGNORE INTO article_names (name, article_id)
            SELECT DISTINCT lower(value), article_id FROM signals, json_each(signals.entities);
        """,
    ),
    (
        5,
        "pending work",
        # the articles still waiting for grouping signals or a story, kept by triggers, so finding
        # them costs what is pending, not a scan of the whole store
        """
        CREATE TABLE IF NOT EXISTS pending_signals (article_id TEXT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS pending_story (article_id TEXT PRIMARY KEY);
        INSERT OR IGNORE INTO pending_signals
            SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM signals);
        INSERT OR IGNORE INTO pending_story
            SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles);
        CREATE TRIGGER IF NOT EXISTS article_pending AFTER INSERT ON articles BEGIN
            INSERT OR IGNORE INTO pending_signals VALUES (NEW.id);
            INSERT OR IGNORE INTO pending_story VALUES (NEW.id);
        END;
        CREATE TRIGGER IF NOT EXISTS signals_done AFTER INSERT ON signals BEGIN
            DELETE FROM pending_signals WHERE article_id = NEW.article_id;
        END;
        CREATE TRIGGER IF NOT EXISTS story_done AFTER INSERT ON story_articles BEGIN
            DELETE FROM pending_story WHERE article_id = NEW.article_id;
        END;
        """,
    ),
    (
        6,
        "duplicate index",
        # each article's MinHash signature and its LSH band keys (derive.sketch, derive.band_keys):
        # a newcomer's near-identical copies are found by the keys it shares, not by a scan
        """
        ALTER TABLE signals ADD COLUMN sketch BLOB;
        CREATE TABLE IF NOT EXISTS article_bands (
            band TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            PRIMARY KEY (band, article_id)
        );
        """,
    ),
    (
        7,
        "signals again",
        # grouping names no longer include the article's own outlet (pipeline._names), and articles
        # stored before migration 6 have no MinHash sketch: every article's signals are computed
        # again at the next ingest (its stories stay as they are)
        """
        INSERT OR IGNORE INTO pending_signals SELECT article_id FROM signals;
        """,
    ),
    (
        8,
        "brief members",
        # which articles a story had when it was briefed: a later brief with --since tells which of
        # them have gone to another story since (a regrouping split it)
        """
        CREATE TABLE IF NOT EXISTS brief_articles (
            story_id TEXT NOT NULL,
            briefed_at TEXT NOT NULL,
            article_id TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS brief_articles_story ON brief_articles(story_id, briefed_at);
        """,
    ),
)


class Store:
    """A connection to one store; ``Store()`` is in memory, ``Store("news.db")`` a file."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}: not a usable parallax store ({exc}); pass another --db path"
            ) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        done = {row[0] for row in self._db.execute("SELECT version FROM migrations")}
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            with self._transaction():
                for statement in _statements(sql):
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """All the statements inside or none (the connection commits each alone otherwise)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        row = self._db.execute("SELECT MAX(version) FROM migrations").fetchone()
        return int(row[0] or 0)

    def add(self, article: Article) -> bool:
        """Store one article in its own transaction; False if it was already stored."""
        try:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO articles (id, source, url, title, outlet, published, text, data, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.source,
                    article.url,
                    article.title,
                    article.outlet,
                    article.published,
                    article.text,
                    json.dumps(article.to_dict(), ensure_ascii=False),
                    _now(),
                ),
            )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: could not store {article.source} ({exc})") from None
        return cursor.rowcount == 1

    def add_many(self, articles: Iterable[Article]) -> tuple[int, int]:
        """(new, already stored); each article commits on its own, so a failure loses nothing stored."""
        new = old = 0
        for article in articles:
            if self.add(article):
                new += 1
            else:
                old += 1
        return new, old

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored articles (all, or those with the given ids), oldest first."""
        return list(self.iter_articles(ids))

    def iter_articles(self, ids: Sequence[str] | None = None) -> Iterator[Article]:
        if ids is None:
            rows: Iterable[tuple[int, str]] = self._db.execute(
                "SELECT rowid, data FROM articles ORDER BY rowid"
            )
        else:
            rows = sorted(self._rows_in("SELECT rowid, data FROM articles WHERE id IN ({})", ids))
        for _, data in rows:
            yield Article.from_dict(json.loads(data))

    def _rows_in(self, sql: str, values: Iterable[str]) -> Iterator[Any]:
        """Rows of ``sql`` whose ``IN ({})`` takes ``values``, in chunks SQLite's limit on bound
        parameters allows (999 in older builds)."""
        items = list(values)
        for begin in range(0, len(items), 500):
            chunk = items[begin : begin + 500]
            yield from self._db.execute(sql.format(",".join("?" * len(chunk))), chunk)

    def save_signals(
        self,
        article_id: str,
        lead: npt.NDArray[np.float32],
        entities: Sequence[str],
        sketch: npt.NDArray[np.uint64] | None = None,
        bands: Sequence[str] = (),
    ) -> None:
        """What grouping needs of an article (cluster.story_similarity), and its MinHash ``sketch``
        with its LSH ``bands`` for finding its copies, kept so they are computed once."""
        self._db.execute(
            "INSERT OR REPLACE INTO signals (article_id, lead, entities, sketch) VALUES (?, ?, ?, ?)",
            (
                article_id,
                np.asarray(lead, dtype=np.float32).tobytes(),
                json.dumps(list(entities)),
                None if sketch is None else np.asarray(sketch, dtype=np.uint64).tobytes(),
            ),
        )
        self._db.execute("DELETE FROM article_names WHERE article_id = ?", (article_id,))
        self._db.executemany(
            "INSERT OR IGNORE INTO article_names (name, article_id) VALUES (?, ?)",
            [(name.lower(), article_id) for name in set(entities)],
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)",
            [(band, article_id) for band in bands],
        )

    def sketches(self, ids: Sequence[str]) -> dict[str, npt.NDArray[np.uint64]]:
        """The MinHash sketches of these articles (those stored with one)."""
        sql = (
            "SELECT article_id, sketch FROM signals WHERE sketch IS NOT NULL AND article_id IN ({})"
        )
        return {i: np.frombuffer(blob, dtype=np.uint64) for i, blob in self._rows_in(sql, ids)}

    def sharing_bands(self, bands: Sequence[str]) -> dict[str, npt.NDArray[np.uint64]]:
        """The stored articles that share an LSH band key with ``bands``, with their sketches."""
        sql = (
            "SELECT DISTINCT b.article_id, s.sketch FROM article_bands b"
            " JOIN signals s ON s.article_id = b.article_id WHERE b.band IN ({})"
        )
        return {
            article_id: np.frombuffer(blob, dtype=np.uint64)
            for article_id, blob in self._rows_in(sql, bands)
            if blob is not None
        }

    def sharing_names(self, names: Sequence[str]) -> set[str]:
        """Ids of the stored articles that name any of ``names`` (an index lookup, not a scan)."""
        return {article for ids in self.name_postings(names).values() for article in ids}

    def name_postings(self, names: Sequence[str], limit: int | None = None) -> dict[str, list[str]]:
        """For each name, the stored articles that name it; a name more than ``limit`` articles use
        (a country, a weekday) is left out, as it tells no story from another."""
        out: dict[str, list[str]] = {}
        sql = "SELECT name, article_id FROM article_names WHERE name IN ({})"
        for name, article in self._rows_in(sql, sorted({n.lower() for n in names})):
            out.setdefault(name, []).append(article)
        return {n: ids for n, ids in out.items() if limit is None or len(ids) <= limit}

    def signals(
        self, ids: Sequence[str] | None = None
    ) -> dict[str, tuple[npt.NDArray[np.float32], list[str]]]:
        """Grouping signals (lead vector, names) of these articles, or of all."""
        sql = "SELECT article_id, lead, entities FROM signals"
        rows = (
            self._db.execute(sql)
            if ids is None
            else self._rows_in(sql + " WHERE article_id IN ({})", ids)
        )
        return {
            article_id: (np.frombuffer(lead, dtype=np.float32), json.loads(entities))
            for article_id, lead, entities in rows
        }

    def without_story(self) -> list[str]:
        """Ids of the stored articles that no story holds yet, oldest first."""
        # CROSS JOIN makes SQLite start from the few pending rows; a plain JOIN scans every article
        rows = self._db.execute(
            "SELECT a.id FROM pending_story p CROSS JOIN articles a ON a.id = p.article_id ORDER BY a.rowid"
        )
        return [row[0] for row in rows]

    def story_members(self, stories: Sequence[str]) -> list[str]:
        """Ids of the articles these stories hold."""
        sql = "SELECT article_id FROM story_articles WHERE story_id IN ({})"
        return [row[0] for row in self._rows_in(sql, stories)]

    def without_signals(self) -> list[Article]:
        rows = self._db.execute(
            "SELECT a.data FROM pending_signals p CROSS JOIN articles a ON a.id = p.article_id"
            " ORDER BY a.rowid"
        )
        return [Article.from_dict(json.loads(data)) for (data,) in rows]

    def set_stories(self, assignment: dict[str, str]) -> None:
        """Record these articles' stories in one transaction (all or nothing); others keep theirs."""
        now = _now()
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO story_articles (article_id, story_id, assigned_at)"
                " VALUES (?, ?, ?)",
                [(article, story, now) for article, story in assignment.items()],
            )

    def story_of(self, ids: Sequence[str] | None = None) -> dict[str, str]:
        """article id -> story id, as last recorded (for these articles, or all)."""
        sql = "SELECT article_id, story_id FROM story_articles"
        if ids is None:
            return dict(self._db.execute(sql))
        return dict(self._rows_in(sql + " WHERE article_id IN ({})", ids))

    def story_count(self) -> int:
        return int(
            self._db.execute("SELECT COUNT(DISTINCT story_id) FROM story_articles").fetchone()[0]
        )

    def stories(self) -> dict[str, list[str]]:
        """story id -> its article ids (in the order they were stored), largest story first."""
        out: dict[str, list[str]] = {}
        rows = self._db.execute(
            "SELECT s.story_id, s.article_id FROM story_articles s JOIN articles a ON a.id = s.article_id"
            " ORDER BY a.rowid"
        )
        for story, article in rows:
            out.setdefault(story, []).append(article)
        return dict(sorted(out.items(), key=lambda item: (-len(item[1]), item[0])))

    def ingested_at(self, ids: Sequence[str]) -> dict[str, str]:
        """When each of these articles was stored (ISO time, UTC)."""
        return dict(self._rows_in("SELECT id, ingested_at FROM articles WHERE id IN ({})", ids))

    def record_brief(self, story_id: str, article_ids: Sequence[str] = ()) -> str:
        """Note that a story was briefed now, with these articles (what ``--since LAST`` compares
        with); returns the time."""
        now = _now()
        with self._transaction():
            self._db.execute(
                "INSERT INTO briefs (story_id, briefed_at) VALUES (?, ?)", (story_id, now)
            )
            self._db.executemany(
                "INSERT INTO brief_articles (story_id, briefed_at, article_id) VALUES (?, ?, ?)",
                [(story_id, now, a) for a in article_ids],
            )
        return now

    def briefed_members(self, story_id: str, moment: str) -> set[str] | None:
        """The articles the story had at its last brief at or before ``moment``; None when it had
        no brief then (or only before the store kept its members)."""
        # the last brief then, from the briefs themselves: one recorded without its members (before
        # migration 8) knows none, rather than standing for an earlier brief's
        row = self._db.execute(
            "SELECT MAX(briefed_at) FROM briefs WHERE story_id = ? AND briefed_at <= ?",
            (story_id, moment),
        ).fetchone()
        if not row or not row[0]:
            return None
        members = {
            r[0]
            for r in self._db.execute(
                "SELECT article_id FROM brief_articles WHERE story_id = ? AND briefed_at = ?",
                (story_id, row[0]),
            )
        }
        return members or None

    def last_brief(self, story_id: str) -> str | None:
        row = self._db.execute(
            "SELECT MAX(briefed_at) FROM briefs WHERE story_id = ?", (story_id,)
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def _now() -> str:
    # microseconds: two ingests or briefs within one second must still be told apart by --since
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, whole (a trigger's body holds semicolons of its own)."""
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                yield buffer.strip()
            buffer = ""
