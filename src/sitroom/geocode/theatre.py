"""Where the war was fought when: the oblasts and front lines that make one of several same-name
places the likelier one in a report of a given day.

A report of 2016 naming a lone "Stepanivka" most likely means the village on the Donbas line of
contact; one of March 2022 may as well mean a village north of Kyiv, which Russian troops held
then. Each phase of the war carries a prior per oblast (data/admin1_prior.tsv, from its `since`)
and the front-line points of that time (data/front.tsv, `since`/`until`); a new phase begins
wherever either changes. A report without a date is read against the latest phase.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sitroom.geocode.datafiles import read_table
from sitroom.geocode.gazetteer import Entry, Gazetteer
from sitroom.geocode.geometry import haversine_km


@dataclass(frozen=True)
class Phase:
    """One period of the war: how likely a place in each unit is meant, and the front's points."""

    since: dt.date
    prior: Mapping[str, float]  # ISO 3166-2 code -> weight; units not listed are 0
    front: tuple[tuple[float, float], ...]  # (lat, lon) of front-line places
    _front_km: dict[str, float] = field(default_factory=dict, init=False, repr=False, compare=False)

    def weight(self, entry: Entry) -> float:
        return self.prior.get(entry.admin1_code or "", 0.0)

    def front_km(self, entry: Entry) -> float:
        """How far a place lies from the nearest front-line point of this phase (kept per entry:
        the same candidates recur in document after document)."""
        found = self._front_km.get(entry.id)
        if found is None:
            found = min((haversine_km(entry.lat, entry.lon, lat, lon) for lat, lon in self.front), default=math.inf)
            self._front_km[entry.id] = found
        return found


class Theatre:
    """The phases of the war in time order; `on(day)` is the one in force that day."""

    def __init__(self, phases: Sequence[Phase]) -> None:
        if not phases:
            raise ValueError("a theatre needs at least one phase")
        self._phases = sorted(phases, key=lambda phase: phase.since)
        self._starts = [phase.since for phase in self._phases]

    def on(self, day: dt.date | None) -> Phase:
        """The phase of `day`: the latest one when no day is known, the first one before it began."""
        if day is None:
            return self._phases[-1]
        return self._phases[max(bisect_right(self._starts, day) - 1, 0)]


def load_theatre(gazetteer: Gazetteer) -> Theatre:
    """sitroom's phases of the war, with the front-line places the gazetteer knows."""
    priors: dict[dt.date, dict[str, float]] = {}
    for row in read_table("admin1_prior.tsv"):
        priors.setdefault(dt.date.fromisoformat(row["since"]), {})[row["code"]] = float(row["weight"])
    lines = [
        (dt.date.fromisoformat(row["since"]), _until(row["until"]), point)
        for row in read_table("front.tsv")
        if (point := _front_point(row, gazetteer)) is not None
    ]
    # A phase begins wherever the prior or the front changes.
    starts = sorted({*priors, *(since for since, _, _ in lines), *(until for _, until, _ in lines if until)})
    phases = []
    for start in starts:
        prior = priors[max((since for since in priors if since <= start), default=min(priors))]
        front = tuple(point for since, until, point in lines if since <= start and not (until and until <= start))
        phases.append(Phase(start, prior, front))
    return Theatre(phases)


def _until(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None


def _front_point(row: Mapping[str, str], gazetteer: Gazetteer) -> tuple[float, float] | None:
    for entry in gazetteer.lookup(row["name"]):
        if entry.admin1_code == row["code"] and entry.feature == "settlement":
            return entry.lat, entry.lon
    return None
