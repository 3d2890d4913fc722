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
from textual.geometry import Region, Size
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


class FrameStyles(ScrollView):
    """A line-API view that works out its styles once per frame, not once per line
    (``rich_style`` walks every ancestor; a new article redraws about 90 lines)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame_styles: dict[str | None, Style] = {}
        self._frame_width: int | None = None
        return super().render_lines(crop)

    def line_style(self, component: str | None = None) -> Style:
        """The widget's style, or one of its component classes', for this frame."""
        styles = getattr(self, "_frame_styles", None)
        if styles is None:
            styles = self._frame_styles = {}
        found = styles.get(component)
        if found is None:
            found = styles[component] = (
                self.rich_style if component is None else self.get_component_rich_style(component)
            )
        return found

    @property
    def line_width(self) -> int:
        """The width lines are drawn at, for this frame."""
        width = getattr(self, "_frame_width", None)
        if width is None:
            width = self._frame_width = self.scrollable_content_region.width
        return width


class WrappedView(FrameStyles):
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
        width = self.line_width
        number = scroll_y + y
        if not 0 <= number < len(self._lines):
            return Strip.blank(width, self.line_style())
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
