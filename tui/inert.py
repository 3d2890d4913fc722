"""The one way text from a file reaches the terminal.

Titles, outlets, entity names, reasons, keys, quotes, file and folder names
and paths are data, whoever shows them (a pane, a toast, the command palette,
a table or the progress bar of the shell commands). Two things can go wrong
on the way out: an escape sequence in the data drives the terminal (an OSC 52
clipboard write, an OSC 0 window title), or Rich and Textual read ``[bold]``,
``[link=...]`` or ``[/]`` in it as markup (a hyperlink to another address, or
a MarkupError that ends the command). :func:`inert` answers both: the text is
cleaned with :func:`index.safety.clean_line` and put in a ``rich.text.Text``,
which neither library ever parses for markup. Strings handed to Rich or
Textual APIs that would parse them (a table cell, a progress column, a
palette help line, a toast) are this function's output instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from index.safety import clean_line

if TYPE_CHECKING:
    from textual.widget import Widget


def inert(value: object, style: str = "") -> Text:
    """``value`` as one line of plain text: controls made visible, markup kept literal."""
    if value is None:
        return Text("", style=style)
    return Text(clean_line(value if isinstance(value, str) else str(value)), style=style)


def toast(widget: Widget, message: str, **options: Any) -> None:
    """A notification that shows ``message`` as it is written: a toast reads its
    message as markup unless told not to, so an outlet named ``[/]`` crashed it."""
    widget.notify(inert(message).plain, markup=False, **options)
