"""Discrepancies: real disagreements flagged with both spans, values that agree after normalisation not."""

from __future__ import annotations

import pytest

from parallax.discrepancy import find_discrepancies, quantities
from parallax.models import Analysis, Article, Report
from parallax.pipeline import Pipeline


def _quantities(pipeline: Pipeline, text: str) -> list[tuple[str, str, float]]:
    article = Article("0" * 12, "t", text)
    [analysis] = pipeline.nlp.analyse([article], entities=False)
    return [(q.text, q.dimension, round(q.value, 2)) for q in quantities(article, analysis, 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kharkiv is 12 miles from the border.", [("12 miles", "distance", 19.31)]),
        ("About 40 firefighters fought the blaze.", [("40 firefighters", "count", 40.0)]),
        ("Two US officials were hurt.", [("Two US officials", "count", 2.0)]),
        ("Two US officials told reporters.", []),  # the outlet's sources, not a count of the story
        ("The plan costs $4.5 million.", [("$4.5 million", "money:USD", 4500000.0)]),
        ("Turnout rose 5% on May 13, 2024.", [("5%", "percent", 5.0)]),
        ("He visited two weeks ago, at 9:40 p.m., after a six-month delay.", []),
        ("One official said it was over.", []),
    ],
)
def test_quantities_are_read_with_units(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, float]]
) -> None:
    assert _quantities(pipeline, text) == expected


def test_example_flags_the_firefighter_count_and_nothing_else(example_report: Report) -> None:
    [disc] = example_report.stories[0].discrepancies
    assert disc.kind == "count" and "firefighter" in disc.about
    values = {c.value for c in disc.claims}
    assert values == {40.0, 60.0}
    texts = {a.id: a.text for a in example_report.articles}
    for claim in disc.claims:
        assert texts[claim.article_id][claim.start : claim.end] == claim.text


def test_kharkiv_distances_agree_after_conversion(kharkiv_report: Report) -> None:
    story = kharkiv_report.stories[0]
    assert not [d for d in story.discrepancies if d.kind == "number"], (
        "20 km = 12 miles; 200 miles = 300 km"
    )
    counts = [d for d in story.discrepancies if d.kind == "count"]
    assert all(len({c.value for c in d.claims}) > 1 for d in counts)


def test_disagreement_needs_two_articles(pipeline: Pipeline) -> None:
    a = Article("a" * 12, "a", "About 40 firefighters fought the fire at the port on Tuesday.")
    b = Article("b" * 12, "b", "More than 60 firefighters fought the fire at the port on Tuesday.")
    c = Article("c" * 12, "c", "Some 42 firefighters fought the fire at the port on Tuesday.")
    analyses = pipeline.nlp.analyse([a, b, c], entities=False)
    embeddings = pipeline.embed([a, b, c], analyses)
    [disc] = find_discrepancies([a, b], analyses[:2], embeddings[:2])
    assert {c.value for c in disc.claims} == {40.0, 60.0}
    assert (
        find_discrepancies([a, c], [analyses[0], analyses[2]], [embeddings[0], embeddings[2]]) == []
    ), "about 40 = some 42"


def test_dates_of_one_fact_that_differ(pipeline: Pipeline) -> None:
    from parallax.align import align_facts
    from parallax.discrepancy import date_discrepancies

    a = Article(
        "a" * 12,
        "a",
        "The three ministers met their Ukrainian counterparts on May 13 to discuss the request.",
    )
    b = Article(
        "b" * 12,
        "b",
        "The three ministers met their Ukrainian counterparts on May 15 to discuss the request.",
    )
    analyses = pipeline.nlp.analyse([a, b])
    embeddings = pipeline.embed([a, b], analyses)
    facts = align_facts([a, b], analyses, embeddings, {a.id: 0, b.id: 1})
    [disc] = date_discrepancies([a, b], facts)
    assert disc.kind == "date" and {c.text for c in disc.claims} == {"May 13", "May 15"}


def test_a_range_two_sources_give_alike_is_no_date_discrepancy(pipeline: Pipeline) -> None:
    from parallax.align import align_facts
    from parallax.discrepancy import date_discrepancies

    texts = [
        "Registration for the council election will run from October 26 to November 20.",
        "Registration for the council election runs from October 26 until November 20.",
    ]
    articles = [Article(str(i) * 12, str(i), t) for i, t in enumerate(texts)]
    analyses = pipeline.nlp.analyse(articles)
    embeddings = pipeline.embed(articles, analyses)
    facts = align_facts(articles, analyses, embeddings, {a.id: i for i, a in enumerate(articles)})
    assert facts and any(len(f.support) == 2 for f in facts)
    assert date_discrepancies(articles, facts) == []


def test_kharkiv_name_spellings(kharkiv_report: Report) -> None:
    names = [d for d in kharkiv_report.stories[0].discrepancies if d.kind == "name"]
    assert names, "one report misspells a first name the others spell alike"
    texts = {a.id: a.text for a in kharkiv_report.articles}
    for d in names:
        assert len({c.text for c in d.claims}) >= 2 and len({c.article_id for c in d.claims}) >= 2
        for c in d.claims:
            assert texts[c.article_id][c.start : c.end] == c.text


def test_example_has_no_name_or_date_false_alarm(example_report: Report) -> None:
    kinds = [d.kind for d in example_report.stories[0].discrepancies]
    assert kinds == ["count"]


def _discrepancies(pipeline: Pipeline, texts: list[str]) -> list[tuple[str, set[float]]]:
    articles = [Article(str(i) * 12, str(i), t) for i, t in enumerate(texts)]
    analyses = pipeline.nlp.analyse(articles, entities=False)
    found = find_discrepancies(articles, analyses, pipeline.embed(articles, analyses))
    return [(d.about, {c.value for c in d.claims}) for d in found]


def test_a_source_that_counts_several_sets_contradicts_no_one(pipeline: Pipeline) -> None:
    texts = [
        "The agency added five companies to the lunar lander program on Monday. Nine companies "
        "were picked last year, so 14 companies can now bid for the missions.",
        "The agency said nine companies could bid for the lunar lander missions.",
    ]
    assert _discrepancies(pipeline, texts) == []


def test_two_counts_in_one_sentence_still_meet_another_source(pipeline: Pipeline) -> None:
    texts = [
        "The blast at the plant killed 20 people and injured 40 people on Tuesday.",
        "The blast at the plant killed 25 people on Tuesday.",
    ]
    found = _discrepancies(pipeline, texts)
    assert ("number of people", {20.0, 25.0}) in found


def test_a_source_naming_two_amounts_in_one_sentence_contradicts_no_one(pipeline: Pipeline) -> None:
    texts = [
        "Investors valued the company at $6.5 billion, below the $8 billion it had sought.",
        "Investors valued the company at $8 billion.",
    ]
    assert _discrepancies(pipeline, texts) == []


def test_counts_orders_of_magnitude_apart_are_two_counts(pipeline: Pipeline) -> None:
    texts = [
        "The plague killed an estimated 25 million people in Europe in the 14th century.",
        "In China, 28 people who met the plague patient were put under quarantine.",
    ]
    assert _discrepancies(pipeline, texts) == []


def test_a_noun_counted_many_ways_compares_only_in_sentences_about_one_thing(
    pipeline: Pipeline,
) -> None:
    storm = [
        "Officials said 14 people died on the island of Roatan as the storm passed.\n\n"
        "In the capital, 140 people were evacuated from flooded homes.",
        "The storm killed 21 people as rivers burst their banks across the north.",
    ]
    assert _discrepancies(pipeline, storm) == [], "three counts of people: which is which?"
    # the same sentences alone, with one count of people each, are close values of one noun
    [(about, values)] = _discrepancies(pipeline, [storm[0].split("\n\n")[0], storm[1]])
    assert about == "number of people" and sorted(values) == [14.0, 21.0]
    # a count far from the other's is compared only when the sentences say one thing
    assert _discrepancies(pipeline, [storm[0].split("\n\n")[1], storm[1]]) == []


def test_speeds_compare_after_conversion(pipeline: Pipeline) -> None:
    agree = [
        "The new electric wagon has a top speed of 124 mph, the carmaker said.",
        "The new electric wagon has a top speed of 200 km/h, the carmaker said.",
    ]
    assert _discrepancies(pipeline, agree) == []
    differ = [agree[0], "The new electric wagon has a top speed of 109 mph, the carmaker said."]
    [(about, values)] = _discrepancies(pipeline, differ)
    assert about == "speed (km/h)" and len(values) == 2


def test_count_label_uses_the_sources_plural(pipeline: Pipeline) -> None:
    texts = [
        "Nine companies won contracts for the lunar lander missions on Monday.",
        "Five companies won contracts for the lunar lander missions on Monday.",
    ]
    assert [about for about, _ in _discrepancies(pipeline, texts)] == ["number of companies"]


def _spellings(pipeline: Pipeline, texts: list[str]) -> list[list[str]]:
    """The spellings of each name discrepancy among one article per text."""
    from parallax.discrepancy import name_discrepancies

    articles = [Article(str(i) * 12, str(i), t) for i, t in enumerate(texts)]
    found = name_discrepancies(articles, pipeline.nlp.analyse(articles))
    return [sorted(c.text for c in d.claims) for d in found]


def test_possessives_and_lone_words_are_not_name_spellings(pipeline: Pipeline) -> None:
    texts = [
        "Taylor Swift's label said the singer Taylor Swift could perform. Mavic said nothing.",
        "Taylor Swift’s former label denied it, and Magic was not asked.",
    ]
    assert _spellings(pipeline, texts) == []


def test_two_people_with_like_names_are_not_one_name_spelled_two_ways(pipeline: Pipeline) -> None:
    texts = [
        "The request named Lisa Jackson, who ran the agency. Olena Marchuk, the mayor, agreed.",
        "The archivist Jason Baron said the search was thin. Olena Marchukk, the mayor, agreed.",
    ]
    assert _spellings(pipeline, texts) == [["Marchuk", "Marchukk"]], (
        "Jackson/Jason are two people (nothing else of their names in common); the mayor is one"
    )


def test_a_four_letter_name_one_letter_off_in_the_same_full_name(pipeline: Pipeline) -> None:
    texts = [
        "Interior Minister Carlos Ruiz said 1,200 homes were destroyed. Kim Jong Il sent aid.",
        "Interior Minister Carlos Ruis said many homes were destroyed. Kim Dae Jung sent aid.",
        "Carlos Ruiz, the interior minister, visited the town on Monday.",
    ]
    assert _spellings(pipeline, texts) == [["Ruis", "Ruiz", "Ruiz"]], (
        "Ruiz/Ruis: one minister; Kim Jong Il and Kim Dae Jung: two people"
    )
    from parallax.discrepancy import name_discrepancies

    articles = [Article(str(i) * 12, str(i), t) for i, t in enumerate(texts)]
    [found] = name_discrepancies(articles, pipeline.nlp.analyse(articles))
    assert found.about == "spelling of the name Ruiz", "named as most sources spell it"


def test_a_copied_sentence_with_two_counts_is_no_discrepancy(pipeline: Pipeline) -> None:
    shared = "Reporters will sit in the last two rows of chairs, with 16 rows reserved in front."
    texts = [
        f"The council hearing on the pier opens on Monday. {shared} The mayor will speak first.",
        f"The pier hearing starts Monday at the council. {shared} Residents may speak after her.",
        "At the pier hearing, reporters will sit in the last four rows of chairs on Monday.",
    ]
    about = [about for about, _ in _discrepancies(pipeline, texts[:2])]
    assert about == [], "each copy gives both counts: they agree"
    assert [about for about, _ in _discrepancies(pipeline, texts)] == ["number of rows"]


def test_shares_are_compared_only_when_the_sentences_state_one_fact(pipeline: Pipeline) -> None:
    turnout = [
        "Turnout in the council election rose to 64 percent, the election office said on Monday.",
        "Turnout in the council election rose to 61 percent, the election office said Monday.",
    ]
    assert [about for about, _ in _discrepancies(pipeline, turnout)] == ["percent (%)"]
    polls = [
        "In a Lindham Post poll released Monday, 46 percent of voters backed the pier plan.",
        "In an Oster Radio poll released Monday, 38 percent of voters backed the harbour tax.",
    ]
    assert _discrepancies(pipeline, polls) == [], "two polls, two questions"


def test_earthquake_magnitudes_are_compared_as_magnitudes(pipeline: Pipeline) -> None:
    differ = [
        "A 6.4-magnitude earthquake struck the island of Veska on Sunday, the survey said.",
        "A magnitude 6.1 earthquake struck the island of Veska on Sunday, the survey said.",
    ]
    assert _discrepancies(pipeline, differ) == [("magnitude", {6.4, 6.1})]
    same = [
        "A 6.4-magnitude earthquake struck the island of Veska on Sunday, the survey said.",
        "A magnitude-6.4 earthquake struck the island of Veska on Sunday, the survey said.",
    ]
    assert _discrepancies(pipeline, same) == []
    aftershock = [
        "A magnitude 6.4 earthquake struck the island of Veska on Sunday.",
        "A magnitude 6.4 earthquake struck Veska on Sunday, followed by a 5.1-magnitude aftershock.",
    ]
    assert _discrepancies(pipeline, aftershock) == [], "a source giving both agrees on one"
    bare = [
        "A 6.4 earthquake struck the island of Veska on Sunday, the survey said.",
        "An M6.1 quake struck the island of Veska on Sunday, the survey said.",
    ]
    assert _discrepancies(pipeline, bare) == [("magnitude", {6.4, 6.1})]
    hedged = [
        "A quake of nearly magnitude 7 struck the island of Veska on Sunday, the survey said.",
        "A magnitude 6.4 quake struck the island of Veska on Sunday, the survey said.",
    ]
    lookalikes = [
        "I'm 1.8 metres tall, said the ferry captain on Sunday in Veska after 2.5 quakes a day.",
        "I'm 1.9 metres tall, said the ferry captain on Sunday in Veska after 3.5 quakes a day.",
    ]
    assert not any(about == "magnitude" for about, _ in _discrepancies(pipeline, lookalikes))
    assert _discrepancies(pipeline, hedged) == [("magnitude", {7.0, 6.4})], (
        "a hedge allows a few tenths, not a whole step"
    )


def test_a_count_relative_to_another_set_is_not_compared(pipeline: Pipeline) -> None:
    texts = [
        "Brook won the Lindham primary on Tuesday, and four other states vote next week.",
        "Brook won the Lindham primary on Tuesday, and five other states vote next week.",
    ]
    assert _discrepancies(pipeline, texts) == []
    absolute = [t.replace(" other", "") for t in texts]
    assert _discrepancies(pipeline, absolute) == [("number of states", {4.0, 5.0})]


def test_how_many_people_an_outlet_spoke_to_is_no_count(pipeline: Pipeline) -> None:
    texts = [
        "The council will close the pier until Friday, according to two city officials.",
        "The council will close the pier until Friday, four city officials familiar with the plan said.",
    ]
    assert _discrepancies(pipeline, texts) == []
    killed = [
        "Two city officials were hurt when the pier collapsed on Friday.",
        "Four city officials were hurt when the pier collapsed on Friday.",
    ]
    assert _discrepancies(pipeline, killed) == [("number of officials", {2.0, 4.0})]


def _dated_discrepancies(
    pipeline: Pipeline, dated: list[tuple[str, str | None]]
) -> list[tuple[str, set[float]]]:
    articles = [
        Article(str(i) * 12, str(i), text, published=day) for i, (text, day) in enumerate(dated)
    ]
    analyses = pipeline.nlp.analyse(articles, entities=False)
    found = find_discrepancies(articles, analyses, pipeline.embed(articles, analyses))
    return [(d.about, {c.value for c in d.claims}) for d in found]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (  # at least 70 allows about 100
            [
                "At least 70 people have been injured in the riots across the country.",
                "About 100 people have been injured in the riots across the country.",
            ],
            [],
        ),
        (  # two lower bounds are two tolls, though both may hold
            [
                "The earthquake in the province killed at least five people on Tuesday.",
                "The earthquake in the province killed at least three people on Tuesday.",
            ],
            [("number of people", {5.0, 3.0})],
        ),
        (  # ... within the tolerance of two values, one
            [
                "More than 1,000 people marched through the city centre on Saturday.",
                "More than 1,010 people marched through the city centre on Saturday.",
            ],
            [],
        ),
        (  # a dozen is about twelve
            [
                "Voters in a dozen states went to the polls on Super Tuesday.",
                "Voters in 11 states went to the polls on Super Tuesday.",
            ],
            [],
        ),
        (  # "10 points or more" allows 20
            [
                "If Sanders wins New Hampshire by 10 points or more, his campaign is safe.",
                "Sanders won New Hampshire by more than 20 points, his campaign said.",
            ],
            [],
        ),
        (
            [
                "At least 70 people have been injured in the riots across the country.",
                "About 40 people have been injured in the riots across the country.",
            ],
            [("number of people", {70.0, 40.0})],
        ),
        (
            [
                "Up to 20 boats were damaged in the storm at the marina.",
                "Thirty boats were damaged in the storm at the marina.",
            ],
            [("number of boats", {20.0, 30.0})],
        ),
    ],
)
def test_a_bound_agrees_with_any_value_on_its_side(
    pipeline: Pipeline, texts: list[str], expected: list[tuple[str, set[float]]]
) -> None:
    assert _discrepancies(pipeline, texts) == expected


def test_the_whole_a_part_is_counted_in_is_not_compared(pipeline: Pipeline) -> None:
    texts = [
        "Sanders has won eight of the past nine contests, including the Wyoming caucuses.",
        "Sanders has won six of the last seven contests, including the Wisconsin primary.",
    ]
    assert _discrepancies(pipeline, texts) == []


def test_counts_days_apart_are_updates_not_disagreements(pipeline: Pipeline) -> None:
    first = "The earthquake in Aceh province killed five people, officials said."
    later = "The earthquake in Aceh province killed 24 people, officials said."
    assert _dated_discrepancies(pipeline, [(first, "2013-07-02"), (later, "2013-07-12")]) == []
    assert _dated_discrepancies(pipeline, [(first, "2013-07-02"), (later, "2013-07-03")]) == [
        ("number of people", {5.0, 24.0})
    ]
    assert _dated_discrepancies(pipeline, [(first, None), (later, "2013-07-12")]) == [
        ("number of people", {5.0, 24.0})
    ], "an undated article is compared with every other"


@pytest.mark.parametrize(
    "text",
    [
        "The Colts went on a 13-play drive and led 20-13 at 10:30 p.m.",
        "The Colts went on a 13 - play drive and led 20 - 13 at 10 : 30 p.m.",  # tokenised text
        "Outside temperatures were minus 20 as firefighters battled the blaze.",
        "He averaged 4 . 2 yards a carry.",  # tokenised text
        "Mobil is the No. 2 oil company.",
        "Clinton is 439 delegates short of the nomination.",
    ],
)
def test_compounds_scores_times_and_ranks_are_no_counts(pipeline: Pipeline, text: str) -> None:
    assert _quantities(pipeline, text) == []


def test_a_page_time_stamp_is_no_date_of_an_event(pipeline: Pipeline) -> None:
    from parallax.discrepancy import date_discrepancies
    from parallax.models import Fact, Span

    texts = ["Posted on May 2, 2013 1:35 pm.", "May 3, 2013 at 7:31 AM ET"]
    articles = [Article(str(i) * 12, str(i), t) for i, t in enumerate(texts)]
    stamps = Fact(
        "F1", texts[0], tuple(Span(a.id, 0, len(a.text)) for a in articles), ("a", "b"), 2
    )
    assert date_discrepancies(articles, [stamps]) == []
    texts = ["The ministers met on May 2 in Brussels.", "The ministers met on May 3 in Brussels."]
    articles = [Article(str(i) * 12, str(i), t) for i, t in enumerate(texts)]
    meeting = Fact(
        "F1", texts[0], tuple(Span(a.id, 0, len(a.text)) for a in articles), ("a", "b"), 2
    )
    [disc] = date_discrepancies(articles, [meeting])
    assert {c.text for c in disc.claims} == {"May 2", "May 3"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll: 40 people were killed.", [("40 people", "count", 40.0)]),
        ("The storm hit in 2012. 40 people were killed.", [("40 people", "count", 40.0)]),
        ("Police arrested 40 protesters ahead of the summit.", [("40 protesters", "count", 40.0)]),
        ("One of the 33 miners was rescued.", [("33 miners", "count", 33.0)]),
        ("Two dozen people were hurt.", [("Two dozen people", "count", 24.0)]),
    ],
)
def test_punctuation_prepositions_and_plain_parts_keep_their_counts(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, float]]
) -> None:
    assert _quantities(pipeline, text) == expected


def test_a_bound_rules_out_the_values_past_it(pipeline: Pipeline) -> None:
    assert _discrepancies(
        pipeline,
        [
            "At least 100 people were killed in the earthquake on Tuesday.",
            "The earthquake killed 75 people on Tuesday.",
        ],
    ) == [("number of people", {100.0, 75.0})]
    assert _discrepancies(
        pipeline,
        [
            "Police handed over 40 documents to the court on Monday.",
            "Police handed over 60 documents to the court on Monday.",
        ],
    ) == [("number of documents", {40.0, 60.0})], "'handed over' bounds nothing"


def test_two_close_reports_disagree_whatever_an_older_one_says(pipeline: Pipeline) -> None:
    toll = "The earthquake in Aceh province killed {} people, officials said."
    found = _dated_discrepancies(
        pipeline,
        [
            (toll.format("five"), "2013-07-01"),
            (toll.format("five"), "2013-07-03"),
            (toll.format(24), "2013-07-05"),
        ],
    )
    assert found == [("number of people", {5.0, 24.0})]


@pytest.mark.parametrize(
    "sentence",
    ["Trump won on March 1.", "It happened on May 2 at 5 p.m.", "Voting ends May 15."],
)
def test_a_short_sentence_with_a_date_is_no_time_stamp(sentence: str) -> None:
    from parallax.discrepancy import _is_stamp

    assert not _is_stamp(sentence)
    assert _is_stamp("May 2, 2013 1:35 pm.") and _is_stamp("Posted on Tuesday, May 3, 2013")
    assert _is_stamp("April 27, 2009")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares closed at NT$24.05.", [("NT$24.05", "money:TWD", 24.05)]),
        ("The deal is worth A$1.5 million.", [("A$1.5 million", "money:AUD", 1500000.0)]),
        ("Shares closed at HK $ 3.10 .", [("HK $ 3.10", "money:HKD", 3.1)]),  # tokenised text
        ("Damage was put at $US1 million.", [("$US1 million", "money:USD", 1000000.0)]),
        ("Revenue fell by 700 million rubles.", [("700 million rubles", "money:RUB", 700000000.0)]),
        ("It cost 30 million baht (dlrs 830,000).", [("30 million baht", "money:THB", 30000000.0)]),
        ("Damage was put at $US1 million ($1.52 million).", [("$US1 million", "money:USD", 1e6)]),
        ("He paid $40 million (about 30 million euros).", [("$40 million", "money:USD", 4e7)]),
        (
            "It caused US$10 million (A$15.2 million) in damage.",
            [("US$10 million", "money:USD", 1e7)],
        ),
        (
            "Tickets cost $20 ($25 at the door).",
            [("$20", "money:USD", 20.0), ("$25", "money:USD", 25.0)],
        ),
        ("The fund gave 830,000 dlrs to the city.", [("830,000 dlrs", "money:USD", 830000.0)]),
        ("AMD buys SeaMicro for $334M.", [("$334M", "money:USD", 334e6)]),
        ("BP paid $48.2B for Amoco.", [("$48.2B", "money:USD", 48.2e9)]),
        (
            "The club paid £1.5bn and $50K in fees.",
            [("£1.5bn", "money:GBP", 1.5e9), ("$50K", "money:USD", 5e4)],
        ),
        ("The pool is 50m long.", []),
        (
            "The fund has $5 million (up from $3 million).",
            [("$5 million", "money:USD", 5e6), ("$3 million", "money:USD", 3e6)],
        ),
    ],
)
def test_currencies_are_told_apart_and_bracketed_conversions_left_out(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, float]]
) -> None:
    assert _quantities(pipeline, text) == expected


def test_a_conversion_into_the_local_dollar_disputes_no_us_amount(pipeline: Pipeline) -> None:
    texts = [
        "Damage to the church was estimated at $US1 million ($1.52 million), police said.",
        "Damage to the church was estimated at $1 million, police said on Saturday.",
    ]
    assert _discrepancies(pipeline, texts) == []
    assert _discrepancies(pipeline, [texts[1], texts[1].replace("$1 million", "$2 million")]) == [
        ("amount of money (USD)", {1e6, 2e6})
    ]


def test_a_count_of_another_time_is_no_second_reading_of_the_story(pipeline: Pipeline) -> None:
    """An outlet that also tells of an earlier quake's four dead still disputes the toll: the
    sentence of two years ago is another event, not a second count of this one's dead."""
    texts = [
        "A strong earthquake hit Lindham on Wednesday, killing at least 12 people, officials said. "
        "Lindham was hit by a quake two years ago that killed four people.",
        "A strong earthquake hit Lindham on Wednesday, killing at least 15 people, officials said.",
    ]
    dated = [(t, "2025-03-12") for t in texts]
    assert _dated_discrepancies(pipeline, dated) == [("number of people", {12.0, 15.0})]


def test_a_date_of_a_clause_does_not_part_two_tellings_of_one_fact(pipeline: Pipeline) -> None:
    """'fined ... after its ferry crashed last year' and 'fined on Thursday over a crash' date
    other clauses: the fine and the injured are still one fact in dispute."""
    texts = [
        "A ferry operator has been fined £2 million after one of its vessels crashed into the "
        "harbour wall at Brenmouth last year, injuring 23 passengers.",
        "North Sound Ferries was fined £2.5m on Thursday over a crash in which 21 passengers "
        "were hurt.",
    ]
    found = _dated_discrepancies(pipeline, [(t, "2025-06-13") for t in texts])
    assert ("number of passengers", {23.0, 21.0}) in found
    assert ("amount of money (GBP)", {2_000_000.0, 2_500_000.0}) in found


def test_two_tallies_of_one_vote_disagree_on_the_side_they_differ(pipeline: Pipeline) -> None:
    texts = [
        "Councillors voted 31 to 12 in favour of the bridge after a debate of four hours.",
        "Councillors backed the bridge by 31 votes to 11 following a four-hour debate.",
    ]
    found = _dated_discrepancies(pipeline, [(t, "2025-11-14") for t in texts])
    assert found == [("number of votes against", {12.0, 11.0})]


def test_a_score_is_no_tally() -> None:
    text = "The Chiefs defeated them 20-13 on Sunday. The Senate passed the bill by a vote of 90 to 10."
    article = Article("a" * 12, "a", text)
    first = text.index(" The Senate")
    analysis = Analysis(article.id, ((0, first), (first + 1, len(text))))
    tallies = [q for q in quantities(article, analysis, 0) if q.noun.startswith("vote")]
    assert [(q.noun, q.value, text[q.start : q.end]) for q in tallies] == [
        ("vote in favour", 90.0, "90"),
        ("vote against", 10.0, "10"),
    ]
