"""Headlines in Title Case or capitals read as the body would write them:
:func:`truecase`, :func:`needs_truecase`, and :func:`a_sentence` for a line
of the body that names many."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..names import given_names
from .words import _WORD

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


def truecase(title: str, body: str, listing: bool = False) -> str:
    """``title`` with each word in the case the ``body`` writes it, same length.

    A headline capitalises every word, so a capital there says nothing: a word
    takes the body's most common spelling mid-sentence, else a capital where the
    body starts a sentence with it; a small word ("Into") or an inflected one the
    body never uses ("Checks", "Killed") is read lower case, a short acronym in
    capitals stays; any other word is most likely a name and keeps its capital (a
    line of names such as a results table is read as written). The first word
    keeps its capital. Where a case change would change the length (a few
    Unicode letters), the word is left as it is. In a ``listing`` (a line of
    the body in capitals, not the headline) a word after a given name is a
    surname ("Gary Speed"), where a headline's may be a verb ("Perry Wins").
    """
    middle, starts = _body_forms(body)
    shouting = title.isupper()
    words = list(_WORD.finditer(title))
    pieces, last = [], 0
    for index, match in enumerate(words):
        word = match.group()
        if (
            listing
            and not shouting
            and index
            and _after_given(title, words[index - 1], match, middle)
        ):
            pieces += [title[last : match.start()], word]  # "Gary Speed" in a list: a surname
            last = match.end()
            continue
        cased = _case_of(word, middle, starts, first=index == 0, shouting=shouting)
        if len(cased) != len(word):
            cased = word
        pieces.append(title[last : match.start()])
        pieces.append(cased)
        last = match.end()
    pieces.append(title[last:])
    return "".join(pieces)


def _after_given(
    title: str, before: re.Match[str], word: re.Match[str], middle: dict[str, Counter[str]]
) -> bool:
    """Whether a capitalised word follows a given name that opens a run of
    capitals and that the body never writes in lower case ("Gary Speed", not
    "Bill Passes" where the body writes "bill", nor "IE Zero Day Flaw")."""
    given = before.group()
    ahead = _LAST_BEFORE.search(title, 0, before.start())
    return (
        (ahead is None or not ahead.group(1)[:1].isupper())
        and word.group()[:1].isupper()
        and given[:1].isupper()
        and title[before.end() : word.start()] == " "
        and given.lower() in given_names()
        and not any(spelling.islower() for spelling in middle.get(given.lower(), ()))
    )


# The word before a word, with only spaces between.
_LAST_BEFORE = re.compile(r"(\w[\w'’-]*) +$")
_INFLECTED = re.compile(r"\w{2,}(?:s|ed|ing|ly)$")


def _body_forms(body: str) -> tuple[dict[str, Counter[str]], set[str]]:
    """Each word's spellings mid-sentence in the body, by lower-case form, and the
    lower-case forms of the words seen capitalised at a sentence start."""
    middle: dict[str, Counter[str]] = defaultdict(Counter)
    starts: set[str] = set()
    for match in _WORD.finditer(body):
        word = match.group()
        before = body[max(0, match.start() - 3) : match.start()].rstrip(" \"'“‘(")
        if not before or before.endswith((".", "!", "?", "\n", ":")):
            if word[0].isupper():
                starts.add(word.lower())
            continue
        middle[word.lower()][word] += 1
    return middle, starts


def _case_of(
    word: str, middle: dict[str, Counter[str]], starts: set[str], first: bool, shouting: bool
) -> str:
    lower = word.lower()
    seen = middle.get(lower)
    if seen:
        cased = seen.most_common(1)[0][0]
    elif lower in _SMALL:
        cased = lower
    elif word.isupper() and word.isalpha() and len(word) <= 4 and not shouting:
        cased = word  # an acronym: FBI, NASA (in a headline not all in capitals)
    elif lower in starts:
        cased = word[0].upper() + word[1:].lower()
    elif _INFLECTED.search(lower):
        cased = lower  # "Checks", "Killed", "Dies": a headline's verbs, read as words
    elif shouting:
        cased = lower  # a headline in capitals: its names are in the body
    else:
        cased = word  # unseen and not inflected: a name in a list ("Rotor Volgograd 3")
    if first and cased[:1].islower():
        cased = cased[0].upper() + cased[1:]
    return cased


def a_sentence(region: str) -> bool:
    """Whether a passage is prose that names many, not a headline in Title Case:
    it writes a word of five letters or more in lower case ("Gary Speed scored
    in Virginia Beach"), which Title Case keeps for the short words only
    ("Obama Administration Restores Endangered Species Act Protections!")."""
    return any(
        len(word) >= 5 and word.islower() and word not in _TITLE_LOWER
        for word in _WORD.findall(region)
    )


# Longer words a headline in Title Case may still write in lower case.
_TITLE_LOWER = frozenset(
    {"about", "above", "across", "after", "against", "along", "among", "around", "before",
     "behind", "below", "beneath", "beside", "between", "beyond", "despite", "during",
     "inside", "outside", "since", "through", "toward", "towards", "under", "until",
     "unlike", "versus", "within", "without"}
)  # fmt: skip


def needs_truecase(title: str) -> bool:
    """Whether a headline is written in Title Case or capitals (most words capitalised)."""
    words = [w for w in _WORD.findall(title) if w.lower() not in _SMALL]
    if len(words) < 3:  # "Nadim Ladki": a byline, not a headline
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)
