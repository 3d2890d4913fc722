"""Group articles into stories: reports of the same event.

Two reports of one event share distinctive words, named entities and exact
figures, and were written within days of each other. A pair of articles gets
a similarity that combines TF-IDF cosine of the text, the overlap of their
named entities and of their stated figures, damped when their trusted dates
are far apart; average-linkage clustering merges groups while their average
similarity stays above a threshold.

Comparing every pair does not scale (100,000 articles are 5 billion pairs), so
similarity is computed only for candidate pairs: each article's nearest
neighbours by its most distinctive words, entities and figures (sparse
products, a block of rows at a time). Pairs that are not candidates count as
dissimilar, which is what they nearly always are, and average linkage runs on
that sparse graph, so time and memory grow with the number of articles times
the neighbours kept.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

THRESHOLD = 0.12
DAYS_APART = 10
WEIGHTS = {"text": 0.5, "entities": 0.2, "figures": 0.3}
NEIGHBOURS = 30  # candidate pairs per article and signal
TOP_TERMS = 40  # an article's most distinctive features used to find candidates
BLOCK = 512  # rows per sparse product


@dataclass(frozen=True)
class StoryInput:
    """What grouping looks at for one article."""

    id: str
    text: str
    date: str | None = None
    entities: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()
    title: str | None = None


def group(articles: Sequence[StoryInput], threshold: float = THRESHOLD) -> list[list[str]]:
    """Article ids grouped into stories, largest first, each group in id order."""
    if not articles:
        return []
    rows, cols, values = pair_similarities(articles)
    labels = average_linkage(len(articles), rows, cols, values, threshold)
    groups: dict[int, list[str]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(label, []).append(article.id)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


def pair_similarities(
    articles: Sequence[StoryInput],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs ``i < j`` and their similarity in [0, 1]."""
    signals = {
        "text": _text_vectors([a.text for a in articles]),
        "entities": _set_vectors([a.entities for a in articles]),
        "figures": _set_vectors([a.figures for a in articles]),
    }
    rows, cols = _candidates([m for m in signals.values() if m is not None], len(articles))
    total = np.zeros(len(rows))
    weight = np.zeros(len(rows))
    for name, matrix in signals.items():
        if matrix is None:
            continue
        # A signal counts only where both articles have it (no entities without NLP).
        filled = np.asarray(matrix.getnnz(axis=1) > 0)
        present = filled[rows] & filled[cols] if name != "text" else np.ones(len(rows), bool)
        total += WEIGHTS[name] * _row_dots(matrix, rows, cols) * present
        weight += WEIGHTS[name] * present
    combined = np.divide(total, weight, out=np.zeros_like(total), where=weight > 0)
    combined *= _date_damping([a.date for a in articles], rows, cols)
    return rows, cols, np.clip(combined, 0.0, 1.0)


def _text_vectors(texts: Sequence[str]) -> sparse.csr_matrix | None:
    """TF-IDF of words and word pairs, hashed: no vocabulary of millions of word
    pairs held in memory (2^21 buckets keep collisions rare)."""
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

    hashing = HashingVectorizer(
        stop_words="english",
        ngram_range=(1, 2),
        n_features=2**21,
        alternate_sign=False,
        norm=None,
        dtype=np.float32,
    )
    counts = hashing.transform(texts)
    if counts.nnz == 0:  # every text is only stop words
        return None
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).astype(np.float32).tocsr()


def _set_vectors(sets: Sequence[frozenset[str]]) -> sparse.csr_matrix | None:
    """TF-IDF rows of sets (None when every set is empty).

    Weighting by rarity matters: in a corpus about one war, "Russia" is in
    every article and says nothing about which event a report covers, while
    "1,200 prisoners of war" or "Dmitry Peskov" does.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not any(sets):
        return None
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
    return vectorizer.fit_transform([sorted(s) for s in sets]).tocsr()


def _identity(items: list[str]) -> list[str]:
    return items


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


def _row_dots(matrix: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``matrix[rows[n]] · matrix[cols[n]]`` for every n, a chunk of pairs at a time."""
    found = np.zeros(len(rows))
    step = 20_000  # pairs per chunk: bounds the memory of the row copies
    for start in range(0, len(rows), step):
        a = matrix[rows[start : start + step]]
        b = matrix[cols[start : start + step]]
        found[start : start + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return found


def _date_damping(dates: Sequence[str | None], rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """1 where dates are unknown or close; 0.4 where they are far apart."""
    days = np.array([dt.date.fromisoformat(d).toordinal() if d else -1 for d in dates])
    a, b = days[rows], days[cols]
    far = (a >= 0) & (b >= 0) & (np.abs(a - b) > DAYS_APART)
    return np.where(far, 0.4, 1.0)


# -- clustering ------------------------------------------------------------------------


def average_linkage(
    size: int, rows: np.ndarray, cols: np.ndarray, values: np.ndarray, threshold: float
) -> list[int]:
    """Cluster labels from average linkage on a sparse similarity graph.

    Two clusters merge while the mean similarity over all their pairs (pairs
    without an edge count as 0) is above ``threshold``, most similar first:
    scikit-learn's average linkage with a distance threshold, on a graph.
    """
    graph = _Graph(size)
    for i, j, value in zip(rows.tolist(), cols.tolist(), values.tolist(), strict=True):
        if value > 0:
            graph.sums[i][j] = graph.sums[j][i] = value
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
        if graph.version[i] == version_i and graph.version[j] == version_j:
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


def story_title(members: Sequence[StoryInput], names: Mapping[str, str] | None = None) -> str:
    """A short name: the entities and words the story's articles share most."""
    names = names or {}
    entity_counts = Counter(e for m in members for e in m.entities)
    shared = [
        names.get(e, e) for e, n in entity_counts.most_common(6) if n > 1 or len(members) == 1
    ]
    titled = [m.title for m in members if m.title]
    if titled:
        head = min(titled, key=len)
        return head if len(head) <= 60 else head[:57].rsplit(" ", 1)[0] + "…"
    words = Counter(w.lower() for m in members for w in set(_WORD.findall(m.text)))
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    common = [w for w, _ in words.most_common(40) if w not in ENGLISH_STOP_WORDS | {"said"}][:3]
    parts = shared[:3] or common
    return " · ".join(parts[:3]) if parts else members[0].id
