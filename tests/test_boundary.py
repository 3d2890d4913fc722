"""What crosses from ``index/`` into ``tui/`` is typed: the reader and the CLI
read attributes of dataclasses (or plain values), never keys of a dict whose
shape only the index knows."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from index.library import Library

from .conftest import ROOT

TUI = ROOT / "tui"
# A return annotation naming a dict of unknown shape, a list of them, or Any.
UNTYPED = re.compile(r"\bAny\b|\bdict\b(?!\[)|\blist\b(?!\[)|\bobject\b")
# The stored documents the corpus-wide pass and the report read inside index/
# (and the tests that check what was stored); tui/ never calls them (below).
STORED = {"state", "analysis_of"}
# What tui/ may take untyped, and why: JSON on its way out, printed unread
# (the codec's encoder, each result's ``to_json``); the analysis hooks,
# which tui/ gives the library for the build to call; and the fetch state,
# whose keys (the feeds' URLs) are all tui/ reads of it.
PASSED_ON = {
    "index.codec.to_json",
    *(f"index.analysis.Analysis.{name}" for name in ("analyse", "analyse_here", "summarise")),
    "index.fetch.entries.load_state",
}


def _passed_on(name: str) -> bool:
    stored = name.rsplit(".", 1)[-1] in STORED and ".Library." in name
    return name in PASSED_ON or name.endswith(".to_json") or stored


def _returns(function: Callable) -> str:
    return str(inspect.signature(function, eval_str=False).return_annotation)


def _public_methods(cls: type) -> Iterator[tuple[str, Callable]]:
    for name, member in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(member, property) and member.fget:
            yield name, member.fget
        elif inspect.isfunction(member):
            yield name, member


def test_every_public_library_method_returns_typed_results():
    untyped = {
        name: _returns(method)
        for name, method in _public_methods(Library)
        if name not in STORED and UNTYPED.search(_returns(method))
    }
    assert not untyped


def _tui_sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(TUI.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _imported_from_index() -> Iterator[tuple[str, object]]:
    """Everything a tui/ module imports from index/, by its dotted name."""
    for _, tree in _tui_sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and _from_index(node):
                module = importlib.import_module(node.module or "")
                for alias in node.names:
                    name = f"{node.module}.{alias.name}"
                    found = getattr(module, alias.name, None)
                    yield name, found if found is not None else importlib.import_module(name)


def _from_index(node: ast.ImportFrom) -> bool:
    module = node.module or ""
    return node.level == 0 and (module == "index" or module.startswith("index."))


def _functions_of(name: str, found: object) -> Iterator[tuple[str, Callable]]:
    """The functions ``found`` offers: itself, a class's methods, a module's functions."""
    if inspect.ismodule(found):
        for attr, member in vars(found).items():
            own = inspect.isfunction(member) and member.__module__ == found.__name__
            if own and not attr.startswith("_"):
                yield f"{found.__name__}.{attr}", member
    elif inspect.isclass(found):
        for attr, member in _public_methods(found):
            yield f"{name}.{attr}", member
    elif inspect.isfunction(found):
        yield name, found


def test_what_tui_imports_from_index_returns_typed_results():
    untyped = {}
    for name, found in _imported_from_index():
        for full, function in _functions_of(name, found):
            returned = _returns(function)
            if not _passed_on(full) and UNTYPED.search(returned):
                untyped[full] = returned
    assert not untyped


def test_tui_reads_no_stored_document_of_the_index():
    """The raw corpus state and per-article analysis stay inside index/."""
    pattern = re.compile(r"library\.(" + "|".join(STORED) + r")\(")
    for path, _ in _tui_sources():
        assert not pattern.search(path.read_text(encoding="utf-8")), path


# Receivers of ``.get("key")`` in tui/ that are not the index's results: the
# environment, and the user's own saved state and settings files.
OWN_DATA = {"os.environ", "saved", "data"}


def test_tui_looks_up_no_key_of_an_index_result():
    found = []
    for path, tree in _tui_sources():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                receiver = ast.unparse(node.func.value)
                if receiver not in OWN_DATA and not receiver.startswith(("json.loads(", "saved")):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {receiver}")
    assert not found
