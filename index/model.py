"""Plain data passed between the layers of newsdesk.

Everything here is a frozen dataclass of plain values: no Whoosh, spaCy or
Textual objects ever leave ``index/``. Offsets (``start``/``end``) are always
character offsets into :attr:`Article.text`, so ``article.text[start:end]``
is exactly the cited words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model_views import *  # noqa: F403


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
# Only drawn: what newsdesk stores and returns holds the outlet or None.
UNKNOWN_OUTLET = "(unknown outlet)"


def outlet_of(source: str | None) -> str | None:
    """The outlet an article names, or None where nothing names one."""
    return source.strip() if source and source.strip() else None


def outlet_label(source: str | None) -> str:
    """How an outlet is named to a reader: the outlet, or the marked placeholder."""
    return outlet_of(source) or UNKNOWN_OUTLET


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
    label: str = ""  # the model's own label (PERSON, GPE, ...); TEAM: a town read as its team


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


# Entities, facts and the cross-source views live in index.model_views: a
# search reads none of them, and making their dataclasses was a third of what
# importing newsdesk cost ``newsdesk search``. They are named here all the same.
_VIEWS = frozenset(
    {
        "Alias",
        "CitedFact",
        "Counterpart",
        "CrossSourceView",
        "Entity",
        "EntityCoverage",
        "EntityMention",
        "EntityRef",
        "Fact",
        "FactGroup",
        "FactView",
        "MatrixCell",
        "MatrixRow",
        "MatrixSource",
        "OmissionMatrix",
        "PassageView",
        "QuoteGroup",
        "QuoteView",
        "RelatedPassage",
        "Spelling",
        "quote_groups",
    }
)


def __getattr__(name: str) -> Any:
    if name in _VIEWS:
        from . import model_views

        return getattr(model_views, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
