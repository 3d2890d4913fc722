"""Linking rules for organisations: a short name and the longer name it begins or ends.

A short name joins the longer one unless that one names a body, a branch, a part or
an institution of it, or two names glued. Apart from the people's rules: an
organisation's name is told from a longer one by other words (a body, a designator,
a place before it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Set
from functools import partial

from ..gazetteer import is_known_place, is_local_place, place_of
from ..names import SMALL_WORDS, alias_key, initials_of
from ..teams import town_teams
from .nodes import NAME_DOMINANCE, _Context, _forms, _Links, _Node


def _link_organisations(
    nodes: list[_Node], links: _Links, common: set[str], context: _Context | None = None
) -> None:
    """A short name of an organisation joins the longer name it begins or ends
    ("Academy" / "Academy of Motion Picture Arts and Sciences", "Red Sox" / "Boston
    Red Sox") where that name is far more used than other spans that contain it;
    names equal but for a company form or a British spelling join. A short name
    that is a common word (``common``: "News", "Party") joins only within its article
    and never loses its company form ("News Corp" is not "News"). A longer name
    of one article that one short name begins and another ends, each named twice
    or more, sharing no word, the first no place ("Philadelphia Eagles"), is two
    names glued ("NBC News Science Facebook", "OutKast's Speakerboxxx"): only the
    first to join it does. Once stories are known (the second merge, which
    gives the articles' names, ``context``), a short name joined beyond its
    stories stays so only where an article of it shares a telling name with
    one naming the longer name (see :class:`index.entities.nodes._Context`)."""
    organisations = [i for i, node in enumerate(nodes) if node.kind in ("organisation", "other")]
    by_forms: dict[tuple[str, ...], list[int]] = defaultdict(list)
    parts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in organisations:
        forms = nodes[i].forms
        if len(forms) == 1 and forms[0] in common and len(nodes[i].tokens) > 1:
            forms = tuple(nodes[i].tokens)
        by_forms[forms].append(i)
    for i in organisations:
        forms = nodes[i].forms
        if _names_two(nodes[i], by_forms):
            continue  # "Dell and Hewlett-Packard" is neither Dell nor Hewlett-Packard
        for size in range(1, len(forms)):
            parts[forms[:size]].append(i)
            parts[forms[-size:]].append(i)
    for same in by_forms.values():
        first: dict[int | None, int] = {}  # a town read as its team is not the town
        for i in same:
            team = nodes[i].team if town_teams(nodes[i].key) else None
            links.join(first.setdefault(team, i), i)
    # The acronyms each entity's text spells out so far, by its root.
    acronyms: dict[int, set[str]] = defaultdict(set)
    for k, node in enumerate(nodes):
        if node.acronym:
            acronyms[links.root(k)].add(node.key.replace(" ", ""))
    owned = {i: acronyms.get(links.root(i), set()) for i in organisations}
    # The short names joined to each longer one so far, by its root: whether each
    # begins it, its words and its mentions.
    ends: dict[int, list[tuple[bool, tuple[str, ...], int]]] = defaultdict(list)
    for i in organisations:
        forms = nodes[i].forms
        if forms[-1] in SMALL_WORDS or (len(forms) == 1 and len(forms[0]) < 3):
            continue
        if nodes[i].team is not None:
            continue  # a town read as its team is the team ("Leicester"), see _link_teams
        if len(forms) == 1 and nodes[i].acronym:
            continue  # an acronym joins only what it stands for (MEP is not UKIP MEP)
        if len(forms) == 1 and forms[0] in common:
            continue  # "House" may be the White House or the House of Representatives
        target = links.target(
            [
                j
                for j in parts.get(forms, ())
                if not _a_body_of(
                    nodes[i], nodes[j], links.size[links.root(i)], links.size[links.root(j)]
                )
                and not _a_branch_of(nodes[i], nodes[j], common)
                and not _named_apart(
                    nodes[i],
                    owned[j] - owned[i],
                    links.size[links.root(i)],
                    links.size[links.root(j)],
                )
            ],
            nodes,
            nodes[i],
            near=NAME_DOMINANCE,
            far=NAME_DOMINANCE,
            min_size=2,
            small=[j for j in parts.get(forms, ()) if _designated(nodes[i], nodes[j], common)],
            confirm=partial(context.named_around, nodes[i]) if context is not None else None,
        )
        if target is None:
            continue
        longer = [j for j in parts[forms] if links.root(j) == target]
        if all(
            _a_part_of(nodes[i], nodes[j], common, links.size[links.root(i)], links.size[target])
            for j in longer
        ):
            continue  # a part of what it names, not its name
        if all(_of_a_place(nodes[i], nodes[j]) for j in longer):
            continue  # a town's police, court or school, not the town
        begins = any(nodes[j].forms[: len(forms)] == forms for j in longer)
        mine = links.size[links.root(i)]
        if (
            mine >= _GLUED
            and all(len(nodes[j].articles) == 1 for j in longer)
            and any(
                b != begins
                and n >= _GLUED
                and not set(f) & set(forms)
                and place_of(" ".join(forms if begins else f), False) is None
                for b, f, n in ends[target]
            )
        ):
            continue  # two names glued ("NBC News Science Facebook"): not both
        theirs = ends.pop(target, []) + ends.pop(links.root(i), [])
        links.join(i, target)
        ends[links.root(i)] = [*theirs, (begins, forms, mine)]


# What a name ends with when it names a body of, or beside, what it begins with:
# the United Nations Security Council is not the United Nations, nor the Pacific
# Crest Trail Association the trail, the Microsoft Security Response Alliance
# Microsoft, the English Premiership the English, nor the Liverpool Echo (a
# paper) the club.
_BODIES = frozenset(
    {"council", "committee", "subcommittee", "commission", "association", "board", "fund",
     "caucus", "panel", "tribunal", "alliance", "federation", "premiership", "echo", "post",
     "times", "herald", "gazette", "journal", "telegraph", "chronicle", "tribune"}
)  # fmt: skip


# The last word of a name that says what kind of organisation or site it names:
# "Morningside Recovery Center" is Morningside Recovery's full name, "Marfin
# Investment Bank" Marfin's. (A company form, "Inc", is no word of a name's
# forms at all: see _COMPANY_FORMS.)
_DESIGNATORS = frozenset(
    {"center", "centre", "clinic", "hospital", "bank", "store", "stores", "shop", "plant",
     "factory", "hotel", "motel", "prison", "jail", "warehouse", "restaurant", "foundation"}
)  # fmt: skip


def _designated(short: _Node, longer: _Node, common: Set[str]) -> bool:
    """Whether ``longer`` is ``short``'s name with what it is said after it (a
    word in lower case at most, then a designator: "Cliffside Rehab Center",
    "Waitrose Store"), or with a known place's name before it ("Malibu Promises
    Treatment Center"): a full name a text writes once, not a bad span."""
    extra = _after(short, longer)
    if extra:
        words = extra[:-1]
        return extra[-1] in _DESIGNATORS and len(words) <= 1 and all(w in common for w in words)
    size = len(short.forms)
    before = longer.forms[:-size]
    written = longer.mentions[0][1].text.split()
    return (
        longer.forms[-size:] == short.forms
        and bool(before)
        and is_known_place(" ".join(before))
        and len(written) == len(longer.forms)  # not "Harbor-UCLA", "Non-European"
        and size > 1  # "Theatre" is no name of the Prince Edward Theatre
    )


def _after(short: _Node, longer: _Node) -> tuple[str, ...]:
    """The words ``longer`` adds after ``short``'s name where it begins with it,
    else none."""
    size = len(short.forms)
    return longer.forms[size:] if longer.forms[:size] == short.forms else ()


def _a_body_of(short: _Node, longer: _Node, named: int, named_longer: int) -> bool:
    """Whether ``longer`` is ``short``'s name followed by words naming a body
    ("Security Council", "Board of Trade": the Chicago Board of Trade is not
    Chicago), where ``short`` names none itself and is named as often
    as the body: a name of its own, not the body's name cut short ("Senate
    Judiciary" once beside "Senate Judiciary Committee" 18 times). ``named``,
    ``named_longer``: the mentions of the two entities so far, so that "Microsoft
    Corp." once is read as the Microsoft named everywhere else."""
    return (
        any(word in _BODIES for word in _after(short, longer))
        and short.forms[-1] not in _BODIES
        and named >= named_longer
    )


# The names a country's own party, association or court bears bare, which a
# state's, a town's or a home nation's bears after its place's name ("the
# Republican Party", "the Football Association", "the Supreme Court").
_NATIONAL_HEADS = frozenset({"party", "association", "union", "senate", "parliament", "assembly"})
# The nations of the United Kingdom, whose own institutions share the British ones'
# names ("the Scottish Football Association" is not the Football Association).
_HOME_NATIONS = frozenset({"scottish", "welsh", "english", "northern irish", "irish"})


def _a_branch_of(short: _Node, longer: _Node, common: Set[str]) -> bool:
    """Whether ``longer`` is ``short``'s name after a state, county, town or home
    nation, that place's own party, association or court ("Wisconsin Republican
    Party", "Scottish Football Association", "California Supreme Court"), where
    ``short`` is a name a nation's bears bare. A country before it changes nothing
    ("US Supreme Court" is the Supreme Court); nor does a word the corpus writes in
    lower case ("Federal District Court") or an acronym ("U.N. General Assembly":
    Un is also a town)."""
    size = len(short.forms)
    if len(longer.forms) <= size or longer.forms[-size:] != short.forms:
        return False
    if short.forms[-1] not in _NATIONAL_HEADS and short.forms != ("supreme", "court"):
        return False
    before = longer.forms[:-size]
    for start in range(len(before)):
        words = before[start:]
        where = " ".join(words)
        if where in _HOME_NATIONS or (len(words) > 1 and words[-1] == "county"):
            return True
        if len(where) > 3 and not all(word in common for word in words) and is_local_place(where):
            return True
    return False


def _a_part_of(
    short: _Node, longer: _Node, common: set[str], named: int, named_longer: int
) -> bool:
    """Whether ``longer`` is ``short``'s name followed by two words or more of a
    name of its own, where ``short`` is named ten times as often: a product, a
    division or an office of what ``short`` names ("Motorola Razr V3", "Financial
    Times New Media", "White House Office of Management and Budget"), not its name
    with a description the corpus writes in lower case ("Associated Press news
    agency"), unless the words are capitalised where it is named ("Microsoft Active
    Protections Program"). ``named``, ``named_longer``: the mentions of the two
    entities so far."""
    extra = _after(short, longer)
    return (
        len(extra) >= 2
        and named >= _PARENT * named_longer
        and (
            not all(word in common for word in extra)
            or any(_capitalised_after(m.text, len(extra)) for _, m in longer.mentions)
        )
    )


def _capitalised_after(text: str, count: int) -> bool:
    """Whether the last ``count`` words of a name are each written capitalised."""
    words = text.split()[-count:]
    return len(words) == count and all(word[:1].isupper() for word in words)


# What follows a town's name in the name of one of its institutions (not its
# university, college or museum, which a town's name often stands for: "Oxford").
_INSTITUTIONS = frozenset(
    {"police", "department", "court", "courthouse", "council", "school", "schools",
     "hospital", "airport", "library", "zoo", "district", "county", "city", "fire",
     "sheriff", "jail", "prison"}
)  # fmt: skip


def _of_a_place(short: _Node, longer: _Node) -> bool:
    """Whether ``longer`` is an institution of the place ``short`` names: the
    place's name and a word such as "police" or "court" ("Woodburn Police
    Department" is not Woodburn, "Bellflower Superior Court" not Bellflower)."""
    return any(word in _INSTITUTIONS for word in _after(short, longer)) and (
        place_of(short.key, False) is not None
    )


def _named_apart(short: _Node, acronyms: set[str], named: int, named_longer: int) -> bool:
    """Whether a longer name whose acronym the text spells out is an organisation
    of its own, not ``short``'s, where ``short`` is named as often (else it is
    more likely the longer name cut short: "Independence Party" beside "UK
    Independence Party (UKIP)"): "General Motors Acceptance Corp (GMAC)" is not
    General Motors, "Parliamentary Labour Party (PLP)" not the Labour Party; an
    acronym ``short`` also spells is no sign ("Intel Corp (INTC)"). ``named``,
    ``named_longer``: the mentions of the two entities so far."""
    return bool(acronyms) and named >= named_longer and not acronyms & initials_of(short.tokens)


# How many times as often a name is named as a longer name beginning with it that
# names a part of what it names (see _a_part_of).
_PARENT = 10

# Mentions of each of two names that make a longer name of one article, read
# beside both, two names glued rather than one name's short forms.
_GLUED = 2

_TWO_NAMES = re.compile(r"(.+?)\s+(?:and|&|at|AT)\s+(.+)")


def _names_two(node: _Node, names: Mapping[tuple[str, ...], list[int]]) -> bool:
    """Whether a name is two organisations joined by "and", "&" or "at", each of
    which the corpus names alone ("Dell and Hewlett-Packard"; a fixture,
    "VANCOUVER AT SAN ANTONIO"), not one whose parts are not names of their own
    ("Marsh & McLennan" beside "Marsh" alone)."""
    found = _TWO_NAMES.fullmatch(node.mentions[0][1].text)
    if found is None:
        return False
    return all(_forms(alias_key(part).split(), node.kind) in names for part in found.groups())
