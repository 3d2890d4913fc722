"""Search as you type, in a modal over the reader.

Each keystroke starts a thread worker (exclusive, so older searches are
cancelled) and results for a query the user has since changed are dropped:
the pattern of Textual's ``examples/dictionary.py``. While typing, the last
word is also tried as a prefix (``prison`` finds ``prisoners`` before the
word is complete). A query that finds nothing is offered close spellings the
corpus holds ("Did you mean: Zelensky, Zelenskyy?"), the first a key away.
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
SUGGESTION, SUGGESTION_KEY = "search.suggestion", "ctrl+y"  # free in the search box


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
        Binding(SUGGESTION_KEY, "suggestion", "Search the suggested spelling", id=SUGGESTION),
    ]

    @dataclass
    class Results(Message):
        """Results (or the error) of one query, posted from the search worker."""

        query: str
        result: SearchResult | None
        error: str | None = None
        suggestions: tuple[str, ...] = ()  # close spellings, when nothing was found

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
        self.suggestions: tuple[str, ...] = ()  # for the query shown, which found nothing

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
            suggestions = self._suggestions(query, result)
            if worker.is_cancelled:
                return
            self.post_message(self.Results(query.strip(), result, error, suggestions))
            if result is None or result.complete or budget is None:
                return
            budget = None

    def _suggestions(self, query: str, result: SearchResult | None) -> tuple[str, ...]:
        """Close spellings for a whole search that found nothing (not while the
        first index is built: the article may not be in it yet)."""
        if result is None or result.total or not result.complete or self.building():
            return ()
        try:
            return tuple(self.library.suggest(query.strip()))
        except Exception:  # a suggestion is a help, never a failure of the search
            return ()

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
        self._show(message.result, message.query, message.suggestions)

    def _show(self, result: SearchResult, query: str, suggestions: tuple[str, ...] = ()) -> None:
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
        self.suggestions = suggestions if query and not result.total else ()
        shown = Text(status, style="dim")
        if self.suggestions:
            shown = self._did_you_mean()
        self.query_one("#search-status", Static).update(shown)
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

    def _did_you_mean(self) -> Text:
        """``No passages match. Did you mean: Zelensky, Zelenskyy? (Ctrl+Y: Zelensky)``,
        the suggestions as plain text (they are the corpus's words)."""
        bound = (k for k, a in self.active_bindings.items() if a.binding.id == SUGGESTION)
        key = self.app.get_key_display(Binding(next(bound, SUGGESTION_KEY), ""))
        text = Text("No passages match. Did you mean: ", style="dim")
        for number, suggestion in enumerate(self.suggestions):
            if number:
                text.append(", ", style="dim")
            text.append(clean_line(suggestion), style="bold")
        text.append(f"? ({key}: {clean_line(self.suggestions[0])})", style="dim")
        return text

    def action_suggestion(self) -> None:
        """Search the first close spelling offered, in place of the query typed."""
        if not self.suggestions:
            return
        box = self.query_one(Input)
        box.value = self.suggestions[0]
        box.cursor_position = len(box.value)
        box.focus()

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
