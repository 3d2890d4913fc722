"""Teams and companies: names that stand for a sports team or a company.

A college's or a town's name standing for its team in an article naming the team,
a team's names joined, and a name read as a place's or a person's that begins a
company's legal name. Apart because these decide, article by article, what a name
stands for from the teams and companies the article names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from ..mentions import PERSON_SHOWN
from ..model import Mention
from ..teams import TOWN_TEAM, full_team, nicknamed_team, school_team, teams_named, town_teams
from .keys import _given_names, _surname, _vote
from .kinds import _rarely_shown
from .nodes import NAME_DOMINANCE, _Links, _Node


def _schools_as_teams(nodes: list[_Node]) -> list[_Node]:
    """Sports news names a team by its college or its town ("North Carolina beat
    Creighton", "a 31-24 win over Jacksonville"): in an article that names the team
    itself, in full or by a nickname no other team bears ("Tar Heels", "Jaguars"),
    a college's name is the team, and so is a town's name that the article's
    mentions mark as a team (``TOWN_TEAM``, see :func:`index.teams.known_teams`);
    elsewhere each keeps its own node ("North Carolina" the state, "in
    Jacksonville" the town)."""
    named: dict[str, set[int]] = defaultdict(set)  # article -> teams it names
    for node in nodes:
        team = full_team(node.key)
        if team is None and node.kind != "group":
            team = nicknamed_team(node.key)
        if team is not None:
            for article in node.articles:
                named[article].add(team)
    result = []
    for node in nodes:
        school = school_team(node.key) if node.kind != "person" else None
        towns = town_teams(node.key)
        if school is None and not towns:  # no mention of it can stand for a team
            result.append(node)
            continue
        by_team: dict[int | None, list[tuple[str, Mention]]] = defaultdict(list)
        for article, mention in node.mentions:
            team = _team_of(mention, named[article], school, towns)
            by_team[team].append((article, mention))
        if None in by_team and len(by_team) == 1:
            result.append(node)
            continue
        for team, found in by_team.items():
            articles = frozenset(a for a, _ in found)
            if team is None:  # its kind voted again without the team's mentions
                kind = node.kind if node.corrected else _vote(Counter(m.kind for _, m in found))
                result.append(replace(node, mentions=found, articles=articles, kind=kind))
            else:
                result.append(replace(node, mentions=found, articles=articles,
                                      kind="organisation", corrected=True, team=team))  # fmt: skip
    return result


# What ends a company's legal name ("Newmont Mining Corp", "Bre-X Minerals Ltd");
# not "group" or "holdings", which end other names too.
_LEGAL_FORMS = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "ag",
     "sa", "nv", "gmbh"}
)  # fmt: skip


def _companies_named(nodes: list[_Node]) -> list[_Node]:
    """A name the model reads as a place's or a person's is a company's where
    every article naming it also names a company by a legal name that begins
    with it: "Newmont" beside "Newmont Mining Corp", "Bre-X" beside "Bre-X
    Minerals Ltd" (the model's GPE and PERSON for them). Only a place no
    gazetteer knows ("Santa Fe" stays the city), or a person whose first word
    is no given name, whose text never shows a person and who is no surname of
    a person the article names in full ("John Lewis" stays a man, "Eom" beside
    "Young-Ho Eom")."""
    legal: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # article -> names' words
    people: dict[str, set[str]] = defaultdict(set)  # article -> surnames of full names
    for node in nodes:
        words = node.tokens
        if node.kind == "organisation" and len(words) > 1 and words[-1] in _LEGAL_FORMS:
            if "and" not in words:  # "Eom and co." is Young-Ho Eom and his team
                for article in node.articles:
                    legal[article].add(tuple(words[:-1]))
        elif node.kind == "person" and len(words) > 1:
            for article in node.articles:
                people[article].add(_surname(words))
    if not legal:
        return nodes
    result = []
    for node in nodes:
        tokens = tuple(node.tokens)
        if (
            node.articles
            and node.articles <= legal.keys()
            and _maybe_company(node)
            and not any(node.key in people.get(article, ()) for article in node.articles)
            and all(
                any(name[: len(tokens)] == tokens for name in legal[article])
                for article in node.articles
            )
        ):
            node = replace(
                node, kind="organisation", corrected=True, unknown_place=False, unsupported=False
            )
        result.append(node)
    return result


def _maybe_company(node: _Node) -> bool:
    """A place no gazetteer knows, or a person whose first word is no given name
    and whose text never shows a person."""
    if node.unknown_place:
        return True
    return (
        node.kind == "person"
        and _first_word(node) not in _given_names()
        and _rarely_shown([node], PERSON_SHOWN)
    )


def _first_word(node: _Node) -> str:
    """A name's first word as written, a hyphen kept ("bre-x", not "bre")."""
    return node.mentions[0][1].text.split()[0].lower()


def _team_of(
    mention: Mention, named: set[int], school: int | None, towns: frozenset[int]
) -> int | None:
    """The team a college's or a town's name stands for in an article naming the
    teams ``named``, if it does (see :func:`_schools_as_teams`)."""
    if school is not None and school in named:
        return school
    here = towns & named if mention.label == TOWN_TEAM else frozenset()
    return next(iter(here)) if len(here) == 1 else None


def _link_teams(nodes: list[_Node], links: _Links, common: set[str]) -> None:
    """A sports team's names are one organisation (see :mod:`index.teams`), whatever
    the model called each: its full names ("Indianapolis Colts", "Indy Colts") are the
    team, and a nickname ("Colts"; "Sixers" for the Philadelphia 76ers) joins the team
    named in full in its article or story, or, where only one team bears it, its other
    nicknames there. A nickname several teams bear ("Giants") joins the one named far
    more often; one the corpus writes in lower case ("Heat", "Bills") only in its
    article; a people's name ("Texans", "Irish") never."""
    full: dict[int, list[int]] = defaultdict(list)  # team -> nodes of its full names
    only: dict[int, list[int]] = defaultdict(list)  # team -> nodes of nicknames only it bears
    nicknames = []
    for i, node in enumerate(nodes):
        team = node.team if node.team is not None else full_team(node.key)
        if team is not None:
            full[team].append(i)
            node.kind, node.corrected = "organisation", True
        elif teams_named(node.key) and node.kind != "group":
            nicknames.append(i)
            bearers = teams_named(node.key)
            if len(bearers) == 1:
                only[next(iter(bearers))].append(i)
    for found in full.values():
        for i in found[1:]:
            links.join(found[0], i)
    for i in nicknames:
        node = nodes[i]
        bearers = teams_named(node.key)
        candidates = [j for t in bearers for j in (*full.get(t, ()), *only.get(t, ())) if j != i]
        if node.key in common:  # "Heat": only beside the team's full name
            candidates = [j for j in candidates if nodes[j].articles & node.articles]
        if len(bearers) == 1:  # every candidate is the one team: join those near
            near = [j for j in candidates if nodes[j].stories & node.stories]
            for j in near:
                links.join(i, j)
            joined = bool(near)
        else:
            target = links.target(candidates, nodes, node, near=NAME_DOMINANCE, reach=2)
            if target is not None:
                links.join(i, target)
            joined = target is not None
        if joined:
            node.kind, node.corrected = "organisation", True
