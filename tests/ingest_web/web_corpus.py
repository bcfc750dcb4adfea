"""Thirty short reports for the watcher tests: sample data written by the sitroom team, not real
news. Outlet A ("Kyiv Wire") publishes 22 in an RSS and an Atom feed; outlet B ("Eastern Post")
publishes 5 of its own and 3 syndicated copies of A's reports under its own URLs.

Each report names one Ukrainian place, where one attack happened (`place`)."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Report:
    slug: str
    outlet: str  # "a" or "b"
    feed: str  # "rss" or "atom" (outlet A), "east" (outlet B)
    title: str
    published: str  # RFC 3339
    place: str
    text: str
    copy_of: str | None = None  # the slug of the report this one syndicates


def _r(slug: str, feed: str, day: int, place: str, title: str, text: str) -> Report:
    outlet = "b" if feed == "east" else "a"
    return Report(slug, outlet, feed, title, f"2025-12-{day:02d}T06:{day:02d}:00Z", place, text)


ORIGINALS = [
    _r(
        "kharkiv-drones-apartment",
        "rss",
        1,
        "Kharkiv",
        "Drones hit Kharkiv apartment block, injuring nine",
        "Russian drones struck an apartment block in Kharkiv overnight, injuring nine people, including two "
        "children, Mayor Ihor Terekhov said.\n\nAccording to Terekhov, at least 12 Shahed drones targeted the "
        "city. Fires broke out on the upper floors of the nine-storey building and several cars burned in the "
        "courtyard. Rescuers evacuated 40 residents before dawn.",
    ),
    _r(
        "odesa-port-strike",
        "rss",
        1,
        "Odesa",
        "Missile strike damages Odesa port, two killed",
        "Two people were killed and five injured when a Russian missile struck port infrastructure in Odesa on "
        "Monday morning, the regional military administration said.\n\nThe strike damaged a grain warehouse and "
        "three trucks waiting to be loaded. Firefighters needed four hours to put out the blaze. Air defence "
        "forces said the missile was an Iskander-M fired from occupied Crimea.",
    ),
    _r(
        "zaporizhzhia-glide-bombs",
        "rss",
        2,
        "Zaporizhzhia",
        "Glide bombs hit industrial area of Zaporizhzhia",
        "Russian aircraft dropped four guided aerial bombs on an industrial district of Zaporizhzhia on "
        "Tuesday, injuring six workers, governor Ivan Fedorov said.\n\nThe bombs destroyed a warehouse and "
        "damaged the roof of a bus depot. Windows were blown out in nearby houses. Fedorov urged residents to "
        "stay in shelters while the alert lasted.",
    ),
    _r(
        "dnipro-missile-clinic",
        "rss",
        2,
        "Dnipro",
        "Missile hits clinic in Dnipro, three dead",
        "A Russian ballistic missile hit a private clinic in Dnipro on Tuesday afternoon, killing three people "
        "and injuring 17, regional governor Serhiy Lysak said.\n\nThe three-storey building partly collapsed "
        "and rescuers searched the rubble into the night. Eleven of the injured were taken to hospital, two of "
        "them in serious condition.",
    ),
    _r(
        "sumy-drone-bus",
        "rss",
        3,
        "Sumy",
        "Drone strikes bus in Sumy, killing driver",
        "A Russian drone struck a city bus in Sumy on Wednesday morning, killing the driver and injuring "
        "seven passengers, the regional administration said.\n\nThe bus was carrying commuters on a central "
        "street when the drone hit it. Shop windows were shattered along the block. Officials declared a day "
        "of mourning in the city.",
    ),
    _r(
        "kherson-shelling-market",
        "rss",
        3,
        "Kherson",
        "Shelling of Kherson market kills three",
        "Russian artillery shelled a market in Kherson on Wednesday, killing three people and wounding "
        "eight, governor Oleksandr Prokudin said.\n\nShells also hit a pharmacy and two private houses near "
        "the market. Prokudin said Russian forces fired at the city from the left bank of the river more than "
        "thirty times during the day.",
    ),
    _r(
        "mykolaiv-drones-power",
        "rss",
        4,
        "Mykolaiv",
        "Drone attack cuts power in Mykolaiv",
        "Russian drones attacked energy infrastructure in Mykolaiv overnight, leaving more than 20,000 homes "
        "without electricity, Mayor Oleksandr Senkevych said.\n\nAir defence shot down 15 of the 18 drones "
        "launched at the region, he said. Repair crews restored power to most districts by noon. Nobody was "
        "hurt in the attack.",
    ),
    _r(
        "kryvyi-rih-missile-hotel",
        "rss",
        4,
        "Kryvyi Rih",
        "Missile strikes hotel in Kryvyi Rih",
        "A Russian missile struck a hotel in Kryvyi Rih late on Thursday, killing two people and injuring "
        "eleven, the head of the city defence council Oleksandr Vilkul said.\n\nThe missile destroyed two "
        "floors of the building. A nearby school and a dozen cars were damaged by the blast wave.",
    ),
    _r(
        "chernihiv-drones-school",
        "rss",
        5,
        "Chernihiv",
        "Drones damage school in Chernihiv",
        "Russian attack drones hit Chernihiv overnight, damaging a school and four apartment blocks, the city "
        "military administration said.\n\nTwo people were injured by broken glass. Around 3,000 homes lost "
        "heating after a boiler house was hit. The school had been empty at the time of the attack.",
    ),
    _r(
        "poltava-missile-strike",
        "rss",
        5,
        "Poltava",
        "Missile strike on Poltava kills four",
        "Four people were killed and 26 injured when Russian missiles struck Poltava on Friday morning, "
        "governor Volodymyr Kohut said.\n\nThe missiles hit an educational building and a residential "
        "neighbourhood. Rescuers pulled eleven people from the rubble. The city declared three days of "
        "mourning.",
    ),
    _r(
        "nikopol-artillery-houses",
        "rss",
        6,
        "Nikopol",
        "Artillery fire damages houses in Nikopol",
        "Russian forces shelled Nikopol with heavy artillery on Saturday, injuring a 58-year-old woman, the "
        "Dnipropetrovsk regional administration said.\n\nThe shells damaged six private houses, a power line "
        "and a gas pipeline. About 400 households were left without electricity until the evening.",
    ),
    _r(
        "kramatorsk-glide-bomb",
        "rss",
        6,
        "Kramatorsk",
        "Glide bomb hits Kramatorsk, one dead",
        "A Russian glide bomb hit a residential street in Kramatorsk on Saturday afternoon, killing one man "
        "and injuring four people, the city military administration said.\n\nThe bomb left a deep crater and "
        "damaged nine houses and a shop. Emergency workers cleared debris from the road into the evening.",
    ),
    _r(
        "sloviansk-mlrs-strike",
        "atom",
        7,
        "Sloviansk",
        "Rocket attack on Sloviansk injures five",
        "Russian forces struck Sloviansk with multiple rocket launchers on Sunday, injuring five people, the "
        "head of the city administration Vadym Liakh said.\n\nThe rockets hit a children's playground, an "
        "apartment block and a car park. Liakh said it was the third attack on the town this week.",
    ),
    _r(
        "pokrovsk-shelling-hospital",
        "atom",
        7,
        "Pokrovsk",
        "Shelling damages hospital in Pokrovsk",
        "Russian artillery shelled Pokrovsk on Sunday, damaging the central hospital and killing two "
        "civilians, the Donetsk regional administration said.\n\nPatients were moved to basements during the "
        "attack. The shelling also cut the water supply to about 2,000 people in the eastern districts.",
    ),
    _r(
        "lviv-missile-energy",
        "atom",
        8,
        "Lviv",
        "Missiles target energy facility near Lviv",
        "Russian cruise missiles targeted an energy facility in Lviv overnight, governor Maksym Kozytskyi "
        "said.\n\nAir defence shot down most of the missiles, but debris started a fire at the site. Nobody "
        "was hurt. About 90,000 homes were briefly left without power while engineers switched lines.",
    ),
    _r(
        "ternopil-drones-warehouse",
        "atom",
        8,
        "Ternopil",
        "Drones hit warehouse in Ternopil",
        "Russian drones struck a warehouse in Ternopil overnight, setting it on fire, the regional military "
        "administration said.\n\nOne firefighter was injured while putting out the blaze. Officials said 7 "
        "drones were shot down over the region during the night.",
    ),
    _r(
        "kyiv-ballistic-night",
        "atom",
        9,
        "Kyiv",
        "Ballistic missiles hit Kyiv, six injured",
        "Russia fired ballistic missiles at Kyiv overnight, injuring six people and damaging a kindergarten "
        "and two apartment blocks, Mayor Vitali Klitschko said.\n\nDebris fell in two districts of the "
        "capital. More than 1,100 homes were left without heating after a pipe was damaged, Klitschko said.",
    ),
    _r(
        "bila-tserkva-drone-attack",
        "atom",
        9,
        "Bila Tserkva",
        "Drone attack on Bila Tserkva",
        "Russian drones attacked Bila Tserkva overnight, damaging an industrial enterprise and several "
        "houses, the regional administration said.\n\nOne man was injured. The attack lasted more than two "
        "hours, and air defence units were active over the whole region.",
    ),
    _r(
        "kremenchuk-refinery-strike",
        "atom",
        10,
        "Kremenchuk",
        "Missiles strike Kremenchuk refinery",
        "Russian missiles struck the oil refinery in Kremenchuk early on Wednesday, starting a large fire, "
        "the Poltava regional administration said.\n\nNo casualties were reported. The fire was put out by "
        "the afternoon. It was the fifth attack on the refinery this year.",
    ),
    _r(
        "izium-shelling-killed",
        "atom",
        10,
        "Izium",
        "Shelling kills two in Izium",
        "Two women were killed when Russian artillery shelled Izium on Wednesday, governor Oleh Syniehubov "
        "said.\n\nThe shells hit a residential street and a shop. Three more people were injured and taken "
        "to hospital. Syniehubov said the town had been shelled four times since the morning.",
    ),
    _r(
        "kupiansk-glide-bombs",
        "atom",
        11,
        "Kupiansk",
        "Glide bombs pound Kupiansk",
        "Russian aircraft dropped glide bombs on Kupiansk on Thursday, injuring three civilians, the "
        "regional administration said.\n\nThe bombs destroyed two houses and damaged a school building. "
        "Evacuation of families with children from the town continued.",
    ),
    _r(
        "vinnytsia-drones-night",
        "atom",
        11,
        "Vinnytsia",
        "Drones shot down over Vinnytsia",
        "Russian drones attacked Vinnytsia overnight, the regional military administration said.\n\nAir "
        "defence shot down 11 drones, but debris damaged a private house and a car. Nobody was hurt. The "
        "alert lasted almost four hours.",
    ),
    _r(
        "khmelnytskyi-missile-strike",
        "east",
        12,
        "Khmelnytskyi",
        "Missile strike on Khmelnytskyi",
        "A Russian missile struck Khmelnytskyi on Friday morning, injuring eight people, the city council "
        "said.\n\nThe blast damaged a shopping centre and twenty cars in a car park. Public transport in the "
        "city centre stopped for several hours while police cordoned off the area.",
    ),
    _r(
        "rivne-drone-substation",
        "east",
        12,
        "Rivne",
        "Drones hit substation in Rivne",
        "Russian drones hit an electrical substation in Rivne overnight, cutting power to about 15,000 "
        "consumers, the regional administration said.\n\nThere were no casualties. Engineers restored "
        "supply to hospitals first and to homes by the afternoon.",
    ),
    _r(
        "uman-missile-apartments",
        "east",
        13,
        "Uman",
        "Missile hits apartment building in Uman",
        "A Russian cruise missile hit an apartment building in Uman early on Saturday, killing five people "
        "and injuring 14, the regional governor said.\n\nRescuers worked through the day to search the "
        "collapsed section of the building. A nearby kindergarten was also damaged.",
    ),
    _r(
        "pavlohrad-drone-attack",
        "east",
        13,
        "Pavlohrad",
        "Drone attack on Pavlohrad",
        "Russian drones struck Pavlohrad overnight, injuring two people and damaging an industrial "
        "enterprise, governor Serhiy Lysak said.\n\nFires broke out in three places. Lysak said 12 drones "
        "had been destroyed over the region during the night.",
    ),
    _r(
        "konotop-shelling-injured",
        "east",
        14,
        "Konotop",
        "Drone and artillery attack on Konotop",
        "Russian drones and artillery attacked Konotop on Sunday, injuring four people, Mayor Artem "
        "Semenikhin said.\n\nThe attack damaged a lyceum, a church and several private houses. Part of the "
        "town was left without water supply for the day.",
    ),
]

_BY_SLUG = {r.slug: r for r in ORIGINALS}
SYNDICATED_SLUGS = ("odesa-port-strike", "mykolaiv-drones-power", "lviv-missile-energy")


def _copy(slug: str) -> Report:
    original = _BY_SLUG[slug]
    text = original.text + "\n\n(Kyiv Wire)"
    return replace(original, slug="syndicated-" + slug, outlet="b", feed="east", text=text, copy_of=slug)


COPIES = [_copy(slug) for slug in SYNDICATED_SLUGS]
REPORTS = ORIGINALS + COPIES
assert len(REPORTS) == 30 and len({r.slug for r in REPORTS}) == 30

UPDATED_SLUG = "kherson-shelling-market"
UPDATED_TEXT = _BY_SLUG[UPDATED_SLUG].text.replace("killing three people", "killing five people")
