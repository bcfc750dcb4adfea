"""Inflected Cyrillic place names: "у Харкові", "в Києві", "на Одещині", "в Харькове".

`Lemmatizer.normal_forms(word)` gives the dictionary forms of a Ukrainian or Russian word, the
readings of pymorphy3's Ukrainian dictionaries first, then its Russian ones, each in the order of
the analyzer's scores; the geocoder keeps the first whose form is an alias in the gazetteer (so the
gazetteer chooses among the readings: "Харкові" is "Харко" as a surname and "Харків" as a noun).
The analyzers are built on the first Cyrillic word (half a second), once per Lemmatizer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitroom.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Sequence

# Parts of speech a place name can have (nouns; adjectives begin names such as "Кривий Ріг").
_PARTS = frozenset({"NOUN", "ADJF"})
_LANGUAGES = ("uk", "ru")


class Lemmatizer:
    """Normal forms of Cyrillic words, with a cache of the words seen."""

    def __init__(self) -> None:
        self._analyzers: Sequence[Any] | None = None
        self._seen: dict[str, tuple[str, ...]] = {}

    def normal_forms(self, word: str) -> tuple[str, ...]:
        """The dictionary forms of `word` (lowercase), most likely first, without `word` itself."""
        found = self._seen.get(word)
        if found is None:
            forms: dict[str, None] = {}
            for analyzer in self._load():
                for parse in analyzer.parse(word):
                    if parse.tag.POS in _PARTS and parse.normal_form != word.lower():
                        forms[parse.normal_form] = None
            found = self._seen[word] = tuple(forms)
        return found

    def _load(self) -> Sequence[Any]:
        if self._analyzers is None:
            try:
                import pymorphy3
            except ImportError as exc:  # pragma: no cover - a dependency of sitroom
                raise ConfigError(
                    "pymorphy3 is missing, which reads inflected Ukrainian and Russian place names; "
                    "install it with: pip install pymorphy3 pymorphy3-dicts-uk pymorphy3-dicts-ru"
                ) from exc
            self._analyzers = [pymorphy3.MorphAnalyzer(lang=lang) for lang in _LANGUAGES]
        return self._analyzers
