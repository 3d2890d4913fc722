"""Word-level comparison of two passages, for the side-by-side view.

Two outlets often run the same wire copy with a changed number or a
different spelling of a name; a character diff drowns that in noise, a
line diff misses it. Comparing word tokens finds exactly the words that
differ, and marking the numbers and names among them shows at a glance
whether the difference matters (1,000 against 1,200 prisoners) or not.

Offsets are into each passage text, so the reader can style the original
text in place. Pure Python (difflib): no Textual, no Rich.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# A number with its separators (1,200 / 3.5 / 2025-05-16), a word with inner
# apostrophes or hyphens (Kyiv's, ceasefire-related), or one other character.
_TOKEN = re.compile(r"\d[\d,.:/-]*\d|\d|[^\W\d_]+(?:['’-][^\W\d_]+)*|\S")
_DIGIT = re.compile(r"\d")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Token:
    """One word of a passage and whether the other passage lacks it.

    ``kind`` is ``number``, ``name`` (capitalised word), ``word`` or
    ``punct``; ``changed`` is True when the token is not matched in the
    other passage.
    """

    text: str
    start: int
    end: int
    kind: str
    changed: bool

    @property
    def notable(self) -> bool:
        """A changed number or name: the differences a reader must see."""
        return self.changed and self.kind in ("number", "name")


@dataclass(frozen=True)
class WordDiff:
    """The tokens of both passages, and how similar they are (0 to 1)."""

    left: tuple[Token, ...]
    right: tuple[Token, ...]
    ratio: float

    def notable(self) -> tuple[list[str], list[str]]:
        """The differing numbers and names on each side, in order."""
        return [t.text for t in self.left if t.notable], [t.text for t in self.right if t.notable]


def tokens(text: str) -> list[tuple[str, int, int, str]]:
    """``(text, start, end, kind)`` for each token of ``text``."""
    return [(m.group(), m.start(), m.end(), _kind(m.group())) for m in _TOKEN.finditer(text)]


def _kind(token: str) -> str:
    if _DIGIT.search(token):
        return "number"
    if token[0].isalpha():
        return "name" if token[0].isupper() else "word"
    return "punct"


def _key(token: str) -> str:
    """What makes two tokens equal: case and curly quotes do not count."""
    return token.translate(_QUOTES).casefold()


def diff_words(left: str, right: str) -> WordDiff:
    """Compare two passages word by word."""
    a, b = tokens(left), tokens(right)
    matcher = SequenceMatcher(None, [_key(t[0]) for t in a], [_key(t[0]) for t in b], False)
    same_a: set[int] = set()
    same_b: set[int] = set()
    for block in matcher.get_matching_blocks():
        same_a.update(range(block.a, block.a + block.size))
        same_b.update(range(block.b, block.b + block.size))
    return WordDiff(
        left=tuple(Token(*t, changed=i not in same_a) for i, t in enumerate(a)),
        right=tuple(Token(*t, changed=i not in same_b) for i, t in enumerate(b)),
        ratio=round(matcher.ratio(), 3),
    )
