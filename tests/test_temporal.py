"""The temporal tagger: spans and TIMEX3 values against an anchor date, and the TempEval-3 harness."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.temporal import tag

from .conftest import ROOT, SHARED

FRIDAY = date(2024, 5, 31)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two US officials told CNN on Thursday.", [("Thursday", "DATE", "2024-05-30")]),
        ("Posted 2024-05-30T08:57:40+01:00 by staff.", [("2024-05-30", "DATE", "2024-05-30")]),
        ("The order was signed on 5/13/2024.", [("5/13/2024", "DATE", "2024-05-13")]),
        ("The order was signed on 13/5/2024.", [("13/5/2024", "DATE", "2024-05-13")]),
        ("On Friday, Blinken confirmed the decision.", [("Friday", "DATE", "2024-05-31")]),
        (
            "Blinken returned to Washington two weeks ago.",
            [("two weeks ago", "DATE", "2024-W20")],
        ),
        (
            "The process began in February this year; the next round is in April next year.",
            [("February this year", "DATE", "2024-02"), ("April next year", "DATE", "2025-04")],
        ),
        (
            "Since 1949, the alliance has grown. In 1988, it earned more.",
            [("1949", "DATE", "1949"), ("1988", "DATE", "1988")],
        ),
        ("The case will be heard in May in the appeals court.", [("May", "DATE", "2024-05")]),
        ("Flights leave each Thursday.", [("each Thursday", "SET", "XXXX-WXX-4")]),
        ("The vote is this coming Sunday.", [("this coming Sunday", "DATE", "2024-06-02")]),
        (
            "He will stay two more months even after a court Thursday refused to hear him.",
            [("two more months", "DURATION", "P2M"), ("Thursday", "DATE", "2024-05-30")],
        ),
        (
            "Blinken said on Wednesday he agreed. The previous day, leaders had shifted.",
            [("Wednesday", "DATE", "2024-05-29"), ("The previous day", "DATE", "2024-05-28")],
        ),
        (  # the past perfect puts "the previous day" before the story's own event, Tuesday's fire
            "A fire broke out late on Tuesday. It was under control on Wednesday. Workers had "
            "complained about the belts the previous day.",
            [
                ("Tuesday", "DATE", "2024-05-28"),
                ("Wednesday", "DATE", "2024-05-29"),
                ("the previous day", "DATE", "2024-05-27"),
            ],
        ),
        ("January nineteen ninety-seven.", [("January nineteen ninety-seven", "DATE", "1997-01")]),
        (
            "The fire broke out on Tuesday. It started at 9:40 p.m. in a conveyor.",
            [("Tuesday", "DATE", "2024-05-28"), ("9:40 p.m.", "TIME", "2024-05-28T21:40")],
        ),
        (
            "Sales dropped through the nineties; the 11th century temple is paid for each year.",
            [
                ("the nineties", "DATE", "199"),
                ("11th century", "DATE", "10"),
                ("each year", "SET", "P1Y"),
            ],
        ),
        (
            "Rain delayed sowing earlier in the year; over the next couple of years and the weeks ahead.",
            [
                ("earlier in the year", "DATE", "2024"),
                ("the next couple of years", "DURATION", "P2Y"),
                ("the weeks ahead", "DURATION", "PXW"),
            ],
        ),
        (
            "Shares fell overnight and rose again by midday.",
            [("overnight", "TIME", "2024-05-30TNI"), ("midday", "TIME", "2024-05-31T12:00")],
        ),
        (
            "Shares were up at mid-afternoon yesterday.",
            [("mid-afternoon yesterday", "TIME", "2024-05-30TAF")],
        ),
        (
            "Crowds have gathered for weeks; prices are high these days.",
            [("weeks", "DURATION", "PXW"), ("these days", "DATE", "PRESENT_REF")],
        ),
        ("He was stopped by police in December for speeding.", [("December", "DATE", "2023-12")]),
        ("On a May 13 video conference, the trio met.", [("May 13", "DATE", "2024-05-13")]),
        (
            "Blinken visited Ukraine earlier this month.",
            [("earlier this month", "DATE", "2024-05")],
        ),
        ("Biden will meet Zelensky on Monday.", [("Monday", "DATE", "2024-06-03")]),
        ("The invasion began in February 2022.", [("February 2022", "DATE", "2022-02")]),
        ("Aid arrived after a six-month delay.", [("six-month", "DURATION", "P6M")]),
        (
            "Talks lasted three hours on Tuesday night.",
            [("three hours", "DURATION", "PT3H"), ("Tuesday night", "DATE", "2024-05-28")],
        ),
        ("Profits rose in the third quarter.", [("the third quarter", "DATE", "2023-Q3")]),
        ("The council meets daily.", [("daily", "SET", "P1D")]),
        ("Prices are rising now.", [("now", "DATE", "PRESENT_REF")]),
        ("Sales fell in recent years.", [("recent years", "DURATION", "PXY")]),
        (
            "The shares resume trading in Paris Tuesday, officials said.",
            [("Tuesday", "DATE", "2024-05-28")],
        ),
        ("The shares are to resume trading in Paris Tuesday.", [("Tuesday", "DATE", "2024-06-04")]),
        ("The 6-year-old boy and a 5 percent chance.", []),
        (
            "Talks broke off at noon Thursday and will resume at 10 p.m. EST Monday.",
            [
                ("noon Thursday", "TIME", "2024-05-30T12:00"),
                ("10 p.m. EST Monday", "TIME", "2024-06-03T22:00"),
            ],
        ),
        ("Protesters planned a march on Saturday.", [("Saturday", "DATE", "2024-06-01")]),
        ("He was found on Thanksgiving Day.", [("Thanksgiving Day", "DATE", "2023-11-23")]),
        ("The bomb went off in nineteen ninety-six.", [("nineteen ninety-six", "DATE", "1996")]),
        ("It costs $1.76 a year, and 700 seats a week; he is 52 years old.", []),
        ("Foreign Minister Jan Kavan joined the March for Life.", []),
        ("Iraq imports three-quarters of its food; it would be a second betrayal.", []),
        (
            "Reporters heard last night that the hearing is the week of June 10; he flew the next morning.",
            [
                ("last night", "TIME", "2024-05-30TNI"),
                ("the week of June 10", "DATE", "2024-W24"),
                ("next morning", "TIME", "2024-06-01TMO"),
            ],
        ),
        (
            "Stocks fell on Friday, 4.5% below the previous Friday; he said he would be flying Monday.",
            [
                ("Friday", "DATE", "2024-05-31"),
                ("the previous Friday", "DATE", "2024-05-24"),
                ("Monday", "DATE", "2024-06-03"),
            ],
        ),
        (
            "Profit returned after several quarters of losses; buyers came in the morning.",
            [("several quarters", "DURATION", "PXQ"), ("the morning", "TIME", "2024-05-31TMO")],
        ),
        (
            "Costs were high this past spring and in the early summer.",
            [("this past spring", "DATE", "2024-SP"), ("early summer", "DATE", "2024-SU")],
        ),
        ('He said on "60 Minutes" and ABC\'s "This Week" that the index closed at 2082.1.', []),
        (
            "The alarm rang for 30 seconds, and a second later it stopped.",
            [("30 seconds", "DURATION", "PT30S"), ("a second", "DURATION", "PT1S")],
        ),
        ("The siege lasted 2 1/2 years.", [("2 1/2 years", "DURATION", "P2Y6M")]),
        ("The deadline is sixty days away.", [("sixty days", "DURATION", "P60D")]),
        ("The army left over the weekend.", [("the weekend", "DATE", "2024-W21-WE")]),
        (
            "Mr. Schwarz, 52, will succeed Daniel P. Davison Feb. 1.",
            [("Feb. 1", "DATE", "2025-02-01")],
        ),
    ],
)
def test_expressions_and_values(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    found = tag(sentence, FRIDAY)
    assert [(t.text, t.type, t.value) for t in found] == expected
    for t in found:
        assert sentence[t.start : t.end] == t.text


def test_month_without_year_is_the_nearest_unless_the_clause_looks_ahead() -> None:
    assert tag("It happened on Dec. 1.", date(1989, 10, 27))[0].value == "1989-12-01"
    assert tag("It happened on June 1.", date(1989, 10, 26))[0].value == "1989-06-01"
    assert tag("The law will take effect June 1.", date(1989, 10, 26))[0].value == "1990-06-01"


def test_a_month_naming_a_scheduled_event_and_a_day_that_nears_are_ahead() -> None:
    july = date(2016, 7, 27)
    assert tag("He wants to make November’s crunch election a test.", july)[0].value == "2016-11"
    assert tag("Sales fell in November.", july)[0].value == "2015-11", "a bare month is the past"
    assert tag("His role grows as Election Day nears.", july)[0].value == "2016-11-08"
    assert tag("He voted on Election Day.", july)[0].value == "2015-11-03"
    december = date(2016, 12, 10)
    assert tag("Since November’s election, he has been quiet.", december)[0].value == "2016-11"
    november = date(2016, 11, 20)
    assert tag("Trump won the March primary in Florida.", november)[0].value == "2016-03"
    august = date(2016, 8, 15)
    assert tag("In January the vote was delayed.", august)[0].value == "2016-01"


def test_a_season_without_a_year_is_the_last_begun_unless_it_is_ahead() -> None:
    february = date(2016, 2, 5)
    assert tag("For much of the fall, Clinton led the polls.", february)[0].value == "2015-FA"
    assert tag("By the summer the race was upside down.", february)[0].value == "2015-SU"
    assert tag("The race will be decided in the fall.", february)[0].value == "2016-FA"
    assert (
        tag("Snow fell through the winter.", february)[0].value == "2015-WI"
    )  # Dec 2015 to Feb 2016


def test_no_date_runs_across_a_paragraph_break() -> None:
    """A live file: "... in January." ends a paragraph and "7:00 p.m." opens the next update."""
    text = "Clinton's campaign raised $15 million in January.\n\n7:00 p.m.\n\nNevada votes."
    found = [(t.text, t.value) for t in tag(text, date(2016, 2, 20))]
    assert found == [("January", "2016-01"), ("7:00 p.m.", "2016-02-20T19:00")]


def test_a_month_that_is_a_surname_is_no_date() -> None:
    february = date(2016, 2, 2)
    assert tag("The insiders include Jill June and Tom Vilsack.", february) == []
    assert tag("The vote is set for Friday June 5.", february)[0].value == "2015-06-05"
    assert tag("The Supreme Court last June ruled.", february)[0].value == "2015-06"


def test_tempeval3_harness_on_a_sample_beats_dateparser() -> None:
    from parallax.eval.tempeval import dateparser_system, load, parallax_system, score

    docs = load(SHARED / "eval" / "tempeval3" / "TimeBank")[:15]
    ours = score(docs, parallax_system(docs))
    baseline = score(docs, dateparser_system(docs))
    assert ours["gold"] == baseline["gold"] > 50
    assert ours["value_f1"] > baseline["value_f1"] + 20
    assert ours["relaxed_f1"] >= ours["strict_f1"]


def test_tempeval3_holds_the_pinned_floors() -> None:
    """The gate: the whole of TimeBank + AQUAINT (about 2 s) must not fall below the pinned floors."""
    import json

    from parallax.eval.tempeval import load, parallax_system, score

    floors = json.loads((ROOT / "benchmarks" / "tempeval_floors.json").read_text(encoding="utf-8"))
    docs = load(SHARED / "eval" / "tempeval3")
    ours = score(docs, parallax_system(docs))
    below = {k: ours[k] for k in ("value_f1", "relaxed_f1", "strict_f1") if ours[k] < floors[k]}
    assert not below, f"below the floors of benchmarks/tempeval_floors.json: {below}"


def test_anaphoric_expressions_count_from_the_last_date_the_text_gave() -> None:
    text = "The talks opened on March 3, 2022. Two days later the envoys left; later that year they met again."
    found = {t.text: t.value for t in tag(text, FRIDAY)}
    assert found["March 3, 2022"] == "2022-03-03"
    assert found["Two days later"] == "2022-03-05"
    assert found["later that year"] == "2022"


def test_a_year_ago_is_the_same_quarter_in_a_quarterly_report_and_the_year_elsewhere() -> None:
    anchor = date(1989, 10, 26)
    report = "Third-quarter profit rose 20% from $3 million a year ago. The quarter was strong."
    assert {t.text: t.value for t in tag(report, anchor)}["a year ago"] == "1988-Q3"
    story = "A year ago he was an unknown singer."
    assert tag(story, anchor)[0].value == "1988"


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        # the paper's own weekday, looking ahead, is that day: not a week later
        ("Five states are going to the polls Tuesday.", date(2016, 3, 15), "2016-03-15"),
        ("Iowans are expected to attend caucuses on Monday night.", date(2016, 2, 1), "2016-02-01"),
        ("Five states went to the polls Tuesday.", date(2016, 3, 15), "2016-03-15"),
        # a typographic apostrophe marks the future too
        ("“We’ll be meeting on Friday in St. Louis,” he said.", date(2016, 6, 22), "2016-06-24"),
        # an event named for its day: the nearest, whatever the tense of the clause around it
        (
            "The rally comes days before Tuesday's New Hampshire primary.",
            date(2016, 2, 7),
            "2016-02-09",
        ),
        ("Trump spoke ahead of Saturday’s Nevada caucus.", date(2016, 2, 18), "2016-02-20"),
        ("Clinton won Tuesday's primary in Ohio.", date(2016, 3, 20), "2016-03-15"),
        ("It was priced over Thursday's closing price.", date(1989, 10, 30), "1989-10-26"),
    ],
)
def test_a_weekday_ahead_and_a_day_named_for_its_event(
    sentence: str, anchor: date, expected: str
) -> None:
    [found] = [t for t in tag(sentence, anchor) if t.text.split()[0].endswith("day")]
    assert found.value == expected


def test_years_later_count_from_the_year_named_and_a_share_is_no_quarter() -> None:
    found = tag("He won the state in 2008 but lost it four years later.", date(2016, 3, 1))
    assert [(t.text, t.value) for t in found] == [("2008", "2008"), ("four years later", "2012")]
    assert tag("Sanders won the quarter of caucus voters under 30.", date(2016, 3, 1)) == []
    assert tag("Profit fell in the quarter of the year.", date(2016, 3, 1))[0].value == "2015-Q4"


def test_a_day_with_a_name_of_its_own_is_no_nearby_weekday() -> None:
    anchor = date(2016, 2, 20)  # a Saturday; Super Tuesday fell on March 1
    assert tag("Voters look ahead to Super Tuesday.", anchor) == []
    assert tag("Results came in on Super Tuesday night.", anchor) == []
    assert tag("Stores opened early on Black Friday.", anchor) == []
    assert tag("Voters went to the polls on Tuesday.", anchor)[0].value == "2016-02-16"


def test_the_month_of_an_election_to_come_is_ahead() -> None:
    february = date(2016, 2, 20)
    assert tag("It rarely translates into a victory in November.", february)[0].value == "2016-11"
    assert tag("She backs a candidate who can win in November.", february)[0].value == "2016-11"
    assert tag("He may be the party's nominee in November.", february)[0].value == "2016-11"
    assert tag("Sales fell in November.", february)[0].value == "2015-11", "no election: the past"
    december = date(2016, 12, 10)
    assert tag("Trump beat Clinton in November.", december)[0].value == "2016-11"
    assert tag("The November election surprised many.", date(2017, 1, 10))[0].value == "2016-11"


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        ("Friday's attacks shook Paris and much of Europe.", date(2015, 11, 18), "2015-11-13"),
        ("Friday's attacks have shaken Europe.", date(2015, 11, 18), "2015-11-13"),
        ("Tuesday's primaries drew record turnout in Texas.", date(2016, 3, 6), "2016-03-01"),
        ("Sanders rallied ahead of Tuesday's primary.", date(2016, 3, 4), "2016-03-08"),
        (
            "A poll taken days before Tuesday's primary showed a tie.",
            date(2016, 3, 9),
            "2016-03-08",
        ),
        ("Since Trump's win in November, stocks are up.", date(2017, 1, 15), "2016-11"),
        ("After his defeat in November, he went home.", date(2017, 1, 15), "2016-11"),
        ("Since the November election, stocks are up 10 percent.", date(2017, 2, 15), "2016-11"),
        ("Democrats are still reeling from November's election.", date(2017, 2, 15), "2016-11"),
        ("Each state has its own rules for Tuesday's primary.", date(2016, 2, 28), "2016-03-01"),
        (
            "Independents have the right to vote in Tuesday's primary.",
            date(2016, 2, 28),
            "2016-03-01",
        ),
        ("Tickets for Tuesday's rally are sold out.", date(2016, 2, 28), "2016-03-01"),
        ("He is the only one who can beat Clinton in November.", date(2016, 2, 20), "2016-11"),
        ("Trump predicts his victory in November.", date(2016, 2, 20), "2016-11"),
        # February 2016's campaign coverage: the primary or caucus ahead ...
        (
            "Independents won't by themselves decide the primary Tuesday.",
            date(2016, 2, 5),
            "2016-02-09",
        ),
        (
            "The first votes will be counted Tuesday, officials said.",
            date(2016, 2, 8),
            "2016-02-09",
        ),
        ("The primary on Tuesday will test Rubio.", date(2016, 2, 8), "2016-02-09"),
        (
            "The Silver State holds its Democratic caucuses on Saturday.",
            date(2016, 2, 18),
            "2016-02-20",
        ),
        # an event of the calendar that "is" on the day, as a page of Monday 18 November put it
        ("Stadia's launch day is Tuesday.", date(2019, 11, 18), "2019-11-19"),
        ("The deadline is Friday, the council said.", date(2019, 11, 18), "2019-11-22"),
        ("The meeting was Tuesday.", date(2019, 11, 18), "2019-11-12"),
        # ... and the past stays past: a past verb, a noun "votes", a lead held after the day, a
        # past participle or a relative clause before the day
        (
            "Clinton won on Tuesday, and her campaign said it was pleased.",
            date(2016, 2, 5),
            "2016-02-02",
        ),
        ("The meeting that opened Monday ended without a deal.", date(2016, 2, 5), "2016-02-01"),
        ("Trump won the most votes on Tuesday in New Hampshire.", date(2016, 2, 18), "2016-02-16"),
        ("Clinton holds a lead after the vote on Saturday.", date(2016, 2, 18), "2016-02-13"),
        ("The report released Tuesday will shape the debate.", date(2016, 2, 18), "2016-02-16"),
        ("The poll conducted Sunday won't settle the race.", date(2016, 2, 18), "2016-02-14"),
        ("The storm that hit Monday will cost billions.", date(2016, 2, 18), "2016-02-15"),
    ],
)
def test_review_cases_of_days_and_months_named_for_events(
    sentence: str, anchor: date, expected: str
) -> None:
    assert [t.value for t in tag(sentence, anchor)] == [expected]
