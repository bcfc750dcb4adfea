"""Commands over articles and events: extract, ingest, events, show, demo."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from sitroom.cli.base import cli, settings

if TYPE_CHECKING:
    from sitroom.model import Article, Event, RunReport


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True))
@click.option(
    "-o",
    "--output",
    "output_path",
    default="-",
    type=click.Path(allow_dash=True),
    help="Where to write the results (JSON Lines); '-' for standard output (the default).",
)
def extract(input_path: str, output_path: str) -> None:
    """Read documents (JSON Lines, one {"id", "text", "published"?, ...} a line) and write one
    line of events, statements and places per document, in input order. Touches no database."""
    from sitroom import pipeline
    from sitroom.build import build_extractor
    from sitroom.contract import extraction_record
    from sitroom.ingest import read_records
    from sitroom.model import Extraction, Skip

    extractor = build_extractor(settings())
    with _open_in(input_path) as stream, _open_out(output_path) as out:
        items = _with_progress(read_records(stream, name=input_path), total=_count_lines(input_path), unit="doc")
        skipped = 0
        for result in pipeline.read_articles(items, extractor):
            if isinstance(result, Skip):
                skipped += 1
                click.echo(f"skipped {result.source} ({result.stage}): {result.reason}", err=True)
                if result.stage != "extract":
                    continue
                result = Extraction(article_id=result.source)
            out.write(json.dumps(extraction_record(result), ensure_ascii=False) + "\n")
    if skipped:
        click.echo(f"{skipped} document(s) skipped; see the lines above", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def ingest(paths: tuple[str, ...]) -> None:
    """Store articles from files and folders (.jsonl, .txt, .md, .html) and web pages (http://
    and https:// URLs, fetched) with their events. Ingesting the same again adds nothing."""
    from sitroom.cli.web import ingest_web
    from sitroom.ingest.identity import is_web_url

    files: list[str | Path] = [p for p in paths if not is_web_url(p)]
    if files:
        _print_report(_ingest(files))
    if len(files) < len(paths):
        ingest_web([p for p in paths if is_web_url(p)])


def _ingest(paths: list[str | Path]) -> RunReport:
    from sitroom import pipeline
    from sitroom.build import build_extractor
    from sitroom.store import Store

    config = settings()
    extractor = build_extractor(config)
    bar = _progress_bar(unit="doc")
    with Store.open(config.resolved_database_url()) as store:
        return pipeline.run(paths, extractor=extractor, store=store, progress=lambda _item: bar.update(1))


def _print_report(report: RunReport) -> None:
    click.echo(
        f"read {report.articles_read} article(s), {report.articles_new} new; "
        f"{report.mentions} event mention(s), {report.statements} statement(s); "
        f"{report.events} event(s) in the store"
    )
    for skip in report.skips:
        click.echo(f"skipped {skip.source} ({skip.stage}): {skip.reason}", err=True)


@cli.command()
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only events on or after this day (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only events on or before this day (YYYY-MM-DD).")
@click.option("--type", "types", multiple=True, help="Event type (strike, shelling, diplomacy, ...); repeatable.")
@click.option("--oblast", help="Oblast as ISO 3166-2 code (UA-63) or name (Kharkiv Oblast).")
@click.option("--near", help="A place name; with --km, only events within that distance of it.")
@click.option("--km", type=float, default=25.0, show_default=True, help="Distance for --near.")
@click.option("--weapon", help="Weapon class or model (drone, cruise_missile, Shahed-136, ...).")
@click.option("--limit", type=int, default=200, show_default=True, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def events(
    since: Any,
    until: Any,
    types: tuple[str, ...],
    oblast: str | None,
    near: str | None,
    km: float,
    weapon: str | None,
    limit: int,
    fmt: str,
) -> None:
    """List stored events, newest first."""
    from sitroom.store import EventQuery, Store

    config = settings()
    point = _place_point(near, km, config.resolved_database_url(), config.codifier_file) if near else None
    query = EventQuery(
        since=since.date() if since else None,
        until=until.date() if until else None,
        types=types,
        oblast=oblast,
        near=point,
        weapon=weapon,
        limit=limit,
    )
    with Store.open(config.resolved_database_url()) as store:
        found = store.query_events(query)
    click.echo(_format_events(found, fmt), nl=False)


def _place_point(name: str, km: float, database_url: str, codifier: Path | None) -> tuple[float, float, float]:
    from sitroom.errors import NotFoundError
    from sitroom.geocode.sources import locate

    entry = locate(name, database_url, codifier)
    if entry is None:
        raise NotFoundError(
            f"no place called {name!r} in the gazetteer; check the spelling (e.g. Kharkiv, Kyiv Oblast)"
        )
    return (entry.lat, entry.lon, km)


def _format_events(found: list[Event], fmt: str) -> str:
    from sitroom.contract import mention_record

    if fmt == "json":
        return "".join(json.dumps({"id": e.id, **mention_record(e.facts)}, ensure_ascii=False) + "\n" for e in found)
    rows = [_event_row(e) for e in found]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(_EVENT_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    if not rows:
        return "no events match\n"
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in _TABLE_COLUMNS}
    lines = ["  ".join(c.ljust(widths[c]) for c in _TABLE_COLUMNS)]
    lines += ["  ".join(str(r[c]).ljust(widths[c]) for c in _TABLE_COLUMNS) for r in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"


_EVENT_COLUMNS = (
    "id",
    "date",
    "type",
    "place",
    "oblast",
    "attacker",
    "weapons",
    "killed",
    "injured",
    "damage",
    "outages",
    "sources",
)
_TABLE_COLUMNS = ("id", "date", "type", "place", "attacker", "weapons", "killed", "injured", "damage", "outages")


def _event_row(event: Event) -> dict[str, Any]:
    f = event.facts
    weapons = ", ".join(
        (w.model or w.weapon_class.value)
        + (f" {w.launched}" if w.launched is not None else "")
        + (f"/{w.intercepted} down" if w.intercepted is not None else "")
        for w in f.weapons
    )
    outages = ", ".join(
        o.service.value + (f" {o.count} {o.unit.value if o.unit else ''}".rstrip() if o.count else "")
        for o in f.outages
    )
    return {
        "id": event.id,
        "date": f.date.start.isoformat() if f.date and f.date.start else "",
        "type": f.type.value,
        "place": f.location.name if f.location else "",
        "oblast": f.location.admin1_code or "" if f.location else "",
        "attacker": f.attacker or "",
        "weapons": weapons,
        "killed": "" if f.killed is None else f.killed,
        "injured": "" if f.injured is None else f.injured,
        "damage": ", ".join(d.value for d in f.damage),
        "outages": outages,
        "sources": len(event.sources),
    }


@cli.command()
@click.argument("event_id")
def show(event_id: str) -> None:
    """Print every field of one event with its evidence sentences, the evidence highlighted."""
    from sitroom.store import Store

    with Store.open(settings().resolved_database_url()) as store:
        event, articles = store.get_event(event_id)
    click.echo(_describe(event, articles, color=sys.stdout.isatty()))


def _describe(event: Event, articles: dict[str, Article], *, color: bool) -> str:
    from sitroom.contract import mention_record

    lines = [f"event {event.id}"]
    for key, value in mention_record(event.facts).items():
        if key != "evidence":
            lines.append(f"  {key:17} {json.dumps(value, ensure_ascii=False)}")
    if event.wave_id:
        lines.append(f"  {'wave':17} {event.wave_id}")
    for estimate in event.estimates:
        if estimate.low != estimate.high:
            figures = ", ".join(f"{f.value} ({f.article_id})" for f in estimate.figures)
            lines.append(
                f"  {estimate.name:17} low {estimate.low}, best {estimate.best}, high {estimate.high}: {figures}"
            )
    for source in event.sources:
        article = articles.get(source.article_id)
        title = f" ({article.title})" if article and article.title else ""
        copy = f", a copy of {source.duplicate_of}" if source.duplicate_of else ""
        lines.append(f"source {source.article_id}{title}{copy}")
        if article is None:
            continue
        for span in source.evidence:
            sentence = article.text[span.start : span.end]
            mark = click.style(sentence, bold=True, fg="yellow") if color else f">>> {sentence} <<<"
            lines.append(f"  [{span.start}:{span.end}] {mark}")
    return "\n".join(lines)


@cli.command()
@click.option("--limit", type=int, default=25, show_default=True, help="How many events to list after the summary.")
@click.option("--serve", "then_serve", is_flag=True, help="Then serve the web page at http://127.0.0.1:8000/.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port for --serve.")
def demo(limit: int, then_serve: bool, port: int) -> None:
    """Ingest the bundled sample reports into the default database and print what sitroom found;
    with --serve, then serve the web page and the API over it."""
    from importlib import resources

    corpus = resources.files("sitroom.demo").joinpath("corpus.jsonl")
    with resources.as_file(corpus) as path:
        report = _ingest([path])
    _print_report(report)
    from sitroom.store import EventQuery, Store

    config = settings()
    with Store.open(config.resolved_database_url()) as store:
        counts = store.counts()
        found = store.query_events(EventQuery(limit=limit))
    click.echo(f"database: {config.resolved_database_url()}")
    click.echo(", ".join(f"{n} {k}" for k, n in counts.items()))
    click.echo(_format_events(found, "table"), nl=False)
    click.echo("Try: sitroom events --type strike --near Kharkiv --km 50   |   sitroom show EVENT_ID")
    if then_serve:
        from sitroom.cli.serve import DEFAULT_HOST, run_server

        run_server(DEFAULT_HOST, port)


def _open_in(path: str) -> AbstractContextManager[IO[str]]:
    if path == "-":
        return nullcontext(sys.stdin)
    try:
        return open(path, encoding="utf-8")
    except OSError as exc:
        raise click.FileError(path, hint=exc.strerror or str(exc)) from exc


def _open_out(path: str) -> AbstractContextManager[IO[str]]:
    if path == "-":
        return nullcontext(sys.stdout)
    return open(path, "w", encoding="utf-8")


def _count_lines(path: str) -> int | None:
    if path == "-":
        return None
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def _with_progress(items: Iterator[Any], *, total: int | None, unit: str) -> Iterator[Any]:
    bar = _progress_bar(total=total, unit=unit)
    for item in items:
        bar.update(1)
        yield item
    bar.close()


def _progress_bar(*, total: int | None = None, unit: str) -> Any:
    """A progress bar on standard error when it is a terminal; silent otherwise."""
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, disable=not sys.stderr.isatty(), file=sys.stderr, leave=False)
