"""The names an article recognises, found again: every further occurrence in
the article and a person's surname alone (:func:`propagate`), and inside a
headline's span the model ran on (:func:`trim_headlines`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..model import Mention
from ..names import ROLES, without_suffix
from ..spans import SpanSet
from .capitalised_runs import _PLURAL_ACRONYM
from .casing import _body_forms
from .shown import without_furniture
from .words import _WORD, NAMED_KINDS, _bare

_MIN_NAME = 3  # a name of fewer characters is not looked for elsewhere


def trim_headlines(
    text: str, mentions: Sequence[Mention], headlines: Sequence[tuple[int, int]]
) -> list[Mention]:
    """Mentions with a headline's span cut to the names the article's body knows:
    in Title Case the model runs a name into the words around it ("Lindsay Lohan
    Check", "Colts Beat Chiefs", "Esther Williams Dead"), which the body never
    writes with a capital. A span the body names as it is, or with words that may
    be part of the name (see :func:`_part_of_a_name`), is kept."""
    inside = SpanSet(headlines)
    named = [m.kind in NAMED_KINDS and inside.overlaps(m.start, m.end) for m in mentions]
    if not any(named):  # most articles: nothing to cut, so nothing to read
        return list(mentions)
    names = _names([m for m, here in zip(mentions, named, strict=True) if not here])
    if not names:
        return list(mentions)
    spellings = _Spellings(names)
    middle: dict[str, Counter[str]] | None = None  # the body's case, read once if needed
    result = []
    for mention, here in zip(mentions, named, strict=True):
        found = list(spellings.finditer(text, mention.start, mention.end)) if here else []
        if found and not _named_as_is(mention.text, names, found):
            if middle is None:
                body = "\n".join(text[a:b] for a, b in _outside(headlines, len(text)))
                middle = _body_forms(body)[0]
            if not _part_of_a_name(text, mention, found, middle, names):
                result += [Mention(at, at + len(name), name, *names[name]) for at, name in found]
                continue
        result.append(mention)
    return result


def _outside(spans: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of a text of ``length`` characters outside ``spans``."""
    result, last = [], 0
    for start, end in sorted(spans):
        result.append((last, start))
        last = max(last, end)
    return result + [(last, length)]


def _named_as_is(span: str, names: Mapping[str, object], found) -> bool:
    return _bare(span) in names or (len(found) == 1 and len(found[0][1]) == len(span))


def _part_of_a_name(
    text: str, mention: Mention, found, middle, names: Mapping[str, tuple[str, str]]
) -> bool:
    """Whether the words of ``mention`` outside the names ``found`` in it may be
    part of a name: one the body writes with a capital mid-sentence ("New York
    Times" beside "New York"), or, after a one-word name the body gives a person,
    a word the body never writes (the surname of "Lindsay Lohan" beside
    "Lindsay"; not "Colts Clinch", where the body's Colts are a team)."""
    taken = SpanSet((at, at + len(name)) for at, name in found)
    unknown = False
    for word in _WORD.finditer(text, mention.start, mention.end):
        if taken.overlaps(word.start(), word.end()):
            continue
        spellings = middle.get(word.group().lower())
        if spellings and spellings.most_common(1)[0][0][:1].isupper():
            return True
        unknown = unknown or not spellings
    at, name = found[0]
    given = len(found) == 1 and " " not in name and at == mention.start
    return unknown and given and mention.kind == "person" and names[name][0] == "person"


def surname(words: Sequence[str]) -> str | None:
    """The surname of a full name's words ("Arcade Joseph Comeaux Jr." -> Comeaux)."""
    words = [w.rstrip(",") for w in without_suffix(list(words))]
    return words[-1] if len(words) > 1 else None


def propagate(
    text: str,
    mentions: Sequence[Mention],
    regions: Iterable[tuple[int, int]],
    known: Sequence[Mention] = (),
) -> list[Mention]:
    """``mentions`` plus every further occurrence, inside ``regions``, of a name
    they (or ``known``, mentions from elsewhere in ``text``'s story) recognise: the
    same words in the same case (or in capitals), and a person's surname alone
    (of this article's names only). Kinds are voted over the name's mentions;
    spans that overlap a mention already found are left to it, unless the name
    covers it whole, where the model cut the name short ("Gulf" in the headline
    "Indian Navy foils attack in Gulf of Aden", "Betty Ford" in "Lindsay Lohan
    checks into Betty Ford Center"; see :func:`_cut_short`). A page's furniture
    is left out, found or given (see :func:`without_furniture`: "Replay" is no
    surname of a "Twitter Replay")."""
    names = _names(mentions)
    for name, voted in _names(known, surnames=False).items():
        names.setdefault(name, voted)
    if not names:
        return without_furniture(text, mentions)
    taken = SpanSet((m.start, m.end) for m in mentions)
    spans = {(m.start, m.end) for m in mentions}
    added = SpanSet()  # found here, in text order: appended, not inserted
    found = list(mentions)
    spellings = _Spellings(names)
    for start, end in regions:
        for at, name in spellings.finditer(text, start, end):
            stop = at + len(name)
            if (at, stop) in spans or added.overlaps(at, stop):
                continue
            kind, label = names[name]
            if taken.overlaps(at, stop):
                inner = [m for m in found if m.start < stop and at < m.end]
                if not _cut_short(inner, name, kind, at, stop):
                    continue
                found = [m for m in found if m not in inner]
            found.append(Mention(at, stop, name, kind, label))
            added.add(at, stop)
    found.sort(key=lambda m: (m.start, m.end))
    return without_furniture(text, found)


def _cut_short(inner: Sequence[Mention], name: str, kind: str, start: int, end: int) -> bool:
    """Whether the name ``name`` of ``kind`` at ``start:end`` replaces the mentions
    ``inner`` it overlaps: one name, covered whole ("Gulf" in "Gulf of Aden",
    "Maurice" in "Maurice Cheeks", "Press" in "Associated Press"). Besides places
    ("Qeshm island"), not a name ending with a word in lower case, a span the model
    ran on ("SEACOM undersea cable"), nor a class of people ("Labour MPs"), nor one
    beginning with what a person is ("Mr Blair": the name is Blair, and the entity
    is named Tony Blair). Kept to places until sports teams' names were joined
    (index/teams.py): "Kansas City" and "Chiefs" inside "Kansas City Chiefs" were
    then left apart from the articles' many bare "Chiefs"."""
    words = name.split()
    return (
        len(inner) == 1
        and (
            kind == "place"
            or not (
                words[-1].islower()
                or _PLURAL_ACRONYM.fullmatch(words[-1])
                or words[0].lower().rstrip(".") in ROLES
            )
        )
        and inner[0].kind in NAMED_KINDS
        and start <= inner[0].start
        and inner[0].end <= end
    )


def _names(mentions: Sequence[Mention], surnames: bool = True) -> dict[str, tuple[str, str]]:
    """Spellings to look for, with the kind and label voted over their mentions."""
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for mention in mentions:
        if mention.kind not in NAMED_KINDS or not mention.text[:1].isupper():
            continue
        text = " ".join(mention.text.split())
        if len(text) < _MIN_NAME or text != mention.text:
            continue
        votes[text][(mention.kind, mention.label)] += 1
        last = surname(text.split()) if mention.kind == "person" and surnames else None
        if last and _is_surname(last):
            votes[last][(mention.kind, mention.label)] += 1
    names = {}
    for text, counted in votes.items():
        best = counted.most_common(1)[0][0]
        names[text] = best
        if text.upper() != text and len(text) > _MIN_NAME:
            names.setdefault(text.upper(), best)
    return names


# A surname as names are written: "Umerov", and also "McConnell", "DiCaprio",
# "O'Gara" and "Kilroy-Silk"; not an acronym ("BBC") nor "Blu-ray".
_SURNAME = re.compile(r"[A-Z][a-z]*(?:['’]?[A-Z][a-z]+)*(?:-[A-Z][a-z]*(?:['’]?[A-Z][a-z]+)*)*")


def _is_surname(word: str) -> bool:
    return (
        len(word) >= _MIN_NAME
        and _SURNAME.fullmatch(word) is not None
        and any(c.islower() for c in word)
    )


class _Spellings:
    """The names to look for as a tree of characters, so that finding the
    longest name at a place costs that name's length, not the number of names:
    one pattern alternating the names tried each of them at every word (3.4 s
    for 16,000 names in 320,000 characters, 15 times a quarter of that).

    A name matches as the pattern
    ``(?<![\\w.'’-])NAME(?=['’]s\\b|(?<=s)['’](?!\\w)|[^\\w'’.-]|\\.(?!\\w)|$)`` would,
    with ``end`` read as the end of the text."""

    def __init__(self, names: Iterable[str]) -> None:
        self.root: dict[str, Any] = {}
        for name in names:
            node = self.root
            for char in name:
                node = node.setdefault(char, {})
            node[""] = name  # a whole name ends here
        first = "".join(sorted(self.root))
        self.starts = re.compile(rf"(?<![\w.'’-])(?=[{re.escape(first)}])")

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
        """``(offset, name)`` of each name in ``text[start:end]``, leftmost and
        longest first, never overlapping."""
        after = start
        for match in self.starts.finditer(text, start, end):
            at = match.start()
            if at < after:
                continue
            name = self._longest(text, at, end)
            if name is not None:
                after = at + len(name)
                yield at, name

    def _longest(self, text: str, at: int, end: int) -> str | None:
        node, best = self.root, None
        for position in range(at, end):
            child = node.get(text[position])
            if child is None:
                break
            node = child
            if "" in node and _name_ends(text, position + 1, end):
                best = node[""]
        return best


def _name_ends(text: str, position: int, end: int) -> bool:
    """Whether a name may end before ``position``: at the end, before a
    possessive (a plural's too), a full stop that ends no word, or a character of
    no word."""
    if position >= end:
        return True
    char = text[position]
    if char == ".":
        return position + 1 >= end or not _word_char(text[position + 1])
    if char in "'’":
        if text[position - 1] == "s":  # a plural's possessive: "the Chargers' lineman"
            return position + 1 >= end or not _word_char(text[position + 1])
        return (
            position + 1 < end
            and text[position + 1] == "s"
            and (position + 2 >= end or not _word_char(text[position + 2]))
        )
    return not _word_char(char) and char != "-"


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
