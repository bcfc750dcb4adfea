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
        if span is None:
            continue
        before = span.start - 1
        while before >= 0 and doc[before].lower_ in _SKIP:
            before -= 1
        after = span.end
        if after < len(doc) and doc[after].lower_ in _POSSESSIVE:
            after += 1
            possessive = True
        else:
            possessive = False
        nxt = doc[after] if after < len(doc) else None
        if before + 1 in addressee_ends or (before >= 0 and doc[before].lower_ in _ORIGIN):
            excluded.add(place.start)
        elif nxt is not None and (nxt.lower_ in lexicon.roles or after in speech_starts or after in body_starts):
            excluded.add(place.start)
        elif nxt is not None and not possessive and nxt.lower_ in ("has", "have") and after + 1 in speech_starts:
            excluded.add(place.start)
    return frozenset(excluded)
