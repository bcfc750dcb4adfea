from __future__ import annotations

import json
from importlib import resources


def test_demo_corpus_is_marked_sample_data() -> None:
    lines = resources.files("sitroom.demo").joinpath("corpus.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert len(records) >= 40
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        assert r["sample"] is True and r["source"] == "sitroom sample data"
        assert r["published"] and r["text"].strip() and r["title"]
