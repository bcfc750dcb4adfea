"""The language dispatch: English as before, Ukrainian to the Ukrainian extractor."""

from __future__ import annotations

from pathlib import Path

from sitroom import pipeline
from sitroom.contract import extraction_record
from sitroom.extract import Extractor
from sitroom.extract.dispatch import MultilingualExtractor
from sitroom.extract.uk import UkrainianExtractor
from sitroom.ingest import read_records
from sitroom.model import Article


def test_picks_the_extractor_by_language(extractor: MultilingualExtractor) -> None:
    assert isinstance(extractor.extractor_for(Article("a", "Russia launched drones at Kyiv.")), Extractor)
    assert isinstance(extractor.extractor_for(Article("a", "Ворог атакував Київ дронами.")), UkrainianExtractor)
    forced = Article("a", "Russia launched drones at Kyiv.", language="uk")
    assert isinstance(extractor.extractor_for(forced), UkrainianExtractor)


def test_english_results_are_those_of_the_english_extractor(extractor: MultilingualExtractor, shared: Path) -> None:
    with (shared / "seed" / "article.jsonl").open(encoding="utf-8") as stream:
        [article] = [a for a in read_records(stream) if isinstance(a, Article)]
    english = extractor.default
    assert extraction_record(pipeline.read_article(article, extractor)) == extraction_record(
        pipeline.read_article(article, english)
    )


def test_ukrainian_and_english_reports_of_one_night_carry_what_merging_needs(extractor: MultilingualExtractor) -> None:
    import datetime as dt

    published = dt.datetime(2026, 7, 2, 9, 0)
    uk = Article("uk", "У ніч на 2 липня (з 18:00 1 липня) противник атакував 8 крилатими ракетами Калібр. "
                 "Основний напрямок удару – Київ.", published=published)  # fmt: skip
    en = Article("en", "Russia attacked Kyiv overnight with eight Kalibr cruise missiles.", published=published)
    uk_events = pipeline.read_article(uk, extractor).mentions
    en_events = pipeline.read_article(en, extractor).mentions
    kyiv = [m for m in uk_events if m.location is not None and m.location.name == "Kyiv"]
    assert kyiv and en_events
    assert kyiv[0].date is not None and en_events[0].date is not None
    assert kyiv[0].date.end == en_events[0].date.end == dt.date(2026, 7, 2)
    assert en_events[0].location is not None and en_events[0].location.gazetteer_id == kyiv[0].location.gazetteer_id
    assert (
        {w.model for m in uk_events for w in m.weapons} == {w.model for m in en_events for w in m.weapons} == {"Kalibr"}
    )
