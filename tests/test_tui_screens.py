"""The screens over the reader: help, entities, side by side, matrix.

Pilot tests with plain asserts on what a user would notice, on the seeds
(and :class:`tests.tui_helpers.StubLibrary` for the comparison data)."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.widgets import DataTable, Input, OptionList

from index.library import Library
from index.model import (
    MatrixCell,
    MatrixRow,
    MatrixSource,
    OmissionMatrix,
)
from tui.app import NewsdeskApp
from tui.screens.diff import DiffScreen
from tui.screens.entities import EntityBrowser
from tui.screens.help import HelpScreen
from tui.screens.matrix import MatrixScreen
from tui.screens.reader import ReaderScreen
from tui.state import Position
from tui.widgets.crosssource import CrossSourcePane
from tui.widgets.sources import SourcesList

from . import tui_helpers
from .tui_helpers import JAZEERA, StubLibrary, press, reader, run, screen_text, settle, shown

index_dir, library, stub = tui_helpers.index_dir, tui_helpers.library, tui_helpers.stub  # fixtures


def test_help_lists_the_keys_of_every_pane(library, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "question_mark")
        text = screen_text(app)
        for title, pane in (
            ("Sources pane", SourcesList),
            ("Other sources pane", CrossSourcePane),
        ):
            assert title in text
            for binding in pane.BINDINGS:
                assert isinstance(binding, Binding) and binding.description in text

    reader_pilot(library, body, (120, 150))


def test_help_lists_every_binding(library):
    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(120, 110)) as pilot:  # the panes' keys, then the legend
            await settle(app, pilot)
            await press(app, pilot, "question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = screen_text(app)
            for binding in [*ReaderScreen.BINDINGS, *NewsdeskApp.BINDINGS]:
                assert binding.description in text, binding.description
            for keys, does in (
                ("j / ↓", "Next passage"),
                ("k / ↑", "Previous passage"),
                ("J / ]", "Next article"),
                ("K / [", "Previous article"),
                ("shift+tab", "Previous pane"),
                ("⌫ / alt+←", "Back"),
                ("N", "Previous hit"),
                ("?", "Help"),
            ):
                assert any(keys in line and does in line for line in text.splitlines()), keys
            assert "✓ agree" in text and "✗ differ" in text
            await press(app, pilot, "escape")
            assert isinstance(app.screen, ReaderScreen)

    run(test)


def test_bindings_have_ids_and_avoid_keys_terminals_confuse():
    confusing = {"ctrl+h", "ctrl+m", "ctrl+j", "ctrl+i"}
    for _section, bindings in NewsdeskApp(Library()).help_sections():
        for binding in bindings:
            assert not confusing & set(binding.key.split(",")), binding
            assert binding.id and binding.description, binding


def test_entity_browser_lists_entities_and_jumps_to_a_mention(stub, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "e")
        assert isinstance(app.screen, EntityBrowser)
        text = screen_text(app)
        assert "Hakan Fidan" in text and "also: Fidan" in text
        await press(app, pilot, "enter")  # choose Hakan Fidan: its mentions get focus
        assert "Al Jazeera  ¶2  Hakan Fidan" in screen_text(app)
        await press(app, pilot, "enter")
        assert shown(app) == (JAZEERA, 2)

    reader_pilot(stub, body, (120, 40))


class _NamedInTitles(StubLibrary):
    """Istanbul named in EFE's headline and in Al Jazeera's untitled report."""

    def entities(self, kind=None):
        from index.model import Alias, Entity, EntityMention

        efe, jazeera = self.article(tui_helpers.EFE), self.article(JAZEERA)
        in_title = efe.text.index("Istanbul")
        in_text = jazeera.text.index("Istanbul")
        mentions = (
            EntityMention(tui_helpers.EFE, 0, in_title, in_title + 8, "Istanbul"),
            EntityMention(JAZEERA, 1, in_text, in_text + 8, "Istanbul"),
        )
        return [
            Entity(
                "place/istanbul",
                "Istanbul",
                "place",
                (Alias("Istanbul", 2, ("EFE", "Al Jazeera")),),
                mentions,
            )
        ]


def test_entity_browser_says_which_article_and_names_a_headline_mention_as_such(
    index_dir, reader_pilot
):
    async def body(app, pilot):
        await press(app, pilot, "e", "enter")
        text = " ".join(screen_text(app).split())
        assert "EFE title Istanbul" in text and "¶0" not in text
        assert "Ukraine and Russia end Istanbul peace talks" in text  # EFE's headline
        assert "Al Jazeera ¶1 Istanbul" in text
        assert "Efforts to negotiate peace between" in text  # the untitled report's lead

    reader_pilot(_NamedInTitles(index_dir=index_dir), body, (160, 50))


def test_entity_browser_filters_by_any_spelling(stub, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "e")
        browser = app.screen
        browser.query_one(Input).focus()
        await press(app, pilot, *"istan")
        assert [e.name for e in browser.shown] == ["Istanbul"]

    reader_pilot(stub, body, (120, 40))


def test_entity_browser_filters_as_soon_as_one_types_in_its_list(stub, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "e")
        browser = app.screen
        assert isinstance(app.focused, OptionList)
        await press(app, pilot, *"quest")  # q types, it does not quit
        assert browser.query_one(Input).value == "quest"
        assert isinstance(app.screen, EntityBrowser)
        await press(app, pilot, "backspace", "backspace", "backspace", "backspace", "backspace")
        await press(app, pilot, *"istan")
        assert [e.name for e in browser.shown] == ["Istanbul"]

    reader_pilot(stub, body, (120, 40))


def test_entity_browser_explains_when_there_are_no_entities(library, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "e")
        assert isinstance(app.screen, EntityBrowser)
        assert "No entities yet" in screen_text(app)
        await press(app, pilot, "escape")
        assert isinstance(app.screen, ReaderScreen)

    reader_pilot(library, body, (120, 40))


def test_side_by_side_marks_differing_numbers_and_names(stub, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "d")
        assert isinstance(app.screen, DiffScreen)
        text = screen_text(app)
        assert "EFE" in text and "Al Jazeera" in text
        assert "1 of 1 other sources" in text
        right = app.screen.query_one("#diff-right").content
        marked = [right.plain[s.start : s.end] for s in right.spans if "reverse" in str(s.style)]
        assert "Russia" in marked or "Friday" in marked
        await press(app, pilot, "d")  # one other source: cycling stays on it
        assert app.screen.index == 0
        await press(app, pilot, "enter")
        assert shown(app) == (JAZEERA, 1)

    reader_pilot(stub, body, (160, 50))


class _Unattributed(StubLibrary):
    """Two other articles of the story with no outlet named (files saved by
    hand), as the index gives them: each with no source."""

    def related(self, article_id, number):
        from dataclasses import replace

        from index.model import RelatedPassage

        view = super().related(article_id, number)
        if (article_id, number) != (tui_helpers.EFE, 1):
            return view
        items = []
        for other, score in ((tui_helpers.FOURTH, 0.7), (tui_helpers.FIFTH, 0.6)):
            passage = self.passage(other, 1)
            items.append(
                RelatedPassage(other, 1, score, (), passage.start, passage.end, passage.text, None)
            )
        return replace(view, related=tuple(items))


def test_side_by_side_reaches_every_article_with_no_outlet_and_names_its_file(
    index_dir, reader_pilot
):
    async def body(app, pilot):
        await press(app, pilot, "d")
        assert isinstance(app.screen, DiffScreen)
        assert "1 of 2 other sources" in screen_text(app)
        right = app.screen.query_one("#diff-right").content.plain
        assert right.startswith(f"(unknown outlet)  ¶1\n{tui_helpers.FOURTH}\n")
        await press(app, pilot, "d")
        right = app.screen.query_one("#diff-right").content.plain
        assert right.startswith(f"(unknown outlet)  ¶1\n{tui_helpers.FIFTH}\n")
        await press(app, pilot, "enter")
        assert shown(app) == (tui_helpers.FIFTH, 1)

    reader_pilot(_Unattributed(index_dir=index_dir), body, (160, 50))


@pytest.mark.slow
def test_articles_with_no_outlet_are_sources_and_columns_of_their_own(seeds_index, reader_pilot):
    """On the analysed seeds, Al Jazeera's story has two articles that name no
    outlet: side by side offers both (not one "(unknown outlet)"), each under
    the placeholder, and the matrix gives each a column named by its file."""
    from index.analysis import Analysis
    from index.model import UNKNOWN_OUTLET

    from .conftest import SEEDS

    async def body(app, pilot):
        await reader(app).jump(Position(JAZEERA, 1))
        await pilot.pause()
        await press(app, pilot, "d")
        assert "1 of 2 other sources" in screen_text(app)
        heads = []
        for _ in range(2):
            heads.append(app.screen.query_one("#diff-right").content.plain.split("\n")[:2])
            await press(app, pilot, "d")
        assert [outlet[: len(UNKNOWN_OUTLET)] for outlet, _ in heads] == [UNKNOWN_OUTLET] * 2
        seen = {named for _, named in heads}
        assert tui_helpers.FOURTH in seen  # no title: its file tells it apart
        assert any(named.startswith("Russia, Ukraine Hold First Direct Talks") for named in seen)
        await press(app, pilot, "escape", "m")
        headers = [str(c.label) for c in app.screen.query_one(DataTable).columns.values()]
        assert headers[1:] == ["Al Jazeera", "…aa32e451265d8d9.txt", "…54988fc12dd0efa.txt"]

    reader_pilot(Library([SEEDS], seeds_index, analysis=Analysis()), body, (160, 50))


def test_enter_in_the_article_compares_its_passage_with_other_sources(stub, reader_pilot):
    async def body(app, pilot):
        assert reader(app).pane_of(app.focused) == "article"
        await press(app, pilot, "enter")
        assert isinstance(app.screen, DiffScreen)

    reader_pilot(stub, body, (160, 50))


def test_side_by_side_explains_when_no_other_source_is_related(library, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "d")
        assert isinstance(app.screen, ReaderScreen)
        assert any("No passage of another source" in n.message for n in app._notifications)

    reader_pilot(library, body, (120, 40), notifications=True)


def test_matrix_shows_facts_by_source_and_opens_a_cell(stub, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "m")
        assert isinstance(app.screen, MatrixScreen)
        table = app.screen.query_one(DataTable)
        assert (table.row_count, len(table.columns)) == (2, 3)
        text = screen_text(app)
        assert "— not reported" in text and "✗ differ" in text and "Istanbul talks" in text
        await press(app, pilot, "right", "right", "enter")  # Al Jazeera's cell
        assert shown(app)[0] == JAZEERA

    reader_pilot(stub, body, (120, 40))


def test_matrix_shows_every_source_of_a_wide_story(stub, monkeypatch, reader_pilot):
    outlets = ["EFE", "Al Jazeera", "Reuters", "BBC", "Anadolu"]
    label = "prisoners of war to be exchanged by both sides before the next round of talks"
    value = MatrixCell("1,000 prisoners of war each, by the end of the week", "f1", 1, 0, 51)
    matrix = OmissionMatrix(
        "story-1",
        "Istanbul talks",
        tuple(MatrixSource(f"a{n}", name) for n, name in enumerate(outlets)),
        (MatrixRow("prisoners", label, "agree", {"a1": value}),),
    )
    monkeypatch.setattr(StubLibrary, "matrix", lambda self, story_id: matrix)

    async def body(app, pilot):
        await press(app, pilot, "m")
        text = screen_text(app)
        assert all(name in text for name in outlets), text
        words = [*label.split(), *value.text.split()]
        assert all(word in text for word in words)  # wrapped, not cut

    reader_pilot(stub, body, (160, 45))


def test_matrix_columns_of_articles_with_no_outlet_name_their_files(
    stub, monkeypatch, reader_pilot
):
    from index.model import UNKNOWN_OUTLET

    value = MatrixCell("1,200 prisoners", "f1", 1, 0, 15, 1200)
    matrix = OmissionMatrix(
        "story-1",
        "Istanbul talks",
        tuple(MatrixSource(a, None) for a in (tui_helpers.FOURTH, tui_helpers.FIFTH)),
        (MatrixRow("prisoners", "prisoners exchanged", "only here", {tui_helpers.FOURTH: value}),),
    )
    monkeypatch.setattr(StubLibrary, "matrix", lambda self, story_id: matrix)

    async def body(app, pilot):
        await press(app, pilot, "m")
        headers = [str(c.label) for c in app.screen.query_one(DataTable).columns.values()]
        assert headers[1:] == ["…aa32e451265d8d9.txt", "…54988fc12dd0efa.txt"]
        assert UNKNOWN_OUTLET not in screen_text(app)

    reader_pilot(stub, body, (120, 40))


def test_matrix_needs_a_story(library, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "m")
        assert isinstance(app.screen, ReaderScreen)
        assert any("no story" in n.message for n in app._notifications)

    reader_pilot(library, body, (120, 40), notifications=True)
