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
