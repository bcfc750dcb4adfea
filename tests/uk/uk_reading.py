"""Helpers of the Ukrainian tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Read = Callable[..., dict[str, Any]]


def weapons(record: dict[str, Any]) -> list[tuple[str | None, str, int | None, int | None]]:
    """(model, class, launched, intercepted) of every weapon of a record."""
    return [(w["model"], w["class"], w["launched"], w["intercepted"]) for e in record["events"] for w in e["weapons"]]
