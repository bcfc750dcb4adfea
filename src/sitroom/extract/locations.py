"""Which named places are not where something happened.

A place is not an event location when it is spoken to ("warning Moscow"), speaks ("Moscow said"),
qualifies a title ("Kharkiv Mayor Ihor Terekhov", "Ukraine's foreign minister", "US President"),
or is where an attack came from ("drones launched from Kursk").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from sitroom.extract.lexicon import Lexicon
from sitroom.extract.matchers import Annotations
from sitroom.model import Place

_POSSESSIVE = frozenset({"'s", "\u2019s"})
_ORIGIN = frozenset({"from"})
_SKIP = frozenset({"the", "of"})


def not_event_locations(doc: Doc, places: Sequence[Place], notes: Annotations, lexicon: Lexicon) -> frozenset[int]:
    """Start offsets of the places in `places` that cannot be an event's location."""
    addressee_ends = {s.end for s in notes.of("addressee")}
    speech_starts = {s.start for s in notes.of("speech")}
    body_starts = {s.start for s in notes.of("body")}
    excluded = set()
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and _not_a_location(
            doc, span.start, span.end, lexicon, addressee_ends, speech_starts, body_starts
        ):
            excluded.add(place.start)
    return frozenset(excluded)


def _not_a_location(
    doc: Doc,
    start: int,
    end: int,
    lexicon: Lexicon,
    addressee_ends: set[int],
    speech_starts: set[int],
    body_starts: set[int],
) -> bool:
    before = start - 1
    while before >= 0 and doc[before].lower_ in _SKIP:
        before -= 1
    if before + 1 in addressee_ends or (before >= 0 and doc[before].lower_ in _ORIGIN):
        return True  # "warning Moscow", "launched from Kursk"
    possessive = end < len(doc) and doc[end].lower_ in _POSSESSIVE
    after = end + 1 if possessive else end
    if after >= len(doc):
        return False
    nxt = doc[after]
    if nxt.lower_ in lexicon.roles or after in speech_starts or after in body_starts:
        return True  # "Kharkiv Mayor ...", "Moscow said", "Ukraine's Air Force"
    return not possessive and nxt.lower_ in ("has", "have") and after + 1 in speech_starts  # "Kyiv has said"


def inside_person_names(doc: Doc, places: Sequence[Place], notes: Annotations, lexicon: Lexicon) -> frozenset[int]:
    """Start offsets of "places" that are a person's first name ("President Volodymyr Zelenskyy").

    A place word is a first name when a capitalised word that is not a place follows it and a
    title comes before it, or a speech verb comes after the two.
    """
    place_tokens = {t.i for p in places if (s := doc.char_span(p.start, p.end, alignment_mode="expand")) for t in s}
    speech_starts = {s.start for s in notes.of("speech")}
    names = set()
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        surname = doc[span.end]
        if not (surname.is_title and surname.is_alpha) or surname.i in place_tokens or surname.lower_ in lexicon.roles:
            continue
        titled = span.start > 0 and doc[span.start - 1].lower_ in lexicon.roles
        speaks = surname.i + 1 in speech_starts
        if titled or speaks:
            names.add(place.start)
    return frozenset(names)
