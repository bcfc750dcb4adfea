"""The extraction lexicons: trigger words, weapons, damaged objects, services, actors, titles.

They are data files in `lexicons/`, reviewed like code; this module only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.datafiles import cells, content_lines, package_text
from sitroom.model import DamageCategory, EventType, OutageUnit, Service, Victims, WeaponClass


@dataclass(frozen=True)
class Lexicon:
    """Every word list extraction uses, keyed by lowercase phrase."""

    triggers: dict[str, tuple[EventType, bool]]
    weapons: dict[str, tuple[WeaponClass, str | None]]
    damage: dict[str, DamageCategory]
    generic_damage: frozenset[str]
    damage_cues: frozenset[str]
    proximity_cues: frozenset[str]
    services: dict[str, Service]
    outage_cues: frozenset[str]
    outage_units: dict[str, OutageUnit]
    actors: dict[str, str]
    roles: frozenset[str]
    speech_verbs: frozenset[str]
    bodies: dict[str, str]
    person_nouns: dict[str, str]
    numbers: dict[str, int]
    casualties: dict[str, str]
    casualty_victims: dict[str, Victims]
    attack_verbs: frozenset[str]
    intercept_cues: frozenset[str]
    launch_cues: frozenset[str]
    addressee_verbs: frozenset[str]
    not_names: frozenset[str]
    parties: dict[str, str]
    no_casualties: dict[str, str]
    future_markers: frozenset[str]
    other_attack_markers: frozenset[str]
    media_nouns: frozenset[str]


def load_lexicon() -> Lexicon:
    """Read the bundled lexicon files."""
    return Lexicon(
        triggers={p: (EventType(t), s == "strong") for p, t, s in _rows("triggers.tsv", 3)},
        weapons={p: (WeaponClass(c), m or None) for p, c, m in _rows("weapons.tsv", 3)},
        damage={p: DamageCategory(c) for p, c, _ in _rows("damage.tsv", 3)},
        generic_damage=frozenset(p for p, _, g in _rows("damage.tsv", 3) if g == "generic"),
        damage_cues=frozenset(_lines("damage_cues.txt")),
        proximity_cues=frozenset(_lines("proximity_cues.txt")),
        services={p: Service(s) for p, s in _rows("outages.tsv", 2)},
        outage_cues=frozenset(_lines("outage_cues.txt")),
        outage_units={p: OutageUnit(u) for p, u in _rows("outage_units.tsv", 2)},
        actors={p: a for p, a in _rows("actors.tsv", 2)},
        roles=frozenset(_lines("roles.txt")),
        speech_verbs=frozenset(_lines("speech_verbs.txt")),
        bodies={p: a for p, a in _rows("bodies.tsv", 2)},
        person_nouns={p: k for p, k in _rows("person_nouns.tsv", 2)},
        numbers={w: int(v) for w, v in _rows("numbers.tsv", 2)},
        casualties={w: k for w, k in _rows("casualties.tsv", 2)},
        casualty_victims={w: Victims(v) for w, _, v in _rows("casualties.tsv", 3) if v},
        attack_verbs=frozenset(_lines("attack_verbs.txt")),
        intercept_cues=frozenset(_lines("intercept_cues.txt")),
        launch_cues=frozenset(_lines("launch_cues.txt")),
        addressee_verbs=frozenset(_lines("addressee_verbs.txt")),
        not_names=frozenset(_lines("not_names.txt")),
        parties={p: party for p, party in _rows("parties.tsv", 2)},
        no_casualties={p: what for p, what in _rows("no_casualties.tsv", 2)},
        future_markers=frozenset(_lines("future_markers.txt")),
        other_attack_markers=frozenset(_lines("other_attack_markers.txt")),
        media_nouns=frozenset(_lines("media_nouns.txt")),
    )


def plural(phrase: str) -> str:
    """The English plural of a phrase's last word ("apartment block" -> "apartment blocks")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _lines(name: str) -> list[str]:
    return content_lines(package_text("sitroom.extract", "lexicons", name))


def _rows(name: str, width: int) -> list[tuple[str, ...]]:
    return cells(_lines(name), width)
