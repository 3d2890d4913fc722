"""An article full of terminal escapes, opened in the reader in a real terminal.

Its text, title, source and author carry an OSC 52 clipboard write, a CSI
clear-screen, C1 controls, a bidi override and Rich markup. The reader runs
in tmux on the wide layout with that article open (and the search box over
it); ``tmux pipe-pane`` records every byte it writes. None of the payloads
may reach the terminal raw: they must show as inert stand-ins (␛, �), and
the markup as the literal text it is.
"""

from __future__ import annotations

import json
import re
import shlex
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .e2e_helpers import (
    STEP_TIMEOUT,
    Terminals,
    assert_clean_exit,
    newsdesk_command,
    reader_env,
)

pytestmark = pytest.mark.slow

OSC52 = "\x1b]52;c;SGVsbG8=\x07"
CLEAR = "\x1b[2J"
C1 = "\x9b31m\x90"
BIDI = "\u202e"
MARKUP = "[bold red]x[/]"
LINK = "[link=http://evil]y[/link]"
ESCAPES = f"{OSC52}{CLEAR}{C1}{BIDI}"
# What the escapes look like once made inert: ESC and BEL as control pictures,
# C1 controls and the bidi override as U+FFFD, the rest as plain characters.
INERT = "␛]52;c;SGVsbG8=␇␛[2J�31m��"
HITS = re.compile(r"\d+ passages? match")


@pytest.fixture
def terminals() -> Iterator[Terminals]:
    with Terminals() as made:
        yield made


@pytest.fixture
def hostile_corpus(tmp_path) -> Path:
    """One Markdown article: escapes and markup in its front matter and its passages."""
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    front = {  # JSON strings are YAML strings, with the escapes spelled out
        "title": f"Title {MARKUP} {ESCAPES} {LINK}",
        "source": f"Agency {MARKUP}{ESCAPES}",
        "author": f"Author {LINK}{ESCAPES}",
        "date": "2025-05-16",
    }
    lines = "\n".join(f"{key}: {json.dumps(value)}" for key, value in front.items())
    body = (
        f"{MARKUP} {LINK} Peace talks {ESCAPES} ended in Istanbul without a deal.\n\n"
        f"Prisoners were freed {OSC52} today {C1}{BIDI} by both sides.\n"
    )
    (corpus / "000_hostile.md").write_text(f"---\n{lines}\n---\n{body}", encoding="utf-8")
    return corpus


def wait_for_bytes(log: Path, needle: bytes, timeout: float = STEP_TIMEOUT) -> bytes:
    deadline = time.monotonic() + timeout
    while True:
        raw = log.read_bytes() if log.exists() else b""
        if needle in raw:
            return raw
        assert time.monotonic() < deadline, f"{needle!r} never written; the end: {raw[-400:]!r}"
        time.sleep(0.05)


def test_escapes_in_an_article_never_reach_the_terminal(terminals, hostile_corpus, tmp_path):
    term = terminals.open(150, 45, reader_env())
    log = tmp_path / "terminal.bytes"
    term.pipe_output(log)
    term.command(f"{shlex.quote(newsdesk_command())} {shlex.quote(str(hostile_corpus))}")

    # The article opens first (it is the only one); indexing runs the NLP model: allow for it.
    screen = term.wait_for(
        lambda s: "000_hostile.md" in s and "▌ ¶1" in s, "the article", timeout=90
    )
    for title in ("Sources", "Article", "Other sources"):
        assert f"╭─ {title} " in screen.splitlines()[0], screen
    assert f"Title {MARKUP} " in screen  # the title, first in the header
    assert f"▌ ¶1  {MARKUP} {LINK} Peace talks" in screen  # markup as plain text
    assert INERT in screen  # the escapes as visible stand-ins
    assert "Agency " in screen

    # The search box lists the same article's title, source and snippet.
    term.keys("/")
    term.wait_for("Search passages", "the search box")
    term.type("peace")
    screen = term.wait_for(lambda s: HITS.search(s) is not None, "search results")
    assert f"Agency {MARKUP}" in screen, screen
    term.keys("Escape")
    term.wait_for(lambda s: HITS.search(s) is None, "the search box to close")

    term.keys("q")
    assert_clean_exit(term)
    raw = wait_for_bytes(log, b"EXITED:0")

    assert b"\x1b[?1049h" in raw, "the reader should have drawn on the alternate screen"
    assert INERT.encode() in raw  # the stand-ins went out as text...
    assert b"\x1b]52" not in raw  # ...and no clipboard write did
    # The only OSC sequences are Textual's own (pointer shape, title, links).
    kinds = set(re.findall(rb"\x1b\](\d*)", raw))
    assert kinds <= {b"22", b"0", b"2", b"8"}, kinds
    links = re.findall(rb"\x1b\]8;[^\x07\x1b]*;([^\x07\x1b]*)", raw)
    assert not [link for link in links if b"evil" in link], links  # no OSC 8 hyperlink
    for payload in (b"\xc2\x9b", b"\xc2\x90", b"\xe2\x80\xae"):  # C1 CSI, C1 DCS, RLO
        assert payload not in raw, f"{payload!r} written raw"
    # Textual never clears with CSI 2J (it redraws), so any would be the article's.
    assert CLEAR.encode() not in raw
