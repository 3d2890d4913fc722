"""Search latency on a warm index, with ripgrep and tantivy on the same text.

    python benchmarks/bench_search.py --corpus DIR --index DIR [--repeat N] [--no-tantivy]

newsdesk is timed through ``Library.search`` (what ``newsdesk search`` and the
reader call, refresh of the store included) and through the search screen's
``Library.search_as_typed`` for search as you type (each keystroke: the exact query and its
prefix form). ripgrep searches the same files for the plain-text queries;
tantivy (``pip install tantivy``; skipped when missing) indexes the same
passages (paragraphs split on blank lines) with two threads and runs the same
queries. Prints one ``RESULT`` JSON line.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import percentiles, timed  # noqa: E402
from benchmarks.harness import emit, peak_rss_mb  # noqa: E402

# (query, ripgrep pattern or None, tantivy query or None)
QUERIES = [
    ("government", r"\bgovernment\b", "government"),
    ("election", r"\belection\b", "election"),
    ("prime minister", None, "prime minister"),
    ('"interest rates"', r"interest rates", '"interest rates"'),
    ("oil AND prices", None, "oil AND prices"),
    ("football NOT chelsea", None, "football -chelsea"),
    ("title:economy", None, None),
    ("blair brown", None, "blair brown"),
    ('"shares fell"', r"shares fell", '"shares fell"'),
    ("china", r"\bchina\b", "china"),
    ("music download*", None, None),
    ("person:blair", None, None),
    ("place:london", None, None),
    ("entity:microsoft", None, None),
]
TYPED = ["micro", "governm", "chel", "interest ra"]  # typed a letter at a time


def keystrokes(words: list[str]) -> list[str]:
    return [w[:n] for w in words for n in range(2, len(w) + 1)]


def time_newsdesk(library, repeat: int) -> tuple[list[float], list[float], list[float]]:
    from index.search import QueryError
    from tui.screens.search import FIRST_RESULTS_BUDGET

    plain, typed, first = [], [], []
    for _ in range(repeat):
        for query, _, _ in QUERIES:
            plain.append(timed(lambda q=query: library.search(q, limit=20))[0])
        for text in keystrokes(TYPED):
            # What the search screen shows first (time-boxed), then all the results.
            for budget, into in ((FIRST_RESULTS_BUDGET, first), (None, typed)):
                start = time.perf_counter()
                with contextlib.suppress(QueryError):
                    library.search_as_typed(text, 50, budget=budget)
                into.append(time.perf_counter() - start)
    return plain, typed, first


def time_ripgrep(corpus: Path, repeat: int) -> list[float] | None:
    rg = shutil.which("rg")
    if rg is None:
        return None
    samples = []
    for _ in range(repeat):
        for _, pattern, _ in QUERIES:
            if pattern:
                command = [rg, "-i", "-l", pattern, str(corpus)]
                start = time.perf_counter()
                subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
                samples.append(time.perf_counter() - start)
    return samples


def passages_of(corpus: Path):
    for file in sorted(corpus.rglob("*.txt")):
        text = file.read_text(encoding="utf-8", errors="replace")
        for number, para in enumerate(p for p in text.split("\n\n") if p.strip()):
            yield str(file.relative_to(corpus)), number + 1, para


def time_tantivy(corpus: Path, repeat: int) -> dict | None:
    try:
        import tantivy
    except ImportError:
        return None
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("article", stored=True)
    builder.add_integer_field("number", stored=True)
    builder.add_text_field("text", stored=True, tokenizer_name="en_stem")
    schema = builder.build()
    folder = Path(tempfile.mkdtemp(prefix="tantivy-"))
    try:
        index = tantivy.Index(schema, path=str(folder))
        start = time.perf_counter()
        writer = index.writer(heap_size=256_000_000, num_threads=2)
        articles = set()
        for article, number, text in passages_of(corpus):
            articles.add(article)
            writer.add_document(tantivy.Document(article=article, number=number, text=text))
        writer.commit()
        writer.wait_merging_threads()
        index_s = time.perf_counter() - start
        index.reload()
        searcher = index.searcher()
        samples = []
        for _ in range(repeat):
            for _, _, query in QUERIES:
                if query:
                    start = time.perf_counter()
                    parsed = index.parse_query(query, ["text"])
                    hits = searcher.search(parsed, 20).hits
                    [searcher.doc(address)["text"] for _, address in hits]
                    samples.append(time.perf_counter() - start)
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1048576
        return {"rate": len(articles) / index_s, "samples": samples, "index_mb": size}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--nlp", action="store_true", help="the index was built with analysis")
    parser.add_argument("--no-tantivy", action="store_true")
    args = parser.parse_args()
    from index.library import Library

    analysis = None
    if args.nlp:
        from index.analysis import Analysis

        analysis = Analysis()
    library = Library([args.corpus], args.index, analysis=analysis)
    library.search("warm up")
    plain, typed, first = time_newsdesk(library, args.repeat)
    result = {
        "newsdesk": percentiles(plain),
        "typed": percentiles(typed),
        "typed_first": percentiles(first),
    }
    result["peak_rss_mb"] = peak_rss_mb()
    rg = time_ripgrep(args.corpus, args.repeat)
    result["ripgrep"] = percentiles(rg) if rg else None
    found = None if args.no_tantivy else time_tantivy(args.corpus, args.repeat)
    if found:
        result["tantivy"] = percentiles(found["samples"])
        result["tantivy_rate"] = found["rate"]
        result["tantivy_index_mb"] = found["index_mb"]
    else:
        result["tantivy"] = None
    emit(result)


if __name__ == "__main__":
    main()
