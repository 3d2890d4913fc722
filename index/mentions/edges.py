"""What a span of the model's carries at its edges that is no part of the
name: page furniture or what the person is before it, and a score, a figure,
a rank, a small word or a title written short after it (:func:`_mend`), or the
marks it ran on into (:func:`without_marks`); the styles a name is called with."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Mention
from ..names import ROLES
from .words import NAMED_KINDS, SPEECH_VERBS, _function_words

# Words of a web page's furniture that end up in front of a name ("Add Donald Trump").
_FURNITURE = frozenset({"Add", "Follow", "Share", "Read", "Watch", "Listen", "Subscribe",
                        "Click", "Tweet", "Email", "Like", "Vote", "Related", "More",
                        "CLOSE"})  # fmt: skip


# The styles of royals and popes, part of how they are called ("Prince Charles").
_ROYAL = r"King|Queen|Prince|Princess|Pope"
# The styles a person is named with, part of the name ("Sir Alex Ferguson").
_STYLE = rf"Lord|Lady|Sir|Dame|Baron|Baroness|{_ROYAL}|Sheikh"


def _mend(span: str, start: int, end: int, person: bool = False) -> tuple[int, int]:
    """A part without leading page furniture, nor trailing small words, scores or
    words the model ran on into (see :func:`_trails`); a person's without a word
    that opened its sentence ("Sometimes Cruz misbehaved": an English function
    word, no given name; "Plus Obama is nominating", "Following Romney's
    win")."""
    words = span[start:end].split(" ", 1)
    leading = len(words) == 2 and words[1][:1].isupper()
    opener = words[0].lower()
    if leading and (
        words[0] in _FURNITURE
        or person
        and (opener in _function_words() or opener in _SENTENCE_OPENERS)
    ):
        start += len(words[0]) + 1
    elif leading and person and _role_before_a_name(words[0], words[1]):
        start += len(words[0]) + 1  # "Defender Hassan Abbas": what he is, then who
    if (figure := _FIGURE_LAST.search(span, start, end)) and figure.start() > start:
        end = figure.start()
    if person and (rank := _RANK_LAST.search(span, start, end)) and rank.start() > start:
        end = rank.start()  # "Carl 44th": a place in a table; not "September 11th"
    # "Banstead in", "Evansville 91-73", "Mary be", "Christie today", a word at a time
    while (last := _LAST_WORD.search(span, start, end)) and last.start() > start:
        if not _trails(last.group(1)):
            break
        end = last.start()
    return start, end


# Marks a span ends with that end no name: a closing quote, a slash, an ampersand,
# a dash or a colon, with the spaces before them.
_MARKS_LAST = re.compile(r"[\s'‘’\"“”/&:;,–—-]+$")


def without_marks(mentions: Sequence[Mention]) -> list[Mention]:
    """Names without the marks their span ran on into, whichever step found them:
    a closing quote ("The Wolfman’’", "'Radical Islam'"), a photographer's slash
    ("Jim Hollander/"), an ampersand ("Comey &"), a colon ("Cold War:")."""
    result = []
    for mention in mentions:
        marks = _MARKS_LAST.search(mention.text) if mention.kind in NAMED_KINDS else None
        if marks is not None and marks.start() > 0:
            end = marks.start()
            mention = replace(mention, end=mention.start + end, text=mention.text[:end])
        result.append(mention)
    return result


# Words that open a sentence before a name and are neither spaCy's stop words
# nor anyone's name.
_SENTENCE_OPENERS = frozenset({"plus", "following"})


def _role_before_a_name(word: str, rest: str) -> bool:
    """Whether a person's span opens with what the person is before a full name
    ("Defender Hassan Abbas", "Midfielder Valentin Stefan"), not a style that
    is part of the name ("Sir Alex Ferguson", "Prince Charles")."""
    role = word.lower().rstrip(".")
    return role in ROLES and role not in _STYLES and len(rest.split()) >= 2


_STYLES = frozenset(_STYLE.lower().split("|")) | {"cardinal"}  # "Cardinal Newman" too
# A span's last word: a score ("91-73", a bowler's "7-0-40-2", a set's "1-6,4-6"),
# a figure with its unit ("2bn"), one in lower case, or one written short; not a
# version or a frequency ("Firefox 1.0", "Power 105.1").
_LAST_WORD = re.compile(
    r"\s+([\d–-]+|\d[\d.,]*[–-][\d.,–-]*|\d[\d.,]*(?:bn|m|k)|[a-z]+|[A-Z][a-z]{1,4}\.?)$"
)
# A rank after a person's name in a table ("Reich 29th, Carl 44th").
_RANK_LAST = re.compile(r"\s+\d+(?:st|nd|rd|th)$")
# A figure and what it counts, run on after a name ("Barrick 75 percent", "Bowyer
# 4,000 pounds"); "Varig 2bn" above.
_FIGURE_LAST = re.compile(r"\s+\d[\d.,]*\s+[a-z]+$")
# Words that run on after a name which are not function words of the language:
# a match's "v", a day's adverb, an ordinal.
_RUN_ON = frozenset(
    {"v", "vs", "today", "yesterday", "tonight", "tomorrow", "second", "fourth", "fifth",
     "sixth", "seventh", "eighth", "ninth", "tenth"}
)  # fmt: skip
# Titles written short, which no one bears as a name ("Sgt.", unlike "King").
_SHORT_TITLES = frozenset(
    {"mr", "dr", "prof", "rev", "sen", "rep", "gov", "gen", "col", "maj", "capt", "lt", "sgt",
     "cpl", "det", "const", "supt"}
)  # fmt: skip


def _trails(word: str) -> bool:
    """Whether a span's last word is no part of the name before it, where the
    model ran on past the name: a score ("Evansville 91-73"), a function word
    ("Banstead in", "Mary be", "ITV1 show"), a day's adverb or an ordinal
    ("Christie today", "Brett Rund fourth"), a verb of speech ("Shahrazad Mir
    Gholikhan told"), not a noun a name takes ("Bush administration", "Qeshm
    island"); or a title written short before the name it did not take ("Las
    Vegas Police Sgt" before "John Sheahan")."""
    if not word[0].isalpha():
        return True
    if word[0].isupper():
        return word.lower().rstrip(".") in _SHORT_TITLES
    return word in _function_words() or word in _RUN_ON or bool(_SPEECH.fullmatch(word))


_SPEECH = re.compile(SPEECH_VERBS)
