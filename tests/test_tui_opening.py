"""Opening a folder whose first index is not written yet, as a user finds it
after pressing q during that first index: the reader names the folder, says
the truth, and search says the index is not ready instead of "0 passages"."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from textual.widgets import Static

from index.engines.whoosh import open_for_writing
from index.library import Library
from tui.app import NewsdeskApp
from tui.screens.search import SearchScreen


def screen_text(app: NewsdeskApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


class HeldLibrary(Library):
    """A library whose update waits until the test lets it run."""

    release = threading.Event()

    def update(self, progress=None, wait: float = 10.0):
        if progress:
            progress(1, 5, "000_52c0d36fd34b07fa.txt")
        self.release.wait(20)
        return super().update(progress, wait)


async def _wait_for(app: NewsdeskApp, pilot, words: str) -> None:
    for _ in range(100):
        await pilot.pause(0.02)
        if words in screen_text(app):
            return
    raise AssertionError(f"{words!r} never shown:\n{screen_text(app)}")


def test_a_stopped_first_index_is_reported_as_indexing_and_search_as_not_ready(
    seeds_copy: Path, tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path))  # the folder is named as ~/corpus
    index = tmp_path / "indexes" / "corpus-0123"
    open_for_writing(index)  # what a first run stopped by q leaves: an index with nothing in it
    HeldLibrary.release = threading.Event()
    library = HeldLibrary([seeds_copy], index)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await _wait_for(app, pilot, "No articles have been indexed yet")
            text = screen_text(app)
            assert "Nothing readable" not in text
            assert str(index) not in text and "corpus-0123" not in text
            assert "Indexing ~/corpus…" in text
            await pilot.press("slash")
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen)
            await pilot.press(*"prisoners")
            await app.workers.wait_for_complete()
            await pilot.pause()
            status = str(app.screen.query_one("#search-status", Static).render())
            assert "Not ready yet" in status and "0 passages" not in status
            await pilot.press("escape")
            HeldLibrary.release.set()
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            assert "Ukraine and Russia end Istanbul peace talks" in screen_text(app)

    asyncio.run(test())


def test_a_folder_with_nothing_readable_is_named_not_its_index(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    corpus = tmp_path / "empty-news"
    corpus.mkdir()
    (corpus / "notes.bin").write_bytes(b"\x00\x01")
    index = tmp_path / "indexes" / "empty-news-4567"

    async def test():
        app = NewsdeskApp(Library([corpus], index))
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            text = screen_text(app)
            assert "Nothing readable was found in ~/empty-news" in text
            assert "empty-news-4567" not in text

    asyncio.run(test())
