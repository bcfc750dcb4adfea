"""Geocoding benchmark: `python -m sitroom.bench_geocode [--runs 5] [--shared DIR]` prints the
toponyms resolved per second (median of the runs) on the places development set and on the ten
real news stories of ../shared/eval, with the embedded gazetteer and with the GeoNames postal dump
of ../shared/data imported (into a temporary SQLite file).

Docs are tokenized once beforehand; a run times `Geocoder.places` over every doc (finding the
toponyms, resolving them with their context). Loading each gazetteer is timed once.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom import nlp
from sitroom.geocode.gazetteer import Gazetteer, load_embedded
from sitroom.geocode.resolve import Geocoder
from sitroom.geocode.sources import import_dump, load_gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SETS = {"places.jsonl": Path("eval/dev/places.jsonl"), "real stories": Path("eval/articles/real.jsonl")}
POSTAL = Path("data/geonames_postal_UA.txt")


def _texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _timed(load: Callable[[], Gazetteer]) -> tuple[Gazetteer, float]:
    started = time.perf_counter()
    gazetteer = load()
    return gazetteer, time.perf_counter() - started


def _rate(geocoder: Geocoder, docs: list[Doc], runs: int) -> tuple[int, list[float]]:
    rates, found = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        found = sum(len(geocoder.places(doc)) for doc in docs)
        rates.append(found / (time.perf_counter() - started))
    return found, rates


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitroom.bench_geocode", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per set (the median is printed)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the ../shared folder with eval/ and data/")
    args = parser.parse_args(argv)
    sets = {name: args.shared / path for name, path in SETS.items() if (args.shared / path).is_file()}
    if not sets:
        print(f"no evaluation sets under {args.shared}; pass --shared DIR", file=sys.stderr)
        return 2
    pipeline = nlp.build()
    docs = {name: [pipeline.make_doc(text) for text in _texts(path)] for name, path in sets.items()}
    gazetteers = {"embedded": _timed(load_embedded)}
    postal = args.shared / POSTAL
    with tempfile.TemporaryDirectory() as folder:
        if postal.is_file():
            url = f"sqlite:///{Path(folder) / 'sitroom.db'}"
            report = import_dump(postal, url)
            print(f"postal import        {report.places} places in {report.seconds:.2f} s")
            gazetteers["postal import"] = _timed(lambda: load_gazetteer(url))
        for label, (gazetteer, seconds) in gazetteers.items():
            print(f"gazetteer            {label}: {len(gazetteer)} entries, loaded in {seconds:.2f} s")
            geocoder = Geocoder(gazetteer, pipeline)
            geocoder.places_in_text("Вибухи у Харкові")  # loads the pymorphy3 dictionaries, untimed
            for name, prepared in docs.items():
                found, rates = _rate(geocoder, list(prepared), args.runs)
                print(
                    f"{label:14s} {name:14s} {len(prepared):5d} docs {found:6d} toponyms "
                    f"{statistics.median(rates):9.0f} toponyms/s  (runs: {', '.join(f'{r:.0f}' for r in rates)})"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
