"""Ukrainian extraction: Air Force tallies and regional reports, read natively.

`UkrainianExtractor` has the method of `sitroom.extract.Extractor` (`extract(article) ->
Extraction`) and is built the same way, once, from a blank spaCy "uk" pipeline with sitroom's
sentence splitter (`sitroom.nlp.build("uk")`), a geocoder, the Ukrainian lexicons
(extract/uk/lexicons/) and a pymorphy3 analyser. For each article:

- the attack window ("У ніч на 26 червня (з 18:00 25 червня)") dates every event;
- a national tally (weapons launched and intercepted, locations hit, debris, lost from radar) is
  one strike event placed at Ukraine (precision "country");
- each oblast or city named as a target is a strike event of its own, with no weapons (they are
  the national tally's) and with the casualties and outages said of it (`reports`);
- a report with no tally gives one event per place with its casualties and outages (`reports`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sitroom.extract.uk.airforce import Sentence, read_sentences, read_tally
from sitroom.extract.uk.dates import DateWords, attack_window, load_date_words
from sitroom.extract.uk.lexicon import UkLexicon, load_uk_lexicon
from sitroom.extract.uk.morph import Morphology
from sitroom.extract.uk.places import UkGeocoder, country, inflected, targets
from sitroom.extract.uk.reports import attacker, read_report
from sitroom.model import Article, EventType, Extraction, Mention, Place, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["UkrainianExtractor"]


class UkrainianExtractor:
    """Reads Ukrainian articles into `Extraction`s. Build once, call `extract` per article."""

    def __init__(
        self,
        nlp: Language,
        geocoder: UkGeocoder,
        lexicon: UkLexicon | None = None,
        morph: Morphology | None = None,
        date_words: DateWords | None = None,
    ) -> None:
        self.nlp = nlp
        self.geocoder = geocoder
        self.morph = morph or Morphology()
        self.lexicon = lexicon or load_uk_lexicon(self.morph)
        self.date_words = date_words or load_date_words()

    def extract(self, article: Article) -> Extraction:
        text = article.text
        doc = self.nlp(text)
        sentences = read_sentences(text, [(s.start_char, s.end_char) for s in doc.sents], self.lexicon, self.morph)
        published = article.published.date() if isinstance(article.published, dt.datetime) else article.published
        window = attack_window(text, published, self.date_words)
        date = window.date_span() if window else None
        found = self._places(doc, sentences, article.published.date() if article.published else None)
        aimed = self._targets(sentences, found)
        places = tuple(sorted({*found, *aimed}, key=lambda p: (p.start, p.end)))
        tally = read_tally(text, sentences, self.lexicon, self.morph)
        actor = attacker(sentences, self.lexicon)
        if tally is None:
            mentions = read_report(sentences, places, aimed, date, actor, self.lexicon)
            return Extraction(article_id=article.id, mentions=tuple(mentions), places=places)
        national = Mention(
            type=EventType.STRIKE,
            date=date,
            location=country(self.geocoder, text),
            attacker=actor,
            weapons=tally.weapons,
            evidence=_with_window(tally.evidence, window.span if window else None),
            hits=tally.hits,
            debris_locations=tally.debris_locations,
            lost_from_radar=tally.lost_from_radar,
        )
        regional = read_report(sentences, _distinct(aimed), aimed, date, actor, self.lexicon)
        return Extraction(article_id=article.id, mentions=(national, *regional), places=places)

    def _places(self, doc: Doc, sentences: list[Sentence], on: dt.date | None) -> tuple[Place, ...]:
        """The geocoder's places, and names after a preposition in another case ("у Києві")."""
        found = self.geocoder.places(doc, on)
        extra = [
            p
            for s in sentences
            for p in inflected(s.units, found, self.geocoder, self.morph, self.lexicon.place_prepositions)
        ]
        return (*found, *extra)

    def _targets(self, sentences: list[Sentence], found: tuple[Place, ...]) -> list[Place]:
        aimed: list[Place] = []
        for sentence in sentences:
            inside = [p for p in found if sentence.start <= p.start < sentence.end]
            extra = inflected(sentence.units, inside, self.geocoder, self.morph)
            aimed += [p for p in targets(sentence.units, [*inside, *extra], self.lexicon) if p.precision != "country"]
        return aimed


def _distinct(places: list[Place]) -> list[Place]:
    """One place per gazetteer entry, first mention first."""
    seen: dict[str, Place] = {}
    for p in places:
        seen.setdefault(p.gazetteer_id, p)
    return list(seen.values())


def _with_window(evidence: tuple[Span, ...], window: tuple[int, int] | None) -> tuple[Span, ...]:
    if window is None:
        return evidence
    return tuple(sorted({Span(*window), *evidence}, key=lambda s: (s.start, s.end)))
