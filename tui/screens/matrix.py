"""The omission matrix of a story: each fact (row) by each source (column).

A gap ("— not reported") is as telling as a differing figure: it shows which
outlet left out the civilian prisoners or the length of the talks.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from index.model import OmissionMatrix
from index.safety import clean_line

from .. import render
from ..state import Position

EMPTY = "No facts have been compared for this story yet."
# Columns have a width and rows grow to wrap what is longer: a long fact or value
# would otherwise take the whole width and hide every source after it.
FACT_WIDTH = 30
VALUE_WIDTH = 20


class MatrixScreen(ModalScreen[Position | None]):
    """The matrix as a table; Enter on a cell opens that source's article."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="matrix.close")]

    def __init__(self, matrix: OmissionMatrix, title: str = "") -> None:
        super().__init__()
        self.matrix = matrix
        self.title_text = title
        self.columns = [s.article_id for s in matrix.sources]

    def compose(self) -> ComposeResult:
        with Vertical(id="matrix-dialog", classes="dialog"):
            yield Static(
                Text.assemble(("Omission matrix  ", "bold"), clean_line(self.title_text)),
                id="matrix-title",
            )
            yield DataTable(id="matrix-table", cursor_type="cell", zebra_stripes=True)
            yield Static(
                Text("Enter: open that source's article · Esc: close", style="dim"),
                id="matrix-legend",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        rows = self.matrix.rows
        if not rows:
            self.query_one("#matrix-legend", Static).update(Text(EMPTY, style="dim"))
        table.add_column(Text("fact", style="bold"), key="fact", width=FACT_WIDTH)
        for source in self.matrix.sources:
            name = clean_line(source.source)
            if not name:  # no outlet named: the file tells such columns apart
                name = _tail(clean_line(source.article_id), VALUE_WIDTH)
            table.add_column(Text(name, style="bold"), key=source.article_id, width=VALUE_WIDTH)
        for number, row in enumerate(rows):
            label = Text(clean_line(row.label or row.key), style="bold")
            if row.relation:
                label.append("\n").append_text(render.badge(row.relation))
            values = [render.matrix_cell(row.cells.get(column)) for column in self.columns]
            table.add_row(label, *values, key=str(number), height=None)
        table.focus()

    @on(DataTable.CellSelected)
    def _open(self, event: DataTable.CellSelected) -> None:
        column = event.coordinate.column - 1
        if 0 <= column < len(self.columns):
            row = self.matrix.rows[event.coordinate.row]
            cell = row.cells.get(self.columns[column])
            self.dismiss(Position(self.columns[column], cell.passage if cell else 1))


def _tail(text: str, width: int) -> str:
    """The end of a long file id, where its name is: "…78303e2cb9fc/01.txt"."""
    return text if len(text) <= width else "…" + text[-(width - 1) :]
