"""How well story grouping recovers real stories, and how stable it is.

    python benchmarks/eval_stories.py [--cache DIR] [--skip-bbc]

Everything starts from the stored per-article analyses (spaCy mentions and
facts, cached by ``story_data.py``) and goes through the corpus-wide pass's own
inputs, so what is measured is what a user gets:

- all 253 multi-source clusters mixed into one corpus, and all ECB+ dev topics
  mixed into another (two events of one kind per topic): adjusted Rand index,
  purity and inverse purity of the learned grouping cross-validated (grouped
  folds, see ``train_stories.py``), of the shipped model (trained on all of it:
  in-sample; held out on folders named in ``NEWSDESK_MULTISOURCE`` or
  ``NEWSDESK_ECB``, beside the baseline at the threshold the tuned folders
  chose), of the hand-weighted grouping it replaced, and of a TF-IDF +
  average-linkage baseline whose threshold is chosen on the same folds;
- each fold of those mixes grouped alone, by trees trained without it, as a
  folder nobody tuned on is grouped;
- small folders: each event's reports alone (kept as one story?) and a few
  BBC articles picked at random (pairs of different reports joined?);
- the seeds alone, with 100 and 1,000 BBC articles (a fixed random sample) and
  with 99 BBC technology articles: are the seeds still exactly their two stories?
- the 2,225 BBC articles: stories of more than one article, and how many of
  them span more than one of BBC's categories.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import stories_dense  # noqa: E402
from benchmarks import train_stories as train  # noqa: E402
from benchmarks.common import ECB, MULTISOURCE, held_out  # noqa: E402
from benchmarks.story_data import CACHE, load, sample, story_inputs  # noqa: E402
from index.stories import StoryInput, average_linkage, group, grouped, scored_pairs  # noqa: E402

BASELINE_THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.61, 0.025))
STRICTER = (0.7, 0.8, 0.9)  # thresholds above the shipped one, for what they would cost
# Below this TF-IDF cosine with every other article of its gold story, an article
# cannot be grouped by its content.
CEILING_CUTS = (0.1, 0.15)
# The baseline's threshold the folds of the tuned folders chose (four of five),
# for folders nobody tuned on (NEWSDESK_MULTISOURCE, NEWSDESK_ECB); one of
# BASELINE_THRESHOLDS, whose partitions are made once.
BASELINE_TUNED = 0.18
# Folders of a few BBC articles picked at random: how many of each size, the seed.
SMALL_SIZES = (10, 20, 40)
SMALL_REPEATS = 20
SMALL_SEED = 3
SUBJECTS = 40  # folders of one subject


def labels_of(groups: list[list[str]], ids: list[str]) -> np.ndarray:
    label = {aid: n for n, members in enumerate(groups) for aid in members}
    return np.array([label[i] for i in ids])


def baseline(inputs: list[StoryInput], threshold: float) -> np.ndarray:
    """TF-IDF cosine of the text, average linkage over every pair."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [a.text for a in inputs]
    )
    distance = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    clustering = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1 - threshold
    )
    return clustering.fit_predict(distance)


def line(name: str, found: dict[str, float], note: str = "") -> None:
    figures = "  ".join(f"{k} {found[k]:.3f}" for k in ("ari", "purity", "inverse purity"))
    print(f"  {name:36} {figures}  stories {found['stories']:.0f}{note}")


def measured(labels: np.ndarray, truth: list[str]) -> dict[str, float]:
    return {**train.scores_of(labels, truth), "stories": len(set(labels.tolist()))}


def labelled(cache: Path) -> None:
    print("== Same-event corpora, all clusters mixed (cross-validated: grouped folds)")
    corpora = train.corpora(cache)
    parts = train.learned_parts(corpora, train.out_of_fold(corpora))
    learned, chosen = train.cross_validated(corpora, parts)
    mixed = [n for n, c in enumerate(corpora) if c.kind == "mixed"]
    base_parts = {
        t: [baseline(c.inputs, t) if c.kind == "mixed" else np.zeros(0) for c in corpora]
        for t in BASELINE_THRESHOLDS
    }
    base, base_chosen = train.cross_validated([corpora[n] for n in mixed], _only(base_parts, mixed))
    for m, n in enumerate(mixed):
        c = corpora[n]
        truth = [c.truth[i] for i in c.ids]
        print(f"{c.name}: {len(c.ids)} articles, {len(set(truth))} gold stories")
        line("learned, cross-validated", learned[n], f"  (thresholds {_listed(chosen)})")
        unseen = held_out(ECB if c.name == "ecb" else MULTISOURCE)
        shipped = (
            "learned, shipped model (held out)" if unseen else "learned, shipped model (in-sample)"
        )
        line(shipped, measured(labels_of(group(c.inputs), c.ids), truth))
        if unseen:
            tuned = measured(base_parts[BASELINE_TUNED][n], truth)
            line(f"baseline TF-IDF at {BASELINE_TUNED} (tuned)", tuned)
        before = story_inputs(_blobs(c.name, cache), before=True)
        line(
            "before: hand-weighted", measured(labels_of(stories_dense.group(before), c.ids), truth)
        )
        line("baseline TF-IDF, cross-validated", base[m], f"  (thresholds {_listed(base_chosen)})")
        _ceiling(c, truth, parts, chosen, n)
    median = sorted(chosen)[train.FOLDS // 2]
    split = train.split_topics(corpora, parts[median])
    print(f"ECB+ topics grouped alone, both events apart: {split}")
    _stricter_labelled([corpora[n] for n in mixed], _only(parts, mixed))
    _blocks(corpora, parts, chosen, base_chosen)
    print("== Sparse mixes: each gold story cut to one article, or two (cross-validated)")
    for n, c in enumerate(corpora):
        if c.kind == "sparse":
            truth = [c.truth[i] for i in c.ids]
            print(f"{c.name}: {len(c.ids)} articles, {len(set(truth))} gold stories")
            line("learned, cross-validated", learned[n])
            sparse_base = [
                train.scores_of(baseline(c.inputs, t), truth)["ari"] for t in base_chosen
            ]
            print(f"  {'baseline TF-IDF, the same thresholds':36} ari {np.mean(sparse_base):.3f}")
    _wire(corpora, base_chosen)


def _blocks(
    corpora: list[train.Pairs],
    parts: dict[float, list[np.ndarray]],
    chosen: list[float],
    base_chosen: list[float],
) -> None:
    """Each fold's articles grouped alone, as a folder nobody tuned on is: by a
    model trained without them, at the threshold the other folds chose, beside
    the baseline at its threshold chosen the same way."""
    print("== Each fold grouped alone, by a model trained without it (a folder nobody tuned on)")
    for data_set, blocks in train.block_scores(corpora, parts, chosen).items():
        learned, base = [], []
        for c, _, ari in blocks:
            truth = [c.truth[i] for i in c.ids]
            threshold = base_chosen[int(c.fold[0])]
            learned.append(ari)
            base.append(train.scores_of(baseline(c.inputs, threshold), truth)["ari"])
        sizes = ", ".join(f"{len(c.ids)}" for c, _, _ in blocks)
        print(f"{data_set}: {len(blocks)} folds of {sizes} articles")
        print(f"  {'learned':36} ari {np.mean(learned):.3f}  ({_aris(learned)})")
        print(f"  {'baseline TF-IDF':36} ari {np.mean(base):.3f}  ({_aris(base)})")


def _aris(values: list[float]) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


def _wire(corpora: list[train.Pairs], base_chosen: list[float]) -> None:
    """A day of one agency's wire, which nothing was trained or tuned on: the
    shipped model against the TF-IDF baseline at the thresholds its folds chose."""
    for c in corpora:
        if c.kind != "wire":
            continue
        print(f"== {c.name}: 231 Reuters reports of 5-7 December 1996, events read by hand")
        print(f"  shipped model: {train.wire_figures(c, labels_of(group(c.inputs), c.ids))}")
        for t in sorted(set(base_chosen)):
            print(f"  baseline TF-IDF at {t:g}: {train.wire_figures(c, baseline(c.inputs, t))}")


def _ceiling(
    c: train.Pairs,
    truth: list[str],
    parts: dict[float, list[np.ndarray]],
    chosen: list[float],
    n: int,
) -> None:
    """What no grouping by content can reach: articles that share almost no
    words with any other article of their gold story (a cookie notice, an
    archive's page furniture, an unrelated page scraped with the rest) can only
    be a story of their own. The best ARI possible is the gold partition with
    those left alone; the learned grouping is also scored without them."""
    for cut in CEILING_CUTS:
        off = _off_topic(c.inputs, truth, cut)
        best = [f"alone:{i}" if o else t for i, (t, o) in enumerate(zip(truth, off, strict=True))]
        keep = ~off
        kept = [t for t, k in zip(truth, keep, strict=True) if k]
        without = np.mean([train.scores_of(parts[t][n][keep], kept)["ari"] for t in chosen])
        print(
            f"  ceiling: {int(off.sum())} articles share < {cut} TF-IDF cosine with every other "
            f"of their story: best ARI {train.scores_of(np.array(best), truth)['ari']:.3f}; "
            f"learned, cross-validated, without them {without:.3f}"
        )


def _off_topic(inputs: list[StoryInput], truth: list[str], cut: float) -> np.ndarray:
    """Per article, whether its best TF-IDF cosine with another article of its
    gold story is below ``cut`` (False for an article alone in its story)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [a.text for a in inputs]
    )
    gold = np.array(truth)
    off = np.zeros(len(inputs), bool)
    for story in set(truth):
        members = np.flatnonzero(gold == story)
        if len(members) < 2:
            continue
        block = (matrix[members] @ matrix[members].T).toarray()
        np.fill_diagonal(block, 0.0)
        off[members] = block.max(axis=1) < cut
    return off


def _stricter_labelled(corpora: list[train.Pairs], parts: dict[float, list[np.ndarray]]) -> None:
    """What the thresholds BBC is also grouped at cost the labelled corpora."""
    for threshold in STRICTER:
        found = []
        for c, labels in zip(corpora, parts[threshold], strict=True):
            ari = train.scores_of(labels, [c.truth[i] for i in c.ids])["ari"]
            found.append(f"{c.name} {ari:.3f}")
        print(f"  learned, out-of-fold pair scores, threshold {threshold}: ARI {', '.join(found)}")


def _only(parts: dict[float, list[np.ndarray]], keep: list[int]) -> dict[float, list[np.ndarray]]:
    return {t: [found[n] for n in keep] for t, found in parts.items()}


def _listed(thresholds: list[float]) -> str:
    return ", ".join(f"{t:g}" for t in thresholds)


_LOADED: dict[str, tuple[dict, dict]] = {}


def _loaded(name: str, cache: Path) -> tuple[dict, dict]:
    """A corpus's analyses and gold, read once whatever measures it."""
    if name not in _LOADED:
        _LOADED[name] = load(name, cache)
    return _LOADED[name]


def _blobs(name: str, cache: Path) -> dict:
    return _loaded(name, cache)[0]


def robustness(cache: Path) -> None:
    print("== Seeds among unrelated BBC articles (the seeds' stories; exact = the two rounds)")
    seeds, seed_truth = _loaded("seeds", cache)
    bbc = _blobs("bbc", cache)
    bbc_ids = sorted(bbc)
    tech = [i for i in bbc_ids if "/tech/" in i][:99]
    mixes = {
        "seeds alone": [],
        "seeds + 99 BBC tech": tech,
        "seeds + 100 BBC": sample(bbc_ids, 100),
        "seeds + 1,000 BBC": sample(bbc_ids, 1000),
    }
    expected = sorted(
        sorted(a for a in seed_truth if seed_truth[a] == s) for s in ("third", "first")
    )
    for name, extra in mixes.items():
        blobs = {**seeds, **{i: bbc[i] for i in extra}}
        for label, before in (("after", False), ("before", True)):
            inputs = story_inputs(blobs, before=before)
            groups = stories_dense.group(inputs) if before else group(inputs)
            found = sorted(g for g in groups if any(a in seeds for a in g))
            exact = [sorted(g) for g in found] == expected
            shown = [[_short(a) for a in g] for g in found]
            print(f"  {name:22} {label:6} exact: {exact!s:5}  {shown}")


def _short(article_id: str) -> str:
    return article_id[:3] if "/" not in article_id else article_id.replace("bbc/", "")


def bbc_categories(cache: Path) -> None:
    print("== BBC, 2,225 articles: stories spanning more than one category")
    blobs, truth = _loaded("bbc", cache)
    for label, before in (("after", False), ("before", True)):
        start = time.perf_counter()
        inputs = story_inputs(blobs, before=before)
        groups = stories_dense.group(inputs) if before else group(inputs)
        seconds = time.perf_counter() - start
        shared = [g for g in groups if len(g) > 1]
        mixed = [g for g in shared if len({truth[a] for a in g}) > 1]
        print(
            f"  {label:6} stories of 2+ articles: {len(shared)} ({sum(map(len, shared))} "
            f"articles); spanning categories: {len(mixed)} ({sum(map(len, mixed))} articles); "
            f"largest {max(map(len, groups))}; {seconds:.1f} s"
        )
        for g in sorted(mixed, key=len, reverse=True)[:3]:
            print(f"    e.g. {dict(Counter(truth[a] for a in g))}")
    print(f"  articles with a copy under the same headline: {_copies(blobs)}")
    _stricter(story_inputs(blobs), truth)


def _stricter(inputs: list[StoryInput], truth: dict[str, str]) -> None:
    """BBC's grouped articles at thresholds above the shipped one: how far a
    stricter cut would bring one outlet's same-subject reports apart (the
    labelled corpora's cost is printed beside their figures)."""
    rows, cols, scores, _, apart = scored_pairs(inputs)
    for threshold in STRICTER:
        labels = average_linkage(len(inputs), rows, cols, scores, threshold, apart)
        groups: dict[int, list[str]] = {}
        for item, label in zip(inputs, labels, strict=True):
            groups.setdefault(label, []).append(item.id)
        shared = [g for g in groups.values() if len(g) > 1]
        mixed = sum(len({truth[a] for a in g}) > 1 for g in shared)
        print(
            f"  at threshold {threshold}: stories of 2+ articles {len(shared)} "
            f"({sum(map(len, shared))} articles); spanning categories {mixed}"
        )


def small_folders(cache: Path, bbc: bool) -> None:
    """What a user's small folder gets: a folder of one event's reports (each
    ECB+ event, each multi-source cluster of two or more reports) should come
    back as one story; a folder of a few BBC articles picked at random (fixed
    seed), each its own event but for copies under one headline, should join
    none, nor should a folder of one subject (an article and its nearest). The
    shipped grouping beside TF-IDF at the tuned threshold."""
    print(f"== Small folders (the shipped model; TF-IDF at {BASELINE_TUNED})")
    for name in ("ecb", "multisource"):
        blobs, truth = _loaded(name, cache)
        by_story: dict[str, dict] = {}
        for aid in sorted(blobs):
            by_story.setdefault(truth[aid], {})[aid] = blobs[aid]
        folders = [story_inputs(b) for b in by_story.values() if len(b) > 1]
        learned = sum(len(group(inputs)) == 1 for inputs in folders)
        base = sum(len(set(baseline(inputs, BASELINE_TUNED).tolist())) == 1 for inputs in folders)
        print(
            f"  {name}: {len(folders)} folders of one event's reports, kept whole: "
            f"learned {learned}, TF-IDF {base}"
        )
    if not bbc:
        return
    blobs = _blobs("bbc", cache)
    ids = sorted(blobs)
    rng = random.Random(SMALL_SEED)
    for size in SMALL_SIZES:
        folders = [rng.sample(ids, size) for _ in range(SMALL_REPEATS)]
        learned, base = _pairs_joined(blobs, folders)
        print(
            f"  {SMALL_REPEATS} folders of {size} BBC articles picked at random: pairs in one "
            f"story, copies of one report left out: learned {learned}, TF-IDF {base}"
        )
    learned, base = _pairs_joined(blobs, train.subject_folders(blobs, ids, SMALL_SEED, SUBJECTS))
    print(
        f"  {SUBJECTS} folders of one subject (a BBC article and its 2-7 nearest): pairs in "
        f"one story, copies of one report left out: learned {learned}, TF-IDF {base}"
    )


def _pairs_joined(blobs: dict, folders: list[list[str]]) -> tuple[int, int]:
    """Over BBC folders, pairs put in one story that are not copies of one
    report: by the shipped grouping and by TF-IDF at the tuned threshold."""
    learned = base = 0
    for folder in folders:
        picked = {aid: blobs[aid] for aid in folder}
        inputs = story_inputs(picked)
        copies = {aid: train.copy_key(blob, aid) for aid, blob in picked.items()}
        learned += _joined(group(inputs), copies)
        labels = baseline(inputs, BASELINE_TUNED)
        base += _joined(grouped([a.id for a in inputs], labels.tolist()), copies)
    return learned, base


def _joined(groups: list[list[str]], copies: dict[str, str]) -> int:
    """Pairs in one story that are not copies of one report."""
    return sum(
        copies[a] != copies[b] for members in groups for n, a in enumerate(members)
        for b in members[n + 1 :]
    )  # fmt: skip


def _copies(blobs: dict) -> int:
    """BBC articles another one repeats under the same headline: the surest of
    those with a same-event counterpart (reports of one event under different
    headlines are more, but unlabelled)."""
    titles = Counter((b["article"].get("title") or "").strip().lower() for b in blobs.values())
    return sum(n for title, n in titles.items() if title and n > 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--skip-bbc", action="store_true", help="only the labelled corpora")
    args = parser.parse_args()
    labelled(args.cache)
    small_folders(args.cache, bbc=not args.skip_bbc)
    if not args.skip_bbc:
        robustness(args.cache)
        bbc_categories(args.cache)


if __name__ == "__main__":
    main()
