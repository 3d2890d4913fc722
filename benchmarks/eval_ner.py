"""Named-entity accuracy of find_mentions on the CoNLL-2003 test documents.

    python benchmarks/eval_ner.py [--model NAME] [--limit N]

spaCy's OntoNotes labels are mapped to CoNLL's four (PER, ORG, LOC, MISC; dates and
numbers dropped) and compared by exact span and label, micro-averaged, against both
the CoNLL++ corrections (``entities``) and the original labels (``entities_original``).
The texts are Reuters 1996 newswire with headlines and sports tables, so expect lower
figures than on prose articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NER_GOLD, require, timed  # noqa: E402
from index import nlp  # noqa: E402

CONLL = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    **dict.fromkeys(("NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"), "MISC"),
}
LABELS = ("PER", "ORG", "LOC", "MISC")
Span = tuple[int, int, int, str]  # doc, start, end, label


def predicted(docs: list[dict], model: str | None) -> tuple[float, set[Span]]:
    """Mapped predictions for every document, and the seconds it took."""
    seconds, found = timed(lambda: nlp.find_mentions([d["text"] for d in docs], model))
    spans = {
        (doc["doc_id"], m.start, m.end, CONLL[m.label])
        for doc, mentions in zip(docs, found, strict=True)
        for m in mentions
        if m.label in CONLL
    }
    return seconds, spans


def gold(docs: list[dict], field: str) -> set[Span]:
    return {(d["doc_id"], e["start"], e["end"], e["label"]) for d in docs for e in d[field]}


def scores(guess: set[Span], truth: set[Span]) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and the number of gold spans."""
    hits = len(guess & truth)
    precision = hits / len(guess) if guess else 0.0
    recall = hits / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1, len(truth)


def report(name: str, guess: set[Span], truth: set[Span]) -> None:
    print(f"\n{name}")
    print(f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}")
    rows = [("overall", guess, truth)] + [
        (label, {s for s in guess if s[3] == label}, {s for s in truth if s[3] == label})
        for label in LABELS
    ]
    for label, g, t in rows:
        p, r, f, n = scores(g, t)
        print(f"{label:<8}{p:>8.3f}{r:>8.3f}{f:>8.3f}{n:>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy model (default: NEWSDESK_MODEL)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()
    path = require(NER_GOLD / "conll_test_docs.jsonl")
    with path.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines if line.strip()][: args.limit]
    nlp.load(nlp.model_name(args.model))  # loading is not part of the speed figure
    seconds, guess = predicted(docs, args.model)
    print(f"model: {nlp.model_name(args.model)}  documents: {len(docs)}")
    print(f"speed: {len(docs) / seconds:.1f} docs/s ({seconds:.1f} s)")
    print(f"predicted labels: {dict(sorted(Counter(s[3] for s in guess).items()))}")
    report("CoNLL++ (entities)", guess, gold(docs, "entities"))
    report("CoNLL-2003 original (entities_original)", guess, gold(docs, "entities_original"))


if __name__ == "__main__":
    main()
