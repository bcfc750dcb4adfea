"""Ukrainian throughput: `python -m sitroom.bench_uk [FILE.jsonl] [RUNS]` prints statements per second.

By default it reads the Air Force statements of ../shared/eval/dev/airforce_uk.jsonl through the
language dispatch, as `sitroom extract` does (without the JSON writing); see `sitroom.bench`.
"""

from __future__ import annotations

import sys

from sitroom.bench import EVAL_DEV, main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], default=EVAL_DEV / "airforce_uk.jsonl", unit="statements"))
