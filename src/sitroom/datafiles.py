"""Reading the data files sitroom ships (lexicons, word lists, tables) from its packages.

Blank lines and lines starting with "#" (comments) are not content; cells are tab-separated.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources


def package_text(package: str, *parts: str) -> str:
    """The text of a data file inside `package` ("sitroom.extract", "lexicons", "triggers.tsv")."""
    return resources.files(package).joinpath(*parts).read_text(encoding="utf-8")


def content_lines(text: str) -> list[str]:
    """The lines of a data file that are not blank or comments, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def cells(lines: Iterable[str], width: int) -> list[tuple[str, ...]]:
    """Each line's first `width` tab-separated cells, stripped; missing trailing cells are ""."""
    rows = []
    for line in lines:
        found = [cell.strip() for cell in line.split("\t")]
        found += [""] * (width - len(found))
        rows.append(tuple(found[:width]))
    return rows
