"""How well story grouping recovers real same-event clusters.

    python benchmarks/eval_stories.py [--clusters N] [--nlp] [--seed S]

Mixes N clusters of ../shared/data/multisource (several outlets' articles on
one event each), groups the articles with newsdesk's story grouping, and
prints the adjusted Rand index and purity against the true clusters.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import MULTISOURCE, require, timed  # noqa: E402
from index.readers import read  # noqa: E402
from index.stories import THRESHOLD, StoryInput, group  # noqa: E402


def load(clusters: int, seed: int) -> tuple[list, dict[str, str]]:
    folders = sorted(p for p in require(MULTISOURCE).iterdir() if p.is_dir())
    random.Random(seed).shuffle(folders)
    articles, truth = [], {}
    for folder in folders[:clusters]:
        for file in sorted(folder.glob("*.txt")):
            result, _ = read(str(file), f"{folder.name}/{file.name}")
            articles.extend(result.articles)
            for article in result.articles:
                truth[article.id] = folder.name
    return articles, truth


def inputs(articles, with_nlp: bool) -> list[StoryInput]:
    entity_sets: dict[str, frozenset[str]] = {}
    figure_sets: dict[str, frozenset[str]] = {}
    if with_nlp:
        from index.analysis import Analysis
        from index.entities import alias_key

        analysis = Analysis()
        for article, found in zip(articles, analysis.analyse(articles), strict=True):
            entity_sets[article.id] = frozenset(
                alias_key(m["text"])
                for m in found["mentions"]
                if m["kind"] in ("person", "organisation", "place", "event")
            )
            figure_sets[article.id] = figures(found["facts"])
    return [
        StoryInput(
            a.id,
            "\n".join(p.text for p in a.passages),
            a.date,
            entity_sets.get(a.id, frozenset()),
            figure_sets.get(a.id, frozenset()),
            a.title,
        )
        for a in articles
    ]


def figures(facts: list[dict]) -> frozenset[str]:
    from index.summary import figure_of

    return frozenset(f for fact in facts if (f := figure_of(fact)))


def purity(predicted: list[list[str]], truth: dict[str, str]) -> float:
    total = sum(len(g) for g in predicted)
    return sum(Counter(truth[i] for i in g).most_common(1)[0][1] for g in predicted) / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--nlp", action="store_true", help="use entities too (slower)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args()
    from sklearn.metrics import adjusted_rand_score

    articles, truth = load(args.clusters, args.seed)
    seconds, predicted = timed(lambda: group(inputs(articles, args.nlp), args.threshold))
    label = {aid: n for n, members in enumerate(predicted) for aid in members}
    ids = sorted(truth)
    ari = adjusted_rand_score([truth[i] for i in ids], [label[i] for i in ids])
    print(
        f"clusters: {args.clusters}  articles: {len(articles)}  predicted stories: "
        f"{len(predicted)}  nlp: {args.nlp}  threshold: {args.threshold}"
    )
    print(
        f"adjusted Rand index: {ari:.3f}  purity: {purity(predicted, truth):.3f}  "
        f"time: {seconds:.1f} s"
    )


if __name__ == "__main__":
    main()
