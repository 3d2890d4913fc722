"""Marks and saved searches: made with a key, listed, jumped to, kept between runs."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input, OptionList

from tui.app import NewsdeskApp
from tui.screens.marks import MarksScreen
from tui.screens.search import SearchScreen
from tui.state import Mark, ReadingState

from . import tui_helpers
from .tui_helpers import (
    EFE,
    JAZEERA,
    press,
    reader,
    run,
    screen_text,
    search_for,
    settle,
    shown,
)

# The reader tests' fixtures: the seeds indexed once, a copy for each test.
index_dir = tui_helpers.index_dir
library, stub = tui_helpers.library, tui_helpers.stub


def notes(app: NewsdeskApp) -> list[str]:
    return [n.message for n in app._notifications]


def saved_state(app: NewsdeskApp) -> ReadingState:
    """The state as a later run of the reader reads it from disk."""
    return ReadingState.load(app.reading.key, app.reading.path.parent)


def test_b_marks_the_passage_and_the_mark_is_saved_at_once(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "j", "j", "b")
            assert shown(app) == (EFE, 3)
            assert saved_state(app).marks == [Mark(EFE, 3)]
            assert any("Marked ¶3" in n for n in notes(app))
            await press(app, pilot, "B")
            assert saved_state(app).marks == [Mark(EFE, 3), Mark(EFE, None)]
            await press(app, pilot, "b")  # again: unmarked
            assert saved_state(app).marks == [Mark(EFE, None)]
            assert any("Unmarked ¶3" in n for n in notes(app))

    run(test)


def test_the_marks_list_jumps_to_a_mark_and_unmarks(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "j", "b", "J", "J", "b")
            second = shown(app)
            assert second[0] != EFE
            await press(app, pilot, "M")
            assert isinstance(app.screen, MarksScreen)
            listed = screen_text(app)
            assert "¶2" in listed and "EFE" in listed
            await press(app, pilot, "enter")  # the first mark: EFE ¶2
            assert shown(app) == (EFE, 2)
            await press(app, pilot, "M", "u")
            assert saved_state(app).marks == [Mark(second[0], 1)]
            assert app.screen.query_one(OptionList).option_count == 1
            await press(app, pilot, "escape")
            assert not isinstance(app.screen, MarksScreen)

    run(test)


def test_marks_are_listed_again_when_the_reader_opens_again(library):
    async def test():
        for run_number in range(2):
            app = NewsdeskApp(library)
            async with app.run_test(size=(120, 40)) as pilot:
                await settle(app, pilot)
                if run_number == 0:
                    await press(app, pilot, "j", "b")
                    continue
                await press(app, pilot, "M")
                assert app.screen.query_one(OptionList).option_count == 1
                assert "¶2" in screen_text(app)

    run(test)


def test_with_no_marks_the_list_says_how_to_make_one(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "M")
            assert "Nothing is marked yet" in screen_text(app)

    run(test)


def test_a_mark_in_the_command_palette_jumps_to_it(stub):
    async def test():
        app = NewsdeskApp(stub)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "J", "j", "j", "j", "b", "K")
            assert shown(app)[0] == EFE
            await press(app, pilot, "ctrl+p")
            await pilot.press(*"mark Al Jaz")
            await pilot.pause(0.3)
            await press(app, pilot, "enter")
            assert shown(app) == (JAZEERA, 4)

    run(test)


def test_a_damaged_mark_in_the_state_file_leaves_the_others(tmp_path):
    path = tmp_path / "reading.json"
    corpus = {
        "read": ["a.txt"],
        "marks": [["a.txt", 2], ["b.txt", None], ["c.txt", "two"], "junk", ["a.txt", 2]],
        "searches": {"talks": "talks AND prisoners", "bad": 3},
    }
    path.write_text(json.dumps({"corpora": {"k": corpus}}), encoding="utf-8")
    state = ReadingState.load("k", tmp_path)
    assert state.read == {"a.txt"}
    assert state.marks == [Mark("a.txt", 2), Mark("b.txt", None)]
    assert state.searches == {"talks": "talks AND prisoners"}


def test_a_mark_that_cannot_be_saved_is_said_so(library, monkeypatch):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            monkeypatch.setattr(ReadingState, "save", lambda self: False)
            await press(app, pilot, "b")
            assert any("could not be saved" in n for n in notes(app))
            assert app.reading.marks == [Mark(EFE, 1)]  # still marked while the reader runs

    run(test)


# Saved searches.


def test_a_named_search_is_saved_and_reopened_from_the_palette(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await search_for(app, pilot, "prisoners")
            await press(app, pilot, "S")
            app.screen.query_one(Input).value = "swap"
            await press(app, pilot, "enter")
            assert saved_state(app).searches == {"swap": "prisoners"}
            reader(app).searched.query = ""  # as in a later run: no last search
            await press(app, pilot, "ctrl+p")
            await pilot.press(*"search swap")
            await pilot.pause(0.3)
            await press(app, pilot, "enter")
            await settle(app, pilot)
            assert isinstance(app.screen, SearchScreen)
            assert app.screen.query_one(Input).value == "prisoners"
            assert app.screen.query_one(OptionList).option_count > 0

    run(test)


@pytest.mark.parametrize("typed", ["", "   "])
def test_a_search_needs_a_name(library, typed):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await search_for(app, pilot, "prisoners")
            await press(app, pilot, "S")
            app.screen.query_one(Input).value = typed
            await press(app, pilot, "enter")
            assert "Type a name." in screen_text(app)
            assert saved_state(app).searches == {}

    run(test)


def test_save_search_without_a_search_says_what_to_do(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "S")
            assert any("search with / first" in n for n in notes(app))

    run(test)


def flagged_lines(app: NewsdeskApp) -> list[str]:
    """The article pane's lines that carry the mark flag."""
    pane = reader(app).article.region
    lines = screen_text(app).splitlines()[pane.y : pane.bottom]
    return [line[pane.x : pane.right] for line in lines if "⚑" in line[pane.x : pane.right]]


def test_marked_passages_and_articles_are_flagged_in_the_article(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert flagged_lines(app) == []
            await press(app, pilot, "j", "b")
            (line,) = flagged_lines(app)
            assert "¶2" in line
            await press(app, pilot, "B")
            title = library.article(EFE).title
            assert len(flagged_lines(app)) == 2
            assert title[:20] in flagged_lines(app)[0]
            await press(app, pilot, "J")  # another article: nothing of it is marked
            assert flagged_lines(app) == []
            await press(app, pilot, "K")  # back: the flags are there again
            assert len(flagged_lines(app)) == 2
            await press(app, pilot, "j", "b", "B")  # K opened it at ¶1: unmark ¶2 and it
            assert flagged_lines(app) == []

    run(test)


def test_a_saved_search_is_forgotten_from_the_palette(library):
    async def test():
        app = NewsdeskApp(library)
        app.reading.save_search("swap", "prisoners")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "ctrl+p")
            await pilot.press(*"forget search swap")
            await pilot.pause(0.3)
            await press(app, pilot, "enter")
            assert app.reading.searches == {}
            assert saved_state(app).searches == {}

    run(test)


# A query as a filter on the sources list.


def test_f_lists_only_the_articles_the_last_search_found_and_again_all(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            everything = list(reader(app).sources.article_ids)
            await search_for(app, pilot, "Medinsky")
            matching = {h.article_id for h in library.search("Medinsky", limit=100).hits}
            assert 0 < len(matching) < len(everything)
            await press(app, pilot, "F")
            await settle(app, pilot)
            assert set(reader(app).sources.article_ids) == matching
            assert "Sources · Medinsky" in screen_text(app)
            assert any(f"{len(matching)} articles match Medinsky" in n for n in notes(app))
            first = reader(app).sources.article_ids[0]
            await press(app, pilot, "J", "K")  # J and K walk the matching articles
            assert shown(app)[0] in matching
            await press(app, pilot, "F")
            assert reader(app).sources.article_ids == everything
            assert first in everything

    run(test)


def test_a_saved_search_filters_the_sources_from_the_palette(library):
    async def test():
        app = NewsdeskApp(library)
        app.reading.save_search("medinsky", "Medinsky")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "ctrl+p")
            await pilot.press(*"filter sources by medinsky")
            await pilot.pause(0.3)
            await press(app, pilot, "enter")
            await settle(app, pilot)
            matching = {h.article_id for h in library.search("Medinsky", limit=100).hits}
            assert set(reader(app).sources.article_ids) == matching

    run(test)


def test_f_without_a_search_says_what_to_do(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "F")
            assert any("search with / first" in n for n in notes(app))

    run(test)


def test_the_marks_list_shows_untrusted_outlets_and_titles_as_written(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = {
        "title": "Budget [bold]x[/] \x1b[2J",
        "source": "Agency [link=http://evil]y[/link] \x1b]52;c;SGk=\x07",
        "text": "The council met [red]today[/].\n\nThe mayor spoke.",
    }
    (corpus / "a.json").write_text(json.dumps(article), encoding="utf-8")
    library = tui_helpers.indexed(corpus, tmp_path)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "b", "M")
            listed = screen_text(app)
            assert "Agency [link=http://evil]y[/link] ␛]52;c;SGk=␇" in listed
            assert "Budget [bold]x[/] ␛[2J" in listed
            assert "The council met [red]today[/]." in listed

    run(test)


def test_the_keys_of_marks_can_be_rebound_in_the_settings_keymap(library, tmp_path):
    from tui.settings import Settings

    keymap = {"mark_passage": "f", "marks": "ctrl+l", "marks.unmark": "r"}
    settings = Settings(path=tmp_path / "config.toml", keymap=keymap)

    async def test():
        app = NewsdeskApp(library, settings=settings)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "b")
            assert app.reading.marks == []  # b no longer marks: it was rebound
            await press(app, pilot, "f")
            assert app.reading.marks == [Mark(EFE, 1)]
            await press(app, pilot, "ctrl+l")
            assert isinstance(app.screen, MarksScreen)
            await press(app, pilot, "r")
            assert app.reading.marks == []

    run(test)
