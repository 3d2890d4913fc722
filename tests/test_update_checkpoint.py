"""An update makes its new, changed and deleted articles visible before the
corpus-wide pass compares them: a new article is found by search and opens
while the pass runs, says it is still being compared, and gets its view with
the pass's commit. A stop between the two leaves an index that the next
update brings to what a full build gives."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from index import engines
from index.freshness import current
from index.library import Library
from index.progress import COMPARING, SEARCHABLE
from index.update_process import UpdateStopped
from tui.app import NewsdeskApp
from tui.cli import main
from tui.state import Position

from .conftest import SEEDS
from .test_engine_conformance import ENGINES
from .test_incremental import MULTISOURCE, MemoAnalysis, _stored
from .tui_helpers import reader, run, screen_text, settle, shown

# One story told by three outlets: two are indexed first, the third is added.
CLUSTER = MULTISOURCE / "basil-2010-2b95d2cf"


class HeldAnalysis(MemoAnalysis):
    """The real analysis, whose corpus-wide pass waits until the test lets it
    run (``release``), or stops there as ``q`` does (``stop``). The pass over a
    new article's nearest articles alone (its first look, run with no memo)
    is not held."""

    def __init__(self, stop: bool = False) -> None:
        super().__init__()
        self.reached = threading.Event()
        self.release = threading.Event()
        self.stop = stop

    def summarise(
        self,
        analyses: dict[str, dict[str, Any]],
        memo: dict[str, Any] | None = None,
        changed: Iterable[str] = (),
    ) -> dict[str, Any]:
        if memo is not None:  # not a first look
            self.reached.set()
            if self.stop:
                raise UpdateStopped("stopped before comparing")
            assert self.release.wait(120), "the test never let the pass run"
        return super().summarise(analyses, memo, changed)


def _corpus(tmp_path: Path) -> Path:
    """The seeds and two outlets' reports of one story (with the outlets' names)."""
    if not CLUSTER.exists():
        pytest.skip(f"{CLUSTER} is not available on this machine")
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus / "seeds")
    story = corpus / "steele"
    story.mkdir()
    for name in ("meta.json", "fox.txt", "hpo.txt"):
        shutil.copyfile(CLUSTER / name, story / name)
    return corpus


def _hits(library: Library, query: str) -> set[str]:
    return {hit.article_id for hit in library.search(query).hits}


@pytest.mark.slow
def test_an_added_article_is_found_and_opens_before_the_pass_and_compared_after(tmp_path):
    corpus = _corpus(tmp_path)
    index = tmp_path / "index"
    Library([corpus], index, analysis=MemoAnalysis()).update()
    before = Library([corpus], index, analysis=MemoAnalysis())
    stories_before = before.stories()
    gone = "seeds/003_caa32e451265d8d9.txt"
    assert gone in {a.id for a in before.articles()}
    shutil.copyfile(CLUSTER / "nyt.txt", corpus / "steele" / "nyt.txt")
    (corpus / gone).unlink()
    new = "steele/nyt.txt"
    hooks = HeldAnalysis()
    stages: list[str] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            Library([corpus], index, analysis=hooks).update(progress=lambda *e: stages.append(e[3]))
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            failed.append(error)

    updating = threading.Thread(target=run)
    updating.start()
    try:
        assert hooks.reached.wait(300), failed
        assert SEARCHABLE in stages and stages.index(SEARCHABLE) < stages.index(COMPARING)
        # Another process opens the index while the pass runs.
        reader = Library([corpus], index, analysis=MemoAnalysis())
        ids = {a.id for a in reader.articles()}
        assert new in ids and gone not in ids  # listed; the deleted one is gone
        assert new in {row[0] for row in reader.listing()}
        assert new in _hits(reader, "Steele")  # searchable
        article = reader.article(new)
        assert article is not None and "Steele" in article.text
        assert reader.comparing() == {new}
        # A first look: compared with the other reports of its story, found
        # by a search for its words; never with the article deleted.
        assert reader.first_looks() == {new}
        cited = {r.article_id for v in reader.views(new).values() for r in v.related}
        assert cited and cited <= {"steele/fox.txt", "steele/hpo.txt"}
        assert reader.stories() == stories_before  # the last pass's, untouched
        assert not current(reader.corpus, reader.store, reader.analysis.key)
    finally:
        hooks.release.set()
        updating.join(300)
    assert not failed
    after = Library([corpus], index, analysis=MemoAnalysis())
    assert after.comparing() == frozenset()
    views = after.views(new)
    assert any(v.related or v.facts for v in views.values())  # compared with fox and hpo
    assert any(new in story.articles for story in after.stories())
    assert current(after.corpus, after.store, after.analysis.key)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_an_update_stopped_before_its_pass_is_finished_by_the_next_one(
    tmp_path, monkeypatch, capsys, engine
):
    monkeypatch.setenv("NEWSDESK_ENGINE", engine)
    corpus = _corpus(tmp_path)
    index = tmp_path / "index"
    Library([corpus], index, analysis=MemoAnalysis()).update()
    shutil.copyfile(CLUSTER / "nyt.txt", corpus / "steele" / "nyt.txt")
    changed = corpus / "steele" / "hpo.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n\nSteele later apologised to the troops.\n",
        encoding="utf-8",
    )
    with pytest.raises(UpdateStopped):  # q once the articles were committed
        Library([corpus], index, analysis=HeldAnalysis(stop=True)).update()
    stopped = Library([corpus], index, analysis=MemoAnalysis())
    assert stopped.comparing() == {"steele/nyt.txt", "steele/hpo.txt"}
    assert "steele/hpo.txt" in _hits(stopped, "apologised")
    # Never the old text's view: the first look at the new one.
    assert stopped.first_looks() == {"steele/nyt.txt", "steele/hpo.txt"}
    last = max(stopped.views("steele/hpo.txt"), key=int)
    assert "apologised" in stopped.related("steele/hpo.txt", last).passage.text
    # While another process's update holds the index, a command shows this commit.
    held = engines.get().writer(index, 1.0)
    try:
        assert main(["related", "steele/nyt.txt", "1", str(corpus), "--index-dir", str(index)]) == 0
    finally:
        held.cancel()
    assert "still being compared with the whole folder" in capsys.readouterr().err
    # The index knows it is not current: the next command or open updates it.
    assert not current(stopped.corpus, stopped.store, stopped.analysis.key)
    summary = Library([corpus], index, analysis=MemoAnalysis()).update()
    assert not summary.changed  # no file read again: only the pass ran
    full = tmp_path / "full"
    Library([corpus], full, analysis=MemoAnalysis()).update()
    resumed, rebuilt = _stored(index, corpus), _stored(full, corpus)
    assert rebuilt["stories"] and rebuilt["entities"]
    for part in rebuilt:
        assert resumed[part] == rebuilt[part], part
    assert Library([corpus], index, analysis=MemoAnalysis()).comparing() == frozenset()


@pytest.mark.slow
def test_the_reader_lists_and_opens_an_added_article_while_it_is_compared(tmp_path):
    corpus = _corpus(tmp_path)
    index = tmp_path / "index"
    Library([corpus], index, analysis=MemoAnalysis()).update()
    shutil.copyfile(CLUSTER / "nyt.txt", corpus / "steele" / "nyt.txt")
    new = "steele/nyt.txt"
    hooks = HeldAnalysis()
    library = Library([corpus], index, analysis=hooks)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 50)) as pilot:
            screen = reader(app)
            for _ in range(4000):  # the update reads and analyses the new file first
                await pilot.pause(0.02)
                if new in screen.sources.article_ids and hooks.reached.is_set():
                    break
            assert new in screen.sources.article_ids, screen.sources.article_ids
            await screen.open(Position(new))
            await pilot.pause()
            assert shown(app) == (new, 1)
            assert "A first look" in screen_text(app)  # compared with its nearest
            assert screen.query_one("#indexing").display  # the comparison's progress
            hooks.release.set()
            await settle(app, pilot)
            assert not screen.query_one("#indexing").display
            assert shown(app) == (new, 1)  # still where the user was
            assert "A first look" not in screen_text(app)
            views = library.views(new)
            number = next(n for n, v in sorted(views.items()) if v.related or v.facts)
            await screen.open(Position(new, number))
            await pilot.pause()
            assert not screen.cross.is_empty  # what the other sources say is there

    try:
        run(test)
    finally:
        hooks.release.set()


def test_an_update_that_only_deletes_leaves_the_index_current(seeds_copy, tmp_path):
    index = tmp_path / "index"
    Library([seeds_copy], index).update()
    gone = "003_caa32e451265d8d9.txt"
    (seeds_copy / gone).unlink()
    stages: list[str] = []
    summary = Library([seeds_copy], index).update(progress=lambda *e: stages.append(e[3]))
    assert summary.removed == [gone] and SEARCHABLE in stages  # gone before the pass
    library = Library([seeds_copy], index)
    assert gone not in {a.id for a in library.articles()}
    assert library.comparing() == frozenset()
    # Nothing is left to compare: the next command finds the index current.
    assert current(library.corpus, library.store, "")
    assert not Library([seeds_copy], index).update().changed
