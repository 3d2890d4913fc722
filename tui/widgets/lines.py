"""Line-API widgets (sources list, article, cross-source pane): drawing a line, and
a scrollable view of wrapped text drawn a line at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
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


class WrappedView(ScrollView):
    """Text wrapped to the pane's width once, then drawn a line at a time.

    Subclasses build their lines in :meth:`wrap` (called again when the width
    changes), say in :meth:`line_state` what else a line's look depends on
    (the cursor, focus), and draw one line in :meth:`draw`. Drawn lines are
    cached, so a frame redraws only what changed.
    """

    MIN_WIDTH = 8

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Any] = []
        self._width = 0
        self._strips: LRUCache[tuple, Strip] = LRUCache(512)

    @property
    def wrap_width(self) -> int:
        return max(self.scrollable_content_region.width, self.MIN_WIDTH)

    def wrap(self, width: int) -> list[Any]:
        """The lines to draw at ``width`` cells."""
        raise NotImplementedError

    def line_state(self, number: int) -> tuple:
        """What, besides the line itself, its drawing depends on."""
        return ()

    def draw(self, number: int, width: int) -> Strip:
        raise NotImplementedError

    def relayout(self) -> None:
        """Wrap again (the content or the width changed) and redraw."""
        width = self.wrap_width
        self._lines, self._width = self.wrap(width), width
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        number = scroll_y + y
        if not 0 <= number < len(self._lines):
            return Strip.blank(width, self.rich_style)
        key = (number, width, *self.line_state(number))
        strip = self._strips.get(key)
        if strip is None:
            strip = self.draw(number, width)
            self._strips[key] = strip
        return strip.crop(scroll_x, scroll_x + width) if scroll_x else strip

    def line_at(self, event: events.Click) -> int | None:
        """The line number under a click, if it is on a line."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        number = self.scroll_offset.y + offset.y
        return number if 0 <= number < len(self._lines) else None

    def on_resize(self, event: events.Resize) -> None:
        if self.wrap_width != self._width:
            self.relayout()
            self.after_relayout()

    def after_relayout(self) -> None:
        """Called after a resize wrapped the lines again."""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
