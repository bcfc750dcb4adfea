"""Ukrainian word forms: dictionary forms and grammatical number through pymorphy3.

`Morphology` wraps one pymorphy3 analyser (built once, passed in) and remembers the words it has
seen, so a document costs one dictionary look-up per distinct word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


def normal_text(word: str) -> str:
    """A word lowercased with its apostrophes unified (the dictionaries use "'")."""
    return word.translate(APOSTROPHES).lower()


class Morphology:
    """Lemmas and number of Ukrainian words; keeps a per-instance memo of what it analysed."""

    def __init__(self, analyzer: MorphAnalyzer | None = None) -> None:
        if analyzer is None:
            from pymorphy3 import MorphAnalyzer

            analyzer = MorphAnalyzer(lang="uk")
        self._analyzer = analyzer
        self._memo: dict[str, tuple[Any, ...]] = {}

    def _parses(self, word: str) -> tuple[Any, ...]:
        key = normal_text(word)
        found = self._memo.get(key)
        if found is None:
            found = tuple(self._analyzer.parse(key)) if any(c.isalpha() for c in key) else ()
            self._memo[key] = found
        return found

    def lemma(self, word: str) -> str:
        """The dictionary form of a word ("ракетами" -> "ракета"); a hyphenated word whose whole
        form is unknown is lemmatised part by part ("бпла-імітаторами" -> "бпла-імітатор")."""
        key = normal_text(word)
        parses = self._parses(key)
        known = bool(parses) and "UNKN" not in str(parses[0].tag)
        if known or "-" not in key:
            return str(parses[0].normal_form) if parses else key
        return "-".join(self.lemma(part) if part else part for part in key.split("-"))

    def lemmas(self, word: str) -> tuple[str, ...]:
        """Every dictionary form a word may have, most likely first (for names: "Києві" -> київ, кий)."""
        parses = self._parses(word)
        inanimate = [p for p in parses if "inan" in str(p.tag)]
        ordered = [str(p.normal_form) for p in (*inanimate, *parses)]
        return tuple(dict.fromkeys(ordered)) or (normal_text(word),)

    def nominatives(self, word: str) -> tuple[str, ...]:
        """The nominative forms a word may stand for, keeping an adjective's gender ("Білій" ->
        біла, "Кривому" -> кривий, "Києві" -> київ), most likely first."""
        out = []
        for p in sorted(self._parses(word), key=lambda p: "inan" not in str(p.tag)):
            if "ADJF" in str(p.tag):
                form = p.inflect({"nomn"})
                out.append(str(form.word) if form is not None else str(p.normal_form))
            else:
                out.append(str(p.normal_form))
        return tuple(dict.fromkeys(out)) or (normal_text(word),)

    def noun(self, word: str) -> bool:
        """True when a word may be a noun ("Києві", "Сумах"; not "Білій", an adjective or a verb)."""
        return any("NOUN" in str(p.tag) for p in self._parses(word))

    def adjective(self, word: str) -> bool:
        """True when a word may be an adjective ("Білій", "Покровському")."""
        return any("ADJF" in str(p.tag) for p in self._parses(word))

    def neuter_nominatives(self, word: str) -> tuple[str, ...]:
        """The neuter nominative forms of a word read as a neuter adjective ("Кам'янському" ->
        кам'янське): the form of the many place names that are adjectives on their own."""
        out = []
        for p in self._parses(word):
            if "ADJF" in str(p.tag) and "neut" in str(p.tag):
                form = p.inflect({"nomn"})
                if form is not None:
                    out.append(str(form.word))
        return tuple(dict.fromkeys(out))

    def singular(self, word: str) -> bool:
        """True only when every reading of a word is singular ("ракетою", not "ракети")."""
        parses = self._parses(word)
        tags = [str(p.tag) for p in parses if "NOUN" in str(p.tag)]
        return bool(tags) and all("plur" not in t and "Fixd" not in t for t in tags)
