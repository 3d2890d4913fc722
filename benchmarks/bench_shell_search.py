"""``newsdesk search`` as a whole process, against ``rg`` on the same files, in
one run: the time a user waits at the shell on an index that is up to date.

    python benchmarks/bench_shell_search.py --index DIR [--repeat N] [--source TREE]

The 2,225 BBC articles are indexed into ``--index`` first when it does not
hold them yet (with NLP: minutes), outside the timing. Each query then runs
``--repeat`` times as ``newsdesk search QUERY CORPUS --index-dir DIR`` (its
update check included), as ``... --no-update``, and as ``rg -i -c QUERY
CORPUS``, interleaved so that a busy moment of a shared machine falls on all
three alike; medians are printed with the ratio to rg (the target: 3x). Two
floors are timed beside them: this interpreter starting and ending, and
starting and importing the search (Whoosh and what it imports).
``--source TREE`` runs newsdesk from another checkout (an earlier version,
for a before figure) with this interpreter.
"""

from __future__ import annotations

import argparse
import os
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
RUN = "import sys; sys.path.insert(0, sys.argv.pop(1)); from tui.cli import main; sys.exit(main())"


def newsdesk(source: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", RUN, str(source), *args]


def wall(command: list[str]) -> float:
    """Seconds from start to exit of ``command`` (its output thrown away)."""
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # rg exits 1 when nothing matches
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr[-500:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="index folder (made if new)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--source", type=Path, default=ROOT, help="newsdesk checkout to run")
    args = parser.parse_args()
    corpus, rg = str(require(NEWS)), shutil.which("rg")
    if rg is None:
        print("skipped: rg (ripgrep) is not installed (apt-get install ripgrep)")
        return
    base = newsdesk(args.source, "search", QUERIES[0], corpus, "--index-dir", str(args.index))
    subprocess.run(base, stdout=subprocess.DEVNULL, check=True)  # brings the index up to date
    print(f"corpus: {corpus}  cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    times: dict[str, list[float]] = {"search": [], "search --no-update": [], "rg": []}
    floors = {
        "python start": [sys.executable, "-c", "pass"],
        "python + search imports": [
            sys.executable,
            "-c",
            RUN.split("; from")[0] + "; import index.search",
            str(args.source),
        ],
    }
    times.update({name: [] for name in floors})
    for _ in range(args.repeat):
        for name, command in floors.items():
            times[name].append(wall(command))
        for query in QUERIES:
            command = newsdesk(args.source, "search", query, corpus, "--index-dir", str(args.index))
            times["search"].append(wall(command))
            if args.source == ROOT:  # an earlier checkout may not have the option
                times["search --no-update"].append(wall([*command, "--no-update"]))
            times["rg"].append(wall([rg, "-i", "-c", query, corpus]))
    rg_median = statistics.median(times["rg"])
    for name, samples in times.items():
        if samples:
            median = statistics.median(samples)
            print(f"{name:20} median {median * 1000:7.0f} ms  {median / rg_median:5.1f}x rg")
    print(f"load after: {os.getloadavg()[0]:.1f} (target: search within 3x rg)")


if __name__ == "__main__":
    main()
