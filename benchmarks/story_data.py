"""Labelled corpora for story grouping, analysed as the indexer analyses them.

Each loader returns ``(articles, truth)``: newsdesk ``Article``s read by the
real readers, and each article's gold story (multi-source folder, ECB+ topic x
subtopic, BBC category, or the seeds' round of talks). :func:`analysed` runs
the real per-article analysis (spaCy mentions and facts) once per article and
keeps the results in a cache folder, so the stories can be grouped again and
again from the same inputs the corpus-wide pass uses.

    python benchmarks/story_data.py --cache /tmp/nd-stories   # fill the cache
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import json
import random
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ECB, MULTISOURCE, NER_GOLD, NEWS, ROOT  # noqa: E402
from index.model import Article  # noqa: E402
from index.readers import read, read_bytes  # noqa: E402
from index.stories import StoryInput  # noqa: E402

SEEDS = ROOT / "seeds"
CACHE = Path("/tmp/nd-stories")
# The two rounds of Istanbul talks in the seeds (file name prefixes).
SEED_STORIES = {"000": "third", "002": "third", "001": "first", "003": "first", "004": "first"}

Truth = dict[str, str]


def _read(path: Path, article_id: str) -> list[Article]:
    result, _ = read(str(path), article_id)
    return list(result.articles)


def multisource() -> tuple[list[Article], Truth]:
    """All 253 same-event folders: the folder is the story."""
    articles, truth = [], {}
    for folder in sorted(p for p in MULTISOURCE.iterdir() if p.is_dir()):
        for file in sorted(folder.glob("*.txt")):
            for article in _read(file, f"{folder.name}/{file.name}"):
                articles.append(article)
                truth[article.id] = folder.name
    return articles, truth


def ecb() -> tuple[list[Article], Truth]:
    """The ECB+ dev topics: two events of one kind per topic (topic x subtopic)."""
    articles, truth = [], {}
    for topic in sorted(p for p in ECB.iterdir() if p.is_dir()):
        gold = json.loads((topic / "gold.json").read_text(encoding="utf-8"))
        for doc in sorted(gold["docs"].values(), key=lambda d: d["file"]):
            for article in _read(topic / doc["file"], f"{topic.name}/{doc['file']}"):
                articles.append(article)
                truth[article.id] = f"{topic.name}/{doc['subtopic']}"
    return articles, truth


def bbc() -> tuple[list[Article], Truth]:
    """The 2,225 BBC articles; the truth is the category (not a story)."""
    articles, truth = [], {}
    for category in sorted(p for p in NEWS.iterdir() if p.is_dir()):
        for file in sorted(category.glob("*.txt")):
            for article in _read(file, f"bbc/{category.name}/{file.name}"):
                articles.append(article)
                truth[article.id] = category.name
    return articles, truth


def seeds() -> tuple[list[Article], Truth]:
    articles, truth = [], {}
    for file in sorted(SEEDS.glob("*.txt")):
        for article in _read(file, file.name):
            articles.append(article)
            truth[article.id] = SEED_STORIES[file.name[:3]]
    return articles, truth


def wire() -> tuple[list[Article], Truth]:
    """A day of one agency's wire: the 231 Reuters reports of the CoNLL-2003 test
    set (5-7 December 1996), one outlet, mostly one report per event, sport
    results beside politics and commodity prices. The truth is the event read
    by hand (``conll_stories.json``: sets of one event; every other document
    its own). The documents are tokenised ("Australia 's end-of-tour ."); they
    are put back into plain text as a user's file would hold it (see
    :func:`detokenised`), each line a paragraph, and read by the plain-text
    reader."""
    labels = json.loads(WIRE_LABELS.read_text(encoding="utf-8"))
    event = {n: f"same:{k}" for k, ids in enumerate(labels["same"]) for n in ids}
    articles, truth = [], {}
    for line in WIRE_DOCS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        data = detokenised(doc["text"]).encode("utf-8")
        name = f"wire/{doc['doc_id']:03d}.txt"
        for article in read_bytes(data, name, hashlib.sha1(data).hexdigest()).articles:
            articles.append(article)
            truth[article.id] = event.get(doc["doc_id"], article.id)
    return articles, truth


WIRE_LABELS = Path(__file__).with_name("conll_stories.json")
WIRE_DOCS = NER_GOLD / "conll_test_docs.jsonl"


@functools.cache
def wire_unsure() -> tuple[frozenset[str], ...]:
    """Sets of wire documents that may or may not be one story to a reader:
    pairs within one are not scored."""
    labels = json.loads(WIRE_LABELS.read_text(encoding="utf-8"))
    return tuple(frozenset(f"wire/{n:03d}.txt" for n in ids) for ids in labels["unsure"])


def detokenised(text: str) -> str:
    """CoNLL's tokens joined back as text is written: no space before
    punctuation or a clitic, none inside quotes or brackets; the headline loses
    the full stop the tokeniser gave every line; lines become paragraphs."""
    out = []
    for n, line in enumerate(text.split("\n")):
        line = re.sub(r" ([.,:;!?%)\]])", r"\1", line)
        line = re.sub(r"([(\[$]) ", r"\1", line)
        line = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", line)
        line = re.sub(r'" (.*?) "', r'"\1"', line)
        if n == 0 and line.endswith("."):
            line = line[:-1].rstrip()
        out.append(line)
    return "\n\n".join(out) + "\n"


def sample(ids: list[str], count: int, seed: int = 7) -> list[str]:
    """``count`` article ids picked at random with a fixed seed, in order."""
    return sorted(random.Random(seed).sample(sorted(ids), min(count, len(ids))))


LOADERS = {"multisource": multisource, "ecb": ecb, "bbc": bbc, "seeds": seeds, "wire": wire}


def analysed(name: str, articles: list[Article], cache: Path = CACHE) -> dict[str, dict[str, Any]]:
    """The stored blobs (article, mentions, facts) the corpus-wide pass reads,
    analysed once and kept in ``cache/<name>.json.gz`` by content. The model's
    spans are kept beside each (as the index keeps them), so that a new version
    of the rules analyses the corpus again without running the model."""
    from index.analysis import Analysis
    from index.article_analysis import stored_parts

    analysis = Analysis(processes=1)  # one core: the machine is shared
    path = cache / f"{name}.json.gz"
    stored: dict[str, Any] = {}
    if path.exists():
        stored = json.loads(gzip.decompress(path.read_bytes()))
    stamp = {a.id: _stamp(analysis.key, a) for a in articles}
    missing = [a for a in articles if stored.get(a.id, {}).get("stamp") != stamp[a.id]]
    if missing:
        print(f"{name}: analysing {len(missing)} articles", file=sys.stderr)
        known = {a.id: stored[a.id]["spans"] for a in missing if stored.get(a.id, {}).get("spans")}
        for article, found in zip(missing, analysis.analyse(missing, known=known), strict=True):
            blob, spans = stored_parts(article, found)
            stored[article.id] = {"stamp": stamp[article.id], "blob": blob, "spans": spans}
        analysis.close()
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(json.dumps(stored).encode()))
    return {a.id: stored[a.id]["blob"] for a in articles}


def _stamp(key: str, article: Article) -> str:
    return hashlib.sha1(f"{key}\0{article.text}".encode()).hexdigest()


def load(name: str, cache: Path = CACHE) -> tuple[dict[str, dict[str, Any]], Truth]:
    """One labelled corpus with its analyses."""
    articles, truth = LOADERS[name]()
    return analysed(name, articles, cache), truth


def story_inputs(blobs: dict[str, dict[str, Any]], before: bool = False) -> list[StoryInput]:
    """The grouping's inputs as the corpus-wide pass builds them (first entity
    merge, then ``summary.story_inputs``); ``before`` with the figure tokens of
    the hand-weighted grouping."""
    from index.corpus_pass import story_inputs_of

    found = story_inputs_of(blobs)
    if not before:
        return found
    from benchmarks.stories_dense import figure_before
    from index.facts import unify_keys

    keys = {f["key"] for blob in blobs.values() for f in blob.get("facts", []) if f.get("key")}
    unified = unify_keys(keys)
    return [
        replace(
            item,
            figures=frozenset(
                figure
                for f in blobs[item.id].get("facts", [])
                if (figure := figure_before(f, unified))
            ),
        )
        for item in found
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("names", nargs="*", default=list(LOADERS))
    args = parser.parse_args()
    for name in args.names:
        blobs, truth = load(name, args.cache)
        print(f"{name}: {len(blobs)} articles, {len(set(truth.values()))} gold groups")


if __name__ == "__main__":
    main()
