"""What the reader exports: the marked passages, a search's results or a
story's report, as data with every passage cited (outlet, title, date, link,
article id, passage) and as Markdown. Where the file goes is the reader's
business (``tui.export``); what it holds is decided here, testable without a
screen. The JSON reuses ``newsdesk search --json`` and ``report --format json``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, Protocol

from . import codec, report
from .model import UNKNOWN_OUTLET, ArticleInfo
from .report import md_escape as escape
from .safety import dumps, usable_url

SEARCH_LIMIT = 1000  # results exported for one query: far more than anyone reads


class Marked(Protocol):
    """A marked article (``passage`` None) or passage, as the reader keeps it."""

    @property
    def article_id(self) -> str: ...

    @property
    def passage(self) -> int | None: ...


def article_meta(library: Any) -> dict[str, ArticleInfo]:
    """Every article's metadata by id, as ``newsdesk sources --json`` lists it."""
    return {row.id: row for row in library.articles()}


def cite(meta: ArticleInfo | None, article_id: str, passage: Any | None) -> dict[str, Any]:
    """Where a passage (or a whole article, ``passage`` None) comes from."""
    cited = {
        "source": meta and meta.source,
        "title": meta and meta.title,
        "date": meta and meta.date,
        "date_raw": meta and meta.date_raw,  # as written, where it could not be used
        "url": meta and meta.url,
        "article": article_id,
        "file": meta.path if meta else article_id,
        "passage": None,
    }
    if passage is not None:
        cited.update(passage=passage.number, start=passage.start, end=passage.end)
        cited["text"] = passage.text
    return cited


# What is exported.


def story_report(library: Any, story_id: str) -> dict[str, Any]:
    """``newsdesk report --format json`` for one story, with its loose fits
    counted, each citation with its article's link, and the cited articles
    under ``sources``."""
    full = report.discrepancies(library, loose=True)
    mine = [d for d in full.discrepancies if d.story == story_id]
    shown = tuple(d for d in mine if d.relation == report.DIFFER)
    summary = report.ReportSummary(
        stories=1,
        differences=len(shown),
        loose_fits=len(mine) - len(shown),
        shown=len(shown),
        loose_included=False,
    )
    stories = tuple(replace(s, discrepancies=shown) for s in full.stories if s.id == story_id)
    data = codec.to_json(report.Report(summary, shown, stories))
    meta = article_meta(library)
    listed = [*data["discrepancies"], *(d for s in data["stories"] for d in s["discrepancies"])]
    for citation in (c for d in listed for c in d["citations"]):
        known = meta.get(citation["article"])
        citation["url"] = known.url if known else None
    cited = dict.fromkeys(c.article for d in shown for c in d.citations)
    return {**data, "sources": [cite(meta.get(a), a, None) for a in cited]}


def search_results(library: Any, query: str) -> dict[str, Any]:
    """``newsdesk search QUERY --json``, each hit with its article's date and link."""
    found = codec.to_json(library.search(query, limit=SEARCH_LIMIT))
    meta = article_meta(library)
    for hit in found["hits"]:
        article = meta.get(hit["id"])
        hit.update(
            date=article and article.date,
            date_raw=article and article.date_raw,
            url=article and article.url,
            file=article and article.path,
        )
    return {"query": query, **found}


def marked(library: Any, marks: Iterable[Marked]) -> dict[str, Any]:
    """The marked articles and passages, cited; marks whose article or passage
    is no longer in the index are listed apart, not dropped silently."""
    meta = article_meta(library)
    found, missing = [], []
    for mark in marks:
        article = library.article(mark.article_id) if mark.article_id in meta else None
        if article is None or (mark.passage or 1) > len(article.passages):
            missing.append({"article": mark.article_id, "passage": mark.passage})
            continue
        passage = article.passages[mark.passage - 1] if mark.passage else None
        found.append(cite(meta[mark.article_id], mark.article_id, passage))
    return {"marks": found, "missing": missing}


# As Markdown.


def to_markdown(kind: str, data: dict[str, Any]) -> str:
    if kind == "story":
        typed = codec.from_json(data, report.Report)
        return report.to_markdown(typed) + _sources_md(data["sources"])
    if kind == "search":
        title = f"# Search: {escape(data['query'])}"
        total, shown = data["total"], len(data["hits"])
        found = "1 passage matches" if total == 1 else f"{total} passages match"
        count = f"{found}." if total == shown else f"{found}; the best {shown} follow."
        items = [_hit_md(h) for h in data["hits"]]
        return "\n".join([title, "", count, "", *items])
    items = [_cited_md(m) for m in data["marks"]]
    gone = [f"- {escape(m['article'])} (no longer in the index)" for m in data["missing"]]
    missing = ["## Missing", "", *gone] if gone else []
    return "\n".join(["# Marked passages", "", *items, *missing])


def _source_line(cited: dict[str, Any]) -> str:
    """Outlet, title, date, link and id, on one line."""
    parts = [
        escape(cited.get("source") or UNKNOWN_OUTLET),
        f"“{escape(cited.get('title') or '(no title)')}”",
        escape(_date(cited)),
    ]
    if cited.get("url"):
        parts.append(_link(cited["url"]))
    where = escape(cited.get("file") or cited["article"])
    if cited.get("passage"):
        where += f" ¶{cited['passage']}"
    return ", ".join(parts) + f" — {where}"


def _date(cited: dict[str, Any]) -> str:
    """The date, or the date as written where it could not be used (as ``c`` copies it)."""
    if cited.get("date"):
        return str(cited["date"])
    return f"{cited['date_raw']} (unverified)" if cited.get("date_raw") else "no date"


def _link(url: str) -> str:
    """A web link as a Markdown autolink; anything else as escaped text."""
    usable = usable_url(url)
    return f"<{usable}>" if usable and not set("<>") & set(usable) else escape(url)


def _cited_md(cited: dict[str, Any]) -> str:
    head = f"- {_source_line(cited)}"
    if cited.get("text") is None:
        return head + "\n"
    return f"{head}\n\n  > {escape(cited['text'])}\n"


def _hit_md(hit: dict[str, Any]) -> str:
    cited = {**hit, "article": hit["id"]}
    return f"- {_source_line(cited)}\n\n  > {escape(hit['snippet'])}\n"


def _sources_md(sources: list[dict[str, Any]]) -> str:
    if not sources:
        return ""
    return "\n## Sources\n\n" + "\n".join(f"- {_source_line(s)}" for s in sources) + "\n"


def render(kind: str, fmt: str, data: dict[str, Any]) -> str:
    """The export as the text of a ``fmt`` file."""
    return dumps(data) + "\n" if fmt == "json" else to_markdown(kind, data)
