"""What the reader's Pilot tests share: the seed articles' ids, a
:class:`StubLibrary` giving the comparison data the documented shapes (built
on the seed articles, so ids and offsets are real), the fixtures of a
private seeds index, and small helpers to drive and read the screen."""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from index.library import Library
from index.model import (
    Alias,
    CitedFact,
    Counterpart,
    CrossSourceView,
    Entity,
    EntityCoverage,
    EntityMention,
    EntityRef,
    FactView,
    MatrixCell,
    MatrixRow,
    MatrixSource,
    OmissionMatrix,
    QuoteView,
    RelatedPassage,
    Spelling,
    Story,
)
from tui.app import NewsdeskApp
from tui.screens.reader import ReaderScreen

EFE = "000_52c0d36fd34b07fa.txt"
JAZEERA = "001_4a6a3c07746cc093.txt"
THIRD = "002_a8eac72172824d05.txt"
FOURTH = "003_caa32e451265d8d9.txt"
FIFTH = "004_454988fc12dd0efa.txt"
STORY = Story("story-1", "Istanbul talks", (EFE, JAZEERA, THIRD))


def run(test: Callable[[], Awaitable[None]]) -> None:
    """Run an async Pilot test from a plain (sync) pytest function."""
    asyncio.run(test())


async def settle(app: NewsdeskApp, pilot: Pilot) -> None:
    """Wait for workers (indexing, search) and the messages they post."""
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()


def screen_text(app: NewsdeskApp) -> str:
    """What the active screen shows, as plain text, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def where_on_screen(app: NewsdeskApp, words: str) -> tuple[int, int]:
    """Row and column of the first place the screen shows ``words``."""
    for y, line in enumerate(screen_text(app).splitlines()):
        if words in line:
            return y, line.index(words)
    raise AssertionError(f"{words!r} is not on screen")


def cursor_marks(app: NewsdeskApp) -> set[str]:
    """The passage numbers (¶N) on the article pane's lines marked with the cursor bar."""
    pane = app.screen.query_one("#article").region
    marked = set()
    for line in screen_text(app).splitlines()[pane.y : pane.bottom]:
        inside = line[pane.x + 1 : pane.right - 1].lstrip()
        if inside.startswith("▌"):
            marked.update(re.findall(r"¶\d+", inside))
    return marked


def _span(library: Library, article_id: str, words: str) -> tuple[int, int]:
    article = library.article(article_id)
    start = article.text.index(words, article.passages[0].start)
    return start, start + len(words)


def cited(text: str, article: str = EFE, kind: str = "quantity", **more: Any) -> CitedFact:
    """A fact of ``article`` as the cross-source view gives it (offsets do not matter here)."""
    return CitedFact(f"{article}:1:0", article, 1, kind, text, 0, len(text), **more)


class StubLibrary(Library):
    """The seeds, plus stories, entities, mentions and cross-source views."""

    def stories(self) -> list[Story]:
        return [STORY]

    def analysis_of(self, article_id: str) -> dict[str, Any]:
        if article_id != EFE:
            return {}
        mentions = []
        for words, kind in (("Istanbul", "place"), ("Ukrainian", "group"), ("Tuesday", "date")):
            start, end = _span(self, EFE, words)
            mentions.append({"start": start, "end": end, "text": words, "kind": kind})
        return {"mentions": mentions}

    def entities(self, kind: str | None = None) -> list[Entity]:
        start, end = _span(self, JAZEERA, "Hakan Fidan")
        fidan = Entity(
            "person/hakan-fidan",
            "Hakan Fidan",
            "person",
            (Alias("Hakan Fidan", 2, ("Al Jazeera",)), Alias("Fidan", 3, ("Al Jazeera", "EFE"))),
            (
                EntityMention(JAZEERA, 2, start, end, "Hakan Fidan"),
                EntityMention(JAZEERA, 8, 0, 5, "Fidan"),
            ),
        )
        istanbul = Entity(
            "place/istanbul",
            "Istanbul",
            "place",
            (Alias("Istanbul", 9, ("EFE", "Al Jazeera")),),
            (EntityMention(EFE, 1, 0, 8, "Istanbul"),),
        )
        return [e for e in (fidan, istanbul) if kind is None or e.kind == kind]

    def related(self, article_id: str, number: int) -> CrossSourceView:
        view = super().related(article_id, number)
        if (article_id, number) != (EFE, 1):
            return view
        other = self.passage(JAZEERA, 1)
        related = RelatedPassage(
            JAZEERA,
            1,
            0.82,
            ("same story", "shared entities: Istanbul"),
            other.start,
            other.end,
            other.text,
            "Al Jazeera",
        )
        hour = cited("less than an hour", kind="duration", key="talks duration")
        facts = (
            FactView(
                hour,
                "differ",
                (
                    Counterpart(
                        cited("less than two hours", JAZEERA), "compatible", True, "Al Jazeera"
                    ),
                    Counterpart(cited("about three hours", THIRD), "differ", True, "Reuters"),
                ),
            ),
            FactView(cited("Tuesday", kind="date", key="talks day")),
        )
        istanbul = EntityCoverage(
            EntityRef("place/istanbul", "Istanbul", "place"),
            2,
            5,
            (Spelling("İstanbul", ("Anadolu",)),),
        )
        quote = QuoteView(
            "Rustem Umerov",
            cited("ongoing prisoner exchanges", kind="quote"),
            (cited("we agreed to exchange 1,000", kind="quote", source="Al Jazeera"),),
        )
        return replace(view, related=(related,), facts=facts, entities=(istanbul,), quotes=(quote,))

    def matrix(self, story_id: str) -> OmissionMatrix:
        prisoners = MatrixCell("1,200 prisoners", "f1", 3, 0, 15, 1200)
        hour, hours = (
            MatrixCell("less than an hour", "f2", 2, 0, 17, 1),
            MatrixCell("less than two hours", "f3", 4, 0, 19, 2),
        )
        return OmissionMatrix(
            story_id,
            STORY.title,
            (MatrixSource(EFE, "EFE"), MatrixSource(JAZEERA, "Al Jazeera")),
            (
                MatrixRow(
                    "prisoners",
                    "prisoners to be exchanged",
                    "differ",
                    {EFE: None, JAZEERA: prisoners},
                ),
                MatrixRow("duration", "length of the talks", "agree", {EFE: hour, JAZEERA: hours}),
            ),
        )


@pytest.fixture
def index_dir(plain_seeds_index, tmp_path) -> Path:
    """A private copy of the seeds index (not analysed)."""
    target = tmp_path / "index"
    shutil.copytree(plain_seeds_index, target)
    return target


@pytest.fixture
def library(index_dir) -> Library:
    return Library(index_dir=index_dir)


@pytest.fixture
def stub(index_dir) -> StubLibrary:
    return StubLibrary(index_dir=index_dir)


def reader(app: NewsdeskApp) -> ReaderScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen


def shown(app: NewsdeskApp) -> tuple[str | None, int]:
    """The article and passage under the cursor."""
    view = reader(app).article
    return (view.article.id if view.article else None), view.cursor


async def press(app: NewsdeskApp, pilot: Pilot, *keys: str) -> None:
    """Press keys and let the handlers they start (some async) finish."""
    await pilot.press(*keys)
    await pilot.pause()


async def search_for(app: NewsdeskApp, pilot: Pilot, query: str) -> None:
    """Search with / and open the first result."""
    from textual.widgets import Input

    await press(app, pilot, "slash")
    app.screen.query_one(Input).value = query
    await settle(app, pilot)
    await press(app, pilot, "enter")


def long_corpus(tmp_path: Path, articles: int = 1, passages: int = 60) -> Path:
    """Articles of many numbered passages, each a few lines long."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(articles):
        body = "\n\n".join(
            f"Passage {p} of report {n}: the council met again and the mayor said the "
            f"budget for the harbour would be {p} million."
            for p in range(1, passages + 1)
        )
        (corpus / f"{n:02}.txt").write_text(f"Report {n}\n\n{body}\n")
    return corpus


def indexed(corpus: Path, tmp_path: Path) -> Library:
    """A library on ``corpus``, indexed before the reader opens it."""
    Library([corpus], tmp_path / "index").update()
    return Library([corpus], tmp_path / "index")
