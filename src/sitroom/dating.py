"""The time stage: each event's date words resolved against the article's publication time.

An attack whose sentences name no day took place when the article's first dated attack did (the
lead's "overnight"), or else on the publication day: news reports what just happened. An outage
that names no day is the state of things on the publication day, after the night's attack.
Without a publication time, relative dates stay unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sitroom.dates import resolve_date
from sitroom.model import Article, DatePrecision, DateSpan, EventType, Extraction, Mention


def date_events(extraction: Extraction, article: Article) -> Extraction:
    published = article.published
    resolved = [  # a date the extractors resolved already (they do when the article has a time) is kept
        replace(m, date=resolve_date(m.date.text, published)) if m.date and m.date.start is None else m
        for m in extraction.mentions
    ]
    if published is None:
        return replace(extraction, mentions=tuple(resolved))
    today = _day(published.date())
    lead = next((m.date for m in resolved if m.type.violent and m.date and m.date.start), None)
    return replace(extraction, mentions=tuple(_with_default(m, lead or today, today) for m in resolved))


def _with_default(mention: Mention, lead: DateSpan, today: DateSpan) -> Mention:
    if mention.date is not None and mention.date.start is not None:
        return mention
    if mention.type.violent:
        return replace(mention, date=lead)
    if mention.type is EventType.OUTAGE:
        return replace(mention, date=today)
    return mention


def _day(day: dt.date) -> DateSpan:
    """The publication day, said by no words of the text (text "")."""
    return DateSpan(start=day, end=day, precision=DatePrecision.DAY, text="")
