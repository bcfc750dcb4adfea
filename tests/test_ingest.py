from __future__ import annotations

import json
from pathlib import Path

from sitroom.ingest import read_paths
from sitroom.model import Article, Skip

HTML = """<html><head><title>Drones hit Odesa port</title>
<meta property="article:published_time" content="2025-12-03T07:40:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Drones hit Odesa port</h1>
<p>Russian drones struck the port of Odesa overnight, damaging a grain terminal, the governor said.</p>
<p>Two people were injured. Power was cut to 4,000 homes in the area.</p></article>
<footer>Copyright and cookie notice</footer></body></html>"""


def test_jsonl_text_html_and_folders(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Shelling hit Kherson.", "published": "2025-12-03"})
        + "\n\n"
        + "not json\n"
        + json.dumps({"id": "x2"})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("A drone hit Sumy.", encoding="utf-8")
    (tmp_path / "sub" / "c.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "sub" / "ignored.png").write_bytes(b"\x89PNG")
    items = list(read_paths([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [a.id for a in articles][:1] == ["x1"]
    assert articles[0].published is not None and articles[0].published.date().isoformat() == "2025-12-03"
    assert articles[1].text == "A drone hit Sumy." and articles[1].id.startswith("sha1-")
    html = articles[2]
    assert html.title == "Drones hit Odesa port"
    assert "grain terminal" in html.text and "cookie" not in html.text and "Home | World" not in html.text
    assert html.published is not None and html.published.date().isoformat() == "2025-12-03"
    assert [(s.source.rsplit("/", 1)[-1], s.stage) for s in skips] == [("a.jsonl:3", "ingest"), ("a.jsonl:4", "ingest")]
    assert "text" in skips[1].reason


def test_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("A drone hit Sumy.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("A drone hit Sumy.", encoding="utf-8")
    ids = {i.id for i in read_paths([tmp_path]) if isinstance(i, Article)}
    assert len(ids) == 1


def test_missing_path_and_bad_date_are_skips(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "d", "text": "x", "published": "yesterday"}) + "\n", encoding="utf-8"
    )
    items = list(read_paths([tmp_path / "nope.txt", tmp_path / "d.jsonl"]))
    assert all(isinstance(i, Skip) for i in items)
    assert "no such file" in items[0].reason  # type: ignore[union-attr]
    assert "published" in items[1].reason  # type: ignore[union-attr]
