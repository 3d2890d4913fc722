"""Articles per second through find_mentions, one process against two.

    python benchmarks/bench_nlp.py [--limit N] [--batch-size B] [--passages]

Runs the BBC news corpus through NER with n_process=1 and n_process=2 and prints
the ratio. Model loading is outside the timing (the indexer loads it once), but
the second run's worker start-up is inside it, since every indexing run pays it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWS, cpu_seconds, require, timed  # noqa: E402
from index import nlp  # noqa: E402


def articles(limit: int | None) -> list[str]:
    files = sorted(f for f in require(NEWS).rglob("*.txt") if f.name != "README.TXT")
    return [f.read_text(encoding="utf-8", errors="replace") for f in files[:limit]]


def paragraphs(texts: list[str]) -> list[str]:
    """What the indexer sends: one text per passage."""
    return [p for text in texts for p in text.split("\n") if p.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--passages", action="store_true", help="send paragraphs, not articles")
    args = parser.parse_args()
    texts = articles(args.limit)
    inputs = paragraphs(texts) if args.passages else texts
    nlp.load(nlp.model_name())
    print(f"articles: {len(texts)}  texts sent: {len(inputs)}  cores: {os.cpu_count()}")
    rates = {}
    for processes in (1, 2):
        used = nlp.processes_for(len(inputs), processes)
        cpu = cpu_seconds()
        seconds, found = timed(
            lambda n=processes: nlp.find_mentions(inputs, n_process=n, batch_size=args.batch_size)
        )
        cpu = cpu_seconds() - cpu
        rates[processes] = len(texts) / seconds
        mentions = sum(len(m) for m in found)  # type: ignore[union-attr]
        print(
            f"n_process={processes} (ran {used}): {seconds:.1f} s  "
            f"{rates[processes]:.1f} articles/s  {mentions} mentions  "
            f"CPU {cpu:.1f} s ({1000 * cpu / len(texts):.0f} ms/article)"
        )
    print(f"ratio 2/1: {rates[2] / rates[1]:.2f}  (load average now: {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
