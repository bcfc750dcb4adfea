"""Docs cannot drift: every command and every setting is in the README."""

from __future__ import annotations

from pathlib import Path

from sitroom.cli import cli
from sitroom.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    for name in cli.commands:
        assert f"`sitroom {name}" in README, f"sitroom {name} is not in README.md"


def test_every_setting_is_documented() -> None:
    for name, field in Settings.model_fields.items():
        assert f"SITROOM_{name.upper()}" in README, f"SITROOM_{name.upper()} is not in README.md"
        assert field.description, f"Settings.{name} has no description"


def test_quickstart_commands_exist() -> None:
    root = Path(__file__).resolve().parents[1]
    for script in ("scripts/demo", "scripts/test"):
        assert script in README and (root / script).stat().st_mode & 0o111
    assert "scripts/test" in (root / ".ci" / "run").read_text(encoding="utf-8")
