"""Entities, stories and facts measured in one run: every figure of entity
merging, story grouping and the cross-source comparison, one after the other.

    python benchmarks/eval_analysis.py [--cache DIR] [--skip-bbc]

Runs ``eval_entities.py`` on the ECB+ topics and CoNLL (recognition, B3 of
the merged entities beside both baselines, typed F1), then ``eval_stories.py``
(ARI and purity on the multi-source clusters and the ECB+ dev topics mixed,
cross-validated, beside a TF-IDF baseline; the seeds among 100 and 1,000
unrelated BBC articles; BBC stories spanning categories) and then
``eval_facts.py`` on the held-out half, the tuned half and all
clusters of the multi-source folders and of the ECB+ dev events (precision of
differ and agree against the labelled pairs, true differences lost), each in a
process of its own, and exits non-zero if any of them fails. With
``NEWSDESK_ECB`` or ``NEWSDESK_MULTISOURCE`` set, each measures those folders
(see benchmarks/README.md, "Measuring on folders nobody tuned on").
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", help="eval_stories.py's cache of analyses")
    parser.add_argument("--skip-bbc", action="store_true", help="only the labelled corpora")
    args = parser.parse_args()
    stories = [sys.executable, str(HERE / "eval_stories.py")]
    if args.cache:
        stories += ["--cache", args.cache]
    if args.skip_bbc:
        stories.append("--skip-bbc")
    entities = [sys.executable, str(HERE / "eval_entities.py"), "--skip", "bbc,multisource,seeds"]
    runs = [("Entities", entities), ("Stories", stories)]
    for corpus in ("multisource", "ecb"):
        for split in ("test", "tune", "all"):
            facts = [sys.executable, str(HERE / "eval_facts.py"), "--corpus", corpus]
            runs.append((f"Facts, {corpus}, {split} clusters", [*facts, "--split", split]))
    failed = 0
    for title, command in runs:
        print(f"\n## {title}\n", flush=True)
        failed |= subprocess.run(command, check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
