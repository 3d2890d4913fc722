"""Who said a quote or a number, and the article context every fact rule reads.

Speaker finding is the largest self-contained part of fact extraction (people,
sentences, quote attribution), so it lives here rather than in
:mod:`index.facts`, which stays a short overview of what a fact is. The speaker
is found from the words around a quote or number: "X said", "said X", "he said"
(the last person named before, in this passage or the one before it), "a
Russian official told ..." (kept as that descriptor), or an organisation or
office: "the Kremlin had signaled", "Russia's defence ministry said", an
organisation or a place the NLP names ("Moscow said"). Person mentions from the
NLP, when given, make it more reliable; capitalised runs find the names it missed.

:class:`Doc`, :func:`make_fact` and the two word helpers are here too, at the
bottom of the import chain (:mod:`index.facts` -> :mod:`index.figures` -> this
module), because attribution and the number finders both need them and a
module above would make the imports circular.
"""

from __future__ import annotations

from .attribution import quote_facts, speaker
from .doc import Doc, make_fact, sentence_at
from .people import People
from .words import Span, nationality, wordset

__all__ = [
    "Doc",
    "People",
    "Span",
    "make_fact",
    "nationality",
    "quote_facts",
    "sentence_at",
    "speaker",
    "wordset",
]
