"""A damaged index is rebuilt from the corpus, never kept.

A segment cut short (a full disk, a killed copy), a flipped byte or an emptied
table of contents made every command fail for good ("Ran out of input",
"Error -3 while decompressing data"), ``index`` too. The corpus is the source
of truth, so:

- reading a damaged index raises :class:`IndexDamaged`, which names the folder,
  and leaves a mark (:data:`MARK`) in it;
- the next update of a marked folder, or one that meets the damage itself,
  deletes the index's own files (never the folder's marker, never a file
  newsdesk did not make) and indexes the corpus again.
"""

from __future__ import annotations

import json
import pickle
import struct
import zlib
from collections.abc import Callable
from contextlib import suppress
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .engines.base import Engine

MARK = ".newsdesk-damaged"

# What reading a damaged index raises: a pickle or a compressed field cut short
# or changed, a segment gone; and what the engine adds (``Engine.damage``).
# Whoosh reads its table of contents with ``ord`` and ``struct``, so an emptied
# or garbled one raises TypeError or ValueError as well: those count only while
# the index is being opened (:data:`OPEN_DAMAGE`).
READ_DAMAGE: tuple[type[BaseException], ...] = (
    EOFError,
    zlib.error,
    struct.error,
    pickle.UnpicklingError,
    FileNotFoundError,
    UnicodeDecodeError,
    json.JSONDecodeError,
)
OPEN_DAMAGE: tuple[type[BaseException], ...] = (
    *READ_DAMAGE,
    TypeError,
    ValueError,
    KeyError,
    IndexError,
    AttributeError,
    ImportError,  # a garbled class name in a pickle
    OverflowError,
    MemoryError,  # a garbled length: opening an index allocates little
)


class IndexDamaged(Exception):
    """The index folder holds a damaged index; the message names the folder."""

    def __init__(self, path: Path, error: BaseException) -> None:
        self.path = path
        self.reason = describe(error)
        super().__init__(
            f"the index at {path} is damaged ({self.reason}); "
            "it is rebuilt from the corpus at the next update"
        )


def describe(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def mark(path: Path, error: BaseException) -> IndexDamaged:
    """Leave the mark that makes the next update rebuild; the error to raise."""
    damaged = error if isinstance(error, IndexDamaged) else IndexDamaged(path, error)
    with suppress(OSError):  # a read-only index: the message still says it
        (path / MARK).write_text(damaged.reason + "\n", encoding="utf-8")
    return damaged


def marked(path: Path) -> str | None:
    """Why the index at ``path`` was found damaged, when a reader marked it."""
    try:
        return (path / MARK).read_text(encoding="utf-8").strip() or "damaged"
    except OSError:
        return None


def clear(path: Path, engine: Engine, wait: float = 10.0) -> None:
    """Delete the engine's own files (never another file in the folder), then the mark."""
    engine.clear(path, wait)
    with suppress(FileNotFoundError):
        (path / MARK).unlink()


F = TypeVar("F", bound=Callable[..., Any])


def guarded(method: F) -> F:
    """A method of an object with an ``index_path``, an ``engine`` (and a
    ``_store`` it may drop) that reads its index: damage met while reading raises
    :class:`IndexDamaged` and marks the folder.

    The method is tried once more on a store opened again first: a segment
    file can vanish under a reader of an older commit when another process
    merges, and that is no damage."""

    @wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        damage = (*READ_DAMAGE, *self.engine.damage)
        try:
            return method(self, *args, **kwargs)
        except damage:
            self._store = None
        try:
            return method(self, *args, **kwargs)
        except damage as error:
            raise mark(Path(self.index_path), error) from error

    return wrapper  # type: ignore[return-value]
