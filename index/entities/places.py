"""Linking rules for places, groups of people and facilities.

Places of one GeoNames id, with abbreviated words or without a sea's "Sea"; peoples
and parties named in the plural and the singular; a facility named with other words
for its kind. Apart because each reads the gazetteer or words of its own kind, not
how people or organisations are named.
"""

from __future__ import annotations

from collections import defaultdict

from ..events import singular
from ..gazetteer import code_alone, is_major_place, place_of, state_names
from .keys import _SPELLINGS
from .nodes import _Links, _Node

# Words a place's name abbreviates ("Mt Cook", "Ft Worth"); not for organisations (FT).
_PLACE_WORDS = {"mt": "mount", "ft": "fort"}
# What a sea is called without its last word ("the Mediterranean", "the Pacific").
_WATERS = frozenset({"sea", "ocean"})


def _link_places(nodes: list[_Node], links: _Links) -> None:
    """Places with the same GeoNames id are one place (Kyiv / Kiev, US / United States);
    so are names equal but for an abbreviation ("Mt Cook" / "Mount Cook") and a sea
    named without "Sea" or "Ocean" ("Mediterranean"), unless that is a country or a
    city of its own ("Japan" is no Sea of Japan). A country's ISO code alone ("SV",
    "AUS") is that country only where its story names it ("Hamburger SV" is no El
    Salvador); "US", "UK", "NZ" always are. A state as news agencies abbreviate
    it is that state ("Calif.", "N.J."; see :func:`index.gazetteer.state_names`)."""
    places = [i for i, node in enumerate(nodes) if node.kind == "place"]
    by_plain: dict[str, int] = {}
    for i in places:
        plain = " ".join(_PLACE_WORDS.get(word, word) for word in nodes[i].plain.split())
        by_plain.setdefault(plain, i)
        links.join(by_plain[plain], i)
    by_key = {nodes[i].key: i for i in places}
    for i in places:  # a state as agencies abbreviate it is the state: "Calif." / California
        state = by_key.get(state_names().get(nodes[i].key, ""))
        if state is not None:
            links.join(state, i)
    for i in places:
        *name, last = nodes[i].tokens
        short = by_plain.get(" ".join(_PLACE_WORDS.get(word, word) for word in name))
        if last in _WATERS and short is not None and not is_major_place(nodes[short].key):
            links.join(short, i)
    first: dict[int, int] = {}
    named_in: dict[int, set[str]] = defaultdict(set)  # the stories naming each place
    coded: list[tuple[int, int]] = []  # a country written as its code alone
    for i, node in enumerate(nodes):
        abbreviated = node.kind == "place" and node.abbreviated
        place = place_of(node.key, abbreviated) if node.kind == "place" else None
        if place is None:
            continue
        if abbreviated and code_alone(node.key):
            coded.append((i, place.geonameid))
            continue
        named_in[place.geonameid] |= node.stories
        if place.geonameid in first:
            links.join(first[place.geonameid], i)
        else:
            first[place.geonameid] = i
    for i, geonameid in coded:
        if named_in[geonameid] & nodes[i].stories:
            links.join(first[geonameid], i)


def _link_groups(nodes: list[_Node], links: _Links) -> None:
    """A people, a party's members or a faith named in the plural is the one
    named in the singular: "Tories" and "Tory", "Americans" and "American",
    "Democrats" and "Democrat", and in words written short ("Lib Dems" are the
    Liberal Democrats, "Dems" the Democrats); and a name of several words the
    model reads as a person, written in the plural and the singular, is such a
    group ("Lib Dems" and "Lib Dem": a person's name has no plural)."""
    by_key = {node.key: i for i, node in enumerate(nodes)}
    for i, node in enumerate(nodes):  # "Lib Dems" and "Lib Dem", read as people
        if len(node.articles) < _GROUP_ARTICLES or node.kind != "person" or " " not in node.key:
            continue  # "John Nettles" once beside a misspelt "John Nettle" is a man
        j = by_key.get(_singular(node.key), i)
        if j != i and nodes[j].kind in ("person", "organisation"):
            for k in (i, j):
                nodes[k].kind, nodes[k].corrected = "group", True
    first: dict[str, int] = {}  # "lib dems", "liberal democrat": "liberal democrat"
    for i, node in enumerate(nodes):
        if node.kind == "group":
            name = " ".join(_SPELLINGS.get(word, word) for word in _singular(node.key).split())
            links.join(first.setdefault(name, i), i)


_GROUP_ARTICLES = 3  # articles naming a plural "person" that make it a group


def _singular(key: str) -> str:
    """A key with its last word in the singular ("lib dems": "lib dem")."""
    *head, last = key.split()
    if len(last) < 4 and not head:
        return key
    return " ".join([*head, singular(last)])


# What a facility's name may end with, one source or another ("Betty Ford Center",
# "Betty Ford Clinic", "Betty Ford Treatment Center"), and what may stand before it.
_FACILITY_HEADS = frozenset({"center", "centre", "clinic", "hospital", "building", "facility"})
_FACILITY_KINDS = frozenset({"treatment", "medical", "rehab", "rehabilitation", "health"})


def _facility_core(tokens: list[str]) -> tuple[str, ...] | None:
    """A facility's name without the words that say what kind it is ("betty ford"
    of "Betty Ford Treatment Center"); None for a name not ending with one."""
    if len(tokens) < 2 or tokens[-1] not in _FACILITY_HEADS:
        return None
    tokens = tokens[:-1]
    while len(tokens) > 1 and tokens[-1] in _FACILITY_KINDS | _FACILITY_HEADS:
        tokens = tokens[:-1]
    return tuple(tokens)


def _link_facilities(nodes: list[_Node], links: _Links) -> None:
    """A facility named with different words for its kind in one story is one
    facility ("Betty Ford Center" / "Betty Ford Clinic" / "Betty Ford Treatment
    Center"), whatever the model called each; the name without any such word ("Betty
    Ford", the person) is left alone, and so is a one-word rest ("City Hospital" /
    "City Clinic")."""
    by_core: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        core = _facility_core(node.tokens)
        if core is not None and len(core) > 1 and node.kind != "group":
            by_core[core].append(i)
    for found in by_core.values():
        for n, i in enumerate(found):
            for j in found[n + 1 :]:
                if nodes[i].stories & nodes[j].stories:
                    links.join(i, j)
                    for k in (i, j):
                        if nodes[k].kind == "person":
                            nodes[k].kind, nodes[k].corrected = "organisation", True
