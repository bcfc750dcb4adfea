"""API benchmark: GET /api/events latency over 1,000,000 synthetic events, and the time the web
page takes to draw its first map over 100,000 events.

    python -m sitroom.bench_api                                    # SQLite in a temporary folder
    python -m sitroom.bench_api postgresql+psycopg://user@host/db  # and that PostgreSQL database

The events are generated deterministically (same seed, same events) and bulk-inserted with
SQLAlchemy Core in batches. A database that already holds exactly the benchmark's events is
reused; one that holds other events is refused, so real data is never mixed with synthetic.
Latency is measured through the real route (FastAPI's TestClient, no network) for a map box
plus a one-month filter, varied over boxes and months; the first render is measured in headless
Chromium (Playwright), from navigation until the page has drawn its markers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.config import Settings
from sitroom.errors import SitroomError, StoreError
from sitroom.model import DatePrecision, DateSpan, EventType, Mention, Place, Precision, Weapon, WeaponClass
from sitroom.store import Store
from sitroom.store.rows import fact_row

SEED = 20251125
ID_PREFIX = "bench"
FIRST_DAY = dt.date(2022, 2, 24)
DAYS = 1407  # to 2025-12-31
BATCH = 5000
BOXES = (  # min_lon, min_lat, max_lon, max_lat around Kharkiv, Kyiv, Odesa, Zaporizhzhia, Donetsk
    (35.5, 49.5, 37.0, 50.5),
    (29.8, 50.0, 31.2, 50.9),
    (30.0, 46.0, 31.5, 47.0),
    (34.5, 47.3, 35.9, 48.2),
    (37.0, 47.5, 38.5, 48.6),
)
_TYPES = (
    (EventType.STRIKE, 50),
    (EventType.SHELLING, 30),
    (EventType.GROUND_CLASH, 8),
    (EventType.DIPLOMACY, 3),
    (EventType.EXPLOSION, 3),
    (EventType.HUMANITARIAN, 2),
    (EventType.OUTAGE, 2),
    (EventType.VIOLENCE_AGAINST_CIVILIANS, 1),
    (EventType.TERRITORIAL_CHANGE, 1),
)
_OBLAST_NUMBERS = (5, 7, 9, 12, 14, 18, 21, 23, 26, 30, 32, 35, 46, 48, 51, 53, 56, 59, 61, 63, 65, 68, 71, 74, 77)
_WEAPONS = (
    (),
    (Weapon(WeaponClass.ATTACK_DRONE, "Shahed-136", launched=40, intercepted=35),),
    (Weapon(WeaponClass.CRUISE_MISSILE, "Kh-101", launched=6, intercepted=5),),
    (Weapon(WeaponClass.BALLISTIC_MISSILE, "Iskander-M", launched=2),),
    (Weapon(WeaponClass.GLIDE_BOMB, "KAB-500"),),
    (Weapon(WeaponClass.ARTILLERY),),
    (Weapon(WeaponClass.MLRS, "BM-21 Grad"),),
)


def _templates(rng: random.Random, places: int = 300) -> list[dict[str, Any]]:
    """Rows to vary: a few hundred places in Ukraine's extent, each with a type and weapons."""
    kinds = [kind for kind, weight in _TYPES for _ in range(weight)]
    found = []
    for number in range(places):
        lat, lon = rng.uniform(44.5, 52.3), rng.uniform(22.2, 40.2)
        code = f"UA-{rng.choice(_OBLAST_NUMBERS):02d}"
        place = Place(
            name=f"Place {number}",
            text=f"Place {number}",
            lat=lat,
            lon=lon,
            admin1=f"Oblast {code}",
            admin1_code=code,
            country="UA",
            precision=Precision.SETTLEMENT,
            gazetteer_id=f"bench:{number}",
            start=0,
            end=10,
        )
        for kind in rng.sample(kinds, 3):
            mention = Mention(
                type=kind,
                date=DateSpan(FIRST_DAY, FIRST_DAY, DatePrecision.DAY, "overnight"),
                location=place,
                attacker="Russia" if kind.violent else None,
                weapons=rng.choice(_WEAPONS) if kind.violent else (),
            )
            found.append(fact_row(mention))
    return found


def synthetic_events(count: int, seed: int = SEED) -> Iterator[dict[str, Any]]:
    """`count` events rows, the same for the same seed: dates over 2022-02-24..2025-12-31, places
    around a few hundred points in Ukraine, a tenth of them undated or spanning a week."""
    rng = random.Random(seed)
    templates = _templates(rng)
    for number in range(count):
        row = dict(rng.choice(templates))
        start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        span = rng.random()
        end = start + dt.timedelta(days=6 if span < 0.05 else 1 if span < 0.5 else 0)
        row.update(
            id=f"{ID_PREFIX}{number:011x}",
            date_start=start,
            date_end=end,
            date_precision="week" if span < 0.05 else "day",
            lat=row["lat"] + rng.uniform(-0.15, 0.15),
            lon=row["lon"] + rng.uniform(-0.15, 0.15),
            killed=rng.choice((None, None, 0, 1, 2, 3, 5)),
            injured=rng.choice((None, 0, 1, 4, 10)),
        )
        if span > 0.97:
            row.update(date_start=None, date_end=None, date_precision=None, date_text=None)
        yield row


def load_events(store: Store, count: int, *, progress: bool = True) -> float:
    """Fill the store with the `count` synthetic events; seconds taken (0 when already there).
    StoreError when the store holds events that are not the benchmark's."""
    from sqlalchemy import func, select

    from sitroom.store.tables import events

    with store.engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(events)).scalar_one()
        ours = connection.execute(
            select(func.count()).select_from(events).where(events.c.id.startswith(ID_PREFIX))
        ).scalar_one()
    if total and total == ours == count:
        return 0.0
    if total != ours:
        raise StoreError(
            f"the database holds {total - ours} events that are not the benchmark's; give the "
            "benchmark an empty database (it never mixes synthetic events with real ones)"
        )
    started = time.perf_counter()
    with store.engine.begin() as connection:
        connection.execute(events.delete())
        batch: list[dict[str, Any]] = []
        for number, row in enumerate(synthetic_events(count), 1):
            batch.append(row)
            if len(batch) == BATCH:
                connection.execute(events.insert(), batch)
                batch = []
                if progress and number % 100_000 == 0:
                    print(f"  {number:,} events loaded", file=sys.stderr)
        if batch:
            connection.execute(events.insert(), batch)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


@dataclass(frozen=True)
class Latency:
    median_ms: float
    p95_ms: float
    requests: int
    mean_results: float


def _months(requests: int) -> list[tuple[dt.date, dt.date]]:
    found = []
    for number in range(requests):
        year, month = 2022 + (number * 7 // 12) % 4, 1 + (number * 7) % 12
        first = dt.date(year, month, 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        found.append((first, last))
    return found


def measure_latency(url: str, requests: int, limit: int) -> Latency:
    """Median and 95th percentile of GET /api/events with a box and a month, over `requests`."""
    from fastapi.testclient import TestClient

    from sitroom.api import create_app

    timings: list[float] = []
    sizes: list[int] = []
    with TestClient(create_app(Settings(database_url=url))) as client:
        for number, (first, last) in enumerate(_months(requests + 10)):
            box = ",".join(map(str, BOXES[number % len(BOXES)]))
            path = f"/api/events?bbox={box}&since={first}&until={last}&limit={limit}"
            started = time.perf_counter()
            response = client.get(path)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise SitroomError(f"{path} answered {response.status_code}: {response.text}")
            if number >= 10:  # the first requests warm the caches
                timings.append(elapsed * 1000)
                sizes.append(len(response.json()["events"]))
    timings.sort()
    return Latency(
        median_ms=statistics.median(timings),
        p95_ms=timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)],
        requests=len(timings),
        mean_results=statistics.fmean(sizes),
    )


def measure_first_render(url: str, chromium: str = "/usr/bin/chromium") -> tuple[float, float, int]:
    """Seconds from navigation until the page has drawn its map markers, and until everything
    (map, timeline, list) is loaded, over the database at `url`; and how many events it drew."""
    import threading

    import uvicorn
    from playwright.sync_api import sync_playwright

    from sitroom.api import create_app

    config = uvicorn.Config(
        create_app(Settings(database_url=url, tile_url="")), host="127.0.0.1", port=0, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=args, headless=True)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("#map[data-drawn]", timeout=120_000)
            drawn = time.perf_counter() - started
            page.wait_for_selector("body[data-ready=true]", timeout=120_000)
            ready = time.perf_counter() - started
            shown = int(page.get_attribute("#map", "data-events") or 0)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return drawn, ready, shown


def _run(args: argparse.Namespace) -> None:
    folder = Path(args.work_dir or tempfile.mkdtemp(prefix="sitroom-bench-api-"))
    folder.mkdir(parents=True, exist_ok=True)
    targets = [("SQLite", f"sqlite:///{folder / f'bench-{args.events}.db'}")]
    if args.postgres_url:
        targets.append(("PostgreSQL", args.postgres_url))
    print(f"GET /api/events?bbox=...&since=<month>&until=<month end>&limit={args.limit}, {args.requests} requests")
    for name, url in targets:
        with Store.open(url) as store:
            loaded = load_events(store, args.events)
        how = f"loaded in {loaded:.0f} s" if loaded else "reused"
        result = measure_latency(url, args.requests, args.limit)
        print(
            f"{name:10} {args.events:,} events ({how}): median {result.median_ms:.1f} ms, "
            f"p95 {result.p95_ms:.1f} ms, {result.mean_results:.0f} events a response"
        )
    if args.render_events:
        render_url = f"sqlite:///{folder / f'bench-{args.render_events}.db'}"
        with Store.open(render_url) as store:
            load_events(store, args.render_events, progress=False)
        drawn, ready, shown = measure_first_render(render_url)
        print(
            f"first map render over {args.render_events:,} events (SQLite, headless Chromium): markers drawn "
            f"after {drawn:.2f} s ({shown:,} events in view), page complete after {ready:.2f} s"
        )
    print(f"databases kept in {folder} (pass --work-dir {folder} to reuse them)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitroom.bench_api", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "postgres_url", nargs="?", help="also measure on this PostgreSQL database (its events are replaced)"
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events to query (default 1,000,000)")
    parser.add_argument("--requests", type=int, default=200, help="requests to time (default 200)")
    parser.add_argument("--limit", type=int, default=100, help="page size of each request (default 100)")
    parser.add_argument(
        "--render-events", type=int, default=100_000, help="events for the first-render test; 0 skips it"
    )
    parser.add_argument("--work-dir", help="folder for the SQLite databases (kept, and reused when run again)")
    args = parser.parse_args(argv)
    try:
        _run(args)
    except SitroomError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
