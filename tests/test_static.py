"""Checks on the code itself: lint, format, and the library/screen boundary."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT


def test_importing_index_loads_no_textual_or_rich():
    """The library and every search engine."""
    code = (
        "import importlib, pkgutil, sys, index, index.library, index.search, index.build;"
        "import index.readers, index.engines;"
        "[importlib.import_module(m.name) for m in pkgutil.iter_modules("
        "index.engines.__path__, 'index.engines.')];"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]])
def test_ruff(args):
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_on_the_library_and_the_reader():
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "index", "tui"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
