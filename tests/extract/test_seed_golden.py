"""Golden test: the founding report, field by field (../shared/seed/article.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path

from sitroom import pipeline
from sitroom.contract import article_from_record
from sitroom.extract import Extractor
from sitroom.model import EventType, OutageUnit, Service


def test_founding_report(shared: Path, extractor: Extractor) -> None:
    record = json.loads((shared / "seed" / "article.jsonl").read_text(encoding="utf-8").splitlines()[0])
    article = article_from_record(record)
    result = pipeline.read_article(article, extractor)
    by_place = {m.location.name if m.location else None: m for m in result.mentions}
    assert sorted(by_place, key=str) == ["Kharkiv", "Kyiv", None]

    kyiv, kharkiv, talks = by_place["Kyiv"], by_place["Kharkiv"], by_place[None]
    assert kyiv.type is kharkiv.type is EventType.STRIKE and talks.type is EventType.DIPLOMACY
    assert kyiv.location and kyiv.location.admin1_code == "UA-30"
    assert kharkiv.location and kharkiv.location.admin1_code == "UA-63"
    for strike in (kyiv, kharkiv):
        assert strike.attacker == "Russia"
        assert [w.weapon_class.value for w in strike.weapons] == ["missile", "drone"]
        assert strike.killed is None and strike.injured is None
        assert strike.date is None
    assert {"residential", "education", "energy"} <= {d.value for d in kyiv.damage}
    assert "energy" in {d.value for d in kharkiv.damage}
    assert {o.service for o in kyiv.outages} == {Service.POWER, Service.HEATING}
    [heating] = [o for o in kharkiv.outages if o.service is Service.HEATING]
    assert (heating.count, heating.unit) == (1100, OutageUnit.HOMES)
    assert set(talks.parties) == {"Ukraine", "Russia", "United States"}

    said = {(s.speaker, s.direct) for s in result.statements}
    assert {
        ("Donald Trump", True),
        ("Ihor Terekhov", False),
        ("Oleksiy Kuleba", True),
        ("Volodymyr Zelenskyy", False),
    } <= said
    kuleba = [s for s in result.statements if s.speaker == "Oleksiy Kuleba"]
    assert kuleba[0].quote == "More than 1,100 homes were left without heating"
    assert kuleba[0].role == "Restoration Minister"
    for item in list(result.mentions) + list(result.statements):
        for span in item.evidence:
            assert 0 <= span.start < span.end <= len(article.text)
    assert "Moscow" not in {m.location.name for m in result.mentions if m.location}
