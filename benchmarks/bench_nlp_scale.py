"""NLP throughput as the indexer runs it, against single-process spaCy.

    python benchmarks/bench_nlp_scale.py [--sample N] [--cache FILE]

On a fixed sample of BBC articles (every k-th), times (1) plain spaCy NER over
the same passages in one process, (2) newsdesk's per-article analysis (NER and
facts) in one process and (3) as the indexer runs it (two processes on this
2-core machine). Model loading is outside the timings; the workers' start is
timed apart (``workers_start_s``, and the ratio with it). ``--cache FILE`` then
runs NER over all 2,225 originals and saves the mentions for
:mod:`benchmarks.replay` (how the 20k and 100k NLP indexes are built).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import timed  # noqa: E402
from benchmarks.harness import emit, peak_rss_mb  # noqa: E402
from benchmarks.scale_corpus import originals  # noqa: E402
from index import nlp  # noqa: E402
from index.analysis import Analysis  # noqa: E402
from index.readers import read  # noqa: E402


def load(files: list[Path]) -> list:
    root = originals()[0].parents[1]
    found = []
    for file in files:
        result, _ = read(str(file), f"bbc/{file.relative_to(root)}")
        found.extend(result.articles)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    files = originals()
    step = max(1, len(files) // args.sample)
    articles = load(files[::step][: args.sample])
    passages = [p.text for a in articles for p in a.passages]
    nlp.load(nlp.model_name())
    nlp.find_mentions(passages[:50])  # warm up
    spacy_s, _ = timed(lambda: nlp.find_mentions(passages, n_process=1))
    one_s, _ = timed(lambda: Analysis(processes=1).analyse(articles))
    parallel = Analysis(processes=os.cpu_count() or 1)
    # The workers' start (a Python and a model each) once, as in one indexing
    # run of many batches; then the sample with the workers up.
    start_s, _ = timed(lambda: parallel.analyse(articles[:4]))
    two_s, _ = timed(lambda: parallel.analyse(articles))
    parallel.close()
    count = len(articles)
    result = {
        "sample": count,
        "passages": len(passages),
        "spacy_1proc_rate": count / spacy_s,
        "analyse_1proc_rate": count / one_s,
        "analyse_rate": count / two_s,
        "ratio_vs_spacy": spacy_s / two_s,
        "workers_start_s": start_s,
        "ratio_vs_spacy_with_start": spacy_s / (two_s + start_s),
        "cores": os.cpu_count(),
    }
    if args.cache:
        from benchmarks.replay import ReplayAnalysis

        everything = load(files)
        replay = ReplayAnalysis(args.cache, processes=os.cpu_count())
        result["cache_s"], _ = timed(lambda: replay._mentions(everything, {}))
        result["cache_articles"] = len(everything)
    result["peak_rss_mb"] = peak_rss_mb()
    emit(result)


if __name__ == "__main__":
    main()
