"""The command line end to end, in process (models shared with the other tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.cli import EXIT_FATAL, EXIT_USAGE, main
from parallax.verify import verify_report

from .conftest import EXAMPLE, KHARKIV


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(args)
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


def test_brief_markdown_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["brief", str(KHARKIV), "--words", "150"], capsys)
    assert code == 0
    assert out.startswith("# ") and "## Sources" in out and "[1]" in out


def test_brief_json_file_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "brief.json"
    code, _, _ = run(["brief", str(EXAMPLE), "-o", str(target)], capsys)
    assert code == 0
    data = json.loads(target.read_text())
    assert verify_report(data) == []
    code, _, err = run(["verify", str(target)], capsys)
    assert code == 0 and "0 problem(s)" in err


def test_brief_html_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.html"
    code, _, _ = run(["brief", str(EXAMPLE), "--format", "html", "-o", str(target)], capsys)
    assert code == 0 and target.read_text().startswith("<!doctype html>")


def test_bad_inputs_are_reported_and_counted_in_the_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.4 \x00\x01")
    code, out, err = run(
        [
            "brief",
            str(KHARKIV),
            str(tmp_path / "empty.txt"),
            str(tmp_path / "binary.txt"),
            "--format",
            "json",
        ],
        capsys,
    )
    assert code == 2
    assert "empty.txt: empty file" in err and "binary.txt: is a PDF document" in err
    assert "Traceback" not in err
    data = json.loads(out)
    assert len(data["articles"]) == 5 and len(data["problems"]) == 2


def test_nothing_readable_is_fatal_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run(["brief", str(tmp_path / "empty.txt")], capsys)
    assert code == EXIT_FATAL and "no article could be read" in err and "Traceback" not in err


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["brief"], capsys)[0] == EXIT_USAGE
    assert run(["brief", str(KHARKIV), "--words", "5"], capsys)[0] == EXIT_USAGE


def test_ingest_is_idempotent_and_brief_reads_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "news.db")
    code, _, err = run(["ingest", str(KHARKIV), "--db", db], capsys)
    assert code == 0 and "stored 5 new article(s), 0 already there" in err
    code, _, err = run(["ingest", str(KHARKIV), "--db", db], capsys)
    assert code == 0 and "stored 0 new article(s), 5 already there; 5 in" in err
    code, out, _ = run(["brief", "--db", db, "--format", "json"], capsys)
    assert code == 0 and len(json.loads(out)["articles"]) == 5


def test_help_teaches_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["--help"], ["brief", "--help"], ["ingest", "--help"], ["verify", "--help"]):
        code, out, _ = run(command, capsys)
        assert code == 0 and "Example" in out


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    assert code == 0 and json.loads(out)["title"] == "parallax report"


def test_brief_only_skips_the_analysis(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["brief", str(EXAMPLE), "--brief-only", "--format", "json"], capsys)
    story = json.loads(out)["stories"][0]
    assert (
        code == 0
        and story["brief"]["sentences"]
        and story["facts"] == []
        and story["derivations"] == []
    )
    code, out, _ = run(["brief", str(EXAMPLE), "--format", "json"], capsys)
    story = json.loads(out)["stories"][0]
    assert story["facts"] and story["derivations"]


def test_brief_options_keep_every_citation_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    option_sets = [
        ["--sentences", "2"],
        ["--focus", "the firefighters", "--sentences", "3"],
        ["--order", "chronological"],
        ["--order", "importance", "--words", "60"],
    ]
    for options in option_sets:
        target = tmp_path / "brief.json"
        code, _, _ = run(
            ["brief", str(EXAMPLE), "--brief-only", *options, "-o", str(target)], capsys
        )
        assert code == 0, options
        data = json.loads(target.read_text())
        assert verify_report(data) == [], options
        brief = data["stories"][0]["brief"]
        assert brief["headline"] and brief["sentences"], options
        if "--sentences" in options:
            assert len(brief["sentences"]) <= int(options[options.index("--sentences") + 1])
    assert brief["order"] == "importance" and brief["words"] <= 60


def test_focus_briefs_what_the_sources_say_about_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["brief", str(EXAMPLE), "--brief-only", "--focus", "firefighters", "--format", "json"],
        capsys,
    )
    assert code == 0
    brief = json.loads(out)["stories"][0]["brief"]
    assert brief["focus"] == "firefighters"
    assert any("firefighters" in s["text"].lower() for s in brief["sentences"][:2])
    code, _, err = run(["brief", str(EXAMPLE), "--order", "sideways"], capsys)
    assert code == EXIT_USAGE and "sideways" in err
    code, out, _ = run(
        ["brief", str(EXAMPLE), "--brief-only", "--focus", "quantum physics"], capsys
    )
    assert code == 0 and "No source says anything about “quantum physics”" in out


def test_every_input_failing_says_so_once_and_nothing_of_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run(["brief", str(tmp_path / "empty.txt")], capsys)
    assert code == EXIT_FATAL and "the others were processed" not in err


def test_output_is_checked_before_the_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text((KHARKIV / sorted(p.name for p in KHARKIV.glob("*.txt"))[0]).read_text())
    before = article.read_text()
    code, _, err = run(["brief", str(article), "-o", str(article)], capsys)
    assert code == EXIT_USAGE and "is one of the inputs" in err and article.read_text() == before
    code, _, err = run(["brief", str(article), "-o", str(tmp_path / "nowhere" / "r.json")], capsys)
    assert code == EXIT_USAGE and "does not exist" in err and "Traceback" not in err
    code, _, err = run(["brief", str(tmp_path), "-o", str(tmp_path / "report.html")], capsys)
    assert code == EXIT_USAGE and "inside the input folder" in err
    assert not (tmp_path / "report.html").exists()
    from parallax.cli import _check_output

    (tmp_path / ".reports").mkdir()
    _check_output(str(tmp_path / ".reports" / "r.html"), [str(tmp_path)])  # hidden: never read


def test_verify_refuses_what_is_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for text in ("[]", "{}", '{"stories": 3}'):
        (tmp_path / "r.json").write_text(text)
        code, _, err = run(["verify", str(tmp_path / "r.json")], capsys)
        assert code == EXIT_FATAL and "not a parallax report" in err and "Traceback" not in err


def test_a_store_that_does_not_exist_is_not_made_by_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "typo.db"
    code, _, err = run(["brief", "--db", str(db), "--story", "s1"], capsys)
    assert code == EXIT_USAGE and "does not exist" in err and not db.exists()
