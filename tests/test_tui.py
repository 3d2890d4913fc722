"""Pilot tests of the reader: every binding, both layouts, untrusted text.

Plain asserts on what a user would notice. The comparison data (stories,
entities, cross-source views, matrices) is still empty on the seeds, so a
:class:`StubLibrary` returns the documented shapes, built on the seed
articles so ids and offsets are real.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import threading
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from index import dates
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
    Passage,
    QuoteView,
    RelatedPassage,
    Spelling,
    Story,
)
from index.search import with_prefix
from tui import render
from tui.app import NewsdeskApp
from tui.commands import ArticleCommands, EntityCommands, StoryCommands
from tui.screens.diff import DiffScreen
from tui.screens.entities import EntityBrowser
from tui.screens.help import HelpScreen
from tui.screens.matrix import MatrixScreen
from tui.screens.reader import PANES, ReaderScreen
from tui.screens.search import SearchScreen
from tui.state import Position, ReadingState
from tui.widgets.crosssource import CrossSourcePane
from tui.widgets.panebar import PaneBar
from tui.widgets.sources import SourcesList

from .conftest import TODAY

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


# Fixtures and small helpers.


@pytest.fixture(scope="session")
def seeds_index(tmp_path_factory) -> Path:
    """The seeds indexed once (at the tests' fixed date); each test gets a copy."""
    path = tmp_path_factory.mktemp("seeds-index") / "index"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates, "today", lambda: TODAY)
        Library(index_dir=path).update()
    return path


@pytest.fixture
def index_dir(seeds_index, tmp_path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(seeds_index, target)
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


# Opening, indexing, the three panes.


def test_opens_on_the_first_article_after_indexing(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            screen = reader(app)
            assert shown(app) == (EFE, 1)
            assert screen.sources.article_ids == [EFE, JAZEERA, THIRD, FOURTH, FIFTH]
            assert not screen.query_one("#indexing").display
            text = screen_text(app)
            assert "Ukraine and Russia end Istanbul peace talks" in text
            assert "?Jul. 23, 3035" in text  # the untrusted raw date, marked
            assert "date not used" in text
            assert "Nothing from other sources" in text
            assert app.focused is screen.article

    run(test)


def test_indexing_shows_progress_and_the_interface_keeps_running(tmp_path):
    release = threading.Event()

    class SlowLibrary(Library):
        def update(self, progress=None):
            progress(1, 2, "first.txt")
            release.wait(10)
            return super().update(progress)

    async def test():
        app = NewsdeskApp(SlowLibrary(index_dir=tmp_path / "index"))
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(50):
                await pilot.pause(0.02)
                if "Indexing 1/2" in screen_text(app):
                    break
            assert "Indexing 1/2" in screen_text(app)
            assert reader(app).query_one("#indexing").display
            await pilot.press("question_mark")  # keys still work while indexing
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            release.set()
            await settle(app, pilot)
            assert not reader(app).query_one("#indexing").display
            assert shown(app) == (EFE, 1)

    run(test)


def test_the_reader_indexes_a_new_corpus_in_a_process_of_its_own(seeds_copy, tmp_path):
    library = Library([seeds_copy], tmp_path / "index", apart=True)  # as the command opens it

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            screen = reader(app)
            assert sorted(screen.sources.article_ids) == sorted(
                [EFE, JAZEERA, THIRD, FOURTH, FIFTH]
            )
            assert shown(app) == (EFE, 1)
            assert not screen.query_one("#indexing").display
        assert library.exists and library.search("prisoners").total > 0

    run(test)


def test_a_built_index_shows_the_article_in_the_first_frame(library):
    frames: list[str] = []

    async def test():
        app = NewsdeskApp(library)
        display = app._display

        def recording(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None and isinstance(screen, ReaderScreen):
                frames.append(screen_text(app))

        app._display = recording  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
        first = frames[0]
        assert "Istanbul, Turkey (EFE)" in first  # the first passage of the first article
        assert "¶1" in first and "Efforts to negotiate" in first  # and the list beside it

    run(test)


def test_a_large_index_shows_its_first_rows_first_then_the_whole_list(tmp_path, monkeypatch):
    from index import listing
    from tui.widgets.sources import SourcesList

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(40):
        (corpus / f"{n:02}.txt").write_text(f"Report {n}\n\nThe council met on day {n}.\n")
    monkeypatch.setattr(listing, "HEAD", 12)  # the head stored with the commit
    Library([corpus], tmp_path / "index").update()
    populated: list[int] = []
    populate = SourcesList.populate

    def counting(self, groups, read):
        populate(self, groups, read)
        populated.append(len(self.article_ids))

    monkeypatch.setattr(SourcesList, "populate", counting)

    async def test():
        app = NewsdeskApp(Library([corpus], tmp_path / "index"))
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            assert populated == [12, 40]  # the head drawn first, then every article
            screen = reader(app)
            assert screen.sources.article_ids == [f"{n:02}.txt" for n in range(40)]
            assert shown(app) == ("00.txt", 1)
            await pilot.press("shift+tab", "end")  # the whole list is there to walk
            assert screen.sources.current_id == "39.txt"

    run(test)


@pytest.mark.parametrize("apart", [False, True], ids=["in-process", "apart"])
def test_an_index_that_cannot_be_made_is_reported_without_a_traceback(tmp_path, apart):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    async def test():
        app = NewsdeskApp(Library(index_dir=blocker / "index", apart=apart))
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            assert "No articles to show" in screen_text(app)
            assert "could not be read" in screen_text(app)
            notes = [n.message for n in app._notifications]
            assert any("cannot create the index folder" in n for n in notes), notes

    run(test)


def test_read_only_index_is_opened_without_updating(tmp_path):
    Library(index_dir=tmp_path / "index").update()

    class ReadOnly(Library):
        read_only = True

        def update(self, progress=None):
            raise AssertionError("a read-only index must not be updated")

    async def test():
        app = NewsdeskApp(ReadOnly(index_dir=tmp_path / "index"))
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            assert shown(app) == (EFE, 1)
            assert any("read-only" in n.message for n in app._notifications)

    run(test)


def test_an_empty_corpus_says_so(tmp_path):
    corpus = tmp_path / "empty"
    corpus.mkdir()
    (corpus / "broken.json").write_text("{", encoding="utf-8")

    async def test():
        app = NewsdeskApp(Library([corpus], index_dir=tmp_path / "index"))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            text = screen_text(app)
            assert "No articles to show" in text
            assert "skipped broken.json" in text

    run(test)


# Moving: passages, articles, panes, history.


def test_passage_keys_move_the_cursor(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "j", "j")
            assert shown(app) == (EFE, 3)
            await press(app, pilot, "k")
            assert shown(app) == (EFE, 2)
            await press(app, pilot, "down", "down")
            assert shown(app) == (EFE, 4)
            await press(app, pilot, "up")
            assert shown(app) == (EFE, 3)
            assert cursor_marks(app) == {"¶3"}
            await press(app, pilot, *["k"] * 5)  # stops at the first passage
            assert shown(app) == (EFE, 1)

    run(test)


def test_page_keys_scroll_the_article_and_the_cursor_follows(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 24)) as pilot:
            await settle(app, pilot)
            view = reader(app).article
            await press(app, pilot, "pagedown")
            assert view.scroll_offset.y > 0
            number = shown(app)[1]
            assert number > 1 and cursor_marks(app) == {f"¶{number}"}
            await press(app, pilot, "pageup")
            assert view.scroll_offset.y == 0 and shown(app) == (EFE, 1)

    run(test)


def test_page_down_at_the_end_of_a_short_article_goes_to_its_last_passage(tmp_path):
    library = indexed(long_corpus(tmp_path, passages=3), tmp_path)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "pagedown")
            assert shown(app) == ("00.txt", 3) and cursor_marks(app) == {"¶3"}
            await press(app, pilot, "pageup")
            assert shown(app) == ("00.txt", 1)

    run(test)


def test_the_article_header_shows_its_url(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = {
        "title": "Harbour budget",
        "url": "https://example.org/harbour-budget",
        "text": "The council met again.\n\nThe mayor spoke.",
    }
    (corpus / "a.json").write_text(json.dumps(article), encoding="utf-8")
    library = indexed(corpus, tmp_path)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(app, pilot)
            assert "https://example.org/harbour-budget" in screen_text(app)

    run(test)


def test_clicking_a_passage_moves_the_cursor(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            y, x = where_on_screen(app, "¶2")
            await pilot.click(offset=(x + 6, y))
            await settle(app, pilot)
            assert shown(app) == (EFE, 2)
            assert cursor_marks(app) == {"¶2"}

    run(test)


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


def test_a_long_article_opens_at_a_passage_far_down_and_is_read_to_its_end(tmp_path):
    library = indexed(long_corpus(tmp_path, articles=2), tmp_path)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 24)) as pilot:
            await settle(app, pilot)
            screen = reader(app)
            # Far below the first screenful, which is all that is wrapped before the
            # first frame: the passage is there at once, in view and under the cursor.
            await screen.open(Position("01.txt", 55))
            assert shown(app) == ("01.txt", 55)
            await pilot.pause()
            assert cursor_marks(app) == {"¶55"}
            # Keys typed together with the one that opened an article arrive before
            # the rest of it is wrapped: every one of them still moves the cursor.
            await pilot.press("K", *["j"] * 40)
            await pilot.pause()
            assert shown(app) == ("00.txt", 41) and cursor_marks(app) == {"¶41"}
            await press(app, pilot, *["j"] * 30)  # stops at the last passage
            assert shown(app) == ("00.txt", 60) and cursor_marks(app) == {"¶60"}
            assert "60 million." in screen_text(app)

    run(test)


def test_articles_long_and_short_are_wrapped_at_the_same_width(tmp_path):
    corpus = long_corpus(tmp_path)
    (corpus / "01.txt").write_text("Short report\n\nThe council met.\n")
    library = indexed(corpus, tmp_path)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            view = reader(app).article
            widths = []
            for article_id in ("00.txt", "01.txt", "00.txt"):
                await reader(app).open(Position(article_id))
                await pilot.pause()
                widths.append(view.wrap_width)
                assert view.show_vertical_scrollbar  # always there: nothing moves
            assert len(set(widths)) == 1

    run(test)


def test_a_resized_terminal_wraps_the_article_again_and_keeps_the_cursor_in_view(tmp_path):
    library = indexed(long_corpus(tmp_path), tmp_path)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, *["j"] * 20)
            view = reader(app).article
            narrow = view.wrap_width
            await pilot.resize_terminal(170, 30)
            await pilot.pause()
            assert view.wrap_width > narrow
            left, right = view.region.x, view.region.right
            drawn = [row[left:right].strip("│ ▌") for row in screen_text(app).splitlines()]
            assert max(len(row) for row in drawn) > narrow  # wrapped to the wider pane
            assert cursor_marks(app) == {"¶21"}

    run(test)


def test_the_sources_list_brings_an_article_out_of_view_to_the_middle(tmp_path):
    library = indexed(long_corpus(tmp_path, articles=40, passages=1), tmp_path)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 24)) as pilot:
            await settle(app, pilot)
            sources = reader(app).sources
            height = sources.scrollable_content_region.height
            await press(app, pilot, "shift+tab")
            top_rows = height // 2  # two lines an article
            await press(app, pilot, *["down"] * (top_rows - 1))
            assert sources.scroll_offset.y == 0  # still in view: the list stays
            await press(app, pilot, "down")  # the first one below the pane
            row = where_on_screen(app, "Report " + sources.current_id[:2].lstrip("0"))[0]
            middle = sources.region.y + sources.region.height // 2
            assert abs(row - middle) <= 2
            # The next articles are already in view: J walks them without scrolling.
            scrolled = sources.scroll_offset.y
            await press(app, pilot, "enter", "J", "J", "J")
            assert sources.scroll_offset.y == scrolled
            sources.focus()
            await press(app, pilot, "end")
            assert sources.current_id == "39.txt"
            assert "Report 39" in screen_text(app)

    run(test)


def test_the_next_article_is_prepared_while_reading_and_j_shows_it_the_same(library, monkeypatch):
    from tui.widgets.article import ArticleView

    wrapped: list[str] = []
    relayout = ArticleView.relayout

    def counting(self):
        wrapped.append(self.article.id if self.article else "")
        relayout(self)

    monkeypatch.setattr(ArticleView, "relayout", counting)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            wrapped.clear()
            await press(app, pilot, "J")
            assert shown(app) == (JAZEERA, 1)
            assert wrapped == []  # prepared while the first article was read
            prepared = screen_text(app)
            await reader(app).open(Position(JAZEERA), remember=False, reload=True)
            await pilot.pause()
            assert wrapped == [JAZEERA]  # built on the spot this time
            assert screen_text(app) == prepared
            # With search words the article is built again, to highlight them.
            await reader(app).open(Position(THIRD), terms={"prisoners"})
            await pilot.pause()
            assert wrapped[-1] == THIRD

    run(test)


def test_full_garbage_collections_wait_for_a_pause(library, monkeypatch):
    import gc

    import tui.app

    collections: list[float] = []
    monkeypatch.setattr(tui.app, "IDLE", 0.6)
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or 0)
    before = gc.get_threshold()

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert gc.get_threshold()[2] == tui.app.NEVER  # none in the middle of a key
            await asyncio.sleep(1.5)
            collections.clear()
            for _ in range(8):  # keys a little apart, as typed
                await press(app, pilot, "j")
                await asyncio.sleep(0.05)
            assert collections == []
            await asyncio.sleep(1.5)  # the user pauses
            assert collections == [1]
            await asyncio.sleep(1.5)  # nothing happened since: nothing to collect
            assert collections == [1]
        assert gc.get_threshold() == before

    run(test)


@pytest.mark.parametrize(
    "forward, backward", [("J", "K"), ("right_square_bracket", "left_square_bracket")]
)
def test_article_keys_change_the_article_and_mark_it_read(library, forward, backward):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            sources = reader(app).sources
            assert "●" in sources.entry_text(JAZEERA)
            await press(app, pilot, forward)
            assert shown(app) == (JAZEERA, 1)
            assert sources.current_id == JAZEERA
            assert app.reading.is_read(JAZEERA)
            assert "●" not in sources.entry_text(JAZEERA)
            await press(app, pilot, forward, forward)
            assert shown(app)[0] == FOURTH
            await press(app, pilot, backward)
            assert shown(app)[0] == THIRD

    run(test)


def test_choosing_an_article_in_the_sources_list_opens_it(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "shift+tab")
            assert app.focused is reader(app).sources
            await press(app, pilot, "down", "down", "enter")
            assert shown(app) == (THIRD, 1)

    run(test)


def test_sources_list_keys_skip_headings_and_a_click_opens_an_article(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            sources = reader(app).sources
            ids = sources.article_ids
            await press(app, pilot, "shift+tab", "end")
            assert sources.current_id == ids[-1]
            await press(app, pilot, "home")
            assert sources.current_id == ids[0]
            await press(app, pilot, "pagedown")
            assert sources.current_id == ids[-1]
            await press(app, pilot, "up")
            assert sources.current_id == ids[-2]
            assert shown(app)[0] == ids[0]  # moving the highlight opens nothing
            # Click the third article's title where the pane shows it.
            title = sources.entry_text(ids[2]).splitlines()[1][:15]
            rows = [line[: sources.region.right] for line in screen_text(app).splitlines()]
            y = next(n for n, line in enumerate(rows) if title in line)
            await pilot.click(offset=(rows[y].index(title) + 2, y))
            await settle(app, pilot)
            assert shown(app) == (ids[2], 1)
            assert sources.current_id == ids[2]

    run(test)


def test_j_and_k_in_the_sources_pane_move_the_list_not_the_article(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            sources = reader(app).sources
            ids = sources.article_ids
            await press(app, pilot, "shift+tab")
            await press(app, pilot, "j", "j")
            assert sources.current_id == ids[2]
            await press(app, pilot, "k")
            assert sources.current_id == ids[1]
            assert shown(app) == (ids[0], 1)  # the article and its cursor stay

    run(test)


def test_a_narrow_footer_keeps_quit_and_help(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(60, 20)) as pilot:
            await settle(app, pilot)
            footer = screen_text(app).splitlines()[-1]
            assert "q Quit" in footer and "? Help" in footer

    run(test)


def test_tab_moves_between_the_panes(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            screen = reader(app)
            assert screen.pane_of(app.focused) == "article"
            await press(app, pilot, "tab")
            assert screen.pane_of(app.focused) == "cross"
            await press(app, pilot, "tab")
            assert screen.pane_of(app.focused) == "sources"
            await press(app, pilot, "shift+tab")
            assert screen.pane_of(app.focused) == "cross"

    run(test)


def test_a_built_index_opens_at_once_then_shows_what_its_update_added(
    seeds_copy, tmp_path, monkeypatch
):
    from tui.screens import loading

    Library([seeds_copy], tmp_path / "index").update()
    (seeds_copy / "late.txt").write_text(
        "A report that arrived later\n\nIstanbul talks resumed with prisoners on the agenda.\n",
        encoding="utf-8",
    )
    listed: list[int] = []
    read = loading.read_entries

    def counting(library):
        entries = read(library)
        listed.append(len(entries))
        return entries

    monkeypatch.setattr(loading, "read_entries", counting)

    async def test():
        app = NewsdeskApp(Library([seeds_copy], tmp_path / "index"))
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            # The last commit was listed before the update, then the list again after it.
            assert listed == [5, 6]
            assert "late.txt" in reader(app).sources.article_ids
            assert shown(app) == (EFE, 1)  # the reader stayed where it opened

    run(test)


def test_a_query_typed_in_one_go_with_the_slash_reaches_the_search_box(library):
    """ "/pris" in one read (a fast typist over SSH): the letters arrive before the
    search box is up, and used to be lost."""

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            for key, character in [("slash", "/"), ("p", "p"), ("r", "r"), ("i", "i"), ("s", "s")]:
                event = events.Key(key, character)
                event.set_sender(app)
                app._driver.send_message(event)
            await pilot.pause(0.3)
            await settle(app, pilot)
            assert isinstance(app.screen, SearchScreen)
            assert app.screen.query_one(Input).value == "pris"
            assert "passages match" in screen_text(app)

    run(test)


def test_keys_typed_after_q_do_not_act_on_the_closing_reader(library):
    """q then e, ? and / in one read (fast typing over SSH): the reader just quits."""

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            for key, character in [("q", "q"), ("e", "e"), ("question_mark", "?"), ("slash", "/")]:
                event = events.Key(key, character)
                event.set_sender(app)
                app._driver.send_message(event)
            await pilot.pause(0.3)
            assert isinstance(app.screen, ReaderScreen)  # nothing opened on the way out
        assert app.return_code == 0

    run(test)


@pytest.mark.parametrize("size", [(160, 50), (80, 24)], ids=["wide", "narrow"])
def test_tabs_arriving_together_all_count(library, size):
    """Two Tabs in one read from the terminal (a fast typist over SSH) reach the sources."""

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            for _ in range(2):  # handed over without waiting, as the driver does
                key = events.Key("tab", "\t")
                key.set_sender(app)
                app._driver.send_message(key)
            await pilot.pause(0.3)
            await settle(app, pilot)
            assert reader(app).pane_of(app.focused) == "sources"
            assert reader(app).active_pane == "sources"

    run(test)


def test_a_key_typed_right_after_tab_goes_to_the_new_pane(index_dir):
    """Tab, Down, Enter in one read: Down picks the second related passage (it used
    to move the article's cursor, the focus not having moved yet) and Enter opens it."""
    from index.analysis import Analysis

    library = Library(index_dir=index_dir, analysis=Analysis())  # as analysed: no re-index

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            await reader(app).jump(Position(JAZEERA, 1))
            await pilot.pause()
            related = reader(app).cross.related
            assert len(related) >= 2 and shown(app) == (JAZEERA, 1)
            target = related[1]
            for key, character in [("tab", "\t"), ("down", None), ("enter", "\r")]:
                event = events.Key(key, character)
                event.set_sender(app)
                app._driver.send_message(event)
            await pilot.pause(0.3)
            await settle(app, pilot)
            assert shown(app) == (target.article_id, target.passage)

    run(test)


@pytest.mark.parametrize("back_key", ["backspace", "alt+left"])
def test_back_returns_to_where_the_user_was(library, back_key):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "j", "j", "J")
            assert shown(app) == (JAZEERA, 1)
            await press(app, pilot, "J")
            await press(app, pilot, back_key)
            assert shown(app) == (JAZEERA, 1)
            await press(app, pilot, back_key)
            assert shown(app) == (EFE, 3)

    run(test)


def test_read_marks_and_last_place_are_kept_between_sessions(library):
    async def first():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "J", "j", "j", "q")

    async def second():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert shown(app) == (JAZEERA, 3)
            assert app.reading.read >= {EFE, JAZEERA}
            assert "●" not in reader(app).sources.entry_text(EFE)

    run(first)
    saved = ReadingState.load(str(library.location))
    assert saved.read == {EFE, JAZEERA}
    assert saved.last == Position(JAZEERA, 3)
    run(second)


# The narrow layout.


def test_80x24_shows_one_pane_at_a_time(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            screen = reader(app)
            displayed = {p for p in PANES if screen.query_one(f"#{p}").display}
            assert displayed == {"article"}
            bar = screen.query_one(PaneBar)
            assert bar.display and bar.active == "article"
            assert "Sources  │  Article  │  Other sources" in screen_text(app)
            await press(app, pilot, "tab")
            assert {p for p in PANES if screen.query_one(f"#{p}").display} == {"cross"}
            assert bar.active == "cross"
            await press(app, pilot, "tab", "enter")  # sources pane, open its highlighted article
            assert {p for p in PANES if screen.query_one(f"#{p}").display} == {"sources"}
            await press(app, pilot, "J")
            assert shown(app) == (JAZEERA, 1)

    run(test)


def test_clicking_a_pane_name_shows_that_pane_on_narrow_screens(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            bar = reader(app).query_one(PaneBar)
            await pilot.click(bar, offset=(3, 0))
            await settle(app, pilot)
            assert bar.active == "sources"
            assert reader(app).query_one("#sources").display

    run(test)


def test_wide_screens_show_all_three_panes(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(200, 50)) as pilot:
            await settle(app, pilot)
            screen = reader(app)
            assert all(screen.query_one(f"#{p}").display for p in PANES)
            assert not screen.query_one(PaneBar).display

    run(test)


# Search.


async def search_for(
    app: NewsdeskApp, pilot: Pilot, query: str, typed: bool = False
) -> SearchScreen:
    """Open search and enter ``query``: key by key, or at once (faster) unless ``typed``."""
    await press(app, pilot, "slash")
    assert isinstance(app.screen, SearchScreen)
    if typed:
        await pilot.press(*query)
    else:
        app.screen.query_one(Input).value = query
    await settle(app, pilot)
    return app.screen


def test_a_keystroke_shows_the_first_results_at_once_then_all_of_them(library, monkeypatch):
    from tui.screens import search as search_module

    monkeypatch.setattr(search_module, "FIRST_RESULTS_BUDGET", 0.0)  # always cut short
    statuses: list[str] = []
    show = SearchScreen._show

    def recording(screen, result, query):
        show(screen, result, query)
        statuses.append(str(screen.query_one("#search-status", Static).content))

    monkeypatch.setattr(SearchScreen, "_show", recording)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            screen = await search_for(app, pilot, "prisoners")
            assert any("still searching…" in s for s in statuses)
            assert re.fullmatch(r"\d+ passages match", statuses[-1]), statuses
            assert "still searching" not in screen_text(app) and len(screen.hits) >= 3

    run(test)


def test_search_shows_results_as_you_type_and_enter_opens_the_passage(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            screen = await search_for(app, pilot, "prisoners", typed=True)
            assert len(screen.hits) >= 3
            assert "passages match" in screen_text(app)
            first = screen.hits[0]
            assert "prisoner" in str(screen.results.get_option_at_index(0).prompt)
            await press(app, pilot, "enter")
            assert isinstance(app.screen, ReaderScreen)
            assert shown(app) == (first.article_id, first.passage)
            view = reader(app).article
            assert view.terms  # the matched words are highlighted in the article
            content = view.passage_content(first.passage)
            assert any("reverse" in str(span.style) for span in content.spans), (
                "the search term is highlighted in the passage"
            )

    run(test)


def test_a_hit_highlights_its_words_in_the_passage_as_in_its_snippet(library):
    hit = library.search("prisoner", limit=1).hits[0]
    passage = Passage("a.txt", 1, 0, 52, "Prisoners were swapped; one prisoner, not imprisoned.")
    content = render.passage_text(passage, terms=hit.terms)
    marked = [passage.text[s.start : s.end] for s in content.spans if s.style == render.TERM_STYLE]
    assert marked == ["Prisoners", "prisoner"]  # every form the index matched, no other word
    assert {hit.snippet[s:e].lower() for s, e in hit.matches} <= {"prisoner", "prisoners"}


def test_search_result_can_be_chosen_from_the_list(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            screen = await search_for(app, pilot, "prisoners")
            second = screen.hits[1]
            await press(app, pilot, "down", "down", "enter")
            assert shown(app) == (second.article_id, second.passage)

    run(test)


def test_search_tries_the_last_word_as_a_prefix_while_typing(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert library.search("Dolmab").total == 0
            screen = await search_for(app, pilot, "Dolmab")
            assert screen.hits
            assert "Dolmab" in screen.hits[0].snippet

    run(test)


def test_a_bad_query_is_explained_inline(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await search_for(app, pilot, "colour:red")
            assert "unknown field 'colour'" in screen_text(app)
            await press(app, pilot, "escape")
            assert isinstance(app.screen, ReaderScreen)
            assert shown(app) == (EFE, 1)

    run(test)


def test_stale_search_results_are_dropped(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            screen = await search_for(app, pilot, "ceasefire")
            before = screen.hits
            old = library.search("prisoners")
            screen.post_message(SearchScreen.Results("prisoners", old))
            await settle(app, pilot)
            assert screen.hits == before

    run(test)


def test_n_and_shift_n_walk_the_search_hits(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "n")  # nothing searched yet: nothing happens
            assert shown(app) == (EFE, 1)
            screen = await search_for(app, pilot, "prisoners")
            hits = screen.hits
            await press(app, pilot, "enter")
            await press(app, pilot, "n")
            assert shown(app) == (hits[1].article_id, hits[1].passage)
            await press(app, pilot, "n")
            assert shown(app) == (hits[2].article_id, hits[2].passage)
            await press(app, pilot, "N", "N")
            assert shown(app) == (hits[0].article_id, hits[0].passage)
            await press(app, pilot, "slash")  # the search box reopens with the query
            assert app.screen.query_one(Input).value == "prisoners"

    run(test)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("pris", "pris*"),
        ("talks ceasef", "talks ceasef*"),
        ("p", None),  # one letter: too short
        ("ch", None),  # two letters would expand to thousands of words
        ("prisoners ", None),  # a space: the word is complete
        ("talks AND", None),  # an operator
        ("source:EFE", None),  # a field value
        ('"prisoners of war', '"prisoners of war*'),  # the search falls back if it cannot run
        ("1200", None),
        ("pris*", None),
    ],
)
def test_prefix_form_of_a_query(query, expected):
    assert with_prefix(query) == expected


# The cross-source pane (stub data until the analysis lands).


def test_cross_source_pane_shows_facts_related_entities_and_quotes(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            pane = reader(app).cross
            text = " ".join(pane.text.split())  # the pane's lines, wrapped to its width, rejoined
            assert "Facts" in screen_text(app) and "Related passages" in screen_text(app)
            assert not pane.is_empty and "Nothing from other sources" not in screen_text(app)
            for expected in (
                "less than an hour",
                "≈ compatible",
                "✗ differ",
                "• only here",
                "Al Jazeera",
                "same story, shared entities: Istanbul",
                "in 2 of 5 sources",
                "“İstanbul”",
                "Rustem Umerov",
                "we agreed to exchange 1,000",
            ):
                assert expected in text, expected
            await press(app, pilot, "j")  # passage 2 has nothing: the empty state returns
            assert pane.is_empty and not pane.related
            assert "Nothing from other sources" in screen_text(app)
            assert "Related passages" not in screen_text(app)

    run(test)


def test_enter_on_a_related_passage_jumps_there(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "tab")
            assert app.focused is reader(app).cross
            await press(app, pilot, "enter")
            assert shown(app) == (JAZEERA, 1)
            assert reader(app).pane_of(app.focused) == "article"
            await press(app, pilot, "backspace")
            assert shown(app) == (EFE, 1)

    run(test)


def test_entity_mentions_are_highlighted_by_kind(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            content = reader(app).article.passage_content(1)
            styled = {
                content.plain[span.start : span.end]: str(span.style) for span in content.spans
            }
            assert styled["Istanbul"] == render.KIND_STYLES["place"]
            assert styled["Ukrainian"] == render.KIND_STYLES["group"]
            assert styled["Tuesday"] == render.KIND_STYLES["date"]

    run(test)


def test_sources_are_grouped_by_story_with_the_rest_under_other(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            sources = reader(app).sources
            assert sources.headings == ["Istanbul talks  3", "Other  2"]
            text = screen_text(app)
            assert "Istanbul talks  3" in text and "Other  2" in text
            assert sources.article_ids == [EFE, JAZEERA, THIRD, FOURTH, FIFTH]

    run(test)


# The modal screens: help, entities, side by side, matrix.


def test_help_lists_the_keys_of_every_pane(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 150)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "question_mark")
            text = screen_text(app)
            for title, pane in (
                ("Sources pane", SourcesList),
                ("Other sources pane", CrossSourcePane),
            ):
                assert title in text
                for binding in pane.BINDINGS:
                    assert isinstance(binding, Binding) and binding.description in text

    run(test)


def test_help_lists_every_binding(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 110)) as pilot:  # the panes' keys, then the legend
            await settle(app, pilot)
            await press(app, pilot, "question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = screen_text(app)
            for binding in [*ReaderScreen.BINDINGS, *NewsdeskApp.BINDINGS]:
                assert binding.description in text, binding.description
            for keys, does in (
                ("j / ↓", "Next passage"),
                ("k / ↑", "Previous passage"),
                ("J / ]", "Next article"),
                ("K / [", "Previous article"),
                ("shift+tab", "Previous pane"),
                ("⌫ / alt+←", "Back"),
                ("N", "Previous hit"),
                ("?", "Help"),
            ):
                assert any(keys in line and does in line for line in text.splitlines()), keys
            assert "✓ agree" in text and "✗ differ" in text
            await press(app, pilot, "escape")
            assert isinstance(app.screen, ReaderScreen)

    run(test)


def test_bindings_have_ids_and_avoid_keys_terminals_confuse():
    confusing = {"ctrl+h", "ctrl+m", "ctrl+j", "ctrl+i"}
    for _section, bindings in NewsdeskApp(Library()).help_sections():
        for binding in bindings:
            assert not confusing & set(binding.key.split(",")), binding
            assert binding.id and binding.description, binding


def test_entity_browser_lists_entities_and_jumps_to_a_mention(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "e")
            assert isinstance(app.screen, EntityBrowser)
            text = screen_text(app)
            assert "Hakan Fidan" in text and "also: Fidan" in text
            await press(app, pilot, "enter")  # choose Hakan Fidan: its mentions get focus
            assert "Al Jazeera  ¶2  Hakan Fidan" in screen_text(app)
            await press(app, pilot, "enter")
            assert shown(app) == (JAZEERA, 2)

    run(test)


def test_entity_browser_filters_by_any_spelling(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "e")
            browser = app.screen
            browser.query_one(Input).focus()
            await press(app, pilot, *"istan")
            assert [e.name for e in browser.shown] == ["Istanbul"]

    run(test)


def test_entity_browser_filters_as_soon_as_one_types_in_its_list(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "e")
            browser = app.screen
            assert isinstance(app.focused, OptionList)
            await press(app, pilot, *"quest")  # q types, it does not quit
            assert browser.query_one(Input).value == "quest"
            assert isinstance(app.screen, EntityBrowser)
            await press(app, pilot, "backspace", "backspace", "backspace", "backspace", "backspace")
            await press(app, pilot, *"istan")
            assert [e.name for e in browser.shown] == ["Istanbul"]

    run(test)


def test_entity_browser_explains_when_there_are_no_entities(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "e")
            assert isinstance(app.screen, EntityBrowser)
            assert "No entities yet" in screen_text(app)
            await press(app, pilot, "escape")
            assert isinstance(app.screen, ReaderScreen)

    run(test)


def test_side_by_side_marks_differing_numbers_and_names(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "d")
            assert isinstance(app.screen, DiffScreen)
            text = screen_text(app)
            assert "EFE" in text and "Al Jazeera" in text
            assert "1 of 1 other sources" in text
            right = app.screen.query_one("#diff-right").content
            marked = [
                right.plain[s.start : s.end] for s in right.spans if "reverse" in str(s.style)
            ]
            assert "Russia" in marked or "Friday" in marked
            await press(app, pilot, "d")  # one other source: cycling stays on it
            assert app.screen.index == 0
            await press(app, pilot, "enter")
            assert shown(app) == (JAZEERA, 1)

    run(test)


def test_enter_in_the_article_compares_its_passage_with_other_sources(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            assert reader(app).pane_of(app.focused) == "article"
            await press(app, pilot, "enter")
            assert isinstance(app.screen, DiffScreen)

    run(test)


def test_side_by_side_explains_when_no_other_source_is_related(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "d")
            assert isinstance(app.screen, ReaderScreen)
            assert any("No passage of another source" in n.message for n in app._notifications)

    run(test)


def test_matrix_shows_facts_by_source_and_opens_a_cell(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "m")
            assert isinstance(app.screen, MatrixScreen)
            table = app.screen.query_one(DataTable)
            assert (table.row_count, len(table.columns)) == (2, 3)
            text = screen_text(app)
            assert "— not reported" in text and "✗ differ" in text and "Istanbul talks" in text
            await press(app, pilot, "right", "right", "enter")  # Al Jazeera's cell
            assert shown(app)[0] == JAZEERA

    run(test)


def test_matrix_shows_every_source_of_a_wide_story(stub, monkeypatch):
    outlets = ["EFE", "Al Jazeera", "Reuters", "BBC", "Anadolu"]
    label = "prisoners of war to be exchanged by both sides before the next round of talks"
    value = MatrixCell("1,000 prisoners of war each, by the end of the week", "f1", 1, 0, 51)
    matrix = OmissionMatrix(
        "story-1",
        "Istanbul talks",
        tuple(MatrixSource(f"a{n}", name) for n, name in enumerate(outlets)),
        (MatrixRow("prisoners", label, "agree", {"a1": value}),),
    )
    monkeypatch.setattr(StubLibrary, "matrix", lambda self, story_id: matrix)

    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "m")
            text = screen_text(app)
            assert all(name in text for name in outlets), text
            words = [*label.split(), *value.text.split()]
            assert all(word in text for word in words)  # wrapped, not cut

    run(test)


def test_matrix_needs_a_story(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "m")
            assert isinstance(app.screen, ReaderScreen)
            assert any("no story" in n.message for n in app._notifications)

    run(test)


# Command palette, copy, quit.


def test_command_palette_jumps_to_an_article(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "ctrl+p")
            await pilot.press(*"Al Jazeera")
            await pilot.pause(0.3)
            await press(app, pilot, "enter")
            assert shown(app)[0] == JAZEERA

    run(test)


@pytest.mark.parametrize(
    "provider, expected",
    [
        (ArticleCommands, "open EFE: Ukraine and Russia end"),
        (StoryCommands, "story Istanbul talks"),
        (EntityCommands, "entity Hakan Fidan"),
    ],
)
def test_palette_providers_offer_jumps(stub, provider, expected):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            texts = [t[0] for t in provider(reader(app)).targets()]
            assert any(t.startswith(expected) for t in texts), texts

    run(test)


def test_copy_puts_the_passage_and_its_citation_on_the_clipboard(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "c")
            passage = library.passage(EFE, 1)
            assert passage.text in app.clipboard
            assert "EFE" in app.clipboard
            assert "Ukraine and Russia end Istanbul peace talks" in app.clipboard
            assert f"{EFE} ¶1 [{passage.start}:{passage.end}]" in app.clipboard
            assert "Jul. 23, 3035 (unverified)" in app.clipboard
            assert any("Copied ¶1" in n.message for n in app._notifications)

    run(test)


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
def test_q_and_ctrl_c_quit(library, key):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await pilot.press(key)
            await pilot.pause()
            assert not app.is_running

    run(test)


# Untrusted text and styles without colour.

HOSTILE = (
    "---\n"
    'title: "Evil [bold red]x[/] title"\n'
    'source: "[link=https://e.vil]Outlet[/link]"\n'
    "---\n\n"
    "First \x1b]52;c;SGVsbG8=\x07 passage with [bold red]x[/] markup and \x1b[2J clear.\n\n"
    "Second \x9b31m c1 and \u202e bidi [link=https://e.vil]click[/link].\n"
)


def test_escape_sequences_and_markup_in_an_article_are_inert(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.md").write_text(HOSTILE, encoding="utf-8")

    async def test():
        app = NewsdeskApp(Library([corpus], index_dir=tmp_path / "index"))
        async with app.run_test(size=(160, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "c")
            text = screen_text(app)
            assert "Evil [bold red]x[/] title" in text
            assert "[link=https://e.vil]Outlet[/link]" in text
            assert "with [bold red]x[/] markup" in text
            assert "bidi [link=https://e.vil]click[/link]" in text
            assert "␛]52;c;SGVsbG8=␇" in text and "␛[2J" in text
            for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
                assert raw not in text
                assert raw not in app.clipboard
            statics = [w.content for w in app.screen.query(Static)]
            assert all(isinstance(c, (Text, str)) for c in statics)
            assert not any("\x1b" in str(c) for c in statics)

    run(test)


def test_every_highlight_has_a_cue_besides_colour():
    cues = ("bold", "underline", "italic", "reverse")
    for style in [*render.KIND_STYLES.values(), render.TERM_STYLE, render.NOTABLE_DIFF_STYLE]:
        assert any(cue in style for cue in cues), style
    assert len(set(render.KIND_STYLES.values())) == len(render.KIND_STYLES)
    for relation, (label, _style) in render.BADGES.items():
        assert relation.split()[0] in label and not label[0].isalnum()


def test_no_color_still_marks_the_passage_under_the_cursor(library, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert app.no_color
            cursor_rows = [line for line in screen_text(app).splitlines() if "▌ ¶1" in line]
            assert cursor_rows

    run(test)


def _luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def _contrast(a: Color, b: Color) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


async def _differ_as_drawn(app: NewsdeskApp) -> tuple[Color, Color]:
    """The colours of the differ badge as the terminal gets them (after NO_COLOR's filter)."""
    for strip in app.screen._compositor.render_strips():
        segments = list(strip)
        for line_filter in app.get_line_filters():
            segments = line_filter.apply(segments, Color(0, 0, 0))
        for segment in segments:
            if "✗ differ" in segment.text and segment.style:
                fg, bg = segment.style.color, segment.style.bgcolor
                assert fg and bg
                return Color.from_rich_color(fg), Color.from_rich_color(bg)
    raise AssertionError("no differ badge on screen")


@pytest.mark.parametrize("no_color", [False, True])
def test_differ_stands_out_with_and_without_colour(stub, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")

    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            fg, bg = await _differ_as_drawn(app)
            pane = Color.parse(app.get_css_variables()["surface"])
            assert bg != pane  # a block, not letters on the pane's background
            assert _contrast(fg, bg) >= (7 if no_color else 3.5)
            accent = Color.parse(app.get_css_variables()["accent"])
            assert bg != accent and fg != accent  # not the focused border's colour

    run(test)


def test_the_other_sources_pane_puts_facts_first_and_related_passages_last(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            text = reader(app).cross.text
            titles = ["Facts", "Entities", "Quotes", "Related passages"]
            assert [text.index(f"\n{t}\n") for t in titles] == sorted(
                text.index(f"\n{t}\n") for t in titles
            )
            assert "less than an hour" in screen_text(app)  # on the first screen

    run(test)


def test_the_other_sources_pane_shows_names_not_internal_keys(stub, monkeypatch):
    tuesday = cited("Tuesday", kind="date", key="date:talks", speaker="person:rustem-umerov")
    said = cited("we agreed", kind="quote")
    reasons = ("quote (as said by person:rustem-umerov)", "entity: place:kyiv")
    view = CrossSourceView(
        stub.passage(EFE, 1),
        related=(
            RelatedPassage(JAZEERA, 1, 0.5, reasons, text="The talks ended.", source="Al Jazeera"),
        ),
        facts=(FactView(tuesday),),
        quotes=(QuoteView("person:oleh-syniehubov", said),),
    )
    monkeypatch.setattr(StubLibrary, "related", lambda self, article_id, number: view)

    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            text = " ".join(reader(app).cross.text.split())  # as read, across wrapped lines
            assert not re.search(r"\b(?:person|place|date):", text), text
            for words in ("date of the talks", "Rustem Umerov", "Oleh Syniehubov", "Kyiv"):
                assert words in text

    run(test)


OTHER = FactView(
    cited("less than an hour", subject="duration of the talks"),
    "differ",
    (
        Counterpart(
            cited("less than two hours and a bit more", JAZEERA), "differ", False, "Al Jazeera"
        ),
    ),
)


@pytest.mark.parametrize("width", range(28, 52))
def test_wrapped_lines_of_the_other_sources_pane_keep_their_indent(width):
    lines = [t.plain for t in render.wrap_block(render.fact_block(OTHER), Console(), width)]
    value = next(n for n, line in enumerate(lines) if "✗ differ" in line)
    assert all(line.startswith("    ") for line in lines[value + 1 :]), lines
    assert not any(line.strip() in ("(other story)", "(other", "story)") for line in lines)
    assert all(len(line.rstrip()) <= width for line in lines), lines


# Pieces without a screen.


def test_reading_state_round_trip_and_damaged_file(tmp_path):
    state = ReadingState.load("corpus-a", tmp_path)
    state.mark_read(EFE)
    state.push(Position(EFE, 3))
    state.last = Position(JAZEERA, 2)
    assert state.save()
    other = ReadingState.load("corpus-b", tmp_path)
    other.mark_read(THIRD)
    other.save()
    again = ReadingState.load("corpus-a", tmp_path)
    assert (again.read, again.history, again.last) == (
        {EFE},
        [Position(EFE, 3)],
        Position(JAZEERA, 2),
    )
    assert again.back() == Position(EFE, 3) and again.back() is None
    (tmp_path / "reading.json").write_text("{not json", encoding="utf-8")
    assert ReadingState.load("corpus-a", tmp_path).read == set()


def test_citation_names_outlet_title_date_file_and_offsets(library):
    library.update()
    article = library.article(JAZEERA)
    cited = render.citation(article, article.passages[1])
    assert cited.startswith(f"“{article.passages[1].text}”")
    assert "Al Jazeera" in cited and f"{JAZEERA} ¶2" in cited and "no date" in cited
