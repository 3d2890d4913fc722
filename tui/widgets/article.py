"""The centre pane: one article, its passages, and the passage cursor."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from index.model import Article

from .. import render


class PassageBlock(Static):
    """One passage, numbered; a click puts the cursor on it."""

    @dataclass
    class Clicked(Message):
        number: int

    def __init__(self, number: int, text: Text) -> None:
        super().__init__(Text.assemble((f"¶{number}  ", "dim"), text), classes="passage")
        self.number = number

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Clicked(self.number))


class ArticleView(VerticalScroll, can_focus=True):
    """An article's header and passages, with a cursor on one passage.

    The cursor is marked by a gutter bar (``▌``) as well as a background, so
    it shows without colour too.
    """

    BORDER_TITLE = "Article"
    BINDINGS = [
        Binding("down,j", "move(1)", "Next passage", show=False, id="article.next_passage"),
        Binding("up,k", "move(-1)", "Previous passage", show=False, id="article.prev_passage"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    @dataclass
    class PassageChanged(Message):
        """The passage under the cursor changed; repeats in the queue merge into the last."""

        view: ArticleView
        article_id: str
        number: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleView.PassageChanged)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.terms: frozenset[str] = frozenset()

    def compose(self):
        yield Static(Text("Opening the index…", style="dim"), id="article-header")

    @property
    def blocks(self) -> list[PassageBlock]:
        return list(self.query(PassageBlock))

    async def show(
        self,
        article: Article,
        mentions: Iterable[Mapping[str, Any]] = (),
        terms: Iterable[str] = (),
        passage: int = 1,
    ) -> None:
        """Replace the shown article, with ``passage`` under the cursor."""
        mentions, self.terms = list(mentions), frozenset(terms)
        self.article = article
        with self.app.batch_update():
            await self.query(PassageBlock).remove()
            self.query_one("#article-header", Static).update(render.article_header(article))
            blocks = [
                PassageBlock(p.number, render.passage_text(p, mentions, self.terms))
                for p in article.passages
            ]
            await self.mount_all(blocks)
        self.scroll_home(animate=False)
        self.set_reactive(ArticleView.cursor, 0)
        self.go_to(passage)

    def show_message(self, message: Text) -> None:
        """An empty state (no articles, or indexing still running)."""
        self.query_one("#article-header", Static).update(message)

    def go_to(self, number: int) -> None:
        """Put the cursor on passage ``number`` (clamped to the article)."""
        if self.article and self.article.passages:
            self.cursor = max(1, min(number, len(self.article.passages)))

    def watch_cursor(self, old: int, new: int) -> None:
        blocks = self.blocks
        for number, on in ((old, False), (new, True)):
            if 1 <= number <= len(blocks):
                blocks[number - 1].set_class(on, "-cursor")
        if 1 <= new <= len(blocks):
            # Just-mounted passages have no layout yet: scroll once they do.
            self.call_after_refresh(self.scroll_to_widget, blocks[new - 1], animate=False)
        if self.article:
            self.post_message(self.PassageChanged(self, self.article.id, new))

    def action_move(self, step: int) -> None:
        self.go_to(self.cursor + step)

    def on_passage_block_clicked(self, message: PassageBlock.Clicked) -> None:
        self.focus()
        self.go_to(message.number)
