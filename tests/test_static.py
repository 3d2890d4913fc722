"""Checks on the code itself: lint, format, types, and the library/screen boundary."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

UI = ("textual", "rich")
# Imports every index.* module, found by walking the package (so a new module
# is covered the day it is added), one after another in a fresh interpreter,
# and names the first that loaded Textual. Rich may come with a dependency
# (httpx's command line, which index.fetch loads, imports it when installed):
# that is no use of it, so Rich is checked in index/'s own imports below.
IMPORT_EVERY_MODULE = """
import importlib, pkgutil, sys
import index
names = sorted(m.name for m in pkgutil.walk_packages(index.__path__, "index."))
for name in ["index", *names]:
    importlib.import_module(name)
    if "textual" in sys.modules:
        sys.exit(f"{name} loads textual")
print(len(names))
"""


def test_no_index_module_loads_textual():
    """``index/`` is the part without a screen: no module of it, the search
    engines, readers and fetching included, may load the UI."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert int(done.stdout) > 50  # every module, not a package's first few


def _ui_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in UI]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [node.module] if node.module.split(".")[0] in UI else []
    return found


def test_no_index_module_imports_textual_or_rich():
    """Rich text is made in one place of ``tui/`` (``tui.render``), never in
    ``index/``, even where a function would be handy there."""
    found = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / "index").rglob("*.py"))
        if (names := _ui_imports(path))
    }
    assert not found


def test_opening_the_library_loads_no_textual_or_rich():
    """What the reader and the shell commands load first (the library, search,
    building, the readers and every engine) loads neither, not even through
    a dependency: ``newsdesk search`` starts without them."""
    code = (
        "import importlib, pkgutil, sys, index, index.library, index.search, index.build;"
        "import index.readers, index.engines;"
        "[importlib.import_module(m.name) for m in pkgutil.iter_modules("
        "index.engines.__path__, 'index.engines.')];"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {UI!r}];"
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
