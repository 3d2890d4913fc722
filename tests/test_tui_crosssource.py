"""The Other sources pane: facts, related passages, entities, quotes.

Pilot tests with plain asserts on what a user would notice, on the seeds
(and :class:`tests.tui_helpers.StubLibrary` for the comparison data)."""

from __future__ import annotations

from dataclasses import replace

from tui import render

from . import tui_helpers
from .tui_helpers import EFE, FIFTH, FOURTH, JAZEERA, THIRD, press, reader, screen_text, shown

index_dir, stub = tui_helpers.index_dir, tui_helpers.stub  # fixtures


def test_cross_source_pane_shows_facts_related_entities_and_quotes(stub, reader_pilot):
    async def body(app, pilot):
        pane = reader(app).cross
        text = " ".join(pane.text.split())  # the pane's lines, wrapped to its width, rejoined
        assert "Facts" in screen_text(app) and "Related passages" in screen_text(app)
        assert not pane.is_empty and "Nothing from other sources" not in screen_text(app)
        for expected in (
            "less than an hour",
            "≈ compatible",
            "✗ differ",
            "• only here",
            "Al Jazeera",
            "same story, shared entities: Istanbul",
            "in 2 of 5 sources",
            "“İstanbul”",
            "Rustem Umerov",
            "we agreed to exchange 1,000",
        ):
            assert expected in text, expected
        await press(app, pilot, "j")  # passage 2 has nothing: the empty state returns
        assert pane.is_empty and not pane.related
        assert "Nothing from other sources" in screen_text(app)
        assert "Related passages" not in screen_text(app)

    reader_pilot(stub, body, (160, 50))


def test_enter_on_a_related_passage_jumps_there(stub, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "tab")
        assert app.focused is reader(app).cross
        await press(app, pilot, "enter")
        assert shown(app) == (JAZEERA, 1)
        assert reader(app).pane_of(app.focused) == "article"
        await press(app, pilot, "backspace")
        assert shown(app) == (EFE, 1)

    reader_pilot(stub, body, (160, 50))


def test_entity_mentions_are_highlighted_by_kind(stub, reader_pilot):
    async def body(app, pilot):
        content = reader(app).article.passage_content(1)
        styled = {content.plain[span.start : span.end]: str(span.style) for span in content.spans}
        assert styled["Istanbul"] == render.KIND_STYLES["place"]
        assert styled["Ukrainian"] == render.KIND_STYLES["group"]
        assert styled["Tuesday"] == render.KIND_STYLES["date"]

    reader_pilot(stub, body, (120, 40))


def test_sources_are_grouped_by_story_with_the_rest_under_other(stub, reader_pilot):
    async def body(app, pilot):
        sources = reader(app).sources
        assert sources.headings == ["Istanbul talks  3", "Other  2"]
        text = screen_text(app)
        assert "Istanbul talks  3" in text and "Other  2" in text
        assert sources.article_ids == [EFE, JAZEERA, THIRD, FOURTH, FIFTH]

    reader_pilot(stub, body, (120, 40))


class _NotComparable(tui_helpers.StubLibrary):
    """Another report's figure about something near but not the same: the
    analysis gives it as a counterpart with no relation."""

    def related(self, article_id, number):
        from dataclasses import replace

        from index.model import Counterpart, FactView

        view = super().related(article_id, number)
        if (article_id, number) != (EFE, 1):
            return view
        near = Counterpart(
            tui_helpers.cited("19 Palestinians killed", JAZEERA), None, True, "Al Jazeera"
        )
        prisoners = FactView(
            tui_helpers.cited("29 Palestinians", key="palestinians"), "only here", (near,)
        )
        return replace(view, facts=(prisoners,))


def test_a_figure_that_cannot_be_compared_says_so_in_words(index_dir, reader_pilot):
    async def body(app, pilot):
        text = " ".join(reader(app).cross.text.split())  # the pane's lines, rejoined
        assert (
            "29 Palestinians (palestinians) – not comparable Al Jazeera: 19 Palestinians killed"
            in text
        )
        assert "? Al Jazeera" not in text

    reader_pilot(_NotComparable(index_dir=index_dir), body, (160, 50))


def test_an_article_not_compared_yet_offers_no_related_passage_to_jump_to(stub, reader_pilot):
    """A changed article's stored view is of its old text: while an update's pass
    runs, the pane says so and Enter jumps nowhere."""

    async def body(app, pilot):
        pane = reader(app).cross
        view = pane.view
        assert view is not None and view.related  # passage 1 of the seeds has related passages
        pane.show(view, comparing=True)
        await pilot.pause()
        assert pane.is_empty and not pane.related
        assert "Still being compared with the others" in screen_text(app)
        await press(app, pilot, "tab", "enter")
        assert shown(app) == (EFE, 1)

    reader_pilot(stub, body, (160, 50))


def test_a_first_look_says_so_above_what_the_other_sources_say(stub, reader_pilot):
    """A new article's first look (compared with its nearest articles only, while
    the whole folder is compared): the pane says so first, then shows the view,
    and its related passages can be jumped to."""

    async def body(app, pilot):
        pane = reader(app).cross
        view = pane.view
        assert view is not None and view.related
        pane.show(view, first_look=True)
        await pilot.pause()
        lines = [line.strip() for line in pane.text.splitlines() if line.strip()]
        assert lines[0].startswith("A first look: this article is compared")  # first
        text = " ".join(pane.text.split())
        assert "still being compared with the whole folder" in text
        assert "✗ differ" in text and "Related passages" in text
        await press(app, pilot, "tab", "enter")
        assert shown(app) == (JAZEERA, 1)

    reader_pilot(stub, body, (160, 50))


def test_a_speaker_quoted_twice_is_one_block_and_another_storys_quote_says_so(
    stub, reader_pilot, monkeypatch
):
    """Umerov quoted twice in the passage, the same quote of Al Jazeera
    answering both: listed once under him, marked as another story's."""
    real = stub.related

    def related(article_id, passage):
        view = real(article_id, passage)
        if not view.quotes:
            return view
        (quote,) = view.quotes
        again = replace(quote.here, id="again", text="talks will go on")
        quotes = (replace(quote, beyond=1), replace(quote, here=again, beyond=1))
        return replace(view, quotes=quotes)

    monkeypatch.setattr(stub, "related", related)

    async def body(app, pilot):
        lines = [line.strip() for line in reader(app).cross.text.splitlines()]
        assert lines.count("Rustem Umerov") == 1
        at = lines.index("Rustem Umerov")
        assert lines[at + 1 : at + 3] == [
            "here: ongoing prisoner exchanges",
            "here: talks will go on",
        ]
        after = " ".join(" ".join(lines[at + 3 :]).split())  # wrapped lines rejoined
        assert after.startswith(f"Al Jazeera: we agreed to exchange 1,000 {render.OTHER_STORY}")

    reader_pilot(stub, body, (160, 50))
