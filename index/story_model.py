"""The learned same-story decision: boosted decision trees over a pair's
features, read from ``story_model.json`` (written by
``benchmarks/train_stories.py``) and evaluated with numpy.

Trees rather than one weight per feature: what a feature is worth depends on
the others. A cosine of 0.2 says little between two long reports and a lot
between two short ones; a shared figure matters most when the rest looks
alike. The file holds each tree's nodes, so scikit-learn is needed to train
the model, never to use it.

Figures the two articles give differently are left out of the trees and read
only by :func:`kept_apart`: one outlet's 1,200 prisoners against another's
1,000 is a difference within one story, the very thing newsdesk shows, while
two events of one kind differ in several figures and the date, with none alike.
Nor do the trees weigh how many days apart two articles are, which the
labelled pairs (days or months apart) cannot teach beyond their own range.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from scipy.special import expit

from . import story_features

PATH = Path(__file__).with_name("story_model.json")


@dataclass(frozen=True)
class Tree:
    """One regression tree; a node with ``left == -1`` is a leaf."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray

    def predict(self, features: np.ndarray) -> np.ndarray:
        return self.predict_columns(np.asarray(features, float).T)

    def predict_columns(self, columns: np.ndarray) -> np.ndarray:
        """Each pair's leaf value, ``columns`` holding one row per feature (the
        transpose of one row per pair): every split compares one contiguous
        row, and the leaves are picked from the root down, a node at a time,
        where following each pair down the tree gathered and masked every pair
        at every level (a third of the pass's story scoring at 20,000 articles)."""

        def value(node: int) -> np.ndarray | float:
            if self.left[node] < 0:
                return float(self.value[node])
            goes_left = columns[self.feature[node]] <= self.threshold[node]
            return np.where(goes_left, value(self.left[node]), value(self.right[node]))

        return np.broadcast_to(value(0), columns.shape[1:]).astype(float)


@dataclass(frozen=True)
class Model:
    """``probability = sigmoid(init + rate * sum of the trees' values)``."""

    init: float
    rate: float
    trees: tuple[Tree, ...]
    threshold: float  # average linkage merges while the mean probability is above it
    # Articles stating different values for this many of the same figures, one
    # of them when it happened, and the same value for none, are kept in
    # different stories (0: never).
    conflicts: int = 0
    # Below this TF-IDF cosine of their texts, two articles share too few words
    # for anything else about them to make one story of them: the pair is no
    # edge of the story graph (it may still join through other articles).
    floor: float = 0.0
    # Below this TF-IDF cosine of their texts, a pair is at most as alike as the
    # threshold: never by itself the reason two articles join, yet counted in
    # the mean of a story whose other reports it shares more with (a removed
    # edge would count as 0 there and split a dense story at its one terse
    # report). In a folder where most events have one report, two of them are
    # each other's nearest and the trees, taught on folders where every article
    # has a partner, trust such a pair.
    weak_below: float = 0.0
    # Taken off a pair's probability for each thing the two articles give a
    # figure for with no value in common, where they give none alike (see
    # :func:`nudged`).
    nudge: float = 0.0

    @classmethod
    def from_json(cls, data: Mapping) -> Model:
        if tuple(data["features"]) != story_features.NAMES:
            raise ValueError(f"story model features differ from {story_features.NAMES}")
        trees = tuple(
            Tree(
                np.array(t["feature"], np.int64),
                np.array(t["threshold"], float),
                np.array(t["left"], np.int64),
                np.array(t["right"], np.int64),
                np.array(t["value"], float),
            )
            for t in data["trees"]
        )
        return cls(
            float(data["init"]),
            float(data["rate"]),
            trees,
            float(data["threshold"]),
            int(data.get("conflicts", 0)),
            float(data.get("floor", 0.0)),
            float(data.get("weak_below", 0.0)),
            float(data.get("nudge", 0.0)),
        )

    def probability(self, features: np.ndarray) -> np.ndarray:
        raw = np.full(len(features), self.init)
        columns = np.ascontiguousarray(np.asarray(features, float).T)
        for tree in self.trees:
            raw += self.rate * tree.predict_columns(columns)
        # the logistic function, exact and without overflow for a large negative
        # score (scipy's expit; np.exp(-raw) overflowed with a warning on stderr)
        return expit(raw)

    def scores(self, features: np.ndarray, threshold: float | None = None) -> np.ndarray:
        """The probability of each pair, 0 below the text floor (see :func:`floored`)
        and at most ``threshold`` (the model's own by default) below ``weak_below``
        (see :func:`weakened`)."""
        cut = self.threshold if threshold is None else threshold
        values = nudged(features, self.probability(features), self.nudge)
        values = floored(features, values, self.floor)
        return weakened(features, values, self.weak_below, cut)

    def apart(self, features: np.ndarray) -> np.ndarray | None:
        """Pairs that report different occurrences of one kind of event: the
        talks on Friday against the talks on Tuesday, 1,000 prisoners exchanged
        against 1,200. Everything else about them may look alike."""
        return kept_apart(features, self.conflicts)


def nudged(features: np.ndarray, values: np.ndarray, nudge: float) -> np.ndarray:
    """``values`` less ``nudge`` for each figure two articles give differently
    where they give none alike. Too little to part two outlets telling one
    event with one count apart (the very difference newsdesk shows), enough to
    decide where an article fits two stories alike: a report of the first round
    of talks, with its 1,000 prisoners, reads as much like the third round's
    reports (1,200) as like the first's."""
    if not nudge:
        return values
    shared, conflicting, _ = story_features.figure_agreement(features)
    return np.where(shared == 0, np.maximum(values - nudge * conflicting, 0.0), values)


def floored(features: np.ndarray, values: np.ndarray, floor: float) -> np.ndarray:
    """``values`` with the pairs whose text cosine is below ``floor`` at 0: two
    short wire reports of one day sharing a desk and a few words ("Munich Re
    says to split stock", "Frankfurt dollar fix") are each nearest the other
    in a folder where most events have one report, and the trees, taught on
    folders where every article has a partner, trust such a nearest pair."""
    if not floor:
        return values
    return np.where(features[:, story_features.NAMES.index("text")] < floor, 0.0, values)


def weakened(
    features: np.ndarray, values: np.ndarray, below: float, threshold: float
) -> np.ndarray:
    """``values`` with the pairs whose text cosine is below ``below`` at most
    ``threshold``: average linkage merges only above it, so such a pair joins
    two articles only alongside reports both share more words with."""
    if not below:
        return values
    weak = features[:, story_features.NAMES.index("text")] < below
    return np.where(weak, np.minimum(values, threshold), values)


def kept_apart(features: np.ndarray, conflicts: int) -> np.ndarray | None:
    if not conflicts:
        return None
    shared, conflicting, dates = story_features.figure_agreement(features)
    return (shared == 0) & (conflicting >= conflicts) & (dates >= 1)


@cache
def shipped() -> Model:
    """The shipped model (read once)."""
    return Model.from_json(json.loads(PATH.read_text(encoding="utf-8")))
