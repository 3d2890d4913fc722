"""How far to trust newsdesk's "✗ differ" and "✓ agree" on real articles.

    python benchmarks/eval_facts.py [--split tune|test|all] [--pairs FILE] [--unlabelled]

Each folder of ../shared/data/multisource is one event told by several outlets.
Its articles are analysed (NLP mentions are cached under /tmp, keyed by the
file's hash and the model) and summarised as one story, so what is measured is
the comparison of facts, not story grouping. Every pair of facts of different
sources that the cross-source pane marks differ or agree is looked up in
``benchmarks/fact_labels.jsonl`` (a pair is cited by cluster, files and
character offsets; no article text is stored in the project), and the script
prints:

* precision of differ: pairs shown as differ that really cannot both be true;
* precision of agree: pairs shown as agree that really are the same figure of
  the same thing;
* lost true differences: pairs labelled as real differences that are no longer
  shown as differ;
* how many shown pairs have no label yet (``--unlabelled`` lists them, with the
  sentences, to label them).

Labelled pairs are of two kinds: pairs the pane shows as differ or agree, and
candidates it may have missed (``--candidates`` lists those not labelled yet):
two counts of different sources naming the same thing in their last word
("four half-siblings", "five half-siblings"), or two durations of the same
subject, with different values. Labelling those measures how many true
differences are lost, not only how many shown ones are right.

Clusters are split in halves by a hash of their name: "tune" clusters were read
while changing the rules (the earlier third among them), "test" clusters only
to measure.

``--corpus ecb`` measures the same on the ECB+ dev topics (../shared/data/ecbplus-dev):
each topic holds two events of one kind, and each event (topic x subtopic, the
gold story) is summarised as one story. Odd topics are "tune", even ones "test".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from unittest.mock import patch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ECB, MULTISOURCE, ROOT, require  # noqa: E402
from index import corpus_pass  # noqa: E402
from index.analysis import analysed  # noqa: E402
from index.model import Article, Mention  # noqa: E402
from index.readers import read  # noqa: E402

LABELS = ROOT / "benchmarks" / "fact_labels.jsonl"
CACHE = Path("/tmp/newsdesk-eval-facts-mentions")
SHOWN = ("differ", "agree")


def split_of(cluster: str) -> str:
    """A fixed split of the clusters in halves; the third tuned on before
    (``digest[0] % 3 == 0``) stays on the tuning side. ECB+ events: odd
    topics tune, even ones test."""
    if cluster.startswith("ecb-"):
        return "tune" if int(cluster.split("-")[1]) % 2 else "test"
    digest = hashlib.sha1(cluster.encode()).digest()
    return "tune" if digest[0] % 3 == 0 or digest[1] % 4 == 0 else "test"


def clusters(split: str, corpus: str = "multisource") -> list[str]:
    """The names of the clusters (one event each) of ``corpus`` in ``split``."""
    if corpus == "ecb":
        names = [
            f"ecb-{int(topic.name[5:])}-{subtopic}"
            for topic in sorted(require(ECB).glob("topic*"))
            for subtopic in ("ecb", "ecbplus")
        ]
    else:
        names = sorted(p.name for p in require(MULTISOURCE).iterdir() if p.is_dir())
    return [n for n in names if split == "all" or split_of(n) == split]


def files_of(cluster: str) -> list[Path]:
    """The article files of one cluster: a multi-source folder, or the texts of
    one of an ECB+ topic's two events."""
    if cluster.startswith("ecb-"):
        _, topic, subtopic = cluster.split("-")
        folder = ECB / f"topic{int(topic):02d}"
        return sorted(folder.glob(f"{topic}_*{subtopic}.txt"), key=lambda f: f.name)
    return sorted((MULTISOURCE / cluster).glob("*.txt"))


def load(cluster: str) -> list[Article]:
    articles = []
    for file in files_of(cluster):
        result, _ = read(str(file), f"{cluster}/{file.name}")
        articles.extend(result.articles)
    return articles


def mentions_of(articles: list[Article]) -> list[list[Mention]]:
    """NLP mentions, from the cache when this text was analysed before by this
    model and analysis version."""
    from index.analysis import Analysis

    analysis = Analysis()
    CACHE.mkdir(parents=True, exist_ok=True)
    paths = [
        CACHE / f"{hashlib.sha1((analysis.key + a.text).encode()).hexdigest()}.json"
        for a in articles
    ]
    missing = [a for a, p in zip(articles, paths, strict=True) if not p.exists()]
    if missing:
        found_all, _pieces = analysis._mentions(missing, {})  # no pieces read before
        for article, found in zip(missing, found_all, strict=True):
            path = paths[articles.index(article)]
            path.write_text(json.dumps([m.__dict__ for m in found]))
    return [[Mention(**m) for m in json.loads(p.read_text())] for p in paths]


def compared_pairs(cluster: str) -> list[dict[str, Any]]:
    """Pairs of facts of different sources the pane lists together: compared
    (differ, agree or compatible) or "grouped" (under one key, but not
    comparable), then the candidates it does not list (see :func:`candidates`)."""
    articles = load(cluster)
    if len(articles) < 2:
        return []
    analyses = {}
    for article, found in zip(articles, mentions_of(articles), strict=True):
        # stored as the indexer stores it (common nouns for names, facts)
        analyses[article.id] = {"article": article.to_json(with_text=True)}
        analyses[article.id].update(analysed(article, found))
    # The folder is the story: the corpus pass groups through this one function.
    with patch.object(corpus_pass, "group_by_component", _one_story):
        state = corpus_pass.summarise(analyses)
    seen: dict[tuple, dict[str, Any]] = {}
    for views in state["views"].values():
        for view in views.values():
            for item in view["facts"]:
                for other in item["others"]:
                    if other["same_story"] and not other["same_wire"]:
                        relation = other["relation"] or "grouped"
                        pair = _pair(cluster, item["fact"], other["fact"], relation)
                        seen.setdefault(pair["id"], pair)
    for pair in candidates(cluster, [a["facts"] for a in analyses.values()]):
        seen.setdefault(pair["id"], pair)
    return sorted(seen.values(), key=lambda p: p["id"])


def candidates(cluster: str, facts: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Pairs a fact-checker would look at that the pane may not compare: counts
    of two articles whose counted words end in the same noun ("four
    half-siblings", "five half-siblings"), or durations of one subject, with
    different values; at most five per noun, picked by a hash of the pair."""
    by_noun: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, mine in enumerate(facts):
        for theirs in facts[i + 1 :]:
            for a in mine:
                for b in theirs:
                    noun = _candidate_noun(a, b)
                    if noun:
                        by_noun[noun].append(_pair(cluster, a, b, "candidate"))
    picked = []
    for _, pairs in sorted(by_noun.items()):
        pairs.sort(key=lambda p: hashlib.sha1(p["id"].encode()).hexdigest())
        picked += pairs[:5]
    return picked


def _candidate_noun(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """What two facts would both be about, if they may be counterparts."""
    if a["kind"] != b["kind"] or a["value"] is None or b["value"] is None:
        return None
    if a["value"] == b["value"]:
        return None
    if a["kind"] == "quantity":
        noun = _last_noun(a["text"])
        return noun if noun and noun == _last_noun(b["text"]) else None
    if a["kind"] == "duration" and a["unit"] == b["unit"] and a["key"] and b["key"]:
        subject = a["key"].split("|")[0]
        return subject if subject == b["key"].split("|")[0] else None
    return None


def _last_noun(text: str) -> str | None:
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    if not words:
        return None
    word = words[-1].lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _pair(cluster: str, a: dict[str, Any], b: dict[str, Any], relation: str) -> dict[str, Any]:
    ends = sorted([_end(a), _end(b)])
    pair_id = (
        f"{cluster}/{ends[0][0]}:{ends[0][1]}-{ends[0][2]}|{ends[1][0]}:{ends[1][1]}-{ends[1][2]}"
    )
    return {"id": pair_id, "cluster": cluster, "relation": relation, "a": ends[0], "b": ends[1]}


def _end(fact: dict[str, Any]) -> tuple:
    """One fact of a pair: file, offsets, words, key and value."""
    name = fact["article"].split("/")[-1]
    return (name, fact["start"], fact["end"], fact["text"], fact.get("key"), fact.get("value"))


def _one_story(inputs: Any, *_: Any) -> list[list[str]]:
    return [[i.id for i in inputs]]


def read_labels() -> dict[str, dict[str, Any]]:
    if not LABELS.exists():
        return {}
    rows = [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]
    return {row["id"]: row for row in rows}


def stratum(pair: dict[str, Any]) -> str:
    """Pairs with a subject-less key on either side ("duration", "date") are a
    stratum of their own: where there are many, only a random sample is labelled."""
    keys = (pair["a"][4], pair["b"][4])
    return "bare" if any(k in (None, "duration", "date") for k in keys) else "keyed"


def precision(pairs: list[dict[str, Any]], labels: dict[str, dict[str, Any]], right: str):
    """Labelled share of ``right``, each stratum weighted by how many pairs it shows
    against how many of them are labelled (1 when all are)."""
    shown: Counter[str] = Counter(stratum(p) for p in pairs)
    labelled = [(stratum(p), labels[p["id"]]["label"]) for p in pairs if p["id"] in labels]
    counted: Counter[str] = Counter(s for s, _ in labelled)
    weight = {s: shown[s] / counted[s] for s in counted}
    total = sum(weight[s] for s, _ in labelled)
    good = sum(weight[s] for s, label in labelled if label == right)
    return (good / total if total else None), len(labelled)


def score(pairs: list[dict[str, Any]], labels: dict[str, dict[str, Any]], names: list[str]) -> None:
    wanted = {"differ": "differ", "agree": "same"}
    for relation in SHOWN:
        mine = [p for p in pairs if p["relation"] == relation]
        share, labelled = precision(mine, labels, wanted[relation])
        text = f"{share:.2f}" if share is not None else "n/a"
        print(
            f"{relation:7} shown {len(mine):4}  labelled {labelled:4}  precision {text}"
            f"  unlabelled {sum(1 for p in mine if p['id'] not in labels)}"
        )
    for relation in ("compatible", "grouped", "candidate"):
        mine = [p for p in pairs if p["relation"] == relation]
        found = Counter(labels[p["id"]]["label"] for p in mine if p["id"] in labels)
        print(
            f"{relation:10} {len(mine):4}  labelled {sum(found.values()):4}  "
            + "  ".join(f"{label} {n}" for label, n in sorted(found.items()))
        )
    shown = {p["id"]: p["relation"] for p in pairs}
    real = [row for row in labels.values() if row["label"] == "differ"]
    real = [row for row in real if row["cluster"] in set(names)]
    lost = [row["id"] for row in real if shown.get(row["id"]) != "differ"]
    print(
        f"true differences labelled {len(real)}, shown as differ {len(real) - len(lost)}, "
        f"lost {len(lost)}"
    )
    for pair_id in lost:
        print(f"  lost: {pair_id}")


def context(cluster: str, end: tuple) -> str:
    """The words around one end of a pair, the fact marked, on one line."""
    file = next(f for f in files_of(cluster) if f.name == end[0])
    text = file.read_text(encoding="utf-8")
    start, stop = end[1], end[2]
    before, after = text[max(0, start - 200) : start], text[stop : stop + 120]
    return f"{before}⟦{text[start:stop]}⟧{after}".replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "test", "all"), default="all")
    parser.add_argument("--corpus", choices=("multisource", "ecb"), default="multisource")
    parser.add_argument("--pairs", help="also write the compared pairs to this JSON file")
    parser.add_argument("--unlabelled", action="store_true", help="list pairs with no label")
    parser.add_argument(
        "--candidates",
        action="store_true",
        help="with --unlabelled: compatible pairs and candidates too",
    )
    args = parser.parse_args()
    names = clusters(args.split, args.corpus)
    pairs = [p for name in names for p in compared_pairs(name)]
    labels = read_labels()
    if args.pairs:
        Path(args.pairs).write_text(json.dumps(pairs, indent=1, ensure_ascii=False))
    print(f"clusters: {len(names)} ({args.corpus}, {args.split}); labelled pairs: {len(labels)}")
    score(pairs, labels, names)
    if args.unlabelled:
        listed = (*SHOWN, "compatible", "grouped", "candidate") if args.candidates else SHOWN
        for pair in pairs:
            if pair["id"] not in labels and pair["relation"] in listed:
                keys = f"{pair['a'][4]} / {pair['b'][4]}"
                print(f"\n{pair['id']}  {pair['relation']}  {keys}")
                print(f"  A: {context(pair['cluster'], pair['a'])}")
                print(f"  B: {context(pair['cluster'], pair['b'])}")


if __name__ == "__main__":
    main()
