"""The references of a story: a headline's noun its own article leaves open.

:func:`references_in_story` reads such a noun in the other articles of its story
(``_Context``, what it reads of one article), and :func:`without_story_nouns`
drops the mentions a story's reference reads as a common noun.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..model import Article, Mention
from .article import _LOWER, _candidates, _common_in_headline, _headlines, _is_force, _people
from .evidence import _called
from .nouns import _WORD, PERSON_NOUNS, POLICE_NOUNS, Reference, StoryReference, _Person

_FOLLOWING = re.compile(r" ([\w'’-]+)")
_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?![\w'’-])")


def references_in_story(
    articles: Mapping[str, Article],
    mentions: Mapping[str, Sequence[Mention]],
    members: Sequence[str],
    references: Mapping[str, Sequence[Reference]],
) -> list[StoryReference]:
    """The headlines' person nouns ("Lawyer:", "Teen Arrested") of one story's
    articles (``members``, in id order) that their own article calls no one by,
    with the people the story's other articles call so ("lawyer Mark Heller",
    or a reference of that noun there): after stories are grouped, the articles
    of one story are one context, and all it reads is theirs. Only the story's
    evidence of the same kind as an article's own (see
    :func:`find_references`), and for a person only one its own article names
    ("Heller argued ..."): a story may gather reports of several people so
    called. Not a noun before a name or another noun ("Rapper 50 Cent", "Police
    chief"). Whether the people found are one person is the merge's to say."""
    found = []
    context = {aid: _Context(aid, articles[aid], mentions.get(aid, ())) for aid in members}
    lower = set().union(*(set(_LOWER.findall(articles[aid].text)) for aid in members))
    for aid in members:
        own = context[aid]
        for start, end, noun, modifier in own.open_nouns(references.get(aid, ()), lower):
            said = [
                context[other].called(noun, modifier, references.get(other, ()))
                for other in members
                if other != aid
            ]
            targets = [t for found_there in said if found_there for t in found_there]
            if not targets or None in said:
                continue
            if noun not in POLICE_NOUNS and not own.writes_any(
                _surname_of(articles[a].text[s:e]) for a, s, e in targets
            ):
                continue  # a headline is about someone its own article names
            text = own.article.text[start:end]
            found.append(StoryReference(aid, start, end, text, tuple(t[:2] for t in targets)))
    return found


def without_story_nouns(
    mentions: Mapping[str, Sequence[Mention]], found: Sequence[StoryReference]
) -> dict[str, list[Mention]]:
    """``mentions`` without a headline's one word the model took for a name that a
    story's reference reads as a common noun ("Teen"): it is no name, whether or
    not the merge then finds the people it points to one person."""
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ref in found:
        covered[ref.article].append((ref.start, ref.end))
    nouns = PERSON_NOUNS | POLICE_NOUNS

    def kept(aid: str, spans: Sequence[Mention]) -> list[Mention]:
        heads = covered.get(aid)
        if not heads:  # most articles: no headline noun of their story
            return list(spans)
        return [
            m
            for m in spans
            if _noun_of(m.text) not in nouns
            or not any(s <= m.start and m.end <= e for s, e in heads)
        ]

    return {aid: kept(aid, spans) for aid, spans in mentions.items()}


def _surname_of(name: str) -> str:
    """A person's last word, without a suffix or a possessive ("Comeaux" of
    "Arcade Joseph Comeaux Jr.")."""
    words = [w for w in _WORD.findall(name) if w.casefold().rstrip(".") not in _SUFFIXES]
    return words[-1].removesuffix("'s").removesuffix("’s") if words else ""


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _noun_of(text: str) -> str:
    return text.strip().casefold().removesuffix("'s").removesuffix("’s")


class _Context:
    """What the story-level step reads of one article: its headline's candidate
    nouns and the people its body names."""

    def __init__(self, aid: str, article: Article, mentions: Sequence[Mention]) -> None:
        self.aid = aid
        self.article = article
        self.mentions = mentions
        heads = _headlines(article)
        self.heads = heads
        self.body_start = heads[-1][1] if heads else 0
        self._people: list[_Person] | None = None
        self._lower: set[str] | None = None
        self._capital: set[str] = set()

    @property
    def people(self) -> list[_Person]:
        if self._people is None:
            self._people = _people(self.mentions, self.article.text, self.body_start)
        return self._people

    def open_nouns(
        self, references: Sequence[Reference], story_words: set[str]
    ) -> list[tuple[int, int, str, list[str]]]:
        """The headline's person nouns that no reference of the article reads and
        that it calls no one of its own by, and "Police" where it names no force:
        (start, end, noun, the name before it). A headline's one word that the
        model took for a name is such a noun where the story writes it in lower
        case (``story_words``): "Teen", "Escapee"."""
        text, body_start = self.article.text, self.body_start
        if not self.heads:
            return []
        body_words = set(_LOWER.findall(text, body_start)) | story_words
        taken = [
            (m.start, m.end)
            for m in self.mentions
            if not _common_in_headline(m, body_start, body_words)
        ]
        taken += [(r.start, r.end) for r in references]
        forces = any(_is_force(m) for m in self.mentions)
        found: list[tuple[int, int, str, list[str]]] = []
        for start, end, at, noun in _candidates(text, self.article, self.heads, self.mentions):
            if any(s <= at < e for s, e in taken) or not self._heads_phrase(end, body_start):
                continue
            if noun in POLICE_NOUNS:
                if not forces:  # where it names a force, its own rule decided
                    found.append((start, end, noun, []))
                continue
            if at >= body_start or any(
                _called(noun, m, text, []) for p in self.people for m in p.mentions
            ):
                continue  # the article's own evidence decided (none, or not one)
            found.append((start, end, noun, text[start:at].split()))
        return found

    def writes_any(self, names: Iterable[str]) -> bool:
        """Whether the article's body writes one of ``names`` as a word."""
        body = self.article.text[self.body_start :]
        return any(name and re.search(rf"\b{re.escape(name)}\b", body) for name in names)

    def _heads_phrase(self, end: int, body_start: int) -> bool:
        """Whether the noun ending at ``end`` is the head of its phrase: not the
        title of a name that follows ("Rapper 50 Cent scores", a name the model
        missed), nor a word before another noun ("Police chief backs ...")."""
        after = _FOLLOWING.match(self.article.text, end)
        if after is None:
            return True  # "Lawyer: Lindsay Lohan checks into rehab"
        word = after.group(1)
        if word[0].isdigit() or word.casefold() in PERSON_NOUNS | POLICE_NOUNS:
            return False
        if not word[0].isupper():
            return True
        if self._lower is None:  # a name the body writes: "Rapper Snoop Dogg arrested"
            body = self.article.text[body_start:]
            self._lower = {w.casefold() for w in _LOWER.findall(body)}
            self._capital = {w.casefold() for w in _CAPITAL.findall(body)}
        return word.casefold() in self._lower or word.casefold() not in self._capital

    def called(
        self, noun: str, modifier: list[str], references: Sequence[Reference]
    ) -> list[tuple[str, int, int]] | None:
        """The named mentions (article, start, end) of the people this article calls
        by ``noun`` (with the name before it in ``modifier``, if any), or of the
        police forces it names, or whose reference reads that noun; None where it
        calls someone so without that name ("District Attorney Paul Howard" is no
        "U.S. Attorney"), which rules the story's link out."""
        text, aid = self.article.text, self.aid
        found: list[tuple[str, int, int]] = []
        if noun in POLICE_NOUNS:
            found.extend((aid, m.start, m.end) for m in self.mentions if _is_force(m))
        for person in self.people if noun not in POLICE_NOUNS else ():
            if any(_called(noun, m, text, []) for m in person.mentions):
                if modifier and not any(_called(noun, m, text, modifier) for m in person.mentions):
                    return None
                found.append((aid, person.target.start, person.target.end))
        for ref in references:
            words = {
                w.casefold().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(ref.text)
            }
            if noun in words:
                found.append((aid, ref.target_start, ref.target_end))
        return found
