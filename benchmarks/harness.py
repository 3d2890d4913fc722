"""What the scale benchmarks share: peak memory, JSON results, child processes.

Each measurement runs in its own Python process so that its peak resident
memory (``ru_maxrss``) belongs to it alone; a child prints one JSON line
starting with ``RESULT`` that :func:`run_child` returns as a dict.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MARK = "RESULT "


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(result: dict[str, Any]) -> None:
    """Print a child's result for :func:`run_child`."""
    print(MARK + json.dumps(result), flush=True)


def run_child(script: str, *args: str, timeout: float = 6 * 3600) -> dict[str, Any]:
    """Run ``benchmarks/<script>`` with ``args`` and return the result it emitted."""
    command = [PYTHON, str(ROOT / "benchmarks" / script), *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    for line in done.stdout.splitlines():
        if line.startswith(MARK):
            return json.loads(line[len(MARK) :])
    tail = (done.stderr or done.stdout)[-2000:]
    raise RuntimeError(
        f"{script} {' '.join(args)} gave no result (exit {done.returncode}):\n{tail}"
    )


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1048576
