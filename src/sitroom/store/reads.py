"""Reads behind the API and the web page: filtered event pages with opaque cursors, one event
with its evidence sentences, statements, articles, counts for charts and map clusters.

Every function takes an open `Store` and returns model values or the small frozen values below;
none of them writes. The same code runs on SQLite and PostgreSQL.

Order and cursors: events come newest first (date_start descending, undated last, then id);
statements by their article's publication time the same way. A cursor is the sort key of the
last item of a page, encoded; it is opaque to callers and stays valid while data is added.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    and_,
    case,
    cast,
    false,
    func,
    or_,
    select,
    true,
    union_all,
)

from sitroom.errors import InputError, NotFoundError
from sitroom.model import Article, Event, EventType, Source, Statement, WeaponClass
from sitroom.store import merging, rows
from sitroom.store.database import Store
from sitroom.store.tables import articles, event_sources, events, statements

MAX_PAGE = 500
"""The largest page a caller may ask for."""

CONTEXT_CHARS = 240
"""Characters of article text shown on each side of an evidence sentence."""

_EVENT_TYPES = frozenset(str(t) for t in EventType)
T = TypeVar("T")
_IN_CHUNK = 500


# Values ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; every field left at its default lets all events through.

    - since, until: the event starts or ends within [since, until] (undated events never
      match; an event whose dates enclose the whole range, e.g. "in 2025" for a June filter,
      is left out: it says nothing about that range in particular).
    - bbox: (min_lon, min_lat, max_lon, max_lat); min_lon > max_lon crosses the antimeridian.
    - oblast: ISO 3166-2 code ("UA-63") or admin1 name ("Kharkiv Oblast"), any case.
    - types: event types; empty means all.
    - weapon: class, family or model ("drone", "cruise_missile", "Shahed-136").
    - attacker: the attacker's name ("Russia"), any case.
    - text: words found in the place name, the attacker or an evidence sentence, any case.
    - min_killed: at least this many killed.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None
    oblast: str | None = None
    types: tuple[str, ...] = ()
    weapon: str | None = None
    attacker: str | None = None
    text: str | None = None
    min_killed: int | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise InputError(f"the time range is empty: since {self.since} is after until {self.until}; swap them")
        unknown = sorted(set(self.types) - _EVENT_TYPES)
        if unknown:
            raise InputError(
                f"unknown event type {', '.join(map(repr, unknown))}; use one of: {', '.join(sorted(_EVENT_TYPES))}"
            )
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
                raise InputError(
                    f"bbox={','.join(map(str, self.bbox))} is not min_lon,min_lat,max_lon,max_lat: give "
                    "longitudes in [-180, 180] and latitudes in [-90, 90] with min_lat <= max_lat, "
                    "e.g. 22,44,41,53"
                )
        if self.weapon is not None and not rows.weapon_key(self.weapon):
            raise InputError(f"weapon={self.weapon!r} names no weapon: give a class, family or model, e.g. 'drone'")
        if self.min_killed is not None and self.min_killed < 0:
            raise InputError(f"min_killed={self.min_killed} is negative; give 0 or more")

    @property
    def search(self) -> str | None:
        """The text to search for, normalised; None when there is none."""
        words = " ".join((self.text or "").split()).casefold()
        return words or None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of results and the cursor of the next page (None on the last page)."""

    items: tuple[T, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class EvidenceSentence:
    """A sentence an event came from: its offsets in the article, its text and some context."""

    start: int
    end: int
    text: str
    before: str
    after: str


@dataclass(frozen=True)
class SourceDetail:
    """One article behind an event, with its evidence sentences."""

    article_id: str
    title: str | None
    url: str | None
    published: dt.datetime | None
    source: str | None
    evidence: tuple[EvidenceSentence, ...]


@dataclass(frozen=True)
class EventDetail:
    event: Event
    sources: tuple[SourceDetail, ...]


@dataclass(frozen=True)
class StoredStatement:
    """A statement with where it was said: its id, article and that article's time and title."""

    id: str
    article_id: str
    published: dt.datetime | None
    title: str | None
    statement: Statement


@dataclass(frozen=True)
class ArticleDetail:
    """An article, the ids of the events it is a source of, and its statements."""

    article: Article
    event_ids: tuple[str, ...]
    statements: tuple[StoredStatement, ...]


@dataclass(frozen=True)
class Stats:
    """Counts of the events that pass a filter: in all, per day and type, per type, oblast, weapon."""

    total: int
    by_day: dict[str, dict[str, int]] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)
    by_oblast: dict[str, int] = field(default_factory=dict)
    by_weapon: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Cluster:
    """Located events in one grid cell: their mean position and number; `event_id` when one."""

    lat: float
    lon: float
    count: int
    event_id: str | None


# Cursors -----------------------------------------------------------------------------------


def encode_cursor(key: Sequence[str | None]) -> str:
    """An opaque cursor for a sort key."""
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, str]:
    """The sort key (value or None, id) in a cursor; InputError for one this module did not make."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, key = json.loads(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as exc:
        raise InputError(
            "the cursor is not one this API returned; pass next_cursor from the previous page unchanged, "
            "or leave it out to start at the first page"
        ) from exc
    if not (value is None or isinstance(value, str)) or not isinstance(key, str):
        raise InputError("the cursor is not one this API returned; leave it out to start at the first page")
    return value, key


def _as_date(value: Any) -> dt.date:
    """A date column's value as a date (drivers return date, datetime or ISO text)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _check_limit(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit={limit} is out of range; ask for 1 to {MAX_PAGE} items a page")


def _after(value_column: Any, id_column: Any, cursor: tuple[Any, str]) -> ColumnElement[bool]:
    """Rows after `cursor` in the order value descending (nulls last), then id ascending."""
    value, key = cursor
    if value is None:
        return and_(value_column.is_(None), id_column > key)
    return or_(value_column < value, and_(value_column == value, id_column > key), value_column.is_(None))


# Event filters -----------------------------------------------------------------------------


def _conditions(flt: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    """Every condition but the time range (see `_date_branches`) and the last step of a text
    search (see `_text_matches`). `dialect` is the database's ("sqlite", "postgresql")."""
    c = events.c
    found: list[ColumnElement[bool]] = []
    if flt.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        # SQLite would pick the (lat, lon) index for a box and read every row of that band;
        # "+ 0" keeps it on the time indexes, which hold lat and lon and test them in place.
        lat, lon = (c.lat + 0, c.lon + 0) if dialect == "sqlite" and flt.since and flt.until else (c.lat, c.lon)
        found += [lat >= min_lat, lat <= max_lat]
        if min_lon <= max_lon:
            found += [lon >= min_lon, lon <= max_lon]
        else:
            found.append(or_(lon >= min_lon, lon <= max_lon))
    if flt.oblast is not None:
        name = flt.oblast.strip()
        found.append(or_(c.admin1_code == name.upper(), func.lower(c.admin1) == name.lower()) if name else false())
    if flt.types:
        found.append(c.type.in_(sorted(set(flt.types))))
    if flt.weapon is not None:
        found.append(c.weapon_terms.contains(f"|{rows.weapon_key(flt.weapon)}|", autoescape=True))
    if flt.attacker is not None:
        found.append(func.lower(c.attacker) == flt.attacker.strip().lower())
    if flt.min_killed is not None:
        found.append(c.killed >= flt.min_killed)
    words = flt.search
    if words is not None:
        in_sources = (
            select(event_sources.c.event_id)
            .join(articles, articles.c.id == event_sources.c.article_id)
            .where(event_sources.c.event_id == c.id, func.lower(articles.c.text).contains(words, autoescape=True))
        )
        found.append(
            or_(
                func.lower(c.place_name).contains(words, autoescape=True),
                func.lower(c.attacker).contains(words, autoescape=True),
                in_sources.exists(),
            )
        )
    return found


def _date_branches(flt: EventFilter) -> list[ColumnElement[bool]]:
    """The time filter as alternatives that each scan a narrow range of one index (date_start
    first, or date_end first): events that start in [since, until], and events that start
    before it and end in it."""
    c = events.c
    since, until = flt.since, flt.until
    if since is None and until is None:
        return []
    if since is None:
        return [c.date_start <= until]
    starts_in = c.date_start >= since if until is None else c.date_start.between(since, until)
    ends_in = c.date_end >= since if until is None else c.date_end.between(since, until)
    return [starts_in, and_(c.date_start < since, ends_in)]


def _where(flt: EventFilter, dialect: str) -> ColumnElement[bool]:
    """Every condition of `flt` but the last step of a text search (see `_text_matches`)."""
    branches = _date_branches(flt)
    return and_(true(), *_conditions(flt, dialect), *([or_(*branches)] if branches else []))


def _event_rows(flt: EventFilter, after: tuple[dt.date | None, str] | None, limit: int, dialect: str) -> Select[Any]:
    """The events rows of `flt` after the cursor key `after`, in order; a UNION ALL of the time
    branches (each one a narrow index scan) when the filter has a time range."""
    common = _conditions(flt, dialect)
    if after is not None:
        common.append(_after(events.c.date_start, events.c.id, after))
    branches = _date_branches(flt)
    if len(branches) < 2:
        return _event_order(select(events).where(and_(true(), *common, *branches))).limit(limit)
    parts = union_all(*(select(events).where(and_(true(), *common, branch)) for branch in branches)).subquery()
    return select(parts).order_by(parts.c.date_start.desc().nulls_last(), parts.c.id).limit(limit)


def _text_matches(connection: Connection, found: Sequence[rows.ReadRow], words: str) -> set[str]:
    """The ids of rows whose place, attacker or an evidence sentence contains `words` (the SQL
    condition matched whole article texts; this keeps the rows whose sentences match)."""
    matched = {
        row["id"]
        for row in found
        if words in (row["place_name"] or "").casefold() or words in (row["attacker"] or "").casefold()
    }
    rest = sorted({row["id"] for row in found} - matched)
    for start in range(0, len(rest), _IN_CHUNK):
        result = connection.execute(
            select(event_sources.c.event_id, event_sources.c.evidence, articles.c.text)
            .join(articles, articles.c.id == event_sources.c.article_id)
            .where(event_sources.c.event_id.in_(rest[start : start + _IN_CHUNK]))
        )
        for event_id, evidence, text in result:
            if any(words in text[span.start : span.end].casefold() for span in rows.spans_from_json(evidence)):
                matched.add(event_id)
    return matched


def _event_order(stmt: Select[Any]) -> Select[Any]:
    return stmt.order_by(events.c.date_start.desc().nulls_last(), events.c.id)


def _event_key(row: rows.ReadRow) -> tuple[str | None, str]:
    start = row["date_start"]
    return (None if start is None else _as_date(start).isoformat(), row["id"])


def _cursor_date(cursor: str) -> tuple[dt.date | None, str]:
    value, key = decode_cursor(cursor)
    try:
        return (None if value is None else dt.date.fromisoformat(value)), key
    except ValueError as exc:
        raise InputError("the cursor is not one this API returned; leave it out to start at the first page") from exc


def _filtered_event_rows(
    connection: Connection, flt: EventFilter, after: tuple[dt.date | None, str] | None, wanted: int
) -> list[rows.ReadRow]:
    """Up to `wanted` events rows that pass `flt` (the text search included), after `after`."""
    words = flt.search
    kept: list[rows.ReadRow] = []
    batch = wanted if words is None else max(wanted * 4, 200)
    while len(kept) < wanted:
        found = list(connection.execute(_event_rows(flt, after, batch, connection.dialect.name)).mappings())
        if words is None:
            kept += found
        else:
            matched = _text_matches(connection, found, words)
            kept += [row for row in found if row["id"] in matched]
        if len(found) < batch:
            break
        last = _event_key(found[-1])
        after = (None if last[0] is None else dt.date.fromisoformat(last[0]), last[1])
    return kept[:wanted]


def _sources(connection: Connection, event_ids: Sequence[str]) -> dict[str, tuple[Source, ...]]:
    found: dict[str, list[Source]] = {}
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), _IN_CHUNK):
        result = connection.execute(
            select(event_sources.c.event_id, event_sources.c.article_id, event_sources.c.evidence)
            .where(event_sources.c.event_id.in_(ids[start : start + _IN_CHUNK]))
            .order_by(event_sources.c.event_id, event_sources.c.article_id, event_sources.c.mention_id)
        )
        for event_id, article_id, evidence in result:
            found.setdefault(event_id, []).append(Source(article_id, rows.spans_from_json(evidence)))
    return {key: tuple(value) for key, value in found.items()}


# Events ------------------------------------------------------------------------------------


def event_page(store: Store, flt: EventFilter, *, cursor: str | None = None, limit: int = 100) -> Page[Event]:
    """One page of the events that pass `flt`, newest first, with their sources."""
    _check_limit(limit)
    after = _cursor_date(cursor) if cursor else None
    with store.reading() as connection:
        found = _filtered_event_rows(connection, flt, after, limit + 1)
        page = found[:limit]
        sources = _sources(connection, [row["id"] for row in page])
    items = tuple(Event(row["id"], rows.mention_from_row(row), sources.get(row["id"], ())) for row in page)
    next_cursor = encode_cursor(_event_key(page[-1])) if len(found) > limit else None
    return Page(items, next_cursor)


def _sentence(text: str, start: int, end: int) -> EvidenceSentence:
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return EvidenceSentence(
        start=start,
        end=end,
        text=text[start:end],
        before=text[max(0, start - CONTEXT_CHARS) : start],
        after=text[end : end + CONTEXT_CHARS],
    )


def event_detail(store: Store, event_id: str) -> EventDetail:
    """One event, each source article and the sentences it came from; NotFoundError if absent."""
    with store.reading() as connection:
        row = connection.execute(select(events).where(events.c.id == event_id)).mappings().first()
        if row is None:
            raise NotFoundError(
                f"no event with id {event_id!r}; event ids change when articles are extracted or merged "
                "again, so find the event anew with GET /api/events"
            )
        sources = _sources(connection, [event_id]).get(event_id, ())
        estimates = merging.estimates_of(connection, [event_id]).get(event_id, ())
        ids = sorted({source.article_id for source in sources})
        by_id = {
            a["id"]: a
            for a in connection.execute(
                select(
                    articles.c.id,
                    articles.c.text,
                    articles.c.title,
                    articles.c.url,
                    articles.c.published,
                    articles.c.source,
                ).where(articles.c.id.in_(ids))
            ).mappings()
        }
    details = []
    for source in sources:
        article = by_id.get(source.article_id)
        if article is None:
            continue
        details.append(
            SourceDetail(
                article_id=source.article_id,
                title=article["title"],
                url=article["url"],
                published=None if article["published"] is None else rows.to_utc(article["published"]),
                source=article["source"],
                evidence=tuple(_sentence(article["text"], s.start, s.end) for s in source.evidence),
            )
        )
    event = Event(row["id"], rows.mention_from_row(row), sources, estimates, row["wave_id"])
    return EventDetail(event, tuple(details))


# Statements and articles -------------------------------------------------------------------


def _stored_statement(row: rows.ReadRow) -> StoredStatement:
    return StoredStatement(
        id=row["id"],
        article_id=row["article_id"],
        published=None if row["published"] is None else rows.to_utc(row["published"]),
        title=row["title"],
        statement=rows.statement_from_row(row),
    )


def _statement_select() -> Select[Any]:
    return select(statements, articles.c.published, articles.c.title).join(
        articles, articles.c.id == statements.c.article_id
    )


def statement_page(
    store: Store,
    *,
    speaker: str | None = None,
    text: str | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> Page[StoredStatement]:
    """Statements whose speaker contains `speaker` and whose quote contains `text` (any case),
    newest article first."""
    _check_limit(limit)
    stmt = _statement_select()
    for column, words in ((statements.c.speaker, speaker), (statements.c.quote, text)):
        normal = " ".join((words or "").split()).lower()
        if normal:
            stmt = stmt.where(func.lower(column).contains(normal, autoescape=True))
    if cursor:
        value, key = decode_cursor(cursor)
        try:
            when = None if value is None else dt.datetime.fromisoformat(value)
        except ValueError as exc:
            raise InputError("the cursor is not one this API returned; leave it out to start again") from exc
        stmt = stmt.where(_after(articles.c.published, statements.c.id, (when, key)))
    stmt = stmt.order_by(articles.c.published.desc().nulls_last(), statements.c.id).limit(limit + 1)
    with store.reading() as connection:
        found = [_stored_statement(row) for row in connection.execute(stmt).mappings()]
    page = found[:limit]
    next_cursor = None
    if len(found) > limit:
        last = page[-1]
        next_cursor = encode_cursor([None if last.published is None else last.published.isoformat(), last.id])
    return Page(tuple(page), next_cursor)


def article_detail(store: Store, article_id: str) -> ArticleDetail:
    """An article with its event ids and statements; NotFoundError if absent."""
    with store.reading() as connection:
        row = connection.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        if row is None:
            raise NotFoundError(
                f"no article with id {article_id!r}; article ids are listed in each event's sources "
                "(GET /api/events/{id})"
            )
        event_ids = connection.execute(
            select(event_sources.c.event_id).where(event_sources.c.article_id == article_id).distinct()
        ).scalars()
        said = connection.execute(
            _statement_select().where(statements.c.article_id == article_id).order_by(statements.c.ordinal)
        ).mappings()
        return ArticleDetail(
            article=rows.article_from_row(row),
            event_ids=tuple(sorted(event_ids)),
            statements=tuple(_stored_statement(s) for s in said),
        )


# Counts and clusters -----------------------------------------------------------------------

_WEAPON_CLASSES = tuple(str(w) for w in WeaponClass)


def event_stats(store: Store, flt: EventFilter) -> Stats:
    """Counts of the events that pass `flt`: per day (and type), type, oblast and weapon class."""
    c = events.c
    with store.reading() as connection:
        where = _where(flt, connection.dialect.name)
        if flt.search is not None:
            return _stats_of_rows(_all_filtered(connection, flt))
        by_day: dict[str, dict[str, int]] = {}
        for day, kind, count in connection.execute(
            select(c.date_start, c.type, func.count())
            .where(where, c.date_start.is_not(None))
            .group_by(c.date_start, c.type)
        ):
            by_day.setdefault(_as_date(day).isoformat(), {})[kind] = int(count)
        by_type = _grouped(connection, c.type, where)
        by_oblast = _grouped(connection, c.admin1_code, where)
        weapon_counts = connection.execute(
            select(
                *(
                    func.sum(case((c.weapon_terms.contains(f"|{rows.weapon_key(w)}|"), 1), else_=0))
                    for w in _WEAPON_CLASSES
                )
            ).where(where)
        ).one()
    by_weapon = {w: int(n) for w, n in zip(_WEAPON_CLASSES, weapon_counts, strict=True) if n}
    return Stats(
        total=sum(by_type.values()),
        by_day=dict(sorted(by_day.items())),
        by_type=by_type,
        by_oblast=by_oblast,
        by_weapon=dict(sorted(by_weapon.items(), key=lambda item: (-item[1], item[0]))),
    )


def _grouped(connection: Connection, column: Any, where: ColumnElement[bool]) -> dict[str, int]:
    result = connection.execute(select(column, func.count()).where(where, column.is_not(None)).group_by(column))
    return dict(sorted(((str(key), int(n)) for key, n in result), key=lambda item: (-item[1], item[0])))


def _all_filtered(connection: Connection, flt: EventFilter) -> list[rows.ReadRow]:
    """Every row that passes `flt` (for text searches, whose last check runs in Python)."""
    found: list[rows.ReadRow] = list(
        connection.execute(select(events).where(_where(flt, connection.dialect.name))).mappings()
    )
    words = flt.search
    if words is None:
        return found
    matched = _text_matches(connection, found, words)
    return [row for row in found if row["id"] in matched]


def _stats_of_rows(found: Sequence[rows.ReadRow]) -> Stats:
    by_day: dict[str, Counter[str]] = {}
    types: Counter[str] = Counter()
    oblasts: Counter[str] = Counter()
    weapons: Counter[str] = Counter()
    for row in found:
        types[row["type"]] += 1
        if row["date_start"] is not None:
            by_day.setdefault(_as_date(row["date_start"]).isoformat(), Counter())[row["type"]] += 1
        if row["admin1_code"]:
            oblasts[row["admin1_code"]] += 1
        weapons.update({w for w in _WEAPON_CLASSES if f"|{rows.weapon_key(w)}|" in row["weapon_terms"]})

    def ranked(counter: Counter[str]) -> dict[str, int]:
        return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))

    return Stats(
        total=len(found),
        by_day={day: dict(sorted(counts.items())) for day, counts in sorted(by_day.items())},
        by_type=ranked(types),
        by_oblast=ranked(oblasts),
        by_weapon=ranked(weapons),
    )


def cell_degrees(zoom: int) -> float:
    """The side of a clustering cell at a web-map zoom level: about 60 pixels."""
    if not 0 <= zoom <= 22:
        raise InputError(f"zoom={zoom} is out of range; give a map zoom level from 0 to 22")
    return 360.0 / float(2**zoom) / 4


def event_clusters(store: Store, flt: EventFilter, *, zoom: int) -> tuple[Cluster, ...]:
    """The located events that pass `flt`, grouped in a grid whose cells suit map zoom `zoom`."""
    cell = cell_degrees(zoom)
    c = events.c
    with store.reading() as connection:
        located = and_(_where(flt, connection.dialect.name), c.lat.is_not(None), c.lon.is_not(None))
        if flt.search is not None:
            return _clusters_of_rows([r for r in _all_filtered(connection, flt) if r["lat"] is not None], cell)
        row_cell = _grid_index(connection, c.lat + 90, cell)
        col_cell = _grid_index(connection, c.lon + 180, cell)
        result = connection.execute(
            select(func.avg(c.lat), func.avg(c.lon), func.count(), func.min(c.id))
            .where(located)
            .group_by(row_cell, col_cell)
        )
        clusters = [
            Cluster(float(lat), float(lon), int(count), str(first) if count == 1 else None)
            for lat, lon, count, first in result
        ]
    return tuple(sorted(clusters, key=lambda k: (-k.count, k.lat, k.lon)))


def _grid_index(connection: Connection, value: Any, cell: float) -> ColumnElement[Any]:
    """floor(value / cell) for a non-negative value, in the database's own words."""
    if connection.dialect.name == "postgresql":
        return func.floor(value / cell)
    return cast(value / cell, Integer)  # SQLite truncates, which is floor for values >= 0


def _clusters_of_rows(found: Sequence[rows.ReadRow], cell: float) -> tuple[Cluster, ...]:
    cells: dict[tuple[int, int], list[rows.ReadRow]] = {}
    for row in found:
        key = (int((row["lat"] + 90) // cell), int((row["lon"] + 180) // cell))
        cells.setdefault(key, []).append(row)
    clusters = [
        Cluster(
            lat=sum(r["lat"] for r in members) / len(members),
            lon=sum(r["lon"] for r in members) / len(members),
            count=len(members),
            event_id=members[0]["id"] if len(members) == 1 else None,
        )
        for members in cells.values()
    ]
    return tuple(sorted(clusters, key=lambda k: (-k.count, k.lat, k.lon)))
