"""The marked articles and passages: jump to one, or unmark it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..state import Mark, Position

EMPTY = "Nothing is marked yet: b marks the passage under the cursor, B the whole article."
LEGEND = "Enter: go there · u: unmark · x: export · Esc: close"

# A mark and how it is listed (outlet, title, passage and its first words).
Listed = tuple[Mark, Text]


class MarksScreen(ModalScreen[Position | None]):
    """Every mark of the corpus, oldest first; Enter opens it."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="marks.close"),
        Binding("u,delete", "unmark", "Unmark", id="marks.unmark"),
        Binding("x", "export", "Export the marks", id="marks.export"),
    ]
    DEFAULT_CSS = """
    MarksScreen #marks-list { height: 1fr; }
    """

    def __init__(
        self, marks: Sequence[Listed], unmark: Callable[[Mark], None], export: Callable[[], None]
    ) -> None:
        super().__init__()
        self.marks = list(marks)
        self._unmark = unmark
        self._export = export

    def compose(self) -> ComposeResult:
        with Vertical(id="marks-dialog", classes="dialog"):
            yield Static(Text(f"Marks  {len(self.marks)}", style="bold"), id="marks-title")
            yield OptionList(id="marks-list")
            yield Static(Text(LEGEND if self.marks else EMPTY, style="dim"), id="marks-legend")

    def on_mount(self) -> None:
        self._list()
        self.query_one(OptionList).focus()

    def _list(self, highlighted: int = 0) -> None:
        options = self.query_one(OptionList)
        options.set_options([Option(text) for _, text in self.marks])
        self.query_one("#marks-title", Static).update(
            Text(f"Marks  {len(self.marks)}", style="bold")
        )
        if self.marks:
            options.highlighted = min(highlighted, len(self.marks) - 1)
        else:
            self.query_one("#marks-legend", Static).update(Text(EMPTY, style="dim"))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        mark = self.marks[event.option_index][0]
        self.dismiss(Position(mark.article_id, mark.passage or 1))

    def action_unmark(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or not self.marks:
            return
        mark, _ = self.marks.pop(index)
        self._unmark(mark)
        self._list(index)

    def action_export(self) -> None:
        self._export()
