"""Indexing at scale: a first run, an incremental run with nothing changed and
with 1% of the files changed, the index size and the peak memory.

    python benchmarks/bench_indexing.py --corpus DIR --index DIR [--nlp replay] [--procs N]

``--nlp replay`` indexes with entities, facts and the corpus-wide analysis,
reusing the NER of the BBC originals (see :mod:`benchmarks.replay`), so the
rate it reports excludes spaCy: ``bench_nlp_scale.py`` measures that part.
``--procs N`` tries Whoosh's multi-process writer (a proposed change to
``index/store.py``). Prints one ``RESULT`` JSON line (see harness.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import timed  # noqa: E402
from benchmarks.harness import dir_mb, emit, peak_rss_mb  # noqa: E402
from benchmarks.scale_corpus import touch_fraction  # noqa: E402
from index.library import Library  # noqa: E402


def use_procs(procs: int) -> None:
    """Patch the writer to Whoosh's multi-process one (what the proposed diff does)."""
    from whoosh.index import LockError

    from index.engines import whoosh
    from index.errors import IndexLocked

    def writer_for(ix, wait: float = 10.0):
        try:
            return ix.writer(timeout=wait, limitmb=256, procs=procs, multisegment=True)
        except LockError:
            raise IndexLocked("another newsdesk process is indexing") from None

    whoosh.writer_for = writer_for  # where the engine's writer looks it up


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--nlp", choices=("none", "replay"), default="none")
    parser.add_argument("--mentions", type=Path, help="NER cache for --nlp replay")
    parser.add_argument("--procs", type=int, default=1)
    parser.add_argument("--changed", type=float, default=0.01, help="fraction to change")
    args = parser.parse_args()
    if args.procs > 1:
        use_procs(args.procs)
    analysis = None
    if args.nlp == "replay":
        from benchmarks.replay import ReplayAnalysis

        analysis = ReplayAnalysis(args.mentions or args.index.parent / "mentions.json")
        analysis._mentions([], {})  # nothing to do; imports stay outside the timing
    library = Library([args.corpus], args.index, analysis=analysis)
    seconds, summary = timed(library.update)
    count = len(summary.added)  # type: ignore[union-attr]
    result = {
        "articles": count,
        "first_s": seconds,
        "rate": count / seconds,
        "peak_rss_mb": peak_rss_mb(),
        "index_mb": dir_mb(args.index),
    }
    result["unchanged_s"], _ = timed(Library([args.corpus], args.index, analysis=analysis).update)
    changed = touch_fraction(args.corpus, args.changed, tag=f"edited {args.index.name}")
    library = Library([args.corpus], args.index, analysis=analysis)
    result["changed_files"] = changed
    result["changed_s"], _ = timed(library.update)
    result["peak_rss_after_mb"] = peak_rss_mb()
    emit(result)


if __name__ == "__main__":
    main()
