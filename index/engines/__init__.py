"""The search engines an index can be kept in, and the choice between them.

Every engine implements :class:`index.engines.base.Engine`; a new one is one
module exporting ``ENGINE`` and one line in :data:`ENGINES`. ``--engine NAME``
or ``NEWSDESK_ENGINE`` chooses one; Whoosh is the default. Each keeps its own
files, so one index folder may hold an index of each.
"""

from __future__ import annotations

import importlib
import os

from ..errors import UnknownEngine
from .base import Engine
from .lean import import_whoosh

import_whoosh()  # before any module of the engines imports Whoosh

# name -> (module, what to install for it)
ENGINES = {
    "whoosh": ("index.engines.whoosh", "newsdesk"),
    "tantivy": ("index.engines.tantivy", "newsdesk[tantivy]"),
}
DEFAULT = "whoosh"


def chosen(name: str | None = None) -> str:
    """The engine's name: ``name`` when given, else ``NEWSDESK_ENGINE``, else the default."""
    name = (name or os.environ.get("NEWSDESK_ENGINE") or DEFAULT).strip().lower()
    if name not in ENGINES:
        raise UnknownEngine(f"unknown search engine '{name}'; engines are {', '.join(ENGINES)}")
    return name


def get(name: str | None = None) -> Engine:
    """The engine named (see :func:`chosen`), imported when first asked for."""
    name = chosen(name)
    module, package = ENGINES[name]
    try:
        engine: Engine = importlib.import_module(module).ENGINE
    except ImportError as error:
        raise UnknownEngine(
            f"the {name} engine needs a package that is not installed ({error.name}): "
            f"pip install '{package}'"
        ) from None
    return engine
