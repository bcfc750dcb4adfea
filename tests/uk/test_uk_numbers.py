"""Numbers in digits and in words, in their case forms."""

from __future__ import annotations

import pytest

from sitroom.extract.uk.lexicon import UkLexicon
from sitroom.extract.uk.morph import Morphology
from sitroom.extract.uk.numbers import read_number
from sitroom.extract.uk.units import units


def number(text: str, morph: Morphology, lexicon: UkLexicon) -> int | None:
    found = read_number(units(text, 0, len(text), morph), 0, lexicon)
    return None if found is None else found.value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("101 ударним БпЛА", 101),
        ("двома ракетами", 2),
        ("дві ракети", 2),
        ("шістьма балістичними", 6),
        ("п’ятьма керованими", 5),  # typographic apostrophe
        ("пʼятьма керованими", 5),  # modifier-letter apostrophe
        ("трьома керованими", 3),
        ("три ракети", 3),  # also a form of the verb "терти"
        ("однією ракетою", 1),
        ("одну ракету", 1),
        ("чотирма", 4),
        ("сімома", 7),
        ("двадцятьма п'ятьма дронами", 25),
        ("сто двадцять три", 123),
        ("дві тисячі абонентів", 2000),
        ("12 тисяч абонентів", 12000),
        ("1 200 абонентів", 1200),
        ("понад 90 ударних БпЛА", 90),
        ("щонайменше трьох людей", 3),
        ("на п’яти локаціях", None),  # a preposition is not a number
        ("п’яти локаціях", 5),  # not "п'ята" (a heel)
        ("семи локаціях", 7),  # not "сема"
        ("сорока ударними БпЛА", 40),  # not "сорока" (a magpie)
        ("сорока п’ятьма", 45),
        ("дев’яноста БпЛА", 90),
        ("ста сорока", 140),
        ("двохсот", 200),
        ("обидві ракети", 2),
        ("обох ракет", 2),
        ("1 150 ударними", 1150),
    ],
)
def test_reads_digits_and_words_in_any_case(
    text: str, value: int | None, morph: Morphology, uk_lexicon: UkLexicon
) -> None:
    assert number(text, morph, uk_lexicon) == value


def test_vague_words_give_no_figure(morph: Morphology, uk_lexicon: UkLexicon) -> None:
    text = "кілька ворожих БпЛА"
    found = read_number(units(text, 0, len(text), morph), 0, uk_lexicon)
    assert found is not None and found.value is None


@pytest.mark.parametrize("text", ["18:00 25 червня", "07.30", "ракета"])
def test_times_and_words_are_not_numbers(text: str, morph: Morphology, uk_lexicon: UkLexicon) -> None:
    assert read_number(units(text, 0, len(text), morph), 0, uk_lexicon) is None
