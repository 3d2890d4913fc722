"""Mentions beyond what the model tags on its own: headlines, and names found
once found everywhere in their article.

A small NER model misses names in headlines written in Title Case or capitals
("Lohan Checks into Betty Ford") and misses some repeats of a name it found
elsewhere ("Umerov stressed" after "Rustem Umerov"). Both are fixed here with
plain text rules, never with lists of names:

- :func:`truecase` rewrites a headline in the case its words have in the body
  (or lower case for common words), keeping every character's offset, so the
  model reads "Lohan checks into Betty Ford" and its spans map back unchanged;
- :func:`propagate` finds every further occurrence of a name recognised in the
  article (and of a person's surname), with word boundaries and the same case.
"""

from __future__ import annotations

from .capitalised_runs import capitalised, page_furniture
from .casing import a_sentence, needs_truecase, truecase
from .edges import without_marks
from .labels import relabel
from .mending import nicknamed, rejoined, split_spans
from .propagation import propagate, surname, trim_headlines
from .sharing import regions, share_in_story, share_names, story_members, title_span
from .shown import (
    PAGE_WORDS,
    PERSON_BEFORE,
    PERSON_SHOWN,
    PLACE_SHOWN,
    place_before,
    role_before,
    run_by,
    shown_people,
    shown_places,
    without_furniture,
    without_portfolios,
)
from .words import NAMED_KINDS, SPEECH_VERBS

__all__ = [
    "NAMED_KINDS",
    "truecase",
    "a_sentence",
    "needs_truecase",
    "capitalised",
    "page_furniture",
    "SPEECH_VERBS",
    "split_spans",
    "nicknamed",
    "rejoined",
    "trim_headlines",
    "surname",
    "relabel",
    "PERSON_SHOWN",
    "shown_people",
    "role_before",
    "PLACE_SHOWN",
    "PAGE_WORDS",
    "without_furniture",
    "without_portfolios",
    "without_marks",
    "run_by",
    "shown_places",
    "place_before",
    "PERSON_BEFORE",
    "propagate",
    "title_span",
    "regions",
    "share_names",
    "story_members",
    "share_in_story",
]
