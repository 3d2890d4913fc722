"""Group articles into stories: reports of the same event.

Two reports of one event share distinctive words, named entities and exact
figures, and were written within days of each other. Each candidate pair of
articles gets features of what they share (``index/story_features.py``) and a
model learned from real same-event clusters (``index/story_model.py``) turns
them into the probability that both report one event. Average-linkage clustering
merges groups while their mean probability stays above the learned threshold,
except where two articles state different values for the same figures and
none alike (two rounds of the same talks, weeks apart, read alike otherwise).

Comparing every pair does not scale (100,000 articles are 5 billion pairs), so
pairs are scored only among candidates: each article's nearest neighbours by
its most distinctive words, entities and figures (sparse products, a block of
rows at a time). Pairs that are not candidates count as unrelated, which is
what they nearly always are, and average linkage runs on that sparse graph, so
time and memory grow with the number of articles times the neighbours kept.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from scipy import sparse

from . import story_features
from .story_features import StoryInput
from .story_model import Model, shipped
from .tfidf import ENGLISH_STOP_WORDS

NEIGHBOURS = 30  # candidate pairs per article and signal
TOP_TERMS = 40  # an article's most distinctive features used to find candidates
BLOCK = 512  # rows per sparse product


def group(
    articles: Sequence[StoryInput], threshold: float | None = None, weights: Model | None = None
) -> list[list[str]]:
    """Article ids grouped into stories, largest first, each group in id order."""
    if not articles:
        return []
    pairs = scored_pairs(articles, threshold, weights)
    return grouped([a.id for a in articles], average_linkage(len(articles), *pairs))


def scored_pairs(
    articles: Sequence[StoryInput], threshold: float | None = None, weights: Model | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, np.ndarray | None]:
    """What :func:`average_linkage` is given: candidate pairs, their probability,
    the threshold and the pairs kept apart (apart so that an update can cluster
    only the parts of the graph that changed, see :mod:`index.incremental`)."""
    weights = weights or shipped()
    rows, cols, found = pair_features(articles)
    cut = weights.threshold if threshold is None else threshold
    values = weights.scores(found, cut)
    return rows, cols, values, cut, weights.apart(found)


def grouped(ids: Sequence[str], labels: Sequence[int]) -> list[list[str]]:
    """Ids by cluster label, largest group first, each group in id order."""
    groups: dict[int, list[str]] = {}
    for article, label in zip(ids, labels, strict=True):
        groups.setdefault(label, []).append(article)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


def pair_features(
    articles: Sequence[StoryInput],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs ``i < j`` and their features (columns: ``story_features.NAMES``)."""
    found = story_features.signals(articles)
    matrices = [m for m in (found.text, found.entities, found.figures) if m is not None]
    rows, cols = _candidates(matrices, len(articles))
    return rows, cols, story_features.features(found, rows, cols)


# -- candidate pairs -------------------------------------------------------------------


def _candidates(matrices: Sequence[sparse.csr_matrix], size: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``i < j`` that are among either's nearest neighbours by some signal."""
    if size < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    if size <= NEIGHBOURS + 1:  # small corpora: every pair
        rows, cols = np.triu_indices(size, k=1)
        return rows.astype(np.int64), cols.astype(np.int64)
    found = [_nearest(_distinctive(m), NEIGHBOURS) for m in matrices]
    rows = np.concatenate([r for r, _ in found])
    cols = np.concatenate([c for _, c in found])
    low, high = np.minimum(rows, cols), np.maximum(rows, cols)
    keys = np.unique(low * size + high)
    return keys // size, keys % size


def _distinctive(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each row's TOP_TERMS heaviest features, without features in over 2% of rows
    (which would make every block product dense and say little about the event)."""
    size = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    common = df > max(100, size // 50)
    pruned = matrix.copy()
    pruned.data[common[pruned.indices]] = 0
    for i in range(size):
        start, end = pruned.indptr[i], pruned.indptr[i + 1]
        if end - start > TOP_TERMS:
            row = pruned.data[start:end]
            row[np.argpartition(row, -TOP_TERMS)[:-TOP_TERMS]] = 0
    pruned.eliminate_zeros()
    return pruned


def _nearest(matrix: sparse.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` most similar other rows (by dot product), block by block."""
    transposed = matrix.T.tocsr()
    rows, cols = [], []
    for start in range(0, matrix.shape[0], BLOCK):
        block = (matrix[start : start + BLOCK] @ transposed).tocsr()
        for offset in range(block.shape[0]):
            i = start + offset
            lo, hi = block.indptr[offset], block.indptr[offset + 1]
            others, scores = block.indices[lo:hi], block.data[lo:hi]
            keep = others != i
            others, scores = others[keep], scores[keep]
            if len(others) > k:
                others = others[np.argpartition(scores, -k)[-k:]]
            rows.append(np.full(len(others), i))
            cols.append(others)
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64)


# -- clustering ------------------------------------------------------------------------


def average_linkage(
    size: int,
    rows: np.ndarray,
    cols: np.ndarray,
    values: np.ndarray,
    threshold: float,
    apart: np.ndarray | None = None,
) -> list[int]:
    """Cluster labels from average linkage on a sparse similarity graph.

    Two clusters merge while the mean similarity over all their pairs (pairs
    without an edge count as 0) is above ``threshold``, most similar first:
    scikit-learn's average linkage with a distance threshold, on a graph.
    Pairs marked in ``apart`` never end up in one cluster.
    """
    graph = _Graph(size)
    for i, j, value in zip(rows.tolist(), cols.tolist(), values.tolist(), strict=True):
        if value > 0:
            graph.sums[i][j] = graph.sums[j][i] = value
    if apart is not None:
        for i, j in zip(rows[apart].tolist(), cols[apart].tolist(), strict=True):
            graph.apart[i].add(j)
            graph.apart[j].add(i)
    # Only pairs above the threshold are queued: an average changes only when one
    # side merges, and then every edge of the merged cluster is queued anew.
    heap = [
        (-v, i, j, 0, 0)
        for i in range(size)
        for j, v in graph.sums[i].items()
        if i < j and v > threshold
    ]
    heapq.heapify(heap)
    while heap:
        _, i, j, version_i, version_j = heapq.heappop(heap)
        current = graph.version[i] == version_i and graph.version[j] == version_j
        if current and j not in graph.apart[i]:
            for entry in graph.merge(i, j, threshold):
                heapq.heappush(heap, entry)
    return [graph.root(i) for i in range(size)]


class _Graph:
    """Clusters as nodes; ``sums[a][b]`` is the total similarity between a and b."""

    def __init__(self, size: int) -> None:
        self.sums: list[dict[int, float]] = [{} for _ in range(size)]
        self.members = [1] * size
        self.version = [0] * size  # bumped on every merge, so old heap entries are stale
        self.parent = list(range(size))
        self.apart: list[set[int]] = [set() for _ in range(size)]  # clusters kept apart

    def merge(self, i: int, j: int, threshold: float) -> list[tuple[float, int, int, int, int]]:
        """Fold the cluster with fewer edges into the other; return heap entries for
        the merged cluster's edges above ``threshold``."""
        if len(self.sums[j]) > len(self.sums[i]):
            i, j = j, i
        del self.sums[i][j], self.sums[j][i]
        for other, weight in self.sums[j].items():
            del self.sums[other][j]
            total = self.sums[i].get(other, 0.0) + weight
            self.sums[i][other] = self.sums[other][i] = total
        self.sums[j] = {}
        for other in self.apart[j]:
            self.apart[other].discard(j)
            self.apart[other].add(i)
        self.apart[i] |= self.apart[j]
        self.apart[j] = set()
        self.members[i] += self.members[j]
        self.parent[j] = i
        self.version[i] += 1
        self.version[j] += 1
        entries = []
        size, version = self.members[i], self.version
        for other, total in self.sums[i].items():
            average = total / (size * self.members[other])
            if average > threshold:
                a, b = (i, other) if i < other else (other, i)
                entries.append((-average, a, b, version[a], version[b]))
        return entries

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


def story_title(
    members: Sequence[StoryInput],
    names: Mapping[str, str] | None = None,
    weights: Mapping[str, Mapping[str, float]] | None = None,
) -> str:
    """A short name: the title that best tells what its articles share (see
    :func:`_title_of`), else the entities they share, most weighed first (by
    ``weights``, each entity's weight in each article: see
    :func:`index.corpus_pass.entity_weights`; else the articles naming it),
    else words."""
    head = _title_of(members, ENGLISH_STOP_WORDS)
    if head is not None:
        return head if len(head) <= 60 else head[:57].rsplit(" ", 1)[0] + "…"
    names = names or {}
    counts = Counter(e for m in members for e in m.entities)
    weighed: dict[str, float] = defaultdict(float)
    for member in members:
        for e in member.entities:
            if counts[e] > 1 or len(members) == 1:  # shared by the story's articles
                weighed[e] += weights[e].get(member.id, 0.0) if weights and e in weights else 1.0
    ranked = sorted(weighed, key=lambda e: (-weighed[e], e))
    shared = _distinct(names.get(e, e) for e in ranked[:6])
    words = Counter(w.lower() for m in members for w in set(_WORD.findall(m.text)))
    common = [w for w, _ in _most_common(words, 40) if w not in ENGLISH_STOP_WORDS | {"said"}][:3]
    parts = shared[:3] or common
    return " · ".join(parts[:3]) if parts else members[0].id


def _distinct(names: Iterable[str]) -> list[str]:
    """``names`` but those saying again what one before says ("Olympics" and
    "Winter Olympics" after "Olympic"): its words, case and a plural s aside,
    hold or are held by an earlier one's."""
    kept: list[tuple[str, frozenset[str]]] = []
    for name in names:
        words = frozenset(w.lower().removesuffix("s") for w in name.split())
        if not any(words <= other or other <= words for _, other in kept):
            kept.append((name, words))
    return [name for name, _ in kept]


# Under this share of a title's words in the story's other articles, the title
# is about something else: a page's furniture read as a headline ("Get the latest
# from TODAY Sign up for our newsletter", "Media playback is unsupported ...").
TITLE_SHARED = 0.25


def _title_of(members: Sequence[StoryInput], stop: frozenset[str]) -> str | None:
    """The title whose words the story's other articles use most (the shorter of
    two alike), or none where no title is about what the others tell."""
    titled = [m for m in members if m.title]
    if len(members) == 1 or not titled:
        return titled[0].title if titled else None
    texts = {m.id: {w.lower() for w in _WORD.findall(m.text)} for m in members}
    best: tuple[float, int, str] | None = None
    for member in titled:
        assert member.title is not None
        words = {w.lower() for w in _WORD.findall(member.title)} - stop
        others = [texts[m.id] for m in members if m.id != member.id]
        if not words:
            continue
        shared = sum(len(words & other) for other in others) / (len(words) * len(others))
        candidate = (shared, -len(member.title), member.title)
        best = candidate if best is None or candidate > best else best
    return best[2] if best is not None and best[0] >= TITLE_SHARED else None


def _most_common(counts: Counter[str], n: int) -> list[tuple[str, int]]:
    """``Counter.most_common``, ties in alphabetical order: the counts are made
    from sets, whose order changes from one process to the next, and a story's
    name must not."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
