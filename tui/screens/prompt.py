"""Ask for one line of text (a name for a search), in a small dialog."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..inert import inert


class PromptScreen(ModalScreen[str | None]):
    """A question and a box; Enter gives what was typed (an empty box is refused)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="prompt.close")]
    DEFAULT_CSS = """
    PromptScreen #prompt-dialog {
        width: 90%; max-width: 80; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, question: str, detail: str, value: str = "") -> None:
        super().__init__()
        self.question, self.detail, self.value = question, detail, value

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-dialog"):
            yield Static(Text(self.question, style="bold"))
            yield Static(inert(self.detail, "dim"))
            yield Input(self.value, id="prompt-input")
            yield Static(Text("Enter: save · Esc: close", style="dim"), id="prompt-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = " ".join(event.value.split())
        if value:
            self.dismiss(value)
        else:
            self.query_one("#prompt-status", Static).update(Text("Type a name.", style="bold red"))
