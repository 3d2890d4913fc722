"""The reader's footer: quit and help first, so a narrow terminal keeps them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FIRST = ("quit", "help")  # the App's actions: how to leave, and where every key is listed


class ReaderFooter(Footer):
    """Textual's footer with ``q`` and ``?`` moved to the front: the footer cuts
    what does not fit on the right, and at 60 columns that was these two."""

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        first = [k for k in keys if isinstance(k, FooterKey) and k.action in FIRST]
        yield from first
        yield from (k for k in keys if k not in first)
