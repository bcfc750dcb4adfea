"""Model values built by hand for the store tests: three articles and their extractions."""

from __future__ import annotations

import datetime as dt

from sitroom.model import (
    Article,
    DamageCategory,
    DamageObject,
    DatePrecision,
    DateSpan,
    EventType,
    Extraction,
    Mention,
    Outage,
    OutageUnit,
    Place,
    Precision,
    Service,
    Span,
    Statement,
    Weapon,
    WeaponClass,
)


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


def place(
    text: str,
    name: str,
    lat: float,
    lon: float,
    admin1: str | None,
    code: str | None,
    gazetteer_id: str,
    country: str = "UA",
) -> Place:
    where = span(text, name)
    return Place(
        name=name,
        text=name,
        lat=lat,
        lon=lon,
        admin1=admin1,
        admin1_code=code,
        country=country,
        precision=Precision.SETTLEMENT,
        gazetteer_id=gazetteer_id,
        start=where.start,
        end=where.end,
    )


def day(text: str, date: dt.date, words: str) -> DateSpan:
    assert words in text
    return DateSpan(start=date, end=date, precision=DatePrecision.DAY, text=words)


# Article A: a night of strikes on Kyiv and Kharkiv --------------------------------------------

TEXT_A = (
    "Russian forces launched 50 Shahed-136 drones and two Iskander-M missiles at Kyiv overnight, "
    "killing 2 people and injuring 5. An apartment block and a kindergarten were damaged. "
    "'More than 1,100 homes were left without heating,' Restoration Minister Oleksiy Kuleba "
    "said. In Kharkiv, a KAB-500 glide bomb hit the city on Thursday."
)
ARTICLE_A = Article(
    id="a-kyiv",
    text=TEXT_A,
    title="Overnight attack on Kyiv and Kharkiv",
    published=dt.datetime(2025, 11, 21, 6, 30, tzinfo=dt.UTC),
    url="https://example.org/a",
    language="en",
    source="example.org",
)
KYIV = place(TEXT_A, "Kyiv", 50.4501, 30.5234, "Kyiv", "UA-30", "703448")
KHARKIV = place(TEXT_A, "Kharkiv", 49.9935, 36.2304, "Kharkiv", "UA-63", "706483")
KYIV_STRIKE = Mention(
    type=EventType.STRIKE,
    date=day(TEXT_A, dt.date(2025, 11, 21), "overnight"),
    location=KYIV,
    attacker="Russia",
    weapons=(
        Weapon(WeaponClass.ATTACK_DRONE, "Shahed-136", launched=50),
        Weapon(WeaponClass.BALLISTIC_MISSILE, "Iskander-M", launched=2, intercepted=0),
    ),
    killed=2,
    injured=5,
    damage_objects=(
        DamageObject(DamageCategory.RESIDENTIAL, "apartment block", 1),
        DamageObject(DamageCategory.EDUCATION, "kindergarten", 1),
    ),
    outages=(Outage(Service.HEATING, 1100, OutageUnit.HOMES),),
    evidence=(
        span(TEXT_A, "Russian forces launched 50 Shahed-136 drones"),
        span(TEXT_A, "An apartment block and a kindergarten were damaged."),
    ),
)
KHARKIV_STRIKE = Mention(
    type=EventType.STRIKE,
    date=day(TEXT_A, dt.date(2025, 11, 20), "on Thursday"),
    location=KHARKIV,
    attacker="Russia",
    weapons=(Weapon(WeaponClass.GLIDE_BOMB, "KAB-500", launched=1, uncertain=True),),
    claimed_by="Ukraine's air force",
    evidence=(span(TEXT_A, "In Kharkiv, a KAB-500 glide bomb hit the city on Thursday."),),
)
KULEBA = Statement(
    speaker="Oleksiy Kuleba",
    quote="More than 1,100 homes were left without heating",
    direct=True,
    role="Restoration Minister",
    affiliation="Ukraine",
    evidence=(span(TEXT_A, "'More than 1,100 homes were left without heating,'"),),
)
EXTRACTION_A = Extraction(
    article_id=ARTICLE_A.id,
    mentions=(KYIV_STRIKE, KHARKIV_STRIKE),
    statements=(KULEBA,),
    places=(KYIV, KHARKIV),
)

# Article B: shelling, talks, and a clash without a date ---------------------------------------

TEXT_B = (
    "Russian artillery and Grad rockets shelled Kherson on 10 November. "
    "Ukrainian and US officials met in Geneva on 15 November. "
    "Fighting continued near Pokrovsk."
)
ARTICLE_B = Article(
    id="b-south",
    text=TEXT_B,
    published=dt.datetime(2025, 11, 16, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
)
KHERSON = place(TEXT_B, "Kherson", 46.6354, 32.6169, "Kherson", "UA-65", "706448")
GENEVA = place(TEXT_B, "Geneva", 46.2022, 6.1457, "Geneva", "CH-GE", "2660646", country="CH")
POKROVSK = place(TEXT_B, "Pokrovsk", 48.2826, 37.1803, "Donetsk", "UA-14", "708546")
KHERSON_SHELLING = Mention(
    type=EventType.SHELLING,
    date=day(TEXT_B, dt.date(2025, 11, 10), "on 10 November"),
    location=KHERSON,
    attacker="Russia",
    weapons=(Weapon(WeaponClass.MLRS, "BM-21 Grad"), Weapon(WeaponClass.ARTILLERY)),
    evidence=(span(TEXT_B, "Russian artillery and Grad rockets shelled Kherson on 10 November."),),
)
GENEVA_TALKS = Mention(
    type=EventType.DIPLOMACY,
    date=day(TEXT_B, dt.date(2025, 11, 15), "on 15 November"),
    location=GENEVA,
    parties=("Ukraine", "United States"),
    evidence=(span(TEXT_B, "Ukrainian and US officials met in Geneva on 15 November."),),
)
POKROVSK_CLASH = Mention(
    type=EventType.GROUND_CLASH,
    location=POKROVSK,
    evidence=(span(TEXT_B, "Fighting continued near Pokrovsk."),),
)
EXTRACTION_B = Extraction(
    article_id=ARTICLE_B.id,
    mentions=(KHERSON_SHELLING, GENEVA_TALKS, POKROVSK_CLASH),
    places=(KHERSON, GENEVA, POKROVSK),
)

# Article C: a week-long span and an unspecified drone -----------------------------------------

TEXT_C = "Last week, drones struck the port of Odesa."
ARTICLE_C = Article(id="c-odesa", text=TEXT_C)
ODESA = place(TEXT_C, "Odesa", 46.4825, 30.7233, "Odesa", "UA-51", "698740")
ODESA_STRIKE = Mention(
    type=EventType.STRIKE,
    date=DateSpan(
        start=dt.date(2025, 11, 3),
        end=dt.date(2025, 11, 9),
        precision=DatePrecision.WEEK,
        text="Last week",
    ),
    location=ODESA,
    weapons=(Weapon(WeaponClass.DRONE),),
    damage_objects=(DamageObject(DamageCategory.TRANSPORT, "port"),),
    evidence=(span(TEXT_C, TEXT_C),),
)
EXTRACTION_C = Extraction(article_id=ARTICLE_C.id, mentions=(ODESA_STRIKE,), places=(ODESA,))

ALL = ((ARTICLE_A, EXTRACTION_A), (ARTICLE_B, EXTRACTION_B), (ARTICLE_C, EXTRACTION_C))
