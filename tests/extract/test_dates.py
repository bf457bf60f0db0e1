"""Date expressions: forms, ranges, relative dates, numbers that are not dates."""

from __future__ import annotations

import datetime as dt

import pytest

from orgkg.extract.dates import DateValue, find_dates, parse_date_line

XSD = "http://www.w3.org/2001/XMLSchema#"


def found(sentence: str, anchor: dt.date | None = None) -> list[tuple[str, str, str, str | None]]:
    """(span text, iso, precision, end_iso) for each date in the sentence."""
    return [(sentence[s:e], v.iso, v.precision, v.end_iso) for s, e, v in find_dates(sentence, anchor)]


# --- date lines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("NUR-SULTAN. KAZINFORM date 2019-12-05", "2019-12-05"),
        ("Saturday, 2 October 2021", "2021-10-02"),
        ("Sunday, November 28, 1999, updated at 13:03(GMT+8)", "1999-11-28"),
        ("Tuesday, 18, May, 2021", "2021-05-18"),
        ("16/02/2022 12:40", "2022-02-16"),
        ("30/10/2015 15:53", "2015-10-30"),
        ("17.07.2020", "2020-07-17"),
        ("2017-04-07 11:52", "2017-04-07"),
        ("09 Feb 2022", "2022-02-09"),
        ("Dec 17, 2011", "2011-12-17"),
        ("25 September 2017", "2017-09-25"),
        ("9 June 2017", "2017-06-09"),
        ("March 29, 2019", "2019-03-29"),
        ("November 4, 2019", "2019-11-04"),
        ("2018-11-15", "2018-11-15"),
        ("2019-12-05T10:00:00+06:00", "2019-12-05"),
        ("Posted: Mar 3rd 2020 at 10:14 am", "2020-03-03"),
        ("12th of March, 2020", "2020-03-12"),
    ],
)
def test_parse_date_line(line: str, date: str) -> None:
    assert parse_date_line(line) == dt.date.fromisoformat(date)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Undated",
        "by Dilshan Tharaka",
        "By Azernews",
        "Tashkent, Uzbekistan, Apr. 7",  # no year
        "May 2022",  # not a day
        "A memorandum was signed on 5 May 2019.",  # a sentence, not a date line
        "Nearly 5,000 delegates expected for ADB annual conference",
        "DUSHANBE, October 30, 2015, Asia-Plus – Eight cooperation documents were signed as a result of the "
        "session of the Council of Heads of Government",
    ],
)
def test_parse_date_line_rejects(line: str) -> None:
    assert parse_date_line(line) is None


# --- explicit dates -------------------------------------------------------------------------

A22 = dt.date(2022, 2, 16)


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        ("On February 11, 2022, the Assembly met.", A22, [("February 11, 2022", "2022-02-11", "day", None)]),
        ("The MoU was signed on February 11.", A22, [("February 11", "2022-02-11", "day", None)]),
        (
            "in a press release on Wednesday, February 9, 2022, the",
            A22,
            [("Wednesday, February 9, 2022", "2022-02-09", "day", None)],
        ),
        ("the Forum in May 2022, and", A22, [("May 2022", "2022-05", "month", None)]),
        ("met at the Summit in May 2016 in Sochi.", A22, [("May 2016", "2016-05", "month", None)]),
        ("signed between Azerbaijan and UNESCO in 2003, allowing", A22, [("2003", "2003", "year", None)]),
        (
            "joined UNESCO as a member on June 3 1992, after",
            A22,
            [("June 3 1992", "1992-06-03", "day", None)],
        ),
        ("dated 16/02/2022 and", A22, [("16/02/2022", "2022-02-16", "day", None)]),
        ("dated 02/16/2022 (US order, only valid reading)", A22, [("02/16/2022", "2022-02-16", "day", None)]),
        ("dated 2022-02-11 and", A22, [("2022-02-11", "2022-02-11", "day", None)]),
        ("dated 17.07.2020.", A22, [("17.07.2020", "2020-07-17", "day", None)]),
        ("Tashkent, Uzbekistan, Apr. 7", dt.date(2017, 4, 7), [("Apr. 7", "2017-04-07", "day", None)]),
        (
            "YEREVAN, SEPTEMBER 25, ARMENPRESS.",
            dt.date(2017, 9, 25),
            [("SEPTEMBER 25", "2017-09-25", "day", None)],
        ),
        (
            "gathered in Manila November 26 for",
            dt.date(1999, 11, 28),
            [("November 26", "1999-11-26", "day", None)],
        ),
        ("on the 9th of May", dt.date(2022, 5, 20), [("9th of May", "2022-05-09", "day", None)]),
        ("Founded in 1967, ASEAN", A22, [("1967", "1967", "year", None)]),
        ("the realities of 2020 the EAEU", A22, [("2020", "2020", "year", None)]),
        ("It has grown since 2016.", A22, [("2016", "2016", "year", None)]),
    ],
)
def test_explicit_dates(sentence: str, anchor: dt.date, expected: list) -> None:
    assert found(sentence, anchor) == expected


def test_offsets_exclude_prepositions() -> None:
    s = "It was held on 8-9 June 2017 in Astana."
    [(start, end, value)] = find_dates(s, None)
    assert s[start:end] == "8-9 June 2017"
    assert (start, end) == (15, 28)
    assert value == DateValue("2017-06", "month", "2017-06-09")


def test_xsd_datatype() -> None:
    assert DateValue("2022-02-11", "day").xsd_datatype == XSD + "date"
    assert DateValue("2022-05", "month").xsd_datatype == XSD + "gYearMonth"
    assert DateValue("2022", "year").xsd_datatype == XSD + "gYear"


# --- ranges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        # within one month: the month, per the annotation guidelines; end_iso keeps the last day
        (
            "was held in Astana on 8-9 June 2017. Its",
            None,
            [("8-9 June 2017", "2017-06", "month", "2017-06-09")],
        ),
        ("held June 8–9, 2017 in Astana", None, [("June 8–9, 2017", "2017-06", "month", "2017-06-09")]),
        (
            "The conference is to take place in Sri Lanka from May 2 to 5, next year (2022).",
            dt.date(2021, 10, 2),
            [("May 2 to 5, next year (2022)", "2022-05", "month", "2022-05-05")],
        ),
        (
            "from May 2 to 5, next year",
            dt.date(2021, 10, 2),
            [("May 2 to 5, next year", "2022-05", "month", "2022-05-05")],
        ),
        # over two months: the first day
        (
            "The session is going to take place in Baku from June 30 to July 10.",
            dt.date(2019, 3, 29),
            [("June 30 to July 10", "2019-06-30", "day", "2019-07-10")],
        ),
        (
            "from 30 June to 10 July 2019",
            None,
            [("30 June to 10 July 2019", "2019-06-30", "day", "2019-07-10")],
        ),
        (
            "from December 28 to January 3, 2022",
            None,
            [("December 28 to January 3, 2022", "2021-12-28", "day", "2022-01-03")],
        ),
        # years and months
        ("mayor of Calgary from 1977 to 1980.", None, [("1977 to 1980", "1977", "year", "1980")]),
        ("minister between 2009 and 2013, and", None, [("2009 and 2013", "2009", "year", "2013")]),
        (
            "from February till May 2014, becoming",
            None,
            [("February till May 2014", "2014-02", "month", "2014-05")],
        ),
        (
            "a conflict from July 1964 to December 1979 in",
            None,
            [("July 1964 to December 1979", "1964-07", "month", "1979-12")],
        ),
    ],
)
def test_ranges(sentence: str, anchor: dt.date | None, expected: list) -> None:
    assert found(sentence, anchor) == expected


def test_lifespan_is_two_dates_not_a_range() -> None:
    assert found("Ross Alger (August 20, 1920 – January 16, 1992) was") == [
        ("August 20, 1920", "1920-08-20", "day", None),
        ("January 16, 1992", "1992-01-16", "day", None),
    ]
    assert found("Eivind Bolle (13 October 1923 – 10 June 2012) was") == [
        ("13 October 1923", "1923-10-13", "day", None),
        ("10 June 2012", "2012-06-10", "day", None),
    ]


def test_word_connector_needs_from() -> None:
    # "May 2 to 5 ..." without "from"/"between" is a date and a number
    assert found("On May 2 to 5 delegates came.", dt.date(2022, 5, 20)) == [
        ("May 2", "2022-05-02", "day", None)
    ]


# --- dates without a year and relative dates -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        (
            "Lim Jock Hoi on November 15 in Singapore",
            dt.date(2018, 11, 15),
            [("November 15", "2018-11-15", "day", None)],
        ),
        # more than two months after the anchor in a past report: the year before
        (
            "The memorandum was signed on December 28.",
            dt.date(2022, 1, 10),
            [("December 28", "2021-12-28", "day", None)],
        ),
        ("It was held in November.", dt.date(2022, 1, 10), [("November", "2021-11", "month", None)]),
        # ... but not in a sentence about the future
        (
            "The session will take place on June 30.",
            dt.date(2019, 3, 29),
            [("June 30", "2019-06-30", "day", None)],
        ),
        # a future sentence moves a date long before the anchor to the next year
        ("The summit will be held in March.", dt.date(2021, 12, 20), [("March", "2022-03", "month", None)]),
        (
            "In 2017 next meetings will take place in Moscow in October, and in Kazan in May.",
            dt.date(2017, 4, 7),
            [
                ("2017", "2017", "year", None),
                ("October", "2017-10", "month", None),
                ("May", "2017-05", "month", None),
            ],
        ),
        (
            "signed on Saturday by the government",
            dt.date(2011, 12, 17),
            [("Saturday", "2011-12-17", "day", None)],
        ),
        ("said on Wednesday that", dt.date(2022, 2, 16), [("Wednesday", "2022-02-16", "day", None)]),
        ("said on Monday that", dt.date(2022, 2, 16), [("Monday", "2022-02-14", "day", None)]),
        ("met last Wednesday", dt.date(2022, 2, 16), [("last Wednesday", "2022-02-09", "day", None)]),
        ("will meet next Monday", dt.date(2022, 2, 16), [("next Monday", "2022-02-21", "day", None)]),
        ("will meet on Friday", dt.date(2022, 2, 16), [("Friday", "2022-02-18", "day", None)]),
        ("The partners today signed", dt.date(2022, 2, 9), [("today", "2022-02-09", "day", None)]),
        ("\"Today's signing shows", dt.date(2011, 12, 17), [("Today", "2011-12-17", "day", None)]),
        ("It was agreed yesterday.", dt.date(2022, 2, 9), [("yesterday", "2022-02-08", "day", None)]),
        (
            "It was celebrated by UNESCO last year.",
            dt.date(2019, 3, 29),
            [("last year", "2018", "year", None)],
        ),
        (
            "due to be held in Sri Lanka next year on",
            dt.date(2021, 10, 2),
            [("next year", "2022", "year", None)],
        ),
        ("earlier this month", dt.date(2021, 10, 2), [("this month", "2021-10", "month", None)]),
        ("two weeks ago", dt.date(2022, 1, 10), [("two weeks ago", "2021-12-27", "day", None)]),
        # "one day earlier" counts from the date before it in the sentence, else the anchor
        (
            "They met on November 15, a MoU having been signed one day earlier.",
            dt.date(2018, 11, 20),
            [("November 15", "2018-11-15", "day", None), ("one day earlier", "2018-11-14", "day", None)],
        ),
        (
            "It was signed a day earlier.",
            dt.date(2018, 11, 15),
            [("a day earlier", "2018-11-14", "day", None)],
        ),
        (
            "On 5 May 2019 they met and signed the same day.",
            None,
            [("5 May 2019", "2019-05-05", "day", None), ("the same day", "2019-05-05", "day", None)],
        ),
    ],
)
def test_relative(sentence: str, anchor: dt.date | None, expected: list) -> None:
    assert found(sentence, anchor) == expected


def test_without_anchor_relative_dates_are_dropped_and_context_year_is_used() -> None:
    assert found("signed on Saturday, today, last year, on November 15, in May") == []
    assert found("In 1958, he became trustee and on May 5 chairman.") == [
        ("1958", "1958", "year", None),
        ("May 5", "1958-05-05", "day", None),
    ]


def test_relative_to_an_unknown_event_is_not_a_date() -> None:
    assert found("two days after the summit", A22) == []
    assert found("the day before the vote", A22) == []
    assert found("It opened two days after.", A22) == [("two days after", "2022-02-18", "day", None)]


# --- numbers that are not dates -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "ends with signing of 40 cooperation documents",
        "The parties adopted 18 items of the agenda.",
        "the third stage (2016-2020) of the CIS Economic Development Strategy",
        "the work plan for the new biennium 2022-2023, he said",
        "an action plan for 2021-2023, which includes timelines",
        "the post-COVID-19 pandemic recovery",
        "long-term goals laid down in the 2025 Strategy.",
        "goals of the Strategy in 2025 Strategy terms",
        "Nearly 5,000 delegates expected",
        "updated at 13:03(GMT+8)",
        "a meeting of 2000 people",
        "Cooperation in Tourism for 2017-2018, plus seven decisions",
        "the ASEAN Socio-Cultural Community 2025, especially",
        "it may rain; they march on",  # lower-case month words are verbs
        "with his family in 1930s Alberta",
        "in 2016–2020 the programme ran",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert find_dates(sentence, A22) == []


def test_bare_year_needs_a_preposition() -> None:
    assert found("The 2003 agreement was signed in 2003.", A22) == [("2003", "2003", "year", None)]
    assert find_dates("The 2003 agreement", A22) == []


def test_invalid_calendar_dates_are_dropped() -> None:
    assert find_dates("on February 30, 2022 and 31/02/2022", None) == []
