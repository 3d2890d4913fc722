"""The screens the reader opens over itself to look something up: search
(and its hits, n / N), the entity browser, a passage side by side with
another source's, and a story's omission matrix. Each returns a
:class:`Position` to jump to; each is imported when first opened, as
Textual imports its widgets: start-up is what users wait for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from index.model import Hit, outlet_label

from .. import render
from ..inert import toast
from ..state import Position

if TYPE_CHECKING:
    from .reader import ReaderScreen
    from .search import SearchOutcome


@dataclass
class LastSearch:
    """The last search the user opened a result of, for n / N."""

    query: str = ""
    hits: tuple[Hit, ...] = ()
    index: int = 0
    words: set[str] = field(default_factory=set)


class Lookups:
    """Search, entities, side by side and the matrix: a part of :class:`ReaderScreen`."""

    def __init__(self) -> None:
        super().__init__()
        self.searched = LastSearch()  # n / N walk its hits; F, S and x use its query

    def action_search(self, query: str = "") -> None:
        """The search box, on the last query (or ``query``, a saved search)."""
        from .search import SearchScreen

        reader = cast("ReaderScreen", self)
        titles = {e.id: render.title_of(e) for e in reader.entries}
        query = query or reader.searched.query
        screen = SearchScreen(reader.library, query, titles, lambda: reader.building)
        reader.app.push_screen(screen, reader._searched)

    async def _searched(self, outcome: SearchOutcome | None) -> None:
        reader = cast("ReaderScreen", self)
        if outcome is None:
            return
        words = set().union(*(h.terms for h in outcome.hits))
        reader.searched = LastSearch(outcome.query, outcome.hits, outcome.index, words)
        await reader._open_hit()

    async def _open_hit(self) -> None:
        reader = cast("ReaderScreen", self)
        hit = reader.searched.hits[reader.searched.index]
        if await reader.open(Position(hit.article_id, hit.passage), terms=reader.searched.words):
            reader.activate("article")

    async def action_hit(self, step: int) -> None:
        reader = cast("ReaderScreen", self)
        hits = reader.searched.hits
        if not hits:
            toast(reader, "No search results: press / to search.", timeout=3)
            return
        reader.searched.index = (reader.searched.index + step) % len(hits)
        await reader._open_hit()
        toast(reader, f"Result {reader.searched.index + 1} of {len(hits)}", timeout=2)

    def action_entities(self) -> None:
        from .entities import EntityBrowser

        reader = cast("ReaderScreen", self)
        sources = {e.id: outlet_label(e.source) for e in reader.entries}
        titles = {e.id: render.heading(e) or e.id for e in reader.entries}
        browser = EntityBrowser(reader.library.entities(), sources, titles)
        reader.app.push_screen(browser, reader._go)

    async def _go(self, where: Position | None) -> None:
        reader = cast("ReaderScreen", self)
        if where is not None:
            await reader.jump(where)

    def action_diff(self) -> None:
        from .diff import DiffScreen, Side, candidates

        reader = cast("ReaderScreen", self)
        shown, number = reader.article.article, reader.article.cursor
        if shown is None or not number:
            return
        others = candidates(reader.cross.view, shown.source, shown.id)
        if not others:
            toast(reader, "No passage of another source is related to this one.", timeout=4)
            return
        passage = shown.passages[number - 1]
        here = Side(shown.id, number, shown.source, shown.title or "", passage.text)
        screen = DiffScreen(here, others)
        reader.app.push_screen(screen, reader._go)

    def action_matrix(self) -> None:
        from .matrix import MatrixScreen

        reader = cast("ReaderScreen", self)
        shown = reader.article.article
        story = next((s for s in reader.stories if shown and shown.id in s.articles), None)
        if story is None:
            toast(reader, "This article is in no story, so there is no matrix.", timeout=4)
            return
        matrix = reader.library.matrix(story.id)
        reader.app.push_screen(MatrixScreen(matrix, story.title), reader._go)
