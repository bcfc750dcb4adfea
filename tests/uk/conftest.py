"""Fixtures of the Ukrainian tests: the analyser and lexicon (cheap), and a reader of statements
through the real pipeline (the session's `extractor`, which dispatches by language)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from uk_reading import Read

from sitroom import pipeline
from sitroom.contract import extraction_record
from sitroom.extract.dispatch import MultilingualExtractor
from sitroom.extract.uk.lexicon import UkLexicon, load_uk_lexicon
from sitroom.extract.uk.morph import Morphology
from sitroom.model import Article


@pytest.fixture(scope="session")
def morph() -> Morphology:
    return Morphology()


@pytest.fixture(scope="session")
def uk_lexicon(morph: Morphology) -> UkLexicon:
    return load_uk_lexicon(morph)


@pytest.fixture(scope="session")
def read(extractor: MultilingualExtractor) -> Read:
    """Text -> its contract record, read as `sitroom extract` reads it (published 2026-07-10)."""

    def _read(
        text: str, published: dt.datetime = dt.datetime(2026, 7, 10, 6, 0), language: str | None = None
    ) -> dict[str, Any]:
        article = Article("t", text, published=published, language=language)
        return extraction_record(pipeline.read_article(article, extractor))

    return _read
