"""Cyrillic place names in Latin letters.

`ukrainian_national` is the official Ukrainian national transliteration (Cabinet of Ministers
resolution 55 of 2010), the spelling sitroom uses for the names of Ukrainian places: Київ ->
Kyiv, Запоріжжя -> Zaporizhzhia, Кропивницький -> Kropyvnytskyi. `latin_variants` adds the
other spellings that news reports use for the same Cyrillic name: the Ukrainian name with "g"
for "г" (Vugledar), with "y" forms everywhere (Avdiyivka, Kostyantynivka) or with "j" forms
(Kostjantynivka, Zajtseve), and the Russian name in simple and press romanisations (Avdeevka,
Avdeyevka, Maryinka).

Each scheme is a table for str.translate plus the few rules that depend on the neighbouring
letter (the form of є, ї, й, ю, я at the start of a word; зг; the Russian press "ye").
"""

from __future__ import annotations

import re

_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "д": "d",
    "ж": "zh",
    "з": "z",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ъ": "",
    "ґ": "g",
    "ў": "u",
    "'": "",
    "\u2019": "",
    "\u02bc": "",
}
_UK = {
    **_COMMON,
    "г": "h",
    "е": "e",
    "є": "ie",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "ю": "iu",
    "я": "ia",
    "ы": "y",
    "э": "e",
    "ё": "io",
}
_UK_G = {**_UK, "г": "g"}
_UK_Y = {**_UK, "є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_J = {**_UK, "є": "je", "ї": "ji", "й": "j", "ю": "ju", "я": "ja"}
_RU = {
    **_COMMON,
    "г": "g",
    "е": "e",
    "ё": "e",
    "и": "i",
    "й": "y",
    "ю": "yu",
    "я": "ya",
    "ы": "y",
    "э": "e",
    "і": "i",
    "ї": "yi",
    "є": "ye",
}
# The iotated letters at the start of a word, in the national system.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "ё": "yo"}

_WORD_START = r"(?<![^\W\d_])(?<!['\u2019\u02bc])"
_INITIAL_IOTATED = re.compile(_WORD_START + "[єїйюяёЄЇЙЮЯЁ]")
_ZGH = re.compile("([зЗ])([гГ])")
_PRESS_YE = re.compile(_WORD_START + "[еЕ]|(?<=[аеєиіїоуюяыэёьъ])е", re.IGNORECASE)
_SOFT_BEFORE_VOWEL = re.compile("ь(?=[ио])", re.IGNORECASE)


# "-skyi", "-skiy", "-skyy", "-skij" are also written "-sky" in English ("Novgorod-Seversky").
_SKY_ENDING = re.compile(r"sk(?:yi|iy|yy|ij|yj)\b")


def _table(mapping: dict[str, str]) -> dict[int, str]:
    table = {}
    for cyrillic, latin in mapping.items():
        table[ord(cyrillic)] = latin
        upper = cyrillic.upper()
        if upper != cyrillic:
            table[ord(upper)] = latin[:1].upper() + latin[1:]
    return table


_TABLES = {name: _table(m) for name, m in (("uk", _UK), ("uk_g", _UK_G), ("uk_y", _UK_Y), ("uk_j", _UK_J), ("ru", _RU))}


def _capitalised(latin: str, upper: bool) -> str:
    return latin[:1].upper() + latin[1:] if upper else latin


def _initials(text: str) -> str:
    """Word-initial є, ї, й, ю, я (ё) in their national form, already in Latin letters."""
    return _INITIAL_IOTATED.sub(lambda m: _capitalised(_UK_INITIAL[m.group(0).lower()], m.group(0).isupper()), text)


def _zgh(text: str) -> str:
    """ "зг" as "zgh", so that it is not read as "ж" (Згурівка -> Zghurivka)."""
    return _ZGH.sub(lambda m: m.group(1) + ("Gh" if m.group(2).isupper() else "gh"), text)


def ukrainian_national(text: str) -> str:
    """The official Ukrainian national transliteration of a Ukrainian name."""
    return _initials(_zgh(text)).translate(_TABLES["uk"])


def latin_variants(text: str) -> set[str]:
    """The Latin spellings a Cyrillic name is seen in: Ukrainian and Russian romanisations."""
    initial = _initials(text)
    press = _SOFT_BEFORE_VOWEL.sub("y", _PRESS_YE.sub(lambda m: "Ye" if m.group(0).isupper() else "ye", text))
    variants = {
        _zgh(initial).translate(_TABLES["uk"]),
        initial.translate(_TABLES["uk_g"]),
        _zgh(text).translate(_TABLES["uk_y"]),
        text.translate(_TABLES["uk_j"]),
        text.translate(_TABLES["ru"]),
        press.translate(_TABLES["ru"]),
    }
    return variants | {_SKY_ENDING.sub("sky", v) for v in variants}
