"""Ingesting documents handed over in memory (the API's POST /api/articles) through the pipeline.

The documents are the contract's input objects ({"id"?, "text", "title"?, "published"?, ...}).
They go through `pipeline.run` exactly like a JSON Lines file would: a document that cannot be
read becomes a skip in the report, never an error of the whole request.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitroom import pipeline
from sitroom.errors import InputError
from sitroom.model import RunReport

if TYPE_CHECKING:
    from sitroom.extract.dispatch import ArticleExtractor
    from sitroom.store import Store

MAX_DOCUMENTS = 1000
"""The most documents one call ingests."""


def ingest_documents(documents: Sequence[Mapping[str, Any]], *, extractor: ArticleExtractor, store: Store) -> RunReport:
    """Store `documents` with their events and statements; what the run did. Skips name the
    document by its position ("document 3") or its id."""
    if not documents:
        raise InputError('no documents given; send {"text": "..."} or a list of such objects')
    if len(documents) > MAX_DOCUMENTS:
        raise InputError(f"{len(documents)} documents in one request; send at most {MAX_DOCUMENTS} at a time")
    with tempfile.TemporaryDirectory(prefix="sitroom-submit-") as folder:
        path = Path(folder) / "documents.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for document in documents:
                out.write(json.dumps(dict(document), ensure_ascii=False, default=str) + "\n")
        report = pipeline.run([path], extractor=extractor, store=store)
    prefix = f"{path}:"
    skips = tuple(
        replace(skip, source="document " + skip.source.removeprefix(prefix)) if skip.source.startswith(prefix) else skip
        for skip in report.skips
    )
    return replace(report, skips=skips)
