"""Datelines: the place a wire report was filed from is a place.

A report opens with where it was filed, in capitals, then its date or agency:
"AL-AIN , United Arab Emirates 1996-12-06", "WASHINGTON (Reuters) - ...". A
small model reads a town in capitals as an organisation or nothing at all; the
shape of the line says what it is, so its names become places with the exact
span of their words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .model import Mention
from .spans import SpanSet

_DATELINE = re.compile(
    r"^[ \t]*(?P<a>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*)"  # the town, in capitals
    r"(?:[ \t]*,[ \t]*(?P<b>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*))?"  # its country
    r"[ \t]+(?:\d{4}-\d\d-\d\d[ \t]*$|\((?:Reuters|Reuter|AP|AFP|UPI)\))",
    re.MULTILINE,
)
PLACE = ("place", "GPE")


def dateline_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the places of the datelines in ``text[start:end]`` stand."""
    found = []
    for match in _DATELINE.finditer(text, start, end):
        found += [match.span(g) for g in ("a", "b") if match.group(g)]
    return found


def datelines(
    text: str, mentions: Sequence[Mention], regions: Iterable[tuple[int, int]]
) -> list[Mention]:
    """``mentions`` with each dateline's names made places: the model's spans
    over them are replaced by the names' exact spans."""
    spans = [span for start, end in regions for span in dateline_spans(text, start, end)]
    if not spans:
        return list(mentions)
    taken = SpanSet(spans)
    kept = [m for m in mentions if not taken.overlaps(m.start, m.end)]
    kept += [Mention(a, b, text[a:b], *PLACE) for a, b in spans]
    kept.sort(key=lambda m: (m.start, m.end))
    return kept
