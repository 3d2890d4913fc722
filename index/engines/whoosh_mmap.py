"""Whoosh's memory-mapped segment files, read without copying them.

Whoosh maps each segment and hands every part of it (the stored fields, a
column, a posting list) out as a ``BufferFile``, which wraps the mapped bytes
in ``io.BytesIO``, and ``BytesIO`` copies them. Looking up one stored document
in a 20,000-article index copied the whole stored-fields file each time (about
16 ms per file opened, 85 ms per look-up), and a searcher kept open held every
copy in memory. :func:`install` makes ``BufferFile`` read through the mapping
instead: same bytes, no copy. It changes nothing that Whoosh writes.
"""

from __future__ import annotations

import io

from whoosh.filedb.structfile import BufferFile

_CHUNK = 4096


class MappedReader(io.RawIOBase):
    """A read-only, seekable file over a buffer (a slice of an mmap), without copying it."""

    def __init__(self, buffer) -> None:
        super().__init__()
        self._view = memoryview(buffer).cast("B")
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view)
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        data = self._view[self._pos : end].tobytes()
        self._pos = max(self._pos, end)
        return data

    def readinto(self, target) -> int:
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        limit = len(self._view) if size is None or size < 0 else self._pos + size
        limit = min(limit, len(self._view))
        start = end = self._pos
        while end < limit:
            chunk = self._view[end : min(end + _CHUNK, limit)].tobytes()
            found = chunk.find(b"\n")
            if found >= 0:
                end += found + 1
                break
            end += len(chunk)
        self._pos = end
        return self._view[start:end].tobytes()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: len(self._view)}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._view = memoryview(b"")  # let go of the mapping; Whoosh closes it
        super().close()


def _init(self, buf, name=None, onclose=None) -> None:
    self._buf = buf
    self._name = name
    self.file = MappedReader(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install() -> None:
    """Make Whoosh's ``BufferFile`` read without copying (idempotent)."""
    BufferFile.__init__ = _init  # type: ignore[method-assign]
