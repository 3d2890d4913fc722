"""Neutralise untrusted text before it reaches a terminal.

Article text, titles, sources, file names and queries come from anywhere. A
terminal interprets escape sequences (CSI, OSC 52 clipboard writes, OSC 8
links, DCS), C1 controls and bidi overrides, so none of them may be written
raw. Each is replaced by one visible stand-in character, so the text keeps
its length and every offset into it still points at the same words.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings,
# overrides and isolates, the line/paragraph separators some terminals act on,
# and lone surrogates (a file name that is not UTF-8), which cannot be encoded
# at all: one of them would end the whole command with an encoding error.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    "\ud800-\udfff]"
)
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" (␛ for ESC)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"  # C1 controls, bidi and separator characters


def clean(text: str | None) -> str:
    """Text safe to print: every control and bidi character made visible."""
    if not text:
        return ""
    return _UNSAFE.sub(_stand_in, text)


def clean_line(text: str | None) -> str:
    """Like :func:`clean`, but on one line (for titles, sources, file names)."""
    return clean(text).replace("\n", " ").replace("\t", " ")


def _escape_json(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(data: Any) -> str:
    """JSON that keeps every character but never carries a raw control.

    ``json.dumps`` already escapes C0 controls; C1 controls and bidi
    characters are escaped here so the output is both exact and inert.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(_escape_json, text)


WEB_SCHEMES = ("http", "https")


def usable_url(url: str | None) -> str | None:
    """``url`` if it is a web link newsdesk may open or copy, else None."""
    if not url:
        return None
    url = url.strip()
    if any(c.isspace() or not c.isprintable() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed host, such as an unclosed [
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.hostname else None
