"""The nodes of a corpus's mentions and the evidence for their kinds.

One node per alias key (a bare person's name one per article), its kind voted and
corrected where the gazetteer or the corpus's full names say more than the model (a
town read as a person, a name of a palace or a square), what marks a one-word
"person" or a "place" as unsupported, and an entity's kind from its nodes. Apart
from the linking rules: it decides what each name is, not which names are one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace

from ..gazetteer import KNOWN_ACRONYMS, is_known_place, is_major_place
from ..mentions import PERSON_SHOWN, PLACE_SHOWN
from ..model import Mention
from ..names import PARTICLES
from .keys import (
    _COMPANY_FORMS,
    _familiar,
    _given_names,
    _is_abbreviation,
    _key,
    _romanised,
    _surname,
    _vote,
)
from .nodes import NAMED_KINDS, _Node

# What a name ends with when it names a place ("Dolmabahce Palace", "Qeshm Island").
_PLACE_HEADS = frozenset(
    {"palace", "square", "camp", "airport", "bridge", "street", "avenue", "road", "park",
     "river", "lake", "mountain", "mountains", "island", "islands", "valley", "beach", "bay",
     "gulf", "sea", "ocean", "peninsula", "strait", "canal", "desert", "forest", "town", "city",
     "village", "county", "province", "district", "region", "harbour", "harbor", "port",
     "stadium", "arena", "cathedral", "mosque", "temple", "church", "tower", "castle"}
)  # fmt: skip


# What a name the model calls a person's may end with that no surname is, and the
# kind of what it names: not "Church" (Charlotte Church), "Park", "Bay", "Lake",
# "Lane", "Arena", "Ocean", "Street", "Bridge", "Temple", "Castle", surnames too.
_NO_SURNAME = dict.fromkeys(
    ["palace", "square", "airport", "avenue", "road", "boulevard", "highway", "stadium",
     "cathedral", "mosque", "peninsula", "strait", "canal", "desert", "county", "province",
     "district", "region", "harbour", "harbor", "island", "islands", "mountains", "gulf",
     "canyon", "city", "village", "building", "centre", "center", "hospital", "museum",
     "hotel", "restaurant", "station", "prison", "jail", "factory", "mall", "supermarket",
     "library", "theatre", "theater"],
    "place",
) | dict.fromkeys(
    ["university", "college", "school", "institute", "foundation", "corporation",
     "association", "council", "committee", "dairy"],
    "organisation",
)  # fmt: skip


# -- nodes -----------------------------------------------------------------------------


def _nodes(mentions: Mapping[str, Sequence[Mention]], groups: Mapping[str, str]) -> list[_Node]:
    """One node per alias key; a bare person name gets one node per story."""
    by_key: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for article in sorted(mentions):
        for mention in mentions[article]:
            key = _key(mention) if mention.kind in NAMED_KINDS else ""
            if key:
                by_key[key].append((article, mention))
    surnames: Counter[str] = Counter()  # mentions of full names, by surname
    named: set[str] = set()  # every word of a full name named twice, not after a town
    people_words: Counter[str] = Counter()  # mentions of full names, by each word
    for key, found in by_key.items():
        if " " in key and _vote(Counter(m.kind for _, m in found)) == "person":
            surnames[_surname(key.split())] += len(found)
            people_words.update(dict.fromkeys(key.split(), len(found)))
            words = key.split()  # not "Leicester South" nor "Glasgow Rugby" as people
            if len(found) > 1 and not is_major_place(words[0], _TOWN_NOT_PERSON):
                named.update(words)
    nodes = []
    for key in sorted(by_key):
        node = _node(key, by_key[key], surnames, groups, named)
        node.unsupported = node.kind == "person" and _unsupported(key, by_key[key], people_words)
        node.unknown_place = node.kind == "place" and _unknown_place(key, by_key[key])
        bare_name = node.kind == "person" and " " not in key
        nodes.extend(_split_by_article(node, groups) if bare_name else [node])
    return nodes


# A one-word "person" that no full name in the corpus holds is the town, where a
# town this big bears the name, it is written as a town's and the model read it as
# something else at least once ("Munster", "Luton"; not "Bolton" beside "John
# Bolton", a given name such as "Elizabeth", "LiLo", nor "Bono", always a person).
_TOWN_NOT_PERSON = 100_000


def _node(
    key: str,
    found: list[tuple[str, Mention]],
    surnames: Counter[str],
    groups,
    named: Set[str],
) -> _Node:
    """A node with its voted kind, corrected where the model calls a place a person."""
    kinds = Counter(m.kind for _, m in found)
    kind = _vote(kinds)
    stories = frozenset(groups.get(article, article) for article, _ in found)
    node = _Node(key, found, kind, stories=stories, articles=frozenset(a for a, _ in found))
    if kind == "person" and key not in surnames and _town_not_person(key, found, named):
        node.kind, node.corrected = "place", True
    elif " " not in key and kind not in ("place", "group") and 3 * kinds["person"] >= len(found):
        node.kind = "person"  # "Trump" tagged ORG as often as PERSON is still a name
    elif " " not in key and 2 * surnames[key] >= len(found) and kind in ("organisation", "other"):
        # "Teixeira" tagged ORG beside "Mark Teixeira"; not "Labour" beside "Tim Labour"
        node.kind, node.corrected = "person", True
    elif " " in key and key.split()[-1] in _PLACE_HEADS and kind in ("organisation", "other"):
        node.kind, node.corrected = "place", True  # "Dolmabahce Palace", "Taksim Square"
    elif kind == "person" and " " in key and key.split()[-1] in _NO_SURNAME:
        # "Trafalgar Square", "Wembley Stadium", "Morris Knolls High School"
        node.kind, node.corrected = _NO_SURNAME[key.split()[-1]], True
    elif kinds["person"] and _given_and_surname(key.split(), surnames):
        node.kind, node.corrected = "person", True  # "Marion Jones" tagged ORG 9 times of 11
    return node


def _given_and_surname(tokens: list[str], surnames: Counter[str]) -> bool:
    """Whether a name of two words reads as a person's: a given name the
    nickname list knows, then a surname other people of the corpus bear, neither
    a place's last word ("Victoria Park") nor a company form."""
    return (
        len(tokens) == 2
        and _romanised(tokens[0]) in _given_names()
        and surnames[tokens[1]] > 0
        and tokens[1] not in _PLACE_HEADS
        and tokens[1] not in _COMPANY_FORMS
    )


def _town_not_person(key: str, found: list[tuple[str, Mention]], named: Set[str]) -> bool:
    if is_major_place(key):
        return True
    return (
        " " not in key
        and key not in named
        and key not in _given_names()
        and all(m.text.isupper() or m.text[1:] == m.text[1:].lower() for _, m in found)
        and not any(" " in m.text for _, m in found)  # not "Queen Elizabeth"
        and any(m.kind != "person" for _, m in found)  # the model saw more than a person
        and is_major_place(key, _TOWN_NOT_PERSON)
    )


# A one-word name is a person's where the text shows a person at one in this
# many of its mentions or more ("the Oscar winner said he" once is not enough).
SHOWN_SHARE = 10


def _unsupported(key: str, found: list[tuple[str, Mention]], people_words: Counter[str]) -> bool:
    """A one-word name the model reads as a person's that nothing else in the
    corpus gives a person: no full name holds it (or the full names that do are
    a tenth as frequent: "Twitter" 151 times beside one "Anthony Weiner
    Twitter"), it is no given name, and it is never written after a title or a
    role ("Mr", "Rapper"). On news nobody here wrote, most such names are a
    company's, a product's, a club's or a place's ("Firefox", "Lycos", "Anfield",
    "Pluto"); see :func:`_nobody`."""
    return (
        " " not in key
        and people_words[key] < 1 + len(found) // 10
        and not (key.endswith("s") and (people_words[key[:-1]] or people_words[key[:-2]]))
        and key not in _given_names()
        and not any(" " in m.text for _, m in found)
    )


def _nobody(members: list[_Node]) -> bool:
    """An entity of one-word names, each unsupported (:func:`_unsupported`),
    that no spelling rule joined to a full name ("Zelensky" beside "Volodymyr
    Zelenskyy", "LiLo" beside "Lindsay Lohan" are people), and whose text shows a
    person at too few of its mentions (a title or a role before it, "he" or "she"
    after it: :func:`index.mentions.shown_people`): not a person."""
    return all(node.unsupported for node in members) and _rarely_shown(members, PERSON_SHOWN)


def _rarely_shown(members: list[_Node], label: str) -> bool:
    """The text shows what the entity is (its mentions labelled ``label``) at
    fewer than one in :data:`SHOWN_SHARE` of its mentions."""
    shown = sum(m.label == label for node in members for _, m in node.mentions)
    total = sum(len(node.mentions) for node in members)
    return not (shown and SHOWN_SHARE * shown >= total)


# What else a place's name of several words may end or begin with, for
# :func:`_unknown_place`: "Capitol Hill", "Gaza border", "Abbey Theatre";
# "South Yorkshire", "St Pancras", "Mount Sinai", "River Tyne".
_PLACE_ENDS = _PLACE_HEADS | {
    "lane", "boulevard", "hill", "hills", "way", "row", "green", "gardens", "common", "heath",
    "plaza", "wharf", "quay", "coast", "border", "heights", "falls", "springs", "shore",
    "plains", "basin", "delta", "dam", "zone", "territory", "territories", "state", "states",
    "republic", "kingdom", "federation", "borough", "hemisphere", "theatre", "theater",
    "hotel", "hall", "station", "prison", "wall", "drive", "inlet", "pass", "township",
    "strip", "rd", "ave", "jail", "motel", "museum", "course", "highway", "motorway",
    "freeway", "fortress", "base", "mall", "cemetery", "monument",
}  # fmt: skip
_PLACE_STARTS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "upper", "lower", "greater", "inner", "outer", "mid", "middle", "far", "n", "s", "e", "w",
     "st", "saint", "mount", "mt", "lake", "river", "isle", "port", "fort", "cape", "gulf",
     "bay", "sea", "san", "santa", "los", "las", "el", "la", "le"}
)  # fmt: skip


def _unknown_place(key: str, found: list[tuple[str, Mention]]) -> bool:
    """A name the model reads as a place's that no gazetteer knows (not a country,
    city, region, continent or former country, nor a common acronym); of several
    words, one that neither ends with a known place or a word for a place
    ("Little Britain", "Capitol Hill") nor begins with a compass point or a
    word that opens places' names ("South Yorkshire", "St Pancras")."""
    if key in KNOWN_ACRONYMS or is_known_place(key):
        return False
    words = key.split()
    if len(words) == 1:
        return not any(" " in m.text.strip() for _, m in found)
    return not (words[-1] in _PLACE_ENDS or is_known_place(words[-1]) or words[0] in _PLACE_STARTS)


def _nowhere(members: list[_Node]) -> bool:
    """An entity of names no gazetteer knows (:func:`_unknown_place`),
    whose text shows a place at too few of its mentions (after "in", "near" or
    "region of", before "-based", listed with a known place:
    :func:`index.mentions.shown_places`): not a place. On news nobody here
    wrote, the small model's such "places" are mostly companies, products and
    titles ("Gazprom", "Windows", "Sideways")."""
    return all(node.unknown_place for node in members) and _rarely_shown(members, PLACE_SHOWN)


def _not_place(members: list[_Node]) -> str:
    """The kind the model gave such names most often besides a place or a group
    of people (its rare "nationality" for "Windows"); else a thing's."""
    return _other_kind(members, ("place", "group")) or "other"


def _not_person(members: list[_Node]) -> str:
    """The kind the model gave such names most often besides a person; an
    acronym's an organisation's; else a thing's."""
    if kind := _other_kind(members, ("person",)):
        return kind
    found = (m for node in members for _, m in node.mentions)
    return "organisation" if all(_is_abbreviation(m.text) for m in found) else "other"


def _other_kind(members: list[_Node], left_out: tuple[str, ...]) -> str | None:
    """The kind the model gave the entity's mentions most often, ``left_out``
    aside; None where it gave no other."""
    others = Counter(m.kind for node in members for _, m in node.mentions if m.kind not in left_out)
    return _vote(others) if others else None


def _people_by_story(nodes: list[_Node]) -> list[_Node]:
    """A name of several words that the model calls an organisation or a place is a
    person where its own story names a person it can only be: the same surname
    with a familiar given name ("Bettie Page" beside "Betty Mae Page") or the
    person's full name with a word before it ("American Hasim Rahman"). Decided in
    the story, never corpus-wide: a surname that is also a place needs that
    evidence beside it."""
    people: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for node in nodes:
        if node.kind == "person" and len(node.forms) > 1:
            for story in node.stories:
                people[story, node.forms[-1]].append(node.forms)
    result = []
    for node in nodes:
        if node.kind in ("organisation", "place", "other") and " " in node.key:
            person = replace(node, kind="person", corrected=True)
            known = [f for s in node.stories for f in people.get((s, person.forms[-1]), ())]
            if any(_could_be(person.forms, forms) for forms in known):
                node = person
        result.append(node)
    return result


def _could_be(forms: tuple[str, ...], person: tuple[str, ...]) -> bool:
    """Whether a name (person forms) can only stand for ``person``: it ends with the
    whole of that name, is the surname of it that opens with a particle ("El
    Guerrouj" of Hicham El Guerrouj), or has two words, the same surname and the
    same or a familiar given name ("Carlie Trent" beside "Carlie Marie Trent")."""
    if len(forms) > len(person) and forms[-len(person) :] == person:
        return True
    if forms[0] in PARTICLES and person[-len(forms) :] == forms and len(person) > len(forms):
        return True  # "El Guerrouj" beside "Hicham El Guerrouj", "De Vido", "Le Bon"
    return len(forms) == 2 and (forms[0] == person[0] or _familiar(forms[0], person[0]))


def _split_by_article(node: _Node, groups: Mapping[str, str]) -> list[_Node]:
    """A surname alone may be different people in different articles: each
    article's bare name is resolved on its own, nearest first."""
    parts: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for article, mention in node.mentions:
        parts[article].append((article, mention))
    return [
        replace(
            node,
            mentions=found,
            stories=frozenset({groups.get(article, article)}),
            articles=frozenset({article}),
        )
        for article, found in sorted(parts.items())
    ]


# A ship's prefix before its name (the model reads ships as people or companies).
_SHIP = re.compile(r"(?:INS|HMS|USS|USNS|MV|M/V|RMS|HMAS|HMCS|HMNZS|RV|FV)\s+[A-Z]")


def _kind(members: list[_Node]) -> str:
    """An entity's kind: its mentions' vote (an acronym never votes for a
    person: "SAIC" is no one), unless it is a ship (*other*), a person nothing
    gives one (:func:`_nobody`) or a place nothing shows to be one
    (:func:`_nowhere`)."""
    if any(_SHIP.match(mention.text) for node in members for _, mention in node.mentions):
        return "other"  # a ship: "INS Mysore", "MV Gibe", "USS Pinckney"
    kinds: Counter[str] = Counter()
    for node in members:
        for _, mention in node.mentions:
            kind = node.kind if node.corrected else mention.kind
            if kind != "person" or not _is_abbreviation(mention.text):
                kinds[kind] += 1
    kind = _vote(kinds or Counter({"person": 1}))
    if kind == "person" and _nobody(members):
        kind = _not_person(members)
    elif kind == "place" and _nowhere(members):
        kind = _not_place(members)
    return kind
