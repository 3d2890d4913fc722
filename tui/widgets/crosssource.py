"""The right pane: what the other sources say about the current passage.

Drawn line by line (Textual's line API) like the article: a move to another
passage wraps a few blocks of text and redraws the pane, without laying out
widgets. The related passages are the pane's selectable items: ↑/↓ choose
one when the pane has focus, Enter (or a click) jumps there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from index.model import CrossSourceView, RelatedPassage, quote_groups

from .. import render
from .lines import WrappedView, strip_of

# While a first index is built its articles are readable before the comparison
# across sources is computed (that takes every article).
PENDING_HINT = (
    "Still being computed: what other sources say is compared once every article "
    "of the folder is indexed (the progress is at the top). This pane fills in then."
)
# An update lists and searches its new and changed articles before the
# comparison across sources (that takes every article) has taken them in.
COMPARING_HINT = (
    "Still being compared with the others: this article was added or changed since "
    "the other sources were last compared, so what they say about it is not known "
    "yet. This pane fills in once the comparison is saved."
)
# A few new articles are shown at once with a first look: compared with the
# articles nearest them only, until the comparison with every article is saved.
FIRST_LOOK_HINT = (
    "A first look: this article is compared here with the articles nearest it only. "
    "It is still being compared with the whole folder; this pane is brought up to "
    "date once that is saved."
)
EMPTY_HINT = (
    "Nothing from other sources for this passage yet.\n\n"
    "When the index is built with the analysis, this pane lists the facts of the "
    "passage and whether other sources agree (✓), are compatible (≈) or differ (✗), "
    "related passages (Enter jumps there), who is named and how each source spells "
    "them, and quotes by the same speaker."
)
SECTIONS: tuple[tuple[str, str, Callable[[Any, render.Headings | None], Text]], ...] = (
    # What a reader came for first: the facts, then who is named, what was said,
    # and last the related passages (often many screens of them). Spellings are
    # counted by outlet, so an entity's block needs no article's heading.
    ("facts", "Facts", render.fact_block),
    ("entities", "Entities", lambda item, _headings: render.entity_block(item)),
    ("quotes", "Quotes", render.quote_block),
    ("related", "Related passages", render.related_text),
)
TITLE, PLAIN = -2, -1  # line kinds that are not related passages


@dataclass(frozen=True)
class Line:
    """A drawn line: a section title, plain text, or part of related passage ``item``."""

    item: int
    text: Text


class CrossSourcePane(WrappedView, can_focus=True):
    """Facts with agreement badges, related passages, entity coverage and quotes."""

    BORDER_TITLE = "Other sources"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "select(1)", "Next related", show=False, id="cross.next_related"),
        Binding("up", "select(-1)", "Previous related", show=False, id="cross.prev_related"),
        Binding("enter", "choose", "Jump there", show=False, id="cross.jump"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="cross.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="cross.page_up"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "cross-source--title",
        "cross-source--highlight",
        "cross-source--highlight-blurred",
    }
    DEFAULT_CSS = """
    CrossSourcePane > .cross-source--title {
        color: $text-accent;
        text-style: bold underline;
    }
    CrossSourcePane > .cross-source--highlight {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    CrossSourcePane > .cross-source--highlight-blurred {
        background: $block-cursor-blurred-background;
    }
    """

    selected: reactive[int] = reactive(0, init=False, repaint=False)
    """The chosen related passage (an index into the view's ``related``)."""

    @dataclass
    class RelatedChosen(Message):
        """The user chose a related passage to jump to."""

        pane: CrossSourcePane
        article_id: str
        passage: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: CrossSourceView | None = None
        self.pending = False  # the comparison is still being computed (a first index)
        self.comparing = False  # this article is not compared yet (an update's pass runs)
        self.first_look = False  # the view is a first look, from the nearest articles
        self._related: list[RelatedPassage] = []
        self._items: dict[int, tuple[int, int]] = {}  # related item -> (first line, count)
        # Who says what where an article names no outlet: its heading (the screen
        # sets it to the sources list's).
        self.headings: render.Headings | None = None

    def on_mount(self) -> None:
        self.relayout()

    # What is shown.

    @property
    def is_empty(self) -> bool:
        """Whether the pane shows the empty state (nothing from other sources)."""
        return not any(self._section(name) for name, _, _ in SECTIONS)

    def _section(self, name: str) -> tuple[Any, ...]:
        """The items of one section of the view (none without a view)."""
        if self.view is None:
            return ()
        if name == "quotes":  # a speaker quoted twice in the passage: listed once
            return tuple(quote_groups(self.view.quotes))
        return getattr(self.view, name)

    @property
    def related(self) -> list[RelatedPassage]:
        """The related passages listed, in order."""
        return self._related

    @property
    def text(self) -> str:
        """Everything the pane holds, as plain text (also what is scrolled out of view)."""
        return "\n".join(line.text.plain for line in self._lines)

    def show(
        self,
        view: CrossSourceView | None,
        pending: bool = False,
        comparing: bool = False,
        first_look: bool = False,
    ) -> None:
        """Render ``library.related(...)`` for one passage (or the empty state);
        ``pending``: the comparison is not computed yet, so an empty view says so;
        ``comparing``: this article is not compared yet, so no view is shown (a
        changed article's old view was of its old text); ``first_look``: the
        view compares the article with its nearest articles only, and says so."""
        self.pending = pending or comparing
        self.comparing = comparing
        self.first_look = first_look and not comparing
        self.view = None if comparing else view
        self._related = list(self.view.related) if self.view is not None else []
        self.relayout()
        self.set_reactive(CrossSourcePane.selected, 0)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def wrap_parts(self, width: int) -> Iterator[list[Line]]:
        """The sections' blocks wrapped to ``width``, a block at a time (an entity
        with its spellings, a fact with what each source says)."""
        console = self.app.console
        count = 0
        self._items = {}
        if self.first_look:
            note = [Line(PLAIN, t) for t in Text(FIRST_LOOK_HINT, style="dim").wrap(console, width)]
            count += len(note)
            yield note
        if self.is_empty:
            said = EMPTY_HINT
            if self.pending:
                said = COMPARING_HINT if self.comparing else PENDING_HINT
            hint = [Line(PLAIN, t) for t in Text(said, style="dim").wrap(console, width)]
            count += len(hint)
            yield hint
        for name, title, make in SECTIONS:
            items = self._section(name)
            if not items:
                continue
            for number, item in enumerate(items):
                lines = [Line(PLAIN, Text())]
                if not number:
                    lines.append(Line(TITLE, Text(title)))
                wrapped = render.wrap_block(make(item, self.headings), console, width)
                if name == "related":
                    self._items[number] = (count + len(lines), len(wrapped))
                kind = number if name == "related" else PLAIN
                lines += [Line(kind, t) for t in wrapped]
                count += len(lines)
                yield lines

    # Drawing.

    def line_state(self, number: int) -> tuple:
        on = 0 <= self._lines[number].item == self.selected
        return (on, on and self.has_focus)

    def draw(self, number: int, width: int) -> Strip:
        line = self._lines[number]
        on, focused = self.line_state(number)
        style = self.line_style()
        if line.item == TITLE:
            style += self.line_style("cross-source--title")
        elif on:
            name = "highlight" if focused else "highlight-blurred"
            style += self.line_style(f"cross-source--{name}")
        return strip_of(self.app.console, line.text, width, style)

    def _refresh_item(self, item: int) -> None:
        if item in self._items:
            self.refresh_lines(*self._items[item])

    def on_focus(self) -> None:
        self._refresh_item(self.selected)

    def on_blur(self) -> None:
        self._refresh_item(self.selected)

    # Choosing a related passage.

    def watch_selected(self, old: int, new: int) -> None:
        self._refresh_item(old)
        self._refresh_item(new)
        if new in self._items:
            first, count = self._items[new]
            height = max(self.scrollable_content_region.height, 1)
            region = Region(0, first, 1, min(count, height))
            self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def action_select(self, step: int) -> None:
        if self._related:
            self.selected = max(0, min(len(self._related) - 1, self.selected + step))
        else:
            self.scroll_to(y=self.scroll_offset.y + step, animate=False, immediate=True)

    def action_page(self, step: int) -> None:
        height = max(self.scrollable_content_region.height, 1)
        self.scroll_to(y=self.scroll_offset.y + step * height, animate=False, immediate=True)

    def action_choose(self) -> None:
        if 0 <= self.selected < len(self._related):
            item = self._related[self.selected]
            self.post_message(self.RelatedChosen(self, item.article_id, item.passage))

    def on_click(self, event: events.Click) -> None:
        number = self.line_at(event)
        self.focus()
        if number is not None and self._lines[number].item >= 0:
            self.selected = self._lines[number].item
            self.action_choose()
