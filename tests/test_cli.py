"""The command line as a user meets it: text, JSON and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

from .conftest import SEEDS


@pytest.fixture(autouse=True)
def warm_index(seeds_index):
    """The CLI finds the seeds already indexed (as on a user's second run)."""
    return seeds_index


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_sources_shows_titles_outlets_and_the_untrusted_date(capsys):
    code, out, _ = run(capsys, "sources")
    assert code == 0
    assert "Ukraine and Russia end Istanbul peace talks" in out
    assert "Russia, Ukraine Hold First Direct Talks" in out
    assert "Al Jazeera" in out and "EFE" in out
    assert "3035" in out and "future" in out


def test_sources_json_shape(capsys):
    code, out, _ = run(capsys, "sources", "--json")
    data = json.loads(out)
    assert code == 0 and data["skipped"] == []
    rows = {row["id"][:3]: row for row in data["articles"]}
    assert set(rows) == {"000", "001", "002", "003", "004"}
    assert rows["000"]["date"] is None and rows["000"]["date_raw"] == "Jul. 23, 3035"
    assert rows["001"]["source"] == "Al Jazeera"
    assert {"id", "path", "source", "title", "date", "date_note", "passages"} <= set(rows["002"])


def test_search_text_and_json(capsys):
    code, out, _ = run(capsys, "search", "prisoners", "--limit", "20")
    assert code == 0 and "001_4a6a3c07746cc093.txt" in out and "002_a8eac72172824d05.txt" in out
    code, out, _ = run(capsys, "search", "source:EFE prisoners", "--json")
    data = json.loads(out)
    assert data["total"] == 2
    assert {h["id"] for h in data["hits"]} == {"000_52c0d36fd34b07fa.txt"}
    hit = data["hits"][0]
    assert {"id", "passage", "start", "end", "score", "snippet"} <= set(hit)
    text = (SEEDS / hit["id"]).read_text(encoding="utf-8")
    assert hit["snippet"] in text[hit["start"] : hit["end"]]


def test_show_prints_passages_with_offsets(capsys):
    code, out, _ = run(capsys, "show", "002_a8eac72172824d05.txt", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["passages"]) == 12
    first = data["passages"][0]
    assert data["text"][first["start"] : first["end"]] == first["text"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["search", "a*"], 2, "bad query"),
        (["search", "nosuchfield:x"], 2, "unknown field"),
        (["show", "missing.txt"], 1, "no article"),
        (["search"], 2, "QUERY"),
        (["sources", "/nonexistent/folder"], 0, ""),
    ],
)
def test_errors_have_messages_and_exit_codes_not_tracebacks(capsys, args, code, message):
    got, out, err = run(capsys, *args)
    assert got == code
    assert message in err + out
    assert "Traceback" not in err + out


def test_the_installed_command_runs():
    beside = Path(sys.executable).parent / "newsdesk"
    command = str(beside) if beside.exists() else shutil.which("newsdesk")
    if command is None:
        pytest.skip("the newsdesk command is not installed in this environment")
    done = subprocess.run(
        [command, "search", "Dolmabahce", "--json"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total"] == 3
