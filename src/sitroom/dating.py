"""The time stage: each event's date words resolved against the article's publication time.

An event whose sentences name no day took place when the article's first dated event did (the
lead's "overnight"), or else on the publication day: news reports what just happened. Without
a publication time, relative dates stay unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sitroom.dates import resolve_date
from sitroom.model import Article, DatePrecision, DateSpan, Extraction, Mention


def date_events(extraction: Extraction, article: Article) -> Extraction:
    published = article.published
    resolved = [  # a date the extractors resolved already (they do when the article has a time) is kept
        replace(m, date=resolve_date(m.date.text, published)) if m.date and m.date.start is None else m
        for m in extraction.mentions
    ]
    if published is None:
        return replace(extraction, mentions=tuple(resolved))
    lead = next((m.date for m in resolved if m.type.violent and m.date and m.date.start), None)
    default = lead or _day(published.date())
    return replace(extraction, mentions=tuple(_with_default(m, default) for m in resolved))


def _with_default(mention: Mention, default: DateSpan) -> Mention:
    if not mention.type.violent and mention.type.value != "outage":
        return mention
    if mention.date is not None and mention.date.start is not None:
        return mention
    return replace(mention, date=default)


def _day(day: dt.date) -> DateSpan:
    """The publication day, said by no words of the text (text "")."""
    return DateSpan(start=day, end=day, precision=DatePrecision.DAY, text="")
