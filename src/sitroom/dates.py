"""Dates in English news text: find the expressions, resolve them against the publication time.

`find_date_expressions` gives the character spans of "overnight", "on Tuesday night", "last week",
"Dec. 3, 2025", "the night of 3-4 December", "in 2023", ...; `resolve_date` turns one expression
into a `DateSpan` using the article's publication date; `sentence_date` chooses among a
sentence's expressions. The words (months, weekdays, lead-ins, relative phrases) are data in
dates_data/; what they mean is the rules below, which follow the evaluation's coding:
- a weekday, or a day without a year, is the latest one on or before publication (a day more than
  ~ten months back is taken as the coming one instead: a planned meeting);
- a night spans two days: "Tuesday night" and "the night of 3 December" start on the named day,
  "overnight", "last night" and "overnight into Tuesday" end on it (start is the day before);
- "last week" is the previous ISO week, "this week" its Monday up to publication, a month or a
  year is the whole of it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from sitroom.model import DatePrecision, DateSpan

Published = dt.date | dt.datetime | None
Resolved = tuple[dt.date, dt.date, DatePrecision]

DAY = dt.timedelta(days=1)
# A day with no year that would lie further back than this is read as the coming one.
PAST_WINDOW = dt.timedelta(days=300)

RELATIVE_RULES = frozenset(
    {
        "today", "night_ending_today", "yesterday", "day_before_yesterday", "past_day",
        "this_week", "last_week", "next_week", "past_week", "last_weekend",
        "this_month", "last_month", "next_month", "past_month",
        "this_year", "last_year", "next_year",
    }
)  # fmt: skip
DAY_MEANINGS = frozenset({"day", "night_starting", "night_ending"})
MONTH_MEANINGS = frozenset({"any", "last", "this", "next"})


@dataclass(frozen=True)
class DateGrammar:
    """The words of dates_data/ and the patterns compiled from them, in order of priority."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    not_dates: re.Pattern[str] | None
    same_length: Mapping[int, str]
    months: Mapping[str, int]
    ambiguous_months: frozenset[str]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int]
    relative: Mapping[str, str]
    day_lead_ins: Mapping[str, str]
    day_parts: Mapping[str, str]
    day_part_hours: Mapping[str, tuple[int, int]]
    weekday_modifiers: Mapping[str, str]
    month_lead_ins: Mapping[str, str]


def find_date_expressions(text: str, *, grammar: DateGrammar | None = None) -> list[tuple[int, int]]:
    """Character spans (start, end) of the date expressions in `text`, in order, non-overlapping.

    Where expressions overlap the leftmost wins, then the longest ("on Tuesday night" over
    "Tuesday"). A month name alone is a date only after a lead-in ("in May") or with a year or a
    day ("May 2024", "May 9"); a bare number is never one.
    """
    g = grammar or default_date_grammar()
    clean = text.translate(g.same_length)
    blocked = [m.span() for m in g.not_dates.finditer(clean)] if g.not_dates else []
    candidates: list[tuple[int, int, int]] = []
    for priority, (kind, pattern) in enumerate(g.patterns):
        for m in pattern.finditer(clean):
            start, end = m.span()
            if end > start and _plausible(kind, m, g) and not _overlaps(start, end, blocked):
                candidates.append((start, end, priority))
    candidates.sort(key=lambda c: (c[0], c[0] - c[1], c[2]))
    spans: list[tuple[int, int]] = []
    for start, end, _ in candidates:
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return spans


def resolve_date(expression: str, published: Published, *, grammar: DateGrammar | None = None) -> DateSpan:
    """Resolve one date expression against the publication date; see the module for the rules.

    With `published` None only dates that carry their year resolve. An expression that does not
    resolve gives DateSpan(None, None, None, expression); `text` is always `expression` as given.
    """
    g = grammar or default_date_grammar()
    pub = _as_date(published)
    clean = expression.translate(g.same_length).strip()
    matches = (
        (kind, m)
        for candidate in (clean, clean.rstrip(".,;:"))
        for kind, pattern in g.patterns
        if (m := pattern.fullmatch(candidate)) is not None
    )
    kind, m = next(matches, ("", None))
    resolved = None if m is None else _resolve_match(kind, m.groupdict(), pub, g)
    if resolved is None:
        return DateSpan(start=None, end=None, precision=None, text=expression)
    start, end, precision = resolved
    return DateSpan(start=start, end=end, precision=precision, text=expression)


def may_be_same_time(a: DateSpan, b: DateSpan, *, grammar: DateGrammar | None = None) -> bool:
    """Whether two resolved dates could name the same moment, so that what they date may be one
    attack. Only day dates are compared (a week or a month says too little); a night runs from
    the evening of its first day to the morning of its second, and "morning", "afternoon" or
    "evening" narrow a day, so "Sunday night" and "Monday evening" are two times while
    "overnight" and "on Tuesday" (the night ending on Tuesday) may be one."""
    windows = [_hours(span, grammar or default_date_grammar()) for span in (a, b)]
    first, second = windows
    if first is None or second is None:
        return True
    return first[0] < second[1] and second[0] < first[1]


def _hours(span: DateSpan, g: DateGrammar) -> tuple[dt.datetime, dt.datetime] | None:
    """The hours a day-precision date covers, or None for coarser or unresolved dates."""
    if span.precision is not DatePrecision.DAY or span.start is None or span.end is None:
        return None
    midnight = dt.datetime.combine(span.start, dt.time())
    if span.end > span.start:  # a night, or a range of days
        night = (span.end - span.start).days == 1
        start = midnight + dt.timedelta(hours=18 if night else 0)
        end = dt.datetime.combine(span.end, dt.time()) + dt.timedelta(hours=8 if night else 24)
        return start, end
    words = span.text.lower().split()
    begin, finish = next((g.day_part_hours[w] for w in words if w in g.day_part_hours), (0, 24))
    return midnight + dt.timedelta(hours=begin), midnight + dt.timedelta(hours=finish)


def sentence_date(
    expressions: Sequence[str], published: Published, *, grammar: DateGrammar | None = None
) -> DateSpan | None:
    """The date of a sentence from its date expressions, in text order; None without any.

    The first that resolves, or an earlier day that may be the same time as it: an attack comes
    before what it leaves behind, so "without power Thursday morning after an overnight attack"
    is dated by "overnight". If none resolves, the first expression unresolved.
    """
    g = grammar or default_date_grammar()
    return earliest_same_time([resolve_date(expression, published, grammar=g) for expression in expressions], grammar=g)


def earliest_same_time(spans: Sequence[DateSpan], *, grammar: DateGrammar | None = None) -> DateSpan | None:
    """The first of `spans` that resolves, or the earliest day that may be the same time as it
    (see `sentence_date`); a first date coarser than a day is kept. If none resolves, the first;
    None for no spans."""
    resolved = [span for span in spans if span.start is not None]
    if not resolved:
        return spans[0] if spans else None
    first = resolved[0]
    if first.precision is not DatePrecision.DAY:
        return first
    same = [s for s in resolved if s.precision is DatePrecision.DAY and may_be_same_time(s, first, grammar=grammar)]
    return min(same, key=lambda span: span.start or dt.date.max)


@cache
def default_date_grammar() -> DateGrammar:
    """The grammar built from the package's dates_data/, built once on first use."""
    return load_date_grammar()


def load_date_grammar() -> DateGrammar:
    """Read dates_data/ and compile the patterns; ValueError if a data file names unknown rules."""
    months = _read_json("months.json")
    mods = _read_json("modifiers.json")
    names: dict[str, int] = dict(months["names"])
    abbreviations: dict[str, int] = dict(months["abbreviations"])
    weekdays: dict[str, int] = dict(_read_json("weekdays.json"))
    numbers: dict[str, int] = dict(_read_json("numbers.json"))
    relative: dict[str, str] = {_squash(k): v for k, v in _read_json("relative.json").items()}
    day_lead_ins: dict[str, str] = {_squash(k): v for k, v in mods["day_lead_ins"].items()}
    day_parts: dict[str, str] = dict(mods["day_parts"])
    day_part_hours = {part: (int(a), int(b)) for part, (a, b) in mods["day_part_hours"].items()}
    month_lead_ins: dict[str, str] = {_squash(k): v for k, v in mods["month_lead_ins"].items()}
    weekday_modifiers: dict[str, str] = dict(mods["weekday_modifiers"])
    _check("relative.json", relative.values(), RELATIVE_RULES)
    _check("day_lead_ins", [*day_lead_ins.values(), *day_parts.values()], DAY_MEANINGS)
    _check("month_lead_ins", [*month_lead_ins.values(), *weekday_modifiers.values()], MONTH_MEANINGS)

    def month(name: str) -> str:
        return rf"(?P<{name}>(?:{_alt(names)})\b|(?:{_alt(abbreviations)})(?:\.|\b))"

    day_number = r"3[01]|[12][0-9]|0?[1-9]"

    def day(name: str) -> str:
        return rf"\b(?P<{name}>{day_number})(?:st|nd|rd|th)?\b(?![.,]\d)"

    def year(name: str) -> str:
        return rf"(?P<{name}>(?:19|20)[0-9]{{2}})\b(?!'s\b|-\d|[./]\d)"

    def date(s: str) -> str:
        dm = rf"(?:the\s+)?{day(f'd{s}a')}\s+(?:of\s+)?{month(f'm{s}a')}"
        md = rf"{month(f'm{s}b')}\s+(?:the\s+)?{day(f'd{s}b')}"
        return rf"(?:{dm}|{md})(?:,?\s+{year(f'y{s}')})?"

    def weekday(name: str) -> str:
        return rf"(?P<{name}>{_alt(weekdays)})\b"

    lead = rf"(?:(?P<lead>{_alt(day_lead_ins)})(?:(?<=-)|\s+))?"
    part = rf"(?:\s+(?P<part>{_alt(day_parts)})\b)?"
    # "between X and Y", "from X to Y", "X-Y"; a bare "X and Y" is two dates, not a range.
    opener = rf"(?:(?P<between>between\s+)|(?:{_alt(mods['range_openers'])})\s+)?"
    joiner = rf"(?(between)\s+and\s+|(?:\s*-\s*|\s+(?:{_alt(mods['range_joiners'])})\s+))"
    month_lead = rf"(?P<lead>{_alt(month_lead_ins)})(?:(?<=-)|\s+)"
    year_lead = rf"(?P<lead>{_alt(mods['year_lead_ins'])})(?:(?<=-)|\s+)"
    day_ahead = rf"(?:{day_number})(?:st|nd|rd|th)?\b(?![.,]\d)"
    sources = [
        ("iso", rf"\b{lead}(?P<y>(?:19|20)\d\d)-(?P<mo>0?[1-9]|1[0-2])-(?P<d>{day_number})\b"
         rf"(?!-\d){part}"),
        ("numeric", rf"\b{lead}(?P<d>{day_number})[./-](?P<mo>{day_number})[./-]"
         rf"(?P<y>(?:19|20)\d\d)\b(?![./-]\d){part}"),
        ("range", rf"\b{lead}{opener}{date('1')}{joiner}{date('2')}"),
        ("range_dm", rf"\b{lead}{opener}(?:the\s+)?{day('d1')}{joiner}(?:the\s+)?{day('d2')}"
         rf"\s+(?:of\s+)?{month('m')}(?:,?\s+{year('y')})?"),
        ("range_md", rf"\b{lead}{opener}{month('m')}\s+{day('d1')}{joiner}{day('d2')}"
         rf"(?:,?\s+{year('y')})?"),
        ("weekday_range", rf"\b{lead}{opener}{weekday('w1')}{joiner}{weekday('w2')}"),
        ("day", rf"\b{lead}(?:{weekday('w')},?\s+)?{date('1')}{part}"),
        ("weekday", rf"\b{lead}(?:(?P<rel>{_alt(weekday_modifiers)})\s+)?{weekday('w')}{part}"),
        ("month_year", rf"\b(?:{month_lead})?{month('m')},?\s+{year('y')}"),
        ("month", rf"\b{month_lead}{month('m')}(?!\.?,?\s+(?:the\s+)?{day_ahead})"),
        ("year", rf"\b{year_lead}{year('y')}"),
        ("ago", rf"\b(?P<n>\d{{1,3}}|{_alt(numbers)})\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
        ("relative", rf"\b(?P<phrase>{_alt(relative)})\b"),
    ]  # fmt: skip
    not_dates = [line.strip() for line in _read_text("not_dates.txt").splitlines()]
    not_dates = [line for line in not_dates if line and not line.startswith("#")]
    return DateGrammar(
        patterns=tuple((kind, re.compile(src, re.IGNORECASE)) for kind, src in sources),
        not_dates=re.compile(rf"\b(?:{_alt(not_dates)})\b", re.IGNORECASE) if not_dates else None,
        same_length=MappingProxyType(
            {ord(c): "'" for c in "\u2018\u2019\u02bc"}
            | {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"}
            | {ord(c): " " for c in "\u00a0\u2007\u2009\u202f"}
        ),
        months=MappingProxyType(names | abbreviations),
        ambiguous_months=frozenset(months["ambiguous"]),
        weekdays=MappingProxyType(weekdays),
        numbers=MappingProxyType(numbers),
        relative=MappingProxyType(relative),
        day_lead_ins=MappingProxyType(day_lead_ins),
        day_parts=MappingProxyType(day_parts),
        day_part_hours=MappingProxyType(day_part_hours),
        weekday_modifiers=MappingProxyType(weekday_modifiers),
        month_lead_ins=MappingProxyType(month_lead_ins),
    )


def _resolve_match(kind: str, v: dict[str, str | None], pub: dt.date | None, g: DateGrammar) -> Resolved | None:
    """The dates one pattern's match stands for, or None when they cannot be known."""
    if kind == "iso":
        return _time_of_day(_make_date(int(v["y"] or 0), int(v["mo"] or 0), int(v["d"] or 0)), v, g)
    if kind == "numeric":  # day first (as in Ukraine and Europe) unless only month first works
        day, month = int(v["d"] or 0), int(v["mo"] or 0)
        day, month = (month, day) if month > 12 >= day else (day, month)
        return _time_of_day(_make_date(int(v["y"] or 0), month, day), v, g)
    if kind == "day":
        return _time_of_day(_explicit_day(v, "1", pub, g), v, g)
    if kind == "range":
        return _full_range(v, pub, g)
    if kind in ("range_dm", "range_md"):
        return _shared_month_range(v, pub, g)
    if pub is None and kind not in ("month_year", "year"):
        return None
    if kind == "weekday_range" and pub is not None:
        end = _latest_weekday(g.weekdays[_squash(v["w2"])], pub, "any")
        gap = (end.weekday() - g.weekdays[_squash(v["w1"])]) % 7 or 7
        return end - gap * DAY, end, DatePrecision.DAY
    if kind == "weekday" and pub is not None:
        modifier = g.weekday_modifiers.get(_squash(v["rel"]), "any")
        return _time_of_day(_latest_weekday(g.weekdays[_squash(v["w"])], pub, modifier), v, g)
    if kind in ("month_year", "month"):
        return _month(v, pub, g)
    if kind == "year":
        return _year_span(int(v["y"] or 0))
    if kind == "ago" and pub is not None:
        n = g.numbers.get(_squash(v["n"])) or int(v["n"] or 0)
        return _ago(n, _squash(v["unit"]), pub)
    if kind == "relative" and pub is not None:
        return _relative(g.relative[_squash(v["phrase"])], pub)
    return None


def _relative(rule: str, pub: dt.date) -> Resolved:
    monday = pub - pub.weekday() * DAY
    first_of_month = pub.replace(day=1)
    if rule == "today":
        return pub, pub, DatePrecision.DAY
    if rule in ("night_ending_today", "past_day"):
        return pub - DAY, pub, DatePrecision.DAY
    if rule == "yesterday":
        return pub - DAY, pub - DAY, DatePrecision.DAY
    if rule == "day_before_yesterday":
        return pub - 2 * DAY, pub - 2 * DAY, DatePrecision.DAY
    if rule == "this_week":
        return monday, pub, DatePrecision.WEEK
    if rule == "last_week":
        return monday - 7 * DAY, monday - DAY, DatePrecision.WEEK
    if rule == "next_week":
        return monday + 7 * DAY, monday + 13 * DAY, DatePrecision.WEEK
    if rule == "past_week":
        return pub - 7 * DAY, pub, DatePrecision.WEEK
    if rule == "last_weekend":
        sunday = pub - ((pub.weekday() - 6) % 7 or 7) * DAY
        return sunday - DAY, sunday, DatePrecision.DAY
    if rule == "this_month":
        return first_of_month, pub, DatePrecision.MONTH
    if rule == "last_month":
        return _month_span(*_shift_month(pub.year, pub.month, -1))
    if rule == "next_month":
        return _month_span(*_shift_month(pub.year, pub.month, 1))
    if rule == "past_month":
        return pub - 30 * DAY, pub, DatePrecision.MONTH
    if rule == "this_year":
        return dt.date(pub.year, 1, 1), pub, DatePrecision.YEAR
    if rule == "next_year":
        return _year_span(pub.year + 1)
    return _year_span(pub.year - 1)  # last_year, the one rule left (load_date_grammar checks)


def _time_of_day(day: dt.date | None, v: dict[str, str | None], g: DateGrammar) -> Resolved | None:
    """One day, or the night that starts or ends on it, as the lead-in or part of day says."""
    if day is None:
        return None
    meaning = g.day_lead_ins.get(_squash(v.get("lead")), "day")
    if meaning == "day":
        meaning = g.day_parts.get(_squash(v.get("part")), "day")
    if meaning == "night_ending":
        return day - DAY, day, DatePrecision.DAY
    if meaning == "night_starting":
        return day, day + DAY, DatePrecision.DAY
    return day, day, DatePrecision.DAY


def _explicit_day(v: dict[str, str | None], s: str, pub: dt.date | None, g: DateGrammar) -> dt.date | None:
    month, day = _month_day(v, s, g)
    year = v.get(f"y{s}")
    if year:
        return _make_date(int(year), month, day)
    return None if pub is None else _infer_year(month, day, pub)


def _full_range(v: dict[str, str | None], pub: dt.date | None, g: DateGrammar) -> Resolved | None:
    """A range like 31 December to 1 January: each end may carry its year or take the other's."""
    first, last = _month_day(v, "1", g), _month_day(v, "2", g)
    wraps = 1 if first > last else 0
    if v.get("y2"):
        end = _make_date(int(v["y2"] or 0), *last)
    elif v.get("y1"):
        end = _make_date(int(v["y1"] or 0) + wraps, *last)
    else:
        end = None if pub is None else _infer_year(*last, pub)
    if end is None:
        return None
    start = _make_date(int(v["y1"] or 0) if v.get("y1") else end.year - wraps, *first)
    return None if start is None or start > end else (start, end, DatePrecision.DAY)


def _shared_month_range(v: dict[str, str | None], pub: dt.date | None, g: DateGrammar) -> Resolved | None:
    """A range like 3-4 December or Dec. 3 to 4, 2025: one month for both days."""
    month = g.months[_squash(v["m"]).rstrip(".")]
    first, last = int(v["d1"] or 0), int(v["d2"] or 0)
    if v.get("y"):
        end = _make_date(int(v["y"] or 0), month, last)
    else:
        end = None if pub is None else _infer_year(month, last, pub)
    start = None if end is None else _make_date(end.year, month, first)
    return None if end is None or start is None or start > end else (start, end, DatePrecision.DAY)


def _month(v: dict[str, str | None], pub: dt.date | None, g: DateGrammar) -> Resolved | None:
    month = g.months[_squash(v["m"]).rstrip(".")]
    if v.get("y"):
        return _month_span(int(v["y"] or 0), month)
    if pub is None:
        return None
    modifier = g.month_lead_ins.get(_squash(v.get("lead")), "any")
    if modifier == "this":
        year = pub.year
    elif modifier == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif modifier == "last":
        year = pub.year if month < pub.month else pub.year - 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return _month_span(year, month)


def _ago(n: int, unit: str, pub: dt.date) -> Resolved:
    if unit == "day":
        return pub - n * DAY, pub - n * DAY, DatePrecision.DAY
    if unit == "week":
        then = pub - 7 * n * DAY
        monday = then - then.weekday() * DAY
        return monday, monday + 6 * DAY, DatePrecision.WEEK
    if unit == "month":
        return _month_span(*_shift_month(pub.year, pub.month, -n))
    return _year_span(pub.year - n)


def _latest_weekday(weekday: int, pub: dt.date, modifier: str) -> dt.date:
    """The latest such weekday on or before `pub` ("last": before it; "next": after it)."""
    if modifier == "next":
        return pub + ((weekday - pub.weekday()) % 7 or 7) * DAY
    back = (pub.weekday() - weekday) % 7
    return pub - (back or (7 if modifier == "last" else 0)) * DAY


def _infer_year(month: int, day: int, pub: dt.date) -> dt.date | None:
    """The latest such day on or before `pub`; the coming one if that is over PAST_WINDOW back."""
    found = [d for y in range(pub.year - 4, pub.year + 2) if (d := _make_date(y, month, day))]
    past = [d for d in found if d <= pub]
    future = [d for d in found if d > pub]
    latest = past[-1] if past else None
    if future and (latest is None or (pub - latest > PAST_WINDOW and future[0] - pub < pub - latest)):
        return future[0]
    return latest


def _month_day(v: dict[str, str | None], s: str, g: DateGrammar) -> tuple[int, int]:
    token = v.get(f"m{s}a") or v.get(f"m{s}b")
    day = v.get(f"d{s}a") or v.get(f"d{s}b")
    return g.months[_squash(token).rstrip(".")], int(day or 0)


def _plausible(kind: str, m: re.Match[str], g: DateGrammar) -> bool:
    """False for "may 3", "this may": a lowercase month word that may be a verb, no sure date."""
    v = m.groupdict()
    if kind == "month":
        token, lead = v["m"] or "", _squash(v["lead"]).split()
        verb_like = token.islower() and token.rstrip(".") in g.ambiguous_months
        return not verb_like or lead[-1] in ("in", "during", "throughout", "of", "mid-")
    if kind not in ("day", "range", "range_md"):
        return True
    if any(value for name, value in v.items() if name.startswith("y")):
        return True
    tokens = [v.get("m")] if kind == "range_md" else [v.get("m1b"), v.get("m2b")]
    return not any(t and t.islower() and t.rstrip(".") in g.ambiguous_months for t in tokens)


def _month_span(year: int, month: int) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last), DatePrecision.MONTH


def _year_span(year: int) -> Resolved:
    return dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _as_date(published: Published) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    return published


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _squash(words: str | None) -> str:
    """Lowercase with single spaces: the form the data files' keys are looked up in."""
    return " ".join((words or "").lower().split())


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of the phrases, longest first, any run of spaces between words."""
    ordered = sorted({_squash(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split(" ")) for w in ordered)


def _check(source: str, values: Iterable[str], known: frozenset[str]) -> None:
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"dates_data/{source} names unknown rules {unknown}; use one of {sorted(known)}")


def _read_json(name: str) -> Any:
    return json.loads(_read_text(name))


def _read_text(name: str) -> str:
    return files("sitroom").joinpath("dates_data").joinpath(name).read_text(encoding="utf-8")
