"""Which files newsdesk reads, by extension: kept apart from the readers, so
that walking a corpus (and opening the reader) does not import them all."""

from __future__ import annotations

import os

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".rdf": "feed",
}


def format_of(path: str) -> str | None:
    """The reader for ``path`` by its extension, or None for other files."""
    return FORMATS.get(os.path.splitext(path)[1].lower())
