"""Mentions beyond what the model tags on its own: headlines, and names found
once found everywhere in their article.

A small NER model misses names in headlines written in Title Case or capitals
("Lohan Checks into Betty Ford") and misses some repeats of a name it found
elsewhere ("Umerov stressed" after "Rustem Umerov"). Both are fixed here with
plain text rules, never with lists of names:

- :func:`truecase` rewrites a headline in the case its words have in the body
  (or lower case for common words), keeping every character's offset, so the
  model reads "Lohan checks into Betty Ford" and its spans map back unchanged;
- :func:`propagate` finds every further occurrence of a name recognised in the
  article (and of a person's surname), with word boundaries and the same case.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .model import Mention

NAMED_KINDS = ("person", "organisation", "place", "group", "event", "other")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
# Common words a headline capitalises (articles, prepositions, auxiliaries...): read
# lower case unless the body capitalises them mid-sentence.
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "no",
        "not",
        "of",
        "off",
        "on",
        "or",
        "our",
        "out",
        "over",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "up",
        "upon",
        "was",
        "we",
        "were",
        "what",
        "when",
        "who",
        "why",
        "will",
        "with",
        "after",
        "amid",
        "about",
        "against",
        "before",
        "new",
        "says",
        "said",
        "say",
        "after",
        "how",
        "more",
        "most",
        "all",
        "back",
        "down",
        "near",
        "under",
    ]
)
_MIN_NAME = 3  # a name of fewer characters is not looked for elsewhere


def truecase(title: str, body: str) -> str:
    """``title`` with each word in the case the ``body`` writes it, same length.

    A word the body writes lower case more often than capitalised (outside the
    first word of a sentence), or a small common word, becomes lower case; a word
    in capitals takes the body's most common spelling, or Title Case; the first
    word keeps a capital. Where a case change would change the length (a few
    Unicode letters), the word is left as it is.
    """
    forms = _body_forms(body)
    words = list(_WORD.finditer(title))
    pieces, last = [], 0
    for index, match in enumerate(words):
        word = match.group()
        cased = _case_of(word, forms, first=index == 0)
        if len(cased) != len(word):
            cased = word
        pieces.append(title[last : match.start()])
        pieces.append(cased)
        last = match.end()
    pieces.append(title[last:])
    return "".join(pieces)


def _body_forms(body: str) -> dict[str, Counter[str]]:
    """Each word's spellings in the body, by lower-case form (sentence starts left out)."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for match in _WORD.finditer(body):
        before = body[max(0, match.start() - 3) : match.start()].rstrip(" \"'“‘(")
        if match.start() == 0 or before.endswith((".", "!", "?", "\n")) or not before:
            continue
        word = match.group()
        forms[word.lower()][word] += 1
    return forms


def _case_of(word: str, forms: dict[str, Counter[str]], first: bool) -> str:
    lower = word.lower()
    seen = forms.get(lower)
    if seen:
        cased = seen.most_common(1)[0][0]
    elif lower in _SMALL:
        cased = lower
    elif word.isupper() and len(word) > 1:
        cased = word if len(word) <= 3 else word[0] + word[1:].lower()
    else:
        cased = word
    if first and cased[:1].islower():
        cased = cased[0].upper() + cased[1:]
    return cased


def needs_truecase(title: str) -> bool:
    """Whether a headline is written in Title Case or capitals (most words capitalised)."""
    words = [w for w in _WORD.findall(title) if w.lower() not in _SMALL]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)


def propagate(
    text: str, mentions: Sequence[Mention], regions: Iterable[tuple[int, int]]
) -> list[Mention]:
    """``mentions`` plus every further occurrence, inside ``regions``, of a name
    they recognise: the same words in the same case (or in capitals), and a
    person's surname alone. Kinds are voted over the name's mentions; spans that
    overlap a mention already found are left to it."""
    names = _names(mentions)
    if not names:
        return list(mentions)
    taken = _Taken(mentions)
    found = list(mentions)
    pattern = _pattern(names)
    for start, end in regions:
        for match in pattern.finditer(text, start, end):
            if taken.overlaps(match.start(), match.end()):
                continue
            kind, label = names[match.group()]
            found.append(Mention(match.start(), match.end(), match.group(), kind, label))
            taken.add(match.start(), match.end())
    found.sort(key=lambda m: (m.start, m.end))
    return found


def _names(mentions: Sequence[Mention]) -> dict[str, tuple[str, str]]:
    """Spellings to look for, with the kind and label voted over their mentions."""
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for mention in mentions:
        if mention.kind not in NAMED_KINDS or not mention.text[:1].isupper():
            continue
        text = " ".join(mention.text.split())
        if len(text) < _MIN_NAME or text != mention.text:
            continue
        votes[text][(mention.kind, mention.label)] += 1
        words = text.split()
        if mention.kind == "person" and len(words) > 1 and _is_surname(words[-1]):
            votes[words[-1]][(mention.kind, mention.label)] += 1
    names = {}
    for text, counted in votes.items():
        best = counted.most_common(1)[0][0]
        names[text] = best
        if text.upper() != text and len(text) > _MIN_NAME:
            names.setdefault(text.upper(), best)
    return names


def _is_surname(word: str) -> bool:
    return (
        len(word) >= _MIN_NAME
        and word[0].isupper()
        and word[1:].lower() == word[1:]
        and (word.isalpha())
    )


def _pattern(names: dict[str, tuple[str, str]]) -> re.Pattern[str]:
    alternatives = sorted(names, key=len, reverse=True)  # longest first
    body = "|".join(re.escape(name) for name in alternatives)
    return re.compile(rf"(?<![\w.'’-])(?:{body})(?![\w'’-]|\.\w)")


class _Taken:
    """Spans already given to a mention, to test a new span for overlap quickly."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [s for s, _ in spans]
        # The furthest end reached by any span starting at or before each start.
        self.reach: list[int] = []
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, end) - 1
        return index >= 0 and self.reach[index] > start

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.reach.insert(index, max(end, self.reach[index - 1]) if index else end)
        for k in range(index + 1, len(self.reach)):  # only grows when spans nest
            if self.reach[k] >= self.reach[index]:
                break
            self.reach[k] = self.reach[index]
