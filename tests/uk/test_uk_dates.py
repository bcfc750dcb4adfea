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
