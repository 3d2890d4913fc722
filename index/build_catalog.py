"""What the index holds of the corpus's files and articles (its catalog), as an
indexing run (:mod:`index.build`) reads it when it opens the index and writes it
with each commit, and what the run plans from it: the files to read again, the
files gone, and whether the corpus-wide state is missing or a stopped update
left articles to compare."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from . import codec
from .corpus import FileEntry
from .engines.base import Engine, Reader, Writer
from .freshness import file_key, unchanged
from .listing import head
from .model import Article, Skipped, Story
from .store import (
    ARTICLES_UID,
    CATALOG_UID,
    FORMAT,
    FORMAT_UID,
    LISTING_HEAD_UID,
    LISTING_UID,
    PENDING_UID,
    STATE_UID,
    STORIES_UID,
    check_format,
    claimed,
    compared_now,
    pack,
    unpack,
)


@dataclass
class _Known:
    size: int
    mtime: int
    hash: str


def _pending(reader: Reader) -> set[str] | None:
    """The articles a stopped update committed before comparing them; None
    when its last pass was committed."""
    doc = reader.get("state", PENDING_UID)
    return set(unpack(doc["data"])["articles"]) if doc else None


def _open(index_path: Path, engine: Engine) -> tuple[_Catalog, bool, bool]:
    """The index's catalog, whether its state is missing and whether articles
    of it wait for the corpus-wide pass; an index that cannot be opened or
    read so far raises :class:`IndexDamaged`."""
    claimed(index_path)
    if not engine.exists(index_path):
        return _Catalog({}, {}, lambda: ({}, {})), True, False
    reader = engine.reader(index_path)
    check_format(reader, index_path)
    return _catalog(reader), _state_missing(reader), reader.has("state", PENDING_UID)


@dataclass
class _Catalog:
    """What opening the index needs, kept in documents of its own (see ``store``):
    ``files`` path -> [size, mtime, hash] and ``skips`` path -> skipped entries
    (all a run with nothing to do reads); ``articles`` id -> metadata and
    ``leads`` id -> lead of an untitled article, read only when a run writes."""

    files: dict[str, list[Any]]
    skips: dict[str, list[dict[str, str]]]
    load: Callable[[], tuple[dict[str, dict[str, Any]], dict[str, str]]]
    _articles: dict[str, dict[str, Any]] | None = None
    _leads: dict[str, str] | None = None
    _by_path: dict[str, list[str]] | None = None  # path -> article ids, built when needed

    @property
    def articles(self) -> dict[str, dict[str, Any]]:
        if self._articles is None:
            self._articles, self._leads = self.load()
        return self._articles

    @property
    def leads(self) -> dict[str, str]:
        self.articles  # noqa: B018 (loads both)
        assert self._leads is not None
        return self._leads

    def known(self) -> dict[str, _Known]:
        return {path: _Known(*entry) for path, entry in self.files.items()}

    def skipped(self) -> list[Skipped]:
        return [Skipped(**entry) for found in self.skips.values() for entry in found]

    def paths(self) -> dict[str, str]:
        return {aid: row["path"] for aid, row in self.articles.items()}

    def ids_of(self, path: str) -> list[str]:
        """The ids of the articles of the file ``path``."""
        return list(self._paths().get(path, ()))

    def _paths(self) -> dict[str, list[str]]:
        if self._by_path is None:
            self._by_path = {}
            for aid, row in self.articles.items():
                self._by_path.setdefault(row["path"], []).append(aid)
        return self._by_path

    def drop(self, paths) -> None:
        """Forget files (gone, or about to be read again) and their articles."""
        paths = list(paths)
        if not paths:
            return
        self._paths()
        assert self._by_path is not None
        for path in paths:
            self.files.pop(path, None)
            self.skips.pop(path, None)
            for aid in self._by_path.pop(path, ()):
                self.articles.pop(aid, None)
                self.leads.pop(aid, None)

    def add_file(self, entry: FileEntry, content_hash: str, skipped: list[Skipped]) -> None:
        self.files[entry.id] = [entry.size, entry.mtime, content_hash]
        self.skips.pop(entry.id, None)
        if skipped:
            self.skips[entry.id] = [s.to_json() for s in skipped]

    def add_article(self, article: Article) -> None:
        self.articles[article.id] = article.to_json()
        if self._by_path is not None:
            self._by_path.setdefault(article.path, []).append(article.id)
        if not article.title and article.passages:
            self.leads[article.id] = article.lead

    def listing(self) -> list[list[str | None]]:
        """The sources list's rows, in id order: id, source, date, raw date,
        title, lead (compact: the reader reads it at every start)."""
        fields = ("source", "date", "date_raw", "title")
        return [
            [aid, *(self.articles[aid].get(f) for f in fields), self.leads.get(aid, "")]
            for aid in sorted(self.articles)
        ]


def _write_catalog(writer: Writer, catalog: _Catalog, stories: list[dict[str, Any]]) -> None:
    files = {"files": catalog.files, "skips": catalog.skips}
    articles = {"articles": catalog.articles, "leads": catalog.leads}
    rows = catalog.listing()
    writer.replace({"uid": FORMAT_UID, "kind": "catalog", "data": pack(FORMAT)})
    writer.replace({"uid": CATALOG_UID, "kind": "catalog", "data": pack(files)})
    writer.replace({"uid": ARTICLES_UID, "kind": "catalog", "data": pack(articles)})
    writer.replace({"uid": LISTING_UID, "kind": "catalog", "data": pack(rows)})
    listing_head = pack(head(rows, codec.from_json(stories, list[Story])))
    writer.replace({"uid": LISTING_HEAD_UID, "kind": "catalog", "data": listing_head})
    writer.replace({"uid": STORIES_UID, "kind": "catalog", "data": pack(stories)})


def _catalog(reader: Reader) -> _Catalog:
    """The catalog of the last commit (empty before the first)."""
    doc = reader.get("catalog", CATALOG_UID)
    if doc is None:
        return _Catalog({}, {}, lambda: ({}, {}))
    data = unpack(doc["data"])
    return _Catalog(data["files"], data["skips"], partial(_stored_articles, reader))


def _stored_articles(reader: Reader) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    doc = reader.get("catalog", ARTICLES_UID)
    data = unpack(doc["data"]) if doc else {}
    return data.get("articles", {}), data.get("leads", {})


def _plan(catalog: _Catalog, entries: list[FileEntry], key: str):
    """What is known, what must be (re)read and what is gone, as of the last commit."""
    known = catalog.known()
    todo = [e for e in entries if not _unchanged(known.get(e.id), e, file_key(e, key))]
    gone = sorted(set(known) - {e.id for e in entries})
    return known, todo, gone


def _unchanged(known: _Known | None, entry: FileEntry, key: str) -> bool:
    return known is not None and unchanged(known.size, known.mtime, known.hash, entry, key)


def _state_missing(reader: Reader) -> bool:
    """Whether the index holds no corpus-wide state, or one of another version
    of the comparison (:data:`index.store.COMPARISON`): either way every
    article is compared again, as on a first index."""
    # the state is not read: it is one document holding the whole of it
    return not reader.has("state", STATE_UID) or not compared_now(reader)
