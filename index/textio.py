"""Turn a file's bytes into text, or say clearly why not.

Real folders hold UTF-8, UTF-16 with a BOM, Latin-1 and Windows-1252 files,
invalid UTF-8, binaries and files far too big to be articles. Decoding never
raises anything but :class:`Unreadable`, whose message is shown to the user.
"""

from __future__ import annotations

import codecs
import errno
import math
import os
import stat
from pathlib import Path

DEFAULT_MAX_MB = 20


class Unreadable(Exception):
    """A file newsdesk skips; the message says why in words a user can act on."""


def max_bytes() -> int:
    """The size cap for one file (``NEWSDESK_MAX_FILE_MB``, default 20 MB).

    A value that is not a number of megabytes above zero ("nan", "-1", "20MB")
    is refused with ValueError rather than replaced by the default or, worse,
    taken as a cap that skips every file."""
    raw = os.environ.get("NEWSDESK_MAX_FILE_MB", "").strip()
    if not raw:
        return int(DEFAULT_MAX_MB * 1024 * 1024)
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = math.nan
    if not (0 < megabytes < math.inf):
        raise ValueError(
            f"NEWSDESK_MAX_FILE_MB is {raw!r}: set it to a number of megabytes above 0 "
            f"(default {DEFAULT_MAX_MB}), or unset it"
        )
    return max(1, int(megabytes * 1024 * 1024))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes) -> bool:
    """Many NULs or other controls in the first 8 KB: not text."""
    head = data[:8192]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > max(2, len(head) // 100)


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`Unreadable` for non-text."""
    if not data.strip():
        raise Unreadable("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise Unreadable(f"invalid {encoding} text: {error.reason}") from None
            if not text.lstrip("\ufeff").strip():  # a BOM and blanks: an article of nothing
                raise Unreadable("empty file")
            return text, encoding
    if b"\x00" in data[:8192]:
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise Unreadable("binary file, not text")
    guessed = _guess_encoding(data[:262144])
    if guessed is None:
        raise Unreadable("not text in any encoding newsdesk recognises")
    return data.decode(guessed, errors="replace"), guessed


def _guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess, preferring Windows-1252 among equal guesses.

    On a short Latin-1 or Windows-1252 file ("Le président a parlé à Genève")
    several code pages score exactly alike, and the first of them (cp1250)
    turns "à Genève; £" into "ŕ Genčve; Ł". Western European text is by far
    the commonest legacy encoding of news, so it wins a tie, and only a tie.
    """
    from charset_normalizer import from_bytes  # only for a file that is not UTF-8

    results = from_bytes(data)
    best = results.best()
    if best is None or best.encoding is None:
        return None
    for match in results:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and match.encoding == "cp1252":
            return "cp1252"
    return best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str]:
    """Text with NUL bytes is UTF-16 without a BOM, or else not text at all."""
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) > len(head) // 4 and min(even, odd) < len(head) // 50:
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise Unreadable("binary file, not text") from None
        if sum(c.isprintable() or c.isspace() for c in text[:4096]) > 0.95 * len(text[:4096]):
            return text, encoding
    raise Unreadable("binary file, not text (it contains NUL bytes)")


def _open_without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_file(path: str) -> bytes:
    """Read a file's bytes within the size cap, as :class:`Unreadable` on failure.

    Only regular files are read. A named pipe or a device (``/dev/zero``
    linked as ``x.txt``) would block the run or stream forever, so the file
    is opened without blocking and checked before any byte is read; the cap is
    checked on the open file, so a 100 MB file costs one ``fstat``, not a read.
    """
    cap = max_bytes()
    try:
        with open(path, "rb", opener=_open_without_blocking) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise Unreadable("not a regular file (a pipe, device or socket)")
            if info.st_size > cap:
                raise Unreadable(
                    f"file is {info.st_size / 1048576:.1f} MB, over the "
                    f"{cap / 1048576:.0f} MB cap (set NEWSDESK_MAX_FILE_MB to raise it)"
                )
            return handle.read(cap + 1)
    except PermissionError:
        raise Unreadable("permission denied") from None
    except IsADirectoryError:
        raise Unreadable("is a directory") from None
    except FileNotFoundError:
        raise Unreadable("file vanished or is a broken link") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Unreadable("symbolic link loop") from None
        raise Unreadable(f"cannot read: {error.strerror or error}") from None


def write_atomic(path: Path, text: str | bytes, prefix: str = ".newsdesk-") -> None:
    """Write ``text`` (or bytes) to ``path`` whole or not at all: into a temporary
    file beside it, then renamed over it (a crash or a full disk leaves the old file)."""
    import tempfile  # not for reading

    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=path.suffix)
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as file:
                file.write(text)
        else:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
