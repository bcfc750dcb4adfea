"""The places and headlines development sets (../shared/eval) run through the geocoder alone:
floors a little below what the embedded gazetteer scores, and what it scores with the GeoNames
postal dump of ../shared/data imported, so that a change that loses accuracy fails. They skip (the
`shared` and `postal_database` fixtures) where ../shared is absent."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.language import Language

from sitroom.geocode.resolve import Geocoder


def scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(geocoder: Geocoder, nlp: Language, path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    gold: dict[str, Any] = {}
    pred: dict[str, Any] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["id"]] = record
        published = record.get("published")
        on = dt.date.fromisoformat(published[:10]) if published else None  # the war of that day
        places = geocoder.places(nlp.make_doc(record["text"]), on)
        pred[record["id"]] = {
            "events": [],
            "places": [{"lat": p.lat, "lon": p.lon, "admin1": p.admin1, "admin1_code": p.admin1_code} for p in places],
        }
    return gold, pred


def test_places_floors(shared: Path, geocoder: Geocoder, nlp: Language) -> None:
    gold, pred = predict(geocoder, nlp, shared / "eval" / "dev" / "places.jsonl")
    result = scorer(shared).score_places(gold, pred)
    # measured: coverage 0.952, within_10km 0.594, within_25km 0.718, admin1_accuracy 0.920
    assert result["coverage"] >= 0.945
    assert result["within_10km"] >= 0.585
    assert result["within_25km"] >= 0.71
    assert result["admin1_accuracy"] >= 0.91


def test_headlines_floors(shared: Path, geocoder: Geocoder, nlp: Language) -> None:
    gold, pred = predict(geocoder, nlp, shared / "eval" / "dev" / "headlines.jsonl")
    result = scorer(shared).score_headlines(gold, pred)
    # measured: admin1_accuracy 0.598, admin1_precision 0.949
    assert result["admin1_accuracy"] >= 0.59
    assert result["admin1_precision"] >= 0.94


def test_places_floors_with_the_postal_import(shared: Path, postal_geocoder: Geocoder, nlp: Language) -> None:
    gold, pred = predict(postal_geocoder, nlp, shared / "eval" / "dev" / "places.jsonl")
    result = scorer(shared).score_places(gold, pred)
    # measured: within_10km 0.646, within_25km 0.718, admin1_accuracy 0.919
    assert result["within_10km"] >= 0.64
    assert result["within_25km"] >= 0.71
    assert result["admin1_accuracy"] >= 0.91


def test_headlines_floors_with_the_postal_import(shared: Path, postal_geocoder: Geocoder, nlp: Language) -> None:
    gold, pred = predict(postal_geocoder, nlp, shared / "eval" / "dev" / "headlines.jsonl")
    result = scorer(shared).score_headlines(gold, pred)
    # measured: admin1_accuracy 0.593, admin1_precision 0.937
    assert result["admin1_accuracy"] >= 0.58
    assert result["admin1_precision"] >= 0.93
