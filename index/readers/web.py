"""HTML pages and RSS/Atom feeds.

HTML goes through trafilatura, which finds the main article text and its
metadata (title, site, date, author) and drops navigation and boilerplate.
Feeds go through feedparser, which copes with RSS 0.9x to Atom 1.0 and
malformed XML; each entry becomes an article, its HTML reduced to text.
Every parser is given the file's content, never something it could take for
a file name or URL, and a feed's entity declarations are removed first (see
``prolog``): reading a corpus reads nothing else and fetches nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from ..model import Skipped
from ..textio import Unreadable
from .base import ReadResult, build_article, first_str
from .prolog import without_declarations


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


def feed_articles(data: bytes, path: str, content_hash: str) -> ReadResult:
    """Each entry of an RSS or Atom feed, as ``path#N``."""
    import feedparser

    # A stream, never the bytes themselves: feedparser takes a str or bytes
    # argument for a file name or URL when one of that name exists, so a
    # feed file holding "/home/me/private.rss" would be read as that file.
    parsed = feedparser.parse(io.BytesIO(without_declarations(data)))
    entries = parsed.get("entries") or []
    if not entries:
        reason = "no entries in this feed"
        if parsed.get("bozo"):
            reason = f"not a readable feed: {parsed.get('bozo_exception')}"
        raise Unreadable(reason)
    source = first_str(parsed.get("feed") or {}, "title")
    result = ReadResult()
    for number, entry in enumerate(entries, 1):
        article_id = f"{path}#{number}"
        body = html_to_text(_entry_html(entry))
        if not body:
            result.skipped.append(Skipped(article_id, "feed entry has no text"))
            continue
        meta = {
            "title": entry.get("title"),
            "source": source,
            "date": _entry_date(entry),
            "url": entry.get("link"),
            "author": entry.get("author"),
        }
        result.articles.append(
            build_article(
                article_id=article_id,
                path=path,
                fmt="feed",
                text=body,
                meta=meta,
                content_hash=content_hash,
            )
        )
    if not result.articles:
        raise Unreadable(f"no entry of this feed has text ({len(entries)} entries)")
    return result


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(part.get("value", "") for part in contents)
    return entry.get("summary") or entry.get("description") or ""


def _entry_date(entry: Any) -> Any:
    for name in ("published_parsed", "updated_parsed"):
        value = entry.get(name)
        if value:
            return dt.datetime(*value[:6])
    return entry.get("published") or entry.get("updated")
