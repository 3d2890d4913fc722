"""Acronyms, and what the merge reads of the corpus's text beyond its mentions.

:class:`CorpusText` (the words the corpus writes in lower case, the acronyms its
texts spell out, a title before a name), :func:`spelled_out`, :func:`common_words`
and the rule joining an acronym to the name it stands for. Apart because it reads
passages, not only mentions, and the other rules share what it reads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..gazetteer import KNOWN_ACRONYMS, is_state_or_country
from ..mentions import role_before
from ..model import Mention, Passage
from ..names import SMALL_WORDS, alias_key, initials_of
from .keys import _plain
from .nodes import NAMED_KINDS, _Links, _Node


def _link_abbreviations(
    nodes: list[_Node], links: _Links, spelled_out: set[tuple[str, str]]
) -> None:
    """Acronyms ("U.N.", "FBI") join the longer name they stand for, where there is
    evidence of it: a text spells it out (``spelled_out``: acronym and name keys) or
    the acronym is one everybody knows (:data:`KNOWN_ACRONYMS`), also where it
    opens a longer name ("US Senate", "United States Senate"). Initials alone never
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
    # One everybody knows opening a longer name stands for the same words there
    # ("US Senate" is the United States Senate, "UN Security Council" the United
    # Nations Security Council).
    for i, node in enumerate(nodes):
        first, _, rest = node.key.partition(" ")
        if node.kind == "person" or not rest or first not in KNOWN_ACRONYMS:
            continue
        fits = by_key.get(f"{KNOWN_ACRONYMS[first]} {rest}", [])
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


# What writes a name as a place's: a kind of place "of" it, a bearing from it,
# an address after a name's comma ("Ortiz, of Diamond Bar"); after it, its
# people, its police or its area ("a Woodburn police officer", "Woodburn-area").
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:city|town|village|port|capital|suburb|outskirts|province|county|district"
    r"|borough|neighbou?rhood|resident|residents)"
    r"|\b(?:north|south|east|west)(?:[- ]?(?:east|west))?|\w,)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"(?:\s+(?:residents?|natives?|police)|['’]s\s+police|-area)\b", re.IGNORECASE
)
# "a Perth doctor", "a Millom man", "a Brooklyn mother of 12": a person from a
# town, the town written before a word for a person (not "a Chelsea fan", a club's).
_A_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_PERSON_FROM = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:man|woman|men|women|boy|girl|teen|teenager|youth|mother|"
    r"father|mum|mom|dad|son|daughter|family|couple|pensioner|grandmother|grandfather|"
    r"doctor|nurse|climber|mountaineer|student|teacher|businessman|businesswoman|"
    r"widow|widower|toddler|baby|native|resident)\b"
)
# A run of capitalised words after a comma, not a possessive ("Kenya's president").
_REGION_AFTER = re.compile(r",\s+([A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?){0,2})(?![\w'’.-])")


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
        passage = self._passage_at(article, start)
        return passage is not None and role_before(passage.text, start - passage.start)

    def after_the(self, article: str, start: int) -> bool:
        """Whether "the" comes just before ``start`` in its passage of
        ``article`` ("the Briton won in straight sets")."""
        passage = self._passage_at(article, start)
        if passage is None:
            return False
        at = start - passage.start
        return bool(_THE_BEFORE.search(passage.text[max(0, at - 5) : at]))

    def opens_sentence(self, article: str, start: int) -> bool:
        """Whether ``start`` opens its passage of ``article``, a sentence or a line;
        outside every passage, it is in the title, where every word is capitalised
        anyway."""
        passage = self._passage_at(article, start)
        if passage is None:
            return True
        at = start - passage.start
        return bool(_SENTENCE_BEFORE.search(passage.text[max(0, at - 8) : at]))

    def placed(self, article: str, start: int, end: int) -> bool:
        """Whether the words around ``start:end`` of ``article`` write it as a
        place: "the port city of Bandar Abbas", "60km south west of Bandar
        Abbas", "Ortiz, of Diamond Bar,", "the Diamond Bar resident", "a
        Woodburn police officer", "born in Twin Falls, Idaho", "a Perth
        doctor"."""
        passage = self._passage_at(article, start)
        if passage is None:
            return False
        before = passage.text[max(0, start - passage.start - 40) : start - passage.start]
        after = passage.text[end - passage.start : end - passage.start + 30]
        if _PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after):
            return True
        if _A_BEFORE.search(before) and _PERSON_FROM.match(after):
            return True
        region = _REGION_AFTER.match(after)  # "Twin Falls, Idaho", "Schenectady, N. Y."
        return region is not None and is_state_or_country(alias_key(region.group(1)))

    def quoted(self, article: str, start: int, end: int) -> bool:
        """Whether quotation marks enclose ``start:end`` of ``article`` (a title,
        '"Glee" actress Heather Morris')."""
        passage = self._passage_at(article, start)
        if passage is None:
            return False
        before = passage.text[: start - passage.start].rstrip()[-1:]
        after = passage.text[end - passage.start :].lstrip()[:1]
        return bool(before) and before in _QUOTES and bool(after) and after in _QUOTES

    def _passage_at(self, article: str, start: int) -> Passage | None:
        for passage in self.passages.get(article, ()):
            if passage.start <= start < passage.end:
                return passage
        return None

    def spelled_out(self, mentions: Mapping[str, Sequence[Mention]]) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for article, spans in mentions.items():
            known = self._spelled.get(article)
            if known is None or not (known[0] is spans or known[0] == spans):
                known = (spans, _spelled_out_in(spans, self.passages.get(article, ())))
                self._spelled[article] = known
            found |= known[1]
        return found


# What ends just before the first word of a sentence or a line: its start, the
# end of the last sentence, a colon, a dash or an opening quote or bracket.
_SENTENCE_BEFORE = re.compile(r"""(?:^|[.!?:;\n([“‘"'—–-])[ \t]*$""")
# "The" just before a word.
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# The marks that open or close a quotation, straight or curly.
_QUOTES = "\"'“”‘’«»"


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


def common_words(passages: Mapping[str, Sequence[Passage]]) -> set[str]:
    """Words the corpus writes in lower case: "news", "party", not "intel"."""
    found: set[str] = set()
    for spans in passages.values():
        for passage in spans:
            found.update(_LOWER_WORD.findall(passage.text))
    return found


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")
