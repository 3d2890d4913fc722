"""Read one file into articles, whatever its format, or say why it was skipped.

``read(path, article_id)`` is the only entry point: it checks size, decodes,
picks the reader by extension (sniffing XML for feeds) and turns every failure
into a :class:`~index.model.Skipped` with a reason, never an exception.
"""

from __future__ import annotations

import hashlib

from ..formats import FORMATS, format_of
from ..model import Skipped
from ..textio import Unreadable, decode, read_file
from .base import ReadResult, build_article, first_str
from .feeds import feed_articles
from .plain import infer
from .structured import json_articles, jsonl_articles
from .web import html_article

__all__ = ["FORMATS", "ReadResult", "format_of", "read", "read_bytes"]


def read(full_path: str, article_id: str) -> tuple[ReadResult, str]:
    """Read the file at ``full_path``; return the result and its content hash."""
    try:
        data = read_file(full_path)
    except Unreadable as error:
        return ReadResult(skipped=[Skipped(article_id, str(error))]), ""
    content_hash = hashlib.sha1(data).hexdigest()
    return read_bytes(data, article_id, content_hash), content_hash


def read_bytes(data: bytes, path: str, content_hash: str = "") -> ReadResult:
    """Parse ``data`` as the format its name ``path`` says."""
    fmt = format_of(path) or "text"
    try:
        if not data.strip():
            raise Unreadable("empty file")
        if fmt == "feed":
            return _within_cap(feed_articles(data, path, content_hash))
        text, _encoding = decode(data)
        return _within_cap(_READERS[fmt](text, path, content_hash))
    except Unreadable as error:
        return ReadResult(skipped=[Skipped(path, str(error))])
    except RecursionError:
        return ReadResult(skipped=[Skipped(path, "structure nested too deeply to read")])


MAX_PASSAGES = 10_000


def _within_cap(result: ReadResult) -> ReadResult:
    """Skip articles with more passages than any article has.

    Each passage is a search document (about a millisecond to index), so a
    1 MB file of 200,000 one-word lines would hold an indexing run for five
    minutes. Like the size cap, this is said, never silently truncated.
    """
    kept = []
    for article in result.articles:
        if len(article.passages) > MAX_PASSAGES:
            reason = (
                f"{len(article.passages):,} passages, more than an article holds "
                f"(the cap is {MAX_PASSAGES:,})"
            )
            result.skipped.append(Skipped(article.id, reason))
        else:
            kept.append(article)
    result.articles = kept
    return result


def _plain(text: str, path: str, content_hash: str) -> ReadResult:
    found = infer(text)
    article = build_article(
        article_id=path,
        path=path,
        fmt="text",
        text=text,
        meta=found.meta,
        spans=found.spans,
        content_hash=content_hash,
        notes=found.notes,
    )
    return ReadResult([article])


def _markdown(text: str, path: str, content_hash: str) -> ReadResult:
    # Imported here: markdown-it and the front matter parsers are the slowest
    # imports of the readers, and opening the reader on a built index reads no file.
    from .markdown import block_spans, heading_title, split_front_matter

    meta, body_start = split_front_matter(text)
    spans = block_spans(text, body_start)
    if not spans:
        raise Unreadable("no text after the front matter")
    meta.setdefault("title", heading_title(text, spans))
    note = first_str(meta, "note")  # such as a fetched entry's "only a headline"
    article = build_article(
        article_id=path,
        path=path,
        fmt="markdown",
        text=text,
        meta=meta,
        spans=spans,
        content_hash=content_hash,
        notes=(note,) if note else (),
    )
    return ReadResult([article])


_READERS = {
    "text": _plain,
    "markdown": _markdown,
    "html": lambda text, path, h: html_article(text, path, path, h),
    "json": json_articles,
    "jsonl": jsonl_articles,
}
