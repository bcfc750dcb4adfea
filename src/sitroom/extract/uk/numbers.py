"""Numbers in Ukrainian text: digits ("101", "1 200") and words in any case ("двома", "шістьма",
"двадцятьма п'ятьма", "дві тисячі"), read from word units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.extract.uk.lexicon import UkLexicon
from sitroom.extract.uk.morph import normal_text
from sitroom.extract.uk.units import Unit

THOUSAND = 1000


@dataclass(frozen=True)
class Number:
    """A number read at units[start:end]; value None when the words give no figure ("кілька")."""

    value: int | None
    start: int
    end: int


def read_number(us: Sequence[Unit], i: int, lexicon: UkLexicon) -> Number | None:
    """The number that starts at unit i (after any modifier such as "понад"), or None."""
    j = i
    while j < len(us) and us[j].lemma in lexicon.number_modifiers and j + 1 < len(us):
        j += 1
    if j >= len(us):
        return None
    if us[j].is_number:
        number = _digits(us, i, j)
        if number is not None and number.end < len(us) and word_value(us[number.end], lexicon) == THOUSAND:
            return Number(None if number.value is None else number.value * THOUSAND, i, number.end + 1)
        return number
    return _words(us, i, j, lexicon)


def _digits(us: Sequence[Unit], i: int, j: int) -> Number | None:
    nxt = us[j + 1] if j + 1 < len(us) else None
    if nxt is not None and nxt.text in ":." and j + 2 < len(us) and us[j + 2].is_number and nxt.start == us[j].end:
        return None  # a time or a decimal: 18:00, 07.30
    text = us[j].text
    end = j + 1
    # thousands written with a space: "1 200" (three digits after the space)
    while end < len(us) and us[end].is_number and len(us[end].text) == 3 and len(text) <= 3 and end == j + 1:
        text += us[end].text
        end += 1
    return Number(int(text), i, end)


def word_value(unit: Unit, lexicon: UkLexicon) -> int | None | bool:
    """The value of a number word (None for a vague one such as "кілька"); False for other words.

    The word as written is tried before its dictionary form: "три" is also a form of "терти".
    """
    for key in (normal_text(unit.text), unit.lemma):
        if key in lexicon.numbers:
            return lexicon.numbers[key]
    return False


def _words(us: Sequence[Unit], i: int, j: int, lexicon: UkLexicon) -> Number | None:
    if word_value(us[j], lexicon) is False:
        return None
    total = 0
    current = 0
    end = j
    while end < len(us) and (value := word_value(us[end], lexicon)) is not False:
        if value is None:
            return Number(None, i, end + 1)
        if value == THOUSAND:
            total += (current or 1) * THOUSAND
            current = 0
        else:
            current += value
        end += 1
    return Number(total + current, i, end)
