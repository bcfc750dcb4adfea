"""The HTTP API over a real SQLite file holding the demo corpus (FastAPI's TestClient)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitroom.api import create_app
from sitroom.api.routes import MAX_BODY_BYTES
from sitroom.config import Settings
from sitroom.extract import Extractor


@pytest.fixture(scope="module")
def client(demo_database: str) -> Iterator[TestClient]:
    settings = Settings(database_url=demo_database, tile_url="")
    with TestClient(create_app(settings)) as opened:
        yield opened


def all_events(client: TestClient, query: str = "", limit: int = 7) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    cursor = None
    while True:
        url = f"/api/events?limit={limit}{query}" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        events += body["events"]
        cursor = body["next_cursor"]
        if cursor is None:
            return events


def error_of(response: Any, status: int) -> dict[str, str]:
    assert response.status_code == status, response.text
    error: dict[str, str] = response.json()["error"]
    assert set(error) == {"code", "message"} and error["message"]
    return error


def test_events_page_through_every_event_once(client: TestClient) -> None:
    paged = all_events(client)
    at_once = client.get("/api/events?limit=500").json()
    assert at_once["next_cursor"] is None
    assert [e["id"] for e in paged] == [e["id"] for e in at_once["events"]]
    assert len(paged) == client.get("/api/stats").json()["total"] > 50
    dates = [e["date"]["start"] for e in paged if e["date"] and e["date"]["start"]]
    assert dates == sorted(dates, reverse=True)


def test_events_carry_their_fields_and_sources(client: TestClient) -> None:
    event = client.get("/api/events?limit=1&type=strike&min_killed=1").json()["events"][0]
    assert event["type"] == "strike" and event["killed"] >= 1
    assert {"date", "location", "attacker", "weapons", "damage", "outages", "evidence"} <= set(event)
    assert event["sources"] and event["sources"][0]["evidence"]


def test_filters_narrow_the_events(client: TestClient) -> None:
    box = (35.0, 48.5, 38.5, 50.5)
    inside = all_events(client, "&bbox=" + ",".join(map(str, box)))
    assert inside and len(inside) < len(all_events(client))
    for event in inside:
        place = event["location"]
        assert box[0] <= place["lon"] <= box[2] and box[1] <= place["lat"] <= box[3]
    two_types = all_events(client, "&type=shelling&type=diplomacy")
    assert {e["type"] for e in two_types} == {"shelling", "diplomacy"}
    month = all_events(client, "&since=2025-12-01&until=2025-12-31")
    assert month and all(e["date"]["start"] <= "2025-12-31" and e["date"]["end"] >= "2025-12-01" for e in month)
    drones = all_events(client, "&weapon=drone")
    assert drones and all(any("drone" in w["class"] for w in e["weapons"]) for e in drones)
    kharkiv = all_events(client, "&oblast=UA-63")
    assert kharkiv and all(e["location"]["admin1_code"] == "UA-63" for e in kharkiv)
    assert all(e["attacker"] == "Russia" for e in all_events(client, "&attacker=russia"))
    assert all(e["killed"] >= 3 for e in all_events(client, "&min_killed=3"))


def test_text_search(client: TestClient) -> None:
    found = all_events(client, "&q=kindergarten")
    assert found
    for event in found:
        detail = client.get(f"/api/events/{event['id']}").json()
        sentences = [s["text"].lower() for source in detail["sources"] for s in source["evidence"]]
        assert any("kindergarten" in s for s in sentences)


def test_geojson_is_an_rfc7946_feature_collection(client: TestClient) -> None:
    body = client.get("/api/events?format=geojson&limit=500").json()
    assert body["type"] == "FeatureCollection" and body["features"]
    for feature in body["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        if feature["geometry"] is not None:
            lon, lat = feature["geometry"]["coordinates"]
            assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90


def test_event_detail_has_evidence_sentences_from_the_article(client: TestClient) -> None:
    event = client.get("/api/events?limit=1").json()["events"][0]
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["id"] == event["id"] and detail["type"] == event["type"]
    source = detail["sources"][0]
    article = client.get(f"/api/articles/{source['article_id']}").json()
    assert event["id"] in article["event_ids"]
    for sentence in source["evidence"]:
        assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["text"].strip()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/events?bbox=1,2,3", "min_lon,min_lat,max_lon,max_lat"),
        ("/api/events?bbox=10,60,20,50", "min_lat <= max_lat"),
        ("/api/events?since=yesterday", "since"),
        ("/api/events?since=2025-12-02&until=2025-12-01", "swap"),
        ("/api/events?type=airstrike", "use one of"),
        ("/api/events?limit=501", "limit"),
        ("/api/events?cursor=garbage", "cursor"),
        ("/api/events?min_killed=-1", "min_killed"),
        ("/api/events?format=kml", "format"),
        ("/api/clusters?zoom=40", "zoom"),
        ("/api/statements?limit=0", "limit"),
    ],
)
def test_bad_parameters_are_422_with_a_message(client: TestClient, url: str, words: str) -> None:
    error = error_of(client.get(url), 422)
    assert error["code"] == "bad_request" and words in error["message"]


@pytest.mark.parametrize("url", ["/api/events/0000000000000000", "/api/articles/nope", "/api/nothing"])
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    assert error_of(client.get(url), 404)["code"] == "not_found"


def test_statements_by_speaker_with_pages(client: TestClient) -> None:
    body = client.get("/api/statements?limit=500").json()
    assert len(body["statements"]) > 20 and body["next_cursor"] is None
    first = body["statements"][0]
    assert {"speaker", "quote", "direct", "evidence", "article_id", "published"} <= set(first)
    word = first["speaker"].split()[-1]
    by_speaker = client.get(f"/api/statements?speaker={word.lower()}").json()["statements"]
    assert by_speaker and all(word.lower() in s["speaker"].lower() for s in by_speaker)
    paged, cursor = [], None
    while True:
        page = client.get("/api/statements?limit=9" + (f"&cursor={cursor}" if cursor else "")).json()
        paged += page["statements"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert [s["id"] for s in paged] == [s["id"] for s in body["statements"]]


def test_stats_count_what_the_filters_let_through(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["total"] == sum(stats["by_type"].values())
    assert sum(sum(day.values()) for day in stats["by_day"].values()) <= stats["total"]
    assert stats["by_oblast"] and stats["by_weapon"]
    strikes = client.get("/api/stats?type=strike").json()
    assert strikes["total"] == stats["by_type"]["strike"] == len(all_events(client, "&type=strike", limit=500))


def test_clusters_hold_every_located_event(client: TestClient) -> None:
    located = [e for e in all_events(client, limit=500) if e["location"]]
    for zoom in (3, 7, 12):
        body = client.get(f"/api/clusters?zoom={zoom}").json()
        assert body["events"] == len(located)
    assert len(client.get("/api/clusters?zoom=3").json()["clusters"]) < len(
        client.get("/api/clusters?zoom=12").json()["clusters"]
    )


def test_the_page_docs_and_leaflet_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text and "/leaflet/leaflet.js" in page.text
    for url in ("/static/app.js", "/static/style.css", "/leaflet/leaflet.js", "/leaflet/leaflet.css", "/docs"):
        assert client.get(url).status_code == 200, url
    docs = client.get("/docs").text  # Swagger UI from the package, not a CDN: works offline
    assert "/docs-static/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/statements", "/api/stats", "/api/articles"} <= set(paths)
    assert client.get("/api/config").json() == {"tile_url": "", "tile_attribution": "© OpenStreetMap contributors"}


# Writing ---------------------------------------------------------------------------------------


def test_writes_are_refused_without_a_configured_token(client: TestClient) -> None:
    error = error_of(client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer x"}), 403)
    assert "SITROOM_API_TOKEN" in error["message"]


@pytest.fixture
def writable(demo_database: str, tmp_path: Path, extractor: Extractor) -> Iterator[TestClient]:
    copy = tmp_path / "copy.db"
    shutil.copy(demo_database.removeprefix("sqlite:///"), copy)
    settings = Settings(database_url=f"sqlite:///{copy}", api_token="s3cret-token")
    with TestClient(create_app(settings, build_extractor=lambda _settings: extractor)) as opened:
        yield opened


REPORT = {
    "id": "api-test-1",
    "title": "Drones hit Sumy",
    "published": "2026-02-10T08:00:00Z",
    "text": "Russian drones struck an apartment building in Sumy overnight, killing 3 people, "
    "regional governor Oleh Hryhorov said.",
}


def test_posting_articles_ingests_them_once(writable: TestClient) -> None:
    auth = {"Authorization": "Bearer s3cret-token"}
    response = writable.post("/api/articles", json={"documents": [REPORT, {"id": "empty", "text": ""}]}, headers=auth)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["articles_new"] == 1 and report["mentions"] >= 1
    assert [s["source"] for s in report["skips"]] == ["document 2"]
    sumy = writable.get("/api/events?q=sumy").json()["events"]
    assert any(e["sources"][0]["article_id"] == "api-test-1" for e in sumy)
    again = writable.post("/api/articles", json=REPORT, headers=auth).json()
    assert again["articles_new"] == 0


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": "Basic s3cret-token"}, 401)],
)
def test_posting_needs_the_right_token(writable: TestClient, headers: dict[str, str], status: int) -> None:
    error = error_of(writable.post("/api/articles", json=REPORT, headers=headers), status)
    assert "Authorization: Bearer" in error["message"] or "wrong" in error["message"]


def test_posting_bounds_the_body_and_reads_only_json(writable: TestClient) -> None:
    auth = {"Authorization": "Bearer s3cret-token"}
    huge = {"text": "x" * (MAX_BODY_BYTES + 1)}
    assert error_of(writable.post("/api/articles", json=huge, headers=auth), 413)["code"] == "too_large"
    assert "JSON" in error_of(writable.post("/api/articles", content=b"{nope", headers=auth), 422)["message"]
    assert error_of(writable.post("/api/articles", json=[1, 2], headers=auth), 422)
    assert error_of(writable.post("/api/articles", json=[], headers=auth), 422)
