"""Two sources side by side: a passage and the closest passage of another outlet.

Words the other side lacks are underlined; differing numbers and names are
shown in reverse, so "1,000" against "1,200" or "Kyiv" against "Kiev" stand
out even without colour. ``d`` moves on to the next other source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from index.diffing import diff_words
from index.model import CrossSourceView, RelatedPassage
from index.safety import clean_line

from .. import render
from ..state import Position


@dataclass(frozen=True)
class Side:
    """One column: which passage, from which outlet (None: none named), and its text."""

    article_id: str
    passage: int
    source: str | None
    title: str
    text: str


def candidates(view: CrossSourceView | None, own_source: str | None, own_id: str) -> list[Side]:
    """The best related passage of each other source, best first."""
    best: dict[str, RelatedPassage] = {}
    related = view.related if view is not None else ()
    for item in sorted(related, key=lambda r: -r.score):
        # An article no outlet is named for is a source of its own, as the
        # comparison counts it: they are not one unknown outlet.
        source = item.source or item.article_id
        if item.article_id == own_id or (own_source and source == own_source):
            continue
        best.setdefault(source, item)
    return [Side(i.article_id, i.passage, i.source, i.title or "", i.text) for i in best.values()]


class DiffScreen(ModalScreen[Position | None]):
    """The current passage beside another source's; Enter opens the other one."""

    BINDINGS = [
        Binding("d", "cycle", "Next source", id="diff.next_source"),
        Binding("enter", "open", "Open other", id="diff.open"),
        Binding("escape", "dismiss(None)", "Close", id="diff.close"),
    ]

    index: reactive[int] = reactive(0, init=False)

    def __init__(self, here: Side, others: Sequence[Side]) -> None:
        super().__init__()
        self.here = here
        self.others = list(others)

    def compose(self) -> ComposeResult:
        with Vertical(id="diff-dialog", classes="dialog"):
            yield Static(id="diff-title")
            with Horizontal(id="diff-columns"):
                with VerticalScroll(classes="diff-column"):
                    yield Static(id="diff-left")
                with VerticalScroll(classes="diff-column"):
                    yield Static(id="diff-right")
            yield Static(
                Text(
                    "reverse: a number or name the other side lacks · underline: other "
                    "differing words · d: next source · Enter: open · Esc: close",
                    style="dim",
                ),
                id="diff-legend",
            )

    def on_mount(self) -> None:
        self.watch_index(self.index)

    def watch_index(self, index: int) -> None:
        other = self.others[index]
        diff = diff_words(self.here.text, other.text)
        self.query_one("#diff-title", Static).update(
            Text.assemble(
                ("Side by side", "bold"),
                (f"  {index + 1} of {len(self.others)} other sources", "dim"),
                (f"  similarity {diff.ratio:.0%}", "dim"),
            )
        )
        self.query_one("#diff-left", Static).update(_column(self.here, diff.left))
        self.query_one("#diff-right", Static).update(_column(other, diff.right))

    def action_cycle(self) -> None:
        self.index = (self.index + 1) % len(self.others)

    def action_open(self) -> None:
        other = self.others[self.index]
        self.dismiss(Position(other.article_id, other.passage))


def _column(side: Side, tokens) -> Text:
    head = Text.assemble(render.outlet_text(side.source), (f"  ¶{side.passage}", "dim"), "\n")
    if side.title:
        head.append(clean_line(side.title), style="italic").append("\n")
    elif not side.source:  # nothing else tells two such articles apart
        head.append(clean_line(side.article_id), style="dim").append("\n")
    return head.append("\n").append_text(render.diff_text(side.text, tokens))
