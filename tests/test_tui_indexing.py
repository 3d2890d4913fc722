"""Opening the reader: indexing a corpus, its progress, the three panes.

Pilot tests with plain asserts on what a user would notice, on the seeds
(and :class:`tests.tui_helpers.StubLibrary` for the comparison data)."""

from __future__ import annotations

import threading

import pytest

from index.library import Library
from tui.app import NewsdeskApp
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.sources import SourcesList

from . import tui_helpers
from .tui_helpers import (
    EFE,
    FIFTH,
    FOURTH,
    JAZEERA,
    THIRD,
    reader,
    run,
    screen_text,
    settle,
    shown,
)

index_dir, library = tui_helpers.index_dir, tui_helpers.library  # fixtures


def test_opens_on_the_first_article_after_indexing(library, reader_pilot):
    async def body(app, pilot):
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

    reader_pilot(library, body, (120, 40))


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


def test_a_large_index_shows_its_first_rows_first_then_the_whole_list(
    tmp_path, monkeypatch, reader_pilot
):
    from index import listing

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

    async def body(app, pilot):
        assert populated == [12, 40]  # the head drawn first, then every article
        screen = reader(app)
        assert screen.sources.article_ids == [f"{n:02}.txt" for n in range(40)]
        assert shown(app) == ("00.txt", 1)
        await pilot.press("shift+tab", "end")  # the whole list is there to walk
        assert screen.sources.current_id == "39.txt"

    reader_pilot(Library([corpus], tmp_path / "index"), body, (160, 50))


@pytest.mark.parametrize("apart", [False, True], ids=["in-process", "apart"])
def test_an_index_that_cannot_be_made_is_reported_without_a_traceback(
    tmp_path, apart, reader_pilot
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    async def body(app, pilot):
        assert "No articles to show" in screen_text(app)
        assert "could not be read" in screen_text(app)
        notes = [n.message for n in app._notifications]
        assert any("cannot create the index folder" in n for n in notes), notes

    reader_pilot(
        Library(index_dir=blocker / "index", apart=apart), body, (120, 40), notifications=True
    )


def test_read_only_index_is_opened_without_updating(tmp_path, reader_pilot):
    Library(index_dir=tmp_path / "index").update()

    class ReadOnly(Library):
        read_only = True

        def update(self, progress=None):
            raise AssertionError("a read-only index must not be updated")

    async def body(app, pilot):
        assert shown(app) == (EFE, 1)
        assert any("read-only" in n.message for n in app._notifications)

    reader_pilot(ReadOnly(index_dir=tmp_path / "index"), body, (120, 40), notifications=True)


def test_an_empty_corpus_says_so(tmp_path, reader_pilot):
    corpus = tmp_path / "empty"
    corpus.mkdir()
    (corpus / "broken.json").write_text("{", encoding="utf-8")

    async def body(app, pilot):
        text = screen_text(app)
        assert "No articles to show" in text
        assert "skipped broken.json" in text

    reader_pilot(Library([corpus], index_dir=tmp_path / "index"), body, (120, 40))
