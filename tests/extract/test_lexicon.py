"""The lexicon files are data reviewed like code: they parse, hold no duplicates, and cover
the weapon models of the reference table."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from sitroom.extract.lexicon import Lexicon

LEXICONS = resources.files("sitroom.extract").joinpath("lexicons")


@pytest.mark.parametrize("name", sorted(p.name for p in LEXICONS.iterdir() if p.name.endswith((".tsv", ".txt"))))
def test_no_phrase_twice(name: str) -> None:
    lines = [
        line
        for line in LEXICONS.joinpath(name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    keys = [line.split("\t")[0].strip() for line in lines]
    twice = sorted({k for k in keys if keys.count(k) > 1})
    assert not twice, f"{name} lists these more than once: {twice}"


def test_every_reference_model_is_known(shared: Path, lexicon: Lexicon) -> None:
    """Every single model of missiles_and_uavs.csv (not the combinations, not 'Unknown ...')."""
    with (shared / "data" / "missiles_and_uavs.csv").open(encoding="utf-8") as f:
        models = [row["model"] for row in csv.DictReader(f)]
    missing = []
    for model in models:
        if " and " in model or model.startswith(("Unknown", "Reconnaissance")):
            continue
        previous = ""
        for part in model.split("/"):
            if part.isdigit():  # "Shahed-136/131" names Shahed-131
                part = previous.rsplit("-", 1)[0] + "-" + part
            previous = part
            key = part.strip().lower()
            if (
                key not in lexicon.weapons
                and key.split()[-1] not in lexicon.weapons
                and not (key[:1] == "x" and "kh" + key[1:] in lexicon.weapons)
            ):
                missing.append(part)
    assert not missing, f"weapons.tsv does not know: {missing}"


def test_damage_marks_only_generic_objects() -> None:
    """damage.tsv's third column is "generic" or empty: a typo there would silently make a
    container word specific."""
    rows = [
        line.split("\t")
        for line in LEXICONS.joinpath("damage.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert {row[2].strip() for row in rows if len(row) > 2} <= {"", "generic"}


def test_generic_damage_objects_are_containers(lexicon: Lexicon) -> None:
    assert {"building", "yard", "road"} <= lexicon.generic_damage
    assert "school" not in lexicon.generic_damage


def test_who_the_victims_are_is_a_known_kind() -> None:
    """A typo in the "who" column would silently say nothing of the victims."""
    kinds = {
        "person_nouns.tsv": ({"1", "child", "civilian", "military"}, 1),
        "casualties.tsv": ({"", "military"}, 2),
    }
    for name, (allowed, column) in kinds.items():
        rows = [
            line.split("\t")
            for line in LEXICONS.joinpath(name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        found = {row[column].strip() if len(row) > column else "" for row in rows}
        assert found <= allowed, f"{name}: unknown kinds {sorted(found - allowed)}"
