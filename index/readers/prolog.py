"""A feed's XML without its document type declaration.

A DOCTYPE is where XML declares entities, and entities are where a small file
grows into a huge one (``&a;`` repeated, each a 50 KB declared text: gigabytes
from one megabyte) or names another file or a URL to read (``SYSTEM
"file:///home/me/notes.txt"``). feedparser keeps declared entities whose text
has no ``&`` and expands them itself when the XML is not well formed, so the
declarations go before the bytes reach it: an article never needs them, and a
reference to an undeclared entity stays in the text, unexpanded.
"""

from __future__ import annotations

import re
from contextlib import suppress

_SPACE = re.compile(rb"\s*")
# What matters inside a DOCTYPE: quoted texts and comments are passed whole.
_MARK = re.compile(rb"\"[^\"]*(?:\"|$)|'[^']*(?:'|$)|<!--.*?(?:-->|$)|[\[\]>]", re.DOTALL)
_BOM = b"\xef\xbb\xbf"


def without_declarations(data: bytes) -> bytes:
    """``data`` as UTF-8 with the prolog's DOCTYPE, entity declarations and
    comments removed (the XML declaration and processing instructions kept)."""
    from feedparser.encodings import convert_to_utf8

    # UTF-16 or a declared legacy encoding: the declarations are found in UTF-8.
    # Bytes no encoding fits are left as they are (feedparser reads them loosely).
    with suppress(Exception):
        data = convert_to_utf8({}, data, {})
    kept: list[bytes] = []
    at = _skip_space(data, len(_BOM) if data.startswith(_BOM) else 0)
    while data.startswith(b"<?", at) or data.startswith(b"<!", at):
        end = _declaration_end(data, at)
        if data.startswith(b"<?", at):
            kept.append(data[at:end] + b"\n")
        at = _skip_space(data, end)
    return b"".join(kept) + data[at:]


def _skip_space(data: bytes, at: int) -> int:
    match = _SPACE.match(data, at)
    return match.end() if match else at


def _declaration_end(data: bytes, at: int) -> int:
    """Just past the ``<?...?>``, ``<!--...-->`` or ``<!...>`` starting at ``at``.

    A DOCTYPE's ``>`` ends it only outside quotes and outside its ``[...]``
    internal subset, where declarations and quoted texts hold ``>`` of their own.
    """
    for opening, closing in ((b"<?", b"?>"), (b"<!--", b"-->")):
        if data.startswith(opening, at):
            end = data.find(closing, at + len(opening))
            return len(data) if end < 0 else end + len(closing)
    depth, position = 0, at + 2
    while (found := _MARK.search(data, position)) is not None:
        mark, position = found.group(), found.end()
        if mark == b"[":
            depth += 1
        elif mark == b"]":
            depth = max(depth - 1, 0)
        elif mark == b">" and depth == 0:
            return position
    return len(data)
