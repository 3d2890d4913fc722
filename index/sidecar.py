"""A search of words and phrases, answered from the word table beside the
index with the standard library only.

``newsdesk search prisoners`` from the shell spent most of its time importing
Whoosh and newsdesk's data model and opening the index, not searching. The
Whoosh engine writes a table beside each commit
(:mod:`index.engines.whoosh_sidecar`): the ``text`` field's words in sorted
order, each with its idf, its document frequency in each segment and its
live postings with their weights; each passage's field length as Whoosh
decodes it and the stored fields a result shows; and every word of the
passages with its index form. This module reads it through a memory map
(a binary search for each word, nothing loaded whole) and scores exactly as
Whoosh does for an ``And`` of ``Term``\\ s under BM25F: each segment's
matcher tree built by Whoosh's rule (the words with most documents in that
segment joined first), each passage's score the sum of its words' scores in
that tree's order, the best kept as Whoosh's top collector keeps them (a
later passage replaces the weakest only with a higher score). A phrase is
Whoosh's ``Phrase`` within that ``And``: the passages holding its words,
read for them one after the other (see :mod:`index.plain_scoring`). Hits,
order, scores and snippets are those of the Whoosh path, bit for bit.

The table answers only for the commit whose table of contents it holds, byte
for byte; anything it cannot answer (a word it has never seen, a stale
table) is None, and the caller searches through the engine.
"""

from __future__ import annotations

import marshal
import mmap
import os
import sys

from .kept_listing import (
    ENGINE,
    LISTING,
    LISTING_LAYOUT,
    LISTING_PREFIX,
    code_files,
    corpus_key,
    current_commit,
    index_files,
    listing_holds,
    read_listing,
    seeds_folder,
)
from .plain_scoring import OPERATORS, query_parts, query_terms, search_parts
from .snippets import snippet, spans, window

TYPE_CHECKING = False  # typing itself is not imported: it is most of what this would cost
if TYPE_CHECKING:
    from array import array  # the writer's; reading needs none (a memoryview casts)
    from typing import Any

__all__ = [
    "ENGINE",
    "LISTING",
    "LISTING_LAYOUT",
    "LISTING_PREFIX",
    "MAGIC",
    "NAME",
    "OPERATORS",
    "SPARE",
    "PlainAnswer",
    "PlainHit",
    "Table",
    "answer",
    "code_files",
    "corpus_key",
    "describes",
    "index_files",
    "last_table",
    "listing_holds",
    "open_table",
    "pack",
    "pack_unanswered",
    "query_terms",
    "read_listing",
    "seeds_folder",
    "spans",
    "window",
]

NAME = ".newsdesk-words-whoosh.bin"
SPARE = ".newsdesk-words-"  # a table being written, before it is renamed
MAGIC = b"NDWORDS1"
_SECTIONS = (
    "term_offsets",
    "terms",
    "entry_offsets",
    "entries",
    "word_offsets",
    "words",
    "form_offsets",
    "forms",
    "lengths",
    "doc_offsets",
    "docs",
)


def pack(
    header: dict[str, Any],
    terms: list[bytes],
    entries: list[bytes],
    words: list[bytes],
    forms: list[bytes],
    lengths: array,
    docs: list[bytes],
) -> bytes:
    """The table's bytes: a header, then each section 8-byte aligned."""
    parts: dict[str, bytes] = {}
    for name, items in (("term", terms), ("entry", entries), ("word", words), ("form", forms)):
        parts[f"{name}_offsets"], parts[f"{name}s" if name != "entry" else "entries"] = _joined(
            items
        )
    parts["lengths"] = lengths.tobytes()
    parts["doc_offsets"], parts["docs"] = _joined(docs)
    body = bytearray()
    where = {}
    for name in _SECTIONS:
        body.extend(b"\0" * (-len(body) % 8))
        where[name] = (len(body), len(parts[name]))
        body.extend(parts[name])
    head = marshal.dumps({**header, "sections": where, "counts": (len(terms), len(words))})
    start = len(MAGIC) + 8 + len(head)
    pad = -start % 8
    return MAGIC + (start + pad).to_bytes(8, "little") + head + b"\0" * pad + bytes(body)


def _joined(items: list[bytes]) -> tuple[bytes, bytes]:
    from array import array

    offsets = array("Q", [0])
    total = 0
    for item in items:
        total += len(item)
        offsets.append(total)
    return offsets.tobytes(), b"".join(items)


class Table:
    """The word table of one commit, memory-mapped."""

    def __init__(self, data: mmap.mmap, header: dict[str, Any], start: int) -> None:
        self.data = data
        self.header = header
        view = memoryview(data)
        self._sections = {}
        self._starts = {}
        for name, (offset, length) in header["sections"].items():
            self._sections[name] = view[start + offset : start + offset + length]
            self._starts[name] = start + offset
        self.term_offsets = self._sections["term_offsets"].cast("Q")
        self.entry_offsets = self._sections["entry_offsets"].cast("Q")
        self.word_offsets = self._sections["word_offsets"].cast("Q")
        self.form_offsets = self._sections["form_offsets"].cast("Q")
        self.doc_offsets = self._sections["doc_offsets"].cast("Q")
        self.lengths = self._sections["lengths"].cast("I")
        self.avgfl: float = header["avgfl"]
        self.segments: list[int] = header["offsets"]
        self.docs: int = header["docs"]

    def _find(self, offsets: Any, blob: str, key: bytes) -> int:
        """The position of ``key`` in a sorted section, or -1."""
        data, base = self.data, self._starts[blob]
        lo, hi = 0, len(offsets) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            found = data[base + offsets[mid] : base + offsets[mid + 1]]
            if found == key:
                return mid
            if found < key:
                lo = mid + 1
            else:
                hi = mid
        return -1

    def form(self, word: str) -> str | None:
        """What the index holds for ``word`` as a passage spells it: its stem,
        "" for a stop word, None for a word no passage has."""
        at = self._find(self.word_offsets, "words", word.lower().encode("utf-8", "surrogatepass"))
        if at < 0:
            return None
        base = self._starts["forms"]
        return self.data[base + self.form_offsets[at] : base + self.form_offsets[at + 1]].decode()

    def entry(
        self, term: str
    ) -> tuple[float, tuple[tuple[int, int], ...], bytes, bytes, tuple[str, ...]] | None:
        """A word's idf, (segment, document frequency) pairs, postings (global
        numbers), weights and the spellings of it in the passages."""
        at = self._find(self.term_offsets, "terms", term.encode("utf-8", "surrogatepass"))
        if at < 0:
            return None
        base = self._starts["entries"]
        blob = self.data[base + self.entry_offsets[at] : base + self.entry_offsets[at + 1]]
        return marshal.loads(blob)  # type: ignore[no-any-return]

    def raw(self, docnum: int) -> bytes:
        """A passage's stored fields as the table keeps them (b"" for another document)."""
        base = self._starts["docs"]
        return self.data[base + self.doc_offsets[docnum] : base + self.doc_offsets[docnum + 1]]

    def entries(self) -> Any:
        """Every word with its entry (see :meth:`entry`), in order."""
        terms, base = self._starts["terms"], self._starts["entries"]
        offsets, at = self.term_offsets, self.entry_offsets
        for i in range(len(offsets) - 1):
            term = self.data[terms + offsets[i] : terms + offsets[i + 1]]
            entry = marshal.loads(self.data[base + at[i] : base + at[i + 1]])
            yield term.decode("utf-8", "surrogatepass"), entry

    def words(self) -> dict[str, str]:
        """Every word the table knows, with its index form."""
        words, forms = self._starts["words"], self._starts["forms"]
        word_at, form_at, data = self.word_offsets, self.form_offsets, self.data
        return {
            data[words + word_at[i] : words + word_at[i + 1]].decode(
                "utf-8", "surrogatepass"
            ): data[forms + form_at[i] : forms + form_at[i + 1]].decode()
            for i in range(len(word_at) - 1)
        }

    def stored(self, docnum: int) -> tuple[Any, ...]:
        """(article, number, start, end, title, source, text) of a passage."""
        base = self._starts["docs"]
        return marshal.loads(  # type: ignore[no-any-return]
            self.data[base + self.doc_offsets[docnum] : base + self.doc_offsets[docnum + 1]]
        )


def pack_unanswered(header: dict[str, Any]) -> bytes:
    """A table that answers nothing, keyed to its commit: what a commit whose
    table could not be made leaves, so that no update tries again before the
    next commit (its searches go through the engine)."""
    head = marshal.dumps({**header, "unanswered": True})
    return MAGIC + (len(MAGIC) + 8 + len(head)).to_bytes(8, "little") + head


def _read(path: str | os.PathLike[str]) -> tuple[Any, dict[str, Any], int] | None:
    """The table's bytes (memory-mapped), header and where its sections start,
    whatever commit it was written for; None for no table or another layout."""
    try:
        with open(os.path.join(path, NAME), "rb") as file:
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        if data[: len(MAGIC)] != MAGIC:
            return None
        start = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 8], "little")
        header = marshal.loads(data[len(MAGIC) + 8 : start])
        if header["byteorder"] != sys.byteorder:
            return None
        return data, header, start
    except (OSError, ValueError, EOFError, KeyError, TypeError, IndexError):
        return None


def _keyed(path: str | os.PathLike[str], generation: int) -> tuple[Any, dict[str, Any], int] | None:
    """The table's bytes, header and start when it was written for commit
    ``generation`` as it is on disk now (its table of contents, byte for byte)."""
    found = _read(path)
    if found is None:
        return None
    header = found[1]
    try:
        if header["generation"] != generation:
            return None
        with open(os.path.join(path, header["key_file"]), "rb") as key:
            if key.read() != header["toc"]:
                return None
    except (OSError, KeyError, TypeError):
        return None
    return found


def describes(path: str | os.PathLike[str], generation: int) -> bool:
    """Whether the table beside the index at ``path`` was written for commit
    ``generation`` (one that answers nothing included)."""
    return _keyed(path, generation) is not None


def open_table(path: str | os.PathLike[str], generation: int) -> Table | None:
    """The table beside the index at ``path`` when it describes commit
    ``generation`` as it is on disk now, else None."""
    found = _keyed(path, generation)
    if found is None or found[1].get("unanswered"):
        return None
    try:
        return Table(*found)
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def last_table(path: str | os.PathLike[str]) -> Table | None:
    """The table beside the index at ``path``, whatever commit it describes
    (an index writing the next one takes from it what has not changed)."""
    found = _read(path)
    if found is None or "segment_ids" not in found[1]:
        return None
    try:
        return Table(*found)
    except (ValueError, KeyError, TypeError, IndexError):
        return None


class PlainHit:
    """One passage a plain search found, as a result line shows it."""

    __slots__ = (
        "article",
        "passage",
        "start",
        "end",
        "score",
        "snippet",
        "matches",
        "title",
        "source",
    )

    def __init__(
        self,
        article: str,
        passage: int,
        start: int,
        end: int,
        score: float,
        snippet: str,
        matches: list[tuple[int, int]],
        title: str | None,
        source: str | None,
    ) -> None:
        self.article, self.passage, self.start, self.end = article, passage, start, end
        self.score, self.snippet, self.matches = score, snippet, matches
        self.title, self.source = title, source


class PlainAnswer:
    """How many passages a plain search matched, and the best of them."""

    __slots__ = ("total", "hits")

    def __init__(self, total: int, hits: list[PlainHit]) -> None:
        self.total = total
        self.hits = hits


def answer(
    path: str, roots: list[str], model: str | None, query: str, limit: int, check_files: bool
) -> PlainAnswer | None:
    """A search of words and phrases on the index at ``path`` for
    the corpus ``roots``, from the word table, when the kept listing holds
    (see :func:`current_commit`) and the table is that commit's; None
    otherwise (another query, a word no passage has, stop words alone, a
    phrase no passage holds)."""
    generation = current_commit(path, roots, model, check_files=check_files)
    if generation is None:
        return None
    table = open_table(path, generation)
    if table is None:
        return None
    parts = query_parts(table, query)
    found = None if parts is None else search_parts(table, parts, limit)
    if parts is None or found is None:
        return None
    total, best = found
    spellings: set[str] = set()
    for term in dict.fromkeys(term for part in parts for term in part):
        entry = table.entry(term)
        if entry is not None:
            spellings.update(entry[4])
    hits = []
    for score, docnum in best:
        article, number, start, end, title, source, text = table.stored(docnum)
        shown, matches = snippet(text or "", spellings)
        hits.append(PlainHit(article, number, start, end, score, shown, matches, title, source))
    return PlainAnswer(total, hits)
