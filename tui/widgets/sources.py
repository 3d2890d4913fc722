"""The left pane: every article, grouped by story, with read marks.

The list draws only the lines on screen (Textual's line API, as Toolong does
for its logs): a story heading is one line and an article two (outlet and date,
then the title cut to the pane's width). Opening it on 100,000 articles costs a
list of rows, not 100,000 widgets or options to lay out, and moving through it
redraws a few lines.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from .. import render
from ..render import Entry
from .lines import FrameStyles, strip_of

OTHER_GROUP = "Other"
GUTTER = "▌"  # marks the highlighted article without colour


# (story title, or None for the articles in no story; articles in it; those listed)
Group = tuple[str | None, int, Sequence[Entry]]


class Row(NamedTuple):
    """A story heading (``entry`` is None) or an article (a tuple: one per article)."""

    heading: str | None = None
    size: int = 0  # articles in the story
    entry: Entry | None = None

    @property
    def height(self) -> int:
        return 1 if self.entry is None else 2


class SourcesList(FrameStyles, can_focus=True):
    """Articles as two-line entries under story headings; Enter or a click opens one."""

    BORDER_TITLE = "Sources"
    BINDINGS: ClassVar[list[BindingType]] = [
        # j/k here move the list, as the arrows do, not the article's passage.
        Binding("down,j", "cursor(1)", "Next article in the list", show=False, id="sources.down"),
        Binding("up,k", "cursor(-1)", "Previous article in the list", show=False, id="sources.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="sources.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="sources.page_up"),
        Binding("home", "edge(-1)", "First article", show=False, id="sources.first"),
        Binding("end", "edge(1)", "Last article", show=False, id="sources.last"),
        Binding("enter", "choose", "Open the article", show=False, id="sources.open"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "sources-list--highlight",
        "sources-list--highlight-blurred",
        "sources-list--heading",
    }
    DEFAULT_CSS = """
    SourcesList {
        background: $surface;
    }
    SourcesList > .sources-list--highlight {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    SourcesList > .sources-list--highlight-blurred {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    SourcesList > .sources-list--heading {
        color: $text-accent;
    }
    """

    highlighted: reactive[int | None] = reactive(None, init=False, repaint=False)
    """The highlighted row (always an article, never a heading)."""

    @dataclass
    class ArticleChosen(Message):
        """The user chose an article to read."""

        sources: SourcesList
        article_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: dict[str, Entry] = {}
        self._read: set[str] = set()
        self._rows: list[Row] = []
        self._starts: list[int] = []  # first line of each row
        self._row_of: dict[str, int] = {}
        self._ids: list[str] = []
        self._lines: LRUCache[tuple, Strip] = LRUCache(1024)

    # What the list holds.

    @property
    def article_ids(self) -> list[str]:
        """Article ids in the order shown (the order J/K walk)."""
        return self._ids

    @property
    def headings(self) -> list[str]:
        """The story headings, in order, as shown."""
        return [
            render.group_heading(r.heading, r.size).plain
            for r in self._rows
            if r.heading is not None
        ]

    @property
    def current_id(self) -> str | None:
        row = self._row(self.highlighted)
        return row.entry.id if row and row.entry else None

    def heading(self, article_id: str) -> str | None:
        """An article's heading as its entry shows it: the title, else the start of
        its text; None for an article not listed."""
        entry = self._entries.get(article_id)
        return (render.heading(entry) or None) if entry else None

    def entry_text(self, article_id: str) -> str:
        """An article's entry as plain text, read mark included."""
        entry = self._entries[article_id]
        return render.source_entry(entry, entry.id in self._read).plain

    def populate(self, groups: Sequence[Group], read: set[str]) -> None:
        """Show ``groups`` (see :func:`index.listing.arrange`), keeping the
        highlighted article. The articles in no story go under "Other" when
        there are stories, and under no heading when there are none."""
        current = self.current_id
        self._read = read
        titled = any(title is not None for title, _, _ in groups)
        rows: list[Row] = []
        for title, count, members in groups:
            if titled:
                rows.append(Row(OTHER_GROUP if title is None else title, count))
            rows.extend([Row(None, 0, e) for e in members])
        self._rows, self._starts, line = rows, [], 0
        for row in rows:
            self._starts.append(line)
            line += row.height
        self._row_of = {r.entry.id: n for n, r in enumerate(rows) if r.entry}
        self._ids = [r.entry.id for r in rows if r.entry]
        self._entries = {r.entry.id: r.entry for r in rows if r.entry}
        self._lines.clear()
        self.set_content_size(Size(self.scrollable_content_region.width, line))
        self.set_reactive(SourcesList.highlighted, None)
        self.highlighted = self._row_of.get(current or "", self._first_article())
        self.refresh()

    def show_article(self, article_id: str) -> None:
        """Move the highlight to ``article_id`` without opening it again."""
        if article_id in self._row_of:
            self.highlighted = self._row_of[article_id]

    def neighbour(self, article_id: str, step: int) -> str | None:
        """The article ``step`` (±1) places from ``article_id`` in the list (the
        first one, going forward from an article not listed); None at an end."""
        row = self._row_of.get(article_id)
        if row is None:
            return self._ids[0] if step > 0 and self._ids else None
        found = self._step(row, 1 if step > 0 else -1)
        entry = self._rows[found].entry if found is not None else None
        return entry.id if entry else None

    def refresh_mark(self, article_id: str) -> None:
        """Redraw one entry's read mark (the set itself belongs to the reading state)."""
        if article_id in self._row_of:
            self._refresh_row(self._row_of[article_id])

    # Drawing.

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.line_width
        line = scroll_y + y
        number = bisect_right(self._starts, line) - 1
        row = self._row(number)
        if row is None:
            return Strip.blank(width, self.line_style())
        part = line - self._starts[number]
        on = number == self.highlighted
        read = bool(row.entry and row.entry.id in self._read)
        key = (number, part, width, on, on and self.has_focus, read)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._draw(row, part, width, on, read)
            self._lines[key] = strip
        return strip.crop(scroll_x, scroll_x + width) if scroll_x else strip

    def _draw(self, row: Row, part: int, width: int, on: bool, read: bool) -> Strip:
        base = self.line_style()
        if row.entry is None:
            text = render.group_heading(row.heading or "", row.size)
            style = base + self.line_style("sources-list--heading")
            return self._strip(text, width, style)
        lines = render.source_entry(row.entry, read).split("\n")
        text = Text.assemble(GUTTER if on else " ", lines[part] if part < len(lines) else "")
        style = base
        if on:
            name = "highlight" if self.has_focus else "highlight-blurred"
            style = base + self.line_style(f"sources-list--{name}")
        return self._strip(text, width, style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.truncate(max(width, 1), overflow="ellipsis")
        return strip_of(self.app.console, text, width, style)

    def _row(self, number: int | None) -> Row | None:
        return self._rows[number] if number is not None and 0 <= number < len(self._rows) else None

    def _refresh_row(self, number: int | None) -> None:
        row = self._row(number)
        if row is not None and number is not None:
            self.refresh_lines(self._starts[number], row.height)

    def on_resize(self) -> None:
        self._lines.clear()
        self.set_content_size(Size(self.scrollable_content_region.width, self.virtual_size.height))

    def on_focus(self) -> None:
        self._refresh_row(self.highlighted)

    def on_blur(self) -> None:
        self._refresh_row(self.highlighted)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        row = self._row(new)
        if row is None or new is None:
            return
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        start = self._starts[new]
        if not top <= start <= start + row.height <= top + height:
            # Out of view: bring it to the middle, as a mail reader does, so the
            # next moves (J through a story) show what follows without scrolling
            # the list, and redrawing all of it, at every step.
            region = Region(0, start, 1, row.height)
            self.scroll_to_region(region, animate=False, force=True, immediate=True, center=True)

    # Moving and choosing.

    def _first_article(self) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.entry), None)

    def _step(self, start: int, step: int) -> int | None:
        """The next article row from ``start`` going ``step`` (headings skipped)."""
        number = start + step
        while 0 <= number < len(self._rows):
            if self._rows[number].entry is not None:
                return number
            number += step
        return None

    def action_cursor(self, step: int) -> None:
        if self.highlighted is None:
            self.highlighted = self._first_article()
            return
        found = self._step(self.highlighted, step)
        if found is not None:
            self.highlighted = found

    def action_page(self, step: int) -> None:
        if self.highlighted is None or not self._rows:
            return
        page = max(1, self.scrollable_content_region.height)
        target = self._starts[self.highlighted] + step * page
        number = max(0, min(len(self._rows) - 1, bisect_right(self._starts, target) - 1))
        if self._rows[number].entry is None:
            number = self._step(number, step if step else 1) or self._step(number, -step) or number
        if self._rows[number].entry is not None:
            self.highlighted = number

    def action_edge(self, step: int) -> None:
        found = self._step(-1 if step < 0 else len(self._rows), 1 if step < 0 else -1)
        if found is not None:
            self.highlighted = found

    def action_choose(self) -> None:
        article_id = self.current_id
        if article_id:
            self.post_message(self.ArticleChosen(self, article_id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        number = bisect_right(self._starts, self.scroll_offset.y + offset.y) - 1
        row = self._row(number)
        if row is not None and row.entry is not None:
            self.highlighted = number
            self.post_message(self.ArticleChosen(self, row.entry.id))
