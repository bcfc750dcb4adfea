"""Restart safety: `sitroom watch` killed (SIGKILL) in the middle of a poll and started again
ends with every report stored once, as if it had never been stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import assert_complete
from sqlalchemy import func, select
from web_sites import Outlets, publish

from sitroom.store import Store
from sitroom.store.tables import articles, mentions, seen_items, sources, web_pages

SITROOM = str(Path(sys.executable).parent / "sitroom")


def _watch(database_url: str, sources_file: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SITROOM_DATABASE_URL": database_url,
        "SITROOM_DATA_DIR": str(tmp_path / "data"),
        "SITROOM_HOST_DELAY": "0",
        "SITROOM_FETCH_RETRIES": "0",
        "SITROOM_FETCH_TIMEOUT": "5",
        "SITROOM_MIN_ARTICLE_CHARS": "150",
    }
    return subprocess.Popen(
        [SITROOM, "watch", "--once", "--sources", str(sources_file)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _count(store: Store, table: object) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def assert_consistent(store: Store) -> None:
    """Every seen mark has its page and article (and extraction), and the other way round;
    each source counts exactly the items it saw."""
    with store.engine.connect() as connection:
        seen = {row.url: row for row in connection.execute(select(seen_items))}
        pages = {row.url: row for row in connection.execute(select(web_pages))}
        stored = set(connection.execute(select(articles.c.id)).scalars())
        extracted = set(connection.execute(select(mentions.c.article_id)).scalars())
        counted = {row.url: row.items_seen for row in connection.execute(select(sources))}
    assert len(seen) == len(pages)
    assert stored == {p.article_id for p in pages.values()} == {row.article_id for row in seen.values()}
    for row in seen.values():
        assert row.status in ("stored", "duplicate")
        assert (row.article_id in extracted) == (row.status == "stored")
    per_source = {url: sum(1 for row in seen.values() if row.source_url == url) for url in counted}
    assert counted == per_source


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_a_killed_watcher_restarts_without_losing_or_doubling_anything(
    outlets: Outlets, database_url: str, tmp_path: Path, stop: signal.Signals
) -> None:
    publish(outlets, delay=0.15)
    sources_file = tmp_path / "sources.txt"
    sources_file.write_text("# the two outlets\n" + "\n".join(f"{url} feed" for url in outlets.feeds) + "\n")
    with Store.open(database_url) as store:
        watcher = _watch(database_url, sources_file, tmp_path)
        try:
            deadline = time.monotonic() + 120
            while _count(store, seen_items) < 8:
                assert watcher.poll() is None, watcher.stderr.read() if watcher.stderr else ""
                assert time.monotonic() < deadline, "the watcher stored nothing in time"
                time.sleep(0.05)
            watcher.send_signal(stop)
            _, stderr = watcher.communicate(timeout=60)
            if stop == signal.SIGINT:
                assert watcher.returncode == 0 and b"stopped; run sitroom watch again" in stderr
        finally:
            watcher.kill()
            watcher.wait(timeout=30)
        assert 8 <= _count(store, seen_items) < 30
        assert_consistent(store)

        restarted = _watch(database_url, sources_file, tmp_path)
        _, stderr = restarted.communicate(timeout=300)
        assert restarted.returncode == 0, stderr.decode()
        assert_consistent(store)
        assert_complete(store, outlets)
