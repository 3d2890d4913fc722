"""Story grouping at scale: the sparse grouping against the dense one it replaced.

    python benchmarks/bench_stories.py --corpus DIR [--dense] [--mentions FILE]

Groups the articles of a generated corpus (see scale_corpus.py) with
``index.stories.group`` (or, with ``--dense``, the old n x n version kept in
``stories_dense.py``) and prints the time and the peak memory. Entities come
from the replayed NER of the originals when ``--mentions`` names the cache
(see replay.py); figures are the numbers the text states. Prints one
``RESULT`` JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import timed  # noqa: E402
from benchmarks.harness import emit, peak_rss_mb  # noqa: E402
from benchmarks.scale_corpus import base_id, files_of  # noqa: E402
from index.stories import StoryInput  # noqa: E402

_FIGURE = re.compile(r"\d[\d,.]*(?:bn|m|%)?")
NAMED = ("person", "organisation", "place", "event")


def inputs(corpus: Path, mentions: dict[str, list[dict]]) -> list[StoryInput]:
    found = []
    for file in files_of(corpus):
        article_id = str(file.relative_to(corpus))
        text = file.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        entities = frozenset(
            text[m["start"] : m["end"]].lower()
            for m in mentions.get(base_id(article_id), ())
            if m["kind"] in NAMED
        )
        figures = frozenset(_FIGURE.findall(body))
        found.append(StoryInput(article_id, body, None, entities, figures, title))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--dense", action="store_true")
    parser.add_argument("--mentions", type=Path, default=None)
    args = parser.parse_args()
    if args.dense:
        from benchmarks.stories_dense import group
    else:
        from index.stories import group
    mentions = json.loads(args.mentions.read_text()) if args.mentions else {}
    articles = inputs(args.corpus, mentions)
    base_rss = peak_rss_mb()
    cpu = time.process_time()
    seconds, stories = timed(lambda: group(articles))
    cpu = time.process_time() - cpu
    sizes = sorted((len(s) for s in stories), reverse=True)  # type: ignore[union-attr]
    emit(
        {
            "articles": len(articles),
            "seconds": seconds,
            "cpu_seconds": cpu,
            "stories": len(sizes),
            "largest": sizes[:3],
            "inputs_rss_mb": base_rss,
            "peak_rss_mb": peak_rss_mb(),
        }
    )


if __name__ == "__main__":
    main()
