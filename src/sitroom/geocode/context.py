"""What the rest of a document says about one toponym: the oblast or raion that qualifies it,
a nearby place that locates it, the oblasts the document names, the other places in it.

The qualifier of a place is the next oblast, raion or hromada named after it on its line, of a
higher level than the place, with only qualifier words between ("X, Donetsk Oblast", "X in the
Zaporizhzhia region", "X region of the LPR", "X, Polohy raion"; other places of a list may come
between: "X and Y of the DPR"); that qualifier is tight. Failing that, it is the nearest one before
it on its line, or heading its lines ("Donetsk region:\\nX"); after a colon or as a heading it is
tight too, otherwise loose. A raion followed by "of the city" is a district of the city named just
before it ("Kherson (Dnipro district of the city)"): it qualifies nothing, and locates at that city.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitroom.geocode.gazetteer import Entry, Gazetteer
from sitroom.geocode.normalize import fold
from sitroom.geocode.spans import Toponym

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Between a place and the oblast or raion that says where it is.
_QUALIFIER_GAP = re.compile(
    r"^\s*(?:(?:region|area|areas|vicinity|village|settlement|town|city|outskirts)\s*)?"
    r"[,(\-\u2013\u2014:]?\s*(?:(?:in|of|near|within|at)\s+)?(?:the\s+)?#?\s*$",
    re.IGNORECASE,
)
# Between the places of a list ("X, Y and Z of the DPR").
_LIST_GAP = re.compile(r"^\s*(?:,|and|&|/|or|,\s*and)?\s*$", re.IGNORECASE)
# Names the gazetteer does not know, listed between a place and its oblast ("X, Kislovka,
# Krakhmalnoe of the Kharkov region").
_UNKNOWN_NAMES = re.compile(
    r"(?:\s*(?:,|and|or|&|/)\s*[A-Z\u0400-\u042f][\w'\u2019-]*"
    r"(?:\s+[A-Z\u0400-\u042f][\w'\u2019-]*)?)*"
)
# Between a place and a nearby place that locates it ("Opytne, Avdiivka", "Vodiane, south of
# Avdiivka", "Rozdolivka near Soledar").
_NEAR_GAP = re.compile(
    r"^\s*,?\s*(?:(?:\d+\s*km\s+)?(?:(?:north|south|east|west|north-?east|north-?west"
    r"|south-?east|south-?west)(?:ern)?\s+(?:of|from)|near|outside|close\s+to"
    r"|not\s+far\s+from)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# Between a raion and its city ("Petrovsky district of Donetsk").
_OF_CITY = re.compile(r"^\s*(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
# After a raion that is a district of the city named before it ("Kherson (Dnipro district of the city)").
_OF_THE_CITY = re.compile(r"^\s*(?:of|in)\s+the\s+city\s*(?:[).,;]|$)", re.IGNORECASE)
_BEFORE_CITY_DISTRICT = re.compile(r"^\s*[(,\-\u2013\u2014]\s*$")
_PLURAL_HEADS = ("regions", "oblasts", "provinces")
# What may qualify what: a hromada lies in a raion, a raion in an oblast.
_LEVEL = {"community": 1, "district": 2, "admin1": 3}


@dataclass(frozen=True)
class Context:
    """What the rest of a document says about one toponym."""

    qualifier: Entry | None = None
    tight: bool = False
    near: Entry | None = None
    admin1_codes: frozenset[str] = frozenset()
    direction_codes: frozenset[str] = frozenset()  # the oblasts of the front directions it names
    neighbours: tuple[Entry, ...] = ()


def toponym_context(
    text: str, toponyms: Sequence[Toponym], decided: Sequence[Entry | None], k: int, *, neighbours: bool
) -> Context:
    """The context of toponym k, given the entries decided so far (None where undecided).

    `near` is a settlement right after it that locates it; `neighbours` (when asked for) the
    settlements of the other toponyms."""
    me = toponyms[k]

    def area(j: int) -> Entry | None:
        entry = decided[j]
        if entry is not None and (_level(toponyms[j], entry) > 0) and not _city_district(text, toponyms[j]):
            return entry
        return None

    def level(j: int) -> int:
        entry = decided[j]
        return _level(toponyms[j], entry) if area(j) is not None and entry is not None else 0

    qualifier, tight = None, False
    for j in range(k + 1, len(toponyms)):
        between = _gap(text, toponyms[j - 1], toponyms[j])
        if area(j) is not None:
            unknown = _UNKNOWN_NAMES.match(between)
            between = between[unknown.end() if unknown else 0 :]
            if level(j) > level(k) and _QUALIFIER_GAP.match(between):
                qualifier, tight = area(j), True
            break
        if not _LIST_GAP.match(between):
            break
    if qualifier is None:
        for j in range(k - 1, -1, -1):
            between = text[toponyms[j].end_char : me.start_char]
            heading = _alone_on_line(text, toponyms[j])
            if "\n" in between and not heading:
                break
            if area(j) is not None and level(j) > level(k):
                qualifier = area(j)
                tight = heading or between.lstrip().startswith(":")
                break
    near = None
    if k + 1 < len(toponyms):
        between = _gap(text, me, toponyms[k + 1])
        after = decided[k + 1]
        locates = bool(_NEAR_GAP.match(between)) and ("," in between or bool(between.strip()))
        of_city = me.kind == "district" and bool(_OF_CITY.match(between))
        if (
            (locates or of_city)
            and after is not None
            and after.feature == "settlement"
            and toponyms[k + 1].kind == "place"
        ):
            near = after
    if near is None and _city_district(text, me) and k > 0:
        near = _city_before(text, toponyms, decided, k)
    codes = frozenset(
        e.admin1_code
        for j, e in enumerate(decided)
        if j != k and e is not None and e.admin1_code and area(j) is not None
    )
    directions = frozenset(
        e.admin1_code
        for j, e in enumerate(decided)
        if j != k and e is not None and e.admin1_code and toponyms[j].kind == "direction"
    )
    others: tuple[Entry, ...] = ()
    if neighbours:
        others = tuple(
            e
            for j, e in enumerate(decided)
            if j != k
            and e is not None
            and e.feature == "settlement"
            and toponyms[j].key != me.key
            and not toponyms[j].metonym
        )
    return Context(
        qualifier=qualifier,
        tight=tight,
        near=near,
        admin1_codes=codes,
        direction_codes=directions,
        neighbours=others,
    )


def coordinated_oblasts(text: str, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """Names listed before a plural oblast head are oblasts: "Kharkiv, Sumy and Donetsk regions"."""
    out = list(toponyms)
    for k, toponym in enumerate(toponyms):
        if not fold(toponym.text).endswith(_PLURAL_HEADS):
            continue
        j = k - 1
        while j >= 0 and _LIST_GAP.match(_gap(text, out[j], out[j + 1])):
            oblasts = tuple(e for e in gazetteer.lookup(f"{out[j].text} oblast") if e.feature == "admin1")
            if not oblasts or out[j].kind != "place":
                break
            out[j] = replace(out[j], candidates=oblasts)
            j -= 1
    return out


def _city_district(text: str, toponym: Toponym) -> bool:
    """True for a raion followed by "of the city": a district of the city named before it, not an
    area that qualifies that city ("Kherson (Dnipro district of the city)")."""
    return toponym.kind == "district" and bool(_OF_THE_CITY.match(text[toponym.end_char :]))


def _city_before(text: str, toponyms: Sequence[Toponym], decided: Sequence[Entry | None], k: int) -> Entry | None:
    """The settlement right before city district k ("Kherson (" or "Kherson, "), if any."""
    before, entry = toponyms[k - 1], decided[k - 1]
    if entry is None or entry.feature != "settlement" or before.kind != "place":
        return None
    return entry if _BEFORE_CITY_DISTRICT.match(_gap(text, before, toponyms[k])) else None


def _level(toponym: Toponym, entry: Entry) -> int:
    if toponym.kind in ("district", "community"):
        return _LEVEL[toponym.kind]
    return _LEVEL["admin1"] if entry.feature == "admin1" else 0


def _gap(text: str, before: Toponym, after: Toponym) -> str:
    return _INVISIBLE.sub("", text[before.end_char : after.start_char])


def _alone_on_line(text: str, toponym: Toponym) -> bool:
    """True when a toponym is the only thing on its line (a heading such as "Donetsk region:")."""
    line_start = text.rfind("\n", 0, toponym.start_char) + 1
    line_end = text.find("\n", toponym.end_char)
    after = text[toponym.end_char : line_end] if line_end != -1 else text[toponym.end_char :]
    return not any(c.isalnum() for c in text[line_start : toponym.start_char] + after)
