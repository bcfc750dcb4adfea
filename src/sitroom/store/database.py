"""`Store`: the database behind sitroom, a thin object around a SQLAlchemy Engine.

Every write is idempotent: articles are inserted once (by id and by content), an article's
extraction replaces the previous one, events get ids from their content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from sitroom.contract import run_report_record
from sitroom.errors import InputError, NotFoundError, StoreError
from sitroom.model import Article, Estimate, Event, Extraction, RunReport, Source
from sitroom.store import merging, rows
from sitroom.store.engine import WRITE_OPTIONS, create_store_engine, describe
from sitroom.store.ids import mention_id, statement_id
from sitroom.store.migrate import upgrade
from sitroom.store.queries import EventQuery, event_select, within_near
from sitroom.store.tables import articles, event_sources, events, mentions, runs, statements
from sitroom.store.upserts import insert_new

_IN_CHUNK = 500  # ids per IN (...) list, well under SQLite's limit on bound parameters


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store:
    """The store: articles, their extractions, the events made from them, and runs.

    Open one with `Store.open(url)`; use it as a context manager or call `close()`.
    """

    def __init__(self, engine: Engine) -> None:
        """Wrap an Engine whose database is already migrated (`Store.open` does both)."""
        self._engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Open the database at `url` and migrate it to the newest schema.

        A SQLite file and its directory are created when missing. Raises StoreError when the
        URL is wrong, the driver is missing, or the database cannot be reached or migrated.
        """
        engine = create_store_engine(url)
        try:
            with engine.connect() as connection:
                connection.execution_options(**WRITE_OPTIONS)
                with connection.begin():
                    upgrade(connection)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(
                f"cannot open the database {describe(engine)} ({_reason(exc)}); check that "
                "the server is running, the URL, user and password are right, and a SQLite "
                "file's directory is writable"
            ) from exc
        except StoreError:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy Engine, for callers that need SQL the store does not offer."""
        return self._engine

    def close(self) -> None:
        """Close every pooled connection. The store can not be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _connect(self, write: bool) -> Iterator[Connection]:
        """A connection in a transaction, committed at the end when `write` (else rolled
        back); database failures become StoreError."""
        try:
            with self._engine.connect() as connection:
                if write:
                    connection.execution_options(**WRITE_OPTIONS)
                    with connection.begin():
                        yield connection
                else:
                    yield connection
        except SQLAlchemyError as exc:
            needs = "reachable and writable" if write else "reachable"
            raise StoreError(
                f"the database {describe(self._engine)} failed ({_reason(exc)}); check that it is {needs}, and retry"
            ) from exc

    # Articles and extractions ----------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        """Store `article`; True if it is new. An article with the same id or the same text
        (content hash) as a stored one adds nothing."""
        with self._connect(write=True) as connection:
            return insert_new(connection, articles, rows.article_row(article, _now()))

    def reading(self) -> AbstractContextManager[Connection]:
        """A connection for reads (`store.reads`, `store.watching`); database failures become
        StoreError."""
        return self._connect(write=False)

    def transaction(self) -> AbstractContextManager[Connection]:
        """A connection in a write transaction, committed when the block ends without error
        (rolled back otherwise); for writes that must land together with `save_extraction`."""
        return self._connect(write=True)

    def save_extraction(
        self, article: Article, extraction: Extraction, *, connection: Connection | None = None
    ) -> None:
        """Store what was extracted from `article`, replacing any earlier extraction of it.

        Adds the article when it is new. When the same text is stored under another id, the
        extraction is saved for that stored article. Then the article's mentions are merged
        (`sitroom.merge`) with the stored ones they can belong with, replacing those events.
        Given a `connection` (from `transaction()`), it writes in that transaction.
        """
        if extraction.article_id != article.id:
            raise InputError(
                f"the extraction is of article {extraction.article_id!r}, not {article.id!r}; "
                "pass the article the extraction was made from"
            )
        with self._connect(write=True) if connection is None else nullcontext(connection) as connection:
            article_id = _stored_article_id(connection, article)
            others = _delete_extraction(connection, article_id)
            stored = [(mention_id(article_id, i), i, mention) for i, mention in enumerate(extraction.mentions)]
            if stored:
                connection.execute(
                    mentions.insert(),
                    [
                        {"id": id_, "article_id": article_id, "ordinal": i, **rows.fact_row(mention)}
                        for id_, i, mention in stored
                    ],
                )
            if extraction.statements:
                connection.execute(
                    statements.insert(),
                    [
                        {
                            "id": statement_id(article_id, i),
                            "article_id": article_id,
                            "ordinal": i,
                            **rows.statement_row(statement),
                        }
                        for i, statement in enumerate(extraction.statements)
                    ],
                )
            merging.remerge(connection, others | {id_ for id_, _, _ in stored})

    def rebuild_events(self) -> int:
        """Rebuild every event from the stored mentions; the number of events.

        Merging (`sitroom.merge`) of every stored mention; `save_extraction` re-merges only the
        part an article can change and gives the same events.
        """
        with self._connect(write=True) as connection:
            return merging.rebuild(connection)

    # Runs --------------------------------------------------------------------------------------

    def start_run(self) -> int:
        """Record the start of a pipeline run; its id, for `finish_run`."""
        with self._connect(write=True) as connection:
            run_id = connection.execute(
                runs.insert().values(started_at=_now(), **run_report_record(RunReport())).returning(runs.c.id)
            ).scalar_one()
            return int(run_id)

    def finish_run(self, run_id: int, report: RunReport) -> None:
        """Record the end of run `run_id` and what it did."""
        with self._connect(write=True) as connection:
            result = connection.execute(
                update(runs).where(runs.c.id == run_id).values(finished_at=_now(), **run_report_record(report))
            )
            if result.rowcount == 0:
                raise NotFoundError(f"no run with id {run_id} in the store; pass the id that start_run() returned")

    # Reading -----------------------------------------------------------------------------------

    def query_events(self, query: EventQuery) -> list[Event]:
        """The events that pass every filter of `query`, newest first (see EventQuery)."""
        found: list[rows.ReadRow] = []
        with self._connect(write=False) as connection:
            result = connection.execute(event_select(query)).mappings()
            for row in result:
                if within_near(query, row["lat"], row["lon"]):
                    found.append(row)
                    if len(found) >= query.limit:
                        break
            result.close()
            ids = [row["id"] for row in found]
            sources = _sources(connection, ids)
            estimates = merging.estimates_of(connection, ids)
        return [_event(row, sources.get(row["id"], ()), estimates.get(row["id"], ())) for row in found]

    def get_event(self, event_id: str) -> tuple[Event, dict[str, Article]]:
        """The event `event_id` and its source articles by id; NotFoundError when absent."""
        with self._connect(write=False) as connection:
            row = connection.execute(select(events).where(events.c.id == event_id)).mappings().first()
            if row is None:
                raise NotFoundError(
                    f"no event with id {event_id!r} in the store; event ids change when an "
                    "article is extracted again, so look the event up anew with query_events "
                    "(GET /api/events)"
                )
            found = _sources(connection, [event_id]).get(event_id, ())
            estimates = merging.estimates_of(connection, [event_id]).get(event_id, ())
            ids = sorted({source.article_id for source in found})
            result = connection.execute(select(articles).where(articles.c.id.in_(ids)))
            by_id = {a.id: a for a in map(rows.article_from_row, result.mappings())}
        return _event(row, found, estimates), dict(sorted(by_id.items()))

    def counts(self) -> dict[str, int]:
        """How many articles, mentions, events and statements are stored."""
        tables = {"articles": articles, "mentions": mentions, "events": events, "statements": statements}
        with self._connect(write=False) as connection:
            return {
                name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in tables.items()
            }


def _reason(exc: SQLAlchemyError) -> str:
    """The database's own words for a failure, on one line."""
    original = getattr(exc, "orig", None)
    return " ".join(str(original if original is not None else exc).split())


def _event(row: rows.ReadRow, sources: tuple[Source, ...], estimates: tuple[Estimate, ...] = ()) -> Event:
    return Event(
        id=row["id"],
        facts=rows.mention_from_row(row),
        sources=sources,
        estimates=estimates,
        wave_id=row["wave_id"],
    )


def _stored_article_id(connection: Connection, article: Article) -> str:
    """The id under which `article` is stored, adding it when new.

    The article's own id, or the id of a stored article with the same text. InputError when
    the id is stored with a different text.
    """
    insert_new(connection, articles, rows.article_row(article, _now()))
    by_id = connection.execute(select(articles.c.content_hash).where(articles.c.id == article.id)).scalar_one_or_none()
    if by_id is not None:
        if by_id != article.content_hash:
            raise InputError(
                f"article {article.id!r} is stored with a different text; stored articles "
                "never change, so give the changed text a new id"
            )
        return article.id
    return str(
        connection.execute(select(articles.c.id).where(articles.c.content_hash == article.content_hash)).scalar_one()
    )


def _delete_extraction(connection: Connection, article_id: str) -> set[str]:
    """Delete an article's mentions, statements and the events they were in; the ids of the
    other mentions of those events (to merge again)."""
    others = merging.forget_article_events(connection, article_id)
    connection.execute(delete(mentions).where(mentions.c.article_id == article_id))
    connection.execute(delete(statements).where(statements.c.article_id == article_id))
    return others


def _sources(connection: Connection, event_ids: Sequence[str]) -> dict[str, tuple[Source, ...]]:
    """The sources of each event, in article id then mention order."""
    found: dict[str, list[Source]] = {}
    for chunk in _chunks(sorted(set(event_ids))):
        result = connection.execute(
            select(
                event_sources.c.event_id,
                event_sources.c.article_id,
                event_sources.c.evidence,
                event_sources.c.duplicate_of,
            )
            .join(mentions, mentions.c.id == event_sources.c.mention_id)
            .where(event_sources.c.event_id.in_(chunk))
            .order_by(event_sources.c.event_id, event_sources.c.article_id, mentions.c.ordinal)
        )
        for event_id, article_id, evidence, duplicate_of in result:
            found.setdefault(event_id, []).append(
                Source(article_id=article_id, evidence=rows.spans_from_json(evidence), duplicate_of=duplicate_of)
            )
    return {event_id: tuple(sources) for event_id, sources in found.items()}
