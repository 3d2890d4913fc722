"""The tantivy engine: a Rust search library, for corpora where Whoosh is slow.

Its files live in a ``tantivy`` folder inside the index folder, so it never
lists or deletes anything else there, and a folder may hold a Whoosh index
beside it. Words are made by newsdesk's own analysis (:mod:`.words`) and
given to tantivy with their positions, so stemming, accent folding and
phrases match exactly what Whoosh finds; queries are the same parsed tree,
turned into tantivy's queries here. Stored fields are kept as one JSON
document and the compressed ``data`` bytes beside it.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import tantivy
from whoosh import query as q

from ..damage import mark, marked
from ..errors import IndexError_, IndexLocked, QueryError
from .base import KEY_FIELDS, LIST_FIELDS, PASSAGE_FIELDS, Document, Expander, Found, Stop
from .syntax import leaves, parse
from .whoosh_search import PREFIX_TERMS, fact_keys_for
from .words import TOKEN_PATTERN, index_form, name_analyzer, text_analyzer

FOLDER = "tantivy"
HEAP = 64_000_000  # bytes for the writer's buffer; one thread (the machine is shared)
_TOKEN = re.compile(TOKEN_PATTERN)
_ANALYZERS = {"text": text_analyzer(), "title": text_analyzer(), "source": name_analyzer()}


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in (*KEY_FIELDS, *LIST_FIELDS):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    for name in _ANALYZERS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="position")
    builder.add_bytes_field("stored", stored=True, indexed=False)
    builder.add_bytes_field("data", stored=True, indexed=False)
    return builder.build()


SCHEMA = _schema()


def _words(field: str, text: str) -> tantivy.PreTokenizedString:
    """The words of ``text`` as the Whoosh analysis makes them, positions included."""
    tokens = [
        tantivy.Token(token.text, token.pos, 0, 0)
        for token in _ANALYZERS[field](text, positions=True)
        if not token.stopped
    ]
    return tantivy.PreTokenizedString(text, tokens)


def _to_tantivy(document: Document) -> tantivy.Document:
    doc = tantivy.Document()
    for name in KEY_FIELDS:
        if document.get(name):
            doc.add_text(name, str(document[name]))
    for name in LIST_FIELDS:
        for key in str(document.get(name) or "").split(","):
            if key.strip():
                doc.add_text(name, key.strip().lower())
    for name in _ANALYZERS:
        if document.get(name):
            doc.add_pre_tokenized_text(name, _words(name, str(document[name])))
    plain = {k: v for k, v in document.items() if k != "data"}
    doc.add_bytes("stored", json.dumps(plain, separators=(",", ":")).encode())
    if document.get("data"):
        doc.add_bytes("data", bytes(document["data"]))
    return doc


def _from_tantivy(doc: tantivy.Document) -> Document:
    found: Document = json.loads(bytes(doc.get_first("stored") or b"{}"))
    data = doc.get_first("data")
    if data is not None:
        found["data"] = bytes(data)
    return found


def _term(field: str, text: str) -> tantivy.Query:
    return tantivy.Query.term_query(SCHEMA, field, text)


def _kind_and_uid(kind: str, uid: str) -> tantivy.Query:
    must = tantivy.Occur.Must
    return tantivy.Query.boolean_query([(must, _term("kind", kind)), (must, _term("uid", uid))])


def _opstamp(folder: Path) -> int:
    try:
        return int(json.loads((folder / "meta.json").read_text("utf-8"))["opstamp"])
    except (OSError, ValueError, KeyError):
        return -1


class TantivyReader:
    """The last commit; tantivy's searchers are cheap and safe to share."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = path / FOLDER
        if marked(path) is not None:
            raise mark(path, Exception(marked(path)))
        if not (self.folder / "meta.json").exists():
            raise IndexError_(f"no index at {path}: run 'newsdesk index' first")
        try:
            self._index = tantivy.Index.open(str(self.folder))
        except ValueError as error:
            raise mark(path, error) from error
        self._generation = _opstamp(self.folder)
        self._searcher = self._index.searcher()

    @property
    def generation(self) -> int:
        return self._generation

    def refresh(self) -> bool:
        latest = _opstamp(self.folder)
        if latest == self._generation:
            return False
        self._index.reload()
        self._searcher, self._generation = self._index.searcher(), latest
        return True

    def get(self, kind: str, uid: str) -> Document | None:
        searcher = self._searcher
        hits = searcher.search(_kind_and_uid(kind, uid), limit=1, count=False).hits
        return _from_tantivy(searcher.doc(hits[0][1])) if hits else None

    def has(self, kind: str, uid: str) -> bool:
        return bool(self._searcher.search(_kind_and_uid(kind, uid), limit=1, count=False).hits)

    def documents(self, kind: str) -> Iterator[Document]:
        searcher = self._searcher
        every = max(1, searcher.num_docs)
        for _score, address in searcher.search(_term("kind", kind), limit=every).hits:
            yield _from_tantivy(searcher.doc(address))

    def search(
        self, query: q.Query, limit: int, budget: float | None = None, stop: Stop | None = None
    ) -> Found:
        """Whole or not at all: tantivy scores a query faster than the budgets
        newsdesk gives, so a search asked to stop before it starts finds nothing."""
        if stop is not None and stop():
            return Found(0, [], complete=False)
        searcher = self._searcher
        translated, words = self._passages(query)
        found = searcher.search(translated, limit=max(1, limit), count=True)
        rows = []
        for score, address in found.hits:
            fields = _from_tantivy(searcher.doc(address))
            rows.append((fields, float(score), _matched(fields.get("text", ""), words)))
        return Found(_count(found), rows)

    def count(self, query: q.Query) -> int:
        translated, _words = self._passages(query)
        return _count(self._searcher.search(translated, limit=1, count=True))

    def passages_with(self, field: str, word: str, limit: int) -> list[Document]:
        rows = self.search(q.Term(field, word), limit).rows
        return [fields for fields, _score, _words in rows]

    def spelt(self) -> dict[str, str] | None:
        """tantivy keeps no table of the words as written: suggestions read
        them from the passages of each stem."""
        return None

    def words(self, field: str) -> list[tuple[str, int]]:
        return [(word, int(count)) for word, count in self._searcher.terms_with_prefix(field, "")]

    def _passages(self, query: q.Query) -> tuple[tantivy.Query, set[str]]:
        """The query on passages alone, and the words of ``text`` it looks for."""
        words: set[str] = set()
        translated = _Translator(self._searcher, words).run(query)
        if all(getattr(leaf, "fieldname", None) in PASSAGE_FIELDS for leaf in leaves(query)):
            return translated, words
        kind = tantivy.Query.const_score_query(_term("kind", "passage"), 0.0)
        must = tantivy.Occur.Must
        return tantivy.Query.boolean_query([(must, translated), (must, kind)]), words


def _count(found: tantivy.SearchResult) -> int:
    """Every match, counted by tantivy (its type stubs leave ``count`` out)."""
    return int(getattr(found, "count", 0) or 0)


def _matched(text: str, words: set[str]) -> frozenset[str]:
    """The words sought that this passage holds (to highlight them)."""
    if not words:
        return frozenset()
    return frozenset(form for w in _TOKEN.findall(text) if (form := index_form(w)) in words)


class _Translator:
    """A parsed query as tantivy's: the same tree, node by node."""

    def __init__(self, searcher: tantivy.Searcher, words: set[str]) -> None:
        self.searcher = searcher
        self.words = words  # the positive words of ``text``, filled in as it goes

    def run(self, node: q.Query, negated: bool = False) -> tantivy.Query:
        if isinstance(node, q.NullQuery.__class__) or node is q.NullQuery:
            return tantivy.Query.empty_query()
        if isinstance(node, q.Not):
            return self._but(tantivy.Query.all_query(), node.query, negated)
        if isinstance(node, q.AndNot):
            return self._but(self.run(node.a, negated), node.b, negated)
        if isinstance(node, q.AndMaybe):
            return self._bool(
                [(tantivy.Occur.Must, node.a), (tantivy.Occur.Should, node.b)], negated
            )
        if isinstance(node, q.And):
            return self._bool([(tantivy.Occur.Must, c) for c in node.subqueries], negated)
        if isinstance(node, q.Or):
            return self._bool([(tantivy.Occur.Should, c) for c in node.subqueries], negated)
        return self._leaf(node, negated)

    def _but(self, kept: tantivy.Query, dropped: q.Query, negated: bool) -> tantivy.Query:
        clauses = [(tantivy.Occur.Must, kept), (tantivy.Occur.MustNot, self.run(dropped, True))]
        return tantivy.Query.boolean_query(clauses)

    def _bool(self, clauses: list[tuple[Any, q.Query]], negated: bool) -> tantivy.Query:
        return tantivy.Query.boolean_query([(o, self.run(c, negated)) for o, c in clauses])

    def _leaf(self, node: q.Query, negated: bool) -> tantivy.Query:
        field = getattr(node, "fieldname", None)
        if isinstance(node, q.Phrase):
            self._sought(field, node.words, negated)
            return tantivy.Query.phrase_query(SCHEMA, str(field), list(node.words), node.slop - 1)
        if isinstance(node, (q.Prefix, q.Wildcard, q.FuzzyTerm)):
            return self._any(field, self._expanded(node), negated)
        if isinstance(node, q.TermRange):
            return self._any(field, self._in_range(node), negated)
        if isinstance(node, q.Term):
            text = str(node.text)
            if field == "fact":
                keys = fact_keys_for(text, self._vocabulary("fact"))
                return self._any(field, keys or [text], negated)
            return self._any(field, [text], negated)
        raise QueryError(f"the query could not be read: {node!r} is not searchable")

    def _sought(self, field: str | None, words: Iterable[str], negated: bool) -> None:
        if field == "text" and not negated:
            self.words.update(words)

    def _any(self, field: str | None, words: list[str], negated: bool) -> tantivy.Query:
        self._sought(field, words, negated)
        if not words:
            return tantivy.Query.empty_query()
        terms = [(tantivy.Occur.Should, _term(str(field), w)) for w in words]
        return terms[0][1] if len(terms) == 1 else tantivy.Query.boolean_query(terms)

    def _vocabulary(self, field: str, prefix: str = "") -> list[str]:
        return [word for word, _count in self.searcher.terms_with_prefix(field, prefix)]

    def _expanded(self, node: q.Query) -> list[str]:
        """A prefix, wildcard or fuzzy word's most frequent completions (as Whoosh's)."""
        field = str(node.fieldname)
        if isinstance(node, q.Prefix):
            found = self.searcher.terms_with_prefix(field, str(node.text), limit=PREFIX_TERMS)
            return [word for word, _count in found]
        words = [w for w in self._vocabulary(field, _fixed(node)) if _matches(node, w)]
        words.sort(key=lambda w: -self.searcher.doc_freq(field, w))
        return words[:PREFIX_TERMS]

    def _in_range(self, node: q.TermRange) -> list[str]:
        start, end = node.start or "", node.end or "\uffff"
        words = self._vocabulary(str(node.fieldname))
        return [
            w
            for w in words
            if (start < w if node.startexcl else start <= w)
            and (w < end if node.endexcl else w <= end)
        ]


def _fixed(node: q.Query) -> str:
    """What every word the node matches starts with."""
    if isinstance(node, q.FuzzyTerm):
        return str(node.text)[: node.prefixlength]
    text = str(node.text)
    cut = min((i for i, c in enumerate(text) if c in "*?"), default=len(text))
    return text[:cut]


def _matches(node: q.Query, word: str) -> bool:
    if isinstance(node, q.FuzzyTerm):
        return _distance(str(node.text), word, node.maxdist) <= node.maxdist
    return fnmatch.fnmatchcase(word, str(node.text))


def _distance(a: str, b: str, most: int) -> int:
    """Levenshtein distance, given up past ``most`` (Whoosh's fuzzy words)."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


class TantivyWriter:
    """One run's tantivy writer; its lock is released when the run ends."""

    def __init__(self, path: Path, wait: float) -> None:
        self.path = path
        folder = path / FOLDER
        folder.mkdir(exist_ok=True)
        self._index = tantivy.Index(SCHEMA, str(folder), reuse=True)
        if not (folder / "meta.json").exists():
            raise IndexError_(f"the index at {path} could not be created")
        self._writer = self._locked(wait)

    def _locked(self, wait: float) -> Any:
        deadline = time.monotonic() + wait
        while True:
            try:
                return self._index.writer(HEAP, 1)
            except ValueError as error:
                if "lock" not in str(error).lower() or time.monotonic() > deadline:
                    if "lock" in str(error).lower():
                        raise IndexLocked(
                            "another newsdesk process is indexing this corpus; "
                            "try again when it finishes"
                        ) from None
                    raise
                time.sleep(0.1)

    def write(self, documents: Iterable[Document]) -> None:
        for document in documents:
            self._writer.add_document(_to_tantivy(document))

    def replace(self, document: Document) -> None:
        self._writer.delete_documents_by_query(_kind_and_uid(document["kind"], document["uid"]))
        self._writer.add_document(_to_tantivy(document))

    def delete_article(self, path: str) -> None:
        self._writer.delete_documents_by_term("path", path)

    def delete(self, kind: str, uid: str) -> None:
        self._writer.delete_documents_by_query(_kind_and_uid(kind, uid))

    def reader(self) -> TantivyReader:
        return TantivyReader(self.path)

    def checkpoint(self, merge: bool = False) -> None:
        # tantivy merges segments in its own threads, as it sees fit.
        self._writer.commit()  # the writer goes on; the lock is kept

    def commit(self) -> None:
        self._writer.commit()
        self._writer.wait_merging_threads()  # ends the writer: the lock is released

    def cancel(self) -> None:
        try:
            self._writer.rollback()
        finally:
            self._writer.wait_merging_threads()


class TantivyEngine:
    """tantivy, chosen with ``--engine tantivy`` or ``NEWSDESK_ENGINE=tantivy``."""

    name = "tantivy"
    damage: tuple[type[BaseException], ...] = ()  # tantivy checks its files as it opens them

    def exists(self, path: Path) -> bool:
        return (path / FOLDER / "meta.json").is_file()

    def latest_commit(self, path: Path) -> int:
        return _opstamp(path / FOLDER)

    def reader(self, path: Path) -> TantivyReader:
        return TantivyReader(path)

    def writer(self, path: Path, wait: float) -> TantivyWriter:
        return TantivyWriter(path, wait)

    def clear(self, path: Path, wait: float) -> None:
        """Delete the ``tantivy`` folder: every file in it is tantivy's."""
        shutil.rmtree(path / FOLDER, ignore_errors=True)

    def parse(self, text: str, expand: Expander | None = None) -> q.Query:
        return parse(text, expand)

    def keep_sidecar(self, path: Path) -> None:
        """tantivy's searches all go through tantivy: nothing is kept beside it."""


ENGINE = TantivyEngine()
