from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.models import (
    Article,
    Brief,
    BriefSentence,
    Changes,
    Problem,
    Removal,
    Report,
    Span,
    Story,
    content_hash,
    story_id,
)

hows = st.sampled_from([None, "given", "extracted", "inferred"])
texts = st.text(min_size=1, max_size=200)
opt_texts = st.none() | texts


@st.composite
def articles(draw: st.DrawFn) -> Article:
    return Article(
        id=draw(st.text(alphabet="0123456789abcdef", min_size=12, max_size=12)),
        source=draw(texts),
        text=draw(texts),
        title=draw(opt_texts),
        title_how=draw(hows),
        byline=draw(opt_texts),
        byline_how=draw(hows),
        outlet=draw(opt_texts),
        outlet_how=draw(hows),
        published=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        published_how=draw(hows),
        url=draw(opt_texts),
        removed=tuple(draw(st.lists(st.builds(Removal, texts, texts), max_size=3))),
        notes=tuple(draw(st.lists(texts, max_size=2))),
    )


@given(articles())
def test_article_round_trips_through_its_dictionary(article: Article) -> None:
    assert Article.from_dict(article.to_dict()) == article


indices = st.lists(st.integers(0, 50), max_size=4).map(tuple)


@st.composite
def changes(draw: st.DrawFn) -> Changes:
    return Changes(
        draw(st.text(max_size=30)),
        tuple(draw(st.lists(texts, max_size=3))),
        tuple(draw(st.lists(texts, max_size=3))),
        *(draw(indices) for _ in range(6)),
    )


@given(
    st.lists(articles(), min_size=1, max_size=3),
    st.integers(0, 500),
    st.none() | changes(),
    st.sampled_from(["source", "chronological", "importance"]),
    opt_texts,
)
def test_report_round_trips(
    arts: list[Article], words: int, change: Changes | None, order: str, focus: str | None
) -> None:
    spans = tuple(Span(a.id, 0, len(a.text)) for a in arts)
    headline = BriefSentence("x", spans[:1], 2)
    story = Story(
        story_id([a.id for a in arts]),
        tuple(a.id for a in arts),
        Brief(words, (BriefSentence("x", spans),), headline, order, focus),
        changes=change,
    )
    report = Report("0", tuple(arts), (story,), (Problem("f.txt", "bad"),))
    assert Report.from_dict(report.to_dict()) == report


def test_span_rejects_backwards_offsets() -> None:
    with pytest.raises(ValueError, match="start <= end"):
        Span("a", 5, 2)


def test_unknown_how_is_refused() -> None:
    data = Article("0" * 12, "s", "t").to_dict()
    data["published_how"] = "guessed"
    with pytest.raises(ValueError, match="'how' must be one of"):
        Article.from_dict(data)


def test_story_id_does_not_depend_on_article_order() -> None:
    assert story_id(["b", "a"]) == story_id(["a", "b"]) != story_id(["a", "c"])
    assert content_hash("a", None) == content_hash("a", "")
