"""How stored mentions become events. For now the trivial merge: one event per mention.

This is the seam where cross-article merging (many reports of one strike become one event with
many sources) plugs in later: a replacement takes the same `StoredMention` values and returns
`MergedEvent` values, and `Store` writes whatever it returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitroom.model import Event, Mention, Source
from sitroom.store.ids import event_id


@dataclass(frozen=True)
class StoredMention:
    """A mention as stored: its id, the article it came from and its index there."""

    id: str
    article_id: str
    index: int
    mention: Mention


@dataclass(frozen=True)
class MergedEvent:
    """An event to store, with the id of the mention behind each of its sources (same order)."""

    event: Event
    mention_ids: tuple[str, ...]


def one_event_per_mention(mentions: Iterable[StoredMention]) -> list[MergedEvent]:
    """The trivial merge: every mention is its own event with one source, sorted by event id."""
    merged = [
        MergedEvent(
            event=Event(
                id=event_id(stored.article_id, stored.index, stored.mention),
                facts=stored.mention,
                sources=(Source(article_id=stored.article_id, evidence=stored.mention.evidence),),
            ),
            mention_ids=(stored.id,),
        )
        for stored in mentions
    ]
    return sorted(merged, key=lambda m: m.event.id)
