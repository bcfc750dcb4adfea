"""Merge quality: how well merging groups reports of the same attack, on a labelled set.

    python -m sitroom.merge_quality [FILE]

FILE is JSON Lines, one report a line: {"id", "title", "published", "text", "source", "attack"},
where `attack` is the gold label (which attack the report is about). The default is the team's
set, tests/data/merge_set.jsonl of the source checkout.

Every report goes through the real pipeline (`build_extractor`, `pipeline.read_article`), all
mentions are merged together (`merge.merge`, with each article's SimHash), and the clustering of
reports is scored:

- a report's predicted clusters are the events its violent mentions (strike, shelling, clash,
  ...) landed in, a set because one report can feed several events; a report with no violent
  mention gets a cluster of its own;
- its gold cluster is its `attack` label;
- the score is extended B-cubed (Amigo et al. 2009, for overlapping clusters): for two reports
  a and b with C the predicted and L the gold sets, pair precision is min(|Ca & Cb|,
  |La & Lb|) / |Ca & Cb| over the b that share a predicted event with a (a included), pair
  recall is min(|Ca & Cb|, |La & Lb|) / |La & Lb| over the b with the same label; each report's
  average is averaged over all reports. With one event per report this is plain B-cubed; a
  report split over k events scores 1/k precision against itself.

It prints precision, recall, F1 and the number of events (of every type) that merging made.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom.dedupe import simhash
from sitroom.errors import InputError
from sitroom.merge import Merged, Report, merge
from sitroom.model import Article

if TYPE_CHECKING:
    from sitroom.extract.dispatch import ArticleExtractor

DEFAULT_SET = Path(__file__).resolve().parents[2] / "tests" / "data" / "merge_set.jsonl"


@dataclass(frozen=True)
class Labelled:
    """A report of the set and the attack it is about."""

    article: Article
    attack: str


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    reports: int
    attacks: int
    events: int


def load_set(path: Path) -> list[Labelled]:
    """The labelled reports of a JSON Lines file; InputError saying which line is wrong."""
    found: list[Labelled] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the merge set {path} ({exc}); pass the path of a JSON Lines file") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            published = record.get("published")
            article = Article(
                id=str(record["id"]),
                text=str(record["text"]),
                title=record.get("title"),
                published=dt.datetime.fromisoformat(published.replace("Z", "+00:00")) if published else None,
                source=record.get("source"),
            )
            found.append(Labelled(article, str(record["attack"])))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"{path}:{number} is not a labelled report ({type(exc).__name__}: {exc}); each line needs "
                "id, text and attack, and published as YYYY-MM-DD[THH:MM...]"
            ) from exc
    return found


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, frozenset[str]]) -> tuple[float, float]:
    """Extended B-cubed precision and recall of `predicted` (report -> events) against `gold`
    (report -> label), over the reports of `gold` (see the module's docstring)."""
    items = sorted(gold)
    clusters = {i: predicted.get(i) or frozenset({f"alone:{i}"}) for i in items}
    precision = recall = 0.0
    for a in items:
        shared = [(b, len(clusters[a] & clusters[b])) for b in items if clusters[a] & clusters[b]]
        precision += sum(min(n, int(gold[a] == gold[b])) / n for b, n in shared) / len(shared)
        same = [b for b in items if gold[a] == gold[b]]
        recall += sum(min(len(clusters[a] & clusters[b]), 1) for b in same) / len(same)
    return precision / len(items), recall / len(items)


def report_events(merged: Iterable[Merged], violent: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """article id -> the events its violent mentions (mention id -> article id) landed in."""
    found: dict[str, set[str]] = {}
    for item in merged:
        for mention_id in item.mention_ids:
            if mention_id in violent:
                found.setdefault(violent[mention_id], set()).add(item.event.id)
    return {article: frozenset(events) for article, events in found.items()}


def measure(labelled: Sequence[Labelled], extractor: ArticleExtractor | None = None) -> Scores:
    """Read every report with the real pipeline (`extractor`, built when not given), merge all
    mentions, score the clustering."""
    from sitroom import pipeline

    if extractor is None:
        from sitroom.build import build_extractor
        from sitroom.config import Settings

        extractor = build_extractor(Settings())
    reports: list[Report] = []
    violent: dict[str, str] = {}
    for item in labelled:
        extraction = pipeline.read_article(item.article, extractor)
        fingerprint = simhash(item.article.text)
        for index, mention in enumerate(extraction.mentions):
            mention_id = f"{item.article.id}#{index}"
            reports.append(Report(mention_id, item.article.id, index, mention, item.article.published, fingerprint))
            if mention.type.violent:
                violent[mention_id] = item.article.id
    merged = merge(reports)
    gold = {item.article.id: item.attack for item in labelled}
    precision, recall = bcubed(gold, report_events(merged, violent))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, len(gold), len(set(gold.values())), len(merged))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitroom.merge_quality", description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_SET, help="labelled reports (JSON Lines)")
    args = parser.parse_args(argv)
    try:
        scores = measure(load_set(args.file))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"reports {scores.reports}  attacks {scores.attacks}  events {scores.events}")
    print(f"B-cubed precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
