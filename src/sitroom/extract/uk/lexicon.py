"""The Ukrainian lexicons (lexicons/*.tsv, *.txt): read once and lemmatised like the text.

Phrases are written in the dictionary form and stored as tuples of lemmas, so "балістична ракета"
matches "балістичними ракетами"; model spellings are stored folded (`units.fold`) as tuples of
units, so "Х-59/69" matches "X-59/69".
"""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.datafiles import cells, content_lines, package_text
from sitroom.extract.uk.morph import Morphology, normal_text
from sitroom.extract.uk.units import fold, units
from sitroom.model import OutageUnit, Service, WeaponClass

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class WeaponNoun:
    weapon_class: WeaponClass | None  # None for a "total" noun ("цілі")
    role: str  # weapon, decoy or total


@dataclass(frozen=True)
class WeaponModel:
    weapon_class: WeaponClass
    model: str


@dataclass(frozen=True)
class UkLexicon:
    """Every Ukrainian word list, keyed by lemma phrase (or folded spelling for models)."""

    models: dict[Phrase, WeaponModel]
    nouns: dict[Phrase, WeaponNoun]
    cues: dict[Phrase, str]
    numbers: dict[str, int | None]  # dictionary forms; None: a vague amount ("кілька")
    number_modifiers: frozenset[str]
    attackers: dict[str, str]
    targets: frozenset[Phrase]
    casualties: dict[str, str]
    outages: dict[Phrase, Service]
    outage_units: dict[Phrase, OutageUnit]
    strike_cues: dict[Phrase, str]
    glue: frozenset[str]
    place_prepositions: frozenset[str]
    additive: frozenset[str]
    anaphoric: frozenset[str]
    location_prepositions: frozenset[str]
    location_nouns: frozenset[str]

    @property
    def longest(self) -> int:
        """The most units any phrase or model spelling has."""
        tables: list[dict[Phrase, object]] = [self.models, self.nouns, self.cues, self.outages]  # type: ignore[list-item]
        return max(len(k) for table in tables for k in table)


def load_uk_lexicon(morph: Morphology) -> UkLexicon:
    """Read the bundled Ukrainian lexicon files, lemmatising their phrases with `morph`."""

    def phrase(text: str) -> Phrase:
        return tuple(u.lemma for u in units(text, 0, len(text), morph))

    def written(text: str) -> Phrase:
        return tuple(normal_text(u.text) for u in units(text, 0, len(text), morph))

    def spelling(text: str) -> Phrase:
        return tuple(fold(u.text) for u in units(text, 0, len(text), morph))

    return UkLexicon(
        models={spelling(s): WeaponModel(WeaponClass(c), m) for s, c, m in _rows("weapon_models.tsv", 3)},
        nouns={
            phrase(p): WeaponNoun(None if c == "-" else WeaponClass(c), r) for p, c, r in _rows("weapon_nouns.tsv", 3)
        },
        cues={phrase(p): r for p, r in _rows("cues.tsv", 2)},
        numbers={normal_text(w): None if v == "vague" else int(v) for w, v in _rows("numbers.tsv", 2)},
        number_modifiers=frozenset(morph.lemma(w) for w in _lines("number_modifiers.txt")),
        attackers={morph.lemma(w): a for w, a in _rows("attackers.tsv", 2)},
        targets=frozenset(phrase(p) for p in _lines("target_cues.tsv")),
        casualties={morph.lemma(w): k for w, k in _rows("casualties.tsv", 2)},
        outages={k: Service(s) for p, s in _rows("outages.tsv", 2) for k in (phrase(p), written(p))},
        outage_units={phrase(p): OutageUnit(u) for p, u in _rows("outage_units.tsv", 2)},
        strike_cues={phrase(p): t for p, t in _rows("strike_cues.tsv", 2)},
        glue=frozenset(_lines("item_glue.txt")),
        place_prepositions=frozenset(_lines("place_prepositions.txt")),
        additive=frozenset(_lines("additive_words.txt")),
        anaphoric=frozenset(morph.lemma(w) for w in _lines("anaphoric_numbers.txt")),
        location_prepositions=frozenset(_lines("location_prepositions.txt")),
        location_nouns=frozenset(morph.lemma(w) for w in _lines("location_nouns.txt")),
    )


def _lines(name: str) -> list[str]:
    return content_lines(package_text("sitroom.extract.uk", "lexicons", name))


def _rows(name: str, width: int) -> list[tuple[str, ...]]:
    return cells(_lines(name), width)
