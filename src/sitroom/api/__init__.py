"""The HTTP API and the web page: `create_app(settings)` builds the FastAPI application.

    uvicorn --factory sitroom.api:app_from_environment     # or: sitroom serve

Routes are thin: they parse, call one function of `sitroom.store.reads` (or `sitroom.submit`)
and translate errors to JSON bodies {"error": {"code", "message"}}.
"""

from sitroom.api.app import app_from_environment, create_app

__all__ = ["app_from_environment", "create_app"]
