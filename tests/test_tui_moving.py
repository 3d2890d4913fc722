"""Moving in the reader: passages, articles, panes, history.

Pilot tests with plain asserts on what a user would notice, on the seeds
(and :class:`tests.tui_helpers.StubLibrary` for the comparison data)."""

from __future__ import annotations

import asyncio
import json

import pytest
from textual import events
from textual.widgets import Input

from index.library import Library
from tui.app import NewsdeskApp
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.state import Position, ReadingState

from . import tui_helpers
from .tui_helpers import (
    EFE,
    FOURTH,
    JAZEERA,
    THIRD,
    cursor_marks,
    indexed,
    long_corpus,
    press,
    reader,
    run,
    screen_text,
    settle,
    shown,
    where_on_screen,
)

index_dir, library = tui_helpers.index_dir, tui_helpers.library  # fixtures


def test_passage_keys_move_the_cursor(library, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "j", "j")
        assert shown(app) == (EFE, 3)
        await press(app, pilot, "k")
        assert shown(app) == (EFE, 2)
        await press(app, pilot, "down", "down")
        assert shown(app) == (EFE, 4)
        await press(app, pilot, "up")
        assert shown(app) == (EFE, 3)
        assert cursor_marks(app) == {"¶3"}
        await press(app, pilot, *["k"] * 5)  # stops at the first passage
        assert shown(app) == (EFE, 1)

    reader_pilot(library, body, (120, 40))


def test_page_keys_scroll_the_article_and_the_cursor_follows(library, reader_pilot):
    async def body(app, pilot):
        view = reader(app).article
        await press(app, pilot, "pagedown")
        assert view.scroll_offset.y > 0
        number = shown(app)[1]
        assert number > 1 and cursor_marks(app) == {f"¶{number}"}
        await press(app, pilot, "pageup")
        assert view.scroll_offset.y == 0 and shown(app) == (EFE, 1)

    reader_pilot(library, body, (120, 24))


def test_page_down_at_the_end_of_a_short_article_goes_to_its_last_passage(tmp_path, reader_pilot):
    library = indexed(long_corpus(tmp_path, passages=3), tmp_path)

    async def body(app, pilot):
        await press(app, pilot, "pagedown")
        assert shown(app) == ("00.txt", 3) and cursor_marks(app) == {"¶3"}
        await press(app, pilot, "pageup")
        assert shown(app) == ("00.txt", 1)

    reader_pilot(library, body, (120, 40))


def test_the_article_header_shows_its_url(tmp_path, reader_pilot):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = {
        "title": "Harbour budget",
        "url": "https://example.org/harbour-budget",
        "text": "The council met again.\n\nThe mayor spoke.",
    }
    (corpus / "a.json").write_text(json.dumps(article), encoding="utf-8")
    library = indexed(corpus, tmp_path)

    async def body(app, pilot):
        assert "https://example.org/harbour-budget" in screen_text(app)

    reader_pilot(library, body, (120, 30))


def test_clicking_a_passage_moves_the_cursor(library, reader_pilot):
    async def body(app, pilot):
        y, x = where_on_screen(app, "¶2")
        await pilot.click(offset=(x + 6, y))
        await settle(app, pilot)
        assert shown(app) == (EFE, 2)
        assert cursor_marks(app) == {"¶2"}

    reader_pilot(library, body, (120, 40))


def test_a_long_article_opens_at_a_passage_far_down_and_is_read_to_its_end(tmp_path, reader_pilot):
    library = indexed(long_corpus(tmp_path, articles=2), tmp_path)

    async def body(app, pilot):
        screen = reader(app)
        # Far below the first screenful, which is all that is wrapped before the
        # first frame: the passage is there at once, in view and under the cursor.
        await screen.open(Position("01.txt", 55))
        assert shown(app) == ("01.txt", 55)
        await pilot.pause()
        assert cursor_marks(app) == {"¶55"}
        # Keys typed together with the one that opened an article arrive before
        # the rest of it is wrapped: every one of them still moves the cursor.
        await pilot.press("K", *["j"] * 40)
        await pilot.pause()
        assert shown(app) == ("00.txt", 41) and cursor_marks(app) == {"¶41"}
        await press(app, pilot, *["j"] * 30)  # stops at the last passage
        assert shown(app) == ("00.txt", 60) and cursor_marks(app) == {"¶60"}
        assert "60 million." in screen_text(app)

    reader_pilot(library, body, (120, 24))


def test_articles_long_and_short_are_wrapped_at_the_same_width(tmp_path, reader_pilot):
    corpus = long_corpus(tmp_path)
    (corpus / "01.txt").write_text("Short report\n\nThe council met.\n")
    library = indexed(corpus, tmp_path)

    async def body(app, pilot):
        view = reader(app).article
        widths = []
        for article_id in ("00.txt", "01.txt", "00.txt"):
            await reader(app).open(Position(article_id))
            await pilot.pause()
            widths.append(view.wrap_width)
            assert view.show_vertical_scrollbar  # always there: nothing moves
        assert len(set(widths)) == 1

    reader_pilot(library, body, (120, 40))


def test_a_resized_terminal_wraps_the_article_again_and_keeps_the_cursor_in_view(
    tmp_path, reader_pilot
):
    library = indexed(long_corpus(tmp_path), tmp_path)

    async def body(app, pilot):
        await press(app, pilot, *["j"] * 20)
        view = reader(app).article
        narrow = view.wrap_width
        await pilot.resize_terminal(170, 30)
        await pilot.pause()
        assert view.wrap_width > narrow
        left, right = view.region.x, view.region.right
        drawn = [row[left:right].strip("│ ▌") for row in screen_text(app).splitlines()]
        assert max(len(row) for row in drawn) > narrow  # wrapped to the wider pane
        assert cursor_marks(app) == {"¶21"}

    reader_pilot(library, body, (120, 30))


def test_the_sources_list_brings_an_article_out_of_view_to_the_middle(tmp_path, reader_pilot):
    library = indexed(long_corpus(tmp_path, articles=40, passages=1), tmp_path)

    async def body(app, pilot):
        sources = reader(app).sources
        height = sources.scrollable_content_region.height
        await press(app, pilot, "shift+tab")
        top_rows = height // 2  # two lines an article
        await press(app, pilot, *["down"] * (top_rows - 1))
        assert sources.scroll_offset.y == 0  # still in view: the list stays
        await press(app, pilot, "down")  # the first one below the pane
        row = where_on_screen(app, "Report " + sources.current_id[:2].lstrip("0"))[0]
        middle = sources.region.y + sources.region.height // 2
        assert abs(row - middle) <= 2
        # The next articles are already in view: J walks them without scrolling.
        scrolled = sources.scroll_offset.y
        await press(app, pilot, "enter", "J", "J", "J")
        assert sources.scroll_offset.y == scrolled
        sources.focus()
        await press(app, pilot, "end")
        assert sources.current_id == "39.txt"
        assert "Report 39" in screen_text(app)

    reader_pilot(library, body, (120, 24))


def test_the_next_article_is_prepared_while_reading_and_j_shows_it_the_same(
    library, monkeypatch, reader_pilot
):
    from tui.widgets.article import ArticleView

    wrapped: list[str] = []
    relayout = ArticleView.relayout

    def counting(self):
        wrapped.append(self.article.id if self.article else "")
        relayout(self)

    monkeypatch.setattr(ArticleView, "relayout", counting)

    async def body(app, pilot):
        wrapped.clear()
        await press(app, pilot, "J")
        assert shown(app) == (JAZEERA, 1)
        assert wrapped == []  # prepared while the first article was read
        prepared = screen_text(app)
        await reader(app).open(Position(JAZEERA), remember=False, reload=True)
        await pilot.pause()
        assert wrapped == [JAZEERA]  # built on the spot this time
        assert screen_text(app) == prepared
        # With search words the article is built again, to highlight them.
        await reader(app).open(Position(THIRD), terms={"prisoners"})
        await pilot.pause()
        assert wrapped[-1] == THIRD

    reader_pilot(library, body, (120, 40))


def test_full_garbage_collections_wait_for_a_pause(library, monkeypatch):
    import gc

    import tui.app

    collections: list[float] = []
    monkeypatch.setattr(tui.app, "IDLE", 0.6)
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or 0)
    before = gc.get_threshold()

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert gc.get_threshold()[2] == tui.app.NEVER  # none in the middle of a key
            await asyncio.sleep(1.5)
            collections.clear()
            for _ in range(8):  # keys a little apart, as typed
                await press(app, pilot, "j")
                await asyncio.sleep(0.05)
            assert collections == []
            await asyncio.sleep(1.5)  # the user pauses
            assert collections == [1]
            await asyncio.sleep(1.5)  # nothing happened since: nothing to collect
            assert collections == [1]
        assert gc.get_threshold() == before

    run(test)


@pytest.mark.parametrize(
    "forward, backward", [("J", "K"), ("right_square_bracket", "left_square_bracket")]
)
def test_article_keys_change_the_article_and_mark_it_read(library, forward, backward, reader_pilot):
    async def body(app, pilot):
        sources = reader(app).sources
        assert "●" in sources.entry_text(JAZEERA)
        await press(app, pilot, forward)
        assert shown(app) == (JAZEERA, 1)
        assert sources.current_id == JAZEERA
        assert app.reading.is_read(JAZEERA)
        assert "●" not in sources.entry_text(JAZEERA)
        await press(app, pilot, forward, forward)
        assert shown(app)[0] == FOURTH
        await press(app, pilot, backward)
        assert shown(app)[0] == THIRD

    reader_pilot(library, body, (120, 40))


def test_choosing_an_article_in_the_sources_list_opens_it(library, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "shift+tab")
        assert app.focused is reader(app).sources
        await press(app, pilot, "down", "down", "enter")
        assert shown(app) == (THIRD, 1)

    reader_pilot(library, body, (120, 40))


def test_sources_list_keys_skip_headings_and_a_click_opens_an_article(library, reader_pilot):
    async def body(app, pilot):
        sources = reader(app).sources
        ids = sources.article_ids
        await press(app, pilot, "shift+tab", "end")
        assert sources.current_id == ids[-1]
        await press(app, pilot, "home")
        assert sources.current_id == ids[0]
        await press(app, pilot, "pagedown")
        assert sources.current_id == ids[-1]
        await press(app, pilot, "up")
        assert sources.current_id == ids[-2]
        assert shown(app)[0] == ids[0]  # moving the highlight opens nothing
        # Click the third article's title where the pane shows it.
        title = sources.entry_text(ids[2]).splitlines()[1][:15]
        rows = [line[: sources.region.right] for line in screen_text(app).splitlines()]
        y = next(n for n, line in enumerate(rows) if title in line)
        await pilot.click(offset=(rows[y].index(title) + 2, y))
        await settle(app, pilot)
        assert shown(app) == (ids[2], 1)
        assert sources.current_id == ids[2]

    reader_pilot(library, body, (120, 40))


def test_j_and_k_in_the_sources_pane_move_the_list_not_the_article(library, reader_pilot):
    async def body(app, pilot):
        sources = reader(app).sources
        ids = sources.article_ids
        await press(app, pilot, "shift+tab")
        await press(app, pilot, "j", "j")
        assert sources.current_id == ids[2]
        await press(app, pilot, "k")
        assert sources.current_id == ids[1]
        assert shown(app) == (ids[0], 1)  # the article and its cursor stay

    reader_pilot(library, body, (120, 40))


def test_a_narrow_footer_keeps_quit_and_help(library, reader_pilot):
    async def body(app, pilot):
        footer = screen_text(app).splitlines()[-1]
        assert "q Quit" in footer and "? Help" in footer

    reader_pilot(library, body, (60, 20))


def test_tab_moves_between_the_panes(library, reader_pilot):
    async def body(app, pilot):
        screen = reader(app)
        assert screen.pane_of(app.focused) == "article"
        await press(app, pilot, "tab")
        assert screen.pane_of(app.focused) == "cross"
        await press(app, pilot, "tab")
        assert screen.pane_of(app.focused) == "sources"
        await press(app, pilot, "shift+tab")
        assert screen.pane_of(app.focused) == "cross"

    reader_pilot(library, body, (120, 40))


def test_a_built_index_opens_at_once_then_shows_what_its_update_added(
    seeds_copy, tmp_path, monkeypatch, reader_pilot
):
    from tui.screens import loading

    Library([seeds_copy], tmp_path / "index").update()
    (seeds_copy / "late.txt").write_text(
        "A report that arrived later\n\nIstanbul talks resumed with prisoners on the agenda.\n",
        encoding="utf-8",
    )
    listed: list[int] = []
    read = loading.read_entries

    def counting(library):
        entries = read(library)
        listed.append(len(entries))
        return entries

    monkeypatch.setattr(loading, "read_entries", counting)

    async def body(app, pilot):
        # The last commit was listed before the update, then the update's first
        # commit (its new article, before the comparison), then its last.
        assert listed == [5, 6, 6]
        assert "late.txt" in reader(app).sources.article_ids
        assert shown(app) == (EFE, 1)  # the reader stayed where it opened

    reader_pilot(Library([seeds_copy], tmp_path / "index"), body, (160, 50))


def test_a_query_typed_in_one_go_with_the_slash_reaches_the_search_box(library, reader_pilot):
    """ "/pris" in one read (a fast typist over SSH): the letters arrive before the
    search box is up, and used to be lost."""

    async def body(app, pilot):
        for key, character in [("slash", "/"), ("p", "p"), ("r", "r"), ("i", "i"), ("s", "s")]:
            event = events.Key(key, character)
            event.set_sender(app)
            app._driver.send_message(event)
        await pilot.pause(0.3)
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "pris"
        assert "passages match" in screen_text(app)

    reader_pilot(library, body, (160, 50))


def test_keys_typed_after_q_do_not_act_on_the_closing_reader(library):
    """q then e, ? and / in one read (fast typing over SSH): the reader just quits."""

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            for key, character in [("q", "q"), ("e", "e"), ("question_mark", "?"), ("slash", "/")]:
                event = events.Key(key, character)
                event.set_sender(app)
                app._driver.send_message(event)
            await pilot.pause(0.3)
            assert isinstance(app.screen, ReaderScreen)  # nothing opened on the way out
        assert app.return_code == 0

    run(test)


@pytest.mark.parametrize("size", [(160, 50), (80, 24)], ids=["wide", "narrow"])
def test_tabs_arriving_together_all_count(library, size, reader_pilot):
    """Two Tabs in one read from the terminal (a fast typist over SSH) reach the sources."""

    async def body(app, pilot):
        for _ in range(2):  # handed over without waiting, as the driver does
            key = events.Key("tab", "\t")
            key.set_sender(app)
            app._driver.send_message(key)
        await pilot.pause(0.3)
        await settle(app, pilot)
        assert reader(app).pane_of(app.focused) == "sources"
        assert reader(app).active_pane == "sources"

    reader_pilot(library, body, size)


def test_a_key_typed_right_after_tab_goes_to_the_new_pane(index_dir, reader_pilot):
    """Tab, Down, Enter in one read: Down picks the second related passage (it used
    to move the article's cursor, the focus not having moved yet) and Enter opens it."""
    from index.analysis import Analysis

    library = Library(index_dir=index_dir, analysis=Analysis())  # as analysed: no re-index

    async def body(app, pilot):
        await reader(app).jump(Position(JAZEERA, 1))
        await pilot.pause()
        related = reader(app).cross.related
        assert len(related) >= 2 and shown(app) == (JAZEERA, 1)
        target = related[1]
        for key, character in [("tab", "\t"), ("down", None), ("enter", "\r")]:
            event = events.Key(key, character)
            event.set_sender(app)
            app._driver.send_message(event)
        await pilot.pause(0.3)
        await settle(app, pilot)
        assert shown(app) == (target.article_id, target.passage)

    reader_pilot(library, body, (160, 50))


@pytest.mark.parametrize("back_key", ["backspace", "alt+left"])
def test_back_returns_to_where_the_user_was(library, back_key, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "j", "j", "J")
        assert shown(app) == (JAZEERA, 1)
        await press(app, pilot, "J")
        await press(app, pilot, back_key)
        assert shown(app) == (JAZEERA, 1)
        await press(app, pilot, back_key)
        assert shown(app) == (EFE, 3)

    reader_pilot(library, body, (120, 40))


def test_read_marks_and_last_place_are_kept_between_sessions(library):
    async def first():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "J", "j", "j", "q")

    async def second():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert shown(app) == (JAZEERA, 3)
            assert app.reading.read >= {EFE, JAZEERA}
            assert "●" not in reader(app).sources.entry_text(EFE)

    run(first)
    saved = ReadingState.load(str(library.location))
    assert saved.read == {EFE, JAZEERA}
    assert saved.last == Position(JAZEERA, 3)
    run(second)
