"""A feed's XML without its prolog: no DOCTYPE, so no declared entities.

A DOCTYPE is where XML declares entities, and entities are where a small file
grows into a huge one (``&a;`` repeated, each a 50 KB declared text: gigabytes
from one megabyte) or names another file or a URL to read (``SYSTEM
"file:///home/me/notes.txt"``). feedparser keeps declared entities whose text
has no ``&`` and expands them itself when the XML is not well formed, so the
prolog goes before the bytes reach it (all of it but the XML declaration: an
article needs nothing else there), and a reference to an undeclared entity
stays in the text, unexpanded.
"""

from __future__ import annotations

import re
from contextlib import suppress

# Everything before the first element: spaces, processing instructions,
# comments and declarations, a DOCTYPE's internal subset whole (quoted texts and
# comments in it may hold ">" and "]"). Possessive, and a comment or instruction
# that never closes runs to the end: each byte is looked at a bounded number of
# times, so no prolog (10 MB of "<!--") costs more than one pass.
_PROLOG = re.compile(
    rb"""(?: \s++ | <\?.*?(?:\?>|\Z) | <!--.*?(?:-->|\Z)
         | <!(?: "[^"]*+" | '[^']*+' | <!--.*?(?:-->|\Z)
              | \[ (?: "[^"]*+" | '[^']*+' | <!--.*?(?:-->|\Z) | [^]"'<]++ | < )*+ \]
              | [^>\["']++ )*+ >
       )*+""",
    re.DOTALL | re.VERBOSE,
)
_XML_DECLARATION = re.compile(rb"<\?xml[^>]*+>")
_BOM = b"\xef\xbb\xbf"


def without_declarations(data: bytes) -> bytes:
    """``data`` as UTF-8 with everything before its first element removed but
    the XML declaration: the DOCTYPE and entity declarations, comments and
    processing instructions. A prolog that does not end is all removed."""
    from feedparser.encodings import convert_to_utf8

    # UTF-16 or a declared legacy encoding: the declarations are found in UTF-8.
    # Bytes no encoding fits are left as they are (feedparser reads them loosely).
    with suppress(Exception):
        data = convert_to_utf8({}, data, {})
    start = len(_BOM) if data.startswith(_BOM) else 0
    declaration = _XML_DECLARATION.match(data, start)
    prolog = _PROLOG.match(data, start)
    end = prolog.end() if prolog else start
    if end == len(data) or data.startswith((b"<!", b"<?"), end):  # one that never closes
        end = len(data)
    kept = declaration.group() + b"\n" if declaration else b""
    return kept + data[end:]
