"""HTML pages and RSS/Atom feeds.

HTML goes through trafilatura, which finds the main article text and its
metadata (title, site, date, author) and drops navigation and boilerplate.
Feeds (``feeds``) reduce each entry's HTML to text here. Every parser is
given the file's content, never something it could take for a file name or
URL: reading a corpus reads nothing else and fetches nothing.
"""

from __future__ import annotations

from ..textio import Unreadable
from .base import ReadResult, build_article


def html_article(text: str, article_id: str, path: str, content_hash: str) -> ReadResult:
    """The main article of an HTML page."""
    import trafilatura  # imported here: it is slow to load and only HTML needs it

    try:
        document = trafilatura.bare_extraction(text, with_metadata=True, favor_recall=True)
    except (ValueError, TypeError) as error:
        raise Unreadable(f"HTML could not be parsed: {error}") from None
    if document is None:
        raise Unreadable("no article text found in this HTML page")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = (data.get("text") or "").strip()
    if not body:
        raise Unreadable("no article text found in this HTML page")
    meta = {
        "title": data.get("title"),
        "source": data.get("sitename") or data.get("hostname"),
        "date": data.get("date"),
        "url": data.get("url"),
        "author": data.get("author"),
    }
    article = build_article(
        article_id=article_id,
        path=path,
        fmt="html",
        text=body,
        meta=meta,
        content_hash=content_hash,
    )
    return ReadResult([article])


def html_to_text(fragment: str) -> str:
    """Plain text of a feed entry's HTML, one paragraph per line."""
    import trafilatura

    if "<" not in fragment:
        return fragment.strip()
    extracted = trafilatura.extract(f"<html><body>{fragment}</body></html>", favor_recall=True)
    return (extracted or trafilatura.html2txt(fragment) or "").strip()
