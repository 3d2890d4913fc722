"""What an indexing run tells its caller as it goes, and how long is left.

A first index of a few thousand articles takes minutes, most of it NLP. The
run reports every stage (listing the folders, reading files, analysing them,
the corpus-wide comparison, writing the cross-source views, saving) with its
counts, so a caller never shows a silent phase; :class:`Estimate` turns the
counts into the time left. Events are plain values: the same ones cross the
pipe from an indexing process (``index.update_process``) to the reader.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

# The stages, in the order a run goes through them. Reading, analysing and
# "readable" repeat for each batch of files; the rest happen once per run.
LISTING = "listing"  # walking the folders: done = files found
READING = "reading"  # done/total = files read
ANALYSING = "analysing"  # done/total = files whose articles are analysed
READABLE = "readable"  # a first index committed a batch: done = files that can be read
SEARCHABLE = (
    "searchable"  # an update committed its articles, not yet compared: done = total = files
)
COMPARING = "comparing"  # the corpus-wide pass: total = articles (one step)
WRITING = "writing"  # done/total = cross-source views written
SAVING = "saving"  # the last commit: done = total = files

# Called with (done, total, what, stage); ``what`` is the file being read, if any.
Progress = Callable[..., None]
EVERY = 0.2  # seconds between two reports of one stage (a new stage and done = total always go)


@dataclass
class Reporter:
    """Sends progress to ``progress`` no more often than :data:`EVERY` per stage,
    so thousands of files do not flood the pipe or the screen."""

    progress: Progress | None
    _stage: str = ""
    _sent: float = 0.0

    def __call__(self, done: int, total: int, what: str, stage: str) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if stage == self._stage and done < total and now - self._sent < EVERY:
            return
        self._stage, self._sent = stage, now
        self.progress(done, total, what, stage)


# Stages whose counts are files, one estimate across them: batches take turns.
FILE_STAGES = frozenset({READING, ANALYSING, READABLE})


def phase(stage: str) -> str:
    """The stage an estimate follows: reading and analysing batches are one."""
    return "files" if stage in FILE_STAGES else stage


@dataclass
class Estimate:
    """The time left in a phase, from the rate its counts moved at so far.

    The files phase goes by the files analysed (NLP is most of the time); the
    rate is measured from the phase's first report, so start-up (loading the
    NLP model) weighs less as the counts move."""

    clock: Callable[[], float] = time.monotonic
    phase: str = ""
    started: float = 0.0
    first_done: int = -1
    done: int = 0

    def update(self, done: int, stage: str) -> None:
        if phase(stage) != self.phase:
            self.phase, self.started, self.first_done = phase(stage), self.clock(), -1
        if stage in (ANALYSING, WRITING):
            if self.first_done < 0:
                self.first_done = 0 if stage == ANALYSING else done
            self.done = done

    def elapsed(self) -> float:
        """Seconds since the current phase began."""
        return self.clock() - self.started

    def left(self, total: int) -> float | None:
        """Seconds left in the phase, or None while there is nothing to go by."""
        moved, spent = self.done - max(self.first_done, 0), self.elapsed()
        if self.first_done < 0 or moved <= 0 or spent < 1.0 or total <= self.done:
            return None
        return (total - self.done) * spent / moved


def duration(seconds: float) -> str:
    """``45 s``, ``3 min``, ``1 h 5 min``: as precise as a reader needs."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"
