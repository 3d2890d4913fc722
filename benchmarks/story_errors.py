"""Where story grouping goes wrong, cross-validated as ``train_stories.py`` does.

    python benchmarks/story_errors.py [--cache DIR] [--scores FILE]

From the same out-of-fold pair probabilities (each pair scored by trees that
saw neither article's fold) and each fold's threshold chosen on the other
folds, for the multi-source clusters mixed and the ECB+ dev topics mixed:

- every gold story split into several found stories, with the ARI the whole
  mix would gain were it put right (its articles together, alone), and for the
  best-scored pair across its pieces why it scored low: the pair's features
  (text, lead and title cosine, rarity-weighted entities shared, the shorter
  text's words), whether one article is a page no content could group (under
  0.1 TF-IDF cosine with every other article of its story), whether the pieces
  are candidates of each other at all;
- every found story mixing gold ones, with the ARI gained were it split by gold
  story, and the best pair across the gold stories it mixes.

``--scores FILE`` keeps the corpora and their out-of-fold scores in a pickle
(outside the repository) so that a second run starts at once.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import train_stories as train  # noqa: E402
from benchmarks.story_data import CACHE  # noqa: E402
from index import story_features  # noqa: E402

SHOWN = ("text", "lead", "title", "entities_jaccard", "people_jaccard", "figures_shared")
JUNK = 0.1  # TF-IDF cosine below which an article shares nothing with its story


def prepared(cache: Path, scores: Path | None) -> tuple[list[train.Pairs], list[np.ndarray]]:
    if scores and scores.exists():
        return pickle.loads(scores.read_bytes())
    corpora = train.corpora(cache)
    found = (corpora, train.out_of_fold(corpora))
    if scores:
        scores.write_bytes(pickle.dumps(found))
    return found


def fold_labels(c: train.Pairs, parts, chosen: list[float], n: int) -> np.ndarray:
    """Each article's found story at its own fold's threshold (labels made unique
    per fold, so stories of different folds never meet)."""
    labels = np.zeros(len(c.inputs), np.int64)
    for k, t in enumerate(chosen):
        here = c.fold == k
        labels[here] = parts[t][n][here] + k * len(c.inputs)
    return labels


def ari(labels, truth) -> float:
    from sklearn.metrics import adjusted_rand_score

    return adjusted_rand_score(truth, labels)


def cosine_to_story(c: train.Pairs) -> np.ndarray:
    """Each article's best TF-IDF cosine with another article of its gold story."""
    vectors = story_features.text_vectors([a.text for a in c.inputs], bigrams=True)
    gold = [c.truth[i] for i in c.ids]
    members = defaultdict(list)
    for n, g in enumerate(gold):
        members[g].append(n)
    best = np.zeros(len(gold))
    for group in members.values():
        if len(group) < 2:
            continue
        block = (vectors[group] @ vectors[group].T).toarray()
        np.fill_diagonal(block, 0)
        best[group] = block.max(axis=1)
    return best


def cause(c: train.Pairs, i: int, j: int, row: np.ndarray | None, alone: np.ndarray) -> str:
    if alone[i] < JUNK or alone[j] < JUNK:
        return "page sharing nothing with its story"
    if row is None:
        return "never a candidate pair"
    shorter = np.expm1(row[story_features.NAMES.index("shorter")])
    text = row[story_features.NAMES.index("text")]
    if shorter < 150:
        return "short text"
    if text < 0.1:
        return "different angle (text cosine < 0.1)"
    if text < 0.2:
        return "different angle (text cosine 0.1-0.2)"
    return "alike text, scored low"


def analyse(c: train.Pairs, p: np.ndarray, labels: np.ndarray) -> None:
    truth = [c.truth[i] for i in c.ids]
    base = ari(labels, truth)
    alone = cosine_to_story(c)
    index = {(int(a), int(b)): n for n, (a, b) in enumerate(zip(c.rows, c.cols, strict=True))}
    gold = np.array(truth)
    fresh = labels.max() + 1
    print(f"\n== {c.name}: ARI {base:.3f}")
    splits, causes = [], Counter()
    for g in sorted(set(truth)):
        members = np.flatnonzero(gold == g)
        pieces = Counter(labels[members].tolist())
        if len(pieces) < 2:
            continue
        fixed = labels.copy()
        fixed[members] = fresh
        gain = ari(fixed, truth) - base
        best = (-1.0, None, None)
        for a in members:
            for b in members:
                if a < b and labels[a] != labels[b]:
                    n = index.get((int(a), int(b)))
                    score = p[n] if n is not None else -0.5
                    if score > best[0]:
                        best = (score, int(a), int(b))
        _, i, j = best
        n = index.get((i, j))
        why = cause(c, i, j, c.features[n] if n is not None else None, alone)
        causes[why] += gain
        splits.append((gain, g, sorted(pieces.values(), reverse=True), best, why, n))
    splits.sort(reverse=True)
    print(f"-- {len(splits)} gold stories split; ARI they cost, by cause of their best pair:")
    for why, total in causes.most_common():
        print(f"   {total:.3f}  {why}")
    for gain, g, sizes, (score, i, j), why, n in splits:
        shown = ""
        if n is not None:
            f = c.features[n]
            shown = " ".join(f"{k}={f[story_features.NAMES.index(k)]:.2f}" for k in SHOWN)
            shown += f" words={np.expm1(f[story_features.NAMES.index('shorter')]):.0f}"
        print(
            f"  +{gain:.4f} {g} pieces {sizes}: best cross pair p={score:.2f} ({why}) {shown}"
            f"\n      {c.inputs[i].title or c.ids[i]!r:.70} | {c.inputs[j].title or c.ids[j]!r:.70}"
        )
    merges = []
    for found in sorted(set(labels.tolist())):
        members = np.flatnonzero(labels == found)
        stories = Counter(gold[members].tolist())
        if len(stories) < 2:
            continue
        fixed = labels.copy()
        for n, g in enumerate(stories):
            fixed[members[gold[members] == g]] = fresh + n
        gain = ari(fixed, truth) - base
        best = (-1.0, 0, 0)
        for a in members:
            for b in members:
                if a < b and gold[a] != gold[b]:
                    n = index.get((int(a), int(b)))
                    if n is not None and p[n] > best[0]:
                        best = (p[n], int(a), int(b))
        merges.append((gain, sorted(stories.values(), reverse=True), sorted(stories), best))
    merges.sort(reverse=True)
    print(f"-- {len(merges)} found stories mixing gold ones, ARI gained were each split:")
    print(f"   total {sum(m[0] for m in merges):.3f}")
    for gain, sizes, stories, (score, i, j) in merges:
        print(
            f"  +{gain:.4f} {sizes} {' + '.join(stories)[:80]}: best cross pair p={score:.2f}"
            f"\n      {c.inputs[i].title or c.ids[i]!r:.70} | {c.inputs[j].title or c.ids[j]!r:.70}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--scores", type=Path, help="pickle of corpora and out-of-fold scores")
    args = parser.parse_args()
    corpora, scores = prepared(args.cache, args.scores)
    parts = train.learned_parts(corpora, scores)
    chosen = train.report(corpora, parts)
    for n, c in enumerate(corpora):
        if c.kind == "mixed":
            analyse(c, scores[n], fold_labels(c, parts, chosen, n))


if __name__ == "__main__":
    main()
