"""Word counts and TF-IDF weights without scikit-learn give scikit-learn's matrices."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    HashingVectorizer,
    TfidfTransformer,
    TfidfVectorizer,
)

from index import tfidf
from index.crossref import related_passages
from index.story_features import set_vectors, text_vectors

from .conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The seeds' articles and their paragraphs: captions, sign-offs, a paragraph
    of stop words only, names in other scripts."""
    articles = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    paragraphs = [p for text in articles for p in text.split("\n") if p.strip()]
    return articles + paragraphs + ["It was then, and it is now.", "Київ і Kyiv, Zelenskyy's"]


def test_the_stop_words_are_the_vectorizers():
    assert tfidf.ENGLISH_STOP_WORDS == ENGLISH_STOP_WORDS


@pytest.mark.parametrize("bigrams", [False, True])
def test_hashed_counts_are_the_hashing_vectorizers(texts, bigrams):
    buckets = 2**21 if bigrams else 2**18
    expected = HashingVectorizer(
        stop_words="english",
        ngram_range=(1, 2 if bigrams else 1),
        n_features=buckets,
        alternate_sign=False,
        norm=None,
        dtype=np.float32,
    ).transform(texts)
    found = tfidf.hashed_counts(texts, bigrams, buckets)
    assert found.dtype == np.float32
    assert (found != expected).nnz == 0
    assert found.nnz == expected.nnz > 1000


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_weights_are_the_tfidf_transformers(texts, dtype):
    counts = tfidf.hashed_counts(texts, True, 2**21).astype(dtype)
    expected = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    found = tfidf.tfidf(counts)
    assert found.dtype == dtype
    assert abs(found - expected).max() < 1e-6
    lengths = np.sqrt(np.asarray(found.multiply(found).sum(axis=1)).ravel())
    assert np.allclose(lengths[lengths > 0], 1.0, atol=1e-5)  # every row with words


def test_weights_of_words_and_of_sets_are_the_tfidf_vectorizers(texts):
    expected = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    matrix = expected.fit_transform(texts)
    found, words = tfidf.text_tfidf(texts)
    assert list(words) == list(expected.get_feature_names_out())
    assert abs(found - matrix).max() < 1e-12

    sets = [frozenset(text.lower().split()[:12]) for text in texts] + [frozenset()]
    by_sets = TfidfVectorizer(analyzer=lambda items: items, sublinear_tf=True, dtype=np.float32)
    matrix = by_sets.fit_transform([sorted(s) for s in sets])
    found = tfidf.set_tfidf(sets)
    assert found.dtype == np.float32
    assert abs(found - matrix).max() < 1e-6
    assert tfidf.text_tfidf(["It is.", "Then."]) is None  # stop words and one letter


def test_the_story_vectors_and_related_passages_read_the_same_weights(texts):
    rows = text_vectors(texts, bigrams=True)
    assert rows is not None and rows.shape == (len(texts), 2**21)
    expected = TfidfTransformer(sublinear_tf=True).fit_transform(
        tfidf.hashed_counts(texts, True, 2**21)
    )
    assert abs(rows - expected).max() < 1e-6
    assert set_vectors([frozenset(), frozenset()]) is None

    passages = [
        ("a", 1, "Ukraine and Russia exchanged 1,000 prisoners of war in Istanbul."),
        ("a", 2, "The weather in Kyiv was mild."),
        ("b", 1, "Russia and Ukraine swapped prisoners of war after the Istanbul talks."),
    ]
    related = related_passages(passages, {}, {}, {})
    (best,) = [pick for pick in related[("a", 1)] if pick["id"] == "b"]
    assert best["passage"] == 1 and best["score"] > 0.3
    assert best["reasons"] == ["terms: istanbul, prisoners, russia, ukraine"]
    assert related_passages(passages[:2], {}, {}, {}) == {}  # one article: nothing to relate


def test_the_reader_and_a_corpus_pass_do_not_import_scikit_learn():
    """Importing scikit-learn's text module costs a second or more of every
    update; the analysis, the pass and the reader need none of it (it is
    installed for training the story model and for the tests only)."""
    script = (
        "import sys\n"
        "import tui.app\n"
        "from index import analysis, corpus_pass, crossref, stories, story_features, tfidf\n"
        "story_features.text_vectors(['Kyiv talks', 'talks in Istanbul'], bigrams=True)\n"
        "tfidf.text_tfidf(['Kyiv talks', 'talks in Istanbul'])\n"
        "print('sklearn' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
