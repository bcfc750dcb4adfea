"""Throughput benchmark: `python -m sitroom.bench [FILE.jsonl] [RUNS]` prints documents per second.

Building the pipeline is timed once and reported apart; each run reads every document of the
file through `pipeline.read_article` (what `sitroom extract` does, without the JSON writing).
The default file is ../shared/eval/dev/headlines.jsonl; `sitroom.bench_uk` runs the same on the
Ukrainian Air Force statements.
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

EVAL_DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev"


def main(argv: list[str], *, default: Path = EVAL_DEV / "headlines.jsonl", unit: str = "docs") -> int:
    path = Path(argv[0]) if argv else default.resolve()
    runs = int(argv[1]) if len(argv) > 1 else 5
    if not path.exists():
        print(f"no such file: {path}; give a JSON Lines file of documents", file=sys.stderr)
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
    print(f"{unit:20} {len(articles)} ({', '.join(languages)})")
    print(f"build (once)         {build_seconds:.2f} s")
    print(f"{unit + '/s median':20} {statistics.median(rates):.1f}  (runs: {', '.join(f'{r:.1f}' for r in rates)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
