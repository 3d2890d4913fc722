"""Signals end the reader as q does: the terminal is put back and nothing it
started outlives it.

The reader opens a new corpus of 400 articles in tmux, so it indexes in a
process of its own with two NLP worker processes under it. Once they run, it
is ended by q, SIGTERM, SIGHUP, or its terminal going away (tmux killed: the
hang-up of a dropped SSH connection). Every process under the reader must be
gone within seconds, and, where the terminal is still there, it must be back
to normal: main screen, mouse reporting off, cursor shown.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .e2e_helpers import Terminals, Tmux, assert_clean_exit, newsdesk_command, reader_env

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc"),
]

# The indexing process, multiprocessing's resource tracker, and the NLP workers.
UNDER_THE_READER = 2 + min(2, os.cpu_count() or 1)


@pytest.fixture
def terminals() -> Iterator[Terminals]:
    with Terminals() as made:
        yield made


def council_reports(folder: Path, count: int = 400) -> Path:
    """Reports long enough that NLP on one worker's share takes a while: a
    stopped worker that finished its share first would outlive the reader."""
    folder.mkdir()
    for n in range(count):
        paragraphs = [
            f"The council of Leeds met on {(n + p) % 28 + 1} March and voted {p % 9 + 3} "
            f"to 2 on budget item {n * 7 + p}, Mayor Alice Green told the Yorkshire Post."
            for p in range(30)
        ]
        (folder / f"{n:03}.txt").write_text(
            f"Council report {n}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
        )
    return folder


def children() -> dict[int, list[int]]:
    """Every process's children, from /proc."""
    found: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        found.setdefault(parent, []).append(int(entry))
    return found


def descendants(pid: int) -> set[int]:
    tree, found, todo = children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def reader_pid(term: Tmux) -> int:
    shell = int(term.flag("pane_pid"))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if found := children().get(shell):
            return found[0]
        time.sleep(0.1)
    raise AssertionError("the reader did not start")


def wait_for_workers(reader: int) -> set[int]:
    """The reader's processes once the NLP workers run (in the first batch of
    articles, before any progress is shown)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        found = descendants(reader)
        if len(found) >= UNDER_THE_READER:
            time.sleep(1.0)  # the workers load the model and take their first chunks
            return descendants(reader)
        time.sleep(0.2)
    raise AssertionError(f"no NLP workers under the reader: {descendants(reader)}")


def assert_all_gone(pids: set[int], timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(alive(pid) for pid in pids):
            return
        time.sleep(0.1)
    left = {pid: Path(f"/proc/{pid}/cmdline").read_bytes()[:80] for pid in pids if alive(pid)}
    raise AssertionError(f"processes outlived the reader: {left}")


@pytest.mark.parametrize(
    ("ending", "status"),
    [("q", 0), ("SIGTERM", 128 + signal.SIGTERM), ("SIGHUP", 128 + signal.SIGHUP)],
)
def test_the_reader_ends_cleanly_and_alone(terminals, tmp_path, ending, status):
    corpus = council_reports(tmp_path / "reports")
    term = terminals.open(150, 45, reader_env())
    term.command(f"{shlex.quote(newsdesk_command())} {shlex.quote(str(corpus))}")
    reader = reader_pid(term)
    started = wait_for_workers(reader)

    if ending == "q":
        term.keys("q")
    else:
        os.kill(reader, getattr(signal, ending))
    assert_clean_exit(term, status)
    assert_all_gone(started | {reader})


def test_a_terminal_that_goes_away_takes_the_reader_and_its_processes(terminals, tmp_path):
    corpus = council_reports(tmp_path / "reports")
    term = terminals.open(150, 45, reader_env())
    term.command(f"{shlex.quote(newsdesk_command())} {shlex.quote(str(corpus))}")
    reader = reader_pid(term)
    started = wait_for_workers(reader)

    term.kill()  # the terminal closes: the reader gets SIGHUP and can no longer write
    assert_all_gone(started | {reader})


def test_a_reader_killed_outright_still_leaves_no_process_behind(terminals, tmp_path):
    """SIGKILL cannot be caught: the indexing process and its workers notice."""
    corpus = council_reports(tmp_path / "reports")
    term = terminals.open(150, 45, reader_env())
    term.command(f"{shlex.quote(newsdesk_command())} {shlex.quote(str(corpus))}")
    reader = reader_pid(term)
    started = wait_for_workers(reader)

    os.kill(reader, signal.SIGKILL)
    assert_all_gone(started | {reader})


def test_a_shell_index_ended_by_sigterm_says_so_and_leaves_no_process(tmp_path):
    """``newsdesk index`` under ``timeout`` or a service manager: SIGTERM stops
    it as Ctrl+C does, in one line, its NLP workers ended with it, where the
    process vanished and Python's process tracker printed a warning."""
    corpus = council_reports(tmp_path / "reports")
    command = [newsdesk_command(), "index", str(corpus), "--index-dir", str(tmp_path / "ix")]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **reader_env()}
    )
    deadline = time.monotonic() + 120
    while len(descendants(process.pid)) < UNDER_THE_READER - 1:  # no indexing process apart
        assert time.monotonic() < deadline, "no NLP workers under newsdesk index"
        assert process.poll() is None, process.communicate()
        time.sleep(0.2)
    time.sleep(1.0)  # the workers load the model and take their first chunks
    started = descendants(process.pid)

    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert err.decode().strip().splitlines() == ["newsdesk: stopped by SIGTERM"]
    assert_all_gone(started)
