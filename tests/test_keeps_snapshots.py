"""Snapshot tests of the screens for what a reader keeps: the marks list and
the export dialog, at 120x40 and 80x24.

Update with ``pytest tests/test_keeps_snapshots.py --snapshot-update`` and
look at the SVGs before accepting them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import export, keeps
from tui.app import NewsdeskApp

from . import tui_helpers
from .test_tui_snapshots import NARROW, WIDE, steps

index_dir = tui_helpers.index_dir


@pytest.fixture
def app(index_dir, monkeypatch) -> NewsdeskApp:
    # The same folder on every machine, for the dialog's default file name.
    monkeypatch.setattr(export, "default_folder", lambda: Path("/home/reader"))
    # No toasts: they go after a few seconds, so a slow run would not show them.
    monkeypatch.setattr(keeps, "toast", lambda *args, **kwargs: None)
    return NewsdeskApp(tui_helpers.StubLibrary(index_dir=index_dir))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["wide", "narrow"])
def test_marks(snap_compare, app, size):
    keys = ("j", "b", "J", "B", "J", "j", "j", "b", "M")
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys))


def test_marks_empty(snap_compare, app):
    assert snap_compare(app, terminal_size=NARROW, run_before=steps("M"))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["wide", "narrow"])
def test_export_dialog(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, run_before=steps("b", "x"))
