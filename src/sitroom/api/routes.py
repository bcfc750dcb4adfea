"""The /api routes. Each parses its input, calls one library function and returns its record."""

from __future__ import annotations

import json
import secrets
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from sitroom.api import records
from sitroom.api.errors import ApiError
from sitroom.api.params import event_filter
from sitroom.api.state import AppState, app_state, store
from sitroom.contract import run_report_record
from sitroom.store import Store, reads
from sitroom.store.reads import EventFilter
from sitroom.submit import ingest_documents

MAX_BODY_BYTES = 5 * 1024 * 1024
"""The largest request body POST /api/articles accepts."""

router = APIRouter(prefix="/api")
StoreDep = Annotated[Store, Depends(store)]
FilterDep = Annotated[EventFilter, Depends(event_filter)]
Cursor = Annotated[str | None, Query(max_length=400, description="next_cursor of the previous page.")]
Limit = Annotated[int, Query(ge=1, le=reads.MAX_PAGE, description=f"Items a page, at most {reads.MAX_PAGE}.")]


@router.get("/events", summary="Events that pass the filters, newest first (JSON or GeoJSON)")
def list_events(
    store: StoreDep,
    flt: FilterDep,
    cursor: Cursor = None,
    limit: Limit = 100,
    format: Annotated[Literal["json", "geojson"], Query(description="geojson: an RFC 7946 FeatureCollection")] = "json",
) -> dict[str, Any]:
    page = reads.event_page(store, flt, cursor=cursor, limit=limit)
    return records.event_collection(page) if format == "geojson" else records.event_page_record(page)


@router.get("/events/{event_id}", summary="One event with its sources and evidence sentences")
def get_event(store: StoreDep, event_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    return records.event_detail_record(reads.event_detail(store, event_id))


@router.get("/clusters", summary="Located events grouped in a grid for a map at one zoom level")
def get_clusters(
    store: StoreDep, flt: FilterDep, zoom: Annotated[int, Query(ge=0, le=22, description="Map zoom level.")] = 6
) -> dict[str, Any]:
    return records.clusters_record(reads.event_clusters(store, flt, zoom=zoom))


@router.get("/stats", summary="Counts per day (and type), type, oblast and weapon class")
def get_stats(store: StoreDep, flt: FilterDep) -> dict[str, Any]:
    return records.stats_record(reads.event_stats(store, flt))


@router.get("/statements", summary="Attributed statements, newest first")
def list_statements(
    store: StoreDep,
    speaker: Annotated[str | None, Query(max_length=200, description="Part of the speaker's name.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the quote.")] = None,
    cursor: Cursor = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    page = reads.statement_page(store, speaker=speaker, text=q, cursor=cursor, limit=limit)
    return records.statement_page_record(page)


@router.get("/articles/{article_id}", summary="One stored article with its events and statements")
def get_article(store: StoreDep, article_id: Annotated[str, Path(max_length=400)]) -> dict[str, Any]:
    return records.article_detail_record(reads.article_detail(store, article_id))


@router.get("/config", summary="What the web page needs to know: the map tiles")
def get_config(state: Annotated[AppState, Depends(app_state)]) -> dict[str, Any]:
    return {"tile_url": state.settings.tile_url, "tile_attribution": state.settings.tile_attribution}


@router.post(
    "/articles",
    summary="Ingest documents: one {'text', 'id'?, 'title'?, 'published'?, 'url'?} or a list of them",
    responses={401: {}, 403: {}, 413: {}, 422: {}},
)
async def post_articles(request: Request, state: Annotated[AppState, Depends(app_state)]) -> dict[str, Any]:
    check_token(state.settings.api_token, request.headers.get("authorization"))
    documents = parse_documents(await read_body(request, MAX_BODY_BYTES))

    def ingest() -> dict[str, Any]:
        with state.write_lock:
            report = ingest_documents(documents, extractor=state.extractor(), store=state.store)
        return run_report_record(report)

    return await run_in_threadpool(ingest)


def check_token(expected: str | None, header: str | None) -> None:
    """ApiError 403 when writes are off (no token configured), 401 when the request's bearer
    token is missing or wrong."""
    if not expected:
        raise ApiError(
            403,
            "writes_disabled",
            "writing is switched off on this server: set SITROOM_API_TOKEN to a long random secret "
            "where the server runs, restart it, and send 'Authorization: Bearer <token>'",
        )
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401,
            "unauthorized",
            "this route needs a token: send the header 'Authorization: Bearer <token>' with the "
            "server's SITROOM_API_TOKEN",
            {"WWW-Authenticate": "Bearer"},
        )
    if not secrets.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(
            401,
            "unauthorized",
            "the bearer token is wrong; send the server's SITROOM_API_TOKEN",
            {"WWW-Authenticate": "Bearer"},
        )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or ApiError 413 as soon as it is longer than `limit` bytes."""
    too_large = ApiError(
        413, "too_large", f"the request body is larger than {limit} bytes; send fewer documents a request"
    )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def parse_documents(body: bytes) -> list[dict[str, Any]]:
    """The documents of a JSON body: one object, a list of objects, or {"documents": [...]}."""
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(422, "bad_request", f"the body is not JSON ({exc}); send a JSON object or list") from exc
    if isinstance(value, dict) and isinstance(value.get("documents"), list):
        value = value["documents"]
    documents = value if isinstance(value, list) else [value]
    if not all(isinstance(d, dict) for d in documents):
        raise ApiError(
            422, "bad_request", 'every document must be a JSON object like {"text": "...", "published": "2025-12-03"}'
        )
    return documents
