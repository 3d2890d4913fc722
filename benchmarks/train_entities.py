"""Would a learned pairwise step improve entity merging? Trained and read by
cross-validation on the ECB+ dev topics.

    python benchmarks/train_entities.py [--cache DIR]

Each ECB+ dev topic is indexed as one corpus by newsdesk's own analysis (as
``eval_entities.py`` does), and the inputs of its final entity merge are kept.
The candidates are what the rules leave apart and the last-word baseline
joins: an entity named by one word ("Timmons", "Colts") and one whose longer
name ends with it ("Jermayne Timmons", "Indianapolis Colts"), most often given
different kinds by the model. A pair is positive when most gold mentions of
both sides belong to one gold entity; pairs with a side that holds no gold
mention are left out. The model is a logistic regression (scikit-learn) over
the features of :data:`NAMES`, its threshold the one with the best pairwise F1
on the training topics.

Trained on the odd topics and read on the even ones, then the other way round,
B3 over the named gold mentions is printed with the rules alone, with the
learned step, and with the one hand rule it would replace (join where no other
longer name ends with the word, unless both are places). The dev topics label
only a few dozen such pairs (ECB+ annotates the entities of its events, not
every name), too few to learn weights that hold on a corpus such as the BBC's:
nothing learned is shipped while the learned step does no better than that rule.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import eval_entities  # noqa: E402
from benchmarks.common import require  # noqa: E402
from benchmarks.eval_entities import ECB, SpanCache, analyse, b3, gold_mentions  # noqa: E402
from index import corpus_pass, nlp  # noqa: E402
from index.entities import merging  # noqa: E402
from index.names import without_suffix  # noqa: E402

THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.1, 0.91, 0.05))
KINDS = ("person", "organisation", "place", "other")
NAMES = (
    "same_kind",
    "short_person",
    "long_person",
    "short_place",
    "long_place",
    "long_words",
    "same_article",
    "same_story",
    "short_mentions",
    "long_mentions",
    "rivals",
    "similarity",
)
Pair = tuple[int, int, dict[str, float]]
Joiner = Callable[[list[Pair]], list[tuple[int, int]]]


# -- candidate pairs and their features ---------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One side of a pair: an entity as the rules left it."""

    kind: str
    key: str
    mentions: int
    articles: frozenset[str]
    stories: frozenset[str]


def candidates(nodes: Sequence[Any], links: Any) -> list[Pair]:
    """(short root, long root, features) for each entity named by one word and
    each entity with a longer name ending in that word, apart after the rules."""
    sides: dict[int, list[Any]] = defaultdict(list)
    for i, node in enumerate(nodes):
        if node.kind in KINDS and not node.acronym and len(node.tokens[-1]) >= 3:
            sides[links.root(i)].append(node)
    shorts: dict[str, set[int]] = defaultdict(set)
    longs: dict[str, dict[int, str]] = defaultdict(dict)
    for root, members in sides.items():
        for node in members:
            words = without_suffix(node.tokens)
            if len(words) > 1:
                longs[words[-1]].setdefault(root, " ".join(words))
        for node in members:
            if len(node.tokens) == 1 and root not in longs[node.key]:
                shorts[node.key].add(root)
    found = []
    for word, short_roots in sorted(shorts.items()):
        fulls = longs.get(word, {})
        for short in sorted(short_roots):
            for long, key in sorted(fulls.items()):
                a = _side(sides[short], word, links.size[short])
                b = _side(sides[long], key, links.size[long])
                found.append((short, long, features(a, b, len(fulls) - 1)))
    return found


def _side(members: list[Any], key: str, size: int) -> Side:
    kinds: Counter[str] = Counter()
    for node in members:
        kinds[node.kind] += len(node.mentions)
    return Side(
        kinds.most_common(1)[0][0],
        key,
        size,
        frozenset().union(*(node.articles for node in members)),
        frozenset().union(*(node.stories for node in members)),
    )


def features(short: Side, long: Side, rivals: int) -> dict[str, float]:
    """``rivals``: the other longer names that end with the same word."""
    return {
        "same_kind": float(short.kind == long.kind),
        "short_person": float(short.kind == "person"),
        "long_person": float(long.kind == "person"),
        "short_place": float(short.kind == "place"),
        "long_place": float(long.kind == "place"),
        "long_words": float(len(long.key.split())),
        "same_article": float(bool(short.articles & long.articles)),
        "same_story": float(bool(short.stories & long.stories)),
        "short_mentions": math.log1p(short.mentions),
        "long_mentions": math.log1p(long.mentions),
        "rivals": float(rivals),
        "similarity": fuzz.ratio(short.key, long.key) / 100.0,
    }


def one_each(scored: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """The pairs to join, best first: a short name joins one longer name at most."""
    joined: set[int] = set()
    result = []
    for _, short, long in sorted(scored, reverse=True):
        if short not in joined:
            joined.add(short)
            result.append((short, long))
    return result


def hand_rule(pairs: list[Pair]) -> list[tuple[int, int]]:
    """The rule the learned step would have to beat: the only longer name that
    ends with the word, unless both are places (Philadelphia, Northeast Philadelphia)."""
    alone = [(s, lg) for s, lg, f in pairs if f["rivals"] == 0]
    places = {(s, lg) for s, lg, f in pairs if f["short_place"] and f["long_place"]}
    return one_each([(1.0, s, lg) for s, lg in alone if (s, lg) not in places])


# -- the corpora ----------------------------------------------------------------------------


@dataclass
class Topic:
    """One ECB+ topic: its gold mentions and the inputs of its final merge."""

    number: int
    gold: list[dict[str, Any]]
    # mentions, sources, passages, groups, and the merge's other arguments by name
    inputs: tuple[Any, Any, Any, Any, dict[str, Any]]

    def merged(self, joiner: Joiner | None) -> list[dict[str, Any]]:
        """The final merge's entities (as eval_entities reads them), with the pairs
        ``joiner`` chooses joined after the rules."""
        mentions, sources, passages, groups, more = self.inputs
        original = merging.linked

        def linked(*args):
            nodes, links = original(*args)
            for short, long in joiner(candidates(nodes, links)) if joiner else ():
                links.join(short, long)
            return nodes, links

        merging.linked = linked  # type: ignore[assignment]
        try:
            found = merging.merge(mentions, sources, passages, groups, **more)
        finally:
            merging.linked = original  # type: ignore[assignment]
        return [
            {"id": e.id, "mentions": [{"id": m.article, "start": m.start, "end": m.end}
                                      for m in e.mentions]}
            for e in found
        ]  # fmt: skip

    def pairs(self) -> tuple[list[list[float]], list[int]]:
        """Features and labels of the candidate pairs whose sides hold gold mentions."""
        mentions, _, passages, groups, _ = self.inputs
        nodes, links = merging.linked(mentions, passages, groups)
        spans = defaultdict(list)
        for i, node in enumerate(nodes):
            for article, mention in node.mentions:
                spans[article].append((mention.start, mention.end, links.root(i)))
        votes: dict[int, Counter[str]] = defaultdict(Counter)
        for gold in self.gold:
            root = _overlapping(spans[gold["article"]], gold)
            if root is not None:
                votes[root][gold["gold"]] += 1
        rows, labels = [], []
        for short, long, row in candidates(nodes, links):
            if votes[short] and votes[long]:
                rows.append([row[name] for name in NAMES])
                labels.append(int(_majority(votes[short]) == _majority(votes[long])))
        return rows, labels


def _overlapping(spans, gold) -> int | None:
    best, most = None, 0
    for start, end, root in spans:
        overlap = min(end, gold["end"]) - max(start, gold["start"])
        if overlap > most:
            best, most = root, overlap
    return best


def _majority(votes: Counter[str]) -> str:
    return votes.most_common(1)[0][0]


def load(cache: Path | None) -> list[Topic]:
    """Every dev topic, analysed, with the inputs of its final merge captured."""
    spans = SpanCache(cache)
    nlp.model_spans = spans  # type: ignore[assignment]
    captured: list[tuple] = []
    original = corpus_pass.merge

    def capture(mentions, sources, passages=None, groups=None, **more):
        if groups is not None:
            captured.append((mentions, sources, passages, groups, more))
        return original(mentions, sources, passages, groups, **more)

    corpus_pass.merge = capture  # type: ignore[assignment]
    topics = []
    try:
        for folder in eval_entities.topic_folders(None):
            gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
            analyse(sorted((d["file"], folder / d["file"]) for d in gold["docs"].values()))
            topics.append(Topic(gold["topic"], gold_mentions(gold), captured.pop()))
    finally:
        corpus_pass.merge = original  # type: ignore[assignment]
        spans.save()
    return topics


# -- learning and scoring -------------------------------------------------------------------


def fit(topics: list[Topic]) -> Joiner:
    """A logistic regression over the topics' pairs, with its best threshold."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rows, labels = [], []
    for topic in topics:
        r, lab = topic.pairs()
        rows += r
        labels += lab
    x, y = np.array(rows, float), np.array(labels)
    if len(set(labels)) < 2:  # the rules join what they used to leave to this step
        print(f"  {len(labels)} candidate pairs, all of one kind in gold: nothing to learn")
        return lambda pairs: []
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(x, y)
    scores = model.predict_proba(x)[:, 1]
    best = max(THRESHOLDS, key=lambda t: _pair_f1(scores >= t, y))
    weights = {n: round(float(w), 2) for n, w in zip(NAMES, model[-1].coef_[0], strict=True)}
    print(f"  trained on {len(y)} pairs ({int(y.sum())} positive), threshold {best}: {weights}")

    def joiner(pairs: list[Pair]) -> list[tuple[int, int]]:
        if not pairs:
            return []
        p = model.predict_proba(np.array([[f[n] for n in NAMES] for _, _, f in pairs]))[:, 1]
        return one_each([(q, s, lg) for q, (s, lg, _) in zip(p, pairs, strict=True) if q >= best])

    return joiner


def _pair_f1(chosen: np.ndarray, labels: np.ndarray) -> float:
    hits = float((chosen & (labels == 1)).sum())
    return 2 * hits / (chosen.sum() + labels.sum()) if hits else 0.0


def score(topics: list[Topic], joiner: Joiner | None) -> tuple[float, float, float]:
    """B3 precision, recall and F1 over the topics' named gold mentions, pooled."""
    found = []
    for topic in topics:
        guess = eval_entities.predicted_entities({"entities": topic.merged(joiner)}, topic.gold)
        singletons = [g if g is not None else f"missed-{i}" for i, g in enumerate(guess)]
        found += b3([m["gold"] for m in topic.gold], singletons)
    p = sum(s[0] for s in found) / len(found)
    r = sum(s[1] for s in found) / len(found)
    return p, r, 2 * p * r / (p + r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "newsdesk-eval-cache",
        help="folder for the model's cached spans ('' for none)",
    )
    args = parser.parse_args()
    require(ECB)
    topics = load(args.cache if str(args.cache) else None)
    print("B3 over named gold mentions (P R F1), trained on one half, read on the other")
    for odd in (True, False):
        train = [t for t in topics if (t.number % 2 == 1) == odd]
        test = [t for t in topics if (t.number % 2 == 1) != odd]
        learned = fit(train)
        print(f"  read on the {'even' if odd else 'odd'} topics:")
        for name, joiner in (("rules", None), ("learned", learned), ("hand rule", hand_rule)):
            print(f"    {name:<10}" + "".join(f"{v:>7.3f}" for v in score(test, joiner)))


if __name__ == "__main__":
    main()
