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

``--variants`` measures, from the same scores, two changes to the linkage
(cross-validated ARI multi-source / with 300 BBC articles / ECB+ mixed, mean
ARI of the ECB+ topics alone and how many keep both events apart; each fold's
threshold chosen on the other folds):

- average linkage, then any two stories joined by a pair above ``h`` merged
  (single link above a high bar);
- a bar that falls with the size of the two stories: merge while the mean
  probability is above ``t - d * log2(n_a * n_b)``.

``--passages`` adds two pair features before the out-of-fold training: the
best TF-IDF cosine between a passage of one article and one of the other
(lines joined into passages of 40 words or more, the first 40 passages), and
the share of the article with fewer passages that finds a counterpart above
0.2 in the other.
"""

from __future__ import annotations

import argparse
import heapq
import math
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import train_stories as train  # noqa: E402
from benchmarks.story_data import CACHE  # noqa: E402
from index import story_features  # noqa: E402
from index.stories import average_linkage  # noqa: E402
from index.story_model import kept_apart  # noqa: E402

SHOWN = ("text", "lead", "title", "entities_jaccard", "people_jaccard", "figures_shared")
JUNK = 0.1  # TF-IDF cosine below which an article shares nothing with its story


def prepared(
    cache: Path, scores: Path | None, passages: bool = False
) -> tuple[list[train.Pairs], list[np.ndarray]]:
    if scores and scores.exists():
        return pickle.loads(scores.read_bytes())
    corpora = train.corpora(cache, sparse=False, wire=False)
    if passages:
        for c in corpora:
            extra = passage_features([a.text for a in c.inputs], c.rows, c.cols)
            c.features = np.hstack([c.features, extra])
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


PASSAGE_WORDS = 40
PASSAGES = 40
MATCHED = 0.2


def passages_of(text: str) -> list[str]:
    """An article's lines joined into passages of at least ``PASSAGE_WORDS`` words."""
    found: list[str] = []
    current: list[str] = []
    words = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        current.append(line)
        words += len(line.split())
        if words >= PASSAGE_WORDS:
            found.append("\n".join(current))
            current, words = [], 0
            if len(found) == PASSAGES:
                return found
    if current:
        if found and words < PASSAGE_WORDS // 2:
            found[-1] += "\n" + "\n".join(current)
        else:
            found.append("\n".join(current))
    return found


def passage_features(texts: list[str], rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Per pair: the best passage-to-passage cosine, and the share of the
    article with fewer passages that has a counterpart above ``MATCHED``."""
    every = [passages_of(t) for t in texts]
    starts = np.zeros(len(texts) + 1, np.int64)
    starts[1:] = np.cumsum([len(p) for p in every])
    matrix = story_features.text_vectors([p for found in every for p in found], bigrams=True)
    out = np.zeros((len(rows), 2))
    if matrix is None:
        return out
    order = np.argsort(rows, kind="stable")
    bounds = np.searchsorted(rows[order], np.arange(len(texts) + 1))
    for i in range(len(texts)):
        pairs = order[bounds[i] : bounds[i + 1]]
        others = cols[pairs]
        counts = starts[others + 1] - starts[others]
        keep = counts > 0
        pairs, others, counts = pairs[keep], others[keep], counts[keep]
        if not len(pairs) or starts[i] == starts[i + 1]:
            continue
        columns = np.concatenate([np.arange(starts[j], starts[j + 1]) for j in others])
        product = (matrix[starts[i] : starts[i + 1]] @ matrix[columns].T).toarray()
        edges = np.concatenate([[0], np.cumsum(counts)[:-1]])
        per_other = np.maximum.reduceat(product, edges, axis=1)
        out[pairs, 0] = per_other.max(axis=0)
        mine = (per_other > MATCHED).mean(axis=0)
        theirs = np.add.reduceat((product.max(axis=0) > MATCHED).astype(float), edges) / counts
        out[pairs, 1] = np.where(counts < starts[i + 1] - starts[i], theirs, mine)
    return out


def single_link_above(c: train.Pairs, p: np.ndarray, t: float, high: float) -> np.ndarray:
    """Average linkage at ``t``, then stories joined by any pair above ``high``
    merged (never across pairs kept apart)."""
    apart = kept_apart(c.features, train.CONFLICTS)
    labels = np.array(average_linkage(len(c.inputs), c.rows, c.cols, p, t, apart))
    parent = list(range(len(labels)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    away: dict[int, set[int]] = defaultdict(set)
    if apart is not None:
        for i, j in zip(c.rows[apart], c.cols[apart], strict=True):
            away[labels[i]].add(labels[j])
            away[labels[j]].add(labels[i])
    for n in np.argsort(-p):
        if p[n] <= high:
            break
        a, b = root(labels[c.rows[n]]), root(labels[c.cols[n]])
        if a != b and b not in {root(x) for x in away[a]}:
            parent[b] = a
            away[a] |= away[b]
    return np.array([root(x) for x in labels])


def size_bar(c: train.Pairs, p: np.ndarray, t: float, d: float) -> np.ndarray:
    """Average linkage merging while the mean probability is above
    ``t - d * log2(n_a * n_b)`` (at least 0.05)."""
    size = len(c.inputs)
    apart = kept_apart(c.features, train.CONFLICTS)
    sums: list[dict[int, float]] = [{} for _ in range(size)]
    for i, j, v in zip(c.rows.tolist(), c.cols.tolist(), p.tolist(), strict=True):
        if v > 0:
            sums[i][j] = sums[j][i] = v
    away: list[set[int]] = [set() for _ in range(size)]
    if apart is not None:
        for i, j in zip(c.rows[apart].tolist(), c.cols[apart].tolist(), strict=True):
            away[i].add(j)
            away[j].add(i)
    members, version, parent = [1] * size, [0] * size, list(range(size))

    def bar(a: int, b: int) -> float:
        return max(0.05, t - d * math.log2(members[a] * members[b]))

    heap = [(-v, i, j, 0, 0) for i in range(size) for j, v in sums[i].items() if i < j]
    heap = [e for e in heap if -e[0] > bar(e[1], e[2])]
    heapq.heapify(heap)
    while heap:
        _, i, j, vi, vj = heapq.heappop(heap)
        if version[i] != vi or version[j] != vj or j in away[i]:
            continue
        if len(sums[j]) > len(sums[i]):
            i, j = j, i
        del sums[i][j], sums[j][i]
        for o, w in sums[j].items():
            del sums[o][j]
            sums[i][o] = sums[o][i] = sums[i].get(o, 0.0) + w
        sums[j] = {}
        for o in away[j]:
            away[o].discard(j)
            away[o].add(i)
        away[i] |= away[j]
        away[j] = set()
        members[i] += members[j]
        parent[j] = i
        version[i] += 1
        version[j] += 1
        for o, total in sums[i].items():
            if total / (members[i] * members[o]) > bar(i, o):
                a, b = (i, o) if i < o else (o, i)
                heapq.heappush(
                    heap, (-total / (members[i] * members[o]), a, b, version[a], version[b])
                )
    roots = []
    for i in range(size):
        while parent[i] != i:
            i = parent[i]
        roots.append(i)
    return np.array(roots)


def variants(corpora: list[train.Pairs], scores: list[np.ndarray]) -> None:
    print("\n== Linkage variants (cross-validated: ms / ms + 300 BBC / ECB+ / topics, apart)")
    runs = [("shipped: average linkage", single_link_above, 2.0)]
    runs += [(f"single link above {h}", single_link_above, h) for h in (0.99, 0.98, 0.95, 0.9)]
    runs += [(f"bar falling with size, d={d}", size_bar, d) for d in (0.01, 0.02, 0.03, 0.04)]
    for name, link, value in runs:
        parts = {
            t: [link(c, s, t, value) for c, s in zip(corpora, scores, strict=True)]
            for t in train.THRESHOLDS
        }
        found, chosen = train.cross_validated(corpora, parts)
        by = {c.name: f for c, f in zip(corpora, found, strict=True)}
        topics = np.mean(
            [f["ari"] for c, f in zip(corpora, found, strict=True) if c.kind == "topic"]
        )
        apart = train.split_topics(corpora, parts[sorted(chosen)[train.FOLDS // 2]])
        print(
            f"  {name:32} {by['multisource']['ari']:.3f} ({by['multisource']['purity']:.3f}) / "
            f"{by['multisource + BBC']['ari']:.3f} / {by['ecb']['ari']:.3f} / {topics:.3f}, "
            f"{apart}  thresholds {[float(t) for t in chosen]}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--scores", type=Path, help="pickle of corpora and out-of-fold scores")
    parser.add_argument("--variants", action="store_true", help="measure the linkage variants")
    parser.add_argument("--passages", action="store_true", help="add the passage pair features")
    args = parser.parse_args()
    corpora, scores = prepared(args.cache, args.scores, args.passages)
    parts = train.learned_parts(corpora, scores)
    chosen = train.report(corpora, parts)
    for n, c in enumerate(corpora):
        if c.kind == "mixed":
            analyse(c, scores[n], fold_labels(c, parts, chosen, n))
    if args.variants:
        variants(corpora, scores)


if __name__ == "__main__":
    main()
