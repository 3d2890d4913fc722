"""What a small change to an analysed corpus costs, beside the same update
recomputing every story's related passages and rewriting every view.

    python benchmarks/bench_incremental.py [--size N] [--work DIR] [--mentions FILE]

Builds the BBC corpus (or ``N`` articles of it, with the generated copies of
:mod:`benchmarks.scale_corpus` beyond 2,225) with entities, facts, stories and
views, reusing the NER of the originals (see :mod:`benchmarks.replay`; the
cache, ``--mentions``, makes a second run skip spaCy). Then, each in a process
of its own so that its peak memory is its own, on two copies of one index:

- one article added: seconds until it is searchable and shown (the update's
  first commit, before the corpus-wide pass: a reader opened then finds it by
  a search of its title, reads it and its first look at what other sources
  say, see :mod:`index.first_look`), seconds until the update is committed,
  its own analysis (NER of a new text and facts) within that, a search finding
  it and its views read, keeping what did not change (now) and recomputing
  everything (before; it runs first, so its analysis pays the NER the cache
  then holds);
- 1% of the articles changed, the same two ways;
- the corpus-wide pass alone, over the stored analyses;
- ``newsdesk index`` from the shell after one more article is added (the real
  analysis: loading spaCy is part of it), and with nothing changed.

Prints one line per figure and a ``RESULT`` JSON line (see harness.py).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import PYTHON, ROOT, emit, peak_rss_mb, run_child  # noqa: E402
from benchmarks.scale_corpus import files_of, make, touch_fraction  # noqa: E402
from index.progress import SEARCHABLE  # noqa: E402

HELD = 2  # articles kept out of the first build: one added by the library, one by the shell
# What an update spends its time on (module, attribute): the parts of the
# corpus-wide pass, timed in every run that updates.
PARTS = {
    "stored analyses read": ("index.build", "_corpus_state"),
    "corpus-wide pass": ("index.corpus_pass", "summarise"),
    "entity merging": ("index.corpus_pass", "merge"),
    "entities for story grouping": ("index.corpus_pass", "named"),
    "names shared in stories": ("index.corpus_pass", "shared_names"),
    "story pairs scored": ("index.incremental", "scored_pairs"),
    "story clustering": ("index.incremental", "average_linkage"),
    "facts and related passages": ("index.pass_views", "_Context.__init__"),
    "views computed": ("index.pass_views", "_Context.views"),
    "view inputs digested": ("index.pass_views", "_Context.view_key"),
    "views written": ("index.build", "_write_derived"),
    "state written": ("index.build", "_write_state"),
    "catalog written": ("index.build", "_write_catalog"),
    "commit": ("index.engines.whoosh", "WhooshWriter.commit"),
    # The update's first commit, before the pass: catalog, pending list, the
    # new article's first look (within it), checkpoint.
    "articles committed first": ("index.build", "_commit_searchable"),
    "first look": ("index.build", "_first_look"),
}


def _library(corpus: Path, index: Path, mentions: Path):
    from benchmarks.replay import ReplayAnalysis
    from index.library import Library

    return Library([corpus], index, analysis=ReplayAnalysis(mentions))


def _as_before() -> None:
    """What an update did before it kept what had not changed: every story's
    related passages compared again, every view written."""
    from index import build, build_pass

    build_pass.stored_digests = lambda reader: {}  # type: ignore[assignment]
    build.stored_memo = lambda reader: {}  # type: ignore[assignment]


def child(args: argparse.Namespace) -> None:
    """One measurement, in this process (see ``--child``)."""
    if args.all_views:
        _as_before()
    spent, cpu_spent = _time_parts()
    library = _library(args.corpus, args.index, args.mentions)
    if args.child == "pass":
        emit(_corpus_pass(library))
        return
    analysis = library.analysis
    own: list[float] = []
    analyse = analysis.analyse

    def timed_analyse(articles, progress=None):
        start = time.perf_counter()
        found = analyse(articles, progress)
        own.append(time.perf_counter() - start)
        return found

    analysis.analyse = timed_analyse
    early: dict[str, Any] = {}

    def progress(done: int, total: int, what: str, stage: str) -> None:
        if stage == SEARCHABLE and args.child == "add":
            early.update(_searchable(args, start))

    start, cpu = time.perf_counter(), time.process_time()
    summary = library.update(progress=progress)
    committed = time.perf_counter() - start - early.get("found_check_s", 0.0)
    changed = summary.added + summary.updated
    result: dict[str, Any] = {"update_s": committed, "own_analysis_s": sum(own), **early}
    # CPU seconds of this process: on a shared machine, steadier than the wall.
    result["update_cpu_s"] = time.process_time() - cpu
    if args.child == "add":
        result.update(_shown(library, changed[0], start))
    result["changed_files"] = len(changed)
    result["peak_rss_mb"] = peak_rss_mb()
    for parts in (spent, cpu_spent):
        # The first look runs the pass over a new article's neighbourhood before
        # the corpus-wide one: its time (with its search and reads, a few tenths
        # of a second) is not the corpus-wide pass's.
        parts["corpus-wide pass"] -= parts.get("first look", 0.0)
        # Reading the stored analyses is what _corpus_state spends beyond the pass.
        parts["stored analyses read"] -= parts["corpus-wide pass"]
    result["parts_s"] = dict(spent)
    result["parts_cpu_s"] = dict(cpu_spent)
    emit(result)


def _time_parts() -> tuple[dict[str, float], dict[str, float]]:
    """Wrap each of :data:`PARTS` to add up the seconds spent in it, on the
    wall and of CPU (steadier on a shared machine)."""
    spent: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    for name, (module, path) in PARTS.items():
        owner: Any = importlib.import_module(module)
        *outer, attr = path.split(".")
        for step in outer:
            owner = getattr(owner, step)
        setattr(owner, attr, _timer(getattr(owner, attr), name, spent, cpu))
    return spent, cpu


def _timer(function, name: str, spent: dict[str, float], cpu: dict[str, float]):
    @functools.wraps(function)
    def timed(*args, **kwargs):
        start, used = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
            cpu[name] += time.process_time() - used

    return timed


def _shown(library, article_id: str, start: float) -> dict[str, Any]:
    """Seconds from the start of the update until a search of the new article's
    title has run and its cross-source view is read."""
    library.search(_title_word(library, article_id), limit=SHOWN)
    views = library.views(article_id)
    shown = time.perf_counter() - start
    return {"shown_s": shown, "found": _found(library, article_id), "views": len(views)}


# Hits a reader is shown at once: what the timed search asks for.
SHOWN = 50
# Hits looked through, after the clock stops, for the new article: in a generated
# corpus its title's words are those of the three other copies of its original,
# whose passages may fill the first page.
LOOKED_THROUGH = 1000


def _found(library, article_id: str) -> bool:
    """Whether a search of the article's title finds it."""
    hits = library.search(_title_word(library, article_id), limit=LOOKED_THROUGH)
    return any(hit.article_id == article_id for hit in hits.hits)


def _searchable(args: argparse.Namespace, start: float) -> dict[str, Any]:
    """At the update's first commit, before its corpus-wide pass: seconds from
    its start until a reader opening the index then (as another process would)
    lists the new article, finds it by a search of its title and reads it."""
    from index.library import Library

    reader = Library([args.corpus], args.index)  # what a search or a reader opens
    waiting = sorted(reader.comparing())
    listed = {row[0] for row in reader.listing()}
    for aid in waiting:
        reader.search(_title_word(reader, aid), SHOWN)
    readable = all(reader.article(aid) is not None for aid in waiting)
    # Its first look: passages shown with what other sources say.
    looked = reader.first_looks()
    compared = sum(
        bool(view.related or view.facts or view.entities)
        for aid in waiting
        if aid in looked
        for view in reader.views(aid).values()
    )
    searchable = time.perf_counter() - start
    found = bool(waiting) and all(_found(reader, aid) for aid in waiting)
    return {
        "searchable_s": searchable,
        # not the update's: subtracted from its time
        "found_check_s": time.perf_counter() - start - searchable,
        "searchable_found": found and readable and set(waiting) <= listed,
        "first_look": bool(waiting) and set(waiting) <= looked,
        "first_look_passages": compared,
    }


def _title_word(library, article_id: str) -> str:
    title = library.article(article_id).title or ""
    return "title:" + max(re.findall(r"[A-Za-z]+", title), key=len, default="the")


def _corpus_pass(library) -> dict[str, Any]:
    """The corpus-wide pass alone, over every stored analysis."""
    from index.store import unpack

    analyses = {}
    for doc in library.store.documents("blob"):
        data = unpack(doc["data"])
        analyses[data["article"]["id"]] = data
    start = time.perf_counter()
    library.analysis.summarise(analyses)
    return {"pass_s": time.perf_counter() - start, "peak_rss_mb": peak_rss_mb()}


def _run(kind: str, corpus: Path, index: Path, mentions: Path, *extra: str) -> dict[str, Any]:
    paths = ["--corpus", str(corpus), "--index", str(index), "--mentions", str(mentions)]
    return run_child("bench_incremental.py", "--child", kind, *paths, *extra)


def _shell(corpus: Path, index: Path) -> float:
    command = [
        str(Path(PYTHON).parent / "newsdesk"),
        "index",
        str(corpus),
        "--index-dir",
        str(index),
    ]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def _keep_build(work: Path, out: list[Path], build: dict[str, Any]) -> None:
    """Keep the first build (index, where the held articles go, its figures)
    for a later run with ``--reuse``."""
    shutil.rmtree(work / "built", ignore_errors=True)
    shutil.copytree(work / "index", work / "built")
    (work / "built.json").write_text(json.dumps({**build, "held": [str(f) for f in out]}))


def _restore(work: Path, corpus: Path, held: Path) -> list[Path]:
    """The kept first build back in place, the held articles out of the corpus."""
    out = [Path(f) for f in json.loads((work / "built.json").read_text())["held"]]
    held.mkdir(parents=True, exist_ok=True)
    for n, file in enumerate(out):
        if file.exists():
            file.rename(held / f"{n}.txt")
    shutil.copytree(work / "built", work / "index")
    return out


def _twice(
    kind: str, work: Path, corpus: Path, mentions: Path, now_only: bool = False
) -> dict[str, Any]:
    """``kind`` on a copy of the index rewriting every view, then on the index."""
    if now_only:
        return {"now": _run(kind, corpus, work / "index", mentions)}
    shutil.rmtree(work / "before", ignore_errors=True)
    shutil.copytree(work / "index", work / "before")
    before = _run(kind, corpus, work / "before", mentions, "--all-views")
    now = _run(kind, corpus, work / "index", mentions)
    shutil.rmtree(work / "before", ignore_errors=True)
    return {"before": before, "now": now}


def main(args: argparse.Namespace) -> None:
    work = args.work or Path(tempfile.mkdtemp(prefix="newsdesk-incr-"))
    corpus, held = work / "corpus", work / "held"
    mentions = args.mentions or work / "mentions.json"
    result: dict[str, Any] = {"articles": args.size}
    shutil.rmtree(work / "index", ignore_errors=True)
    if args.reuse and (work / "built").is_dir():
        out = _restore(work, corpus, held)
        result["build"] = json.loads((work / "built.json").read_text())
    else:
        shutil.rmtree(corpus, ignore_errors=True)
        make(args.size, corpus)
        held.mkdir(parents=True, exist_ok=True)
        out = files_of(corpus)[-HELD:]
        for n, file in enumerate(out):
            file.rename(held / f"{n}.txt")
        result["build"] = _run("update", corpus, work / "index", mentions)
        if args.reuse:
            _keep_build(work, out, result["build"])
    print(f"first build of {args.size - HELD}: {result['build']['update_s']:.1f} s")
    if args.warm:
        # One update first, not measured: one after a build by another
        # version of newsdesk computes everything once (its memo is not read).
        (held / "1.txt").rename(out[1])
        result["warm_s"] = _run("update", corpus, work / "index", mentions)["update_s"]
        print(f"first update (another article added): {result['warm_s']:.1f} s")
    (held / "0.txt").rename(out[0])
    result["add"] = _twice("add", work, corpus, mentions, args.now_only)
    if not args.add_only:
        touched = touch_fraction(corpus, 0.01)
        result["one_percent"] = _twice("update", work, corpus, mentions)
        result["one_percent"]["files"] = touched
        result["pass"] = _run("pass", corpus, work / "index", mentions)
        if (held / "1.txt").exists():
            (held / "1.txt").rename(out[1])
        result["shell_one_s"] = _shell(corpus, work / "index")
        result["shell_none_s"] = _shell(corpus, work / "index")
    report(result)
    emit(result)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


def report(result: dict[str, Any]) -> None:
    add = result["add"]
    runs = (("before (everything recomputed)", add.get("before")), ("now", add["now"]))
    for name, run in (r for r in runs if r[1]):
        if "searchable_s" in run:
            print(
                f"one article added, {name}: searchable and shown after "
                f"{run['searchable_s']:.1f} s (before the corpus-wide pass; found "
                f"{run['searchable_found']}; with a first look {run.get('first_look')}, "
                f"{run.get('first_look_passages', 0)} passages compared with other sources), "
                f"the pass committed after {run['update_s']:.1f} s"
            )
        print(
            f"one article added, {name}: committed {run['update_s']:.1f} s, "
            f"({run['update_cpu_s']:.1f} s CPU), of which its own analysis "
            f"{run['own_analysis_s']:.1f} s; searchable and "
            f"shown {run['shown_s']:.1f} s (found {run['found']}); "
            f"peak {run['peak_rss_mb']:.0f} MB"
        )
    _report_parts("one article added, now", add["now"])
    if "one_percent" in result:
        _report_rest(result)


def _report_parts(what: str, run: dict[str, Any]) -> None:
    cpu = run.get("parts_cpu_s", {})
    parts = sorted(run.get("parts_s", {}).items(), key=lambda kv: -cpu.get(kv[0], kv[1]))
    print(
        f"  {what}, by part (wall / CPU): "
        + ", ".join(f"{name} {s:.1f} / {cpu.get(name, 0):.1f} s" for name, s in parts)
    )


def _report_rest(result: dict[str, Any]) -> None:
    pct = result["one_percent"]
    for name, run in (("before", pct["before"]), ("now", pct["now"])):
        share = run["update_s"] / result["build"]["update_s"]
        print(
            f"1% changed ({pct['files']} files), {name}: {run['update_s']:.1f} s "
            f"({run['update_cpu_s']:.1f} s CPU), "
            f"{share:.0%} of the first build; peak {run['peak_rss_mb']:.0f} MB"
        )
    _report_parts("1% changed, now", pct["now"])
    print(f"corpus-wide pass alone: {result['pass']['pass_s']:.1f} s")
    print(
        f"newsdesk index from the shell: one article added {result['shell_one_s']:.1f} s, "
        f"nothing changed {result['shell_none_s']:.1f} s"
    )


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2225, help="articles in the corpus")
    parser.add_argument("--work", type=Path, help="work folder, kept (default: a temporary one)")
    parser.add_argument("--mentions", type=Path, help="NER cache of the BBC originals")
    parser.add_argument(
        "--add-only", action="store_true", help="measure one article added, nothing else"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the first build in the work folder and start from it when kept",
    )
    parser.add_argument(
        "--warm",
        action="store_true",
        help="add the other held article in an update of its own before measuring",
    )
    parser.add_argument(
        "--now-only", action="store_true", help="skip the update that recomputes everything"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--all-views", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    parsed = arguments()
    (child if parsed.child else main)(parsed)
