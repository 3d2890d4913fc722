"""Line-API widgets (sources list, article, cross-source pane): drawing a line, and
a scrollable view of wrapped text drawn a line at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
from textual.widget import Widget


def strip_of(
    console: Console,
    text: Text,
    width: int,
    style: Style,
    prefix: Sequence[Segment] = (),
) -> Strip:
    """``text`` (one line, already sanitised) after ``prefix``, on ``style``,
    padded or cut to exactly ``width`` cells."""
    segments = [*prefix, *Segment.apply_style(text.render(console, end=""), style)]
    length = text.cell_len + sum(segment.cell_length for segment in prefix)
    if length > width:
        return Strip(segments, length).crop(0, width)
    if length < width:
        segments.append(Segment(" " * (width - length), style))
    return Strip(segments, width)  # one strip, not three (each costs seven caches)


class FrameStyles(ScrollView):
    """A line-API view that works out its styles once per frame, not once per line
    (``rich_style`` walks every ancestor; a new article redraws about 90 lines)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._frame_styles: dict[str | None, Style] = {}
        self._frame_width: int | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame_styles, self._frame_width = {}, None
        return super().render_lines(crop)

    def line_style(self, component: str | None = None) -> Style:
        """The widget's style, or one of its component classes', for this frame."""
        found = self._frame_styles.get(component)
        if found is None:
            found = self._frame_styles[component] = (
                self.rich_style if component is None else self.get_component_rich_style(component)
            )
        return found

    def set_content_size(self, size: Size) -> None:
        """Set the virtual size without a layout of the whole screen.

        ``virtual_size`` is a layout reactive: each change reflowed and repainted
        every widget on screen, which took more than drawing the new lines of a
        pane (15-20 ms at each move between passages). This sets it and updates
        the scrollbars, as Textual does when a widget is resized; a scrollbar
        that appears or goes still brings a layout (those reactives ask for one)."""
        if size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)

    @property
    def line_width(self) -> int:
        """The width lines are drawn at, for this frame."""
        if self._frame_width is None:
            self._frame_width = self.scrollable_content_region.width
        return self._frame_width


class WrappedView(FrameStyles):
    """Text wrapped to the pane's width once, then drawn a line at a time.

    Subclasses build their lines in :meth:`wrap`, or a part at a time in
    :meth:`wrap_parts` (called again when the width changes), say in
    :meth:`line_state` what else a line's look depends on (the cursor, focus),
    and draw one line in :meth:`draw`. Drawn lines are cached, so a frame
    redraws only what changed.
    """

    MIN_WIDTH = 8

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Any] = []
        self._width = 0
        self._strips: LRUCache[tuple, Strip] = LRUCache(512)
        self._rest: Iterator[list[Any]] | None = None  # parts not wrapped yet

    @property
    def wrap_width(self) -> int:
        return max(self.scrollable_content_region.width, self.MIN_WIDTH)

    def wrap(self, width: int) -> list[Any]:
        """The lines to draw at ``width`` cells."""
        raise NotImplementedError

    @property
    def line_count(self) -> int:
        """Lines wrapped so far (none before the pane is first laid out)."""
        return len(self._lines)

    def wrap_parts(self, width: int) -> Iterator[list[Any]]:
        """The lines in parts: the first screenful is drawn at once and the rest
        wrapped after that frame (override instead of :meth:`wrap` to split it)."""
        yield self.wrap(width)

    def line_state(self, number: int) -> tuple:
        """What, besides the line itself, its drawing depends on."""
        return ()

    def draw(self, number: int, width: int) -> Strip:
        raise NotImplementedError

    def relayout(self) -> None:
        """Wrap again (the content or the width changed) and redraw: what fills the
        pane now, the rest (out of view) right after the frame that shows it."""
        if not self.size.width:  # not laid out yet: wrapped when first drawn
            self._rest = None
            self.set_lines([], 0)
            return
        width = self.wrap_width
        parts = iter(self.wrap_parts(width))
        lines: list[Any] = []
        screenful = self.size.height + self.scroll_offset.y + 1
        self._rest = None
        for part in parts:
            lines.extend(part)
            if len(lines) >= screenful:
                self._rest = parts
                self.call_after_refresh(self.finish_wrap, parts)
                break
        self.set_lines(lines, width)

    def set_lines(self, lines: list[Any], width: int) -> None:
        """Show ``lines``, wrapped at ``width``."""
        self._lines, self._width = lines, width
        self._strips.clear()
        self.set_content_size(Size(width, len(self._lines)))
        self.refresh()

    def finish_wrap(self, parts: Iterator[list[Any]] | None = None) -> None:
        """Wrap what was left out of view, now (for a move past it) or after the
        frame (``parts``: unless the text was wrapped again since)."""
        rest = self._rest
        if rest is None or (parts is not None and parts is not rest):
            return
        self._rest = None
        for part in rest:
            self._lines.extend(part)
        self.set_content_size(Size(self._width, len(self._lines)))

    def render_lines(self, crop: Region) -> list[Strip]:
        # The one place text is wrapped again for a new width: the first layout
        # and any resize draw before the Resize event reaches the pane, and that
        # frame must show the text wrapped to it, not an empty or stale pane.
        if self.size.width and self.wrap_width != self._width:
            self.relayout()
            self.after_relayout()
        return super().render_lines(crop)

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

    def after_relayout(self) -> None:
        """Called after a resize wrapped the lines again."""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
