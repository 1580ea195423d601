"""Quotes: speakers, split and partial quotes, indirect speech, variants across outlets, and the PolNeAR eval."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest

from parallax.models import Article, Report
from parallax.pipeline import Pipeline
from parallax.quotes import find_attributions, find_quotes, speaker_kind, word_diff
from parallax.verify import verify_report

from .conftest import SHARED

TEXT = (
    "“We got lucky with the wind,” Fire Chief Ilse Marren told reporters. “Another hour and the pier was gone.”\n\n"
    "The mayor, Ada Brook, said the port would reopen on Friday.\n\n"
    "“It is too early to say,” a senior port official said on condition of anonymity.\n\n"
    "Brook later said she would “adapt and adjust” the plan. “We will rebuild,” she said.\n\n"
    "The company said in a statement that it was cooperating with investigators."
)


@pytest.fixture(scope="module")
def found(pipeline: Pipeline) -> list[tuple[str, str | None, str, bool, bool]]:
    article = Article("0" * 12, "t", TEXT)
    [analysis] = pipeline.nlp.analyse([article])
    return [
        (a.content(TEXT), a.speaker, a.speaker_kind, a.direct, a.partial)
        for a in find_attributions(article, analysis)
    ]


def test_direct_quotes_and_their_speakers(
    found: list[tuple[str, str | None, str, bool, bool]],
) -> None:
    by_text = {t: (s, k, d, p) for t, s, k, d, p in found}
    split = "We got lucky with the wind, … Another hour and the pier was gone."
    assert by_text[split][:2] == ("Fire Chief Ilse Marren", "person"), (
        "a quote its attribution splits is one quote, with its speaker"
    )
    assert by_text["It is too early to say,"][1] == "anonymous"


def test_partial_quote_and_pronoun_resolution(
    found: list[tuple[str, str | None, str, bool, bool]],
) -> None:
    by_text = {t: (s, k, d, p) for t, s, k, d, p in found}
    speaker, _, direct, partial = by_text["adapt and adjust"]
    assert direct and partial and speaker == "Brook"
    assert by_text["We will rebuild,"][0] == "Brook", (
        "'she said' resolves to the nearest named speaker"
    )


def test_indirect_speech(found: list[tuple[str, str | None, str, bool, bool]]) -> None:
    indirect = {t: s for t, s, _, d, _ in found if not d}
    assert indirect.get("the port would reopen on Friday") == "mayor, Ada Brook" or any(
        "reopen on Friday" in t for t in indirect
    )
    assert any(s and "company" in s.lower() for s in indirect.values())


def _reported(pipeline: Pipeline, text: str) -> list[str]:
    """The contents of the reported statements (no direct quotes) of one article of ``text``."""
    article = Article("0" * 12, "t", text)
    [analysis] = pipeline.nlp.analyse([article])
    return [a.content(text) for a in find_attributions(article, analysis) if not a.direct]


def _speakers(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    """Each attribution's content -> its speaker, in one article of ``text``."""
    article = Article("1" * 12, "t", text)
    [analysis] = pipeline.nlp.analyse([article])
    return {a.content(text): a.speaker for a in find_attributions(article, analysis)}


def test_first_fragment_takes_the_speaker_named_after_the_last(pipeline: Pipeline) -> None:
    text = (
        "“The pier held up better than we feared” despite the heat, “and it will reopen soon,” "
        "port director Tomas Vell said on Thursday.\n\n"
        "“Nobody was hurt.” Later, “we will rebuild,” a spokesman said."
    )
    speakers = _speakers(pipeline, text)
    assert speakers["The pier held up better than we feared … and it will reopen soon,"] == (
        "Tomas Vell"
    ), "the two fragments are one quote, attributed after its last"
    assert speakers["Nobody was hurt."] is None, "a finished sentence does not borrow a speaker"
    assert speakers["we will rebuild,"] == "a spokesman"


def test_a_quote_repeated_in_one_article_is_one_variant(pipeline: Pipeline) -> None:
    texts = [
        "Brook said she would “adapt and adjust” the plan. Brook has promised to “adapt and adjust” before.",
        "Mayor Ada Brook said the council would “adapt and adjust” its budget.",
    ]
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    quotes = find_quotes(articles, pipeline.nlp.analyse(articles))
    repeated = [q for q in quotes if q.direct and q.text == "adapt and adjust"]
    assert len(repeated) == 1 and len(repeated[0].variants) == 2


def test_titles_scare_quotes_and_the_writers_voice_are_not_quotes(pipeline: Pipeline) -> None:
    text = (
        "The band will play “Listen To The Music,” “Black Water” and others, the promoter said.\n\n"
        "Critics called the service the “Netflix of games” before its launch.\n\n"
        "Prior to September, I would have said the new standard was too young to consider.\n\n"
        "Two small firms are said to be among the suppliers of the new keyboards."
    )
    article = Article("3" * 12, "t", text)
    [analysis] = pipeline.nlp.analyse([article])
    assert [text[a.start : a.end] for a in find_attributions(article, analysis)] == []


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        ("The minister earlier said: “The plan will fail.”", "The plan will fail.", "minister"),
        ("On Friday, Trump tweeted: “NO COLLUSION!”", "NO COLLUSION!", "Trump"),
        (
            "His family said the boy was found safe on Monday.",
            "the boy was found safe on Monday",
            "His family",
        ),
        (
            "Smith, who spoke before the committee, said the plan was sound.",
            "the plan was sound",
            "Smith",
        ),
        (
            "When Samsung announced the phones were shipping, stores sold out.",
            "the phones were shipping, stores sold out",
            "Samsung",
        ),
        ("She’s said the pier will reopen by Friday.", "the pier will reopen by Friday", "She"),
    ],
)
def test_speakers_in_the_shapes_news_writes_them(
    pipeline: Pipeline, text: str, quoted: str, speaker: str
) -> None:
    found = _speakers(pipeline, text)
    assert quoted in found and speaker in (found[quoted] or ""), found


def test_speakers_found_past_a_time_phrase_and_a_noun_that_looks_like_a_verb(
    pipeline: Pipeline,
) -> None:
    text = (
        "“The president wants a bigger deal than the little deal” announced in October, said Derek "
        "Scissors, a scholar in Washington.\n\n"
        "Big Machine has denied Swift’s claims, saying they were “shocking and false.”"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["The president wants a bigger deal than the little deal"] == "Derek Scissors"
    assert speakers["shocking and false."] == "Big Machine"


def test_a_short_unattributed_quote_joins_another_outlets_attributed_one(
    pipeline: Pipeline,
) -> None:
    texts = [
        "The mayor, Ada Brook, said the council would “adapt and adjust” its budget.",
        "The council hinted at a change, noting it would “adapt and adjust” its plans.",
        "Critics called the plan the “Netflix of budgets” on Monday.",
    ]
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    quotes = find_quotes(articles, pipeline.nlp.analyse(articles))
    [quote] = [q for q in quotes if q.direct]
    assert quote.text == "adapt and adjust" and len(quote.variants) == 2
    assert quote.speaker is not None and "Brook" in quote.speaker


def test_speaker_kinds() -> None:
    assert speaker_kind("two US officials", set()) == "anonymous"
    assert speaker_kind("Secretary of State Antony Blinken", set()) == "person"
    assert speaker_kind("the Defense Ministry", set()) == "organisation"
    assert speaker_kind(None, set()) == "unknown"
    assert speaker_kind("The S.E.C.", set()) == speaker_kind("NATO", set()) == "organisation"


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        # a plural common noun heads the phrase: the names after it say which, no one is named
        ("Some countries including Britain and the Netherlands", "organisation"),
        ("Several cast members", "anonymous"),
        ("Experts on North Korea and nuclear nonproliferation", "anonymous"),
        ("Senate Republican leaders", "anonymous"),
        ("the lawyers", "anonymous"),
        # a capitalised word that looks plural is a name; records are no people
        ("Sanders", "person"),
        ("Secretary of State Antony Blinken", "person"),
        ("exit polls", "unknown"),
    ],
)
def test_a_plural_head_is_no_person(speaker: str, kind: str) -> None:
    assert speaker_kind(speaker, set()) == kind


def test_a_tex_quote_may_hold_an_apostrophe(pipeline: Pipeline) -> None:
    assert _quotes_of(pipeline, "``It's over,'' Ada Brook said on Monday at the quay.") == [
        ("It's over,", "Ada Brook", 1)
    ]


def test_word_diff_marks_changed_words() -> None:
    ops = word_diff("we got lucky with the wind", "we were lucky with the wind")
    assert {"op": "replace", "a": "got", "b": "were"} in ops


def test_word_diff_leaves_house_style_alone() -> None:
    # apostrophes, "U.S." against "US", a hyphen, capitals and the full stop closing a quote are style
    ops = word_diff(
        "we've adapted, and U.S.-supplied counter-fire will adjust",
        "We’ve adapted, and US-supplied counterfire will adjust.",
    )
    assert [op["op"] for op in ops] == ["equal"]
    assert ops[0]["b"].endswith("will adjust.")  # each side keeps its own spelling
    changed = word_diff("we've adapted and adjusted", "we’ve adapted and adjusted, too")
    assert {"op": "insert", "a": "", "b": "too"} in changed
    assert word_diff("it is adapting", "it's adapting")[0]["op"] == "replace"  # different words


def test_example_quote_variants_are_grouped_and_verbatim(example_report: Report) -> None:
    story = example_report.stories[0]
    texts = {a.id: a.text for a in example_report.articles}
    chief = [q for q in story.quotes if q.direct and q.speaker and "Marren" in q.speaker]
    assert chief and max(len(q.variants) for q in chief) >= 3, (
        "the chief's quote, worded by several outlets"
    )
    for quote in story.quotes:
        for v in quote.variants:
            spans = [(p.start, p.end) for p in v.parts] or [(v.start, v.end)]
            assert " … ".join(texts[v.article_id][a:b] for a, b in spans) == v.text
        assert len({v.article_id for v in quote.variants}) == len(quote.variants)
    reworded = max(chief, key=lambda q: len(q.variants))
    assert any(op["op"] != "equal" for v in reworded.variants for op in v.diff), (
        "wording variants differ"
    )


def test_kharkiv_quote_reworded_across_outlets(kharkiv_report: Report) -> None:
    quotes = kharkiv_report.stories[0].quotes
    top = max(quotes, key=lambda q: len(q.variants))
    assert len(top.variants) >= 3 and top.speaker_kind in ("anonymous", "person")
    outlets = {kharkiv_report.article(v.article_id).outlet for v in top.variants}
    assert len(outlets) >= 2


def test_eval_quotes_beats_textacy_on_a_polnear_sample(tmp_path: Path) -> None:
    from parallax.eval.quotes import evaluate

    dev = SHARED / "eval" / "polnear" / "dev"
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    for ann in sorted((dev / "attributions").glob("*.ann"))[:12]:
        shutil.copy(ann, tmp_path / "attributions")
        stem = ann.stem.rsplit("_", 1)[0]
        shutil.copy(dev / "text" / f"{stem}.txt", tmp_path / "text")
    result = evaluate(tmp_path)
    rows = {r["system"]: r for r in result["rows"]}
    ours, textacy = rows["parallax"], rows["textacy direct_quotations"]
    assert result["documents"] == 12 and ours["gold"] == textacy["gold"] > 0
    assert ours["f1"] >= textacy["f1"] + 10
    assert ours["speaker_accuracy"] >= 60


def test_he_after_a_speaker_described_by_role_is_that_speaker(pipeline: Pipeline) -> None:
    said = _speakers(
        pipeline,
        "“Nothing prepares you for the office,” the two-term president said. "
        "“Until you have sat at that desk, you do not know,” he added. "
        "“We will rebuild the pier,” the report said. “It takes time,” she said.",
    )
    assert said["Until you have sat at that desk, you do not know,"] == "the two-term president"
    assert said["It takes time,"] == "she", "a role stops counting once another speaker comes"


def test_a_paragraph_of_quote_alone_goes_on_with_the_speaker_before(pipeline: Pipeline) -> None:
    said = _speakers(
        pipeline,
        "“The pier held up,” port director Tomas Vell said. “It will reopen soon.”\n\n"
        "“Nobody on the night shift was hurt, and the cranes are intact.”\n\n"
        "The council met on Friday.\n\n"
        "“We need a new pier,” one resident said.\n\n"
        "Another resident disagreed. “Repairs are enough.”",
    )
    assert (
        said["Nobody on the night shift was hurt, and the cranes are intact."]
        == said["The pier held up, … It will reopen soon."]
    )
    assert said["The pier held up, … It will reopen soon."] == "Tomas Vell"
    assert said.get("Repairs are enough.") is None, "prose between: not a continuation"


def test_speakers_with_titles_initials_and_asides(pipeline: Pipeline) -> None:
    said = _speakers(
        pipeline,
        '"It was the least bad outcome," Mr. Morgan of the Harbour Trust said.\n\n'
        '"Is it over? She should resign!" the presumptive nominee, Ada Brook, tweeted Sunday.\n\n'
        '"Nobody should be shut out," Ines Varga, director of the tenants group, said.\n\n'
        "“He had a lot of supporters,” Vell, after a long pause, said of Brook.\n\n"
        '"We will appeal," said Tomas R. Vell Jr. on Monday.\n\n'
        '"Fine," said Brook, who leads the council.\n\n'
        'One resident, Petra Solberg, 34, said: "The whole sky was orange."\n\n'
        '"The veto will be overridden," Council Leader Ines Varga, R-Ost., said Tuesday.\n\n'
        'Brook, via the Oster Post, said that the board "cannot keep the ferry running for ever."',
    )
    assert said["It was the least bad outcome,"] == "Mr. Morgan of the Harbour Trust"
    assert said["Is it over? She should resign!"] == "Ada Brook"
    assert said["Nobody should be shut out,"] == "Ines Varga"
    assert said["He had a lot of supporters,"] == "Vell"
    assert said["We will appeal,"] == "Tomas R. Vell Jr."
    assert said["The whole sky was orange."] == "Petra Solberg", "not her age"
    assert said["The veto will be overridden,"] == "Council Leader Ines Varga", "party and state"
    assert said["cannot keep the ferry running for ever."] == "Brook", "not where it was read"
    assert all(not (s or "").startswith(("“", '"')) for s in said.values()), (
        "a quoted word speaks not"
    )


def test_reported_speech_speakers_past_titles_asides_and_openings(pipeline: Pipeline) -> None:
    said = _speakers(
        pipeline,
        "Mr. Vell said the pier would reopen in May.\n\n"
        "The S.E.C. said it would look into the port's accounts.\n\n"
        "Ines Varga, a former harbour master who ran the port from 2009 until last year, said the "
        "cranes were older than the pier.\n\n"
        "Too often, Ada Brook said, the council waits for a disaster.\n\n"
        "But Mr. Vell said the repairs would be paid for by the port.\n\n"
        "Mr. Vell has since said that the repairs would take a year.\n\n"
        "Petra Solberg, 34, who lives by the quay, says she heard the crash at night.\n\n"
        "One council ad, which is airing this week, argues that “only the port can pay for it.”",
    )
    assert said["the pier would reopen in May"] == "Mr. Vell"
    assert said["it would look into the port's accounts"] == "The S.E.C."
    assert said["the cranes were older than the pier"] == "Ines Varga"
    assert said["the council waits for a disaster"] == "Ada Brook"
    assert said["the repairs would be paid for by the port"] == "Mr. Vell"
    assert said["the repairs would take a year"] == "Mr. Vell"
    assert said["she heard the crash at night"] == "Petra Solberg"
    assert said["only the port can pay for it."] == "One council ad"


def test_a_speaker_in_an_aside_after_the_verb(pipeline: Pipeline) -> None:
    said = _speakers(
        pipeline,
        "The key to the port's success, says Ada Brook, is its cheap cranes.\n\n"
        "The harbour, said port director Tomas Vell, needs new cranes.\n\n"
        "The mayor, Ada Brook, said the pier would reopen in May.",
    )
    assert said["The key to the port's success"] == "Ada Brook"
    assert said["The harbour"] == "Tomas Vell"
    assert said["the pier would reopen in May"] == "The mayor, Ada Brook", "a name in apposition"


def test_a_participle_attributes_a_quote_to_its_clause_subject(pipeline: Pipeline) -> None:
    said = _speakers(
        pipeline,
        'Vell hit back, saying "the mayor has no plan at all."\n\n'
        'Ada Brook is telling voters at the market that "the pier will reopen."\n\n'
        "The mayor rejected the plan on Monday, saying it was too costly for the town.",
    )
    assert said["the mayor has no plan at all."] == "Vell"
    assert said["the pier will reopen."] == "Ada Brook"
    assert "it was too costly for the town" not in said, "no speaker phrase to cut out whole"


def test_what_follows_a_participle_or_a_new_speaker_is_not_the_speaker(pipeline: Pipeline) -> None:
    said = _speakers(
        pipeline,
        "He called the deal “a disaster for the town,” telling the crowd that he would scrap it.\n\n"
        "“It is over,” she kept telling herself.\n\n"
        "The newly elected mayor hit back, saying “the plan is dead.”\n\n"
        "Vell said, without saying why, that “the deal is dead now.”\n\n"
        "“We will appeal the ruling,” Smith said. Jones, the other candidate, disagreed.\n\n"
        "“The ruling is final and fair.”\n\n"
        "“We will see,” Nancy Brook, D-Ost., said.",
    )
    assert said["a disaster for the town,"] != "the crowd"
    assert said["It is over,"] in (None, "she"), "not “she kept”"
    assert said["the plan is dead."] is None, (
        "no name opens the clause: no speaker, not a wrong one"
    )
    assert said["the deal is dead now."] == "Vell"
    assert said["The ruling is final and fair."] != "Smith", "Jones spoke last"
    assert said["We will see,"] == "Nancy Brook"


def _quotes_of(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, int]]:
    """Each direct quote of one article of ``text``: its words, speaker and number of fragments."""
    article = Article("2" * 12, "t", text)
    [analysis] = pipeline.nlp.analyse([article])
    return [
        (a.content(text), a.speaker, len(a.pieces()))
        for a in find_attributions(article, analysis)
        if a.direct
    ]


def test_a_quote_its_attribution_interrupts_is_one_quote(pipeline: Pipeline) -> None:
    assert _quotes_of(
        pipeline, "“The pier held,” Ada Brook said, “and the cranes are intact.” The port is shut."
    ) == [("The pier held, … and the cranes are intact.", "Ada Brook", 2)]
    assert _quotes_of(
        pipeline, "“We will rebuild,” Mr. Vell said. “It will take a year.” The port is shut."
    ) == [("We will rebuild, … It will take a year.", "Mr. Vell", 2)], (
        "an abbreviation's full stop does not end the attribution"
    )


def test_an_archives_doubled_apostrophes_quote_like_marks(pipeline: Pipeline) -> None:
    text = (
        "The damage to the port would be much larger. ''If the pier goes, of course we lose the "
        "ferry,'' Mr. Vell said. ''We have no other way across.'' A 12'' pipe burst on Monday."
    )
    assert _quotes_of(pipeline, text) == [
        (
            "If the pier goes, of course we lose the ferry, … We have no other way across.",
            "Mr. Vell",
            2,
        )
    ]


def test_fragments_of_two_turns_stay_two_quotes(pipeline: Pipeline) -> None:
    for text in (
        "“The pier held,” Ada Brook said. “It did not,” Tomas Vell said.",
        "“The pier held,” the mayor said. “We will rebuild it,” she added.",
        "“The pier held,” Ada Brook said. Then she left the room. “We will rebuild it.”",
        "“The pier held,” Ada Brook said.\n\n“We will rebuild it,” Tomas Vell said.",
    ):
        quotes = _quotes_of(pipeline, text)
        assert len(quotes) == 2 and all(n == 1 for _, _, n in quotes), text


def test_a_split_quote_and_a_whole_one_are_variants_of_one_quote(pipeline: Pipeline) -> None:
    texts = [
        "“The pier held up better than we feared,” Ada Brook said. “We will rebuild the east side.”",
        "Mayor Ada Brook said: “The pier held up better than we feared. We will rebuild the east side.”",
    ]
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    quotes = [q for q in find_quotes(articles, pipeline.nlp.analyse(articles)) if q.direct]
    assert len(quotes) == 1 and len(quotes[0].variants) == 2
    split = next(v for v in quotes[0].variants if v.parts)
    assert [texts[0][p.start : p.end] for p in split.parts] == [
        "The pier held up better than we feared,",
        "We will rebuild the east side.",
    ]
    data = {
        "articles": [a.to_dict() for a in articles],
        "stories": [{"quotes": [q.to_dict() for q in quotes]}],
    }
    assert verify_report(data) == []
    index = quotes[0].variants.index(split)
    assert all(op["op"] == "equal" for v in quotes[0].variants for op in v.diff), (
        "split where one outlet's attribution stood, the words are the same"
    )
    variant = data["stories"][0]["quotes"][0]["variants"][index]
    moved = copy.deepcopy(data)
    moved["stories"][0]["quotes"][0]["variants"][index]["parts"][0]["start"] += 1
    assert any("text is not its parts' texts joined" in p for p in verify_report(moved))
    outside = copy.deepcopy(data)
    outside["stories"][0]["quotes"][0]["variants"][index]["end"] = variant["parts"][0]["end"]
    assert any("outside the variant's span" in p for p in verify_report(outside))
    swapped = copy.deepcopy(data)
    parts = swapped["stories"][0]["quotes"][0]["variants"][index]["parts"]
    parts.reverse()
    swapped["stories"][0]["quotes"][0]["variants"][index]["text"] = " … ".join(
        texts[0][p["start"] : p["end"]] for p in parts
    )
    assert any("out of order" in p for p in verify_report(swapped))


def test_a_lower_case_speaker_or_single_marks_still_make_one_split_quote(
    pipeline: Pipeline,
) -> None:
    for text, speaker in (
        ("“The pier held,” she said, “and the cranes are intact.”", "she"),
        ("“The pier held,” the mayor said, “and the cranes are intact.”", "the mayor"),
        ("‘The pier held,’ Ada Brook said, ‘and the cranes are intact, thankfully.’", "Ada Brook"),
    ):
        [(words, said, fragments)] = _quotes_of(pipeline, text)
        assert (said, fragments) == (speaker, 2) and words.startswith("The pier held, … and"), text


def test_a_quote_with_its_own_unread_attribution_is_no_continuation(pipeline: Pipeline) -> None:
    quotes = _quotes_of(
        pipeline, "“The pier held,” Ada Brook said. “Will it reopen?” a resident shouted."
    )
    assert [(w, n) for w, _, n in quotes] == [("The pier held,", 1), ("Will it reopen?", 1)]
    assert quotes[1][1] != "Ada Brook", "the resident's question is not the mayor's"


def test_quotes_and_speakers_in_the_review_cases(pipeline: Pipeline) -> None:
    assert _quotes_of(
        pipeline, '"We are closing the gate," she said. "Who let you in here?" a guard shouted.'
    ) == [("We are closing the gate,", "she", 1), ("Who let you in here?", None, 1)]
    assert _quotes_of(pipeline, "''Why not do it now?'' he asked the board.") == [
        ("Why not do it now?", "he", 1)
    ]
    assert _quotes_of(
        pipeline, "''We got lucky with the wind. Another hour and the pier was gone,'' she said."
    ) == [("We got lucky with the wind. Another hour and the pier was gone,", "she", 1)]
    said = _speakers(
        pipeline,
        "However, the port's chief executive, who took over the troubled firm last spring after "
        "its founder left, said profits would rise.\n\n"
        "In a statement, the ministry of health, which runs the clinics, said supplies would come.\n\n"
        "Its first ferry could sail this week, said Tomas Vell, a longtime adviser.\n\n"
        "Mr. Vell, who was mayor, said the port would reopen.",
    )
    assert "However" not in said.values() and "profits would rise" not in said.values()
    assert said["supplies would come"] == "the ministry of health"
    assert said["Its first ferry could sail this week"] == "Tomas Vell"
    assert said["the port would reopen"] == "Mr. Vell"


def test_she_is_a_person_and_as_opens_a_comment_clause(pipeline: Pipeline) -> None:
    text = (
        "Ilse Marren said the pier had held. The video does not show whether the driver was armed, "
        "as police have said.\n\n"
        '"Do not shoot him," she says.\n\n'
        "As many as 20 residents said they heard the shots."
    )
    speakers = _speakers(pipeline, text)
    assert "police" in speakers.values() and "as police" not in speakers.values()
    assert speakers["Do not shoot him,"] == "Ilse Marren"  # not "police", the speaker before
    assert any(s and s.startswith("As many as 20") for s in speakers.values()), speakers


def test_a_name_keeps_the_quote_its_descriptions_stand_between(pipeline: Pipeline) -> None:
    text = (
        "Ilse Marren, the port director, a member of the harbour board, said the pier "
        '"cannot be left as it is."\n\n'
        "Tomas Vell, the chief executive of Vell Freight -- the company that runs the ferries, "
        "which also carry mail -- told reporters, “We will rebuild.”\n\n"
        "On Monday, the council said it would pay for repairs."
    )
    speakers = _speakers(pipeline, text)
    assert speakers["cannot be left as it is."] == "Ilse Marren"
    assert speakers["We will rebuild."] == "Tomas Vell"
    assert "the council" in speakers.values() or "council" in speakers.values(), speakers
    text = (
        "Instead, the study -- which notes that the fund would owe $2 million, "
        '"more than the port earns in a year," if taxed -- should worry the council.'
    )
    assert _speakers(pipeline, text)["more than the port earns in a year,"] == "the study"


def test_a_journalist_of_an_outlet_is_a_person() -> None:
    from parallax.quotes import speaker_kind

    assert speaker_kind("NBC’s Dante Chinni", set()) == "person"
    assert speaker_kind("NBC News", set()) == "organisation"
    assert speaker_kind("CNN's poll", set()) != "person"


def test_a_shared_subject_a_reporting_verb_before_and_they_as_a_body(pipeline: Pipeline) -> None:
    text = (
        "Ada Brook opened the pier at a ceremony sponsored by Vell Freight and said the town "
        'had "waited long enough."\n\n'
        "Ilse Marren spoke next. The harbour board issued a statement. The statement noted they had "
        'previously said they would act "without further delay."'
    )
    speakers = _speakers(pipeline, text)
    assert speakers["waited long enough."] in (None, "Ada Brook")  # not "Vell Freight and"
    assert speakers["without further delay."] == "they"  # not "The statement noted they"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # they: a body or a group, never a person; an unresolved "They" is nobody's antecedent
        ('The ministry said the pier "must close." They said repairs "will wait."', "The ministry"),
        ('Officials said the pier "must close." They said repairs "will wait."', "Officials"),
        (
            'Ada Brook said the pier "is safe." They said the repairs "will wait." She said the '
            'town "will pay."',
            "Ada Brook",
        ),
        # ... and only the body that spoke last: after another speaker, "they" is no one for sure;
        # the body's own "it added" is the same body speaking on
        (
            'The ministry said the pier "must close." Ada Brook said the delay "is too long." '
            'They said repairs "will wait."',
            "They",
        ),
        (
            'The ministry said the pier "must close." "Repairs will wait," it added. They said '
            'the cost "is high."',
            "The ministry",
        ),
        (
            'Ada Brook said the pier "is safe." The ministry said the pier "must close." It said '
            'repairs "will wait." On Tuesday, she said the town "cannot pay."',
            "Ada Brook",
        ),
        # opening phrases are no names before a description
        (
            'Late Friday, the ministry said the strike "killed at least four civilians."',
            "the ministry",
        ),
        ('Reached Monday, a spokesman said the plan "will go ahead."', "a spokesman"),
        ('Like Obama, the senator said the bill "is a mistake."', "the senator"),
        ('Moreover, the mayor said the pier "cannot stay."', "the mayor"),
        ('Theresa May, the prime minister, said the deal "is done."', "Theresa May"),
        ('Mr. Brook, the mayor, said the pier "is safe."', "Mr. Brook"),
        ('Brook, a Democrat, said the bill "is a mistake."', "Brook"),
        ('The company, Acme, said the pier "is safe."', "Acme"),
        # a reporting verb inside a relative clause is part of the subject
        (
            'A source who asked not to be named said the deal "is close."',
            "A source who asked not to be named",
        ),
        # an aside between dashes, with other dashes earlier in the sentence
        (
            "The pier -- built in 1902 -- is gone, and the mayor -- a former engineer -- said it "
            '"cannot be saved."',
            "the mayor",
        ),
    ],
)
def test_speakers_of_news_sentences(pipeline: Pipeline, text: str, speaker: str) -> None:
    found = _speakers(pipeline, text)
    assert list(found.values())[-1] == speaker, found


def test_a_party_a_hometown_and_a_counted_noun_are_not_speakers(pipeline: Pipeline) -> None:
    text = (
        "Ada Brook, a 55-year-old nurse from Sumter, South Carolina, says Vell will “leave here "
        "with momentum.”\n\n"
        "Rep. Tom Vell (D-N.Y.) said the party would “come together” after the vote.\n\n"
        "The Latest on the campaign, with primaries in five states (all times EST): Vell leads.\n\n"
        "The council's report states that the budget fell short."
    )
    speakers = _speakers(pipeline, text)
    assert speakers["leave here with momentum."] == "Ada Brook"
    assert speakers["come together"] == "Rep. Tom Vell"
    assert not any("five" in (s or "") for s in speakers.values())
    assert speakers["the budget fell short"] == "The council's report"


def test_he_after_a_sentence_naming_someone_new_is_that_person(pipeline: Pipeline) -> None:
    text = (
        "“The plan is sound,” said Governor Dan Vell.\n\n"
        "Hours later, Senator Ada Brook took the stage in Reno before a crowd of thousands.\n\n"
        "“Folks, let's go, let's have a big win,” she said.\n\n"
        "“We will keep going,” she added.\n\n"
        "“It is over,” Vell said. “We won,” he said."
    )
    speakers = _speakers(pipeline, text)
    assert speakers["The plan is sound,"] == "Governor Dan Vell"
    assert speakers["Folks, let's go, let's have a big win,"] == "Ada Brook"
    assert speakers["We will keep going,"] == "Ada Brook"
    assert speakers["We won,"] == "Vell"


def test_a_participle_after_a_that_clause_goes_with_the_main_clause(pipeline: Pipeline) -> None:
    text = (
        "Mayor Ada Brook had hinted on Monday that Tom Vell was changing course, saying that the "
        "council had “adapted and adjusted.”\n\n"
        "Vell hit back, saying the plan was “a joke” and would fail."
    )
    speakers = _speakers(pipeline, text)
    assert speakers["adapted and adjusted."] == "Ada Brook"
    assert speakers["a joke"] == "Vell"


def test_requests_agreements_passives_and_clauses_name_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "The mayor’s decision was first reported by the Harbour Courier.\n\n"
        "Still, the mayor remained cautious and asked for a full review before the final vote.\n\n"
        "The council met the following week, and they all agreed to move forward.\n\n"
        "Residents asked for help on May 13, and the mayor agreed in principle on May 15.\n\n"
        "Neighbours began changing tack and the harbour board quietly urged the city to act.\n\n"
        "The pier will close on Friday, according to two city officials who spoke to reporters."
    )
    speakers = set(_speakers(pipeline, text).values())
    officials = "two city officials who spoke to reporters"
    assert speakers <= {"the harbour board", officials, None}, speakers
    assert {"the harbour board", officials} <= speakers


def test_review_cases_of_the_speaker_rules(pipeline: Pipeline) -> None:
    """A he/she takes a person a sentence opens with, not one it names as object or owner; an age
    is no count before "claims"; a participle after a that-clause goes with the main clause's
    opening person, not one it addresses; a subject of two parts stays whole."""
    text = (
        "“We will win this state,” Ada Brook said at a rally.\n\n"
        "She criticized Tom Vell’s tax plan, calling it a giveaway.\n\n"
        "“It is a scam,” she said.\n\n"
        "Lena Holt, 45, claims she was fired for speaking out.\n\n"
        "The White House assured Sen. Ivo Marsh that the bill would pass, saying it had “the votes.”\n\n"
        "Two people briefed on the talks and a city official said the deal was close.\n\n"
        "The port asked for help on May 13, and the city agreed in principle, two officials said.\n\n"
        "The elderly say they feel abandoned by the city."
    )
    speakers = _speakers(pipeline, text)
    assert speakers["It is a scam,"] == "Ada Brook"
    assert speakers["she was fired for speaking out"] == "Lena Holt"
    assert speakers["the votes."] is None
    assert speakers["the deal was close"] == "Two people briefed on the talks and a city official"
    assert speakers["The port asked for help on May 13, and the city agreed in principle"] == (
        "two officials"
    )
    assert speakers["they feel abandoned by the city"] == "The elderly"


def test_second_review_cases_of_the_speaker_rules(pipeline: Pipeline) -> None:
    """A description may stand before the name a he/she means; a relative of the last speaker
    keeps their own name; a regular past tense after a name is a clause of its own."""
    cases = [
        (
            "“We need a change,” Ada Brook said.\n\nTom Brook took the stage in Reno on Sunday.\n\n"
            "“She has spent her life fighting for children,” he said.",
            "She has spent her life fighting for children,",
            "Tom Brook",
        ),
        (
            "“He is a liar,” Ivo Marsh said.\n\nRepublican front-runner Tom Vell took the stage.\n\n"
            "“Little Ivo is finished,” he said.",
            "Little Ivo is finished,",
            "Tom Vell",
        ),
        (
            "Russia massed troops near the border for weeks and U.S. officials warned that an "
            "invasion was near.",
            "an invasion was near",
            "U.S. officials",
        ),
    ]
    for text, quote, speaker in cases:
        assert _speakers(pipeline, text)[quote] == speaker, text


def test_a_name_that_says_whose_is_not_the_one_a_pronoun_means(pipeline: Pipeline) -> None:
    """ "the Clinton campaign is ..." names whose campaign, and "Clinton campaign manager Jeff
    Weaver" the manager: neither makes Clinton the "he" who speaks (both had been Clinton's)."""
    text = (
        "“They have a real problem if they lose the harbour wards,” said Tomas Reyes, who writes a "
        "newsletter on Vell's politics.\n\n"
        "Right now, the Clinton campaign is “doing everything it can to hold the wards,” he said.\n\n"
        "In a memo released as the polls closed, Clinton campaign manager Jeff Weaver acknowledged "
        "the loss, which was, he said, “the outcome we expected.”"
    )
    speakers = _speakers(pipeline, text)
    assert speakers["doing everything it can to hold the wards,"] == "Tomas Reyes"
    assert speakers["the outcome we expected."] == "Jeff Weaver"


def test_a_sentence_that_goes_on_past_a_quote_names_no_speaker_in_it(pipeline: Pipeline) -> None:
    """'“... for success” there and in states that vote in March, the memo stated': "there and in"
    (before the verb-like "states") is no speaker."""
    text = (
        "“We have built strong teams in each ward and we feel good about our prospects for success” "
        "there and in states that vote in March, the memo stated.\n\nThe council meets on Friday."
    )
    article = Article("0" * 12, "t", text)
    [analysis] = pipeline.nlp.analyse([article])
    [quote] = [a for a in find_attributions(article, analysis) if a.direct]
    assert quote.speaker != "there and in"
    aside = "The pollster is happy to be Vell's “silver standard,” says she warned about surprises."
    assert _speakers(pipeline, aside).get("silver standard,") != "says she"


def test_a_he_after_a_clause_that_opens_with_a_name_means_that_name(pipeline: Pipeline) -> None:
    """ "But as Mr. Sanders campaigned ..., he stuck to his message. “...,” he said": Sanders, not the
    agriculture secretary quoted before him."""
    text = (
        "“Some people want the town to change,” said Agriculture Secretary Tom Vilsack, who backs "
        "the mayor.\n\n"
        "But as Mr. Sanders campaigned on Friday in Washington, Iowa, he stuck firmly to his "
        "outsider message. “I like this Washington more than the other Washington,” he said."
    )
    speakers = _speakers(pipeline, text)
    assert speakers["I like this Washington more than the other Washington,"] == "Sanders"


def test_a_name_ending_like_a_preposition_still_speaks_and_roles_hold_in_a_clause(
    pipeline: Pipeline,
) -> None:
    text = (
        "“We will talk with the North,” Moon Jae-in said.\n\n"
        "“The race is close,” said Tomas Reyes, who writes a newsletter.\n\n"
        "As Clinton campaign manager Robby Mook regrouped in Iowa, he noted the mood. “They are "
        "worried,” he said."
    )
    speakers = _speakers(pipeline, text)
    assert speakers["We will talk with the North,"] == "Moon Jae-in"
    assert speakers["They are worried,"] == "Robby Mook"


def test_quoted_as_saying_is_the_verb_and_the_next_quote_follows_it(pipeline: Pipeline) -> None:
    text = (
        "The harbour master, Ada Brook, told the council on Monday that the pier would reopen. "
        '"There is no reason to keep it shut any longer," she is quoted as saying. "The repairs are '
        'done and the inspectors have signed them off." The pier closed in March after a storm.'
    )
    speakers = _speakers(pipeline, text)
    said = {k: v for k, v in speakers.items() if "no reason" in k or "signed them off" in k}
    assert said and all(v and v.endswith("Ada Brook") for v in said.values()), speakers


def test_straight_single_marks_quote_when_attributed(pipeline: Pipeline) -> None:
    text = (
        "'Back in service.'\n\n"
        "'We are glad to have our passengers back,' said Ines Varga, the operator's director. "
        "'It's been a long three weeks.'\n\n"
        "Mayor Tom Reyes said: 'The crossing is the town's lifeline.'\n\n"
        "The 'ghost ferry' stories of the '90s were never true, and rock 'n' roll played on."
    )
    assert _quotes_of(pipeline, text) == [
        (
            "We are glad to have our passengers back, … It's been a long three weeks.",
            "Ines Varga",
            2,
        ),
        ("The crossing is the town's lifeline.", "Mayor Tom Reyes", 1),
    ], "a tabloid's marks quote; an unattributed line in them, scare quotes and apostrophes do not"


def test_one_quote_under_descriptions_that_differ(pipeline: Pipeline) -> None:
    texts = [
        "“This is only the beginning,” Ukraine’s military intelligence chief said on Friday.",
        "“This is only the beginning,” Ukraine's military intelligence chief said.",
        "“This is only the beginning,” the agency's chief said.",
        "“This is only the beginning,” HUR chief Kyrylo Budanov said.",
        "“This is only the beginning,” Tomas Vell said of his new ferry.",
    ]
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    quotes = [q for q in find_quotes(articles, pipeline.nlp.analyse(articles)) if q.direct]
    assert sorted(len(q.variants) for q in quotes) == [1, 4], (
        "descriptions group with the one name given; another name does not"
    )
    four = next(q for q in quotes if len(q.variants) == 4)
    assert four.speaker is not None and "Budanov" in four.speaker
    assert speaker_kind("Ukraine's military intelligence chief", set()) == "person"
    assert speaker_kind("the agency's chief", set()) == "person"
    assert speaker_kind("a government spokesman", set()) == "anonymous"


def test_narration_around_a_speech_verb_is_no_reported_speech(pipeline: Pipeline) -> None:
    text = (
        "Although officials insist there is no formal ban, they have long made clear that such "
        "strikes could provoke a response, something that Governor Ada Brook has promised.\n\n"
        "Later on May 15, the mayor had a call with Chief Tomas Vell, who leads the fire service, "
        "Brook and Marren and asked them to move forward on the plan.\n\n"
        "While those concerns remain, the council moved to change course after the port cited the "
        "need, unions began changing tack and the harbour board quietly urged the council to allow "
        "such work.\n\n"
        "The town has responded with a mix of relief and concern."
    )
    assert _speakers(pipeline, text) == {}, (
        "a relative clause, a coordinated verb, a request and a reaction attribute no words"
    )


def test_a_trailing_attribution_with_its_when_or_where(pipeline: Pipeline) -> None:
    text = (
        "The pier will reopen on Friday, the mayor said on Thursday.\n\n"
        "The ferry will follow next week, Brook told reporters in Lindham.\n\n"
        "Ahead of a meeting of the harbour board in Lindham, port director Tomas Vell said "
        "repeatedly it was time for the council to reconsider those limits."
    )
    assert _speakers(pipeline, text) == {
        "The pier will reopen on Friday": "the mayor",
        "The ferry will follow next week": "Brook",
        "it was time for the council to reconsider those limits": "Tomas Vell",
    }


def test_a_speaker_is_named_in_full_as_the_story_names_them(pipeline: Pipeline) -> None:
    texts = [
        "Harbour master Jane Okafor said the pier would reopen. “The cranes held,” Okafor said.",
        "“We were lucky,” Ms. Okafor told reporters on Friday after the fire at the pier.",
        "Bill Clinton and Hillary Clinton visited the pier. “It is a miracle,” Clinton said.",
    ]
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    quotes = {q.text: q for q in find_quotes(articles, pipeline.nlp.analyse(articles))}
    assert quotes["The cranes held,"].speaker == "Okafor"
    assert quotes["The cranes held,"].speaker_name == "Jane Okafor"
    # a title before the surname is no first name; the full name comes from another outlet
    assert quotes["We were lucky,"].speaker_name == "Jane Okafor"
    # two Clintons in the story: "Clinton" alone is neither in full
    assert quotes["It is a miracle,"].speaker == "Clinton"
    assert quotes["It is a miracle,"].speaker_name is None


def test_the_full_name_fits_the_first_name_the_outlet_gives() -> None:
    from collections import Counter

    from parallax.quotes import full_name

    names = {"clinton": Counter({"Hillary Clinton": 5, "Bill Clinton": 2})}
    assert full_name("Democratic candidate Hillary Clinton", names) == "Hillary Clinton"
    assert full_name("Former President Bill Clinton", names) == "Bill Clinton"
    assert full_name("Mrs. Clinton", names) is None  # a title says nothing of which Clinton
    assert full_name("Chelsea Clinton", names) is None  # no such full name in the story
    assert full_name("Mr. Clinton and Mr. Gore", names) is None
    assert full_name("a US official", names) is None
    assert full_name("Germany’s Scholz", {"scholz": Counter({"Olaf Scholz": 1})}) == "Olaf Scholz"


def test_kharkiv_speakers_take_one_full_name_across_outlets(kharkiv_report: Report) -> None:
    [story] = kharkiv_report.stories
    named = [q for q in story.quotes if q.speaker_name]
    assert len(named) >= 8
    for q in named:
        assert q.speaker is not None
        # the outlet's own phrase ends with the surname of the full name shown
        assert re.sub(r"['’]s$", "", q.speaker.split()[-1]) == q.speaker_name.split()[-1]
    # "Blinken", "Antony Blinken" and "Secretary of State Antony Blinken" are one person
    blinken = {q.speaker for q in named if q.speaker_name == "Antony Blinken"}
    assert len(blinken) >= 3


def test_an_outlets_excerpt_joins_the_quote_others_give_whole(pipeline: Pipeline) -> None:
    whole = (
        "“The council has directed the port to reopen the north pier for ferry traffic as soon "
        "as the cranes are inspected and the fuel lines are cleared,” a council official said."
    )
    texts = [
        whole,
        whole.replace("the north pier", "its north pier").replace("ferry", "passenger"),
        # the excerpt is closer to the second outlet's wording than to the first's
        "The port may reopen “its north pier for passenger traffic as soon as the cranes are "
        "inspected,” an official said. The rules “have not changed,” the official added.",
        "“Our rules for the pier have not changed,” one official said on Friday.",
    ]
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    quotes = [q for q in find_quotes(articles, pipeline.nlp.analyse(articles)) if q.direct]
    [pier] = [q for q in quotes if "north pier" in q.text]
    assert [v.article_id for v in pier.variants] == ["0" * 12, "1" * 12, "2" * 12]
    # three words are anyone's: "have not changed" stays a quote of its own
    assert any(q.text.startswith("have not changed") for q in quotes)


def test_reported_speech_leaves_the_dateline_out(pipeline: Pipeline) -> None:
    text = (
        "LINDHAM — The port will reopen its north pier on Friday, two council officials said.\n\n"
        "The harbour master said the cranes had held."
    )
    contents = _reported(pipeline, text)
    assert "The port will reopen its north pier on Friday" in contents
    assert not any(c.startswith("LINDHAM") for c in contents)


def test_where_a_speaker_is_from_does_not_make_another_speaker(pipeline: Pipeline) -> None:
    line = "“The pier will be rebuilt stronger than it was before the fire,” {} said on Monday."
    texts = [
        line.format("Harbour master Jane Okafor of Portmere"),
        line.format("Harbour master Jane Okafor"),
        line.format("Rep. Jane Okafor (D-Portmere)"),
    ]
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    quotes = [q for q in find_quotes(articles, pipeline.nlp.analyse(articles)) if q.direct]
    [quote] = [q for q in quotes if "rebuilt" in q.text]
    assert len(quote.variants) == 3
    assert quote.speaker_name == "Jane Okafor"


@pytest.mark.parametrize(
    ("speaker", "key"),
    [
        ("Judge Adolphus Karibi-Whyte of Nigeria", "karibi-whyte"),
        ("Jim Smith of the Brookings Institution", "smith"),
        ("Rendell, a Clinton surrogate", "rendell"),
        # a post of a body is the post's: the name is the one after it
        ("Secretary of State Antony Blinken", "blinken"),
        ("Bank of America CEO Brian Moynihan", "moynihan"),
        ("Kinshasa, the private Congolese Airlines", "airlines"),
    ],
)
def test_speaker_key_is_the_surname_without_what_follows_it(speaker: str, key: str) -> None:
    from parallax.quotes import _speaker_key

    assert _speaker_key(speaker) == key


def test_two_statements_sharing_small_words_are_no_excerpt(pipeline: Pipeline) -> None:
    texts = [
        "“We are working closely with our allies, and we are not going to stop supporting Ukraine "
        "as it defends itself, and we will send more weapons to Ukraine,” Blinken said.",
        "“We are not going to send troops to Ukraine,” Blinken told reporters.",
    ]
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    quotes = [q for q in find_quotes(articles, pipeline.nlp.analyse(articles)) if q.direct]
    assert len(quotes) == 2


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # an adjective in -ly is what was said, no adverb of the saying
        ("Police said elderly residents were evacuated from the building.", "elderly residents"),
        # an adjunct opens the content, and a clause follows it
        ("Biden said after the meeting that talks had failed.", "after the meeting that talks"),
        ("The mayor said during a visit the pier will reopen.", "during a visit the pier"),
    ],
)
def test_reported_speech_after_an_adjunct_or_an_adjective(sentence: str, content: str) -> None:
    from parallax.quotes import _indirect_in

    found = _indirect_in(sentence)
    assert found is not None
    (start, end), _ = found
    assert sentence[start:end].startswith(content)


def test_only_the_articles_first_sentence_has_a_dateline(pipeline: Pipeline) -> None:
    text = (
        "The council met on Monday to talk about the pier and the harbour.\n\n"
        "NATO — and the European Union with it — will not send ships to Lindham, Okafor said."
    )
    contents = _reported(pipeline, text)
    assert any(c.startswith("NATO — and the European Union") for c in contents)


def test_a_speakers_role_does_not_keep_their_full_name_away() -> None:
    from collections import Counter

    from parallax.quotes import _indirect_in, full_name

    names = {"peskov": Counter({"Dmitry Peskov": 2})}
    assert full_name("Kremlin spokesman Dmitry Peskov", names) == "Dmitry Peskov"
    assert full_name("a Kremlin official", names) is None
    # a speaker of blanks after the comma is none, and no error
    assert _indirect_in("The plan is dead and buried,   said Brook.") is not None


def test_story_names_leave_titles_out_and_documents_name_no_one() -> None:
    from parallax.models import Analysis, Entity
    from parallax.quotes import full_name, story_names

    entities = [
        Entity(0, 30, "PERSON", "Superintendent Jennifer McCormick"),
        Entity(40, 52, "PERSON", "President Biden"),
        Entity(60, 71, "PERSON", "Sioux Falls"),
    ]
    names = story_names([Analysis("0" * 12, (), tuple(entities))])
    assert names == {"mccormick": {"Jennifer McCormick": 1}, "falls": {"Sioux Falls": 1}}
    assert full_name("McCormick", names) == "Jennifer McCormick"
    # spaCy took a city for a person: a report's words are still no one's
    assert full_name("a report in the Argus Leader of Sioux Falls", names) is None


def test_an_acronym_and_a_dash_before_a_lower_case_word_is_no_dateline(pipeline: Pipeline) -> None:
    text = "NATO — and the European Union with it — will not send ships to Lindham, Okafor said."
    contents = _reported(pipeline, text)
    assert any(c.startswith("NATO — and the European Union") for c in contents)


def test_a_speaker_after_the_dateline_starts_after_it(pipeline: Pipeline) -> None:
    text = (
        "LONDON, March 3 (Reuters) - Britain's transport minister, Alice Hartley, said new safety "
        "rules for ports would take effect in April.\n\n"
        "Operators welcomed the plan."
    )
    speakers = _speakers(pipeline, text)
    [speaker] = [s for c, s in speakers.items() if "safety rules" in c]
    assert speaker is not None and not speaker.startswith("LONDON"), speaker
    assert speaker.endswith("Alice Hartley")


def test_an_attribution_set_off_by_commas_gives_the_clause_before_it(pipeline: Pipeline) -> None:
    text = (
        "Inspections will start in April, the minister said, and operators that fail will face "
        "fines.\n\n"
        "She did it in December, just as she said she would, and the market barely moved."
    )
    speakers = _speakers(pipeline, text)
    assert speakers.get("Inspections will start in April") == "the minister", speakers
    assert not any(s and s.startswith("just as") for s in speakers.values()), (
        "a comparison ('just as she said') attributes nothing"
    )
    assert not any(s and "Inspections" in s for s in speakers.values())


def _post_speakers(pipeline: Pipeline, texts: list[str]) -> dict[str, tuple[str | None, str]]:
    """Each quote's text -> (the full name shown for its speaker, the speaker's kind)."""
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    return {
        q.text: (q.speaker_name, q.speaker_kind)
        for q in find_quotes(articles, pipeline.nlp.analyse(articles))
    }


def test_a_speaker_named_by_a_post_is_the_one_person_who_holds_it(pipeline: Pipeline) -> None:
    found = _post_speakers(
        pipeline,
        [
            "Transport Minister Alice Hartley visited the harbour on Monday. The minister said "
            "inspections would begin in April.",
            "Tom Reyes, the opposition's transport spokesman, spoke first. Alice Hartley, the "
            "transport minister, replied. The minister said the port would stay open.",
            # the one minister of the article is no longer one: "the minister" means no one
            "Former minister Ivo Sand and Alice Hartley met. The minister said talks went well.",
        ],
    )
    assert found["inspections would begin in April"] == ("Alice Hartley", "person")
    assert found["the port would stay open"] == ("Alice Hartley", "person")
    assert found["talks went well"][0] is None, "'former minister' Sand named last is no minister"


def test_a_post_means_no_one_the_article_has_not_just_named(pipeline: Pipeline) -> None:
    found = _post_speakers(
        pipeline,
        [
            # the holder is named only after the speaker
            "The minister said the ferry would run on Sunday. Transport Minister Alice Hartley "
            "later visited the harbour.",
            # someone else was named since
            "Transport Minister Alice Hartley visited the harbour. Crowds cheered Tom Reyes. The "
            "minister said the pier would reopen.",
            # two people hold a post that fits
            "Transport Minister Alice Hartley and Health Minister Omar Ndiaye visited the harbour. "
            "The minister said the cranes had held.",
        ],
    )
    assert found["the ferry would run on Sunday"][0] is None
    assert found["the pier would reopen"][0] is None
    assert found["the cranes had held"][0] is None


def test_the_full_name_is_not_the_one_a_post_belongs_to() -> None:
    from collections import Counter

    from parallax.quotes import full_name

    names = {"bush": Counter({"George W. Bush": 3})}
    assert full_name("the former top aide to President George W. Bush", names) is None
    assert full_name("President George W. Bush", names) == "George W. Bush"


def test_a_document_dated_by_a_weekday_is_no_person() -> None:
    assert speaker_kind("a report on Monday", set()) != "person"
    assert speaker_kind("A news report published Wednesday", set()) != "person"
    assert speaker_kind("Mayor April Ryan", set()) == "person"


def test_a_short_excerpt_of_the_same_speaker_joins_the_whole_quote(pipeline: Pipeline) -> None:
    texts = [
        "“We have no choice but to release water,” said Daniel Price, the dam's chief engineer. "
        "“The alternative is far worse.”",
        "“The alternative is far worse,” chief engineer Daniel Price told the Tribune on Monday.",
        "“The alternative is far worse,” said Ada Brook, a farmer.",
    ]
    articles = [Article(str(i) * 12, "t", t) for i, t in enumerate(texts)]
    quotes = [q for q in find_quotes(articles, pipeline.nlp.analyse(articles)) if q.direct]
    [whole] = [q for q in quotes if "no choice" in q.text]
    assert {v.article_id for v in whole.variants} == {"0" * 12, "1" * 12}
    assert any(q.speaker == "Ada Brook" for q in quotes), "another speaker's same words stand apart"


def test_an_aide_to_a_post_is_not_its_holder(pipeline: Pipeline) -> None:
    found = _post_speakers(
        pipeline,
        [
            "Jake Sullivan, an adviser to the president, briefed reporters. The president said the "
            "talks would resume.",
            "Transport Minister Alice Hartley flew in. A spokesman for the minister, Tom Reyes, "
            "declined to comment. The minister said on Tuesday that the port would reopen.",
            "Lindham's mayor, Ada Brook, spoke first at the meeting. Thetford's mayor said the "
            "ferries would run.",
        ],
    )
    assert found["the talks would resume"][0] is None
    assert found["the port would reopen"][0] != "Tom Reyes", (
        "the minister's spokesman is no minister"
    )
    assert found["the ferries would run"][0] is None, "Thetford's mayor is not Lindham's"


def test_a_title_with_for_or_to_keeps_the_full_name() -> None:
    from collections import Counter

    from parallax.quotes import full_name

    names = {
        "wong": Counter({"Penny Wong": 1}),
        "thomas-greenfield": Counter({"Linda Thomas-Greenfield": 1}),
    }
    assert full_name("Minister for Foreign Affairs Penny Wong", names) == "Penny Wong"
    assert (
        full_name("U.S. Ambassador to the United Nations Linda Thomas-Greenfield", names)
        == "Linda Thomas-Greenfield"
    )


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "In a statement that was released on Monday, the company said it would appeal, "
            "calling the ruling unfair.",
            "it would appeal, calling the ruling unfair",
        ),
        ("The minister said on Tuesday that the port would reopen.", "the port would reopen"),
        (
            "The minister said on Tuesday the port would reopen next month.",
            "the port would reopen next month",
        ),
    ],
)
def test_what_was_said_is_neither_an_opening_phrase_nor_cut_by_a_time(
    pipeline: Pipeline, sentence: str, content: str
) -> None:
    assert content in _speakers(pipeline, sentence)


def test_an_aside_inside_a_clause_that_goes_on_gives_no_head_alone(pipeline: Pipeline) -> None:
    for sentence, head in [
        (
            "The ferry, which was built in 1990, Ada Brook said, will be retired next year.",
            "The ferry, which was built in 1990",
        ),
        (
            "When the storm was at its worst, the mayor said, the levee held.",
            "When the storm was at its worst",
        ),
        (
            "Ada Brook, who has run the port since 2019, and Tom Hale said it would reopen, but gave no date.",
            "Ada Brook, who has run the port since 2019",
        ),
    ]:
        assert head not in _speakers(pipeline, sentence), sentence


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "The mayor told reporters in Lindham that the ferries would run.",
            "the ferries would run",
        ),
        ("Officials told the Associated Press that the dam held.", "the dam held"),
        (
            "The mayor told reporters she believed that the pier was safe.",
            "reporters she believed that the pier was safe",
        ),
    ],
)
def test_the_one_told_is_not_what_was_said(pipeline: Pipeline, sentence: str, content: str) -> None:
    assert content in _speakers(pipeline, sentence)
