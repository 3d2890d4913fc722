"""Drawing one line of a line-API widget (sources list, article, cross-source pane)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip


def strip_of(
    console: Console,
    text: Text,
    width: int,
    style: Style,
    prefix: Sequence[Segment] = (),
) -> Strip:
    """``text`` (one line, already sanitised) after ``prefix``, on ``style``,
    padded or cut to exactly ``width`` cells."""
    body = list(text.render(console, end=""))
    segments = [*prefix, *Segment.apply_style(body, style)]
    return Strip(segments).extend_cell_length(width, style).crop(0, width)
