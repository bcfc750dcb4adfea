"""Word units of a Ukrainian sentence: words (hyphens and apostrophes inside), numbers, punctuation.

spaCy's Ukrainian tokenizer keeps "Х-59/69" whole but splits "Іскандер-М" and "Циркон"/"Онікс"
unevenly, so the weapon grammar reads its own units: a word with its inner hyphens and
apostrophes ("Іскандер-М", "п'ятьма", "дронами-імітаторами"), a number ("101", "18:00" is three
units), or one punctuation character ("/", ",", "(", "–"). Each unit keeps its character offsets
and its dictionary form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.extract.uk.morph import Morphology, normal_text

_UNIT = re.compile(r"[^\W_]+(?:['\u2019\u02bc-][^\W_]+)*|\S", re.UNICODE)
# Latin letters that look like Cyrillic ones, so that "X-59" (Latin) and "Х-59" (Cyrillic) match.
_LOOKALIKE = str.maketrans("abcehkmoptxyi", "авсенкмортхуі")
_QUOTES = str.maketrans("", "", "\"'\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019\u02bc")


@dataclass(frozen=True)
class Unit:
    text: str
    start: int
    end: int
    lemma: str
    key: str  # the folded spelling that model names are matched on (`fold`)

    @property
    def is_number(self) -> bool:
        return self.text.isdigit()

    @property
    def is_word(self) -> bool:
        return any(c.isalpha() for c in self.text)


def fold(text: str) -> str:
    """Lowercase, quotes dropped, Latin look-alike letters made Cyrillic ("X-59" == "Х-59")."""
    return normal_text(text).translate(_QUOTES).translate(_LOOKALIKE)


def units(text: str, start: int, end: int, morph: Morphology) -> list[Unit]:
    """The units of text[start:end], with offsets into `text`; quotation marks are left out."""
    found = []
    for m in _UNIT.finditer(text, start, end):
        word = m.group()
        if not word.translate(_QUOTES):
            continue  # quotes carry nothing: "3М22 «Циркон»" reads as 3М22 Циркон
        lemma = morph.lemma(word) if any(c.isalpha() for c in word) else word
        found.append(Unit(word, m.start(), m.end(), lemma, fold(word)))
    return found
