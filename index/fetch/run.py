"""Fetch each feed a user follows and store its new entries in the corpus.

One feed's failure (no answer, 404, 500, an HTML page, a download cut short
or without end) is reported for that feed and the others go on; files stored
by earlier runs are never touched. A feed's ETag and Last-Modified are
remembered only once its entries are stored, so a failed run asks again in
full next time.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import NO_BODY
from ..readers.feeds import entry_date, entry_digest, entry_html, entry_key, parse_feed
from ..readers.web import html_article, html_to_text
from ..textio import Unreadable, decode
from . import entries as files
from .download import Downloader, FetchFailed, Politeness
from .subscriptions import Subscription, is_web_url


@dataclass
class FeedReport:
    """What fetching one feed did: new files, entries already stored, or the error."""

    url: str
    title: str | None = None
    folder: str | None = None
    new: list[str] = field(default_factory=list)  # paths relative to the corpus folder
    known: int = 0
    unchanged: bool = False
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "folder": self.folder,
            "new": self.new,
            "known": self.known,
            "unchanged": self.unchanged,
            "error": self.error,
            "notes": self.notes,
        }


def fetch_feeds(
    feeds: Iterable[Subscription],
    corpus: str,
    polite: Politeness | None = None,
    full_text: bool = False,
) -> Iterator[FeedReport]:
    """Fetch ``feeds`` one by one into ``corpus``, yielding each feed's report as it ends."""
    state = files.load_state(corpus)
    with Downloader(polite or Politeness()) as http:
        for feed in feeds:
            known = state.get(feed.url, {})
            report = FeedReport(feed.url, folder=files.feed_folder(feed.url))
            try:
                remembered = _fetch(http, feed, corpus, known, report, full_text)
            except FetchFailed as error:
                report.error = str(error)
            except OSError as error:
                report.error = f"could not store its entries: {error.strerror or error}"
            else:
                state[feed.url] = remembered
                files.save_state(corpus, state)
            yield report


def _fetch(
    http: Downloader,
    feed: Subscription,
    corpus: str,
    known: dict[str, Any],
    report: FeedReport,
    full_text: bool,
) -> dict[str, Any]:
    """Fetch one feed, store its new entries; return what to remember of it."""
    got = http.get(feed.url, known.get("etag"), known.get("last_modified"))
    report.title = known.get("title")
    if got.not_modified:
        report.unchanged = True
        return known
    parsed = _parsed_feed(got.content, got.content_type)
    report.title = _str(parsed.get("feed", {}).get("title")) or feed.title or report.title
    folder = os.path.join(corpus, report.folder or "")
    page = _full_text(http, report) if full_text else None
    for entry in parsed.get("entries") or []:
        _store(entry, feed, report, folder, page)
    return {
        "etag": got.etag,
        "last_modified": got.last_modified,
        "title": report.title,
        "folder": report.folder,
        "checked": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def _parsed_feed(content: bytes, content_type: str) -> Any:
    """feedparser's reading, or FetchFailed saying why the download is no feed."""
    parsed = parse_feed(content)
    if parsed.get("entries"):
        return parsed
    head = content[:512].lstrip().lower()
    if "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html")):
        raise FetchFailed("an HTML page, not a feed (is the URL the site's, not its feed's?)")
    if parsed.get("bozo") and not parsed.get("feed"):
        raise FetchFailed(f"not a readable feed: {parsed.get('bozo_exception')}")
    return parsed


def _store(entry: Any, feed: Subscription, report: FeedReport, folder: str, page: Any) -> None:
    key = entry_key(entry) or f"{entry.get('title')}\0{entry_date(entry)}"
    name = entry_digest(key) + ".md"
    relative = f"{report.folder}/{name}"
    if os.path.lexists(os.path.join(folder, name)):
        report.known += 1
        return
    stored = _entry(entry, feed, report, name, key)
    if stored is None:
        return
    if page is not None and stored.meta.get("url"):
        stored = page(stored)
    if files.create(folder, name, files.as_markdown(stored)):
        report.new.append(relative)
    else:
        report.known += 1


def _entry(
    entry: Any, feed: Subscription, report: FeedReport, name: str, key: str
) -> files.StoredEntry | None:
    title, link = _str(entry.get("title")), _str(entry.get("link"))
    text = html_to_text(entry_html(entry))
    note = None if text else NO_BODY
    text = text or (title or "" if link else "")
    if not text:
        report.notes.append(f"an entry with no text, nor a title and a link, left out: {key}")
        return None
    date = entry_date(entry)
    meta = {
        "title": title,
        "source": report.title or feed.title,
        "date": date.isoformat() if isinstance(date, dt.datetime) else _str(date),
        "url": link,
        "author": _str(entry.get("author")),
        "feed": feed.url,
        "entry": key,
        "tags": ", ".join(feed.tags),
        "note": note,
    }
    return files.StoredEntry(name, meta, text)


def _full_text(http: Downloader, report: FeedReport) -> Callable[[Any], Any]:
    """A step that replaces an entry's text by its page's article text, when it can."""

    def page_text(stored: files.StoredEntry) -> files.StoredEntry:
        url = stored.meta["url"]
        if not is_web_url(url):  # a feed's link is its author's word: only http(s) is asked
            report.notes.append(f"full text of {url[:80]} not fetched: not an http(s) URL")
            return stored
        try:
            got = http.get(url)
            text, _encoding = decode(got.content)
            (article,) = html_article(text, url, url, "").articles
        except (FetchFailed, Unreadable, ValueError) as error:
            report.notes.append(f"full text of {url} not fetched: {error}")
            return stored
        meta = dict(stored.meta, note=None, full_text=got.url)
        return files.StoredEntry(stored.name, meta, article.text)

    return page_text


def _str(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
