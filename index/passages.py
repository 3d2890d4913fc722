"""Split text into passages (paragraphs) with exact character offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Passage


def passage_key(article_id: str, number: int) -> str:
    """One passage's key in the index: what a search for given passages names."""
    return f"{article_id}#p{number}"


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"\n")


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each paragraph of ``text[start:end]``.

    A file either separates paragraphs by blank lines or puts one paragraph on
    each line; whichever this region uses decides. Surrounding white space is
    trimmed so ``text[s:e]`` is exactly the paragraph's words.
    """
    end = len(text) if end is None else end
    region = text[start:end]
    splitter = _BLANK_LINE if _BLANK_LINE.search(region) else _LINE
    spans = []
    position = 0
    for match in splitter.finditer(region):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(region)))
    return [trimmed for s, e in spans if (trimmed := _trim(region, s, e, start))]


def _trim(region: str, s: int, e: int, offset: int) -> tuple[int, int] | None:
    while s < e and region[s].isspace():
        s += 1
    while e > s and region[e - 1].isspace():
        e -= 1
    return (s + offset, e + offset) if e > s else None


def line_spans(text: str) -> Iterable[tuple[int, int]]:
    """Every line of ``text`` as ``(start, end)``, without its newline."""
    position = 0
    for match in _LINE.finditer(text):
        yield position, match.start()
        position = match.end()
    yield position, len(text)


class PassageLocator:
    """Which passage (numbered from 1) holds an offset; 0 when none does."""

    def __init__(self, passages: Mapping[str, Sequence[Passage]]) -> None:
        self.passages = {
            aid: sorted(found, key=lambda p: p.start) for aid, found in passages.items()
        }
        self.starts = {aid: [p.start for p in found] for aid, found in self.passages.items()}

    def __call__(self, article: str, offset: int) -> int:
        found = self.passages.get(article, [])
        index = bisect_right(self.starts.get(article, []), offset) - 1
        if index >= 0 and found[index].start <= offset < found[index].end:
            return found[index].number
        return 0
