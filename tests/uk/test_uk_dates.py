"""The attack window and other Ukrainian dates."""

from __future__ import annotations

import datetime as dt

from sitroom.extract.uk.dates import attack_window

D = dt.date


def test_night_with_its_start_time() -> None:
    w = attack_window("У ніч на 26 червня (з 18:00 25 червня) противник атакував", D(2026, 6, 26))
    assert w is not None
    assert (w.start, w.end, w.start_time) == (D(2026, 6, 25), D(2026, 6, 26), dt.time(18, 0))
    assert w.text == "У ніч на 26 червня (з 18:00 25 червня)"
    span = w.date_span()
    assert (span.start, span.end, span.precision) == (D(2026, 6, 25), D(2026, 6, 26), "day")


def test_night_without_start_time_begins_the_day_before() -> None:
    w = attack_window("у ніч на 02 липня противник", D(2026, 7, 2))
    assert w is not None and (w.start, w.end, w.start_time) == (D(2026, 7, 1), D(2026, 7, 2), None)


def test_night_across_the_new_year() -> None:
    w = attack_window("У ніч на 1 січня (з 18:00 31 грудня)", D(2027, 1, 1))
    assert w is not None and (w.start, w.end) == (D(2026, 12, 31), D(2027, 1, 1))


def test_day_with_and_without_year() -> None:
    w = attack_window("щодо удару 24 липня 2026 року", D(2026, 7, 24))
    assert w is not None and (w.start, w.end) == (D(2026, 7, 24), D(2026, 7, 24))
    later = attack_window("удар 30 грудня", D(2027, 1, 2))  # a day without a year: the latest one
    assert later is not None and later.start == D(2026, 12, 30)


def test_relative_days() -> None:
    pub = D(2026, 7, 10)
    night = attack_window("Цієї ночі ворог атакував", pub)
    yesterday = attack_window("Вчора ворог обстріляв Херсон", pub)
    assert night is not None and (night.start, night.end) == (D(2026, 7, 9), D(2026, 7, 10))
    assert yesterday is not None and (yesterday.start, yesterday.end) == (D(2026, 7, 9), D(2026, 7, 9))


def test_times_are_not_days() -> None:
    w = attack_window("станом на 08:30 збито 95 БпЛА", D(2026, 7, 10))
    assert w is None


def test_a_night_from_one_day_to_the_next() -> None:
    w = attack_window("В ніч з 4 на 5 серпня противник", D(2026, 8, 5))
    across = attack_window("у ніч з 31 липня на 1 серпня", D(2026, 8, 1))
    assert w is not None and (w.start, w.end) == (D(2026, 8, 4), D(2026, 8, 5))
    assert across is not None and (across.start, across.end) == (D(2026, 7, 31), D(2026, 8, 1))


def test_two_nights_begin_the_day_before_the_first() -> None:
    for text in ("У ніч на 5 та 6 серпня противник", "у ночі на 5 і 6 серпня", "У ніч на 5–6 серпня"):
        w = attack_window(text, D(2026, 8, 6))
        assert w is not None and (w.start, w.end) == (D(2026, 8, 4), D(2026, 8, 6)), text
    timed = attack_window("У ніч на 5-6 серпня (з 19:00 4 серпня)", D(2026, 8, 6))
    assert timed is not None and (timed.start, timed.start_time) == (D(2026, 8, 4), dt.time(19, 0))
