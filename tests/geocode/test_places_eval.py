"""The places and headlines development sets (../shared/eval) run through the geocoder alone:
floors a little below what the embedded gazetteer scores, and what it scores with the GeoNames
postal dump of ../shared/data imported, so that a change that loses accuracy fails. They skip (the
`shared` and `postal_database` fixtures) where ../shared is absent."""

from __future__ import annotations

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
        places = geocoder.places(nlp.make_doc(record["text"]))
        pred[record["id"]] = {
            "events": [],
            "places": [{"lat": p.lat, "lon": p.lon, "admin1": p.admin1, "admin1_code": p.admin1_code} for p in places],
        }
    return gold, pred


def test_places_floors(shared: Path, geocoder: Geocoder, nlp: Language) -> None:
    gold, pred = predict(geocoder, nlp, shared / "eval" / "dev" / "places.jsonl")
    result = scorer(shared).score_places(gold, pred)
    # measured: coverage 0.907, within_10km 0.541, within_25km 0.621, admin1_accuracy 0.868
    assert result["coverage"] >= 0.90
    assert result["within_10km"] >= 0.535
    assert result["within_25km"] >= 0.615
    assert result["admin1_accuracy"] >= 0.86


def test_headlines_floors(shared: Path, geocoder: Geocoder, nlp: Language) -> None:
    gold, pred = predict(geocoder, nlp, shared / "eval" / "dev" / "headlines.jsonl")
    result = scorer(shared).score_headlines(gold, pred)
    # measured: admin1_accuracy 0.436, admin1_precision 0.903
    assert result["admin1_accuracy"] >= 0.43
    assert result["admin1_precision"] >= 0.895


def test_places_floors_with_the_postal_import(shared: Path, postal_geocoder: Geocoder, nlp: Language) -> None:
    gold, pred = predict(postal_geocoder, nlp, shared / "eval" / "dev" / "places.jsonl")
    result = scorer(shared).score_places(gold, pred)
    # measured: within_10km 0.627, within_25km 0.683, admin1_accuracy 0.901
    assert result["within_10km"] >= 0.62
    assert result["within_25km"] >= 0.675
    assert result["admin1_accuracy"] >= 0.895


def test_headlines_floors_with_the_postal_import(shared: Path, postal_geocoder: Geocoder, nlp: Language) -> None:
    gold, pred = predict(postal_geocoder, nlp, shared / "eval" / "dev" / "headlines.jsonl")
    result = scorer(shared).score_headlines(gold, pred)
    # measured: admin1_accuracy 0.459, admin1_precision 0.876
    assert result["admin1_accuracy"] >= 0.45
    assert result["admin1_precision"] >= 0.87
