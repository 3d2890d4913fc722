"""The references of one article: :func:`find_references` and its candidates.

Where a reference may be (a headline's capitalised noun, a noun after a place's,
a people's or a body's name, "Police" opening a passage), the article's people
and police forces, a title before a name, a headline's noun for the one longer
name of a thing, and :func:`common_nouns`, the mentions that are no names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Article, Mention
from ..names import ROLES
from .evidence import _opens_sentence, _person_for
from .nouns import _WORD, PERSON_NOUNS, POLICE_NOUNS, Reference, _Person

_NOT_A_PERSON = re.compile(r"\b(?:in|of|from|at|near|to|a|an)\s+$", re.IGNORECASE)
_POLICE_NAME = re.compile(r"\bpolice\b|\bsheriff|^[A-Z]{1,4}PD$", re.IGNORECASE)


def find_references(article: Article, mentions: Sequence[Mention]) -> list[Reference]:
    """The common nouns of ``article`` that stand for one of its named ``mentions``
    (see the module's rules), in text order."""
    text = article.text
    heads = _headlines(article)
    body_start = heads[-1][1] if heads else 0
    people = _people(mentions, text, body_start)
    forces = {m.text.casefold(): m for m in mentions if _is_force(m)}
    found = []
    in_headline = [m for m in mentions if m.end <= body_start and " " not in m.text]
    body_words = set(_LOWER.findall(text, body_start)) if in_headline else set()
    taken = [
        (m.start, m.end) for m in mentions if not _common_in_headline(m, body_start, body_words)
    ]
    candidates = _candidates(text, article, heads, mentions)
    nouns = {noun for _, _, at, noun in candidates if at < body_start} - POLICE_NOUNS
    named_after = _titled(text, mentions)
    for start, end, at, noun in candidates:
        if any(s <= at < e for s, e in taken):
            continue
        if noun in POLICE_NOUNS:
            target = next(iter(forces.values())) if len(forces) == 1 else None
        elif end in named_after:  # "President Obama": the title of the name it precedes
            target = named_after[end]
        else:
            target = _person_for(noun, (start, end, at), text, people, body_start, nouns)
        if target is not None:
            found.append(Reference(start, end, text[start:end], target.start, target.end))
    found.extend(_heads_named(text, heads, body_start, mentions, taken))
    return sorted(found, key=lambda r: r.start)


_BEFORE_WORD = re.compile(r"([\w'’.-]+)\s+$")


def _fits(before: str, name: str) -> bool:
    """Whether the headline word before the noun leaves it the thing named: a small
    word, a possessive ("Palin's Church") or a word of the name; not another
    modifier ("Different Rehab Centre", "Obama Administration")."""
    match = _BEFORE_WORD.search(before)
    if not match:
        return True
    word = match.group(1)
    if word.casefold() in _SMALL_WORDS or re.search(r"['’]s?$", word):
        return True
    return word.casefold() in {w.casefold() for w in _WORD.findall(name)}


_LOWER = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def _common_in_headline(mention: Mention, body_start: int, body_words: set[str]) -> bool:
    """A headline's one word that the model took for a name but its body writes in
    lower case ("Church", "Woman"): a common noun, free to stand for a name."""
    word = mention.text.removesuffix("'s").removesuffix("’s")
    return mention.end <= body_start and word.isalpha() and word.casefold() in body_words


def common_nouns(mentions: Sequence[Mention], references: Sequence[Reference]) -> list[Mention]:
    """``mentions`` without those a reference now reads as a common noun (the
    model's "Church" in "Palin's Church Damaged"): they are no names."""
    spans = {(r.start, r.end) for r in references}
    return [m for m in mentions if (m.start, m.end) not in spans or " " in m.text]


def _heads_named(
    text: str,
    heads: list[tuple[int, int]],
    body_start: int,
    mentions: Sequence[Mention],
    taken: list[tuple[int, int]],
) -> list[Reference]:
    """A headline's capitalised common noun that ends the one longer name of a
    thing its body gives ("Palin's Church Damaged" where the body names the
    "Wasilla Bible Church" and writes "the church"): the definite description by
    its head word. Not for people ("Smith" is no common noun)."""
    by_head: dict[str, dict[str, Mention]] = {}
    for mention in mentions:
        words = _WORD.findall(mention.text)
        if mention.kind in _THINGS and len(words) >= 2 and mention.start >= body_start:
            head = words[-1].casefold().removesuffix("'s").removesuffix("’s")
            by_head.setdefault(head, {}).setdefault(mention.text.casefold(), mention)
    found = []
    body = text[body_start:]
    for start, end in heads:
        for match in _WORD.finditer(text, start, end):
            word = match.group().removesuffix("'s").removesuffix("’s")
            named = by_head.get(word.casefold(), {})
            if (
                len(named) == 1
                and word[:1].isupper()
                and not any(s <= match.start() < e for s, e in taken)
                and re.search(rf"\b{re.escape(word.casefold())}\b", body)
                and _fits(text[start : match.start()], next(iter(named.values())).text)
            ):
                (target,) = named.values()
                at = match.start()
                found.append(Reference(at, at + len(word), word, target.start, target.end))
    return found


def _titled(text: str, mentions: Sequence[Mention]) -> dict[int, Mention]:
    """People named right after a word, by where that word ends: "President
    Obama", "wide receiver Vincent Jackson". A one-word name only after a title
    ("Wife Swap" is a programme's name, not a wife's)."""
    found = {}
    for mention in mentions:
        at = mention.start - 1
        if mention.kind != "person" or text[at : at + 1] != " ":
            continue
        before = _LAST_WORD.search(text, max(0, at - 20), at)
        title = before is not None and before.group().casefold() in ROLES
        if " " in mention.text.strip() or title:
            found[at] = mention
    return found


_LAST_WORD = re.compile(r"[A-Za-z]+$")


def _headlines(article: Article) -> list[tuple[int, int]]:
    """The article's title, where its text holds it."""
    from ..mentions import title_span

    span = title_span(article)
    return [span] if span else []


_NEXT_WORD = re.compile(r" ([A-Za-z]+)\b")
_OF_COUNT = re.compile(r"\s+of\s+\d+\b")
_MODIFIERS = ("place", "group", "organisation")
_THINGS = ("organisation", "place", "other", "event")
_SMALL_WORDS = frozenset(
    {"the", "a", "an", "of", "in", "into", "at", "on", "to", "for", "from", "by", "with", "and"}
)


def _candidates(
    text: str, article: Article, heads: list[tuple[int, int]], mentions: Sequence[Mention]
) -> list[tuple[int, int, int, str]]:
    """Person and police nouns that may stand for a name, as (start, end, where the
    noun is, the noun): in a headline any with a capital ("Woman"); anywhere one
    after a place or people's name ("a Brooklyn mother of 12", "San Diego lineman"),
    whose span takes that name in; "Police" or "Cops" beginning a passage."""
    nouns: dict[int, tuple[int, int, str]] = {}  # where the noun is: start, end, noun
    for start, end in heads:
        for match in _WORD.finditer(text, start, end):
            word = match.group().removesuffix("'s").removesuffix("’s")
            if word[0].isupper() and word.casefold() in PERSON_NOUNS:
                nouns[match.start()] = (match.start(), match.start() + len(word), word.casefold())
    for mention in mentions:  # a person noun right after a place's, a people's or a body's name
        after = _NEXT_WORD.match(text, mention.end) if mention.kind in _MODIFIERS else None
        if after and after.group(1).casefold() in PERSON_NOUNS:
            if mention.kind == "organisation" and not _opens_sentence(text, mention.start):
                continue  # "A Mafia boss ..." leads; "Arsenal captain Tony Adams" is a title
            nouns[after.start(1)] = (mention.start, after.end(1), after.group(1).casefold())
    found = []
    for at, (start, end, noun) in nouns.items():
        count = _OF_COUNT.match(text, end)
        found.append((start, count.end() if count else end, at, noun))
    for start, end in heads:
        for match in _WORD.finditer(text, start, end):
            if match.group()[0].isupper() and match.group().casefold() in POLICE_NOUNS:
                found.append((match.start(), match.end(), match.start(), match.group().casefold()))
    for passage in article.passages:
        first = _WORD.match(text, passage.start)
        if first and first.end() <= passage.end and first.group().casefold() in POLICE_NOUNS:
            found.append((first.start(), first.end(), first.start(), first.group().casefold()))
    return sorted(found)


def _is_force(mention: Mention) -> bool:
    """A police force's name: "NYPD", "New York Police", "the Sheriff's Office"."""
    return mention.kind == "organisation" and bool(_POLICE_NAME.search(mention.text.strip()))


def _people(mentions: Sequence[Mention], text: str, body_start: int) -> list[_Person]:
    """The article's people, each named in the body: a full name with the bare
    surnames that can only be that person's (two McDermotts share none); a name
    of one word alone, unless written after "in", "of" or "a" ("of Burnsville",
    "a Sikh tradition": not a person the model took it for)."""
    people: dict[str, list[Mention]] = {}
    bare: dict[str, list[Mention]] = {}
    for mention in sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start):
        words = [w for w in _WORD.findall(mention.text) if w.casefold().rstrip(".") not in ROLES]
        if not words:
            continue
        surname = words[-1].casefold().removesuffix("'s").removesuffix("’s")
        if len(words) >= 2:
            people.setdefault(" ".join(words).casefold(), []).append(mention)
        else:
            bare.setdefault(surname, []).append(mention)
    fulls: dict[str, list[str]] = {}
    for key in people:
        fulls.setdefault(key.rsplit(" ", 1)[-1].removesuffix("'s"), []).append(key)
    for surname, found in bare.items():
        keys = fulls.get(surname, [])
        if len(keys) == 1:
            people[keys[0]].extend(found)
        elif not keys and not any(
            _NOT_A_PERSON.search(text, max(0, m.start - 8), m.start) for m in found
        ):
            people[surname] = found
    result = []
    for found in people.values():
        found.sort(key=lambda m: m.start)
        body = [m for m in found if m.start >= body_start]
        full = [m for m in body if len(_WORD.findall(m.text)) >= 2]
        if body:
            result.append(_Person((full or body)[0], found))
    return result
