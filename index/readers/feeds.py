"""RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom feeds: each entry an article.

feedparser reads every flavour and copes with malformed XML. The channel's
title is the outlet; each entry gives its title, date, author and link. An
entry's id is stable across copies of the feed (``path#`` and a digest of the
entry's id, else its link), so a feed saved again with new entries on top
keeps the old ones under the same ids and read marks, instead of renumbering
them. A headline entry (a title and a link, no body or summary) is kept: its
title is the text, and a note says the body is not in the feed.

feedparser is given a stream of the file's bytes, with the prolog removed
(see ``prolog``), never something it could take for a file name or URL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Any

from ..model import NO_BODY, Skipped
from ..textio import Unreadable
from .base import ReadResult, build_article, first_str
from .prolog import without_declarations
from .web import html_to_text


def parse_feed(data: bytes) -> Any:
    """feedparser's reading of a feed's bytes (a stream: never a name it could open)."""
    import feedparser

    return feedparser.parse(io.BytesIO(without_declarations(data)))


def entry_key(entry: Any) -> str | None:
    """What names an entry across copies of its feed: its id, else its link."""
    for name in ("id", "link"):
        value = entry.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def entry_digest(key: str) -> str:
    """A short, file-name-safe digest of an entry's key."""
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def feed_articles(data: bytes, path: str, content_hash: str) -> ReadResult:
    """Each entry of a feed, as ``path#DIGEST`` (``path#N`` for an entry with no id or link)."""
    parsed = parse_feed(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = "no entries in this feed"
        if parsed.get("bozo"):
            reason = f"not a readable feed: {parsed.get('bozo_exception')}"
        raise Unreadable(reason)
    feed = parsed.get("feed") or {}
    result = ReadResult()
    seen: dict[str, int] = {}  # article id -> the entry's number in the feed
    for number, entry in enumerate(entries, 1):
        key = entry_key(entry)
        article_id = f"{path}#{entry_digest(key)}" if key else f"{path}#{number}"
        if article_id in seen:
            reason = f"entry {number} repeats entry {seen[article_id]} (same id or link)"
            result.skipped.append(Skipped(article_id, reason))
            continue
        seen[article_id] = number
        article = _entry_article(entry, feed, article_id, path, content_hash)
        if article is None:
            reason = "feed entry has no text, nor a title and a link"
            result.skipped.append(Skipped(article_id, reason))
        else:
            result.articles.append(article)
    if not result.articles:
        raise Unreadable(f"no entry of this feed has text ({len(entries)} entries)")
    return result


def _entry_article(entry: Any, feed: Any, article_id: str, path: str, content_hash: str):
    """One entry as an article, or None when it has no text, nor a title and a link."""
    body = html_to_text(entry_html(entry))
    title, link = first_str(entry, "title"), first_str(entry, "link")
    notes = () if body else (NO_BODY,)
    body = body or (title if link else None) or ""
    if not body:
        return None
    meta = {
        "title": title,
        "source": first_str(feed, "title") or _host(feed.get("link")),
        "date": entry_date(entry),
        "url": link,
        "author": first_str(entry, "author") or first_str(feed, "author"),
    }
    return build_article(
        article_id=article_id,
        path=path,
        fmt="feed",
        text=body,
        meta=meta,
        content_hash=content_hash,
        notes=notes,
    )


def entry_html(entry: Any) -> str:
    """The HTML of an entry's body: its content, else its summary."""
    contents = entry.get("content") or []
    if contents:
        return "\n".join(part.get("value", "") for part in contents)
    return entry.get("summary") or entry.get("description") or ""


def entry_date(entry: Any) -> Any:
    """The entry's publication date (else its update date), as feedparser read it."""
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value:
            return dt.datetime(*value[:6])
    return entry.get("published") or entry.get("updated")


def _host(link: Any) -> str | None:
    from urllib.parse import urlsplit

    if not isinstance(link, str):
        return None
    return urlsplit(link).hostname or None
