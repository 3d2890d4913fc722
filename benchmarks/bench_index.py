"""Index the BBC news corpus and time searches on it.

    python benchmarks/bench_index.py [--limit N] [--nlp]

Prints articles per second for a first full run and for an incremental run
with nothing changed, and the median and p95 latency of a fixed set of
realistic queries (terms, phrases, fields, prefixes as typed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWS, percentiles, require, timed  # noqa: E402
from index.library import Library  # noqa: E402

QUERIES = [
    "government",
    "election",
    "prime minister",
    '"interest rates"',
    "oil AND prices",
    "football NOT chelsea",
    "title:economy",
    "mobile phone",
    "mi",
    "mic",
    "micr",
    "micro*",
    "film award",
    "blair brown",
    "shares fell",
    "us dollar",
    "china",
    "music download*",
]


def subset(limit: int | None, into: Path) -> Path:
    files = sorted(require(NEWS).rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"][:limit]
    for file in files:
        target = into / file.relative_to(NEWS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(file)
    os.environ["NEWSDESK_FOLLOW_LINKS"] = "1"  # links out of the corpus: followed when asked
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="index only N articles")
    parser.add_argument("--nlp", action="store_true", help="include entity and fact analysis")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    try:
        corpus = subset(args.limit, work / "corpus")
        analysis = None
        if args.nlp:
            from index.analysis import Analysis

            analysis = Analysis()
        library = Library([corpus], work / "index", analysis=analysis)
        seconds, summary = timed(library.update)
        count = len(summary.added)
        print(f"articles: {count}  first run: {seconds:.2f} s  {count / seconds:.1f} articles/s")
        seconds, _ = timed(library.update)
        print(f"incremental run, nothing changed: {seconds * 1000:.0f} ms")
        size = sum(f.stat().st_size for f in (work / "index").rglob("*") if f.is_file())
        print(f"index size: {size / 1048576:.1f} MB")
        samples = []
        for _ in range(args.repeat):
            for query in QUERIES:
                elapsed, _ = timed(lambda q=query: library.search(q, limit=20))
                samples.append(elapsed)
        median, p95 = percentiles(samples)
        print(
            f"search over {len(QUERIES)} queries x {args.repeat}: median {median:.1f} ms, "
            f"p95 {p95:.1f} ms"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
