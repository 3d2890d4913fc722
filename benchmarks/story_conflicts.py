"""Conflict evidence between two reports of one kind of event, measured.

    python benchmarks/story_conflicts.py [--cache DIR] [--corpora FILE] [--explore] [VARIANT ...]

Two reports of "an actress enters rehab" or "a player is arrested" share the
words and the kind of figures of the story; what tells them apart is who and
where: each names its own actress, its own town. Each article's names are
keyed as another report would write them (a person by surname, anything else
by its name's key, from the first entity merge), and a key counts as named by
the other article when each of its words is a word of the other's title or
text (one outlet's "Alexis Grigoropoulos" is another's "Alexandros
Grigoropoulos", which the merge keeps apart). For each of

- ``person``: the person the article names most often (ties: all);
- ``lead_people``: the people its title or lead (600 characters) names;
- ``top``: the person or organisation it names most often;
- ``lead``: the people and organisations its title or lead names;
- ``places``: the places its title or lead names;
- ``names``: every person, organisation and place it names,

a pair gets ``<field>_unnamed``, the share of one article's keys the other
never names (the larger of the two directions), and ``<field>_unnamed_both``,
the smaller (0 unless both have keys: where neither names the other's).

``--explore`` prints how these are spread over same-story pairs and pairs of
two events of one ECB+ topic (odd topics only: the features were shaped on
those). Each VARIANT (a comma-separated list of columns, or ``none``) adds
its columns to the pair features, trains the trees out of fold as
``train_stories.py`` does (fixed seeds, each fold's threshold chosen on the
other folds) and prints cross-validated ARI multi-source (purity) / with 300
BBC articles / ECB+ mixed / ECB+ topics alone (mean) and how many topics keep
both events apart; then the same at one threshold for every fold (0.4, 0.5,
0.6) and the out-of-fold pairs' average precision (multi-source / with BBC /
ECB+ / ECB+ pairs within one topic). ``--corpora FILE`` keeps the corpora and
their columns in a pickle outside the repository; ``--thresholds LOW HIGH``
clusters only at the thresholds between (quicker: the folds choose 0.35-0.65).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import train_stories as train  # noqa: E402
from benchmarks.story_data import CACHE, load  # noqa: E402
from index.entities import merge  # noqa: E402
from index.model import Mention  # noqa: E402
from index.model_views import Entity  # noqa: E402
from index.names import alias_key  # noqa: E402
from index.store import article_from_json  # noqa: E402
from index.story_features import LEAD  # noqa: E402

COLUMNS = (
    "person_unnamed",
    "person_unnamed_both",
    "lead_people_unnamed",
    "lead_people_unnamed_both",
    "top_unnamed",
    "top_unnamed_both",
    "lead_unnamed",
    "lead_unnamed_both",
    "places_unnamed",
    "places_unnamed_both",
    "names_unnamed",
    "names_unnamed_both",
)
MAIN_KINDS = ("person", "organisation")


@dataclass(frozen=True)
class Profile:
    """Who and where one article is about, as the words that name them."""

    top: frozenset[str]  # the person or organisation it names most often (ties: all)
    person: frozenset[str]  # the person it names most often (ties: all)
    lead_people: frozenset[str]  # people its title or lead names
    lead: frozenset[str]  # people and organisations its title or lead names
    places: frozenset[str]  # places its title or lead names
    names: frozenset[str]  # every person, organisation and place it names
    words: frozenset[str]  # every word of its text, as names are keyed


def name_key(entity: Entity) -> str:
    """A person by surname (other outlets say "Mr. Sestak"), anything else by name."""
    key = alias_key(entity.name)
    return key.split()[-1] if entity.kind == "person" and key else key


def profiles(blobs: dict[str, dict]) -> dict[str, Profile]:
    """Each article's profile from the first entity merge, as grouping sees it."""
    articles = {aid: article_from_json(blob["article"]) for aid, blob in blobs.items()}
    mentions = {
        aid: [Mention(**m) for m in blob.get("mentions", [])] for aid, blob in blobs.items()
    }
    sources = {aid: a.source or aid for aid, a in articles.items()}
    passages = {aid: a.passages for aid, a in articles.items()}
    counts: dict[str, Counter] = defaultdict(Counter)
    lead: dict[str, set[str]] = defaultdict(set)
    people: dict[str, Counter] = defaultdict(Counter)
    lead_people: dict[str, set[str]] = defaultdict(set)
    places: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for entity in merge(mentions, sources, passages):
        key = name_key(entity)
        if not key:
            continue
        for m in entity.mentions:
            if entity.kind in (*MAIN_KINDS, "place") and not m.common:
                names[m.article].add(key)
            if entity.kind in MAIN_KINDS:
                if not m.common:
                    counts[m.article][key] += 1
                if m.start < LEAD:
                    lead[m.article].add(key)
            if entity.kind == "person":
                if not m.common:
                    people[m.article][key] += 1
                if m.start < LEAD:
                    lead_people[m.article].add(key)
            elif entity.kind == "place" and m.start < LEAD:
                places[m.article].add(key)
    found = {}
    for aid, article in articles.items():
        most = max(counts[aid].values(), default=0)
        top = frozenset(k for k, n in counts[aid].items() if n == most)
        most = max(people[aid].values(), default=0)
        person = frozenset(k for k, n in people[aid].items() if n == most)
        words = frozenset(alias_key(article.text).split())
        found[aid] = Profile(
            top,
            person,
            frozenset(lead_people[aid]),
            frozenset(lead[aid]),
            frozenset(places[aid]),
            frozenset(names[aid]),
            words,
        )
    return found


def _named(key: str, words: frozenset[str]) -> bool:
    return all(w in words for w in key.split())


def unnamed(
    found: list[Profile], rows: np.ndarray, cols: np.ndarray, field: str
) -> tuple[np.ndarray, np.ndarray]:
    """Per pair, the share of each article's ``field`` the other never names:
    the larger and the smaller of the two directions (0 where an article has
    none; the smaller is 0 unless both have some)."""
    larger, smaller = np.zeros(len(rows)), np.zeros(len(rows))
    for n, (i, j) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        a, b = found[i], found[j]
        one, two = getattr(a, field), getattr(b, field)
        x = sum(not _named(k, b.words) for k in one) / len(one) if one else 0.0
        y = sum(not _named(k, a.words) for k in two) / len(two) if two else 0.0
        larger[n] = max(x, y)
        smaller[n] = min(x, y) if one and two else 0.0
    return larger, smaller


def conflict_columns(c: train.Pairs, found: dict[str, Profile]) -> dict[str, np.ndarray]:
    listed = [found[a.id] for a in c.inputs]
    columns = {}
    for field in ("person", "lead_people", "top", "lead", "places", "names"):
        columns[f"{field}_unnamed"], columns[f"{field}_unnamed_both"] = unnamed(
            listed, c.rows, c.cols, field
        )
    return columns


def prepared(cache: Path, stored: Path | None) -> tuple[list[train.Pairs], list[dict]]:
    if stored and stored.exists():
        return pickle.loads(stored.read_bytes())
    corpora = train.corpora(cache, sparse=False, wire=False)
    found: dict[str, Profile] = {}
    for name in ("multisource", "ecb"):
        found.update(profiles(load(name, cache)[0]))
    bbc = load("bbc", cache)[0]
    ids = {a.id for c in corpora for a in c.inputs}
    found.update(profiles({aid: blob for aid, blob in bbc.items() if aid in ids}))
    found = (corpora, [conflict_columns(c, found) for c in corpora])
    if stored:
        stored.write_bytes(pickle.dumps(found))
    return found


def explore(corpora: list[train.Pairs], extra: list[dict]) -> None:
    """How the columns spread over same-story pairs and over pairs of a
    topic's two events (odd ECB+ topics only), among pairs alike in text."""
    for c, columns in zip(corpora, extra, strict=True):
        if c.kind != "mixed":
            continue
        gold = np.array([c.truth[i] for i in c.ids])
        if c.name == "ecb":
            number = np.array([int(train.topic(g)[5:]) for g in gold])
            odd = number[c.rows] % 2 == 1
            same_topic = (number[c.rows] == number[c.cols]) & odd
            groups = {
                "same story (odd topics)": c.labels & odd,
                "two events of one topic (odd)": same_topic & ~c.labels,
            }
        else:
            groups = {"same story": c.labels}
        print(f"\n== {c.name}")
        for label, mask in groups.items():
            print(f"  {label}: {int(mask.sum())} pairs")
            for name in COLUMNS:
                v = columns[name][mask]
                print(
                    f"    {name:22} =0 {np.mean(v == 0):.2f}  >=0.5 {np.mean(v >= 0.5):.2f}  "
                    f"=1 {np.mean(v == 1):.2f}  mean {v.mean():.2f}"
                )


def measure(corpora: list[train.Pairs], extra: list[dict], names: list[str]) -> None:
    base = [c.features for c in corpora]
    for c, columns in zip(corpora, extra, strict=True):
        added = [columns[n][:, None] for n in names]
        c.features = np.hstack([c.features, *added]) if added else c.features
    try:
        scores = train.out_of_fold(corpora)
        parts = train.learned_parts(corpora, scores)
        found, chosen = train.cross_validated(corpora, parts)
    finally:
        for c, features in zip(corpora, base, strict=True):
            c.features = features
    by = {c.name: f for c, f in zip(corpora, found, strict=True)}
    topics = np.mean([f["ari"] for c, f in zip(corpora, found, strict=True) if c.kind == "topic"])
    apart = train.split_topics(corpora, parts[sorted(chosen)[train.FOLDS // 2]])
    print(
        f"  {','.join(names) or 'none':48} {by['multisource']['ari']:.3f} "
        f"({by['multisource']['purity']:.3f}) / {by['multisource + BBC']['ari']:.3f} / "
        f"{by['ecb']['ari']:.3f} / {topics:.3f}, {apart}  thresholds "
        f"{[float(t) for t in chosen]}",
        flush=True,
    )
    fixed = []
    for t in (0.4, 0.5, 0.6):
        if t in parts:
            aris = {
                c.name: train.scores_of(p, [c.truth[i] for i in c.ids])["ari"]
                for c, p in zip(corpora, parts[t], strict=True)
                if c.kind != "topic"
            }
            apart = train.split_topics(corpora, parts[t]).split()[0]
            fixed.append(
                f"{t}: {aris['multisource']:.3f} / {aris['multisource + BBC']:.3f} / "
                f"{aris['ecb']:.3f}, {apart}"
            )
    print(f"  {'':48} at one threshold {';  '.join(fixed)}")
    print(f"  {'':48} pair average precision {precision(corpora, scores)}", flush=True)


def precision(corpora: list[train.Pairs], scores: list[np.ndarray]) -> str:
    """Average precision of the out-of-fold pair scores: multi-source, with
    BBC, ECB+ mixed, and ECB+ pairs within one topic (same event or the other)."""
    from sklearn.metrics import average_precision_score

    found = []
    for c, p in zip(corpora, scores, strict=True):
        if c.kind == "topic":
            continue
        found.append(average_precision_score(c.labels, p))
        if c.name == "ecb":
            topics = np.array([train.topic(c.truth[i]) for i in c.ids])
            within = topics[c.rows] == topics[c.cols]
            found.append(average_precision_score(c.labels[within], p[within]))
    return " / ".join(f"{v:.3f}" for v in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--corpora", type=Path, help="pickle of the corpora and their columns")
    parser.add_argument("--explore", action="store_true", help="print the columns' spread")
    parser.add_argument(
        "--thresholds",
        type=float,
        nargs=2,
        metavar=("LOW", "HIGH"),
        help="only the thresholds between (quicker; folds choose 0.35-0.65)",
    )
    parser.add_argument("variants", nargs="*", help="comma-separated columns, or none")
    args = parser.parse_args()
    if args.thresholds:
        low, high = args.thresholds
        train.THRESHOLDS = tuple(t for t in train.THRESHOLDS if low <= t <= high)
    corpora, extra = prepared(args.cache, args.corpora)
    if args.explore:
        explore(corpora, extra)
    if args.variants:
        print("\n== cross-validated: ms (purity) / ms + 300 BBC / ECB+ / topics, apart")
    for variant in args.variants:
        names = [] if variant == "none" else variant.split(",")
        unknown = set(names) - set(COLUMNS)
        if unknown:
            parser.error(f"unknown columns {sorted(unknown)}")
        measure(corpora, extra, names)


if __name__ == "__main__":
    main()
