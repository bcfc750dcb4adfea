"""Dates in Ukrainian reports: the attack window of a night and plain days, against publication.

    "У ніч на 26 червня (з 18:00 25 червня)"  -> 25 June 18:00 .. the morning of 26 June
    "у ніч на 26 червня"                        -> 25 June .. 26 June
    "у ніч з 25 на 26 червня"                   -> 25 June .. 26 June
    "у ніч на 25 та 26 червня" (two nights)     -> 24 June .. 26 June
    "24 липня 2026 року", "24 липня"            -> that day (a day without a year is the latest
                                                   one not after publication)
    "вчора", "сьогодні", "цієї ночі"            -> relative to the publication day

Month names and relative words are data (lexicons/months.tsv, relative_dates.tsv). An event's
`date.start` is the window's start date and `date.end` its end date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitroom.datafiles import cells, content_lines, package_text
from sitroom.model import DatePrecision, DateSpan

DAY = dt.timedelta(days=1)
# A day with no year that would lie this far after publication is taken from the year before.
FUTURE_SLACK = dt.timedelta(days=2)


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]
    relative: dict[str, str]


@dataclass(frozen=True)
class Window:
    """An attack window: when it started (and at what time, when stated) and the day it ended."""

    start: dt.date | None
    end: dt.date | None
    start_time: dt.time | None
    text: str
    span: tuple[int, int]

    def date_span(self) -> DateSpan:
        return DateSpan(self.start, self.end, DatePrecision.DAY if self.start else None, self.text)


def load_date_words() -> DateWords:
    def rows(name: str) -> list[tuple[str, ...]]:
        return cells(content_lines(package_text("sitroom.extract.uk", "lexicons", name)), 2)

    return DateWords(
        months={form.lower(): int(n) for form, n in rows("months.tsv")},
        relative={phrase.lower(): meaning for phrase, meaning in rows("relative_dates.tsv")},
    )


def _patterns(words: DateWords) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    month = "|".join(sorted(words.months, key=len, reverse=True))
    day = rf"(?P<day>\d{{1,2}})\s+(?P<month>{month})(?:\s+(?P<year>\d{{4}})(?:\s+р(?:оку|\.))?)?"
    since = (
        rf"\s*\(\s*з\s+(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})\s+(?P<sday>\d{{1,2}})\s+(?P<smonth>{month})"
        rf"(?:\s+(?P<syear>\d{{4}}))?[^)]*\)"
    )
    # "з 4 на 5 серпня", "з 31 липня на 1 серпня": the night from one day to the next;
    # "на 5 та 6 серпня", "на 5-6 серпня": two nights, the first ending on the first day
    night = re.compile(
        rf"\b(?:[уУвВ]\s+)?(?:ніч|ночі)\s+(?:з\s+(?P<from>\d{{1,2}})(?:\s+(?P<fmonth>{month}))?\s+)?"
        rf"на\s+(?:(?P<first>\d{{1,2}})\s*(?:та|і|й|[-\u2013\u2014])\s*)?{day}(?:{since})?",
        re.IGNORECASE,
    )
    plain = re.compile(rf"(?<!\d)(?<![:.]){day}\b", re.IGNORECASE)
    relative = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(words.relative, key=len, reverse=True)) + r")(?!\w)",
        re.IGNORECASE,
    )
    return night, plain, relative


def attack_window(text: str, published: dt.date | None, words: DateWords | None = None) -> Window | None:
    """The first date a text gives, as a window: a night ("у ніч на ..."), a day, or a relative day."""
    words = words or load_date_words()
    night, plain, relative = _patterns(words)
    found: list[Window] = []
    if (m := night.search(text)) is not None:
        end = _day(m.group("day"), m.group("month"), m.group("year"), published, words)
        time = None
        if m.group("sday"):
            start = _day(m.group("sday"), m.group("smonth"), m.group("syear"), end or published, words)
            time = dt.time(int(m.group("hh")) % 24, int(m.group("mm")) % 60)
        elif m.group("from"):
            start = _day(
                m.group("from"), m.group("fmonth") or m.group("month"), m.group("year"), end or published, words
            )
        elif m.group("first"):
            first = _day(m.group("first"), m.group("month"), m.group("year"), end or published, words)
            start = first - DAY if first else None
        else:
            start = end - DAY if end else None
        found.append(Window(start, end, time, m.group(), m.span()))
    if (m := plain.search(text)) is not None:
        day = _day(m.group("day"), m.group("month"), m.group("year"), published, words)
        found.append(Window(day, day, None, m.group(), m.span()))
    if (m := relative.search(text)) is not None and published is not None:
        meaning = words.relative[m.group().lower()]
        end = published - DAY if meaning == "yesterday" else published
        start = end - DAY if meaning == "night_ending_today" else end
        found.append(Window(start, end, None, m.group(), m.span()))
    return min(found, key=lambda w: (w.span[0], -w.span[1]), default=None)


def _day(day: str, month: str, year: str | None, published: dt.date | None, words: DateWords) -> dt.date | None:
    number = words.months[month.lower()]
    try:
        if year:
            return dt.date(int(year), number, int(day))
        if published is None:
            return None
        candidate = dt.date(published.year, number, int(day))
        if candidate > published + FUTURE_SLACK:
            candidate = dt.date(published.year - 1, number, int(day))
        return candidate
    except ValueError:
        return None
