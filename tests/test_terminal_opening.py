"""The first open of a real folder with the installed ``newsdesk``, in tmux: the
2,225 BBC News articles of ``../shared/data`` (skipped where they are absent).

Its first index takes minutes, most of it NLP; a user reads the first articles
within seconds meanwhile, moves between them and searches them, while the
indexing line says how far it is. ``q`` stops the run, and the next open lists
what was indexed. How fast the first article comes is a benchmark
(``benchmarks/bench_opening.py``), not a test: the waits here are generous.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator

import pytest

from .conftest import SHARED_DATA
from .e2e_helpers import Terminals, Tmux, assert_clean_exit, newsdesk_command, reader_env

pytestmark = pytest.mark.slow

BBC = SHARED_DATA / "news-corpus" / "bbc"
WIDE = (150, 45)
SHOWN_FILE = re.compile(r"date .* file (\S+)")  # the article's header line
READABLE = re.compile(r"Indexing [\d,]+/[\d,]+ files · .*[\d,]+ readable")
FIRST_ARTICLE = 180.0  # seconds: NLP model loads on a busy machine; typically under 10


@pytest.fixture
def terminals() -> Iterator[Terminals]:
    with Terminals() as made:
        yield made


@pytest.fixture
def bbc() -> str:
    if not BBC.is_dir():
        pytest.skip(f"the BBC News corpus is not at {BBC}")
    return str(BBC)


def shown_file(screen: str) -> str | None:
    found = SHOWN_FILE.search(screen)
    return found.group(1) if found else None


def open_bbc(term: Tmux, bbc: str) -> str:
    term.command(f"{shlex.quote(newsdesk_command())} {shlex.quote(bbc)}")
    return term.wait_for(
        lambda s: shown_file(s) is not None, "an article to read", timeout=FIRST_ARTICLE
    )


def test_the_bbc_folder_is_read_while_its_first_index_is_built(terminals, bbc):
    term = terminals.open(*WIDE, reader_env())
    screen = open_bbc(term, bbc)
    first = shown_file(screen)
    screen = term.wait_for(lambda s: READABLE.search(s) is not None, "the articles readable")
    assert "Still being computed" in screen  # the comparison, not "nothing from other sources"
    term.keys("J")
    screen = term.wait_for(lambda s: shown_file(s) not in (None, first), "the next article")
    assert READABLE.search(screen), "the index should still be being built"
    term.keys("/")
    term.wait_for("Type to search", "the search box")
    term.type("profit")  # the first batch is business news
    term.wait_for("among the articles indexed so far", "hits, said to be a part")
    term.keys("Escape")
    term.wait_for(lambda s: "indexed so far" not in s, "the search closed")
    term.keys("q")
    assert_clean_exit(term)
    # The next open lists what the stopped run indexed, and goes on with the rest.
    screen = open_bbc(term, bbc)
    assert "Nothing readable" not in screen and "No articles have been indexed" not in screen
    term.wait_for(lambda s: READABLE.search(s) is not None, "the index going on")
    term.keys("q")
    assert_clean_exit(term)
