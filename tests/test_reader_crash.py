"""A crash of the reader is a non-zero exit and one line, never a traceback.

The reader runs in tmux on the seeds with a fault planted by a
``sitecustomize`` module: ``c`` raises an error whose message holds markup and
an escape. The terminal must come back clean, with exit status 1 and one
line that says where the traceback was written; the traceback is in that
file and nowhere on the screen.
"""

from __future__ import annotations

import re
import shlex
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from .e2e_helpers import Terminals, assert_clean_exit, newsdesk_command, reader_env

pytestmark = pytest.mark.slow

FAULT = """
import tui.screens.reader as reader

def action_copy(self):
    raise RuntimeError("planted fault [/] \\x1b]0;pwned\\x07 in the copy key")

reader.ReaderScreen.action_copy = action_copy
"""


@pytest.fixture
def terminals() -> Iterator[Terminals]:
    with Terminals() as made:
        yield made


@pytest.mark.parametrize("where", ["in a key's handler", "before the reader opens"])
def test_a_crash_exits_1_with_one_line_and_the_traceback_in_the_log(
    terminals, seeds_index, tmp_path, isolated, where
):
    planted = tmp_path / "planted"
    planted.mkdir()
    fault = FAULT
    if where == "before the reader opens":
        fault = FAULT.replace("reader.ReaderScreen.action_copy = action_copy", "") + (
            "import tui.app\n"
            "tui.app.NewsdeskApp.get_default_screen = lambda self: action_copy(self)\n"
        )
    (planted / "sitecustomize.py").write_text(textwrap.dedent(fault), encoding="utf-8")
    term = terminals.open(250, 40, reader_env(PYTHONPATH=str(planted)))
    term.command(shlex.quote(newsdesk_command()))
    if where == "in a key's handler":
        term.wait_for(lambda s: "▌ ¶1" in s, "the first article")
        term.keys("c")

    screen = assert_clean_exit(term, status=1)
    said = [line for line in screen.splitlines() if line.startswith("newsdesk: ")]
    assert len(said) == 1, screen
    assert said[0].startswith("newsdesk: the reader stopped on an unexpected error: planted fault")
    assert "[/] ␛]0;pwned␇" in said[0]  # the message as written, inert
    for noise in ("Traceback", 'File "', "RuntimeError", "locals"):
        assert noise not in screen, screen
    found = re.search(r"the details are in (\S+)$", said[0])
    assert found, screen
    log = Path(found.group(1))
    assert log.parent == isolated / "state" / "newsdesk"
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "RuntimeError: planted fault" in text
