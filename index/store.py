"""The Whoosh index on disk: where it lives, opening it, and reading it back.

Four kinds of document share one index: ``file`` (one per corpus file, with
its size, mtime and hash for incremental runs, or why it was skipped),
``article`` (light metadata for listing), ``blob`` (an article's full text,
passages, mentions and facts, compressed) and ``passage`` (what search finds).
One ``state`` document holds what is computed over the whole corpus, and one
``catalog`` document what opening the index needs at once (every file's size,
mtime and hash, the skipped files, every article's metadata): one read instead
of a pass over every stored document. All of them are written in one commit,
so a reader always sees one consistent run. A document is found by its kind
and uid together: a file's name can spell any uid (``__catalog__``,
``blob:a.txt``), never another kind.
"""

from __future__ import annotations

import json
import os
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir
from whoosh import index as whoosh_index
from whoosh.index import TOC, EmptyIndexError
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher
from whoosh.util.filelock import try_for
from whoosh.writing import SegmentWriter

from . import mapped
from .corpus import Corpus
from .damage import OPEN_DAMAGE, IndexDamaged, mark, marked
from .folder import INDEX_NAME, IndexStorage, claim
from .model import Article, Passage, Skipped
from .schema import SCHEMA

mapped.install()

STATE_UID = "__state__"
CATALOG_UID = "__catalog__"
LISTING_UID = "__listing__"
LISTING_HEAD_UID = "__listing_head__"
STORIES_UID = "__stories__"
IDLE_SEARCHERS = 2  # kept open to lend (the reader's UI thread and one worker)
ARTICLES_UID = "__articles__"
MEMO_SIZE = 16


class IndexError_(Exception):
    """An index problem explained for the user (missing, locked, unwritable)."""


class IndexLocked(IndexError_):
    """Another process is writing this index."""


def index_dir_for(corpus: Corpus, index_dir: str | os.PathLike[str] | None = None) -> Path:
    """``--index-dir`` as given; else one folder per corpus under
    ``NEWSDESK_INDEX_DIR`` or the user's cache directory."""
    if index_dir:
        return Path(index_dir)
    base = os.environ.get("NEWSDESK_INDEX_DIR") or os.path.join(
        user_cache_dir("newsdesk", appauthor=False), "indexes"
    )
    return Path(base) / corpus.key


def pack(data: Any) -> bytes:
    """Compress plain data for a stored field."""
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 6)


def unpack(blob: bytes | None) -> Any:
    return json.loads(zlib.decompress(blob)) if blob else None


def numbers_of(reader: Any, kind: str, uid: str) -> list[int]:
    """The numbers of the ``kind`` documents ``uid`` (one, or none).

    An id is unique within its kind only: an article's id is its file's path,
    and a path can be any text (``__catalog__``, ``blob:a.txt``, ``a.txt#p1``),
    so every look-up and every replacement names the kind as well.
    """
    try:
        numbers = list(reader.postings("uid", uid).all_ids())
        kinds = reader.postings("kind", kind) if numbers else None
    except TermNotFound:
        return []
    found = []
    for number in numbers:  # one, unless a file is named like another kind's id
        if kinds is not None and kinds.is_active() and kinds.id() < number:
            kinds.skip_to(number)
        if kinds is not None and kinds.is_active() and kinds.id() == number:
            found.append(number)
    return found


def stored_fields(searcher: Searcher, kind: str, uid: str) -> dict[str, Any] | None:
    """The stored fields of the ``kind`` document ``uid`` (None when there is none)."""
    reader = searcher.reader()
    numbers = numbers_of(reader, kind, uid)
    return reader.stored_fields(numbers[0]) if numbers else None


def stored_data(searcher: Searcher, kind: str, uid: str) -> Any:
    """The unpacked data of the ``kind`` document ``uid`` (None when there is none)."""
    doc = stored_fields(searcher, kind, uid)
    return unpack(doc["data"]) if doc else None


def has_document(searcher: Searcher, kind: str, uid: str) -> bool:
    """Whether the ``kind`` document ``uid`` exists, without reading it."""
    return bool(numbers_of(searcher.reader(), kind, uid))


def replace_document(writer: SegmentWriter, **fields: Any) -> None:
    """Whoosh's ``update_document`` within one kind: the document with this
    ``uid`` and ``kind`` is replaced, and another kind's with the same uid
    (an article whose file is named ``blob:a.txt``) is left alone."""
    with writer.searcher() as searcher:
        for number in numbers_of(searcher.reader(), fields["kind"], fields["uid"]):
            writer.delete_document(number)
    writer.add_document(**fields)


def writable(path: Path) -> bool:
    """Whether this process may create or change files in ``path``."""
    probe = path if path.exists() else path.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return os.access(probe, os.W_OK | os.X_OK)


def open_for_writing(path: Path) -> whoosh_index.Index:
    """Open or create the index at ``path`` for a writer; a folder that holds
    other files and is not a newsdesk index is refused (see ``index.folder``)."""
    try:
        claim(path)
    except OSError as error:
        raise IndexError_(f"cannot create the index folder {path}: {error.strerror}") from None
    storage = IndexStorage(str(path))
    if _committed(storage):
        try:
            return storage.open_index(INDEX_NAME)
        except OPEN_DAMAGE as error:
            raise IndexDamaged(path, error) from error
    return storage.create_index(SCHEMA, indexname=INDEX_NAME)


def latest_commit(path: Path) -> int:
    """The number of the last commit in ``path`` (-1 before the first), from
    the folder's listing alone: cheap enough to ask every second."""
    if not path.is_dir():
        return -1
    return int(TOC._latest_generation(IndexStorage(str(path)), INDEX_NAME))


def _committed(storage: IndexStorage) -> bool:
    """Whether a commit's table of contents is there, without reading it: a
    damaged index exists too (and is rebuilt by the next update)."""
    return bool(TOC._latest_generation(storage, INDEX_NAME) >= 0)


def writer_for(ix: whoosh_index.Index, wait: float = 10.0) -> SegmentWriter:
    """A writer, waiting a while for another indexing process to finish.

    The lock is taken here, not by Whoosh, so that a failure while the writer
    sets itself up (a full disk) releases it instead of keeping it for the
    life of the process.
    """
    lock = ix.lock("WRITELOCK")
    if not try_for(lambda: lock.acquire(False), timeout=wait, delay=0.1):
        raise IndexLocked(
            "another newsdesk process is indexing this corpus; try again when it finishes"
        )
    try:
        writer = SegmentWriter(ix, _lk=False, limitmb=256)
    except BaseException:
        lock.release()
        raise
    writer.writelock = lock  # released by commit() and cancel()
    return writer


def abandon(writer: SegmentWriter) -> None:
    """Cancel a writer after a failure, and make sure its lock is released even
    when cancelling fails too (the disk may still be full)."""
    try:
        writer.cancel()
    except Exception:
        if writer.writelock:
            with suppress(Exception):
                writer.writelock.release()
        writer.is_closed = True


class Store:
    """Read access to one index. Cheap to create; reopen to see new commits."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.read_only = not writable(self.path)
        self._memo: dict[tuple[int, str, str], Any] = {}
        self._memo_lock = threading.Lock()
        self._idle: list[tuple[whoosh_index.Index, Searcher]] = []  # searchers to lend
        self._idle_lock = threading.Lock()
        self._ix = self._open()

    def _open(self) -> whoosh_index.Index:
        if marked(self.path) is not None:
            raise IndexDamaged(self.path, Exception(marked(self.path)))
        problem: BaseException | None = None
        for attempt in range(5):
            try:
                storage = IndexStorage(str(self.path), readonly=True)
                ix = storage.open_index(INDEX_NAME)
                self._generation = int(ix.latest_generation())
                ix.searcher().close()  # opens every segment: a damaged one says so here
                return ix
            except EmptyIndexError:
                raise IndexError_(f"no index at {self.path}: run 'newsdesk index' first") from None
            except OPEN_DAMAGE as error:
                # A writer may be cleaning up files between our reads: retry.
                problem = error
                time.sleep(0.05 * (attempt + 1))
            except OSError:
                time.sleep(0.05 * (attempt + 1))
        if problem is not None:
            raise mark(self.path, problem)
        raise IndexError_(f"the index at {self.path} could not be opened")

    @staticmethod
    def exists(path: Path) -> bool:
        return path.is_dir() and _committed(IndexStorage(str(path)))

    @property
    def generation(self) -> int:
        """The generation (commit number) this store is reading."""
        return self._generation

    def refresh(self) -> bool:
        """Reopen if another process committed; return whether anything changed."""
        try:
            latest = int(self._ix.latest_generation())
        except OSError:
            return False
        if latest == self._generation:
            return False
        self._ix = self._open()
        return True

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """A searcher on the current generation, lent for the ``with`` block.

        Searchers are kept and lent again: opening one reads every segment's
        header, about 10 ms at 100,000 articles, more than a look-up itself
        (the reader looks up an article at every J). One borrower at a time
        per searcher, so threads never share one; a searcher of an older
        generation is closed instead of lent."""
        ix, lent = self._ix, None
        with self._idle_lock:
            while self._idle and lent is None:
                owner, kept = self._idle.pop()
                if owner is ix:
                    lent = kept
                else:
                    kept.close()
        if lent is None:
            lent = ix.searcher()
        try:
            yield lent
        finally:
            with self._idle_lock:
                keep = ix is self._ix and len(self._idle) < IDLE_SEARCHERS
                if keep:
                    self._idle.append((ix, lent))
            if not keep:
                lent.close()

    def documents(self, kind: str) -> list[dict[str, Any]]:
        with self.searcher() as searcher:
            return [dict(doc) for doc in searcher.documents(kind=kind)]

    def catalog(self) -> dict[str, Any] | None:
        """The catalog of the last commit (None for an index written before it existed)."""
        return self._stored("catalog", CATALOG_UID)

    def listing(self) -> list[list[str | None]]:
        """Every article as the sources list shows it, in id order: id, source,
        date, raw date, title, and the lead of an untitled one ("" where not
        known). One compact document, read once and not kept: at 100,000
        articles the full catalog is a second to parse and hundreds of MB."""
        rows = self._read("catalog", LISTING_UID)
        if rows is not None:
            return rows
        fields = ("source", "date", "date_raw", "title")
        return [[row["id"], *(row.get(f) for f in fields), ""] for row in self.articles()]

    def listing_head(self) -> dict[str, Any] | None:
        """The first few hundred articles as the sources list shows them (see
        :func:`index.listing.head`); None for an index written before it existed."""
        return self._read("catalog", LISTING_HEAD_UID)

    def stories(self) -> list[dict[str, Any]] | None:
        """The stories alone (the corpus-wide state they are part of is tens of
        MB at 20,000 analysed articles); None for an index written before."""
        return self._read("catalog", STORIES_UID)

    def articles(self) -> list[dict[str, Any]]:
        """Every article's metadata (no text), in id order."""
        catalog = self.catalog()
        stored = self._stored("catalog", ARTICLES_UID) if catalog is not None else None
        if stored is not None:
            rows = list(stored["articles"].values())
        elif catalog is not None and "articles" in catalog:
            rows = list(catalog["articles"].values())
        else:
            rows = [unpack(doc["data"]) for doc in self.documents("article")]
        return sorted(rows, key=lambda row: row["id"])

    def skipped(self) -> list[Skipped]:
        catalog = self.catalog()
        if catalog is not None:
            entries = [entry for found in catalog["skips"].values() for entry in found]
        else:
            rows = [doc for doc in self.documents("file") if doc.get("data")]
            entries = [entry for doc in rows for entry in unpack(doc["data"])]
        return sorted((Skipped(**entry) for entry in entries), key=lambda s: s.path)

    def blob(self, article_id: str) -> dict[str, Any] | None:
        return self._stored("blob", f"blob:{article_id}")

    def _stored(self, kind: str, uid: str) -> Any:
        """One document's unpacked data, remembered for the last few look-ups:
        moving between passages asks for the same article again and again."""
        key = (self._generation, kind, uid)
        with self._memo_lock:  # the reader looks things up while its worker updates
            if key in self._memo:
                self._memo[key] = self._memo.pop(key)  # most recently used last
                return self._memo[key]
        value = self._read(kind, uid)
        with self._memo_lock:
            self._memo[key] = value
            while len(self._memo) > MEMO_SIZE:
                self._memo.pop(next(iter(self._memo)))
        return value

    def article(self, article_id: str) -> Article | None:
        data = self.blob(article_id)
        return article_from_json(data["article"]) if data else None

    def views(self, article_id: str) -> dict[str, Any]:
        """The cross-source views of an article's passages, by passage number."""
        return self._stored("views", f"views:{article_id}") or {}

    def state(self) -> dict[str, Any]:
        return self._read("state", STATE_UID) or {}

    def _read(self, kind: str, uid: str) -> Any:
        with self.searcher() as searcher:
            return stored_data(searcher, kind, uid)

    @property
    def ix(self) -> whoosh_index.Index:
        return self._ix


def article_from_json(data: dict[str, Any]) -> Article:
    """Rebuild an :class:`Article` from its stored JSON (see ``Article.to_json``)."""
    text = data["text"]
    passages = tuple(
        Passage(data["id"], p["passage"], p["start"], p["end"], text[p["start"] : p["end"]])
        for p in data["passages"]
    )
    fields = {
        k: data.get(k)
        for k in ("title", "source", "date", "date_raw", "date_note", "url", "author")
    }
    return Article(
        id=data["id"],
        path=data["path"],
        format=data["format"],
        text=text,
        passages=passages,
        hash=data.get("hash", ""),
        notes=tuple(data.get("notes", ())),
        **fields,
    )
