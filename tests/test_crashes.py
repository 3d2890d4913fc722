"""Killed runs, full disks, read-only indexes and several users on one index:
the next run always finds the last committed index whole, and finishes."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from index.build import update
from index.corpus import Corpus
from index.library import Library
from index.store import PENDING_UID, Store

from .conftest import ROOT
from .test_terminal_safety import cli

KILL_RUNS = 20
EXTRA = 40


def write_reports(folder: Path, prefix: str, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{prefix}{n:03}.txt").write_text(
            f"Report {prefix} {n} on prisoners.\n\nOfficials in Istanbul met on day {n}.\n"
        )


def start_indexing(corpus: Path, index_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "index", str(corpus), "--index-dir", str(index_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_sigkill_at_random_points_never_loses_a_commit(tmp_path):
    """Kill ``newsdesk index`` KILL_RUNS times at random moments while readers search."""
    corpus, index_dir = tmp_path / "corpus", tmp_path / "ix"
    write_reports(corpus / "base", "base", 150)
    started = time.monotonic()
    assert cli("index", str(corpus), index_dir=index_dir).returncode == 0
    run_time = time.monotonic() - started  # kill points spread over a whole run
    committed = {150}
    history = {150}
    extras = corpus / "extra"
    errors: list[BaseException] = []
    seen_totals: list[int] = []
    stop = threading.Event()

    def reader() -> None:  # another user searching the same index all along
        while not stop.is_set():
            try:
                library = Library([corpus], index_dir)
                seen_totals.append(len(library.articles()))
                library.search("prisoners", limit=3)
            except Exception as error:  # any failure is the finding
                errors.append(error)
            time.sleep(0.05)

    thread = threading.Thread(target=reader)
    thread.start()
    rng = random.Random(20261123)
    outcomes = {
        "killed before its commit": 0,
        # An update commits its articles, then the corpus-wide pass: killed in
        # between, the index has them and knows they are not compared yet.
        "killed between its two commits": 0,
        "killed after its commit": 0,
        "finished": 0,
    }
    try:
        for run in range(KILL_RUNS):
            adding = not extras.exists()
            if adding:
                write_reports(extras, f"x{run:02}-", EXTRA)
            else:
                shutil.rmtree(extras)
            target = 150 + (EXTRA if adding else 0)
            committed.add(target)
            process = start_indexing(corpus, index_dir)
            time.sleep(rng.uniform(0.05, 1.2) * run_time)
            process.send_signal(signal.SIGKILL)
            code = process.wait(timeout=60)
            store = Store(index_dir)
            count = len(store.articles())
            assert count in committed, f"run {run}: {count} articles is no committed state"
            history.add(count)  # a run's commits all hold its articles: its end state
            if code == 0:
                outcomes["finished"] += 1
            elif count == target and store.reader.has("state", PENDING_UID):
                outcomes["killed between its two commits"] += 1
            elif count == target:
                outcomes["killed after its commit"] += 1
            else:
                outcomes["killed before its commit"] += 1
            if count != target:  # leave the corpus as the index has it, so each run has work
                if adding:
                    shutil.rmtree(extras)
                else:
                    write_reports(extras, f"x{run:02}-", EXTRA)
                committed.discard(target)
    finally:
        stop.set()
        thread.join()
    print(f"\n{KILL_RUNS} SIGKILL runs: {outcomes}; {len(seen_totals)} concurrent reads")
    stopped = outcomes["killed before its commit"] + outcomes["killed between its two commits"]
    assert stopped >= 3, outcomes
    assert not errors, errors[:3]
    assert set(seen_totals) <= history  # readers only ever saw states some run committed
    final = cli("index", str(corpus), index_dir=index_dir, timeout=120)
    assert final.returncode == 0, final.stderr
    expected = 150 + (EXTRA if extras.exists() else 0)
    assert len(Store(index_dir).articles()) == expected
    assert Library([corpus], index_dir).search("prisoners", limit=1).total == expected
    assert not Store(index_dir).reader.has("state", PENDING_UID)  # every article compared


CRASHER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from whoosh.filedb.filestore import FileStorage
    from index.build import update
    from index.corpus import Corpus

    name, nth = sys.argv[3], int(sys.argv[4])
    real = getattr(FileStorage, name)
    calls = 0

    def dying(self, *args, **kwargs):
        global calls
        calls += 1
        if calls == nth and sys.argv[5] == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        result = real(self, *args, **kwargs)
        if calls == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(FileStorage, name, dying)
    update(Corpus.of([sys.argv[1]]), Path(sys.argv[2]), batch=20)
    print("finished")
    """
)
# (storage call, which call, before or after it): inside segment writing, the
# TOC written but not renamed, and just after the rename that is the commit.
CRASH_POINTS = [
    ("create_file", 1, "before"),
    ("create_file", 2, "after"),
    ("create_file", 4, "after"),
    ("create_file", 7, "after"),
    ("rename_file", 1, "before"),
    ("rename_file", 1, "after"),
    ("delete_file", 1, "before"),
]


def test_kill_inside_the_commit_keeps_one_whole_generation(tmp_path):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "ix"
    write_reports(corpus, "base", 40)
    update(Corpus.of([corpus]), index_dir)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for n, (name, nth, when) in enumerate(CRASH_POINTS):
        (corpus / f"new{n}.txt").write_text(f"New report {n} on prisoners.\n")
        before = len(Store(index_dir).articles())
        done = subprocess.run(
            [sys.executable, "-c", CRASHER, str(corpus), str(index_dir), name, str(nth), when],
            env=env,
            capture_output=True,
            timeout=120,
        )
        assert done.returncode in (-9, 0), done.stderr[-800:]
        store = Store(index_dir)
        count = len(store.articles())
        assert count in (before, 40 + n + 1), (name, nth, when, count)
        # One generation: the pass's state counts every article, or (killed
        # between an update's two commits) every one but those it names as
        # not compared yet, for the next run to compare.
        waiting = store.comparing()
        assert waiting <= {a["id"] for a in store.articles()}
        assert len(store.state()) > 0 and store.state()["articles"] + len(waiting) == count
        assert Library([corpus], index_dir).search("prisoners", limit=1).total == count
    summary = update(Corpus.of([corpus]), index_dir)  # the lock a killed run held is free
    assert len(Store(index_dir).articles()) == 40 + len(CRASH_POINTS)
    assert Store(index_dir).state()["articles"] == 40 + len(CRASH_POINTS)
    assert not Store(index_dir).comparing()
    assert not update(Corpus.of([corpus]), index_dir).changed, summary


def fail_writes_after(monkeypatch, count: int) -> None:
    """Every file the index creates after the first ``count`` fails: a full disk."""
    from whoosh.filedb.filestore import FileStorage

    real = FileStorage.create_file
    calls = []

    def full(self, name, *args, **kwargs):
        calls.append(name)
        if len(calls) > count:
            raise OSError(errno.ENOSPC, "No space left on device", name)
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(FileStorage, "create_file", full)


@pytest.mark.parametrize("count", [2, 3, 6])
def test_a_failed_write_leaves_the_old_index_readable(tmp_path, monkeypatch, count):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "ix"
    write_reports(corpus, "base", 20)
    library = Library([corpus], index_dir)
    library.update()
    write_reports(corpus, "more", 20)
    fail_writes_after(monkeypatch, count)
    with pytest.raises(OSError, match="No space left"):
        library.update()
    monkeypatch.undo()
    assert len(Store(index_dir).articles()) == 20
    assert Library([corpus], index_dir).search("prisoners", limit=1).total == 20


def test_a_failed_write_frees_the_lock_for_the_next_run(tmp_path, monkeypatch):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "ix"
    write_reports(corpus, "base", 5)
    library = Library([corpus], index_dir)
    library.update()
    write_reports(corpus, "more", 5)
    fail_writes_after(monkeypatch, 2)
    with pytest.raises(OSError):
        library.update()
    monkeypatch.undo()
    assert len(library.update().added) == 5


@pytest.fixture
def small_tmpfs():
    """A 512 KB tmpfs (root only): a real full disk."""
    mount_point = Path(tempfile.mkdtemp(prefix="newsdesk-full-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount_point)], capture_output=True
    )
    if done.returncode != 0:
        mount_point.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=False)
    mount_point.rmdir()


def fill_corpus(corpus: Path, count: int) -> None:
    rng = random.Random(7)
    for n in range(count):
        words = " ".join(f"w{rng.randrange(10**9)}" for _ in range(200))
        (corpus / f"big{n:03}.txt").write_text(f"Report on prisoners {n}.\n\n{words}\n")


def test_a_full_disk_gives_one_line_and_keeps_the_old_index(tmp_path, small_tmpfs):
    corpus = tmp_path / "corpus"
    write_reports(corpus, "base", 5)
    assert cli("index", str(corpus), index_dir=small_tmpfs).returncode == 0
    fill_corpus(corpus, 120)
    done = cli("index", str(corpus), index_dir=small_tmpfs)
    assert done.returncode == 1
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsdesk: ")
    assert "No space left on device" in lines[0]
    assert len(Store(small_tmpfs).articles()) == 5
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_tmpfs)], check=True)
    again = cli("index", str(corpus), index_dir=small_tmpfs)
    assert again.returncode == 0, again.stderr
    assert len(Store(small_tmpfs).articles()) == 125


def test_search_still_works_on_the_old_index_when_the_disk_is_full(tmp_path, small_tmpfs):
    corpus = tmp_path / "corpus"
    write_reports(corpus, "base", 5)
    assert cli("index", str(corpus), index_dir=small_tmpfs).returncode == 0
    fill_corpus(corpus, 120)
    done = cli("search", "prisoners", str(corpus), "--json", index_dir=small_tmpfs)
    assert done.returncode == 0, done.stderr
    assert b'"total": 5' in done.stdout


@pytest.fixture
def shared_dir():
    """A folder other users can read (pytest's tmp_path is private to root)."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to run the CLI as another user")
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-shared-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def as_nobody(*args: str) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ["PATH"], "HOME": "/tmp", "PYTHONPATH": str(ROOT)}
    command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return subprocess.run(
        [*command, sys.executable, "-m", "tui.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )


def test_a_read_only_index_opens_with_a_message_not_an_error(shared_dir):
    corpus, index_dir = shared_dir / "corpus", shared_dir / "ix"
    write_reports(corpus, "base", 10)
    assert cli("index", str(corpus), index_dir=index_dir).returncode == 0
    write_reports(corpus, "new", 3)  # changed since: another user may not update it
    for args in (("search", "prisoners"), ("sources",), ("show", "base000.txt")):
        done = as_nobody(*args, str(corpus), "--index-dir", str(index_dir), "--json")
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr
    text = as_nobody("search", "prisoners", str(corpus), "--index-dir", str(index_dir))
    assert text.returncode == 0 and b"read-only" in text.stderr
    assert b"10 passages match" in text.stdout
    denied = as_nobody("index", str(corpus), "--index-dir", str(index_dir))
    assert denied.returncode == 1
    assert denied.stderr.startswith(b"newsdesk: ") and b"read-only" in denied.stderr
    assert len(Store(index_dir).articles()) == 10


def hold_write_lock(index_dir: Path):
    from index.engines.whoosh import open_for_writing

    return open_for_writing(index_dir).writer(timeout=1)


def test_search_answers_from_the_last_commit_while_another_process_indexes(tmp_path):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "ix"
    write_reports(corpus, "base", 10)
    update(Corpus.of([corpus]), index_dir)
    write_reports(corpus, "new", 5)  # what the other process is busy indexing
    writer = hold_write_lock(index_dir)
    try:
        started = time.monotonic()
        done = cli("search", "prisoners", str(corpus), "--json", index_dir=index_dir)
        elapsed = time.monotonic() - started
    finally:
        writer.cancel()
    assert done.returncode == 0, done.stderr
    assert elapsed < 5, f"search waited {elapsed:.0f} s for another process's index run"
