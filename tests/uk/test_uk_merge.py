"""A Ukrainian and an English report of one night become one event with both sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitroom import pipeline
from sitroom.extract.dispatch import MultilingualExtractor
from sitroom.model import Article, EventType
from sitroom.store import EventQuery, Store

PUBLISHED = dt.datetime(2026, 7, 2, 9, 0)
UKRAINIAN = Article(
    "uk-night",
    "У ніч на 2 липня (з 18:00 1 липня) противник атакував 8 крилатими ракетами Калібр. "
    "Основний напрямок удару – Київ.",
    published=PUBLISHED,
)
ENGLISH = Article(
    "en-night",
    "Russia attacked Kyiv overnight with eight Kalibr cruise missiles, damaging an apartment block.",
    published=PUBLISHED,
)


def test_one_night_in_two_languages_is_one_event(extractor: MultilingualExtractor, tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'sitroom.db'}") as store:
        for article in (UKRAINIAN, ENGLISH):
            store.add_article(article)
            store.save_extraction(article, pipeline.read_article(article, extractor))
        strikes = store.query_events(EventQuery(types=(EventType.STRIKE.value,)))
    kyiv = [e for e in strikes if e.facts.location is not None and e.facts.location.name == "Kyiv"]
    assert len(kyiv) == 1
    assert {s.article_id for s in kyiv[0].sources} == {"uk-night", "en-night"}
    assert {w.model for w in kyiv[0].facts.weapons} == {"Kalibr"}
