"""What the reader exports: the marked passages, a search's results or a
story's report, as data with every passage cited (outlet, title, date, link,
article id, passage) and as Markdown. Where the file goes is the reader's
business (``tui.export``); what it holds is decided here, testable without a
screen. The JSON reuses ``newsdesk search --json`` and ``report --format json``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, Protocol, TypeVar

from . import codec, report
from .model import ArticleInfo, Hit, Passage, outlet_label
from .report import Citation, Discrepancy, StoryDiscrepancies
from .report import md_escape as escape
from .safety import dumps, usable_url

SEARCH_LIMIT = 1000  # results exported for one query: far more than anyone reads

T = TypeVar("T")


class Marked(Protocol):
    """A marked article (``passage`` None) or passage, as the reader keeps it."""

    @property
    def article_id(self) -> str: ...

    @property
    def passage(self) -> int | None: ...


# What an export holds. Each extends the result it cites where there is one,
# so its JSON is that result's with the added keys last (the codec names them).


@dataclass(frozen=True)
class Cited:
    """Where a whole article comes from: outlet, title, date, link, id and file."""

    source: str | None
    title: str | None
    date: str | None
    date_raw: str | None  # as written, where it could not be used
    url: str | None
    article: str
    file: str
    passage: int | None


@dataclass(frozen=True)
class CitedPassage(Cited):
    """One passage of an article, with its offsets and text to check it by."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Missing:
    """A mark whose article or passage is no longer in the index."""

    article: str
    passage: int | None


@dataclass(frozen=True)
class MarkedExport:
    """The marks, cited (a whole article's or a passage's), and those gone."""

    marks: tuple[Cited | CitedPassage, ...]
    missing: tuple[Missing, ...]


@dataclass(frozen=True)
class CitedHit(Hit):
    """A search hit with its article's date and link, to cite it."""

    date: str | None = None
    date_raw: str | None = None
    url: str | None = None
    file: str | None = None


@dataclass(frozen=True)
class SearchExport:
    """``newsdesk search QUERY --json``, with the query and each hit cited."""

    query: str
    total: int
    hits: tuple[CitedHit, ...]


@dataclass(frozen=True)
class LinkedCitation(Citation):
    """A report's citation with its article's link."""

    url: str | None


@dataclass(frozen=True)
class LinkedDiscrepancy(Discrepancy):
    """A discrepancy whose citations are linked: the codec writes what a field
    is declared to hold, so the field is declared again."""

    citations: tuple[LinkedCitation, ...]


@dataclass(frozen=True)
class LinkedStory(StoryDiscrepancies):
    """A story's discrepancies, their citations linked."""

    discrepancies: tuple[LinkedDiscrepancy, ...] = ()


@dataclass(frozen=True)
class StoryExport(report.Report):
    """One story's report, its citations linked, and the articles it cites."""

    discrepancies: tuple[LinkedDiscrepancy, ...]
    stories: tuple[LinkedStory, ...]
    sources: tuple[Cited, ...]


Export = StoryExport | SearchExport | MarkedExport


def article_meta(library: Any) -> dict[str, ArticleInfo]:
    """Every article's metadata by id, as ``newsdesk sources --json`` lists it."""
    return {row.id: row for row in library.articles()}


def cite(meta: ArticleInfo | None, article_id: str, passage: Passage | None) -> Cited:
    """Where a passage (or a whole article, ``passage`` None) comes from."""
    known = meta or ArticleInfo(id=article_id, path=article_id, format="")
    cited = Cited(
        source=known.source,
        title=known.title,
        date=known.date,
        date_raw=known.date_raw,  # as written, where it could not be used
        url=known.url,
        article=article_id,
        file=known.path,
        passage=None,
    )
    if passage is None:
        return cited
    where = {"passage": passage.number, "start": passage.start, "end": passage.end}
    return _extend(cited, CitedPassage, **where, text=passage.text)


def _extend(value: Any, kind: type[T], **added: Any) -> T:
    """``value`` as its subclass ``kind``, with the fields ``kind`` adds (or changes)."""
    return kind(**{f.name: getattr(value, f.name) for f in fields(value)} | added)


# What is exported.


def story_report(library: Any, story_id: str) -> StoryExport:
    """``newsdesk report --format json`` for one story, with its loose fits
    counted, each citation with its article's link, and the cited articles
    under ``sources``."""
    full = report.discrepancies(library, loose=True)
    mine = [d for d in full.discrepancies if d.story == story_id]
    meta = article_meta(library)
    shown = tuple(_linked(d, meta) for d in mine if d.relation == report.DIFFER)
    summary = report.ReportSummary(
        stories=1,
        differences=len(shown),
        loose_fits=len(mine) - len(shown),
        shown=len(shown),
        loose_included=False,
    )
    stories = tuple(
        _extend(s, LinkedStory, discrepancies=shown) for s in full.stories if s.id == story_id
    )
    cited = dict.fromkeys(c.article for d in shown for c in d.citations)
    sources = tuple(cite(meta.get(a), a, None) for a in cited)
    return StoryExport(summary, shown, stories, sources)


def _linked(item: Discrepancy, meta: dict[str, ArticleInfo]) -> LinkedDiscrepancy:
    """A discrepancy with each citation's article link (None where not known)."""
    citations = tuple(
        _extend(c, LinkedCitation, url=_url(meta.get(c.article))) for c in item.citations
    )
    return _extend(item, LinkedDiscrepancy, citations=citations)


def _url(meta: ArticleInfo | None) -> str | None:
    return meta.url if meta else None


def search_results(library: Any, query: str) -> SearchExport:
    """``newsdesk search QUERY --json``, each hit with its article's date and link."""
    found = library.search(query, limit=SEARCH_LIMIT)
    meta = article_meta(library)
    hits = tuple(_cited_hit(hit, meta.get(hit.article_id)) for hit in found.hits)
    return SearchExport(query, found.total, hits)


def _cited_hit(hit: Hit, article: ArticleInfo | None) -> CitedHit:
    return _extend(
        hit,
        CitedHit,
        date=article and article.date,
        date_raw=article and article.date_raw,
        url=article and article.url,
        file=article and article.path,
    )


def marked(library: Any, marks: Iterable[Marked]) -> MarkedExport:
    """The marked articles and passages, cited; marks whose article or passage
    is no longer in the index are listed apart, not dropped silently."""
    meta = article_meta(library)
    found: list[Cited] = []
    missing: list[Missing] = []
    for mark in marks:
        article = library.article(mark.article_id) if mark.article_id in meta else None
        if article is None or (mark.passage or 1) > len(article.passages):
            missing.append(Missing(mark.article_id, mark.passage))
            continue
        passage = article.passages[mark.passage - 1] if mark.passage else None
        found.append(cite(meta[mark.article_id], mark.article_id, passage))
    return MarkedExport(tuple(found), tuple(missing))


# As Markdown.


def to_markdown(data: Export) -> str:
    """The export as Markdown, every passage cited on a line of its own."""
    if isinstance(data, StoryExport):
        return report.to_markdown(data) + _sources_md(data.sources)
    if isinstance(data, SearchExport):
        return _search_md(data)
    items = [_cited_md(m) for m in data.marks]
    gone = [f"- {escape(m.article)} (no longer in the index)" for m in data.missing]
    missing = ["## Missing", "", *gone] if gone else []
    return "\n".join(["# Marked passages", "", *items, *missing])


def _search_md(data: SearchExport) -> str:
    title = f"# Search: {escape(data.query)}"
    total, shown = data.total, len(data.hits)
    found = "1 passage matches" if total == 1 else f"{total} passages match"
    count = f"{found}." if total == shown else f"{found}; the best {shown} follow."
    items = [_hit_md(h) for h in data.hits]
    return "\n".join([title, "", count, "", *items])


def _source_line(cited: Cited | CitedHit) -> str:
    """Outlet, title, date, link and id, on one line."""
    parts = [
        escape(outlet_label(cited.source)),
        f"“{escape(cited.title or '(no title)')}”",
        escape(_date(cited)),
    ]
    if cited.url:
        parts.append(_link(cited.url))
    where = escape(cited.file or _article(cited))
    if cited.passage:
        where += f" ¶{cited.passage}"
    return ", ".join(parts) + f" — {where}"


def _article(cited: Cited | CitedHit) -> str:
    return cited.article_id if isinstance(cited, CitedHit) else cited.article


def _date(cited: Cited | CitedHit) -> str:
    """The date, or the date as written where it could not be used (as ``c`` copies it)."""
    if cited.date:
        return str(cited.date)
    return f"{cited.date_raw} (unverified)" if cited.date_raw else "no date"


def _link(url: str) -> str:
    """A web link as a Markdown autolink; anything else as escaped text."""
    usable = usable_url(url)
    return f"<{usable}>" if usable and not set("<>") & set(usable) else escape(url)


def _cited_md(cited: Cited) -> str:
    head = f"- {_source_line(cited)}"
    if not isinstance(cited, CitedPassage):
        return head + "\n"
    return f"{head}\n\n  > {escape(cited.text)}\n"


def _hit_md(hit: CitedHit) -> str:
    return f"- {_source_line(hit)}\n\n  > {escape(hit.snippet)}\n"


def _sources_md(sources: tuple[Cited, ...]) -> str:
    if not sources:
        return ""
    return "\n## Sources\n\n" + "\n".join(f"- {_source_line(s)}" for s in sources) + "\n"


def render(fmt: str, data: Export) -> str:
    """The export as the text of a ``fmt`` file: its JSON is the codec's."""
    return dumps(codec.to_json(data)) + "\n" if fmt == "json" else to_markdown(data)
