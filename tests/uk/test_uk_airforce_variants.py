"""Air Force statements as the channel words them in other periods than the development slice:
missiles by class and model (with slashes, Ukrainian and Russian names), numbers in words and in
spaced digits, other verbs of interception and loss, totals said first, hits, daytime attacks,
windows over two nights, decoys with and without their own count, and no interceptions at all.
Each statement is written for the test; the expected rows are coded as the dev gold codes them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from uk_reading import Read, weapons

AUGUST = dt.datetime(2026, 8, 25, 9, 0)


def national(record: dict[str, Any]) -> dict[str, Any]:
    event: dict[str, Any] = record["events"][0]
    assert event["location"]["precision"] == "country"
    return event


def totals(record: dict[str, Any]) -> tuple[int, int]:
    rows = national(record)["weapons"]
    return sum(w["launched"] or 0 for w in rows), sum(w["intercepted"] or 0 for w in rows)


def test_missiles_by_class_and_model_with_slashes(read: Read) -> None:
    record = read(
        "⚡️ ЗБИТО/ПОДАВЛЕНО 98 ЦІЛЕЙ\n"
        "У ніч на 5 серпня (з 18:00 4 серпня) противник завдав комбінованого удару: 12 крилатими ракетами "
        "Х-101/Х-555 з району Енгельса, 3 крилатими ракетами Х-22 з Курської обл., 2 аеробалістичними ракетами "
        "Х-47М2 «Кинджал», 6 крилатими ракетами «Калібр» з акваторії Чорного моря, 4 балістичними ракетами "
        "Іскандер-М/KN-23, 2 крилатими ракетами Іскандер-К, 5 керованими зенітними ракетами С-300/С-400, "
        "2 протирадіолокаційними ракетами Х-31П, 3 керованими авіаційними ракетами Х-59/69 та 90 ударними БпЛА "
        "типу Shahed.\n"
        "За попередніми даними, збито/подавлено 98 цілей: 10 крилатих ракет Х-101/Х-555, 2 ракети Х-47М2 "
        "«Кинджал», 5 крилатих ракет «Калібр», 2 балістичні ракети Іскандер-М/KN-23, 1 крилату ракету "
        "Іскандер-К, 3 ракети Х-59/69 та 75 ворожих БпЛА.\n",
        published=AUGUST,
    )
    assert weapons(record) == [
        ("Kh-101/Kh-555", "cruise_missile", 12, 10),
        ("Kh-22", "cruise_missile", 3, None),
        ("Kh-47M2 Kinzhal", "ballistic_missile", 2, 2),
        ("Kalibr", "cruise_missile", 6, 5),
        ("Iskander-M/KN-23", "ballistic_missile", 4, 2),
        ("Iskander-K", "cruise_missile", 2, 1),
        ("S-300/S-400", "guided_missile", 5, None),
        ("Kh-31P", "guided_missile", 2, None),
        ("Kh-59/69", "guided_missile", 3, 3),
        ("Shahed-136", "attack_drone", 90, 75),
    ]
    assert totals(record) == (129, 98)
    assert national(record)["date"]["start"] == "2026-08-04"


def test_numbers_in_words_in_every_case(read: Read) -> None:
    record = read(
        "У ніч на 12 серпня (з 18:00 11 серпня) противник атакував однією ракетою Х-22, двома аеробалістичними "
        "ракетами Кинджал, п’ятьма крилатими ракетами Калібр та ста двадцятьма ударними БпЛА типу Shahed, "
        "Гербера.\n"
        "Збито/подавлено чотири крилаті ракети Калібр та сто вісім ворожих БпЛА.\n"
        "Зафіксовано влучання двох ракет та дванадцяти ударних БпЛА на семи локаціях, падіння уламків – на "
        "п’яти локаціях.\n",
        published=AUGUST,
    )
    assert weapons(record) == [
        ("Kh-22", "cruise_missile", 1, None),
        ("Kh-47M2 Kinzhal", "ballistic_missile", 2, None),
        ("Kalibr", "cruise_missile", 5, 4),
        ("Shahed-136", "attack_drone", 120, 108),
    ]
    event = national(record)
    assert (event["hits"], event["debris_locations"]) == (7, 5)  # "семи", "п’яти": not сема, п'ята
    assert event["date"]["start"] == "2026-08-11"


def test_forty_in_its_oblique_case_and_debris_said_after_its_verb(read: Read) -> None:
    record = read(
        "У ніч на 12 серпня противник атакував сорока ударними БпЛА типу Shahed та трьома керованими "
        "авіаційними ракетами Х-59/69.\n"
        "Збито тридцять вісім БпЛА та дві ракети. Падіння уламків зафіксовано на дев’яноста локаціях.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 40, 38), ("Kh-59/69", "guided_missile", 3, 2)]
    assert national(record)["debris_locations"] == 90
    assert national(record)["date"]["start"] == "2026-08-11"


def test_thousands_written_with_a_space(read: Read) -> None:
    record = read(
        "ЗБИТО/ПОДАВЛЕНО 1 102 ЦІЛІ\n"
        "У ніч на 20 серпня (з 18:00 19 серпня) противник атакував 1 150 ударними БпЛА типу Shahed, Гербера, "
        "Італмас та дронами-імітаторами.\n"
        "За попередніми даними, станом на 09:00, протиповітряною обороною збито/подавлено 1 102 ворожі БпЛА.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 1150, 1102)]
    assert national(record)["date"]["start"] == "2026-08-19"


def test_neutralised_and_lost_from_radar_with_a_later_start_hour(read: Read) -> None:
    record = read(
        "У ніч на 3 серпня (з 19:00 2 серпня) ворог атакував 75 ударними БпЛА типу Shahed та дронами-імітаторами "
        "різних типів.\n"
        "Знешкоджено 48 ворожих БпЛА. Ще 24 БпЛА локаційно втрачено (ймовірно, внаслідок активної протидії РЕБ).\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 75, 48)]  # decoys with no count: in the mix
    assert national(record)["lost_from_radar"] == 24
    assert national(record)["date"]["start"] == "2026-08-02"


def test_shot_down_and_suppressed_counts_add_up(read: Read) -> None:
    record = read(
        "У ніч на 3 серпня противник атакував 90 ударними БпЛА типу Shahed.\n"
        "Збито 50 ударних БпЛА, подавлено засобами РЕБ ще 25 БпЛА.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 90, 75)]


def test_lost_from_radar_in_the_other_word_order(read: Read) -> None:
    record = read(
        "У ніч на 17 серпня противник атакував 66 ударними БпЛА типу Shahed та дронами-імітаторами.\n"
        "Знешкоджено 41 ворожий БпЛА, 18 – втрачено локаційно.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 66, 41)]
    assert national(record)["lost_from_radar"] == 18


def test_lost_from_radar_in_words(read: Read) -> None:
    record = read(
        "У ніч на 17 серпня противник атакував шістдесятьма ударними БпЛА типу Shahed.\n"
        "Збито тридцять п’ять ворожих БпЛА, ще двадцять – локаційно втрачені.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 60, 35)]
    assert national(record)["lost_from_radar"] == 20


def test_of_them_with_the_count_before_its_verb(read: Read) -> None:
    record = read(
        "У ніч на 7 серпня (з 18:00 6 серпня) противник атакував 80 ударними БпЛА типу Shahed, з них 62 збито, "
        "12 локаційно втрачено.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 80, 62)]
    assert national(record)["lost_from_radar"] == 12


def test_totals_said_first_then_the_parts(read: Read) -> None:
    record = read(
        "У ніч на 8 серпня (з 18:00 7 серпня) противник атакував Україну. Загалом зафіксовано 95 засобів "
        "повітряного нападу: 5 крилатих ракет Х-101 та 90 ударних БпЛА типу Shahed, Гербера.\n"
        "Збито/подавлено 80 засобів повітряного нападу: 4 крилаті ракети Х-101 та 76 ворожих БпЛА.\n"
        "Зафіксовано влучання 1 ракети та 14 ударних БпЛА на 9 локаціях, падіння уламків на 4 локаціях.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Kh-101", "cruise_missile", 5, 4), ("Shahed-136", "attack_drone", 90, 76)]
    assert totals(record) == (95, 80)
    assert (national(record)["hits"], national(record)["debris_locations"]) == (9, 4)


def test_totals_with_of_which_and_of_them(read: Read) -> None:
    record = read(
        "У ніч на 18 серпня (з 18:00 17 серпня) противник застосував 130 засобів повітряного нападу, з яких 120 "
        "ударних БпЛА типу Shahed, Гербера та 10 крилатих ракет Калібр.\n"
        "Із них збито/подавлено 115 цілей: 9 крилатих ракет Калібр та 106 ворожих БпЛА.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 120, 106), ("Kalibr", "cruise_missile", 10, 9)]
    assert totals(record) == (130, 115)


def test_an_overall_intercepted_count_said_before_its_parts(read: Read) -> None:
    record = read(
        "У ніч на 19 серпня противник атакував 6 крилатими ракетами Калібр та 130 ударними БпЛА.\n"
        "Загалом збито/подавлено 120 засобів повітряного нападу, з них 6 ракет Калібр та 114 БпЛА.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Kalibr", "cruise_missile", 6, 6), (None, "attack_drone", 130, 114)]
    assert totals(record) == (136, 120)


def test_a_bare_summary_count_before_the_parts(read: Read) -> None:
    record = read(
        "У ніч на 8 серпня противник атакував 70 ударними БпЛА типу Shahed та 5 керованими авіаційними ракетами "
        "Х-59/69.\nЗбито 60: 57 ударних БпЛА та 3 ракети Х-59/69.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 70, 57), ("Kh-59/69", "guided_missile", 5, 3)]


def test_hits_with_no_weapons_named_and_debris_in_brackets(read: Read) -> None:
    record = read(
        "У ніч на 19 серпня противник атакував 70 ударними БпЛА. Збито/подавлено 58 БпЛА.\n"
        "Зафіксовано влучання на 8 локаціях, падіння уламків (збитих) – на 3 локаціях.\n",
        published=AUGUST,
    )
    assert weapons(record) == [(None, "attack_drone", 70, 58)]
    assert (national(record)["hits"], national(record)["debris_locations"]) == (8, 3)


def test_locations_after_u_and_v(read: Read) -> None:
    record = read(
        "У ніч на 16 серпня противник атакував 55 ударними БпЛА. Збито 40 ворожих БпЛА. "
        "Зафіксовано влучання 12 ударних БпЛА у 6 локаціях, падіння уламків – в 3 локаціях.\n",
        published=AUGUST,
    )
    assert (national(record)["hits"], national(record)["debris_locations"]) == (6, 3)
    assert weapons(record) == [(None, "attack_drone", 55, 40)]


def test_a_daytime_attack_on_a_named_day(read: Read) -> None:
    record = read(
        "Протягом дня 5 серпня (з 08:00 до 18:00) противник атакував 46 ударними БпЛА типу Shahed, Гербера та "
        "дронами-імітаторами.\n"
        "Збито/подавлено 39 ворожих БпЛА. Зафіксовано влучання 6 ударних БпЛА на 4 локаціях.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 46, 39)]
    assert national(record)["date"]["start"] == "2026-08-05"
    assert national(record)["hits"] == 4


def test_a_daytime_attack_with_a_bare_intercepted_count(read: Read) -> None:
    record = read(
        "Вдень 5 серпня, з 10:00 до 16:00, противник атакував Дніпропетровщину 25 ударними БпЛА типу Shahed. "
        "Збито 19.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 25, 19)]
    assert all(e["date"]["start"] == "2026-08-05" for e in record["events"])


def test_a_daytime_attack_with_no_date_is_the_publication_day(read: Read) -> None:
    record = read(
        "Протягом дня противник атакував Сумщину та Харківщину 28 ударними БпЛА типу Shahed. Збито 21 ворожий БпЛА.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 28, 21)]
    assert national(record)["date"]["start"] == "2026-08-25"


def test_a_window_over_two_nights(read: Read) -> None:
    record = read(
        "У ніч на 5 та 6 серпня противник атакував 210 ударними БпЛА типу Shahed та 6 балістичними ракетами "
        "Іскандер-М.\nЗбито/подавлено 180 ворожих БпЛА та 2 балістичні ракети.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 210, 180), ("Iskander-M", "ballistic_missile", 6, 2)]
    assert (national(record)["date"]["start"], national(record)["date"]["end"]) == ("2026-08-04", "2026-08-06")


def test_a_window_from_one_evening_to_the_morning_after_next(read: Read) -> None:
    record = read(
        "З 18:00 4 серпня до 08:30 6 серпня ворог атакував 310 ударними БпЛА та 12 ракетами Х-59/69. Збито 280 "
        "БпЛА та 10 ракет.\n",
        published=AUGUST,
    )
    assert weapons(record) == [(None, "attack_drone", 310, 280), ("Kh-59/69", "guided_missile", 12, 10)]
    assert national(record)["date"]["start"] == "2026-08-04"


def test_a_night_from_one_day_to_the_next(read: Read) -> None:
    record = read(
        "В ніч з 20 на 21 серпня противник атакував 77 ударними БпЛА типу Shahed. Збито 70.\n", published=AUGUST
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 77, 70)]
    assert (national(record)["date"]["start"], national(record)["date"]["end"]) == ("2026-08-20", "2026-08-21")


def test_decoys_with_their_own_count_and_no_model(read: Read) -> None:
    record = read(
        "У ніч на 9 серпня (з 18:00 8 серпня) противник атакував 70 ударними БпЛА типу Shahed та 40 "
        "дронами-імітаторами різних типів.\n"
        "Збито 60 ударних БпЛА типу Shahed, 35 дронів-імітаторів локаційно втрачено.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 70, 60), (None, "drone", 40, None)]
    assert national(record)["lost_from_radar"] == 35


def test_decoys_with_their_own_count_shot_down(read: Read) -> None:
    record = read(
        "У ніч на 20 серпня противник атакував 60 ударними БпЛА типу Shahed та 30 дронами-імітаторами.\n"
        "Знешкоджено 50 ударних БпЛА та 20 дронів-імітаторів, ще 8 імітаторів локаційно втрачено.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 60, 50), (None, "drone", 30, 20)]
    assert national(record)["lost_from_radar"] == 8


def test_decoys_without_a_count_stay_in_the_mix(read: Read) -> None:
    record = read(
        "У ніч на 9 серпня противник атакував 110 ударними БпЛА типу Shahed, Гербера та дронами-імітаторами.\n"
        "Збито/подавлено 88 ворожих БпЛА, ще 15 – локаційно втрачені.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 110, 88)]
    assert national(record)["lost_from_radar"] == 15


def test_only_launched_while_results_are_clarified(read: Read) -> None:
    record = read(
        "У ніч на 11 серпня противник атакував 45 ударними БпЛА типу Shahed та двома ракетами Х-59/69.\n"
        "Інформація щодо результатів бойової роботи уточнюється.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Shahed-136", "attack_drone", 45, None), ("Kh-59/69", "guided_missile", 2, None)]
    assert totals(record) == (47, 0)


def test_every_missile_hit(read: Read) -> None:
    record = read(
        "Вдень 5 серпня противник атакував Харківщину трьома балістичними ракетами Іскандер-М з Бєлгородської "
        "обл.\nЗафіксовано влучання всіх ракет на 3 локаціях. Збиття не підтверджено.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Iskander-M", "ballistic_missile", 3, None)]
    assert national(record)["hits"] == 3
    assert national(record)["date"]["start"] == "2026-08-05"


def test_both_missiles_hit(read: Read) -> None:
    record = read(
        "Вдень 18 серпня ворог завдав удару по Одесі двома балістичними ракетами Іскандер-М. Обидві ракети "
        "влучили в портову інфраструктуру.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Iskander-M", "ballistic_missile", 2, None)]
    same_sentence = read(
        "Вдень 18 серпня ворог атакував Одесу двома ракетами Х-59/69, обидві ракети влучили в порт.\n",
        published=AUGUST,
    )
    assert weapons(same_sentence) == [("Kh-59/69", "guided_missile", 2, None)]


def test_both_shot_down_with_the_name_in_another_case(read: Read) -> None:
    record = read(
        "У ніч на 18 серпня противник атакував Київ двома ракетами Х-47М2 «Кинджал». Обидва Кинджали збито.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Kh-47M2 Kinzhal", "ballistic_missile", 2, 2)]


def test_where_a_missile_is_launched_from_stands_between_noun_and_model(read: Read) -> None:
    record = read(
        "У ніч на 13 серпня противник атакував 8 крилатими ракетами морського базування «Калібр» та 20 "
        "крилатими ракетами повітряного базування Х-101.\nЗбито 7 ракет «Калібр» та 18 ракет Х-101.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Kalibr", "cruise_missile", 8, 7), ("Kh-101", "cruise_missile", 20, 18)]


def test_russian_spellings_of_the_models(read: Read) -> None:
    record = read(
        "У ніч на 14 серпня противник атакував 2 ракетами Кинжал, 4 ракетами Калибр, 3 ракетами Искандер-М та "
        "30 ударними БпЛА Шахід.\nЗбито 2 ракети Кинжал, 4 ракети Калибр та 25 Шахідів.\n",
        published=AUGUST,
    )
    assert weapons(record) == [
        ("Kh-47M2 Kinzhal", "ballistic_missile", 2, 2),
        ("Kalibr", "cruise_missile", 4, 4),
        ("Iskander-M", "ballistic_missile", 3, None),
        ("Shahed-136", "attack_drone", 30, 25),
    ]


def test_the_class_the_text_says_wins_over_the_models_usual_one(read: Read) -> None:
    ballistic = read(
        "У ніч на 15 серпня противник атакував Харків чотирма балістичними ракетами С-300.\n"
        "Ракети досягли цілей, влучання на 2 локаціях.\n",
        published=AUGUST,
    )
    guided = read(
        "У ніч на 23 серпня противник атакував Харківщину 6 керованими зенітними ракетами С-300 та 20 ударними "
        "БпЛА. Збито 15 БпЛА.\n",
        published=AUGUST,
    )
    assert weapons(ballistic) == [("S-300", "ballistic_missile", 4, None)]
    assert national(ballistic)["hits"] == 2
    assert weapons(guided) == [("S-300", "guided_missile", 6, None), (None, "attack_drone", 20, 15)]


def test_the_headline_with_another_verb_and_a_half_slashed_model(read: Read) -> None:
    record = read(
        "ЗНЕШКОДЖЕНО 2 КРИЛАТІ РАКЕТИ Х-101 ТА 47 ВОРОЖИХ БПЛА\n"
        "У ніч на 17 серпня (з 18:00 16 серпня) противник атакував двома крилатими ракетами Х-101/555 з району "
        "Каспійського моря та 55 ударними БпЛА типу Shahed.\n"
        "Зафіксовано влучання на 5 локаціях.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("Kh-101/Kh-555", "cruise_missile", 2, 2), ("Shahed-136", "attack_drone", 55, 47)]
    assert national(record)["hits"] == 5


def test_a_list_with_round_bullets(read: Read) -> None:
    record = read(
        "У ніч на 22 серпня противник завдав комбінованого удару.\nЗагалом зафіксовано 150 засобів повітряного "
        "нападу:\n• 8 крилатих ракет Х-101;\n• 2 ракети Х-47М2 Кинджал;\n• 140 ударних БпЛА типу Shahed.\n"
        "Збито/подавлено 135 цілей:\n• 7 крилатих ракет Х-101;\n• 128 ворожих БпЛА.\n",
        published=AUGUST,
    )
    assert weapons(record) == [
        ("Kh-101", "cruise_missile", 8, 7),
        ("Kh-47M2 Kinzhal", "ballistic_missile", 2, None),
        ("Shahed-136", "attack_drone", 140, 128),
    ]
    assert totals(record) == (150, 135)


def test_a_combined_model_and_its_other_designation(read: Read) -> None:
    record = read(
        "У ніч на 24 серпня противник атакував 3 ракетами 3М22 «Циркон» з Криму та 10 ракетами 3М14 «Калібр». "
        "Знешкоджено 8 ракет «Калібр».\n",
        published=AUGUST,
    )
    assert weapons(record) == [("3M22 Zircon", "cruise_missile", 3, None), ("Kalibr", "cruise_missile", 10, 8)]


def test_two_missiles_of_one_model_shot_down_and_two_hit(read: Read) -> None:
    record = read(
        "У ніч на 23 серпня противник атакував чотирма балістичними ракетами KN-23 з Курської обл. Збито дві "
        "ракети KN-23, ще дві влучили на 2 локаціях.\n",
        published=AUGUST,
    )
    assert weapons(record) == [("KN-23", "ballistic_missile", 4, 2)]
    assert national(record)["hits"] == 2
