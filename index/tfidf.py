"""Word counts and TF-IDF weights as scikit-learn's text vectorizers compute them,
without importing scikit-learn.

Importing ``sklearn.feature_extraction.text`` costs a second or more (it loads
most of scikit-learn and SciPy's statistics), which every update paid for a few
sparse products. The same arithmetic in NumPy and SciPy's sparse matrices, with
the same tokens, stop words and hash (MurmurHash3, from ``mmh3``), gives the
same matrices; ``tests/test_tfidf.py`` compares them with scikit-learn's, which
the training scripts still use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import mmh3
import numpy as np
from scipy import sparse

# The English stop words of scikit-learn's text vectorizers (``ENGLISH_STOP_WORDS``,
# from the Glasgow Information Retrieval Group's list; BSD-3-Clause), written out
# so that hashed words stay the words they were: a stored article's word counts
# are only comparable with counts made with the same list.
_STOP_WORDS = """a about above across after afterwards again against all almost alone along
    already also although always am among amongst amoungst amount an and another any
    anyhow anyone anything anyway anywhere are around as at back be became because
    become becomes becoming been before beforehand behind being below beside besides
    between beyond bill both bottom but by call can cannot cant co con could couldnt
    cry de describe detail do done down due during each eg eight either eleven else
    elsewhere empty enough etc even ever every everyone everything everywhere except
    few fifteen fifty fill find fire first five for former formerly forty found four
    from front full further get give go had has hasnt have he hence her here hereafter
    hereby herein hereupon hers herself him himself his how however hundred i ie if in
    inc indeed interest into is it its itself keep last latter latterly least less ltd
    made many may me meanwhile might mill mine more moreover most mostly move much must
    my myself name namely neither never nevertheless next nine no nobody none noone nor
    not nothing now nowhere of off often on once one only onto or other others
    otherwise our ours ourselves out over own part per perhaps please put rather re
    same see seem seemed seeming seems serious several she should show side since
    sincere six sixty so some somehow someone something sometime sometimes somewhere
    still such system take ten than that the their them themselves then thence there
    thereafter thereby therefore therein thereupon these they thick thin third this
    those though three through throughout thru thus to together too top toward towards
    twelve twenty two un under until up upon us very via was we well were what
    whatever when whence whenever where whereafter whereas whereby wherein whereupon
    wherever whether which while whither who whoever whole whom whose why will with
    within without would yet you your yours yourself yourselves"""
ENGLISH_STOP_WORDS = frozenset(_STOP_WORDS.split())

# A token as the vectorizers read one: two or more word characters.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def words(text: str) -> list[str]:
    """``text``'s words in lower case, stop words left out."""
    return [w for w in _TOKEN.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def _grams(text: str, bigrams: bool) -> Iterable[str]:
    tokens = words(text)
    yield from tokens
    if bigrams:
        yield from (f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))


def _bucket(gram: str, buckets: int) -> int:
    h = mmh3.hash(gram, 0, signed=True)
    # abs(-2**31) overflows an int32 where scikit-learn computes it; it defines it so
    return (2147483647 - (buckets - 1)) % buckets if h == -2147483648 else abs(h) % buckets


def hashed_counts(texts: Sequence[str], bigrams: bool, buckets: int) -> sparse.csr_matrix:
    """Each text's counts of words (and word pairs) hashed into ``buckets`` columns,
    float32: ``HashingVectorizer(stop_words="english", ngram_range=(1, 2 if bigrams
    else 1), alternate_sign=False, norm=None)``."""
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        indices.extend(_bucket(gram, buckets) for gram in _grams(text, bigrams))
        indptr.append(len(indices))
    counts = sparse.csr_matrix(
        (
            np.ones(len(indices), np.float32),
            np.array(indices, np.int32),
            np.array(indptr, np.int32),
        ),
        shape=(len(texts), buckets),
    )
    counts.sum_duplicates()
    return counts


def tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """``TfidfTransformer(sublinear_tf=True)`` fitted on ``counts`` and applied to
    them: 1 + log of each count, times the smoothed inverse document frequency
    (log((1 + n) / (1 + df)) + 1), each row scaled to unit length. Keeps the
    counts' float type (float32 or float64)."""
    dtype = counts.dtype if counts.dtype in (np.float32, np.float64) else np.float64
    weights = sparse.csr_matrix(counts, dtype=dtype, copy=True)
    weights.sum_duplicates()
    frequency = np.bincount(weights.indices, minlength=weights.shape[1]).astype(dtype)
    frequency += 1.0
    idf = np.full_like(frequency, fill_value=weights.shape[0] + 1, dtype=dtype)
    idf /= frequency
    np.log(idf, out=idf)
    idf += 1.0
    np.log(weights.data, weights.data)
    weights.data += 1.0
    weights.data *= idf[weights.indices]
    squares = sparse.csr_matrix(
        ((weights.data * weights.data).astype(np.float64), weights.indices, weights.indptr),
        shape=weights.shape,
    )
    lengths = np.sqrt(np.asarray(squares.sum(axis=1)).ravel())
    lengths[lengths == 0.0] = 1.0
    rows = np.repeat(np.arange(weights.shape[0]), np.diff(weights.indptr))
    weights.data = (weights.data / lengths[rows]).astype(dtype)
    return weights


def vocabulary_counts(
    documents: Sequence[Iterable[str]], dtype: type = np.float64
) -> tuple[sparse.csr_matrix, list[str]]:
    """Counts of each document's terms, columns in the terms' sorted order, and
    the terms (a ``CountVectorizer``'s matrix and feature names)."""
    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for terms in documents:
        indices.extend(vocabulary.setdefault(term, len(vocabulary)) for term in terms)
        indptr.append(len(indices))
    terms = sorted(vocabulary)
    order = np.empty(len(terms), np.int32)
    for column, term in enumerate(terms):
        order[vocabulary[term]] = column
    counts = sparse.csr_matrix(
        (np.ones(len(indices), dtype), order[np.array(indices, np.int64)], np.array(indptr)),
        shape=(len(indptr) - 1, len(terms)),
    )
    counts.sum_duplicates()
    counts.sort_indices()
    return counts, terms


def text_tfidf(texts: Sequence[str]) -> tuple[sparse.csr_matrix, list[str]] | None:
    """``TfidfVectorizer(stop_words="english", sublinear_tf=True)`` on ``texts``:
    the weights and the words of the columns; None where no text has a word."""
    counts, terms = vocabulary_counts([words(text) for text in texts])
    if not terms:
        return None
    return tfidf(counts), terms


def set_tfidf(sets: Sequence[Iterable[str]]) -> sparse.csr_matrix:
    """``TfidfVectorizer(analyzer=..., sublinear_tf=True, dtype=np.float32)`` on
    sets of terms, float32."""
    counts, _ = vocabulary_counts([sorted(items) for items in sets], np.float32)
    return tfidf(counts)
