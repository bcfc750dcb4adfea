"""Ukrainian throughput: `python -m sitroom.bench_uk [FILE.jsonl] [RUNS]` prints statements per second.

By default it reads the Air Force statements of ../shared/eval/dev/airforce_uk.jsonl through the
language dispatch, as `sitroom extract` does (without the JSON writing). Building the extractors
is timed once and reported apart.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from sitroom import pipeline
from sitroom.build import build_extractor
from sitroom.config import Settings
from sitroom.ingest import read_records
from sitroom.model import Article

DEFAULT = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev" / "airforce_uk.jsonl"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT.resolve()
    runs = int(argv[1]) if len(argv) > 1 else 5
    if not path.exists():
        print(f"no such file: {path}; give a JSON Lines file of Ukrainian statements", file=sys.stderr)
        return 2
    started = time.perf_counter()
    extractor = build_extractor(Settings())
    build_seconds = time.perf_counter() - started
    with path.open(encoding="utf-8") as stream:
        articles = [a for a in read_records(stream, name=str(path)) if isinstance(a, Article)]
    languages = sorted({extractor.language(a) for a in articles})
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        for article in articles:
            pipeline.read_article(article, extractor)
        rates.append(len(articles) / (time.perf_counter() - started))
    print(f"file                 {path}")
    print(f"statements           {len(articles)} ({', '.join(languages)})")
    print(f"build (once)         {build_seconds:.2f} s")
    print(f"statements/s median  {statistics.median(rates):.1f}  (runs: {', '.join(f'{r:.1f}' for r in rates)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
