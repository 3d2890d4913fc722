"""Indexing in a process of its own, for a caller that must stay responsive.

Reading files, analysing them and writing Whoosh segments is pure Python: in a
thread beside a user interface it holds the interpreter lock most of the time,
so every key press waits behind it. In a child process it runs on the other
core. The child reports progress and its summary (or the error that stopped
it) through a pipe; the index itself is shared on disk, where a commit is
atomic, so the caller reads the new generation once the child is done.

The child is a fresh interpreter running :func:`main`, not a
``multiprocessing`` one: nothing of the caller's ``__main__`` is imported again,
and from its first instruction nothing it or its own workers print can reach the
terminal the reader draws on.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .errors import IndexError_

if TYPE_CHECKING:
    from .build import Progress, Summary

STOP_WAIT = 2.0  # seconds a stopped child gets to abandon its writer
PARENT_CHECK = 1.0  # seconds between looks at whether the process that started us is there


class UpdateStopped(IndexError_):
    """The update was stopped by its caller (the reader quit)."""


class Child:
    """One update running in a child process; :meth:`run` waits for it."""

    def __init__(
        self, paths: list[str], index_path: Path, analysis: Any, wait: float, engine: str = ""
    ) -> None:
        here = str(Path(__file__).resolve().parent.parent)  # where `index` imports from
        found = [here, os.environ.get("PYTHONPATH", "")]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in found if p)}
        if engine:  # the caller's engine, whatever the environment says
            env["NEWSDESK_ENGINE"] = engine
        self._process = subprocess.Popen(
            # -P: the folder the reader was started in is not searched first, so an
            # `index` package there (another project's, another checkout's) is not run
            [sys.executable, "-P", "-c", "from index.update_process import main; main()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,  # a Ctrl+C in the terminal is the reader's, not the child's
        )
        self._stopped = threading.Event()
        assert self._process.stdin is not None
        try:
            pickle.dump((paths, str(index_path), analysis, wait), self._process.stdin)
            self._process.stdin.close()
        except OSError:  # the child died at once; run() reports its exit code
            pass

    def run(self, progress: Progress | None) -> Summary:
        """Relay progress until the child's summary arrives; raise what stopped it."""
        stream = self._process.stdout
        assert stream is not None
        try:
            while True:
                try:
                    message = pickle.load(stream)
                except (EOFError, OSError, pickle.UnpicklingError):
                    break
                kind = message[0]
                if kind == "progress" and progress is not None:
                    if not self._stopped.is_set():  # none once stopped, though queued
                        progress(*message[1:])
                elif kind == "done":
                    return message[1]
                elif kind == "error":
                    raise message[1]
        finally:
            stream.close()
            self._reap()
        if self._stopped.is_set():
            raise UpdateStopped("indexing was stopped")
        raise IndexError_(f"indexing stopped unexpectedly (exit code {self._process.returncode})")

    def stop(self) -> None:
        """Stop the child and its NLP workers; it abandons its writer, so the last
        commit stays as it was."""
        self._stopped.set()
        if self._process.poll() is None:
            self._process.terminate()
        self._reap()

    def _reap(self) -> None:
        """Wait for the child, killing it if it takes too long; then end what is
        left of its process group (its session, see __init__): the NLP workers it
        started, which would otherwise wait for work for ever."""
        try:
            self._process.wait(STOP_WAIT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        with contextlib.suppress(ProcessLookupError, PermissionError):  # none left
            os.killpg(self._process.pid, signal.SIGKILL)


def _serve(request: BinaryIO, reply: BinaryIO) -> None:
    """The child: read the request, update the index, send progress and the outcome."""
    from .library import Library

    paths, index_path, analysis, wait = pickle.load(request)

    def send(message: tuple) -> None:
        pickle.dump(message, reply)
        reply.flush()  # a gone reader stops the update here (BrokenPipeError)

    def progress(*event: object) -> None:  # (done, total, what, stage): index.progress
        send(("progress", *event))

    try:
        try:
            summary = Library(paths, index_path, analysis=analysis).update(progress, wait)
        except Exception as problem:
            send(("error", _portable(problem)))
        else:
            send(("done", summary))
    except OSError:  # the reader is gone: nobody to tell
        pass


def _portable(problem: BaseException) -> BaseException:
    """The error as the caller can receive it: itself when it pickles, else its message."""
    try:
        pickle.loads(pickle.dumps(problem))
    except Exception:
        return IndexError_(f"{type(problem).__name__}: {problem}")
    return problem


def exit_with_parent() -> None:
    """End this process (with SIGTERM) once the process that started it is gone.

    The reader stops its indexing process when it quits, but a reader killed
    outright (SIGKILL, out of memory) cannot; the indexing process and its
    NLP workers then notice on their own, within a second."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def main() -> None:
    # SIGTERM from Child.stop becomes SystemExit, which unwinds through the
    # writer's clean-up instead of leaving it half-way.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    exit_with_parent()
    reply = os.fdopen(os.dup(1), "wb")
    sink = os.open(os.devnull, os.O_WRONLY)
    os.dup2(sink, 1)  # stray prints (a library's, a worker's) go nowhere, not into the pipe
    os.close(sink)
    with reply:
        _serve(sys.stdin.buffer, reply)
