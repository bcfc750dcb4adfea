"""The Air Force statement: launched and intercepted per model, decoys, lost from radar, hits,
targets, and the national event."""

from __future__ import annotations

import datetime as dt

from uk_reading import Read, weapons

NIGHT = "У ніч на 10 липня (з 18:00 09 липня) "


def test_launched_and_intercepted_per_model_with_a_national_event(read: Read) -> None:
    record = read(
        "⚡️ ЗБИТО/ПОДАВЛЕНО 115 ЦІЛЕЙ\n"
        + NIGHT
        + "противник атакував двома балістичними ракетами Іскандер-М/С-400 із Брянської обл., "
        "керованою авіаційною ракетою Х-59 та 120 ударними БпЛА типу Shahed.\n"
        "За попередніми даними, станом на 08:30, протиповітряною обороною збито/подавлено 115 цілей – "
        "1 керовану авіаційну ракету Х-59 та 114 ворожих БпЛА типу Shahed.\n"
    )
    assert weapons(record) == [
        ("Iskander-M/S-400", "ballistic_missile", 2, None),
        ("Kh-59", "guided_missile", 1, 1),  # a singular noun with no number counts one
        ("Shahed-136", "attack_drone", 120, 114),
    ]
    national = record["events"][0]
    assert national["location"]["precision"] == "country" and national["location"]["name"] == "Ukraine"
    assert national["attacker"] == "Russia"
    assert national["date"]["start"] == "2026-07-09" and national["date"]["end"] == "2026-07-10"


def test_decoys_in_a_mix_are_inside_its_count(read: Read) -> None:
    record = read(
        NIGHT + "противник атакував 101 ударним БпЛА типу Shahed (в т.ч. реактивними), Гербера, Італмас, "
        "баражуючими боєприпасами «Бандероль» та дронами-імітаторами типу «Пародія».\n"
        "Збито/подавлено 95 ворожих БпЛА типу Shahed, Гербера, Італмас та дронів інших типів.\n"
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 101, 95)]


def test_decoys_with_their_own_number_are_their_own_row(read: Read) -> None:
    record = read(
        NIGHT + "противник атакував 50 ударними БпЛА типу Shahed та 30 БпЛА-імітаторами типу «Гербера».\n"
        "Збито/подавлено 40 ударних БпЛА типу Shahed.\n"
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 50, 40), ("Gerbera", "attack_drone", 30, None)]


def test_lost_from_radar_is_never_intercepted(read: Read) -> None:
    record = read(
        NIGHT + "противник атакував 60 ударними БпЛА типу Shahed та БпЛА-імітаторами.\n"
        "Збито/подавлено 40 ворожих БпЛА; ще 15 – локаційно втрачені (імітатори).\n"
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 60, 40)]
    assert record["events"][0]["lost_from_radar"] == 15


def test_lost_from_radar_said_first_and_as_its_own_sentence(read: Read) -> None:
    record = read(
        NIGHT + "противник атакував 80 ударними БпЛА типу Shahed.\n"
        "Збито 50 ворожих БпЛА, локаційно втрачено 20 БпЛА-імітаторів.\n"
        "Ще 5 ворожих БпЛА локаційно втрачені.\n"
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 80, 50)]
    assert record["events"][0]["lost_from_radar"] == 25


def test_missiles_that_did_not_reach_their_target_are_not_intercepted(read: Read) -> None:
    record = read(
        NIGHT + "противник атакував однією протирадіолокаційною ракетою Х-31, трьома керованими авіаційними "
        "ракетами Х-59/69 та 125 ударними БпЛА типу Shahed.\n"
        "Збито/подавлено 112 ворожих БпЛА, 3 керовані авіаційні ракети Х-59/69, протирадіолокаційна ракета "
        "Х-31 не досягла цілі.\n"
    )
    assert weapons(record) == [
        ("Kh-31P", "guided_missile", 1, None),
        ("Kh-59/69", "guided_missile", 3, 3),
        ("Shahed-136", "attack_drone", 125, 112),
    ]


def test_a_list_counts_once_and_takes_its_heading_role(read: Read) -> None:
    record = read(
        "ЗБИТО/ПОДАВЛЕНО 363 ЦІЛІ: 37 РАКЕТ ТА 326 ВОРОЖИХ БПЛА\n"
        + NIGHT
        + "противник завдав масованого комбінованого удару.\n"
        "Усього зафіксовано 419 засобів повітряного нападу – 68 ракет і 351 БпЛА різних типів:\n"
        '- 6 протикорабельних ракет 3М22 "Циркон"/"Онікс" (райони пусків – Курська обл., рф);\n'
        "- 29 балістичних ракет Іскандер-М/С-400/KN-23;\n"
        "- 33 крилаті ракети Х-101/Калібр;\n"
        '- 351 ударний БпЛА типу Shahed, Гербера, дронів-імітаторів типу "Пародія".\n'
        "Збито/подавлено 363 цілі – 37 ракет та 326 безпілотників різних типів:\n"
        "- 31 крилату ракету Х-101/Калібр;\n"
        "- 6 балістичних ракет Іскандер-М/С-400/KN-23;\n"
        "- 326 ворожих БпЛА різних типів.\n"
    )
    assert weapons(record) == [
        ("3M22 Zircon/P-800 Oniks", "cruise_missile", 6, None),
        ("Iskander-M/S-400/KN-23", "ballistic_missile", 29, 6),
        ("Kh-101/Kalibr", "cruise_missile", 33, 31),
        ("Shahed-136", "attack_drone", 351, 326),
    ]


def test_the_headline_counts_only_when_the_body_does_not(read: Read) -> None:
    record = read("ЗБИТО/ПОДАВЛЕНО 83 ВОРОЖИХ БПЛА\n" + NIGHT + "противник атакував 90 ударними БпЛА типу Shahed.\n")
    assert weapons(record) == [("Shahed-136", "attack_drone", 90, 83)]


def test_hits_and_debris_locations(read: Read) -> None:
    record = read(
        NIGHT + "противник атакував 169 ударними БпЛА типу Shahed та п’ятьма балістичними ракетами Іскандер-М.\n"
        "Збито/подавлено 139 ворожих БпЛА.\n"
        "Зафіксовано влучання 5 балістичних ракет на 4 локаціях та 20 ударних БпЛА на11 локаціях, "
        "а також падіння збитих (уламки) на 7.\n"
    )
    national = record["events"][0]
    assert (national["hits"], national["debris_locations"]) == (15, 7)
    assert weapons(record) == [("Shahed-136", "attack_drone", 169, 139), ("Iskander-M", "ballistic_missile", 5, None)]


def test_oblasts_named_as_targets_are_events_without_weapons(read: Read) -> None:
    record = read(
        NIGHT + "противник атакував 7 балістичними ракетами Іскандер-М (по Київщині та Полтавщині) з Брянської обл.\n"
        "Основний напрямок удару – Київ. Також атаковано Сумщину, Вінниччину.\n"
        "Збито/подавлено 3 балістичні ракети Іскандер-М.\n"
    )
    events = record["events"]
    assert [e["location"]["admin1_code"] for e in events[1:]] == ["UA-32", "UA-53", "UA-30", "UA-59", "UA-05"]
    assert all(e["weapons"] == [] and e["type"] == "strike" for e in events[1:])
    assert all(e["date"]["start"] == "2026-07-09" for e in events)
    assert weapons(record) == [("Iskander-M", "ballistic_missile", 7, 3)]


def test_a_daytime_update_with_an_unnamed_drone_count(read: Read) -> None:
    record = read(
        "Уточнена інформація щодо удару 24 липня 2026 року.\n"
        "Близько 11.30 ворог завдав удару по Київщині трьома балістичними ракетами Іскандер-М/С-400. "
        "В результаті бойової роботи одну ракету протиповітряній обороні вдалось перехопити.\n"
        "Протягом поточної доби в повітряному просторі зафіксовано понад 90 ударних БпЛА противника. "
        "Станом на 16.30 збито/подавлено 81 ворожий БпЛА.\n",
        published=dt.datetime(2026, 7, 24, 14, 0),
    )
    assert weapons(record) == [("Iskander-M/S-400", "ballistic_missile", 3, 1), (None, "attack_drone", 90, 81)]
    assert record["events"][0]["date"]["start"] == "2026-07-24"
    assert record["events"][1]["location"]["admin1_code"] == "UA-32"


def test_more_of_a_weapon_adds_to_its_count(read: Read) -> None:
    record = read(
        NIGHT + "противник атакував 40 ударними БпЛА типу Shahed. Збито/подавлено 30 ворожих БпЛА.\n"
        "Крім того, вранці противник атакував ще 20 ударними БпЛА типу Shahed, збито ще 15 БпЛА.\n"
        "Противник скинув 12 КАБ на Харківщину.\n"
    )
    assert weapons(record)[0] == ("Shahed-136", "attack_drone", 60, 45)
    assert ("KAB", "glide_bomb", 12, None) in weapons(record)


def test_a_number_right_after_a_cue_counts_the_weapons_just_named(read: Read) -> None:
    record = read(NIGHT + "Противник атакував 50 ударними БпЛА типу Shahed, з них збито 40, локаційно втрачено 6.\n")
    assert weapons(record) == [("Shahed-136", "attack_drone", 50, 40)]
    assert record["events"][0]["lost_from_radar"] == 6
