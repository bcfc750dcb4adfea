from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli import cli
from sitroom.config import Settings
from sitroom.extract import Extractor

REPORT = {
    "id": "t-1",
    "published": "2025-12-03T08:00:00Z",
    "title": "Drones hit Kharkiv overnight",
    "text": (
        "Russian forces attacked Kharkiv with 20 Shahed drones overnight, regional governor Oleh Syniehubov said. "
        "Two people were injured and a kindergarten was damaged.\n"
        '"The city was without power for hours," Mayor Ihor Terekhov said.'
    ),
}


@pytest.fixture(autouse=True)
def built_once(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands build their pipeline through sitroom.build; reuse the session's one."""
    monkeypatch.setattr("sitroom.build.build_extractor", lambda settings: extractor)


@pytest.fixture()
def documents(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps(REPORT) + "\n" + json.dumps({"id": "empty", "text": "Nothing happened."}) + "\n", encoding="utf-8"
    )
    return path


def test_extract_writes_one_line_per_document_in_order(documents: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(documents), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["t-1", "empty"]
    [event] = lines[0]["events"]
    assert event["type"] == "strike" and event["location"]["name"] == "Kharkiv"
    assert event["weapons"][0]["model"] == "Shahed-136" and event["weapons"][0]["launched"] == 20
    assert event["injured"] == 2 and "education" in event["damage"]
    assert event["date"]["start"] == "2025-12-02"
    assert lines[1]["events"] == []


def test_extract_reads_stdin_and_writes_stdout(documents: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", "-"], input=documents.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["t-1", "empty"]


def test_extract_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("{not json\n" + json.dumps(REPORT) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    assert "bad.jsonl:1" in result.stderr and "not a JSON object" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["t-1"]


def test_extract_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.jsonl")])
    assert result.exit_code != 0 and "nope.jsonl" in result.output


def test_ingest_is_idempotent_and_events_filter(documents: Path, settings: Settings) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(documents)])
    assert first.exit_code == 0, first.output
    assert "2 new" in first.stdout
    again = runner.invoke(cli, ["ingest", str(documents)])
    assert "0 new" in again.stdout and "1 event(s) in the store" in again.stdout

    table = runner.invoke(cli, ["events"])
    assert "Kharkiv" in table.stdout and "strike" in table.stdout
    as_json = runner.invoke(cli, ["events", "--format", "json", "--type", "strike", "--oblast", "UA-63"])
    [event] = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert event["location"]["admin1_code"] == "UA-63"
    for args in (
        ["--type", "diplomacy"],
        ["--oblast", "UA-30"],
        ["--since", "2025-12-04"],
        ["--near", "Lviv", "--km", "50"],
        ["--weapon", "cruise_missile"],
    ):
        assert runner.invoke(cli, ["events", "--format", "json", *args]).stdout == "", args
    for args in (["--near", "Kharkiv", "--km", "30"], ["--weapon", "drone"], ["--until", "2025-12-03"]):
        assert len(runner.invoke(cli, ["events", "--format", "json", *args]).stdout.splitlines()) == 1, args
    csv_out = runner.invoke(cli, ["events", "--format", "csv"]).stdout.splitlines()
    assert csv_out[0].startswith("id,date,type,place") and len(csv_out) == 2

    shown = runner.invoke(cli, ["show", event["id"]])
    assert shown.exit_code == 0
    assert ">>> Russian forces attacked Kharkiv" in shown.stdout and "Drones hit Kharkiv overnight" in shown.stdout


def test_errors_are_one_line_and_exit_code_1(settings: Settings) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["show", "0000000000000000"])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "0000000000000000" in result.stderr
    result = runner.invoke(cli, ["events", "--near", "Atlantis"])
    assert result.exit_code == 1 and "Atlantis" in result.stderr
