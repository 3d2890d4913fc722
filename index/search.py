"""Full-text search over passages, with snippets that show why each matched.

Queries are parsed and checked in :mod:`index.query` (what a user could get
wrong is explained as a :class:`QueryError`); here they are run, within a
time budget when one is given, and their hits made into plain data.
"""

from __future__ import annotations

import heapq
import re
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from whoosh import query as q
from whoosh.collectors import TimeLimit, WrappingCollector

from .model import Hit
from .query import Expander, QueryError, leaves, parse
from .schema import TOKEN_PATTERN, text_analyzer
from .store import Store

__all__ = ["QueryError", "SearchResult", "as_typed", "find", "parse", "search", "with_prefix"]

SNIPPET_CHARS = 240
# A prefix stands for at most this many of its most frequent completions.
PREFIX_TERMS = 32
_TOKEN = re.compile(TOKEN_PATTERN)
# Fields only passage documents index (index.build._add_article); article,
# blob and catalog documents also carry title, source, date and article.
PASSAGE_FIELDS = frozenset({"text", "entity", "fact", "relation"})


@dataclass(frozen=True)
class SearchResult:
    """How many passages matched in all, and the best of them.

    ``complete`` is False when the search stopped early (its time budget ran
    out, or it was told to stop): the hits are the best of the passages
    scored so far and ``total`` counts those.
    """

    total: int
    hits: tuple[Hit, ...]
    complete: bool = True

    def to_json(self) -> dict:
        return {"total": self.total, "hits": [h.to_json() for h in self.hits]}


@dataclass
class Found:
    """A search's passages before their snippets are made: searching as you type
    runs two searches and makes snippets only for the passages it keeps."""

    total: int
    rows: list[tuple[dict[str, Any], float, frozenset[str]]]  # stored fields, score, words
    complete: bool = True

    def result(self, limit: int | None = None) -> SearchResult:
        rows = self.rows if limit is None else self.rows[:limit]
        return SearchResult(self.total, tuple(_hit(*row) for row in rows), self.complete)


def search(
    store: Store,
    text: str,
    limit: int = 20,
    expand: Expander | None = None,
    budget: float | None = None,
    stop: Callable[[], bool] | None = None,
) -> SearchResult:
    """The passages matching ``text``, best first, at most ``limit``.

    With ``budget`` (seconds) or ``stop`` (asked as it goes), the search may end
    early with the best passages found so far (``complete`` is then False):
    searching as you type shows those at once and lets a newer keystroke stop
    an older search instead of waiting for it.
    """
    return find(store, text, limit, expand, budget, stop).result()


def find(
    store: Store,
    text: str,
    limit: int = 20,
    expand: Expander | None = None,
    budget: float | None = None,
    stop: Callable[[], bool] | None = None,
) -> Found:
    """:func:`search`, without making the hits' snippets."""
    parsed = parse(text, expand)
    only_passages = _passages_only(parsed)
    with store.searcher() as searcher:
        parsed = _bounded(parsed, searcher.reader())
        passages = (
            parsed if only_passages else q.And([parsed, q.Term("kind", "passage", boost=0.0)])
        )
        if budget is None and stop is None:
            kind = None if only_passages else q.Term("kind", "passage")
            results = searcher.search(parsed, limit=max(1, limit), terms=True, filter=kind)
            cut = False
        else:
            # Passages only, scored by the query alone (the kind term weighs
            # nothing). Not a filter: Whoosh builds a filter's set of every
            # passage before it scores anything (0.5 s at 20,000 articles),
            # which no budget could cut; an And intersects as it goes.
            # Every match is counted as it is scored (no block skipping): within
            # the budget the total is exact, and counting after it would not be.
            top = searcher.collector(limit=max(1, limit), terms=True, optimize=False)
            collector = _Bounded(top, budget, stop)
            with suppress(TimeLimit):
                searcher.search_with_collector(passages, collector)
            results, cut = collector.results(), collector.cut
        if cut:
            total = collector.seen
        elif results.has_exact_length() and only_passages:
            total = len(results)
        else:
            # The top hits were found by skipping blocks that could not make the
            # list, so Whoosh only estimates the total, from counts that still
            # include deleted passages; and with the kind filter its count took
            # in the article documents too (source:EFE counted the article).
            # Count the matching passages instead (no scoring).
            total = sum(1 for _ in passages.matcher(searcher).all_ids())
        rows = [(hit.fields(), float(hit.score or 0.0), _text_terms(hit)) for hit in results]
    return Found(total, rows, complete=not cut)


def _text_terms(hit) -> frozenset[str]:
    """The words of the ``text`` field that this hit matched."""
    return frozenset(
        t.decode() if isinstance(t, bytes) else t
        for field, t in (hit.matched_terms() or ())
        if field == "text"
    )


class _Bounded(WrappingCollector):
    """Collects until a deadline passes or ``stop()`` says so, then raises
    :class:`TimeLimit`; the results so far stay readable."""

    EVERY = 16  # matches between two looks at the clock

    def __init__(self, child, budget: float | None, stop: Callable[[], bool] | None) -> None:
        self.child = child
        self.budget = budget
        self.stop = stop
        self.deadline: float | None = None
        self.cut = False
        self.seen = 0  # matches collected

    def prepare(self, top_searcher, q, context) -> None:
        self.child.prepare(top_searcher, q, context)
        self.deadline = None if self.budget is None else time.perf_counter() + self.budget
        self.cut = False

    def _due(self) -> bool:
        late = self.deadline is not None and time.perf_counter() > self.deadline
        return late or bool(self.stop and self.stop())

    def collect_matches(self) -> None:
        child = self.child
        if self.deadline is None and self.stop is None:
            for docnum in child.matches():
                child.collect(docnum)
            return
        for docnum in child.matches():
            if self.seen % self.EVERY == 0 and self._due():
                self.cut = True
                raise TimeLimit
            child.collect(docnum)
            self.seen += 1


def _fact_keys(node: q.Term, reader) -> q.Query:
    """``fact:prisoners`` stands for every fact key with that word in it
    ("prisoners of war", "prisoners released"), or a plural of it
    (``fact:prisoner``): a key is what is counted and what happened to it, which
    nobody types whole."""
    word = str(node.text).strip()
    if not word or " " in word:
        return node
    keys = [key for key in reader.lexicon("fact") if _names(key.decode("utf-8"), word)]
    if not keys:
        return node
    return q.Or([q.Term("fact", key) for key in keys], boost=node.boost)


def _names(key: str, word: str) -> bool:
    words = re.split(r"[\s:]+", key)
    return any(w == word or (w.startswith(word) and len(w) - len(word) <= 2) for w in words)


def _passages_only(parsed: q.Query) -> bool:
    """Whether only passage documents can match: every word is in a field that
    only passages index. Then no ``kind`` term is needed, which saves reading
    the longest posting list of all (every passage) at every search."""
    return all(getattr(leaf, "fieldname", None) in PASSAGE_FIELDS for leaf in leaves(parsed))


def _bounded(node: q.Query, reader) -> q.Query:
    """Replace a prefix, wildcard or fuzzy word by its most frequent words:
    "ch*" typed while searching as you type has thousands, and scoring them
    all takes seconds."""
    if isinstance(node, q.Term) and node.fieldname == "fact":
        return _fact_keys(node, reader)
    if isinstance(node, (q.Prefix, q.Wildcard, q.FuzzyTerm)):
        words = list(node._btexts(reader))
        if len(words) <= PREFIX_TERMS:
            return node
        top = heapq.nlargest(
            PREFIX_TERMS, words, key=lambda w: reader.doc_frequency(node.fieldname, w)
        )
        return q.Or([q.Term(node.fieldname, w) for w in top], boost=node.boost)
    return node if node.is_leaf() else node.apply(lambda child: _bounded(child, reader))


def _hit(fields: dict[str, Any], score: float, terms: frozenset[str]) -> Hit:
    snippet, matches = make_snippet(fields.get("text", ""), set(terms))
    return Hit(
        article_id=fields["article"],
        passage=fields["number"],
        start=fields["start"],
        end=fields["end"],
        score=score,
        snippet=snippet,
        matches=tuple(matches),
        title=fields.get("title") or None,
        source=fields.get("source") or None,
        terms=tuple(sorted(terms)),
    )


def term_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Where in ``text`` the words whose index form is in ``terms`` stand."""
    if not terms:
        return []
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text) if _index_form(m.group()) in terms]


@lru_cache(maxsize=200_000)
def _index_form(word: str) -> str | None:
    """What the index holds for one word (None for a stop word), worked out once."""
    for token in _analyzer()(word, removestops=False, mode="index"):
        return None if token.stopped else token.text
    return None


@lru_cache(maxsize=1)
def _analyzer():
    return text_analyzer()


def make_snippet(text: str, terms: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of the passage around its first match, and the match offsets in it."""
    spans = term_spans(text, terms)
    if len(text) <= SNIPPET_CHARS + 60:
        return text, spans
    centre = spans[0][0] if spans else 0
    start = max(0, centre - SNIPPET_CHARS // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + SNIPPET_CHARS)
    space = text.find(" ", end)
    end = space if space != -1 else len(text)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return prefix + text[start:end] + suffix, inside


_LAST_WORD = re.compile(r"(?<![\w:*\"'])([^\W\d_]{2,})$")
_OPERATORS = ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO")


def with_prefix(query: str) -> str | None:
    """The query with its last word as a prefix (``pris`` → ``pris*``), if that makes sense."""
    if not query or query[-1].isspace():
        return None  # a space says the word is complete
    found = _LAST_WORD.search(query)
    if found is None or found.group(1) in _OPERATORS or len(found.group(1)) < 3:
        return None
    return query[: found.start()] + found.group(1) + "*"


def as_typed(
    store: Store,
    query: str,
    limit: int = 20,
    expand: Expander | None = None,
    budget: float | None = None,
    stop: Callable[[], bool] | None = None,
) -> SearchResult:
    """A query being typed: the exact query's hits first, then those the prefix
    form adds (``pris`` finds ``prisoners``). ``budget`` (seconds, shared by the
    two searches) and ``stop`` are those of :func:`search`. A phrase being
    typed is searched as if its quote were closed."""
    if query.count('"') % 2:
        query = query.rstrip() + '"'
    exact: Found | None = None
    error: QueryError | None = None
    prefix = with_prefix(query)
    share = budget / 2 if budget is not None and prefix else budget
    try:
        exact = find(store, query.strip(), limit, expand, share, stop)
    except QueryError as problem:
        error = problem
    extra: Found | None = None
    if prefix:
        try:
            extra = find(store, prefix, limit, expand, share, stop)
        except QueryError:
            extra = None
    if exact is None and extra is None:
        raise error or QueryError("the query could not be run")
    return _merge(exact, extra).result(limit)


def _merge(first: Found | None, second: Found | None) -> Found:
    rows: list[tuple[dict[str, Any], float, frozenset[str]]] = []
    seen: set[tuple[str, int]] = set()
    for found in (first, second):
        for row in found.rows if found else ():
            key = (row[0]["article"], row[0]["number"])
            if key not in seen:
                seen.add(key)
                rows.append(row)
    total = max(f.total for f in (first, second) if f is not None)
    complete = all(f.complete for f in (first, second) if f is not None)
    return Found(max(total, len(rows)), rows, complete)
