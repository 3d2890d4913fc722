"""A search of words alone, answered from the word table beside the index
with the standard library only.

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
later passage replaces the weakest only with a higher score). Hits, order,
scores and snippets are those of the Whoosh path, bit for bit.

The table answers only for the commit whose table of contents it holds, byte
for byte; anything it cannot answer (a word it has never seen, a stale
table) is None, and the caller searches through the engine.
"""

from __future__ import annotations

import marshal
import mmap
import os
import sys
from bisect import insort
from heapq import heappush, heapreplace

TYPE_CHECKING = False  # typing itself is not imported: it is most of what this would cost
if TYPE_CHECKING:
    from array import array  # the writer's; reading needs none (a memoryview casts)
    from typing import Any

NAME = ".newsdesk-words-whoosh.bin"
LISTING_PREFIX = ".newsdesk-listing-"  # index.freshness's kept listings
LISTING_LAYOUT = 3  # what a kept listing holds (index.freshness writes it)
# One file per layout: newsdesk versions sharing an index keep apart. Kept in
# marshal's format (json would import re, a fifth of a plain search's time);
# another Python's marshal that cannot read it is a listing not kept.
LISTING = LISTING_PREFIX + "{engine}-" + f"{LISTING_LAYOUT}.bin"
ENGINE = "whoosh"
TOC_PREFIX, TOC_SUFFIX = "_newsdesk_", ".toc"  # a Whoosh commit's table of contents
# The sources of what names the analysis and the stored layout
# (index.analysis.VERSION, index.nlp.DEFAULT_MODEL, index.store.FORMAT).
CODE = ("analysis.py", "nlp.py", "store.py")
SPARE = ".newsdesk-words-"  # a table being written, before it is renamed
MAGIC = b"NDWORDS1"
B, K1 = 0.75, 1.2  # Whoosh's BM25F defaults, which the engine uses
SNIPPET_CHARS = 240  # how much of a long passage a search result shows
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


def index_files(path: str | os.PathLike[str]) -> list[list[Any]]:
    """Every file of the index (its engines' folders included) with its size
    and time, the kept listings left out: a commit or a rebuild changes it,
    even one that reaches the same commit number as before."""
    found = []
    for top, _folders, names in os.walk(path):
        for name in names:
            if not name.startswith(LISTING_PREFIX):
                full = os.path.join(top, name)
                info = os.stat(full)
                found.append([os.path.relpath(full, path), info.st_size, info.st_mtime_ns])
    return sorted(found)


def code_files() -> list[list[Any]]:
    """The sources that say what the analysis key and the stored layout are,
    with their sizes and times (what Python's bytecode cache trusts too): a
    kept listing read without importing them holds while they are unchanged."""
    here = os.path.dirname(os.path.abspath(__file__))
    found = []
    for name in CODE:
        info = os.stat(os.path.join(here, name))
        found.append([name, info.st_size, info.st_mtime_ns])
    return found


def read_listing(path: str | os.PathLike[str], engine: str = ENGINE) -> Any:
    """The listing kept beside the index (see :mod:`index.freshness`), or None."""
    try:
        with open(os.path.join(path, LISTING.format(engine=engine)), "rb") as handle:
            return marshal.loads(handle.read())  # load(handle) reads it piece by piece
    except (OSError, ValueError, EOFError, TypeError):
        return None


def listing_holds(kept: Any) -> bool:
    """Whether every folder's time and every file's size and time in a kept
    listing are as they were."""
    try:
        stat = os.stat
        for folder, mtime in kept["folders"]:
            if stat(folder).st_mtime_ns != mtime:
                return False
        for path, size, mtime in kept["files"]:
            info = stat(path)
            if info.st_size != size or info.st_mtime_ns != mtime:
                return False
        for path, known in kept["watched"]:
            try:
                info = stat(path)
            except FileNotFoundError:
                if known is not None:
                    return False
                continue
            if known != [info.st_size, info.st_mtime_ns]:
                return False
        return True
    except (OSError, ValueError, KeyError, TypeError):
        return False


def latest_commit(files: list[list[Any]]) -> int:
    """The number of the last Whoosh commit among the index's files, -1 for none."""
    found = -1
    for name, _size, _mtime in files:
        if name.startswith(TOC_PREFIX) and name.endswith(TOC_SUFFIX):
            number = name[len(TOC_PREFIX) : -len(TOC_SUFFIX)]
            if number.isdecimal() and number.isascii():
                found = max(found, int(number))
    return found


def current_commit(
    path: str, roots: list[str], model: str | None, check_files: bool = True
) -> int | None:
    """The Whoosh commit of the index at ``path`` when the listing kept beside
    it holds (see :mod:`index.freshness`): the same index files, corpus,
    analysis and newsdesk sources, and (``check_files``) every corpus file as
    it was. ``model`` is the one named (``--model``, ``$NEWSDESK_MODEL``),
    None for the default. None whenever it cannot say."""
    kept = read_listing(path)
    try:
        layout, engine, generation, key, kept_roots, files = kept["key"]
        code = kept["code"]
        if engine != ENGINE or kept_roots != roots or code["files"] != code_files():
            return None
        if key != f"{model or code['default_model']}/{code['version']}":
            return None
        if layout != LISTING_LAYOUT or files != index_files(path):
            return None
        if latest_commit(files) != generation:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if check_files and not listing_holds(kept):
        return None
    return int(generation)


def corpus_key(roots: list[str]) -> str:
    """A stable name for a corpus of these (absolute, sorted) roots, which names
    its index folder (:attr:`index.corpus.Corpus.key`): the first root's folder
    name and a digest of them all. SHA-1 by CPython's own module: hashlib's
    OpenSSL takes longer to load (6-8 ms of CPU) than a search's whole update
    check, and gives the same digest."""
    try:
        from _sha1 import sha1
    except ImportError:  # an interpreter built without it
        from hashlib import sha1
    digest = sha1("\0".join(roots).encode()).hexdigest()[:12]
    name = os.path.basename(roots[0]) or "root"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:40]
    return f"{safe}-{digest}"


def seeds_folder() -> str | None:
    """index.seeds.seeds_dir, without pathlib, or None."""
    here = os.path.dirname(os.path.realpath(__file__))
    for candidate in (os.path.join(here, "seeds"), os.path.join(os.path.dirname(here), "seeds")):
        if os.path.isdir(candidate):
            return candidate
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
    """A search of words alone on the index at ``path`` for the corpus
    ``roots``, from the word table, when the kept listing holds (see
    :func:`current_commit`) and the table is that commit's; None otherwise
    (another query, a word no passage has, stop words alone)."""
    generation = current_commit(path, roots, model, check_files=check_files)
    if generation is None:
        return None
    table = open_table(path, generation)
    if table is None:
        return None
    terms = query_terms(table, query)
    if not terms:
        return None
    total, best = search(table, terms, limit)
    spellings: set[str] = set()
    for term in terms:
        entry = table.entry(term)
        if entry is not None:
            spellings.update(entry[4])
    hits = []
    for score, docnum in best:
        article, number, start, end, title, source, text = table.stored(docnum)
        shown, matches = snippet(text or "", spellings)
        hits.append(PlainHit(article, number, start, end, score, shown, matches, title, source))
    return PlainAnswer(total, hits)


# The query parser's operators (``index.engines.syntax.OPERATORS``, which imports
# Whoosh; a test holds the two equal): a query holding one is not words alone.
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})


def query_terms(table: Table, text: str) -> list[str] | None:
    """The terms Whoosh's query of words alone would hold for ``text`` (each
    word's index form, stop words dropped, each term once, in order), or None
    when ``text`` is not words alone or holds a word the table cannot analyse."""
    words = text.split()
    if not words or not all(c.isalnum() or c.isspace() for c in text):
        return None
    if any(word in OPERATORS for word in words):
        return None
    terms: list[str] = []
    for word in words:
        form = table.form(word)
        if form is None:
            return None
        if form and form not in terms:
            terms.append(form)
    return terms


def search(table: Table, terms: list[str], limit: int) -> tuple[int, list[tuple[float, int]]]:
    """How many passages hold every one of ``terms``, and the best ``limit``
    as (score, passage number), best first: Whoosh's And of Terms under
    BM25F, collected by its top collector."""
    entries = [table.entry(term) for term in terms]
    if not entries or any(entry is None for entry in entries):
        return 0, []
    lengths, avgfl = table.lengths, table.avgfl
    limit = max(1, limit)
    items: list[tuple[float, int]] = []
    total = 0
    bounds = [*table.segments, table.docs]
    for segment in range(len(table.segments)):
        low, high = bounds[segment], bounds[segment + 1]
        leaves = []
        for idf, frequencies, postings, weights, _forms in entries:  # type: ignore[misc]
            df = dict(frequencies).get(segment)
            if df is None:  # not a word of this segment: Whoosh's NullMatcher
                break
            numbers, found = memoryview(postings).cast("I"), memoryview(weights).cast("d")
            leaves.append((df, idf, _within(numbers, found, low, high)))
        else:
            for docnum, score in _scored(leaves, lengths, avgfl):
                total += 1
                if len(items) < limit:
                    heappush(items, (score, 0 - docnum))
                elif score > items[0][0]:
                    heapreplace(items, (score, 0 - docnum))
    items.sort(reverse=True)
    return total, [(score, 0 - docnum) for score, docnum in items]


def _within(numbers: Any, weights: Any, low: int, high: int) -> dict[int, float]:
    from bisect import bisect_left

    start, end = bisect_left(numbers, low), bisect_left(numbers, high)
    return dict(zip(numbers[start:end], weights[start:end], strict=True))


def _scored(leaves: list[tuple[int, float, dict[int, float]]], lengths: Any, avgfl: float):
    """Each passage matching every leaf, in order, with its score summed in
    the order of Whoosh's weighted matcher tree (``make_weighted_tree``: the
    two lightest, that is most frequent, joined first; ties keep their order
    and a join goes after its equals)."""
    common = set(leaves[0][2])
    for _df, _idf, postings in leaves[1:]:
        common.intersection_update(postings)
    tree: list[tuple[int, Any]] = sorted(
        ((0 - df, index) for index, (df, _idf, _postings) in enumerate(leaves)),
        key=lambda item: item[0],
    )
    while len(tree) > 1:
        a, b = tree.pop(0), tree.pop(0)
        insort(tree, (a[0] + b[0], (a[1], b[1])), key=lambda item: item[0])
    shape = tree[0][1]
    for docnum in sorted(common):
        length = lengths[docnum]
        yield docnum, _score(shape, leaves, docnum, length, avgfl)


def _score(
    node: Any,
    leaves: list[tuple[int, float, dict[int, float]]],
    docnum: int,
    length: int,
    avgfl: float,
) -> float:
    if isinstance(node, tuple):
        return _score(node[0], leaves, docnum, length, avgfl) + _score(
            node[1], leaves, docnum, length, avgfl
        )
    idf, tf = leaves[node][1], leaves[node][2][docnum]
    return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * length / avgfl)))


def spans(text: str) -> list[tuple[int, int]]:
    """Where the words of ``text`` stand, as ``index.engines.words.TOKEN_PATTERN``
    finds them (``\\d+(?:,\\d{3})+(?:\\.\\d+)?|\\w+(?:\\.\\w+)*``), without ``re``:
    ``\\w`` is a letter, digit or number character or ``_``, ``\\d`` a decimal."""
    found = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if not (c.isalnum() or c == "_"):
            i += 1
            continue
        if c.isdecimal():
            j = i + 1
            while j < n and text[j].isdecimal():
                j += 1
            k = j
            while (
                k + 3 < n
                and text[k] == ","
                and text[k + 1].isdecimal()
                and text[k + 2].isdecimal()
                and text[k + 3].isdecimal()
            ):
                k += 4
            if k > j:
                if k + 1 < n and text[k] == "." and text[k + 1].isdecimal():
                    k += 2
                    while k < n and text[k].isdecimal():
                        k += 1
                found.append((i, k))
                i = k
                continue
        j = i + 1
        while j < n and (text[j].isalnum() or text[j] == "_"):
            j += 1
        while j + 1 < n and text[j] == "." and (text[j + 1].isalnum() or text[j + 1] == "_"):
            j += 2
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
        found.append((i, j))
        i = j
    return found


def tokens(text: str) -> list[str]:
    return [text[s:e] for s, e in spans(text)]


def snippet(text: str, spellings: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """``index.search.make_snippet`` with the matched words found by their
    spellings (lower-cased) rather than analysed one by one."""
    found = [(s, e) for s, e in spans(text) if text[s:e].lower() in spellings] if spellings else []
    return window(text, found)


def window(text: str, found: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """A passage's snippet: the passage whole when short, else about
    ``SNIPPET_CHARS`` around its first match, cut at spaces; with the matches
    ``found`` (offsets in ``text``) moved to the snippet's offsets."""
    if len(text) <= SNIPPET_CHARS + 60:
        return text, found
    centre = found[0][0] if found else 0
    start = max(0, centre - SNIPPET_CHARS // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + SNIPPET_CHARS)
    space = text.find(" ", end)
    end = space if space != -1 else len(text)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(s + shift, e + shift) for s, e in found if s >= start and e <= end]
    return prefix + text[start:end] + suffix, inside
