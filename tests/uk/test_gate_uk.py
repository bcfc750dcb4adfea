"""The accuracy gate of Ukrainian reading: the airforce suite of ../shared/eval/score.py against
pinned floors (issue 7). Raising a floor is routine; lowering one needs a reason in the commit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sitroom import pipeline
from sitroom.contract import extraction_record
from sitroom.extract.dispatch import MultilingualExtractor
from sitroom.ingest import read_records
from sitroom.model import Skip

AIRFORCE = "eval/dev/airforce_uk.jsonl"
AIRFORCE_MIN = {
    "model_found": 0.98,
    "launched_exact": 0.97,
    "intercepted_exact": 0.95,
    "total_launched_exact": 0.95,
    "total_intercepted_exact": 0.95,
    "window_start_exact": 0.95,
}
AIRFORCE_MAX = {"contract_errors": 0, "missing_records": 0}


def test_air_force_statements_meet_the_floors(shared: Path, extractor: MultilingualExtractor, tmp_path: Path) -> None:
    predictions = tmp_path / "airforce.pred.jsonl"
    with (shared / AIRFORCE).open(encoding="utf-8") as stream, predictions.open("w", encoding="utf-8") as out:
        for result in pipeline.read_articles(read_records(stream), extractor):
            assert not isinstance(result, Skip), f"skipped: {result}"
            out.write(json.dumps(extraction_record(result), ensure_ascii=False) + "\n")
    done = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            "airforce",
            str(shared / AIRFORCE),
            str(predictions),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout)
    low = {k: result.get(k) for k, floor in AIRFORCE_MIN.items() if not (result.get(k) or 0) >= floor}
    high = {k: result.get(k) for k, ceiling in AIRFORCE_MAX.items() if (result.get(k) or 0) > ceiling}
    assert not low and not high, f"below floor: {low}; above ceiling: {high}"
