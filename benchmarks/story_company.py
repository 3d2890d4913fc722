"""Company: a pair's score from its articles' other scores, and its variants,
cross-validated as ``train_stories.py`` does.

    python benchmarks/story_company.py [--cache DIR] [--second-stage]

Every figure comes from the same out-of-fold pair probabilities (each pair
scored by trees that saw neither article's fold). A variant turns them into
pair scores; each fold's threshold (and, for the rows that say so, its
variant) is the one that did best on the other folds' articles. Printed per
variant: ARI (purity) of the multi-source clusters mixed, of the same with
300 BBC articles, of the ECB+ dev topics mixed, the mean ARI of the ECB+
topics grouped alone and how many of them keep their two events apart.

``--second-stage`` adds models over the probability and its company, each
trained out of fold like the trees (a few minutes each).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import train_stories as train  # noqa: E402
from benchmarks.story_data import CACHE  # noqa: E402
from index import story_features  # noqa: E402

Scores = list[np.ndarray]


def graph(size: int, rows: np.ndarray, cols: np.ndarray, values: np.ndarray, diag: float):
    every = np.arange(size)
    return sparse.csr_matrix(
        (
            np.concatenate([values, values, np.full(size, diag)]),
            (np.concatenate([rows, cols, every]), np.concatenate([cols, rows, every])),
        ),
        shape=(size, size),
    )


def company(
    c: train.Pairs, p: np.ndarray, floor: float = 0.0, best: int | None = None
) -> np.ndarray:
    """Cosine of the two articles' rows of probabilities (itself at 1), over
    probabilities above ``floor`` and each row's ``best`` highest."""
    kept = np.where(p < floor, 0.0, p)
    rows = graph(len(c.inputs), c.rows, c.cols, kept, 1.0)
    if best is not None:
        for i in range(rows.shape[0]):
            row = rows.data[rows.indptr[i] : rows.indptr[i + 1]]
            if len(row) > best + 1:
                row[row < np.partition(row, -(best + 1))[-(best + 1)]] = 0.0
        rows.eliminate_zeros()
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    normed = (sparse.diags(1.0 / norms) @ rows).tocsr()
    return story_features.row_dots(normed, c.rows, c.cols)


def blended(corpora: list[train.Pairs], oof: Scores, share: float, **kw) -> Scores:
    return [
        (1 - share) * p + share * company(c, p, **kw) for c, p in zip(corpora, oof, strict=True)
    ]


def mixed(corpora: list[train.Pairs], oof: Scores, share: float, how) -> Scores:
    """Company as ``how`` (mean, least, most) of the 10-best and above-0.2 cosines."""
    found = []
    for c, p in zip(corpora, oof, strict=True):
        both = np.stack([company(c, p, best=10), company(c, p, floor=0.2)])
        found.append((1 - share) * p + share * how(both, axis=0))
    return found


def falling(corpora: list[train.Pairs], oof: Scores, share: float, scale: float) -> Scores:
    """A share of company that falls as the two articles' neighbourhoods fill."""
    found = []
    for c, p in zip(corpora, oof, strict=True):
        sums = np.asarray(graph(len(c.inputs), c.rows, c.cols, p, 0.0).sum(axis=1)).ravel()
        weight = share * np.exp(-(sums[c.rows] + sums[c.cols]) / 2 / scale)
        found.append((1 - weight) * p + weight * company(c, p))
    return found


def second_features(c: train.Pairs, p: np.ndarray) -> np.ndarray:
    """Probability, company, each article's sum of probabilities and best other
    probability, the pair's rank in each row, each article's candidates (the
    two articles' values as lower and higher)."""
    rows = graph(len(c.inputs), c.rows, c.cols, p, 0.0)
    sums = np.asarray(rows.sum(axis=1)).ravel()
    count = np.diff(rows.indptr)
    top = np.zeros((len(c.inputs), 2))
    for i in range(len(c.inputs)):
        row = np.sort(rows.data[rows.indptr[i] : rows.indptr[i + 1]])[-2:]
        top[i, 2 - len(row) :] = row
    ranks = []
    for a in (c.rows, c.cols):
        ranks.append(
            np.array(
                [
                    (rows.data[rows.indptr[i] : rows.indptr[i + 1]] > v).sum()
                    for i, v in zip(a.tolist(), p.tolist(), strict=True)
                ]
            )
        )
    other = [np.where(p >= top[a, 1], top[a, 0], top[a, 1]) for a in (c.rows, c.cols)]
    pairs = [
        (sums[c.rows] - p, sums[c.cols] - p),
        tuple(other),
        tuple(ranks),
        (count[c.rows], count[c.cols]),
    ]
    columns = [p, company(c, p)]
    for a, b in pairs:
        columns += [np.minimum(a, b), np.maximum(a, b)]
    return np.column_stack(columns)


def second_stage(
    corpora: list[train.Pairs],
    oof: Scores,
    columns: list[int] | None = None,
    linear: bool = False,
    topics: bool = False,
) -> Scores:
    """Each pair's probability from a model over ``second_features`` that saw
    neither article's fold (``topics``: also taught on the ECB+ topics alone)."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    features = [
        second_features(c, p)[:, columns or slice(None)] for c, p in zip(corpora, oof, strict=True)
    ]
    weights = train.pair_weights(corpora)
    if topics:
        ecb = next(n for n, c in enumerate(corpora) if c.name == "ecb")
        alone = [n for n, c in enumerate(corpora) if c.kind == "topic"]
        each = weights[ecb][0] * len(corpora[ecb].rows) / sum(len(corpora[n].rows) for n in alone)
        for n in alone:
            weights[n] = np.full(len(corpora[n].rows), each)
    found = [np.zeros(len(c.rows)) for c in corpora]
    for a in range(train.FOLDS):
        for b in range(a, train.FOLDS):
            x, y, w = [], [], []
            for c, f, weight in zip(corpora, features, weights, strict=True):
                fa, fb = c.fold[c.rows], c.fold[c.cols]
                keep = (fa != a) & (fa != b) & (fb != a) & (fb != b) & (weight > 0)
                x.append(f[keep])
                y.append(c.labels[keep])
                w.append(weight[keep])
            if linear:
                model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
                model.fit(
                    np.concatenate(x),
                    np.concatenate(y),
                    logisticregression__sample_weight=np.concatenate(w),
                )
            else:
                model = GradientBoostingClassifier(
                    n_estimators=100, max_depth=3, subsample=0.8, random_state=train.SEED
                )
                model.fit(np.concatenate(x), np.concatenate(y), sample_weight=np.concatenate(w))
            for c, f, out in zip(corpora, features, found, strict=True):
                fa, fb = c.fold[c.rows], c.fold[c.cols]
                here = (np.minimum(fa, fb) == a) & (np.maximum(fa, fb) == b)
                if here.any():
                    out[here] = model.predict_proba(f[here])[:, 1]
    return found


def evaluate(corpora: list[train.Pairs], variants: dict[str, Scores]) -> str:
    """Each fold's (variant, threshold) chosen on the other folds' articles."""
    trained = [n for n, c in enumerate(corpora) if c.kind in train.TRAIN_KINDS]
    parts = {
        (key, t): {n: train.partition(corpora[n], s[n], t, train.CONFLICTS) for n in trained}
        for key, s in variants.items()
        for t in train.THRESHOLDS
    }

    def objective(found: dict[int, np.ndarray], leave_out: int) -> float:
        aris = []
        for n in trained:
            c, keep = corpora[n], corpora[n].fold != leave_out
            truth = [c.truth[i] for i, k in zip(c.ids, keep, strict=True) if k]
            aris.append(train.scores_of(found[n][keep], truth)["ari"])
        return float(np.mean(aris))

    chosen = [max(parts, key=lambda kt, k=k: objective(parts[kt], k)) for k in range(train.FOLDS)]
    shown = []
    for n in trained:
        c = corpora[n]
        truth = [c.truth[i] for i in c.ids]
        runs = [train.scores_of(parts[kt][n], truth) for kt in chosen]
        shown.append(
            f"{c.name} {np.mean([r['ari'] for r in runs]):.3f} "
            f"({np.mean([r['purity'] for r in runs]):.3f})"
        )
    alone = [c for c in corpora if c.kind == "topic"]
    index = {id(c): n for n, c in enumerate(corpora)}
    topic_aris, apart = [], []
    for key, t in chosen:
        labels = [
            train.partition(c, variants[key][index[id(c)]], t, train.CONFLICTS) for c in alone
        ]
        topic_aris.append(
            np.mean(
                [
                    train.scores_of(found, [c.truth[i] for i in c.ids])["ari"]
                    for c, found in zip(alone, labels, strict=True)
                ]
            )
        )
        apart.append(_apart(alone, labels))
    median = sorted(range(train.FOLDS), key=lambda k: chosen[k])[train.FOLDS // 2]
    return (
        "; ".join(shown)
        + f"; topics alone {np.mean(topic_aris):.3f}, both events apart {apart[median]} of "
        + f"{len(alone)}; chosen {', '.join(f'{k} at {t:g}' if k else f'{t:g}' for k, t in chosen)}"
    )


def _apart(alone: list[train.Pairs], labels: list[np.ndarray]) -> int:
    count = 0
    for c, found in zip(alone, labels, strict=True):
        events: dict[int, set[str]] = {}
        for aid, label in zip(c.ids, found.tolist(), strict=True):
            events.setdefault(label, set()).add(c.truth[aid])
        count += all(len(e) == 1 for e in events.values())
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--second-stage", action="store_true", help="also the learned variants")
    args = parser.parse_args()
    corpora = train.corpora(args.cache, sparse=False, wire=False)
    oof = train.out_of_fold(corpora)
    rows: dict[str, Callable[[], dict[str, Scores]]] = {
        "no company": lambda: {"none": oof},
        "company, half": lambda: {"half": blended(corpora, oof, 0.5)},
        "company, share chosen per fold": lambda: {
            f"share {w}": blended(corpora, oof, w) for w in (0.0, 0.25, 0.5, 0.75)
        },
    }
    for floor in (0.1, 0.2, 0.3):
        rows[f"above {floor}, half"] = lambda f=floor: {"": blended(corpora, oof, 0.5, floor=f)}
    for best in (3, 5, 10, 20):
        rows[f"{best} best, half"] = lambda k=best: {"": blended(corpora, oof, 0.5, best=k)}
    rows["10 best above 0.2, half"] = lambda: {"": blended(corpora, oof, 0.5, floor=0.2, best=10)}
    rows["10 best, a quarter"] = lambda: {"": blended(corpora, oof, 0.25, best=10)}
    rows["15 best, half"] = lambda: {"": blended(corpora, oof, 0.5, best=15)}
    for how in (np.mean, np.min, np.max):
        rows[f"{how.__name__} of 10 best and above 0.2, half"] = lambda h=how: {
            "": mixed(corpora, oof, 0.5, h)
        }
    for scale in (1.0, 2.0, 4.0):
        rows[f"share 0.75 exp(-S/{scale:g})"] = lambda s=scale: {"": falling(corpora, oof, 0.75, s)}
    rows["chosen per fold: none, above 0.2, 10 best"] = lambda: {
        "none": oof,
        "above 0.2": blended(corpora, oof, 0.5, floor=0.2),
        "10 best": blended(corpora, oof, 0.5, best=10),
    }
    if args.second_stage:
        rows["second stage, trees"] = lambda: {"": second_stage(corpora, oof)}
        rows["second stage, probability and company"] = lambda: {
            "": second_stage(corpora, oof, [0, 1])
        }
        rows["second stage, no candidate counts"] = lambda: {
            "": second_stage(corpora, oof, list(range(8)))
        }
        rows["second stage, logistic"] = lambda: {"": second_stage(corpora, oof, linear=True)}
        rows["second stage, also the topics alone"] = lambda: {
            "": second_stage(corpora, oof, topics=True)
        }
    for name, variants in rows.items():
        print(f"{name}: {evaluate(corpora, variants())}", flush=True)


if __name__ == "__main__":
    main()
