"""Shared fixtures: every test gets its own index, state and cache folders,
and a fixed clock, so no test depends on the machine or on another test."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEWSDESK_INDEX_DIR", str(home / "indexes"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("NEWSDESK_MAX_FILE_MB", raising=False)
    from index import dates

    monkeypatch.setattr(dates, "today", lambda: TODAY)
    return home


@pytest.fixture(scope="session")
def analysed_seeds_index(tmp_path_factory) -> Path:
    """The seeds indexed once with the full analysis (NLP is the slow part)."""
    from index.analysis import Analysis
    from index.library import Library

    path = tmp_path_factory.mktemp("seeds-index") / "index"
    Library([SEEDS], path, analysis=Analysis()).update()
    return path


@pytest.fixture
def seeds_index(analysed_seeds_index, isolated) -> Path:
    """A private copy of the analysed seeds index where the CLI and the reader
    look for it by default, so tests start from a warm index."""
    from index.corpus import Corpus

    target = isolated / "indexes" / Corpus.of([SEEDS]).key
    shutil.copytree(analysed_seeds_index, target)
    return target


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A writable copy of the seeds, for tests that change files."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def plain_seeds_index(tmp_path_factory) -> Path:
    """The seeds indexed once without the analysis (at the tests' fixed date);
    the reader's tests each get a copy (``tests.tui_helpers.index_dir``)."""
    from index import dates
    from index.library import Library

    path = tmp_path_factory.mktemp("plain-seeds-index") / "index"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates, "today", lambda: TODAY)
        Library(index_dir=path).update()
    return path


@pytest.fixture
def reader_pilot():
    """Open the reader on a library at a terminal size, wait until it has indexed
    and listed the corpus, then run ``body(app, pilot)`` in it: what most of
    the reader's Pilot tests do first."""
    import asyncio

    from tui.app import NewsdeskApp

    from .tui_helpers import settle

    def drive(library, body, size=(120, 40), **options) -> None:
        async def opened() -> None:
            app = NewsdeskApp(library)
            async with app.run_test(size=size, **options) as pilot:
                await settle(app, pilot)
                await body(app, pilot)

        asyncio.run(opened())

    return drive
