"""The narrow layout: one pane at a time, and the wide one.

Pilot tests with plain asserts on what a user would notice, on the seeds
(and :class:`tests.tui_helpers.StubLibrary` for the comparison data)."""

from __future__ import annotations

from tui.screens.reader import PANES
from tui.widgets.panebar import PaneBar

from . import tui_helpers
from .tui_helpers import JAZEERA, press, reader, screen_text, settle, shown

index_dir, library = tui_helpers.index_dir, tui_helpers.library  # fixtures


def test_80x24_shows_one_pane_at_a_time(library, reader_pilot):
    async def body(app, pilot):
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

    reader_pilot(library, body, (80, 24))


def test_clicking_a_pane_name_shows_that_pane_on_narrow_screens(library, reader_pilot):
    async def body(app, pilot):
        bar = reader(app).query_one(PaneBar)
        await pilot.click(bar, offset=(3, 0))
        await settle(app, pilot)
        assert bar.active == "sources"
        assert reader(app).query_one("#sources").display

    reader_pilot(library, body, (80, 24))


def test_wide_screens_show_all_three_panes(library, reader_pilot):
    async def body(app, pilot):
        screen = reader(app)
        assert all(screen.query_one(f"#{p}").display for p in PANES)
        assert not screen.query_one(PaneBar).display

    reader_pilot(library, body, (200, 50))
