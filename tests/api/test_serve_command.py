"""`sitroom serve` and `sitroom demo --serve` start uvicorn with the application (uvicorn.run is
replaced here, so that the test does not block)."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi import FastAPI

from sitroom.cli import cli
from sitroom.config import Settings


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_run(app: Any, **options: Any) -> None:
        calls.append({"app": app, **options})

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_serve_runs_the_app_on_the_given_address(settings: Settings, served: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    [call] = served
    assert isinstance(call["app"], FastAPI)
    assert (call["host"], call["port"]) == ("127.0.0.1", 8123)
    assert "http://127.0.0.1:8123/" in result.output


def test_demo_serves_only_when_asked(settings: Settings, served: list[dict[str, Any]]) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", "--limit", "1"]).exit_code == 0
    assert served == []
    result = runner.invoke(cli, ["demo", "--limit", "1", "--serve", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert [call["port"] for call in served] == [8124]
