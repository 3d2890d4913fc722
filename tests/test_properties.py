"""Properties that must hold for any input, checked with Hypothesis: no
exception escapes a reader, the query parser or fact extraction; offsets
always slice the text to what they claim; the same bytes give the same result."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.build import update
from index.corpus import Corpus
from index.model import Mention
from index.readers import FORMATS, read_bytes
from index.search import QueryError, parse
from index.store import Store

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
EXTENSIONS = sorted(FORMATS)
TEXT = st.text(st.characters(codec="utf-8"), max_size=400)
WORDS = st.lists(
    st.sampled_from(
        ["talks", "Kyiv", "1,200", "prisoners", "\u202e", "\x1b[2J", "é", "\n", "\n\n"]
    ),
    max_size=40,
).map(" ".join)


def structured(draw_text):
    """Bytes shaped like each format, so readers get past their first check."""
    return st.one_of(
        st.builds(lambda t: t.encode(), draw_text),
        st.builds(lambda t: t.encode("utf-16"), draw_text),
        st.builds(
            lambda t, s: json.dumps({"text": t, "title": s, "date": s}).encode(), draw_text, TEXT
        ),
        st.builds(
            lambda ts: "\n".join(json.dumps({"body": t}) for t in ts).encode(),
            st.lists(draw_text, max_size=4),
        ),
        st.builds(lambda t, s: f"---\ntitle: {json.dumps(s)}\n---\n{t}".encode(), draw_text, TEXT),
        st.builds(
            lambda t: f"<html><body><article><p>{t}</p></article></body></html>".encode(), draw_text
        ),
        st.builds(
            lambda t, s: (
                f"<rss><channel><title>{s}</title><item><title>{s}</title>"
                f"<description>{t}</description></item></channel></rss>"
            ).encode(),
            draw_text,
            TEXT,
        ),
    )


def check_contract(data: bytes, name: str):
    """What every reader promises, whatever the bytes."""
    result = read_bytes(data, name)
    assert result.articles or result.skipped
    for article in result.articles:
        assert article.text[:0] == "" and article.passages
        for number, passage in enumerate(article.passages, 1):
            assert passage.number == number
            assert 0 <= passage.start < passage.end <= len(article.text)
            assert article.text[passage.start : passage.end] == passage.text
        article.text.encode("utf-8")
    for skipped in result.skipped:
        assert skipped.reason
    return result


def as_plain(result):
    return (
        [a.to_json(with_text=True) for a in result.articles],
        [s.to_json() for s in result.skipped],
    )


@pytest.mark.parametrize("extension", EXTENSIONS)
@SETTINGS
@given(data=st.binary(max_size=2000))
def test_readers_never_raise_on_random_bytes(extension, data):
    check_contract(data, f"f{extension}")


@pytest.mark.parametrize("extension", EXTENSIONS)
@settings(SETTINGS, max_examples=25)
@given(data=structured(st.one_of(TEXT, WORDS)))
def test_readers_keep_offsets_and_are_deterministic_on_shaped_input(extension, data):
    name = f"f{extension}"
    first = check_contract(data, name)
    assert as_plain(read_bytes(data, name)) == as_plain(first)


@SETTINGS
@given(query=st.text(max_size=300))
def test_the_query_parser_answers_or_explains(query):
    try:
        parsed = parse(query)
    except QueryError as error:
        assert str(error)
    else:
        assert repr(parse(query)) == repr(parsed)


QUERY_PARTS = st.sampled_from(
    [
        '"',
        "(",
        ")",
        "*",
        "?",
        "a*",
        "*a*",
        "??*",
        "AND",
        "OR",
        "NOT",
        "title:",
        "source:",
        "date:",
        "[",
        "]",
        "{",
        "}",
        "^2",
        "~",
        "talks",
        "prisoners",
        "person:",
        "entity:",
        "'",
        ":",
    ]
)


@settings(SETTINGS, max_examples=150)
@given(parts=st.lists(QUERY_PARTS, max_size=30), spaced=st.booleans())
def test_query_syntax_soup_answers_or_explains(parts, spaced):
    query = (" " if spaced else "").join(parts)
    try:
        parse(query)
    except QueryError as error:
        assert str(error)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "a.txt").write_text("Peace talks in Istanbul.\n\nPrisoners were exchanged.\n")
    (corpus / "b.md").write_text("---\nsource: EFE\n---\nTalks about 1,200 prisoners.\n")
    index_path = tmp_path_factory.mktemp("ix")
    update(Corpus.of([corpus]), index_path)
    return Store(index_path)


@settings(SETTINGS, max_examples=60)
@given(parts=st.lists(QUERY_PARTS, min_size=1, max_size=12))
def test_searching_any_query_gives_a_bounded_answer_or_a_message(small_store, parts):
    from index.search import search

    try:
        result = search(small_store, " ".join(parts), limit=5)
    except QueryError:
        return
    assert 0 <= len(result.hits) <= 5 and result.total >= len(result.hits)
    for hit in result.hits:
        assert all(0 <= s < e <= len(hit.snippet) for s, e in hit.matches)


@settings(SETTINGS, max_examples=8)
@given(
    files=st.dictionaries(
        st.sampled_from(["a.txt", "b.md", "c.json", "d.jsonl", "e.html", "f.rss"]),
        structured(WORDS),
        min_size=1,
    )
)
def test_indexing_the_same_files_twice_gives_the_same_index(tmp_path_factory, files):
    corpus = tmp_path_factory.mktemp("corpus")
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    first, second = tmp_path_factory.mktemp("ix"), tmp_path_factory.mktemp("ix")
    update(Corpus.of([corpus]), first)
    update(Corpus.of([corpus]), second)
    assert not update(Corpus.of([corpus]), first).changed
    one, two = Store(first), Store(second)
    assert one.articles() == two.articles() and one.skipped() == two.skipped()
    for row in one.articles():
        article = one.article(row["id"])
        assert article == two.article(row["id"])
        assert all(article.text[p.start : p.end] == p.text for p in article.passages)


@st.composite
def article_and_mentions(draw):
    data = draw(structured(st.one_of(WORDS, TEXT)))
    result = read_bytes(data, draw(st.sampled_from(["a.txt", "a.md", "a.json"])))
    if not result.articles:
        return None, []
    article = result.articles[0]
    size = len(article.text)
    mentions = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, max(0, size - 1)))
        end = draw(st.integers(start, size))
        kind = draw(st.sampled_from(["person", "place", "number", "date", "organisation"]))
        mentions.append(Mention(start, end, article.text[start:end], kind, kind.upper()))
    return article, sorted(mentions, key=lambda m: (m.start, m.end))


@settings(SETTINGS, max_examples=60)
@given(case=article_and_mentions())
def test_fact_extraction_never_raises_and_cites_exact_characters(case):
    facts_module = pytest.importorskip("index.facts")
    article, mentions = case
    if article is None:
        return
    found = facts_module.extract_facts(article, mentions)
    passages = {p.number: p for p in article.passages}
    for fact in found:
        assert article.text[fact.start : fact.end] == fact.text
        passage = passages[fact.passage]
        assert passage.start <= fact.start <= fact.end <= passage.end
    again = facts_module.extract_facts(article, mentions)
    assert [f.to_json() for f in again] == [f.to_json() for f in found]


@settings(SETTINGS, max_examples=40)
@given(
    text=st.lists(
        st.sampled_from(
            [
                "1,200 prisoners",
                "1,000",
                "more than 500",
                "up to 3 days",
                "nearly 40%",
                '"We agreed," Fidan said.',
                "on 23 July 2025",
                "½",
                "1e308",
                "9" * 400,
                "\x1b[2J",
                "‐",
                "–12",
                "two thousand",
                "\n\n",
                ".",
                "'",
                "“",
                "”",
            ]
        ),
        max_size=25,
    ).map(" ".join)
)
def test_fact_extraction_on_number_and_quote_soup(text):
    facts_module = pytest.importorskip("index.facts")
    result = read_bytes(text.encode() or b"x", "soup.txt")
    for article in result.articles:
        for fact in facts_module.extract_facts(article, []):
            assert article.text[fact.start : fact.end] == fact.text
