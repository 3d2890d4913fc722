"""The structures the merge works on: a node per alias key and the links joining nodes.

:class:`_Node` (the mentions of one key, its kind and forms) and :class:`_Links` (a
union-find that finds the entity a name belongs to, nearest first), with the ratios
by which a name joins the entity named far more often than the others, and the kinds
of mention that name something. Apart from how nodes are built and linked, which
the other modules of this package do with them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence, Set
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Mention
from .keys import _COMPANY_FORMS, _NUMBERED, _SPELLINGS, _is_abbreviation, _plain, _translit

# How much more often one candidate must be named than all others together for a
# bare surname beyond its story (Blair: Tony Blair) and for a short organisation
# name (Saints: New Orleans Saints) to join it. Chosen on half of the ECB+ dev
# topics and read on the other half (benchmarks/eval_entities.py --sweep).
SURNAME_DOMINANCE = 5.0
NAME_DOMINANCE = 2.0

NAMED_KINDS = ("person", "organisation", "place", "group", "event", "other")


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
        confirm: Callable[[list[int]], bool] | None = None,
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
        for it). An entity found in the last ring only where ``confirm``, given,
        holds of the candidates it was found by (see :class:`_Context`)."""
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
            ratio = near if depth < 2 else far
            rest = sum(self.size[c] for c in chosen[:-1])
            if len(chosen) > 1 and (ratio is None or self.size[chosen[-1]] < ratio * rest):
                return None
            if depth == 2 and confirm is not None:
                found = [c for c in candidates if ring(c) and self.root(c) == chosen[-1]]
                return chosen[-1] if confirm(found) else None
            return chosen[-1]
        return None

    def unique_target(self, candidates: Sequence[int], nodes, node: _Node) -> int | None:
        """The one entity among ``candidates`` nearest ``node`` (see :meth:`target`)."""
        return self.target(candidates, nodes, node)


class _Context:
    """The other names each article holds, to tell whether a short name joined
    beyond its story is written where what it may be is named in full: "Keane"
    of a review of the band Keane shares no name with the reports naming Roy
    Keane, "Douglas" of a football report none with those naming Michael
    Douglas, "Powergen" of a report on energy prices none with those naming the
    Powergen Cup, where "Blair" of a report on Labour shares many with those
    naming Tony Blair."""

    def __init__(self, nodes: Sequence[_Node]) -> None:
        self.nodes = nodes
        self.names: defaultdict[str, set[str]] = defaultdict(set)
        for node in nodes:
            for article in node.articles:
                self.names[article].add(node.key)
        found = Counter(key for names in self.names.values() for key in names)
        self.held = found
        # A name most of the corpus's articles hold says nothing of who is meant;
        # in a corpus of two or three, one two reports share still does.
        most = max(SHARED_AT_MOST * len(self.names), 2)
        self.telling = {key for key, n in found.items() if n <= most}
        self._seen: dict[tuple[frozenset[str], frozenset[str]], set[str]] = {}

    def named_around(self, node: _Node, found: Sequence[int]) -> bool:
        """Whether a short name ``node``, found beyond its stories to be what the
        longer names ``found`` name, is written where they are: an article of
        it shares a telling name, one without a word of ``node``'s, with one
        naming them in full; or more than half the corpus's articles name them
        (a folder about Zelensky: every name around his is one most of its
        reports hold, and a "Zelensky" elsewhere in it is him). Passed as
        :meth:`_Links.target`'s ``confirm``, so it only ever undoes a join:
        which entity is meant stays chosen among all the names that fit."""
        named = set().union(*(self.nodes[j].articles for j in found))
        if len(named) > SHARED_AT_MOST * len(self.names):
            return True  # the one the corpus is about: its names are all background
        words = frozenset(node.tokens)
        around = self._around(node.articles, words)
        return any(
            self._telling(around & self._around(self.nodes[j].articles, words)) for j in found
        )

    def _telling(self, shared: Set[str]) -> bool:
        """Whether the names two sets of articles share say they are about the
        same people: two names, one of several words ("George W Bush"), or one
        few of the corpus's reports hold. In a corpus of hundreds, one name of one
        word that many hold ("US", "AP", "CNN") joins reports of anything:
        "Austin" of "a federal judge in Austin" is no Markus Austin, "Liu" of
        Vice Premier Liu He no Bao Lin Liu."""
        if len(shared) > 1:
            return True
        few = max(2, SHARED_BY_FEW * len(self.names))
        return any(" " in key or self.held[key] <= few for key in shared)

    def _around(self, articles: frozenset[str], words: frozenset[str]) -> set[str]:
        found = self._seen.get((articles, words))
        if found is None:
            names = set().union(*(self.names[article] for article in articles))
            found = {key for key in names & self.telling if words.isdisjoint(key.split())}
            self._seen[articles, words] = found
        return found


# The share of a corpus's articles a name may be held by and still tell what a
# short name beyond its story is (see :class:`_Context`): a name in more than
# half of them, as every topic's own names in a corpus of one topic, does not.
SHARED_AT_MOST = 0.5
# The share of them a name of one word may be held by and still tell it alone
# (see :meth:`_Context._telling`).
SHARED_BY_FEW = 0.01
