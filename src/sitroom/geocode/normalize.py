"""The alias key: how two spellings of a place name are made comparable.

A key is the casefolded text with diacritics removed, apostrophes dropped, dashes unified and
whitespace collapsed, so that "Kup'jans'k", "Kup’jans’k" and "Kupjansk" share one key, and so do
"Zaporizhzhia", "ZAPORIZHZHIA" and "Zaporižžia".
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\u02bb"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DROP = {ord(c): None for c in _APOSTROPHES + _INVISIBLE}
_TO_HYPHEN = {ord(c): "-" for c in _DASHES}
_LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1e00-\u1eff"
_CYRILLIC_LETTERS = "\u0400-\u052f"
_LATIN = re.compile(f"[{_LATIN_LETTERS}]")
_CYRILLIC = re.compile(f"[{_CYRILLIC_LETTERS}]")
_OTHER_LETTER = re.compile(f"[^\\W\\d_{_LATIN_LETTERS}{_CYRILLIC_LETTERS}]")
_SPACES = re.compile(r"\s+")
_SPACED_HYPHEN = re.compile(r"\s*-\s*")


def fold(text: str) -> str:
    """The comparison key of a name: casefolded, without diacritics, apostrophes or extra spaces."""
    if text.isascii():
        stripped = text.translate(_DROP)
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        stripped = stripped.translate(_DROP).translate(_TO_HYPHEN)
    stripped = _SPACED_HYPHEN.sub("-", stripped)
    return _SPACES.sub(" ", stripped).strip().casefold()


def script_of(text: str) -> str | None:
    """ "latin", "cyrillic", "mixed" or "other" for the letters of a name; None when it has none."""
    if text.isascii():
        return "latin" if any(c.isalpha() for c in text) else None
    if _OTHER_LETTER.search(text):
        return "other"
    latin = _LATIN.search(text) is not None
    cyrillic = _CYRILLIC.search(text) is not None
    if latin and cyrillic:
        return "mixed"
    return "latin" if latin else "cyrillic" if cyrillic else None


def starts_upper(text: str) -> bool:
    """True when the first letter of a text is a capital (Latin or Cyrillic)."""
    for char in text:
        if char.isalpha():
            return char.isupper()
    return False


_SOFT_STEPS = (
    ("shch", "sc"),
    ("sch", "sc"),
    ("ch", "c"),
    ("sh", "s"),
    ("zh", "z"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("g", "h"),
    ("w", "v"),
    ("x", "ks"),
    ("ph", "f"),
    ("ij", "i"),
    ("yj", "i"),
    ("j", "i"),
    ("y", "i"),
    ("e", "i"),
)
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")


def soft(key: str) -> str:
    """A folded Latin name with the differences of Ukrainian and Russian romanisations blurred:
    digraphs as one letter, g = h, e = i = y = j, no spaces, hyphens or double letters
    ("Kreminnaya" and "Kreminna", "Aleksandrovka" and "Oleksandrivka" come close)."""
    for old, new in _SOFT_STEPS:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", _NOT_LETTER.sub("", key))


def skeleton(soft_key: str) -> str:
    """The consonants of a `soft` key: the bucket of a fuzzy lookup ("Novomikhailovka" and
    "Novomykhailivka" share "nvmhlvk", "Aleksandrovka" and "Oleksandrivka" "lksndrvk")."""
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", soft_key))
