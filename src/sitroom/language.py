"""The language of a document: "uk", "ru" or "en", from its script and its frequent words.

`detect(article)` honours the document's own "language" field ("uk", "uk-UA", "ukr", "ua", ...);
otherwise it looks at the letters (Cyrillic or Latin), at the letters only one Cyrillic alphabet
has (і ї є ґ: Ukrainian; ы э ъ ё: Russian) and at frequent words (language_data/frequent_words.tsv).
Text in neither script is reported as "en", the language of the default pipeline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from sitroom.datafiles import cells, content_lines, package_text
from sitroom.model import Article

LANGUAGES = ("uk", "ru", "en")
# Spellings of a document's "language" field and the language each one means.
ALIASES: Mapping[str, str] = {
    "uk": "uk", "ua": "uk", "ukr": "uk", "ukrainian": "uk", "українська": "uk",
    "ru": "ru", "rus": "ru", "russian": "ru", "русский": "ru",
    "en": "en", "eng": "en", "english": "en",
}  # fmt: skip
UKRAINIAN_LETTERS = frozenset("іїєґ")
RUSSIAN_LETTERS = frozenset("ыэъё")
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 5000  # characters of the text read for detection
# Cyrillic letters must outnumber Latin ones this many times for a Cyrillic language: an English
# text that quotes a Cyrillic name ("Mariupil Hospital (Мариупольская больница)") stays English.
CYRILLIC_MAJORITY = 2


@dataclass(frozen=True)
class FrequentWords:
    """Frequent words of each language (language_data/frequent_words.tsv)."""

    words: Mapping[str, frozenset[str]]


def load_frequent_words() -> FrequentWords:
    words: dict[str, set[str]] = {}
    for language, word in cells(content_lines(package_text("sitroom", "language_data", "frequent_words.tsv")), 2):
        words.setdefault(language, set()).add(word)
    return FrequentWords({k: frozenset(v) for k, v in words.items()})


def declared(value: str | None) -> str | None:
    """The language a "language" field names, or None when it is absent or unknown."""
    if not value:
        return None
    key = value.strip().lower().replace("_", "-")
    return ALIASES.get(key) or ALIASES.get(key.split("-")[0])


def detect(article: Article, words: FrequentWords | None = None) -> str:
    """The language of an article: its declared language when known, else `detect_text`."""
    return declared(article.language) or detect_text(article.text, words)


def detect_text(text: str, words: FrequentWords | None = None) -> str:
    """ "uk", "ru" or "en" for a text, by script, alphabet-specific letters and frequent words."""
    sample = text[:SAMPLE].lower()
    cyrillic = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in sample if "a" <= c <= "z")
    if cyrillic <= CYRILLIC_MAJORITY * latin:
        return "en"
    letters = Counter(c for c in sample if c in UKRAINIAN_LETTERS or c in RUSSIAN_LETTERS)
    uk = sum(n for c, n in letters.items() if c in UKRAINIAN_LETTERS)
    ru = sum(n for c, n in letters.items() if c in RUSSIAN_LETTERS)
    vocabulary = words or load_frequent_words()
    tokens = Counter(_WORD.findall(sample))
    uk += sum(n for w, n in tokens.items() if w in vocabulary.words.get("uk", ()))
    ru += sum(n for w, n in tokens.items() if w in vocabulary.words.get("ru", ()))
    return "ru" if ru > uk else "uk"
