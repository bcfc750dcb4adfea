"""From sentences to events: one event per place per attack, facts attached where they happened.

Each sentence is read once (`read_sentence`). Then `assemble` walks the sentences in order with
a place in focus: a sentence that names a place where something happened moves the focus there;
a sentence that names none gives its facts to the place in focus (kept to the same or next
paragraph). Uncounted weapons and the attacker named in sentences without a place (the lead:
"heavy Russian missile and drone strikes") apply to every place attacked in the article. Counts
with no place (a national tally) make an event of their own at country level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Span

from sitroom.extract import facts
from sitroom.extract.lexicon import Lexicon
from sitroom.extract.matchers import Annotations
from sitroom.model import (
    DamageObject,
    DateSpan,
    EventType,
    Mention,
    Outage,
    Place,
    Precision,
    Weapon,
)
from sitroom.model import Span as TextSpan

# The event a weapon implies when no trigger word says what happened ("MLRS impacting on ...").
_WEAPON_EVENT = {
    "missile": EventType.STRIKE,
    "drone": EventType.STRIKE,
    "air": EventType.STRIKE,
    "artillery": EventType.SHELLING,
    "small_arms": EventType.GROUND_CLASH,
    "mine": EventType.EXPLOSION,
}


@dataclass(frozen=True)
class Reading:
    """What one sentence says, before it is assigned to an event."""

    span: TextSpan
    paragraph: int
    heading: bool
    types: tuple[tuple[EventType, bool], ...]
    places: tuple[Place, ...]
    national: tuple[Place, ...]
    weapons: tuple[Weapon, ...]
    attacker: str | None
    casualties: facts.Casualties
    damage: tuple[DamageObject, ...]
    outages: tuple[Outage, ...]
    parties: tuple[str, ...]
    date: DateSpan | None

    @property
    def violent(self) -> bool:
        return any(t.violent for t, _ in self.types)

    @property
    def has_facts(self) -> bool:
        return bool(self.damage or self.outages or self.casualties.any())

    @property
    def counted(self) -> bool:
        return any(w.launched is not None or w.intercepted is not None for w in self.weapons) or self.casualties.any()


def read_sentence(
    sent: Span,
    paragraph: int,
    notes: Annotations,
    lexicon: Lexicon,
    places: Sequence[Place],
    excluded: frozenset[int],
    date: DateSpan | None,
) -> Reading:
    weapons = tuple(facts.weapons(sent, notes, lexicon))
    types = tuple((lexicon.triggers[s.label_][0], lexicon.triggers[s.label_][1]) for s in notes.of("trigger", sent))
    types += tuple((_WEAPON_EVENT[w.weapon_class.family], True) for w in weapons)
    if notes.of("casualty", sent) and not types:
        types = ((EventType.STRIKE, False),)
    inside = [p for p in places if sent.start_char <= p.start < sent.end_char and p.start not in excluded]
    local = tuple(p for p in inside if p.precision is not Precision.COUNTRY)
    national = tuple(p for p in inside if p.precision is Precision.COUNTRY)
    text = sent.text.rstrip()
    return Reading(
        span=TextSpan(sent.start_char, sent.start_char + len(text)),
        paragraph=paragraph,
        heading=bool(text) and text[-1] not in '.!?"\u201d\u2019:)' and "\n" in sent.text,
        types=types,
        places=local,
        national=national,
        weapons=weapons,
        attacker=facts.attacker(sent, notes, lexicon),
        casualties=facts.casualties(sent, notes, lexicon),
        damage=tuple(facts.damage_objects(sent, notes, lexicon)),
        outages=tuple(facts.outages(sent, notes, lexicon)),
        parties=_parties(sent, notes, lexicon, national),
        date=date,
    )


def _parties(sent: Span, notes: Annotations, lexicon: Lexicon, national: tuple[Place, ...]) -> tuple[str, ...]:
    names = [p.name for p in national]
    names += [b.text for b in notes.of("body", sent) if lexicon.bodies.get(b.label_)]
    return tuple(dict.fromkeys(names))


@dataclass
class _Bucket:
    """Facts gathered for one place (or for the whole country) while walking the article."""

    place: Place | None
    types: list[tuple[EventType, bool]] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    attackers: list[str] = field(default_factory=list)
    casualties: list[facts.Casualties] = field(default_factory=list)
    damage: list[DamageObject] = field(default_factory=list)
    outages: list[Outage] = field(default_factory=list)
    evidence: list[TextSpan] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    violent: bool = False

    def add(self, reading: Reading, *, with_weapons: bool = True) -> None:
        self.types.extend(reading.types)
        if with_weapons:
            self.weapons.extend(reading.weapons)
        if reading.attacker:
            self.attackers.append(reading.attacker)
        self.casualties.append(reading.casualties)
        self.damage.extend(reading.damage)
        self.outages.extend(reading.outages)
        if reading.span not in self.evidence:
            self.evidence.append(reading.span)
        if reading.date is not None:
            self.dates.append(reading.date)
        self.violent = self.violent or reading.violent or bool(reading.damage or reading.casualties.any())


def assemble(readings: Sequence[Reading]) -> list[Mention]:
    """The article's events: violent events per place, a national tally, diplomacy, outages."""
    article_type = _article_type(readings)
    buckets: dict[str, _Bucket] = {}
    national = _Bucket(place=None)
    focus: list[Place] = []
    focus_paragraph = -1
    for reading in readings:
        if reading.heading:
            focus = []
        if reading.places and (reading.violent or reading.has_facts):
            focus, focus_paragraph = list(reading.places), reading.paragraph
            for place in reading.places:
                buckets.setdefault(place.gazetteer_id, _Bucket(place=place)).add(reading)
        elif reading.places:
            focus, focus_paragraph = [], reading.paragraph
        elif focus and reading.paragraph - focus_paragraph <= 1 and (reading.violent or reading.has_facts):
            for place in focus:
                buckets[place.gazetteer_id].add(reading, with_weapons=not any(w.launched for w in reading.weapons))
            focus_paragraph = reading.paragraph
        elif reading.violent or reading.counted or reading.damage:
            national.add(reading)
            if reading.national and national.place is None:
                national.place = reading.national[0]
    mentions = [_violent_mention(b, national, article_type) for b in buckets.values() if b.violent]
    if national.violent and (not mentions or _has_own_figures(national)):
        mentions.append(_national_mention(national, article_type))
    mentions += _diplomacy(readings)
    if article_type is None:
        mentions += _outage_events(readings)
    return mentions


def _article_type(readings: Sequence[Reading]) -> EventType | None:
    """The kind of attack the article is about: its most frequent strong violent trigger."""
    counts: dict[EventType, int] = {}
    for reading in readings:
        for kind, strong in reading.types:
            if kind.violent:
                counts[kind] = counts.get(kind, 0) + (3 if strong else 1)
    if not counts:
        return None
    return max(counts, key=lambda k: counts[k])


def _event_type(bucket: _Bucket, article_type: EventType | None) -> EventType:
    strong = [k for k, s in bucket.types if s and k.violent]
    if strong:
        return max(set(strong), key=strong.count)
    if article_type is not None:
        return article_type
    weak = [k for k, _ in bucket.types if k.violent]
    return weak[0] if weak else EventType.STRIKE


def _violent_mention(bucket: _Bucket, national: _Bucket, article_type: EventType | None) -> Mention:
    weapons = _merge_weapons(bucket.weapons) or tuple(w for w in _merge_weapons(national.weapons) if w.launched is None)
    casualties = _first_casualties(bucket.casualties)
    return Mention(
        type=_event_type(bucket, article_type),
        date=bucket.dates[0] if bucket.dates else (national.dates[0] if national.dates else None),
        location=bucket.place,
        attacker=_first(bucket.attackers) or _first(national.attackers),
        weapons=weapons,
        killed=casualties.killed,
        injured=casualties.injured,
        children_killed=casualties.children_killed,
        children_injured=casualties.children_injured,
        damage_objects=tuple(bucket.damage),
        outages=_merge_outages(bucket.outages),
        evidence=tuple(bucket.evidence),
    )


def _national_mention(bucket: _Bucket, article_type: EventType | None) -> Mention:
    casualties = _first_casualties(bucket.casualties)
    return Mention(
        type=_event_type(bucket, article_type),
        date=bucket.dates[0] if bucket.dates else None,
        location=bucket.place,
        attacker=_first(bucket.attackers),
        weapons=_merge_weapons(bucket.weapons),
        killed=casualties.killed,
        injured=casualties.injured,
        children_killed=casualties.children_killed,
        children_injured=casualties.children_injured,
        damage_objects=tuple(bucket.damage),
        outages=_merge_outages(bucket.outages),
        evidence=tuple(bucket.evidence),
    )


def _has_own_figures(bucket: _Bucket) -> bool:
    return any(w.launched is not None or w.intercepted is not None for w in bucket.weapons) or any(
        c.any() for c in bucket.casualties
    )


def _diplomacy(readings: Sequence[Reading]) -> list[Mention]:
    """Talks, calls and meetings between at least two named parties; one event per set of parties."""
    found: list[Mention] = []
    for reading in readings:
        if not any(k is EventType.DIPLOMACY for k, _ in reading.types) or len(reading.parties) < 2:
            continue
        parties = set(reading.parties)
        for i, mention in enumerate(found):
            if parties & set(mention.parties):
                found[i] = replace(
                    mention,
                    parties=tuple(dict.fromkeys(mention.parties + reading.parties)),
                    evidence=mention.evidence + (reading.span,),
                )
                break
        else:
            venue = next((p for p in reading.places if p.precision is Precision.SETTLEMENT), None)
            found.append(
                Mention(
                    type=EventType.DIPLOMACY,
                    date=reading.date,
                    location=venue,
                    parties=reading.parties,
                    evidence=(reading.span,),
                )
            )
    return found


def _outage_events(readings: Sequence[Reading]) -> list[Mention]:
    """Outages reported with no attack: one outage event per place."""
    found: dict[str, Mention] = {}
    for reading in readings:
        if not reading.outages:
            continue
        for place in reading.places:
            previous = found.get(place.gazetteer_id)
            outages = _merge_outages(list(previous.outages if previous else ()) + list(reading.outages))
            evidence = (previous.evidence if previous else ()) + (reading.span,)
            found[place.gazetteer_id] = Mention(
                type=EventType.OUTAGE, date=reading.date, location=place, outages=outages, evidence=evidence
            )
    return list(found.values())


def _merge_weapons(weapons: Sequence[Weapon]) -> tuple[Weapon, ...]:
    """One entry per (class, model); counts from the first sentence that states them."""
    merged: dict[tuple[object, object], Weapon] = {}
    for w in weapons:
        key = (w.weapon_class, w.model)
        old = merged.get(key)
        if old is None:
            merged[key] = w
        else:
            merged[key] = replace(
                old,
                launched=old.launched if old.launched is not None else w.launched,
                intercepted=old.intercepted if old.intercepted is not None else w.intercepted,
                uncertain=old.uncertain and w.uncertain,
            )
    values = list(merged.values())
    return tuple(w for w in values if not facts.covered(w, values))


def _merge_outages(outages: Sequence[Outage]) -> tuple[Outage, ...]:
    merged: dict[object, Outage] = {}
    for o in outages:
        old = merged.get(o.service)
        if old is None or (old.count is None and o.count is not None):
            merged[o.service] = o
    return tuple(merged.values())


def _first_casualties(items: Sequence[facts.Casualties]) -> facts.Casualties:
    def first(attr: str) -> int | None:
        return next((getattr(c, attr) for c in items if getattr(c, attr) is not None), None)

    return facts.Casualties(first("killed"), first("injured"), first("children_killed"), first("children_injured"))


def _first(values: Sequence[str]) -> str | None:
    return values[0] if values else None
