from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings

from parallax.errors import StoreError
from parallax.models import Article
from parallax.store import Store

from .test_models import articles


def test_file_store_uses_wal_and_records_migrations(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as store:
        assert store.schema_version == 1
    with Store(path) as again:  # migrations are safe to re-run
        assert again.schema_version == 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == 1


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
