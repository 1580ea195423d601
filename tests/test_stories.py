"""Stories in the store: stable ids, idempotent assignment, listing and briefing one story."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from parallax.cli import main
from parallax.cluster import stable_ids
from parallax.derive import band_keys
from parallax.pipeline import Pipeline
from parallax.store import Store
from parallax.stories import assign_stories, list_stories
from parallax.verify import verify_report

from .conftest import EXAMPLE, KHARKIV


def _new(ids: object) -> str:
    return "new-" + "-".join(sorted(ids))  # type: ignore[call-overload]


def test_a_growing_story_keeps_its_id() -> None:
    assert stable_ids([["a", "b", "c"]], {"a": "S", "b": "S"}, _new) == {
        "a": "S",
        "b": "S",
        "c": "S",
    }


def test_of_two_merged_stories_the_larger_keeps_its_id() -> None:
    previous = {"a": "S", "b": "S", "c": "T"}
    assert set(stable_ids([["a", "b", "c"]], previous, _new).values()) == {"S"}


def test_a_split_story_keeps_its_id_on_the_larger_part() -> None:
    previous = {"a": "S", "b": "S", "c": "S"}
    out = stable_ids([["a", "b"], ["c"]], previous, _new)
    assert out["a"] == out["b"] == "S" and out["c"] == "new-c"


def test_signals_and_stories_round_trip_in_the_store() -> None:
    with Store() as store:
        from parallax.models import Article

        article = Article("a" * 12, "x.txt", "Some text of an article.")
        store.add(article)
        assert [a.id for a in store.without_signals()] == [article.id]
        store.save_signals(article.id, np.arange(4, dtype=np.float32), ["Velland"])
        lead, names = store.signals()[article.id]
        assert lead.tolist() == [0.0, 1.0, 2.0, 3.0] and names == ["Velland"]
        assert store.without_signals() == []
        store.set_stories({article.id: "S"})
        assert store.stories() == {"S": [article.id]} and store.story_of() == {article.id: "S"}


def test_assignment_is_idempotent_and_keeps_ids_as_articles_arrive(pipeline: Pipeline) -> None:
    kharkiv, _ = pipeline.read([str(KHARKIV)])
    example, _ = pipeline.read([str(EXAMPLE)])
    with Store() as store:
        store.add_many(kharkiv)
        assert assign_stories(store, pipeline) == (1, 1)
        [first] = store.stories()
        store.add_many(example)
        assert assign_stories(store, pipeline) == (3, 2)  # the fire and the library item
        assert first in store.stories() and len(store.stories()[first]) == 5
        again = store.stories()
        assert assign_stories(store, pipeline) == (3, 0) and store.stories() == again
        listed = list_stories(store)
        assert [s.articles for s in listed] == [5, 5, 1]
        assert all(s.first and s.title for s in listed)


def test_cli_ingest_list_and_brief_one_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "news.db")
    with pytest.raises(SystemExit):
        main(["ingest", str(KHARKIV), str(EXAMPLE), "--db", db])
    assert "in 3 stories (3 new)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["stories", "--db", db, "--format", "json"])
    listed = json.loads(capsys.readouterr().out)["stories"]
    fire = next(s for s in listed if "Aldmere" in s["title"] and s["articles"] == 5)
    with pytest.raises(SystemExit) as stop:
        main(["brief", "--db", db, "--story", fire["id"], "--brief-only", "--format", "json"])
    assert stop.value.code == 0
    report = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in report["stories"]] == [fire["id"]]
    assert len(report["articles"]) == 5 and verify_report(report) == []
    # one story, one name: the listing's headline is the brief's
    titled = [s for s in listed if s["articles"] > 1]
    assert len({s["title"] for s in titled}) == len(titled) == 2
    for story in titled:
        for mode in ([], ["--brief-only"]):  # whichever model weighs the brief's sentences
            with pytest.raises(SystemExit):
                main(["brief", "--db", db, "--story", story["id"], "--format", "json", *mode])
            assert json.loads(capsys.readouterr().out)["stories"][0]["title"] == story["title"]
    with pytest.raises(SystemExit) as stop:
        main(["brief", "--db", db, "--story", "nope"])
    assert stop.value.code == 101 and "no story 'nope'" in capsys.readouterr().err


def test_a_brief_of_the_store_names_its_stories_by_the_ids_stories_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "news.db")
    with pytest.raises(SystemExit):
        main(["ingest", str(KHARKIV), str(EXAMPLE), "--db", db])
    with pytest.raises(SystemExit):
        main(["stories", "--db", db, "--format", "json"])
    listed = {s["id"]: s for s in json.loads(capsys.readouterr().out)["stories"]}
    with pytest.raises(SystemExit):
        main(["brief", "--db", db, "--brief-only", "--format", "json"])
    whole = json.loads(capsys.readouterr().out)
    assert {s["id"]: len(s["article_ids"]) for s in whole["stories"]} == {
        sid: s["articles"] for sid, s in listed.items()
    }
    kharkiv = next(
        s for s in whole["stories"] if len(s["article_ids"]) == 5 and "Ukraine" in s["title"]
    )
    assert kharkiv["title"] == listed[kharkiv["id"]]["title"]
    # the same story briefed alone, by the id the whole brief gave it, is the same brief
    with pytest.raises(SystemExit):
        main(["brief", "--db", db, "--story", kharkiv["id"], "--brief-only", "--format", "json"])
    alone = json.loads(capsys.readouterr().out)["stories"][0]
    assert alone["brief"] == kharkiv["brief"] and alone["id"] == kharkiv["id"]
    # articles given beside the store are briefed in the stories they were filed into
    with pytest.raises(SystemExit):
        main(["brief", str(EXAMPLE), "--db", db, "--brief-only", "--format", "json"])
    given = json.loads(capsys.readouterr().out)["stories"]
    assert {s["id"] for s in given} <= set(listed)


def test_a_copy_of_a_stored_article_joins_its_story_through_the_duplicate_index(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    kharkiv, _ = pipeline.read([str(KHARKIV)])
    with Store() as store:
        store.add_many(kharkiv)
        assign_stories(store, pipeline)
        [story] = store.stories()
        original = kharkiv[0]
        copy = dataclasses.replace(
            original, id="c" * 16, text=original.text + "\n\nThis story has been updated."
        )
        store.add(copy)

        def no_regrouping(*args: object) -> object:
            raise AssertionError("a copy needs no regrouping")

        monkeypatch.setattr(pipeline, "group_signals", no_regrouping)
        assert assign_stories(store, pipeline) == (1, 0)
        assert store.story_of([copy.id]) == {copy.id: story}
        copy_sketch = store.sketches([copy.id])[copy.id]
        assert original.id in store.sharing_bands(band_keys(copy_sketch))


def test_a_story_that_splits_keeps_its_id_on_the_larger_part_in_the_store(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Evidence arrives that one stored story was two: the regrouped region comes apart, the larger
    part keeps the id, the smaller gets a new one, the newcomer joins the part it belongs to."""
    import dataclasses

    kharkiv, _ = pipeline.read([str(KHARKIV)])
    with Store() as store:
        store.add_many(kharkiv)
        assign_stories(store, pipeline)
        [story] = store.stories()
        half = [a.text[: len(a.text) // 2] for a in kharkiv[3:]]
        newcomer = dataclasses.replace(kharkiv[4], id="d" * 16, text="\n\n".join(half))
        store.add(newcomer)
        ids = [a.id for a in kharkiv]

        def split(articles: list[object], signals: object) -> list[list[int]]:
            order = [a.id for a in articles]  # type: ignore[attr-defined]
            first = [order.index(i) for i in ids[:3]]
            return [first, [i for i in range(len(order)) if i not in first]]

        monkeypatch.setattr(pipeline, "group_signals", split)
        assert assign_stories(store, pipeline) == (2, 1)
        after = store.story_of()
        assert {after[i] for i in ids[:3]} == {story}
        assert len({after[i] for i in [*ids[3:], newcomer.id]} - {story}) == 1


def test_the_name_index_finds_articles_that_share_a_name() -> None:
    from parallax.models import Article

    with Store() as store:
        a, b = Article("a" * 12, "a.txt", "One."), Article("b" * 12, "b.txt", "Two.")
        store.add_many([a, b])
        store.save_signals(a.id, np.zeros(2, dtype=np.float32), ["Port Aldmere", "Halvard"])
        store.save_signals(b.id, np.zeros(2, dtype=np.float32), ["Kharkiv"])
        assert store.sharing_names(["port aldmere"]) == {a.id}
        assert store.sharing_names(["Kharkiv", "Halvard"]) == {a.id, b.id}
        assert store.sharing_names(["Velland"]) == set()


def test_a_new_story_leaves_the_others_untouched(pipeline: Pipeline) -> None:
    kharkiv, _ = pipeline.read([str(KHARKIV)])
    example, _ = pipeline.read([str(EXAMPLE)])
    with Store() as store:
        store.add_many(kharkiv)
        assign_stories(store, pipeline)
        before = store.story_of()
        store.add_many(example)
        assign_stories(store, pipeline)
        after = store.story_of()
        assert {i: after[i] for i in before} == before
        assert len(set(after.values()) - set(before.values())) == 2


def test_brief_with_a_store_files_its_articles_into_stories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "news.db")
    with pytest.raises(SystemExit):
        main(["brief", str(EXAMPLE), "--db", db, "--brief-only", "--format", "json"])
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["stories", "--db", db, "--format", "json"])
    sizes = sorted(s["articles"] for s in json.loads(capsys.readouterr().out)["stories"])
    assert sizes == [1, 5]


def test_listing_an_untitled_undated_story_shows_one_line_and_says_undated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.jsonl"
    text = (
        "The council of Velland voted on Monday to close the old ferry pier after an inspection "
        "found its piles rotten below the waterline.\n\nRepairs would cost more than a new pier."
    )
    feed.write_text(json.dumps({"text": text}) + "\n")
    db = str(tmp_path / "news.db")
    with pytest.raises(SystemExit):
        main(["ingest", str(feed), "--db", db])
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["stories", "--db", db])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "undated" in lines[0] and "None" not in lines[0]
    title = lines[1].strip()
    assert title.endswith("…") and len(title) <= 81
    assert text.startswith(title[:-1]) and "\n" not in title


def test_listing_keeps_to_the_largest_stories_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "news.db")
    with pytest.raises(SystemExit):
        main(["ingest", str(KHARKIV), str(EXAMPLE), "--db", db])
    capsys.readouterr()

    def listed(*options: str) -> list[int]:
        with pytest.raises(SystemExit):
            main(["stories", "--db", db, "--format", "json", *options])
        return [s["articles"] for s in json.loads(capsys.readouterr().out)["stories"]]

    assert listed() == [5, 5, 1]
    assert listed("--min-articles", "2") == [5, 5]
    assert listed("--limit", "1") == [5]
    assert listed("--min-articles", "6") == []
    with pytest.raises(SystemExit):
        main(["stories", "--db", db, "--min-articles", "6"])
    assert "no story of 6 articles or more; " in capsys.readouterr().out
