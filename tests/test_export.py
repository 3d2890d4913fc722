"""Exports from the reader: the marks, the search results and a story's report,
as Markdown or JSON with citations, to a file the user names and never over
one without asking."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from index import codec, exports
from index.library import Library
from index.report import discrepancies
from tui import export
from tui.app import NewsdeskApp
from tui.screens.export import ExportScreen
from tui.state import Mark, Position

from . import tui_helpers
from .conftest import SEEDS
from .tui_helpers import EFE, indexed, press, reader, run, search_for, settle, shown

# The reader tests' fixtures: the seeds indexed once, a copy for each test.
index_dir, library = tui_helpers.index_dir, tui_helpers.library

HOSTILE = {
    "title": "Budget [click](https://evil.example) # not a heading",
    "source": "The *Harbour* Post",
    "url": "https://example.org/budget",
    "date": "2025-05-16",
    "text": "The council met.\n\nThe mayor said `rm -rf` and **1,200** <b>jobs</b>.",
}


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """The folder the reader was started in: where exports go by default."""
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def notes(app: NewsdeskApp) -> list[str]:
    return [n.message for n in app._notifications]


def escaped(article_id: str) -> str:
    """An id as the Markdown shows it, escaped as the report escapes it."""
    return article_id.replace("_", "\\_")


def said(app: NewsdeskApp) -> str:
    """The export dialog's status line (a long path wraps it on screen)."""
    return str(app.screen.query_one("#export-status", Static).content)


# What is exported.


def test_marked_passages_are_cited_with_outlet_title_date_link_id_and_passage(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.json").write_text(json.dumps(HOSTILE), encoding="utf-8")
    library = indexed(corpus, tmp_path)
    marked = exports.marked(library, [Mark("a.json", 2), Mark("a.json"), Mark("gone.txt", 1)])
    data = json.loads(exports.render("json", marked))
    passage = library.passage("a.json", 2)
    assert data["marks"][0] == {
        "source": "The *Harbour* Post",
        "title": HOSTILE["title"],
        "date": "2025-05-16",
        "date_raw": "2025-05-16",
        "url": "https://example.org/budget",
        "article": "a.json",
        "file": "a.json",
        "passage": 2,
        "start": passage.start,
        "end": passage.end,
        "text": passage.text,
    }
    assert data["marks"][1]["passage"] is None and "text" not in data["marks"][1]
    assert data["missing"] == [{"article": "gone.txt", "passage": 1}]
    assert codec.from_json(data, exports.MarkedExport) == marked  # reads back as it was


def test_an_export_of_nothing_says_so_rather_than_failing(library):
    nothing = exports.marked(library, [])
    assert json.loads(exports.render("json", nothing)) == {"marks": [], "missing": []}
    assert exports.render("md", nothing) == "# Marked passages\n"
    found = exports.search_results(library, "zzzzunfound")
    assert json.loads(exports.render("json", found)) == {
        "query": "zzzzunfound",
        "total": 0,
        "hits": [],
    }
    assert "0 passages match." in exports.render("md", found)


def test_markdown_keeps_untrusted_text_from_making_links_headings_or_emphasis(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.json").write_text(json.dumps(HOSTILE), encoding="utf-8")
    library = indexed(corpus, tmp_path)
    text = exports.to_markdown(exports.marked(library, [Mark("a.json", 2)]))
    assert "\\[click\\](https://evil.example)" in text
    assert "\\# not a heading" in text
    assert "The \\*Harbour\\* Post" in text
    assert "\\*\\*1,200\\*\\* \\<b\\>jobs\\</b\\>" in text
    assert "<https://example.org/budget>" in text  # the article's own link stays a link
    assert "a.json ¶2" in text


def test_search_results_are_the_search_json_with_dates_and_links(library):
    found = exports.search_results(library, "prisoners")
    data = json.loads(exports.render("json", found))
    plain = codec.to_json(library.search("prisoners", limit=exports.SEARCH_LIMIT))
    assert data["query"] == "prisoners"
    assert data["total"] == plain["total"] > 0
    assert [(h["id"], h["passage"]) for h in data["hits"]] == [
        (h["id"], h["passage"]) for h in plain["hits"]
    ]
    assert all({"date", "url", "file"} <= set(h) for h in data["hits"])
    assert [{k: v for k, v in h.items() if k in plain["hits"][0]} for h in data["hits"]] == plain[
        "hits"
    ]
    text = exports.to_markdown(found)
    assert text.startswith("# Search: prisoners")
    assert f"{data['total']} passages match" in text


@pytest.mark.slow
def test_a_story_report_is_the_report_of_that_story_with_its_sources(analysed_seeds_index):
    library = Library([SEEDS], analysed_seeds_index)
    full = codec.to_json(discrepancies(library))
    story = full["discrepancies"][0]["story"]
    exported = exports.story_report(library, story)
    data = json.loads(exports.render("json", exported))
    mine = [d for d in full["discrepancies"] if d["story"] == story]
    assert [d["key"] for d in data["discrepancies"]] == [d["key"] for d in mine]
    urls = {row.id: row.url for row in library.articles()}
    for ours, theirs in zip(data["discrepancies"], mine, strict=True):
        assert [{**c, "url": urls[c["article"]]} for c in theirs["citations"]] == ours["citations"]
    assert [s["id"] for s in data["stories"]] == [story]
    assert data["stories"][0]["discrepancies"] == data["discrepancies"]
    cited = {c["article"] for d in data["discrepancies"] for c in d["citations"]}
    assert {s["article"] for s in data["sources"]} == cited
    assert all("url" in s and "date" in s for s in data["sources"])
    text = exports.to_markdown(exported)
    assert text.startswith("# Discrepancies between sources")
    assert "## Sources" in text and "Tuesday" in text


# Where it goes.


def test_an_export_never_overwrites_a_file_unless_told(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(export.ExportError, match="exists already"):
        export.write(path, "new")
    assert path.read_text(encoding="utf-8") == "mine"
    export.write(path, "new", replace=True)
    assert path.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]  # no temporary file left


@pytest.mark.parametrize(
    "name, said",
    [
        ("", "Name the file"),
        ("notes.txt", "Name a .md"),
        ("missing/notes.md", "There is no folder"),
    ],
)
def test_a_name_that_cannot_be_written_says_why(here, name, said):
    with pytest.raises(export.ExportError, match=said):
        path = export.target(name)
        export.format_of(path)
        export.write(path, "text")


def test_a_folder_is_not_a_file_to_write(here):
    (here / "out.md").mkdir()
    with pytest.raises(export.ExportError, match="is a folder"):
        export.write(export.target("out.md"), "text")


def test_relative_names_are_in_the_folder_the_reader_started_in(here):
    assert export.target("out.json") == here / "out.json"
    assert export.default_path("marks", "md") == here / "newsdesk-marks.md"
    assert export.target("~/out.md") == Path("~/out.md").expanduser()


# From the reader.


def test_x_exports_the_marks_as_markdown_and_asks_before_replacing(library, here):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "j", "b", "x")
            assert isinstance(app.screen, ExportScreen)
            assert app.screen.query_one(Input).value == str(here / "newsdesk-marks.md")
            await press(app, pilot, "enter")
            await settle(app, pilot)
            written = here / "newsdesk-marks.md"
            text = written.read_text(encoding="utf-8")
            passage = library.passage(EFE, 2)
            assert text.startswith("# Marked passages")
            assert f"{escaped(EFE)} ¶2" in text
            assert passage.text[:40] in text and "Jul. 23, 3035 (unverified)" in text
            assert any(str(written) in n for n in notes(app))
            assert not isinstance(app.screen, ExportScreen)

            await press(app, pilot, "J", "b", "x")
            second = shown(app)[0]
            await press(app, pilot, "enter")  # the same name again
            await settle(app, pilot)
            assert "exists. Enter again replaces it" in said(app)
            assert written.read_text(encoding="utf-8") == text
            await press(app, pilot, "enter")
            await settle(app, pilot)
            assert written.read_text(encoding="utf-8") != text
            assert escaped(second) in written.read_text(encoding="utf-8")

    run(test)


def test_the_search_results_export_as_json_named_by_the_user(library, here):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "slash")
            app.screen.query_one(Input).value = "prisoners"
            await settle(app, pilot)
            await press(app, pilot, "enter", "x")
            assert isinstance(app.screen, ExportScreen)
            assert app.screen.kind == "search"
            await press(app, pilot, "tab", "tab", "right", "enter")  # the format: JSON
            assert app.screen.query_one(Input).value == str(here / "newsdesk-search.json")
            app.screen.query_one(Input).value = "talks.json"
            app.screen.query_one(Input).focus()
            await press(app, pilot, "enter")
            await settle(app, pilot)
            data = json.loads((here / "talks.json").read_text(encoding="utf-8"))
            assert data["query"] == "prisoners" and data["total"] > 0
            assert {"id", "passage", "title", "source", "date", "url"} <= set(data["hits"][0])

    run(test)


def test_a_bad_name_is_refused_in_the_dialog(library, here):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "b", "x")
            app.screen.query_one(Input).value = "notes.txt"
            await press(app, pilot, "enter")
            await settle(app, pilot)
            assert isinstance(app.screen, ExportScreen)
            assert said(app) == "Name a .md (Markdown) or .json file."
            assert list(here.iterdir()) == []

    run(test)


def test_with_nothing_to_export_x_says_what_would_be(library, here):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "x")
            assert not isinstance(app.screen, ExportScreen)
            assert any("Nothing to export yet" in n for n in notes(app))

    run(test)


@pytest.mark.slow
def test_the_story_report_exports_from_the_reader(analysed_seeds_index, tmp_path, here):
    from index.analysis import Analysis

    copy = tmp_path / "index"
    shutil.copytree(analysed_seeds_index, copy)
    library = Library([SEEDS], copy, analysis=Analysis())

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await reader(app).jump(Position(EFE))
            await press(app, pilot, "x")
            assert app.screen.kind == "story"
            await press(app, pilot, "enter")
            await settle(app, pilot)
            text = (here / "newsdesk-story.md").read_text(encoding="utf-8")
            assert text.startswith("# Discrepancies between sources")
            assert "“Tuesday”" in text and "“Wednesday”" in text  # the talks' date differs

    run(test)


@pytest.mark.parametrize(
    "command, said",
    [
        ("export marked passages", "No marks to export"),
        ("export search results", "search with / first"),
        ("export story report", "in no story"),  # the seeds are not analysed here
    ],
)
def test_an_export_asked_for_in_the_palette_says_why_there_is_none(library, here, command, said):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "ctrl+p")
            await pilot.press(*command)
            await pilot.pause(0.3)
            await press(app, pilot, "enter")
            assert not isinstance(app.screen, ExportScreen)
            assert any(said in n for n in notes(app))

    run(test)


def test_where_the_current_folder_cannot_be_written_exports_go_to_documents(
    here, tmp_path, monkeypatch
):
    documents = tmp_path / "Documents"
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    monkeypatch.setattr(export.os, "access", lambda path, mode: False)
    assert export.default_path("search", "json") == documents / "newsdesk-search.json"


def test_an_export_closed_while_it_is_written_is_still_written_and_said(library, here, monkeypatch):
    from tui import keeps

    release = threading.Event()

    def slowly() -> exports.MarkedExport:
        release.wait(10)
        return exports.MarkedExport(marks=(), missing=())

    monkeypatch.setattr(keeps, "exportable", lambda screen: {"marks": slowly})

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "x")
            await press(app, pilot, "enter", "enter")  # twice: written once
            await press(app, pilot, "escape")
            assert not isinstance(app.screen, ExportScreen)
            release.set()
            await settle(app, pilot)
            assert (
                (here / "newsdesk-marks.md")
                .read_text(encoding="utf-8")
                .startswith("# Marked passages")
            )
            assert any("Wrote" in n for n in notes(app))
            assert not any("exists" in n for n in notes(app))

    run(test)


def test_choosing_what_to_export_changes_the_default_name_but_not_a_typed_one(library, here):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await search_for(app, pilot, "prisoners")
            await press(app, pilot, "b", "x")
            field = app.screen.query_one(Input)
            assert field.value == str(here / "newsdesk-marks.md")
            await press(app, pilot, "tab")  # to the kinds: the first is highlighted
            await press(app, pilot, "enter")
            assert app.screen.kind == "search"
            assert field.value == str(here / "newsdesk-search.md")
            field.value = "mine.md"
            await press(app, pilot, "right", "enter")  # the next: the marks again
            assert app.screen.kind == "marks" and field.value == "mine.md"

    run(test)
