"""What a search engine must do for newsdesk: the one boundary behind which
Whoosh, tantivy or another engine stores the index.

An index holds documents, each a flat mapping of field names to values (the
fields are listed in :data:`FIELDS`). A document is found by its ``kind`` and
``uid`` together: an article's id is its file's path, which can spell any
uid, so a look-up or a replacement always names the kind as well. Passage
documents are what search finds; every other kind is stored data looked up
by uid. Everything one indexing run writes lands in one commit: a reader sees
the last commit whole, and a run that is stopped leaves it as it was.

Queries are parsed once, by :mod:`index.engines.syntax`, into a tree every
engine reads the same way; an engine turns that tree into its own terms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

Document = dict[str, Any]
# What ``person:``, ``story:``, ``relation:`` stand for (see ``index.engines.syntax``).
Expander = Callable[[str, str], tuple[str, list[str]]]
Stop = Callable[[], bool]

# Every field a document may have. Identifiers are matched whole; ``source``
# and ``title`` are searched as names and words; ``text`` as words with
# positions (phrases); ``entity``, ``fact`` and ``relation`` as whole,
# lowercased, comma-separated keys. The rest are stored only.
KEY_FIELDS = ("uid", "kind", "article", "path", "date", "story", "hash")
WORD_FIELDS = ("source", "title", "text")
LIST_FIELDS = ("entity", "fact", "relation")
STORED_FIELDS = ("number", "start", "end", "size", "mtime", "data")
FIELDS = (*KEY_FIELDS, *WORD_FIELDS, *LIST_FIELDS, *STORED_FIELDS)
# Fields only passage documents search; other kinds carry title, source, date, article too.
PASSAGE_FIELDS = frozenset({"text", "entity", "fact", "relation"})


@dataclass
class Found:
    """A search's passages before their snippets are made: searching as you type
    runs two searches and makes snippets only for the passages it keeps.

    ``complete`` is False when the search stopped early (its time budget ran
    out, or it was told to stop); ``total`` then counts the passages scored."""

    total: int
    rows: list[tuple[Document, float, frozenset[str]]]  # stored fields, score, text words
    complete: bool = True


class Reader(Protocol):
    """The last commit of an index, for reading and searching; thread-safe."""

    @property
    def generation(self) -> int:
        """The commit number being read."""
        ...

    def refresh(self) -> bool:
        """Move to the latest commit; whether anything changed."""
        ...

    def get(self, kind: str, uid: str) -> Document | None:
        """The stored fields of the ``kind`` document ``uid``."""
        ...

    def has(self, kind: str, uid: str) -> bool:
        """Whether the ``kind`` document ``uid`` exists, without reading it."""
        ...

    def documents(self, kind: str) -> Iterator[Document]:
        """The stored fields of every document of a kind."""
        ...

    def search(
        self, query: Any, limit: int, budget: float | None = None, stop: Stop | None = None
    ) -> Found:
        """The passages matching a parsed query, best first, at most ``limit``;
        with a ``budget`` (seconds) or ``stop``, maybe only those found so far."""
        ...

    def count(self, query: Any) -> int:
        """How many passages match a parsed query."""
        ...

    def words(self, field: str) -> list[tuple[str, int]]:
        """Every word the index holds for ``field`` (as analysed: ``text``'s
        stems), with how many documents hold it."""
        ...

    def passages_with(self, field: str, word: str, limit: int) -> list[Document]:
        """The stored fields of the passages that hold the indexed ``word`` (a
        stem of ``text``) in ``field``, the best ``limit`` as a search for it
        ranks them: how the corpus writes a stem is read from them."""
        ...

    def spelt(self) -> dict[str, str] | None:
        """Every word the passages' text writes (lowercased) with what the
        index holds for it (its stem, "" for a stop word), where the engine
        keeps such a table beside its commit; None where it does not."""
        ...


class Writer(Protocol):
    """One indexing run: nothing it does is seen until :meth:`commit`."""

    def write(self, documents: Iterable[Document]) -> None:
        """Add documents (new ones: nothing of the same kind and uid exists)."""
        ...

    def replace(self, document: Document) -> None:
        """Add a document in place of the one of the same kind and uid."""
        ...

    def delete_article(self, path: str) -> None:
        """Delete every document of the file ``path`` (its articles, passages, views)."""
        ...

    def delete(self, kind: str, uid: str) -> None:
        """Delete the ``kind`` document ``uid``, if there is one."""
        ...

    def reader(self) -> Reader:
        """The commit this run started from (not what it has written since)."""
        ...

    def checkpoint(self, merge: bool = False) -> None:
        """Make what is written so far visible and go on writing in the same run
        (a first index shows its articles batch by batch). Nothing is merged
        here unless ``merge`` (a first index merges its batches' segments while
        its corpus-wide pass runs in another process); otherwise the segments
        are merged once, by :meth:`commit`."""
        ...

    def commit(self) -> None:
        """Make the run's changes visible at once, and release the index."""
        ...

    def cancel(self) -> None:
        """Drop the run's changes and release the index, even when that fails."""
        ...


class Engine(Protocol):
    """A search engine: where its index lives in a folder, and how it is opened."""

    name: str
    # What reading a damaged index raises besides ``index.damage.READ_DAMAGE``.
    damage: tuple[type[BaseException], ...]

    def exists(self, path: Path) -> bool:
        """Whether a commit of this engine's index is in the folder."""
        ...

    def latest_commit(self, path: Path) -> int:
        """The last commit's number (-1 before the first), cheap enough to ask every second."""
        ...

    def reader(self, path: Path) -> Reader:
        """Open the last commit; raises IndexError_ when there is none."""
        ...

    def writer(self, path: Path, wait: float) -> Writer:
        """Open (creating it if needed) for one run, waiting ``wait`` seconds for
        another process's run to end; raises IndexLocked when it does not."""
        ...

    def clear(self, path: Path, wait: float) -> None:
        """Delete this engine's own files in the folder, and nothing else."""
        ...

    def parse(self, text: str, expand: Expander | None = None) -> Any:
        """A user's query as this engine searches it; raises QueryError."""
        ...

    def keep_sidecar(self, path: Path) -> None:
        """Write what the shell's plain search reads beside the last commit
        (see :mod:`index.sidecar`) when it is missing; nothing for an engine
        that has none. An update that finds nothing to do calls it."""
        ...
