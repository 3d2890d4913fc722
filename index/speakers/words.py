"""The words and patterns speaker finding reads: a span, the word lists and
their helpers (:func:`wordset`, :func:`nationality`), speech verbs, titles,
abbreviations, sentence ends, prepositions and the institutions' words a
person's name never holds."""

from __future__ import annotations

import re

from ..mentions import SPEECH_VERBS
from ..names import ROLES
from ..numbers import MONTH_ABBREVIATIONS

Span = tuple[int, int]


def wordset(words: str) -> frozenset[str]:
    """A word list written as one string, so long lists stay readable."""
    return frozenset(words.split())


def nationality(word: str) -> bool:
    """A nationality adjective ("Russian", "Turkish"), dropped from names and counted words."""
    return word[:1].isupper() and word.lower().endswith(("ian", "ish", "ese", "ean"))


# "described as white, in her 20s" describes someone; it reports no one's words.
# A participle after a determiner is an adjective ("their alleged efforts", "an
# estimated 200"), not a speech verb.
_ADJECTIVE = "".join(
    f"(?<!\\b{word} )" for word in ("a", "an", "the", "their", "his", "her", "its", "our")
)
_SPEECH_RE = re.compile(
    rf"{_ADJECTIVE}\b{SPEECH_VERBS}\b(?<!described)|{_ADJECTIVE}\bdescribed\b(?!\s+as\b)"
)
_AUX_TAIL = re.compile(
    r"(?:[\s,]+(?:also|then|later|has|had|have|was|previously|\w+ly)\b)*[\s,]*$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# Titles written with a period, which ends no sentence: "Mr. Gowdy said".
_TITLE_PERIOD = "Mr|Mrs|Ms|Dr|Lt|Gen|Col|Sen|Rep|St|Gov|Prof|Sgt|Capt|Maj|Adm"
_ABBREVIATION = re.compile(
    rf"(?:\b[A-Z]\.)+$|\b(?:{_TITLE_PERIOD}|No|vs|{'|'.join(MONTH_ABBREVIATIONS)})\.$"
)
# A word's period that ends no sentence, in a speaker's name: "Mr. Gowdy added",
# "W. Mark Felt said".
_ABBREVIATED = rf"\b(?:{_TITLE_PERIOD}|Jr|Sr|[A-Z])\."
# Up to three words of titles between a speech verb and the name it ends at:
# "said Kremlin spokesperson Dmitry Peskov".
_TITLE_RUN = r"\s+(?:[\w.’'-]+\s+){0,3}$"
_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")
_TITLES = wordset(
    "a an the president presidential minister prime foreign defense defence secretary senator "
    "spokesperson spokesman spokeswoman aide gen general lt chancellor king queen pope prince "
    "princess mr mrs ms dr sir dame ambassador governor mayor kremlin head chief commander "
    "colonel col admiral deputy vice adviser advisor envoy negotiator sen rep representative "
    "judge justice director chairman chairwoman chair leader officer official lead senior "
    "former retired late state agent special"
)
_SENTENCE_WORDS = wordset(
    "in on at for but and or however despite meanwhile still while after before since if some "
    "every no both this that these those when as with by from of to though although yet so "
    "then also even only just during under over "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_INSTITUTIONS = wordset(
    "council ministry palace house union nations states administration agency army forces force "
    "party committee office department bank court parliament government university republic "
    "federation kingdom region square street war summit talks press news times post group "
    "organisation organization fund company corporation airport city county province sea river "
    "island islands gulf ocean security alliance coalition commission assembly senate congress "
    "church hotel hospital school centre center institute foundation network service"
)
# The words that say what a person is, before the name (one list for every rule
# that reads a title): the titles above and the roles a name drops ("Mr", "Sen").
_TITLE_WORDS = "|".join(
    sorted(
        (_TITLES - {"a", "an", "the"}) | {r for r in ROLES if " " not in r}, key=len, reverse=True
    )
)
# A title just before a name: "spokesman Paul Gathitu".
_TITLED = re.compile(rf"\b(?:{_TITLE_WORDS})\.?\s+$")
# A role written as a title, which says the one word after it names a person:
# "President Trump", "Mr. Pence", "Ms. Coulter".
_TITLE_OF_ONE_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            {r.capitalize() for r in ROLES | {"mrs", "ms"} if " " not in r}, key=len, reverse=True
        )
    )
    + r")\.?\s+$"
)
_PREPOSITIONS = wordset("to of for with by from and between against about on at in including")
