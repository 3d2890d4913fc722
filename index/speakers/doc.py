"""The article context every fact rule reads (:class:`Doc`), a fact of it
(:func:`make_fact`), its sentences, and where a position stands: inside a
quote, or after a preposition."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..model import Article, Fact, Passage
from .people import People
from .words import _ABBREVIATION, _PREPOSITIONS, _SENTENCE_END, _TITLES, Span, nationality

# Longer than any sentence written to be read (the longest in the seeds is
# about 400 characters); longer runs are cut into pieces of this length.
MAX_SENTENCE = 2_000


@dataclass
class Doc:
    """One article with what every passage's rules look up: its people, its
    quotes (so numbers inside a quote get the quote's speaker) and sentences."""

    article: Article
    text: str
    date: dt.date | None
    passages: list[Passage]
    people: People
    quote_spans: list[Span] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    quotes: list[list[Fact]] = field(default_factory=list)
    sentences: dict[int, list[Span]] = field(default_factory=dict)
    sentence_starts: dict[int, list[int]] = field(default_factory=dict)
    quote_fact_starts: list[list[int]] = field(default_factory=list)
    pronouns: dict[int, bool] = field(default_factory=dict)
    year: int | None = None  # the year the article is written in (index.subjects.reference_year)


def make_fact(doc: Doc, index: int, kind: str, span: Span, **values: object) -> Fact:
    """A fact of passage ``index`` citing ``doc.text[span]``; its id is set later."""
    start, end = span
    return Fact(
        id="",
        article=doc.article.id,
        passage=doc.passages[index].number,
        kind=kind,
        text=doc.text[start:end],
        start=start,
        end=end,
        **values,  # type: ignore[arg-type]
    )


def sentence_at(doc: Doc, index: int, position: int) -> Span:
    """The sentence of passage ``index`` holding ``position``."""
    if index not in doc.sentences:
        passage = doc.passages[index]
        spans, begin = [], passage.start
        for match in _SENTENCE_END.finditer(doc.text, passage.start, passage.end):
            if _ABBREVIATION.search(doc.text[max(begin, match.start() - 12) : match.start() + 1]):
                continue
            spans += _cut(doc.text, begin, match.end())
            begin = match.end()
        doc.sentences[index] = spans + _cut(doc.text, begin, passage.end)
        doc.sentence_starts[index] = [start for start, _ in doc.sentences[index]]
    spans = doc.sentences[index]
    at = bisect_right(doc.sentence_starts[index], position) - 1
    return spans[at] if at >= 0 and position < spans[at][1] else spans[-1]


def _cut(text: str, start: int, end: int) -> list[Span]:
    """A sentence, or pieces of at most :data:`MAX_SENTENCE` characters cut at
    spaces: every rule reads its whole sentence, so a page of text without a
    full stop would be read once per figure in it."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut > 0 else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    return [*pieces, (start, end)]


def _in_quote(doc: Doc, position: int) -> bool:
    i = bisect_left(doc.quote_starts, position + 1) - 1
    return i >= 0 and position < doc.quote_spans[i][1]


def _prepositional(doc: Doc, start: int, position: int) -> bool:
    """Whether the name at ``position`` follows a preposition ("aide to President X")."""
    words = re.findall(r"[\w’'.-]+", doc.text[start:position])
    while words and (words[-1].lower().rstrip(".") in _TITLES or nationality(words[-1])):
        words.pop()
    return bool(words) and words[-1].lower() in _PREPOSITIONS
