"""Opening a folder whose first index is not written yet, as a user finds it
after pressing q during that first index: the reader names the folder, says
the truth, and search says the index is not ready instead of "0 passages"."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from index.build import FIRST_BATCH
from index.engines.whoosh import open_for_writing
from index.library import Library
from index.progress import (
    ANALYSING,
    COMPARING,
    LISTING,
    READABLE,
    READING,
    SAVING,
    SEARCHABLE,
    Estimate,
)
from index.update_process import UpdateStopped
from tui.app import NewsdeskApp
from tui.indexing import IndexingStatus
from tui.screens.reader import ReaderScreen
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
            status = await _search(app, pilot, "prisoners")
            assert "Not ready yet" in status and "0 passages" not in status
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


# A first index of a folder larger than one batch: its first articles are read
# while the rest is indexed. Generated files, no NLP: only the control flow counts.


def write_reports(folder: Path, count: int) -> Path:
    """``count`` short reports; the last ones alone mention a harbour."""
    folder.mkdir()
    for n in range(count):
        place = "harbour" if n >= count - 4 else "council"
        (folder / f"{n:03}.txt").write_text(
            f"Report number {n}\n\nThe {place} of Leeds voted {n} to 2 on budget item {n}.\n",
            encoding="utf-8",
        )
    return folder


class FirstBatchLibrary(Library):
    """A library whose first index pauses once its first batch is committed
    (readable), until the test lets it go on; ``stop`` ends it there instead,
    as ``q`` does."""

    def __init__(self, *args, stop: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.release = threading.Event()
        self.stop = stop

    def update(self, progress=None, wait: float = 10.0):
        def held(done, total, what, stage=READING):
            if progress:
                progress(done, total, what, stage)
            if stage == READABLE and done and not self.release.is_set():
                if self.stop:
                    raise UpdateStopped("stopped after the first batch")
                self.release.wait(60)

        return super().update(held, wait)


async def _settle(app: NewsdeskApp, pilot) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def test_a_first_index_lists_its_first_articles_while_the_rest_is_indexed(tmp_path: Path):
    corpus = write_reports(tmp_path / "reports", 40)
    library = FirstBatchLibrary([corpus], tmp_path / "index")

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 40)) as pilot:
            await _wait_for(app, pilot, "Report number 0")
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            assert len(screen.sources.article_ids) == FIRST_BATCH
            assert screen.article.article is not None  # the first one is open, readable
            text = screen_text(app)
            assert f"Indexing {FIRST_BATCH}/40 files" in text
            assert f"{FIRST_BATCH} readable" in text
            assert "Still being computed" in text  # not "nothing from other sources"
            await pilot.press("J")  # the next article of the first batch opens
            await pilot.pause()
            assert screen.article.article.title == "Report number 1"
            # Search finds what is indexed, and says the rest is still to come.
            status = await _search(app, pilot, "council")
            assert "among the articles indexed so far" in status and "0 passages" not in status
            status = await _search(app, pilot, "harbour")
            assert "Not ready yet" in status and "0 passages" not in status
            library.release.set()
            await _settle(app, pilot)
            assert len(screen.sources.article_ids) == 40
            assert not screen.query_one("#indexing").display
            assert "Still being computed" not in screen_text(app)
            assert screen.article.article.title == "Report number 1"  # still where the user was

    asyncio.run(test())


async def _search(app: NewsdeskApp, pilot, query: str) -> str:
    """The search screen's status line for ``query`` (the screen is closed again)."""
    await pilot.press("slash")
    await pilot.pause()
    assert isinstance(app.screen, SearchScreen)
    await pilot.press(*query)
    for _ in range(200):  # the search's own workers (the index's is held)
        await pilot.pause(0.02)
        status = str(app.screen.query_one("#search-status", Static).render())
        if "match" in status or "Not ready" in status:
            break
    await pilot.press("escape")
    await pilot.pause()
    return status


def test_after_q_during_a_first_index_the_next_open_lists_what_was_indexed(
    tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path))
    corpus = write_reports(tmp_path / "reports", 40)
    index = tmp_path / "indexes" / "reports-89ab"
    with pytest.raises(UpdateStopped):  # q once the first batch was written
        FirstBatchLibrary([corpus], index, stop=True).update()
    library = FirstBatchLibrary([corpus], index)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 40)) as pilot:
            await _wait_for(app, pilot, "Report number 0")
            text = screen_text(app)
            assert "Nothing readable" not in text and "reports-89ab" not in text
            assert "No articles have been indexed yet" not in text
            library.release.set()
            await _settle(app, pilot)
            assert len(app.screen.sources.article_ids) == 40

    asyncio.run(test())


def test_every_stage_of_a_run_is_reported_with_counts_of_articles_not_sidecars(tmp_path: Path):
    """What the indexing line is made from: a stage for every phase, and file
    counts that leave out the files that are not articles (a meta.json)."""
    corpus = write_reports(tmp_path / "reports", 20)
    (corpus / "meta.json").write_text('{"outlet": "Leeds Gazette"}', encoding="utf-8")
    events: list[tuple[int, int, str, str]] = []
    Library([corpus], tmp_path / "index").update(progress=lambda *e: events.append(e))
    stages = [stage for *_, stage in events]
    assert stages[0] == LISTING and stages[-1] == SAVING
    assert {READING, ANALYSING, READABLE, COMPARING} <= set(stages)
    assert stages.index(READABLE) < stages.index(COMPARING)  # articles readable first
    counted = [(d, t) for d, t, _, s in events if s in (READING, ANALYSING, READABLE)]
    assert all(total == 20 for _, total in counted)  # meta.json is no article
    assert (20, 20) in counted
    readable = [d for d, _, _, s in events if s == READABLE]
    assert readable == [0, FIRST_BATCH]  # the last batch is committed with the comparison


@pytest.mark.parametrize(
    ("events", "seconds", "shown", "not_shown"),
    [
        ([(0, 0, "", LISTING)], 0, "listing the folders, 0 files found", "left"),
        (
            [(3, 2226, "sport/1.txt", READING)],
            0,
            "Indexing 3/2,226 files · reading sport/1.txt",
            "left",
        ),
        # 100 files analysed in 20 s (10 s to each report and 10 s since): 2,126
        # more take about 7 min.
        (
            [(0, 2226, "", ANALYSING), (100, 2226, "", ANALYSING)],
            10,
            "about 7 min left, then comparing them",
            "readable",
        ),
        ([(16, 2226, "", READABLE), (100, 2226, "", ANALYSING)], 10, "16 readable", "0 s"),
        # Nothing to count: the seconds are counted instead, never a silent line.
        (
            [(0, 2225, "", COMPARING)],
            42,
            "Indexing: comparing 2,225 articles across sources · 42 s so far",
            "left",
        ),
        ([(2225, 2225, "", SAVING)], 75, "saving the index · 1 min so far", "left"),
        # An update's new articles are committed before they are compared.
        (
            [(2226, 2226, "", SEARCHABLE), (0, 2226, "", COMPARING)],
            3,
            "comparing 2,226 articles across sources · 3 s so far · the new articles "
            "can be read and searched already",
            "left",
        ),
        ([(1, 4, "\x1b[31m[bold]evil.txt", READING)], 0, "reading ␛[31m[bold]evil.txt", "\x1b"),
    ],
)
def test_the_indexing_line_says_the_stage_counts_and_time_left(events, seconds, shown, not_shown):
    now = [0.0]
    status = IndexingStatus(Estimate(clock=lambda: now[0]))
    for event in events:
        status.update(*event)
        now[0] += seconds
    line = status.line()
    assert shown in line.plain and not_shown not in line.plain
    assert not line.spans or all(span.style == "bold" for span in line.spans)  # no markup read
