"""Whoosh imported without what newsdesk never uses of it.

Importing Whoosh for a ``newsdesk search`` spent most of its time on modules
no search runs: ``whoosh.compat`` imports ``urllib.request`` for
``urlretrieve`` (with it ``http.client``, ``email`` and ``ssl``) and
``html`` (with its table of entities) for ``escape``; the query module
imports English morphology for ``Variations`` queries
(``whoosh.lang.morph_en`` compiles six very large regular expressions) and
the analysis module the double metaphone; and the ``cached_property``
package its reader uses imports ``asyncio`` (to tell a coroutine apart when a
cached property is first read, which :mod:`inspect` answers alone until
asyncio is loaded). While Whoosh is first imported, each of these modules is
stood in for by one whose functions import the real module when first
called; the stand-ins leave ``sys.modules`` at once, so any later import gets
the real module. One is not deferred but replaced: Whoosh's hash tables take
``md5`` from :mod:`hashlib`, whose OpenSSL took 4-8 ms of CPU to load (more
than a search's update check), and get CPython's own MD5 (hashlib's fallback,
the same digests) instead.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any

# module -> the names Whoosh (or cached_property) takes from it at import
DEFERRED = {
    "urllib.request": ("urlretrieve",),
    "html": ("escape",),  # its entities table, for highlighting in HTML
    "whoosh.lang.morph_en": ("variations",),
    "whoosh.lang.dmetaphone": ("double_metaphone",),
    "asyncio": (),
    "hashlib": ("md5",),  # replaced: see _md5
}
# What importing the engines imports of Whoosh and its helpers.
IMPORTS = (
    "cached_property",
    "whoosh.compat",
    "whoosh.analysis",
    "whoosh.query",
    "whoosh.filedb.filetables",
)


class _Deferred(types.ModuleType):
    """A module imported on the first look at one of its other names."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:  # still standing in: no real module yet
            raise AttributeError(name)
        return getattr(importlib.import_module(self.__name__), name)


def _forward(module: str, name: str) -> Callable[..., Any]:
    """``module.name``, imported on the first call."""

    def forward(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    forward.__name__ = name
    return forward


def _iscoroutinefunction(func: Any) -> bool:
    """``asyncio.iscoroutinefunction`` (what ``cached_property`` asks of every
    property it reads) without importing asyncio: until asyncio is imported,
    no function can carry its marker, and inspect's answer is the whole one."""
    real = sys.modules.get("asyncio")
    if real is not None and not isinstance(real, _Deferred):
        return bool(real.iscoroutinefunction(func))
    import inspect

    return inspect.iscoroutinefunction(func)


def _md5() -> Callable[..., Any]:
    """MD5 as Whoosh's hash tables call it (``md5(key, usedforsecurity=False)``),
    from CPython's own module where the interpreter has it."""
    try:
        from _md5 import md5
    except ImportError:  # built without it: hashlib's, imported when first called
        return _forward("hashlib", "md5")
    return md5  # type: ignore[no-any-return]


def import_whoosh() -> None:
    """Import Whoosh's modules the engines use, with the stand-ins."""
    if all(name in sys.modules for name in IMPORTS):
        return
    standing: dict[str, _Deferred] = {}
    for module, names in DEFERRED.items():
        if module in sys.modules:
            continue
        stand_in = standing[module] = _Deferred(module)
        for name in names:
            setattr(stand_in, name, _forward(module, name))
        sys.modules[module] = stand_in
    if "asyncio" in standing:
        standing["asyncio"].iscoroutinefunction = _iscoroutinefunction  # type: ignore[attr-defined]
    if "hashlib" in standing:
        standing["hashlib"].md5 = _md5()  # type: ignore[attr-defined]
    try:
        for name in IMPORTS:
            importlib.import_module(name)
    finally:
        for module, stand_in in standing.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]
            parent, _, child = module.rpartition(".")
            if parent and getattr(sys.modules.get(parent), child, None) is stand_in:
                delattr(sys.modules[parent], child)
