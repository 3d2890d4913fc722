"""How close a new article's first look comes to the views the corpus-wide
pass then gives it, and how soon it is shown.

    python benchmarks/eval_first_look.py FOLDER --index DIR [--sample N] [--seed S]

``FOLDER`` is a corpus of articles (for instance the multi-source clusters
or the ECB+ dev topics, linked into one folder); ``DIR`` an index of it kept
between runs (built first with newsdesk's own analysis when missing). Then, for
``N`` articles drawn at random, each in turn: the file is taken out and the
index updated, put back and the index updated again as a desk's would be.
When that update commits the article searchable (before its corpus-wide
pass), its views are read as a reader would then read them: the first look
(see :mod:`index.first_look`). After the update, its views are read again:
the pass's own. Printed, over the sampled articles:

- seconds from the update's start to the first look committed, of which the
  first look itself, and to the pass's views committed;
- the share of passage views identical, whole and by section;
- the facts compared: of those the pass shows as differing, agreeing or only
  here, how many the first look shows alike, and the differences the first
  look shows that the pass does not;
- related passages of the article's story: of the pass's, the share the
  first look lists too, and of the first look's, the share the pass lists;
  the same for those of other stories (few: only the neighbourhood's);
- the share of articles whose first look cites an article of the same story
  as the pass's views do (the articles its views cite, compared as sets).

The articles are put back where they were: the folder ends as it began.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index import build  # noqa: E402
from index.analysis import Analysis  # noqa: E402
from index.library import Library  # noqa: E402
from index.progress import SEARCHABLE  # noqa: E402

SECTIONS = ("related", "facts", "entities", "quotes")  # what a passage view holds


def cited(views: dict[int, Any]) -> set[str]:
    """The other articles a set of passage views cites."""
    found = set()
    for view in views.values():
        found.update(r.article_id for r in view.related)
        for fact in view.facts:
            found.update(o.fact.article for o in fact.others if o.same_story)
    return found


def relations(views: dict[int, Any]) -> dict[tuple[int, str], str]:
    """Each fact of the views by passage and id, with its relation."""
    return {(n, f.fact.id): f.relation for n, view in views.items() for f in view.facts}


def related(views: dict[int, Any], same_story: bool) -> set[tuple[int, str, int]]:
    """The related passages of the views, of the article's story or of others."""
    return {
        (n, r.article_id, r.passage)
        for n, view in views.items()
        for r in view.related
        if r.same_story == same_story
    }


class Tally:
    def __init__(self) -> None:
        self.count: Counter[str] = Counter()
        self.seconds: dict[str, list[float]] = {"first": [], "look": [], "pass": []}

    def add(self, first: dict[int, Any], final: dict[int, Any]) -> None:
        c = self.count
        c["articles"] += 1
        c["looked"] += bool(first)
        c["passages"] += len(final)
        c["identical"] += sum(first.get(n) == v for n, v in final.items())
        for part in SECTIONS:
            c[f"identical {part}"] += sum(
                getattr(first[n], part) == getattr(v, part) if n in first else not getattr(v, part)
                for n, v in final.items()
            )
        said, truth = relations(first), relations(final)
        for key, relation in truth.items():
            c[f"pass {relation}"] += 1
            c[f"alike {relation}"] += said.get(key) == relation
        c["first differ"] += sum(r == "differ" for r in said.values())
        c["first differ not in pass"] += sum(
            r == "differ" and truth.get(k) != "differ" for k, r in said.items()
        )
        for where, same in (("story", True), ("elsewhere", False)):
            mine, theirs = related(first, same), related(final, same)
            c[f"related {where} pass"] += len(theirs)
            c[f"related {where} first"] += len(mine)
            c[f"related {where} both"] += len(mine & theirs)
        c["same articles cited"] += cited(first) == cited(final)
        c["cites one of the pass's"] += bool(cited(first) & cited(final)) or not cited(final)

    def report(self) -> None:
        c = self.count

        def share(a: str, b: str) -> str:
            return f"{c[a] / c[b]:.3f} ({c[a]} of {c[b]})" if c[b] else "n/a"

        def mean(values: list[float]) -> str:
            return f"{sum(values) / len(values):.2f}" if values else "n/a"

        print(f"articles added: {c['articles']}, with a first look: {c['looked']}")
        print(
            f"seconds to the first look committed {mean(self.seconds['first'])} "
            f"(the first look itself {mean(self.seconds['look'])}), "
            f"to the pass's views committed {mean(self.seconds['pass'])}"
        )
        print(f"passage views identical: {share('identical', 'passages')}")
        for part in SECTIONS:
            print(f"  their {part} identical: {share(f'identical {part}', 'passages')}")
        for relation in ("differ", "agree", "compatible", "only here"):
            print(f"facts the pass shows '{relation}', alike in the first look: "
                  f"{share(f'alike {relation}', f'pass {relation}')}")  # fmt: skip
        print(f"differences the first look shows: {c['first differ']}, "
              f"of them not shown by the pass: {c['first differ not in pass']}")  # fmt: skip
        for said, (a, b) in {
            "related passages of its story, the pass's also in the first look": (
                "related story both",
                "related story pass",
            ),
            "related passages of its story, the first look's also the pass's": (
                "related story both",
                "related story first",
            ),
            "related passages of other stories, the pass's also in the first look": (
                "related elsewhere both",
                "related elsewhere pass",
            ),
            "first look citing the same articles as the pass": ("same articles cited", "articles"),
            "first look citing one of them at least": ("cites one of the pass's", "articles"),
        }.items():
            print(f"{said}: {share(a, b)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    analysis = Analysis()
    library = Library([args.folder], args.index, analysis=analysis)
    started = time.perf_counter()
    library.update()
    print(f"index up to date in {time.perf_counter() - started:.1f} s")
    files = sorted(p for p in args.folder.iterdir() if p.is_file() or p.is_symlink())
    chosen = random.Random(args.seed).sample(files, min(args.sample, len(files)))
    tally = Tally()
    looked: list[float] = []
    first_look = build._first_look

    def timed(*a, **k):
        at = time.perf_counter()
        try:
            return first_look(*a, **k)
        finally:
            looked.append(time.perf_counter() - at)

    build._first_look = timed
    aside = Path(tempfile.mkdtemp(prefix="first-look-"))
    try:
        for path in chosen:
            held = aside / path.name
            shutil.move(path, held)
            try:
                Library([args.folder], args.index, analysis=analysis).update()
            finally:
                shutil.move(held, path)
            seen: dict[str, Any] = {}
            begun = time.perf_counter()

            def progress(done, total, what, stage, seen=seen, begun=begun):
                if stage == SEARCHABLE and "views" not in seen:
                    seen["at"] = time.perf_counter() - begun
                    reader = Library([args.folder], args.index)
                    (aid,) = reader.comparing() or {None}
                    seen["id"] = aid
                    seen["views"] = reader.views(aid) if aid in reader.first_looks() else {}

            looked.clear()
            Library([args.folder], args.index, analysis=analysis).update(progress=progress)
            tally.seconds["pass"].append(time.perf_counter() - begun)
            tally.seconds["first"].append(seen.get("at", float("nan")))
            tally.seconds["look"].extend(looked)
            final = Library([args.folder], args.index).views(seen["id"])
            tally.add(seen["views"], final)
    finally:
        build._first_look = first_look
        shutil.rmtree(aside, ignore_errors=True)
    tally.report()


if __name__ == "__main__":
    main()
