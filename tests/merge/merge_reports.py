"""Reports written by the sitroom team for the merge tests, and a helper that reads them with the
real pipeline into `merge.Report`s."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sitroom import pipeline
from sitroom.dedupe import simhash
from sitroom.extract.dispatch import ArticleExtractor
from sitroom.merge import Report
from sitroom.model import Article, Extraction


def article(id_: str, published: str, text: str) -> Article:
    return Article(id=id_, text=text, published=dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC))


# One attack: Sumy, the night of 4-5 November 2025, told four ways; the toll rises from 1 to 2.
SUMY = (
    article(
        "sumy-1",
        "2025-11-05T04:30",
        "Russian drones attacked Sumy overnight, killing one person and injuring five, the regional "
        "military administration said. A dormitory and several cars were damaged.",
    ),
    article(
        "sumy-2",
        "2025-11-05T07:10",
        "One woman was killed and six people were wounded when Shahed drones struck Sumy during the night, "
        "acting mayor Artem Kobzar said on Wednesday.",
    ),
    article(
        "sumy-3",
        "2025-11-05T09:45",
        "Explosions shook Sumy overnight as Russian forces launched 15 attack drones at the city. One person "
        "died and five were injured, officials said.",
    ),
    article(
        "sumy-4",
        "2025-11-06T08:00",
        "Two people were killed in Wednesday's Russian drone attack on Sumy, the regional administration "
        "said after a man died in hospital. Seven people were injured.",
    ),
)

# Other attacks: Poltava the same night, Sumy again two nights later.
POLTAVA = article(
    "poltava-1",
    "2025-11-05T06:00",
    "Russian missiles struck Poltava overnight, injuring three people and damaging an energy facility, "
    "regional governor Volodymyr Kohut said.",
)
SUMY_LATER = article(
    "sumy-later",
    "2025-11-07T05:20",
    "Russian drones hit Sumy again overnight, injuring two people and damaging a school, the regional "
    "administration said.",
)

# Neighbouring towns the same night (Kharkiv and Chuhuiv, about 35 km apart).
KHARKIV = article(
    "kharkiv-1",
    "2025-11-09T05:00",
    "Russian drones struck Kharkiv overnight, injuring four people, Mayor Ihor Terekhov said. An apartment "
    "block was damaged.",
)
CHUHUIV = article(
    "chuhuiv-1",
    "2025-11-09T06:30",
    "A Russian drone attack on Chuhuiv overnight injured two people and damaged three private houses, local "
    "officials said.",
)
BOTH = article(
    "both-1",
    "2025-11-09T08:00",
    "Russian drones attacked Kharkiv overnight, injuring five people. In Chuhuiv, two people were injured "
    "and houses were damaged, officials said.",
)

# A wire story and its near-verbatim copy on another site, and an independent report.
WIRE = article(
    "wire-1",
    "2025-11-12T07:00",
    "MYKOLAIV (Continental Press) - Three people were injured when Russian drones struck Mykolaiv during "
    "the night, regional governor Vitalii Kim said on Wednesday. About 10,000 homes lost power after an "
    "energy facility was hit.",
)
WIRE_COPY = article(
    "wire-copy",
    "2025-11-12T07:40",
    "MYKOLAIV (Continental Press) - Three people were injured when Russian drones struck Mykolaiv during "
    "the night, regional governor Vitalii Kim said on Wednesday. About 10,000 homes lost power after the "
    "energy facility was hit.",
)
INDEPENDENT = article(
    "mykolaiv-own",
    "2025-11-12T06:00",
    "Russian drones attacked Mykolaiv overnight, injuring four people, the mayor said.",
)


def read(extractor: ArticleExtractor, articles: Iterable[Article]) -> list[Report]:
    """The articles' mentions as merge reports, through the real pipeline."""
    found: list[Report] = []
    for item in articles:
        extraction: Extraction = pipeline.read_article(item, extractor)
        fingerprint = simhash(item.text)
        found.extend(
            Report(f"{item.id}#{i}", item.id, i, mention, item.published, fingerprint)
            for i, mention in enumerate(extraction.mentions)
        )
    return found
