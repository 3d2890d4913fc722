"""Which quotation marks hold words somebody said.

News puts quotation marks around speech, and also around names and titles: "the
call sign “Corsair”", "“Two Fat Ladies” made its debut", "told “Fox News
Sunday.”" (the sentence's full stop inside the marks). Only the first are
quote facts (:func:`index.speakers.quote_facts`); a number inside the second
is part of a name, not a count (:mod:`index.figures`).
"""

from __future__ import annotations

import re

QUOTE_RE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")

# Words that put a name in quotation marks; after "called" or "dubbed" it may be
# a characterisation someone said ("he called “a theater prop”"), so only a
# capitalised one counts there.
_NAMING = re.compile(
    r"\b(?:call\s+sign|nicknamed|titled|entitled|code-?named|the\s+(?:hashtag|film|show|book|song|"
    r"album|series|operation|programme|program))\s*$",
    re.I,
)
_CALLED = re.compile(r"\b(?:called|named|dubbed|known\s+as)\s*$", re.I)


def is_a_name(text: str, start: int, end: int) -> bool:
    """Quotation marks around a name or a title, not around words anybody said:
    "the call sign “Corsair”", "“Two Fat Ladies” made its debut"."""
    inner = text[start + 1 : end - 1].strip()
    words = inner.split()
    if not words or len(words) > 5:
        return False
    before = text[max(0, start - 30) : start]
    if _NAMING.search(before):
        return True
    titled = all(w[:1].isupper() or w.lower() in ("of", "the", "and", "a", "in") for w in words)
    if titled and _CALLED.search(before):
        return True
    if titled and len(words) >= 2 and re.search(r"\w[.,]$", inner):
        # American style puts the sentence's comma or full stop inside the
        # marks: "on “Meet the Press.”", "“Tent City,” a jail"; a word or
        # two said alone ("“Ah-hah,”") is speech.
        return len(words) <= 4
    return titled and len(words) <= 4 and not re.search(r"[.,!?;:]$", inner)
