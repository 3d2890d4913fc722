"""Searching from the reader: as you type, its hits, n / N.

Pilot tests with plain asserts on what a user would notice, on the seeds
(and :class:`tests.tui_helpers.StubLibrary` for the comparison data)."""

from __future__ import annotations

import re

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input, Static

from index.model import (
    Passage,
)
from index.search import with_prefix
from tui import render
from tui.app import NewsdeskApp
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen

from . import tui_helpers
from .tui_helpers import EFE, press, reader, screen_text, settle, shown

index_dir, library = tui_helpers.index_dir, tui_helpers.library  # fixtures


async def search_for(
    app: NewsdeskApp, pilot: Pilot, query: str, typed: bool = False
) -> SearchScreen:
    """Open search and enter ``query``: key by key, or at once (faster) unless ``typed``."""
    await press(app, pilot, "slash")
    assert isinstance(app.screen, SearchScreen)
    if typed:
        await pilot.press(*query)
    else:
        app.screen.query_one(Input).value = query
    await settle(app, pilot)
    return app.screen


def test_a_keystroke_shows_the_first_results_at_once_then_all_of_them(
    library, monkeypatch, reader_pilot
):
    from tui.screens import search as search_module

    monkeypatch.setattr(search_module, "FIRST_RESULTS_BUDGET", 0.0)  # always cut short
    statuses: list[str] = []
    show = SearchScreen._show

    def recording(screen, result, query, *suggested):
        show(screen, result, query, *suggested)
        statuses.append(str(screen.query_one("#search-status", Static).content))

    monkeypatch.setattr(SearchScreen, "_show", recording)

    async def body(app, pilot):
        screen = await search_for(app, pilot, "prisoners")
        assert any("still searching…" in s for s in statuses)
        assert re.fullmatch(r"\d+ passages match", statuses[-1]), statuses
        assert "still searching" not in screen_text(app) and len(screen.hits) >= 3

    reader_pilot(library, body, (120, 40))


def test_search_shows_results_as_you_type_and_enter_opens_the_passage(library, reader_pilot):
    async def body(app, pilot):
        screen = await search_for(app, pilot, "prisoners", typed=True)
        assert len(screen.hits) >= 3
        assert "passages match" in screen_text(app)
        first = screen.hits[0]
        assert "prisoner" in str(screen.results.get_option_at_index(0).prompt)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, ReaderScreen)
        assert shown(app) == (first.article_id, first.passage)
        view = reader(app).article
        assert view.terms  # the matched words are highlighted in the article
        content = view.passage_content(first.passage)
        assert any("reverse" in str(span.style) for span in content.spans), (
            "the search term is highlighted in the passage"
        )

    reader_pilot(library, body, (120, 40))


def test_a_hit_highlights_its_words_in_the_passage_as_in_its_snippet(library):
    hit = library.search("prisoner", limit=1).hits[0]
    passage = Passage("a.txt", 1, 0, 52, "Prisoners were swapped; one prisoner, not imprisoned.")
    content = render.passage_text(passage, terms=hit.terms)
    marked = [passage.text[s.start : s.end] for s in content.spans if s.style == render.TERM_STYLE]
    assert marked == ["Prisoners", "prisoner"]  # every form the index matched, no other word
    assert {hit.snippet[s:e].lower() for s, e in hit.matches} <= {"prisoner", "prisoners"}


def test_search_result_can_be_chosen_from_the_list(library, reader_pilot):
    async def body(app, pilot):
        screen = await search_for(app, pilot, "prisoners")
        second = screen.hits[1]
        await press(app, pilot, "down", "down", "enter")
        assert shown(app) == (second.article_id, second.passage)

    reader_pilot(library, body, (120, 40))


def test_the_same_hits_arriving_again_leave_the_highlight_where_the_user_moved_it(
    library, reader_pilot
):
    from tui.screens import search as search_module

    async def body(app, pilot):
        screen = await search_for(app, pilot, "prisoners")
        await press(app, pilot, "down", "down")  # on the second hit
        moved = screen.results.highlighted
        assert moved  # not the first
        # the same query's search answers again (the box reopened with it runs twice)
        again = library.search_as_typed("prisoners", search_module.LIMIT)
        assert again.hits == screen.hits
        screen.post_message(SearchScreen.Results("prisoners", again))
        await settle(app, pilot)
        assert screen.results.highlighted == moved
        second = screen.hits[1]
        await press(app, pilot, "enter")
        assert shown(app) == (second.article_id, second.passage)

    reader_pilot(library, body, (120, 40))


def test_the_full_results_arriving_keep_the_hit_the_user_moved_to(library, reader_pilot):
    from dataclasses import replace

    from tui.screens import search as search_module

    async def body(app, pilot):
        screen = await search_for(app, pilot, "prisoners")
        await press(app, pilot, "down", "down", "down")  # on the third hit
        chosen = screen.hits[screen.results.highlighted]
        assert screen.results.highlighted == 2
        # The full search answers after the first, time-boxed one, its best in
        # another order: the highlight follows the hit, not its old place.
        full = library.search_as_typed("prisoners", search_module.LIMIT)
        assert len(full.hits) >= 5
        hits = full.hits
        reordered = replace(full, hits=(*hits[:2], hits[3], hits[4], hits[2], *hits[5:]))
        screen.post_message(SearchScreen.Results("prisoners", reordered))
        await settle(app, pilot)
        assert screen.hits[4] == chosen and screen.results.highlighted == 4
        await press(app, pilot, "up", "enter")  # the user moves on, then opens
        assert shown(app) == (hits[4].article_id, hits[4].passage)

    reader_pilot(library, body, (120, 40))


def test_a_new_query_lists_its_best_hit_first(library, reader_pilot):
    async def body(app, pilot):
        screen = await search_for(app, pilot, "prisoners")
        await press(app, pilot, "down", "down")
        assert screen.results.highlighted == 1
        screen.query_one(Input).value = "Istanbul"
        await settle(app, pilot)
        assert screen.results.highlighted == 0
        best = screen.hits[0]
        await press(app, pilot, "enter")
        assert shown(app) == (best.article_id, best.passage)

    reader_pilot(library, body, (120, 40))


def test_search_tries_the_last_word_as_a_prefix_while_typing(library, reader_pilot):
    async def body(app, pilot):
        assert library.search("Dolmab").total == 0
        screen = await search_for(app, pilot, "Dolmab")
        assert screen.hits
        assert "Dolmab" in screen.hits[0].snippet

    reader_pilot(library, body, (120, 40))


def test_a_bad_query_is_explained_inline(library, reader_pilot):
    async def body(app, pilot):
        await search_for(app, pilot, "colour:red")
        assert "unknown field 'colour'" in screen_text(app)
        await press(app, pilot, "escape")
        assert isinstance(app.screen, ReaderScreen)
        assert shown(app) == (EFE, 1)

    reader_pilot(library, body, (120, 40))


def test_stale_search_results_are_dropped(library, reader_pilot):
    async def body(app, pilot):
        screen = await search_for(app, pilot, "ceasefire")
        before = screen.hits
        old = library.search("prisoners")
        screen.post_message(SearchScreen.Results("prisoners", old))
        await settle(app, pilot)
        assert screen.hits == before

    reader_pilot(library, body, (120, 40))


def test_n_and_shift_n_walk_the_search_hits(library, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "n")  # nothing searched yet: nothing happens
        assert shown(app) == (EFE, 1)
        screen = await search_for(app, pilot, "prisoners")
        hits = screen.hits
        await press(app, pilot, "enter")
        await press(app, pilot, "n")
        assert shown(app) == (hits[1].article_id, hits[1].passage)
        await press(app, pilot, "n")
        assert shown(app) == (hits[2].article_id, hits[2].passage)
        await press(app, pilot, "N", "N")
        assert shown(app) == (hits[0].article_id, hits[0].passage)
        await press(app, pilot, "slash")  # the search box reopens with the query
        assert app.screen.query_one(Input).value == "prisoners"

    reader_pilot(library, body, (120, 40))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("pris", "pris*"),
        ("talks ceasef", "talks ceasef*"),
        ("p", None),  # one letter: too short
        ("ch", None),  # two letters would expand to thousands of words
        ("prisoners ", None),  # a space: the word is complete
        ("talks AND", None),  # an operator
        ("source:EFE", None),  # a field value
        ('"prisoners of war', '"prisoners of war*'),  # the search falls back if it cannot run
        ("1200", None),
        ("pris*", None),
    ],
)
def test_prefix_form_of_a_query(query, expected):
    assert with_prefix(query) == expected


def test_a_misspelt_name_is_offered_the_corpus_spelling_and_ctrl_y_searches_it(
    library, reader_pilot
):
    """The seeds write Zelensky once and Zelenskyy seven times; Zelenksy finds nothing."""

    async def body(app, pilot):
        screen = await search_for(app, pilot, "Zelenksy", typed=True)
        status = str(screen.query_one("#search-status", Static).content)
        assert "No passages match. Did you mean: Zelensky, Zelenskyy?" in status
        assert f"({app.get_key_display(Binding('ctrl+y', ''))}: Zelensky)" in status
        assert "Did you mean: Zelensky, Zelenskyy?" in screen_text(app)
        assert not screen.hits
        await press(app, pilot, "ctrl+y")
        await settle(app, pilot)
        assert screen.query_one(Input).value == "Zelensky"
        assert screen.hits and "Zelensky" in str(screen.results.get_option_at_index(0).prompt)
        assert "Did you mean" not in screen_text(app)
        await press(app, pilot, "enter")  # the suggestion's hit opens as any other
        assert isinstance(app.screen, ReaderScreen)
        assert shown(app) == (screen.hits[0].article_id, screen.hits[0].passage)

    reader_pilot(library, body, (120, 40))


def test_a_search_that_finds_passages_or_a_misread_number_offers_no_spelling(library, reader_pilot):
    async def body(app, pilot):
        screen = await search_for(app, pilot, "Istanbul")
        assert screen.hits and "Did you mean" not in screen_text(app)
        # The seeds hold 1,200 prisoners: 1,201 is a figure, not a misspelling.
        screen.query_one(Input).value = "1,201"
        await settle(app, pilot)
        assert not screen.hits and "0 passages match" in screen_text(app)
        assert "Did you mean" not in screen_text(app)
        await press(app, pilot, "ctrl+y")  # nothing offered: the query stays as typed
        await settle(app, pilot)
        assert screen.query_one(Input).value == "1,201"

    reader_pilot(library, body, (120, 40))


def test_the_help_lists_the_key_that_searches_a_suggested_spelling(library, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "question_mark")
        key = app.get_key_display(Binding("ctrl+y", ""))
        rows = [row for row in screen_text(app).splitlines() if "suggested spelling" in row]
        assert rows and key in rows[0], rows

    reader_pilot(library, body, (120, 150))


def test_the_did_you_mean_line_names_the_key_a_keymap_binds(library, reader_pilot):
    async def body(app, pilot):
        app.set_keymap({"search.suggestion": "f6"})
        screen = await search_for(app, pilot, "Zelenksy", typed=True)
        status = str(screen.query_one("#search-status", Static).content)
        assert f"({app.get_key_display(Binding('f6', ''))}: Zelensky)" in status
        await press(app, pilot, "f6")
        await settle(app, pilot)
        assert screen.query_one(Input).value == "Zelensky"

    reader_pilot(library, body, (120, 40))
