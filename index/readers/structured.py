"""JSON and JSON Lines articles: one article per object.

Field names vary by exporter, so each field is looked up under its common
names (``text``/``body``/``content``, ``source``/``outlet``/``publisher``...).
Metadata written in the file always wins; nothing is inferred over it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..model import Skipped
from ..textio import Unreadable
from .base import ReadResult, build_article, first_str

TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "description")
FIELDS = {
    "title": ("title", "headline", "name"),
    "source": ("source", "outlet", "publisher", "site_name", "sitename", "site", "domain"),
    "date": (
        "date",
        "published",
        "published_at",
        "publishedAt",
        "pubDate",
        "date_publish",
        "datePublished",
        "created_at",
    ),
    "url": ("url", "link", "href"),
    "author": ("author", "authors", "byline", "creator"),
}


def json_articles(text: str, path: str, content_hash: str) -> ReadResult:
    """A JSON file: one article object, a list of them, or ``{"articles": [...]}``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise Unreadable(f"invalid JSON at {where}: {error.msg}") from None
    except RecursionError:
        raise Unreadable("JSON nested too deeply") from None
    except ValueError as error:
        # Valid JSON Python still refuses, such as an integer of 5,000 digits.
        raise Unreadable(f"JSON that cannot be read: {error}") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        return _objects([(path, data)], path, content_hash)
    if isinstance(data, list):
        result = _objects(
            ((f"{path}#{n}", item) for n, item in enumerate(data, 1)), path, content_hash
        )
        if not result.articles:
            first = result.skipped[0].reason if result.skipped else "the list is empty"
            raise Unreadable(f"no article in this JSON list of {len(data)} entries: {first}")
        return result
    raise Unreadable("JSON holds neither an article object nor a list of them")


def jsonl_articles(text: str, path: str, content_hash: str) -> ReadResult:
    """A JSON Lines file: one article object per line, ``path#N`` by line number."""
    result = ReadResult()
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entries.append((f"{path}#{number}", json.loads(line)))
        except (ValueError, RecursionError):  # ValueError: also a 5,000-digit integer
            result.skipped.append(Skipped(f"{path}#{number}", "line is not valid JSON"))
    found = _objects(entries, path, content_hash)
    result.articles, result.skipped = found.articles, result.skipped + found.skipped
    if not result.articles and not result.skipped:
        raise Unreadable("no JSON objects in this file")
    return result


def _objects(entries: Any, path: str, content_hash: str) -> ReadResult:
    result = ReadResult()
    for article_id, item in entries:
        for problem in _problems(item):
            result.skipped.append(Skipped(article_id, problem))
            break
        else:
            body = str(_text_of(item)).strip()
            meta = {name: _field(item, names) for name, names in FIELDS.items()}
            article = build_article(
                article_id=article_id,
                path=path,
                fmt="json",
                text=body,
                meta=meta,
                content_hash=content_hash,
            )
            result.articles.append(article)
    if not result.articles and len(result.skipped) == 1 and result.skipped[0].path == path:
        raise Unreadable(result.skipped[0].reason)
    return result


def _problems(item: Any) -> Iterator[str]:
    if not isinstance(item, dict):
        yield "entry is not a JSON object"
    elif not str(_text_of(item) or "").strip():
        yield f"no article text (looked for {', '.join(TEXT_FIELDS)})"


def _text_of(item: dict[str, Any]) -> Any:
    for name in TEXT_FIELDS:
        value = item.get(name)
        if isinstance(value, list):
            value = "\n\n".join(str(part) for part in value if isinstance(part, str))
        if isinstance(value, str) and value.strip():
            return value
    return None


def _field(item: dict[str, Any], names: tuple[str, ...]) -> Any:
    if "date" in names:
        for name in names:
            if item.get(name):
                return item[name]
        return None
    return first_str(item, *names)
