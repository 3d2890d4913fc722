"""The indexing line above the panes: what a run is doing, how far it is and
how long is left, in words (see :mod:`index.progress` for the stages).

Every stage says something, even the ones with nothing to count (the
corpus-wide comparison, the last save), which count the seconds instead: a
first open of thousands of articles is minutes, and a line that stops moving
looks like a reader that hangs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text

from index.progress import (
    ANALYSING,
    COMPARING,
    LISTING,
    READABLE,
    READING,
    SAVING,
    SEARCHABLE,
    WRITING,
    Estimate,
    duration,
)
from index.safety import clean_line


@dataclass
class IndexingStatus:
    """The last progress report of a run, and the estimate made from them."""

    estimate: Estimate = field(default_factory=Estimate)
    stage: str = ""
    done: int = 0
    total: int = 0
    what: str = ""
    readable: int = -1  # articles' files readable so far on a first index (-1: not one)
    searchable: bool = False  # an update's articles are readable before they are compared

    def update(self, done: int, total: int, what: str, stage: str) -> None:
        self.estimate.update(done, stage)
        self.stage, self.done, self.total, self.what = stage, done, total, what
        if stage == READABLE:
            self.readable = done
        if stage == SEARCHABLE:
            self.searchable = True

    @property
    def counted(self) -> tuple[int, int] | None:
        """(done, total) for a progress bar; None while the stage has no count."""
        if self.stage in (COMPARING, SAVING, LISTING) or not self.total:
            return None
        return self.done, self.total

    def line(self) -> Text:
        """The line to show, as plain text (file names are cleaned, never markup)."""
        return Text(f"Indexing{self._head()}", style="bold").append(self._detail())

    def short(self) -> str:
        """The line without its first word, beside a bar that names it already."""
        return f"{self._head().lstrip(': ')}{self._detail()}"

    def _head(self) -> str:
        if self.stage == LISTING:
            return f": listing the folders, {self.done:,} files found"
        if self.stage == COMPARING:
            return f": comparing {self.total:,} articles across sources"
        if self.stage == WRITING:
            return f": writing cross-source views {self.done:,}/{self.total:,}"
        if self.stage == SAVING:
            return ": saving the index"
        if self.stage == SEARCHABLE:
            return f": {self.done:,} files indexed"
        return f" {self.done:,}/{self.total:,} files"

    def _detail(self) -> str:
        parts = []
        if self.stage == READING:
            parts.append(f"reading {clean_line(self.what)[-40:]}" if self.what else "reading")
        elif self.stage == ANALYSING:
            parts.append("analysing (entities, facts)")
        elif self.stage in (COMPARING, SAVING):
            parts.append(f"{duration(self.estimate.elapsed())} so far")
        if self.searchable and self.stage in (SEARCHABLE, COMPARING, WRITING, SAVING):
            parts.append("the new articles can be read and searched already")
        if self.readable >= 0 and self.stage in (READING, ANALYSING, READABLE):
            parts.append(f"{self.readable:,} readable")
        left = self.estimate.left(self.total)
        if left is not None and self.stage in (READING, ANALYSING, READABLE, WRITING):
            parts.append(f"about {duration(left)} left" + self._then())
        return "".join(f" · {part}" for part in parts)

    def _then(self) -> str:
        """What comes after the files on a first index, so no one waits for 0 s."""
        return ", then comparing them" if self.stage != WRITING else ""
