"""Linking rules for people's names.

Romanisation variants and middle initials, then a surname, a given name, a nickname
or a blend ("LiLo") joined to the one full name it fits, nearest first. The largest
family of rules, reading given names and their nicknames, royal styles and
generational suffixes, so it stands alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence, Set
from functools import partial

from rapidfuzz.distance import Levenshtein

from ..names import PARTICLES
from .acronyms import CorpusText
from .keys import _NICKNAME, _familiar, _key_of, _romanised, _spelling, _surname, _translit
from .nodes import SURNAME_DOMINANCE, _Context, _Links, _Node

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
    nodes: list[_Node],
    links: _Links,
    text: CorpusText,
    context: _Context | None = None,
) -> None:
    """Spelling variants of full names, then short forms to the one full name they
    fit. With the articles' names (``context``), the articles' stories are known
    (the second merge), so a nickname may join a person of its story and a bare
    name beyond its story needs its surname spelled alike and, for a common
    word, a title (see :func:`_named_alike_anywhere`), and a name its article
    shares with one naming the person in full (see :class:`_Context`)."""
    in_stories = context is not None
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
            size = len(nodes[i].forms)  # "W. Mark Felt" of the story; "Laura Crotty
            if size < 2:  # Alexander": the one "Laura E. Crotty Alexander"
                continue
            fuller = [
                j
                for j in block
                if len(nodes[j].forms) > size
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
    firms = _firms_by_article(nodes) if in_stories else {}
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
            _named_alike_anywhere(
                nodes[i], fits, nodes, text, written[nodes[i].articles, short], firms
            )
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
            confirm=None
            if context is None or anywhere is None
            else partial(context.named_around, nodes[i]),
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
    firms: Mapping[str, Set[str]],
) -> list[int]:
    """The full names ``fits`` a bare one-word name may join beyond its story:
    those whose surname is spelled as its article writes the name alone
    (``written``: "Zelensky" beside "Zelenskyy" may be Volodymyr Zelenskyy; a
    romanised variant alone, "Sherman" for "Barry Sheerman", is evidence only
    beside the name), and none where the word is one the corpus writes in lower
    case and no mention of it follows a title ("Voice over IP" is no Robert
    Voice, Moody's no Lewis Moody, "the West" no Kanye West; "President Bush"
    may still be George W Bush), nor where its article names an organisation
    by that word ("Palin told Fox" beside Fox News is no Vicente Fox) and no
    mention of it follows a title."""
    word = _surname(node.tokens)
    if not fits:
        return []
    ambiguous = word in text.common_words() or any(
        word in firms.get(article, ()) for article in node.articles
    )
    if ambiguous and not any(
        len(mention.text.split()) > 1 or text.role_before(article, mention.start)
        for article, mention in node.mentions
    ):
        return []
    return [j for j in fits if _surname(nodes[j].tokens) in written]


# What the second word of an organisation's name is where the first is its
# person's ("Obama administration", "Trump campaign"): not a firm of that name.
_THEIRS = frozenset(
    {"administration", "campaign", "government", "presidency", "cabinet", "camp", "team", "family"}
)


def _firms_by_article(nodes: Sequence[_Node]) -> dict[str, set[str]]:
    """The first words of the organisations' names of several words each article
    holds ("fox" of Fox News, not "obama" of the Obama administration), by
    article id."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for node in nodes:
        if node.kind == "organisation" and len(node.tokens) > 1 and node.tokens[1] not in _THEIRS:
            for article in node.articles:
                found[article].add(node.tokens[0])
    return found


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


def _short_forms(forms: tuple[str, ...]) -> set[tuple[str, ...]]:
    """How a longer name is shortened: to two words, its first word and its last
    ("Richard M. Nixon": Richard Nixon) or the first that is not an initial and
    its last ("W. Mark Felt": Mark Felt); or without its middle initials ("Laura E.
    Crotty Alexander": Laura Crotty Alexander)."""
    given = next((word for word in forms[:-1] if len(word) > 1), forms[0])
    middle = tuple(word for word in forms[1:-1] if len(word) > 1)
    return {(forms[0], forms[-1]), (given, forms[-1]), (forms[0], *middle, forms[-1])}


def _link_lone_names(nodes: list[_Node], links: _Links, lone: list[int]) -> None:
    """Bare names that fit no full name are one entity per spelling, across stories."""
    first: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    for i in lone:
        name = (nodes[i].forms, nodes[i].suffix)
        if name in first:
            links.join(first[name], i)
        else:
            first[name] = i
