"""An analysis under way in worker processes (see :class:`index.analysis.Analysis`):
one batch's articles handed over, or the corpus-wide pass, each waited for or
dropped, and that pass as a worker runs it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .article_analysis import MAX_ANALYSED_CHARS, Known, _too_long
from .model import Article

if TYPE_CHECKING:
    from .analysis import Analysis


# Told (articles analysed, of how many) as an analysis goes.
Tick = Callable[[int, int], None]


def _ignore(done: int, of: int) -> None:
    """No one to tell."""


class Analysing:
    """One batch's analysis under way (see :meth:`Analysis.start`)."""

    def __init__(
        self,
        analysis: Analysis,
        articles: list[Article],
        kept: list[Article],
        futures: list[Any] | None,
        known: Known | None = None,
    ) -> None:
        self.analysis = analysis
        self.articles = articles
        self.kept = kept  # those short enough to analyse
        self.futures = futures  # handed to the worker processes, or None: done on result()
        self.known = known or {}  # the model's spans kept, by article id

    def result(self, progress: Tick = _ignore) -> list[dict[str, Any]]:
        """Each article's analysis, in order, once all are done."""
        found: Iterator[dict[str, Any]]
        if not self.kept:
            found = iter([])
        elif self.futures is None:
            found = iter(self.analysis._analyse(self.kept, progress, self.known))
        else:
            found = iter(self.analysis._collect(self, progress))
        return [
            next(found) if len(a.text) <= MAX_ANALYSED_CHARS else {"skipped": _too_long(a)}
            for a in self.articles
        ]

    def cancel(self) -> None:
        """Drop what the workers have not done (the run stopped)."""
        if self.futures is not None:
            _drop(self.analysis, self.futures)
            self.futures = None


class Summarising:
    """The corpus-wide pass under way in a worker process (see
    :meth:`Analysis.summarise_apart`)."""

    def __init__(self, analysis: Analysis, future: Any, inputs: tuple) -> None:
        self.analysis, self.future, self.inputs = analysis, future, inputs

    def result(self) -> dict[str, Any]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.future.result()
        except BrokenProcessPool:
            # The worker died (memory): the pass is done here instead.
            self.analysis.close()
            return self.analysis.summarise(*self.inputs)

    def cancel(self) -> None:
        """Stop the pass (the run stopped): its worker is ended, not waited for."""
        _drop(self.analysis, [self.future])


def _drop(analysis: Analysis, futures: list[Any]) -> None:
    """Cancel work handed to the worker processes; where some is already under
    way, end the workers rather than wait for it."""
    for future in futures:
        future.cancel()
    if any(not future.done() for future in futures):
        analysis._abandon()


def _summarise(
    analyses: dict[str, dict[str, Any]], memo: dict[str, Any], changed: set[str]
) -> dict[str, Any]:
    """:func:`index.corpus_pass.summarise`, in a worker process."""
    from .corpus_pass import summarise

    return summarise(analyses, memo, changed)
