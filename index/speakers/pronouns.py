"""Who "he" or "she" is: the last person named before it in its sentence,
else the subject of the sentences before it."""

from __future__ import annotations

import re

from .doc import Doc, _in_quote, _prepositional, sentence_at
from .words import _TITLED, Span


def _resolve_pronoun(doc: Doc, index: int, position: int) -> str | None:
    """Who "he" or "she" at ``position`` is: the last person named before it in
    its own sentence, else the subject of the last sentence before it, outside
    quotes, that names a person of that sex or of none known (see
    :func:`_sentence_subject`): in this passage, the one before, and further
    back while passages keep saying "he"/"she"."""
    said = _HE_OR_SHE.search(doc.text, max(0, position - 4), position + 4)
    sex = said.group().lower() if said else None
    own = sentence_at(doc, index, position)[0]
    last = _last_person(doc, own, position, sex)
    if last and not _says_he_or_she_in(doc, own, last[0]):
        return doc.people.fullest(last)  # "... meeting with Trump, when he said"
    # else the sentences before: "He said ... with Ashton that he ..." is not Ashton
    for depth in range(3):
        if index - depth < 0:
            break
        passage = doc.passages[index - depth]
        limit = own if depth == 0 else passage.end
        while (last := _last_person(doc, passage.start, limit, sex)) is not None:
            subject, limit = _sentence_subject(doc, index - depth, last, sex)
            if subject is not None:
                return doc.people.fullest(subject)
            # that sentence's subject is "he" or "she" too: the one before it
        if depth > 0 and not _says_he_or_she(doc, index - depth):
            break
    return None


def _last_person(doc: Doc, start: int, end: int, sex: str | None) -> Span | None:
    """The last person named in ``[start, end)`` outside quotes who may be "he"
    (``sex``) or "she": the article never calls them the other."""
    return next(
        (
            span
            for span in doc.people.before(start, end)
            if not _in_quote(doc, span[0]) and doc.people.sex(span) in (None, sex)
        ),
        None,
    )


def _sentence_subject(doc: Doc, index: int, last: Span, sex: str | None) -> tuple[Span | None, int]:
    """The person a "he" or "she" after the sentence naming ``last`` most likely
    is, with where that sentence begins: one the sentence says speaks ("..., Rucker
    said in a statement"); else the first person of its last clause, after an
    opening "As ..., " or "when ..., ", not after a preposition nor owning
    something ("Nancy Pelosi ... tried to play down any split between Democrats
    and Mr. Obama. “...,” she said"), and the one a title leads after a body's
    name ("Rite Aid spokeswoman Susan Henderson"); None where the clause says
    "he" or "she" before it ("He said Obama was ..."); else ``last``."""
    start, _ = sentence_at(doc, index, last[0])
    people = [
        span
        for span in doc.people.between(start, last[1])
        if not _in_quote(doc, span[0]) and doc.people.sex(span) in (None, sex)
    ]
    speaking = [p for p in people if doc.people.speaks_at(p)]
    if speaking:
        return speaking[-1], start
    begin = start
    for clause in _CLAUSE.finditer(doc.text, start, last[0]):
        begin = clause.end()
    opening = _OPENING.match(doc.text, begin, last[0])
    if opening:
        begin = opening.end()
    people = [
        span
        for span in people
        if span[0] >= begin
        and not _prepositional(doc, begin, span[0])
        and not doc.text.startswith(("’s", "'s"), span[1])
        and not _MODIFIER.search(doc.text, max(0, span[0] - 5), span[0])
    ]
    if not people:
        return last, start
    first = people[0]
    if _says_he_or_she_in(doc, begin, first[0]):
        return None, start
    for span in people[1:]:
        gap = doc.text[first[1] : span[0]]
        if gap.strip() and _TITLED.search(gap) and not re.search(r"[,;:.]", gap):
            return span, start
    return first, start


# A name after an article is a modifier, not a subject: "into the Ridulph case".
_MODIFIER = re.compile(r"\b(?:[Tt]he|an?)\s+$")
# Where a sentence's last clause begins: "..., but when she didn't show up for
# work, Mario Olgin knew"; and an opening subordinate clause, up to its comma.
_CLAUSE = re.compile(r";\s*|,\s+(?:but|and|yet|so|while)\s+")
_OPENING = re.compile(
    r"(?i:as|when|while|after|before|although|though|if|since|because|once|until)\b"
    r"[^,.;:!?]{1,150},[”\"’]?\s*"
)


def _says_he_or_she_in(doc: Doc, start: int, end: int) -> bool:
    """Whether "he" or "she" stands between ``start`` and ``end``, outside quotes."""
    return any(not _in_quote(doc, m.start()) for m in _HE_OR_SHE.finditer(doc.text, start, end))


def _says_he_or_she(doc: Doc, index: int) -> bool:
    """Whether passage ``index`` says "he" or "she" (kept: asked once per pronoun after it)."""
    if index not in doc.pronouns:
        passage = doc.passages[index]
        doc.pronouns[index] = bool(_HE_OR_SHE.search(doc.text, passage.start, passage.end))
    return doc.pronouns[index]


_HE_OR_SHE = re.compile(r"\b(?:he|she)\b", re.I)
