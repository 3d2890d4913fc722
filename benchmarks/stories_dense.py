"""The hand-weighted story grouping newsdesk used before the learned model, in
its dense form (index/stories.py before the scaling change). It gives the same
stories as the sparse form did; kept so ``eval_stories.py`` can measure the
"before" on the same inputs, and ``bench_stories.py --dense`` its cost.

Group articles into stories: reports of the same event.

Two reports of one event share distinctive words, named entities and exact
figures, and were written within days of each other. Each pair of articles
gets a similarity that combines TF-IDF cosine of the text, the overlap of
their named entities and of their stated figures, damped when their trusted
dates are far apart; average-linkage agglomerative clustering (scikit-learn)
cuts the tree where similarity drops below a threshold.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.stories import StoryInput  # noqa: E402

THRESHOLD = 0.12
DAYS_APART = 10
WEIGHTS = {"text": 0.5, "entities": 0.2, "figures": 0.3}
COMPARED_KINDS = ("quantity", "duration", "date")


def figure_before(fact: dict, unified: dict[str, str]) -> str | None:
    """The figure token of that time: no unit, and subject-less keys kept."""
    key = fact.get("key")
    if fact.get("kind") not in COMPARED_KINDS or not key or key == "date":
        return None
    key = unified.get(key, key)
    value = fact.get("value")
    return f"{key}={value if value is not None else fact['text'].lower()}"


def _identity(items: list[str]) -> list[str]:
    return items


def group(articles: Sequence[StoryInput], threshold: float = THRESHOLD) -> list[list[str]]:
    """Article ids grouped into stories, largest first, each group in id order."""
    if not articles:
        return []
    if len(articles) == 1:
        return [[articles[0].id]]
    from sklearn.cluster import AgglomerativeClustering

    similarity = similarity_matrix(articles)
    clustering = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - threshold,
    )
    labels = clustering.fit_predict(1.0 - similarity)
    groups: dict[int, list[str]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(int(label), []).append(article.id)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


def similarity_matrix(articles: Sequence[StoryInput]) -> np.ndarray:
    """Pairwise similarity in [0, 1] of every two articles."""
    signals = {
        "text": (_text_similarity([a.text for a in articles]), None),
        "entities": _set_similarity([a.entities for a in articles]),
        "figures": _set_similarity([a.figures for a in articles]),
    }
    size = len(articles)
    total, weight = np.zeros((size, size)), np.zeros((size, size))
    for name, (values, present) in signals.items():
        # A signal counts only where both articles have it (no entities without NLP).
        mask = np.ones((size, size)) if present is None else present
        total += WEIGHTS[name] * values * mask
        weight += WEIGHTS[name] * mask
    combined = total / weight
    combined *= _date_damping([a.date for a in articles])
    np.fill_diagonal(combined, 1.0)
    return np.clip(combined, 0.0, 1.0)


def _text_similarity(texts: Sequence[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, min_df=1, ngram_range=(1, 2), max_features=200_000
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # every text is only stop words
        return np.zeros((len(texts), len(texts)))
    return (matrix @ matrix.T).toarray()


def _set_similarity(sets: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """TF-IDF cosine of every pair of sets, and where both sets are non-empty.

    Weighting by rarity matters: in a corpus about one war, "Russia" is in
    every article and says nothing about which event a report covers, while
    "1,200 prisoners of war" or "Dmitry Peskov" does.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    size = len(sets)
    filled = np.array([1.0 if s else 0.0 for s in sets])
    present = np.outer(filled, filled)
    if not filled.any():
        return np.zeros((size, size)), present
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    matrix = vectorizer.fit_transform([sorted(s) for s in sets])
    return (matrix @ matrix.T).toarray() * present, present


def _date_damping(dates: Sequence[str | None]) -> np.ndarray:
    """1 where dates are unknown or close; smaller the further apart they are."""
    parsed = [dt.date.fromisoformat(d) if d else None for d in dates]
    size = len(parsed)
    damping = np.ones((size, size))
    for i in range(size):
        for j in range(i + 1, size):
            a, b = parsed[i], parsed[j]
            if a and b and abs((a - b).days) > DAYS_APART:
                damping[i, j] = damping[j, i] = 0.4
    return damping
