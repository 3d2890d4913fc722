"""Indexing in a process of its own (the reader's way): the same index as in
process, progress and errors brought back, and a stop that leaves the last
commit as it was."""

from __future__ import annotations

import os

import pytest

from index.library import Library
from index.store import IndexError_
from index.update_process import UpdateStopped


def test_an_update_apart_builds_the_same_index_and_reports_progress(seeds_copy, tmp_path):
    here = Library([seeds_copy], tmp_path / "here")
    apart = Library([seeds_copy], tmp_path / "apart", apart=True)
    seen: list[tuple[int, int, str]] = []

    summary = apart.update(progress=lambda done, total, what, *_: seen.append((done, total, what)))

    assert sorted(summary.added) == sorted(here.update().added)
    assert len(summary.added) == 5 and not summary.updated and not summary.removed
    assert seen and seen[-1][0] == seen[-1][1] == 5
    assert apart.listing() == here.listing()
    hits = apart.search("prisoners").hits
    assert [h.article_id for h in hits] == [h.article_id for h in here.search("prisoners").hits]
    # A second run finds nothing to do, and sees a change made since.
    assert not apart.update().changed
    (seeds_copy / "late.txt").write_text("A late report\n\nTalks resumed in Istanbul.\n")
    again = apart.update()
    assert again.added == ["late.txt"]
    assert "late.txt" in [row[0] for row in apart.listing()]


def test_an_error_in_the_indexing_process_comes_back_with_its_message(seeds_copy, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    apart = Library([seeds_copy], blocker / "index", apart=True)
    with pytest.raises(IndexError_) as raised:
        apart.update()
    with pytest.raises(IndexError_) as in_process:
        Library([seeds_copy], blocker / "index").update()
    assert str(raised.value) == str(in_process.value)
    assert "cannot create the index folder" in str(raised.value)


def test_stopping_an_update_apart_keeps_the_last_commit_and_frees_the_index(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(300):
        (corpus / f"{n:03}.txt").write_text(
            f"Report {n}\n\nThe council met on day {n} and voted on budget item {n * 7}.\n"
        )
    first = Library([corpus], tmp_path / "index")
    (corpus / "000.txt").rename(tmp_path / "held-back.txt")
    assert len(first.update().added) == 299
    (tmp_path / "held-back.txt").rename(corpus / "000.txt")
    for n in range(1, 300):  # every file changes, so the second run has work to do
        (corpus / f"{n:03}.txt").write_text(f"Changed {n}\n\nThe vote on item {n} was put off.\n")

    apart = Library([corpus], tmp_path / "index", apart=True)
    seen: list[int] = []

    def stop_at_first(done: int, total: int, what: str, *_: str) -> None:
        seen.append(done)
        apart.close()  # as the reader does when it quits mid-run

    with pytest.raises(UpdateStopped):
        apart.update(progress=stop_at_first)
    # Stopped at its first report, and nothing more reported: the reports already
    # on their way when the stop arrives are not relayed.
    assert seen == [0], seen
    # Nothing of the stopped run was committed...
    rows = {row[0]: row for row in apart.listing()}
    assert len(rows) == 299 and "000.txt" not in rows
    assert rows["001.txt"][4] == "Report 1"
    # ...and the index is free for the next run, which finishes it.
    done = Library([corpus], tmp_path / "index").update(wait=5)
    assert done.added == ["000.txt"] and len(done.updated) == 299


def test_the_indexing_process_is_gone_after_a_stop(tmp_path, seeds_copy):
    apart = Library([seeds_copy], tmp_path / "index", apart=True)
    children: list = []

    def stop(done: int, total: int, what: str, *_: str) -> None:
        children.append(apart._child)
        apart.close()

    with pytest.raises(UpdateStopped):
        apart.update(progress=stop)
    process = children[0]._process
    assert process.returncode is not None
    with pytest.raises(ProcessLookupError):
        os.kill(process.pid, 0)


def test_an_update_apart_runs_newsdesk_whatever_the_folder_it_is_started_in(
    seeds_copy, tmp_path, monkeypatch
):
    # The reader started in a folder holding another project's `index` package
    # (or another checkout of newsdesk) indexes with its own code, not that one.
    project = tmp_path / "project"
    (project / "index").mkdir(parents=True)
    (project / "index" / "__init__.py").write_text("raise SystemExit(7)\n")
    monkeypatch.chdir(project)
    apart = Library([seeds_copy], tmp_path / "index", apart=True)

    summary = apart.update()

    assert len(summary.added) == 5
