"""The index stays within a small multiple of what it holds across updates.

Every run that changes a file writes the corpus-wide state, the views and the
catalog again; the copies they replace stayed on disk until Whoosh merged
their segment, which it seldom did for a large one (2.3 MB of articles had
105 MB of index after three partial updates).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from index.library import Library


class _BulkyAnalysis:
    """Stands in for NLP: a corpus-wide state and views as large, and as hard
    to compress, as real ones are next to their articles."""

    key = "bulky/1"

    def analyse(self, articles):
        return [{"mentions": [], "facts": []} for _ in articles]

    def summarise(self, analyses):
        views = {aid: {"1": {"related": os.urandom(400).hex()}} for aid in analyses}
        return {"views": views, "entities": [os.urandom(2_000).hex() for _ in range(60)]}

    def expander(self, state):
        return lambda field, value: (value, [])


def _size(folder: Path) -> int:
    return sum(entry.stat().st_size for entry in os.scandir(folder) if entry.is_file())


def _article(number: int, version: int) -> str:
    rng = random.Random(number * 100 + version)
    words = ["talks", "prisoners", "exchange", "ceasefire", "delegation", "minister", "meeting"]
    body = "\n\n".join(" ".join(rng.choice(words) for _ in range(60)) for _ in range(5))
    return f"Report {number}, version {version}\n\n{body}\n"


def test_partial_updates_keep_the_index_within_a_small_multiple(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(40):
        (corpus / f"a{number:02}.txt").write_text(_article(number, 0))
    library = Library([corpus], tmp_path / "index", analysis=_BulkyAnalysis())
    library.update()
    first = _size(tmp_path / "index")
    sizes = []
    for run in range(1, 11):
        for number in (run, run + 20):
            (corpus / f"a{number:02}.txt").write_text(_article(number, run) + f"edition{run}\n")
        summary = library.update()
        assert sorted(summary.updated) == [f"a{run:02}.txt", f"a{run + 20:02}.txt"]
        sizes.append(_size(tmp_path / "index"))
    # Ten runs each rewrote about a third of the index: without merging it
    # would hold four times what it did; it stays within about twice.
    assert max(sizes) < 2.5 * first, (first, sizes)
    # Merging lost nothing: every article, each found by its last words.
    assert len(library.articles()) == 40
    for run in (1, 9, 10):
        found = {h.article_id for h in library.search(f"edition{run}").hits}
        assert found == {f"a{run:02}.txt", f"a{run + 20:02}.txt"}
