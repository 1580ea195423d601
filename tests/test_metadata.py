"""Tidying page metadata: outlet names glued to headlines, job titles and publishers in author fields."""

from __future__ import annotations

import pytest

from parallax.clean import clean_document
from parallax.metadata import tidy_byline, tidy_outlet, tidy_title
from parallax.models import RawDocument


@pytest.mark.parametrize(
    ("author", "outlet", "expected"),
    [
        ("Tom Krisher; Ap Auto Writer", "Connecticut Post", "Tom Krisher"),
        ("ROBERT BURNS; AP National Security Writer", None, "Robert Burns"),
        ("Phil Helsel is a reporter", "NBC News", "Phil Helsel"),
        ("Tom Gillespie News reporter", "Sky News", "Tom Gillespie"),
        ("Paul Takahashi; Staff writer", "Houston Chronicle", "Paul Takahashi"),
        (
            "Mike Wuerthele; Malcolm Owen Monday; November",
            "AppleInsider",
            "Mike Wuerthele; Malcolm Owen",
        ),
        ("Condé Nast; Molly Wood", "Wired", "Molly Wood"),
        ("Troy Smith; Troy L Smith; Cleveland com", "cleveland.com", "Troy Smith"),
        ("LISA MASCARO; ERIC TUCKER Associated Press", "AP", "Lisa Mascaro; Eric Tucker"),
        ("Jill Disis; CNN Business", "CNN", "Jill Disis"),
        ("Analysis by Chris Cillizza; CNN Editor-at-large", "CNN", "Chris Cillizza"),
        ("Ilana Muhlstein; MS; RDN", None, "Ilana Muhlstein"),
        ("Tanza Loudenback; Business Insider", "Business Insider", "Tanza Loudenback"),
    ],
)
def test_author_fields_keep_only_the_people(author: str, outlet: str | None, expected: str) -> None:
    assert tidy_byline(author, outlet) == expected


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Josh White, Staff Writer", "Josh White"),
        ("Sam Wire, reporter", "Sam Wire"),
        ("Theresa May", "Theresa May"),
        ("April Glaser; Will Oremus", "April Glaser; Will Oremus"),
        ("Mark Sunday; Ann Lee", "Mark Sunday; Ann Lee"),
    ],
)
def test_names_that_look_like_dates_or_titles_are_kept(author: str, expected: str) -> None:
    assert tidy_byline(author, None) == expected


@pytest.mark.parametrize(
    "author", ["Staff Reports", "Reuters", "PTI", "The Associated Press", "Sarah E Needleman"]
)
def test_author_fields_with_no_person_to_find_stay_as_given(author: str) -> None:
    assert tidy_byline(author, None) == author


def test_titles_lose_the_site_name_the_page_appends() -> None:
    assert tidy_title("Oxygen bar offers fresh air - News Nation", "News Nation") == (
        "Oxygen bar offers fresh air"
    )
    url = "https://techcrunch.com/2019/11/18/wework/"
    assert tidy_title("Attorney General investigating WeWork – TechCrunch", None, url) == (
        "Attorney General investigating WeWork"
    )
    # a dash that is part of the headline, not the site's name, stays
    assert (
        tidy_title("Jedi review - shoots for the moon", "VG247")
        == "Jedi review - shoots for the moon"
    )
    assert tidy_title("CNN", "CNN") == "CNN"


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("desk@osterpost.example (Mara Lind)", "Mara Lind"),
        ("Mara Lind <mara@osterpost.example>", "Mara Lind"),
        (
            "a@osterpost.example (Mara Lind), b@osterpost.example (Tom Reyes)",
            "Mara Lind; Tom Reyes",
        ),
        ("desk@osterpost.example", "desk@osterpost.example"),  # no name to keep
        ("Lind, Mara <mara@osterpost.example>", "Lind, Mara"),  # one address, its comma kept
    ],
)
def test_an_address_with_a_name_is_the_name(author: str, expected: str) -> None:
    assert tidy_byline(author, "Oster Post") == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Opinion | Ferry fares should fall", "Ferry fares should fall"),
        ("Analysis | What the ferry deal means - Oster Post", "What the ferry deal means"),
        ("Opinion: Ferry fares should fall", "Opinion: Ferry fares should fall"),
        ("Lindham Week 2025 | Ferry fares fall", "Lindham Week 2025 | Ferry fares fall"),
    ],
)
def test_titles_lose_the_section_the_page_puts_before(title: str, expected: str) -> None:
    assert tidy_title(title, "Oster Post") == expected


def test_outlet_names_from_the_registry_or_the_address() -> None:
    assert tidy_outlet("NYTimes", "https://www.nytimes.com/2019/11/19/opinion/x.html") == (
        "The New York Times"
    )
    assert tidy_outlet("https://www.hawaiinewsnow.com", None) == "hawaiinewsnow.com"
    assert tidy_outlet("Connecticut Post", "https://www.ctpost.com/a") == "Connecticut Post"
    assert tidy_outlet("Lindham Post | Lindham's favourite news site", None) == "Lindham Post"
    assert tidy_outlet("Lindham Post | Sports", None) == "Lindham Post | Sports", "no slogan"
    assert tidy_outlet("Oster Gazette – Home", None) == "Oster Gazette – Home"


def _document(how: str, **fields: str) -> RawDocument:
    """A one-sentence document whose title, author and outlet are given ``how``."""
    base = {
        "title": "Pier stays shut after blaze - The Coastal Post",
        "author": "Daniel Osei; Staff Writer",
        "outlet": "The Coastal Post",
        **fields,
    }
    return RawDocument(
        source="page.html" if how == "extracted" else "records.jsonl:1",
        text="The east pier will stay shut until Friday, port director Tomas Vell said on Thursday.",
        fmt="html" if how == "extracted" else "record",
        title=base["title"],
        title_how=how,  # type: ignore[arg-type]
        author=base["author"],
        author_how=how,  # type: ignore[arg-type]
        outlet=base["outlet"],
        outlet_how=how,  # type: ignore[arg-type]
        url=base.get("url"),
    )


def test_a_page_is_cleaned_with_its_metadata_tidied() -> None:
    article = clean_document(_document("extracted"))
    assert (article.title, article.byline, article.outlet) == (
        "Pier stays shut after blaze",
        "Daniel Osei",
        "The Coastal Post",
    )


def test_metadata_the_user_gave_is_kept_as_given() -> None:
    raw = _document(
        "given", outlet="Oster Post", url="https://www.nytimes.com/2025/03/13/pier.html"
    )
    article = clean_document(raw)
    assert (article.title, article.byline, article.outlet) == (
        "Pier stays shut after blaze - The Coastal Post",
        "Daniel Osei; Staff Writer",
        "Oster Post",
    )


def test_a_feed_item_is_cleaned_with_its_metadata_tidied() -> None:
    # a feed's elements are given, but publishers fill them as loosely as a page's meta tags
    raw = RawDocument(
        source="feed.rss#1",
        text="The east pier will stay shut until Friday, port director Tomas Vell said on Thursday.",
        fmt="feed",
        title="Pier stays shut after blaze – The Coastal Post",
        title_how="given",
        author="desk@coastalpost.example (Daniel Osei)",
        author_how="given",
        outlet="The Coastal Post",
        outlet_how="given",
    )
    article = clean_document(raw)
    assert (article.title, article.byline, article.outlet) == (
        "Pier stays shut after blaze",
        "Daniel Osei",
        "The Coastal Post",
    )
    assert (article.title_how, article.byline_how, article.outlet_how) == ("given",) * 3
