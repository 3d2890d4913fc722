"""Sports teams: a team's full name, its nickname and the nickname's short forms.

Sports news names one team three ways, "the Philadelphia 76ers", "the 76ers" and
"the Sixers", and no rule on spellings can tell that "Sixers" is "76ers" or that
"Jags" are the Jacksonville Jaguars; a small model also reads "Philadelphia" of
"Philadelphia 76ers" as the city and "Jaguars" as a person. ``teams.tsv`` lists the
teams of the North American major leagues and of major college sports, so that:

- :func:`known_teams` makes a team's full name, where a text writes it ("Indianapolis
  Colts"), one organisation mention, and so the team's nicknames in an article that
  writes its full name;
- :func:`full_team` and :func:`teams_named` give what :mod:`index.entities` joins:
  every full name of a team is that team; a nickname is one of the teams bearing it
  ("Colts": one team; "Giants": two), the one the corpus names nearest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .mentions import place_before
from .model import Mention
from .names import alias_key
from .spans import SpanSet

PATH = Path(__file__).with_name("teams.tsv")
TEAM = ("organisation", "ORG")


class Teams(NamedTuple):
    full: dict[str, int]  # alias key of "place nickname" -> team, when only one team
    nicknames: dict[str, frozenset[int]]  # alias key of a nickname -> the teams bearing it
    spellings: dict[str, int]  # "Indianapolis Colts", "INDIANAPOLIS COLTS" -> team
    nickname_spellings: dict[int, tuple[str, ...]]  # team -> "Colts", "COLTS"
    full_ending: dict[str, tuple[str, ...]]  # last word -> spellings of full names, longest first
    schools: dict[str, int]  # alias key of a college's name -> its team, when only one
    towns: dict[str, frozenset[int]]  # alias key of a team's town ("indy") -> its teams
    # teams whose nickname is a word of other names too ("United", "Rangers"): it
    # stands for the team only where it stands alone, not in "United States"
    loose: frozenset[int] = frozenset()


@lru_cache(maxsize=1)
def teams() -> Teams:
    """The list, read on first use."""
    full: dict[str, set[int]] = defaultdict(set)
    spelled: dict[str, set[int]] = defaultdict(set)
    nicknames: dict[str, set[int]] = defaultdict(set)
    nickname_spellings: dict[int, tuple[str, ...]] = {}
    schools: dict[str, set[int]] = defaultdict(set)
    towns: dict[str, set[int]] = defaultdict(set)
    lines = PATH.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    loose = set()
    for team, (league, places, names) in enumerate(rows):
        if league in _CLUBS:
            loose.add(team)
        names_of = [n.removeprefix("=") for n in names.split("|")]
        alone = [n for n in names.split("|") if not n.startswith("=")]  # not "=City"
        if league == "NCAA":
            for place in places.split("|"):
                schools[alias_key(place)].add(team)
        nickname_spellings[team] = tuple(s for n in alone for s in (n, n.upper()))
        if league != "NCAA":  # a college's name is its team only by school_team's rule
            for place in places.split("|"):
                towns[alias_key(place)].add(team)
        for name in alone:
            nicknames[alias_key(name)].add(team)
        for name in names_of:
            for place in places.split("|"):
                for text in (f"{place} {name}", f"{place} {name}".upper()):
                    spelled[text].add(team)
                full[alias_key(f"{place} {name}")].add(team)
    spellings = {text: next(iter(ts)) for text, ts in spelled.items() if len(ts) == 1}
    ending: dict[str, list[str]] = defaultdict(list)
    for text in sorted(spellings, key=len, reverse=True):
        ending[_WORD.findall(text)[-1]].append(text)
    return Teams(
        {key: next(iter(ts)) for key, ts in full.items() if len(ts) == 1},
        {key: frozenset(ts) for key, ts in nicknames.items()},
        spellings,
        nickname_spellings,
        {word: tuple(texts) for word, texts in ending.items()},
        {key: next(iter(ts)) for key, ts in schools.items() if len(ts) == 1},
        {key: frozenset(ts) for key, ts in towns.items()},
        frozenset(loose),
    )


_CLUBS = frozenset({"FOOTBALL", "RUGBY"})  # British and Irish clubs


def full_team(key: str) -> int | None:
    """The one team an alias key names in full ("indianapolis colts"), if any."""
    return teams().full.get(key)


def school_team(key: str) -> int | None:
    """The college team an alias key names by its school ("creighton", "north carolina")."""
    return teams().schools.get(key)


def town_teams(key: str) -> frozenset[int]:
    """The professional teams of a town, by its alias key ("indy": the Colts)."""
    return teams().towns.get(key, frozenset())


def teams_named(key: str) -> frozenset[int]:
    """The teams a nickname may stand for ("giants": New York's and San Francisco's)."""
    return teams().nicknames.get(key, frozenset())


def nicknamed_team(key: str) -> int | None:
    """The one team a nickname names on its own, if one does ("jaguars"). British
    clubs are left out: their nicknames are read only beside the club's full name,
    so "Chiefs" alone is still Kansas City's, not Exeter's."""
    bearers = teams().nicknames.get(key, frozenset()) - teams().loose
    return next(iter(bearers)) if len(bearers) == 1 else None


def known_teams(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each team's full name written in ``text`` one organisation
    ("Philadelphia 76ers", not the city "Philadelphia"), and, in a text that writes a
    team's full name, that team's nicknames too (a headline's "Chargers"). The
    model's spans over these are replaced by the team's. A town's name standing
    for a team the text names is marked too (see :func:`_towns_as_teams`)."""
    known = teams()
    if known.full_ending.keys().isdisjoint(_CAPITALISED.findall(text)):
        return list(mentions)  # most texts: no word ends a team's name
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    spans, named = [], set()
    for _, end, word in words:
        for spelling in known.full_ending.get(word, ()):
            start = end - len(spelling)
            if _written_at(text, spelling, start):
                spans.append((start, end))
                named.add(known.spellings[spelling])
                break
    if not spans:
        return _towns_as_teams(text, list(mentions), named)
    taken = SpanSet(spans)
    nicknames = {n: t for t in named for n in known.nickname_spellings[t]}
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in nicknames:
        by_last[_WORD.findall(name)[-1]].append(name)
    for _, end, word in words:
        for name in by_last.get(word, ()):
            start = end - len(name)
            if (
                _written_at(text, name, start)
                and not taken.overlaps(start, end)
                and not (nicknames[name] in known.loose and _glued(text, start, end))
            ):
                spans.append((start, end))
                taken.add(start, end)
    kept = [m for m in mentions if not taken.overlaps(m.start, m.end)]
    kept += [Mention(a, b, text[a:b], *TEAM) for a, b in spans]
    kept.sort(key=lambda m: (m.start, m.end))
    return _towns_as_teams(text, kept, named)


# What is said of a team, never of a town: a result or a record beside its name.
_RESULT_BEFORE = re.compile(
    r"(?:\b(?:over|against|vs|v|beat|beats|beating|defeated|defeats|overcame|edged|routed|"
    r"topped|blanked|whipped)|\b(?:lost|lose|loses|losing|fell|fall|falls|falling)\s+to)"
    r"\.?\s+$",
    re.IGNORECASE,
)
_RESULT_AFTER = re.compile(
    r"\s*\(\d{1,3}-\d{1,3}(?:-\d{1,3})?\)"  # a record: "Indianapolis (11-4)"
    r"|\s+\d{1,3}-\d{1,3}\b"  # a score: "overcame Jacksonville 31-24"
    r"|\s+(?:beat|beats|defeated|edged|routed|won|rallied|clinched|overcame|topped)\b"
    r"|\s+to\s+(?:a|an|its|their)\s+(?:\d{1,3}-\d{1,3}\s+)?(?:win|victory)\b",
    re.IGNORECASE,
)
TOWN_TEAM = "TEAM"  # the label of a town's name read as its team


def _towns_as_teams(text: str, mentions: list[Mention], named: set[int]) -> list[Mention]:
    """Sports news names a team by its town ("a 31-24 win over Jacksonville",
    "Indianapolis (11-4)"): where the text names the one team of that town that it
    names at all (in full or by a nickname no other team bears), a town's name with
    a result or a record beside it, or that the model reads as an organisation or a
    person (an agent: "KC blasted Indy", not "in Indy"), is that team: an
    organisation labelled :data:`TOWN_TEAM` (index.entities joins it to the team).
    A town named otherwise, or where the text shows a place ("in Indianapolis",
    "back to Manchester", whatever the model read: :func:`index.mentions.place_before`),
    stays the town; a result still makes it the team ("lost to Indianapolis")."""
    known = teams()
    towns = [
        (i, known.towns[key])
        for i, m in enumerate(mentions)
        if (key := alias_key(m.text)) in known.towns and m.kind in _NAMED and m.label != TOWN_TEAM
    ]
    if not towns:
        return mentions
    playing = named | _nicknamed(text)
    result = list(mentions)
    for i, bearers in towns:
        mention = mentions[i]
        if len(bearers & playing) != 1:
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        before = text[max(line_start, mention.start - 30) : mention.start]
        if (
            (mention.kind in ("organisation", "person") and not place_before(before))
            or _RESULT_BEFORE.search(before)
            or _RESULT_AFTER.match(text, mention.end)
        ):
            result[i] = Mention(mention.start, mention.end, mention.text, TEAM[0], TOWN_TEAM)
    return result


_NAMED = frozenset({"person", "organisation", "place", "group", "event", "other"})


def _nicknamed(text: str) -> set[int]:
    """The teams ``text`` names by a capitalised nickname only one team bears (a
    British club's nickname alone names none: "Chiefs" is still Kansas City's)."""
    found: set[int] = set()
    words = [m.group() for m in _WORD.finditer(text)]
    for n, word in enumerate(words):
        if not word[:1].isupper():
            continue
        for name in (word, " ".join(words[n : n + 2])):
            if (team := nicknamed_team(alias_key(name))) is not None:
                found.add(team)
    return found


_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z0-9]\w+")  # every team's name ends with such a word


_GLUED_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]$")
_GLUED_AFTER = re.compile(r"[ \t][A-Z]")


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a nickname is one word of a longer name: "United" of "United States"
    or "Giants Stadium" beside "Manchester United" is not the team."""
    return bool(
        _GLUED_BEFORE.search(text, max(0, start - 30), start) or _GLUED_AFTER.match(text, end)
    )


def _written_at(text: str, name: str, start: int) -> bool:
    """Whether ``name`` stands at ``start`` of ``text`` as whole words."""
    end = start + len(name)
    return (
        start >= 0
        and text.startswith(name, start)
        and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_'’-"))
        and (end == len(text) or not (text[end].isalnum() or text[end] in "_-"))
    )
