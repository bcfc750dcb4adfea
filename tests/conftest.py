"""Shared fixtures: the real pipeline, built once per test session, and paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.config import Settings
from sitroom.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    from sitroom.build import build_extractor

    return build_extractor(Settings())


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
