"""What a search of words and phrases holds and how Whoosh scores it, from
the word table (:class:`index.sidecar.Table`): the terms of its query, each
word's index form with stop words dropped, and every passage holding them
all, scored as Whoosh's ``And`` of ``Term``\\ s under BM25F (each segment's
weighted matcher tree, the scores summed in its order) and kept as its top
collector keeps them. A phrase (``"prisoners of war"``) is Whoosh's
``Phrase``, a part of that ``And``: the passages holding its words one after
the other (stop words between them skipped, as the index numbers its words
without them), scored as the sum of its words' scores in a balanced tree in
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
    when ``text`` is not words alone or holds a word the table cannot analyse
    (:func:`query_parts` with no phrase)."""
    if '"' in text or not text.split():
        return None
    parts = _parts(table, text)
    return None if parts is None else [term for (term,) in parts]


# What a phrase may hold besides letters, digits and spaces: a number's comma
# and point, a hyphen ("1,000 prisoners", "cease-fire talks"). Anything else
# (an apostrophe, a colon, a star) is left to Whoosh's parser.
_PHRASE_PUNCTUATION = frozenset(",.-")


def query_parts(table: Table, text: str) -> list[tuple[str, ...]] | None:
    """The parts of Whoosh's ``And`` for a query of words and phrases (see
    :func:`_parts`), or None where it holds none."""
    return _parts(table, text) or None


def _parts(table: Table, text: str) -> list[tuple[str, ...]] | None:
    """The parts of Whoosh's ``And`` for a query of words and phrases in
    double quotes (``"prisoners of war" Istanbul``): a word is its index form
    alone, a phrase the index forms of its words in order (a repeated word
    kept; a phrase of one word is that word alone to Whoosh); stop words
    dropped, each part once, in order. None for any other query (an
    operator, a field, a quote not set apart by spaces) or a word the table
    cannot analyse."""
    pieces = text.split('"')
    if len(pieces) % 2 == 0:  # a quote not closed
        return None
    parts: list[tuple[str, ...]] = []
    last = len(pieces) - 1
    for at, piece in enumerate(pieces):
        if at % 2:  # within quotes: a phrase
            if not all(c.isalnum() or c.isspace() or c in _PHRASE_PUNCTUATION for c in piece):
                return None
            words = [piece[start:end] for start, end in spans(piece)]
        else:
            if not all(c.isalnum() or c.isspace() for c in piece):
                return None
            words = piece.split()
            if any(word in OPERATORS for word in words):
                return None
            # "talks"Istanbul is not two parts to Whoosh's parser
            if words and (
                (at and not piece[0].isspace()) or (at < last and not piece[-1].isspace())
            ):
                return None
        forms = [table.form(word) for word in words]
        if None in forms:
            return None
        kept = tuple(form for form in forms if form)
        for part in [kept] if at % 2 else [(form,) for form in kept]:
            if part and part not in parts:
                parts.append(part)
    return parts


def search_parts(
    table: Table, parts: list[tuple[str, ...]], limit: int
) -> tuple[int, list[tuple[float, int]]] | None:
    """How many passages hold every part of Whoosh's ``And`` of words and
    phrases (see :func:`query_parts`), and the best ``limit`` as (score,
    passage number), best first, as Whoosh's top collector keeps them. None
    where no passage holds a phrase they have (the command then offers close
    spellings that find it) or a word is one the table does not know (no
    passage holding words alone is an answer: every word is the passages')."""
    found = _collected(table, parts, limit)
    if any(len(part) > 1 for part in parts):
        return None if found is None or not found[0] else found
    return (0, []) if found is None else found


def _within(numbers: Any, weights: Any, low: int, high: int) -> dict[int, float]:
    from bisect import bisect_left

    start, end = bisect_left(numbers, low), bisect_left(numbers, high)
    return dict(zip(numbers[start:end], weights[start:end], strict=True))


def _weighted(sizes: list[int]) -> Any:
    """Whoosh's ``make_weighted_tree`` for the And of parts whose estimated
    sizes (documents in the segment) are ``sizes``: the parts' indexes
    nested in pairs, the two lightest (that is largest) joined first; ties
    keep their order and a join goes after its equals."""
    tree: list[tuple[int, Any]] = sorted(
        ((0 - size, index) for index, size in enumerate(sizes)), key=lambda item: item[0]
    )
    while len(tree) > 1:
        a, b = tree.pop(0), tree.pop(0)
        insort(tree, (a[0] + b[0], (a[1], b[1])), key=lambda item: item[0])
    return tree[0][1]


def _collected(
    table: Table, parts: list[tuple[str, ...]], limit: int
) -> tuple[int, list[tuple[float, int]]] | None:
    """How many passages hold every part, and the best ``limit`` as (score,
    passage number), best first; None where a word is one the table does not
    know. A passage holds a word when the word's postings hold it, a phrase
    when it also holds the phrase's words one after the other (Whoosh's
    ``SpanNear2``). A word's score is its BM25F, a phrase's the sum of its
    words' in the phrase's balanced tree (``make_binary_tree`` of their
    matchers); the parts' scores are summed in each segment's weighted tree
    of the And (a phrase weighs as its rarest word, ``And.estimate_size``),
    and the best kept as Whoosh's top collector keeps them."""
    terms = list(dict.fromkeys(term for part in parts for term in part))
    entries = {term: table.entry(term) for term in terms}
    if any(entry is None for entry in entries.values()):
        return None
    spellings = {term: frozenset(entry[4]) for term, entry in entries.items()}  # type: ignore[index]
    phrases = [[spellings[term] for term in part] for part in parts if len(part) > 1]
    forms: dict[str, str | None] = {}
    lengths, avgfl = table.lengths, table.avgfl
    limit = max(1, limit)
    items: list[tuple[float, int]] = []
    total = 0
    bounds = [*table.segments, table.docs]
    for segment in range(len(table.segments)):
        low, high = bounds[segment], bounds[segment + 1]
        leaves: dict[str, tuple[int, float, dict[int, float]]] = {}
        for term in terms:
            idf, frequencies, postings, weights, _forms = entries[term]  # type: ignore[misc]
            df = dict(frequencies).get(segment)
            if df is None:  # not a word of this segment: Whoosh's NullMatcher
                break
            numbers, found = memoryview(postings).cast("I"), memoryview(weights).cast("d")
            leaves[term] = (df, idf, _within(numbers, found, low, high))
        else:
            # The And's tree of its parts, each part its own words' tree.
            tree = _filled(
                _weighted([min(leaves[term][0] for term in part) for part in parts]),
                [_balanced(list(part)) for part in parts],
            )
            common = set(leaves[terms[0]][2])
            for term in terms[1:]:
                common.intersection_update(leaves[term][2])
            for docnum in sorted(common):
                if phrases:
                    text = table.stored(docnum)[6] or ""
                    holds = [_in_order(text, phrase, table, forms) for phrase in phrases]
                    if None in holds:
                        return None
                    if not all(holds):
                        continue
                length = lengths[docnum]
                score = _score(tree, leaves, docnum, length, avgfl)
                total += 1
                if len(items) < limit:
                    heappush(items, (score, 0 - docnum))
                elif score > items[0][0]:
                    heapreplace(items, (score, 0 - docnum))
    items.sort(reverse=True)
    return total, [(score, 0 - docnum) for score, docnum in items]


def _filled(node: Any, parts: list[Any]) -> Any:
    """The tree ``node`` of parts' indexes with each index replaced by its
    part's own tree (``parts``): the order in which a passage's score is summed."""
    if isinstance(node, tuple):
        return (_filled(node[0], parts), _filled(node[1], parts))
    return parts[node]


def _score(
    node: Any,
    leaves: dict[str, tuple[int, float, dict[int, float]]],
    docnum: int,
    length: int,
    avgfl: float,
) -> float:
    if isinstance(node, tuple):
        return _score(node[0], leaves, docnum, length, avgfl) + _score(
            node[1], leaves, docnum, length, avgfl
        )
    _df, idf, postings = leaves[node]
    tf = postings[docnum]
    return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * length / avgfl)))


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
