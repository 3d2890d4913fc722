"""Queries reach only the documented fields, never match everything, and
cost bounded work; whatever is refused says why (exit code 2 on the command line)."""

from __future__ import annotations

import pytest

from index.library import Library
from index.search import QueryError
from tui.cli import main

DAYS = ("2025-05-10", "2025-05-16", "2025-06-02")


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    for n, day in enumerate(DAYS):
        (corpus / f"{n}.md").write_text(
            f"---\ntitle: Talks day {n}\nsource: EFE\ndate: {day}\n---\n"
            f"Prisoners were exchanged in Istanbul on {day}.\n\nThe talks went on.\n"
        )
    (corpus / "undated.txt").write_text("Ankara\n\nNo prisoners in Ankara.\n")
    found = Library([corpus], tmp_path_factory.mktemp("ix"))
    found.update()
    return found


@pytest.mark.parametrize(
    ("query", "message"),
    [
        # Fields the index keeps for itself, however the query spells them.
        ("x.kind:catalog", "unknown field 'kind'"),
        ("prisoners OR x.kind:catalog", "unknown field 'kind'"),
        ("title:(x.kind:catalog)", "unknown field 'kind'"),
        ("x.uid:*", "unknown field 'uid'"),
        ("1.path:0.md", "unknown field 'path'"),
        ("_.hash:x", "unknown field 'hash'"),
        ("a.b.number:[0 TO 9]", "unknown field 'number'"),
        ("é.data:x", "unknown field 'data'"),
        # Everything at once.
        ("*", "would match every passage"),
        ("text:*", "would match every passage"),
        ("title:*", "would match every passage"),
        ("date:*", "would match every passage"),
        ("date:[TO]", "would match every passage"),
        ("date:[ TO ]", "needs a word"),
        ("prisoners OR *", "would match every passage"),
        ("text:[a TO z]", "ranges are for dates only"),
        ("source:[a TO z]", "ranges are for dates only"),
        # Words too far off, or too short to be off at all.
        ("istanbul~10", "at most 2 letters off"),
        ("istanbul~3", "at most 2 letters off"),
        ("talks~9/1", "at most 2 letters off"),
        ("ab~", "3 letters or more"),
        ("abcd~2", "5 letters or more"),
    ],
)
def test_queries_that_reach_internals_or_everything_are_refused(library, query, message):
    with pytest.raises(QueryError, match=message):
        library.search(query)
    with pytest.raises(QueryError, match=message):
        library.search_as_typed(query, budget=1.0)


def test_the_command_line_refuses_them_with_exit_code_2(library, capsys, tmp_path):
    corpus = str(library.corpus.roots[0])
    for query in ("x.kind:catalog", "*", "istanbul~10"):
        code = main(["search", query, corpus, "--index-dir", str(tmp_path / "ix")])
        _, err = capsys.readouterr()
        assert code == 2 and "bad query" in err, query


def test_a_fuzzy_word_finds_words_one_or_two_letters_off(library):
    exact = {(h.article_id, h.passage) for h in library.search("prisoners", limit=50).hits}
    assert len(exact) == 4
    for query in ("prisonrs~", "Prisoners~1", "prisomers~", "pirsoners~2", "prisonrs~2/3"):
        found = {(h.article_id, h.passage) for h in library.search(query, limit=50).hits}
        assert found == exact, query
    assert library.search("istanbul~").total == 3
    talks = {(h.article_id, h.passage) for h in library.search("talks", limit=50).hits}
    assert talks <= {(h.article_id, h.passage) for h in library.search("talks~2", limit=50).hits}


def test_date_ranges_with_one_or_two_ends(library):
    def days(query):
        return sorted(h.article_id for h in library.search(query, limit=50).hits)

    assert days("date:[2025-05-15 TO]") == ["1.md", "1.md", "2.md", "2.md"]
    assert days("date:[TO 2025-05-15]") == ["0.md", "0.md"]
    assert days("date:[2025-05-15 TO 2025-05-31] istanbul") == ["1.md"]
    assert days("date:2025-06*") == ["2.md", "2.md"]


@pytest.mark.parametrize("query", ["source:EFE", "title:talks", "date:[2025-05-01 TO]"])
def test_totals_count_passages_only_whatever_the_limit(library, query):
    """Article documents carry title, source and date too; they are not passages."""
    every = library.search(query, limit=100)
    assert every.total == len(every.hits) == 6
    assert library.search(query, limit=1).total == 6
    assert library.search(query, limit=1, budget=60.0).total == 6


def _seed_sentences() -> list[str]:
    """Every line of the bundled seed articles, as a user might paste it."""
    from .conftest import SEEDS

    return [
        line.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_words_alone_are_parsed_as_whoosh_parses_them():
    """A query of words alone is read without Whoosh's query parser; it must
    be the very query the parser makes, for every word of real articles (stop
    words, numbers, accents, capitals) and for what is more than words."""
    import re

    from index.engines import syntax

    queries = set()
    for sentence in _seed_sentences():
        words = sentence.split()
        queries.update(" ".join(words[i : i + n]) for n in (1, 2, 4) for i in range(len(words)))
        queries.add(" ".join(re.findall(r"[^\W_]+", sentence)))
    queries |= {"AND", "prisoners OR talks", "NOT talks", "the of and", "Kiev TO Kyiv", "x_y"}
    read_alone = 0
    for query in sorted(q for q in queries if q):
        words = syntax._words(query)
        if words is not None:
            read_alone += 1
            assert words == syntax._parser().parse(query), query
    assert read_alone > 1000  # most of them are words alone


def test_a_search_of_words_finds_what_the_parser_finds(library, monkeypatch):
    from index.engines import syntax

    queries = ("prisoners", "prisoners Istanbul", "talks went", "the", "Ankara 2025")
    found = [_found(library, query) for query in queries]
    monkeypatch.setattr(syntax, "_words", lambda text: None)
    assert [_found(library, query) for query in queries] == found
    assert found[0][0] == 4 and found[-1][0] == 0


def _found(library, query: str):
    try:
        result = library.search(query, limit=10)
    except QueryError as error:
        return str(error)
    return result.total, [(h.article_id, h.passage, h.score, h.snippet) for h in result.hits]
