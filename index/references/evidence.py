"""The evidence that a text calls one person by a noun.

:func:`_person_for` and what it reads: a noun before the name, in an apposition,
with a copula or "identified as" (:func:`_called`); the person a lead introduces
and names next; a teenager's age; a pronoun's gender in the name's sentence.
"""

from __future__ import annotations

import re

from ..model import Mention
from .nouns import _WORD, FEMALE, MALE, TEEN, _Person

# Words that end a noun phrase between a name and the noun: "Buckley, 32, was
# climbing to a small hut" says nothing of what he is.
_STOP = frozenset(
    {"and", "or", "but", "for", "of", "with", "to", "from", "by", "in", "on", "at", "was", "is",
     "were", "are", "has", "had", "have", "said", "says", "told", "who", "which", "that", "after",
     "before", "when", "while", "as", "than"}
)  # fmt: skip
_AGE = re.compile(r"\b(1[3-9])[-\s]year[-\s]old\s+$")
_AGE_AFTER = re.compile(r"^\s*,\s*(1[3-9])\s*,")
_FEMALE_WORDS = re.compile(r"\b(?:she|her|herself)\b", re.IGNORECASE)
_MALE_WORDS = re.compile(r"\b(?:he|his|him|himself)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# A name that opens its sentence, after an age or a title at most.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)(?:\d+-year-old\s+|[A-Z][a-z]{0,3}\.?\s+)?$")
_QUOTED = re.compile(r"\b(?:said|says|told|according|spokes\w*)\b", re.IGNORECASE)
# What ends an apposition: "Gary Speed, the Greek striker found the corner" is a
# clause of its own, "Thomas, the Wales captain)" and "Lohan, the actress, said" not.
_CLOSED = r"\b(?=\s*(?:[,.;:)!?'\"”’]|$)|\s+(?:of|in|at|for|from|who|with|and|since)\b)"
# Whose the noun is, before an apposition's comma: "Lohan's attorney, Shawn Holley".
_OWNED = re.compile(
    r"(?:['’]s?|\b(?:his|her|their|its|the|a|an|of))\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE
)


def _person_for(
    noun: str,
    candidate: tuple[int, int, int],
    text: str,
    people: list[_Person],
    body_start: int,
    nouns: set[str],
) -> Mention | None:
    """The one person the text calls by ``noun``, or None. ``candidate`` is where
    the reference starts, ends and has its noun: a name before the noun ("U.S.
    Attorney") must be the one the text gives the person ("District Attorney Paul
    Howard" is another attorney)."""
    start, _, at = candidate
    modifier = text[start:at].split()
    called = [p for p in people if any(_called(noun, m, text, []) for m in p.mentions)]
    if modifier and called:  # every one so called, and so with that name before the noun
        fits = [p for p in called if any(_called(noun, m, text, modifier) for m in p.mentions)]
        if len(fits) < len(called):
            return None
    headline = at < body_start
    if not called and (headline or _opens_sentence(text, start)):
        # A headline's noun, or the subject of the lead: "A suspected Mafia boss ..."
        called = _introduced(noun, at, text, people, body_start, nouns)
    if not called and noun in TEEN:
        called = [p for p in people if any(_teen(m, text) for m in p.mentions)]
    gendered = noun in FEMALE or noun in MALE
    if not called and headline and gendered and _written_lower(noun, text, body_start):
        called = _by_pronoun(noun in FEMALE, people, text)
    return called[0].target if len(called) == 1 else None


_SUBJECT = re.compile(r"(?:a|an)\s+(?:[\w'’-]+\s+){0,3}", re.IGNORECASE)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the noun phrase at ``start`` is its sentence's subject, brought in
    by "a" or "an" and at most three words: "A suspected Mafia boss ...", not
    "a verdict for one of the men accused of murdering a Brownsville mother"."""
    return _SUBJECT.fullmatch(_sentence_before(text, start, 60).lstrip()) is not None


def _sentence_before(text: str, at: int, reach: int) -> str:
    """The words of ``at``'s sentence before it, at most ``reach`` characters."""
    return _SENTENCE_END.split(text[max(0, at - reach) : at])[-1]


def _called(noun: str, mention: Mention, text: str, modifier: list[str]) -> bool:
    """Whether the text says the person of ``mention`` is a ``noun`` (with the
    name before it in ``modifier``, if any, or none)."""
    before = text[max(0, mention.start - 40) : mention.start]
    before = before.rsplit("\n", 1)[-1]  # within its line: a headline does not run on
    match = re.search(rf"(\S+\s+)?\b({noun})(?:\s+of\s+\d+)?\s*(,?)\s*$", before, re.IGNORECASE)
    if match:
        word = (match.group(1) or "").strip()
        if match.group(3) and not _OWNED.search(before, 0, match.start(2)):
            return False  # "as US President, Tony Blair has said": a clause, not a title
        if match.group(2)[0].isupper() and len(_WORD.findall(mention.text)) < 2:
            return False  # "Wife Swap": a title of something, not a wife named Swap
        # "36-year-old champion Klitschko" may be "the Ukrainian champion"; "including
        # captain Tana Umaga" is no "France captain", "met President Bush" no
        # "Pakistani president".
        return not modifier or word in modifier or any(c.isdigit() for c in word)
    if re.search(
        rf"\b{noun}\b[^.\n]{{0,40}}\bidentified\s+(?:him|her\s+)?as\s+$", before, re.IGNORECASE
    ):
        return True
    after = text[mention.end : mention.end + 80].split("\n", 1)[0]
    match = re.match(
        r"^(?:['’]s)?\s*(?:,\s*(?:\d+\s*,\s*)?(?:who\s+(?:is|was)\s+)?|\s+(?:is|was|as)\s+)"
        r"((?:a|an|the|its|their|his|her|new)\s+)?((?:[\w'’-]+\s+){0,3}?)" + noun + _CLOSED,
        after,
        re.IGNORECASE,
    )
    if not match:
        return False
    words = match.group(2).split()
    if any(w.casefold() in _STOP for w in words):
        return False
    if modifier and not set(modifier) <= set(words):
        return False  # "Audrey Tautou, star of Amelie" is no "Hollywood star"
    # Without an article, only a headline's capitalised words or ages stand between.
    return bool(match.group(1)) or all(w[0].isupper() or w[0].isdigit() for w in words)


def _introduction(noun: str) -> re.Pattern[str]:
    """How a lead brings in someone it names later: "a 59-year-old woman", "an
    escaped inmate", for a teenager "an 18-year-old"."""
    if noun in TEEN:
        return re.compile(
            r"\b(?:a|an)\s+1[3-9]-year-old\b|\b(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?teen(?:ager)?\b",
            re.IGNORECASE,
        )
    return re.compile(rf"\b(?:a|an)\s+((?:[\w'’-]+\s+){{0,3}}?){noun}\b", re.IGNORECASE)


def _introduced(
    noun: str, at: int, text: str, people: list[_Person], body_start: int, nouns: set[str]
) -> list[_Person]:
    """The person a news lead introduces by ``noun`` and names next: "A 32-year-old
    British climber ... Robert Buckley, 32, was climbing". Only where the lead
    before that name brings in no other of the headline's nouns ("An intoxicated
    driver ... a woman": either could be the one named) and the name is no one
    quoted ("said Sheriff ...")."""
    first = min(
        (m for p in people for m in p.mentions if m.start >= body_start),
        key=lambda m: m.start,
        default=None,
    )
    if first is None or at > first.start or not _SENTENCE_START.search(text, 0, first.start):
        return []  # the name is its sentence's subject: "An Atlanta judge sentenced Nichols"
    lead = text[body_start : first.start]
    if len(lead) > 600 or not _is_introduction(_introduction(noun), lead):
        return []
    if any(_is_introduction(_introduction(other), lead) for other in nouns - {noun}):
        return []
    genders = {g for g, words in (("f", FEMALE), ("m", MALE)) if noun in words}
    genders |= {g for g, words in (("f", FEMALE), ("m", MALE)) if _introduces(words, lead)}
    if len(genders) > 1:
        return []  # "A man ... killed a Burnsville woman": the next name may be either
    if _QUOTED.search(_sentence_before(text, first.start, 30) + text[first.start : first.end + 30]):
        return []
    chosen = [p for p in people if first in p.mentions]
    if noun in FEMALE or noun in MALE:  # "a Brownsville mother ... Andrew Lopez, 20, ... he"
        chosen = [p for p in chosen if p not in _by_pronoun(noun in MALE, people, text)]
    return chosen


def _introduces(words: frozenset[str], lead: str) -> bool:
    pattern = rf"\b(?:a|an)\s+((?:[\w'’-]+\s+){{0,3}}?)(?:{'|'.join(sorted(words))})\b"
    return _is_introduction(re.compile(pattern, re.IGNORECASE), lead)


def _is_introduction(pattern: re.Pattern[str], lead: str) -> bool:
    for match in pattern.finditer(lead):
        words = (match.group(1) or "").split() if match.groups() else []
        if not any(w.casefold() in _STOP for w in words):
            return True
    return False


def _teen(mention: Mention, text: str) -> bool:
    before = text[max(0, mention.start - 20) : mention.start]
    return bool(_AGE.search(before) or _AGE_AFTER.match(text, mention.end))


def _written_lower(noun: str, text: str, body_start: int) -> bool:
    return re.search(rf"\b{noun}\b", text[body_start:]) is not None


def _by_pronoun(female: bool, people: list[_Person], text: str) -> list[_Person]:
    """The people whose name the next pronoun after it (in the same sentence,
    before another person is named) gives the wanted gender: "Raj Chohan was
    leaving her car"."""
    wanted, other = (_FEMALE_WORDS, _MALE_WORDS) if female else (_MALE_WORDS, _FEMALE_WORDS)
    starts = sorted(m.start for p in people for m in p.mentions)
    result = []
    for person in people:
        for mention in person.mentions:
            limit = next((s for s in starts if s >= mention.end), len(text))
            window = _SENTENCE_END.split(text[mention.end : min(limit, mention.end + 200)])[0]
            first_wanted, first_other = wanted.search(window), other.search(window)
            if first_wanted and (not first_other or first_wanted.start() < first_other.start()):
                result.append(person)
                break
    return result
