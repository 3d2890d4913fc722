"""Datelines: the place a wire report was filed from is a place.

A report opens with where it was filed, in capitals, then its date or agency:
"AL-AIN , United Arab Emirates 1996-12-06", "WASHINGTON (Reuters) - ...",
"GAZA/JERUSALEM (Reuters) -", "LANCASTER (CBSLA) —", each town a place of its own. A
small model reads a town in capitals as an organisation or nothing at all; the
shape of the line says what it is, so its names become places with the exact
span of their words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .model import Mention
from .spans import SpanSet

_TOWN = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*"  # a town, in capitals
_DATELINE = re.compile(
    rf"^[ \t]*(?P<a>{_TOWN}(?:/{_TOWN})*)"  # the towns: "GAZA/JERUSALEM"
    r"(?:[ \t]*,[ \t]*(?P<b>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*))?"  # its country
    r"[ \t]+(?:\d{4}-\d\d-\d\d[ \t]*$|\((?:Reuters|Reuter|AP|AFP|UPI|CNN)\)"
    # any agency or station in capitals, in brackets before a dash: "LANCASTER
    # (CBSLA) —", "AUGUSTA (WRDW/WAGT) -", "BOSTON (CBS) –"; not a page's label
    # ("WATCH (VIDEO) -")
    r"|\((?!(?:VIDEO|VIDEOS|PHOTO|PHOTOS|UPDATE|UPDATED|LIVE|AUDIO|EXCLUSIVE)\))"
    r"[A-Z][A-Z0-9/& ]{1,20}\)(?=[ \t]*(?:--?|[—–])))",
    re.MULTILINE,
)
# Two towns or more and no agency, as a pasted wire report keeps them: "GAZA/JERUSALEM
# Israel's cabinet ...", "JAKARTA/PANGKALAN BUN, Indonesia Search teams ...". The
# towns end where the capitals do, and each must be a place the gazetteer knows
# ("AC/DC Rocks" is no dateline); a country is read only as far as it names one.
_BARE_DATELINE = re.compile(
    rf"^[ \t]*(?P<a>{_TOWN}(?:/{_TOWN})+)(?:[ \t]*,[ \t]*(?P<b>[A-Z][\w'’.-]*"
    r"(?: [A-Z][\w'’.-]*){0,3}))?(?=[ \t]+[A-Z][a-z’'])",
    re.MULTILINE,
)
PLACE = ("place", "GPE")


def dateline_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the places of the datelines in ``text[start:end]`` stand: each town
    of "GAZA/JERUSALEM" apart, and its country."""
    found = []
    for match in _DATELINE.finditer(text, start, end):
        found += _towns(match)
        if match.group("b"):
            found.append(match.span("b"))
    for match in _BARE_DATELINE.finditer(text, start, end):
        towns = _towns(match)
        if any(a <= match.start("a") < b for a, b in found) or not all(
            _place(text[a:b]) for a, b in towns
        ):
            continue
        found += towns
        if match.group("b"):
            country = _country(match.group("b"))
            if country:
                found.append((match.start("b"), match.start("b") + len(country)))
    return found


def _towns(match: re.Match[str]) -> list[tuple[int, int]]:
    spans, at = [], match.start("a")
    for town in match.group("a").split("/"):
        spans.append((at, at + len(town)))
        at += len(town) + 1
    return spans


def _place(name: str) -> bool:
    from .gazetteer import place_of
    from .names import alias_key

    return place_of(alias_key(name), False) is not None


def _country(words: str) -> str:
    """The longest run of ``words`` from the first that names a place ("Indonesia"
    of "Indonesia Search"), or ""."""
    parts = words.split(" ")
    for count in range(len(parts), 0, -1):
        if _place(" ".join(parts[:count])):
            return " ".join(parts[:count])
    return ""


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
