"""What reading the typed results back costs on a built index: the
cross-source view of a passage (``Library.related``, what the reader asks on
every cursor move) and the canonical entities (``Library.entities()``).

    python benchmarks/bench_views.py --corpus DIR --index DIR [--articles N]

``related`` is timed on every passage of the first N articles (default 200),
each article's views document read once and then decoded per passage, as the
reader moves through an article; ``decode`` is the share spent turning the
stored JSON into the typed view through ``index.codec``. ``entities`` is the
first call on a fresh library (the state read and decoded), then a repeat
(held until the index changes). Prints one ``RESULT`` JSON line.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import percentiles, timed  # noqa: E402
from benchmarks.harness import emit  # noqa: E402


def related_times(library, ids: list[str]) -> tuple[list[float], float]:
    """Seconds per ``related`` call over every passage of ``ids``, and the seconds
    spent decoding the stored views in all."""
    from index import codec
    from index.model import PassageView

    samples, decoding = [], 0.0
    for aid in ids:
        article = library.article(aid)
        for passage in article.passages if article else ():
            seconds, _ = timed(lambda a=aid, n=passage.number: library.related(a, n))
            samples.append(seconds)
        stored = library.store.views(aid)
        seconds, _ = timed(lambda s=stored: [codec.from_json(v, PassageView) for v in s.values()])
        decoding += seconds
    return samples, decoding


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    from index.analysis import Analysis
    from index.library import Library

    library = Library([args.corpus], args.index, analysis=Analysis())
    started = time.perf_counter()
    found = library.entities()
    first = time.perf_counter() - started
    again, _ = timed(library.entities)
    ids = [row[0] for row in library.listing()][: args.articles]
    samples, decoding = related_times(library, [str(i) for i in ids])
    median, p95 = percentiles(samples)
    emit(
        {
            "entities": len(found),
            "entities_first_s": round(first, 3),
            "entities_again_ms": round(again * 1000, 3),
            "passages": len(samples),
            "related_median_ms": round(median, 3),
            "related_p95_ms": round(p95, 3),
            "related_decode_ms_per_passage": round(decoding * 1000 / max(len(samples), 1), 3),
        }
    )


if __name__ == "__main__":
    main()
