"""From sentences to events: one event per place per attack, facts attached where they happened.

Each sentence is read once (`read_sentence`). Then `assemble` walks the sentences in order with
a place in focus: a sentence that names a place where something happened moves the focus there;
a sentence that names none gives its facts to the place in focus (kept to the same or next
paragraph). Uncounted weapons and the attacker named in sentences without a place (the lead:
"heavy Russian missile and drone strikes") apply to every place attacked in the article. Counts
with no place (a national tally) make an event of their own at country level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Span

from sitroom.dates import earliest_same_time, may_be_same_time
from sitroom.extract import facts
from sitroom.extract.lexicon import Lexicon
from sitroom.extract.matchers import Annotations
from sitroom.geocode.geometry import haversine_km
from sitroom.model import (
    DamageObject,
    DateSpan,
    EventType,
    Mention,
    Outage,
    Place,
    Precision,
    Victims,
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
    venues: tuple[Place, ...]
    national: tuple[Place, ...]
    weapons: tuple[Weapon, ...]
    attacker: str | None
    casualties: facts.Casualties
    damage: tuple[DamageObject, ...]
    outages: tuple[Outage, ...]
    parties: tuple[str, ...]
    date: DateSpan | None
    landmarks: tuple[DamageObject, ...] = ()
    claimed_by: str | None = None
    future: bool = False
    another_attack: bool = False

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
    triggers = [t for t in notes.of("trigger", sent) if not _attributive(t)]
    types = tuple(lexicon.triggers[t.label_] for t in triggers)
    # a weapon says what kind of attack happened, or only what a side has or asks for
    # ("they have a lot of artillery") when nothing happens in the sentence
    harm = bool(notes.of("casualty", sent) or notes.of("damage_cue", sent))
    happened = bool(triggers) or harm or any(w.launched is not None or w.intercepted is not None for w in weapons)
    types += tuple((_WEAPON_EVENT[w.weapon_class.family], happened) for w in weapons)
    if harm and not types:
        types = ((EventType.STRIKE, False),)
    inside = [p for p in places if sent.start_char <= p.start < sent.end_char and p.start not in excluded]
    local = tuple(p for p in inside if p.precision is not Precision.COUNTRY)
    venues = tuple(p for p in local if _nearest_trigger_is_talks(sent, p, triggers, lexicon))
    national = tuple(p for p in inside if p.precision is Precision.COUNTRY)
    text = sent.text.rstrip()
    statistic = bool(_STATISTIC.search(text))
    casualties = facts.Casualties() if statistic else facts.casualties(sent, notes, lexicon)
    return Reading(
        span=TextSpan(sent.start_char, sent.start_char + len(text)),
        paragraph=paragraph,
        heading=_is_heading(sent, text),
        types=types,
        places=tuple(p for p in local if p not in venues),
        venues=venues,
        national=national,
        weapons=weapons,
        attacker=facts.attacker(sent, notes, lexicon),
        casualties=casualties,
        damage=tuple(facts.damage_objects(sent, notes, lexicon)),
        landmarks=tuple(facts.landmarks(sent, notes, lexicon)),
        outages=tuple(facts.outages(sent, notes, lexicon)),
        parties=_parties(sent, notes, lexicon),
        date=date,
        claimed_by=facts.claimant(sent, notes, lexicon) if casualties.any() else None,
        future=any(t.lower_ in lexicon.future_markers for t in sent),
        another_attack=_names_another_attack(triggers, lexicon),
    )


def _names_another_attack(triggers: list[Span], lexicon: Lexicon) -> bool:
    """ "Another attack", "a separate drone strike": a violent trigger with a marker at most two
    words before it tells of an attack other than the one the story has been telling."""
    for trigger in triggers:
        if not lexicon.triggers[trigger.label_][0].violent:
            continue
        before = list(trigger.doc[max(trigger.sent.start, trigger.start - 3) : trigger.start])
        marked = [i for i, t in enumerate(before) if t.lower_ in lexicon.other_attack_markers]
        if marked and not any(t.is_punct for t in before[marked[0] :]):
            return True  # "Earlier, missiles hit ..." dates the telling, not another attack
    return False


def _is_heading(sent: Span, text: str) -> bool:
    """A line with no closing punctuation: a title or one of a list of headlines, the last line
    of the text included when a line break comes before it."""
    if not text or text[-1] in '.!?"\u201d\u2019:)':
        return False
    after_break = sent.start > 0 and "\n" in sent.doc[sent.start - 1].text_with_ws
    return "\n" in sent.text or (sent.end == len(sent.doc) and after_break)


# Counts over a year or the whole war are statistics, not the toll of one event.
_STATISTIC = re.compile(
    r"\b(?:since|in|during|throughout|of)\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+(?:was|marked|saw)\b"
    r"|since the (?:start|beginning) of|full-scale invasion (?:began|started)|\b(?:this|last) year\b",
    re.IGNORECASE,
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "newly", "recently"})


def _attributive(trigger: Span) -> bool:
    """ "the captured region", "the shelled town": a participle describing, not an event."""
    return (
        trigger.start > 0
        and trigger[-1].lower_.endswith("ed")
        and trigger.doc[trigger.start - 1].lower_ in _DETERMINERS
    )


def _nearest_trigger_is_talks(sent: Span, place: Place, triggers: list[Span], lexicon: Lexicon) -> bool:
    """A place next to "met", "talks" or "evacuation" is where that happened, not a target."""
    span = sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not triggers:
        return False
    nearest = min(triggers, key=lambda t: min(abs(t.start - span.end), abs(span.start - t.end)))
    return not lexicon.triggers[nearest.label_][0].violent


def _parties(sent: Span, notes: Annotations, lexicon: Lexicon) -> tuple[str, ...]:
    """Countries and bodies named in the sentence, each once, in order."""
    return tuple(dict.fromkeys(lexicon.parties[p.label_] for p in notes.of("party", sent)))


@dataclass
class _Bucket:
    """Facts gathered for one place (or for the whole country) while walking the article."""

    place: Place | None
    types: list[tuple[EventType, bool]] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    attackers: list[str] = field(default_factory=list)
    casualties: list[facts.Casualties] = field(default_factory=list)
    damage: list[DamageObject] = field(default_factory=list)
    landmarks: list[DamageObject] = field(default_factory=list)
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
        self.landmarks.extend(reading.landmarks)
        self.outages.extend(reading.outages)
        if reading.span not in self.evidence:
            self.evidence.append(reading.span)
        if reading.date is not None:
            self.dates.append(reading.date)
        self.violent = self.violent or reading.violent or bool(reading.damage or reading.casualties.any())

    def merge(self, other: _Bucket) -> None:
        """Take in the facts of a smaller place that belongs to this one."""
        self.types += other.types
        self.weapons += other.weapons
        self.attackers += other.attackers
        self.casualties += other.casualties
        self.damage += other.damage
        self.landmarks += other.landmarks
        self.outages += other.outages
        self.evidence += [e for e in other.evidence if e not in self.evidence]
        self.dates += other.dates
        self.violent = self.violent or other.violent


def assemble(readings: Sequence[Reading]) -> list[Mention]:
    """The article's events: violent events per place, a national tally, diplomacy, outages."""
    article_type = _article_type(readings)
    buckets: dict[str, _Bucket] = {}
    current: dict[str, str] = {}  # a place's gazetteer id -> the key of its latest event
    national = _Bucket(place=None)
    focus: list[str] = []
    focus_paragraph = -1
    claims: list[Reading] = []
    for reading in readings:
        if reading.claimed_by:
            claims.append(reading)
            if not (reading.damage or reading.outages or reading.weapons):
                continue  # the claim is all the sentence tells: its own event, not a second one
            reading = replace(reading, casualties=facts.Casualties())
        if reading.heading:
            focus = []
        if reading.places and (reading.violent or reading.has_facts):
            focus_paragraph = reading.paragraph
            if len(reading.places) > 1 and any(_a_tally(w) for w in reading.weapons):
                # "300 drones and 7 missiles at the Dnipropetrovsk, Zhytomyr ... regions": the
                # counts are the night's tally, not each region's
                national.add(replace(reading, casualties=facts.Casualties(), damage=(), outages=()))
                reading = replace(reading, weapons=tuple(w for w in reading.weapons if not _counted(w)))
            focus = [_event_key(buckets, current, place, reading) for place in reading.places]
            for key in focus:
                buckets[key].add(reading)
        elif reading.places:
            focus, focus_paragraph = [], reading.paragraph
        elif focus and reading.paragraph - focus_paragraph <= 1 and (reading.violent or reading.has_facts):
            focus = [_event_key(buckets, current, buckets[key].place, reading) for key in focus]
            for key in focus:
                buckets[key].add(reading, with_weapons=not any(w.launched for w in reading.weapons))
            focus_paragraph = reading.paragraph
        elif reading.violent or reading.counted or reading.damage:
            national.add(reading)
    national.place = _target_country(readings, _first(national.attackers))
    _fold_into_larger(buckets)
    mentions = [_violent_mention(b, national, article_type) for b in buckets.values() if b.violent]
    mentions += [_outage_mention(b) for b in buckets.values() if not b.violent and b.outages]
    if national.violent and (not mentions or _has_own_figures(national)):
        mentions.append(_national_mention(national, article_type))
    mentions += [_claim_mention(r, national.place) for r in claims]
    mentions += _diplomacy(readings)
    mentions += _humanitarian(readings)
    return mentions


def _event_key(buckets: dict[str, _Bucket], current: dict[str, str], place: Place | None, reading: Reading) -> str:
    """The event at `place` a reading belongs to: the place's latest one, or a new one when the
    reading dates another attack there ("On Sunday night ..." after "On Monday evening ...")."""
    assert place is not None  # place events always have a place
    key = current.get(place.gazetteer_id, place.gazetteer_id)
    bucket = buckets.get(key)
    if bucket is not None and _another_attack(reading, bucket):
        key = f"{place.gazetteer_id}#{sum(k.split('#')[0] == place.gazetteer_id for k in buckets)}"
        bucket = None
    if bucket is None:
        buckets[key] = _Bucket(place=place)
    current[place.gazetteer_id] = key
    return key


def _another_attack(reading: Reading, bucket: _Bucket) -> bool:
    """A sentence about another attack than the event's: "another strike", or another time
    than the event's own date."""
    if not bucket.evidence or not (reading.violent or reading.has_facts):
        return False
    if reading.another_attack:
        return True
    if reading.date is None or not bucket.dates:
        return False
    return not may_be_same_time(reading.date, bucket.dates[0])


# The country attacked, by the attacker: a national tally is placed there.
_TARGET_OF = {"Russia": "UA", "Ukraine": "RU"}


def _target_country(readings: Sequence[Reading], attacker: str | None) -> Place | None:
    """The country a national tally is about: the attacked country where the article names it,
    never a third country named in passing ("The U.S. has given Ukraine ... a deadline")."""
    countries = [p for r in readings for p in r.national if p.precision is Precision.COUNTRY]
    target = _TARGET_OF.get(attacker or "", "UA")
    return next((p for p in countries if p.country == target), None)


_SITE_IN_CITY_KM = 15.0


def _fold_into_larger(buckets: dict[str, _Bucket]) -> None:
    """One event per place per attack: a district of a city that has its own event ("the
    Shevchenkivskyi district" of Kyiv) or a site inside it ("the Azovstal steelworks" of Mariupol),
    or a city whose only news is an outage in an oblast that was attacked, belongs to that event."""
    for key, bucket in list(buckets.items()):
        place = bucket.place
        if place is None:
            continue
        if place.precision is Precision.DISTRICT:
            parent = _nearest(buckets, place, Precision.SETTLEMENT, km=30)
        elif place.precision is Precision.POINT:
            parent = _nearest(buckets, place, Precision.SETTLEMENT, km=_SITE_IN_CITY_KM)
        elif place.precision is Precision.SETTLEMENT and not bucket.violent:
            parent = next(
                (
                    b
                    for b in buckets.values()
                    if b.violent
                    and b.place is not None
                    and b.place.precision is Precision.ADMIN1
                    and b.place.admin1_code == place.admin1_code
                ),
                None,
            )
        else:
            parent = None
        if parent is not None and parent is not bucket:
            parent.merge(bucket)
            del buckets[key]


def _nearest(buckets: dict[str, _Bucket], place: Place, precision: Precision, km: float) -> _Bucket | None:
    near = [
        (haversine_km(place.lat, place.lon, b.place.lat, b.place.lon), b)
        for b in buckets.values()
        if b.place is not None and b.place.precision is precision and b.place.admin1_code == place.admin1_code
    ]
    near = [(d, b) for d, b in near if d <= km]
    return min(near, key=lambda pair: pair[0])[1] if near else None


def _article_type(readings: Sequence[Reading]) -> EventType | None:
    """The kind of attack the article is about: its most frequent strong violent trigger."""
    counts: dict[EventType, int] = {}
    for reading in readings:
        for kind, strong in reading.types:
            if kind.violent:
                counts[kind] = counts.get(kind, 0) + (3 if strong else 1)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -_PRIORITY.index(k) if k in _PRIORITY else -99))


# When two kinds of violence are named equally often, the first of these wins.
_PRIORITY = (
    EventType.STRIKE,
    EventType.SHELLING,
    EventType.GROUND_CLASH,
    EventType.EXPLOSION,
    EventType.VIOLENCE_AGAINST_CIVILIANS,
    EventType.TERRITORIAL_CHANGE,
)


def _event_type(bucket: _Bucket, article_type: EventType | None) -> EventType:
    strong = [k for k, s in bucket.types if s and k.violent]
    if strong:
        return max(_PRIORITY, key=lambda k: (strong.count(k), -_PRIORITY.index(k)))
    if article_type is not None:
        return article_type
    weak = [k for k, _ in bucket.types if k.violent]
    return weak[0] if weak else EventType.STRIKE


def _violent_mention(bucket: _Bucket, national: _Bucket, article_type: EventType | None) -> Mention:
    weapons = _merge_weapons(bucket.weapons) or tuple(w for w in _merge_weapons(national.weapons) if w.launched is None)
    casualties = _toll(bucket.casualties)
    return Mention(
        type=_event_type(bucket, article_type),
        date=_date(bucket) or _date(national),
        location=bucket.place,
        attacker=_first(bucket.attackers) or _first(national.attackers),
        weapons=weapons,
        killed=casualties.killed,
        injured=casualties.injured,
        children_killed=casualties.children_killed,
        children_injured=casualties.children_injured,
        victims=casualties.victims,
        damage_objects=_damage(bucket),
        outages=_merge_outages(bucket.outages),
        evidence=tuple(bucket.evidence),
    )


def _date(bucket: _Bucket) -> DateSpan | None:
    """When the event happened: its first date, or an earlier one of the same time (the lead's
    "on Saturday" of a power cut, the night before it of "launched overnight Saturday")."""
    return earliest_same_time(bucket.dates)


def _damage(bucket: _Bucket) -> tuple[DamageObject, ...]:
    """What was hit; the landmarks an attack was near only when nothing else is named."""
    return tuple(bucket.damage or bucket.landmarks)


def _national_mention(bucket: _Bucket, article_type: EventType | None) -> Mention:
    casualties = _toll(bucket.casualties)
    return Mention(
        type=_event_type(bucket, article_type),
        date=_date(bucket),
        location=bucket.place,
        attacker=_first(bucket.attackers),
        weapons=_merge_weapons(bucket.weapons),
        killed=casualties.killed,
        injured=casualties.injured,
        children_killed=casualties.children_killed,
        children_injured=casualties.children_injured,
        victims=casualties.victims,
        damage_objects=_damage(bucket),
        outages=_merge_outages(bucket.outages),
        evidence=tuple(bucket.evidence),
    )


def _a_tally(weapon: Weapon) -> bool:
    """More than one weapon counted ("a drone had struck" counts one, and is no tally)."""
    return (weapon.launched or 0) > 1 or (weapon.intercepted or 0) > 1


def _counted(weapon: Weapon) -> bool:
    return weapon.launched is not None or weapon.intercepted is not None


def _has_own_figures(bucket: _Bucket) -> bool:
    """Counts of its own: weapons launched or downed, a toll, or how many homes lost a service."""
    return (
        any(_counted(w) for w in bucket.weapons)
        or any(c.any() for c in bucket.casualties)
        or any(o.count is not None for o in bucket.outages)
    )


def _diplomacy(readings: Sequence[Reading]) -> list[Mention]:
    """Talks, calls and meetings between at least two named parties; one event per set of parties."""
    found: list[Mention] = []
    for reading in readings:
        talks = any(k is EventType.DIPLOMACY for k, _ in reading.types)
        venue = next((p for p in reading.venues if p.precision is Precision.SETTLEMENT), None)
        if not talks or reading.future or len(reading.parties) < (1 if venue else 2):
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


def _claim_mention(reading: Reading, country: Place | None) -> Mention:
    """Losses one side claims to have inflicted: their own event, flagged with who claims them,
    never added to a civilian toll."""
    violent = [k for k, _ in reading.types if k.violent]
    return Mention(
        type=violent[0] if violent else EventType.GROUND_CLASH,
        date=reading.date,
        location=reading.places[0] if reading.places else country,
        attacker=reading.attacker,
        killed=reading.casualties.killed,
        injured=reading.casualties.injured,
        claimed_by=reading.claimed_by,
        victims=reading.casualties.victims,
        evidence=(reading.span,),
    )


def _outage_mention(bucket: _Bucket) -> Mention:
    """Outages reported at a place with no attack there."""
    return Mention(
        type=EventType.OUTAGE,
        date=_date(bucket),
        location=bucket.place,
        outages=_merge_outages(bucket.outages),
        evidence=tuple(bucket.evidence),
    )


def _humanitarian(readings: Sequence[Reading]) -> list[Mention]:
    """Prisoner exchanges, evacuations, aid: one event per place (or one unplaced) per article."""
    found: dict[str | None, Mention] = {}
    last_place: Place | None = None
    paragraph = -1
    for reading in readings:
        if reading.paragraph != paragraph:
            last_place, paragraph = None, reading.paragraph
        named = next(iter(reading.venues + reading.places), None)
        last_place = named or last_place
        if reading.future or not any(k is EventType.HUMANITARIAN and strong for k, strong in reading.types):
            continue
        place = named or last_place
        key = place.gazetteer_id if place else None
        previous = found.get(key)
        if previous is None:
            found[key] = Mention(
                type=EventType.HUMANITARIAN,
                date=reading.date,
                location=place,
                parties=reading.parties,
                evidence=(reading.span,),
            )
        else:
            found[key] = replace(previous, evidence=previous.evidence + (reading.span,))
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


def _toll(items: Sequence[facts.Casualties]) -> facts.Casualties:
    """One event's toll from its sentences: the highest stated figure, since reports of a toll
    only rise ("two were killed ... the death toll rose to five")."""

    def highest(attr: str) -> int | None:
        return max((v for c in items if (v := getattr(c, attr)) is not None), default=None)

    return facts.Casualties(
        highest("killed"),
        highest("injured"),
        highest("children_killed"),
        highest("children_injured"),
        victims=_agreed_victims(items),
    )


def _agreed_victims(items: Sequence[facts.Casualties]) -> Victims | None:
    """Who the victims were when every sentence that says agrees; sentences that say nothing
    take no side, and civilians in one with soldiers in another are both (None)."""
    stated = {c.victims for c in items if c.victims is not None}
    return stated.pop() if len(stated) == 1 else None


def _first(values: Sequence[str]) -> str | None:
    return values[0] if values else None
