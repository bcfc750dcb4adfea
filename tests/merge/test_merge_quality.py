"""Merge quality on the team's labelled set (tests/data/merge_set.jsonl), with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.extract.dispatch import ArticleExtractor
from sitroom.merge_quality import DEFAULT_SET, bcubed, load_set, main, measure

# Measured 2026-11-25: precision 1.000, recall 0.950, F1 0.974 (29 events for 26 attacks, 87 reports).
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.90


def test_the_set_is_big_enough() -> None:
    labelled = load_set(DEFAULT_SET)
    assert len(labelled) >= 66
    assert len({item.attack for item in labelled}) >= 22
    assert len({item.article.id for item in labelled}) == len(labelled)


def test_merge_quality_on_the_set(extractor: ArticleExtractor) -> None:
    scores = measure(load_set(DEFAULT_SET), extractor)
    assert scores.precision >= PRECISION_FLOOR, scores
    assert scores.recall >= RECALL_FLOOR, scores


def test_bcubed_of_known_clusterings() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    perfect = {"a": frozenset({"x"}), "b": frozenset({"x"}), "c": frozenset({"y"})}
    assert bcubed(gold, perfect) == (1.0, 1.0)
    lumped = {key: frozenset({"x"}) for key in gold}
    precision, recall = bcubed(gold, lumped)
    assert recall == 1.0 and precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    split = {"a": frozenset({"x"}), "b": frozenset({"z"}), "c": frozenset({"y"})}
    assert bcubed(gold, split) == (1.0, pytest.approx((1 / 2 + 1 / 2 + 1) / 3))
    assert bcubed(gold, {"a": frozenset({"x", "w"}), "b": frozenset({"x"}), "c": frozenset({"y"})})[0] < 1.0


def test_the_command_prints_the_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = tmp_path / "small.jsonl"
    lines = DEFAULT_SET.read_text(encoding="utf-8").splitlines()[:6]
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main([str(small)]) == 0
    out = capsys.readouterr().out
    assert "B-cubed precision" in out and "recall" in out and "F1" in out and "events" in out


def test_a_bad_line_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "no label"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        load_set(bad)
