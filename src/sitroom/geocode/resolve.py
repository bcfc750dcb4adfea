"""Toponym resolution: the places a doc names, each resolved with its context, best first.

    geocoder = Geocoder(load_embedded(), spacy.blank("en"))
    geocoder.places(nlp.make_doc("South of Krasnohorivka, Donetsk Oblast"))

Each toponym (see `spans`) has candidate entries; the one chosen scores best on, by weight:
1. the oblast or raion that qualifies it (see `context`: "X, Donetsk Oblast", "X in the
   Zaporizhzhia region", "X of the DPR", "Donetsk region: X"); a raion also pulls towards its seat
   and, for places imported from a GeoNames postal dump, towards the places of the raion it names;
2. the rest of the document: a place right after it that locates it ("Opytne, Avdiivka",
   "Vodiane, south of Avdiivka"), an oblast named anywhere, the other settlements nearby;
3. the name itself (a spelling of the place's current name, more when exact than when near: the
   "Mykolaiv" of a report is Mykolaiv before Mykolaivka; a reviewed extra alias), Ukraine over
   abroad, a prior for the oblasts where the war was fought when the report was published and
   nearness to the front line of that time (`theatre`), population, and estimated coordinates
   last.

A meeting's place ("a Security Council session in New York", "talks in Istanbul") is chosen on
the name and population alone: the war's oblasts and front say nothing about where talks are held.

A settlement is left out when the text puts it elsewhere than any candidate (`Geocoder._fits`):
the gazetteer knows only villages of 500+ people, so "Stepove, Zhytomyr Oblast" is better
answered by the oblast than by a Stepove in another one.

Order of the result: first the most specific place the text is about - a point given as
coordinates, then a settlement, a hromada, a raion, a direction, an oblast, a sea, a country;
exact names before fuzzy ones; names inside a modifier ("the Kramatorsk-Lviv train") last - then
every other toponym in text order. Every resolved toponym is a Place, an oblast that only
qualifies a settlement included, except names of cities and countries that stand for a government
("Moscow says", "Kiev forces": an actor, not a place; a region's actors are in it: "DPR
servicemen") and a name that is only part of a longer unknown one ("Peski" of
"Tsvetnye Peski") unless it is a Ukrainian town of 10,000+.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from sitroom.geocode.aliases import adjective_bases
from sitroom.geocode.context import Context, coordinated_oblasts, toponym_context
from sitroom.geocode.cues import Cues, load_cues
from sitroom.geocode.gazetteer import Entry, Gazetteer
from sitroom.geocode.geometry import find_coordinates, haversine_km
from sitroom.geocode.morph import Lemmatizer
from sitroom.geocode.normalize import fold, soft
from sitroom.geocode.spans import Toponym, find_toponyms
from sitroom.geocode.theatre import Phase, Theatre, load_theatre
from sitroom.model import Place, Precision

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Settlements this populous are known by name; a smaller one may be one of many of that name.
_WELL_KNOWN = 10_000
_RANK = {
    Precision.POINT: 0,
    Precision.SETTLEMENT: 1,
    Precision.DISTRICT: 3,
    Precision.ADMIN1: 5,
    Precision.COUNTRY: 7,
}
_Key = tuple[int, int, int, int]
_CITY_RADIUS_KM = 25.0
_LONE_FRONT_KM = 50.0  # a lone village this near the front line of the time is placed in any oblast


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts when choosing among same-name candidates."""

    population: float = 1.0  # per power of ten
    seat_population: float = 2.0  # the same for the seat of a raion or hromada (a town)
    name: float = 3.0  # the alias spells the place's current name
    similar_name: float = 0.5  # times `name` when it only spells it nearly (see _spelled_like)
    preferred: float = 3.0  # a reviewed extra alias points at the place
    ukraine: float = 1.0
    qualifier: float = 8.0  # in the oblast that qualifies the name
    seat_near: float = 6.0  # within 35 km of the seat of the raion that qualifies it
    document_admin1: float = 3.0  # in an oblast the document names
    direction_admin1: float = 1.5  # in the oblast of a front direction the document names
    near_admin1: float = 3.0  # in the oblast of the place that locates it
    neighbour: float = 3.0  # within 25-30 km of another place of the document
    prior: float = 1.0  # times the admin1 prior
    lone_min_prior: float = 0.6  # a lone village needs this prior (see Geocoder._fits)
    front: float = 4.0  # within 25 km of the front line of the time (theatre; half of it within 50 km)
    raion: float = 6.0  # in the raion that qualifies it, by the raion's name in an imported dump
    estimated: float = 0.5  # less for a place whose coordinates are only estimated (Entry.estimated)


class Geocoder:
    """Finds the toponyms of a doc and resolves them against a gazetteer.

    `nlp` is the pipeline whose tokenizer made the docs (its stop words keep sentence-initial
    common words from matching). `cues`, `theatre` and `weights` default to sitroom's.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        nlp: Language,
        *,
        cues: Cues | None = None,
        theatre: Theatre | None = None,
        weights: Weights | None = None,
    ) -> None:
        self._gazetteer = gazetteer
        self._nlp = nlp
        self._cues = cues if cues is not None else load_cues()
        self._theatre = theatre if theatre is not None else load_theatre(gazetteer)
        self._weights = weights or Weights()
        self._peace = Phase(dt.date.min, {}, ())  # no oblast of the war and no front: for venues
        self._stop_words = frozenset(nlp.Defaults.stop_words)
        self._lemmatizer = Lemmatizer()  # loads its dictionaries on the first Cyrillic name

    def places_in_text(self, text: str, on: dt.date | None = None) -> tuple[Place, ...]:
        """`places` of a text tokenized by this geocoder's pipeline."""
        return self.places(self._nlp.make_doc(text), on)

    def places(self, doc: Doc, on: dt.date | None = None) -> tuple[Place, ...]:
        """The places a doc published `on` a day (None: today's war) names: the one it is about
        first, then the others in text order."""
        toponyms = find_toponyms(doc, self._gazetteer, self._cues, self._stop_words, self._lemmatizer)
        entries = self._resolve(doc.text, toponyms, self._theatre.on(on))
        ranked: list[tuple[_Key, Place]] = []
        for toponym, entry in zip(toponyms, entries, strict=True):
            if entry is None or (toponym.metonym and entry.feature != "admin1"):
                continue  # a region's forces or spokesman are in it ("DPR servicemen"), a capital's not
            if toponym.partial and not (entry.country == "UA" and entry.population >= _WELL_KNOWN):
                continue
            place = _place(entry, toponym.text, toponym.start_char, toponym.end_char)
            demoted = int(toponym.compound or toponym.partial)
            key = (demoted, _rank(toponym, entry), int(toponym.fuzzy), place.start)
            ranked.append((key, place))
        for place in self._points(doc.text, toponyms, entries):
            ranked.append(((0, _RANK[Precision.POINT], 0, place.start), place))
        if not ranked:
            return ()
        first = min(range(len(ranked)), key=lambda k: ranked[k][0])
        rest = sorted((r for k, r in enumerate(ranked) if k != first), key=lambda r: r[1].start)
        return (ranked[first][1], *(place for _, place in rest))

    def resolve_name(self, name: str, context_admin1: str | None = None, on: dt.date | None = None) -> Entry | None:
        """The entry a bare name most likely means, within an oblast when one is given.

        `context_admin1` is an ISO 3166-2 code ("UA-14") or an oblast's name ("Donetsk Oblast").
        """
        candidates = self._gazetteer.lookup(name)
        if not candidates:
            return None
        qualifier = self._admin1_entry(context_admin1) if context_admin1 else None
        context = Context(qualifier=qualifier)
        key = fold(name)
        phase = self._theatre.on(on)
        return max(candidates, key=lambda e: self._score(e, key, "place", context, phase))

    # --- resolution ------------------------------------------------------------------------

    def _admin1_entry(self, value: str) -> Entry | None:
        entry = self._gazetteer.admin1(value)
        if entry is not None:
            return entry
        for form in (value, f"{value} oblast"):
            for found in self._gazetteer.lookup(form):
                if found.feature == "admin1":
                    return found
        return None

    def _resolve(self, text: str, toponyms: Sequence[Toponym], phase: Phase) -> list[Entry | None]:
        """One entry per toponym, None when none fits.

        Areas and unambiguous names are decided first, then raion seats, hromada seats,
        settlements, and settlements again with the others as neighbours. A direction is never
        left out (it may span oblasts).
        """
        toponyms = coordinated_oblasts(text, toponyms, self._gazetteer)
        decided: list[Entry | None] = [None] * len(toponyms)
        for k, toponym in enumerate(toponyms):
            areas = [e for e in toponym.candidates if e.feature != "settlement"]
            if toponym.kind == "place" and (areas or len(toponym.candidates) == 1):
                decided[k] = (areas or list(toponym.candidates))[0]
        undecided = [k for k in range(len(toponyms)) if decided[k] is None]
        districts = [k for k in undecided if toponyms[k].kind == "district"]
        communities = [k for k in undecided if toponyms[k].kind == "community"]
        others = [k for k in undecided if k not in districts and k not in communities]
        for stage, ks in enumerate((districts, communities, others, others)):
            snapshot = list(decided)
            for k in ks:
                toponym = toponyms[k]
                candidates = toponym.candidates
                if toponym.kind in ("district", "community"):  # raions and hromadas are Ukrainian
                    candidates = tuple(e for e in candidates if e.country == "UA") or candidates
                context = toponym_context(text, toponyms, snapshot, k, neighbours=stage == 3)
                if toponym.venue:  # a meeting's place is the best-known of the name (unless qualified)
                    context, at = (context if context.tight else Context()), self._peace
                else:
                    at = phase
                decided[k] = max(candidates, key=lambda e: self._score(e, toponym.key, toponym.kind, context, at))
        entries: list[Entry | None] = []
        for k, (toponym, entry) in enumerate(zip(toponyms, decided, strict=True)):
            if entry is not None and entry.feature == "settlement" and toponym.kind != "direction":
                context = toponym_context(text, toponyms, decided, k, neighbours=True)
                if not self._fits(entry, toponym, context, phase):
                    entry = self._next_fitting(entry, toponym, context, phase)
            if entry is not None and toponym.kind == "district":
                city = toponym_context(text, toponyms, decided, k, neighbours=False).near
                if city is not None and _km(entry, city) > _CITY_RADIUS_KM:
                    entry = city  # a district of a city named after another place ("Kyiv District, Kharkiv")
                else:
                    entry = self._gazetteer.district(entry)
            elif entry is not None and toponym.kind == "community":
                entry = self._gazetteer.community(entry)
            entries.append(entry)
        return entries

    def _next_fitting(self, rejected: Entry, toponym: Toponym, context: Context, phase: Phase) -> Entry | None:
        """The likeliest other settlement of the name that the text allows: a lone "Stepanivka" of
        2016 is the Donetsk village, not a larger namesake far from the war."""
        others = [e for e in toponym.candidates if e is not rejected and e.feature == "settlement"]
        others.sort(key=lambda e: -self._score(e, toponym.key, toponym.kind, context, phase))
        return next((e for e in others if self._fits(e, toponym, context, phase)), None)

    def _score(self, entry: Entry, key: str, kind: str, context: Context, phase: Phase) -> float:
        w = self._weights
        seat = kind in ("district", "community")
        score = (w.seat_population if seat else w.population) * math.log10(entry.population + 10)
        spelled = _spelled_like(key, entry.name)
        if spelled:
            score += w.name if spelled == 2 else w.name * w.similar_name
        if self._gazetteer.preferred(key) is entry:
            score += w.preferred
        if entry.country == "UA":
            score += w.ukraine
        if entry.estimated:
            score -= w.estimated
        if entry.feature == "settlement":
            score += w.front * _closeness(phase.front_km(entry), 25.0)
        score += w.prior * phase.weight(entry)
        qualifier = context.qualifier
        if qualifier is not None:
            if self._gazetteer.inside(entry.admin1_code, qualifier.admin1_code):
                score += w.qualifier
            if qualifier.feature == "district" and entry.feature == "settlement":
                score += w.seat_near * _closeness(_km(entry, qualifier), 35.0)
                if entry.admin2 and _raion_of(qualifier.name, entry.admin2):
                    score += w.raion
        if context.near is not None:
            if entry.admin1_code and entry.admin1_code == context.near.admin1_code:
                score += w.near_admin1
            score += w.neighbour * _closeness(_km(entry, context.near), 25.0)
        if entry.admin1_code in context.admin1_codes:
            score += w.document_admin1
        if entry.admin1_code in context.direction_codes:
            score += w.direction_admin1
        if context.neighbours:
            nearest = min(_km(entry, other) for other in context.neighbours)
            score += w.neighbour * _closeness(nearest, 30.0)
        return score

    def _fits(self, entry: Entry, toponym: Toponym, context: Context, phase: Phase) -> bool:
        """False when the text puts a settlement elsewhere than the entry chosen for it.

        Always when a tight qualifier names another oblast ("X, Donetsk Oblast"). When the name
        could be another place - a fuzzy match, or a village (the gazetteer knows villages of 500+
        people only, so a village's namesake may be missing) - also: a loose qualifier naming
        another oblast, another oblast as the document's only one, a place that locates it lying
        far away, for a fuzzy match no other place of the text nearby, and, when nothing else in
        the text says where it is, an oblast outside those where the war was fought then (the
        phase's prior below `Weights.lone_min_prior`) unless the front line of then runs near it.
        """
        doubtful = toponym.fuzzy or entry.population < _WELL_KNOWN
        qualifier = context.qualifier
        if (
            qualifier is not None
            and qualifier.admin1_code
            and not self._gazetteer.inside(entry.admin1_code, qualifier.admin1_code)
        ):
            return not (context.tight or doubtful)
        if not doubtful:
            return True
        codes = context.admin1_codes
        if qualifier is None and len(codes) == 1 and entry.admin1_code not in codes:
            return False
        near = context.near
        if near is not None and entry.admin1_code != near.admin1_code and _km(entry, near) > 60.0:
            return False
        if toponym.fuzzy and context.neighbours and entry.admin1_code not in codes:
            return min(_km(entry, other) for other in context.neighbours) <= 60.0
        lone = qualifier is None and near is None and not codes and not context.neighbours
        if lone and phase.prior:
            return phase.weight(entry) >= self._weights.lone_min_prior or phase.front_km(entry) <= _LONE_FRONT_KM
        return True

    # --- coordinates -------------------------------------------------------------------------

    def _points(self, text: str, toponyms: Sequence[Toponym], entries: Sequence[Entry | None]) -> list[Place]:
        """Coordinates written in the text, as points, named after the settlement they lie in or
        next to; their oblast is that of the place named just before them on their line, else
        that of the settlement."""
        named = [(t, e) for t, e in zip(toponyms, entries, strict=True) if e is not None]
        points = []
        for found in find_coordinates(text):
            near = self._nearest(found.lat, found.lon, [e for _, e in named])
            if near is None:
                continue
            before = [
                e
                for t, e in named
                if t.end_char <= found.start
                and "\n" not in text[t.end_char : found.start]
                and e.precision != Precision.COUNTRY
            ]
            where = before[-1] if before else near
            points.append(
                replace(
                    _place(near, found.text, found.start, found.end),
                    lat=found.lat,
                    lon=found.lon,
                    admin1=where.admin1,
                    admin1_code=where.admin1_code,
                    country=where.country,
                    precision=Precision.POINT,
                    estimated=False,  # the text gives the coordinates
                )
            )
        return points

    def _nearest(self, lat: float, lon: float, named: Sequence[Entry]) -> Entry | None:
        """A settlement of the text within 30 km, else the gazetteer's nearest within 50 km."""
        pool = [e for e in named if e.feature == "settlement" and haversine_km(lat, lon, e.lat, e.lon) <= 30.0]
        if not pool:
            pool = [e for e in self._gazetteer.entries() if e.feature == "settlement"]
        best = min(pool, key=lambda e: haversine_km(lat, lon, e.lat, e.lon), default=None)
        if best is None or haversine_km(lat, lon, best.lat, best.lon) > 50.0:
            return None
        return best


def _rank(toponym: Toponym, entry: Entry) -> int:
    """How specific a resolved toponym is, most specific lowest."""
    if toponym.kind == "community":
        return 2
    if toponym.kind == "direction":
        return 4
    if entry.feature == "sea":
        return 6
    return _RANK[entry.precision]


def _raion_of(district: str, admin2: str) -> bool:
    """True when a raion ("Polohy Raion", named after its seat) is the one a dump names by its
    adjective ("Polohivskyi")."""
    seat = soft(fold(district).rsplit(" ", 1)[0])
    adjective = soft(fold(admin2))
    if adjective.startswith(seat) or seat in {soft(base) for base in adjective_bases(fold(admin2))}:
        return True
    shared = len(os.path.commonprefix([seat, adjective]))
    return shared >= max(6, len(seat) - 3)  # Volnovakha - Volnovaskyi, Bakhmut - Bahmutskiy


def _km(a: Entry, b: Entry) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _closeness(km: float, radius: float) -> float:
    if km <= radius:
        return 1.0
    return 0.5 if km <= 2 * radius else 0.0


def _spelled_like(key: str, name: str) -> int:
    """2 when a folded alias spells a place's current name up to romanisation, 1 when it spells it
    nearly ("Mykolaiv" and Mykolaivka), 0 for an old or another name."""
    a, b = soft(key), soft(fold(name))
    if a == b:
        return 2
    return int(SequenceMatcher(None, a, b).ratio() >= 0.75)


def _place(entry: Entry, text: str, start: int, end: int) -> Place:
    return Place(
        name=entry.name,
        text=text,
        lat=entry.lat,
        lon=entry.lon,
        admin1=entry.admin1,
        admin1_code=entry.admin1_code,
        country=entry.country,
        precision=entry.precision,
        gazetteer_id=entry.id,
        start=start,
        end=end,
        estimated=entry.estimated,
    )
