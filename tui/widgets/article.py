"""The centre pane: one article, its passages, and the passage cursor.

The article is wrapped to the pane's width once when it is shown (or the pane
is resized) and drawn line by line (Textual's line API, as Toolong does): moving
the cursor redraws the lines of two passages and lays nothing out again, and
opening another article creates no widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip

from index.model import Article, Mention

from .. import render
from .lines import WrappedView, strip_of

GUTTER = "▌"  # marks the passage under the cursor without colour
FLAG = "⚑"  # beside a marked passage's first line, or a marked article's title
HEADER, RULE = 0, -1  # line owners that are not passages


def passage_texts(
    article: Article, mentions: list[Mention], terms: frozenset[str] = frozenset()
) -> list[Text]:
    """The article's passages as drawn: numbered, with entity and search highlights."""
    return [
        Text.assemble((f"¶{p.number}  ", "dim"), render.passage_text(p, mentions, terms))
        for p in article.passages
    ]


@dataclass(frozen=True)
class Line:
    """One drawn line: the passage it belongs to (or the header), and its text."""

    owner: int
    text: Text


@dataclass(frozen=True)
class Prepared:
    """An article built and wrapped ahead of being shown."""

    article: Article
    mentions: list[Mention]
    header: Text
    texts: list[Text]
    width: int
    lines: list[Line]
    spans: dict[int, tuple[int, int]]

    def fits(
        self,
        article: Article,
        mentions: list[Mention],
        terms: frozenset[str],
        width: int,
    ) -> bool:
        """Whether this is ``article`` as it would be shown now (no search terms)."""
        return (
            not terms
            and width == self.width
            and article == self.article
            and mentions == self.mentions
        )


class ArticleView(WrappedView, can_focus=True):
    """An article's header and passages, with a cursor on one passage.

    The cursor is marked by a gutter bar (``▌``) as well as a background, so
    it shows without colour too. ``cursor`` is a reactive: the screen watches
    it, so the cross-source pane changes in the same frame as the cursor.
    """

    BORDER_TITLE = "Article"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next passage", show=False, id="article.next_passage"),
        Binding("up,k", "move(-1)", "Previous passage", show=False, id="article.prev_passage"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="article.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="article.page_up"),
        Binding(
            "enter",
            "screen.diff",
            "Compare the passage with other sources",
            show=False,
            id="article.compare",
        ),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--cursor",
        "article-view--gutter",
        "article-view--rule",
    }
    DEFAULT_CSS = """
    ArticleView > .article-view--cursor {
        background: $boost;
    }
    ArticleView > .article-view--gutter {
        color: $accent;
    }
    ArticleView > .article-view--rule {
        color: $panel;
    }
    """

    cursor: reactive[int] = reactive(0, init=False, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.terms: frozenset[str] = frozenset()
        self._header = Text("Opening the index…", style="dim")
        self._passages: list[Text] = []
        self._spans: dict[int, tuple[int, int]] = {}  # passage -> (first line, line count)
        self._prepared: Prepared | None = None
        self.marked: frozenset[int] = frozenset()  # marked passages; HEADER: the article

    # What is shown.

    def passage_content(self, number: int) -> Text:
        """Passage ``number`` as drawn (numbered, with entity and search highlights)."""
        return self._passages[number - 1]

    async def show(
        self,
        article: Article,
        mentions: Iterable[Mention] = (),
        terms: Iterable[str] = (),
        passage: int = 1,
    ) -> None:
        """Replace the shown article, with ``passage`` under the cursor."""
        mentions, self.terms = list(mentions), frozenset(terms)
        self.scroll_to(0, 0, animate=False, immediate=True)  # first: it is what is wrapped first
        prepared, self._prepared = self._prepared, None
        if prepared and prepared.fits(article, mentions, self.terms, self.wrap_width):
            self.article, self._header, self._passages = article, prepared.header, prepared.texts
            self._spans, self._rest = prepared.spans, None
            self.set_lines(prepared.lines, prepared.width)
        else:
            self.article = article
            self._header = render.article_header(article)
            self._passages = passage_texts(article, mentions, self.terms)
            self.relayout()
        self.set_reactive(ArticleView.cursor, 0)
        self.go_to(passage)

    def prepare(self, article: Article, mentions: Iterable[Mention] = ()) -> None:
        """Build and wrap ``article`` now, so that showing it next is only drawing
        (the reader prepares the next article while the user reads this one)."""
        mentions, width = list(mentions), self.wrap_width
        header, texts = render.article_header(article), passage_texts(article, mentions)
        spans: dict[int, tuple[int, int]] = {}
        lines = [line for part in self._parts(header, texts, True, width, spans) for line in part]
        self._prepared = Prepared(article, mentions, header, texts, width, lines, spans)

    def show_marks(self, marked: Iterable[int]) -> None:
        """Flag the marked passages (and the title, ``HEADER``, for a marked article)."""
        old, self.marked = self.marked, frozenset(marked)
        for number in old ^ self.marked:
            if number == HEADER:
                self.refresh_lines(0, 1)
            else:
                self._refresh_passage(number)

    def show_message(self, message: Text) -> None:
        """An empty state (no articles, or indexing still running)."""
        self.article, self._header, self._passages = None, message, []
        self.relayout()

    def wrap_parts(self, width: int) -> Iterator[list[Line]]:
        """The header, then each passage, wrapped to ``width``."""
        self._spans = {}
        titled = self.article is not None
        return self._parts(self._header, self._passages, titled, width, self._spans)

    def _parts(
        self,
        header: Text,
        texts: list[Text],
        rule: bool,
        width: int,
        spans: dict[int, tuple[int, int]],
    ) -> Iterator[list[Line]]:
        """``header`` (and a rule under it), then each of ``texts`` wrapped to
        ``width``; each passage's first line and line count go in ``spans``."""
        inner = width - 3  # gutter, and a column of padding either side
        console = self.app.console
        lines: list[Line] = [Line(HEADER, t) for t in header.wrap(console, inner)]
        if rule:
            lines += [Line(RULE, Text()), Line(RULE, Text("─" * inner)), Line(RULE, Text())]
        count = len(lines)
        yield lines
        for number, text in enumerate(texts, start=1):
            wrapped = text.wrap(console, inner, overflow="fold")
            spans[number] = (count, len(wrapped))
            count += len(wrapped) + 1
            yield [*(Line(number, t) for t in wrapped), Line(number, Text())]

    def _span(self, number: int) -> tuple[int, int] | None:
        """Passage ``number``'s first line and line count, wrapping it if it was not yet."""
        if number not in self._spans and 1 <= number <= len(self._passages):
            self.finish_wrap()
        return self._spans.get(number)

    # Drawing.

    def line_state(self, number: int) -> tuple:
        owner = self._lines[number].owner
        return (owner > 0 and owner == self.cursor, self._flagged(number))

    def _flagged(self, number: int) -> bool:
        """Whether line ``number`` starts a marked passage or is a marked article's title."""
        owner = self._lines[number].owner
        if owner not in self.marked:
            return False
        span = self._spans.get(owner)
        return number == (0 if owner == HEADER else span[0] if span else -1)

    def draw(self, number: int, width: int) -> Strip:
        line = self._lines[number]
        on = line.owner > 0 and line.owner == self.cursor
        return self._draw(line, on, width, self._flagged(number))

    def _draw(self, line: Line, on: bool, width: int, flagged: bool = False) -> Strip:
        base = self.line_style()
        style = base + self.line_style("article-view--cursor") if on else base
        text = line.text
        if line.owner == RULE:
            text = Text(line.text.plain, style=self.line_style("article-view--rule"))
        gutter = (
            Segment(GUTTER, style + self.line_style("article-view--gutter"))
            if on
            else Segment(" ", style)
        )
        flag = Segment(FLAG, style + self.line_style("article-view--gutter")) if flagged else None
        return strip_of(self.app.console, text, width, style, (gutter, flag or Segment(" ", style)))

    def _refresh_passage(self, number: int) -> None:
        span = self._span(number)
        if span:
            first, count = span
            self.refresh_lines(first, count + 1)

    def after_relayout(self) -> None:
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self._refresh_passage(self.cursor)

    # The cursor.

    def go_to(self, number: int) -> None:
        """Put the cursor on passage ``number`` (clamped to the article)."""
        if self.article and self.article.passages:
            self.cursor = max(1, min(number, len(self.article.passages)))

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_passage(old)
        self._refresh_passage(new)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        span = self._span(self.cursor)
        if span:
            first, count = span
            height = self.scrollable_content_region.height
            # A passage taller than the pane shows from its first line.
            region = Region(0, first, 1, min(count + 1, max(height, 1)))
            self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def action_move(self, step: int) -> None:
        self.go_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        """Scroll a page; the cursor follows to the first passage in view."""
        height = max(self.scrollable_content_region.height, 1)
        self.scroll_to(y=self.scroll_offset.y + step * height, animate=False, immediate=True)
        self.finish_wrap()
        top = self.scroll_offset.y
        visible = [n for n, (first, count) in self._spans.items() if first + count > top]
        if step > 0 and top >= self.max_scroll_y and self._spans:
            # The end is in view (or the article fits): no page is left, so the last passage.
            self.go_to(max(self._spans))
        elif visible:
            self.go_to(visible[0])

    def on_click(self, event: events.Click) -> None:
        number = self.line_at(event)
        self.focus()
        if number is not None and self._lines[number].owner > 0:
            self.go_to(self._lines[number].owner)
