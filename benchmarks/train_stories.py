"""Learn the same-story decision from labelled clusters, and check it by
cross-validation.

    python benchmarks/train_stories.py [--cache DIR] [--write] [--without FEATURE ...]

Every article of the 253 multi-source clusters is mixed into one corpus, and
every ECB+ dev document into another (gold story: topic x subtopic, two events
of one kind per topic). Each goes through the real inputs (the stored
analyses, the first entity merge, ``summary.story_inputs``) and the real
candidate pairs; a pair is positive when both articles are in one gold story.
The clusters are also mixed with 300 BBC articles picked at random, each its
own story (copies under one headline one story): one outlet's reports on one
subject are the unrelated pairs a user's folder is full of. The model is
gradient-boosted trees (scikit-learn), each data set weighing the same. Each
ECB+ topic is also grouped alone (two events of one kind: the seeds'
own hard case) to count the topics whose two events come back apart.

A journalist's folder is often small, and the trees are also taught on small
folders (each at ``SMALL_WEIGHT`` of a whole mix): each gold story's reports
alone ("event", all one story), each ECB+ topic alone ("topic", two events of
one kind), folders of two to five events with up to ten BBC articles ("few"),
and folders of 10, 20 or 40 BBC articles picked at random ("small", each its own
story). Taught on the whole mixes alone, trees that read rarity in the folder
split one event's folder (its own words are in every report, so they weigh
least there) and join two of a few unrelated BBC articles; ``--no-small``
measures them.

Cross-validation is grouped: clusters (multi-source) and topics (ECB+, so both
events of a topic stay on one side) are dealt into five folds with a fixed
seed. A pair is scored by a model trained without either of its articles'
folds, the corpora are clustered with those out-of-fold scores, and the
threshold used for a fold's articles is the one that scored best on the other
folds' articles. ``--write`` fits the model on all pairs and stores it with
the threshold chosen on all folds in ``index/story_model.json``.

The trees never see ``figures_conflicting`` and ``dates_conflicting``
(``--unseen``): those columns are zeroed for them and read only by the rule
that keeps two events of one kind apart (different values for two figures, one
a date, none alike). Trees that saw them learned that a single figure given
differently means another story (same-story training pairs rarely disagree),
and split an outlet's copy of a report with one count changed from the
original: the very difference newsdesk exists to show. Nor do they see
``days_apart`` and ``dated``: without the figure columns, trees taught on pairs
days or months apart scored a 2025 report and a 2004 one with nothing else in
common as one story. Cross-validated ARI multi-source / with 300 BBC articles /
ECB+, and ECB+ topics with both events apart, on analysis version 6: trees
seeing everything 0.839 / 0.788 / 0.905, 28 of 33; none of the four 0.834 /
0.789 / 0.911, 28 of 33; neither figure column 0.831 / 0.770 / 0.916, 28 of 33
(but the 2004 and 2025 reports as one story); all but the figures 0.835 / 0.791
/ 0.909, 28 of 33, but one date given differently (Tuesday against Wednesday,
as two of the seeds do) is a difference within one story just as a count is.

``--without`` measures what features are worth: their columns are zeroed before
training (a tree never splits on a constant), so the cross-validated figures
are those of a model that never saw them (zeroing the figure columns also stops
them keeping pairs apart). Measured and dropped, as cross-validated ARI
multi-source / ECB+ against 0.839 / 0.913: the IDF-weighted overlap of the
entities named in each article's title and lead (0.835 / 0.902), the share of
one article's lead entities the other names at all (0.840 / 0.909), both (0.837
/ 0.901), the share of the smaller article's entities the other names (0.838 /
0.897; each of these raised the ARI of the clusters mixed with 300 BBC articles
from 0.774 to 0.79-0.80, and cost ECB+'s two events of one kind); a linkage
scoring two clusters by each article's best link into the other instead of the
mean of all pairs (0.815 / 0.876), or by a blend of the two (half: 0.823 /
0.903, a quarter: 0.816 / 0.919); thresholds in steps of 0.025 instead of 0.05
(0.840 / 0.913). Without ``days_apart`` and ``dated`` the figures barely move
(0.839 / 0.914): dates as the labelled corpora state them say little, so
trusted dates need labelled dated articles.

One command redoes it all after a change to the analysis or the entity merge:
``python benchmarks/train_stories.py --write``. The first run analyses the
3,718 articles with spaCy into the cache (about 5 minutes on one core); the
cross-validation and the fit then take about 5 to 8 minutes on two shared cores.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.story_data import CACHE, WIRE_DOCS, Truth, load, sample, story_inputs  # noqa: E402
from index import story_features  # noqa: E402
from index.store import article_from_json  # noqa: E402
from index.stories import StoryInput, average_linkage, pair_features  # noqa: E402
from index.story_model import PATH as MODEL  # noqa: E402
from index.story_model import Model, Tree, floored, kept_apart, nudged, weakened  # noqa: E402

FOLDS = 5
SEED = 7
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.96, 0.05))
TREES = 150
DEPTH = 3
RATE = 0.1
# Figures two articles state differently (and none alike) that keep them apart.
# The labelled corpora barely need it (see the report with --conflicts 0); the
# seeds' two rounds of talks, alike in every other way, do.
CONFLICTS = 2
# The share of a pair's score taken from how alike both articles' scores against
# every other article are (:func:`in_context`, measured with ``--context``; not
# used by grouping). Cross-validated ARI multi-source / with 300 BBC articles /
# ECB+ / ECB+ topics alone, on analysis version 13: 0.835 / 0.788 / 0.900 /
# 0.719 without, 0.841 / 0.786 / 0.896 / 0.718 at 0.5; the share chosen per
# fold among 0, 0.25, 0.5, 0.75: 0.842 / 0.796 / 0.891 / 0.686.
CONTEXT = 0.0
# Features the trees never see. The first two are read by the rule above:
# same-story training pairs rarely give a figure differently, so trees that see
# them learn "any figure given differently: another story" and split an
# outlet's copy of a report from the original over one changed count, the very
# difference newsdesk shows. Nor do the trees see how many days apart two
# articles are: labelled pairs are days or months apart, and trees taught no
# more than that scored a 2025 report and a 2004 one, with nothing else in
# common, as one story.
UNSEEN = ("figures_conflicting", "dates_conflicting", "days_apart", "dated")
# Below this TF-IDF cosine of their texts, a pair is no edge of the story graph
# (index.story_model.floored; 0: none). Measured with ``--floor`` among 0, 0.03,
# 0.05, 0.06, 0.08, 0.1 and 0.12 (analysis version 41, cross-validated ARI
# multi-source / with 300 BBC articles / ECB+): 0.826 / 0.784 / 0.913 without,
# 0.845 / 0.807 / 0.905 at 0.06, 0.841 / 0.800 / 0.906 at 0.08, 0.810 / 0.781 /
# 0.875 at 0.1, and it lifts the sparse mixes. Not shipped: its gain comes with
# the lower thresholds the folds then choose (0.5 at 0.06, 0.35 at 0.08), and
# those joined unrelated BBC reports a single added article tipped over (0.436
# to 0.522), split ECB+ stories the entity tests hold (topics 1 and 35) and
# joined one firm's three announcements (see benchmarks/README.md). With the
# shipped trees and threshold kept (analysis version 43), 0.05 lifted every
# measure but ECB+ (0.915 -> 0.907) and split topic 21's story (a short report
# under the floor with four others; tests/test_first_look.py).
FLOOR = 0.0
# Below this TF-IDF cosine of their texts, a pair is at most as alike as the
# threshold (index.story_model.weakened; 0: none): never alone the reason two
# articles join, still counted in a story's mean. Shipped; chosen among 0, 0.06,
# 0.08 and 0.1 by the folds' objective (analysis 65, cross-validated ARI
# multi-source / with 300 BBC articles / ECB+: 0.839 / 0.785 / 0.904 without,
# 0.842 / 0.797 / 0.908 at 0.06); at 0.08 terse reports of dense ECB+ stories
# fell out of them (benchmarks/README.md).
WEAK = 0.06
# Taken off a pair's probability for each figure given differently where none
# is given alike (index.story_model.nudged; 0: none). Shipped: at 0.02 a report
# of the seeds' first round of talks, which reads as much like the third
# round's reports as like its own, joins the round whose figures it shares,
# among 100 BBC articles too (without it, a coin's toss of the trees).
NUDGE = 0.02
# The threshold stored with the model (None: the one with the best objective
# over all folds). The objective over the whole mixes is flat from 0.5 to 0.55
# (out-of-fold, every fold at one threshold: multi-source / with BBC / ECB+
# 0.846 / 0.813 / 0.908 at 0.5, 0.836 / 0.816 / 0.905 at 0.55); 0.55 holds
# what folders with unrelated articles need (the wire's ARI 0.534 -> 0.566,
# ECB+ topic 35's two arrests apart, the wire desk's reports apart).
SHIPPED_THRESHOLD: float | None = 0.55


TRAIN_KINDS = ("mixed", "distracted", "event", "small", "topic", "few", "subject")
DISTRACTORS = 300  # BBC articles mixed into the multi-source clusters, alone
# Sparse mixes: each gold story keeps one article, or two at this rate, as in a
# folder of one agency's wire where most events have one report.
PAIRED = 0.3
SPARSE_SEEDS = (1, 2)
SPARSE_WEIGHT = 1.0
OBJECTIVE_KINDS: tuple[str, ...] = ()  # the corpora thresholds are chosen on (): TRAIN_KINDS
# Small folders: each event's reports alone ("event"), and folders of a few BBC
# articles picked at random ("small", each its own story but for copies under
# one headline), of these sizes, this many of each, from BBC articles the
# multi-source clusters are not mixed with.
SMALL_SIZES = (10, 20, 40)
SMALL_REPEATS = 10
SMALL_SEED = 29
SMALL_KINDS = ("event", "small", "topic", "few", "subject")
SUBJECT_REPEATS = 60
FEW_REPEATS = 20
SMALL_WEIGHT = 0.08  # of each kind of small folder in training, against a whole mix


@dataclass
class Pairs:
    """One corpus: its articles, candidate pairs, features and labels."""

    name: str
    # "mixed" (a whole data set), "distracted" (the multi-source clusters with
    # unrelated articles), "topic" (one ECB+ topic alone), "sparse" (most stories
    # cut to one article), "block" (one fold's articles alone), "wire"
    kind: str
    inputs: list[StoryInput]
    truth: Truth
    fold: np.ndarray  # per article
    rows: np.ndarray
    cols: np.ndarray
    features: np.ndarray
    labels: np.ndarray

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.inputs]


def fold_of_groups(groups: list[str], seed: int = SEED) -> dict[str, int]:
    """Deal groups into folds at random (fixed seed)."""
    ordered = sorted(set(groups))
    random.Random(seed).shuffle(ordered)
    return {g: n % FOLDS for n, g in enumerate(ordered)}


def topic(story: str) -> str:
    """The unit kept on one side of a fold: an ECB+ topic holds two stories."""
    return story.split("/", 1)[0]


def build(
    name: str, kind: str, inputs: list[StoryInput], truth: Truth, folds: dict[str, int]
) -> Pairs:
    """A corpus's candidate pairs; an article of no fold (``-1``) is never trained on."""
    fold = np.array([folds.get(topic(truth[a.id]), -1) for a in inputs])
    rows, cols, found = pair_features(inputs)
    gold = np.array([truth[a.id] for a in inputs])
    return Pairs(name, kind, inputs, truth, fold, rows, cols, found, gold[rows] == gold[cols])


def fit(
    features: np.ndarray,
    labels: np.ndarray,
    weights: np.ndarray | None = None,
    unseen: tuple[str, ...] = UNSEEN,
) -> Model:
    """Boosted trees on every feature but ``unseen`` (zeroed: a tree never
    splits on a constant column, so the stored trees ignore them)."""
    from sklearn.ensemble import GradientBoostingClassifier

    features = blind(features, unseen)

    boosted = GradientBoostingClassifier(
        n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE, subsample=0.8, random_state=SEED
    )
    boosted.fit(features, labels, sample_weight=weights)
    model = Model(
        float(boosted._raw_predict_init(features[:1])[0, 0]),
        RATE,
        tuple(_tree(estimator.tree_) for estimator in boosted.estimators_[:, 0]),
        0.5,
    )
    expected = boosted.predict_proba(features[:1000])[:, 1]
    assert np.allclose(model.probability(features[:1000]), expected), "trees read wrongly"
    return model


def blind(features: np.ndarray, names: tuple[str, ...]) -> np.ndarray:
    """A copy of ``features`` with the columns of ``names`` zeroed."""
    found = features.copy()
    for name in names:
        found[:, story_features.NAMES.index(name)] = 0.0
    return found


def _tree(tree) -> Tree:
    return Tree(
        tree.feature.astype(np.int64),
        tree.threshold.astype(float),
        tree.children_left.astype(np.int64),
        tree.children_right.astype(np.int64),
        tree.value[:, 0, 0].astype(float),
    )


def out_of_fold(corpora: list[Pairs], unseen: tuple[str, ...] = UNSEEN) -> list[np.ndarray]:
    """Each pair's probability from a model that saw neither article's fold."""
    scores = [np.zeros(len(c.rows)) for c in corpora]
    for a in range(FOLDS):
        for b in range(a, FOLDS):
            train_x, train_y, train_w = [], [], []
            for c, weight in zip(corpora, pair_weights(corpora), strict=True):
                fa, fb = c.fold[c.rows], c.fold[c.cols]
                keep = (fa != a) & (fa != b) & (fb != a) & (fb != b) & (weight > 0)
                train_x.append(c.features[keep])
                train_y.append(c.labels[keep])
                train_w.append(weight[keep])
            model = fit(
                np.concatenate(train_x),
                np.concatenate(train_y),
                np.concatenate(train_w),
                unseen,
            )
            for c, found in zip(corpora, scores, strict=True):
                fa, fb = c.fold[c.rows], c.fold[c.cols]
                here = (np.minimum(fa, fb) == a) & (np.maximum(fa, fb) == b)
                found[here] = model.probability(c.features[here])
    return scores


def pair_weights(corpora: list[Pairs]) -> list[np.ndarray]:
    """Each data set weighs the same in training, whatever its number of pairs."""
    totals: Counter = Counter()
    for c in corpora:
        if c.kind in TRAIN_KINDS:
            totals[_data_set(c)] += len(c.rows)
    mean = sum(totals.values()) / max(1, len(totals))
    found = []
    for c in corpora:
        found.append(
            np.full(len(c.rows), mean / totals[_data_set(c)] if c.kind in TRAIN_KINDS else 0.0)
            * (SPARSE_WEIGHT if c.kind == "sparse" else 1.0)
            * (SMALL_WEIGHT if c.kind in SMALL_KINDS else 1.0)
        )
    return found


def _data_set(c: Pairs) -> str:
    if c.kind in ("distracted", "sparse", *SMALL_KINDS):
        return c.kind
    return _source(c)


def _source(c: Pairs) -> str:
    """The labelled data set a corpus's articles come from."""
    return "ecb" if c.name.startswith(("ecb", "topic")) else "multisource"


def partition(c: Pairs, scores: np.ndarray, threshold: float, conflicts: int) -> np.ndarray:
    apart = kept_apart(c.features, conflicts)
    scores = nudged(c.features, scores, NUDGE)
    scores = weakened(c.features, floored(c.features, scores, FLOOR), WEAK, threshold)
    return np.array(average_linkage(len(c.inputs), c.rows, c.cols, scores, threshold, apart))


def scores_of(labels: np.ndarray, truth: list[str]) -> dict[str, float]:
    """Adjusted Rand index, purity and inverse purity of a partition."""
    from sklearn.metrics import adjusted_rand_score

    return {
        "ari": adjusted_rand_score(truth, labels),
        "purity": _purity(labels, truth),
        "inverse purity": _purity(truth, labels),
    }


def _purity(predicted, truth) -> float:
    by_group: dict = {}
    for p, t in zip(predicted, truth, strict=True):
        by_group.setdefault(p, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in by_group.values()) / len(truth)


def cross_validated(
    corpora: list[Pairs], parts: dict[float, list[np.ndarray]]
) -> tuple[list[dict[str, float]], list[float]]:
    """Per corpus, its scores (mean over the folds) at each fold's threshold,
    the one that did best on the other folds' articles. ``parts[t]`` holds each
    corpus's partition at threshold ``t`` (from out-of-fold pair scores)."""
    chosen = [max(parts, key=lambda t, k=k: objective(corpora, parts[t], k)) for k in range(FOLDS)]
    found = []
    for n, c in enumerate(corpora):
        truth = [c.truth[i] for i in c.ids]
        runs = [scores_of(parts[t][n], truth) for t in chosen]
        mean = {key: float(np.mean([r[key] for r in runs])) for key in runs[0]}
        mean["stories"] = float(np.mean([len(set(parts[t][n].tolist())) for t in chosen]))
        found.append(mean)
    return found, chosen


def objective(corpora: list[Pairs], partitions: list[np.ndarray], leave_out: int | None) -> float:
    """Mean ARI of the whole mixes, with and without unrelated articles, on the
    articles outside fold ``leave_out`` (the small corpora teach the model; the
    threshold is for real folders, where many articles have no counterpart).
    A corpus whose articles are all in fold ``leave_out`` (a folder of fewer
    topics than folds) has none outside it and is left out."""
    found = []
    for c, labels in zip(corpora, partitions, strict=True):
        keep = c.fold != leave_out
        if c.kind in _objective_kinds() and keep.any():
            truth = [c.truth[i] for i, kept in zip(c.ids, keep, strict=True) if kept]
            found.append(scores_of(labels[keep], truth)["ari"])
    return float(np.mean(found)) if found else 0.0


def _objective_kinds() -> tuple[str, ...]:
    """The kinds thresholds are chosen on: the whole mixes (a small folder's
    ARI says whether it was kept whole or apart, which its own lines report)."""
    return OBJECTIVE_KINDS or tuple(k for k in TRAIN_KINDS if k not in SMALL_KINDS)


def in_context(
    size: int, rows: np.ndarray, cols: np.ndarray, values: np.ndarray, weight: float
) -> np.ndarray:
    """Each pair's score blended with how alike the two articles' company is:
    ``(1 - weight) * score + weight * cosine`` of the two articles' rows of
    scores (each row over its candidate pairs, itself at 1). Two reports of one
    event are scored alike against the same other reports; a pair across two
    events of one subject, each with its own reports, has less company in common.
    """
    if not weight or not len(rows):
        return values
    every = np.arange(size)
    graph = sparse.csr_matrix(
        (
            np.concatenate([values, values, np.ones(size)]),
            (np.concatenate([rows, cols, every]), np.concatenate([cols, rows, every])),
        ),
        shape=(size, size),
    )
    norms = np.sqrt(np.asarray(graph.multiply(graph).sum(axis=1)).ravel())
    normed = (sparse.diags(1.0 / norms) @ graph).tocsr()
    return (1.0 - weight) * values + weight * story_features.row_dots(normed, rows, cols)


def learned_parts(
    corpora: list[Pairs],
    scores: list[np.ndarray],
    conflicts: int = CONFLICTS,
    context: float = CONTEXT,
) -> dict[float, list[np.ndarray]]:
    """Each corpus clustered with the out-of-fold scores (blended with each
    pair's company when ``context`` is not 0), at every threshold."""
    scores = [
        in_context(len(c.inputs), c.rows, c.cols, s, context)
        for c, s in zip(corpora, scores, strict=True)
    ]
    return {
        t: [partition(c, s, t, conflicts) for c, s in zip(corpora, scores, strict=True)]
        for t in THRESHOLDS
    }


def best_threshold(parts: dict[float, list[np.ndarray]], corpora: list[Pairs]) -> float:
    """The threshold with the best objective over all folds."""
    return max(parts, key=lambda t: objective(corpora, parts[t], None))


def corpora(cache: Path, sparse: bool = True, wire: bool = True) -> list[Pairs]:
    """The whole mixes, each ECB+ topic alone, and the multi-source clusters
    among unrelated BBC articles: the folders have no article without a
    partner, and a user's folder has many. With ``sparse``, each data set
    again with most stories cut to one article (:func:`_sparse`); with
    ``wire``, the day of Reuters reports, never trained on (:func:`_wire`)."""
    found = []
    labelled = {}
    for name in ("multisource", "ecb"):
        blobs, truth = load(name, cache)
        folds = fold_of_groups([topic(t) for t in truth.values()])
        labelled[name] = (blobs, truth, folds)
        found.append(build(name, "mixed", story_inputs(blobs), truth, folds))
        if name == "multisource":
            found.append(_distracted(cache, blobs, truth, folds))
        if name == "ecb":
            for part, ids in _topics(truth).items():
                inputs = story_inputs({i: blobs[i] for i in ids})
                found.append(build(part, "topic", inputs, truth, folds))
        if sparse:
            found += [_sparse(name, blobs, truth, folds, seed) for seed in SPARSE_SEEDS]
        found += _blocks(name, blobs, truth, folds)
        found += _events(name, blobs, truth, folds)
    found += _small(cache)
    found += _few(cache, labelled)
    found += _subjects(cache)
    if wire and WIRE_DOCS.exists():
        blobs, truth = load("wire", cache)
        found.append(build("wire", "wire", story_inputs(blobs), truth, {}))
    return found


def _sparse(name: str, blobs: dict, truth: Truth, folds: dict[str, int], seed: int) -> Pairs:
    """One data set with each gold story cut to one article, or two (at the
    rate ``PAIRED``), picked with a fixed seed: most articles then have no
    partner, as in a wire folder, and an article's nearest neighbour is
    usually another event (of the same kind, on ECB+, whose topics keep both
    events)."""
    rng = random.Random(seed)
    by_story: dict[str, list[str]] = {}
    for aid in sorted(blobs):
        by_story.setdefault(truth[aid], []).append(aid)
    kept = []
    for story in sorted(by_story):
        ids = by_story[story]
        count = 2 if len(ids) > 1 and rng.random() < PAIRED else 1
        kept += rng.sample(ids, count)
    picked = {aid: blobs[aid] for aid in sorted(kept)}
    return build(f"{name} sparse {seed}", "sparse", story_inputs(picked), truth, folds)


def _blocks(name: str, blobs: dict, truth: Truth, folds: dict[str, int]) -> list[Pairs]:
    """Each fold's articles as a corpus of their own, never trained on: what a
    folder nobody tuned on gets (the ECB+ topics held back, more same-event
    folders), grouped by a model that never saw its events, in a corpus the
    size of that folder rather than among every other fold's articles."""
    by_fold: dict[int, dict] = {}
    for aid in sorted(blobs):
        by_fold.setdefault(folds[topic(truth[aid])], {})[aid] = blobs[aid]
    if len(by_fold) < 2:
        return []
    return [
        build(f"{name} fold {k}", "block", story_inputs(by_fold[k]), truth, folds)
        for k in sorted(by_fold)
    ]


def _events(name: str, blobs: dict, truth: Truth, folds: dict[str, int]) -> list[Pairs]:
    """Each gold story of two or more reports alone: a journalist's folder of
    one event's reports, where the event's own words are in every report."""
    by_story: dict[str, dict] = {}
    for aid in sorted(blobs):
        by_story.setdefault(truth[aid], {})[aid] = blobs[aid]
    return [
        build(f"{name} {story}", "event", story_inputs(members), truth, folds)
        for story, members in sorted(by_story.items())
        if len(members) > 1
    ]


def _bbc_left(cache: Path) -> tuple[dict, list[str], dict[str, str], dict[str, int]]:
    """The BBC articles outside those mixed with the multi-source clusters,
    their copy keys and folds."""
    bbc, _ = load("bbc", cache)
    taken = set(sample(sorted(bbc), DISTRACTORS))
    left = [aid for aid in sorted(bbc) if aid not in taken]
    keys = {aid: copy_key(bbc[aid], aid) for aid in left}
    return bbc, left, keys, fold_of_groups(sorted(set(keys.values())))


def _small(cache: Path) -> list[Pairs]:
    """Folders of a few BBC articles picked at random (fixed seed), outside the
    ones mixed with the multi-source clusters: each article its own story but
    for copies under one headline."""
    bbc, left, keys, folds = _bbc_left(cache)
    rng = random.Random(SMALL_SEED)
    found = []
    for size in SMALL_SIZES:
        for n in range(SMALL_REPEATS):
            picked = {aid: bbc[aid] for aid in sorted(rng.sample(left, size))}
            truth = {aid: keys[aid] for aid in picked}
            found.append(
                build(f"BBC small {size}/{n}", "small", story_inputs(picked), truth, folds)
            )
    return found


def _subjects(cache: Path) -> list[Pairs]:
    """Folders of one subject's several events (:func:`subject_folders`) from
    the BBC articles left, each article its own story but for copies under one
    headline."""
    bbc, left, keys, folds = _bbc_left(cache)
    found = []
    for n, ids in enumerate(subject_folders(bbc, left, SMALL_SEED + 2, SUBJECT_REPEATS)):
        picked = {aid: bbc[aid] for aid in ids}
        truth = {aid: keys[aid] for aid in ids}
        found.append(build(f"BBC subject {n}", "subject", story_inputs(picked), truth, folds))
    return found


def subject_folders(blobs: dict, ids: list[str], seed: int, count: int) -> list[list[str]]:
    """``count`` folders of one subject: an article of ``ids`` picked at random
    (``seed``) with its two to seven nearest among them by TF-IDF cosine (one
    firm's deals, one club's matches), each folder in id order."""
    texts = story_features.text_vectors([story_text_of(blobs[aid]) for aid in ids], bigrams=True)
    assert texts is not None
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        first = rng.randrange(len(ids))
        similar = np.asarray((texts @ texts[first].T).todense()).ravel()
        similar[first] = -1
        nearest = np.argsort(-similar, kind="stable")[: rng.randint(2, 7)]
        found.append(sorted(ids[i] for i in [first, *nearest.tolist()]))
    return found


def story_text_of(blob: dict) -> str:
    """The text story grouping reads of a stored analysis (without the entity
    merge that :func:`story_inputs` runs over every article it is given)."""
    return story_features.story_text(article_from_json(blob["article"]).passages)


def _few(cache: Path, labelled: dict[str, tuple[dict, Truth, dict[str, int]]]) -> list[Pairs]:
    """Folders of two to five events' reports (from one data set), with up to
    ten BBC articles besides: between one event's folder and a corpus, never
    trained on."""
    bbc, left, keys, bbc_folds = _bbc_left(cache)
    rng = random.Random(SMALL_SEED + 1)
    found = []
    for name, (blobs, truth, folds) in sorted(labelled.items()):
        by_story: dict[str, list[str]] = {}
        for aid in sorted(blobs):
            by_story.setdefault(truth[aid], []).append(aid)
        stories = sorted(s for s, ids in by_story.items() if len(ids) > 1)
        if len(stories) < 2:
            continue
        for n in range(FEW_REPEATS):
            chosen = rng.sample(stories, min(rng.randint(2, 5), len(stories)))
            ids = [aid for story in chosen for aid in by_story[story][:10]]
            others = rng.sample(left, rng.choice((0, 5, 10)))
            picked = {**{aid: blobs[aid] for aid in ids}, **{aid: bbc[aid] for aid in others}}
            both = {**truth, **{aid: keys[aid] for aid in others}}
            found.append(
                build(f"{name} few {n}", "few", story_inputs(picked), both, {**folds, **bbc_folds})
            )
    return found


def small_report(
    corpora: list[Pairs], parts: dict[float, list[np.ndarray]], chosen: list[float]
) -> None:
    """Each event alone kept whole, and pairs of the small BBC folders joined
    (copies left out), each at the threshold its fold chose on the other folds."""
    whole: Counter = Counter()
    folders: Counter = Counter()
    joined: Counter = Counter()
    for n, c in enumerate(corpora):
        if c.kind not in ("event", "small", "subject"):
            continue
        if c.kind == "event":  # one story, so one fold
            labels = parts[chosen[int(c.fold[0])]][n]
            folders[_source(c)] += 1
            whole[_source(c)] += len(set(labels.tolist())) == 1
            continue
        for i, j in zip(c.rows, c.cols, strict=True):  # at the first article's fold's threshold
            labels = parts[chosen[int(c.fold[i])]][n]
            joined[c.kind] += labels[i] == labels[j] and c.truth[c.ids[i]] != c.truth[c.ids[j]]
    for data_set in sorted(folders):
        print(f"{data_set} events alone kept whole: {whole[data_set]} of {folders[data_set]}")
    few: dict[str, list[float]] = {}
    for n, c in enumerate(corpora):
        if c.kind == "few":
            runs = [parts[chosen[k]][n] for k in range(FOLDS)]
            truth = [c.truth[i] for i in c.ids]
            few.setdefault(_source(c), []).append(
                float(np.mean([scores_of(r, truth)["ari"] for r in runs]))
            )
    for data_set, aris in sorted(few.items()):
        print(
            f"{data_set}: {len(aris)} folders of 2-5 events (+0-10 BBC): "
            f"mean ARI {np.mean(aris):.3f}"
        )
    for kind, what in (("small", "picked at random"), ("subject", "of one subject")):
        count = sum(c.kind == kind for c in corpora)
        print(f"BBC folders {what} ({count}): pairs joined, copies left out: {joined[kind]}")


def block_scores(
    corpora: list[Pairs], partitions: dict[float, list[np.ndarray]], chosen: list[float]
) -> dict[str, list[tuple[Pairs, float, float]]]:
    """Per data set, each fold grouped alone (:func:`_blocks`): the corpus, the
    threshold its fold chose (on the other folds) and the ARI there."""
    found: dict[str, list[tuple[Pairs, float, float]]] = {}
    for n, c in enumerate(corpora):
        if c.kind == "block":
            threshold = chosen[int(c.fold[0])]
            ari = scores_of(partitions[threshold][n], [c.truth[i] for i in c.ids])["ari"]
            found.setdefault(_data_set(c), []).append((c, threshold, ari))
    return found


def _distracted(cache: Path, blobs: dict, truth: Truth, folds: dict[str, int]) -> Pairs:
    """Each BBC article its own story, copies under one headline one story.

    Pairs of two BBC articles are taught as different stories: a few hundred
    picked at random from a year of one outlet rarely report one event, but
    often one subject (a player's injury, a firm's results, a browser's new
    release), in one house style. Without them the model only ever saw
    unrelated pairs from different outlets, and grouped most of a one-outlet
    folder into stories."""
    bbc, _ = load("bbc", cache)
    picked = sample(sorted(bbc), DISTRACTORS)
    alone = {aid: copy_key(bbc[aid], aid) for aid in picked}
    mixed = {**blobs, **{aid: bbc[aid] for aid in picked}}
    all_folds = {**folds, **fold_of_groups(list(alone.values()))}
    return build(
        "multisource + BBC", "distracted", story_inputs(mixed), {**truth, **alone}, all_folds
    )


def copy_key(blob: dict, article_id: str) -> str:
    """BBC's own story key for an article: its headline (the corpus holds copies
    of some reports under the same headline), else its id."""
    title = (blob["article"].get("title") or "").strip().lower()
    return f"bbc:{title}" if title else article_id.replace("/", ":")


def _topics(truth: Truth) -> dict[str, list[str]]:
    by_topic: dict[str, list[str]] = {}
    for aid, story in sorted(truth.items()):
        by_topic.setdefault(topic(story), []).append(aid)
    return by_topic


def report(corpora: list[Pairs], parts: dict[float, list[np.ndarray]]) -> list[float]:
    found, chosen = cross_validated(corpora, parts)
    print(f"thresholds chosen per fold: {[float(t) for t in chosen]}")
    for c, scores in zip(corpora, found, strict=True):
        if c.kind not in (*TRAIN_KINDS, "sparse") or c.kind in SMALL_KINDS:
            continue
        print(
            f"{c.name}: {len(c.inputs)} articles, {len(set(c.truth.values()))} gold stories, "
            f"{scores['stories']:.0f} found; pairs {len(c.rows)} ({int(c.labels.sum())} "
            f"positive, candidate recall {_candidate_recall(c):.3f}); "
            + "  ".join(f"{k} {v:.3f}" for k, v in scores.items() if k != "stories")
        )
    for data_set, blocks in block_scores(corpora, parts, chosen).items():
        aris = ", ".join(f"{ari:.3f}" for _, _, ari in blocks)
        mean = np.mean([ari for _, _, ari in blocks])
        print(f"{data_set}, each fold grouped alone: mean ARI {mean:.3f} ({aris})")
    aris = [s["ari"] for c, s in zip(corpora, found, strict=True) if c.kind == "topic"]
    print(f"ECB+ topics alone: {len(aris)}, mean ARI {np.mean(aris):.3f}")
    median = sorted(chosen)[FOLDS // 2]
    print(f"ECB+ topics alone with both events split: {split_topics(corpora, parts[median])}")
    return chosen


def wire_report(corpora: list[Pairs], model: Model, threshold: float) -> None:
    """The day of one agency's wire, grouped by ``model`` (trained without it)
    at ``threshold``: how many found stories mix events, and of the pairs put
    in one story how many report one event (pairs read as maybe one story
    left out)."""
    for c in corpora:
        if c.kind != "wire":
            continue
        labels = partition(c, model.probability(c.features), threshold, CONFLICTS)
        print(f"{c.name} at {threshold}: {wire_figures(c, labels)}")


def wire_figures(c: Pairs, labels: np.ndarray) -> str:
    from benchmarks.story_data import wire_unsure

    unsure = wire_unsure()
    groups: dict[int, list[str]] = {}
    for aid, label in zip(c.ids, labels.tolist(), strict=True):
        groups.setdefault(label, []).append(aid)
    same = other = maybe = 0
    for members in groups.values():
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                if c.truth[a] == c.truth[b]:
                    same += 1
                elif any(a in u and b in u for u in unsure):
                    maybe += 1
                else:
                    other += 1
    sizes = Counter(c.truth.values())
    total = sum(n * (n - 1) // 2 for n in sizes.values())
    several = [m for m in groups.values() if len(m) > 1]
    mixing = sum(len({c.truth[a] for a in m}) > 1 for m in several)
    ari = scores_of(labels, [c.truth[i] for i in c.ids])["ari"]
    return (
        f"{len(several)} stories of two or more, {mixing} mixing events; pairs in one story: "
        f"{same} of one event (of {total}), {other} of two, {maybe} maybe one; "
        f"pair precision {same / max(1, same + other):.3f}; ARI {ari:.3f}"
    )


def table(corpora: list[Pairs], parts: dict[float, list[np.ndarray]], model: Model) -> None:
    """Each corpus's ARI at every threshold, from the out-of-fold pair scores
    (the wire: from ``model``, which never saw it)."""
    names = [c.name for c in corpora if c.kind not in ("topic", "wire", "block", *SMALL_KINDS)]
    print("threshold  " + "  ".join(f"{n[:14]:>14}" for n in names) + "            wire")
    wire = [c for c in corpora if c.kind == "wire"]
    wire_scores = [model.probability(c.features) for c in wire]
    for t in THRESHOLDS:
        cells = [
            scores_of(labels, [c.truth[i] for i in c.ids])["ari"]
            for c, labels in zip(corpora, parts[t], strict=True)
            if c.kind not in ("topic", "wire", "block", *SMALL_KINDS)
        ]
        wired = [
            scores_of(partition(c, s, t, CONFLICTS), [c.truth[i] for i in c.ids])["ari"]
            for c, s in zip(wire, wire_scores, strict=True)
        ]
        print(f"{t:9.2f}  " + "  ".join(f"{v:14.3f}" for v in cells + wired))


def fit_all(corpora: list[Pairs], unseen: tuple[str, ...]) -> Model:
    """The model trained on every training pair, as shipped."""
    train = [c for c in corpora if c.kind in TRAIN_KINDS]
    return fit(
        np.concatenate([c.features for c in train]),
        np.concatenate([c.labels for c in train]),
        np.concatenate(pair_weights(train)),
        unseen,
    )


def split_topics(corpora: list[Pairs], partitions: list[np.ndarray]) -> str:
    """How many single ECB+ topics come back with no story mixing its two events."""
    topics = [(c, p) for c, p in zip(corpora, partitions, strict=True) if c.kind == "topic"]
    split = 0
    for c, labels in topics:
        events: dict[str, set[str]] = {}
        for aid, label in zip(c.ids, labels.tolist(), strict=True):
            events.setdefault(str(label), set()).add(c.truth[aid])
        split += all(len(e) == 1 for e in events.values())
    return f"{split} of {len(topics)}"


def _candidate_recall(c: Pairs) -> float:
    sizes = Counter(c.truth[i] for i in c.ids)
    positive = sum(n * (n - 1) // 2 for n in sizes.values())
    return float(c.labels.sum()) / positive if positive else 1.0


def write(
    corpora: list[Pairs],
    parts: dict[float, list[np.ndarray]],
    conflicts: int,
    unseen: tuple[str, ...],
) -> None:
    model = fit_all(corpora, unseen)
    threshold = SHIPPED_THRESHOLD or best_threshold(parts, corpora)
    data = {
        "trained on": (
            "benchmarks/train_stories.py: multisource (253), ECB+ dev (34 topics), "
            "and small folders of them and of BBC articles"
        ),
        "features": list(story_features.NAMES),
        "init": round(model.init, 6),
        "rate": model.rate,
        "threshold": threshold,
        "conflicts": conflicts,
        "floor": FLOOR,
        "weak_below": WEAK,
        "nudge": NUDGE,
        "unseen": list(unseen),
        "trees": [_tree_json(tree) for tree in model.trees],
    }
    MODEL.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL} (threshold {threshold}, {len(model.trees)} trees)")


def _tree_json(tree: Tree) -> dict[str, list]:
    return {
        "feature": tree.feature.tolist(),
        "threshold": [round(float(v), 6) for v in tree.threshold],
        "left": tree.left.tolist(),
        "right": tree.right.tolist(),
        "value": [round(float(v), 6) for v in tree.value],
    }


def without(c: Pairs, names: list[str]) -> None:
    """Zero the columns of ``names``: trees never split on a constant column."""
    for name in names:
        c.features[:, story_features.NAMES.index(name)] = 0.0


def main() -> None:
    global TRAIN_KINDS, SPARSE_WEIGHT, SMALL_WEIGHT, NUDGE, OBJECTIVE_KINDS, FLOOR, WEAK
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--write", action="store_true", help="store the model fitted on all pairs")
    parser.add_argument("--conflicts", type=int, default=CONFLICTS, help="0: no pairs kept apart")
    parser.add_argument(
        "--without", nargs="+", default=[], choices=story_features.NAMES, help="features left out"
    )
    parser.add_argument(
        "--unseen",
        nargs="*",
        default=list(UNSEEN),
        choices=story_features.NAMES,
        help="features the trees never see (the rule keeping pairs apart still reads its own)",
    )
    parser.add_argument(
        "--context",
        type=float,
        default=CONTEXT,
        help="share of a pair's score taken from its articles' company (0: none; measures only)",
    )
    parser.add_argument(
        "--train-sparse", action="store_true", help="also train on the sparse mixes"
    )
    parser.add_argument("--sparse-weight", type=float, default=SPARSE_WEIGHT)
    parser.add_argument(
        "--no-small", action="store_true", help="train on the whole mixes alone, not small folders"
    )
    parser.add_argument(
        "--small-weight",
        type=float,
        default=SMALL_WEIGHT,
        help="weight of each kind of small folder in training, against a whole mix",
    )
    parser.add_argument(
        "--floor", type=float, default=FLOOR, help="text cosine below which a pair is no edge"
    )
    parser.add_argument(
        "--weak",
        type=float,
        default=WEAK,
        help="text cosine below which a pair scores at most the threshold",
    )
    parser.add_argument(
        "--nudge",
        type=float,
        default=NUDGE,
        help="taken off a pair's score per figure given differently where none is alike",
    )
    parser.add_argument(
        "--table", action="store_true", help="ARI of every corpus at every threshold"
    )
    parser.add_argument("--objective", nargs="*", default=list(OBJECTIVE_KINDS))
    args = parser.parse_args()
    SPARSE_WEIGHT = args.sparse_weight
    SMALL_WEIGHT = args.small_weight
    NUDGE = args.nudge
    FLOOR = args.floor
    WEAK = args.weak
    OBJECTIVE_KINDS = tuple(args.objective)
    if args.train_sparse:
        TRAIN_KINDS = (*TRAIN_KINDS, "sparse")
    if args.no_small:
        TRAIN_KINDS = tuple(k for k in TRAIN_KINDS if k not in SMALL_KINDS)
    if args.write and args.without:
        parser.error("--without measures; the stored model uses every feature")
    if args.write and args.context:
        parser.error("--context measures; grouping scores pairs by the model alone")
    found = corpora(args.cache)
    for c in found:
        without(c, args.without)
    unseen = tuple(args.unseen)
    parts = learned_parts(found, out_of_fold(found, unseen), args.conflicts, args.context)
    chosen = report(found, parts)
    small_report(found, parts, chosen)
    model = fit_all(found, unseen)
    wire_report(found, model, best_threshold(parts, found))
    if args.table:
        table(found, parts, model)
    if args.write:
        write(found, parts, args.conflicts, unseen)


if __name__ == "__main__":
    main()
