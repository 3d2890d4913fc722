"""Which outlet an article is from when its file does not say.

Two places can say it, beside the articles:

- ``newsdesk.toml`` in a folder the user names: an ``[outlets]`` table of file
  patterns (shell wildcards, matched against the path from that folder; a
  folder's name stands for everything in it) and the outlet of the files they
  match. It is the user's word, so it wins over what a file says; the first
  pattern that matches is used.
- ``meta.json`` in an article's own folder (a sidecar, as data sets ship them):
  ``{"articles": [{"file": "nyt.txt", "outlet": "New York Times"}]}``, or one
  ``"outlet"`` for every file of the folder. It fills in an outlet only where the
  file names none.

Neither is an article: the walk leaves them out. Where nothing names an
outlet, readers show :data:`index.model.UNKNOWN_OUTLET`.
"""

from __future__ import annotations

import fnmatch
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .model import Article, Skipped

CONFIG = "newsdesk.toml"
SIDECAR = "meta.json"
NOT_ARTICLES = frozenset({CONFIG, SIDECAR})
MAX_BYTES = 1 << 20  # a sidecar or settings file larger than this is no sidecar
_NAMES = ("outlet", "source", "publisher")


@dataclass(frozen=True)
class Given:
    """An outlet named outside the article's file, and where."""

    outlet: str
    where: str  # the file that names it, for the article's notes
    wins: bool  # over an outlet the article's own file names

    @property
    def key(self) -> str:
        """Part of the file's cache key: naming another outlet re-reads the file."""
        return f"outlet={self.outlet}{'!' if self.wins else ''}"


class Outlets:
    """The outlets ``newsdesk.toml`` and sidecars give, looked up per file."""

    def __init__(self, roots: Iterable[str], skipped: list[Skipped]) -> None:
        self.rules: list[tuple[str, list[tuple[str, str]]]] = []  # (folder, patterns)
        for root in roots:
            folder = root if os.path.isdir(root) else os.path.dirname(root)
            found = _settings(os.path.join(folder, CONFIG), skipped)
            if found:
                self.rules.append((folder, found))
        self._sidecars: dict[str, dict[str, str]] = {}

    def of(self, full_path: str) -> Given | None:
        """The outlet named for the file at ``full_path``, if one is."""
        for folder, patterns in self.rules:
            relative = os.path.relpath(full_path, folder).replace(os.sep, "/")
            if relative.startswith("../"):
                continue
            for pattern, outlet in patterns:
                if _matches(relative, pattern):
                    return Given(outlet, CONFIG, wins=True)
        folder, name = os.path.split(full_path)
        if folder not in self._sidecars:
            self._sidecars[folder] = _sidecar(os.path.join(folder, SIDECAR))
        named = self._sidecars[folder]
        sidecar = named.get(name) or named.get("")
        return Given(sidecar, SIDECAR, wins=False) if sidecar else None


def apply(given: Given | None, articles: list[Article]) -> list[Article]:
    """The articles with the outlet ``given`` where it applies, and a note saying so."""
    if given is None:
        return articles
    return [
        replace(
            a,
            source=given.outlet,
            notes=(*a.notes, f"outlet '{given.outlet}' from {given.where}"),
        )
        if given.wins or not a.source
        else a
        for a in articles
    ]


def _matches(relative: str, pattern: str) -> bool:
    pattern = pattern.strip("/")
    return fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(relative, pattern + "/*")


def _small_file(path: str) -> bytes | None:
    """The bytes of a small regular file, or None (no file, a device, too big)."""
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > MAX_BYTES:
            return None
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError:
        return None


def _settings(path: str, skipped: list[Skipped]) -> list[tuple[str, str]]:
    """The ``[outlets]`` patterns of a ``newsdesk.toml``; a file that cannot be
    used is reported with the reason, never half-used."""
    data = _small_file(path)
    if data is None:
        if os.path.lexists(path):
            reason = f"not used: not a readable file under {MAX_BYTES} bytes"
            skipped.append(Skipped(CONFIG, reason))
        return []
    import tomllib  # only for a folder with a newsdesk.toml

    try:
        table = tomllib.loads(data.decode("utf-8")).get("outlets", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        skipped.append(Skipped(CONFIG, f"not used: {error}"))
        return []
    if not isinstance(table, Mapping) or not all(
        isinstance(v, str) and v.strip() for v in table.values()
    ):
        reason = 'not used: [outlets] maps file patterns to outlets ("bbc/*" = "BBC News")'
        skipped.append(Skipped(CONFIG, reason))
        return []
    return [(str(pattern), outlet.strip()) for pattern, outlet in table.items()]


def _sidecar(path: str) -> dict[str, str]:
    """File name -> outlet from a ``meta.json`` ("" for the whole folder)."""
    data = _small_file(path)
    if data is None:
        return {}
    try:
        meta = json.loads(data)
    except (UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(meta, dict):
        return {}
    found: dict[str, str] = {}
    whole = _outlet(meta)
    if whole:
        found[""] = whole
    for item in meta.get("articles") or ():
        if isinstance(item, dict) and isinstance(item.get("file"), str) and _outlet(item):
            found[os.path.basename(item["file"])] = _outlet(item) or ""
    return found


def _outlet(meta: Mapping[str, Any]) -> str | None:
    for name in _NAMES:
        value = meta.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
