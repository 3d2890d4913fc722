"""How well a story's name tells what it is about, where no headline names it.

    python benchmarks/eval_story_names.py --cache DIR   # the cache of story_data.py

A story whose articles have no headline (a folder of plain text, or the
Multi-News pages of ../shared/data/multisource, which have none) is named by
the entities its articles share (``index.stories.story_title``). Each
Multi-News cluster, taken as one story, is named from its analysed articles as
the corpus-wide pass names a story; a name's part "agrees" where a word of it
(three letters or more, not a stop word) is in the cluster's reference summary
(Newser's editors', in ``meta.json``; newsdesk never reads it). Printed for the
names as shipped (each shared entity weighed by how often each report names it
times its IDF over the corpus, ``index.corpus_pass.entity_weights``) and as
before (by the reports naming it, ties by id): the share of parts that agree,
of clusters whose first part agrees, and of clusters with no part that agrees,
then a sample of names side by side.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import MULTISOURCE  # noqa: E402
from benchmarks.story_data import CACHE, load  # noqa: E402

_WORD = re.compile(r"[^\W\d_]{3,}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE, help="story_data.py's cache")
    parser.add_argument("--sample", type=int, default=15, help="names shown side by side")
    args = parser.parse_args()
    if not MULTISOURCE.is_dir():
        print(f"no multi-source clusters under {MULTISOURCE}", file=sys.stderr)
        return 1

    from index.corpus_pass import entity_sets, entity_weights, story_inputs
    from index.entities import named
    from index.model import Mention
    from index.store import article_from_json
    from index.stories import ENGLISH_STOP_WORDS, story_title

    blobs, truth = load("multisource", args.cache)
    articles = {aid: article_from_json(blob["article"]) for aid, blob in blobs.items()}
    mentions = {
        aid: [Mention(**m) for m in blob.get("mentions", [])] for aid, blob in blobs.items()
    }
    first = named(mentions, {aid: a.passages for aid, a in articles.items()})
    inputs = {i.id: i for i in story_inputs(articles, blobs, entity_sets(first))}
    names = {entity.id: entity.name for entity in first}
    total = len(articles)
    weights = entity_weights(first, total)

    clusters: dict[str, list[str]] = defaultdict(list)
    for aid, gold in truth.items():
        clusters[gold].append(aid)
    scores = {"before": [0, 0, 0, 0], "shipped": [0, 0, 0, 0]}  # parts, agreeing, first, none
    clusters_named = 0
    shown = []
    for _gold, members in sorted(clusters.items()):
        folder = MULTISOURCE / members[0].split("/")[0]
        if not folder.name.startswith("multinews-") or len(members) < 2:
            continue
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        summary = {w.lower() for w in _WORD.findall(meta.get("reference_summary", ""))}
        story = [inputs[m] for m in sorted(members)]
        if any(i.title for i in story):
            continue  # named by a headline the reader found, not by entities
        titles = {
            "before": story_title(story, names),
            "shipped": story_title(story, names, weights),
        }
        for way, title in titles.items():
            parts = title.split(" · ")
            agree = [
                bool({w.lower() for w in _WORD.findall(p)} - ENGLISH_STOP_WORDS & summary)
                for p in parts
            ]
            tally = scores[way]
            tally[0] += len(parts)
            tally[1] += sum(agree)
            tally[2] += agree[0]
            tally[3] += not any(agree)
        clusters_named += 1
        if titles["before"] != titles["shipped"]:
            shown.append((folder.name, titles["before"], titles["shipped"]))
    print(f"{clusters_named} Multi-News clusters named by their entities (no headline found)")
    for way in ("before", "shipped"):
        parts, agreeing, first_ok, none = scores[way]
        print(
            f"  {way:8} parts in the summary {agreeing}/{parts} ({agreeing / parts:.2f}); "
            f"first part {first_ok / clusters_named:.2f}; no part {none / clusters_named:.2f}"
        )
    print(f"\n{len(shown)} names changed; a sample (cluster: before -> shipped):")
    for folder, before, after in shown[: args.sample]:
        print(f"  {folder}: {before}  ->  {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
