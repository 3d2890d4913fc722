"""Search as you type, in a modal over the reader.

Each keystroke starts a thread worker (exclusive, so older searches are
cancelled) and results for a query the user has since changed are dropped:
the pattern of Textual's ``examples/dictionary.py``. While typing, the last
word is also tried as a prefix (``prison`` finds ``prisoners`` before the
word is complete).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from index.errors import QueryError
from index.library import Library
from index.model import Hit, SearchResult
from index.safety import clean_line

from .. import render

LIMIT = 50
# Seconds a keystroke's first search may take before it shows the best found so far.
FIRST_RESULTS_BUDGET = 0.03


@dataclass(frozen=True)
class SearchOutcome:
    """What the reader needs back: the query, its hits, and the one chosen."""

    query: str
    hits: tuple[Hit, ...]
    index: int

    @property
    def hit(self) -> Hit:
        return self.hits[self.index]


class SearchScreen(ModalScreen[SearchOutcome | None]):
    """A query box and its results; Enter opens the article at the passage."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="search.close"),
        Binding("down", "results", "Results", show=False, id="search.results"),
    ]

    @dataclass
    class Results(Message):
        """Results (or the error) of one query, posted from the search worker."""

        query: str
        result: SearchResult | None
        error: str | None = None

    def __init__(
        self,
        library: Library,
        query: str = "",
        titles: Mapping[str, Text] | None = None,
        building: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self.library = library
        self.building = building  # the first index is still being built
        self.initial = query
        self.titles = dict(titles or {})
        self.hits: tuple[Hit, ...] = ()
        self.shown = ""  # the query whose hits are listed

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog", classes="dialog"):
            yield Input(
                self.initial,
                placeholder='Search passages: prisoners, "prisoners of war", source:EFE talks',
                id="search-input",
            )
            yield Static(
                Text("Type to search; Enter opens, Esc closes.", style="dim"), id="search-status"
            )
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.cursor_blink = False  # no redraw every half second over SSH
        self.set_focus(box)
        if self.initial:
            self.search(self.initial)

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.search(event.value)

    def search(self, query: str) -> None:
        if query.strip():
            self._run(query)
        else:
            self.workers.cancel_group(self, "search")
            self._show(SearchResult(0, ()), "")

    @work(thread=True, exclusive=True, group="search")
    def _run(self, query: str) -> None:
        """The best passages found within a moment first, then all of them; a
        newer keystroke cancels this worker, which stops its search."""
        worker = get_current_worker()
        budget: float | None = FIRST_RESULTS_BUDGET
        while True:
            # The first, time-boxed search also stops when the user types on;
            # the full one (exact totals) runs to its end.
            stop = (lambda: worker.is_cancelled) if budget is not None else None
            try:
                result, error = (
                    self.library.search_as_typed(query, LIMIT, budget=budget, stop=stop),
                    None,
                )
            except QueryError as problem:
                result, error = None, str(problem)
            if worker.is_cancelled:
                return
            self.post_message(self.Results(query.strip(), result, error))
            if result is None or result.complete or budget is None:
                return
            budget = None

    @on(Results)
    def _results(self, message: Results) -> None:
        if message.query != self.query_one(Input).value.strip():
            return  # stale: the user typed on since this search started
        if message.error is not None:
            self.query_one("#search-status", Static).update(
                Text.assemble(("✗ ", "bold red"), clean_line(message.error))
            )
            return
        assert message.result is not None
        self._show(message.result, message.query)

    def _show(self, result: SearchResult, query: str) -> None:
        # The same hits again (the search re-run, as when the box reopens with
        # the last query): the list and its highlight stay where the user moved it.
        unchanged = bool(result.hits) and result.hits == self.hits
        previous, self.hits = self.hits, result.hits
        noun = "passage matches" if result.total == 1 else "passages match"
        status = f"{result.total} {noun}" if query else "Type to search"
        if query and not result.complete:
            status = f"{result.total}+ passages match so far, still searching…"
        elif query and result.total > len(result.hits):
            status += f" (best {len(result.hits)} shown)"
        if query and self.building():
            status = (
                f"{status} among the articles indexed so far: the index is still being built"
                if result.total
                else "Not ready yet: the index is still being built. Search again when it is "
                "done (its progress is at the top of the reader)."
            )
        self.query_one("#search-status", Static).update(Text(status, style="dim"))
        if unchanged:
            return
        # A longer list replacing the first results (the full search finishing
        # after the user moved down the list): the highlight stays on the hit the
        # user chose, where it is still listed, so Enter opens what they see.
        was = self.results.highlighted if query == self.shown else None
        chosen = (
            (previous[was].article_id, previous[was].passage)
            if was and was < len(previous)
            else None
        )
        self.shown = query
        places = [(hit.article_id, hit.passage) for hit in self.hits]
        options: list[Option | None] = []
        for hit in self.hits:
            options += [Option(render.hit_text(hit, self.titles.get(hit.article_id))), None]
        self.results.set_options(options[:-1])
        if self.hits:
            self.results.highlighted = places.index(chosen) if chosen in places else 0

    def action_results(self) -> None:
        if self.hits:
            self.results.focus()

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        self._choose(self.results.highlighted or 0)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.hits):
            query = self.query_one(Input).value.strip()
            self.dismiss(SearchOutcome(query, self.hits, index))
