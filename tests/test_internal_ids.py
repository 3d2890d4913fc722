"""Files named like the index's own documents are articles like any other.

An article's id is its file's path, and the index keeps documents of its own
beside the articles (``__catalog__``, ``__state__``, ``blob:<id>``,
``views:<id>``, ``file:<id>``, ``<id>#p<N>``). No file name may reach them:
such files index, show and search like any other, and later runs still work.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.library import Library
from tui.cli import main

# Files outside any naming rule newsdesk reads by extension: given by name.
NAMED = (
    "__catalog__",
    "__state__",
    "__listing__",
    "__listing_head__",
    "__stories__",
    "__articles__",
    "a.txt#p1",
    "blob:a.txt",
    "views:a.txt",
    "file:a.txt",
)
# Files found by walking the folder.
WALKED = ("a.txt", "blob:b.txt", "views:a.txt.md", "file:a.txt.txt", "b.txt", "blob:.txt")


def word(name: str) -> str:
    """A word found only in the file ``name`` (letters only: it is searched)."""
    return "zq" + "".join(chr(ord("a") + ord(c) % 26) for c in name)


def make_corpus(folder: Path) -> list[str]:
    """The corpus folder; the paths to give newsdesk (the folder, and the named files)."""
    folder.mkdir()
    for name in NAMED + WALKED:
        (folder / name).write_text(f"Report on {word(name)} in Istanbul.\n\nSecond paragraph.\n")
    return [str(folder), *(str(folder / name) for name in NAMED)]


def test_files_named_like_internal_documents_are_read_shown_and_found(tmp_path):
    paths = make_corpus(tmp_path / "corpus")
    library = Library(paths, tmp_path / "ix")
    summary = library.update()
    every = set(NAMED + WALKED)
    assert set(summary.added) == every and len(summary.added) == len(every)
    assert {row.id for row in library.articles()} == every
    assert {row[0] for row in library.listing()} == every
    for name in every:
        article = library.article(name)
        assert article is not None and word(name) in article.text, name
        assert article.passages[1].text == "Second paragraph."
        result = library.search(word(name))
        assert [(hit.article_id, hit.passage) for hit in result.hits] == [(name, 1)], name
    assert library.search("Istanbul", limit=50).total == len(every)
    assert not library.update().changed  # a second run reads the catalog, not an article


def test_a_changed_or_removed_file_named_like_an_internal_document(tmp_path):
    paths = make_corpus(tmp_path / "corpus")
    library = Library(paths, tmp_path / "ix")
    library.update()
    (tmp_path / "corpus" / "__catalog__").write_text("Talks resumed in Geneva.\n")
    (tmp_path / "corpus" / "blob:b.txt").write_text("Prisoners were freed in Geneva.\n")
    (tmp_path / "corpus" / "a.txt").unlink()
    summary = library.update()
    assert sorted(summary.updated) == ["__catalog__", "blob:b.txt"]
    assert summary.removed == ["a.txt"]
    assert {h.article_id for h in library.search("Geneva").hits} == {"__catalog__", "blob:b.txt"}
    assert library.article("a.txt") is None
    article = library.article("blob:a.txt")  # its name holds the removed file's blob id
    assert article is not None and word("blob:a.txt") in article.text
    assert library.search(word("a.txt")).total == 0
    again = Library(paths, tmp_path / "ix").update()
    assert not again.changed and again.unchanged == len(NAMED + WALKED) - 1


def test_a_file_given_on_its_own_and_in_its_folder_is_read_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks in Istanbul.\n")
    library = Library([corpus, corpus / "a.txt"], tmp_path / "ix")
    assert library.update().added == ["a.txt"]
    assert library.search("Istanbul").total == 1


@pytest.mark.slow
def test_the_command_line_shows_and_lists_them(tmp_path, capsys):
    paths = make_corpus(tmp_path / "corpus")
    for name in ("__catalog__", "blob:a.txt", "a.txt#p1", "a.txt"):
        assert main(["show", name, *paths, "--json"]) == 0, name
        shown = json.loads(capsys.readouterr().out)
        assert shown["id"] == name and word(name) in shown["text"]
    assert main(["sources", *paths, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {row["id"] for row in listed["articles"]} == set(NAMED + WALKED)
    assert main(["index", *paths]) == 0


def test_the_reader_opens_and_pages_through_them(tmp_path):
    from tui.app import NewsdeskApp

    from .tui_helpers import press, reader, run, screen_text, settle, shown

    paths = make_corpus(tmp_path / "corpus")
    Library(paths, tmp_path / "ix").update()
    library = Library(paths, tmp_path / "ix")

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            ids = reader(app).sources.article_ids
            assert sorted(ids) == sorted(NAMED + WALKED)
            for number, article_id in enumerate(ids):
                if number:
                    await press(app, pilot, "J")
                assert shown(app) == (article_id, 1)
                assert word(article_id) in screen_text(app)

    run(test)


@pytest.mark.parametrize(
    ("many", "content"),
    [
        ("a.json", '[{"text": "Entry one about zebras."}, {"text": "Two."}]'),
        ("a.jsonl", '{"text": "Entry one about zebras."}\n{"text": "Two."}\n'),
        (
            "a.rss",
            "<rss><channel><item><description>Entry one about zebras.</description>"
            "</item></channel></rss>",
        ),
    ],
    ids=["json", "jsonl", "rss"],
)
def test_a_file_named_like_an_entry_of_another_is_skipped_not_shown_for_it(tmp_path, many, content):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / many).write_text(content)
    (corpus / f"{many}#1").write_text("A file about giraffes.\n")
    library = Library([corpus, corpus / f"{many}#1"], tmp_path / "ix")
    summary = library.update()
    assert summary.added == [many]
    assert [(s.path, s.reason) for s in summary.skipped] == [
        (f"{many}#1", f"its name is the id of an article of {many}; rename it to index it")
    ]
    article = library.article(f"{many}#1")
    assert article is not None and "zebras" in article.text
    assert library.search("giraffes").total == 0
    (corpus / many).unlink()  # the clash is gone: the file is read like any other
    summary = library.update()
    assert summary.removed == [many] and summary.added == [f"{many}#1"]
    assert [h.article_id for h in library.search("giraffes").hits] == [f"{many}#1"]
