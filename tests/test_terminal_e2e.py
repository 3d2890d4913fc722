"""The installed ``newsdesk`` in a real terminal: tmux, locally and over SSH.

The reader runs in a tmux pane as a user would start it (from a shell, on a
warm index of the seeds); keys go in with ``tmux send-keys`` and what the
user sees comes back with ``tmux capture-pane``. Each test ends by quitting
with ``q`` and checking the terminal is left clean: exit status 0, the
shell prompt back, nothing of the interface left, alternate screen and
mouse reporting off, cursor visible.

The SSH variant goes through a real OpenSSH server started on 127.0.0.1 by
the test (skipped where there is none): the same keys, the same checks.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from collections.abc import Callable, Iterator

import pytest

from index.library import Library
from index.safety import clean

from .conftest import ROOT, SEEDS
from .e2e_helpers import (
    Sshd,
    Terminals,
    Tmux,
    assert_clean_exit,
    env_prefix,
    newsdesk_command,
    reader_env,
    running_sshd,
)

pytestmark = pytest.mark.slow

JAZEERA = "001_4a6a3c07746cc093.txt"
THIRD = "002_a8eac72172824d05.txt"
WIDE, NARROW = (150, 45), (80, 24)
SHOWN_FILE = re.compile(r"file (\S+\.txt)")
CURSOR = re.compile(r"▌ ¶(\d+) ")


def opening(text: str, chars: int = 24) -> str:
    """The first words of a passage, short enough to sit on its first line."""
    text = clean(text)
    cut = text.rfind(" ", 0, chars)
    return text[: cut if cut > 0 else chars]


def cursor_on(library: Library, article_id: str, number: int) -> Callable[[str], bool]:
    """A screen check: the passage cursor (▌) is on that passage of that article."""
    article = library.article(article_id)
    assert article is not None, article_id
    mark = f"▌ ¶{number}  {opening(article.passages[number - 1].text)}"
    return lambda screen: mark in screen


def search_hits(env: dict[str, str], query: str) -> list[tuple[str, int]]:
    """The exact query's hits, in the order the search box lists them first."""
    done = subprocess.run(
        [newsdesk_command(), "search", query, "--json", "--limit", "50"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["total"] == len(found["hits"]), "every hit listed, as in the search box"
    return [(hit["id"], hit["passage"]) for hit in found["hits"]]


@pytest.fixture
def terminals() -> Iterator[Terminals]:
    with Terminals() as made:
        yield made


@pytest.fixture
def sshd(tmp_path) -> Iterator[Sshd]:
    with running_sshd(tmp_path) as server:
        yield server


@pytest.fixture(params=["local", "ssh"])
def launch(request, seeds_index) -> Callable[[Tmux], None]:
    """Start the reader in a tmux pane, directly or through ``ssh -tt``."""
    env = reader_env()
    if request.param == "local":
        return lambda term: term.command(shlex.quote(newsdesk_command()))
    server: Sshd = request.getfixturevalue("sshd")
    remote = (
        f"cd {shlex.quote(str(ROOT))} && "
        f"{env_prefix({**env, 'TERM': 'xterm-256color'})} {shlex.quote(newsdesk_command())}"
    )
    return lambda term: term.command(server.ssh_command(remote))


@pytest.fixture
def library(seeds_index) -> Library:
    """The warm index the reader opens, read from the test for expected texts."""
    return Library([SEEDS], seeds_index)


def open_reader(term: Tmux, launch: Callable[[Tmux], None]) -> str:
    """Start the reader and wait until it shows the first article; its id."""
    launch(term)
    screen = term.wait_for(
        lambda s: SHOWN_FILE.search(s) is not None and CURSOR.search(s) is not None,
        "the first article with the passage cursor",
    )
    assert term.flag("alternate_on") == "1", "the reader should use the alternate screen"
    found = SHOWN_FILE.search(screen)
    assert found is not None
    return found.group(1)


def see_passage(term: Tmux, library: Library, article_id: str, number: int) -> None:
    """Wait until ``article_id`` is shown with the cursor on passage ``number``, in view."""
    there = cursor_on(library, article_id, number)
    screen = term.wait_for(
        lambda s: f"file {article_id}" in s or there(s), f"article {article_id} opened"
    )
    if not there(screen):
        # The reader does not scroll a newly shown article to the chosen passage (see
        # test_a_passage_opened_deep_in_an_article_is_scrolled_into_view); moving the
        # cursor away and back scrolls it there, so the rest can still be checked.
        assert number < len(library.article(article_id).passages)
        term.keys("j", "k")
    term.wait_for(there, f"{article_id} ¶{number} under the cursor")


def input_line(query: str) -> str:
    """The search box's line with ``query`` typed in it (between its borders)."""
    return f"▊  {query}  "


def all_results_listed(query: str, total: int) -> Callable[[str], bool]:
    """The search box shows ``query`` with all its ``total`` hits found (not the first
    results while still searching, nor those of a word typed half-way)."""
    status = re.compile(rf"(?<![\d+]){total} passages? match(es)?(?! so far)")
    return lambda screen: input_line(query) in screen and status.search(screen) is not None


def search_and_open(term: Tmux, query: str, position: int, total: int) -> None:
    """Search, then choose the result at ``position`` (0-based) in the list with Enter."""
    term.keys("/")
    screen = term.wait_for(lambda s: "Search passages" in s or input_line(query) in s, "search box")
    if input_line(query) not in screen:  # the box reopens with the last query
        term.type(query)
    term.wait_for(all_results_listed(query, total), f"all {total} results for {query!r}")
    term.press_and_see_change("Down", "focus on the results")
    for number in range(position):
        term.press_and_see_change("Down", f"result {number + 2} highlighted")
    term.keys("Enter")
    term.wait_for(lambda s: input_line(query) not in s, "the search box to close")


def test_wide_reader_search_jump_back_and_quit(terminals, launch, library, seeds_index):
    env = reader_env()
    hits = search_hits(env, "prisoners")  # before the reader opens: the CLI updates the index
    term = terminals.open(*WIDE, env)
    first = open_reader(term, launch)

    # The three panes side by side, the first passage under the cursor.
    screen = term.screen()
    top = screen.splitlines()[0]
    for title in ("Sources", "Article", "Other sources"):
        assert f"╭─ {title} " in top, f"pane {title!r} missing:\n{screen}"
    assert "Tab: next pane" not in screen  # the narrow layout's pane bar is hidden
    term.wait_for(cursor_on(library, first, 1), "passage 1 of the first article")
    term.wait_for("Related passages", "related passages in the other sources pane")

    # Tab to the other sources, pick the second related passage, Enter jumps there.
    related = library.related(first, 1).related
    assert len(related) >= 2, related
    target = related[1]
    term.press_and_see_change("Tab", "focus on the related passages")
    term.press_and_see_change("Down", "the second related passage highlighted")
    term.keys("Enter")
    term.wait_for(
        cursor_on(library, target.article_id, target.passage),
        f"the jump to {target.article_id} ¶{target.passage}",
    )

    # Backspace goes back to where the user was.
    term.keys("BSpace")
    term.wait_for(cursor_on(library, first, 1), "back on passage 1 of the first article")

    # Search "prisoners": open the hits in Al Jazeera (001) and the third article (002).
    for article_id in (JAZEERA, THIRD):
        position = next(i for i, hit in enumerate(hits) if hit[0] == article_id)
        search_and_open(term, "prisoners", position, len(hits))
        see_passage(term, library, *hits[position])
        term.wait_for_focus("Article", "focus back on the article after the search")

    term.keys("q")
    assert_clean_exit(term)


def test_narrow_reader_shows_one_pane_at_a_time(terminals, launch, library):
    env = reader_env()
    best = search_hits(env, "prisoners")[0]
    term = terminals.open(*NARROW, env)
    first = open_reader(term, launch)

    screen = term.screen()
    bar = screen.splitlines()[0]
    assert re.search(r"Sources +│ +Article +│ +Other sources +Tab: next pane", bar), screen
    assert "╭─ Article " in screen
    assert "╭─ Sources " not in screen and "╭─ Other sources " not in screen
    term.wait_for(cursor_on(library, first, 1), "passage 1 of the first article")

    term.wait_for_focus("Article")
    for shown in ("Other sources", "Sources", "Article"):
        term.keys("Tab")
        term.wait_for_focus(shown)
        hidden = [p for p in ("Sources", "Article", "Other sources") if p != shown]
        assert f"╭─ {shown} " in term.screen()
        assert all(f"╭─ {p} " not in term.screen() for p in hidden), term.screen()

    # The search box fits, and Enter on the query opens the best hit.
    term.keys("/")
    term.wait_for("Search passages", "the search box")
    term.type("prisoners")
    term.wait_for(lambda s: re.search(r"\d+ passages match", s) is not None, "search results")
    term.keys("Enter")
    see_passage(term, library, *best)
    term.wait_for_focus("Article")
    assert "╭─ Article " in term.screen()

    term.keys("q")
    assert_clean_exit(term)


def test_a_passage_opened_deep_in_an_article_is_scrolled_into_view(terminals, seeds_index):
    """Enter on a search hit far down another article shows that passage, not the top."""
    library = Library([SEEDS], seeds_index)
    env = reader_env()
    hits = search_hits(env, "prisoners")
    term = terminals.open(*WIDE, env)
    open_reader(term, lambda t: t.command(shlex.quote(newsdesk_command())))
    article_id, number = next(hit for hit in hits if hit[1] >= 10)  # well below the first screen
    search_and_open(term, "prisoners", hits.index((article_id, number)), len(hits))
    there = cursor_on(library, article_id, number)
    term.wait_for(lambda s: f"file {article_id}" in s or there(s), f"{article_id} opened")
    term.wait_for(there, f"¶{number} of {article_id} in view", timeout=5)


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["wide", "narrow"])
def test_keys_typed_in_one_go_all_count(terminals, seeds_index, size):
    """Tab Tab from the article reaches the sources pane, however fast it is typed."""
    term = terminals.open(*size, reader_env())
    open_reader(term, lambda t: t.command(shlex.quote(newsdesk_command())))
    term.wait_for_focus("Article")
    term.keys("Tab", "Tab")  # one write, as a fast typist's keys arrive over SSH
    term.wait_for_focus("Sources", "Tab Tab to move focus to the sources pane", timeout=5)


def indexing_processes() -> set[int]:
    """Pids of newsdesk indexing processes (the reader's child) on this machine."""
    done = subprocess.run(
        ["pgrep", "-f", "from index.update_process import main"], capture_output=True, text=True
    )
    return {int(pid) for pid in done.stdout.split()}


def test_quitting_while_a_new_corpus_is_indexed_stops_the_indexing_at_once(terminals, tmp_path):
    """The reader indexes in a process of its own: keys work meanwhile, and q leaves
    nothing running behind and the terminal clean."""
    corpus = tmp_path / "reports"
    corpus.mkdir()
    for n in range(400):
        (corpus / f"{n:03}.txt").write_text(
            f"Council report {n}\n\nThe council of Leeds met on {n % 28 + 1} March and "
            f"voted {n % 9 + 3} to 2 on budget item {n * 7}, the mayor said.\n",
            encoding="utf-8",
        )
    before = indexing_processes()
    term = terminals.open(*WIDE, reader_env())
    term.command(f"{shlex.quote(newsdesk_command())} {shlex.quote(str(corpus))}")
    progress = re.compile(r"Indexing \d+/400")
    term.wait_for(lambda s: progress.search(s) is not None, "the indexing progress", timeout=60)
    assert indexing_processes() - before, "the reader should index in a child process"
    term.keys("?")
    term.wait_for("newsdesk keys", "the help screen, while indexing")
    term.keys("Escape")
    term.wait_for(lambda s: "newsdesk keys" not in s, "the help screen closed")
    term.keys("q")
    assert_clean_exit(term)
    assert not indexing_processes() - before, "the indexing process outlived the reader"
