"""Places in Ukrainian text: the geocoder's places, names in other grammatical cases, and targets.

The geocoder (`Geocoder.places`) finds most names; a capitalised word it missed is tried again in
its dictionary forms ("Києві" -> Київ, "Одесу" -> Одеса) through `Geocoder.resolve_name`. A place
is a target of the attack when it follows a target cue ("удару по Київщині", "Основний напрямок
удару – Київ", "атакувала Одещину", "Також атаковано Сумщину"), or follows a target in a list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from sitroom.extract.uk.lexicon import UkLexicon
from sitroom.extract.uk.morph import Morphology
from sitroom.extract.uk.units import Unit
from sitroom.model import Place, Precision

if TYPE_CHECKING:
    import datetime as dt

    from spacy.tokens import Doc

    from sitroom.geocode.gazetteer import Entry

COUNTRY_NAME = "Україна"  # the country whose national tallies these are
NAMED_PRECISIONS = frozenset({Precision.SETTLEMENT, Precision.ADMIN1, Precision.DISTRICT})
LIST_GLUE = frozenset({",", "та", "і", "й", "–", "-", "\u2014", ":", "також"})


class UkGeocoder(Protocol):
    """What Ukrainian extraction needs from geocoding."""

    def places(self, doc: Doc, on: dt.date | None = None) -> tuple[Place, ...]: ...

    def resolve_name(self, name: str, context_admin1: str | None = None) -> Entry | None: ...


def place_of(entry: Entry, text: str, start: int, end: int) -> Place:
    return Place(
        name=entry.name, text=text, lat=entry.lat, lon=entry.lon, admin1=entry.admin1,
        admin1_code=entry.admin1_code, country=entry.country, precision=entry.precision,
        gazetteer_id=entry.id, start=start, end=end,
    )  # fmt: skip


def country(geocoder: UkGeocoder, text: str) -> Place | None:
    """Ukraine as a place: where the text names it, else implied (empty text at offset 0)."""
    entry = geocoder.resolve_name(COUNTRY_NAME)
    if entry is None:
        return None
    stem = COUNTRY_NAME[:-1]
    at = text.find(stem)
    if at < 0:
        return place_of(entry, "", 0, 0)
    end = at + len(stem)
    while end < len(text) and text[end].isalpha():
        end += 1
    return place_of(entry, text[at:end], at, end)


def inflected(
    us: Sequence[Unit],
    found: Sequence[Place],
    geocoder: UkGeocoder,
    morph: Morphology,
    after: frozenset[str] | None = None,
) -> list[Place]:
    """Capitalised names the geocoder did not place, resolved through their nominative forms
    ("Києві" -> Київ, "Білій Церкві" -> Біла Церква); when `after` is given, only names right after
    one of those (lowercase) words."""
    taken = [(p.start, p.end) for p in found]
    out = []
    for k, unit in enumerate(us):
        if k == 0 or not _name_word(unit) or any(a <= unit.start < b for a, b in taken):
            continue
        if after is not None and us[k - 1].text.lower() not in after:
            continue
        nxt = us[k + 1] if k + 1 < len(us) else None
        pair = nxt if nxt is not None and _name_word(nxt) else None
        spans: list[tuple[Unit, Unit | None]] = [(unit, pair)] if pair is not None else []
        if not (nxt is not None and nxt.text.islower() and morph.adjective(unit.text) and morph.noun(nxt.text)):
            spans.append((unit, None))  # not an adjective of the common noun after it ("на Білій вулиці")
        for first, second in spans:
            entry = _resolve_forms(first, second, geocoder, morph)
            if entry is not None:
                last = second or first
                words = first.text if second is None else f"{first.text} {second.text}"
                out.append(place_of(entry, words, first.start, last.end))
                taken.append((first.start, last.end))
                break
    return out


def _name_word(unit: Unit) -> bool:
    return unit.is_word and unit.text[:1].isupper() and not unit.text.isupper()


def _resolve_forms(first: Unit, second: Unit | None, geocoder: UkGeocoder, morph: Morphology) -> Entry | None:
    """The entry the nominative forms of one or two words name. A word alone is a name when it
    may be a noun, or as a neuter adjective ("у Кам'янському"); "на Білій вулиці" names none."""
    if second is not None:
        firsts, seconds = morph.nominatives(first.text)[:3], morph.nominatives(second.text)[:3]
    elif morph.noun(first.text):
        firsts, seconds = morph.nominatives(first.text)[:3], ("",)
    else:
        firsts, seconds = morph.neuter_nominatives(first.text)[:2], ("",)
    for a in firsts:
        for b in seconds:
            entry = geocoder.resolve_name(f"{a} {b}".strip())  # names are matched case-insensitively
            if entry is not None and entry.precision in NAMED_PRECISIONS:
                return entry
    return None


def targets(us: Sequence[Unit], places: Sequence[Place], lexicon: UkLexicon) -> list[Place]:
    """The places of a sentence that the attack was aimed at (see the module's docstring)."""
    by_start = {p.start: p for p in places}
    out: list[Place] = []
    armed = False
    k = 0
    while k < len(us):
        n = _target_cue(us, k, lexicon)
        if n:
            armed = True
            k += n
            continue
        unit = us[k]
        place = by_start.get(unit.start)
        if place is not None:
            if armed:
                out.append(place)
            while k < len(us) and us[k].start < place.end:
                k += 1
            continue
        if unit.text.lower() not in LIST_GLUE:
            armed = False
        k += 1
    return out


def _target_cue(us: Sequence[Unit], k: int, lexicon: UkLexicon) -> int:
    for phrase in sorted(lexicon.targets, key=len, reverse=True):
        if tuple(u.lemma for u in us[k : k + len(phrase)]) == phrase:
            return len(phrase)
    return 0
