from __future__ import annotations

from dataclasses import replace

import pytest

from parallax.config import BriefOptions
from parallax.models import Report, Story
from parallax.pipeline import Pipeline, PipelineOptions
from parallax.summarise import DATELINE, StoryText, summarise
from parallax.vectors import SentenceVectors

from .conftest import EXAMPLE, KHARKIV


@pytest.fixture(scope="module")
def kharkiv(pipeline: Pipeline) -> tuple[list, list]:
    return pipeline.read([str(KHARKIV)])


@pytest.mark.parametrize("words", [20, 60, 150, 400])
def test_brief_stays_within_the_word_budget(
    pipeline: Pipeline, kharkiv: tuple[list, list], words: int
) -> None:
    pipe = Pipeline(
        PipelineOptions(brief=BriefOptions(words=words)), pipeline.nlp, pipeline.embedder
    )
    report = pipe.brief(*kharkiv)
    [story] = report.stories
    counted = sum(len(s.text.split()) for s in story.brief.sentences)
    assert story.brief.words == counted
    assert story.brief.sentences
    assert counted <= words or len(story.brief.sentences) == 1
    if words >= 150:
        assert counted >= words * 0.7, "a long budget is used, not left empty"


def test_brief_sentences_are_verbatim_and_cite_their_source(kharkiv_report: Report) -> None:
    texts = {a.id: a.text for a in kharkiv_report.articles}
    for story in kharkiv_report.stories:
        for sentence in story.brief.sentences:
            first = sentence.citations[0]
            assert texts[first.article_id][first.start : first.end] == sentence.text
            assert len({c.article_id for c in sentence.citations}) == len(sentence.citations), (
                "one span per article"
            )


def test_brief_has_no_repeated_point(pipeline: Pipeline, kharkiv_report: Report) -> None:
    [story] = kharkiv_report.stories
    vectors = pipeline.embedder.encode([s.text for s in story.brief.sentences])
    sims = vectors @ vectors.T
    for i in range(len(vectors)):
        for j in range(i + 1, len(vectors)):
            assert sims[i, j] < BriefOptions().redundancy_max_sim


def test_lead_point_carried_by_most_outlets_comes_first(kharkiv_report: Report) -> None:
    [story] = kharkiv_report.stories
    first = story.brief.sentences[0]
    assert len({c.article_id for c in first.citations}) >= 3, "the news itself is in most reports"
    assert "Kharkiv" in first.text


def test_brief_leaves_datelines_and_dangling_pronouns_out(
    example_report: Report, kharkiv_report: Report
) -> None:
    for report in (example_report, kharkiv_report):
        for story in report.stories:
            for sentence in story.brief.sentences:
                assert not DATELINE.match(sentence.text)
                assert sentence.text.split()[0] not in {"He", "She", "They", "It"}


def test_example_brief_cites_several_outlets_per_point(example_report: Report) -> None:
    story = example_report.stories[0]
    outlets = {
        example_report.article(c.article_id).outlet
        for s in story.brief.sentences
        for c in s.citations
    }
    assert len(outlets) >= 4
    assert sum(len(s.citations) >= 3 for s in story.brief.sentences) >= 3


def test_same_input_same_brief(pipeline: Pipeline) -> None:
    first = pipeline.brief(*pipeline.read([str(EXAMPLE)]))
    second = pipeline.brief(*pipeline.read([str(EXAMPLE)]))
    assert first.to_dict() == second.to_dict()


@pytest.mark.parametrize("words", [60, 150])
def test_brief_alone_embeds_only_what_it_weighs_and_says_the_same(
    pipeline: Pipeline, kharkiv: tuple[list, list], words: int
) -> None:
    articles, _ = kharkiv
    analyses = pipeline.nlp.analyse(articles, entities=False)
    opts = BriefOptions(words=words)
    full = summarise(StoryText(articles, analyses, pipeline.embed(articles, analyses)), opts)
    lazy_vectors = SentenceVectors(articles, analyses, pipeline.embedder)
    lazy = summarise(StoryText(articles, analyses, lazy_vectors), opts)
    assert lazy == full
    total = sum(len(a.sentences) for a in analyses)
    assert 0 < lazy_vectors.embedded < 0.75 * total


def test_fill_adds_one_last_sentence_past_the_budget(
    pipeline: Pipeline, kharkiv: tuple[list, list]
) -> None:
    """A brief cut at exactly N words wastes no word: whenever one is left, one sentence more."""
    articles, _ = kharkiv
    analyses = pipeline.nlp.analyse(articles, entities=False)
    vectors = pipeline.embed(articles, analyses)
    few_left = 0
    for words in range(40, 130, 3):  # long sentences only, so that words are left over
        opts = BriefOptions(words=words, min_sentence_words=20)
        plain = summarise(StoryText(articles, analyses, vectors), opts)
        filled = summarise(StoryText(articles, analyses, vectors), replace(opts, fill=True))
        assert plain.words <= words
        assert filled.sentences[: len(plain.sentences)] == plain.sentences
        if plain.words == words:
            assert filled == plain
            continue
        assert len(filled.sentences) == len(plain.sentences) + 1 and filled.words > words
        few_left += words - plain.words < 5  # 2-4 words left: no fill until 2026-12-02
    assert few_left >= 3


def test_brief_is_in_the_reporters_voice(kharkiv_report: Report, example_report: Report) -> None:
    for report in (kharkiv_report, example_report):
        for sentence in report.stories[0].brief.sentences:
            assert not sentence.text.startswith(("“", '"'))


def test_headline_is_a_verbatim_prefix_of_the_lead_point(kharkiv_report: Report) -> None:
    from parallax.verify import verify_report

    brief = kharkiv_report.stories[0].brief
    assert brief.headline is not None
    [span] = brief.headline.citations
    lead = brief.sentences[0].citations[0]
    assert (span.article_id, span.start) == (lead.article_id, lead.start)
    # 25 words: "..., but only to defend the under-fire Kharkiv region" stays with its claim
    assert 6 <= len(brief.headline.text.split()) <= 30 and "only to defend" in brief.headline.text
    assert brief.sentences[0].text.startswith(brief.headline.text)
    assert verify_report(kharkiv_report.to_dict()) == []


def test_a_headline_cut_inside_a_quotation_ends_before_it(pipeline: Pipeline) -> None:
    """Cut at its eighteenth word, the lead had ended on an open quote: '... would say “we'."""
    from parallax.models import Article

    text = (
        "Senator Ada Brook of Vell told cheering supporters at the rally that the board would say "
        "“we cannot keep the ferry running” to the town within a year.\n\n"
        "The port board has not commented on the future of the ferry service to Lindham."
    )
    pipe = _brief_only(pipeline, 40)
    headline = pipe.brief([Article("0" * 12, "0.txt", text)]).stories[0].brief.headline
    assert headline is not None
    assert headline.text == (
        "Senator Ada Brook of Vell told cheering supporters at the rally that the board would say"
    )
    early = (
        "A “deeply troubling pattern of neglect at the harbour that the board has ignored for far too "
        "long before more harm is done” worried the councillors of Vell on Monday.\n\n" + text
    )
    brief = pipe.brief([Article("1" * 12, "1.txt", early)]).stories[0].brief
    assert brief.headline is None or len(brief.headline.text.split()) >= 4


@pytest.mark.parametrize(
    ("lead", "headline"),
    [
        # an opener is left out when a capitalised subject follows it, and never ends the headline
        (
            "With the river rising to new levels, Lindham council closed the ferry quay and the "
            "harbour road on Monday night.",
            "Lindham council closed the ferry quay and the harbour road on Monday night",
        ),
        (
            "As the season comes to an end, it is time to look back on the ferry strikes.",
            "As the season comes to an end, it is time to look back on the ferry strikes",
        ),
        # an apposition or an aside after the subject is no clause
        (
            "Ines Varga, the director of the Lindham ferry operator, said the crossings would resume.",
            "Ines Varga, the director of the Lindham ferry operator, said the crossings would resume",
        ),
        (
            "Two ferries — an old one and a new one — collided off Lindham quay on Monday, the coast "
            "guard said.",
            "Two ferries — an old one and a new one — collided off Lindham quay on Monday",
        ),
        # the speaker alone before "said" says nothing
        (
            "Lindham ferry operator director Ines Varga said a cracked hull plate had kept the boat in "
            "port for three weeks.",
            "Lindham ferry operator director Ines Varga said a cracked hull plate had kept the boat in "
            "port",
        ),
        # what restricts the claim stays with it
        (
            "Lindham council lifted the ban on night crossings by the old ferry across the strait, but "
            "only in the summer months, the harbour master said.",
            "Lindham council lifted the ban on night crossings by the old ferry across the strait, but "
            "only in the summer months",
        ),
        # no cut inside brackets, and no bracket left open
        (
            "The ferry carried 212 passengers on Monday (well, 214 if you count the two crew who "
            "were off duty) across the strait.",
            "The ferry carried 212 passengers on Monday",
        ),
    ],
)
def test_a_headline_is_a_clause_of_the_lead(pipeline: Pipeline, lead: str, headline: str) -> None:
    from parallax.models import Article

    text = f"{lead}\n\nThe port board has not commented on the future of the ferry service."
    brief = _brief_only(pipeline, 60).brief([Article("0" * 12, "0.txt", text)]).stories[0].brief
    assert brief.headline is not None and brief.headline.text == headline
    [span] = brief.headline.citations
    assert text[span.start : span.end] == headline


def test_chronological_order_follows_the_days_sentences_date(pipeline: Pipeline) -> None:
    from datetime import date

    from parallax.temporal import tag

    pipe = Pipeline(
        PipelineOptions(brief=BriefOptions(words=200, order="chronological"), analysis=False),
        pipeline.nlp,
        pipeline.embedder,
    )
    articles, _ = pipe.read([str(EXAMPLE)])
    report = pipe.brief(articles)
    brief = report.stories[0].brief
    assert brief.order == "chronological"
    days = []
    for sentence in brief.sentences:
        span = sentence.citations[0]
        article = report.article(span.article_id)
        anchor = date.fromisoformat((article.published or "")[:10])
        dated = [t.value for t in tag(sentence.text, anchor) if t.type == "DATE"]
        # a past week ("two weeks ago") by its Monday, a day by itself, else the article's day
        weeks = [date.fromisocalendar(int(v[:4]), int(v[6:]), 1) for v in dated if "-W" in v]
        past = [w.isoformat() for w in weeks if (anchor - w).days >= 7]
        days.append(
            next((v for v in dated if len(v) == 10), past[0] if past else anchor.isoformat())
        )
    assert days == sorted(days)
    assert len(set(days)) >= 3  # the inspection two weeks before, the fire, the day after


class _Recording:
    """An embedder that remembers every text it was asked for and passes the work on."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.texts.extend(texts)
        return self.inner.encode(texts)  # type: ignore[attr-defined]


def test_brief_alone_of_one_story_weighs_with_the_brief_model(pipeline: Pipeline) -> None:
    analysis, brief = _Recording(pipeline.embedder), _Recording(pipeline.embedder)
    opts = PipelineOptions(
        brief=BriefOptions(focus="the fire at the pier"), analysis=False, single_story=True
    )
    pipe = Pipeline(opts, pipeline.nlp, analysis, brief_embedder=brief)
    articles, _ = pipe.read([str(EXAMPLE)])
    [story] = pipe.brief(articles).stories
    assert analysis.texts == [], "nothing to group: the analysis model is not used"
    assert "the fire at the pier" in brief.texts
    for sentence in story.brief.sentences:  # weighed by the brief model (less any dateline)
        assert any(sentence.text in t for t in brief.texts)


def test_brief_alone_that_groups_uses_the_grouping_model_throughout(pipeline: Pipeline) -> None:
    analysis, brief = _Recording(pipeline.embedder), _Recording(pipeline.embedder)
    opts = PipelineOptions(brief=BriefOptions(focus="the fire at the pier"), analysis=False)
    pipe = Pipeline(opts, pipeline.nlp, analysis, brief_embedder=brief)
    articles, _ = pipe.read([str(EXAMPLE), str(KHARKIV)])
    report = pipe.brief(articles)
    full = pipeline.brief(articles)
    assert sorted(map(sorted, (s.article_ids for s in report.stories))) == sorted(
        map(sorted, (s.article_ids for s in full.stories))
    ), "a brief alone groups the articles as the full analysis does"
    assert len(report.stories) >= 2  # two events (and the example's unrelated article)
    assert brief.texts == [], "the leads embedded for grouping serve the brief: one model"
    assert "the fire at the pier" in analysis.texts


@pytest.mark.parametrize(
    "lead",
    [
        "KYIV, Ukraine (AP) — ",
        "WASHINGTON (Reuters) - ",
        "SIOUX FALLS, S.D. – ",
        "NEW DELHI: ",
        "DES MOINES - ",
        "MANCHESTER, N.H. - ",
        "BRUSSELS, Belgium (AP) - ",
    ],
)
def test_datelines_in_the_forms_agencies_write_them(lead: str) -> None:
    match = DATELINE.match(lead + "Officials said the talks would resume on Monday.")
    assert match is not None and match.group(0) == lead


def test_a_dateline_after_a_first_paragraph_is_found_at_its_offset() -> None:
    text = (
        "A standfirst the page printed first.\n\nSIOUX FALLS, S.D. – Officials said so on Monday, "
        "as did the mayor of LINDHAM — a town of 4,000."
    )
    match = DATELINE.match(text, text.index("SIOUX"))
    assert match is not None and match.group(0) == "SIOUX FALLS, S.D. – "
    assert DATELINE.match(text, text.index("LINDHAM")) is None, "mid-paragraph is no dateline"


def test_words_that_only_look_like_a_dateline_stay() -> None:
    for sentence in (
        "US-China talks resumed on Monday.",
        "NATO said it would respond.",
        "US - China talks resumed on Monday.",
        "US, China agree: talks resume on Monday.",
        "NATO - Russia talks resumed on Monday.",
        "U.S. - China talks resumed on Monday.",
    ):
        assert DATELINE.match(sentence) is None


def test_a_sentence_leaning_on_the_one_before_stays_out_of_the_brief(pipeline: Pipeline) -> None:
    from parallax.models import Article

    texts = [
        "The ferry crossing at Lindham was closed for three weeks. But the Lindham ferry resumed "
        "service on Monday after the hull repairs. Fares stay as they were for now.",
        "After weeks of work on the damaged hull by engineers from the port, the Lindham ferry "
        "resumed service on Monday with a full timetable and its usual crew on board.",
        "Passengers who had waited for weeks were glad when the Lindham ferry resumed service on "
        "Monday after the hull repairs that had kept it in the dock since early March.",
    ]
    articles = [Article(str(i) * 12, f"{i}.txt", t) for i, t in enumerate(texts)]
    pipe = Pipeline(
        PipelineOptions(brief=BriefOptions(words=20), analysis=False, single_story=True),
        pipeline.nlp,
        pipeline.embedder,
    )
    brief = pipe.brief(articles).stories[0].brief
    assert brief.sentences
    assert not any(s.text.startswith(("But ", "And ")) for s in brief.sentences), [
        s.text for s in brief.sentences
    ]


def test_a_sentence_inside_a_quotation_stays_out_of_the_brief(pipeline: Pipeline) -> None:
    """A quotation of six sentences is not merged into one (nlp.MAX_QUOTE_MERGE), so its middle ones
    have no quote mark of their own: they are still the harbour master's words, not the reporter's.
    The brief had opened with two of them."""
    from parallax.models import Article

    text = (
        "“The port has never been so busy. Everyone worked through the night. The Lindham ferry "
        "resumed service on Monday after the hull repairs. We kept every promise we made. Nobody "
        "lost a day's pay. The town can be proud,” the harbour master, Ada Brook, said.\n\n"
        "The repairs to the ferry's hull took three weeks and cost the port about 2 million euros."
    )
    pipe = _brief_only(pipeline, 20)
    brief = pipe.brief([Article("0" * 12, "0.txt", text)]).stories[0].brief
    assert [s.text for s in brief.sentences] == [
        "The repairs to the ferry's hull took three weeks and cost the port about 2 million euros."
    ]
    from parallax.summarise import _inside_quote

    inches = 'The new 65" television sold out at the harbour shop. Sales rose 5 percent.'
    assert not _inside_quote(inches, inches.index("Sales"))  # an inch mark opens no quotation


@pytest.mark.parametrize(
    ("opening", "leans"),
    [
        ("But the council", True),
        ("So the council", True),
        ("Still, the council", True),
        ("Then-President Ada Brook", False),
        ("So far, 30 people", False),
        ("So-called repairs", False),
        ("Still photographs", False),
    ],
)
def test_what_counts_as_an_opening_connective(opening: str, leans: bool) -> None:
    from parallax.summarise import CONNECTIVE_START

    assert bool(CONNECTIVE_START.match(opening)) is leans


def test_the_title_embeds_nothing_for_untitled_articles(pipeline: Pipeline) -> None:
    from parallax.pipeline import story_title

    articles, _ = pipeline.read([str(KHARKIV)])
    analyses = pipeline.nlp.analyse(articles, entities=False)
    asked: list[str] = []

    class Counting:
        def encode(self, texts: list[str]) -> object:
            asked.extend(texts)
            return pipeline.brief_embedder.encode(texts)

    untitled = [replace(a, title=None) for a in articles]
    vectors = SentenceVectors(untitled, analyses, Counting())
    assert story_title(StoryText(untitled, analyses, vectors)) is None and asked == []
    titled = SentenceVectors(articles, analyses, Counting())
    assert story_title(StoryText(articles, analyses, titled)) in {a.title for a in articles}
    assert asked  # a titled story's headline is chosen by its leads' meaning


def test_a_line_crediting_the_outlet_that_broke_the_story_is_no_brief_sentence(
    kharkiv_report: Report,
) -> None:
    texts = [s.text for s in kharkiv_report.stories[0].brief.sentences]
    assert texts, "Kharkiv has a brief"
    # three of its reports say "Biden's decision was first reported by Politico"; "Who copied whom"
    # shows that as a citation, and the brief's words go to the news
    assert not [t for t in texts if "first reported" in t and len(t.split()) < 12], texts


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        ("Biden’s decision was first reported by Politico.", True),
        ("The deal was first reported by The Wall Street Journal on Monday.", True),
        ("The disease was first reported in 1976.", False),  # news, and no outlet
        ("The outbreak was first reported by local health officials.", False),
        ("Politico first reported that Biden will not seek reelection.", False),
        ("The talks were first reported by Reuters, which said the price was $44 billion.", False),
        ("Politico was first to report the news.", True),
        ("CNN was the first to break the story.", True),
        ("The agency was the first to report a case in Europe, in 1976.", False),  # no outlet
    ],
)
def test_only_a_line_crediting_an_outlet_is_a_credit_line(sentence: str, credit: bool) -> None:
    from parallax.summarise import _credits_an_outlet

    assert _credits_an_outlet(sentence) is credit


@pytest.mark.parametrize(
    ("sentence", "stands"),
    [
        (
            "The governor's office didn't immediately respond to The Hill's request for comment.",
            False,
        ),
        ("The operator did not respond to several requests for comment on Monday.", False),
        ("Lindham police declined to comment on the crash.", False),
        ("The ferry's owner could not be reached for comment.", False),
        # what else the sentence says is news
        (
            "The operator declined to comment, but port records show the ferry failed two inspections "
            "in March and was allowed to sail after a third check in April.",
            True,
        ),
        ("Varga said the operator had responded to every request for repairs.", True),
    ],
)
def test_a_line_that_someone_would_not_comment_is_no_brief_sentence(
    sentence: str, stands: bool
) -> None:
    from parallax.models import Article
    from parallax.summarise import _candidate

    article = Article("0" * 12, "t", sentence)
    assert (_candidate(article, 0, 0, len(sentence), 3, BriefOptions()) is not None) is stands


@pytest.mark.parametrize(
    "text", ["Storm hits coast.", '"We will rebuild every house," the mayor said on Friday.']
)
def test_a_story_with_no_brief_sentence_is_briefed_by_its_opening(
    pipeline: Pipeline, text: str
) -> None:
    """Too short for a brief sentence, or a quote: the brief is the opening, not empty."""
    from parallax.models import Article

    article = Article("a" * 12, "t", text)
    [analysis] = pipeline.nlp.analyse([article], entities=False)
    story = StoryText(
        [article], [analysis], SentenceVectors([article], [analysis], pipeline.embedder)
    )
    [sentence] = summarise(story, BriefOptions(words=40)).sentences
    span = sentence.citations[0]
    assert sentence.text == text[span.start : span.end] == text


def test_a_story_of_one_article_is_analysed_and_briefed_without_embedding_its_body(
    pipeline: Pipeline,
) -> None:
    """A one-article story compares nothing across sources and is briefed by its lead, so the full
    analysis embeds no more of it than grouping's lead sentences; a story of several articles still
    has every sentence embedded, once."""
    articles, _ = pipeline.read([str(KHARKIV)])
    recording = _Recording(pipeline.embedder)
    pipe = Pipeline(PipelineOptions(), pipeline.nlp, recording)
    [one] = pipe.brief(articles[:1]).stories
    analysis = pipe.nlp.analyse(articles[:1])[0]
    assert len(analysis.sentences) > 12
    assert len(recording.texts) <= 6, "at most the lead, for the story's headline"
    texts = [s.text for s in one.brief.sentences]
    sentences = [articles[0].text[s:e] for s, e in analysis.sentences]
    positions = [next(i for i, t in enumerate(sentences) if text in t) for text in texts]
    assert positions == sorted(positions) and positions[0] <= 1, "the lead, in order"
    assert one.facts and all(len(f.support) == 1 for f in one.facts)

    recording.texts.clear()
    [_story] = pipe.brief(articles).stories
    analyses = pipe.nlp.analyse(articles)
    every = [a.text[s:e] for a, an in zip(articles, analyses, strict=True) for s, e in an.sentences]
    assert set(recording.texts) == set(every)


def test_a_lead_brief_skips_repeats_keeps_an_overlong_lead_and_fills_after_the_last() -> None:
    from parallax.summarise import Candidate, _lead

    sentences = [
        "Fire crews from three towns were called to the harbour after midnight.",
        "The blaze destroyed two warehouses and a boat shed near the pier.",
        "Fire crews from three towns were called to the harbour after midnight.",
        "But the pier itself was saved.",
        "No one was hurt, the fire service said on Sunday morning.",
        "Police have opened an inquiry into the cause of the fire.",
    ]
    text = " ".join(sentences)
    cands, at = [], 0
    for position, sentence in enumerate(sentences):
        start = text.index(sentence, at)
        at = start + len(sentence)
        words = len(sentence.split())
        cands.append(Candidate(0, start, at, position, words, sentence.startswith("But")))
    picked, extra = _lead(cands, text, BriefOptions(words=30))
    assert picked == [0, 1], "in order, the repeated paragraph and the 'But' left out"
    assert extra is None
    picked, extra = _lead(cands, text, BriefOptions(words=30, fill=True))
    assert (picked, extra) == ([0, 1], 4), "the fill is the next sentence after the last taken"
    long_lead = replace(cands[0], words=25)  # as if the lead ran to 25 words
    picked, extra = _lead([long_lead, *cands[1:]], text, BriefOptions(words=20))
    assert (picked, extra) == ([0], None), "a lead longer than the budget stands alone, whole"


@pytest.mark.parametrize("budget", [{"words": 60}, {"sentences": 1}, {"words": 150}])
def test_a_short_brief_still_holds_the_fact_the_sources_share(
    pipeline: Pipeline, budget: dict[str, int]
) -> None:
    """Three of Kharkiv's reports: at 60 words, or one sentence, the brief had packed background
    lines and left out Biden's permission, which all three carry."""
    paths = [str(p) for p in sorted(KHARKIV.glob("*.txt"))[:3]]
    brief_only = replace(pipeline.opts, analysis=False)
    articles, _ = Pipeline(brief_only).read(paths)
    opts = replace(brief_only, brief=BriefOptions(**budget))
    [story] = Pipeline(opts).brief(articles).stories
    assert max(s.independent_sources for s in story.brief.sentences) == 3


@pytest.mark.parametrize(
    ("sentence", "stands"),
    [
        ("Texas Sen. Ted Cruz also has 17 delegates in all.)", False),  # a bracket opened before
        ("(Sen. Ted Cruz of Texas has 17 delegates in all, with more to come.", False),
        ("Sen. Ted Cruz (R-Texas) has 17 delegates in all, with more to come.", True),
    ],
)
def test_a_sentence_with_half_a_bracket_is_no_brief_sentence(sentence: str, stands: bool) -> None:
    from parallax.models import Article
    from parallax.summarise import _candidate

    article = Article("0" * 12, "t", sentence)
    assert (_candidate(article, 0, 0, len(sentence), 3, BriefOptions()) is not None) is stands


def test_a_tally_of_another_day_is_no_confirmation(pipeline: Pipeline) -> None:
    """Like wording with other numbers weeks apart is another point: the brief's sentence cites
    and counts only its own source (a review found "Clinton has 503 delegates" marked as carried
    by three sources, with the tallies of later weeks)."""
    from parallax.models import Article

    texts = [
        (
            "2016-02-20",
            "Including superdelegates, Tom Vell has 503 delegates and Ada Brook has 70.",
        ),
        (
            "2016-03-21",
            "Including superdelegates, Tom Vell has 1,163 delegates and Ada Brook has 844.",
        ),
    ]
    articles = [
        Article(str(i) * 12, str(i), f"{text} The race for the nomination goes on.", published=day)
        for i, (day, text) in enumerate(texts)
    ]
    opts = replace(pipeline.opts, single_story=True, analysis=False, brief=BriefOptions(words=40))
    [story] = Pipeline(opts, pipeline.nlp, pipeline.embedder).brief(articles).stories
    tallies = [s for s in story.brief.sentences if "delegates" in s.text]
    assert tallies and all(len(s.citations) == 1 for s in tallies)
    assert all(s.independent_sources == 1 for s in tallies)


@pytest.mark.parametrize(
    ("first", "second", "cited"),
    [
        # of one day, "today" and "tomorrow" are two days: two events, whatever the wording
        (
            "The Lindham ferry resumes its crossings to Oster today after the hull repairs.",
            "The Lindham ferry resumes its crossings to Oster tomorrow after the hull repairs.",
            False,
        ),
        (
            "The Lindham ferry resumed its crossings to Oster on Monday after the hull repairs.",
            "A year ago, the Lindham ferry resumed its crossings to Oster after hull repairs.",
            False,
        ),
        # the day a source said it is not the day it tells of
        (
            "The Lindham ferry resumed its crossings to Oster on Monday after the hull repairs.",
            "The Lindham ferry resumed its crossings to Oster after the hull repairs, its operator "
            "said on Tuesday.",
            True,
        ),
    ],
)
def test_like_wording_of_other_days_is_no_confirmation(
    pipeline: Pipeline, first: str, second: str, cited: bool
) -> None:
    from parallax.models import Article

    articles = [
        Article(
            str(i) * 12, str(i), f"{text} Passengers queued at the quay.", published="2025-04-08"
        )
        for i, text in enumerate([first, second])
    ]
    opts = replace(pipeline.opts, single_story=True, analysis=False, brief=BriefOptions(words=20))
    [story] = Pipeline(opts, pipeline.nlp, pipeline.embedder).brief(articles).stories
    [lead] = [s for s in story.brief.sentences if "ferry" in s.text]
    assert (len(lead.citations) == 2) is cited
    assert lead.independent_sources == (2 if cited else 1)


def _brief_only(pipeline: Pipeline, words: int) -> Pipeline:
    """The session's models, briefing in ``words`` words without the analysis."""
    return Pipeline(
        PipelineOptions(brief=BriefOptions(words=words), analysis=False),
        pipeline.nlp,
        pipeline.embedder,
    )


def test_a_pages_line_left_inside_a_paragraph_is_no_point_or_fact(pipeline: Pipeline) -> None:
    from parallax.models import Article

    footer = "Visit the Portmere Gazette's homepage for more stories."
    texts = [
        "The Lindham ferry resumed service on Monday after three weeks of hull repairs in the dock. "
        f"Fares stay as they were for now, the operator said. {footer}",
        "After weeks of work on the damaged hull, the Lindham ferry resumed service on Monday with "
        f"a full timetable, the operator said. {footer}",
        f"Passengers were glad when the Lindham ferry resumed service on Monday. {footer}",
    ]
    articles = [Article(str(i) * 12, f"{i}.txt", t) for i, t in enumerate(texts)]
    pipe = Pipeline(
        PipelineOptions(brief=BriefOptions(words=60), single_story=True),
        pipeline.nlp,
        pipeline.embedder,
    )
    story = pipe.brief(articles).stories[0]
    assert story.brief.sentences
    assert not any("homepage" in s.text for s in story.brief.sentences)
    assert not any("homepage" in f.text for f in story.facts)
    assert all(a.text.endswith(footer) for a in articles), "the text keeps it: spans stay valid"


_VOTE = "The Lindham council voted on Monday to close the east pier of the harbour for repairs"
_BBC_VOTE = (
    "Lindham's council voted on Monday to shut the harbour's east pier for repairs "
    "until the end of June. Ferries will use the west pier."
)


def _vote_story(
    pipeline: Pipeline,
    texts: list[tuple[str, str]],
    words: int = 25,
    published: str = "2024-05-20",
) -> Story:
    """A ``words``-word brief of one story of these (outlet, text) articles, all of one day."""
    from parallax.models import Article

    articles = [
        Article(str(i) * 12, f"{i}.txt", text, outlet=outlet, published=published)
        for i, (outlet, text) in enumerate(texts)
    ]
    pipe = Pipeline(
        PipelineOptions(brief=BriefOptions(words=words), single_story=True),
        nlp=pipeline.nlp,
        embedder=pipeline.embedder,
    )
    return pipe.brief(articles).stories[0]


def test_a_sentence_crediting_an_outlet_does_not_confirm_that_outlet(pipeline: Pipeline) -> None:
    """As in the facts: "..., Reuters reported." is Reuters' report, not a second source for it."""
    story = _vote_story(
        pipeline,
        [
            (
                "Reuters",
                f"{_VOTE} until the end of June. Engineers found cracks in the timber beams.",
            ),
            (
                "Lindham Courier",
                f"{_VOTE} until the end of June, Reuters reported. Traders were angry.",
            ),
            ("BBC", _BBC_VOTE),
        ],
    )
    assert any(d.kind == "cites" for d in story.derivations)
    [lead] = [s for s in story.brief.sentences if "voted" in s.text]
    assert len({c.article_id for c in lead.citations}) == 3
    assert lead.independent_sources == 2, "Reuters and the BBC; the Courier tells Reuters' report"


def test_a_first_hand_report_is_shown_before_one_resting_on_unnamed_reports(
    pipeline: Pipeline,
) -> None:
    """An aggregator's "..., according to reports." says what others reported without naming them:
    when another source carries the same point first-hand, the brief shows that one (and cites both)."""
    story = _vote_story(
        pipeline,
        [
            (
                "Aggregator",
                f"{_VOTE} until the end of June, according to reports. Traders were angry.",
            ),
            ("Reuters", f"{_VOTE} until June. Engineers found cracks in the timber beams."),
            ("BBC", _BBC_VOTE),
        ],
    )
    [lead] = [s for s in story.brief.sentences if "voted" in s.text]
    assert "according to reports" not in lead.text
    assert "0" * 12 in {c.article_id for c in lead.citations}


def test_an_article_crediting_an_outlet_does_not_confirm_itself(pipeline: Pipeline) -> None:
    """Its credited sentence is the outlet's report, but it is still the same article: a restatement
    of the point later in that article is confirmed only by the other article."""
    from parallax.config import BriefOptions
    from parallax.models import Article
    from parallax.summarise import _carried, _similarities, candidates

    texts = [
        f"{_VOTE}, Reuters reported. {_VOTE} until the end of June.",
        "The council in Lindham voted on Monday to close the harbour's east pier for repairs.",
    ]
    articles = [Article(str(i) * 12, f"{i}.txt", t) for i, t in enumerate(texts)]
    analyses = pipeline.nlp.analyse(articles)
    story = StoryText(
        articles,
        analyses,
        SentenceVectors(articles, analyses, pipeline.embedder),
        {a.id: i for i, a in enumerate(articles)},
        None,
        {(0, 0): "outlet:Reuters"},
    )
    opts = BriefOptions()
    cands = candidates(story, opts)
    assert [(c.article, c.position) for c in cands] == [(0, 0), (0, 1), (1, 0)]
    carried = _carried(cands, _similarities(story, cands, range(len(cands))), story, opts)
    assert carried.tolist() == [1.0, 1.0, 2.0]


def test_hearsay_anchors_the_brief_only_when_nothing_first_hand_tells_its_fact() -> None:
    import numpy as np

    from parallax.summarise import Candidate, _anchor

    hearsay = Candidate(0, 0, 60, 0, 12, False, hearsay=True)
    other_fact = Candidate(1, 0, 60, 0, 12, False)
    sims = np.array([[1.0, 0.2], [0.2, 1.0]], dtype=np.float32)
    opts = BriefOptions(words=100)
    # the best-attested fact is told only as hearsay: it stays the anchor
    assert _anchor([hearsay, other_fact], [0, 1], np.array([3.0, 1.0]), sims, opts, 3) == (0,)
    # a first-hand sentence of the same fact, confirmed by one source fewer, anchors instead
    alike = np.array([[1.0, 0.9], [0.9, 1.0]], dtype=np.float32)
    assert _anchor([hearsay, other_fact], [0, 1], np.array([3.0, 2.0]), alike, opts, 3) == (1,)


@pytest.mark.parametrize(
    ("sentence", "hearsay"),
    [
        ("The council voted to close the pier, according to reports.", True),
        (
            "The council voted to close the pier, according to reports by The Lindham Courier.",
            False,
        ),
        ("The harbour master said a ferry was reported missing on Monday.", False),
    ],
)
def test_what_counts_as_hearsay(pipeline: Pipeline, sentence: str, hearsay: bool) -> None:
    from parallax.models import Article
    from parallax.summarise import candidates

    article = Article("0" * 12, "a.txt", sentence)
    analyses = pipeline.nlp.analyse([article])
    story = StoryText([article], analyses, SentenceVectors([article], analyses, pipeline.embedder))
    [cand] = candidates(story, BriefOptions())
    assert cand.hearsay is hearsay


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        (
            "The Republican Party had a good night, and the Democratic Party had a terrible one.",
            True,
        ),
        (
            "If only a few delegates are at stake, the campaign said, it may not take that step.",
            True,
        ),
        ("Despite this change, the council keeps the west pier shut for ferries on Monday.", True),
        ("The Lindham council voted on Monday to close the east pier for repairs.", False),
        # "that" opening a clause before a plural noun points at nothing
        ("The harbour master said that changes to the ferry timetable would follow.", False),
        ("The council said one of the two piers would stay open on Monday.", False),
    ],
)
def test_a_sentence_pointing_back_is_treated_as_a_connective(
    pipeline: Pipeline, sentence: str, leans: bool
) -> None:
    """It points at what the sentence before it said, which the brief may not show."""
    from parallax.models import Article
    from parallax.summarise import candidates

    article = Article("0" * 12, "a.txt", sentence)
    analyses = pipeline.nlp.analyse([article])
    story = StoryText([article], analyses, SentenceVectors([article], analyses, pipeline.embedder))
    [cand] = candidates(story, BriefOptions())
    assert cand.connective is leans


def test_the_brief_shows_the_originals_sentence_not_its_copys(pipeline: Pipeline) -> None:
    """A paper that runs another's report word for word tells nothing the original does not: the
    brief shows and cites first the original's sentence."""
    from parallax.models import Article

    report = (
        "The Lindham council voted on Monday to close the east pier of the harbour for repairs "
        "until the end of June. Engineers found cracks in the timber beams under the pier. "
        "Ferries will use the west pier in the meantime, the harbour master said."
    )
    texts = [
        ("Lindham Courier", report, "2024-05-21"),  # the copy, read first
        ("Lindham Post", report, "2024-05-20"),
        (
            "BBC",
            "Lindham's ferries will use the west pier while the east pier is shut.",
            "2024-05-20",
        ),
    ]
    articles = [
        Article(str(i) * 12, f"{i}.txt", text, outlet=outlet, published=day)
        for i, (outlet, text, day) in enumerate(texts)
    ]
    pipe = Pipeline(
        PipelineOptions(brief=BriefOptions(words=60), single_story=True),
        nlp=pipeline.nlp,
        embedder=pipeline.embedder,
    )
    story = pipe.brief(articles).stories[0]
    assert any(d.kind == "duplicate" and d.source == "0" * 12 for d in story.derivations)
    assert story.brief.sentences
    assert all(s.citations[0].article_id != "0" * 12 for s in story.brief.sentences)


def test_the_original_is_shown_rather_than_a_sentence_crediting_it(pipeline: Pipeline) -> None:
    """ "..., Reuters reported." beside Reuters' own longer sentence of the point: the brief shows
    Reuters' sentence, though the relay packs the point in fewer words."""
    texts = [
        ("Reuters", f"{_VOTE} after engineers found cracks in its old timber beams last week."),
        ("Lindham Courier", f"{_VOTE}, Reuters reported. Traders were angry."),
        ("BBC", _BBC_VOTE),
    ]
    story = _vote_story(pipeline, texts, words=40)
    assert any(d.kind == "cites" for d in story.derivations)
    [lead] = [s for s in story.brief.sentences if "voted" in s.text]
    assert "Reuters reported" not in lead.text
    assert lead.citations[0].article_id == "0" * 12, "the sentence shown is Reuters' own"


def test_two_outlets_carrying_one_quotation_are_one_point() -> None:
    from parallax.summarise import _quoted_words, _share_a_quote

    first = _quoted_words(
        'Judge Helen Marsh said North Sound Ferries had shown "a shocking disregard for the '
        'safety of its passengers".'
    )
    second = _quoted_words(
        "Sentencing, the judge said the firm showed “a shocking disregard for the safety of "
        "passengers”."
    )
    assert _share_a_quote(first, second), "five words of one quotation in both"
    assert not _share_a_quote(first, _quoted_words('The firm called it "a fair ruling".'))
    assert not _share_a_quote(first, _quoted_words("No quotation here at all."))


def test_the_brief_tells_a_quoted_point_once(pipeline: Pipeline) -> None:
    """Two outlets' sentences of the judge's words, 0.64 alike by MiniLM: the brief shows one."""
    texts = [
        (
            "Coastal Post",
            "A ferry operator was fined £2 million on Thursday over a harbour crash. Judge Helen "
            'Marsh said North Sound Ferries had shown "a shocking disregard for the safety of its '
            'passengers".',
        ),
        (
            "Brenmouth Echo",
            "North Sound Ferries was fined £2 million on Thursday over the harbour crash. "
            'Sentencing, Judge Helen Marsh said the firm showed "a shocking disregard for the '
            'safety of passengers".',
        ),
    ]
    story = _vote_story(pipeline, texts, words=80, published="2025-06-13")
    assert sum("disregard" in s.text for s in story.brief.sentences) == 1


def test_a_straight_mark_closing_a_quotation_opens_none() -> None:
    from parallax.summarise import _quoted_words

    text = 'all," the chief executive of the regulator said on Monday, "and we will act."'
    assert _quoted_words(text) == [("and", "we", "will", "act")]
