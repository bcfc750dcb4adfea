"""The words around a toponym that change what it means (data/cues.tsv, data/given_names.txt), and
the parts of compound adjectives (data/compound_prefixes.tsv)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from sitroom.errors import GazetteerError
from sitroom.geocode.datafiles import read_table, read_words, split_list
from sitroom.geocode.normalize import fold

# What a toponym names: the place itself, the raion or hromada named after it, or a front-line
# direction named after it.
Kind = Literal["place", "district", "community", "direction"]

_WORD_ROLES = ("verb", "actor", "action", "prefix", "feature", "intro", "title", "english", "landmark", "venue")


@dataclass(frozen=True)
class Cues:
    """The words around a toponym that change what it means (data/cues.tsv)."""

    heads: Mapping[str, Kind]
    verbs: frozenset[str]
    actors: frozenset[str]
    prefixes: frozenset[str]
    features: frozenset[str]
    intros: frozenset[str]
    titles: frozenset[str]
    actions: frozenset[str]
    english: frozenset[str]
    landmarks: frozenset[str]  # after an adjective, a thing at the place it comes from ("Zmiivska TPP")
    venues: frozenset[str]  # before "in"/"at": a meeting whose place follows ("talks in Geneva")
    given_names: frozenset[str]
    # first part of a compound adjective -> first words of the two-word name it comes from
    compounds: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def load_cues() -> Cues:
    """The cue words shipped with sitroom."""
    heads: dict[str, Kind] = {}
    words: dict[str, set[str]] = {role: set() for role in _WORD_ROLES}
    for row in read_table("cues.tsv"):
        role, word = row["role"], fold(row["word"])
        if role == "district":
            heads[word] = "district"
        elif role == "community":
            heads[word] = "community"
        elif role == "direction":
            heads[word] = "direction"
        elif role in words:
            words[role].add(word)
        else:
            raise GazetteerError(f"data/cues.tsv: unknown role {role!r} for {word!r}")
    return Cues(
        heads=heads,
        verbs=frozenset(words["verb"]),
        actors=frozenset(words["actor"]),
        prefixes=frozenset(words["prefix"]),
        features=frozenset(words["feature"]),
        intros=frozenset(words["intro"]),
        titles=frozenset(words["title"]),
        actions=frozenset(words["action"]),
        english=frozenset(words["english"]),
        landmarks=frozenset(words["landmark"]),
        venues=frozenset(words["venue"]),
        given_names=frozenset(fold(name) for name in read_words("given_names.txt")),
        compounds={row["prefix"]: tuple(split_list(row["words"])) for row in read_table("compound_prefixes.tsv")},
    )
