"""A key in words for a reader: a fact's subject, the key described with the
facts' own case, and a speaker said within a sentence."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

from ..events import WORDS
from ..model import CitedFact, Fact


def subject_of(fact: Fact) -> str:
    """What a fact is about, in words: a cited fact's, the subject the
    corpus-wide pass stored (else its key's words); an analysed fact's, its key
    described with its own words, as the pass describes it ("Palestinians
    killed")."""
    if isinstance(fact, CitedFact):
        return fact.subject or describe(fact.key)
    return describe(fact.key, [fact.text])


# Days and months, written with their capital in a subject shown to a reader (keys
# are in lower case): not "may" and "march", words of the language too.
_CALENDAR_NAMES = [
    name.lower()
    for name in (*calendar.day_name, *calendar.month_name[1:])
    if name not in ("May", "March")
]
_CALENDAR = re.compile(rf"\b(?:{'|'.join(_CALENDAR_NAMES)})\b")


def describe(key: str | None, texts: Iterable[str] = ()) -> str:
    """A key in words for a reader: "duration:talks" is "duration of the talks",
    "date:talks" "date of the talks", a speaker after "|" is said as "(X)".
    ``texts``, the facts' own words, give the key's words their case
    ("Palestinians killed", "cases of AFM")."""
    if not key:
        return ""
    subject, _, speaker = key.partition("|")
    kind, colon, rest = subject.partition(":")
    if colon and kind == "duration":
        words = "time since it last happened" if rest == "since" else f"duration of the {rest}"
    elif colon and kind == "date":
        words = f"date of the {rest}"
    elif colon and kind == "quote" or subject == "quote":
        words = "quote"
    else:
        words = _CALENDAR.sub(lambda match: match.group().capitalize(), subject)
        words = _cased(words, texts)
    if speaker and speaker != "narrator":
        # a canonical speaker is an entity id ("person:vladimir medinsky")
        name = re.sub(r"^(?:person|organisation|place|group|event|other):", "", speaker)
        words += f" (according to {in_sentence(name)})"
    return words


def _cased(words: str, texts: Iterable[str]) -> str:
    """``words`` (in lower case) with each word a text writes with a capital,
    but for its first word, written so: "palestinians" of "more than 1,400
    Palestinians", "afm" of "12 cases of AFM"."""
    forms = {
        word.lower(): word
        for text in texts
        for word in WORDS.findall(text)[1:]
        if not word.islower() and not word[0].isdigit()
    }
    if not forms:
        return words
    return WORDS.sub(lambda match: forms.get(match.group(), match.group()), words)


# The article a speaker's description opens with, capitalised where it opened a
# sentence ("A senior Ukrainian official said", "The Kremlin said").
_ARTICLE = re.compile(r"^(?:A|An|The)(?= )")


def in_sentence(speaker: str) -> str:
    """A speaker as words within a sentence: "quotes of a senior Ukrainian
    official", "(according to the Kremlin)", not with the capital of the
    sentence the description opened."""
    return _ARTICLE.sub(lambda match: match.group().lower(), speaker)
