"""Proposed changes to files the benchmarks do not own, applied by monkeypatching
so that before and after can be timed in one run (see benchmarks/README.md for
the diffs). ``apply()`` installs them all.
"""

from __future__ import annotations

import heapq
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from whoosh import query as q

from index import library, schema, search, store


@lru_cache(maxsize=1)
def _analyzer():
    return schema.text_analyzer()


_TOKEN = re.compile(schema.TOKEN_PATTERN)


@lru_cache(maxsize=200_000)
def _index_form(word: str) -> str | None:
    """What the index holds for one word (None for a stop word)."""
    for token in _analyzer()(word, removestops=False, mode="index"):
        return None if token.stopped else token.text
    return None


def term_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Where in ``text`` the words whose index form is in ``terms`` stand.

    The tokenizer's pattern runs in C; each distinct word goes through the
    analyzer chain once per process (cached), not once per hit.
    """
    if not terms:
        return []
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text) if _index_form(m.group()) in terms]


# -- index/store.py: one searcher per thread and a few unpacked blobs per generation ----


@contextmanager
def searcher(self: store.Store) -> Iterator:
    """The thread's searcher over the current generation (opening one reads every
    segment's files; a passage move needs two look-ups)."""
    local = self.__dict__.setdefault("_local", threading.local())
    if getattr(local, "generation", None) != self._generation:
        if getattr(local, "searcher", None) is not None:
            local.searcher.close()
        local.searcher, local.generation = self._ix.searcher(), self._generation
    yield local.searcher


def _cached(kind: str, load):
    """Per-store memo of the last few documents of ``kind`` by id, dropped on a new generation."""

    def read(self: store.Store, article_id: str):
        memo = self.__dict__.setdefault(f"_{kind}_memo", {})
        key = (self._generation, article_id)
        if key not in memo:
            if len(memo) >= 16:
                memo.pop(next(iter(memo)))
            memo[key] = load(self, article_id)
        return memo[key]

    return read


# -- index/search.py: a prefix stands for its most frequent completions only ----------

PREFIX_TERMS = 32


def bounded(node: q.Query, reader) -> q.Query:
    """``node`` with each prefix replaced by its PREFIX_TERMS most frequent completions:
    "ch*" has thousands, each a posting list to read and score."""
    if isinstance(node, q.Prefix):
        words = list(reader.expand_prefix(node.fieldname, node.text))
        if len(words) <= PREFIX_TERMS:
            return node
        frequency = lambda w: reader.doc_frequency(node.fieldname, w)  # noqa: E731
        top = heapq.nlargest(PREFIX_TERMS, words, key=frequency)
        return q.Or([q.Term(node.fieldname, w) for w in top], boost=node.boost)
    return node if node.is_leaf() else node.apply(lambda child: bounded(child, reader))


def passage_docs(searcher) -> set[int]:
    """Document numbers of passages, once per searcher (Whoosh recomputes a filter
    query on every search, which doubled the time of a one-word query)."""
    if not hasattr(searcher, "_passage_docs"):
        searcher._passage_docs = set(searcher.docs_for_query(q.Term("kind", "passage")))
    return searcher._passage_docs


def bounded_search(st, text: str, limit: int = 20, expand=None) -> search.SearchResult:
    """index.search.search with prefixes bounded and the passage filter cached (marked)."""
    parsed = search.parse(text, expand)
    with st.searcher() as searcher:
        parsed = bounded(parsed, searcher.reader())  # the change: bounded prefixes
        passages = passage_docs(searcher)  # the change: a cached filter
        results = searcher.search(parsed, limit=max(1, limit), terms=True, filter=passages)
        total = len(results) if results.has_exact_length() else results.estimated_length()
        hits = tuple(search._hit(hit) for hit in results)
    return search.SearchResult(total, hits)


# -- tui/screens/search.py: complete a typed word once it has three letters -------------

MIN_PREFIX_LETTERS = 3


def with_prefix(query: str) -> str | None:
    """tui.screens.search.with_prefix, but "ch" alone is not searched as "ch*"
    (thousands of completions for a word the user has not finished)."""
    from tui.screens import search as screen

    found = screen._LAST_WORD.search(query) if query else None
    if found is None or len(found.group(1)) < MIN_PREFIX_LETTERS:
        return None
    return _original_with_prefix(query)


def _original_with_prefix(query: str) -> str | None:
    from tui.screens import search as screen

    return screen.__dict__["_with_prefix_before"](query)


# -- index/facts.py: unify_keys by an index of initials, not every pair of keys ---------

_ACRONYM = re.compile(r"[a-z]{2,7}")
_SMALL = {"of", "the", "and", "for", "in", "on"}


def unify_keys(keys) -> dict[str, str]:
    """index.facts.unify_keys in linear time: each multi-word key is filed under
    its initials once, and each acronym looks its forms up (same result)."""
    unique = sorted({k for k in keys if k})
    spelled: dict[str, list[str]] = {}
    for key in unique:
        words = key.split()
        if len(words) > 1:
            initials = {"".join(w[0] for w in words)}
            initials.add("".join(w[0] for w in words if w not in _SMALL))
            for form in initials:
                spelled.setdefault(form, []).append(key)
    mapping = {}
    for key in unique:
        matches: set[str] = set()
        if _ACRONYM.fullmatch(key):
            forms = {key, key[:-1]} if key.endswith("s") else {key}
            matches = {k for form in forms for k in spelled.get(form, ())}
        mapping[key] = min(matches, key=lambda k: (len(k), k)) if matches else key
    return mapping


def apply() -> None:
    from index import facts, summary

    facts.unify_keys = summary.unify_keys = unify_keys
    search.term_spans = term_spans
    search.search = bounded_search
    library.search = bounded_search
    store.Store.searcher = searcher
    store.Store.blob = _cached("blob", store.Store.blob)
    store.Store.views = _cached("views", store.Store.views)
    from tui.screens import search as screen

    screen.__dict__.setdefault("_with_prefix_before", screen.with_prefix)
    screen.with_prefix = with_prefix
