"""Tests for sitroom.dates: finding date expressions and resolving them against publication."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from sitroom.dates import (
    find_date_expressions,
    load_date_grammar,
    may_be_same_time,
    resolve_date,
    sentence_date,
)
from sitroom.model import DatePrecision, DateSpan

D = DatePrecision.DAY
W = DatePrecision.WEEK
M = DatePrecision.MONTH
Y = DatePrecision.YEAR

TUE = dt.date(2025, 12, 23)  # a Tuesday
MON = dt.date(2026, 1, 5)  # a Monday, early in the year


def found(text: str) -> list[str]:
    return [text[start:end] for start, end in find_date_expressions(text)]


def days(start: str | None, end: str | None = None) -> tuple[dt.date | None, dt.date | None]:
    first = dt.date.fromisoformat(start) if start else None
    return first, dt.date.fromisoformat(end) if end else first


# --- finding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia attacked Kyiv overnight, officials said.", ["overnight"]),
        ("Strikes hit Odesa on Tuesday.", ["on Tuesday"]),
        ("Strikes hit Odesa on Tuesday night.", ["on Tuesday night"]),
        ("Tuesday's strike killed four.", ["Tuesday"]),
        ("The talks failed last week and last month.", ["last week", "last month"]),
        ("Sirens sounded this morning in Lviv.", ["this morning"]),
        ("Drones struck early on Saturday.", ["early on Saturday"]),
        ("He spoke yesterday and again today.", ["yesterday", "today"]),
        ("It was hit on 3 December.", ["on 3 December"]),
        ("Since December 3 the port is shut.", ["December 3"]),
        ("On Dec. 3, 2025, the port was hit.", ["On Dec. 3, 2025"]),
        ("It was hit 3 December 2025 at noon.", ["3 December 2025"]),
        ("Attacked on the night of 3-4 December.", ["on the night of 3-4 December"]),
        ("Attacked the night of Dec. 3 to 4, officials said.", ["the night of Dec. 3 to 4"]),
        ("Report dated 2025-12-03.", ["2025-12-03"]),
        ("The plant was shelled in November.", ["in November"]),
        ("The bridge was built in 2023.", ["in 2023"]),
        ("Explosions were heard last night.", ["last night"]),
        ("Russia attacked twice earlier this week.", ["earlier this week"]),
        ("Port hit on Monday evening.", ["on Monday evening"]),
        ("Shelling began at dawn.", ["at dawn"]),
        ("Shelling began at dawn on Sunday.", ["at dawn on Sunday"]),
        ("Strikes launched overnight into Saturday.", ["overnight into Saturday"]),
        ("Drones launched overnight Saturday, he said.", ["overnight Saturday"]),
        ("Fighting between 3 and 5 December.", ["between 3 and 5 December"]),
        ("Fighting from Dec. 30 to Jan. 2.", ["from Dec. 30 to Jan. 2"]),
        ("The night of Saturday to Sunday was loud.", ["The night of Saturday to Sunday"]),
        ("The market was hit on December 3rd.", ["on December 3rd"]),
        ("The market was hit on the 3rd of December.", ["on the 3rd of December"]),
        ("It happened in May 2024 and in mid-November.", ["in May 2024", "in mid-November"]),
        ("May 9 is Victory Day.", ["May 9"]),
        ("On Tuesday, Dec. 2, 2025, talks began.", ["On Tuesday, Dec. 2, 2025"]),
        ("Documented 24.3.2022 and 20/3/2022.", ["24.3.2022", "20/3/2022"]),
        ("He was wounded three days ago.", ["three days ago"]),
        ("Over the past 24 hours, 38 airstrikes.", ["Over the past 24 hours"]),
        ("Destroyed in the summer of 2023.", ["in the summer of 2023"]),
    ],
)
def test_finds_expressions(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "Russia launched 3 drones and 2 missiles.",
        "Article 5 of the treaty applies.",
        "Tensions go back to the 1990s and the 1990's.",
        "The strike came hours after the talks ended.",
        "Reports claim this may have been an ammunition store.",
        "Columns march 2 km a day.",
        "He told USA Today and the Mail on Sunday.",
        "About 2,000 people and 1,100 homes lost power.",
        "Budgets for 2022-23 were cut; the 2024 offensive failed.",
        "Section 12.3 of the report, paragraph 4.",
        "Officials may 3 times revise the toll.",
    ],
)
def test_ignores_non_dates(text: str) -> None:
    assert found(text) == []


def test_spans_are_ordered_and_do_not_overlap() -> None:
    text = "On Monday evening and overnight into Tuesday, then on 3 December and in 2023."
    spans = find_date_expressions(text)
    assert [text[s:e] for s, e in spans] == [
        "On Monday evening",
        "overnight into Tuesday",
        "on 3 December",
        "in 2023",
    ]
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


def test_offsets_survive_curly_quotes_and_dashes() -> None:
    text = "Zelenskyy\u2019s office said the night of 3\u20134 December\u00a02025 was the worst."
    assert found(text) == ["the night of 3\u20134 December\u00a02025"]


def test_case_insensitive() -> None:
    assert found("STRIKES ON TUESDAY NIGHT AND IN DEC. LAST WEEK") == [
        "ON TUESDAY NIGHT",
        "IN DEC.",
        "LAST WEEK",
    ]
    assert found("it was hit on dec. 3") == ["on dec. 3"]


# --- resolving -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "published", "start", "end", "precision"),
    [
        # the night ending on the publication day
        ("overnight", TUE, "2025-12-22", "2025-12-23", D),
        ("last night", TUE, "2025-12-22", "2025-12-23", D),
        ("overnight", MON, "2026-01-04", "2026-01-05", D),
        # the publication day itself
        ("tonight", TUE, "2025-12-23", None, D),
        ("this morning", TUE, "2025-12-23", None, D),
        ("at dawn", TUE, "2025-12-23", None, D),
        ("today", TUE, "2025-12-23", None, D),
        ("early on Tuesday", TUE, "2025-12-23", None, D),
        ("yesterday", TUE, "2025-12-22", None, D),
        ("yesterday", dt.date(2026, 1, 1), "2025-12-31", None, D),
        # weekdays: latest on or before publication, the same weekday is the publication day
        ("on Tuesday", TUE, "2025-12-23", None, D),
        ("on Monday", TUE, "2025-12-22", None, D),
        ("Wednesday", TUE, "2025-12-17", None, D),
        ("on Saturday", MON, "2026-01-03", None, D),
        ("Thursday morning", dt.date(2026, 1, 8), "2026-01-08", None, D),
        ("On Monday evening", TUE, "2025-12-22", None, D),
        ("On Sunday night", TUE, "2025-12-21", "2025-12-22", D),
        ("on Tuesday night", TUE, "2025-12-23", "2025-12-24", D),
        ("overnight Saturday", dt.date(2026, 2, 8), "2026-02-06", "2026-02-07", D),
        ("overnight into Tuesday", TUE, "2025-12-22", "2025-12-23", D),
        ("last Tuesday", TUE, "2025-12-16", None, D),
        ("next Tuesday", TUE, "2025-12-30", None, D),
        ("the night of Saturday to Sunday", TUE, "2025-12-20", "2025-12-21", D),
        # weeks
        ("last week", TUE, "2025-12-15", "2025-12-21", W),
        ("Last week", MON, "2025-12-29", "2026-01-04", W),
        ("earlier this week", TUE, "2025-12-22", "2025-12-23", W),
        ("this week", dt.date(2025, 5, 1), "2025-04-28", "2025-05-01", W),
        ("last weekend", TUE, "2025-12-20", "2025-12-21", D),
        ("in the previous 24 hours", TUE, "2025-12-22", "2025-12-23", D),
        # months and years
        ("last month", TUE, "2025-11-01", "2025-11-30", M),
        ("last month", MON, "2025-12-01", "2025-12-31", M),
        ("in November", TUE, "2025-11-01", "2025-11-30", M),
        ("in December", TUE, "2025-12-01", "2025-12-31", M),
        ("in December", MON, "2025-12-01", "2025-12-31", M),
        ("in February", dt.date(2024, 3, 1), "2024-02-01", "2024-02-29", M),
        ("in November 2023", TUE, "2023-11-01", "2023-11-30", M),
        ("May 2024", TUE, "2024-05-01", "2024-05-31", M),
        ("earlier this month", TUE, "2025-12-01", "2025-12-23", M),
        ("in 2023", TUE, "2023-01-01", "2023-12-31", Y),
        ("last year", MON, "2025-01-01", "2025-12-31", Y),
        ("this year", MON, "2026-01-01", "2026-01-05", Y),
        # explicit days, the year from the text or on/before publication
        ("on 3 December", MON, "2025-12-03", None, D),
        ("on 3 December", TUE, "2025-12-03", None, D),
        ("December 3", MON, "2025-12-03", None, D),
        ("Dec. 3", MON, "2025-12-03", None, D),
        ("December 3rd", MON, "2025-12-03", None, D),
        ("the 3rd of December", MON, "2025-12-03", None, D),
        ("3 Dec 2025", MON, "2025-12-03", None, D),
        ("Dec. 3, 2024", MON, "2024-12-03", None, D),
        ("on 23 December", TUE, "2025-12-23", None, D),
        ("on 24 December", TUE, "2025-12-24", None, D),  # tomorrow, not a year ago
        ("on 22 December", dt.date(2026, 1, 2), "2025-12-22", None, D),  # across new year
        ("on 15 August", dt.date(2025, 8, 24), "2025-08-15", None, D),
        ("on 10 January", MON, "2026-01-10", None, D),  # more than ten months back: upcoming
        ("on 29 February", dt.date(2025, 3, 10), "2024-02-29", None, D),
        # nights and ranges
        ("the night of 3-4 December", MON, "2025-12-03", "2025-12-04", D),
        ("on the night of 3-4 December", TUE, "2025-12-03", "2025-12-04", D),
        ("the night of Dec. 3 to 4", MON, "2025-12-03", "2025-12-04", D),
        ("on the night of 3 December", MON, "2025-12-03", "2025-12-04", D),
        ("the night of 31 December to 1 January", MON, "2025-12-31", "2026-01-01", D),
        ("between 2 and 8 October 2021", TUE, "2021-10-02", "2021-10-08", D),
        ("16 August to 15 November 2017", TUE, "2017-08-16", "2017-11-15", D),
        # numeric dates
        ("2025-12-03", None, "2025-12-03", None, D),
        ("24.3.2022", None, "2022-03-24", None, D),
        ("03/04/2022", None, "2022-04-03", None, D),
        ("12/25/2024", None, "2024-12-25", None, D),
        # counted back
        ("three days ago", TUE, "2025-12-20", None, D),
        ("a week ago", TUE, "2025-12-15", "2025-12-21", W),
        ("two months ago", MON, "2025-11-01", "2025-11-30", M),
    ],
)
def test_resolves(
    expression: str,
    published: dt.date | None,
    start: str,
    end: str | None,
    precision: DatePrecision,
) -> None:
    first, last = days(start, end)
    assert resolve_date(expression, published) == DateSpan(first, last, precision, expression)


@pytest.mark.parametrize(
    "expression",
    ["overnight", "on Tuesday", "last week", "in November", "on 3 December", "yesterday",
     "the night of 3-4 December", "two days ago", "this morning"],
)  # fmt: skip
def test_relative_without_publication_is_unknown(expression: str) -> None:
    assert resolve_date(expression, None) == DateSpan(None, None, None, expression)


@pytest.mark.parametrize(
    ("expression", "start", "end", "precision"),
    [
        ("3 December 2025", "2025-12-03", None, D),
        ("Dec. 3, 2025", "2025-12-03", None, D),
        ("the night of 3-4 December 2025", "2025-12-03", "2025-12-04", D),
        ("in November 2025", "2025-11-01", "2025-11-30", M),
        ("in 2023", "2023-01-01", "2023-12-31", Y),
    ],
)
def test_absolute_without_publication_resolves(
    expression: str, start: str, end: str | None, precision: DatePrecision
) -> None:
    first, last = days(start, end)
    assert resolve_date(expression, None) == DateSpan(first, last, precision, expression)


@pytest.mark.parametrize("expression", ["hours after the attack", "", "Article 5", "31 February 2025", "the 1990s"])
def test_unrecognised_is_unknown(expression: str) -> None:
    assert resolve_date(expression, TUE) == DateSpan(None, None, None, expression)


def test_published_datetime_uses_its_date() -> None:
    published = dt.datetime(2025, 12, 23, 23, 30, tzinfo=dt.UTC)
    assert resolve_date("yesterday", published).start == dt.date(2025, 12, 22)


def test_text_is_kept_as_given() -> None:
    span = resolve_date("  On Tuesday\u2019s  ", TUE)
    assert span.text == "  On Tuesday\u2019s  "
    assert resolve_date("on the night of 3\u20134 December", MON).start == dt.date(2025, 12, 3)


def test_every_found_expression_resolves() -> None:
    text = (
        "Overnight, and on Tuesday night, early on Saturday, last week, this morning, yesterday, "
        "on 3 December, Dec. 3, 2025, the night of 3-4 December, 2025-12-03, in November, "
        "in 2023, earlier this week, on Monday evening, at dawn, three days ago."
    )
    spans = [resolve_date(text[s:e], TUE) for s, e in find_date_expressions(text)]
    assert len(spans) == 16
    assert all(span.start is not None and span.precision is not None for span in spans)


# --- sentence_date -------------------------------------------------------------------------


def _sentence_date(sentence: str, published: dt.date | None) -> DateSpan | None:
    return sentence_date([sentence[s:e] for s, e in find_date_expressions(sentence)], published)


def test_sentence_date_takes_the_first_expression() -> None:
    sentence = "On Sunday night, strikes cut power; on Monday repairs began."
    assert _sentence_date(sentence, TUE) == DateSpan(*days("2025-12-21", "2025-12-22"), D, "On Sunday night")


def test_sentence_date_none_without_expression() -> None:
    assert _sentence_date("Strikes cut power to 120,000 people.", TUE) is None


def test_sentence_date_prefers_an_expression_that_resolves() -> None:
    sentence = "On Tuesday officials recalled the attack of 3 December 2025."
    assert _sentence_date(sentence, None) == DateSpan(*days("2025-12-03"), D, "3 December 2025")
    assert _sentence_date("On Tuesday officials spoke.", None) == DateSpan(None, None, None, "On Tuesday")


def test_sentence_date_dates_the_attack_before_its_aftermath() -> None:
    sentence = "Homes were left without power Tuesday morning after an overnight attack."
    assert _sentence_date(sentence, TUE) == DateSpan(*days("2025-12-22", "2025-12-23"), D, "overnight")


def test_sentence_date_keeps_the_first_of_two_times() -> None:
    sentence = "Power returned on Tuesday after the strike of Sunday night."  # no night can be Tuesday
    assert _sentence_date(sentence, TUE) == DateSpan(*days("2025-12-23"), D, "on Tuesday")


def test_sentence_date_keeps_a_first_month() -> None:
    assert _sentence_date("In December strikes resumed on Monday.", TUE).text == "In December"


# --- the grammar ---------------------------------------------------------------------------


def test_grammar_can_be_loaded_and_passed_in() -> None:
    grammar = load_date_grammar()
    assert find_date_expressions("on Tuesday", grammar=grammar) == [(0, 10)]
    assert resolve_date("on Tuesday", TUE, grammar=grammar).start == TUE
    assert sentence_date(["on Tuesday"], TUE, grammar=grammar) is not None


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("on Saturday night", "on Sunday evening", False),  # the night ended Sunday morning
        ("overnight", "on Monday", True),  # the night ending on the publication day
        ("overnight", "on Monday morning", True),
        ("on Friday", "on Saturday", False),
        ("on Sunday", "on Saturday night", True),  # the small hours of Sunday
        ("last week", "on Friday", True),  # a week says too little to tell apart
    ],
)
def test_may_be_same_time(first: str, second: str, same: bool) -> None:
    published = dt.date(2024, 3, 4)  # a Monday
    assert may_be_same_time(resolve_date(first, published), resolve_date(second, published)) is same
