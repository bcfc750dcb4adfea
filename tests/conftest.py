"""Shared fixtures: the real pipeline, built once per test session, and paths to ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitroom.config import Settings
from sitroom.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> Extractor:
    """The real pipeline over the embedded gazetteer (never the user's own database)."""
    from sitroom.build import build_extractor

    return build_extractor(Settings(data_dir=tmp_path_factory.mktemp("data"), database_url=None))


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> str:
    """The URL of a SQLite file holding the demo corpus, read through the real pipeline once a
    session; tests must not write to it (copy the file first)."""
    from importlib import resources

    from sitroom import pipeline
    from sitroom.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    corpus = resources.files("sitroom.demo").joinpath("corpus.jsonl")
    with resources.as_file(corpus) as path, Store.open(url) as store:
        pipeline.run([Path(path)], extractor=extractor, store=store)
    return url


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (evaluation sets, the founding report); tests that need it skip where it is absent."""
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"{SHARED} is absent (it holds the evaluation sets; CI always has it)")
    return SHARED


@pytest.fixture()
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings pointing at a fresh data directory (and so a fresh SQLite database)."""
    monkeypatch.setenv("SITROOM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SITROOM_DATABASE_URL", raising=False)
    return Settings()


POSTGRES_URL_VARIABLE = "SITROOM_TEST_POSTGRES_URL"


def _drop_everything(url: str) -> None:
    from sqlalchemy import create_engine, text

    from sitroom.store.tables import METADATA

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            METADATA.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: a SQLite file in a directory yet to be made, or the
    PostgreSQL database named by SITROOM_TEST_POSTGRES_URL (its tables dropped first; skipped
    when unset). scripts/test starts a throwaway server and sets it."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'sitroom.db'}"
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(f"set {POSTGRES_URL_VARIABLE} to run the database tests on PostgreSQL (scripts/test does)")
    _drop_everything(url)
    return url
