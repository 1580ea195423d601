from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings

from parallax.errors import StoreError
from parallax.models import Article
from parallax.store import MIGRATIONS, Store

from .test_models import articles


def test_file_store_uses_wal_and_records_migrations(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    latest = MIGRATIONS[-1][0]
    with Store(path) as store:
        assert store.schema_version == latest
    with Store(path) as again:  # migrations are safe to re-run
        assert again.schema_version == latest
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_adding_the_same_article_twice_is_idempotent() -> None:
    article = Article("a" * 12, "x.txt", "Some text.", outlet="AP", outlet_how="inferred")
    with Store() as store:
        assert store.add_many([article, article]) == (1, 1)
        assert store.add_many([article]) == (0, 1)
        assert store.articles() == [article]


@settings(max_examples=40)
@given(articles())
def test_store_round_trip(article: Article) -> None:
    with Store() as store:
        store.add(article)
        assert store.articles([article.id]) == [article]


def test_a_failure_keeps_what_was_stored(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    good = Article("b" * 12, "good.txt", "Stored first.")
    with Store(path) as store:
        store.add(good)
        store._db.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.source = 'bad' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
        with pytest.raises(StoreError, match="could not store bad"):
            store.add(Article("c" * 12, "bad", "Refused."))
    with Store(path) as store:
        assert [a.id for a in store.articles()] == [good.id]


def test_a_file_that_is_not_a_store_says_so(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable parallax store"):
        Store(path)


def test_a_version_1_store_is_migrated_and_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for statement in filter(str.strip, MIGRATIONS[0][2].split(";")):
        db.execute(statement)
    db.execute("INSERT INTO migrations VALUES (1, 'articles', '2026-01-01')")
    article = Article("b" * 12, "old.txt", "An article stored by an older parallax.")
    db.execute(
        "INSERT INTO articles (id, source, text, data, ingested_at) VALUES (?, ?, ?, ?, ?)",
        (article.id, article.source, article.text, json.dumps(article.to_dict()), "2026-01-01"),
    )
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.schema_version == MIGRATIONS[-1][0]
        assert [a.id for a in store.articles()] == [article.id]
        assert [a.id for a in store.without_signals()] == [article.id]
        assert store.without_story() == [article.id], "migration 5 finds the pending article"


def test_signals_stored_before_version_7_are_computed_again(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    article = Article("e" * 12, "e.txt", "An article whose signals an older parallax computed.")
    with Store(path) as store:
        store.add(article)
        store.save_signals(article.id, np.zeros(384, dtype=np.float32), ["The Blog", "Kharkiv"])
        assert store.without_signals() == []
    db = sqlite3.connect(path)
    db.execute("DELETE FROM migrations WHERE version >= 7")  # as a store left by version 6
    db.commit()
    db.close()
    with Store(path) as store:
        assert [a.id for a in store.without_signals()] == [article.id]
        store.save_signals(article.id, np.zeros(384, dtype=np.float32), ["Kharkiv"])
        assert store.without_signals() == []
        names = store._db.execute("SELECT name FROM article_names").fetchall()
        assert names == [("kharkiv",)], "the old names are replaced, not kept beside the new"


def test_pending_work_follows_signals_and_stories() -> None:
    first, second = (Article(f"{c * 12}", f"{c}.txt", f"Article {c}.") for c in "cd")
    with Store() as store:
        store.add_many([first, second])
        store.add(first)  # stored again: still pending once
        assert store.without_story() == [first.id, second.id]
        store.save_signals(first.id, np.zeros(384, dtype=np.float32), ["Kharkiv"])
        assert [a.id for a in store.without_signals()] == [second.id]
        store.set_stories({first.id: "s1", second.id: "s1"})
        store.set_stories({second.id: "s2"})  # moved to another story: not pending again
        assert store.without_story() == []


def test_lookups_by_many_ids_keep_the_stored_order() -> None:
    many = [Article(f"{i:012x}", f"{i}.txt", f"Article number {i}.") for i in range(1200)]
    with Store() as store:
        store.add_many(many)
        ids = [a.id for a in many]
        assert [a.id for a in store.articles(list(reversed(ids)))] == ids  # more than SQLite's 999
        assert set(store.ingested_at(ids)) == set(ids)


def test_a_brief_without_its_members_recorded_knows_none(tmp_path: Path) -> None:
    """--since compares with the story's last brief itself: one recorded without members (as before
    migration 8) knows none, rather than standing for an earlier brief's."""
    with Store(tmp_path / "s.db") as store:
        first = store.record_brief("s1", ["a", "b"])
        assert store.briefed_members("s1", first) == {"a", "b"}
        second = store.record_brief("s1", [])
        assert store.briefed_members("s1", second) is None
        assert store.briefed_members("s1", first) == {"a", "b"}
        assert store.briefed_members("s2", second) is None
