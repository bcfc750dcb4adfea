"""How stored mentions become events: `sitroom.merge` over the mentions the store holds.

Saving an article's extraction re-merges only what it can change (`remerge`): the mentions
connected through `merge.may_link` to the article's new mentions and to the other members of
the events its old mentions were in. Merging never reaches past that connected part, so the
events come out exactly as `rebuild` (a merge of every stored mention) makes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Sequence

from sqlalchemy import ColumnElement, Connection, and_, delete, or_, select

from sitroom.merge import LINK_DAYS, Merged, Report, connected, key_day, merge
from sitroom.model import Estimate, Figure
from sitroom.store import rows
from sitroom.store.tables import articles, event_counts, event_sources, events, mentions
from sitroom.store.upserts import upsert

_CHUNK = 500  # ids per IN (...) list, well under SQLite's limit on bound parameters


def _chunks(ids: Collection[str]) -> Iterator[list[str]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _reports(connection: Connection, where: ColumnElement[bool]) -> list[Report]:
    """The stored mentions that pass `where`, with their article's publication time and SimHash."""
    result = connection.execute(
        select(mentions, articles.c.published, articles.c.simhash)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(where)
        .order_by(mentions.c.article_id, mentions.c.ordinal)
    )
    return [
        Report(
            mention_id=row["id"],
            article_id=row["article_id"],
            index=int(row["ordinal"]),
            mention=rows.mention_from_row(row),
            published=None if row["published"] is None else rows.to_utc(row["published"]),
            simhash=None if row["simhash"] is None else int(row["simhash"], 16),
        )
        for row in result.mappings()
    ]


def _by_id(connection: Connection, ids: Collection[str]) -> list[Report]:
    return [r for chunk in _chunks(ids) for r in _reports(connection, mentions.c.id.in_(chunk))]


def _filed_between(first: dt.date, last: dt.date) -> ColumnElement[bool]:
    """Mentions whose `merge.key_day` may lie in [first, last] (the exact test follows in Python)."""
    start = dt.datetime.combine(first, dt.time(), tzinfo=dt.UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    dated = and_(mentions.c.date_start.is_not(None), mentions.c.date_end.between(first, last))
    undated = and_(
        or_(mentions.c.date_start.is_(None), mentions.c.date_end.is_(None)),
        articles.c.published >= start,
        articles.c.published < end,
    )
    return or_(dated, undated)


def connected_reports(connection: Connection, seeds: Collection[str]) -> list[Report]:
    """The stored mentions connected to the mentions `seeds` through `merge.may_link`.

    Loads the mentions filed within LINK_DAYS of the seeds' days, and widens the window until
    the connected part lies inside it (a mention links only to mentions within LINK_DAYS).
    """
    loaded = {r.mention_id: r for r in _by_id(connection, seeds)}
    days = [day for r in loaded.values() if (day := key_day(r)) is not None]
    if not days:
        return connected(list(loaded.values()), seeds)
    first, last = min(days), max(days)
    margin = dt.timedelta(days=LINK_DAYS)
    while True:
        for report in _reports(connection, _filed_between(first - margin, last + margin)):
            loaded.setdefault(report.mention_id, report)
        group = connected(list(loaded.values()), seeds)
        spread = [day for r in group if (day := key_day(r)) is not None]
        if first <= min(spread) and max(spread) <= last:
            return group
        first, last = min(first, min(spread)), max(last, max(spread))


def forget_article_events(connection: Connection, article_id: str) -> set[str]:
    """Delete every event an article's mentions are in; the ids of those events' other mentions
    (they need merging again)."""
    event_ids = set(
        connection.execute(select(event_sources.c.event_id).where(event_sources.c.article_id == article_id)).scalars()
    )
    others: set[str] = set()
    for chunk in _chunks(event_ids):
        others.update(
            connection.execute(
                select(event_sources.c.mention_id).where(
                    event_sources.c.event_id.in_(chunk), event_sources.c.article_id != article_id
                )
            ).scalars()
        )
    delete_events(connection, event_ids)
    return others


def delete_events(connection: Connection, event_ids: Collection[str]) -> None:
    """Delete events with their counts and sources."""
    for chunk in _chunks(event_ids):
        connection.execute(delete(event_counts).where(event_counts.c.event_id.in_(chunk)))
        connection.execute(delete(event_sources).where(event_sources.c.event_id.in_(chunk)))
        connection.execute(delete(events).where(events.c.id.in_(chunk)))


def remerge(connection: Connection, seeds: Collection[str]) -> int:
    """Merge again the mentions connected to `seeds` (mention ids), replacing their events; the
    number of events written."""
    group = connected_reports(connection, seeds)
    ids = [r.mention_id for r in group]
    stale: set[str] = set()
    for chunk in _chunks(ids):
        stale.update(
            connection.execute(select(event_sources.c.event_id).where(event_sources.c.mention_id.in_(chunk))).scalars()
        )
    delete_events(connection, stale)
    merged = merge(group)
    write_events(connection, merged)
    return len(merged)


def rebuild(connection: Connection) -> int:
    """Replace every event by a merge of every stored mention; the number of events."""
    connection.execute(delete(event_counts))
    connection.execute(delete(event_sources))
    connection.execute(delete(events))
    merged = merge(_reports(connection, mentions.c.id.is_not(None)))
    write_events(connection, merged)
    return len(merged)


def write_events(connection: Connection, merged: Iterable[Merged]) -> None:
    """Upsert events, their sources and their counts."""
    merged = list(merged)
    upsert(
        connection,
        events,
        [{"id": m.event.id, **rows.fact_row(m.event.facts), "wave_id": m.event.wave_id} for m in merged],
        key=["id"],
    )
    upsert(
        connection,
        event_sources,
        [
            {
                "event_id": m.event.id,
                "mention_id": mention,
                "article_id": source.article_id,
                "evidence": rows.spans_to_json(source.evidence),
                "duplicate_of": source.duplicate_of,
            }
            for m in merged
            for mention, source in zip(m.mention_ids, m.event.sources, strict=True)
        ],
        key=["event_id", "mention_id"],
    )
    upsert(
        connection,
        event_counts,
        [
            {
                "event_id": m.event.id,
                "name": e.name,
                "low": e.low,
                "best": e.best,
                "high": e.high,
                "figures": [[f.article_id, f.value] for f in e.figures],
            }
            for m in merged
            for e in m.event.estimates
        ],
        key=["event_id", "name"],
    )


def estimates_of(connection: Connection, event_ids: Sequence[str]) -> dict[str, tuple[Estimate, ...]]:
    """The counts of each event (model.Estimate), by name."""
    found: dict[str, list[Estimate]] = {}
    for chunk in _chunks(set(event_ids)):
        result = connection.execute(
            select(event_counts)
            .where(event_counts.c.event_id.in_(chunk))
            .order_by(event_counts.c.event_id, event_counts.c.name)
        )
        for row in result.mappings():
            found.setdefault(row["event_id"], []).append(
                Estimate(
                    name=row["name"],
                    low=int(row["low"]),
                    best=int(row["best"]),
                    high=int(row["high"]),
                    figures=tuple(Figure(str(a), int(v)) for a, v in row["figures"] or ()),
                )
            )
    return {event_id: tuple(sorted(estimates, key=lambda e: e.name)) for event_id, estimates in found.items()}
