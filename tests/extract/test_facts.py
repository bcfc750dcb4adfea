from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Span

from sitroom.extract import facts
from sitroom.extract.lexicon import Lexicon
from sitroom.extract.matchers import Annotations
from sitroom.model import OutageUnit, Service, Victims, WeaponClass

Read = Callable[[str], tuple[Span, Annotations]]


def weapons(read: Read, lexicon: Lexicon, text: str) -> list[tuple[str, str | None, int | None, int | None]]:
    sent, notes = read(text)
    return [(w.weapon_class.value, w.model, w.launched, w.intercepted) for w in facts.weapons(sent, notes, lexicon)]


def test_launched_and_intercepted_by_type(read: Read, lexicon: Lexicon) -> None:
    text = "Russia launched 50 Shahed drones and 6 Kh-101 missiles; air defence shot down 45 of the drones."
    assert weapons(read, lexicon, text) == [
        ("attack_drone", "Shahed-136", 50, 45),
        ("cruise_missile", "Kh-101", 6, None),
    ]


def test_of_the_n_drones_m_were_shot_down(read: Read, lexicon: Lexicon) -> None:
    text = "Of the 120 drones, 98 were shot down or suppressed."
    assert weapons(read, lexicon, text) == [("drone", None, 120, 98)]


def test_uncounted_weapons(read: Read, lexicon: Lexicon) -> None:
    text = "Ukraine woke up to another night of heavy Russian missile and drone strikes."
    assert weapons(read, lexicon, text) == [("missile", None, None, None), ("drone", None, None, None)]


def test_hedged_weapon_is_uncertain_not_dropped(read: Read, lexicon: Lexicon) -> None:
    sent, notes = read("The crater suggests possibly a cruise missile.")
    found = facts.weapons(sent, notes, lexicon)
    assert [(w.weapon_class, w.uncertain) for w in found] == [(WeaponClass.CRUISE_MISSILE, True)]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Two people were killed and five injured in the attack.", 2, 5),
        ("A man and two women were killed.", 3, None),
        ("A 64-year-old man was killed by shelling.", 1, None),
        ("The death toll rose to 12 on Tuesday.", 12, None),
        ("The strike killed at least 3 civilians and wounded 10 others.", 3, 10),
        ("No casualties were reported.", 0, 0),
        ("Russian shelling killed three people.", 3, None),
        ("Dozens of people were injured.", None, None),
        ("Five others were wounded, officials said.", None, 5),
        # separate tallies: the one next to the casualty word, never a sum
        ("Three miners, one rescuer killed in blast", 1, None),
        ("Talks stall as 2 rebels surrender, four guards wounded", None, 4),
        # a range states its lower bound
        ("The missile strike killed between five and seven people.", 5, None),
        ("Between five and seven people were killed.", 5, None),
        ("Three to four people were injured.", None, 3),
    ],
)
def test_casualties(read: Read, lexicon: Lexicon, text: str, killed: int | None, injured: int | None) -> None:
    sent, notes = read(text)
    found = facts.casualties(sent, notes, lexicon)
    assert (found.killed, found.injured) == (killed, injured)


def test_children_among_the_injured(read: Read, lexicon: Lexicon) -> None:
    sent, notes = read("Seven people were injured, including two children.")
    found = facts.casualties(sent, notes, lexicon)
    assert (found.injured, found.children_injured) == (7, 2)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Two civilians were killed when a shell hit the market.", Victims.CIVILIAN),
        ("A drone hit a minibus, killing four passengers and injuring the driver.", Victims.CIVILIAN),
        ("Three people were wounded, including a teenage girl.", Victims.CIVILIAN),
        ("Five servicemen were injured in the shelling, the brigade said.", Victims.MILITARY),
        ("Artillery fire killed two Ukrainian soldiers near the front line.", Victims.MILITARY),
        ("The brigade lost 2 KIA and 5 WIA in the night.", Victims.MILITARY),
        ("One marine was killed in action on Sunday.", Victims.MILITARY),
        ("Six troops reported killed in the east", Victims.MILITARY),
        # the attackers are named too, but the casualty count is about the civilians
        ("Russian troops killed three civilians in the village.", Victims.CIVILIAN),
        ("Two residents were killed by soldiers firing at their car.", Victims.CIVILIAN),
        ("Separatists said four people were killed overnight.", None),
        # both, or neither
        ("A soldier and two civilians were killed in the attack.", None),
        ("Shelling killed one civilian and wounded three soldiers.", None),
        ("Four troops, 11 civilians killed in a day of fighting", None),
        ("Two people were killed and five injured.", None),
        # a zero toll, or who was not hurt, says nothing of victims
        ("No civilians were hurt, officials said.", None),
        ("There were no casualties.", None),
        ("A soldier was wounded; no civilians were hurt.", Victims.MILITARY),
    ],
)
def test_victims(read: Read, lexicon: Lexicon, text: str, victims: Victims | None) -> None:
    sent, notes = read(text)
    assert facts.casualties(sent, notes, lexicon).victims is victims


def test_victims_are_not_a_count(read: Read, lexicon: Lexicon) -> None:
    """ "Civilian casualties" with no number says who, and still states no toll."""
    sent, notes = read("The shelling caused civilian casualties.")
    found = facts.casualties(sent, notes, lexicon)
    assert found.victims is Victims.CIVILIAN and not found.any()


def test_outage_with_count(read: Read, lexicon: Lexicon) -> None:
    sent, notes = read('"More than 1,100 homes were left without heating," the minister said.')
    [outage] = facts.outages(sent, notes, lexicon)
    assert (outage.service, outage.count, outage.unit) == (Service.HEATING, 1100, OutageUnit.HOMES)


def test_outages_without_counts(read: Read, lexicon: Lexicon) -> None:
    sent, notes = read("Power and heating were knocked out in parts of the city.")
    assert [(o.service, o.count) for o in facts.outages(sent, notes, lexicon)] == [
        (Service.POWER, None),
        (Service.HEATING, None),
    ]


def test_damage_needs_a_damage_word(read: Read, lexicon: Lexicon) -> None:
    sent, notes = read("Local authorities reported damage to apartment blocks and a kindergarten.")
    assert [(d.category.value, d.object) for d in facts.damage_objects(sent, notes, lexicon)] == [
        ("residential", "apartment blocks"),
        ("education", "kindergarten"),
    ]
    sent, notes = read("Children returned to the kindergarten on Monday.")
    assert facts.damage_objects(sent, notes, lexicon) == []


def test_damage_counts(read: Read, lexicon: Lexicon) -> None:
    sent, notes = read("Shelling damaged 12 private houses and a school.")
    assert [(d.object, d.count) for d in facts.damage_objects(sent, notes, lexicon)] == [
        ("private houses", 12),
        ("school", None),
    ]


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Russian forces launched a large-scale aerial assault.", "Russia"),
        ("Kharkiv, Ukraine's second-largest city, was also hit hard.", None),
        ("The occupiers shelled the village overnight.", "Russia"),
        ("The bridge was hit by Ukrainian drones.", "Ukraine"),
        ("Wagner mercenaries attacked the town.", "Wagner Group"),
    ],
)
def test_attacker(read: Read, lexicon: Lexicon, text: str, attacker: str | None) -> None:
    sent, notes = read(text)
    assert facts.attacker(sent, notes, lexicon) == attacker


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("Shelling damaged what appears to be a hospital.", True),
        ("A strike landed next to Hospital No. 1.", True),
        ("Three people wounded by shelling were taken to hospital.", False),
        ("Two of the injured remain in hospital after the strike.", False),
    ],
)
def test_a_hospital_people_were_taken_to_is_not_damaged(read: Read, lexicon: Lexicon, text: str, hit: bool) -> None:
    sent, notes = read(text)
    assert bool(facts.damage_objects(sent, notes, lexicon) or facts.landmarks(sent, notes, lexicon)) is hit


def damage(read: Read, lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    sent, notes = read(text)
    return [(d.category.value, d.object) for d in facts.damage_objects(sent, notes, lexicon)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A missile destroyed the school building.", [("education", "school building")]),
        ("The blast damaged the railway hospital.", [("health", "railway hospital")]),
        ("Shelling hit the tram depot.", [("industrial", "tram depot")]),
        ("A shell exploded in the yard of the church.", [("religious", "church")]),
        ("Drones damaged a kindergarten and nearby buildings.", [("education", "kindergarten")]),
        ("A building was destroyed by the strike.", [("residential", "building")]),
    ],
)
def test_a_container_takes_the_kind_of_what_it_belongs_to(
    read: Read, lexicon: Lexicon, text: str, found: list[tuple[str, str]]
) -> None:
    """ "School building", "the yard of the church": the specific object is what was hit."""
    assert damage(read, lexicon, text) == found


def test_coordinated_modifiers_share_the_noun(read: Read, lexicon: Lexicon) -> None:
    assert damage(read, lexicon, "Shelling damaged commercial and residential buildings.") == [
        ("commercial", "commercial building"),
        ("residential", "residential buildings"),
    ]
    assert damage(read, lexicon, "Shelling damaged schools and residential buildings.") == [
        ("education", "schools"),
        ("residential", "residential buildings"),
    ]


def test_a_landmark_near_the_impact_is_not_the_damage(read: Read, lexicon: Lexicon) -> None:
    sent, notes = read("A rocket exploded next to a school, damaging three houses.")
    assert [d.object for d in facts.damage_objects(sent, notes, lexicon)] == ["houses"]
    assert [d.object for d in facts.landmarks(sent, notes, lexicon)] == ["school"]
    sent, notes = read("A crater was left next to the damaged market.")
    assert [d.object for d in facts.damage_objects(sent, notes, lexicon)] == ["market"]


def test_looting_is_harm_to_the_place_looted(read: Read, lexicon: Lexicon) -> None:
    assert damage(read, lexicon, "Soldiers were seen looting a pharmacy.") == [("health", "pharmacy")]


def test_ordnance_remnants_say_where_something_hit(read: Read, lexicon: Lexicon) -> None:
    text = "A cargo warhead was found on a street in a residential area."
    assert damage(read, lexicon, text) == [("residential", "residential area")]


def test_a_drone_that_films_is_not_a_weapon_used(read: Read, lexicon: Lexicon) -> None:
    assert weapons(read, lexicon, "Drone footage shows artillery shelling the village.") == [
        ("artillery", None, None, None)
    ]


def test_a_bracketed_name_makes_the_class_finer(read: Read, lexicon: Lexicon) -> None:
    assert weapons(read, lexicon, "Artillery (MLRS) fire hit the district.") == [("mlrs", None, None, None)]


def test_shooting_at_is_small_arms(read: Read, lexicon: Lexicon) -> None:
    assert weapons(read, lexicon, "Soldiers shoot at a passing car.") == [("small_arms", None, None, None)]


def test_m_of_the_n_drones(read: Read, lexicon: Lexicon) -> None:
    assert weapons(read, lexicon, "Air defence shot down 15 of the 18 drones launched at the region.") == [
        ("drone", None, 18, 15)
    ]
