"""Merging: mentions of one event from many articles become one event with every source kept.

`merge(reports)` is a pure, deterministic function: the same reports, in any order, give the
same events with the same ids. The rules, in the order they are applied:

1. Family. Strike, shelling and explosion are one family (outlets call one attack any of the
   three); every other type merges only with its own type.
2. Date. Two dated mentions merge when their days overlap; two night spans ("overnight",
   "Monday night": two days) must be the same night; a span longer than two days ("last week")
   only merges with the same span. A mention without a date stands for its article's publication
   day: it merges with a dated mention that ended 0-2 days before publication, and with another
   undated one published within a day. A mention with neither stays alone. Every member of an
   event must fit every other member (no chains through time).
3. Place. Two settlements (or points) merge when they are the same gazetteer entry or within
   10 km; a district within 30 km in the same oblast; an oblast-level mention merges with a
   settlement in that oblast, or with another oblast-level mention of the same oblast; a
   country-level mention only with another of the same country; a mention without a place
   stays alone. Settlement-level mentions are clustered first; an oblast-level mention then
   joins the settlement event its own article places in that oblast, else the one settlement
   event of its oblast that fits, and stays apart when several fit (it does not say which).
   Two mentions of one article merge only when they name the same place, or a settlement and
   its oblast (the extractor already gives one mention per place per attack).
4. Choice. A mention that fits several events joins the best one: the same place entry first,
   then the same day, then shared weapon families, then the larger, then the earliest event.
5. Facts. The merged facts take the finest place, the most common date (then the narrowest),
   the most common type and attacker, the union of weapons, damage, outages and parties in the
   order first seen, the best of each count, and anything else from the earliest mention (a
   single mention's event has exactly its facts).
6. Counts. Each count the sources give (killed, injured, children, weapons launched and
   intercepted, outage sizes) is an `Estimate`: low, best, high and every figure with its
   article. A near-duplicate article (SimHash within `dedupe.DEFAULT_MAX_DISTANCE` bits of an
   earlier source of the event) stays a source, marked `duplicate_of`, but its figures are left
   out. Best is the figure of the most recently published independent source (tolls rise as
   reports come in); when several sources share that time, the most common of their figures,
   then the higher.
7. Waves. Attack events on the same day by the same attacker (or an unnamed one) form a wave
   when they share a source article, or are on the same night within 100 km of each other;
   a wave of two or more events gets `wave_id`, from its smallest event id.
8. Ids. An event's id comes from its earliest mention (by publication time, article id and
   position): article id, position, type and gazetteer id, as for a single-mention event.

`may_link` is the relation every merge decision stays within: events and waves never span two
mentions that are not connected through it, so a store can re-merge only the connected part
(`connected`) around new mentions and get what a merge of everything would give.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from hashlib import sha1
from typing import TypeVar

from sitroom.dedupe import near_duplicate
from sitroom.geocode.geometry import haversine_km
from sitroom.model import (
    DamageObject,
    DatePrecision,
    DateSpan,
    Estimate,
    Event,
    EventType,
    Figure,
    Mention,
    Outage,
    Place,
    Precision,
    Source,
    Weapon,
)

SETTLEMENT_KM = 10.0
"""Two different settlements (or points) closer than this can be one event's place."""
DISTRICT_KM = 30.0
"""A district-level place and a settlement within this distance (same oblast) can merge."""
WAVE_KM = 100.0
"""Events of one night within this distance of each other form a wave."""
UNDATED_DAYS = 2
"""An undated mention merges with dated ones that ended at most this many days before its
article was published."""
LINK_DAYS = 2
"""Mentions further apart than this (in `key_day`) are never merged or linked."""

_ATTACK = frozenset({EventType.STRIKE, EventType.SHELLING, EventType.EXPLOSION})
_FINE = frozenset({Precision.POINT, Precision.SETTLEMENT, Precision.DISTRICT})
_PRECISION_RANK = {p: i for i, p in enumerate(Precision)}
_TYPE_RANK = {t: i for i, t in enumerate(EventType)}
T = TypeVar("T")
_COUNTS = ("killed", "injured", "children_killed", "children_injured")


@dataclass(frozen=True)
class Report:
    """A mention with what merging needs to know of its article."""

    mention_id: str
    article_id: str
    index: int
    mention: Mention
    published: dt.datetime | None = None
    simhash: int | None = None


@dataclass(frozen=True)
class Merged:
    """An event and the ids of the mentions behind its sources (same order as `event.sources`)."""

    event: Event
    mention_ids: tuple[str, ...]


# Keys ----------------------------------------------------------------------------------------


def family(event_type: EventType) -> str:
    """The merge family of a type: "attack" for strike, shelling and explosion, else the type."""
    return "attack" if event_type in _ATTACK else str(event_type)


def _span(date: DateSpan | None) -> tuple[dt.date, dt.date] | None:
    if date is None or date.start is None or date.end is None:
        return None
    return date.start, date.end


def published_day(report: Report) -> dt.date | None:
    """The (UTC) day the mention's article was published; a naive time is taken to be UTC."""
    if report.published is None:
        return None
    if report.published.tzinfo is None:
        return report.published.date()
    return report.published.astimezone(dt.UTC).date()


def key_day(report: Report) -> dt.date | None:
    """The day a mention is filed under: the last day of its date, else its publication day."""
    span = _span(report.mention.date)
    if span is not None:
        return span[1]
    return published_day(report)


def sort_key(report: Report) -> tuple[str, str, int]:
    """Earliest first: publication time (unknown first), article id, position in the article."""
    published = report.published
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    return ("" if published is None else published.astimezone(dt.UTC).isoformat()), report.article_id, report.index


# Compatibility -------------------------------------------------------------------------------


def dates_fit(a: Report, b: Report) -> bool:
    """Whether two mentions can be of the same day(s) (rule 2)."""
    span_a, span_b = _span(a.mention.date), _span(b.mention.date)
    if span_a is not None and span_b is not None:
        long_a = (span_a[1] - span_a[0]).days > 1 or a.mention.date.precision not in (None, DatePrecision.DAY)  # type: ignore[union-attr]
        long_b = (span_b[1] - span_b[0]).days > 1 or b.mention.date.precision not in (None, DatePrecision.DAY)  # type: ignore[union-attr]
        if long_a or long_b:
            return span_a == span_b
        night_a, night_b = span_a[0] != span_a[1], span_b[0] != span_b[1]
        if night_a and night_b:
            return span_a == span_b
        return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]
    if span_a is None and span_b is None:
        day_a, day_b = published_day(a), published_day(b)
        if day_a is None or day_b is None:
            return False
        return abs((day_a - day_b).days) <= 1
    dated, undated = (a, b) if span_a is not None else (b, a)
    span = _span(dated.mention.date)
    assert span is not None
    day = published_day(undated)
    if day is None or (span[1] - span[0]).days > 1:
        return False
    lag = (day - span[1]).days
    return 0 <= lag <= UNDATED_DAYS


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def places_fit(a: Place | None, b: Place | None) -> bool:
    """Whether two places can be where one event happened (rule 3)."""
    if a is None or b is None:
        return False
    if a.gazetteer_id == b.gazetteer_id:
        return True
    if a.precision == Precision.COUNTRY or b.precision == Precision.COUNTRY:
        return a.precision == b.precision and a.country == b.country
    if a.precision == Precision.ADMIN1 or b.precision == Precision.ADMIN1:
        return a.admin1_code is not None and a.admin1_code == b.admin1_code
    if Precision.DISTRICT in (a.precision, b.precision):
        return a.admin1_code == b.admin1_code and _km(a, b) <= DISTRICT_KM
    return _km(a, b) <= SETTLEMENT_KM


def _same_place_in_one_article(a: Place | None, b: Place | None) -> bool:
    """Whether one article's two places can be one event's: the same entry, or a settlement and
    its oblast ("Chuhuiv in Kharkiv region")."""
    if a is None or b is None:
        return False
    if a.gazetteer_id == b.gazetteer_id:
        return True
    coarse, fine = (a, b) if a.precision == Precision.ADMIN1 else (b, a)
    return coarse.precision == Precision.ADMIN1 and fine.precision in _FINE and coarse.admin1_code == fine.admin1_code


def _attackers_fit(a: Mention, b: Mention) -> bool:
    return a.attacker is None or b.attacker is None or a.attacker == b.attacker


def _is_night(report: Report) -> bool:
    span = _span(report.mention.date)
    return span is not None and (span[1] - span[0]).days == 1


def fits(a: Report, b: Report) -> bool:
    """Whether two mentions can be one event (rules 1-3, without the choice between events)."""
    if family(a.mention.type) != family(b.mention.type):
        return False
    if a.article_id == b.article_id and not _same_place_in_one_article(a.mention.location, b.mention.location):
        return False
    return (
        _attackers_fit(a.mention, b.mention) and dates_fit(a, b) and places_fit(a.mention.location, b.mention.location)
    )


def _waves_with(a: Report, b: Report) -> bool:
    """Whether two attack mentions can be of one wave (rule 7), when they are not one event."""
    if family(a.mention.type) != "attack" or family(b.mention.type) != "attack":
        return False
    if key_day(a) != key_day(b) or not _attackers_fit(a.mention, b.mention):
        return False
    if a.article_id == b.article_id:
        return True
    la, lb = a.mention.location, b.mention.location
    return _is_night(a) and _is_night(b) and la is not None and lb is not None and _km(la, lb) <= WAVE_KM


def may_link(a: Report, b: Report) -> bool:
    """Whether two mentions can end up in one event or one wave; merging never goes further."""
    return fits(a, b) or _waves_with(a, b)


def connected(reports: Sequence[Report], seeds: Iterable[str]) -> list[Report]:
    """The reports connected to the mentions `seeds` (ids) through `may_link`, in sort order."""
    by_day: dict[dt.date | None, list[Report]] = {}
    for report in reports:
        by_day.setdefault(key_day(report), []).append(report)
    by_id = {r.mention_id: r for r in reports}
    todo = [by_id[s] for s in seeds if s in by_id]
    seen = {r.mention_id for r in todo}
    while todo:
        current = todo.pop()
        day = key_day(current)
        if day is None:
            continue
        for offset in range(-LINK_DAYS, LINK_DAYS + 1):
            for other in by_day.get(day + dt.timedelta(days=offset), ()):
                if other.mention_id not in seen and may_link(current, other):
                    seen.add(other.mention_id)
                    todo.append(other)
    return sorted((by_id[s] for s in seen), key=sort_key)


# Clustering ----------------------------------------------------------------------------------


def _fine(report: Report) -> bool:
    location = report.mention.location
    return location is not None and location.precision in _FINE


def _choice(report: Report, cluster: list[Report], order: int) -> tuple[int, int, int, int, int]:
    """How well `report` fits `cluster` (greater is better), rule 4."""
    place = report.mention.location
    same_place = any(
        place is not None and m.mention.location is not None and m.mention.location.gazetteer_id == place.gazetteer_id
        for m in cluster
    )
    same_day = any(key_day(m) == key_day(report) for m in cluster)
    families = {w.weapon_class.family for w in report.mention.weapons}
    shared = len(families & {w.weapon_class.family for m in cluster for w in m.mention.weapons})
    return int(same_place), int(same_day), shared, len(cluster), -order


def clusters(reports: Iterable[Report]) -> list[list[Report]]:
    """The reports grouped into events (rules 1-4), each group and the groups in sort order."""
    ordered = sorted(reports, key=sort_key)
    found: list[list[Report]] = []
    by_day: dict[dt.date | None, list[int]] = {}

    def fitting(report: Report, allowed: range) -> list[int]:
        day = key_day(report)
        if day is None:
            return []
        near = {
            i
            for offset in range(-LINK_DAYS, LINK_DAYS + 1)
            for i in by_day.get(day + dt.timedelta(days=offset), ())
            if i in allowed
        }
        return [i for i in sorted(near) if all(fits(report, m) for m in found[i])]

    def best(report: Report, candidates: list[int]) -> int | None:
        if not candidates:
            return None
        return max(candidates, key=lambda i: _choice(report, found[i], i))

    def add(report: Report, index: int | None) -> None:
        if index is None:
            found.append([])
            index = len(found) - 1
        found[index].append(report)
        by_day.setdefault(key_day(report), []).append(index)

    for report in ordered:
        if _fine(report):
            add(report, best(report, fitting(report, range(len(found)))))
    settled = len(found)
    for report in ordered:
        if _fine(report):
            continue
        fine = fitting(report, range(settled))
        own = [i for i in fine if any(m.article_id == report.article_id for m in found[i])]
        if len(own) == 1:
            fine = own
        if len(fine) == 1:
            add(report, fine[0])
        elif fine:
            add(report, None)
        else:
            add(report, best(report, fitting(report, range(settled, len(found)))))
    return sorted((sorted(c, key=sort_key) for c in found), key=lambda c: sort_key(c[0]))


# Facts and counts ----------------------------------------------------------------------------


def event_id(report: Report) -> str:
    """The id of the event whose earliest mention is `report` (rule 8): 16 hex characters of the
    SHA-1 of article id, position, type and gazetteer id."""
    place_id = report.mention.location.gazetteer_id if report.mention.location else ""
    parts = (report.article_id, str(report.index), str(report.mention.type), place_id)
    return sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _duplicates(members: Sequence[Report]) -> dict[str, str]:
    """article id -> the earlier source article it nearly duplicates."""
    originals: list[Report] = []
    copies: dict[str, str] = {}
    seen: set[str] = set()
    for report in members:
        if report.article_id in seen:
            continue
        seen.add(report.article_id)
        original = next(
            (
                o
                for o in originals
                if report.simhash is not None and o.simhash is not None and near_duplicate(report.simhash, o.simhash)
            ),
            None,
        )
        if original is None:
            originals.append(report)
        else:
            copies[report.article_id] = original.article_id
    return copies


def _weapon_key(weapon: Weapon) -> str:
    return weapon.model or str(weapon.weapon_class)


def _figures(members: Sequence[Report], copies: dict[str, str]) -> dict[str, dict[str, int]]:
    """count name -> article id -> the article's figure (its largest, when it gives several)."""
    found: dict[str, dict[str, int]] = {}

    def add(name: str, article_id: str, value: int | None) -> None:
        if value is None or article_id in copies:
            return
        per_article = found.setdefault(name, {})
        per_article[article_id] = max(value, per_article.get(article_id, value))

    for report in members:
        mention = report.mention
        for name in _COUNTS:
            add(name, report.article_id, getattr(mention, name))
        for weapon in mention.weapons:
            add(f"launched:{_weapon_key(weapon)}", report.article_id, weapon.launched)
            add(f"intercepted:{_weapon_key(weapon)}", report.article_id, weapon.intercepted)
        for outage in mention.outages:
            add(f"outage:{outage.service}:{outage.unit or ''}", report.article_id, outage.count)
    return found


def estimate(name: str, figures: dict[str, int], published: dict[str, str]) -> Estimate:
    """low / best / high of one count (rule 6): best is the latest source's figure, ties by the
    most common of the latest, then the higher."""
    latest = max(published[a] for a in figures)
    recent = Counter(v for a, v in figures.items() if published[a] == latest)
    best = max(recent, key=lambda v: (recent[v], v))
    values = figures.values()
    return Estimate(
        name=name,
        low=min(values),
        best=best,
        high=max(values),
        figures=tuple(Figure(a, v) for a, v in sorted(figures.items())),
    )


def _most_common(values: Iterable[T | None], rank: Callable[[T], str | int] = str) -> T | None:
    counted = Counter(v for v in values if v is not None)
    if not counted:
        return None
    return min(counted, key=lambda v: (-counted[v], rank(v)))


def _facts(members: Sequence[Report], estimates: dict[str, Estimate]) -> Mention:
    mentions = [r.mention for r in members]
    places = [m.location for m in mentions if m.location is not None]
    common_place = Counter(p.gazetteer_id for p in places)
    location = min(places, key=lambda p: (_PRECISION_RANK[p.precision], -common_place[p.gazetteer_id]), default=None)
    dated = [(span, m.date) for m in mentions if m.date is not None and (span := _span(m.date)) is not None]
    common_span = Counter(span for span, _ in dated)
    date = (
        min(dated, key=lambda sd: (-common_span[sd[0]], sd[0][1] - sd[0][0], sd[1].precision != DatePrecision.DAY))[1]
        if dated
        else next((m.date for m in mentions if m.date is not None), None)
    )
    event_type = _most_common((m.type for m in mentions), rank=lambda t: _TYPE_RANK[t])
    weapons: dict[tuple[str, str | None], Weapon] = {}
    for weapon in (w for m in mentions for w in m.weapons):
        key = (str(weapon.weapon_class), weapon.model)
        launched = estimates.get(f"launched:{_weapon_key(weapon)}")
        intercepted = estimates.get(f"intercepted:{_weapon_key(weapon)}")
        weapons.setdefault(
            key,
            replace(
                weapon,
                launched=launched.best if launched else None,
                intercepted=intercepted.best if intercepted else None,
            ),
        )
    damage: dict[tuple[str, str], DamageObject] = {}
    for obj in (d for m in mentions for d in m.damage_objects):
        key2 = (str(obj.category), obj.object.casefold())
        known = damage.get(key2)
        if known is None or (obj.count or 0) > (known.count or 0):
            damage[key2] = obj
    outages: dict[str, Outage] = {}
    for outage in (o for m in mentions for o in m.outages):
        counted = estimates.get(f"outage:{outage.service}:{outage.unit or ''}")
        merged = replace(outage, count=counted.best if counted else outage.count)
        known_outage = outages.get(str(outage.service))
        if known_outage is None or (known_outage.count is None and merged.count is not None):
            outages[str(outage.service)] = merged  # one per service; a counted report over an uncounted one
    first = mentions[0]

    def best(name: str) -> int | None:
        found = estimates.get(name)
        return None if found is None else found.best

    return replace(
        first,
        type=event_type or first.type,
        date=date,
        location=location,
        attacker=_most_common(m.attacker for m in mentions),
        weapons=tuple(weapons.values()),
        killed=best("killed"),
        injured=best("injured"),
        children_killed=best("children_killed"),
        children_injured=best("children_injured"),
        damage_objects=tuple(damage.values()),
        outages=tuple(outages.values()),
        parties=tuple(dict.fromkeys(p for m in mentions for p in m.parties)),
        claimed_by=_most_common(m.claimed_by for m in mentions),
        victims=_most_common(m.victims for m in mentions),
        evidence=first.evidence,
    )


def _event(members: Sequence[Report]) -> Merged:
    copies = _duplicates(members)
    published = {r.article_id: sort_key(r)[0] for r in members}
    estimates = {
        name: estimate(name, figures, published) for name, figures in sorted(_figures(members, copies).items())
    }
    by_source = sorted(members, key=lambda r: (r.article_id, r.index))
    event = Event(
        id=event_id(members[0]),
        facts=_facts(members, estimates),
        sources=tuple(
            Source(r.article_id, r.mention.evidence, duplicate_of=copies.get(r.article_id)) for r in by_source
        ),
        estimates=tuple(estimates.values()),
    )
    return Merged(event, tuple(r.mention_id for r in by_source))


def _waves(groups: Sequence[list[Report]], ids: Sequence[str]) -> dict[str, str]:
    """event id -> wave id, for the events of waves of two or more (rule 7)."""
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_day: dict[dt.date | None, set[int]] = {}
    for i, group in enumerate(groups):
        for report in group:
            by_day.setdefault(key_day(report), set()).add(i)
    for day, same_day in sorted(by_day.items(), key=lambda kv: str(kv[0])):
        if day is None:
            continue
        ordered = sorted(same_day)
        for n, i in enumerate(ordered):
            for j in ordered[n + 1 :]:
                if root(i) != root(j) and any(_waves_with(x, y) for x in groups[i] for y in groups[j]):
                    parent[root(j)] = root(i)
    members: dict[int, list[str]] = {}
    for i, event in enumerate(ids):
        members.setdefault(root(i), []).append(event)
    waves: dict[str, str] = {}
    for events in members.values():
        if len(events) > 1:
            wave = sha1(("wave\x1f" + min(events)).encode("utf-8")).hexdigest()[:16]
            waves.update(dict.fromkeys(events, wave))
    return waves


def merge(reports: Iterable[Report]) -> list[Merged]:
    """The events the reports describe, sorted by event id (see the module's rules)."""
    groups = clusters(reports)
    merged = [_event(group) for group in groups]
    waves = _waves(groups, [m.event.id for m in merged])
    with_waves = [replace(m, event=replace(m.event, wave_id=waves.get(m.event.id))) for m in merged]
    return sorted(with_waves, key=lambda m: m.event.id)
