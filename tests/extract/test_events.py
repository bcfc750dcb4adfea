"""Events from whole texts (team-written): which places get events, of what type, with what."""

from __future__ import annotations

import datetime as dt

from sitroom import pipeline
from sitroom.extract import Extractor
from sitroom.model import Article, EventType, Mention, Victims


def events(extractor: Extractor, text: str, published: dt.datetime | None = None) -> list[Mention]:
    return list(pipeline.read_article(Article("t", text, published=published), extractor).mentions)


def located(found: list[Mention]) -> list[tuple[str, str | None]]:
    return [(m.type.value, m.location.name if m.location else None) for m in found]


def test_capital_standing_for_its_government_is_not_a_location(extractor: Extractor) -> None:
    text = (
        "Moscow launched new attacks on energy infrastructure in Kharkiv overnight. "
        "Officials said Moscow's forces had also shelled Kupiansk."
    )
    places = [place for _, place in located(events(extractor, text))]
    assert "Moscow" not in places and "Kharkiv" in places


def test_dateline_is_not_a_location(extractor: Extractor) -> None:
    text = "KYIV, Ukraine — Russian drones struck Odesa overnight, damaging a port warehouse."
    assert located(events(extractor, text)) == [("strike", "Odesa")]


def test_meeting_venue_in_a_sentence_about_strikes_is_not_a_target(extractor: Extractor) -> None:
    text = (
        "Russian missiles hit Dnipro on Monday. "
        "The strikes came days after Zelenskyy met US envoys in Paris to discuss a ceasefire."
    )
    found = located(events(extractor, text))
    assert ("strike", "Dnipro") in found and ("strike", "Paris") not in found


def test_attributive_participle_is_not_an_event(extractor: Extractor) -> None:
    text = "Ukrainian forces launched new air strikes in the captured southern region of Kherson."
    assert [m.type for m in events(extractor, text)] == [EventType.STRIKE]


def test_yearly_statistics_are_not_an_event_toll(extractor: Extractor) -> None:
    text = "Russian drones hit Sumy overnight. In 2025, 2,514 civilians were killed and 12,000 injured, the UN said."
    found = events(extractor, text)
    assert all(m.killed is None and m.injured is None for m in found)


def test_overnight_resolves_to_the_night_before_publication(extractor: Extractor) -> None:
    text = "Russian drones attacked Odesa overnight, injuring two people."
    [strike] = events(extractor, text, published=dt.datetime(2025, 12, 3, 7, 0))
    assert strike.date is not None and strike.date.start == dt.date(2025, 12, 2)
    assert strike.injured == 2


def test_background_month_does_not_date_the_event(extractor: Extractor) -> None:
    """No words name the day: the event took place on the publication day ("" says no words did)."""
    text = "Russian missiles hit Kharkiv, the heaviest strike on the city since February."
    [strike] = events(extractor, text, published=dt.datetime(2025, 12, 3))
    assert strike.date is not None and (strike.date.start, strike.date.text) == (dt.date(2025, 12, 3), "")
    [undated] = events(extractor, text)
    assert undated.date is None


def test_events_without_date_words_take_the_lead_date(extractor: Extractor) -> None:
    text = "Russian drones attacked Odesa overnight. In Kharkiv, a missile hit a school."
    found = {m.location.name: m.date for m in events(extractor, text, published=dt.datetime(2025, 12, 3)) if m.location}
    assert found["Kharkiv"] == found["Odesa"] and found["Odesa"] is not None
    assert found["Odesa"].start == dt.date(2025, 12, 2)


def test_attack_is_dated_before_its_aftermath(extractor: Extractor) -> None:
    text = (
        "Thousands of homes in Dnipro were without power on Thursday morning after a Russian overnight attack. "
        "Separately, ice storms cut power in the Chernihiv region."
    )
    found = {m.type.value: m.date for m in events(extractor, text, published=dt.datetime(2026, 1, 8))}
    assert found["strike"] is not None and (found["strike"].start, found["strike"].text) == (
        dt.date(2026, 1, 7),
        "overnight",
    )
    # an outage that names no day is the state of things on the publication day, not the night's attack
    assert found["outage"] is not None and found["outage"].start == dt.date(2026, 1, 8)


def test_event_date_is_the_earliest_of_its_sentences_same_time(extractor: Extractor) -> None:
    text = (
        "Russian strikes forced Odesa's port to halt work on Saturday. "
        "Officials said 40 drones were launched at Odesa overnight Saturday."
    )
    [strike] = events(extractor, text, published=dt.datetime(2026, 2, 8))
    assert strike.date is not None and strike.date.start == dt.date(2026, 2, 6)


def test_a_district_of_a_city_belongs_to_the_city_event(extractor: Extractor) -> None:
    text = (
        "Russian missiles struck Kyiv overnight, killing three people. "
        "A school was damaged in the Dniprovskyi district, the mayor said."
    )
    assert located(events(extractor, text)) == [("strike", "Kyiv")]


def test_weapons_a_side_only_has_do_not_make_the_event_shelling(extractor: Extractor) -> None:
    text = (
        "Heavy battles raged around Bakhmut on Tuesday, the general staff said. "
        '"The enemy has far more artillery and ammunition than we do," a commander said.'
    )
    assert [m.type for m in events(extractor, text)] == [EventType.GROUND_CLASH]


def test_common_verbs_of_attack_and_battle(extractor: Extractor) -> None:
    assert located(events(extractor, "Russian troops kept pounding the coke plant in Avdiivka.")) == [
        ("strike", "Avdiivka")
    ]
    assert located(events(extractor, "The Ukrainian counteroffensive near Robotyne gained ground.")) == [
        ("ground_clash", "Robotyne")
    ]
    found = events(extractor, "Police said two villagers were gunned down by soldiers in Izium.")
    assert located(found) == [("violence_against_civilians", "Izium")]


def test_a_site_inside_a_city_belongs_to_the_city_event(extractor: Extractor) -> None:
    text = (
        "Russian forces kept pounding Mariupol on Monday. "
        "Aircraft carried out a dozen airstrikes on the Azovstal steelworks, the defenders said."
    )
    assert located(events(extractor, text)) == [("strike", "Mariupol")]
    [strike] = events(extractor, "Shelling hit the Zaporizhzhia nuclear power plant overnight.")
    assert strike.location is not None and strike.location.name == "Zaporizhzhia Nuclear Power Plant"


def test_a_security_council_session_is_diplomacy_where_it_is_held(extractor: Extractor) -> None:
    text = "Ukraine and Russia traded accusations at an emergency U.N. Security Council session in New York."
    [talks] = events(extractor, text)
    assert talks.type is EventType.DIPLOMACY
    assert talks.location is not None and talks.location.country == "US"


def test_outage_without_attack_is_an_outage_event(extractor: Extractor) -> None:
    text = (
        "Russian missiles struck energy facilities in Dnipro overnight. "
        "Bad weather separately left parts of the Chernihiv region without power."
    )
    found = located(events(extractor, text))
    assert ("strike", "Dnipro") in found
    assert ("outage", "Chernihiv Oblast") in found


def test_killed_and_injured_another(extractor: Extractor) -> None:
    text = "Russian drones killed at least two people and injured another five in Odesa."
    [strike] = events(extractor, text)
    assert (strike.killed, strike.injured) == (2, 5)


def test_subset_of_injured_is_not_added(extractor: Extractor) -> None:
    text = "In Kyiv, 13 people - including two children and a pregnant woman - were injured in the missile attack."
    [strike] = events(extractor, text)
    assert (strike.injured, strike.children_injured) == (13, 2)


def test_talks_between_parties(extractor: Extractor) -> None:
    text = "Ukrainian and Russian delegations held talks in Istanbul on Friday, with US officials present."
    [talks] = events(extractor, text)
    assert talks.type is EventType.DIPLOMACY
    assert {"Ukraine", "Russia", "United States"} <= set(talks.parties)


def test_stated_zero_tolls(extractor: Extractor) -> None:
    [strike] = events(
        extractor, "A drone hit a substation in Sumy overnight, but there were no casualties, officials said."
    )
    assert (strike.killed, strike.injured) == (0, 0)
    [strike] = events(extractor, "A drone hit a substation in Sumy. There were no immediate reports of casualties.")
    assert (strike.killed, strike.injured) == (None, None)


def test_a_reference_point_is_not_where_it_happened(extractor: Extractor) -> None:
    text = "A missile strike on the port of Yuzhne east of Odesa killed eight people."
    assert [m.location.name for m in events(extractor, text) if m.location] == ["Pivdenne"]  # Yuzhne, renamed in 2016


def test_claimed_enemy_losses_are_flagged_and_kept_apart(extractor: Extractor) -> None:
    text = (
        "Russian shelling killed two civilians in Kherson on Monday. "
        "Russia's defence ministry said 300 Ukrainian soldiers were killed in the Kherson direction."
    )
    found = events(extractor, text)
    claims = [m for m in found if m.claimed_by]
    tolls = [m for m in found if not m.claimed_by and m.killed is not None]
    assert [(m.claimed_by, m.killed) for m in claims] == [("Russia", 300)]
    assert [m.killed for m in tolls] == [2]


def test_prisoner_exchange_is_humanitarian(extractor: Extractor) -> None:
    text = "Ukraine and Russia carried out a prisoner exchange on Friday, with 150 captives returning home."
    assert [m.type for m in events(extractor, text)] == [EventType.HUMANITARIAN]


def test_the_city_of_an_official_who_speaks_is_a_location(extractor: Extractor) -> None:
    text = "The mayor of Kharkiv said a drone had struck a petrol station in the city centre."
    assert [m.location.name for m in events(extractor, text) if m.location] == ["Kharkiv"]


def test_the_city_of_a_titled_official_is_a_location(extractor: Extractor) -> None:
    text = "Kharkiv Mayor Ihor Terekhov said 11 people were injured when a glide bomb hit a shop."
    [strike] = events(extractor, text)
    assert strike.location is not None and strike.location.name == "Kharkiv" and strike.injured == 11


def test_destruction_alone_is_an_event(extractor: Extractor) -> None:
    assert [m.type for m in events(extractor, "Youth centre destroyed in Irpin")] == [EventType.STRIKE]


def test_a_night_tally_naming_several_regions_stays_national(extractor: Extractor) -> None:
    text = (
        "Russia launched 300 attack drones and 7 cruise missiles at Ukraine overnight, "
        "targeting the Dnipropetrovsk, Zhytomyr and Odesa regions."
    )
    found = events(extractor, text)
    national = [m for m in found if m.location and m.location.precision.value == "country"]
    regional = [m for m in found if m.location and m.location.precision.value == "admin1"]
    assert [(w.launched, w.model) for m in national for w in m.weapons] == [(300, None), (7, None)]
    assert len(regional) == 3 and all(w.launched is None for m in regional for w in m.weapons)


def test_a_destination_is_not_where_it_happened(extractor: Extractor) -> None:
    text = "Russian drones struck the railway station in Shostka as passengers waited for a train to Kyiv."
    assert [m.location.name for m in events(extractor, text) if m.location] == ["Shostka"]


def test_seized_villages_are_a_territorial_change(extractor: Extractor) -> None:
    text = "On Saturday, Russia said its forces seized two villages in the Donetsk region."
    assert [m.type for m in events(extractor, text)] == [EventType.TERRITORIAL_CHANGE]


def test_an_attack_on_another_day_at_the_same_place_is_its_own_event(extractor: Extractor) -> None:
    """Facts of a sentence dated another night go to a second event at that place, not the first."""
    text = (
        "On Thursday evening, Russian drones hit a warehouse in Mykolaiv. "
        "On Wednesday night, a missile strike killed three people and cut power to 4,000 homes."
    )
    found = events(extractor, text, published=dt.datetime(2024, 5, 10))
    dated = sorted((m.date.start, m.killed) for m in found if m.location and m.location.name == "Mykolaiv" and m.date)
    assert dated == [(dt.date(2024, 5, 8), 3), (dt.date(2024, 5, 9), None)]


def test_a_separate_attack_at_the_same_place_keeps_its_own_toll(extractor: Extractor) -> None:
    text = (
        "Russian shelling damaged a school in Kherson on Friday. "
        "In a separate attack, a drone struck a bus in Kherson, injuring four people."
    )
    found = [m for m in events(extractor, text) if m.location and m.location.name == "Kherson"]
    assert sorted((m.injured or 0) for m in found) == [0, 4]


def test_the_same_night_told_twice_is_one_event(extractor: Extractor) -> None:
    text = "Russian drones attacked Sumy overnight. On Friday morning, rescuers said two people were injured there."
    found = events(extractor, text, published=dt.datetime(2024, 5, 10))
    assert [(m.location.name if m.location else None, m.injured) for m in found] == [("Sumy", 2)]


def test_an_article_toll_that_rises_stays_one_event(extractor: Extractor) -> None:
    text = "Missile strike on Dnipro kills two\nA missile hit Dnipro overnight. The death toll rose to five on Friday."
    assert [m.killed for m in events(extractor, text)] == [5]


def test_another_attack_of_a_series_is_the_attack_being_told(extractor: Extractor) -> None:
    """ "launched another attack" is one more of a series, not a second event at the place."""
    text = (
        "Russian drones hit Odesa overnight, injuring two people. "
        "The mayor said Russia launched another attack on Odesa."
    )
    assert [(m.location.name if m.location else None, m.injured) for m in events(extractor, text)] == [("Odesa", 2)]


def test_a_landmark_is_the_damage_only_when_nothing_else_is_named(extractor: Extractor) -> None:
    """ "A strike next to a hospital" is reported because the hospital was affected; with houses
    destroyed as well, the hospital only says where."""
    [alone] = events(extractor, "A missile struck next to a hospital in Kharkiv.")
    assert alone.damage == ("health",)
    [both] = events(extractor, "A missile struck next to a hospital in Kharkiv, destroying two houses.")
    assert both.damage == ("residential",)


def test_victims_when_the_sentences_agree(extractor: Extractor) -> None:
    """Sentences that say nothing of who the victims were take no side."""
    text = (
        "A Russian missile hit a block of flats in Zaporizhzhia overnight, killing three civilians. "
        "Twelve people were injured, the regional governor said."
    )
    [strike] = events(extractor, text)
    assert (strike.killed, strike.injured, strike.victims) == (3, 12, Victims.CIVILIAN)


def test_victims_when_the_sentences_disagree(extractor: Extractor) -> None:
    text = (
        "Russian shelling hit Kupiansk on Tuesday, killing two soldiers. "
        "A pensioner was wounded when a shell struck her house."
    )
    [shelling] = events(extractor, text)
    assert (shelling.killed, shelling.injured, shelling.victims) == (2, 1, None)


def test_the_victims_are_the_counted_not_the_attackers(extractor: Extractor) -> None:
    [event] = events(extractor, "Russian troops killed three civilians in Kherson on Monday.")
    assert (event.killed, event.victims) == (3, Victims.CIVILIAN)


def test_claimed_enemy_losses_are_military(extractor: Extractor) -> None:
    text = (
        "A drone strike injured two residents of Nikopol on Monday. "
        "Russia's defence ministry said it killed 250 Ukrainian servicemen in the Pokrovsk direction."
    )
    found = events(extractor, text)
    assert [(m.claimed_by, m.killed, m.victims) for m in found if m.claimed_by] == [("Russia", 250, Victims.MILITARY)]
    tolls = [m for m in found if not m.claimed_by and (m.killed, m.injured) != (None, None)]
    assert [(m.injured, m.victims) for m in tolls] == [(2, Victims.CIVILIAN)]


def test_a_claim_alone_is_one_event_not_two(extractor: Extractor) -> None:
    """A sentence that only claims enemy losses gives the claim's event, no second event there."""
    text = "The Ukrainian military said it had killed 45 Russian soldiers near Bakhmut."
    assert [(m.claimed_by, m.killed) for m in events(extractor, text)] == [("Ukraine", 45)]
