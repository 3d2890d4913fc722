"""Whoosh against tantivy behind newsdesk's engine interface: indexing, search
and search as you type, on the same corpus, in one run.

    python benchmarks/bench_engines.py [--corpus DIR] [--size N ...] [--repeat N]

Each engine indexes the corpus into a fresh folder through ``Library.update``
(reading and writing; no NLP, which is the same work for both), then runs
``bench_search``'s queries through ``Library.search`` and its keystrokes
through ``Library.search_as_typed``: the first results the search screen
shows (time-boxed as it boxes them) and all of them. ``--size`` builds a
corpus of that many articles with ``scale_corpus.py`` first (20,000 for the
scale figures); 0 is the corpus itself, so ``--size 0 20000`` measures the
2,225 BBC articles and 20,000 in one run.
Prints a table and one ``RESULT`` JSON line per size.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_search import QUERIES, TYPED, keystrokes  # noqa: E402
from benchmarks.common import NEWS, ROOT, percentiles, require, timed  # noqa: E402
from benchmarks.harness import emit  # noqa: E402
from tui.screens.search import FIRST_RESULTS_BUDGET  # noqa: E402


def measure(engine: str, corpus: Path, repeat: int) -> dict[str, float]:
    from index.library import Library

    with tempfile.TemporaryDirectory() as folder:
        library = Library([corpus], Path(folder) / "ix", engine=engine)
        indexing, _ = timed(library.update)
        plain, typed, first = [], [], []
        for _ in range(repeat):
            for query, _pattern, _tantivy in QUERIES:
                plain.append(timed(lambda q=query: library.search(q, limit=20))[0])
            for text in keystrokes(TYPED):
                first.append(as_typed(library, text, FIRST_RESULTS_BUDGET))
                typed.append(as_typed(library, text, None))
    search_median, search_p95 = percentiles(plain)
    typed_median, typed_p95 = percentiles(typed)
    first_median, first_p95 = percentiles(first)
    return {
        "index_s": round(indexing, 2),
        "search_median_ms": round(search_median, 2),
        "search_p95_ms": round(search_p95, 2),
        "typed_median_ms": round(typed_median, 2),
        "typed_p95_ms": round(typed_p95, 2),
        "first_median_ms": round(first_median, 2),
        "first_p95_ms": round(first_p95, 2),
    }


def as_typed(library, text: str, budget: float | None) -> float:
    """Seconds for one keystroke's results: the search screen's first ones
    (time-boxed by ``budget``), or all of them (``None``)."""
    from index.errors import QueryError

    start = time.perf_counter()
    with contextlib.suppress(QueryError):  # "in" alone: a stop word
        library.search_as_typed(text, 50, budget=budget)
    return time.perf_counter() - start


def scaled(size: int, folder: Path) -> Path:
    script = ROOT / "benchmarks" / "scale_corpus.py"
    subprocess.run([sys.executable, str(script), str(size), str(folder)], check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=NEWS)
    parser.add_argument("--size", type=int, nargs="+", default=[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    require(args.corpus)
    engines = ["whoosh"] + (["tantivy"] if importlib.util.find_spec("tantivy") else [])
    for size in args.size:
        with tempfile.TemporaryDirectory() as scratch:
            corpus = scaled(size, Path(scratch) / "corpus") if size else args.corpus
            results = {name: measure(name, corpus, args.repeat) for name in engines}
        report(size or "corpus", results)
    print("targets at 20,000 articles: first results p95 < 50 ms, all results p95 < 300 ms")


def report(size: int | str, results: dict[str, dict[str, float]]) -> None:
    head = ("search ms (p50/p95)", "typed: first results", "typed: all results")
    print(f"\n{size} articles" if isinstance(size, int) else f"\n{size}")
    print(f"{'engine':8} {'index s':>8} {head[0]:>20} {head[1]:>21} {head[2]:>20}")
    for name, r in results.items():
        search = f"{r['search_median_ms']}/{r['search_p95_ms']}"
        first = f"{r['first_median_ms']}/{r['first_p95_ms']}"
        typed = f"{r['typed_median_ms']}/{r['typed_p95_ms']}"
        print(f"{name:8} {r['index_s']:>8} {search:>20} {first:>21} {typed:>20}")
    emit({"size": size, "engines": results})


if __name__ == "__main__":
    main()
