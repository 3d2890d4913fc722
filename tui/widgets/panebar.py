"""The pane switcher shown on narrow terminals, where one pane shows at a time.

A plain line of labels rather than Textual's ``Tabs``: it never takes focus
(Tab and Shift+Tab belong to the panes) and only posts a message when the
user clicks, so switching panes from the keyboard cannot echo back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

SEPARATOR = " │ "


class PaneBar(Widget):
    """Pane names with the shown one in reverse video (readable without colour)."""

    active: reactive[str] = reactive("")

    @dataclass
    class Chosen(Message):
        """The user clicked a pane's name."""

        pane: str

    def __init__(self, panes: Sequence[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.panes = list(panes)

    def render(self) -> Text:
        text = Text(" ")
        for number, (name, title) in enumerate(self.panes):
            if number:
                text.append(SEPARATOR, style="dim")
            style = "bold reverse" if name == self.active else ""
            text.append(f" {title} ", style=style)
        return text.append("   Tab: next pane", style="dim")

    def pane_at(self, x: int) -> str | None:
        """Which pane's label is at column ``x``."""
        column = 1
        for number, (name, title) in enumerate(self.panes):
            column += len(SEPARATOR) if number else 0
            if column <= x < column + len(title) + 2:
                return name
            column += len(title) + 2
        return None

    def on_click(self, event: events.Click) -> None:
        pane = self.pane_at(event.x)
        if pane:
            self.post_message(self.Chosen(pane))
