"""Untrusted text never drives the terminal: escape sequences, C1 controls,
bidi overrides and Rich markup inside articles, titles, sources, file names
and queries reach stdout and stderr only as inert, visible characters.

The CLI runs in a subprocess and its raw bytes are checked, as a terminal
would receive them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.safety import clean, clean_line, dumps

from .conftest import ROOT

CSI = "\x1b[2J\x1b[31m"
OSC52 = "\x1b]52;c;SGVsbG8=\x07"
OSC8 = "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"
DCS = "\x1bPq#0;2;0;0;0\x1b\\"
C1 = "\x9b2J\x90x\x9c"
BIDI = "\u202eevil\u202c \u2066iso\u2069"
MARKUP = "[bold red]x[/] [link=http://x]y[/link]"
HOSTILE = f"{CSI}{OSC52}{OSC8}{DCS}{C1}{BIDI} {MARKUP}"
UNSAFE_BYTES = re.compile(
    rb"\x1b|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xe2\x80[\xa8\xa9]|\xed[\xa0-\xbf]"
)


def cli(*args: str, index_dir: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """``newsdesk ARGS --index-dir INDEX_DIR`` in a subprocess, with its raw bytes."""
    args = (*args, "--index-dir", str(index_dir))
    env = {
        **os.environ,
        "NEWSDESK_INDEX_DIR": str(index_dir),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "COLUMNS": "200",
    }
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=timeout,
    )


def assert_inert(done: subprocess.CompletedProcess, what: str) -> None:
    for stream in (done.stdout, done.stderr):
        found = UNSAFE_BYTES.search(stream)
        assert found is None, f"{what}: raw {found.group()!r} in {stream[:300]!r}"
        assert b"Traceback" not in stream, f"{what}: {stream[-500:]!r}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A corpus whose every field carries escapes, bidi and markup, indexed once."""
    corpus = tmp_path_factory.mktemp("hostile")
    body = f"Peace talks {HOSTILE} ended.\n\nPrisoners {OSC52} were freed {C1} today."
    (corpus / "plain.txt").write_text(f"Title {CSI}{MARKUP}\n\n{body}\n", encoding="utf-8")
    front = json.dumps(f"Agency {HOSTILE}")  # YAML reads JSON string escapes
    (corpus / "front.md").write_text(
        f"---\nsource: {front}\ntitle: {json.dumps('Head ' + HOSTILE)}\nauthor: {front}\n"
        f"url: {json.dumps('http://x/' + OSC8)}\ndate: {json.dumps('2025 ' + CSI)}\n---\n{body}\n",
        encoding="utf-8",
    )
    (corpus / "data.json").write_text(
        json.dumps({"title": HOSTILE, "source": HOSTILE, "text": body, "date": HOSTILE})
    )
    (corpus / f"name {CSI}{BIDI}[bold]x.txt").write_text(body)
    os.symlink(b"missing", os.fsencode(corpus) + b"/broken \x1b]52;c;eA==\x07 \xff.txt")
    (corpus / f"bad {OSC8.replace('/', '')}.json").write_text("{")
    index_dir = tmp_path_factory.mktemp("ix")
    done = cli("index", str(corpus), index_dir=index_dir)
    return corpus, index_dir, done


def run(hostile, *args, flags=()):
    corpus, index_dir, _ = hostile
    done = cli(*args, str(corpus), *flags, index_dir=index_dir)
    assert_inert(done, " ".join(args + tuple(flags)))
    return done


def test_index_summary_names_hostile_files_inertly(hostile):
    done = hostile[2]
    assert done.returncode == 0, done.stderr
    assert_inert(done, "index")
    assert b"skipped bad \xe2\x90\x9b]8;;" in done.stdout  # ESC shown as the ␛ picture
    assert b"broken \xe2\x90\x9b]52;c;eA==\xe2\x90\x87 \\xff.txt" in done.stdout


def test_sources_text_and_json_are_inert_and_keep_markup_literal(hostile):
    text = run(hostile, "sources")
    assert text.returncode == 0
    assert MARKUP.encode() in text.stdout and b"[bold]x.txt" in text.stdout
    data = json.loads(run(hostile, "sources", flags=["--json"]).stdout)
    by_id = {row["id"]: row for row in data["articles"]}
    assert by_id["front.md"]["source"] == f"Agency {HOSTILE}"  # exact, yet escaped on the wire
    assert by_id["data.json"]["title"] == HOSTILE


@pytest.mark.parametrize("article", ["plain.txt", "front.md", "data.json"])
def test_show_text_and_json_are_inert(hostile, article):
    text = run(hostile, "show", article)
    assert text.returncode == 0 and b"Peace talks" in text.stdout
    assert MARKUP.encode() in text.stdout
    data = json.loads(run(hostile, "show", article, flags=["--json"]).stdout)
    assert all(data["text"][p["start"] : p["end"]] == p["text"] for p in data["passages"])
    assert HOSTILE in data["text"]


@pytest.mark.parametrize("query", ["prisoners", "talks [bold red]x[/]", f"prisoners OR {CSI}"])
def test_search_output_and_echoed_query_are_inert(hostile, query):
    text = run(hostile, "search", query)
    assert text.returncode == 0 and b"passages match" in text.stdout
    found = json.loads(run(hostile, "search", query, flags=["--json"]).stdout)
    assert found["total"] >= 1 and found["hits"]


@pytest.mark.parametrize(
    "query",
    [f"{OSC52}:x", f"x:{CSI}", f"{C1}*", f"{BIDI}" * 300, "[bold]nope[/]:x", f"evil{OSC8}:x"],
)
def test_odd_queries_are_answered_or_explained_inertly(hostile, query):
    done = run(hostile, "search", query)
    assert done.returncode in (0, 2)
    if done.returncode == 2:
        assert done.stderr.startswith(b"newsdesk: bad query")
    else:
        assert b"passages match" in done.stdout


@pytest.mark.parametrize(
    ("args", "flags"),
    [
        (("entities",), ()),
        (("entities",), ("--json",)),
        (("facts",), ()),
        (("facts",), ("--json",)),
        (("stories",), ()),
        (("stories",), ("--json",)),
        (("report",), ()),
        (("report",), ("--format", "json")),
        (("related", "front.md", "1"), ()),
        (("related", "front.md", "1"), ("--json",)),
    ],
)
def test_comparison_views_are_inert(hostile, args, flags):
    done = run(hostile, *args, flags=flags)
    assert done.returncode == 0, done.stderr
    if "--json" in flags or "json" in flags:
        json.loads(done.stdout)


def test_related_on_a_hostile_missing_id_is_inert(hostile):
    done = run(hostile, "related", f"nope {OSC52}{MARKUP}", "1")
    assert done.returncode == 1 and done.stderr.startswith(b"newsdesk: ")


def test_unknown_article_id_is_echoed_inertly(hostile):
    done = run(hostile, "show", f"nope {OSC52}{MARKUP}")
    assert done.returncode == 1
    assert b"no article with id" in done.stderr and b"[bold red]x[/]" in done.stderr


UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(st.characters(blacklist_categories=()), max_size=200))
def test_clean_makes_any_text_inert_and_keeps_offsets(text):
    cleaned = clean(text)
    assert len(cleaned) == len(text) and not UNSAFE_CHARS.search(cleaned)
    assert "\n" not in clean_line(text) and len(clean_line(text)) == len(text)
    cleaned.encode("utf-8")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(st.characters(blacklist_categories=()), max_size=200))
def test_json_output_is_exact_and_inert(text):
    wire = dumps({"title": text, "list": [text]})
    assert json.loads(wire) == {"title": text, "list": [text]}
    assert not UNSAFE_BYTES.search(wire.encode("utf-8"))
