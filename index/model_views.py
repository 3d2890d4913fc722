"""Entities, facts and what the cross-source views hold: the part of
:mod:`index.model` that the comparison reads and a search does not, made
when first named (``from index.model import Entity`` works as before)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import Passage

__all__ = [
    "Fact",
    "Alias",
    "EntityMention",
    "Entity",
    "MatrixCell",
    "MatrixSource",
    "MatrixRow",
    "OmissionMatrix",
    "FactGroup",
    "CitedFact",
    "RelatedPassage",
    "Counterpart",
    "FactView",
    "EntityRef",
    "Spelling",
    "EntityCoverage",
    "QuoteView",
    "PassageView",
    "CrossSourceView",
]


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
        data = dict(self.__dict__)  # its fields, all plain values: no deep copy needed
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
    """Where an entity is named: article id, passage number and offsets.
    ``common``: a common noun that stands for it there ("Woman" in a headline about
    a named woman), one of its mentions but not one of its names."""

    article: str
    passage: int
    start: int
    end: int
    text: str
    common: bool = False


@dataclass(frozen=True)
class Entity:
    """The canonical thing behind several mentions."""

    id: str
    name: str
    kind: str
    aliases: tuple[Alias, ...] = ()
    mentions: tuple[EntityMention, ...] = field(default=(), repr=False)


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
    (None where nothing names one) and what it is about, in words."""

    source: str | None = None
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
    source: str | None = None  # None where nothing names the other's outlet
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
    """One way the story's sources write an entity, and which outlets do (None:
    an article that names none), in the order of their names as shown;
    ``unnamed``, how many articles that name no outlet write it so."""

    text: str
    sources: tuple[str | None, ...] = ()
    unnamed: int = 0


@dataclass(frozen=True)
class EntityCoverage:
    """How many of the story's sources (``of``) name an entity, and how."""

    entity: EntityRef
    sources: int = 0
    of: int = 0
    spellings: tuple[Spelling, ...] = ()


@dataclass(frozen=True)
class QuoteView:
    """A quote of the passage and the same speaker's quotes in other sources:
    those of its story, then a few of other stories (the last ``beyond`` of
    ``others``), which say what the speaker said elsewhere, not of this."""

    speaker: str | None
    here: CitedFact
    others: tuple[CitedFact, ...] = ()
    beyond: int = 0


@dataclass(frozen=True)
class QuoteGroup:
    """Quotes of one speaker in a passage that the same other quotes answer: a
    passage quoting someone twice ("“...,” he said. “...”") lists them once."""

    speaker: str | None
    here: tuple[CitedFact, ...]
    others: tuple[CitedFact, ...] = ()
    beyond: int = 0

    def marked(self) -> list[tuple[CitedFact, bool]]:
        """Each other quote with whether it is of another story (the last
        ``beyond``)."""
        first = len(self.others) - self.beyond
        return [(other, n >= first) for n, other in enumerate(self.others)]


def quote_groups(quotes: Iterable[QuoteView]) -> list[QuoteGroup]:
    """``quotes`` with those of one speaker and the same other quotes together,
    in the order of the first of each."""
    groups: dict[tuple, QuoteGroup] = {}
    for quote in quotes:
        key = (quote.speaker, quote.others, quote.beyond)
        found = groups.get(key)
        here = (found.here if found else ()) + (quote.here,)
        groups[key] = QuoteGroup(quote.speaker, here, quote.others, quote.beyond)
    return list(groups.values())


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
