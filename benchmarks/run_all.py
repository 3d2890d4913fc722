"""Every scale benchmark in one run, as ratios that hold on a busy machine.

    python benchmarks/run_all.py [--sizes 2000,20000,100000] [--quick] [--work DIR]

For each size, generates a corpus from the BBC articles (scale_corpus.py) in a
temporary folder, then runs, each in its own process: indexing without NLP
(first run, nothing changed, 1% changed, size, peak memory), search (newsdesk,
search as you type, ripgrep, tantivy), the reader against a minimal Textual
app, and story grouping (dense against sparse where the dense one fits).
Indexing with NLP is measured at the smallest size with real spaCy, and up to
``--nlp-max`` articles with the NER of the originals replayed (replay.py);
larger sizes are extrapolated (said so in the table). ``--quick`` runs 300 and
2,225 articles with fewer repeats. tantivy is optional: ``pip install tantivy``.
Writes ``results.json`` in the work folder and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import compileall
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import ROOT, run_child  # noqa: E402
from benchmarks.scale_corpus import make  # noqa: E402

DENSE_MAX = 5000  # the old n x n story grouping needs 8 n^2 bytes per matrix


def measure_size(size: int, work: Path, args, mentions: Path | None) -> dict:
    """Every measurement at one corpus size."""
    folder = work / str(size)
    corpus, index = make(size, folder / "corpus"), folder / "index"
    shutil.rmtree(index, ignore_errors=True)
    found: dict = {"size": size}
    found["index"] = run_child("bench_indexing.py", "--corpus", str(corpus), "--index", str(index))
    repeat = "1" if args.quick else "3"
    found["search"] = run_child(
        "bench_search.py", "--corpus", str(corpus), "--index", str(index), "--repeat", repeat
    )
    found["minimal"] = reader("--minimal")
    keys = "20" if args.quick else "60"
    found["reader"] = reader("--corpus", str(corpus), "--index", str(index), "--keys", keys)
    story_args = ["--corpus", str(corpus)] + (["--mentions", str(mentions)] if mentions else [])
    found["stories"] = run_child("bench_stories.py", *story_args)
    if size <= DENSE_MAX:
        found["stories_dense"] = run_child("bench_stories.py", *story_args, "--dense")
    if mentions and size <= args.nlp_max:
        found["nlp_index"] = nlp_index(corpus, folder / "nlp-index", mentions, args)
    return found


def nlp_index(corpus: Path, index: Path, mentions: Path, args) -> dict:
    """Index with the full analysis (NER replayed), then open the reader on it."""
    shutil.rmtree(index, ignore_errors=True)
    built = run_child(
        "bench_indexing.py",
        *("--corpus", str(corpus), "--index", str(index)),
        *("--nlp", "replay", "--mentions", str(mentions)),
    )
    built["reader"] = reader(
        "--corpus", str(corpus), "--index", str(index), "--nlp", "--keys", "20"
    )
    return built


def reader(*args: str) -> dict:
    return run_child("bench_reader.py", *args, "--started", repr(time.time()))


def compiled() -> None:
    """Write the bytecode of newsdesk's modules first, so start-up is timed as a
    user's second start (and the first start after ``pip install``): with
    ``PYTHONDONTWRITEBYTECODE`` set, or after an edit, every process would
    otherwise compile the changed modules again (about 0.1 s for the reader)."""
    for package in ("index", "tui", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000,100000")
    parser.add_argument("--quick", action="store_true", help="300 and 2,225 articles, fewer runs")
    parser.add_argument("--work", type=Path, default=None, help="keep corpora and indexes here")
    parser.add_argument("--nlp-sample", type=int, default=300, help="articles timed with spaCy")
    parser.add_argument("--nlp-max", type=int, default=20000, help="largest replayed NLP index")
    parser.add_argument("--no-nlp", action="store_true")
    args = parser.parse_args()
    compiled()
    sizes = [300, 2225] if args.quick else [int(s) for s in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="newsdesk-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "sizes": []}
    mentions = None
    if not args.no_nlp:
        mentions, saved = work / "mentions.json", work / "nlp.json"
        if not saved.exists():  # slow (spaCy over 2,225 articles): reused from --work
            sample = "100" if args.quick else str(args.nlp_sample)
            found = run_child("bench_nlp_scale.py", "--sample", sample, "--cache", str(mentions))
            saved.write_text(json.dumps(found))
        results["nlp"] = json.loads(saved.read_text())
    for size in sizes:
        results["sizes"].append(measure_size(size, work, args, mentions))
        (work / "results.json").write_text(json.dumps(results, indent=1))
        print(f"done: {size} articles ({work / 'results.json'})", flush=True)
    from benchmarks.report import table

    print(table(results))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


def machine() -> str:
    import os

    cpu = platform.processor() or platform.machine()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores {cpu}, {memory:.0f} GiB, Python {platform.python_version()}"


if __name__ == "__main__":
    main()
