"""The index folder: newsdesk never deletes or overwrites a file it did not make.

``--index-dir`` may name any folder, ``~/Documents`` included. A folder that
holds other files and is not a newsdesk index is refused before anything is
written; in its own folders newsdesk's clean-up touches only its own files,
even ones named like them; an index written before folders were marked keeps
working.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.build import update
from index.corpus import Corpus
from index.folder import MARKER, NotAnIndexFolder
from index.library import Library
from tui.cli import main

TEXT = "Peace talks ended in Istanbul.\n\nPrisoners of war will be exchanged.\n"
# The user's files, named the way Whoosh names its own (its clean-up deleted
# anything starting with "newsdesk_" followed by a dot and an extension).
USER_FILES = {
    "newsdesk_notes.txt": b"my notes about newsdesk\n",
    "_newsdesk_x": b"\x00\x01 not text at all",
    "_newsdesk_draft.toc.bak": b"a backup\n",
    "newsdesk_WRITELOCK.txt": b"not a lock\n",
    "newsdesk_abc.seg": b"a file that looks like a segment\n",
    "newsdesk.seg": b"another\n",
    "report.docx": b"PK\x03\x04 a document",
    ".hidden": b"a hidden file\n",
    "sub/newsdesk_inner.txt": b"in a subfolder\n",
}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes."""
    found = {}
    for top, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(top, name)
            found[str(path.relative_to(folder))] = path.read_bytes()
    return found


def users_folder(folder: Path, files: dict[str, bytes] = USER_FILES) -> dict[str, bytes]:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return snapshot(folder)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    (folder / "b.md").write_text("# Second\n\nPrisoners were freed in Istanbul.\n")
    return folder


@pytest.mark.parametrize("command", ["index", "sources", "search", "show", "stories"])
def test_a_folder_of_the_users_files_is_refused_and_left_as_it_was(
    tmp_path, corpus, capsys, command
):
    documents = tmp_path / "Documents"
    before = users_folder(documents)
    args = {"search": ["search", "prisoners"], "show": ["show", "a.txt"]}.get(command, [command])
    code = main([*args, str(corpus), "--index-dir", str(documents)])
    out, err = capsys.readouterr()
    err = " ".join(err.split())  # the message is wrapped to the terminal's width
    assert code == 2
    assert "holds other files and is not a newsdesk index" in err and str(documents) in err
    assert out == ""
    assert snapshot(documents) == before


def test_the_library_refuses_it_too(tmp_path, corpus):
    documents = tmp_path / "Documents"
    before = users_folder(documents, {"newsdesk_notes.txt": b"notes\n"})
    with pytest.raises(NotAnIndexFolder, match="not a newsdesk index"):
        Library([corpus], documents).update()
    with pytest.raises(NotAnIndexFolder):
        update(Corpus.of([corpus]), documents)
    assert snapshot(documents) == before


def test_a_file_named_as_the_index_folder_is_refused(tmp_path, corpus, capsys):
    notes = tmp_path / "newsdesk_notes.txt"
    notes.write_bytes(b"notes\n")
    code = main(["index", str(corpus), "--index-dir", str(notes)])
    assert code == 2 and "is a file, not a folder" in " ".join(capsys.readouterr().err.split())
    assert notes.read_bytes() == b"notes\n"


@pytest.mark.parametrize("made", [False, True])
def test_a_new_or_empty_folder_becomes_a_marked_index(tmp_path, corpus, made):
    target = tmp_path / "new" / "index"
    if made:
        target.mkdir(parents=True)
    summary = Library([corpus], target).update()
    assert sorted(summary.added) == ["a.txt", "b.md"]
    assert (target / MARKER).is_file()
    assert Library([corpus], target).search("prisoners").total == 2


def test_files_dropped_into_an_index_folder_survive_every_commit(tmp_path, corpus):
    target = tmp_path / "index"
    Library([corpus], target).update()
    before = users_folder(target)  # the index's files, and the user's beside them
    users = {name: before[name] for name in USER_FILES}
    for round_ in range(4):  # each commit makes segments and deletes the old ones
        (corpus / f"new{round_}.txt").write_text(f"Report {round_} on prisoners.\n")
        (corpus / "a.txt").write_text(TEXT + f"\nUpdate {round_}.\n")
        summary = Library([corpus], target).update()
        assert summary.changed
    after = snapshot(target)
    assert {name: after.get(name) for name in users} == users
    assert Library([corpus], target).search("prisoners").total == 6


def test_an_index_written_before_folders_were_marked_is_recognised(tmp_path, corpus, capsys):
    target = tmp_path / "index"
    Library([corpus], target).update()
    (target / MARKER).unlink()  # as an earlier version left it
    assert any(name.startswith("_newsdesk_") for name in os.listdir(target))
    (corpus / "c.txt").write_text("Talks resumed in Geneva.\n")
    code = main(["search", "Geneva", str(corpus), "--index-dir", str(target), "--json"])
    assert code == 0 and '"c.txt"' in capsys.readouterr().out
    assert (target / MARKER).is_file()
