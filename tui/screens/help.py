"""Every key binding, read from the bindings themselves so the list cannot drift."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import render

# (section title, bindings) as the app gathers them.
Sections = Sequence[tuple[str, Iterable[Binding]]]


class HelpScreen(ModalScreen[None]):
    """The bindings by screen, then how to read the highlighting."""

    BINDINGS = [Binding("escape,question_mark", "dismiss(None)", "Close", id="help.close")]

    def __init__(self, sections: Sections) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(Text("newsdesk keys", style="bold"), id="help-title")
            with VerticalScroll(id="help-body"):
                for title, bindings in self.sections:
                    yield Static(self._table(title, bindings), classes="help-section")
                yield Static(legend(), classes="help-section")
            yield Static(Text("Esc or ? closes · the mouse works too", style="dim"))

    def _table(self, title: str, bindings: Iterable[Binding]) -> Table:
        table = Table(title=title, title_justify="left", show_header=False, box=None)
        table.add_column("key", style="bold", no_wrap=True, min_width=16)
        table.add_column("does")
        for description, keys in merged(bindings).items():
            shown = [self.app.get_key_display(Binding(key, "")) for key in keys]
            table.add_row(" / ".join(shown), description)
        return table


def merged(bindings: Iterable[Binding]) -> dict[str, list[str]]:
    """Keys by what they do: j on the screen and ↓,j on the article are one line."""
    found: dict[str, list[str]] = {}
    for binding in bindings:
        keys = found.setdefault(binding.description or binding.action, [])
        keys.extend(k for k in binding.key.split(",") if k not in keys)
    return found


def legend() -> Text:
    """What each highlight means, in the styles the reader uses."""
    text = Text("Highlighting\n", style="bold")
    for kind, style in render.KIND_STYLES.items():
        text.append("  ").append(kind, style=style)
    text.append("\n  ").append("search term", style=render.TERM_STYLE)
    text.append("  ▌ passage under the cursor\n")
    for relation in render.BADGES:
        text.append("  ").append_text(render.badge(relation))
    return text
