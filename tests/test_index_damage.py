"""A damaged index never sticks: it is named and rebuilt from the corpus.

Each test damages the real files of an index (a segment cut short, bytes
flipped, the table of contents emptied, a segment deleted) and runs what a
user runs next: every command must answer as on a sound index, say which
folder was damaged, and leave nothing of the user's touched.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from index.damage import MARK, IndexDamaged
from index.folder import MARKER
from index.library import Library
from tui.cli import main

from .conftest import SEEDS

ARTICLE = "001_4a6a3c07746cc093.txt"


def _segment(index: Path) -> Path:
    (found,) = index.glob("*.seg")
    return found


def _toc(index: Path) -> Path:
    (found,) = index.glob("_newsdesk_*.toc")
    return found


def _flip(path: Path, every: int = 97) -> None:
    data = bytearray(path.read_bytes())
    for at in range(len(data) // 3, len(data), every):
        data[at] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGE = {
    "segment cut short": lambda ix: os.truncate(_segment(ix), _segment(ix).stat().st_size // 2),
    "segment cut to a few bytes": lambda ix: os.truncate(_segment(ix), 100),
    "bytes flipped in a segment": lambda ix: _flip(_segment(ix)),
    "table of contents emptied": lambda ix: _toc(ix).write_bytes(b""),
    "table of contents garbled": lambda ix: _flip(_toc(ix), every=7),
    "segment deleted": lambda ix: _segment(ix).unlink(),
}


@pytest.fixture(scope="module")
def sound_index(tmp_path_factory) -> Path:
    """The seeds indexed without NLP (fast), copied before each damage."""
    path = tmp_path_factory.mktemp("sound") / "index"
    Library([SEEDS], path).update()
    return path


@pytest.fixture
def damaged(sound_index, tmp_path):
    def make(kind: str) -> Path:
        target = tmp_path / "index"
        shutil.copytree(sound_index, target)
        DAMAGE[kind](target)
        return target

    return make


def _answers(library: Library) -> tuple:
    return (
        [a.id for a in library.articles()],
        sorted({h.article_id for h in library.search("prisoners", limit=50).hits}),
        library.article(ARTICLE).text[:80],
        library.listing()[0][0],
    )


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_an_update_rebuilds_a_damaged_index_and_says_which(kind, damaged, sound_index):
    expected = _answers(Library([SEEDS], sound_index))
    index = damaged(kind)
    library = Library([SEEDS], index)
    try:
        summary = library.update()
    except IndexDamaged:
        pytest.fail("the update itself must rebuild")
    found = _answers(library)
    if not summary.rebuilt:  # the damage lay where the update does not read
        with pytest.raises(IndexDamaged, match=str(index)):
            _ = [library.article(a.id) for a in library.articles()], library.search("talks")
        summary = library.update()  # marked when read: rebuilt now
        found = _answers(library)
    assert str(index) in summary.rebuilt and "rebuilt it from the corpus" in summary.rebuilt
    assert found == expected
    assert (index / MARKER).exists() and not (index / MARK).exists()
    assert not library.update().rebuilt  # and it stays sound


@pytest.mark.parametrize("kind", ["segment cut short", "table of contents emptied"])
def test_the_user_s_own_files_beside_a_damaged_index_are_kept(kind, damaged, tmp_path):
    index = damaged(kind)
    # Files an earlier version or the user left among newsdesk's own names.
    (index / "newsdesk_notes.txt").write_text("mine")
    (index / "_newsdesk_notes.toc.txt").write_text("mine too")
    library = Library([SEEDS], index)
    assert library.update().rebuilt
    assert (index / "newsdesk_notes.txt").read_text() == "mine"
    assert (index / "_newsdesk_notes.toc.txt").read_text() == "mine too"


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(DAMAGE))
@pytest.mark.parametrize(
    "command",
    [["index"], ["sources", "--json"], ["search", "prisoners", "--json"], ["show", ARTICLE]],
    ids=lambda c: c[0],
)
def test_every_command_recovers_with_a_message(kind, command, seeds_index, capsys):
    DAMAGE[kind](seeds_index)
    code = main([command[0], *command[1:]])
    out, err = capsys.readouterr()
    assert code == 0, err
    err = " ".join(err.split())
    if command[0] == "search":
        hits = {h["id"] for h in json.loads(out)["hits"]}
        assert ARTICLE in hits
    elif command[0] == "sources":
        assert len(json.loads(out)["articles"]) == 5
    elif command[0] == "show":
        assert "Istanbul" in out
    if "damaged" in err:
        assert str(seeds_index) in err and "rebuilt it from the corpus" in err
    # Whatever the first command met, the next one finds a sound index.
    assert main(["search", "prisoners", "--json"]) == 0
    assert "damaged" not in capsys.readouterr().err
