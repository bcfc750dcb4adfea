"""The data files of the geocoder (src/sitroom/geocode/data): tab-separated tables and word lists.

Lines starting with "#" are comments; the first other line of a table is its header.
"""

from __future__ import annotations

from importlib import resources

from sitroom.datafiles import content_lines
from sitroom.errors import GazetteerError


def read_text(name: str) -> str:
    """The text of one data file."""
    try:
        return (resources.files("sitroom.geocode") / "data" / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"the geocoder data file {name!r} cannot be read ({exc}); reinstall sitroom") from exc


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of a tab-separated data file, as column -> value (missing trailing cells are "")."""
    lines = [line for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))  # trailing empty cells may be left out
        rows.append({column: cell.strip() for column, cell in zip(header, cells, strict=False)})
    return rows


def read_words(name: str) -> list[str]:
    """The entries of a one-per-line word list."""
    return content_lines(read_text(name))


def split_list(cell: str) -> list[str]:
    """The items of a "|"-separated cell."""
    return [item.strip() for item in cell.split("|") if item.strip()]
