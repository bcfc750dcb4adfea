"""The vocabulary of sitroom: frozen values that every stage passes on. No I/O here.

The strings of the enums are the exact strings of the extraction contract (DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EventType(StrEnum):
    STRIKE = "strike"
    SHELLING = "shelling"
    GROUND_CLASH = "ground_clash"
    TERRITORIAL_CHANGE = "territorial_change"
    EXPLOSION = "explosion"
    VIOLENCE_AGAINST_CIVILIANS = "violence_against_civilians"
    DIPLOMACY = "diplomacy"
    HUMANITARIAN = "humanitarian"
    OUTAGE = "outage"
    OTHER = "other"

    @property
    def violent(self) -> bool:
        return self in VIOLENT_TYPES


VIOLENT_TYPES = frozenset(
    {
        EventType.STRIKE,
        EventType.SHELLING,
        EventType.GROUND_CLASH,
        EventType.TERRITORIAL_CHANGE,
        EventType.EXPLOSION,
        EventType.VIOLENCE_AGAINST_CIVILIANS,
    }
)


class WeaponClass(StrEnum):
    BALLISTIC_MISSILE = "ballistic_missile"
    CRUISE_MISSILE = "cruise_missile"
    GUIDED_MISSILE = "guided_missile"
    MISSILE = "missile"
    ATTACK_DRONE = "attack_drone"
    RECON_DRONE = "recon_drone"
    FPV_DRONE = "fpv_drone"
    DRONE = "drone"
    GLIDE_BOMB = "glide_bomb"
    AERIAL_BOMB = "aerial_bomb"
    AIRCRAFT = "aircraft"
    MLRS = "mlrs"
    ARTILLERY = "artillery"
    MORTAR = "mortar"
    TANK = "tank"
    SMALL_ARMS = "small_arms"
    MINE = "mine"

    @property
    def family(self) -> str:
        """The coarse family a class belongs to: missile, drone, air, artillery, small_arms, mine."""
        return _WEAPON_FAMILY[self]


_WEAPON_FAMILY = {
    WeaponClass.BALLISTIC_MISSILE: "missile",
    WeaponClass.CRUISE_MISSILE: "missile",
    WeaponClass.GUIDED_MISSILE: "missile",
    WeaponClass.MISSILE: "missile",
    WeaponClass.ATTACK_DRONE: "drone",
    WeaponClass.RECON_DRONE: "drone",
    WeaponClass.FPV_DRONE: "drone",
    WeaponClass.DRONE: "drone",
    WeaponClass.GLIDE_BOMB: "air",
    WeaponClass.AERIAL_BOMB: "air",
    WeaponClass.AIRCRAFT: "air",
    WeaponClass.MLRS: "artillery",
    WeaponClass.ARTILLERY: "artillery",
    WeaponClass.MORTAR: "artillery",
    WeaponClass.TANK: "artillery",
    WeaponClass.SMALL_ARMS: "small_arms",
    WeaponClass.MINE: "mine",
}


class DamageCategory(StrEnum):
    RESIDENTIAL = "residential"
    EDUCATION = "education"
    HEALTH = "health"
    ENERGY = "energy"
    WATER = "water"
    TRANSPORT = "transport"
    COMMERCIAL = "commercial"
    INDUSTRIAL = "industrial"
    AGRICULTURE = "agriculture"
    ADMINISTRATIVE = "administrative"
    CULTURAL = "cultural"
    RELIGIOUS = "religious"
    HUMANITARIAN = "humanitarian"
    TELECOM = "telecom"
    MILITARY = "military"
    OTHER = "other"


class Service(StrEnum):
    POWER = "power"
    HEATING = "heating"
    WATER = "water"
    GAS = "gas"
    COMMUNICATIONS = "communications"


class OutageUnit(StrEnum):
    HOMES = "homes"
    BUILDINGS = "buildings"
    PEOPLE = "people"
    CONSUMERS = "consumers"
    SETTLEMENTS = "settlements"


class Victims(StrEnum):
    """Who the killed and injured of an event were, when the report says."""

    CIVILIAN = "civilian"
    MILITARY = "military"


class Precision(StrEnum):
    """How exact a place is, finest first."""

    POINT = "point"
    SETTLEMENT = "settlement"
    DISTRICT = "district"
    ADMIN1 = "admin1"
    COUNTRY = "country"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class Span:
    """Character offsets into an article's text, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One input document. `id` is the caller's id, or derived from the content when absent."""

    id: str
    text: str
    title: str | None = None
    published: dt.datetime | None = None
    url: str | None = None
    language: str | None = None
    source: str | None = None

    @property
    def content_hash(self) -> str:
        from hashlib import sha256

        return sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Place:
    """A resolved toponym: where it points, and the words in the text that named it."""

    name: str
    text: str
    lat: float
    lon: float
    admin1: str | None
    admin1_code: str | None
    country: str
    precision: Precision
    gazetteer_id: str
    start: int
    end: int
    estimated: bool = False  # the coordinates are an estimate (a village placed at its hromada's seat)


@dataclass(frozen=True)
class DateSpan:
    """A date range with its precision and the words it came from; start/end None when unknown."""

    start: dt.date | None
    end: dt.date | None
    precision: DatePrecision | None
    text: str


@dataclass(frozen=True)
class Weapon:
    weapon_class: WeaponClass
    model: str | None = None
    launched: int | None = None
    intercepted: int | None = None
    uncertain: bool = False


@dataclass(frozen=True)
class DamageObject:
    category: DamageCategory
    object: str
    count: int | None = None


@dataclass(frozen=True)
class Outage:
    service: Service
    count: int | None = None
    unit: OutageUnit | None = None


@dataclass(frozen=True)
class Mention:
    """One event as one article reports it, every field traceable through `evidence`."""

    type: EventType
    date: DateSpan | None = None
    location: Place | None = None
    attacker: str | None = None
    weapons: tuple[Weapon, ...] = ()
    killed: int | None = None
    injured: int | None = None
    children_killed: int | None = None
    children_injured: int | None = None
    damage_objects: tuple[DamageObject, ...] = ()
    outages: tuple[Outage, ...] = ()
    parties: tuple[str, ...] = ()
    claimed_by: str | None = None
    victims: Victims | None = None  # None: unstated, or civilians and military together
    evidence: tuple[Span, ...] = ()
    hits: int | None = None  # locations hit ("влучання ... на N локаціях")
    debris_locations: int | None = None  # locations where debris fell
    lost_from_radar: int | None = None  # weapons lost from radar: never counted as intercepted

    @property
    def damage(self) -> tuple[DamageCategory, ...]:
        """The damaged categories, each once, in the order first seen."""
        return tuple(dict.fromkeys(d.category for d in self.damage_objects))


@dataclass(frozen=True)
class Statement:
    speaker: str
    quote: str
    direct: bool
    role: str | None = None
    affiliation: str | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything sitroom read in one article."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = ()
    places: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Skip:
    """A document a stage could not handle: data, never a crash."""

    source: str
    stage: str
    reason: str


@dataclass(frozen=True)
class RunReport:
    """What one pipeline run did."""

    articles_read: int = 0
    articles_new: int = 0
    mentions: int = 0
    events: int = 0
    statements: int = 0
    skips: tuple[Skip, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Source:
    """One article's report of an event, with the sentences that say it.

    `duplicate_of` names an earlier source article this one is a near-verbatim copy of (the same
    wire story on another site); such a source is kept but counts once, with the original.
    """

    article_id: str
    evidence: tuple[Span, ...] = ()
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Figure:
    """One number as one article reported it."""

    article_id: str
    value: int


@dataclass(frozen=True)
class Estimate:
    """A count the sources of an event report, possibly differently: lowest, best, highest.

    `name` says what is counted: killed, injured, children_killed, children_injured,
    launched:<weapon>, intercepted:<weapon>, outage:<service>:<unit>. `figures` holds every
    independent source's number (near-duplicate copies left out), by article id.
    """

    name: str
    low: int
    best: int
    high: int
    figures: tuple[Figure, ...] = ()

    def sources_of(self, value: int) -> tuple[str, ...]:
        """The ids of the articles that reported `value`."""
        return tuple(f.article_id for f in self.figures if f.value == value)


@dataclass(frozen=True)
class Event:
    """An event as stored: its facts, and every article that reported it.

    `facts` holds the best value of each count; `estimates` the counts the sources gave, as
    low / best / high; `wave_id` links the events of one attack wave (the same night and
    attacker, several places), None when the event stands alone.
    """

    id: str
    facts: Mention
    sources: tuple[Source, ...] = ()
    estimates: tuple[Estimate, ...] = ()
    wave_id: str | None = None
