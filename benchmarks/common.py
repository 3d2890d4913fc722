"""Helpers shared by the benchmark scripts: where the data is, and timing."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
NEWS = DATA / "news-corpus" / "bbc"
MULTISOURCE = DATA / "multisource"
NER_GOLD = DATA / "ner-gold"


def require(path: Path) -> Path:
    """Exit cleanly (status 0) with a message when the data is not on this machine."""
    if not path.exists():
        print(f"skipped: {path} is not available on this machine")
        sys.exit(0)
    return path


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def cpu_seconds() -> float:
    """User and system time of this process and of its ended children (a local
    pool's workers; a cluster's still running are not counted): unlike wall
    time, it does not depend on what else the machine is running."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def percentiles(samples: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1000, p95 * 1000
