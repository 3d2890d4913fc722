"""What a search of words alone, or of one phrase, holds and how Whoosh
scores it, from the word table (:class:`index.sidecar.Table`): the terms of
its query, each word's index form with stop words dropped, and every passage
holding them all, scored as Whoosh's ``And`` of ``Term``\\ s under BM25F
(each segment's weighted matcher tree, the scores summed in its order) and
kept as its top collector keeps them. A phrase (``"prisoners of war"``) is
Whoosh's ``Phrase``: the passages holding its words one after the other
(stop words between them skipped, as the index numbers its words without
them), each scored as the sum of its words' scores in a balanced tree in
the phrase's order.
"""

from __future__ import annotations

from bisect import insort
from heapq import heappush, heapreplace

from .snippets import spans, words_from

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


# What a phrase may hold besides letters, digits and spaces: a number's comma
# and point, a hyphen ("1,000 prisoners", "cease-fire talks"). Anything else
# (an apostrophe, a colon, a star) is left to Whoosh's parser.
_PHRASE_PUNCTUATION = frozenset(",.-")


def phrase_terms(table: Table, text: str) -> list[str] | None:
    """The words of Whoosh's ``Phrase`` for a query that is one phrase
    (``"prisoners of war"``: each word's index form in order, stop words
    dropped, a repeated word kept; one word is a word alone to Whoosh), or
    None for any other query, stop words alone or a word the table cannot
    analyse."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"' or text.count('"') != 2:
        return None
    inside = text[1:-1]
    if not all(c.isalnum() or c.isspace() or c in _PHRASE_PUNCTUATION for c in inside):
        return None
    terms: list[str] = []
    for start, end in spans(inside):
        form = table.form(inside[start:end])
        if form is None:
            return None
        if form:
            terms.append(form)
    return terms or None


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


def search_phrase(
    table: Table, terms: list[str], limit: int
) -> tuple[int, list[tuple[float, int]]] | None:
    """:func:`search` for Whoosh's ``Phrase`` of ``terms``: the passages holding
    every term that also hold them one after the other, each scored as the
    sum of its terms' scores in the phrase's balanced tree (Whoosh's
    ``SpanNear2`` over ``make_binary_tree`` of its terms' matchers). None
    where a passage holds a word the table does not know."""
    entries = [table.entry(term) for term in terms]
    if any(entry is None for entry in entries):
        return None
    spellings = [frozenset(entry[4]) for entry in entries]  # type: ignore[index]
    forms: dict[str, str | None] = {}
    shape = _balanced(list(range(len(terms))))
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
            common = set(leaves[0][2])
            for _df, _idf, held in leaves[1:]:
                common.intersection_update(held)
            for docnum in sorted(common):
                text = table.stored(docnum)[6] or ""
                holds = _in_order(text, spellings, table, forms)
                if holds is None:
                    return None
                if not holds:
                    continue
                score = _score(shape, leaves, docnum, lengths[docnum], avgfl)
                total += 1
                if len(items) < limit:
                    heappush(items, (score, 0 - docnum))
                elif score > items[0][0]:
                    heapreplace(items, (score, 0 - docnum))
    if not total:  # the command may offer close spellings that find the phrase
        return None
    items.sort(reverse=True)
    return total, [(score, 0 - docnum) for score, docnum in items]


def _balanced(nodes: list[Any]) -> Any:
    """Whoosh's ``make_binary_tree``: halves joined, the first half on the left."""
    if len(nodes) == 1:
        return nodes[0]
    half = len(nodes) // 2
    return (_balanced(nodes[:half]), _balanced(nodes[half:]))


def _in_token(c: str) -> bool:
    """Whether ``c`` can stand inside a word (see :func:`index.snippets.spans`)."""
    return c.isalnum() or c in "_.,"


def _in_order(
    text: str, spellings: list[frozenset[str]], table: Table, forms: dict[str, str | None]
) -> bool | None:
    """Whether ``text`` holds a word of each of ``spellings`` (the lower-cased
    spellings of one term each) one after the other, any stop words between
    them skipped; None where a word between them is one the table does not
    know. Each place the first term is spelt is read from the last character
    before it that no word holds (the words there are then those of the whole
    text), not the text from its start."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter lower-cased into two: every word, from the start
        starts = [s for s, e in spans(text) if text[s:e].lower() in spellings[0]]
    else:
        found = set()
        for spelling in spellings[0]:
            at = lowered.find(spelling)
            while at != -1:
                found.add(at)
                at = lowered.find(spelling, at + 1)
        starts = sorted(found)
    for at in starts:
        start = at
        while start and _in_token(text[start - 1]):
            start -= 1
        words = words_from(text, start)
        first = next((span for span in words if span[0] >= at), None)
        if first is None or first[0] != at or text[at : first[1]].lower() not in spellings[0]:
            continue
        following = 1
        for s, e in words:
            if following == len(spellings):
                break
            word = text[s:e].lower()
            if word in spellings[following]:
                following += 1
                continue
            form = forms.get(word, "?")
            if form == "?":
                form = forms[word] = table.form(word)
            if form is None:
                return None
            if form:  # another word where the phrase's next should stand
                break
        if following == len(spellings):
            return True
    return False
