"""Other writings of one name within its story: written alike, or misspelt by a letter.

Names of one kind written alike but for spaces, hyphens and linking words, or one
word spelt one letter off. Apart because these rules read names of every kind and
run only once the articles' stories are known.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import DamerauLevenshtein

from ..gazetteer import is_known_place, place_of
from .nodes import SURNAME_DOMINANCE, _Links, _Node

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
