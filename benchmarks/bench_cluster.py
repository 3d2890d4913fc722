"""Articles per second through the first index with NLP: newsdesk's local
default, newsdesk on a two-worker Dask LocalCluster, and single-process spaCy
on the same texts, in one run.

    python benchmarks/bench_cluster.py [--limit N] [--skip-cluster]

Each measurement runs in a process of its own (so the model it loads and its
memory are its own), one after the other. newsdesk is timed end to end: a new
index of the articles, from reading the files to the commit (its workers load
the model inside the timing, as every first run pays it). The LocalCluster is
started before the clock, as a cluster a user points newsdesk at is already up;
its workers load the model on their first batch, inside the timing. spaCy is
``spacy.load`` of the same model plus ``nlp.pipe`` over the article texts, in
one process: the model as ``spacy.load`` gives it, its whole pipeline
(``spacy-all``: tagger, parser, lemmatizer and NER; what a user of spaCy runs),
and with named-entity recognition only (``spacy-ner``, the one component
newsdesk runs, so the stricter baseline: its model's NER has its own
embedding layer, so the other components change almost none of its entities;
benchmarks/README.md gives the quality evaluations both ways). The load
average before and after each measurement is printed: the machine may be
shared.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWS, cpu_seconds, require  # noqa: E402
from benchmarks.harness import emit, peak_rss_mb, run_child  # noqa: E402

KINDS = ("spacy-all", "spacy-ner", "local", "cluster")
TARGET = {
    "spacy-all": "  (spaCy as spacy.load gives the model, its whole pipeline)",
    "spacy-ner": "  (spaCy's NER alone, the one component newsdesk runs: the stricter baseline)",
}


def article_files(limit: int | None) -> list[Path]:
    files = sorted(f for f in require(NEWS).rglob("*.txt") if f.name != "README.TXT")
    return files[:limit]


def linked_corpus(files: list[Path], folder: Path) -> Path:
    """The articles as symbolic links in a folder of ours (the data stays where it is)."""
    for file in files:
        target = folder / file.relative_to(NEWS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(file)
    os.environ["NEWSDESK_FOLLOW_LINKS"] = "1"  # links out of the corpus: followed when asked
    return folder


def measure_spacy(files: list[Path], ner_only: bool) -> dict[str, float]:
    import spacy

    from index.nlp import model_name

    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    start = time.perf_counter()
    nlp = spacy.load(model_name())
    if ner_only:
        nlp.select_pipes(enable=["ner"])
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    end = time.perf_counter()
    return {"seconds": end - start, "load_seconds": loaded - start}


def measure_newsdesk(files: list[Path], scheduler: str | None) -> dict[str, float]:
    from index.analysis import Analysis
    from index.library import Library

    with tempfile.TemporaryDirectory(prefix="nd-cluster-") as work:
        corpus = linked_corpus(files, Path(work) / "corpus")
        library = Library([corpus], Path(work) / "ix", analysis=Analysis(scheduler=scheduler))
        start = time.perf_counter()
        summary = library.update()
        seconds = time.perf_counter() - start
    assert len(summary.added) == len(files), summary.to_json()
    return {"seconds": seconds}


def measure_cluster(files: list[Path]) -> dict[str, float]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        return measure_newsdesk(files, cluster.scheduler_address)


def child(kind: str, limit: int | None) -> None:
    files = article_files(limit)
    load = os.getloadavg()[0]
    if kind.startswith("spacy"):
        result = measure_spacy(files, ner_only=kind == "spacy-ner")
    elif kind == "local":
        result = measure_newsdesk(files, None)
    else:
        result = measure_cluster(files)
    emit(
        {
            **result,
            "articles": len(files),
            "rate": len(files) / result["seconds"],
            "peak_rss_mb": peak_rss_mb(),
            "cpu_seconds": cpu_seconds(),
            "load_before": load,
            "load_after": os.getloadavg()[0],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--skip-cluster", action="store_true")
    parser.add_argument(
        "--skip-spacy-ner", action="store_true", help="leave out the NER-only reference"
    )
    parser.add_argument("--child", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.limit)
        return
    limit = [] if args.limit is None else ["--limit", str(args.limit)]
    skip = {"cluster": args.skip_cluster, "spacy-ner": args.skip_spacy_ner}
    kinds = [k for k in KINDS if not skip.get(k)]
    print(f"articles: {len(article_files(args.limit))}  cores: {os.cpu_count()}")
    results = {}
    for kind in kinds:
        results[kind] = found = run_child("bench_cluster.py", "--child", kind, *limit)
        extra = f"  (model load {found['load_seconds']:.1f} s)" if "spacy" in kind else ""
        print(
            f"{kind:10} {found['seconds']:7.1f} s  {found['rate']:6.1f} articles/s  "
            f"cpu {found['cpu_seconds']:6.1f} s  "
            f"peak {found['peak_rss_mb']:.0f} MB  load {found['load_before']:.1f}"
            f" -> {found['load_after']:.1f}{extra}",
            flush=True,
        )
    spacies = [k for k in kinds if k.startswith("spacy")]
    for kind in (k for k in kinds if k not in spacies):
        for spacy in spacies:
            ratio = results[kind]["rate"] / results[spacy]["rate"]
            print(f"{kind} / single-process {spacy}: {ratio:.2f}x{TARGET.get(spacy, '')}")
    print("target: the local default at 1.8x single-process spaCy or more")


if __name__ == "__main__":
    main()
