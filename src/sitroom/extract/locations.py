"""Which named places are not where something happened.

A place is not an event location when it is spoken to ("warning Moscow"), speaks ("Moscow said"),
qualifies a title in the possessive ("Ukraine's foreign minister", "Ukraine's Air Force"),
is where an attack came from ("drones launched from Kursk"), stands for a government ("Moscow
launched", "Moscow's war", "until Kyiv made decisions"), or is a dateline ("KYIV, Ukraine —").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from sitroom.extract.lexicon import Lexicon
from sitroom.extract.matchers import Annotations
from sitroom.model import Place

_POSSESSIVE = frozenset({"'s", "\u2019s"})
# Words after a capital that still read as a place ("an attack on Kyiv on Tuesday", "Kyiv and Odesa").
_AFTER_A_PLACE = frozenset(
    {
        "on",
        "in",
        "at",
        "and",
        "or",
        "overnight",
        "early",
        "late",
        "as",
        "after",
        "before",
        "during",
        "from",
        "to",
        "with",
        "where",
        "which",
        "region",
        "oblast",
        "city",
        "itself",
    }
)
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
_ORIGIN = frozenset({"from"})
_DESTINATION = frozenset({"to", "towards", "toward"})
_HARM_TO = frozenset({"damage", "damages", "threat", "threats", "attack", "attacks", "strike", "strikes", "blow"})
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
        if (
            _not_a_location(doc, span.start, span.end, lexicon, addressee_ends, speech_starts, body_starts)
            or (span.text.lower() in lexicon.actors and _stands_for_government(doc, span.start, span.end))
            or _in_dateline(doc, span.start)
            or _reference_point(doc, span.start, places_before=[p for p in places if p.end <= place.start])
        ):
            excluded.add(place.start)
    return frozenset(excluded)


def _stands_for_government(doc: Doc, start: int, end: int) -> bool:
    """ "Moscow launched", "Moscow's forces", "an attempt by Moscow": a capital after "by" or
    followed by anything but punctuation or a word that continues a place ("on", "and")."""
    if start > 0 and doc[start - 1].lower_ == "by":
        return True
    if end >= len(doc):
        return False
    nxt = doc[end]
    return not (nxt.is_punct and nxt.lower_ not in _POSSESSIVE) and nxt.lower_ not in _AFTER_A_PLACE


_DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    }
)


def _reference_point(doc: Doc, start: int, places_before: list[Place]) -> bool:
    """ "the Pivdennyi port east of Odesa": Odesa only says where the port is."""
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in _DIRECTIONS:
        return False
    sentence_start = doc[start].sent.start_char
    return any(p.start >= sentence_start for p in places_before)


def _in_dateline(doc: Doc, start: int) -> bool:
    """Inside "KYIV, Ukraine — ..." or "ZAPORIZHZHIA, Ukraine (AP) —" at the start of a line: where
    the report was filed, not where anything happened. Only capitalised words and punctuation
    stand between the line start and a dash."""
    line_start = start
    while line_start > 0 and "\n" not in doc[line_start - 1].text:
        line_start -= 1
    if start - line_start > 6:
        return False
    for t in doc[line_start : min(line_start + 10, len(doc))]:
        spaced = t.i > 0 and bool(doc[t.i - 1].whitespace_) and bool(t.whitespace_)
        if t.text in _DASHES and (t.text != "-" or spaced):
            return t.i > start
        if t.is_alpha and not t.text[0].isupper():
            return False
    return False


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
    if before >= 1 and doc[before].lower_ in _DESTINATION and doc[before - 1].lower_ not in _HARM_TO:
        return True  # "a train to Kyiv", "heading towards Odesa"; not "damage to Kyiv's grid"
    possessive = end < len(doc) and doc[end].lower_ in _POSSESSIVE
    after = end + 1 if possessive else end
    if after >= len(doc):
        return False
    nxt = doc[after]
    if after in body_starts or (possessive and nxt.lower_ in lexicon.roles):
        return True  # "Ukraine's Air Force", "Ukraine's foreign minister"
    if after in speech_starts:
        # "Moscow said" speaks; "the mayor of Kharkiv said" names the mayor's city, where the
        # news usually is.
        return not (before >= 0 and doc[before].lower_ in lexicon.roles)
    return not possessive and nxt.lower_ in ("has", "have") and after + 1 in speech_starts  # "Kyiv has said"
