"""A quality floor on real cross-document gold: the B3 F1 of the canonical entities
on ECB+ dev topics, read from the shared data and skipped where it is absent."""

from __future__ import annotations

import json

import pytest

from .conftest import ROOT

# -- quality floor on real gold ---------------------------------------------------------------


ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("topic", "floor"),
    [(1, 0.825), (3, 0.87), (10, 0.91), (19, 0.915), (28, 0.93), (29, 0.90), (35, 0.955)],
)
def test_cross_document_merging_keeps_its_quality_on_real_gold(topic, floor):
    """B3 F1 of the canonical entities over ECB+ named gold mentions of a dev topic
    (benchmarks/eval_entities.py prints every topic); a missed mention is a singleton."""
    folder = ECB / f"topic{topic:02d}"
    if not folder.exists():
        pytest.skip(f"{folder} is not available")
    from benchmarks.eval_entities import analyse, b3, gold_mentions, predicted_entities

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    state, _, _ = analyse(sorted((d["file"], folder / d["file"]) for d in gold["docs"].values()))
    mentions = gold_mentions(gold)
    guess = predicted_entities(state, mentions)
    found = sum(g is not None for g in guess) / len(mentions)
    scores = b3([m["gold"] for m in mentions], [g or f"missed-{i}" for i, g in enumerate(guess)])
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall)
    assert found >= 0.85
    assert f1 >= floor, f"topic {topic}: B3 F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f})"
