"""Where entity merging loses B3 on the ECB+ dev topics, entity by entity.

    python benchmarks/entity_errors.py [--type LOC] [--names] [--topics 1,3] [--most 40]

Runs newsdesk's analysis on each topic as ``eval_entities.py`` does (the
model's spans cached in the same folder) and maps each named gold mention to
the entity of the predicted mention that overlaps it most. It then lists:

- every gold entity newsdesk splits, with the found entities its mentions
  went to (their names, kinds and the spellings of each share), weighted by
  the B3 recall it costs (mentions times one less the sum of squared shares);
- every found entity that mixes gold entities, weighted by the B3 precision it
  costs the same way.

``--type`` keeps gold entities of one type (PER, ORG, LOC, OTHER); ``--names``
keeps proper names only (see ``eval_entities.proper_names``), leaving out
descriptions such as "a Paris jewelry store". Read the lists beside the
articles: much of what a split or a mix costs is the gold's own grouping (an
event's place annotated as one entity with its region), which no rule should
copy.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import eval_entities as ev  # noqa: E402

from benchmarks.common import ECB, require  # noqa: E402


def _cost(counts: Counter[Any]) -> float:
    """Mentions times one less the sum of squared shares: what B3 loses."""
    total = sum(counts.values())
    return total - sum(n * n for n in counts.values()) / total


def _spellings(mentions: Iterable[dict[str, Any]]) -> list[str]:
    """The first few spellings of some gold mentions, in order."""
    return sorted({m["text"] for m in mentions})[:4]


def errors(
    folder: Path, kind: str | None, names_only: bool
) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """The splits and the mixes of one topic, each with its cost and a line."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    files = [(d["file"], folder / d["file"]) for d in gold["docs"].values()]
    state, _, _ = ev.analyse(sorted(files))
    mentions = ev.gold_mentions(gold)
    if names_only:
        texts = {f: p.read_text(encoding="utf-8") for f, p in files}
        mentions = ev.proper_names(mentions, texts)
    guesses = ev.predicted_entities(state, mentions)
    found = {e["id"]: f"{e['name']} ({e['label']})" for e in state["entities"]}
    by_gold: dict[str, list[tuple[dict[str, Any], str | None]]] = defaultdict(list)
    by_found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mention, guess in zip(mentions, guesses, strict=True):
        by_gold[mention["gold"]].append((mention, guess))
        if guess is not None:
            by_found[guess].append(mention)
    topic = f"topic {gold['topic']}"
    splits = []
    for pairs in by_gold.values():
        if kind and pairs[0][0]["type"] != kind:
            continue
        shares = Counter(guess for _, guess in pairs)
        if len(shares) > 1:
            parts = "; ".join(
                f"{found.get(g, 'not found') if g else 'not found'} x{n} "
                f"[{', '.join(_spellings(m for m, x in pairs if x == g))}]"
                for g, n in shares.most_common()
            )
            splits.append((_cost(shares), f"{topic}: {parts}"))
    mixes = []
    for guess, members in by_found.items():
        if kind and not any(m["type"] == kind for m in members):
            continue
        shares = Counter(m["gold"] for m in members)
        if len(shares) > 1:
            parts = "; ".join(
                f"{g} x{n} [{', '.join(_spellings(m for m in members if m['gold'] == g))}]"
                for g, n in shares.most_common()
            )
            mixes.append((_cost(shares), f"{topic}, {found[guess]}: {parts}"))
    return splits, mixes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--type", choices=("PER", "ORG", "LOC", "OTHER"))
    parser.add_argument("--names", action="store_true", help="proper names only")
    parser.add_argument("--topics", help="comma-separated ECB+ topic numbers (default: all)")
    parser.add_argument("--most", type=int, default=40, help="lines of each list")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-eval-cache"))
    args = parser.parse_args()
    require(ECB)
    cache = ev.SpanCache(Path(args.cache) if args.cache else None)
    ev.nlp.model_spans = cache  # type: ignore[assignment]
    splits, mixes = [], []
    for folder in ev.topic_folders(args.topics):
        found = errors(folder, args.type, args.names)
        splits += found[0]
        mixes += found[1]
    cache.save()
    for title, rows in (
        ("gold entities split", splits),
        ("found entities mixing gold ones", mixes),
    ):
        rows.sort(key=lambda row: -row[0])
        print(f"== {title}: {len(rows)}, B3 mentions lost {sum(c for c, _ in rows):.1f}")
        for cost, line in rows[: args.most]:
            print(f"{cost:6.1f}  {line}")


if __name__ == "__main__":
    main()
