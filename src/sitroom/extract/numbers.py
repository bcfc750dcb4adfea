"""Numbers as reports state them: "1,100", "two", "a dozen", "two dozen", "twenty-five".

A vague quantity ("dozens", "several", "hundreds of") states no number and reads as None.
Qualifiers ("more than", "at least", "nearly") do not change the stated number. A range ("five to
seven", "between five and seven", "3-4", "two or three") is one quantity, its lower bound: the
number the report vouches for, as "at least five" is five.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

_DIGITS = re.compile(r"^\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+$|^\d+$")
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


@dataclass(frozen=True)
class Quantity:
    """A number found in text: its value and the tokens [start, end) that state it."""

    value: int
    start: int
    end: int


def parse_int(text: str) -> int | None:
    """A number written in digits ("1,100", "45") as an int, else None."""
    text = text.strip()
    if _DIGITS.match(text):
        return int(re.sub(r"\D", "", text))
    return None


def quantities(span: Span, words: dict[str, int]) -> list[Quantity]:
    """Every stated number in a span of tokens, left to right, each as long as it reaches."""
    found: list[Quantity] = []
    tokens = list(span)
    i = 0
    while i < len(tokens):
        quantity = _quantity_at(tokens, i, words)
        if quantity is None:
            i += 1
            continue
        quantity = _range_from(tokens, quantity, span.start, words)
        found.append(quantity)
        i = quantity.end - span.start
    return found


# Words between the two ends of a range: "five to seven", "3-4", "two or three", "between five and seven".
_RANGE_LINKS = frozenset({"to", "-", "\u2013", "or"})


def _range_from(tokens: list[Token], low: Quantity, offset: int, words: dict[str, int]) -> Quantity:
    """`low`, or the range it begins, as one quantity of the lower bound."""
    j = low.end - offset
    if j + 1 >= len(tokens):
        return low
    link = tokens[j].lower_
    between = low.start - offset > 0 and tokens[low.start - offset - 1].lower_ == "between"
    if not (link in _RANGE_LINKS or (link == "and" and between)):
        return low
    high = _quantity_at(tokens, j + 1, words)
    if high is None or high.start != tokens[j + 1].i or high.value <= low.value:
        return low
    return Quantity(low.value, low.start, high.end)


def _quantity_at(tokens: list[Token], i: int, words: dict[str, int]) -> Quantity | None:
    token = tokens[i]
    scaled = _decimal_scaled(tokens, i)
    if scaled is not None:
        return scaled
    value = _token_value(token, words)
    if value is None or _is_not_a_count(tokens, i):
        return None
    start = token.i
    j = i + 1
    lower = token.lower_
    if lower in ("a", "an"):
        # "a" counts only as "a dozen", "a hundred", or "a man" (read by the caller).
        if j < len(tokens) and tokens[j].lower_ in ("dozen", "hundred", "thousand"):
            return Quantity(_SCALES.get(tokens[j].lower_, 12), start, tokens[j].i + 1)
        return Quantity(1, start, token.i + 1)
    # "twenty - five", "two dozen", "1.5 million", "120 thousand"
    while j < len(tokens):
        nxt = tokens[j]
        if nxt.text == "-" and j + 1 < len(tokens) and value % 10 == 0 and 20 <= value < 100:
            unit = words.get(tokens[j + 1].lower_)
            if unit is not None and unit < 10:
                value += unit
                j += 2
                continue
        if nxt.lower_ == "dozen":
            value *= 12
            j += 1
            continue
        if nxt.lower_ in _SCALES:
            value *= _SCALES[nxt.lower_]
            j += 1
            continue
        break
    return Quantity(value, start, tokens[j - 1].i + 1)


def _token_value(token: Token, words: dict[str, int]) -> int | None:
    value = parse_int(token.text)
    if value is not None:
        return value
    return words.get(token.lower_)


def _decimal_scaled(tokens: list[Token], i: int) -> Quantity | None:
    """ "1.5 million" -> 1500000."""
    if i + 1 >= len(tokens) or not re.fullmatch(r"\d+\.\d+", tokens[i].text):
        return None
    scale = _SCALES.get(tokens[i + 1].lower_)
    if scale is None:
        return None
    return Quantity(round(float(tokens[i].text) * scale), tokens[i].i, tokens[i + 1].i + 1)


# Words after a number that make it a measure, a time or a date rather than a count.
_NOT_COUNT_AFTER = frozenset(
    {
        "%",
        "percent",
        "per",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "hours",
        "hour",
        "minutes",
        "days",
        "years",
        "st",
        "nd",
        "rd",
        "th",
    }
)
_NOT_COUNT_BEFORE = frozenset({"-", "no.", "article", "resolution", "number", "at", "since", "in", "by"})


def _is_not_a_count(tokens: list[Token], i: int) -> bool:
    """Ages, times, dates, years, measures and parts of names are numbers but not counts."""
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    if nxt is not None and nxt.text == "-" and after is not None and after.lower_ in ("year", "month", "week", "day"):
        return True
    if nxt is not None and (nxt.lower_ in _NOT_COUNT_AFTER or _is_month(nxt)):
        return True
    if prev is not None and (_is_month(prev) or (prev.lower_ in _NOT_COUNT_BEFORE and token.text.isdigit())):
        return True
    return token.text.isdigit() and len(token.text) == 4 and 1900 <= int(token.text) <= 2100


def _is_month(token: Token) -> bool:
    """A month name or its abbreviation ("December", "Dec."), as the date grammar knows them."""
    from sitroom.dates import default_date_grammar

    return token.lower_.rstrip(".") in default_date_grammar().months
