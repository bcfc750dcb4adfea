"""Commands over the web: sources (add, list, remove), watch, and `ingest URL...` (ingest_web)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sitroom.cli.base import cli, settings

if TYPE_CHECKING:
    from sitroom.live import ItemOutcome
    from sitroom.watch import PollReport


def ingest_web(urls: list[str]) -> None:
    """Fetch and store web pages (the URL part of `sitroom ingest`)."""
    from sitroom.build import build_extractor
    from sitroom.ingest.fetch import FetchPolicy
    from sitroom.live import ingest_urls
    from sitroom.store import Store

    config = settings()
    extractor = build_extractor(config)
    policy = FetchPolicy.from_settings(config)
    with Store.open(config.resolved_database_url()) as store:
        outcomes = ingest_urls(
            urls, extractor=extractor, store=store, policy=policy, min_chars=config.min_article_chars
        )
    for outcome in outcomes:
        click.echo(_describe_item(outcome), err=outcome.status in ("failed", "skipped"))


def _describe_item(outcome: ItemOutcome) -> str:
    line = f"{outcome.status}: {outcome.url}"
    if outcome.article_id:
        line += f" (article {outcome.article_id}, {outcome.mentions} event mention(s))"
    if outcome.duplicate_of:
        line += f", a copy of article {outcome.duplicate_of}"
    return line + (f": {outcome.reason}" if outcome.reason else "")


@cli.group()
def sources() -> None:
    """Manage the feeds and sitemaps that `sitroom watch` polls."""


@sources.command("add")
@click.argument("urls", nargs=-1, required=True)
@click.option(
    "--kind",
    type=click.Choice(["feed", "sitemap"]),
    help="feed (RSS or Atom) or sitemap; guessed from the URL when omitted ('sitemap' in it).",
)
def sources_add(urls: tuple[str, ...], kind: str | None) -> None:
    """Watch the feeds or sitemaps at URLS (a known one stays as it is)."""
    from sitroom.errors import InputError
    from sitroom.ingest.feeds import SourceKind, guess_kind
    from sitroom.ingest.identity import is_web_url
    from sitroom.store import Store
    from sitroom.watch import add_sources

    bad = [url for url in urls if not is_web_url(url)]
    if bad:
        raise InputError(f"not an http(s) URL: {bad[0]}; give the full URL of a feed or sitemap")
    entries = [(url, SourceKind(kind) if kind else guess_kind(url)) for url in urls]
    with Store.open(settings().resolved_database_url()) as store:
        for url, (_raw, chosen) in zip(add_sources(store, entries), entries, strict=True):
            click.echo(f"watching {url} ({chosen})")


@sources.command("list")
def sources_list() -> None:
    """List the watched sources: kind, last success, last error, items seen."""
    from sitroom.store import Store
    from sitroom.store.watching import list_sources

    with Store.open(settings().resolved_database_url()) as store:
        found = list_sources(store)
    if not found:
        click.echo("no sources; add one with: sitroom sources add URL")
    for s in found:
        success = s.last_success.isoformat(timespec="seconds") if s.last_success else "never"
        click.echo(f"{s.url}  [{s.kind}]  items seen: {s.items_seen}  last success: {success}")
        if s.last_error:
            when = s.last_error_at.isoformat(timespec="seconds") if s.last_error_at else "?"
            click.echo(f"    last error ({when}): {s.last_error}")


@sources.command("remove")
@click.argument("url")
def sources_remove(url: str) -> None:
    """Stop watching URL (its items stay marked as seen)."""
    from sitroom.errors import NotFoundError
    from sitroom.ingest.identity import canonical_url
    from sitroom.store import Store
    from sitroom.store.watching import remove_source

    with Store.open(settings().resolved_database_url()) as store:
        if not remove_source(store, canonical_url(url)):
            raise NotFoundError(f"{url} is not watched; see the watched sources with: sitroom sources list")
    click.echo(f"stopped watching {canonical_url(url)}")


@cli.command()
@click.option("--interval", type=float, help="Seconds between polls [default: SITROOM_WATCH_INTERVAL, 300].")
@click.option("--once", is_flag=True, help="Poll every source once and exit.")
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A file of sources, one URL a line (optionally followed by feed or sitemap; # comments): "
    "they are added to the watched sources and only they are polled.",
)
def watch(interval: float | None, once: bool, sources_file: Path | None) -> None:
    """Poll the watched feeds and sitemaps on a schedule and store their new articles and events.
    Stop it at any time (Ctrl-C, or a kill): the next start goes on where it stopped."""
    from sitroom.build import build_extractor
    from sitroom.store import Store
    from sitroom.watch import WatchOptions, add_sources, read_sources_file
    from sitroom.watch import watch as run_watch

    config = settings()
    entries = read_sources_file(sources_file) if sources_file else None
    extractor = build_extractor(config)
    with Store.open(config.resolved_database_url()) as store:
        urls = add_sources(store, entries) if entries is not None else None
        try:
            run_watch(
                store,
                extractor,
                WatchOptions.from_settings(config),
                urls=urls,
                interval=interval if interval is not None else config.watch_interval,
                passes=1 if once else None,
                on_pass=_print_pass,
            )
        except KeyboardInterrupt:
            click.echo("stopped; run sitroom watch again to go on", err=True)


def _print_pass(reports: list[PollReport]) -> None:
    if not reports:
        click.echo("no sources to poll; add one with: sitroom sources add URL")
    for report in reports:
        if report.error:
            click.echo(f"{report.source_url}: error: {report.error}")
            continue
        if report.not_modified:
            click.echo(f"{report.source_url}: not modified")
            continue
        counts = Counter(str(o.status) for o in report.outcomes)
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "nothing new"
        click.echo(f"{report.source_url}: {report.listed} item(s) listed; {summary}")
        if report.warning:
            click.echo(f"    warning: {report.warning}")
