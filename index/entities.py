"""Canonical entities: the one thing behind many spellings in many articles.

Sources spell names differently (Zelensky / Zelenskyy, Kyiv / Kiev, U.S. / the United
States) and the model's labels are noisy, so mentions are grouped by general rules,
never by lists of names: (1) mentions with one :func:`alias_key` form a node whose kind
is voted; (2) people: romanisation variants and middle initials, and a short form (a
surname, a blend such as "LiLo") joins the one full name it fits, preferring the same
story; (3) acronyms join the one name whose initials they spell; (4) places with the
same GeoNames id (names, alternate names, country codes) are one place, as are names
equal but for "Mt" or a sea's "Sea". The entity's kind is voted over all its mentions,
so one odd label from the model does not change what the user sees.

Keys and acronym initials come from :mod:`index.names`, places from :mod:`index.gazetteer`
(loaded on first use, so importing this module stays cheap).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from .events import singular
from .gazetteer import (
    KNOWN_ACRONYMS,
    code_alone,
    is_known_place,
    is_local_place,
    is_major_place,
    place_of,
    state_names,
)
from .mentions import PERSON_BEFORE, PERSON_SHOWN, PLACE_SHOWN, role_before
from .model import ENTITY_KINDS, Alias, Entity, EntityMention, Mention, Passage
from .names import (
    PARTICLES,
    ROLES,
    SMALL_WORDS,
    SUFFIXES,
    alias_key,
    initials_of,
    nickname_pairs,
    without_suffix,
)  # alias_key: also public here
from .passages import PassageLocator
from .references import Reference, StoryReference
from .teams import TOWN_TEAM, full_team, nicknamed_team, school_team, teams_named, town_teams

# How much more often one candidate must be named than all others together for a
# bare surname beyond its story (Blair: Tony Blair) and for a short organisation
# name (Saints: New Orleans Saints) to join it. Chosen on half of the ECB+ dev
# topics and read on the other half (benchmarks/eval_entities.py --sweep).
SURNAME_DOMINANCE = 5.0
NAME_DOMINANCE = 2.0

NAMED_KINDS = ("person", "organisation", "place", "group", "event", "other")

_SPELLING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPELLING_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$", re.IGNORECASE)
# Romanisations of one name differ in these spellings (Zelenskyy / Zelenskiy, Kyjiv).
_TRANSLIT = ((re.compile(r"x"), "ks"), (re.compile(r"(?<=\w)[yj]"), "i"), (re.compile("w"), "v"),
             (re.compile("ph"), "f"), (re.compile("tz"), "ts"), (re.compile("ou"), "u"),
             (re.compile(r"(.)\1+"), r"\1"))  # fmt: skip


# The fewest letters of a name whose romanisation variants are one name.
_ROMANISED = 6


# What a company's name may end with or not ("Intel Corp." / "Intel").
_COMPANY_FORMS = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
     "plc", "ag", "sa", "nv", "gmbh", "group", "holdings", "usa"}
)  # fmt: skip
# What may end a person's name after it: a generational suffix or a regnal
# number ("Pius XII", "John XXIII"), which is no surname ("xii" would read "xi",
# its letters doubled, and Xi Jinping join the pope). Not "XI" nor "VI", names too.
_NUMBERED = SUFFIXES | frozenset(
    {"vii", "viii", "ix", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
     "xxi", "xxii", "xxiii"}
)  # fmt: skip
# British and American spellings of words common in names of organisations and places,
# and the words a name is shortened to ("Lib Dems", "Warner Bros.").
_SPELLINGS = {"centre": "center", "theatre": "theater", "organisation": "organization",
              "defence": "defense", "labour": "labor", "programme": "program",
              "lib": "liberal", "dem": "democrat", "dems": "democrats",
              "bros": "brothers"}  # fmt: skip
# Words a place's name abbreviates ("Mt Cook", "Ft Worth"); not for organisations (FT).
_PLACE_WORDS = {"mt": "mount", "ft": "fort"}
# What a sea is called without its last word ("the Mediterranean", "the Pacific").
_WATERS = frozenset({"sea", "ocean"})


# What a name ends with when it names a place ("Dolmabahce Palace", "Qeshm Island").
_PLACE_HEADS = frozenset(
    {"palace", "square", "camp", "airport", "bridge", "street", "avenue", "road", "park",
     "river", "lake", "mountain", "mountains", "island", "islands", "valley", "beach", "bay",
     "gulf", "sea", "ocean", "peninsula", "strait", "canal", "desert", "forest", "town", "city",
     "village", "county", "province", "district", "region", "harbour", "harbor", "port",
     "stadium", "arena", "cathedral", "mosque", "temple", "church", "tower", "castle"}
)  # fmt: skip


# What a competition, a festival or a ceremony's name ends with ("Davis Cup",
# "Chennai Open", "London Marathon", "Berlin Film Festival", "Brit Awards"): an
# event, whatever the model read ("Davis" is a town). Not "Games" ("Argonaut
# Games", a company), "Series" or "War" (a film's title).
_EVENT_HEADS = frozenset(
    {"cup", "open", "championship", "championships", "olympics", "festival", "marathon",
     "prix", "tournament", "awards"}
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


def _plain(tokens: list[str]) -> str:
    while len(tokens) > 1 and tokens[-1] in _COMPANY_FORMS:
        tokens = tokens[:-1]
    return " ".join(_SPELLINGS.get(token, token) for token in tokens)


@lru_cache(maxsize=1 << 17)
def _spelling(text: str) -> str:
    """How an alias is shown: the source's spelling, minus "the" and possessive."""
    text = " ".join(text.split())
    text = _SPELLING_POSSESSIVE.sub("", text)
    stripped = _SPELLING_THE.sub("", text)
    return stripped or text


def _translit(token: str) -> str:
    """A name's word with the usual romanisation variants made equal (see
    :func:`_romanised`); a short one as it is written, its variants being other
    names ("Scott" and "Scot", "Allan" and "Alan", "Bay" and "Bai", "Wu" and "Vu")."""
    return token if len(token) < _ROMANISED else _romanised(token)


@lru_cache(maxsize=1 << 16)
def _romanised(token: str) -> str:
    """A token with the usual romanisation variants made equal."""
    for pattern, replacement in _TRANSLIT:
        token = pattern.sub(replacement, token)
    return token


def _vote(kinds: Counter[str]) -> str:
    """The most common kind; ties go to the kind listed first in ENTITY_KINDS."""
    return min(kinds, key=lambda kind: (-kinds[kind], ENTITY_KINDS.index(kind)))


def _is_abbreviation(spelling: str) -> bool:
    """Written like an acronym: capitals, optionally dotted (UN, U.N., NATO)."""
    letters = spelling.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


@dataclass
class _Node:
    """All mentions sharing one alias key (and, for a bare surname, one story)."""

    key: str
    mentions: list[tuple[str, Mention]]
    kind: str
    corrected: bool = False  # kind comes from the gazetteer, not the model
    stories: frozenset[str] = field(default_factory=frozenset)
    articles: frozenset[str] = field(default_factory=frozenset)
    team: int | None = None  # a college's name standing for its team (index.teams)
    unsupported: bool = False  # a one-word "person" nothing in the corpus gives a person
    unknown_place: bool = False  # a "place" no gazetteer knows

    @property
    def tokens(self) -> list[str]:
        return self.key.split()

    @cached_property
    def forms(self) -> tuple[str, ...]:
        return _forms(self.tokens, self.kind)

    @cached_property
    def suffix(self) -> tuple[str, ...]:
        """A person's generational suffix ("jr" of "Donald Trump Jr."): father and son
        share every other word, so names join only with the same suffix, or none.
        "Sr." is not kept: the father is the one news names without a suffix ("W.
        Mark Felt Sr." is W. Mark Felt), the son is always "Jr."."""
        tokens, found = self.tokens, list[str]()
        while self.kind == "person" and len(tokens) > 1 and tokens[-1] in _NUMBERED:
            found.insert(0, tokens[-1])
            tokens = tokens[:-1]
        return tuple(word for word in found if word != "sr")

    def same_generation(self, other: _Node) -> bool:
        """Same suffix; a bare surname without one may stand for either."""
        return self.suffix == other.suffix or (len(self.forms) == 1 and not self.suffix)

    @cached_property
    def plain(self) -> str:
        """The key without company forms, in American spelling (to look names up)."""
        return _plain(self.tokens)

    @cached_property
    def acronym(self) -> bool:
        """Written like an acronym in most of its mentions (FBI; not Sox, once SOX)."""
        return 2 * sum(_is_abbreviation(m.text) for _, m in self.mentions) > len(self.mentions)

    @cached_property
    def abbreviated(self) -> bool:
        return any(_is_abbreviation(m.text) for _, m in self.mentions)


def _forms(tokens: list[str], kind: str) -> tuple[str, ...]:
    """A name's words with romanisation variants made equal (see _translit), without
    a generational suffix ("Comeaux Jr." is Comeaux) or, for organisations, a
    company form ("Intel Corp." is Intel) or a British spelling (Centre)."""
    trailing = _NUMBERED if kind == "person" else _COMPANY_FORMS
    while len(tokens) > 1 and tokens[-1] in trailing:
        tokens = tokens[:-1]
    if kind != "person":  # romanisation variants are for names of people
        return tuple(_SPELLINGS.get(token, token) for token in tokens)
    return tuple(_translit(token) for token in tokens)


class _Links:
    """Union-find over node indices: which nodes are one entity so far."""

    def __init__(self, nodes: Sequence[_Node]) -> None:
        self.parent = list(range(len(nodes)))
        self.size = [len(node.mentions) for node in nodes]  # mentions, at each root

    def root(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, a: int, b: int) -> None:
        first, second = sorted((self.root(a), self.root(b)))
        if first != second:
            self.parent[second] = first
            self.size[first] += self.size[second]

    def target(
        self,
        candidates: Sequence[int],
        nodes: Sequence[_Node],
        node: _Node,
        *,
        near: float | None = None,
        far: float | None = None,
        reach: int = 3,
        min_size: int = 1,
        anywhere: Collection[int] | None = None,
        small: Collection[int] = (),
    ) -> int | None:
        """The entity among ``candidates`` that ``node`` belongs to, looked for in
        rings: named in the same article, else in the same story, else anywhere
        (``reach`` limits how far; ``anywhere``, where given, the candidates the
        last ring may hold). Where a ring holds several entities, the one
        named at least ``near`` (article, story) or ``far`` (anywhere) times as
        often as all the others together, if such a ratio is given; else none (two
        namesakes are never merged). Beyond the article, entities named fewer than
        ``min_size`` times are not candidates (a span seen once is often a bad one),
        unless, in the story, named by one of ``small`` (a name whose form vouches
        for it)."""
        rings = (
            lambda c: bool(nodes[c].articles & node.articles),
            lambda c: bool(nodes[c].stories & node.stories),
            lambda c: anywhere is None or c in anywhere,
        )
        for depth, ring in enumerate(rings[:reach]):
            chosen = sorted(
                {self.root(c) for c in candidates if ring(c)}, key=self.size.__getitem__
            )
            if depth:
                vouched = {self.root(c) for c in small if ring(c)} if depth == 1 else set()
                chosen = [c for c in chosen if self.size[c] >= min_size or c in vouched]
            if not chosen:
                continue
            if len(chosen) == 1:
                return chosen[0]
            ratio = near if depth < 2 else far
            rest = sum(self.size[c] for c in chosen[:-1])
            return (
                chosen[-1] if ratio is not None and self.size[chosen[-1]] >= ratio * rest else None
            )
        return None

    def unique_target(self, candidates: Sequence[int], nodes, node: _Node) -> int | None:
        """The one entity among ``candidates`` nearest ``node`` (see :meth:`target`)."""
        return self.target(candidates, nodes, node)


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


_NICKNAME = re.compile(
    r"\s+(?:[\"“”][^\"“”]{1,30}[\"“”]|['‘’][^'‘’]{1,20}['‘’]|\([^()]{1,20}\))(?=\s)"
)


def _key(mention: Mention) -> str:
    """A mention's alias key; a person's without a quoted nickname or the words
    before the name that say what the person is."""
    return _key_of(mention.text, mention.kind == "person")


@lru_cache(maxsize=1 << 17)  # worked out once per spelling, not per mention
def _key_of(text: str, person: bool) -> str:
    key = alias_key(_without_nickname(text))
    if person:
        tokens = key.split()
        while len(tokens) > 1 and tokens[0] in ROLES:
            tokens = tokens[1:]
        key = " ".join(tokens)
    return key


def _without_nickname(text: str) -> str:
    """A name without a nickname in quotes or brackets: 'Vincent "The Chin"
    Gigante' -> Vincent Gigante, "Kimani (Kiki) Gray" -> Kimani Gray."""
    plain = _NICKNAME.sub("", text)
    return plain if plain != text and " " in plain.strip() else text


def _surname(tokens: list[str]) -> str:
    return without_suffix(tokens)[-1]


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


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names the nickname list knows ("elizabeth", "george")."""
    return frozenset(name for pair in _nicknames() for name in pair)


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
    whole of that name, or has two words, the same surname and the same or a familiar
    given name ("Carlie Trent" beside "Carlie Marie Trent")."""
    if len(forms) > len(person) and forms[-len(person) :] == person:
        return True
    return len(forms) == 2 and (forms[0] == person[0] or _familiar(forms[0], person[0]))


# Styles a given name follows ("Prince Charles", "Pope Francis", "King Abdullah").
_REGNAL = frozenset({"king", "queen", "prince", "princess", "pope", "sheikh", "crown"})


def _styled(node: _Node) -> bool:
    """Whether a name is written after a royal or religious style somewhere
    (:data:`_REGNAL`): "Prince Charles", "Prince Saud Al-Faisal". A one-word name
    so written is a given name, not a surname."""
    return any(
        len(words := mention.text.split()) > 1 and words[0].lower() in _REGNAL
        for _, mention in node.mentions
    )


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


# -- linking rules ---------------------------------------------------------------------


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same person in two romanised spellings (``_translit`` forms): every word equal,
    a given name also in its short romanised forms ("Garry" and "Gary", "Robyn" and
    "Robin"), except perhaps one typo in a given name; surnames must agree
    (Johnson, Johnston)."""
    if len(a) != len(b):
        return False
    last = len(a) - 1
    differ = [
        k
        for k, (x, y) in enumerate(zip(a, b, strict=True))
        if x != y
        and not (k < last and _romanised(x) == _romanised(y))
        and not (0 < k < last and _initial_of(x, y))
    ]
    if not differ:
        return True
    if len(differ) > 1 or differ[0] == len(a) - 1:
        return False
    x, y = a[differ[0]], b[differ[0]]
    return min(len(x), len(y)) >= 6 and Levenshtein.distance(x, y) <= 1


def _initial_of(x: str, y: str) -> bool:
    """One middle name is the other's initial ("Frederick C. LaRue" is "Frederick
    Cheney LaRue")."""
    short, long = sorted((x, y), key=len)
    return len(short) == 1 and long.startswith(short)


def _link_people(
    nodes: list[_Node], links: _Links, text: CorpusText, in_stories: bool = True
) -> None:
    """Spelling variants of full names, then short forms to the one full name they
    fit. ``in_stories``: the articles' stories are known (the second merge), so a
    nickname may join a person of its story and a bare name beyond its story
    needs its surname spelled alike and, for a common word, a title (see
    :func:`_named_alike_anywhere`)."""
    people = [i for i, node in enumerate(nodes) if node.kind == "person"]
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i in people:
        if len(nodes[i].forms) > 1:
            by_surname[nodes[i].forms[-1]].append(i)
    for block in by_surname.values():  # variants always share the surname's form
        for n, i in enumerate(block):
            for j in block[n + 1 :]:
                if nodes[i].suffix == nodes[j].suffix and _same_name(
                    nodes[i].forms, nodes[j].forms
                ):
                    links.join(i, j)
        for i in block:  # "Richard Nixon", "Mark Felt": the one "Richard M. Nixon",
            if len(nodes[i].forms) != 2:  # "W. Mark Felt" of the story
                continue
            fuller = [
                j
                for j in block
                if len(nodes[j].forms) > 2
                and nodes[j].suffix == nodes[i].suffix
                and any(_same_name(nodes[i].forms, f) for f in _short_forms(nodes[j].forms))
            ]
            target = links.unique_target(fuller, nodes, nodes[i])
            if target is not None:
                links.join(i, target)
        for i in block:  # "Fred LaRue" is the story's one "Frederick C. LaRue"
            if len(nodes[i].forms) != 2:
                continue
            familiar = [
                j
                for j in block
                if j != i
                and nodes[j].suffix == nodes[i].suffix
                and _familiar(nodes[i].forms[0], nodes[j].forms[0], in_stories)
            ]
            target = links.target(familiar, nodes, nodes[i], reach=2)
            if target is not None:
                links.join(i, target)
    bare: Counter[tuple[str, ...]] = Counter()
    given_in: defaultdict[str, set[str]] = defaultdict(set)  # stories naming a given name
    for i in people:
        bare[nodes[i].forms] += len(nodes[i].mentions)
        if len(nodes[i].forms) > 1 and not _described(nodes[i]):
            given_in[nodes[i].forms[0]] |= nodes[i].stories
    written: defaultdict[tuple[frozenset[str], tuple[str, ...]], set[str]] = defaultdict(set)
    for i in people:  # how each article writes a bare name ("Zelensky", "Zelenskyy")
        if len(nodes[i].forms) == 1:
            written[nodes[i].articles, nodes[i].forms].add(_surname(nodes[i].tokens))
    linked = set()
    undecided: list[tuple[int, list[int]]] = []  # bare surnames no rule above placed
    for i in sorted(people, key=lambda i: (-len(nodes[i].forms), i)):  # longest first
        short = nodes[i].forms
        if len(short) == 1 and nodes[i].acronym:
            continue  # DOE is not John Doe
        fits = [
            j
            for j in by_surname.get(short[-1], ())
            if len(nodes[j].forms) > len(short)
            and nodes[i].same_generation(nodes[j])
            and _same_name(short, nodes[j].forms[-len(short) :])
        ]
        if len(short) == 1 and _styled(nodes[i]):  # a given name: "Prince Charles" is
            fits = [j for j in fits if _styled(nodes[j])]  # no Ray Charles
        if len(short) == 1 and not nodes[i].suffix:
            fits = _father_or_son(fits, nodes, links)
        # Beyond its story, a bare surname is the person far more often named so
        # ("Blair": Tony Blair, not Cherie Blair); within its article or story, the
        # person named there far more often than the others (W. Mark Felt, not his
        # daughter Joan Felt), or none where they are named alike.
        # A name used bare far more often than in full is likely something else
        # ("Twitter" beside one "Anthony Weiner Twitter").
        least = 1 + bare[short] // 10 if len(short) == 1 else 1
        anywhere = (
            _named_alike_anywhere(nodes[i], fits, nodes, text, written[nodes[i].articles, short])
            if len(short) == 1 and in_stories
            else None
        )
        # Not beyond its story while the story names someone by it as a given name:
        # that one is for _link_given_names ("Cruz" of a report on Cruz Riojas is no
        # Ted Cruz; "Richard" beside Richard Madeley is no Cliff Richard).
        target = links.target(
            fits,
            nodes,
            nodes[i],
            near=SURNAME_DOMINANCE,
            far=SURNAME_DOMINANCE,
            min_size=least,
            reach=2 if len(short) == 1 and given_in[short[0]] & nodes[i].stories else 3,
            anywhere=anywhere,
        )
        if target is not None:
            links.join(i, target)
            linked.add(i)
        elif len(short) == 1:
            undecided.append((i, fits))
    # Only then, so that it changes no decision above: a bare surname of an
    # article naming one of two namesakes far more often in full than the other.
    for i, fits in undecided:
        target = _named_most_here(nodes, links, nodes[i], fits)
        if target is not None:
            links.join(i, target)
            linked.add(i)
    unlinked = [i for i in people if i not in linked]
    blends = _link_blends(nodes, links, unlinked, [i for i in people if len(nodes[i].forms) > 1])
    lone = [i for i in unlinked if len(nodes[i].forms) == 1 and i not in blends]
    given = _link_given_names(nodes, links, lone, by_surname)
    _link_lone_names(nodes, links, [i for i in lone if i not in given])


def _named_alike_anywhere(
    node: _Node,
    fits: Sequence[int],
    nodes: Sequence[_Node],
    text: CorpusText,
    written: Set[str],
) -> list[int]:
    """The full names ``fits`` a bare one-word name may join beyond its story:
    those whose surname is spelled as its article writes the name alone
    (``written``: "Zelensky" beside "Zelenskyy" may be Volodymyr Zelenskyy; a
    romanised variant alone, "Sherman" for "Barry Sheerman", is evidence only
    beside the name), and none where the word is one the corpus writes in lower
    case and no mention of it follows a title ("Voice over IP" is no Robert
    Voice, Moody's no Lewis Moody, "the West" no Kanye West; "President Bush"
    may still be George W Bush)."""
    word = _surname(node.tokens)
    if not fits:
        return []
    if word in text.common_words() and not any(
        len(mention.text.split()) > 1 or text.role_before(article, mention.start)
        for article, mention in node.mentions
    ):
        return []
    return [j for j in fits if _surname(nodes[j].tokens) in written]


# How many times more often an article names one of two people of a surname in
# full than the other, for the surname alone to be that one ("Kimani Gray" of the
# article, not "his sister Mahnefah Gray" named once).
HERE_DOMINANCE = 2.0


def _father_or_son(fits: list[int], nodes: Sequence[_Node], links: _Links) -> list[int]:
    """The full names a bare surname may be, less the one of two namesakes told
    apart only by a suffix ("Donald Trump", "Donald Trump Jr.") that the corpus
    names in full less than half as often as the other, where some article names
    both in full (two people, not one person written with and without a suffix,
    "Anthony LaCalamita III"): a report naming the son once in full still calls
    his father "President Trump" and "Mr. Trump"."""
    found: defaultdict[tuple[str, ...], defaultdict[tuple[str, ...], list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for j in fits:
        found[nodes[j].forms][nodes[j].suffix].append(j)
    dropped = set()
    for forms, by_suffix in found.items():
        if len(by_suffix) < 2:
            continue
        size = {
            suffix: sum(links.size[r] for r in {links.root(j) for j in members})
            for suffix, members in by_suffix.items()
        }
        most = max(size, key=lambda suffix: (size[suffix], suffix))
        named = set().union(*(nodes[j].articles for j in by_suffix[most]))
        for suffix, members in by_suffix.items():
            if suffix == most or HERE_DOMINANCE * size[suffix] > size[most]:
                continue
            if any(nodes[j].articles & named for j in members):
                dropped.add((forms, suffix))
    return [j for j in fits if (nodes[j].forms, nodes[j].suffix) not in dropped]


def _named_most_here(
    nodes: Sequence[_Node], links: _Links, node: _Node, fits: Sequence[int]
) -> int | None:
    """The person among the full names ``fits`` that a bare surname's article
    names in full ``HERE_DOMINANCE`` times as often as the others together."""
    if len(node.articles) != 1:  # a surname alone is one article's ("Elizabeth II" is not)
        return None
    (article,) = node.articles
    here: Counter[int] = Counter()
    for j in fits:
        if article in nodes[j].articles:
            here[links.root(j)] += sum(a == article for a, _ in nodes[j].mentions)
    if len(here) < 2:
        return None
    (best, most), *others = here.most_common()
    return best if most >= HERE_DOMINANCE * sum(n for _, n in others) else None


def _link_nicknames(nodes: list[_Node], links: _Links) -> None:
    """A person named with a nickname ("Luis Gerardo (Jerry) Ortiz", 'Charles
    "Lucky" Luciano') is also the nickname and surname ("Jerry Ortiz")."""
    people = {node.key: i for i, node in enumerate(nodes) if node.kind == "person"}
    for i, node in enumerate(nodes):
        if node.kind != "person":
            continue
        for _, mention in node.mentions:
            match = _NICKNAME.search(mention.text)
            surname = mention.text[match.end() :].strip() if match else ""
            if not match or not surname:
                continue
            nickname = match.group(0).strip().strip("\"“”'‘’()")
            other = people.get(_key_of(f"{nickname} {surname}", True))
            if other is not None and other != i:
                links.join(i, other)
            break


def _link_given_names(
    nodes: list[_Node], links: _Links, lone: list[int], by_surname: Mapping[str, list[int]]
) -> set[int]:
    """A bare name no surname of its story fits that is the given name of the one
    person of its article, else of its story, named in full with it ("Elvis"
    beside "Elvis Presley", "Paula" beside "Paula Radcliffe"); never where two
    people of the story share it. A name after a royal style joins only a full
    name also written after one ("Prince Charles" is no Charles Kennedy), and
    one with a generational suffix only a full name with it ("Donald Jr.").
    Returns the names joined."""
    by_given: dict[str, list[int]] = defaultdict(list)
    for block in by_surname.values():
        for j in block:
            if not _described(nodes[j]):  # "Balco boss Victor Conte": "Balco" is no given name
                by_given[nodes[j].forms[0]].append(j)
    joined = set()
    for i in lone:
        name = nodes[i].forms[0]
        if nodes[i].acronym:
            continue
        fits = by_given.get(name, [])
        if _styled(nodes[i]):  # "Prince Saud" is Prince Saud Al-Faisal, not Saud Nasser
            fits = [j for j in fits if _styled(nodes[j])]
        if nodes[i].suffix:  # "Donald Jr." is Donald Trump Jr., not his father
            fits = [j for j in fits if nodes[j].suffix == nodes[i].suffix]
        target = links.target(fits, nodes, nodes[i], reach=2)
        if target is not None:
            links.join(i, target)
            joined.add(i)
    return joined


# Lower-case words a person's name may hold: a name's particles and "the" or "of"
# ("John the Apostle", 'Vincent "the Chin" Gigante').
_PARTICLES = PARTICLES | {"the", "of"}


def _described(node: _Node) -> bool:
    """Whether a person's name is written with a description before it (see
    :func:`_describing`) in any of its mentions."""
    return any(_describing(mention.text) for _, mention in node.mentions)


def _describing(spelling: str) -> bool:
    """Whether a person's name holds a description before its last word, a word
    in lower case other than a name's particle ("Balco boss Victor Conte")."""
    return any(
        word.islower() and word.strip(".,'\"“”‘’()") not in _PARTICLES
        for word in spelling.split()[:-1]
    )


# A name made of the starts of a given name and a surname: "LiLo", "J.Lo", "A-Rod".
_BLEND = re.compile(r"([A-Z][a-z]{0,2})[-.]?([A-Z][a-z]{1,3})")


def _link_blends(
    nodes: list[_Node], links: _Links, unlinked: list[int], full: list[int]
) -> set[int]:
    """Celebrity news shortens a name to the starts of its given name and surname
    ("LiLo" for Lindsay Lohan, "A-Rod" for Alex Rodriguez): such a one-word name
    joins the one person of its article or story whose name it fits. Returns the
    nodes joined."""
    joined = set()
    for i in unlinked:
        blend = _BLEND.fullmatch(_spelling(nodes[i].mentions[0][1].text))
        if blend is None:
            continue
        given, last = (_translit(part.lower()) for part in blend.groups())
        fits = [j for j in full if j != i and nodes[j].forms[0].startswith(given)
                and nodes[j].forms[-1].startswith(last) and nodes[j].forms[-1] != last]  # fmt: skip
        target = links.target(fits, nodes, nodes[i], reach=2)
        if target is not None:
            links.join(i, target)
            joined.add(i)
    return joined


def _short_forms(forms: tuple[str, ...]) -> set[tuple[str, str]]:
    """How a longer name is shortened to two words: its first word and its last
    ("Richard M. Nixon": Richard Nixon), or the first that is not an initial and
    its last ("W. Mark Felt": Mark Felt)."""
    given = next((word for word in forms[:-1] if len(word) > 1), forms[0])
    return {(forms[0], forms[-1]), (given, forms[-1])}


def _familiar(given: str, other: str, nicknames: bool = True) -> bool:
    """A familiar form of a given name (compared in ``_romanised`` forms): one a
    nickname of the other in a curated table ("Joe" / "Joseph", "Dick" /
    "Richard", "Bill" / "William"), or one begins the other, or they share their
    first three letters ("Fred" / "Frederick", "Katie" / "Kathryn"); not initials."""
    given, other = _romanised(given), _romanised(other)
    if given == other or min(len(given), len(other)) < 2:
        return False
    if nicknames and ((given, other) in _nicknames() or (other, given) in _nicknames()):
        return True
    if min(len(given), len(other)) < 3:
        return False
    return given.startswith(other) or other.startswith(given) or given[:3] == other[:3]


@lru_cache(maxsize=1)
def _nicknames() -> frozenset[tuple[str, str]]:
    """(nickname, given name) pairs of English given names, in ``_romanised`` forms:
    the hand-curated table of the ``nicknames`` package (2,600 pairs), less the
    pairs of two short names ("Anna" / "Anne", "Bob" / "Rob", "Jack" / "John"):
    two people so named are as often two people."""
    return frozenset(
        (_romanised(nickname), _romanised(name))
        for name, nickname in nickname_pairs()
        if max(len(name), len(nickname)) > 4
    )


def _link_lone_names(nodes: list[_Node], links: _Links, lone: list[int]) -> None:
    """Bare names that fit no full name are one entity per spelling, across stories."""
    first: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    for i in lone:
        name = (nodes[i].forms, nodes[i].suffix)
        if name in first:
            links.join(first[name], i)
        else:
            first[name] = i


def _link_abbreviations(
    nodes: list[_Node], links: _Links, spelled_out: set[tuple[str, str]]
) -> None:
    """Acronyms ("U.N.", "FBI") join the longer name they stand for, where there is
    evidence of it: a text spells it out (``spelled_out``: acronym and name keys) or
    the acronym is one everybody knows (:data:`KNOWN_ACRONYMS`). Initials alone never
    merge: "US" is not "University of St Andrews"."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        if node.kind != "person" and " " in node.key:
            by_key[node.key].append(i)
            if node.plain != node.key:
                by_key[node.plain].append(i)
    meanings: dict[str, set[str]] = defaultdict(set)
    for acronym, name in spelled_out:
        meanings[acronym].add(name)
    for i, node in enumerate(nodes):
        if " " in node.key or not node.abbreviated:
            continue
        names = meanings.get(node.key) or {_plain(KNOWN_ACRONYMS.get(node.key, "").split())}
        fits = [j for name in names for j in by_key.get(name, ())]
        target = links.unique_target(fits, nodes, node)
        if target is not None:
            links.join(i, target)


def spelled_out(
    mentions: Mapping[str, Sequence[Mention]], passages: Mapping[str, Sequence[Passage]]
) -> set[tuple[str, str]]:
    """(acronym, name) alias keys that a text defines: "the Federal Bureau of
    Investigation (FBI)", or "FBI (Federal Bureau of Investigation)"."""
    found: set[tuple[str, str]] = set()
    for article, spans in mentions.items():
        found |= _spelled_out_in(spans, passages.get(article, ()))
    return found


class CorpusText:
    """What the merge rules read of the corpus's text beyond its mentions, read
    once for both merges of a corpus-wide pass: the words it writes in lower
    case (see :func:`common_words`) and, per article, the acronyms it spells
    out (see :func:`spelled_out`), read again only for an article whose
    mentions differ from those it was read with."""

    def __init__(self, passages: Mapping[str, Sequence[Passage]]) -> None:
        self.passages = passages
        self._common: set[str] | None = None
        self._spelled: dict[str, tuple[Sequence[Mention], set[tuple[str, str]]]] = {}

    def common_words(self) -> set[str]:
        if self._common is None:
            self._common = common_words(self.passages)
        return self._common

    def role_before(self, article: str, start: int) -> bool:
        """Whether a person's title or role comes just before ``start`` in its
        passage of ``article`` (see :func:`index.mentions.role_before`)."""
        for passage in self.passages.get(article, ()):
            if passage.start <= start < passage.end:
                return role_before(passage.text, start - passage.start)
        return False

    def spelled_out(self, mentions: Mapping[str, Sequence[Mention]]) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for article, spans in mentions.items():
            known = self._spelled.get(article)
            if known is None or not (known[0] is spans or known[0] == spans):
                known = (spans, _spelled_out_in(spans, self.passages.get(article, ())))
                self._spelled[article] = known
            found |= known[1]
        return found


def _spelled_out_in(spans: Sequence[Mention], passages: Sequence[Passage]) -> set[tuple[str, str]]:
    """What :func:`spelled_out` finds in one article."""
    found = set()
    named = [m for m in spans if m.kind in NAMED_KINDS]
    ends = {m.end: m for m in named}
    starts = {m.start: m for m in named}
    for passage in passages:
        for match in _PARENTHESISED.finditer(passage.text):
            at = passage.start + match.start()
            inner = match.group(1).strip()
            before = _ending_at(ends, at)
            if before is not None and _abbreviates(inner, before.text):
                found.add((alias_key(inner), alias_key(before.text)))
                continue
            acronym = _ACRONYM_BEFORE.search(passage.text, 0, match.start())
            if acronym and _abbreviates(acronym.group(1), inner):
                inside = starts.get(passage.start + match.start(1) + _lead(match.group(1)))
                name = inner
                if inside is not None and inside.end - inside.start >= len(inner.strip()):
                    name = inside.text
                found.add((alias_key(acronym.group(1)), alias_key(name)))
    return found


_PARENTHESISED = re.compile(r"\(([^()]{2,80})\)")
_ACRONYM_BEFORE = re.compile(r"\b([A-Z][A-Z.&]{1,9})\s*$")


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _ending_at(ends: Mapping[int, Mention], at: int) -> Mention | None:
    """The mention that ends just before offset ``at`` (spaces between)."""
    for gap in range(0, 3):
        if at - gap in ends:
            return ends[at - gap]
    return None


def _abbreviates(acronym: str, name: str) -> bool:
    """``acronym`` (capitals, maybe dotted) could stand for ``name``: its letters are
    the name's initials, or appear in the name in order from its first letter."""
    letters = acronym.replace(".", "").replace("&", "").lower()
    if not (2 <= len(letters) <= 8 and letters.isalpha() and acronym.replace(".", "").isupper()):
        return False
    words = alias_key(name).split()
    if len(words) < 2:
        return False
    if letters in initials_of(words):
        return True
    joined = "".join(words)
    if not joined.startswith(letters[0]):
        return False
    position = 0
    for letter in letters:
        position = joined.find(letter, position) + 1
        if position == 0:
            return False
    return len(letters) >= len(words) - sum(w in SMALL_WORDS for w in words)


def _link_organisations(nodes: list[_Node], links: _Links, common: set[str]) -> None:
    """A short name of an organisation joins the longer name it begins or ends
    ("Academy" / "Academy of Motion Picture Arts and Sciences", "Red Sox" / "Boston
    Red Sox") where that name is far more used than other spans that contain it;
    names equal but for a company form or a British spelling join. A short name
    that is a common word (``common``: "News", "Party") joins only within its article
    and never loses its company form ("News Corp" is not "News"). A longer name
    of one article that one short name begins and another ends, each named twice
    or more, sharing no word, the first no place ("Philadelphia Eagles"), is two
    names glued ("NBC News Science Facebook", "OutKast's Speakerboxxx"): only the
    first to join it does."""
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


def common_words(passages: Mapping[str, Sequence[Passage]]) -> set[str]:
    """Words the corpus writes in lower case: "news", "party", not "intel"."""
    found: set[str] = set()
    for spans in passages.values():
        for passage in spans:
            found.update(_LOWER_WORD.findall(passage.text))
    return found


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")


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


# Words a name may be written with or without, or with one for the other: "Office
# for National Statistics", "Office of National Statistics".
_LINKING_WORDS = frozenset({"of", "for", "the"})


def _link_written_alike(nodes: list[_Node], links: _Links) -> None:
    """Two names of one kind in one story written alike but for spaces, hyphens
    and the words "of", "for" and "the" are one name ("Rip Guard" and
    "RipGuard", "Office for National Statistics" and "Office of National
    Statistics", "Co-operation" and "Cooperation"); not names of another
    generational suffix ("Mark Felt", "Mark Felt Jr.")."""
    alike: dict[tuple, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        compact = "".join(w for w in node.forms if w not in _LINKING_WORDS).replace("-", "")
        if len(compact) >= 4:
            for story in node.stories:
                alike[(node.kind, story, compact, node.suffix)].append(i)
    for members in alike.values():
        # Names written alike ("Martin", "Martyn"; "Target", "Target Corp.") or
        # one name split by article ("Bush") are for the rules above.
        written = [nodes[i].forms for i in members]
        if len(set(written)) == len(written):
            for i in members[1:]:
                links.join(members[0], i)


def _link_misspellings(nodes: list[_Node], links: _Links, common: set[str]) -> None:
    """Two names of one kind in one story that differ in one word, spelt one
    letter off (a letter more, less, changed, or two swapped), are one name:
    "Reince Priebus" and "Reince Preibus", "Mohamed Morsi" and "Mohamed Mursi",
    "Electronic Frontier Foundation" and "Electronic Fronter Foundation",
    "Kenya Wildlife Service" and "Kenya Wildlife Services", "Thailand" and
    "Thaliand". People only by their full names, alike but for the surname
    ("Des Browne" is no "Kelly Brown", a bare "Hutchison" no "Hutchinson").
    Not acronyms ("UNHCR", "UNHRC"), nor words of a digit ("MH370", "MH371"), of
    another first letter ("Manson", "Hanson"; "Aden", "Eden") or of four
    letters or fewer ("Audi", "Aldi"), nor two words the corpus writes in lower
    case unless one is the other's plural ("Chapter", "Charter"), nor a place
    and its people ("Angola", "Angolan"); not two places the gazetteer knows
    apart ("Lagos", "Lages")."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        forms = node.forms
        if node.acronym or (node.kind == "person" and len(forms) < 2):
            continue
        positions = (len(forms) - 1,) if node.kind == "person" else range(len(forms))
        for k in positions:
            word = forms[k]
            if len(word) < 4 or any(c.isdigit() for c in word):
                continue
            rest = forms[:k] + forms[k + 1 :]
            for story in node.stories:
                buckets[(node.kind, story, k, word[0], rest)].append(i)
    near: dict[int, set[int]] = defaultdict(set)  # entities so far, by their root
    for (kind, _, k, _, _), members in buckets.items():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                x, y = nodes[i].forms[k], nodes[j].forms[k]
                a, b = links.root(i), links.root(j)
                if (
                    a != b
                    and _misspelt(x, y, common, kind == "place")
                    and not _two_places(nodes[i], nodes[j])
                ):
                    near[a].add(b)
                    near[b].add(a)
    # A spelling joins the more used one it is off from, where that one is used
    # far more than all the others it is off from ("Intelligence Committees" is
    # off from the House's "Intelligence Committee" and from "Senate
    # Intelligence Committees": it joins neither, and the two stay apart).
    rank = {root: (links.size[root], -root) for root in near}
    chosen = []
    for root, others in near.items():
        *behind, best = sorted(others, key=rank.__getitem__)
        if rank[best] > rank[root] and links.size[best] >= SURNAME_DOMINANCE * sum(
            links.size[o] for o in behind
        ):
            chosen.append((root, best))
    for root, other in chosen:
        links.join(root, other)


def _misspelt(x: str, y: str, common: set[str], place: bool = False) -> bool:
    """Whether one word is the other one letter off (see :func:`_link_misspellings`).
    A place's name in the plural names several ("the Americas", "the Koreas"),
    where ``place`` and the gazetteer knows the singular."""
    if x == y or max(len(x), len(y)) < 5 or DamerauLevenshtein.distance(x, y) > 1:
        return False
    if x + "n" == y or y + "n" == x:  # a people: "Angolan" is no misspelt "Angola"
        return False
    plural = x + "s" == y or y + "s" == x
    if plural and place and is_known_place(min(x, y, key=len)):
        return False
    return plural or not (x in common and y in common)


def _two_places(a: _Node, b: _Node) -> bool:
    """Whether the gazetteer knows both names as different places ("Lagos", "Lages")."""
    first, second = place_of(a.key, False), place_of(b.key, False)
    return first is not None and second is not None and first.geonameid != second.geonameid


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


# -- entities --------------------------------------------------------------------------


def merge(
    mentions: Mapping[str, Sequence[Mention]],
    sources: Mapping[str, str | None],
    passages: Mapping[str, Sequence[Passage]] | None = None,
    groups: Mapping[str, str] | None = None,
    text: CorpusText | None = None,
    references: Mapping[str, Sequence[Reference]] | None = None,
    story_references: Sequence[StoryReference] = (),
) -> list[Entity]:
    """Canonical entities of a corpus, most mentioned first (deterministic).

    ``groups`` (article id -> story id) lets a bare surname join the full name used
    in its own story; dates and numbers are not entities and are skipped.
    ``text``, the passages' :class:`CorpusText`, is given to share what it reads
    between merges of one corpus. ``references`` (article id -> the common nouns
    of :mod:`index.references`) join the entity of the mention they stand for as
    mentions marked ``common``, never as one of its names; so do ``story_references``
    (a headline's noun for a person its story's other articles call so) where all
    the mentions they point to are one entity.
    """
    nodes, links = linked(mentions, passages or {}, groups or {}, text)
    clusters = _clusters(nodes, links)
    common = _referring(nodes, links, references or {}, story_references)
    locate = PassageLocator(passages or {})
    described = _groups(nodes)
    entities = [
        _entity(members, sources, locate, common.get(root, ()), described)
        for root, members in clusters.items()
    ]
    entities.sort(key=_rank)
    return _with_ids(entities)


@dataclass(frozen=True)
class Named:
    """What story grouping reads of an entity of :func:`merge`: its id, name,
    kind and the articles that name it."""

    id: str
    name: str
    kind: str
    articles: frozenset[str]


def named(
    mentions: Mapping[str, Sequence[Mention]],
    passages: Mapping[str, Sequence[Passage]] | None = None,
    text: CorpusText | None = None,
) -> list[Named]:
    """The entities :func:`merge` makes of these mentions (no stories, no
    references), in its order and with its ids, names and kinds, without
    the passages, spellings and sources of their mentions: what grouping
    articles into stories reads, for a fraction of the merge's work."""
    nodes, links = linked(mentions, passages or {}, {}, text)
    described = _groups(nodes)
    found: list[tuple[tuple[int, str, str, str, int], Named]] = []
    for members in _clusters(nodes, links).values():
        counts: Counter[str] = Counter()
        articles: set[str] = set()
        first: tuple[str, int, int] | None = None
        for node in members:
            for article, mention in node.mentions:
                counts[_spelling(mention.text)] += 1
                place = (article, mention.start, mention.end)
                if first is None or place < first:
                    first = place
            articles |= node.articles
        assert first is not None  # a node has mentions
        kind = _kind(members)
        name = _display_name(counts, kind, described)
        size = sum(counts.values())
        found.append(
            ((-size, name, kind, first[0], first[1]), Named("", name, kind, frozenset(articles)))
        )
    found.sort(key=lambda pair: pair[0])  # stable, as merge's sort of its entities
    ids = _ids([(e.kind, e.name) for _, e in found])
    return [replace(e, id=eid) for (_, e), eid in zip(found, ids, strict=True)]


def _groups(nodes: list[_Node]) -> frozenset[str]:
    """The keys of the corpus's names of groups: peoples and parties ("kenyan",
    "tory", "lib dem"), which describe a person named after them."""
    return frozenset(node.key for node in nodes if node.kind == "group")


def _clusters(nodes: list[_Node], links: _Links) -> dict[int, list[_Node]]:
    """The nodes of each entity, by its root, in the nodes' order."""
    clusters: dict[int, list[_Node]] = defaultdict(list)
    for i, node in enumerate(nodes):
        clusters[links.root(i)].append(node)
    return clusters


def linked(
    mentions: Mapping[str, Sequence[Mention]],
    passages: Mapping[str, Sequence[Passage]],
    groups: Mapping[str, str],
    text: CorpusText | None = None,
) -> tuple[list[_Node], _Links]:
    """The nodes of a corpus's mentions and what the rules join of them."""
    text = text or CorpusText(passages)
    common = text.common_words()
    mentions = _without_shouting(mentions, common)
    nodes = _companies_named(_schools_as_teams(_people_by_story(_nodes(mentions, groups))))
    links = _Links(nodes)
    # A nickname joins a person of its story: before stories are known (what story
    # grouping reads), "Jim Clyburn" and "James E. Clyburn" stay apart, or two
    # stories about one politician would share one more entity. A bare name joins
    # beyond its article as before: for grouping, a common word two reports share
    # ("run" of "hit and run") says something of their subject.
    _link_people(nodes, links, text, in_stories=bool(groups))
    _link_nicknames(nodes, links)
    _link_abbreviations(nodes, links, text.spelled_out(mentions))
    _link_organisations(nodes, links, common)
    _link_places(nodes, links)
    _link_groups(nodes, links)
    _link_teams(nodes, links, common)
    _link_facilities(nodes, links)
    if groups:  # stories known: other writings of a name are read within its story
        _link_written_alike(nodes, links)
        _link_misspellings(nodes, links, common)
    _kinds_corrected(nodes, links, text, events=bool(groups))
    return nodes, links


def _kinds_corrected(nodes: list[_Node], links: _Links, text: CorpusText, events: bool) -> None:
    """Each merged entity's kind where its names or its text say more than the
    model's votes (see :func:`_an_event`, :func:`_shown_a_person`); ``events``:
    the kinds a reader sees (grouping reads the model's)."""
    for members in _clusters(nodes, links).values():
        if events and _an_event(members):
            kind = "event"
        elif _shown_a_person(members, text):
            kind = "person"
        else:
            continue
        for node in members:
            node.kind, node.corrected = kind, True


def _an_event(members: list[_Node]) -> bool:
    """Whether an entity's most used name of several words is a competition's, a
    festival's or a ceremony's (:data:`_EVENT_HEADS`), used at least a third as
    often as its most used name (as :func:`_display_name` counts a full name):
    an event, whatever the model read, with all its names ("Davis Cup", a place
    by the town; "Heineken Cup" and "Heineken" in a rugby report; "Academy
    Awards" and "Academy Award"; not Ulster, once "Ulster Schools' Cup")."""
    named = [node for node in members if " " in node.key]
    if not named:
        return False
    top = max(named, key=lambda node: (len(node.mentions), node.key))
    most = max(len(node.mentions) for node in members)
    return (
        top.key.split()[-1] in _EVENT_HEADS
        and 3 * len(top.mentions) >= most
        and _kind(members) != "event"
    )


def _shown_a_person(members: list[_Node], text: CorpusText) -> bool:
    """Whether an entity the model read as an organisation or a thing, named in
    full and by the last word of that name alone, is a person: a quarter of its
    mentions follow a person's role or title, or open with one ("England coach
    Sven-Goran Eriksson" and "Eriksson", "France captain Fabien Pelous" and
    "Pelous"; the model reads many foreign names as organisations). Teams named
    by their last word ("Newcastle Falcons", "Falcons") are not written after a
    role."""
    keys = {node.key for node in members}
    if not any(" " in key and key.split()[-1] in keys for key in keys):
        return False
    if _kind(members) not in ("organisation", "other"):
        return False
    found = [(article, mention) for node in members for article, mention in node.mentions]
    shown = sum(
        text.role_before(article, mention.start)
        or mention.text.split()[0].lower().rstrip(".") in PERSON_BEFORE
        for article, mention in found
    )
    return bool(shown) and 4 * shown >= len(found)


def _without_shouting(
    mentions: Mapping[str, Sequence[Mention]], common: set[str]
) -> Mapping[str, Sequence[Mention]]:
    """``mentions`` without a word of six letters or more written only in
    capitals that the corpus otherwise writes in lower case: a table's or a
    headline's "RESULTS", "STANDINGS", "HALFTIME" (an acronym is shorter; a
    name written in mixed case anywhere, "EAGLES" beside "Eagles", stays)."""
    spellings = {m.text.strip() for found in mentions.values() for m in found}
    shouted = {
        key
        for text in spellings
        if text.isupper()
        and len(key := text.lower()) >= 6
        and key.isalpha()
        and key in common
        and key not in KNOWN_ACRONYMS
    }
    shouted -= {text.lower() for text in spellings if not text.isupper()}
    if not shouted:
        return mentions
    return {
        article: [m for m in found if m.text.strip().lower() not in shouted]
        for article, found in mentions.items()
    }


def _referring(
    nodes: list[_Node],
    links: _Links,
    references: Mapping[str, Sequence[Reference]],
    story_references: Sequence[StoryReference] = (),
) -> dict[int, list[tuple[str, Reference]]]:
    """The references of each cluster (by its root): a reference joins the cluster
    of the mention it stands for (that mention, or the one covering its start); a
    story's reference joins the one cluster of all the mentions it points to, or
    none."""
    found: dict[int, list[tuple[str, Reference]]] = defaultdict(list)
    if not references and not story_references:
        return found
    wanted = set(references) | {a for r in story_references for a, _ in r.targets}
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for i, node in enumerate(nodes):
        for article, mention in node.mentions:
            if article in wanted:
                spans[article].append((mention.start, mention.end, i))

    def cluster(article: str, at: int) -> int | None:
        hits = [i for s, e, i in spans.get(article, ()) if s <= at < e]
        return links.root(hits[0]) if hits else None

    for article, refs in references.items():
        for ref in refs:
            root = cluster(article, ref.target_start)
            if root is not None:
                found[root].append((article, ref))
    for story_ref in story_references:
        roots = {cluster(article, at) for article, at in story_ref.targets}
        named = {root for root in roots if root is not None}
        if len(roots) == 1 and len(named) == 1:
            ref = Reference(story_ref.start, story_ref.end, story_ref.text, -1, -1)
            found[named.pop()].append((story_ref.article, ref))
    return found


def _rank(e: Entity) -> tuple[int, str, str, str, int]:
    """Most mentioned first, then by name; the first mention settles equal names."""
    return -len(e.mentions), e.name, e.kind, e.mentions[0].article, e.mentions[0].start


def _entity(
    members: list[_Node],
    sources: Mapping[str, str | None],
    locate,
    common: Sequence[tuple[str, Reference]] = (),
    described: Set[str] = frozenset(),
) -> Entity:
    """One entity from its nodes: voted kind, aliases with their sources, mentions
    (with the common nouns that stand for it, which add no alias and no vote)."""
    counts: Counter[str] = Counter()
    used_by: dict[str, set[str]] = defaultdict(set)
    found = []
    for node in members:
        for article, mention in node.mentions:
            spelling = _spelling(mention.text)
            counts[spelling] += 1
            if sources.get(article):
                used_by[spelling].add(str(sources[article]))
            found.append(
                EntityMention(article, locate(article, mention.start), mention.start,
                              mention.end, mention.text)
            )  # fmt: skip
    aliases = tuple(
        Alias(text, counts[text], tuple(sorted(used_by[text])))
        for text in sorted(counts, key=lambda t: (-counts[t], t))
    )
    seen = {(m.article, m.start) for m in found}
    for article, ref in common:  # once, whether its article or its story reads it
        if (article, ref.start) not in seen:
            seen.add((article, ref.start))
            located = locate(article, ref.start)
            found.append(EntityMention(article, located, ref.start, ref.end, ref.text, True))
    found.sort(key=lambda m: (m.article, m.start, m.end))
    kind = _kind(members)
    return Entity("", _display_name(counts, kind, described), kind, aliases, tuple(found))


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
        full = [t for t in full if counts[t] >= 2] or full
    else:
        full = [t for t in counts if " " in t and 3 * counts[t] >= counts[most]]
    full = full or list(counts)
    return max(full, key=lambda t: (counts[t], len(t.split()), not t.isupper(), t))


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
    """A person's name in more than one word, not counting a title ("Mr Ebbers") nor
    the parts of a surname ("Kilroy-Silk")."""
    words = spelling.split()
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
