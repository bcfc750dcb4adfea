"""What the application holds while it runs: its settings, the open store, and the extractor,
built on the first write (it loads spaCy and the gazetteer, which reads never need)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request

from sitroom.config import Settings

if TYPE_CHECKING:
    from sitroom.extract.dispatch import ArticleExtractor
    from sitroom.store import Store


@dataclass
class AppState:
    """Held on `app.state.sitroom` between startup and shutdown; one per application."""

    settings: Settings
    store: Store
    build_extractor: Callable[[Settings], ArticleExtractor]
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _extractor: ArticleExtractor | None = None

    def extractor(self) -> ArticleExtractor:
        """The extractor, built once; call with `write_lock` held."""
        if self._extractor is None:
            self._extractor = self.build_extractor(self.settings)
        return self._extractor


def app_state(request: Request) -> AppState:
    """The state of the application serving `request` (a FastAPI dependency)."""
    state: AppState = request.app.state.sitroom
    return state


def store(request: Request) -> Store:
    """The open store (a FastAPI dependency)."""
    return app_state(request).store
