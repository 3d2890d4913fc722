"""Full-text search over passages, with snippets that show why each matched.

Queries are parsed and checked in :mod:`index.engines.syntax` (what a user
could get wrong is explained as a :class:`QueryError`) and run by the index's
engine, within a time budget when one is given; here their hits are made into
plain data, with snippets that show why each matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .engines.base import Expander, Found
from .engines.syntax import OPERATORS, parse
from .engines.words import TOKEN_PATTERN, index_form
from .errors import QueryError
from .model import Hit, SearchResult
from .sidecar import window
from .store import Store

__all__ = ["QueryError", "SearchResult", "as_typed", "find", "parse", "search", "with_prefix"]

_TOKEN = re.compile(TOKEN_PATTERN)


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
    return result(find(store, text, limit, expand, budget, stop))


def find(
    store: Store,
    text: str,
    limit: int = 20,
    expand: Expander | None = None,
    budget: float | None = None,
    stop: Callable[[], bool] | None = None,
) -> Found:
    """:func:`search`, without making the hits' snippets."""
    parsed = store.engine.parse(text, expand)
    return store.reader.search(parsed, limit, budget, stop)


def result(found: Found, limit: int | None = None) -> SearchResult:
    """The found passages as hits with snippets, at most ``limit`` of them."""
    rows = found.rows if limit is None else found.rows[:limit]
    return SearchResult(found.total, tuple(_hit(*row) for row in rows), found.complete)


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
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text) if index_form(m.group()) in terms]


def make_snippet(text: str, terms: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of the passage around its first match, and the match offsets in it."""
    return window(text, term_spans(text, terms))


_LAST_WORD = re.compile(r"(?<![\w:*\"'])([^\W\d_]{2,})$")


def with_prefix(query: str) -> str | None:
    """The query with its last word as a prefix (``pris`` → ``pris*``), if that makes sense."""
    if not query or query[-1].isspace():
        return None  # a space says the word is complete
    found = _LAST_WORD.search(query)
    if found is None or found.group(1) in OPERATORS or len(found.group(1)) < 3:
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
    return result(_merge(exact, extra), limit)


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
