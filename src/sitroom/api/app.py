"""The application factory: the API under /api, the web page at /, Leaflet under /leaflet, and
the OpenAPI docs at /docs with Swagger UI served from the swagger-ui-bundle package (no CDN, so
they work offline)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from sitroom import __version__
from sitroom.api.errors import install_error_handlers
from sitroom.api.routes import router
from sitroom.api.state import AppState
from sitroom.config import Settings

if TYPE_CHECKING:
    from sitroom.extract.dispatch import ArticleExtractor

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
"""The web page's static files (index.html, app.js, style.css), shipped inside the package."""


def _default_extractor(settings: Settings) -> ArticleExtractor:
    from sitroom.build import build_extractor

    return build_extractor(settings)


def create_app(
    settings: Settings, *, build_extractor: Callable[[Settings], ArticleExtractor] = _default_extractor
) -> FastAPI:
    """The sitroom application over the database of `settings`, opened (and migrated) at
    startup and closed at shutdown. `build_extractor` makes the extractor on the first write."""
    from sitroom.store import Store

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with Store.open(settings.resolved_database_url()) as store:
            app.state.sitroom = AppState(settings=settings, store=store, build_extractor=build_extractor)
            yield

    app = FastAPI(
        title="sitroom",
        version=__version__,
        description="Events, statements and articles that sitroom read in news reports, with the "
        'sentences they came from. Errors are JSON: {"error": {"code", "message"}}.',
        lifespan=lifespan,
        docs_url=None,
    )
    install_error_handlers(app)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    app.mount("/leaflet", StaticFiles(directory=_leaflet_dir()), name="leaflet")
    app.mount("/docs-static", StaticFiles(directory=_swagger_dir()), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="sitroom API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/docs-static/favicon-32x32.png",
        )

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    return app


def _swagger_dir() -> str:
    import swagger_ui_bundle

    return str(swagger_ui_bundle.swagger_ui_path)


def _leaflet_dir() -> str:
    import xstatic.pkg.leaflet as leaflet

    return str(leaflet.BASE_DIR)


def app_from_environment() -> FastAPI:
    """The application with settings from SITROOM_* environment variables (for `uvicorn --factory`)."""
    return create_app(Settings())
