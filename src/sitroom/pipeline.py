"""The dataflow, top to bottom: ingest, nlp + extract + geocode, time, merge + store.

`run` is the registry of stages; each stage is a plain function or an object passed in.
`read_article` is the part that touches no database (what `sitroom extract` runs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom import dating, ingest
from sitroom.model import Article, Extraction, RunReport, Skip

if TYPE_CHECKING:
    from sitroom.extract.dispatch import ArticleExtractor
    from sitroom.store import Store

Progress = Callable[[Article | Skip], None]


def read_article(article: Article, extractor: ArticleExtractor) -> Extraction:
    """nlp, extract and geocode (inside the extractor), then time."""
    extraction = extractor.extract(article)
    return dating.date_events(extraction, article)


def read_articles(items: Iterable[Article | Skip], extractor: ArticleExtractor) -> Iterator[Extraction | Skip]:
    """`read_article` over a stream; a document that fails becomes a Skip with the reason."""
    for item in items:
        if isinstance(item, Skip):
            yield item
            continue
        try:
            yield read_article(item, extractor)
        except Exception as exc:  # one bad document must not stop a run; it is recorded instead
            yield Skip(item.id, "extract", f"{type(exc).__name__}: {exc}")


def run(
    sources: Iterable[str | Path],
    *,
    extractor: ArticleExtractor,
    store: Store,
    progress: Progress | None = None,
) -> RunReport:
    """Ingest `sources`, read every new article, and store articles, mentions, events, statements."""
    run_id = store.start_run()
    read = new = mentions = statements = 0
    skips: list[Skip] = []
    for item in ingest.read_paths(sources):
        if progress is not None:
            progress(item)
        if isinstance(item, Skip):
            skips.append(item)
            continue
        read += 1
        if not store.add_article(item):
            continue
        new += 1
        try:
            extraction = read_article(item, extractor)
        except Exception as exc:  # recorded, never fatal: see read_articles
            skips.append(Skip(item.id, "extract", f"{type(exc).__name__}: {exc}"))
            continue
        store.save_extraction(item, extraction)
        mentions += len(extraction.mentions)
        statements += len(extraction.statements)
    report = RunReport(
        articles_read=read,
        articles_new=new,
        mentions=mentions,
        events=store.counts()["events"],
        statements=statements,
        skips=tuple(skips),
    )
    store.finish_run(run_id, report)
    return report
