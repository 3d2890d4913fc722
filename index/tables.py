"""Sports tables: the names on a results or standings line are teams.

Sports pages print lines such as "Hartlepool 21 6 4 11 23 28 22" (a standings
row) or "Chelsea 2 Everton 2" (a result). A small model reads a town there as a
place, a club as a person, or nothing at all, and the line is no sentence to
help it. The shape of the line says what the names are: a name followed only by
figures is a team, whatever the town it is named after, so it is an
organisation here, with the exact span of its words; a national side keeps its
country's kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .gazetteer import is_country
from .model import Mention
from .names import alias_key
from .numbers import MONTHS, WEEKDAYS
from .spans import SpanSet

# A team's name: words that begin with a capital, or a number that begins a name
# ("1860 Munich"), possibly joined by a small word ("Queens Park Rangers", "Paris
# St Germain", "Brighton and Hove Albion").
_NAME = r"(?:\d{4}\s)?[A-Z][\w.'&-]*(?:\s(?:(?:and|de|of)\s)?[A-Z][\w.'&-]*)*"
_FIGURES = r"(?:\s+[-+]?\.?\d[\d./]*)"
# A club's country in brackets after its name: "Alba Berlin ( Germany ) 9 5 4 14".
_COUNTRY = r"(?:\s*\([^()\d]*\))?"
# "Hartlepool 21 6 4 11 23 28 22": a name and at least two figures.
_STANDING = re.compile(rf"[ \t]*(?P<a>{_NAME}){_COUNTRY}{_FIGURES}{{2,}}[ \t]*$", re.MULTILINE)
# "Chelsea 2 Everton 2", "Greenock Morton 0 St Johnstone 2": two names, each with a score.
# A result may end with a note in brackets: "Japan 2 Syria 1 ( halftime 0-1 )".
_NOTE = r"(?:\s*\([^()]*\))?"
_RESULT = re.compile(
    rf"[ \t]*(?P<a>{_NAME}){_COUNTRY}\s+\d+\s+(?P<b>{_NAME}){_COUNTRY}\s+\d+{_NOTE}[ \t]*$",
    re.MULTILINE,
)
TEAM = ("organisation", "ORG")
# A date or a time is written the same way ("June 14 2013"); it is no team.
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)


def team_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where team names stand on the table lines of ``text[start:end]``."""
    found = []
    for line in re.finditer(r"^.*$", text[start:end], re.MULTILINE):
        at = start + line.start()
        for pattern in (_RESULT, _STANDING):
            match = pattern.fullmatch(line.group())
            if match is not None:
                found += [(at + match.start(g), at + match.end(g)) for g in ("a", "b")
                          if g in pattern.groupindex
                          and match.group(g).split()[0].lower() not in _CALENDAR]  # fmt: skip
                break
    return found


def _kind(name: str) -> tuple[str, str]:
    """A club is an organisation; a national side is named by its country, and a
    reader looks for it as the country ("Japan 2 Syria 1")."""
    return ("place", "GPE") if is_country(alias_key(name)) else TEAM


def teams(
    text: str, mentions: Sequence[Mention], regions: Iterable[tuple[int, int]]
) -> list[Mention]:
    """``mentions`` with every name on a table line made one organisation: the
    model's spans over it are replaced by the name's exact span."""
    spans = [span for start, end in regions for span in team_spans(text, start, end)]
    if not spans:
        return list(mentions)
    table = SpanSet(spans)
    kept = [m for m in mentions if not table.overlaps(m.start, m.end)]
    kept += [Mention(a, b, text[a:b], *_kind(text[a:b])) for a, b in spans]
    kept.sort(key=lambda m: (m.start, m.end))
    return kept
