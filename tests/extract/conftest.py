from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Span

from sitroom import nlp
from sitroom.extract.lexicon import Lexicon, load_lexicon
from sitroom.extract.matchers import Annotations, Matchers


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def read(lexicon: Lexicon) -> Callable[[str], tuple[Span, Annotations]]:
    """Text -> (its first sentence, the doc's lexicon annotations)."""
    pipeline = nlp.build()
    matchers = Matchers(pipeline, lexicon)

    def _read(text: str) -> tuple[Span, Annotations]:
        doc = pipeline(text)
        return next(iter(doc.sents)), matchers.annotate(doc)

    return _read
