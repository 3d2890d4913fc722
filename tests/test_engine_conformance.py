"""Every search engine behaves the same for the user: run against each engine.

The same seeds, the same queries, the same passages found; updates, deletions,
one commit per run and the write lock work the same way. A new engine is added
to :data:`ENGINES` below as it is to ``index.engines``.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import threading

import pytest

from index import engines
from index.engines.words import index_form
from index.errors import IndexLocked, QueryError
from index.library import Library

from .conftest import ROOT, SEEDS

ENGINES = [
    pytest.param(
        name,
        marks=pytest.mark.skipif(
            importlib.util.find_spec(name) is None, reason=f"{name} is not installed"
        ),
    )
    for name in engines.ENGINES
]

# Queries of every kind the README documents, and what the seeds hold for them.
QUERIES = [
    "prisoners",
    "prisoner",
    "Dolmabahce",
    "Dolmabahçe",
    '"prisoners of war"',
    "pris*",
    "prisonrs~",
    "prisoners AND ceasefire",
    "prisoners OR ceasefire",
    "prisoners NOT exchange",
    "(Kyiv OR Kiev) AND talks",
    "source:EFE",
    'source:"Al Jazeera" prisoner',
    "title:talks",
    "date:[2025-05-01 TO 2025-05-31] prisoners",
    "1,000",
    "1000",
    "text:Istanbul",
]


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


def indexed(paths, index_dir, engine: str) -> Library:
    library = Library(paths, index_dir, engine=engine)
    library.update()
    return library


@pytest.fixture
def library(engine, tmp_path) -> Library:
    return indexed([SEEDS], tmp_path / "ix", engine)


def found(library: Library, query: str) -> set[tuple[str, int]]:
    return {(h.article_id, h.passage) for h in library.search(query, limit=500).hits}


def test_the_seeds_are_listed_and_read_back_whole(library):
    assert [a.id[:3] for a in library.articles()] == ["000", "001", "002", "003", "004"]
    article = library.article(library.articles()[0].id)
    assert article is not None and article.passages
    assert all(article.text[p.start : p.end] == p.text for p in article.passages)


def test_words_stem_accents_fold_and_numbers_keep_their_digits(library):
    assert found(library, "prisoner") == found(library, "prisoners") != set()
    assert {a[:3] for a, _ in found(library, "Dolmabahce")} == {"000", "001", "003"}
    assert found(library, "1,000") == found(library, "1000") != set()


def test_phrases_prefixes_fields_and_operators(library):
    assert {a[:3] for a, _ in found(library, '"prisoners of war"')} == {"001", "002"}
    assert ("002_a8eac72172824d05.txt", 1) in found(library, "pris*")
    assert {a[:3] for a, _ in found(library, "source:EFE")} == {"000"}
    both = found(library, "prisoners AND ceasefire")
    either = found(library, "prisoners OR ceasefire")
    assert both <= found(library, "prisoners") <= either
    assert not found(library, "prisoners NOT exchange") & found(library, "exchange")


def test_hits_cite_their_passage_and_highlight_the_words_matched(library):
    result = library.search("Dolmabahce", limit=50)
    assert result.total == len(result.hits) > 0
    for hit in result.hits:
        passage = library.article(hit.article_id).passages[hit.passage - 1]
        assert (hit.start, hit.end) == (passage.start, passage.end)
        words = [hit.snippet[s:e].lower() for s, e in hit.matches]
        assert words and set(words) <= {"dolmabahçe", "dolmabahce"}


def test_the_total_counts_every_passage_matched_beyond_the_limit(library):
    everything = library.search("prisoners", limit=500)
    first = library.search("prisoners", limit=2)
    assert len(first.hits) == 2 and first.total == everything.total > 2
    assert [h.passage for h in first.hits] == [h.passage for h in everything.hits[:2]]


def test_bad_queries_are_explained(library):
    for query in ("", "*", "colour:red", '"unclosed', "a*", "prisoners~9"):
        with pytest.raises(QueryError):
            library.search(query)


def test_search_as_typed_finds_the_word_being_typed(library):
    assert found(library, "prisoners") <= {
        (h.article_id, h.passage) for h in library.search_as_typed("prisone", 500).hits
    }


def test_a_misspelt_word_is_offered_the_spellings_the_seeds_write(library):
    """Whoosh reads the words as written from its word table, tantivy from the
    passages of its stems: the same suggestions."""
    assert library.suggest("Zelenksy") == ["Zelensky", "Zelenskyy"]
    assert library.suggest("Umarov") == ["Umerov"]
    assert library.suggest("Istambul talks") == ["Istanbul talks"]
    assert library.suggest("title:Istambul") == ["title:Istanbul"]
    assert library.suggest("source:Jazera") == ["source:Jazeera"]
    assert library.suggest("delegaton") == ["delegation"]
    assert library.suggest("1,201") == []  # a figure, never a typo of 1,200
    for suggestion in library.suggest("Zelenksy"):
        assert library.search(suggestion).total > 0


def test_the_passages_holding_a_word_are_read_as_stored(library):
    """What a suggestion reads for the ways the corpus writes a stem: passages
    (not their articles, which carry the title too), each holding the word."""
    reader = library.store.reader
    held = reader.passages_with("text", "prison", 50)
    assert held and all(p["kind"] == "passage" for p in held)
    assert all("prison" in {index_form(w) for w in p["text"].split()} for p in held)
    assert len(reader.passages_with("text", "prison", 2)) == 2
    titled = reader.passages_with("title", "talk", 50)
    assert titled and all(p["kind"] == "passage" and "alk" in p["title"] for p in titled)
    assert reader.passages_with("text", "zanzibar", 50) == []


def test_a_changed_file_is_found_by_its_new_words_only(engine, seeds_copy, tmp_path):
    library = indexed([seeds_copy], tmp_path / "ix", engine)
    assert not found(library, "zanzibar")
    target = seeds_copy / "002_a8eac72172824d05.txt"
    target.write_text("Talks in Zanzibar\n\nDelegates met in Zanzibar today.\n", encoding="utf-8")
    summary = library.update()
    assert summary.updated == ["002_a8eac72172824d05.txt"]
    assert {a for a, _ in found(library, "zanzibar")} == {"002_a8eac72172824d05.txt"}
    assert "002_a8eac72172824d05.txt" not in {a for a, _ in found(library, '"prisoners of war"')}


def test_a_deleted_file_leaves_the_index_and_its_search(engine, seeds_copy, tmp_path):
    library = indexed([seeds_copy], tmp_path / "ix", engine)
    (seeds_copy / "001_4a6a3c07746cc093.txt").unlink()
    assert library.update().removed == ["001_4a6a3c07746cc093.txt"]
    assert len(library.articles()) == 4
    assert "001_4a6a3c07746cc093.txt" not in {a for a, _ in found(library, "prisoners")}


def test_a_file_named_like_an_internal_document_is_an_article_like_any(engine, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("views:a.txt", "blob:a.txt", "a.txt"):
        (corpus / name).write_text(f"Report {name}\n\nDelegates met in Geneva.\n", "utf-8")
    library = indexed([corpus], tmp_path / "ix", engine)
    assert sorted(a.id for a in library.articles()) == ["a.txt", "blob:a.txt", "views:a.txt"]
    assert len(found(library, "geneva")) == 3
    assert not library.update().changed  # its catalog was not overwritten by the article


def test_a_second_indexing_run_waits_for_the_first(engine, seeds_copy, tmp_path):
    library = indexed([seeds_copy], tmp_path / "ix", engine)
    (seeds_copy / "new.txt").write_text("Late news\n\nA ceasefire in Geneva.\n", "utf-8")
    writer = library.engine.writer(library.index_path, wait=1.0)
    try:
        with pytest.raises(IndexLocked):
            library.update(wait=0.2)
        assert not found(library, "geneva")  # nothing half-written is seen
    finally:
        writer.cancel()
    assert library.update().added == ["new.txt"]
    assert found(library, "geneva")


def test_readers_see_the_last_commit_while_a_run_writes(engine, seeds_copy, tmp_path):
    library = indexed([seeds_copy], tmp_path / "ix", engine)
    before = found(library, "prisoners")
    writer = library.engine.writer(library.index_path, wait=1.0)
    try:
        writer.delete_article("002_a8eac72172824d05.txt")
        other = Library([seeds_copy], library.index_path, engine=engine)
        assert found(other, "prisoners") == before
    finally:
        writer.cancel()
    assert found(library, "prisoners") == before


def test_a_checkpoint_shows_what_is_written_and_the_run_goes_on(engine, seeds_copy, tmp_path):
    """A first index shows its articles batch by batch: what a run has written
    is seen after a checkpoint, while the run keeps the index to itself."""
    library = indexed([seeds_copy], tmp_path / "ix", engine)
    before = found(library, "prisoners")
    gone = {hit for hit in before if hit[0].startswith("002")}
    assert gone
    writer = library.engine.writer(library.index_path, wait=1.0)
    try:
        writer.delete_article("002_a8eac72172824d05.txt")
        writer.checkpoint()
        other = Library([seeds_copy], library.index_path, engine=engine)
        assert found(other, "prisoners") == before - gone
        with pytest.raises(IndexLocked):
            library.engine.writer(library.index_path, wait=0.2)
        writer.delete_article("001_4a6a3c07746cc093.txt")
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    later = Library([seeds_copy], library.index_path, engine=engine)
    assert not {hit for hit in found(later, "prisoners") if hit[0][:3] in {"001", "002"}}


def test_searches_from_many_threads_agree(library):
    expected = found(library, "prisoners")
    results: list[set[tuple[str, int]]] = []

    def run() -> None:
        for _ in range(5):
            results.append(found(library, "prisoners"))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 20


def test_an_index_in_another_format_is_rebuilt_with_a_message(engine, seeds_copy, tmp_path):
    from index.store import FORMAT, FORMAT_UID, IndexOutdated, Store, pack

    library = indexed([seeds_copy], tmp_path / "ix", engine)
    before = found(library, "prisoners")
    writer = library.engine.writer(library.index_path, wait=1.0)
    writer.replace({"uid": FORMAT_UID, "kind": "catalog", "data": pack(FORMAT - 1)})
    writer.commit()
    with pytest.raises(IndexOutdated, match=f"format {FORMAT - 1}; this one reads format"):
        Store(library.index_path, library.engine)
    summary = library.update()
    assert summary.rebuilt == (
        f"the index at {library.index_path} was written in another format "
        f"(format {FORMAT - 1}, not {FORMAT}); rebuilt it from the corpus"
    )
    assert len(summary.added) == 5 and found(library, "prisoners") == before


@pytest.mark.parametrize("engine", [p for p in ENGINES if p.values[0] != engines.DEFAULT])
@pytest.mark.parametrize("query", QUERIES)
def test_every_engine_finds_what_whoosh_finds(engine, query, tmp_path_factory):
    """The reference is Whoosh, the default: the same passages for every query."""
    reference = _reference(tmp_path_factory)
    mine = _built(engine, tmp_path_factory)
    theirs, ours = reference.search(query, limit=500), mine.search(query, limit=500)
    assert {(h.article_id, h.passage) for h in ours.hits} == {
        (h.article_id, h.passage) for h in theirs.hits
    }
    assert ours.total == theirs.total


# Fields the analysis fills in, expanded through the corpus-wide state.
ANALYSED_QUERIES = [
    "person:Fidan",
    "place:Kiev",
    "place:Kyiv",
    "entity:Erdogan",
    "relation:differ",
    "story:s1",
    "story:s2 prisoners",
    "fact:prisoners",
    'fact:"prisoners of war"',
    "person:(Fidan OR Umerov)",
    "Place:Kyiv",
]


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_entity_story_and_relation_fields_find_the_same_passages(engine, tmp_path_factory):
    """With the NLP: what the fields expand to is searched the same by every engine."""
    reference = _analysed(engines.DEFAULT, tmp_path_factory)
    mine = _analysed(engine, tmp_path_factory)
    for query in ANALYSED_QUERIES:
        theirs, ours = reference.search(query, limit=500), mine.search(query, limit=500)
        assert theirs.total > 0, query
        assert {(h.article_id, h.passage) for h in ours.hits} == {
            (h.article_id, h.passage) for h in theirs.hits
        }, query
        assert ours.total == theirs.total, query


@pytest.mark.slow
def test_an_entity_field_before_parentheses_names_each_word_in_them(tmp_path_factory):
    """``person:(Fidan OR Umerov)`` finds the passages naming either, not the word
    "person"; a field written with a capital is that field."""
    library = _analysed(engines.DEFAULT, tmp_path_factory)

    def found(query: str) -> set[tuple[str, int]]:
        return {(h.article_id, h.passage) for h in library.search(query, limit=500).hits}

    either = found("person:Fidan") | found("person:Umerov")
    assert found("person:Fidan") and found("person:Umerov") and found("person:Fidan") != either
    assert found("person:(Fidan OR Umerov)") == either
    assert found('person:("Hakan Fidan" OR Umerov)') == either
    assert found("Person:Fidan") == found("person:Fidan")


def _analysed(engine: str, factory) -> Library:
    """The seeds indexed with the NLP once per engine."""
    from index.analysis import Analysis

    key = f"{engine}+nlp"
    if key not in _BUILT:
        folder = factory.mktemp(key) / "ix"
        _BUILT[key] = Library([SEEDS], folder, analysis=Analysis(), engine=engine)
        _BUILT[key].update()
    return _BUILT[key]


_BUILT: dict[str, Library] = {}


def _built(engine: str, factory) -> Library:
    """The seeds indexed once per engine for the comparison."""
    if engine not in _BUILT:
        _BUILT[engine] = indexed([SEEDS], factory.mktemp(engine) / "ix", engine)
    return _BUILT[engine]


def _reference(factory) -> Library:
    return _built(engines.DEFAULT, factory)


def test_an_unknown_engine_is_named_with_the_choices(tmp_path, monkeypatch):
    from index.errors import UnknownEngine

    monkeypatch.setenv("NEWSDESK_ENGINE", "lucene")
    with pytest.raises(UnknownEngine, match="engines are whoosh, tantivy"):
        Library([SEEDS], tmp_path / "ix")
    assert not (tmp_path / "ix").exists()


def _cli_hits(capsys, *args: str) -> list[tuple[str, int]]:
    from tui.cli import main

    assert main(["search", "prisoners", str(SEEDS), "--json", "--limit", "50", *args]) == 0
    return sorted((h["id"], h["passage"]) for h in json.loads(capsys.readouterr().out)["hits"])


@pytest.mark.parametrize("engine", ENGINES)
def test_the_command_line_chooses_the_engine(engine, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_ENGINE", engines.DEFAULT)  # restored after the test
    reference = _cli_hits(capsys, "--index-dir", str(tmp_path / "a"))
    assert _cli_hits(capsys, "--engine", engine, "--index-dir", str(tmp_path / "b")) == reference
    monkeypatch.setenv("NEWSDESK_ENGINE", engine)
    assert _cli_hits(capsys, "--index-dir", str(tmp_path / "c")) == reference
    chosen = engines.get(engine)
    assert chosen.exists(tmp_path / "b") and chosen.exists(tmp_path / "c")


def test_an_unknown_engine_on_the_command_line_is_refused(capsys, tmp_path):
    from tui.cli import main

    code = main(["search", "prisoners", str(SEEDS), "--engine", "lucene"])
    assert code == 2
    assert "unknown search engine 'lucene'; engines are whoosh, tantivy" in capsys.readouterr().err


def test_indexing_apart_writes_the_engine_the_library_reads(engine, tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSDESK_ENGINE", raising=False)
    library = Library([SEEDS], tmp_path / "ix", engine=engine, apart=True)
    assert len(library.update().added) == 5
    assert library.engine.exists(tmp_path / "ix") and found(library, "prisoners")


def test_an_index_cut_short_is_rebuilt_and_says_so(engine, seeds_copy, tmp_path):
    from index.folder import MARKER

    # Built by another process: cutting files this one maps would crash it, not the test.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui.cli",
            "index",
            str(seeds_copy),
            "--engine",
            engine,
            "--index-dir",
            str(tmp_path / "ix"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    for file in (tmp_path / "ix").rglob("*"):
        if file.is_file() and file.name != MARKER and not file.name.endswith("lock"):
            file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])
    library = Library([seeds_copy], tmp_path / "ix", engine=engine)
    summary = library.update()
    assert summary.rebuilt.startswith(f"the index at {tmp_path / 'ix'} was damaged (")
    assert summary.rebuilt.endswith("rebuilt it from the corpus")
    assert {a[:3] for a, _ in found(library, '"prisoners of war"')} == {"001", "002"}
