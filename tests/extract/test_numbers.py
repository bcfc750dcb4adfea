from __future__ import annotations

import pytest

from sitroom import nlp
from sitroom.extract.lexicon import Lexicon
from sitroom.extract.numbers import parse_int, quantities

PIPELINE = nlp.build()


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("more than 1,100 homes", [1100]),
        ("two people", [2]),
        ("a dozen drones", [12]),
        ("two dozen missiles", [24]),
        ("twenty-five shells", [25]),
        ("dozens of drones", []),
        ("several people", []),
        ("hundreds of buildings", []),
        ("1.5 million people", [1_500_000]),
        ("120,000 consumers", [120000]),
        ("a 64-year-old man", [1]),
        ("at 08:30 on 3 December 2025", []),
        ("45 of the 50 drones", [45, 50]),
        ("five to seven people", [5]),  # a range is its lower bound
        ("between five and seven people", [5]),
        ("3-4 civilians", [3]),
        ("two or three houses", [2]),
        ("between 2022 and 2024", []),
        ("10 to 5 minutes", [10]),  # no range downwards
        ("two and three", [2, 3]),  # "and" joins a range only after "between"
    ],
)
def test_quantities(text: str, values: list[int], lexicon: Lexicon) -> None:
    doc = PIPELINE(text)
    assert [q.value for q in quantities(doc[:], lexicon.numbers)] == values


def test_parse_int() -> None:
    assert parse_int("1,100") == 1100
    assert parse_int("45") == 45
    assert parse_int("4a") is None
