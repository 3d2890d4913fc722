"""``newsdesk search`` as a whole process, against ``rg`` on the same files, in
one run: the time a user waits at the shell on an index that is up to date.

    python benchmarks/bench_shell_search.py --index DIR [--repeat N] [--engines E,F]
        [--source TREE] [--before TREE]

The 2,225 BBC articles are indexed into ``--index`` first for each engine
(``--engines``, default ``whoosh,tantivy``: each keeps its own files in the
folder) when it does not hold them yet (with NLP: minutes each), outside the
timing. Each query then runs ``--repeat`` times as ``newsdesk search QUERY
CORPUS --index-dir DIR --engine E`` (its update check included), as ``...
--no-update``, and as ``rg -i -c QUERY CORPUS``, interleaved so that a busy
moment of a shared machine falls on all alike; medians of the wall time and of
the CPU time (user and system: what the process itself costs, less swayed by
the other processes of a shared machine) are printed with their ratios to rg's
(the target: 3x). Floors are timed beside them: this interpreter starting and
ending, and starting and importing what a search imports (each engine and
:mod:`index.search`). newsdesk runs with its bytecode cached, as an installed
copy has it (``PYTHONDONTWRITEBYTECODE`` is dropped for it: without the cache
every run compiles newsdesk's own modules again). ``--source TREE`` runs
newsdesk from another checkout (an earlier version, for a before figure) with
this interpreter; ``--before TREE`` runs another checkout's search beside this
one's, interleaved with it, for a before and after from the same run.
``--phrases`` times four phrases instead of four words (``"prime minister"``;
rg gets the phrase's words as its pattern, ``rg -i -c 'prime minister'``).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWS, require  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("prisoners", "election", "broadband", "chancellor")
PHRASES = ('"prime minister"', '"mobile phone"', '"interest rates"', '"general election"')
# The console script's entry point (an earlier checkout's, when it has no tui.entry).
RUN = (
    "import sys; sys.path.insert(0, sys.argv.pop(1))\n"
    "try:\n    from tui.entry import main\n"
    "except ImportError:\n    from tui.cli import main\n"
    "sys.exit(main())"
)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def newsdesk(source: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", RUN, str(source), *args]


def imports(source: Path, modules: str) -> list[str]:
    return [sys.executable, "-c", RUN.split("\n")[0] + f"; import {modules}", str(source)]


def run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user and system) from start to exit of ``command``
    (its output thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # rg exits 1 when nothing matches
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr[-500:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, cpu


def commands(args: argparse.Namespace, corpus: str, rg: str) -> dict[str, list[list[str]]]:
    """Each measurement's commands, one per query (floors: one)."""
    found: dict[str, list[list[str]]] = {
        "rg": [[rg, "-i", "-c", query.strip('"'), corpus] for query in args.queries],
        "python start": [[sys.executable, "-c", "pass"]],
    }
    for engine in args.engines:
        where = [corpus, "--index-dir", str(args.index), "--engine", engine]
        searches = [newsdesk(args.source, "search", query, *where) for query in args.queries]
        found[f"{engine}: search"] = searches
        if args.source == ROOT:  # an earlier checkout may not have the option
            found[f"{engine}: --no-update"] = [[*c, "--no-update"] for c in searches]
        if args.before is not None:
            before = [newsdesk(args.before, "search", query, *where) for query in args.queries]
            found[f"{engine}: search, before"] = before
        module = f"index.engines.{engine}, index.search"
        found[f"{engine}: imports"] = [imports(args.source, module)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="index folder (made if new)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--engines", type=lambda v: v.split(","), default=["whoosh", "tantivy"])
    parser.add_argument("--source", type=Path, default=ROOT, help="newsdesk checkout to run")
    parser.add_argument("--before", type=Path, help="another checkout's search, run beside it")
    parser.add_argument("--phrases", action="store_true", help="phrases instead of words")
    args = parser.parse_args()
    args.queries = PHRASES if args.phrases else QUERIES
    corpus, rg = str(require(NEWS)), shutil.which("rg")
    if rg is None:
        print("skipped: rg (ripgrep) is not installed (apt-get install ripgrep)")
        return
    for engine in args.engines:  # brings each engine's index up to date
        where = [corpus, "--index-dir", str(args.index), "--engine", engine]
        command = newsdesk(args.source, "search", QUERIES[0], *where)
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=ENV)
    print(f"corpus: {corpus}  cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    measured = commands(args, corpus, rg)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in measured}
    for _ in range(args.repeat):
        for index in range(len(args.queries)):
            for name, runs in measured.items():
                if index < len(runs):
                    times[name].append(run(runs[index]))
    report(times)


def report(times: dict[str, list[tuple[float, float]]]) -> None:
    wall = {name: statistics.median(s for s, _ in samples) for name, samples in times.items()}
    cpu = {name: statistics.median(c for _, c in samples) for name, samples in times.items()}
    print(f"{'':28} {'wall':>8} {'x rg':>6} {'cpu':>8} {'x rg':>6}")
    for name in times:
        print(
            f"{name:28} {wall[name] * 1000:6.0f}ms {wall[name] / wall['rg']:5.1f}x "
            f"{cpu[name] * 1000:6.0f}ms {cpu[name] / cpu['rg']:5.1f}x"
        )
    print(f"load after: {os.getloadavg()[0]:.1f} (target: search within 3x rg)")


if __name__ == "__main__":
    main()
