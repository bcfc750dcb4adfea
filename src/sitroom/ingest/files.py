"""Read articles from plain-text, JSON Lines and HTML files, and from folders of them.

- .jsonl / .ndjson: one contract input object per line (`id`, `text`, `title`, `published`, ...).
- .txt / .md: one article; the id comes from the content, so the same text is the same article.
- .html / .htm: boilerplate removed by trafilatura, which also reads the title and date.
- folders: every such file below, in sorted order. `-` reads JSON Lines from standard input.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from sitroom.contract import article_from_record, content_id, parse_published
from sitroom.errors import InputError
from sitroom.model import Article, Skip

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | Skip]:
    """Articles from every file and folder in `paths`, in order; unreadable ones as Skips."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Skip(str(path), "ingest", "no such file or folder")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            if not files:
                yield Skip(str(path), "ingest", f"the folder has no {', '.join(sorted(SUPPORTED))} files")
            for file in files:
                yield from read_file(file)
        else:
            yield from read_file(path)


def read_file(path: Path) -> Iterator[Article | Skip]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open(encoding="utf-8") as stream:
                yield from read_records(stream, name=str(path))
        elif suffix in HTML_SUFFIXES:
            yield read_html(path.read_bytes(), name=str(path))
        elif suffix in TEXT_SUFFIXES:
            yield read_text(path.read_text(encoding="utf-8"))
        else:
            yield Skip(
                str(path),
                "ingest",
                f"unsupported file type {suffix or '(none)'}; use one of {', '.join(sorted(SUPPORTED))}",
            )
    except (OSError, UnicodeDecodeError) as exc:
        yield Skip(str(path), "ingest", f"cannot read the file: {exc}")
    except InputError as exc:
        yield Skip(str(path), "ingest", str(exc))


def read_records(stream: IO[str], *, name: str = "<stdin>") -> Iterator[Article | Skip]:
    """Contract input objects, one a line; a bad line is a Skip naming its line number."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield article_from_record(json.loads(line), where=where)
        except json.JSONDecodeError as exc:
            yield Skip(where, "ingest", f"not a JSON object: {exc.msg}")
        except InputError as exc:
            yield Skip(where, "ingest", str(exc))


def read_text(text: str) -> Article:
    if not text.strip():
        raise InputError("the file is empty")
    return Article(id=content_id(text), text=text)


def read_html(html: bytes, *, name: str) -> Article | Skip:
    """The article text of an HTML page, with its title and date when the page gives them."""
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        return Skip(name, "ingest", "no article text found in the HTML page")
    date = getattr(document, "date", None)
    return Article(
        id=content_id(text),
        text=text,
        title=getattr(document, "title", None) or None,
        published=parse_published(date, where=name) if date else None,
        url=getattr(document, "url", None) or None,
        language=getattr(document, "language", None) or None,
    )
