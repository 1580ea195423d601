"""Readers, one per format, and what each does with bad input. Every file here is written by the test."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from parallax.config import IngestOptions
from parallax.ingest import read_inputs
from parallax.models import Problem, RawDocument

LEAD = (
    "The river ferry between Lindham and Oster resumed service on Monday after a three-week suspension, "
    "the operator said. Engineers replaced a cracked hull plate that inspectors found during a routine check."
)


def _read(
    *paths: Path | str, opts: IngestOptions | None = None
) -> tuple[list[RawDocument], list[Problem]]:
    docs: list[RawDocument] = []
    problems: list[Problem] = []
    for item in read_inputs([str(p) for p in paths], opts):
        (problems if isinstance(item, Problem) else docs).append(item)  # type: ignore[arg-type]
    return docs, problems


def test_text_file_is_read_as_scraped(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(f"Ferry back in service\n\n{LEAD}\n", encoding="utf-8")
    [doc], problems = _read(path)
    assert not problems
    assert doc.fmt == "text" and doc.source == str(path) and LEAD in doc.text


def test_html_page_goes_through_trafilatura(tmp_path: Path) -> None:
    page = f"""<html><head><title>Ferry back | Lindham Gazette</title>
    <meta property="og:site_name" content="Lindham Gazette">
    <meta name="author" content="Ada Brook">
    <meta property="article:published_time" content="2025-04-07T09:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Ferry back in service</h1><p>{LEAD}</p><p>{LEAD.replace("Monday", "Tuesday")}</p></article>
    <footer>Contact us</footer></body></html>"""
    path = tmp_path / "ferry.html"
    path.write_text(page, encoding="utf-8")
    [doc], problems = _read(path)
    assert not problems
    assert doc.fmt == "html"
    assert (doc.title, doc.title_how) == ("Ferry back in service", "extracted")
    assert (doc.outlet, doc.author, doc.published) == ("Lindham Gazette", "Ada Brook", "2025-04-07")
    assert "Engineers replaced a cracked hull plate" in doc.text
    assert "Home" not in doc.text


@pytest.mark.parametrize(
    ("site_name", "url", "outlet"),
    [
        ("lindham", "https://www.lindham.com/news/ferry", "lindham.com"),  # the domain, lower case
        ("gazette", "https://www.lindham.com/news/ferry", "Gazette"),  # not the domain: as before
        ("Lindham Gazette", "https://www.lindham.com/news/ferry", "Lindham Gazette"),
    ],
)
def test_a_site_named_by_its_domain_in_lower_case_keeps_the_domain(
    tmp_path: Path, site_name: str, url: str, outlet: str
) -> None:
    page = f"""<html><head><title>Ferry back</title>
    <meta property="og:site_name" content="{site_name}">
    <link rel="canonical" href="{url}"></head>
    <body><article><h1>Ferry back in service</h1><p>{LEAD}</p><p>{LEAD}</p></article></body></html>"""
    path = tmp_path / "ferry.html"
    path.write_text(page, encoding="utf-8")
    [doc], problems = _read(path)
    assert not problems and doc.outlet == outlet


def test_jsonl_records_map_their_fields(tmp_path: Path) -> None:
    rows = [
        {
            "id": "r1",
            "body": LEAD,
            "title": "Ferry back",
            "source": "Lindham Gazette",
            "date": "2025-04-07T10:00:00Z",
            "author": "Ada Brook",
            "url": "https://gazette.example/ferry",
        },
        {
            "id": "r2",
            "content": "<p>Second paragraph one.</p><p>Second paragraph <b>two</b>.</p>",
            "publisher": "Oster Post",
        },
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs, problems = _read(path)
    assert not problems
    first, second = docs
    assert first.source == f"{path}:1#r1"
    assert (first.outlet, first.outlet_how, first.published, first.published_how) == (
        "Lindham Gazette",
        "given",
        "2025-04-07",
        "given",
    )
    assert (first.author, first.title, first.url) == (
        "Ada Brook",
        "Ferry back",
        "https://gazette.example/ferry",
    )
    assert second.text == "Second paragraph one.\n\nSecond paragraph two."


def test_a_news_api_response_maps_its_own_field_names(tmp_path: Path) -> None:
    response = {
        "status": "ok",
        "articles": [
            {
                "source": {"id": "lg", "name": "Lindham Gazette"},
                "creator": "Ada Brook",
                "headline": "Ferry back",
                "publishedAt": "2025-04-07T10:00:00Z",
                "permalink": "https://gazette.example/ferry",
                "full_text": LEAD,
            }
        ],
    }
    path = tmp_path / "response.json"
    path.write_text(json.dumps(response), encoding="utf-8")
    [doc], problems = _read(path)
    assert not problems
    assert (doc.outlet, doc.author, doc.title, doc.published, doc.url) == (
        "Lindham Gazette",
        "Ada Brook",
        "Ferry back",
        "2025-04-07",
        "https://gazette.example/ferry",
    )


def test_content_api_and_export_field_names(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    records = [
        {
            "webTitle": "Ferry back",
            "webUrl": "https://osterpost.example/ferry",
            "webPublicationDate": "2025-04-07T10:00:00Z",
            "bodyText": LEAD,
        },
        {
            "article_title": "Ferry restarts",
            "article_content": LEAD,
            "publication_date": "2025-04-08",
            "author_name": "By Ada Brook",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    docs, problems = _read(path)
    assert not problems
    assert [(d.title, d.published, d.url) for d in docs] == [
        ("Ferry back", "2025-04-07", "https://osterpost.example/ferry"),
        ("Ferry restarts", "2025-04-08", None),
    ]
    from parallax.clean import clean_document

    assert clean_document(docs[1]).byline == "Ada Brook", "a given byline loses the page's By"


def test_bad_jsonl_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(
        json.dumps({"text": LEAD})
        + '\n{"text": "cut off\n'
        + json.dumps({"text": LEAD + " Again."})
        + "\n"
    )
    docs, problems = _read(path)
    assert len(docs) == 2
    [problem] = problems
    assert problem.source == f"{path}:2" and "malformed JSON line" in problem.message


def test_record_without_text_names_the_fields(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps({"articles": [{"title": "only a title"}, {"text": LEAD}]}))
    docs, problems = _read(path)
    assert len(docs) == 1
    assert "text, body, content" in problems[0].message and problems[0].source.endswith("[0]")


def test_record_whose_text_is_a_number_says_so(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"text": 5}) + "\n" + json.dumps({"text": LEAD}) + "\n")
    docs, [problem] = _read(path)
    assert len(docs) == 1 and "is a number (5), not text" in problem.message


def test_truncated_json_says_so(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"text": LEAD}])[:-10])
    docs, [problem] = _read(path)
    assert not docs
    assert "not valid JSON" in problem.message and "truncated" in problem.message


def test_csv_with_header(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(
        f'id,title,text,outlet,published\n7,Ferry,"{LEAD}",Oster Post,2025-04-07\n',
        encoding="utf-8",
    )
    [doc], problems = _read(path)
    assert not problems
    assert (doc.outlet, doc.published, doc.title) == ("Oster Post", "2025-04-07", "Ferry")


def test_a_tab_separated_header_may_hold_commas(tmp_path: Path) -> None:
    path = tmp_path / "records.tsv.csv"
    path.write_text(f"id\ttitle, subtitle\ttext\n7\tFerry back\t{LEAD}\n", encoding="utf-8")
    [doc], problems = _read(path)
    assert not problems and doc.text == LEAD  # read as tab-separated, not at the comma


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_csv_delimiter_is_read_from_the_header(tmp_path: Path, delimiter: str) -> None:
    # a body of many lines full of commas, past the 4 KB once sniffed: its commas outvoted the header
    body = "\n\n".join([LEAD.replace(" after", ", after")] * 30)
    rows = [
        ["headline", "body", "publisher", "date"],
        ["Ferry back", body, "Oster Post", "2025-04-07"],
    ]
    path = tmp_path / "records.csv"
    path.write_text(
        "\n".join(delimiter.join(f'"{f}"' if "\n" in f else f for f in row) for row in rows) + "\n"
    )
    [doc], problems = _read(path)
    assert not problems
    assert (doc.title, doc.outlet, doc.published, doc.text) == (
        "Ferry back",
        "Oster Post",
        "2025-04-07",
        body,
    )


@pytest.mark.parametrize(
    "header",
    [
        " Title , Text ,Outlet",
        "Title,Article Text,Outlet",
        "title,article-text,OUTLET",
        "title,Story,outlet",
    ],
)
def test_csv_header_names_are_matched_as_people_write_them(tmp_path: Path, header: str) -> None:
    path = tmp_path / "records.csv"
    path.write_text(f'{header}\nFerry back,"{LEAD}",Oster Post\n')
    [doc], problems = _read(path)
    assert not problems
    assert (doc.title, doc.text, doc.outlet) == ("Ferry back", LEAD, "Oster Post")


def test_a_schema_org_article_body_is_the_text(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"headline": "Ferry back", "articleBody": LEAD}]))
    [doc], problems = _read(path)
    assert not problems and doc.text == LEAD


def test_csv_record_is_located_by_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(
        f'title,text\nFerry back,"{LEAD}\n\nSecond paragraph."\n\nBridge shut,"{LEAD}"\nNo text,\n'
    )
    docs, [problem] = _read(path)
    assert [d.source for d in docs] == [f"{path}:2", f"{path}:6"]
    assert problem.source == f"{path}:7"


def test_csv_with_a_header_only_is_a_failed_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("title,text,outlet\n")
    good = tmp_path / "good.txt"
    good.write_text(LEAD)
    docs, [problem] = _read(empty, good)
    assert len(docs) == 1, "the rest of the batch goes on"
    assert problem.source == str(empty) and "holds no records" in problem.message


def test_csv_without_text_column_names_its_columns_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text("id;title;summary\n1;Ferry;Back in service\n")
    docs, [problem] = _read(path)
    assert not docs
    assert "found 'id', 'title', 'summary'" in problem.message
    assert "rename" in problem.message and "text, body, content" in problem.message


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Oster Post</title>
<item><title>Ferry back</title><link>https://osterpost.example/ferry</link><pubDate>Mon, 07 Apr 2025 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{LEAD}</p>]]></description></item>
<item><title>Only a title</title><link>https://osterpost.example/empty</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Lindham Gazette</title>
<entry><title>Ferry back</title><id>tag:gazette.example,2025:ferry</id><updated>2025-04-07T08:00:00Z</updated>
<author><name>Ada Brook</name></author><content type="html">&lt;p&gt;{LEAD}&lt;/p&gt;</content></entry></feed>"""


def test_rss_items_are_articles_and_an_empty_item_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    [doc], [problem] = _read(path)
    assert (doc.outlet, doc.published, doc.url, doc.fmt) == (
        "Oster Post",
        "2025-04-07",
        "https://osterpost.example/ferry",
        "feed",
    )
    assert LEAD in doc.text
    assert "no text" in problem.message and problem.source.endswith("empty")


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    [doc], problems = _read(path)
    assert not problems
    assert (doc.outlet, doc.author, doc.published) == ("Lindham Gazette", "Ada Brook", "2025-04-07")


def test_feed_titles_and_authors_are_unescaped(tmp_path: Path) -> None:
    # entities inside CDATA are characters to the XML parser: the publisher escaped them twice
    path = tmp_path / "feed.rss"
    path.write_text(
        RSS.replace(
            "<title>Ferry back</title>",
            "<title><![CDATA[Ferry back &#8211; at last]]></title>"
            "<author>desk@osterpost.example (Mara O&#8217;Neill)</author>",
        )
    )
    [doc], _ = _read(path)
    assert (doc.title, doc.author) == (
        "Ferry back – at last",
        "desk@osterpost.example (Mara O’Neill)",
    )


def test_xml_that_is_html_points_at_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "feeds.xml"
    path.write_text("<html><body><p>not a feed</p></body></html>")
    _, [problem] = _read(path)
    assert (
        "not RSS or Atom (root element <html>); pass it as an HTML page instead" in problem.message
    )


def test_malformed_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti'
    )
    docs, [problem] = _read(path)
    assert not docs
    assert problem.source.startswith(str(path))


def test_stdin_is_sniffed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps({"text": LEAD}).encode()))
    )
    [doc], problems = _read("-")
    assert not problems and doc.fmt == "record"


def test_folder_is_walked_recursively_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text(LEAD)
    (tmp_path / "two.txt").write_text(LEAD + " More.")
    (tmp_path / "notes.md").write_text("# not an article")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text(LEAD)
    docs, problems = _read(tmp_path)
    assert not problems
    assert sorted(Path(d.source).name for d in docs) == ["one.txt", "two.txt"]


def test_gzipped_files_are_read_by_their_inner_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import gzip

    (tmp_path / "page.txt.gz").write_bytes(gzip.compress(f"Ferry back\n\n{LEAD}\n".encode()))
    record = json.dumps({"title": "Ferry back", "text": LEAD, "outlet": "Lindham Post"})
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress((record + "\n").encode()))
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(b"<html>" * 50)[:20])
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 6_000_000))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "README.md").write_text("notes on these files")
    docs, problems = _read(tmp_path)
    assert sorted((Path(d.source).name, d.fmt) for d in docs) == [
        ("feed.jsonl.gz:1", "record"),
        ("page.txt.gz", "text"),
    ]
    assert all(LEAD in d.text for d in docs)
    messages = {Path(p.source).name: p.message for p in problems}
    assert "damaged gzip archive" in messages["broken.html.gz"]
    assert "unpacks to over the 5 MB limit" in messages["bomb.txt.gz"]
    assert "skipped 1 file(s)" in caplog.text and ".jpg" in caplog.text, "the user hears of it"
    assert ".md" not in caplog.text, "a folder's notes are expected there"


@pytest.mark.parametrize("opening", ["<!DOCTYPE html>", "\ufeff\n  <html lang='en'>", "<HTML>"])
def test_text_file_holding_an_html_page_is_read_as_html(tmp_path: Path, opening: str) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(
        f"{opening}<head><title>Ferry back</title></head><body><article><h1>Ferry back</h1>"
        f"<p>{LEAD}</p><p>{LEAD.replace('Monday', 'Tuesday')}</p></article></body></html>",
        encoding="utf-8",
    )
    [doc], problems = _read(path)
    assert not problems
    assert doc.fmt == "html" and "<p>" not in doc.text and LEAD in doc.text


def test_text_quoting_a_tag_is_text(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(f"{LEAD}\n\nThe notice began with <html> and nothing else.\n")
    [doc], _ = _read(path)
    assert doc.fmt == "text"


@pytest.mark.parametrize("content", [LEAD.encode(), b"\x00\x01\x02 not an archive" * 30])
def test_gz_file_that_is_not_gzip_says_so(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ferry.txt.gz"
    path.write_bytes(content)
    docs, [problem] = _read(path)
    assert not docs
    assert (
        problem.source == str(path) and "is named .gz but is not a gzip archive" in problem.message
    )


def test_folder_with_no_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing")
    _, [problem] = _read(tmp_path)
    assert "holds no article files" in problem.message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n  ", "empty file"),
        ("doc.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "is a PDF document"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00", "is a PNG image"),
        ("nul.txt", b"abc\x00def\x00" * 20, "binary data"),
        ("nul.html", b"\x00\x00\x01\x02" * 40, "re-save it as UTF-8"),
        ("garbage.txt", bytes(range(128, 256)) * 40, "re-save it as UTF-8"),
    ],
)
def test_unusable_files_get_one_clear_problem(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(LEAD)
    docs, [problem] = _read(path, good)
    assert len(docs) == 1, "the rest of the batch goes on"
    assert problem.source == str(path) and expected in problem.message


def test_legacy_encoding_is_read_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        ("Café owners in Lindham said the ferry’s return was “très bien” for trade. " * 5).encode(
            "cp1252"
        )
    )
    [doc], problems = _read(path)
    assert not problems
    assert "Café" in doc.text and "très bien" in doc.text
    assert "not UTF-8" in caplog.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, encoding: str
) -> None:
    text = f"Ferry back in service\n\n{LEAD} Café owners said it was “très bien” for trade.\n"
    path = tmp_path / "ferry.txt"
    path.write_bytes(text.encode(encoding))  # the bare codec writes no byte-order mark
    [doc], problems = _read(path)
    assert not problems
    assert doc.text == text
    assert "UTF-16 without a byte-order mark" in caplog.text


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, nothing on disk
    _, [problem] = _read(path)
    assert (
        "50.0 MB is over the 5 MB limit" in problem.message
        and "--max-article-mb" in problem.message
    )


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(LEAD)
    locked.chmod(0)
    _, problems = _read(tmp_path / "nope.txt", locked)
    assert "no such file" in problems[0].message
    if len(problems) == 2:  # root reads files whatever their mode
        assert "permission denied" in problems[1].message


def test_truncated_html_keeps_what_arrived(tmp_path: Path) -> None:
    page = f"<html><head><title>Ferry</title></head><body><article><h1>Ferry back</h1><p>{LEAD}</p><p>{LEAD} More of it"
    path = tmp_path / "cut.html"
    path.write_text(page)
    [doc], problems = _read(path)
    assert not problems and "Engineers replaced" in doc.text


def test_html_without_an_article(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body></body></html>")
    _, [problem] = _read(empty)
    assert "no article text found in the HTML" in problem.message
    from parallax.pipeline import Pipeline

    articles, [problem] = Pipeline().read([str(path)])
    assert not articles and "no article text left" in problem.message


def test_pipeline_reports_non_english_and_goes_on(tmp_path: Path) -> None:
    from parallax.pipeline import Pipeline

    (tmp_path / "de.txt").write_text(
        "Die Fähre zwischen Lindham und Oster hat am Montag nach dreiwöchiger Pause den Betrieb wieder "
        "aufgenommen, teilte der Betreiber mit. Ingenieure ersetzten eine gerissene Rumpfplatte, die bei "
        "einer Routinekontrolle entdeckt worden war."
    )
    (tmp_path / "en.txt").write_text(LEAD)
    articles, [problem] = Pipeline().read([str(tmp_path)])
    assert (
        len(articles) == 1
        and problem.source.endswith("de.txt")
        and "not English" in problem.message
    )
