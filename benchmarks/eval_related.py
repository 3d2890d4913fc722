"""Related passages against ECB+ event coreference: does the cross-source pane
show, for a passage, passages of other reports that tell of the same event?

    python benchmarks/eval_related.py [--index DIR] [--topics 1,2,...]

The ECB+ dev topics (../shared/data/ecbplus-dev) are indexed as one corpus, as
a user would (``--index DIR`` keeps the index for a second run). Their gold
marks which event mentions, across documents, are one event ("checked into",
"entered", "admitted" of one stay in rehab); a document is one sentence per
line and newsdesk reads each line as a passage. For every passage of an
annotated line, the related passages newsdesk shows (``Library.related``)
are judged where they are annotated lines too: right where the two passages
hold mentions of one gold event. Printed: the precision of the related
passages judged; of the passages that have a partner of the same event in
another report of their newsdesk story, the share shown at least one
(hit rate) and the share of such partners shown (recall, at most the five
shown); beside it, TF-IDF cosine alone over the same candidates (the pane's own
ranking given no entity and no fact key: the other reports' passages of the
same newsdesk story, the same cut and the same five), so that the difference
is the scoring's, not the grouping's.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ECB  # noqa: E402


def _line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]


def _line_at(starts: list[int], offset: int) -> int:
    """The 0-based line holding ``offset``, from its text's line starts."""
    return int(np.searchsorted(starts, offset, side="right")) - 1


def gold_events(folders: list[Path]) -> tuple[dict[tuple[str, int], set[str]], set[str]]:
    """Each annotated line (document file, line number) -> the gold events it
    mentions, and every document file; only annotated lines are keys."""
    events: dict[tuple[str, int], set[str]] = {}
    files: set[str] = set()
    for folder in folders:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        starts: dict[str, list[int]] = {}
        for doc, info in gold["docs"].items():
            text = (folder / info["file"]).read_text(encoding="utf-8")
            starts[doc] = _line_starts(text)
            files.add(info["file"])
            for line in info["coref_sentences"]:
                events.setdefault((info["file"], line), set())
        for cluster in gold["events"]:
            for m in cluster["mentions"]:
                info = gold["docs"][m["doc"]]
                line = _line_at(starts[m["doc"]], m["start_char"])
                if (info["file"], line) in events:
                    events[(info["file"], line)].add(cluster["cluster_id"])
    return events, files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="index folder, kept (default: a temporary one)")
    parser.add_argument("--topics", help="comma-separated topic numbers (default: all)")
    args = parser.parse_args()
    folders = sorted(ECB.glob("topic*"))
    if args.topics:
        wanted = {int(t) for t in args.topics.split(",")}
        folders = [f for f in folders if int(f.name[5:]) in wanted]
    if not folders:
        print(f"no ECB+ topics under {ECB}", file=sys.stderr)
        return 1

    from index.analysis import Analysis
    from index.crossref.related import related_passages
    from index.library import Library

    index_dir = args.index or Path(tempfile.mkdtemp(prefix="ecb-related-index-"))
    library = Library(folders, index_dir, analysis=Analysis())  # the topics as one corpus
    library.update()
    events, _ = gold_events(folders)
    story_of = library.state()["story_of"]

    passages: dict[str, list[tuple[int, str]]] = {}
    line_of: dict[tuple[str, int], tuple[str, int]] = {}  # (id, passage) -> (file, line)
    for info in library.articles():
        article = library.article(info.id)
        assert article is not None
        name = Path(article.path).name
        starts = _line_starts(article.text)
        passages[info.id] = [(p.number, p.text) for p in article.passages]
        for p in article.passages:
            line = _line_at(starts, p.start)
            line_of[(info.id, p.number)] = (name, line)

    def same_event(a: tuple[str, int], b: tuple[str, int]) -> bool | None:
        """Whether two passages tell of one gold event; None where either is no
        annotated line (not judged)."""
        ea, eb = events.get(line_of[a]), events.get(line_of[b])
        if ea is None or eb is None:
            return None
        return bool(ea & eb)

    members: dict[str, list[str]] = defaultdict(list)
    for aid, story in story_of.items():
        members[story].append(aid)

    # TF-IDF alone: the pane's own ranking given no entity and no fact key
    baseline: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for ids in members.values():
        story_passages = [(aid, n, text) for aid in sorted(ids) for n, text in passages[aid]]
        for key, picks in related_passages(story_passages, {}, {}, {}).items():
            baseline[key] = [(pick["id"], pick["passage"]) for pick in picks]

    tallies = {"newsdesk": [0, 0, 0, 0, 0], "TF-IDF alone": [0, 0, 0, 0, 0]}
    # judged, right, passages with a partner, of those hit, partners shown
    partners_total = 0
    for aid, numbered in sorted(passages.items()):
        story = story_of.get(aid)
        others = [o for o in members.get(story, []) if o != aid]
        for number, _ in numbered:
            key = (aid, number)
            if events.get(line_of[key]) is None:
                continue
            partners = {(o, n) for o in others for n, _ in passages[o] if same_event(key, (o, n))}
            shown_by = {
                "newsdesk": [
                    (r.article_id, r.passage) for r in library.related(aid, number).related
                ],
                "TF-IDF alone": baseline.get(key, []),
            }
            partners_total += len(partners)
            for way, shown in shown_by.items():
                tally = tallies[way]
                verdicts = [v for v in (same_event(key, s) for s in shown) if v is not None]
                tally[0] += len(verdicts)
                tally[1] += sum(verdicts)
                if partners:
                    tally[2] += 1
                    hits = len(partners & set(shown))
                    tally[3] += hits > 0
                    tally[4] += hits
    print(f"ECB+ dev: {len(folders)} topics, {len(passages)} articles, {len(story_of)} in stories")
    print(f"{'related passages':<16} {'judged':>7} {'precision':>10} {'hit rate':>9} {'recall':>8}")
    for way, (judged, right, with_partner, hit, shown) in tallies.items():
        print(
            f"{way:<16} {judged:>7} {right / max(judged, 1):>10.3f} "
            f"{hit / max(with_partner, 1):>9.3f} {shown / max(partners_total, 1):>8.3f}"
        )
    print(
        f"(passages of annotated lines with a partner of one event in their story: "
        f"{tallies['newsdesk'][2]}; such partners: {partners_total})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
