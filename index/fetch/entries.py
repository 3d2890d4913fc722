"""Feed entries as Markdown files in the corpus, and what fetching remembers.

Each feed has a folder of its own (its host and a digest of its URL, so it
never changes with the feed's title); each entry is one Markdown file named
by a digest of the entry's id or link, with its metadata in front matter,
which the Markdown reader reads back. An entry seen again has the same name
and is left as it is: a file is never overwritten, only created, and created
whole (written beside it under a hidden name, then linked into place), so a
run killed half-way leaves no half file. The ETag and Last-Modified of each
feed are kept in a hidden file in the corpus folder, written the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

STATE_FILE = ".newsdesk-fetch.json"


@dataclass(frozen=True)
class StoredEntry:
    """One entry ready to write: its file name and its front matter and text."""

    name: str
    meta: dict[str, Any]
    text: str


def feed_folder(url: str) -> str:
    """A stable folder name for the feed at ``url``."""
    parts = urlsplit(url)
    readable = f"{parts.hostname or 'feed'}{parts.path}".rstrip("/")
    readable = re.sub(r"[^A-Za-z0-9._-]+", "-", readable).strip("-.")[:48] or "feed"
    return f"{readable}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def as_markdown(entry: StoredEntry) -> bytes:
    """Front matter (YAML, safely dumped: every value a one-line string) and the text."""
    import yaml

    # One line per value: no line of a value can end the front matter early.
    meta = {k: " ".join(str(v).split()) for k, v in entry.meta.items() if v not in (None, "")}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    # One paragraph per line in extracted text; Markdown needs a blank line between.
    body = "\n\n".join(line.strip() for line in entry.text.splitlines() if line.strip())
    return f"---\n{front}---\n\n{body}\n".encode()


def _temporary_copy(folder: str, data: bytes) -> str:
    """``data`` written whole and synced to a hidden file in ``folder``; its path."""
    os.makedirs(folder, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def create(folder: str, name: str, data: bytes) -> bool:
    """Write ``folder/name`` whole unless it exists; True when it was written."""
    final = os.path.join(folder, name)
    if os.path.lexists(final):
        return False
    temporary = _temporary_copy(folder, data)
    try:
        os.link(temporary, final)  # fails if the name was taken meanwhile: nothing overwritten
    except FileExistsError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return True


def replace(path: str, data: bytes) -> None:
    """Write ``path`` whole, in place of newsdesk's own earlier copy of it."""
    temporary = _temporary_copy(os.path.dirname(path) or ".", data)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def load_state(corpus: str) -> dict[str, dict[str, Any]]:
    """What earlier runs remembered per feed URL (ETag, Last-Modified); {} if nothing."""
    try:
        with open(os.path.join(corpus, STATE_FILE), encoding="utf-8") as state:
            data = json.load(state)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("feeds"), dict):
        return {}
    return {url: v for url, v in data["feeds"].items() if isinstance(v, dict)}


def save_state(corpus: str, feeds: dict[str, dict[str, Any]]) -> None:
    data = json.dumps({"version": 1, "feeds": feeds}, indent=1, sort_keys=True)
    replace(os.path.join(corpus, STATE_FILE), data.encode())
