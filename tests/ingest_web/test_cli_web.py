"""The commands: sitroom ingest URL..., sitroom sources add/list/remove, sitroom watch."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from web_corpus import ORIGINALS
from web_sites import Outlets, page_html, publish

from sitroom.cli import cli
from sitroom.config import Settings
from sitroom.store import Store


def test_ingest_urls_and_files_together(outlets: Outlets, settings: Settings, tmp_path: Path) -> None:
    report = ORIGINALS[0]
    outlets.a.put("/p/1", page_html(report, None))
    outlets.a.put("/p/menu", "<html><body><nav>Home</nav><p>Short.</p></body></html>")
    text = tmp_path / "note.txt"
    text.write_text("Russian drones struck Odesa overnight, injuring two people, the governor said.")
    urls = [outlets.a.url("/p/1?utm_source=x"), outlets.a.url("/p/menu"), outlets.a.url("/p/missing")]
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(text), *urls])
    assert result.exit_code == 0, result.output
    assert "read 1 article(s), 1 new" in result.output
    assert f"stored: {outlets.a.url('/p/1')} (article web-" in result.output
    assert "skipped:" in result.output and "not an article" in result.output
    assert "failed:" in result.output and "HTTP 404" in result.output
    again = runner.invoke(cli, ["ingest", urls[0]])
    assert again.exit_code == 0 and "unchanged:" in again.output
    with Store.open(settings.resolved_database_url()) as store:
        assert store.counts()["articles"] == 2


def test_sources_add_list_remove_and_watch(outlets: Outlets, settings: Settings, tmp_path: Path) -> None:
    publish(outlets)
    runner = CliRunner()
    feed, atom, _east = outlets.feeds
    assert runner.invoke(cli, ["sources", "list"]).output.startswith("no sources")
    added = runner.invoke(cli, ["sources", "add", feed, "--kind", "feed"])
    assert added.exit_code == 0 and f"watching {feed} (feed)" in added.output
    assert runner.invoke(cli, ["sources", "add", "not-a-url"]).exit_code == 1
    sources_file = tmp_path / "sources.txt"
    sources_file.write_text(f"{atom}  # Kyiv Wire, Atom\n{outlets.b.url('/missing.xml')}\n", encoding="utf-8")
    watched = runner.invoke(cli, ["watch", "--once", "--sources", str(sources_file)], env={"SITROOM_HOST_DELAY": "0"})
    assert watched.exit_code == 0, watched.output
    assert f"{atom}: 10 item(s) listed; 10 stored" in watched.output
    assert "missing.xml: error: the server answered HTTP 404" in watched.output
    listing = runner.invoke(cli, ["sources", "list"]).output
    assert f"{atom}  [feed]  items seen: 10  last success: 20" in listing
    assert f"{feed}  [feed]  items seen: 0  last success: never" in listing
    assert "last error (" in listing and "HTTP 404" in listing
    removed = runner.invoke(cli, ["sources", "remove", feed])
    assert removed.exit_code == 0 and feed not in runner.invoke(cli, ["sources", "list"]).output
    assert runner.invoke(cli, ["sources", "remove", feed]).exit_code == 1
