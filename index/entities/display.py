"""How an entity is named and identified: the spelling shown and a stable id.

A full name over a short one, mixed case over capitals, a person's name without the
description before it, and ids of the form "kind:slug". Apart from the merge: it
reads an entity's spellings only, never its nodes or links.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set
from dataclasses import replace

from ..gazetteer import place_of, state_names
from ..model import Entity
from ..names import PARTICLES, ROLES, SMALL_WORDS, alias_key, without_suffix
from .keys import _is_abbreviation
from .people import _describing


def _display_name(counts: Counter[str], kind: str, described: Set[str] = frozenset()) -> str:
    """How an entity is named: the most used of its spellings in more than one word
    (a full name; a person's title is not a word of it), then the longest, then mixed
    case. A full name counts for a person where it is written at least twice (or no
    other is); for anything else where it is used at least a third as often as the
    most used spelling, or, for an acronym, twice
    ("United States" for US). One odd long span ("Lindsay Lohan Checks", "Chelsea v
    Birmingham") does not name an entity that sources call otherwise. A place
    written in capitals (a dateline's "JERUSALEM") is named as it is written
    elsewhere, or in Title Case. A person's name is without what describes the
    person before it (:func:`_undescribed`)."""
    name = _displayed(counts, kind)
    return _undescribed(name, described) if kind == "person" else name


def _undescribed(name: str, described: Set[str]) -> str:
    """A person's name without the group and the role before it that the model
    took into the span ("Kenyan Bernard Lagat", "Tory Neil Hamilton", "Lib Dem MP
    Lembit Opik"): ``described`` holds the keys of the corpus's groups (peoples,
    parties), never an initial ("R. Clarke Cooper"). What is left is a full name,
    two words or more from a capital ("Stade de France" stays)."""
    words = name.split()
    for size in (2, 1):
        lead = " ".join(words[:size])
        if (
            len(words) > size + 1
            and len(lead) > 2
            and lead[-1] != "."
            and alias_key(lead) in described
        ):
            words = words[size:]
            break
    while len(words) > 2 and words[0].lower().rstrip(".") in _DESCRIBING_BEFORE:
        words = words[1:]
    return " ".join(words) if words[0][:1].isupper() else name  # not "de France"


def _displayed(counts: Counter[str], kind: str) -> str:
    """The spelling :func:`_display_name` names an entity by."""
    counts = _cased(counts, kind == "place")
    if kind == "place" and len(counts) > 1:  # "Kentucky", however often "Ky." is written
        written = {alias_key(t) for t in counts}
        states = state_names()
        counts = Counter(
            {t: n for t, n in counts.items() if states.get(alias_key(t)) not in written}
        )
    # initials written apart ("F. B. I.", a paper's style) are an acronym, no full name
    spaced = {t for t in counts if _SPACED_INITIALS.fullmatch(t)}
    if spaced and len(spaced) < len(counts):
        counts = Counter({t: n for t, n in counts.items() if t not in spaced})
    most = max(counts, key=lambda t: (counts[t], t))
    if _is_abbreviation(most):
        full = [t for t in counts if " " in t and counts[t] >= 2]
    elif kind == "person":  # "Bernie Ebbers", not "Mr Ebbers", once named in full
        full = [t for t in counts if _full_name(t)] or [
            t for t in counts if " " in t and t.split()[0].lower() not in _DESCRIBING
        ]  # "Prince Harry", but "Jay-Z", not "Rapper Jay-Z"
        # "Mark Davies", not "Wales physio Mark Davies": no description before it
        full = [t for t in full if not _describing(t)] or full
        full = [t for t in full if not _run_on(t, full)] or full
        full = [t for t in full if counts[t] >= 2] or full
    else:
        full = [t for t in counts if " " in t and 3 * counts[t] >= counts[most]]
    full = full or list(counts)
    best = max(full, key=lambda t: (counts[t], len(t.split()), not t.isupper(), t))
    if kind == "person":
        best = _with_given_name(best, counts)
    elif " " in best:
        best = _not_cut_short(best, counts)
    return best


# The last word of a body's name that a text or the model may leave off
# ("National Hockey" of "National Hockey League").
_BODY_ENDS = frozenset(
    {"league", "association", "party", "service", "company", "corporation", "union",
     "council", "committee", "commission", "federation", "organisation", "organization",
     "institute", "agency", "department", "ministry", "board", "authority", "foundation",
     "society"}
)  # fmt: skip


def _not_cut_short(best: str, counts: Counter[str]) -> str:
    """A body's name, not the same name with its last word cut off: "National
    Hockey League", not "National Hockey"; "Fish and Wildlife Service", not
    "Fish and Wildlife"."""
    longer = [
        t
        for t in counts
        if t.startswith(best + " ")
        and len(t.split()) == len(best.split()) + 1
        and t.split()[-1].lower() in _BODY_ENDS
    ]
    return max(longer, key=lambda t: (counts[t], t)) if longer else best


def _run_on(spelling: str, others: list[str]) -> bool:
    """Whether a person's spelling is another full name of theirs after words
    a headline or a caption ran on from, not a given name: a run of three words
    or more, or words holding a small word, a colon or an ampersand ("Egypt
    Holds Final Round of Voting Mohammed Abed", "Popcorn With Peter Travers",
    "Ludacris & Lil Jon"; not "Luiz Inacio Lula da Silva" beside "Lula da
    Silva")."""
    for other in others:
        if other != spelling and " " in other and spelling.endswith(" " + other):
            lead = spelling[: -len(other)].split()
            if len(lead) >= 3 or any(
                word.lower() in _RUN_ON_WORDS or not word[:1].isupper() or word[-1] in ":&"
                for word in lead
            ):
                return True
    return False


# Small words of a headline before a name ("Tribute To Survivors From Jeff Herman"),
# not a name's particles ("Jean de La Fontaine").
_RUN_ON_WORDS = (SMALL_WORDS - PARTICLES) | {"with", "to", "from", "at", "by", "a", "an"}


def _with_given_name(name: str, counts: Counter[str]) -> str:
    """A surname that opens with a particle ("El Guerrouj", "De Vido"), named
    most, is shown with the given name its longer spellings give it: "Hicham El
    Guerrouj" (not with an initial, "R de Marigny", nor a title, "Mr de Gaulle")."""
    words = alias_key(name).split()
    if len(words) < 2 or words[0] not in PARTICLES:
        return name
    longer = [
        t
        for t in counts
        if len(t.split()) > len(words)
        and not _describing(t)
        and len(t.split()[0].rstrip(".")) > 1
        and t.split()[0].lower().rstrip(".") not in ROLES
        and alias_key(t).split()[-len(words) :] == words
    ]
    return max(longer, key=lambda t: (counts[t], t)) if longer else name


# The words before a name (names.ROLES) that are part of how a person is called
# ("Prince Harry", "Pope Francis"); the others describe what the person does or
# is addressed as ("Rapper Jay-Z", "Mr Musk") and name no one, nor do Mrs and Ms.
_STYLES = frozenset({"king", "queen", "prince", "princess", "pope", "sheikh", "lord", "sir",
                     "cardinal", "bishop", "archbishop"})  # fmt: skip
_DESCRIBING = (ROLES - _STYLES) | {"mrs", "ms"}
# Members of a parliament and a party's offices, described before their names
# ("MEP Nigel Farage", "Tory Treasurer Lord Ashcroft").
_ELECTED = frozenset({"mp", "mep", "msp", "mla", "treasurer", "whip"})
_DESCRIBING_BEFORE = _DESCRIBING | _ELECTED


_SPACED_INITIALS = re.compile(r"(?:[A-Z]\. )+[A-Z]\.")


def _full_name(spelling: str) -> bool:
    """A person's name in more than one word, not counting a title ("Mr Ebbers"), a
    generational suffix ("Trump Jr.") nor the parts of a surname ("Kilroy-Silk")."""
    words = without_suffix(spelling.split())  # "Trump Jr." is a surname
    while len(words) > 1 and words[0].lower().rstrip(".") in ROLES:
        words = words[1:]
    return len(words) > 1


def _cased(counts: Counter[str], place: bool) -> Counter[str]:
    """``counts`` with each spelling in capitals ("JERUSALEM", "AL-AIN", a results
    table's "CHICAGO") counted as its mixed-case spelling ("Jerusalem"), or, for a
    place, in Title Case where there is none and the gazetteer knows it; an
    acronym's few letters ("SANA", the Syrian agency, is no Sana; "FIFA") stay as
    they are, and so do those the capitals are the usual spelling of ("US" 1,505
    times is not the "Us" of one magazine's name)."""
    mixed: dict[str, str] = {}
    for spelling, _ in counts.most_common():
        if not spelling.isupper():
            mixed.setdefault(alias_key(spelling), spelling)
    cased: Counter[str] = Counter()
    fewest = 4 if place else 6  # "NATO", "CREEP" may be how an organisation is written
    for spelling, count in counts.items():
        key = alias_key(spelling)
        letters = sum(c.isalpha() for c in spelling)
        if (
            spelling.isupper()
            and key in mixed
            and (letters >= fewest or counts[mixed[key]] >= count)
            and not _initials_lowered(spelling, mixed[key])
        ):
            spelling = mixed[key]
        elif place and spelling.isupper() and letters >= 5 and place_of(key, False) is not None:
            spelling = spelling.title()
        cased[spelling] += count
    return cased


def _initials_lowered(capitals: str, mixed: str) -> bool:
    """Whether ``mixed`` writes a word of two capitals of ``capitals`` as a word
    ("La Clippers" for "LA CLIPPERS", "Ny Islanders"): a headline re-cased, not
    how the name is written."""
    return any(
        len(word) == 2 and word.isalpha() and other == word.title()
        for word, other in zip(capitals.split(), mixed.split(), strict=False)
    )


def slug(text: str) -> str:
    """A stable, readable id part: "Hakan Fidan" -> "hakan-fidan", "U.N." -> "un"."""
    return alias_key(text).replace(" ", "-") or "x"


def _with_ids(entities: list[Entity]) -> list[Entity]:
    """Give each entity "kind:slug", numbering repeats in their sorted order."""
    ids = _ids([(entity.kind, entity.name) for entity in entities])
    return [replace(entity, id=eid) for entity, eid in zip(entities, ids, strict=True)]


def _ids(named: list[tuple[str, str]]) -> list[str]:
    """ "kind:slug" of each (kind, name), numbering repeats in the given order."""
    used: set[str] = set()
    result = []
    for kind, name in named:
        base = candidate = f"{kind}:{slug(name)}"
        number = 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        used.add(candidate)
        result.append(candidate)
    return result
