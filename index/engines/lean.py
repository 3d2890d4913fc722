"""Whoosh imported without what newsdesk never uses of it.

``whoosh.compat`` imports ``urllib.request`` for ``urlretrieve`` (with it
``http.client``, ``email`` and ``ssl``) and the ``cached_property`` package
its reader uses imports ``asyncio`` (to tell a coroutine apart when a cached
property is first read, which :mod:`inspect` answers alone until asyncio is
loaded): together about a third of what importing Whoosh costs a
``newsdesk search``. While those two modules are first imported,
each of these names stands for a module that imports the real one when it is
first used; the stand-ins leave ``sys.modules`` at once, so any later import
gets the real module.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

DEFERRED = ("urllib.request", "asyncio")


class _Deferred(types.ModuleType):
    """A module imported on the first look at one of its names."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:  # still standing in: no real module yet
            raise AttributeError(name)
        return getattr(importlib.import_module(self.__name__), name)


def _iscoroutinefunction(func: Any) -> bool:
    """``asyncio.iscoroutinefunction`` (what ``cached_property`` asks of every
    property it reads) without importing asyncio: until asyncio is imported,
    no function can carry its marker, and inspect's answer is the whole one."""
    real = sys.modules.get("asyncio")
    if real is not None and not isinstance(real, _Deferred):
        return bool(real.iscoroutinefunction(func))
    import inspect

    return inspect.iscoroutinefunction(func)


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def import_whoosh() -> None:
    """Import ``whoosh.compat`` and ``cached_property`` with the stand-ins."""
    if "whoosh.compat" in sys.modules:
        return
    standing: dict[str, _Deferred] = {}
    for name in DEFERRED:
        if name not in sys.modules:
            standing[name] = sys.modules[name] = _Deferred(name)
    if "urllib.request" in standing:
        standing["urllib.request"].urlretrieve = _urlretrieve  # type: ignore[attr-defined]
    if "asyncio" in standing:
        standing["asyncio"].iscoroutinefunction = _iscoroutinefunction  # type: ignore[attr-defined]
    try:
        import cached_property  # noqa: F401
        import whoosh.compat  # noqa: F401
    finally:
        for name, module in standing.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
            parent, _, child = name.rpartition(".")
            if parent and getattr(sys.modules.get(parent), child, None) is module:
                delattr(sys.modules[parent], child)
