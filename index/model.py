"""Plain data passed between the layers of newsdesk.

Everything here is a frozen dataclass of plain values: no Whoosh, spaCy or
Textual objects ever leave ``index/``. Offsets (``start``/``end``) are always
character offsets into :attr:`Article.text`, so ``article.text[start:end]``
is exactly the cited words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Passage:
    """One paragraph of an article, numbered from 1."""

    article_id: str
    number: int
    start: int
    end: int
    text: str


LEAD_CHARS = 60  # of the first passage, shown where an article has no title
# The note of a feed entry that is only a headline (and of its file once fetched).
NO_BODY = "the feed gives only this headline: the article itself is at its link"
# Where nothing names an article's outlet (index.outlets), everywhere a reader sees one.
UNKNOWN_OUTLET = "(unknown outlet)"


def outlet_label(source: str | None) -> str:
    """How an outlet is named to a reader: the outlet, or the marked placeholder."""
    return source.strip() if source and source.strip() else UNKNOWN_OUTLET


@dataclass(frozen=True)
class Article:
    """One article read from a file (or one entry of a feed / JSON Lines file).

    ``text`` is the decoded file for plain text and Markdown, and the extracted
    article text for HTML, JSON and feeds: the text ``newsdesk show`` prints and
    the one every offset points into.
    """

    id: str
    path: str
    format: str
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    date_raw: str | None = None
    date_note: str | None = None
    url: str | None = None
    author: str | None = None
    passages: tuple[Passage, ...] = ()
    hash: str = ""
    notes: tuple[str, ...] = ()

    @property
    def body_missing(self) -> bool:
        """Only a headline came with this article (a feed entry without a body)."""
        return NO_BODY in self.notes

    @property
    def lead(self) -> str:
        """The start of the first passage, to stand in for a missing title."""
        text = self.passages[0].text if self.passages else ""
        return text[:LEAD_CHARS] + ("…" if len(text) > LEAD_CHARS else "")

    @property
    def label(self) -> str:
        """How to name this article's source to a reader: the outlet, or the
        marked placeholder (a truncated title read as if it were an outlet)."""
        return outlet_label(self.source)

    def to_json(self, with_text: bool = False) -> dict[str, Any]:
        """The stable JSON shape of an article (see the README)."""
        data: dict[str, Any] = {
            "id": self.id,
            "path": self.path,
            "format": self.format,
            "source": self.source,
            "title": self.title,
            "date": self.date,
            "date_raw": self.date_raw,
            "date_note": self.date_note,
            "url": self.url,
            "author": self.author,
            "passages": len(self.passages),
            "notes": list(self.notes),
        }
        if with_text:
            data["passages"] = [
                {"passage": p.number, "start": p.start, "end": p.end, "text": p.text}
                for p in self.passages
            ]
            data["text"] = self.text
            data["hash"] = self.hash
        return data


@dataclass(frozen=True)
class ArticleInfo:
    """An article's metadata without its text: what ``newsdesk sources`` lists,
    and what a citation names, read from one catalog document for every article."""

    id: str
    path: str
    format: str
    source: str | None = None
    title: str | None = None
    date: str | None = None
    date_raw: str | None = None
    date_note: str | None = None
    url: str | None = None
    author: str | None = None
    passages: int = 0
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read, with the reason a user can act on."""

    path: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


# User-facing entity kinds, in display order.
ENTITY_KINDS = ("person", "organisation", "place", "group", "date", "number", "event", "other")


@dataclass(frozen=True)
class Mention:
    """A span the NLP found in an article's text."""

    start: int
    end: int
    text: str
    kind: str  # one of ENTITY_KINDS
    label: str = ""  # the model's own label (PERSON, GPE, ...)


@dataclass(frozen=True)
class Fact:
    """A comparable statement found in one passage.

    ``kind`` is quantity, duration, date or quote. Quantities, durations and
    dates carry an interval ``[low, high]`` in ``unit`` (``high`` may be
    ``inf``); ``low_open``/``high_open`` say whether the bounds are excluded.
    """

    id: str
    article: str
    passage: int
    kind: str
    text: str
    start: int
    end: int
    key: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    qualifier: str | None = None
    unit: str | None = None
    speaker: str | None = None
    quote: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("low", "high", "value"):
            if data[name] is not None and data[name] in (float("inf"), float("-inf")):
                data[name] = "inf" if data[name] > 0 else "-inf"
        return data


@dataclass(frozen=True)
class Alias:
    """One spelling of an entity, with how often and by which sources it is used."""

    text: str
    count: int
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityMention:
    """Where an entity is named: article id, passage number and offsets."""

    article: str
    passage: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """The canonical thing behind several mentions."""

    id: str
    name: str
    kind: str
    aliases: tuple[Alias, ...] = ()
    mentions: tuple[EntityMention, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Story:
    """Articles of several sources that report the same event, in the order the
    sources list shows them; its title is drawn from theirs."""

    id: str
    title: str
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One search result: a passage, its score and a highlighted snippet."""

    article_id: str
    passage: int
    start: int
    end: int
    score: float
    snippet: str
    # Offsets of matched terms inside ``snippet``.
    matches: tuple[tuple[int, int], ...] = ()
    title: str | None = None
    source: str | None = None
    # The matched terms in index form: the reader highlights them in the passage
    # by the rule that made the snippet's matches (search.term_spans).
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """How many passages matched in all, and the best of them.

    ``complete`` is False when the search stopped early (its time budget ran
    out, or it was told to stop): the hits are the best of the passages
    scored so far and ``total`` counts those.
    """

    total: int
    hits: tuple[Hit, ...]
    complete: bool = True


@dataclass(frozen=True)
class MatrixCell:
    """What one source states for one fact of a story, and where, to open it."""

    text: str
    fact: str  # the fact's id
    passage: int
    start: int
    end: int
    value: float | None = None


@dataclass(frozen=True)
class MatrixSource:
    """A column of the omission matrix: one article of the story and its outlet."""

    article_id: str
    source: str | None = None


@dataclass(frozen=True)
class MatrixRow:
    """One fact of a story across its sources: how they relate, and each one's
    words (None where a source does not report it)."""

    key: str
    label: str
    relation: str | None = None
    cells: Mapping[str, MatrixCell | None] = field(default_factory=dict)


@dataclass(frozen=True)
class OmissionMatrix:
    """A story's facts (rows) by its sources (columns), the most reported first."""

    story: str
    title: str = ""
    sources: tuple[MatrixSource, ...] = ()
    rows: tuple[MatrixRow, ...] = ()


@dataclass(frozen=True)
class FactGroup:
    """One comparison key in one story, stated by one speaker: its facts (by id),
    how many independent sources state them, and how each pair relates (the
    group's ``relation`` is its worst pair)."""

    key: str
    subject: str
    story: str | None
    relation: str
    members: tuple[str, ...] = ()
    sources: int = 0
    pairs: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class CitedFact(Fact):
    """A fact as the cross-source view shows it: with the outlet that states it
    and what it is about, in words."""

    source: str = ""
    subject: str = ""


@dataclass(frozen=True)
class RelatedPassage:
    """A passage of another article that tells of the same thing, and why."""

    article_id: str
    passage: int
    score: float
    reasons: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    text: str = ""
    source: str | None = None
    title: str | None = None
    same_story: bool = True


@dataclass(frozen=True)
class Counterpart:
    """What another source states for a fact, and how the two relate (None:
    not comparable)."""

    fact: CitedFact
    relation: str | None = None
    same_story: bool = True
    source: str = ""
    same_wire: bool = False


@dataclass(frozen=True)
class FactView:
    """A fact of the passage with its counterparts: those of its story, then a
    few of other stories as context (``elsewhere`` counts all of those)."""

    fact: CitedFact
    relation: str = "only here"
    others: tuple[Counterpart, ...] = ()
    elsewhere: int = 0


@dataclass(frozen=True)
class EntityRef:
    """An entity named in the passage: its id, name and kind."""

    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class Spelling:
    """One way the story's sources write an entity, and which sources do."""

    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityCoverage:
    """How many of the story's sources (``of``) name an entity, and how."""

    entity: EntityRef
    sources: int = 0
    of: int = 0
    spellings: tuple[Spelling, ...] = ()


@dataclass(frozen=True)
class QuoteView:
    """A quote of the passage and the same speaker's quotes in other sources."""

    speaker: str | None
    here: CitedFact
    others: tuple[CitedFact, ...] = ()


@dataclass(frozen=True)
class PassageView:
    """What the other sources say about one passage, as the index stores it."""

    related: tuple[RelatedPassage, ...] = ()
    facts: tuple[FactView, ...] = ()
    entities: tuple[EntityCoverage, ...] = ()
    quotes: tuple[QuoteView, ...] = ()


@dataclass(frozen=True)
class CrossSourceView:
    """A passage and what the other sources say about it (``newsdesk related``)."""

    passage: Passage
    related: tuple[RelatedPassage, ...] = ()
    facts: tuple[FactView, ...] = ()
    entities: tuple[EntityCoverage, ...] = ()
    quotes: tuple[QuoteView, ...] = ()
