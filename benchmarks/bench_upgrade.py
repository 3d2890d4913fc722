"""What a new version of newsdesk's rules costs an analysed folder.

    python benchmarks/bench_upgrade.py [--corpus DIR] [--work DIR] [--reuse]

A release that changes the per-article rules (a new analysis key) makes the
next update analyse every article again. The model's own spans are kept with
each article, so that update gives the model only the pieces of text it has
not read: with the same model and the same texts, none.

A file whose articles and analyses come out as the index holds them is not
written again either.

One run, each step in a process of its own (its peak memory its own):

1. the first index of the folder (the 2,225 BBC articles by default), with NLP;
2. a copy of it updated as the next version of the rules would update it,
   with rules that change nothing, the kept spans used ("after");
3. another copy updated the same way as before this work: every piece of
   text given to the model again, every article written again ("before");
4. a third copy updated by rules that change some articles (the rule that
   a minister's portfolio is no organisation undone, as a release changes a
   rule), the kept spans used.

It prints wall and CPU seconds and peak memory of each, how many pieces of
text went to the model in this process (the pool's workers are not counted:
the default, one process, counts them all), how many articles were written, and
whether the two upgrades by the same rules hold the same analyses, article
for article.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWS, cpu_seconds, require  # noqa: E402
from benchmarks.harness import emit, peak_rss_mb, run_child  # noqa: E402


def child(step: str, corpus: Path, index: Path, processes: int | None) -> None:
    """One step, in this process; emits its figures."""
    from index import analysis, build, build_batches, mentions, nlp
    from index.analysis import Analysis
    from index.library import Library

    given, written = [0], [0]
    real, write = nlp.model_spans, build._add_article

    def counting(texts, *args, **kwargs):
        given[0] += len(texts)
        return real(texts, *args, **kwargs)

    def writing(*args, **kwargs):
        written[0] += 1
        return write(*args, **kwargs)

    nlp.model_spans = counting  # type: ignore[assignment]
    build._add_article = writing  # type: ignore[assignment]
    if step != "build":
        analysis.VERSION = analysis.VERSION + "+next"  # type: ignore[misc]
    if step == "upgrade-all":
        build_batches._kept_spans = lambda writer, articles: {}  # type: ignore[assignment]
        build._kept_as_stored = lambda *args: False  # type: ignore[assignment]
    if step == "upgrade-rule":
        mentions.without_portfolios = lambda text, found: found  # type: ignore[assignment]
    start, cpu = time.perf_counter(), cpu_seconds()
    summary = Library([corpus], index, analysis=Analysis(processes=processes)).update()
    emit(
        {
            "wall": time.perf_counter() - start,
            "cpu": cpu_seconds() - cpu,
            "rss": peak_rss_mb(),
            "articles": len(summary.added) + len(summary.updated),
            "pieces": given[0],
            "written": written[0],
        }
    )


def _analyses(corpus: Path, index: Path) -> dict[str, Any]:
    from index.library import Library
    from index.store import unpack

    store = Library([corpus], index).store
    return {doc["uid"]: unpack(doc["data"]) for doc in store.documents("blob")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=NEWS)
    parser.add_argument("--work", type=Path, help="keep the indexes here")
    parser.add_argument("--reuse", action="store_true", help="reuse the work folder's first index")
    parser.add_argument(
        "--processes",
        type=int,
        default=1,
        help="worker processes (default 1: the changed rule and the count of pieces given "
        "to the model reach this process only; 0: newsdesk's default)",
    )
    parser.add_argument("--child", nargs=3, metavar=("STEP", "CORPUS", "INDEX"))
    args = parser.parse_args()
    if args.child:
        step, corpus, index = args.child
        child(step, Path(corpus), Path(index), args.processes or None)
        return
    corpus = require(args.corpus).resolve()
    work = args.work or Path(tempfile.mkdtemp(prefix="newsdesk-upgrade-"))
    work.mkdir(parents=True, exist_ok=True)
    extra = ["--processes", str(args.processes)]
    first = work / "first"
    results: dict[str, Any] = {}
    try:
        if not (args.reuse and first.exists()):
            shutil.rmtree(first, ignore_errors=True)
            results["first index"] = run_child(
                "bench_upgrade.py", *extra, "--child", "build", str(corpus), str(first)
            )
        steps = (
            ("upgrade", "after"),
            ("upgrade-all", "before"),
            ("upgrade-rule", "one rule changed, after"),
        )
        for step, name in steps:
            copy = work / name.split(",")[0].replace(" ", "-")
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(first, copy)
            results[f"next rules, {name}"] = run_child(
                "bench_upgrade.py", *extra, "--child", step, str(corpus), str(copy)
            )
        same = _analyses(corpus, work / "after") == _analyses(corpus, work / "before")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{corpus}: {next(iter(results.values()))['articles']} articles")
    print(f"{'step':<40}{'wall s':>8}{'CPU s':>8}{'peak MB':>9}{'to model':>10}{'written':>9}")
    for name, row in results.items():
        print(
            f"{name:<40}{row['wall']:>8.1f}{row['cpu']:>8.1f}{row['rss']:>9.0f}"
            f"{row['pieces']:>10}{row['written']:>9}"
        )
    print(f"the upgraded analyses, after and before, the same: {same}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
