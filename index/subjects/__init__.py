"""What a figure is about: its subject, its time frame, and how to say it in words.

Two figures are counterparts only when they count or measure the same thing at
the same time: "1,000 prisoners of war exchanged" and "1,200 prisoners of war
swapped" are, "six people injured" and "four people struck" are not, nor are
"three Israelis killed on Thursday" and "thirteen Israelis died" in a war of
2008. A figure's key (see :mod:`index.facts`) carries all of it, so facts are
compared only under one key:

* a quantity's key is what is counted and, when the sentence says, what
  happened to it ("people injured", "votes needed"); a generic noun ("people",
  "times") with no such verb names nothing comparable and gets no key;
* a figure about a year before the article's gets the year (" in 2008");
* :func:`describe` turns a key into words for a reader ("duration of the talks").

Plain regular expressions over the sentence, like the rest of fact finding.
"""

from __future__ import annotations

from .frames import (
    day_of,
    framed,
    hypothetical,
    period_of,
    reference_year,
    sentence_around,
    time_frame,
    unsettled,
)
from .keys import measured, needed, quantity_subject, rate, search_keys, split_key, verb_near
from .words import describe, in_sentence, subject_of

__all__ = [
    "day_of",
    "describe",
    "framed",
    "hypothetical",
    "in_sentence",
    "measured",
    "needed",
    "period_of",
    "quantity_subject",
    "rate",
    "reference_year",
    "search_keys",
    "sentence_around",
    "split_key",
    "subject_of",
    "time_frame",
    "unsettled",
    "verb_near",
]
