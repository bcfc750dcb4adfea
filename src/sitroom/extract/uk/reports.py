"""Regional Ukrainian reports (oblast administrations, police, rescuers): an event per place with
its casualties and outages.

    "Внаслідок атаки на Харківщині загинули 2 людини, ще 5 поранені, серед них дитина."
    "Знеструмлені 12 тисяч абонентів", "без світла залишилися 3 населені пункти"

A casualty word (casualties.tsv) takes the nearest number within a few words ("загинули 2",
"3 загиблих"); a number before a child word counts children ("двоє дітей"); an outage phrase
(outages.tsv) takes the number before a unit word (outage_units.tsv) in its sentence. Facts go to
the place their sentence names, else to the place named before, else to the first place of the
report. A place with facts and no attack word anywhere is an outage event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sitroom.extract.uk.airforce import Sentence
from sitroom.extract.uk.lexicon import UkLexicon
from sitroom.extract.uk.morph import normal_text
from sitroom.extract.uk.numbers import read_number
from sitroom.extract.uk.units import Unit
from sitroom.model import DateSpan, EventType, Mention, Outage, Place, Precision, Span

REACH = 4  # words between a casualty word and its number


@dataclass
class _Facts:
    place: Place | None
    killed: int | None = None
    injured: int | None = None
    children_killed: int | None = None
    children_injured: int | None = None
    outages: list[Outage] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


def attacker(sentences: Sequence[Sentence], lexicon: UkLexicon) -> str | None:
    """Who attacked, from the first attacker word ("противник", "ворог", "рф")."""
    for sentence in sentences:
        for unit in sentence.units:
            if unit.lemma in lexicon.attackers:
                return lexicon.attackers[unit.lemma]
    return None


def read_report(
    sentences: Sequence[Sentence],
    places: Sequence[Place],
    aimed: Sequence[Place],
    date: DateSpan | None,
    actor: str | None,
    lexicon: UkLexicon,
) -> list[Mention]:
    """One mention per place with facts or named as a target (see the module's docstring)."""
    usable = [p for p in places if p.precision != Precision.COUNTRY and p.country == "UA"]
    cue = next(
        (kind for s in sentences for k in range(len(s.units)) for phrase, kind in lexicon.strike_cues.items()
         if tuple(u.lemma for u in s.units[k : k + len(phrase)]) == phrase),
        "strike" if aimed else None,
    )  # fmt: skip
    attacked = cue is not None
    facts: dict[str, _Facts] = {p.gazetteer_id: _Facts(p) for p in aimed}
    current: Place | None = usable[0] if usable else None
    for sentence in sentences:
        here = [p for p in usable if sentence.start <= p.start < sentence.end]
        if here:
            current = here[0]
        killed, injured, children_killed, children_injured = _casualties(sentence.units, lexicon)
        outages = _outages(sentence.units, lexicon)
        if all(v is None for v in (killed, injured)) and not outages:
            continue
        key = current.gazetteer_id if current else ""
        entry = facts.setdefault(key, _Facts(current))
        entry.killed = entry.killed if killed is None else (entry.killed or 0) + killed
        entry.injured = entry.injured if injured is None else (entry.injured or 0) + injured
        entry.children_killed = children_killed if entry.children_killed is None else entry.children_killed
        entry.children_injured = children_injured if entry.children_injured is None else entry.children_injured
        entry.outages += outages
        entry.evidence.append(Span(sentence.start, sentence.end))
    kind = EventType(cue) if cue is not None else EventType.OUTAGE
    return [
        Mention(
            type=kind, date=date, location=f.place, attacker=actor if attacked else None,
            killed=f.killed, injured=f.injured, children_killed=f.children_killed,
            children_injured=f.children_injured, outages=tuple(f.outages),
            evidence=tuple(f.evidence) or ((Span(f.place.start, f.place.end),) if f.place else ()),
        )
        for f in facts.values()
        if f.place is not None or f.evidence
    ]  # fmt: skip


def _casualties(us: Sequence[Unit], lexicon: UkLexicon) -> tuple[int | None, int | None, int | None, int | None]:
    counts: dict[str, int] = {}
    children: dict[str, int] = {}
    numbers = _numbers(us, lexicon)
    kinds = [
        (k, lexicon.casualties[u.lemma])
        for k, u in enumerate(us)
        if lexicon.casualties.get(u.lemma) in ("killed", "injured")
    ]
    for k, kind in kinds:
        near = [(abs(n_at - k), value, n_at) for n_at, value in numbers.items() if abs(n_at - k) <= REACH]
        if not near:
            continue
        _, value, n_at = min(near)
        if kind not in counts:
            counts[kind] = value
        if _children_after(us, n_at, lexicon):
            children.setdefault(kind, value)
    for n_at, value in numbers.items():
        if _children_after(us, n_at, lexicon) and kinds:
            # "..., серед них троє дітей": children of the casualty word said last before them
            kind = next((kd for k, kd in reversed(kinds) if k < n_at), kinds[0][1])
            children.setdefault(kind, value)
    return counts.get("killed"), counts.get("injured"), children.get("killed"), children.get("injured")


def _children_after(us: Sequence[Unit], n_at: int, lexicon: UkLexicon) -> bool:
    return any(lexicon.casualties.get(u.lemma) == "child" for u in us[n_at + 1 : n_at + 3])


def _numbers(us: Sequence[Unit], lexicon: UkLexicon) -> dict[int, int]:
    """Unit index of each number's last unit -> its value."""
    out: dict[int, int] = {}
    k = 0
    while k < len(us):
        number = read_number(us, k, lexicon)
        if number is None:
            k += 1
            continue
        if number.value is not None:
            out[number.end - 1] = number.value
        k = number.end
    return out


def _outages(us: Sequence[Unit], lexicon: UkLexicon) -> list[Outage]:
    services = []
    for k in range(len(us)):
        for phrase, service in lexicon.outages.items():
            window = us[k : k + len(phrase)]
            said = phrase in (tuple(u.lemma for u in window), tuple(normal_text(u.text) for u in window))
            if said and service not in services:
                services.append(service)
    if not services:
        return []
    numbers = _numbers(us, lexicon)
    count = unit = None
    for n_at, value in numbers.items():
        for phrase, kind in lexicon.outage_units.items():
            if tuple(u.lemma for u in us[n_at + 1 : n_at + 1 + len(phrase)]) == phrase:
                count, unit = value, kind
                break
        if unit is not None:
            break
    return [Outage(s, count, unit) for s in services]
