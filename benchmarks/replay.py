"""An :class:`~index.analysis.Analysis` that reuses the NER of the BBC originals.

Generated copies (see :mod:`benchmarks.scale_corpus`) keep every word at its
offset, so the spaCy mentions of ``bbc/tech/001.txt`` fit ``copy007/tech/001.txt``
too. Running spaCy once per original instead of once per copy makes a 100,000
article index with entities, facts, stories and cross-source views buildable in
benchmark time; everything after NER (facts, passage fields, the corpus-wide
summary) runs for real. The key is the real analysis key, so the reader opens
the index as up to date with a plain ``Analysis()``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.scale_corpus import base_id
from index.analysis import Analysis, Known, Tick
from index.model import Article, Mention


class ReplayAnalysis(Analysis):
    """Analysis whose NER step looks mentions up by original article (cached on disk)."""

    def __init__(self, cache: Path, processes: int | None = None) -> None:
        super().__init__(processes=processes)
        self.cache_path = cache
        self.cache: dict[str, list[dict]] = json.loads(cache.read_text()) if cache.exists() else {}

    def _analyse(
        self, articles: Sequence[Article], progress: Tick, known: Known
    ) -> list[dict[str, Any]]:
        """Always in this process: a worker process would run a plain
        :class:`Analysis`, whose NER is spaCy's on every copy, and the cache
        would stay empty."""
        return self._analyse_here_in_chunks(articles, progress, known)

    def _mentions(
        self, articles: Sequence[Article], known: dict[str, Any] | None = None
    ) -> tuple[list[list[Mention]], list[dict[str, Any]]]:
        """The originals' mentions, each copy's text at their offsets; no pieces
        of text read by the model are kept beside them (``known`` is not read)."""
        missing = {base_id(a.id): a for a in articles if base_id(a.id) not in self.cache}
        if missing:
            found, _read = super()._mentions(list(missing.values()), {})
            for key, mentions in zip(missing, found, strict=True):
                self.cache[key] = [asdict(m) for m in mentions]
            self.cache_path.write_text(json.dumps(self.cache))
        result = []
        for article in articles:
            mentions = []
            for m in self.cache[base_id(article.id)]:
                text = article.text[m["start"] : m["end"]]
                mentions.append(Mention(m["start"], m["end"], text, m["kind"], m["label"]))
            result.append(mentions)
        return result, [{} for _ in articles]
