"""Embedded tweets: their author's words, quoted, and neither the reporter's brief nor a dated event."""

from __future__ import annotations

from parallax.config import BriefOptions
from parallax.models import Article
from parallax.pipeline import Pipeline, PipelineOptions
from parallax.quotes import find_attributions
from parallax.tweets import embedded_tweets, in_signature, in_tweet
from parallax.verify import verify_report

TWEET = "The ferry is back and so are the queues. Bring a book, Lindham. https://t.co/Ab12Cd34"
SIGNATURE = "— Ines Varga (@inesvarga) April 7, 2025"
REPORT = [
    "The river ferry between Lindham and Oster resumed service on Monday after a three-week "
    "suspension, the operator said.",
    "Engineers replaced a cracked hull plate that inspectors found during a routine check in March.",
    "Passengers lined up at the quay before dawn, and the first crossing left twenty minutes late.",
    TWEET,
    SIGNATURE,
    "The operator said the timetable would return to normal by the end of the week.",
]
OTHER = [
    "Ferry service between Lindham and Oster resumed on Monday, three weeks after inspectors found "
    "a cracked hull plate, the operator said.",
    "Queues formed at Lindham quay before dawn and the first ferry left twenty minutes late.",
    TWEET,
    SIGNATURE,
    "The operator expects the timetable to be back to normal by the end of the week.",
]


def test_a_tweet_is_the_paragraph_above_its_signature_without_its_link() -> None:
    text = "\n\n".join(REPORT)
    [tweet] = embedded_tweets(text)
    assert text[tweet.start : tweet.end] == TWEET.rsplit(" https://", 1)[0]
    assert (tweet.author, tweet.handle, tweet.day) == ("Ines Varga", "inesvarga", "April 7, 2025")
    assert text[tweet.signature_start : tweet.signature_end] == SIGNATURE
    assert text[tweet.author_start :].startswith("Ines Varga")
    assert in_tweet(text, tweet.start, tweet.end) and in_signature(
        text, tweet.signature_start, tweet.signature_end
    )
    first = text.index(REPORT[0])
    assert not in_tweet(text, first, first + len(REPORT[0]))
    alone = "The mayor spoke.\n\n— Ines Varga (@inesvarga) April 7, 2025"
    assert [alone[t.start : t.end] for t in embedded_tweets(alone)] == ["The mayor spoke."]
    assert not embedded_tweets("— Ines Varga (@inesvarga) April 7, 2025"), "no tweet above it"
    assert not embedded_tweets("A reply — Ines Varga (@inesvarga) wrote on April 7, 2025.")


def test_a_tweet_is_its_authors_quote(pipeline: Pipeline) -> None:
    text = "\n\n".join(REPORT)
    article = Article("1" * 12, "t", text)
    [analysis] = pipeline.nlp.analyse([article])
    by_content = {a.content(text): a for a in find_attributions(article, analysis)}
    quote = by_content[TWEET.rsplit(" https://", 1)[0]]
    assert quote.speaker == "Ines Varga" and quote.direct and not quote.partial
    assert not any(SIGNATURE in content for content in by_content)


def test_a_story_quotes_the_tweet_and_neither_briefs_nor_dates_it(pipeline: Pipeline) -> None:
    articles = [
        Article(str(i) * 12, f"{i}.txt", "\n\n".join(paragraphs), published="2025-04-07")
        for i, paragraphs in enumerate([REPORT, OTHER])
    ]
    opts = PipelineOptions(single_story=True, brief=BriefOptions(words=400))
    report = Pipeline(opts, nlp=pipeline.nlp, embedder=pipeline.embedder).brief(articles)
    [story] = report.stories
    assert story.brief.sentences and not any(
        "queues" in s.text or "Varga" in s.text for s in story.brief.sentences
    ), "the brief is in the reporters' voice"
    tweet_quotes = [q for q in story.quotes if q.speaker == "Ines Varga"]
    assert len(tweet_quotes) == 1 and len(tweet_quotes[0].variants) == 2
    texts = {a.id: a.text for a in articles}
    for event in story.timeline:
        for span in event.support:
            assert "@inesvarga" not in texts[span.article_id][span.start : span.end]
    for fact in story.facts:
        for span in fact.support:
            assert "@inesvarga" not in texts[span.article_id][span.start : span.end]
    assert not verify_report(report)
