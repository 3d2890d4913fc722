"""What a search of words alone holds and how Whoosh scores it, from the
word table (:class:`index.sidecar.Table`): the terms of its query, each
word's index form with stop words dropped, and every passage holding them
all, scored as Whoosh's ``And`` of ``Term``\\ s under BM25F (each segment's
weighted matcher tree, the scores summed in its order) and kept as its top
collector keeps them.
"""

from __future__ import annotations

from bisect import insort
from heapq import heappush, heapreplace

TYPE_CHECKING = False  # typing itself is not imported: it is most of what this would cost
if TYPE_CHECKING:
    from typing import Any

    from .sidecar import Table

B, K1 = 0.75, 1.2  # Whoosh's BM25F defaults, which the engine uses


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
