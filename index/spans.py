"""Sets of character spans that answer "does this overlap one?" in log time.

Fact and mention rules keep the spans they have taken and test each new one
against them; a list scanned at every test made one long passage quadratic
(a page of 20,000 names took minutes), so they use these instead.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

Span = tuple[int, int]


class SpanSet:
    """Spans, possibly nested or overlapping, kept sorted by start with the
    furthest end reached so far, so an overlap test is one bisection. Adding
    in text order (the usual case) appends; adding before the last start inserts."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end of any span starting at or before
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a span of the set."""
        index = bisect_left(self.starts, end) - 1
        return index >= 0 and self.reach[index] > start

    def covers(self, position: int) -> bool:
        """Whether a span of the set holds ``position``."""
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and self.reach[index] > position

    def add(self, start: int, end: int) -> None:
        index = bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.reach.insert(index, max(end, self.reach[index - 1]) if index else end)
        for k in range(index + 1, len(self.reach)):  # only grows when spans nest
            if self.reach[k] >= self.reach[index]:
                break
            self.reach[k] = self.reach[index]
