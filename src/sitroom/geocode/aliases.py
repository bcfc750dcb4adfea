"""Rules that turn names into the surface forms the gazetteer matches in text.

Pure string functions: which GeoNames alternate names are usable, which Latin spellings a Cyrillic
name adds, the official Ukrainian spelling of a place, and the forms of an oblast's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher

from sitroom.geocode.normalize import fold, script_of
from sitroom.geocode.translit import latin_variants, ukrainian_national

# Words after an oblast's short name ("Kharkiv Oblast") or adjective ("Kharkivska oblast").
SHORT_HEADS = ("oblast", "oblast'", "region", "province", "obl.", "oblasts", "regions", "provinces")
ADJECTIVE_HEADS = ("oblast", "oblast'", "region", "obl.")

_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")
_UNUSABLE_CHARS = re.compile(r"[0-9(),;/\[\]{}<>|]")
_UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")
_NOT_UKRAINIAN_LETTERS = set("ыэъёўЫЭЪЁЎ")
_RUSSIAN_ENDINGS = ("евка", "овка", "ое", "ый", "ая", "ово", "ево", "ск", "ий яр")
_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff'\u2019\u02bc -]+$")

# Cyrillic adjective + "область" and "-щина" forms in the other grammatical cases.
_OBLAST_WORD = re.compile(r"област\w*$")
_CASE_ENDINGS = (
    ("ая область", ("ой области", "ую область", "ой областью")),
    ("а область", ("ої області", "ій області", "у область", "ою областю")),
    ("щина", ("щини", "щині", "щину", "щиною", "щины", "щине", "щиной")),
)


def usable_alias(alias: str) -> bool:
    """True for a GeoNames alternate name worth matching in news text.

    Kept: Latin or Cyrillic names of three letters or more. Dropped: other scripts, airport and
    other all-capital codes, names with digits or brackets, and all-lowercase Latin names (in
    GeoNames those are machine romanisations of names in other scripts).
    """
    if len(alias) < 3 or _CODE_LIKE.match(alias) or _UNUSABLE_CHARS.search(alias):
        return False
    script = script_of(alias)
    if script not in ("latin", "cyrillic"):
        return False
    if len(alias) < 8 and sum(c.isalpha() for c in alias) < 3:
        return False
    return not (script == "latin" and alias == alias.lower())


def cyrillic_spellings(alias: str) -> set[str]:
    """The Latin spellings of a Cyrillic name (Ukrainian and Russian romanisations)."""
    if script_of(alias) != "cyrillic":
        return set()
    return latin_variants(alias)


def ukrainian_name(geonames_name: str, alternates: Iterable[str]) -> str:
    """The official Ukrainian spelling of a place: the national transliteration of its Ukrainian name.

    The Ukrainian name is the Cyrillic alternate whose transliteration is closest to the GeoNames
    name, never one with letters or endings only Russian or Belarusian has (ы, э, ё, ў; -овка,
    -ое, -ск); when none is close, the GeoNames name stays, without apostrophes (the national
    system writes no soft signs).
    """
    plain = geonames_name.replace("'", "").replace("\u2019", "")
    target = fold(plain)
    best, best_score = plain, 0.0
    for alias in alternates:
        if (
            not _CYRILLIC_WORD.match(alias)
            or _NOT_UKRAINIAN_LETTERS.intersection(alias)
            or alias.lower().endswith(_RUSSIAN_ENDINGS)
        ):
            continue
        latin = ukrainian_national(alias)
        key = fold(latin)
        bonus = 0.05 if _UKRAINIAN_LETTERS.intersection(alias) else 0.0
        if key == target:
            score = 1.0 + bonus
        else:
            matcher = SequenceMatcher(None, target, key)
            if matcher.quick_ratio() + bonus < max(best_score, 0.8):
                continue
            score = matcher.ratio() + bonus
        if score > best_score:
            best, best_score = latin, score
    return best if best_score >= 0.8 else plain


def admin1_forms(short: Iterable[str], adjective: Iterable[str], standalone: Iterable[str]) -> list[str]:
    """Every surface form of an oblast: "Kharkiv Oblast", "Kharkov region", "Kharkivska oblast", ..."""
    forms: list[str] = []
    for name in short:
        forms += [f"{name} {head}" for head in SHORT_HEADS]
    for name in adjective:
        forms += [f"{name} {head}" for head in ADJECTIVE_HEADS]
    for name in standalone:
        forms.append(name)
        forms += inflections(name)
    return forms


def inflections(name: str) -> list[str]:
    """Other grammatical cases of a Cyrillic oblast name ("Харківська область" -> "Харківській
    області"), and the forms with "обл." ("Харківської обл.")."""
    low = name.lower()
    for ending, others in _CASE_ENDINGS:
        if low.endswith(ending):
            stem = name[: len(name) - len(ending)]
            forms = [stem + other for other in (ending, *others)]
            abbreviated = [_OBLAST_WORD.sub("обл.", form) for form in forms if _OBLAST_WORD.search(form)]
            return [*forms[1:], *abbreviated]
    return []


# Endings of the adjectives made from place names, folded ("Pokrovskyi", "Toretska", "Kurakhovskaya").
_ADJECTIVE_ENDINGS = (
    "skaya",
    "skoye",
    "skogo",
    "skoho",
    "skomu",
    "skyi",
    "skyy",
    "skiy",
    "skij",
    "skii",
    "skyj",
    "skoe",
    "skoi",
    "sky",
    "ski",
    "ska",
    "ske",
    "sk",
)

# After a stem ending in a vowel, what a Ukrainian adjective in -sk- dropped: Volnovakha -> Volnovaska,
# Odesa -> Odeska, Cherkasy -> Cherkaska.
_VOWEL_ENDINGS = ("a", "e", "i", "o", "u", "y")
_LOST_BEFORE_SK = ("kha", "sa", "sy")


def is_adjective(word: str) -> bool:
    """True for a folded word with the ending of an adjective made from a place name ("zmiivska",
    "chervonopopovsky"): a common word before "area" ("residential") has none."""
    return any(word.endswith(ending) and len(word) - len(ending) >= 3 for ending in _ADJECTIVE_ENDINGS)


def adjective_bases(word: str) -> list[str]:
    """Folded place names an adjective or a stem may come from, most likely first.

    "pokrovsky" -> "pokrovsk", "toretska" -> "toretsk", "vasylivsky" -> "vasylivka",
    "kurakhovskaya" -> "kurakhove", "tokmatska" -> "tokmak", "pologiv" -> "pology", "kupyan" -> "kupyansk",
    "zolotarevsky" -> "zolotarivka" (Russian -ovka/-evka is Ukrainian -ivka), "volnovaska" ->
    "volnovakha" (a kh or s before -sk falls out of a Ukrainian adjective, as in Odesa -> Odeska).
    """
    stems = []
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stems.append(word[: -len(ending)])
            break
    stems.append(word)
    bases: dict[str, None] = {}
    for stem in stems:
        for form in (
            stem + "sk",
            stem,
            stem + "a",
            stem + "e",
            stem + "o",
            stem + "y",
            stem + "i",
            stem + "ka",
            stem + "ske",
            stem + "ne",
        ):
            bases[form] = None
        if stem.endswith(("iv", "yv", "ov", "ev")):
            for ending in ("ove", "eve", "y", "i", "o", "e", "a", "iv", "ivka"):
                bases[stem[:-2] + ending] = None
        if stem.endswith("ts"):
            bases[stem[:-2] + "k"] = None
        elif stem.endswith("t"):
            bases[stem[:-1] + "k"] = None
    if len(stems) == 2 and stems[0].endswith(_VOWEL_ENDINGS):
        for ending in _LOST_BEFORE_SK:
            bases[stems[0] + ending] = None
    bases.pop(word, None)
    return [word, *bases]


def compound_bases(word: str, compounds: Mapping[str, tuple[str, ...]]) -> list[str]:
    """Folded two-word names a compound adjective may come from: "velikopisarevskaya" ->
    "velikaya pisarevka", "krasnolymansk" -> "krasnyi lyman" (`compounds`: the first part of the
    adjective -> the first words of the name, data/compound_prefixes.tsv)."""
    for prefix, firsts in compounds.items():
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and is_adjective(rest):
            return [f"{first} {base}" for base in adjective_bases(rest)[1:] for first in firsts]
    return []
