"""Extraction: one article in, its events (mentions), statements and places out.

`Extractor` holds what is built once (the lexicon and its matchers, the geocoder) and reads one
article at a time; it keeps no state between articles.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Protocol

from sitroom.extract.events import Reading, assemble, read_sentence
from sitroom.extract.lexicon import Lexicon, load_lexicon
from sitroom.extract.locations import not_event_locations
from sitroom.extract.matchers import Matchers
from sitroom.extract.statements import statements
from sitroom.model import Article, DatePrecision, Extraction, Place

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Extractor", "PlaceFinder"]


_REFERENCE_DAY = dt.date(2000, 6, 15)
_LINE_BREAKS = re.compile(r"\n\s*")  # a blank line between paragraphs is one break, not two


def _names_a_day(expression: str) -> bool:
    """Whether a date expression names a day or a night ("overnight", "on Tuesday", "3 December"),
    not a month or a year, which date background rather than the event."""
    from sitroom.dates import resolve_date

    return resolve_date(expression, _REFERENCE_DAY).precision is DatePrecision.DAY


class PlaceFinder(Protocol):
    """What extraction needs from geocoding: the resolved places of a doc."""

    def places(self, doc: Doc, on: dt.date | None = None) -> tuple[Place, ...]: ...


class Extractor:
    """Reads articles into `Extraction`s. Build once, call `extract` per article."""

    def __init__(self, nlp: Language, geocoder: PlaceFinder, lexicon: Lexicon | None = None) -> None:
        self.nlp = nlp
        self.geocoder = geocoder
        self.lexicon = lexicon or load_lexicon()
        self.matchers = Matchers(nlp, self.lexicon)

    def extract(self, article: Article) -> Extraction:
        from sitroom.dates import find_date_expressions, sentence_date

        doc = self.nlp(article.text)
        notes = self.matchers.annotate(doc)
        published = article.published.date() if article.published else None
        places = self.geocoder.places(doc, published)  # first names like "Volodymyr" are left out there
        excluded = not_event_locations(doc, places, notes, self.lexicon)
        date_spans = [(a, b) for a, b in find_date_expressions(article.text) if _names_a_day(article.text[a:b])]
        breaks = [m.start() for m in _LINE_BREAKS.finditer(article.text)]
        readings: list[Reading] = []
        for sent in doc.sents:
            paragraph = bisect_left(breaks, sent.start_char)  # line breaks before the sentence
            expressions = [article.text[a:b] for a, b in date_spans if sent.start_char <= a < sent.end_char]
            # resolved here already so that events can tell one day's attack from another's
            date = sentence_date(expressions, article.published)
            readings.append(read_sentence(sent, paragraph, notes, self.lexicon, places, excluded, date))
        place_tokens = frozenset(
            t.i for p in places if (s := doc.char_span(p.start, p.end, alignment_mode="expand")) for t in s
        )
        return Extraction(
            article_id=article.id,
            mentions=tuple(assemble(readings)),
            statements=tuple(statements(doc, notes, self.lexicon, place_tokens)),
            places=places,
        )
