"""The index: search behaviour, incremental runs, killed runs, concurrent use."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from index.build import update
from index.corpus import Corpus
from index.library import Library
from index.search import QueryError
from index.store import Store

from .conftest import ROOT, SEEDS


@pytest.fixture
def seeds_library(tmp_path):
    library = Library([SEEDS], tmp_path / "ix")
    library.update()
    return library


def hit_ids(library, query):
    return [(h.article_id[:3], h.passage) for h in library.search(query, limit=50).hits]


def test_prisoners_finds_both_exchange_reports(seeds_library):
    found = {a for a, _ in hit_ids(seeds_library, "prisoners")}
    assert {"001", "002", "003"} <= found


def test_accents_fold_and_words_stem(seeds_library):
    assert {a for a, _ in hit_ids(seeds_library, "Dolmabahce")} == {"000", "001", "003"}
    assert hit_ids(seeds_library, "prisoner") == hit_ids(seeds_library, "prisoners")


def test_fields_phrases_and_prefixes(seeds_library):
    assert {a for a, _ in hit_ids(seeds_library, "source:EFE")} == {"000"}
    assert {a for a, _ in hit_ids(seeds_library, 'source:"Al Jazeera" prisoner')} == {"001"}
    phrase = hit_ids(seeds_library, '"prisoners of war"')
    assert {a for a, _ in phrase} == {"001", "002"}
    assert ("002", 1) in hit_ids(seeds_library, "pris*")


def test_a_search_with_a_budget_or_told_to_stop_ends_early_and_says_so(seeds_library):
    def ranked(result):
        return sorted((round(h.score, 6), h.article_id, h.passage) for h in result.hits)

    full = seeds_library.search("prisoners OR talks", 50)
    assert full.complete and full.total >= 5
    # Time enough: the same passages with the same scores, found the other way.
    roomy = seeds_library.search("prisoners OR talks", 50, budget=60.0)
    assert roomy.complete and ranked(roomy) == ranked(full)
    # No time at all, or a newer keystroke: it stops and says the answer is partial.
    for early in (
        seeds_library.search("prisoners OR talks", 50, budget=0.0),
        seeds_library.search("prisoners OR talks", 50, stop=lambda: True),
    ):
        assert not early.complete and len(early.hits) < len(full.hits)


@pytest.mark.parametrize("query", ["title:talks", "source:EFE", "prisoners", "pris*"])
def test_every_hit_is_a_passage_with_or_without_a_budget(seeds_library, query):
    """Titles and sources are indexed on whole articles too; hits are passages all the same."""
    full = seeds_library.search(query, 50)
    timed = seeds_library.search(query, 50, budget=60.0)
    assert full.hits and [(h.article_id, h.passage) for h in full.hits] == [
        (h.article_id, h.passage) for h in timed.hits
    ]
    for hit in full.hits:
        passage = seeds_library.passage(hit.article_id, hit.passage)
        assert passage is not None and hit.snippet.strip("…") in passage.text


def test_the_count_of_matches_leaves_out_removed_files(tmp_path):
    """Whoosh keeps a removed file's passages in its term counts until segments merge;
    "N passages match" must not count them."""
    corpus = tmp_path / "corpus"
    (corpus / "extra").mkdir(parents=True)
    for n in range(30):
        (corpus / f"{n:02}.txt").write_text(f"Report {n}\n\nThe prisoners were freed on day {n}.\n")
    library = Library([corpus], tmp_path / "ix")
    library.update()
    for n in range(40):
        (corpus / "extra" / f"{n:02}.txt").write_text(f"Extra {n}\n\nMore prisoners, {n}.\n")
    assert library.update().added and library.search("prisoners").total == 70
    shutil.rmtree(corpus / "extra")
    assert len(library.update().removed) == 40
    assert library.search("prisoners", limit=1).total == 30
    assert library.search("prisoners", limit=5, budget=60.0).total == 30
    assert library.search_as_typed("prisoners", 5).total == 30


def test_an_index_from_before_the_catalog_is_rebuilt_and_says_so(seeds_library):
    from index.engines.whoosh import open_for_writing, writer_for
    from index.store import CATALOG_UID, FORMAT_UID, LISTING_UID

    listing = seeds_library.listing()
    assert [row[0] for row in listing] == sorted(a.id for a in seeds_library.articles())
    untitled = [row for row in listing if not row[4]]
    assert untitled and all(row[5] for row in untitled)  # their lead stands in for a title
    writer = writer_for(open_for_writing(seeds_library.index_path))
    for uid in (CATALOG_UID, LISTING_UID, FORMAT_UID):  # as an older newsdesk wrote it
        writer.delete_by_term("uid", uid)
    writer.commit()
    summary = seeds_library.update()
    assert "written in another format (before format" in summary.rebuilt
    assert "rebuilt it from the corpus" in summary.rebuilt
    assert summary.added and seeds_library.listing() == listing


def test_hits_cite_their_passage_and_highlight_the_match(seeds_library):
    hit = next(h for h in seeds_library.search("Dolmabahce").hits if h.article_id[:3] == "000")
    article = seeds_library.article(hit.article_id)
    assert article.text[hit.start : hit.end] == article.passages[hit.passage - 1].text
    assert [hit.snippet[s:e] for s, e in hit.matches] == ["Dolmabahçe"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty"),
        ("AND OR", "no words"),
        ("a*", "too many words"),
        ("nope:x", "unknown field"),
        ("x" * 3000, "limit"),
    ],
)
def test_bad_queries_say_what_is_wrong(seeds_library, query, message):
    with pytest.raises(QueryError, match=message):
        seeds_library.search(query)


def test_unbalanced_quotes_and_a_lone_star_give_a_reason(seeds_library):
    with pytest.raises(QueryError, match="quotation mark is not closed"):
        seeds_library.search('"peace talks')
    # A phrase still being typed in the reader is searched as if it were closed.
    assert seeds_library.search_as_typed('"peace talks').total >= 1
    with pytest.raises(QueryError, match="would match every passage"):
        seeds_library.search("*", limit=5)


def test_second_run_reads_nothing_and_changes_are_picked_up(seeds_copy, tmp_path, monkeypatch):
    library = Library([seeds_copy], tmp_path / "ix")
    assert len(library.update().added) == 5
    import index.build_batches

    calls = []
    real_read = index.build_batches.read
    monkeypatch.setattr(index.build_batches, "read", lambda *a: calls.append(a) or real_read(*a))
    again = library.update()
    assert (again.added, again.updated, again.removed, again.unchanged) == ([], [], [], 5)
    assert calls == []

    first = next(seeds_copy.glob("000_*.txt"))
    os.utime(first, None)  # touched, same bytes: read and hashed, not re-indexed
    (seeds_copy / "new.md").write_text("---\ntitle: Added later\n---\nZanzibar talks.\n")
    (next(seeds_copy.glob("001_*.txt"))).write_text("Rewritten text about Zanzibar.\n")
    next(seeds_copy.glob("004_*.txt")).unlink()
    summary = library.update()
    assert summary.added == ["new.md"]
    assert summary.updated == ["001_4a6a3c07746cc093.txt"]
    assert summary.removed == ["004_454988fc12dd0efa.txt"]
    assert summary.unchanged == 3
    assert {a for a, _ in hit_ids(library, "Zanzibar")} == {"001", "new"}
    assert len(library.articles()) == 5
    assert not hit_ids(library, "Kupiansk")  # only 004 named it


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from index.build import update
    from index.corpus import Corpus
    calls = 0
    def analyse(articles):
        global calls
        calls += 1
        if calls == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)
        return [{} for _ in articles]
    update(Corpus.of([sys.argv[1]]), __import__("pathlib").Path(sys.argv[2]),
           analyse=analyse, batch=1)
    """
)


def test_killed_run_leaves_last_commit_readable_and_next_run_finishes(seeds_copy, tmp_path):
    index_path = tmp_path / "ix"
    update(Corpus.of([seeds_copy]), index_path)
    for n in range(3):
        (seeds_copy / f"extra{n}.txt").write_text(f"Extra report {n} on prisoners.\n\nMore.")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for kill_at in (1, 2, 3):
        done = subprocess.run(
            [sys.executable, "-c", KILLER, str(seeds_copy), str(index_path), str(kill_at)],
            env=env,
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == -9
        store = Store(index_path)
        assert len(store.articles()) == 5  # the last committed run, whole
    summary = update(Corpus.of([seeds_copy]), index_path)
    assert sorted(summary.added) == ["extra0.txt", "extra1.txt", "extra2.txt"]
    assert len(Store(index_path).articles()) == 8


def test_readers_keep_working_while_another_process_indexes(seeds_copy, tmp_path):
    index_path = tmp_path / "ix"
    update(Corpus.of([seeds_copy]), index_path)
    for n in range(200):
        (seeds_copy / f"bulk{n:03}.txt").write_text(f"Bulk report {n} on prisoners.\n\nMore.")
    errors, counts = [], []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                library = Library([seeds_copy], index_path)
                counts.append(library.search("prisoners", limit=5).total)
            except Exception as error:  # any failure is the finding
                errors.append(error)
            time.sleep(0.01)

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for thread in threads:
        thread.start()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "tui.cli", "index", str(seeds_copy), "--index-dir", str(index_path)],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join()
    assert not errors
    assert counts and counts[0] < counts[-1]
    assert Library([seeds_copy], index_path).search("bulk", limit=1).total == 200


class _Early:
    """An analyser that begins a batch when handed it and is waited for later,
    as newsdesk's worker processes are: it records what happened when, and how
    many articles a reader could see at that moment."""

    def __init__(self, index_path, fail_at: int | None = None) -> None:
        self.index_path = index_path
        self.fail_at = fail_at
        self.events: list[tuple[str, int, int]] = []
        self.batches = 0

    def readable(self) -> int:
        return len(Store(self.index_path).articles()) if Store.exists(self.index_path) else 0

    def start(self, articles, coming, known=None):
        self.batches += 1
        number, outer = self.batches, self

        class Started:
            def result(self, tick):
                outer.events.append(("result", number, outer.readable()))
                if number == outer.fail_at:
                    raise RuntimeError("the analysis failed")
                return [{} for _ in articles]

            def cancel(self):
                outer.events.append(("cancel", number, outer.readable()))

        self.events.append(("start", number, self.readable()))
        return Started()


def _reports(folder, count: int):
    folder.mkdir()
    for n in range(count):
        (folder / f"report{n}.txt").write_text(f"Report {n} on the exchange.\n\nPrisoners.")
    return folder


def test_the_next_batch_is_analysed_while_the_last_is_written(tmp_path):
    """A first index hands a batch to the analysis before writing the one
    before it, and each batch written can be read before the run ends."""
    folder, index_path = _reports(tmp_path / "corpus", 6), tmp_path / "ix"
    early = _Early(index_path)
    summary = update(Corpus.of([folder]), index_path, start=early.start, batch=2)
    assert len(summary.added) == 6
    assert early.events == [
        ("start", 1, 0),
        ("start", 2, 0),  # under way before the first batch is written
        ("result", 1, 0),
        ("start", 3, 2),
        ("result", 2, 2),  # the first batch readable meanwhile
        ("result", 3, 4),
    ]
    assert len(Store(index_path).articles()) == 6


def test_a_run_that_fails_drops_the_batch_ahead_and_keeps_what_it_wrote(tmp_path):
    folder, index_path = _reports(tmp_path / "corpus", 6), tmp_path / "ix"
    early = _Early(index_path, fail_at=2)
    with pytest.raises(RuntimeError, match="the analysis failed"):
        update(Corpus.of([folder]), index_path, start=early.start, batch=2)
    assert ("cancel", 3, 2) in early.events  # not left to run on
    assert ("start", 4, 2) not in early.events
    assert len(Store(index_path).articles()) == 2  # the first batch stays readable
    summary = update(Corpus.of([folder]), index_path, start=_Early(index_path).start, batch=2)
    assert len(summary.added) == 4 and summary.unchanged == 2


def test_a_first_index_with_worker_processes_stores_what_one_process_does(seeds_copy, tmp_path):
    """With worker processes, a first index runs its corpus-wide pass in one of
    them while it merges the index: the stories, entities and cross-source
    views it stores are those of a run in one process."""
    from index.analysis import Analysis

    apart = []
    pooled = Analysis(processes=2)
    begin = pooled.summarise_apart

    def summarise_apart(*args):
        apart.append(begin(*args))
        return apart[-1]

    pooled.summarise_apart = summarise_apart
    two = Library([seeds_copy], tmp_path / "two", analysis=pooled)
    one = Library([seeds_copy], tmp_path / "one", analysis=Analysis(processes=1))
    two.update()
    one.update()
    assert len(apart) == 1 and apart[0] is not None  # the pass ran in a worker
    assert two.store.state() == one.store.state()
    assert [s.articles for s in two.stories()] == [s.articles for s in one.stories()]
    assert two.entities() == one.entities()
    assert two.report() == one.report()
    for info in one.articles():
        assert two.views(info.id) == one.views(info.id)
