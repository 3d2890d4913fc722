"""Running a parsed query on a Whoosh searcher, within a time budget when one
is given, with its hits as stored fields (snippets are made by newsdesk)."""

from __future__ import annotations

import heapq
import re
import time
from collections.abc import Callable
from contextlib import suppress

from whoosh import query as q
from whoosh.collectors import (
    Collector,
    FilterCollector,
    TimeLimit,
    TopCollector,
    WrappingCollector,
)
from whoosh.searching import Searcher

from .base import PASSAGE_FIELDS, Found, Stop
from .syntax import leaves

# A prefix stands for at most this many of its most frequent completions.
PREFIX_TERMS = 32


def find(
    searcher: Searcher, parsed: q.Query, limit: int, budget: float | None, stop: Stop | None
) -> Found:
    """The passages matching ``parsed``, best first (see ``Reader.search``)."""
    only_passages = _passages_only(parsed)
    parsed = _bounded(parsed, searcher.reader())
    passages = parsed if only_passages else q.And([parsed, q.Term("kind", "passage", boost=0.0)])
    if budget is None and stop is None:
        kind = None if only_passages else q.Term("kind", "passage")
        every = _every_match(limit, kind)
        searcher.search_with_collector(parsed, every)
        results, cut = every.results(), False
    else:
        # Passages only, scored by the query alone (the kind term weighs
        # nothing). Not a filter: Whoosh builds a filter's set of every
        # passage before it scores anything (0.5 s at 20,000 articles),
        # which no budget could cut; an And intersects as it goes.
        # Every match is counted as it is scored: within the budget the
        # total is exact, and counting after it would not be.
        collector = _Bounded(_every_match(limit), budget, stop)
        with suppress(TimeLimit):
            searcher.search_with_collector(passages, collector)
        results, cut = collector.results(), collector.cut
    if cut:
        total = collector.seen
    elif only_passages:
        total = len(results)  # every match was scored, so counted
    else:
        # With the kind filter Whoosh's count took in the article documents
        # too (source:EFE counted the article): count the matching passages
        # instead (no scoring).
        total = sum(1 for _ in passages.matcher(searcher).all_ids())
    words = _text_terms(searcher, passages, [hit.docnum for hit in results])
    rows = [
        (dict(hit.fields()), float(hit.score or 0.0), words.get(hit.docnum, frozenset()))
        for hit in results
    ]
    return Found(total, rows, complete=not cut)


def _every_match(limit: int, allow: q.Query | None = None) -> Collector:
    """The best ``limit`` passages, found by scoring every match, which counts
    them all as it goes. Whoosh's block-quality skipping cost a prefix's many
    words more than it skipped, and its total was then an estimate that a
    second pass over the matches had to correct; and no matcher is replaced
    by one without the words that cannot lift a passage into the list (the
    passages only those words match went uncounted: person:blair found 222
    of its 223)."""
    top = TopCollector(max(1, limit), usequality=False, replace=0)
    return FilterCollector(top, allow=allow) if allow is not None else top


def count(searcher: Searcher, parsed: q.Query) -> int:
    """How many passages match, without scoring them."""
    parsed = _bounded(parsed, searcher.reader())
    passages = q.And([parsed, q.Term("kind", "passage", boost=0.0)])
    return sum(1 for _ in passages.matcher(searcher).all_ids())


def _text_terms(
    searcher: Searcher, query: q.Query, docnums: list[int]
) -> dict[int, frozenset[str]]:
    """The words of the ``text`` field that each of ``docnums`` matched, asked
    of a matcher of its own for these passages alone: recording them for
    every passage scored (Whoosh's ``terms=True``) took a third of the time
    of a search as you type whose prefix has thousands of matches."""
    found: dict[int, frozenset[str]] = {}
    wanted = sorted(docnums)
    for leaf, offset in searcher.leaf_searchers():
        here = [n - offset for n in wanted if offset <= n < offset + leaf.doc_count_all()]
        if not here:
            continue
        matcher = _walking(query).matcher(leaf)
        for docnum in here:
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                found[docnum + offset] = frozenset(
                    t.decode() if isinstance(t, bytes) else t
                    for field, t in matcher.matching_terms()
                    if field == "text"
                )
    return found


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


def _walking(query: q.Query) -> q.Query:
    """``query`` with every Or marching its words along together, so that
    each passage's matched words can be asked of it (see :func:`_bounded`)."""

    def walking(node: q.Query) -> q.Query:
        if isinstance(node, q.Or) and node.matcher_type == q.Or.ARRAY_MATCHER:
            node = node.copy()
            node.matcher_type = q.Or.AUTO_MATCHER
        return node

    return query.accept(walking)


def fact_keys_for(word: str, keys) -> list[str]:
    """``fact:prisoners`` stands for every fact key with that word in it
    ("prisoners of war", "prisoners released"), or a plural of it
    (``fact:prisoner``): a key is what is counted and what happened to it, which
    nobody types whole. Shared by every engine."""
    word = word.strip()
    if not word or " " in word:
        return []
    return [key for key in keys if _names(key, word)]


def _fact_keys(node: q.Term, reader) -> q.Query:
    keys = fact_keys_for(str(node.text), (k.decode("utf-8") for k in reader.lexicon("fact")))
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
        # Scored a block of passages at a time into an array, not by a tree of
        # 31 unions stepping through every match together: a third of the
        # time for "int" (2,518 of the BBC's passages). That array cannot say
        # which words a passage matched; _text_terms asks that of a tree.
        words = q.Or([q.Term(node.fieldname, w) for w in top], boost=node.boost)
        words.matcher_type = q.Or.ARRAY_MATCHER
        return words
    return node if node.is_leaf() else node.apply(lambda child: _bounded(child, reader))
