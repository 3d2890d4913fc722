"""What two articles have in common, as numbers a learned model weighs.

Each candidate pair of articles gets a row of features: how alike their words,
leads and titles are (TF-IDF cosine, also against each article's other
candidates), which named entities and stated figures they share, weighted by
how rare those are in the corpus, whether they state different values for the
same thing (the talks "on Friday" against "on Tuesday"), how far apart their
dates are and how long they are. ``index/story_model.py`` turns a row into the
probability that both report one event, with trees learned by
``benchmarks/train_stories.py``.

Rarity is read in the folder itself, so it misleads in a small one: in a folder
of one event's reports, the event's own words ("Grigoropoulos", "riot") are in
every report and weigh least of all. Beside the TF-IDF cosines, each pair also
gets the cosine of its word counts and of its entities with no rarity at all,
and how alike each article is to the whole folder (``folder_plain``: high
throughout one event's folder, low in a corpus of many events), which tells the
trees which of the two to trust.

Everything is computed for a list of pairs at once, with sparse matrices, so
the cost grows with the number of pairs, never with the square of the corpus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from .model import Passage
from .tfidf import hashed_counts, set_tfidf, tfidf

# The order of the columns: the learned weights are stored by these names.
NAMES = (
    "text",
    "text_plain",
    "folder_plain",
    "text_share",
    "text_rank",
    "neighbours_shared",
    "company",
    "entities_company",
    "lead",
    "title",
    "titled",
    "entities",
    "entities_plain",
    "entities_jaccard",
    "entities_shared",
    "people_jaccard",
    "figures",
    "figures_shared",
    "figures_conflicting",
    "dates_conflicting",
    "days_apart",
    "dated",
    "shorter",
    "length_ratio",
)
NEAREST = 5  # an article's closest candidates compared for shared neighbours
COMPANY = 2.0  # third articles at which a shared company counts half (see _company)
LEAD = 600  # characters of an article's opening compared as its lead


# An article's hashed counts of its text and lead: {"text": [buckets, counts], "lead": ...}.
WordCounts = dict[str, list[list[int]]]


@dataclass(frozen=True)
class StoryInput:
    """What grouping looks at for one article."""

    id: str
    text: str
    date: str | None = None
    entities: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()
    title: str | None = None
    stated_date: str | None = None  # the latest full date the text states
    # The hashed word counts of the text and lead as the article's analysis
    # stored them (see :func:`word_counts`); None: counted here. What the text
    # is, not something of its own: left out of equality and hashing.
    counts: WordCounts | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Signals:
    """Per-article vectors, computed once per corpus and shared by every pair."""

    text: sparse.csr_matrix | None
    # The same counts weighed alike whatever the corpus: in a folder of one
    # event's reports, the event's own words are in every report and rarity
    # makes them weigh least (see _plain).
    plain: sparse.csr_matrix | None
    lead: sparse.csr_matrix | None
    titles: sparse.csr_matrix | None
    entities: sparse.csr_matrix | None
    entities_plain: sparse.csr_matrix | None  # binary rows, unit length
    entity_weights: sparse.csr_matrix | None  # binary rows times each entity's IDF
    people_weights: sparse.csr_matrix | None  # the same, people only
    figures: sparse.csr_matrix | None
    figure_counts: sparse.csr_matrix | None  # binary "key=value" rows
    figure_keys: sparse.csr_matrix | None  # binary "key" rows
    date_counts: sparse.csr_matrix | None  # the same for dates ("date:talks=friday")
    date_keys: sparse.csr_matrix | None
    # Ordinal of the article's trusted date, else of the latest date its text
    # states; -1 when neither is known.
    days: np.ndarray
    words: np.ndarray  # words in each article

    @property
    def size(self) -> int:
        return len(self.days)


def signals(articles: Sequence[StoryInput]) -> Signals:
    figures = [a.figures for a in articles]
    stored = [a.counts or {} for a in articles]
    texts = [a.text for a in articles]
    counts = _counts(texts, True, [c.get("text") for c in stored])
    binary = _binary([a.entities for a in articles])
    return Signals(
        text=tfidf(counts) if counts.nnz else None,
        plain=_plain(counts) if counts.nnz else None,
        lead=text_vectors(
            [_lead(a.title, a.text) for a in articles],
            bigrams=True,
            counted=[c.get("lead") for c in stored],
        ),
        titles=text_vectors([a.title or "" for a in articles], bigrams=False),
        entities=set_vectors([a.entities for a in articles]),
        entities_plain=None if binary is None else _unit(binary),
        entity_weights=_idf_weighted(binary),
        people_weights=_idf_weighted(_binary([_people(a.entities) for a in articles])),
        figures=set_vectors(figures),
        figure_counts=_binary(figures),
        figure_keys=_binary([_keys(s) for s in figures]),
        date_counts=_binary([_dates(s) for s in figures]),
        date_keys=_binary([_keys(_dates(s)) for s in figures]),
        days=_ordinals([a.date or a.stated_date for a in articles]),
        words=np.array([len(a.text.split()) for a in articles], float),
    )


def _keys(figures: frozenset[str]) -> frozenset[str]:
    return frozenset(f.split("=", 1)[0] for f in figures)


def _dates(figures: frozenset[str]) -> frozenset[str]:
    return frozenset(f for f in figures if f.startswith("date:"))


def _people(entities: frozenset[str]) -> frozenset[str]:
    return frozenset(e for e in entities if e.startswith("person:"))


def _ordinals(dates: Sequence[str | None]) -> np.ndarray:
    return np.array([dt.date.fromisoformat(d).toordinal() if d else -1 for d in dates])


def features(found: Signals, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """One row per pair ``(rows[n], cols[n])``, one column per name in ``NAMES``."""
    out = np.zeros((len(rows), len(NAMES)))
    column = {name: n for n, name in enumerate(NAMES)}
    text = row_dots(found.text, rows, cols)
    out[:, column["text"]] = text
    out[:, column["text_plain"]] = row_dots(found.plain, rows, cols)
    typical = _typical(found.plain, found.size)
    out[:, column["folder_plain"]] = np.minimum(typical[rows], typical[cols])
    out[:, column["text_share"]] = _share_of_best(text, rows, cols, found.size)
    ranks = _ranks(text, rows, cols, found.size)
    out[:, column["text_rank"]] = np.log1p(np.maximum(*ranks))
    out[:, column["neighbours_shared"]] = _shared_neighbours(ranks, rows, cols, found.size)
    out[:, column["lead"]] = row_dots(found.lead, rows, cols)
    out[:, column["title"]] = row_dots(found.titles, rows, cols)
    out[:, column["titled"]] = _filled(found.titles, rows, cols)
    out[:, column["entities"]] = row_dots(found.entities, rows, cols)
    out[:, column["entities_plain"]] = row_dots(found.entities_plain, rows, cols)
    # Who else each article is like: reports of one event keep the same company
    # of other reports however many there are (see _company).
    shared = _shared_candidates(rows, cols, found.size)
    out[:, column["company"]] = _company(text, rows, cols, found.size, shared)
    out[:, column["entities_company"]] = _company(
        out[:, column["entities"]], rows, cols, found.size, shared
    )
    both, union = _shared_weight(found.entity_weights, rows, cols)
    out[:, column["entities_jaccard"]] = np.divide(
        both, union, out=np.zeros_like(both), where=union > 0
    )
    out[:, column["entities_shared"]] = np.log1p(both)
    # Who the report is about tells two events of one kind apart (two boxers'
    # title defences, two players' arrests).
    both, union = _shared_weight(found.people_weights, rows, cols)
    out[:, column["people_jaccard"]] = np.divide(
        both, union, out=np.zeros_like(both), where=union > 0
    )
    out[:, column["figures"]] = row_dots(found.figures, rows, cols)
    shared = row_dots(found.figure_counts, rows, cols)
    keys = row_dots(found.figure_keys, rows, cols)
    out[:, column["figures_shared"]] = np.log1p(shared)
    # Keys both state with no value in common: a different exchange, another day.
    out[:, column["figures_conflicting"]] = np.log1p(np.maximum(keys - shared, 0))
    # When it happened: the talks on Friday against the talks on Tuesday.
    dates = row_dots(found.date_counts, rows, cols)
    date_keys = row_dots(found.date_keys, rows, cols)
    out[:, column["dates_conflicting"]] = np.maximum(date_keys - dates, 0)
    # Few training articles carry a trusted date; the dates their texts state
    # teach how much time apart weighs, and a trusted date is used the same way.
    a, b = found.days[rows], found.days[cols]
    dated = (a >= 0) & (b >= 0)
    out[:, column["days_apart"]] = np.where(dated, np.log1p(np.abs(a - b)), 0.0)
    out[:, column["dated"]] = dated
    # Short reports share fewer words: cosines mean less alike for them.
    a, b = np.log1p(found.words[rows]), np.log1p(found.words[cols])
    out[:, column["shorter"]] = np.minimum(a, b)
    out[:, column["length_ratio"]] = np.abs(a - b)
    return out


def figure_agreement(features: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair, how many figures both state alike, how many things both give
    a figure for without any value in common, and how many of those are dates."""
    column = NAMES.index
    shared = np.rint(np.expm1(features[:, column("figures_shared")]))
    conflicting = np.rint(np.expm1(features[:, column("figures_conflicting")]))
    return shared, conflicting, features[:, column("dates_conflicting")]


def story_text(passages: Sequence[Passage]) -> str:
    """What story grouping reads of an article: its passages, one per line (not
    its captions or tags)."""
    return "\n".join(p.text for p in passages)


def _lead(title: str | None, text: str) -> str:
    return f"{title or ''}\n{text[:LEAD]}"


def word_counts(articles: Sequence[tuple[str | None, Sequence[Passage]]]) -> list[WordCounts]:
    """Each article's (title, passages) hashed counts of words and word pairs in
    its text and its lead, as :func:`text_vectors` counts them: ``{"text":
    [buckets, counts], "lead": ...}``. Kept with the article's analysis
    (computed once per article, a batch at a time by the analysis's workers), so
    that the corpus-wide pass does not count every article's words again on
    each update."""
    texts = []
    for title, passages in articles:
        text = story_text(passages)
        texts += [text, _lead(title, text)]
    counts = _hashed(texts, bigrams=True)
    found = []
    for n in range(len(articles)):
        rows = {}
        for name, row in (("text", 2 * n), ("lead", 2 * n + 1)):
            start, end = counts.indptr[row], counts.indptr[row + 1]
            rows[name] = [
                counts.indices[start:end].tolist(),
                counts.data[start:end].astype(int).tolist(),
            ]
        found.append(rows)
    return found


def _buckets(bigrams: bool) -> int:
    """How many hashed columns a text's counts have (2^21 keep word pairs' collisions rare)."""
    return 2**21 if bigrams else 2**18


def _hashed(texts: Sequence[str], bigrams: bool) -> sparse.csr_matrix:
    return hashed_counts(texts, bigrams, _buckets(bigrams))


def text_vectors(
    texts: Sequence[str],
    bigrams: bool,
    counted: Sequence[list[list[int]] | None] | None = None,
) -> sparse.csr_matrix | None:
    """TF-IDF of words (and word pairs), hashed: no vocabulary of millions of word
    pairs held in memory (2^21 buckets keep collisions rare). ``counted`` holds
    each text's counts where already known (see :func:`word_counts`)."""
    counts = _counts(texts, bigrams, counted or [None] * len(texts))
    if counts.nnz == 0:  # every text is only stop words
        return None
    return tfidf(counts)  # float32, as the counts


def _counts(
    texts: Sequence[str], bigrams: bool, counted: Sequence[list[list[int]] | None]
) -> sparse.csr_matrix:
    """The hashed counts of ``texts``, those in ``counted`` as given, the rest counted."""
    missing = [n for n, known in enumerate(counted) if known is None]
    if len(missing) == len(texts):
        return _hashed(texts, bigrams)
    fresh = _hashed([texts[n] for n in missing], bigrams) if missing else None
    rows = dict(zip(missing, range(len(missing)), strict=True))
    indices, data, indptr = [], [], [0]
    for n, known in enumerate(counted):
        if known is None:
            assert fresh is not None
            start, end = fresh.indptr[rows[n]], fresh.indptr[rows[n] + 1]
            buckets, values = fresh.indices[start:end], fresh.data[start:end]
        else:
            buckets, values = known
        indices.append(np.asarray(buckets, np.int32))
        data.append(np.asarray(values, np.float32))
        indptr.append(indptr[-1] + len(indices[-1]))
    return sparse.csr_matrix(
        (np.concatenate(data), np.concatenate(indices), np.array(indptr)),
        shape=(len(texts), _buckets(bigrams)),
    )


def set_vectors(sets: Sequence[frozenset[str]]) -> sparse.csr_matrix | None:
    """TF-IDF rows of sets (None when every set is empty).

    Weighting by rarity matters: in a corpus about one war, "Russia" is in
    every article and says nothing about which event a report covers, while
    "1,200 prisoners of war" or "Dmitry Peskov" does.
    """
    if not any(sets):
        return None
    return set_tfidf(sets)


def _binary(sets: Sequence[frozenset[str]]) -> sparse.csr_matrix | None:
    if not any(sets):
        return None
    vocabulary: dict[str, int] = {}
    indptr: list[int] = [0]
    indices: list[int] = []
    for items in sets:
        indices.extend(vocabulary.setdefault(item, len(vocabulary)) for item in sorted(items))
        indptr.append(len(indices))
    data = np.ones(len(indices), np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(sets), len(vocabulary)))


def _plain(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows of ``1 + log(count)``, unit length: word counts with no rarity."""
    weighted = sparse.csr_matrix(counts, dtype=np.float32, copy=True)
    weighted.data = np.log(weighted.data) + 1
    return _unit(weighted)


def _typical(plain: sparse.csr_matrix | None, size: int) -> np.ndarray:
    """Each article's mean plain cosine with every other article of the folder:
    high throughout a folder of one event's reports, low in a folder of many
    events. Linear: each row times the sum of the rows."""
    if plain is None or size < 2:
        return np.zeros(size)
    total = np.asarray(plain.sum(axis=0), np.float64).ravel()
    own = np.asarray(plain.multiply(plain).sum(axis=1), np.float64).ravel()  # 1, or 0 if empty
    return np.maximum(plain @ total - own, 0.0) / (size - 1)


def _unit(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return (sparse.diags((1 / norms).astype(np.float32)) @ matrix).astype(np.float32).tocsr()


def _idf_weighted(matrix: sparse.csr_matrix | None) -> sparse.csr_matrix | None:
    if matrix is None:
        return None
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + matrix.shape[0]) / (1 + df)) + 1
    return (matrix @ sparse.diags(idf.astype(np.float32))).tocsr()


def row_dots(matrix: sparse.csr_matrix | None, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``matrix[rows[n]] · matrix[cols[n]]`` for every n, a chunk of pairs at a time."""
    if matrix is None:
        return np.zeros(len(rows))
    return _rows_times(matrix, matrix, rows, cols)


def _filled(matrix: sparse.csr_matrix | None, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    if matrix is None:
        return np.zeros(len(rows))
    filled = np.asarray(matrix.getnnz(axis=1) > 0)
    return (filled[rows] & filled[cols]).astype(float)


def _shared_weight(
    weights: sparse.csr_matrix | None, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The IDF of the entities both name, and of those either names."""
    if weights is None:
        return np.zeros(len(rows)), np.zeros(len(rows))
    binary = weights.copy()
    binary.data[:] = 1
    totals = np.asarray(weights.sum(axis=1)).ravel()
    both = _rows_times(weights, binary, rows, cols)
    return both, totals[rows] + totals[cols] - both


# Rows holding more features than this on average (the texts' words and word
# pairs) are multiplied a left row at a time (see _by_left_row); fewer (a lead's
# hundred, an article's sixty candidates for its company, a few entities) a
# chunk of pairs at a time, which is faster there (0.14 against 0.18 s for the
# leads of 2,225 BBC articles' 68,000 pairs, 0.06 against 0.13 s for a company).
FULL_ROWS = 200


def _rows_times(
    left: sparse.csr_matrix, right: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """``left[rows[n]] · right[cols[n]]`` for every n, a chunk of pairs at a time."""
    if left.nnz > FULL_ROWS * left.shape[0]:
        return _by_left_row(left, right, rows, cols)
    found = np.zeros(len(rows))
    step = 20_000  # pairs per chunk: bounds the memory of the row copies
    for start in range(0, len(rows), step):
        a = left[rows[start : start + step]]
        b = right[cols[start : start + step]]
        found[start : start + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return found


def _by_left_row(
    left: sparse.csr_matrix, right: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """:func:`_rows_times` for rows of hundreds of features: each left row is
    spread into a dense vector once and its partners' rows multiplied with it,
    where copying both rows of every pair (an article has some 30 candidates)
    cost over a second for the 68,000 pairs of 2,225 BBC articles, and a
    vector of every hashed word pair (2^21) would be written once per row. So
    the columns are renumbered to those the rows use. Sums are of float64."""
    used, renumbered = np.unique(np.concatenate([left.indices, right.indices]), return_inverse=True)
    narrow = (len(left.indptr) - 1, len(used))
    left = sparse.csr_matrix((left.data, renumbered[: left.nnz], left.indptr), shape=narrow)
    right = sparse.csr_matrix(
        (right.data, renumbered[left.nnz :], right.indptr), shape=(right.shape[0], len(used))
    )
    order = np.argsort(rows, kind="stable")
    bounds = np.searchsorted(rows[order], np.arange(left.shape[0] + 1))
    found = np.zeros(len(rows))
    dense = np.zeros(len(used))
    for row in np.flatnonzero(np.diff(bounds)):
        start, end = left.indptr[row], left.indptr[row + 1]
        features = left.indices[start:end]
        dense[features] = left.data[start:end]
        pairs = order[bounds[row] : bounds[row + 1]]
        found[pairs] = right[cols[pairs]] @ dense
        dense[features] = 0.0
    return found


def _share_of_best(values: np.ndarray, rows: np.ndarray, cols: np.ndarray, size: int) -> np.ndarray:
    """Each pair's similarity over the best either article has with any candidate:
    1 for an article's closest report, whatever the corpus's vocabulary does to
    the absolute cosines."""
    best = np.zeros(size)
    np.maximum.at(best, rows, values)
    np.maximum.at(best, cols, values)
    top = np.maximum(best[rows], best[cols])
    return np.divide(values, top, out=np.zeros_like(values), where=top > 0)


def _ranks(
    values: np.ndarray, rows: np.ndarray, cols: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """How far down ``rows[n]``'s candidates (by ``values``, best first) ``cols[n]``
    comes, and the reverse, from 0."""
    ends = np.concatenate([rows, cols])
    scores = np.concatenate([values, values])
    order = np.lexsort((-scores, ends))
    starts = np.searchsorted(ends[order], np.arange(size))
    ranks = np.empty(len(ends))
    ranks[order] = np.arange(len(ends)) - starts[ends[order]]
    return ranks[: len(rows)], ranks[len(rows) :]


def _shared_neighbours(
    ranks: tuple[np.ndarray, np.ndarray], rows: np.ndarray, cols: np.ndarray, size: int
) -> np.ndarray:
    """The share of the two articles' closest few (themselves included) they
    have in common: reports of one event keep the same company, two events of
    one kind each their own."""
    near_row, near_col = ranks[0] < NEAREST, ranks[1] < NEAREST
    # Row a lists a's nearest: b when b ranks high among a's candidates.
    pairs_from = np.concatenate([rows[near_row], cols[near_col], np.arange(size)])
    pairs_to = np.concatenate([cols[near_row], rows[near_col], np.arange(size)])
    data = np.ones(len(pairs_from), np.float32)
    nearest = sparse.csr_matrix((data, (pairs_from, pairs_to)), shape=(size, size))
    return row_dots(nearest, rows, cols) / (NEAREST + 1)


def _links(values: np.ndarray, rows: np.ndarray, cols: np.ndarray, size: int) -> sparse.csr_matrix:
    """Each article's row of ``values`` with its candidates, both ways."""
    ends = np.concatenate([rows, cols])
    others = np.concatenate([cols, rows])
    return sparse.csr_matrix((np.concatenate([values, values]), (ends, others)), shape=(size, size))


def _shared_candidates(rows: np.ndarray, cols: np.ndarray, size: int) -> np.ndarray:
    """How many third articles both articles of each pair have as candidates."""
    return row_dots(_links(np.ones(len(rows)), rows, cols, size), rows, cols)


def _company(
    values: np.ndarray, rows: np.ndarray, cols: np.ndarray, size: int, shared: np.ndarray
) -> np.ndarray:
    """How alike the two articles' likenesses to every other candidate are (the
    cosine of their rows of ``values``, the pair itself left out), times n / (n
    + COMPANY), n the third articles both have as candidates (``shared``):
    reports of one event are alike to the same other reports, however many
    there are, where the nearest few of a story of twenty need not overlap."""
    likeness = _links(values, rows, cols, size)
    squares = np.asarray(likeness.multiply(likeness).sum(axis=1)).ravel()
    # Row a holds b and row b holds a, which meet in no column (no article is
    # its own candidate): the dot is over third articles, and so are the norms.
    dots = row_dots(likeness, rows, cols)
    own = values * values
    top = np.sqrt(np.maximum(squares[rows] - own, 0) * np.maximum(squares[cols] - own, 0))
    alike = np.divide(dots, top, out=np.zeros_like(dots), where=top > 0)
    # A company of a few is no evidence: in a folder of five reports of one
    # war every article is alike to the same three others.
    return alike * shared / (shared + COMPANY)
