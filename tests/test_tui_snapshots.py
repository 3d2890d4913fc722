"""Snapshot tests of the main screens, at 120x40 and at 80x24.

Update with ``pytest tests/test_tui_snapshots.py --snapshot-update`` and look
at the SVGs (or ``snapshot_report.html``) before accepting them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app import NewsdeskApp

from .tui_helpers import StubLibrary, index_dir, settle  # noqa: F401 (fixtures)

WIDE, NARROW = (120, 40), (80, 24)


def steps(*keys: str, query: str | None = None):
    """A run_before that waits for indexing, presses keys and waits again."""

    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        if query is not None:
            app.screen.query_one(Input).value = query
            await settle(app, pilot)

    return run_before


@pytest.fixture
def app(index_dir) -> NewsdeskApp:  # noqa: F811
    return NewsdeskApp(StubLibrary(index_dir=index_dir))


@pytest.mark.parametrize(
    "size, keys",
    [
        (WIDE, ()),  # three panes, the first passage with its facts and related passage
        (NARROW, ()),  # the article pane alone, with the pane bar
        (NARROW, ("tab",)),  # the cross-source pane alone
        # an untitled article, chosen in the list, then read in the article pane
        (WIDE, ("shift+tab", "down", "enter", "tab", "j", "j")),
    ],
    ids=["reader-wide", "reader-narrow", "cross-narrow", "untitled-wide"],
)
def test_reader(snap_compare, app, size: tuple[int, int], keys: Sequence[str]):
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys))


def test_search(snap_compare, app):
    assert snap_compare(app, terminal_size=WIDE, run_before=steps("slash", query="prisoners"))


def test_search_error_narrow(snap_compare, app):
    assert snap_compare(app, terminal_size=NARROW, run_before=steps("slash", query="colour:red"))


def test_help(snap_compare, app):
    assert snap_compare(app, terminal_size=WIDE, run_before=steps("question_mark"))


def test_entities(snap_compare, app):
    assert snap_compare(app, terminal_size=WIDE, run_before=steps("e"))


def test_side_by_side(snap_compare, app):
    assert snap_compare(app, terminal_size=WIDE, run_before=steps("d"))


def test_matrix_narrow(snap_compare, app):
    assert snap_compare(app, terminal_size=NARROW, run_before=steps("m"))
