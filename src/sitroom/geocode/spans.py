"""Finding toponyms in a spaCy Doc: token spans that name gazetteer entries, and the words around
them (see `cues`).

A span matches when its text, folded like the gazetteer's keys (`normalize.fold`), is an alias;
the longest span from each token wins. This is the PhraseMatcher's contract (token boundaries,
longest match) done as a lookup of the span's folded text, which needs no pattern docs (building
~60,000 of them takes seconds) and folds apostrophes and diacritics inside tokens too
("Kup'jans'k" = "Kupjansk").

Rules on top of the lookup:
- a one-word alias only matches a capitalised word that is not a stop word, so lowercase common
  words ("sunny", "mir") never match and neither does a sentence-initial "Over"; a word of up to
  three capitals only matches an acronym ("DPR", not "SAM");
- a span never crosses a line or tab break;
- a person's name is no place ("Stanislav Zaporozhets", "Colonel Stanislav");
- the word after a name may make it a raion ("Polohy raion", "Pokrovsky district"), a hromada
  ("Toretska urban community") or a front-line direction ("Bakhmut direction"); adjectives are
  traced back to their place ("Pokrovsky" -> Pokrovsk, "Velikopisarevskaya" -> Velyka Pysarivka)
  only before such a word or a landmark word ("Zmiivska TPP", "Chervonopopovsky area": the place);
- a hyphenated name that is no alias is looked up whole by spelling similarity ("Posad-Pokrovskoye"
  -> Posad-Pokrovske) before its first part alone ("Posad") is taken;
- a name that stands for a government ("Moscow says", "Kiev forces", "pro-Kiev", a city or
  country given as a headline's source, "...: Kiev") is a metonym, and
  one inside a hyphenated modifier ("the Kramatorsk-Lviv train") is a compound;
- a name followed by "river", "island" or "street" ("Dnipro River") is no place at all, and the end of
  an unknown hyphenated name ("Vasylivka" of "Orikhovo-Vasylivka") is not a place either;
- where a place name is expected ("village of X", "near X", a list of places, "X direction", or a
  text that is only a name) a word that matches no alias is looked up by spelling similarity
  (`Gazetteer.fuzzy_lookup`: "Kreminnaya" -> Kreminna; a town's name with a consonant mistyped
  or swapped: "Vulhedar" -> Vuhledar).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from itertools import product
from typing import TYPE_CHECKING

from sitroom.geocode.aliases import adjective_bases, compound_bases, is_adjective
from sitroom.geocode.cues import Cues, Kind
from sitroom.geocode.gazetteer import Entry, Gazetteer
from sitroom.geocode.normalize import fold, script_of, starts_upper

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitroom.geocode.morph import Lemmatizer

MAX_TOKENS = 8
_FIRST_WORD = re.compile(r"\w+")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CITY = 100_000
_ATTRIBUTION = frozenset({":", "-", "\u2013", "\u2014"})
_LIST_WORDS = frozenset({",", "and", "or", "&", "/"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "s"})
_LOWERCASE_CITY = 100_000
# Endings of adjectives that begin two-word names: Shyroka Balka, Chervonaya Dibrova, Velykyi Burluk.
_ADJECTIVE_ENDINGS = ("aya", "aia", "yi", "yy", "iy", "ij", "yj", "ye", "oye", "oe", "ya", "ia", "ii")


@dataclass(frozen=True)
class Toponym:
    """A span of a doc that names one of `candidates`; `start`/`end` are token indices (end exclusive)."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    key: str
    candidates: tuple[Entry, ...]
    kind: Kind = "place"
    metonym: bool = False
    compound: bool = False
    partial: bool = False
    fuzzy: bool = False
    venue: bool = False  # where a meeting is held ("talks in Geneva")


def find_toponyms(
    doc: Doc, gazetteer: Gazetteer, cues: Cues, stop_words: Collection[str], lemmatizer: Lemmatizer | None = None
) -> list[Toponym]:
    """Every toponym of a doc, in text order; with a `lemmatizer`, inflected Cyrillic names too."""
    keys = [fold(token.text) for token in doc]
    bare = sum(_is_word(token) for token in doc) <= 3
    found: list[Toponym] = []
    i = 0
    while i < len(doc):
        match = _longest_match(doc, i, keys, gazetteer, stop_words)
        if match is None and lemmatizer is not None:
            match = _lemma_match(doc, i, gazetteer, stop_words, lemmatizer)
        if match is not None and _feature(doc, i, match[0], keys, cues):
            i = match[0] + 1
            continue
        if _person(doc, i, keys, cues):
            i += 1
            continue
        if match is not None and _fragment(doc, i, keys, found):
            i = match[0]
            continue
        candidate: Toponym | None
        if match is not None:
            end, key, hits = match
            whole = _hyphenated(doc, i, keys, gazetteer, cues) if end < i + 3 else None
            candidate = whole or _with_head(doc, i, end, key, hits, keys, gazetteer, cues)
        else:
            candidate = _hyphenated(doc, i, keys, gazetteer, cues) or _adjective(doc, i, keys, gazetteer, cues)
        if candidate is None and (bare or _place_context(doc, i, keys, found, cues)):
            candidate = _fuzzy(doc, i, keys, gazetteer, cues, stop_words)
        if candidate is None:
            i += 1
            continue
        toponym = _with_role(doc, candidate, keys, cues)
        longer = _fuzzy(doc, i, keys, gazetteer, cues, stop_words, sizes=(2,)) if toponym.partial else None
        if longer is not None:
            toponym = _with_role(doc, longer, keys, cues)
        elif not toponym.partial and _after_adjective(doc, toponym, keys, found, stop_words, cues):
            toponym = replace(toponym, partial=True)
        found.append(toponym)
        i = toponym.end
    return found


def _feature(doc: Doc, start: int, end: int, keys: list[str], cues: Cues) -> bool:
    """True for a river, street or park named like a place ("Dnipro River", "River Donets",
    "Gorky Park")."""
    if end < len(doc) and keys[end] in cues.features:
        return True
    return start > 0 and keys[start - 1] in ("river", "lake") and starts_upper(doc[start - 1].text)


def _fragment(doc: Doc, i: int, keys: list[str], found: list[Toponym]) -> bool:
    """True for the end of a hyphenated name the gazetteer does not know ("Vasylivka" in
    "Orikhovo-Vasylivka"); the end of a pair of known places ("Kramatorsk-Lviv") is no fragment."""
    if i < 2 or keys[i - 1] != "-" or doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
        return False
    left = doc[i - 2]
    if not _is_word(left) or not starts_upper(left.text):
        return False
    return not (found and found[-1].end == i - 1)


def _person(doc: Doc, i: int, keys: list[str], cues: Cues) -> bool:
    """True for a name that is a person's: a given name before a capitalised word ("Stanislav
    Zaporozhets"), the word after a given name or after a title ("Colonel Stanislav")."""

    def capitalised(k: int) -> bool:
        return 0 <= k < len(doc) and _is_word(doc[k]) and starts_upper(doc[k].text)

    if keys[i] in cues.given_names and capitalised(i + 1) and keys[i + 1] not in cues.heads:
        return True
    if i > 0 and capitalised(i - 1) and doc[i - 1].whitespace_ == " ":
        return keys[i - 1] in cues.given_names or keys[i - 1] in cues.titles
    return False


def _after_adjective(
    doc: Doc, toponym: Toponym, keys: list[str], found: list[Toponym], stop_words: Collection[str], cues: Cues
) -> bool:
    """True for a one-word name after a capitalised adjective that is no place: the end of a longer,
    unknown name ("Peski" in "Tsvetnye Peski", "Lozovoe" in "Nizhni Lozovoe")."""
    i = toponym.start
    if toponym.end != i + 1 or i == 0 or doc[i - 1].whitespace_ != " ":
        return False
    before = doc[i - 1]
    if found and found[-1].end == i:
        return False
    return (
        _is_word(before)
        and starts_upper(before.text)
        and before.text.lower() not in stop_words
        and keys[i - 1] not in cues.intros
        and keys[i - 1] not in cues.titles
        and keys[i - 1] not in cues.english
        and keys[i - 1].endswith(_ADJECTIVE_ENDINGS + ("i", "e", "a", "o"))
    )


def _place_context(doc: Doc, i: int, keys: list[str], found: list[Toponym], cues: Cues) -> bool:
    """True where a name is expected: after "village of", "near", "in", in a list of places, or
    before a head word ("X direction")."""
    if any(keys[j] in cues.intros for j in range(max(0, i - 4), i)):
        return True
    if found and i - found[-1].end <= 2 and all(keys[j] in _LIST_WORDS for j in range(found[-1].end, i)):
        return True
    return _head_after(doc, i + 1, keys, cues) is not None


def _fuzzy(
    doc: Doc,
    i: int,
    keys: list[str],
    gazetteer: Gazetteer,
    cues: Cues,
    stop_words: Collection[str],
    sizes: tuple[int, ...] = (2, 1),
) -> Toponym | None:
    """A settlement spelled unlike any alias but close to one ("Kreminnaya", "Chasovoy Yar")."""
    token = doc[i]
    if (
        not _is_word(token)
        or not starts_upper(token.text)
        or len(token.text) < 4
        or token.text.lower() in stop_words
        or keys[i] in cues.heads
    ):
        return None
    two = (
        i + 1 < len(doc)
        and _is_word(doc[i + 1])
        and starts_upper(doc[i + 1].text)
        and token.whitespace_ == " "
        and keys[i + 1] not in cues.heads
    )
    ends = [i + size for size in sizes if size == 1 or (size == 2 and two)]
    for end in ends:
        found = _fuzzy_span(doc, i, end, keys, gazetteer, cues)
        if found is not None:
            return found
    return None


def _fuzzy_span(doc: Doc, i: int, end: int, keys: list[str], gazetteer: Gazetteer, cues: Cues) -> Toponym | None:
    """Tokens i..end as a settlement spelled like them (`Gazetteer.fuzzy_lookup`), with the head
    word after them if any."""
    span = doc[i:end]
    candidates = gazetteer.fuzzy_lookup(span.text)
    if not candidates:
        return None
    head = _head_after(doc, end, keys, cues)
    kind: Kind = head[0] if head else "place"
    stop = head[1] if head else end
    return replace(_toponym(doc, i, stop, fold(span.text), candidates, kind), fuzzy=True)


def _hyphenated(doc: Doc, i: int, keys: list[str], gazetteer: Gazetteer, cues: Cues) -> Toponym | None:
    """A hyphenated name spelled unlike any alias ("Posad-Pokrovskoye" for Posad-Pokrovske), read
    whole: its first part alone ("Posad") is another place. "Pro-Russian" is a prefixed word."""
    if i + 3 > len(doc) or keys[i + 1] != "-" or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return None
    if keys[i] in cues.prefixes:
        return None
    if not all(_is_word(doc[k]) and starts_upper(doc[k].text) for k in (i, i + 2)):
        return None
    return _fuzzy_span(doc, i, i + 3, keys, gazetteer, cues)


def _longest_match(
    doc: Doc, i: int, keys: list[str], gazetteer: Gazetteer, stop_words: Collection[str]
) -> tuple[int, str, tuple[Entry, ...]] | None:
    first = _FIRST_WORD.match(keys[i])
    if first is None or first.group(0) not in gazetteer.first_words:
        return None
    if not starts_upper(doc[i].text):
        return _lowercase_city(doc, i, keys, gazetteer)
    text = doc.text
    start_char = doc[i].idx
    for end in range(min(len(doc), i + MAX_TOKENS), i, -1):
        last = doc[end - 1]
        span = text[start_char : last.idx + len(last.text)]
        if "\n" in span or "\t" in span or last.is_space:
            continue
        key = keys[i] if end == i + 1 else fold(span)
        hits = gazetteer.lookup_key(key)
        if not hits:
            continue
        if end == i + 1 and (doc[i].text.lower() in stop_words or _short_capitals(doc[i].text, key, gazetteer)):
            return None
        return end, key, hits
    return None


def _lowercase_city(
    doc: Doc, i: int, keys: list[str], gazetteer: Gazetteer
) -> tuple[int, str, tuple[Entry, ...]] | None:
    """A large Ukrainian city written in lower case ("smoke rising in mariupol"): names of cities
    of `_LOWERCASE_CITY` people are no English words; smaller places' names may be."""
    if not doc[i].text.islower():
        return None
    cities = tuple(e for e in gazetteer.lookup_key(keys[i]) if e.country == "UA" and e.population >= _LOWERCASE_CITY)
    return (i + 1, keys[i], cities) if cities else None


def _lemma_match(
    doc: Doc, i: int, gazetteer: Gazetteer, stop_words: Collection[str], lemmatizer: Lemmatizer
) -> tuple[int, str, tuple[Entry, ...]] | None:
    """An inflected Cyrillic name of one or two words ("Харкові", "Кривому Розі", "Харькове"):
    the places of every reading of the words that makes an alias, under the key of the reading
    that names the largest of them ("Черкасах" is Черкаси, the city, before Черкас, a village)."""
    words: list[tuple[str, ...]] = []
    for k in range(i, min(len(doc), i + 2)):
        token = doc[k]
        text = token.text
        if (
            not _is_word(token)
            or script_of(text) != "cyrillic"
            or not starts_upper(text)
            or text.lower() in stop_words
            or (k > i and "\n" in doc[k - 1].whitespace_)
        ):
            break
        words.append((text, *lemmatizer.normal_forms(text)))
    for size in range(len(words), 0, -1):
        readings: dict[str, tuple[Entry, ...]] = {}
        for forms in product(*words[:size]):
            if forms == tuple(doc[k].text for k in range(i, i + size)):
                continue  # the surface form itself is no alias (or _longest_match had found it)
            key = fold(" ".join(forms))
            hits = gazetteer.lookup_key(key)
            if hits:
                readings.setdefault(key, hits)
        if readings:
            key = max(readings, key=lambda k: max(e.population for e in readings[k]))
            merged = tuple(dict.fromkeys(e for hits in readings.values() for e in hits))
            return i + size, key, merged
    return None


def _short_capitals(word: str, key: str, gazetteer: Gazetteer) -> bool:
    """True for a word of three capitals ("SAM", "TOR") that is no acronym of a place (DPR, LPR, US):
    such a word is an abbreviation, not a name in capitals."""
    return len(word) <= 3 and word.isupper() and key not in gazetteer.acronyms


def _head_after(doc: Doc, end: int, keys: list[str], cues: Cues) -> tuple[Kind, int] | None:
    """The kind of head word(s) right after token `end` and where they end."""
    for size in (2, 1):
        if end + size > len(doc):
            continue
        if any("\n" in doc[k - 1].whitespace_ or "\t" in doc[k - 1].whitespace_ for k in range(end, end + size)):
            continue
        phrase = " ".join(keys[end : end + size])
        kind = cues.heads.get(phrase)
        if kind is not None:
            return kind, end + size
    return None


def _with_head(
    doc: Doc, start: int, end: int, key: str, hits: tuple[Entry, ...], keys: list[str], gazetteer: Gazetteer, cues: Cues
) -> Toponym:
    head = _head_after(doc, end, keys, cues)
    settlements = tuple(e for e in hits if e.feature == "settlement")
    if head is None or not settlements:
        return _toponym(doc, start, end, key, hits, "place")
    kind, head_end = head
    if end == start + 1 and kind != "direction":
        settlements = _merge(settlements, _derived(keys[start], gazetteer, cues))
    return _toponym(doc, start, head_end, key, settlements, kind)


def _adjective(doc: Doc, i: int, keys: list[str], gazetteer: Gazetteer, cues: Cues) -> Toponym | None:
    """An adjective or stem before a head word ("Toretska urban community", "Kupyan district"), or
    an adjective before a landmark word, which names the place itself ("Zmiivska TPP")."""
    token = doc[i]
    if not _is_word(token) or not starts_upper(token.text) or len(token.text) < 4:
        return None
    head = _head_after(doc, i + 1, keys, cues)
    if head is None:
        return _landmark(doc, i, keys, gazetteer, cues)
    candidates = _derived(keys[i], gazetteer, cues)
    if not candidates:
        return None
    return _toponym(doc, i, head[1], keys[i], candidates, head[0])


def _landmark(doc: Doc, i: int, keys: list[str], gazetteer: Gazetteer, cues: Cues) -> Toponym | None:
    """An adjective before a landmark word, which names the place itself: "Chervonopopovsky area"
    is Chervonopopivka, "Zmiivska TPP" Zmiiv. Plants are named after towns, so the toponym takes
    the name of its largest reading (Zmiiv, not the village Zmiivka) as `_lemma_match` does."""
    if not is_adjective(keys[i]) or "\n" in doc[i].whitespace_:
        return None
    if not any(" ".join(keys[i + 1 : i + 1 + size]) in cues.landmarks for size in (1, 2)):
        return None
    candidates = _derived(keys[i], gazetteer, cues)
    if not candidates:
        return None
    largest = max(candidates, key=lambda e: e.population)
    return _toponym(doc, i, i + 1, fold(largest.name), candidates, "place")


def _derived(word: str, gazetteer: Gazetteer, cues: Cues) -> tuple[Entry, ...]:
    """The settlements an adjective or stem may come from; a compound adjective ("Velikopisarevskaya")
    is read as a two-word name only when it names no place whole."""
    return _settlements(adjective_bases(word), gazetteer) or _settlements(
        compound_bases(word, cues.compounds), gazetteer
    )


def _settlements(keys: list[str], gazetteer: Gazetteer) -> tuple[Entry, ...]:
    found: dict[str, Entry] = {}
    for key in keys:
        for entry in gazetteer.lookup_key(key):
            if entry.feature == "settlement":
                found.setdefault(entry.id, entry)
    return tuple(found.values())


def _merge(first: tuple[Entry, ...], second: tuple[Entry, ...]) -> tuple[Entry, ...]:
    seen = {e.id for e in first}
    return first + tuple(e for e in second if e.id not in seen)


def _toponym(doc: Doc, start: int, end: int, key: str, candidates: tuple[Entry, ...], kind: Kind) -> Toponym:
    span = doc[start:end]
    start_char = span.start_char
    while start_char < span.end_char and doc.text[start_char] in _INVISIBLE:
        start_char += 1
    return Toponym(
        start=start,
        end=end,
        start_char=start_char,
        end_char=span.end_char,
        text=doc.text[start_char : span.end_char],
        key=key,
        candidates=candidates,
        kind=kind,
    )


def _is_word(token: Token) -> bool:
    """True for a token of letters only (zero-width characters aside)."""
    return token.text.strip(_INVISIBLE).isalpha()


def _with_role(doc: Doc, toponym: Toponym, keys: list[str], cues: Cues) -> Toponym:
    """Mark a toponym that stands for a government or sits inside a hyphenated modifier."""
    start, end = toponym.start, toponym.end
    after = keys[end] if end < len(doc) else ""
    # "Moscow says" speaks for a government; "the mayor of Kharkiv said" names a city.
    of_someone = start >= 1 and keys[start - 1] == "of"
    metonym = (after in cues.verbs and not of_someone) or after in cues.actors
    if after in _POSSESSIVE and end + 1 < len(doc) and doc[end - 1].whitespace_ == "":
        metonym = metonym or keys[end + 1] in cues.actors or keys[end + 1] in cues.actions
    if (
        start >= 1
        and keys[start - 1] in _ATTRIBUTION
        and _ends_line(doc, end, keys)
        and _after_sentence(doc, start - 1)
        and all(e.feature == "country" or e.population >= _CITY for e in toponym.candidates)
    ):
        metonym = True
    compound = False
    if start >= 2 and keys[start - 1] == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        if keys[start - 2] in cues.prefixes:
            metonym = True
        elif _is_word(doc[start - 2]):
            compound = True
    if (
        end + 1 < len(doc)
        and keys[end] == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and _is_word(doc[end + 1])
        and toponym.kind == "place"
    ):
        compound = True
    partial = _partial(doc, toponym, keys, cues)
    venue = start >= 2 and keys[start - 1] in ("in", "at") and keys[start - 2] in cues.venues
    return replace(toponym, metonym=metonym, compound=compound, partial=partial, venue=venue)


def _after_sentence(doc: Doc, i: int) -> bool:
    """True when the line before token i has lowercase words (a headline, not a list heading)."""
    line_start = doc.text.rfind("\n", 0, doc[i].idx) + 1
    return any(c.islower() for c in doc.text[line_start : doc[i].idx])


def _ends_line(doc: Doc, end: int, keys: list[str]) -> bool:
    """True when token `end` is the end of the doc or of its line (a full stop may come first)."""
    if end < len(doc) and keys[end] in (".", "!"):
        end += 1
    return end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space


def _partial(doc: Doc, toponym: Toponym, keys: list[str], cues: Cues) -> bool:
    """True for an adjective that matched alone but begins a longer, unknown name ("Shirokaya Dacha")."""
    start, end = toponym.start, toponym.end
    if end != start + 1 or end >= len(doc) or doc[start].whitespace_ != " ":
        return False
    following = doc[end]
    return (
        keys[start].endswith(_ADJECTIVE_ENDINGS)
        and _is_word(following)
        and starts_upper(following.text)
        and keys[end] not in cues.heads
        and keys[end] not in cues.landmarks
    )
