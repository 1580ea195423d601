"""What a story gained since a moment: the newer articles' facts, quotes, disagreements and dates."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest

from parallax.changes import what_changed
from parallax.cli import EXIT_USAGE, main
from parallax.models import Report
from parallax.render.json import schema
from parallax.store import Store
from parallax.verify import verify_report

from .conftest import KHARKIV


def test_items_are_new_when_they_rest_on_newer_articles_alone(kharkiv_report: Report) -> None:
    story = kharkiv_report.stories[0]
    articles = {a.id: a for a in kharkiv_report.articles}
    newer = set(story.article_ids[3:])
    changes = what_changed(story, articles, newer, "2024-05-31")
    assert set(changes.new_articles) == newer and changes.since == "2024-05-31"
    assert changes.new_facts and changes.confirmed_facts
    for i in changes.new_facts:
        assert {s.article_id for s in story.facts[i].support} <= newer
    for i in changes.confirmed_facts:
        ids = {s.article_id for s in story.facts[i].support}
        assert ids & newer and ids - newer
    for i in changes.new_timeline:
        assert {s.article_id for s in story.timeline[i].support} <= newer
    for i in changes.new_discrepancies:
        assert {c.article_id for c in story.discrepancies[i].claims} & newer
    older = {articles[i].outlet for i in story.article_ids if i not in newer}
    assert not set(changes.new_outlets) & older
    nothing = what_changed(story, articles, set(), "")
    assert nothing.new_articles == () and nothing.new_facts == () and nothing.confirmed_facts == ()


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(args)
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


def test_since_last_reports_what_arrived_after_the_last_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(KHARKIV.glob("*.txt"))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in files[:3]:
        shutil.copy(path, first)
    for path in files[3:]:
        shutil.copy(path, second)
    db = str(tmp_path / "news.db")
    _run(["ingest", str(first), "--db", db], capsys)
    _, out, _ = _run(["stories", "--db", db, "--format", "json"], capsys)
    [story] = json.loads(out)["stories"]
    code, _, _ = _run(["brief", "--db", db, "--story", story["id"], "--format", "json"], capsys)
    assert code == 0
    _run(["ingest", str(second), "--db", db], capsys)
    args = ["brief", "--db", db, "--story", story["id"], "--format", "json", "--since", "LAST"]
    code, out, _ = _run(args, capsys)
    report = json.loads(out)
    changes = report["stories"][0]["changes"]
    assert code == 0 and verify_report(report) == []
    jsonschema.validate(report, schema())  # headline, order, focus and changes are documented
    assert len(changes["new_articles"]) == 2 and changes["new_facts"]
    code, out, _ = _run(args, capsys)  # briefed again straight away: nothing new
    assert json.loads(out)["stories"][0]["changes"]["new_articles"] == []
    code, out, _ = _run([*args[:-1], "2000-01-01"], capsys)
    assert len(json.loads(out)["stories"][0]["changes"]["new_articles"]) == 5
    # just before the second ingest, written at UTC+2: compared as a moment, not as text (as text
    # "...T21:..+02:00" comes after every stored "...T19:..+00:00" and nothing would be new)
    with Store(db) as store:
        stored = sorted(store.ingested_at([a["id"] for a in report["articles"]]).values())
    earlier = datetime.fromisoformat(stored[-2]) - timedelta(milliseconds=1)
    local = earlier.astimezone(timezone(timedelta(hours=2))).isoformat(timespec="milliseconds")
    code, out, _ = _run([*args[:-1], local], capsys)
    changes = json.loads(out)["stories"][0]["changes"]
    assert len(changes["new_articles"]) == 2 and changes["since"].endswith("+00:00")
    code, out, _ = _run([*args[:-2], "--since", "LAST", "--format", "md"], capsys)
    assert re.search(r"^## What's new since \d{4}-\d\d-\d\d \d\d:\d\d UTC$", out, re.M), out
    code, _, err = _run(["brief", "--db", db, "--since", "LAST"], capsys)
    assert code == EXIT_USAGE and "--story" in err
    code, _, err = _run(["brief", "--db", db, "--story", story["id"], "--since", "May"], capsys)
    assert code == EXIT_USAGE and "LAST" in err
    for impossible in ("2024-05-31T25:00", "2024-02-30"):  # shaped like a moment, but none
        code, _, err = _run(
            ["brief", "--db", db, "--story", story["id"], "--since", impossible], capsys
        )
        assert code == EXIT_USAGE and impossible in err and "Traceback" not in err


def test_an_article_that_left_the_story_since_its_last_brief_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A regrouping moves one of the story's articles to another story between two briefs: the
    second brief's "What's new" says so, and where it went (it had said "Nothing")."""
    db = str(tmp_path / "news.db")
    _run(["ingest", str(KHARKIV), "--db", db], capsys)
    _, out, _ = _run(["stories", "--db", db, "--format", "json"], capsys)
    [story] = json.loads(out)["stories"]
    _run(["brief", "--db", db, "--story", story["id"], "--format", "json"], capsys)
    with Store(db) as store:
        moved = store.story_members([story["id"]])[-1]
        store.set_stories({moved: "s" + "9" * 11})  # as a split by a later ingest would
    args = ["brief", "--db", db, "--story", story["id"], "--format", "json", "--since", "LAST"]
    code, out, _ = _run(args, capsys)
    report = json.loads(out)
    jsonschema.validate(report, schema())
    [left] = report["stories"][0]["changes"]["left"]
    assert left["article_id"] == moved and left["story_id"] == "s" + "9" * 11
    assert left["outlet"] and left["title"]
    assert moved not in report["stories"][0]["article_ids"]
    code, out, _ = _run([*args[:5], "--format", "md", "--since", "LAST"], capsys)
    assert "**Articles now in another story**" not in out  # the last brief already had it gone
    with Store(db) as store:
        store.set_stories({moved: story["id"]})  # and back: nothing left it since
    code, out, _ = _run([*args[:5], "--format", "md", "--since", "LAST"], capsys)
    assert code == 0 and "Articles now in another story" not in out
