"""Stopping the NLP workers part-way: chunks under way, chunks waiting, chunks
cancelled, and not a line of Python's own on the user's terminal."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from index.analysis import Analysis


def test_ending_workers_with_chunks_cancelled_prints_nothing():
    """A run stopped (SIGTERM, Ctrl+C, q) cancels the chunks not yet taken and
    ends the workers busy with the others; the pool's own thread, finding them
    gone, used to raise on a cancelled chunk and print its traceback."""
    seen: list[BaseException | None] = []
    # Set here, not by a fixture: pytest sets a hook of its own for the test's call.
    hook, threading.excepthook = threading.excepthook, lambda args: seen.append(args.exc_value)
    try:
        _stop_part_way()
    finally:
        threading.excepthook = hook
    assert seen == []


def _stop_part_way() -> None:
    for _ in range(3):
        analysis = Analysis()
        pool = ProcessPoolExecutor(2, mp_context=get_context("spawn"))
        analysis._pool = pool
        futures = [pool.submit(time.sleep, 30) for _ in range(40)]
        while sum(future.running() for future in futures) < 2:
            time.sleep(0.05)
        for future in futures:
            future.cancel()  # as a stopped run drops its chunks
        started = time.monotonic()
        analysis._abandon()
        assert time.monotonic() - started < 10  # not the half minute of the chunks under way
        assert sum(future.cancelled() for future in futures) >= len(futures) - 3  # 2 busy, 1 queued
