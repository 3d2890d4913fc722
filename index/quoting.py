"""Which quotation marks hold words somebody said.

News puts quotation marks around speech, and also around names and titles: "the
call sign “Corsair”", "“Two Fat Ladies” made its debut", "told “Fox News
Sunday.”" (the sentence's full stop inside the marks). Only the first are
quote facts (:func:`index.speakers.quote_facts`); a number inside the second
is part of a name, not a count (:mod:`index.figures`).
"""

from __future__ import annotations

import re

_CURLY = re.compile(r"“[^“”]*”")
_STRAIGHT = re.compile(r"\"")


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where quotation marks hold words in ``text[start:end]``, each span from
    its opening mark to just after its closing one. Curly marks say which they
    are. A straight mark is read by its sides: opening before a word, closing
    after one, either between spaces; a quote still open at the next opening
    mark ended there, as a quote of several paragraphs does where a corpus
    ran them into one line ("...was reared. "I am led to ponder..."), so that
    the words between two quotes ("He continued:") are never taken for one."""
    found = [m.span() for m in _CURLY.finditer(text, start, end)]
    inside = list(found)
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        opened: int | None = None
        for mark in _STRAIGHT.finditer(text, line_start, line_end):
            at = mark.start()
            if any(a <= at < b for a, b in inside):
                continue
            before = text[at - 1] if at > line_start else " "
            after = text[at + 1] if at + 1 < line_end else " "
            opening = (before.isspace() or before in "([{—–-") and not after.isspace()
            closing = not before.isspace() and (after.isspace() or not after.isalnum())
            if opened is None:  # a closing mark or one between spaces: the end of a
                if opening:  # quote opened in an earlier paragraph, or an inch
                    opened = at
            elif opening and not closing:  # a new quote: the open one ended before it
                if words := text[opened + 1 : at].rstrip():  # without the space before
                    found.append((opened, opened + 1 + len(words)))  # the next quote
                opened = at
            else:
                found.append((opened, at + 1))
                opened = None
        line_start = line_end + 1
    return sorted(found)


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
