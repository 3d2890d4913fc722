"""The Whoosh engine (the default): a pure-Python index in the folder's own files.

Whoosh sees only the files it names itself (:class:`IndexStorage`), so its
clean-up never touches another file in the folder; the write lock is taken
by newsdesk, so a writer that fails while setting itself up releases it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as q
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, EmptyIndexError, FileIndex
from whoosh.index import IndexError as WhooshIndexError
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher
from whoosh.util.filelock import try_for
from whoosh.writing import MERGE_SMALL, NO_MERGE, OPTIMIZE, SegmentWriter

from ..damage import OPEN_DAMAGE as _OPEN
from ..damage import IndexDamaged, mark, marked
from ..errors import IndexError_, IndexLocked
from ..folder import INDEX_NAME, OWN_FILE, claim
from . import whoosh_lengths, whoosh_mmap, whoosh_sidecar
from .base import Document, Expander, Found, Stop
from .syntax import parse
from .whoosh_schema import SCHEMA
from .whoosh_search import count, find

whoosh_mmap.install()
whoosh_lengths.install()

OPEN_DAMAGE = (*_OPEN, WhooshIndexError)
IDLE_SEARCHERS = 2  # kept open to lend (the reader's UI thread and one worker)


class IndexStorage(FileStorage):
    """An index folder as Whoosh sees it: only the files it names itself.

    Whoosh decides what to delete (after each commit, and when it creates an
    index) from this listing; a file of the user's is never in it."""

    def list(self) -> list[str]:
        return [name for name in super().list() if OWN_FILE.fullmatch(name)]


class _ReadIndex(FileIndex):
    """The index opened for reading. Whoosh's reads the commit's table of
    contents on opening only to see that it can (unpickling the schema and
    every segment's deleted documents), then again for each searcher; here
    the searcher's read is the one, and says what is wrong the same way."""

    def __init__(self, storage: IndexStorage) -> None:
        self.storage = storage
        self._schema = None
        self.indexname = INDEX_NAME


def numbers_of(reader: Any, kind: str, uid: str) -> list[int]:
    """The numbers of the ``kind`` documents ``uid`` (one, or none)."""
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


def _stored(searcher: Searcher, kind: str, uid: str) -> Document | None:
    reader = searcher.reader()
    numbers = numbers_of(reader, kind, uid)
    return dict(reader.stored_fields(numbers[0])) if numbers else None


def _committed(storage: IndexStorage) -> bool:
    """Whether a commit's table of contents is there, without reading it: a
    damaged index exists too (and is rebuilt by the next update)."""
    return bool(TOC._latest_generation(storage, INDEX_NAME) >= 0)


def open_for_writing(path: Path) -> whoosh_index.Index:
    """Open or create the Whoosh index at ``path``, a folder newsdesk may use."""
    claim(path)
    storage = IndexStorage(str(path))
    if _committed(storage):
        try:
            return storage.open_index(INDEX_NAME)
        except OPEN_DAMAGE as error:
            raise IndexDamaged(path, error) from error
    return storage.create_index(SCHEMA, indexname=INDEX_NAME)


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


def _merge(writer, segments: list[Any]) -> list[Any]:
    """Whoosh's policy (merge the small segments), or merge every segment once
    those written since the largest weigh as much as it.

    Every run that changes a file writes the corpus-wide state, the views and
    the catalog again, and the copies they replace stay on disk until their
    segment is merged: 2.3 MB of articles had 105 MB of index after three
    partial updates. Merging all once the rest has grown as large as the
    largest segment rewrites the index once per doubling (a bounded cost per
    byte written) and keeps it within about twice its live size."""
    sizes = [_size(writer.storage, segment) for segment in segments]
    if len(sizes) > 1 and sum(sizes) - max(sizes) >= max(sizes):
        return OPTIMIZE(writer, segments)
    return MERGE_SMALL(writer, segments)


def _size(storage, segment) -> int:
    return sum(storage.file_length(name) for name in segment.list_files(storage))


class WhooshReader:
    """The last commit, with searchers kept and lent again: opening one reads
    every segment's header, about 10 ms at 100,000 articles, more than a
    look-up itself (the reader looks up an article at every J)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._idle: list[tuple[whoosh_index.Index, Searcher]] = []  # searchers to lend
        self._idle_lock = threading.Lock()
        self._ix = self._open()

    def _open(self) -> whoosh_index.Index:
        if marked(self.path) is not None:
            raise IndexDamaged(self.path, Exception(marked(self.path)))
        problem: BaseException | None = None
        for attempt in range(5):
            try:
                ix = _ReadIndex(IndexStorage(str(self.path), readonly=True))
                self._generation = int(ix.latest_generation())
                # Opens every segment, so a damaged one says so here; kept to
                # lend, as opening it again costs as much (the table of
                # contents read, the schema unpickled, each segment's headers).
                opened = ix.searcher()
                with self._idle_lock:
                    self._idle.append((ix, opened))
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

    @property
    def generation(self) -> int:
        return self._generation

    def refresh(self) -> bool:
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
        """A searcher on the current generation, lent for the ``with`` block:
        one borrower at a time, so threads never share one; a searcher of an
        older generation is closed instead of lent."""
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

    def get(self, kind: str, uid: str) -> Document | None:
        with self.searcher() as searcher:
            return _stored(searcher, kind, uid)

    def has(self, kind: str, uid: str) -> bool:
        with self.searcher() as searcher:
            return bool(numbers_of(searcher.reader(), kind, uid))

    def documents(self, kind: str) -> Iterator[Document]:
        with self.searcher() as searcher:
            for doc in searcher.documents(kind=kind):
                yield dict(doc)

    def search(
        self, query: q.Query, limit: int, budget: float | None = None, stop: Stop | None = None
    ) -> Found:
        with self.searcher() as searcher:
            return find(searcher, query, limit, budget, stop)

    def count(self, query: q.Query) -> int:
        with self.searcher() as searcher:
            return count(searcher, query)

    def passages_with(self, field: str, word: str, limit: int) -> list[Document]:
        rows = self.search(q.Term(field, word), limit).rows
        return [fields for fields, _score, _words in rows]

    def spelt(self) -> dict[str, str] | None:
        """From the word table written beside this commit (``whoosh_sidecar``),
        when it is there and answers."""
        from .. import sidecar

        table = sidecar.open_table(self.path, self._generation)
        return None if table is None else table.words()

    def words(self, field: str) -> list[tuple[str, int]]:
        """Read segment by segment: Whoosh's reader of several segments merges
        each word's statistics across them one by one (4 s for BBC News)."""
        found: dict[str, int] = {}
        with self.searcher() as searcher:
            for leaf, _offset in searcher.reader().leaf_readers():
                for text, info in leaf.iter_field(field):
                    word = (
                        text.decode("utf-8", "surrogatepass") if isinstance(text, bytes) else text
                    )
                    found[word] = found.get(word, 0) + info.doc_frequency()
        return list(found.items())


class _CommitReader(WhooshReader):
    """What a writer started from: its own searcher, never refreshed."""

    def __init__(self, ix: whoosh_index.Index, path: Path) -> None:
        self.path = path
        self._idle = []
        self._idle_lock = threading.Lock()
        self._ix = ix
        self._generation = int(ix.latest_generation())

    def close(self) -> None:
        """Close the searchers kept to lend (their files may be merged away)."""
        with self._idle_lock:
            for _owner, searcher in self._idle:
                searcher.close()
            self._idle.clear()


class WhooshWriter:
    """One run's Whoosh writer, holding the index's write lock until it ends."""

    def __init__(self, path: Path, wait: float) -> None:
        self.ix = open_for_writing(path)
        self.path = path
        self._reader: _CommitReader | None = None
        self._wait = wait
        self._writer = writer_for(self.ix, wait)

    def write(self, documents: Iterable[Document]) -> None:
        for document in documents:
            self._writer.add_document(**document)

    def replace(self, document: Document) -> None:
        """Whoosh's ``update_document`` within one kind: another kind's document
        with the same uid (an article whose file is named ``blob:a.txt``) stays."""
        self.delete(document["kind"], document["uid"])
        self._writer.add_document(**document)

    def delete(self, kind: str, uid: str) -> None:
        with self._writer.searcher() as searcher:
            for number in numbers_of(searcher.reader(), kind, uid):
                self._writer.delete_document(number)

    def delete_article(self, path: str) -> None:
        self._writer.delete_by_term("path", path)

    def reader(self) -> WhooshReader:
        if self._reader is None:
            self._reader = _CommitReader(self.ix, self.path)
        return self._reader

    def checkpoint(self, merge: bool = False) -> None:
        """Commit without merging (merging as the batches come would rewrite the
        growing index at each doubling), or merging every segment into one, and
        take the lock again at once."""
        self._close_reader()
        self._writer.commit(mergetype=OPTIMIZE if merge else NO_MERGE)
        self._writer = writer_for(self.ix, self._wait)

    def commit(self) -> None:
        self._close_reader()
        self._writer.commit(mergetype=_merge)
        whoosh_sidecar.write(self.ix.storage, self.path)

    def cancel(self) -> None:
        self._close_reader()
        abandon(self._writer)

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None


class WhooshEngine:
    """Whoosh, the default engine: its files sit in the index folder itself."""

    name = "whoosh"
    damage: tuple[type[BaseException], ...] = (WhooshIndexError,)

    def exists(self, path: Path) -> bool:
        return path.is_dir() and _committed(IndexStorage(str(path)))

    def latest_commit(self, path: Path) -> int:
        if not path.is_dir():
            return -1
        return int(TOC._latest_generation(IndexStorage(str(path)), INDEX_NAME))

    def reader(self, path: Path) -> WhooshReader:
        return WhooshReader(path)

    def writer(self, path: Path, wait: float) -> WhooshWriter:
        return WhooshWriter(path, wait)

    def clear(self, path: Path, wait: float) -> None:
        """Delete Whoosh's own files, holding the write lock so that no other
        newsdesk process writes meanwhile."""
        storage = IndexStorage(str(path))
        lock = storage.lock(f"{INDEX_NAME}_WRITELOCK")
        if not try_for(lambda: lock.acquire(False), timeout=wait, delay=0.1):
            raise IndexDamaged(path, Exception("another newsdesk process holds it"))
        try:
            for name in storage.list():
                with suppress(FileNotFoundError):
                    storage.delete_file(name)
            with suppress(FileNotFoundError):
                (path / whoosh_sidecar.sidecar.NAME).unlink()
        finally:
            lock.release()

    def parse(self, text: str, expand: Expander | None = None) -> q.Query:
        return parse(text, expand)

    def keep_sidecar(self, path: Path) -> None:
        """Write the word table the shell's search reads (:mod:`index.sidecar`)
        when the last commit has none: an index written before it existed."""
        if not whoosh_sidecar.current(path):
            whoosh_sidecar.write(IndexStorage(str(path)), path)


ENGINE = WhooshEngine()
