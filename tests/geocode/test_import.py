"""Importing GeoNames dumps (both layouts, .txt and .zip, downloaded from a local server) into the
store, and the gazetteer that merges them with the embedded one (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine

from sitroom.cli import cli
from sitroom.errors import InputError
from sitroom.geocode.sources import download_dump, import_dump, load_gazetteer
from sitroom.store.places import source_counts

PLACE_ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1-4,
    # population, elevation, dem, timezone, modification date
    [
        "703448",
        "Kyiv",
        "Kyiv",
        "Kiev,Kijev,Київ,Киев",
        "50.45466",
        "30.5238",
        "P",
        "PPLC",
        "UA",
        "",
        "12",
        "",
        "",
        "",
        "2797553",
        "",
        "187",
        "Europe/Kyiv",
        "2024-01-01",
    ],
    [
        "9999001",
        "Testove",
        "Testove",
        "Тестове,Тестовое",
        "47.5",
        "35.8",
        "P",
        "PPL",
        "UA",
        "",
        "26",
        "",
        "",
        "",
        "120",
        "",
        "100",
        "Europe/Kyiv",
        "2024-01-01",
    ],
    [
        "9999002",
        "Testova",
        "Testova",
        "",
        "47.5",
        "35.8",
        "H",
        "STM",
        "UA",
        "",
        "26",
        "",
        "",
        "",
        "0",
        "",
        "100",
        "Europe/Kyiv",
        "2024-01-01",
    ],
]
POSTAL_ROWS = [
    # country, postal code, place, admin1 name, code, admin2 name, code, admin3 name, code, lat, lon, accuracy
    ["UA", "71001", "Тестове", "Zaporizka", "26", "Polohivskyi", "", "", "", "47.50", "35.80", "4"],
    ["UA", "71002", "Тестове", "Zaporizka", "26", "Polohivskyi", "", "", "", "47.60", "35.90", "4"],
    ["UA", "71003", "Тестове", "Zaporizka", "26", "Polohivskyi", "", "", "", "48.50", "36.80", "1"],
    [
        "UA",
        "71010",
        "Жовтоклинове (Жовтоклинівська сільська рада)",
        "Zaporizka",
        "26",
        "Polohivskyi",
        "",
        "",
        "",
        "47.40",
        "36.10",
        "1",
    ],
    ["UA", "01001", "Київ", "Kyiv", "13", "Kyiv", "", "", "", "50.45", "30.52", "4"],
]


def write_dump(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def counts(url: str) -> dict[tuple[str, str], int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {(c.source, c.country): c.places for c in source_counts(connection)}
    finally:
        engine.dispose()


def test_place_dump(database_url: str, tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "UA.txt", PLACE_ROWS)
    assert import_dump(dump, database_url).places == 2  # the stream (class H) is no place
    assert import_dump(dump, database_url).places == 2
    assert counts(database_url) == {("UA.txt", "UA"): 2}  # re-importing replaced, not doubled
    gazetteer = load_gazetteer(database_url)
    for name in ("Testove", "Тестове", "Testovoe"):
        found = gazetteer.lookup(name)
        assert [e.id for e in found] == ["geonames:9999001"], name
    testove = gazetteer.get("geonames:9999001")
    assert (testove.admin1_code, testove.population, testove.lat) == ("UA-23", 120, 47.5)
    assert [e.id for e in gazetteer.lookup("Kijev")] == ["geonames:703448"]  # replaced the embedded Kyiv
    assert gazetteer.lookup("Kyiv")[0].admin1_code == "UA-30"


def test_postal_dump(database_url: str, tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "postal.txt", POSTAL_ROWS)
    assert import_dump(dump, database_url).places == 3
    import_dump(dump, database_url)
    assert counts(database_url) == {("postal.txt", "UA"): 3}
    gazetteer = load_gazetteer(database_url)
    testove = next(e for e in gazetteer.lookup("Тестове") if e.id.startswith("geonames-postal:"))
    assert testove.name == "Testove" and testove.admin1_code == "UA-23"
    # two good rows and one estimated (accuracy 1) row that counts little
    assert testove.lat == pytest.approx((47.5 + 47.6 + 48.5 * 0.02) / 2.02, abs=1e-4)
    assert not testove.estimated
    village = gazetteer.lookup("Zhovtoklynove")[0]  # national transliteration, bracket dropped
    assert village.estimated and gazetteer.lookup("Жовтоклинове")[0] == village
    city = [e for e in gazetteer.lookup("Київ") if e.id.startswith("geonames-postal:")]
    assert city[0].admin1_code == "UA-30"  # "Kyiv" in a postal dump is the city


def test_zip_and_wrong_files(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'z.db'}"
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("readme.txt", "GeoNames\tread\tme\n")
        out.writestr("UA.txt", "".join("\t".join(row) + "\n" for row in PLACE_ROWS))
    assert import_dump(archive, url).places == 2
    with pytest.raises(InputError, match="19 and a postal-code dump 12"):
        import_dump(write_dump(tmp_path / "bad.txt", [["a", "b", "c"]]), url)
    with pytest.raises(InputError, match="no file"):
        import_dump(tmp_path / "missing.txt", url)


def test_no_database_means_the_embedded_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "nothing" / "sitroom.db"
    assert load_gazetteer(f"sqlite:///{path}").lookup("Kyiv")
    assert not path.parent.exists()  # reading the gazetteer creates no database


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 serving tmp_path/www (never the internet)."""
    root = tmp_path / "www"
    root.mkdir()
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_download(server: str, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "www" / "UA.zip", "w") as out:
        out.writestr("UA.txt", "".join("\t".join(row) + "\n" for row in POSTAL_ROWS))
    url = f"sqlite:///{tmp_path / 'd.db'}"
    report = download_dump("ua", url, tmp_path / "downloads", postal=True, url_base=server)
    assert (report.source, report.places) == ("geonames-postal-UA.zip", 3)
    assert (tmp_path / "downloads" / "geonames-postal-UA.zip").is_file()
    with pytest.raises(InputError, match="cannot download"):
        download_dump("PL", url, tmp_path / "downloads", url_base=server)
    with pytest.raises(InputError, match="not a country code"):
        download_dump("Ukraine", url, tmp_path / "downloads", url_base=server)


def test_cli_import_stats_download_and_extract(tmp_path: Path, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITROOM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SITROOM_DATABASE_URL", raising=False)
    runner = CliRunner()
    dump = write_dump(tmp_path / "postal.txt", POSTAL_ROWS)
    result = runner.invoke(cli, ["gazetteer", "import", str(dump)])
    assert result.exit_code == 0, result.output
    assert "imported 3 places from postal.txt" in result.output
    (tmp_path / "www" / "UA.zip").write_bytes(_zip_of(PLACE_ROWS))
    result = runner.invoke(cli, ["gazetteer", "download", "UA", "--url-base", server])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["gazetteer", "stats"])
    assert result.exit_code == 0, result.output
    assert "imported: 3 places of UA from postal.txt" in result.output
    assert "imported: 2 places of UA from geonames-UA.zip" in result.output
    assert "settlement" in result.output.splitlines()[0]
    docs = tmp_path / "in.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": "Shelling of Zhovtoklynove, Polohy raion"}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(docs), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    places = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["places"]
    assert places[0]["name"] == "Zhovtoklynove" and places[0]["admin1_code"] == "UA-23"


def _zip_of(rows: list[list[str]]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("UA.txt", "".join("\t".join(row) + "\n" for row in rows))
    return buffer.getvalue()


def test_real_postal_dump(postal_database: str) -> None:
    assert counts(postal_database) == {("geonames_postal_UA.txt", "UA"): 27486}
    gazetteer = load_gazetteer(postal_database)
    assert any(e.id.startswith("geonames-postal:") for e in gazetteer.lookup("Novoprokopivka"))
