"""Untrusted text stays inert; every highlight has a cue besides colour.

Pilot tests with plain asserts on what a user would notice, on the seeds
(and :class:`tests.tui_helpers.StubLibrary` for the comparison data)."""

from __future__ import annotations

import re

import pytest
from rich.console import Console
from rich.text import Text
from textual.color import Color
from textual.widgets import Static

from index.library import Library
from index.model import (
    Counterpart,
    CrossSourceView,
    FactView,
    QuoteView,
    RelatedPassage,
)
from tui import render
from tui.app import NewsdeskApp

from . import tui_helpers
from .tui_helpers import EFE, JAZEERA, StubLibrary, cited, press, reader, screen_text

index_dir, library, stub = tui_helpers.index_dir, tui_helpers.library, tui_helpers.stub  # fixtures

HOSTILE = (
    "---\n"
    'title: "Evil [bold red]x[/] title"\n'
    'source: "[link=https://e.vil]Outlet[/link]"\n'
    "---\n\n"
    "First \x1b]52;c;SGVsbG8=\x07 passage with [bold red]x[/] markup and \x1b[2J clear.\n\n"
    "Second \x9b31m c1 and \u202e bidi [link=https://e.vil]click[/link].\n"
)


def test_escape_sequences_and_markup_in_an_article_are_inert(tmp_path, reader_pilot):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.md").write_text(HOSTILE, encoding="utf-8")

    async def body(app, pilot):
        await press(app, pilot, "c")
        text = screen_text(app)
        assert "Evil [bold red]x[/] title" in text
        assert "[link=https://e.vil]Outlet[/link]" in text
        assert "with [bold red]x[/] markup" in text
        assert "bidi [link=https://e.vil]click[/link]" in text
        assert "␛]52;c;SGVsbG8=␇" in text and "␛[2J" in text
        for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert raw not in text
            assert raw not in app.clipboard
        statics = [w.content for w in app.screen.query(Static)]
        assert all(isinstance(c, (Text, str)) for c in statics)
        assert not any("\x1b" in str(c) for c in statics)

    reader_pilot(Library([corpus], index_dir=tmp_path / "index"), body, (160, 40))


def test_every_highlight_has_a_cue_besides_colour():
    cues = ("bold", "underline", "italic", "reverse")
    for style in [*render.KIND_STYLES.values(), render.TERM_STYLE, render.NOTABLE_DIFF_STYLE]:
        assert any(cue in style for cue in cues), style
    assert len(set(render.KIND_STYLES.values())) == len(render.KIND_STYLES)
    for relation, (label, _style) in render.BADGES.items():
        assert relation.split()[0] in label and not label[0].isalnum()


def test_no_color_still_marks_the_passage_under_the_cursor(library, monkeypatch, reader_pilot):
    monkeypatch.setenv("NO_COLOR", "1")

    async def body(app, pilot):
        assert app.no_color
        cursor_rows = [line for line in screen_text(app).splitlines() if "▌ ¶1" in line]
        assert cursor_rows

    reader_pilot(library, body, (120, 40))


def _luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def _contrast(a: Color, b: Color) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


async def _differ_as_drawn(app: NewsdeskApp) -> tuple[Color, Color]:
    """The colours of the differ badge as the terminal gets them (after NO_COLOR's filter)."""
    for strip in app.screen._compositor.render_strips():
        segments = list(strip)
        for line_filter in app.get_line_filters():
            segments = line_filter.apply(segments, Color(0, 0, 0))
        for segment in segments:
            if "✗ differ" in segment.text and segment.style:
                fg, bg = segment.style.color, segment.style.bgcolor
                assert fg and bg
                return Color.from_rich_color(fg), Color.from_rich_color(bg)
    raise AssertionError("no differ badge on screen")


@pytest.mark.parametrize("no_color", [False, True])
def test_differ_stands_out_with_and_without_colour(stub, monkeypatch, no_color, reader_pilot):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")

    async def body(app, pilot):
        fg, bg = await _differ_as_drawn(app)
        pane = Color.parse(app.get_css_variables()["surface"])
        assert bg != pane  # a block, not letters on the pane's background
        assert _contrast(fg, bg) >= (7 if no_color else 3.5)
        accent = Color.parse(app.get_css_variables()["accent"])
        assert bg != accent and fg != accent  # not the focused border's colour

    reader_pilot(stub, body, (160, 50))


def test_the_other_sources_pane_puts_facts_first_and_related_passages_last(stub, reader_pilot):
    async def body(app, pilot):
        text = reader(app).cross.text
        titles = ["Facts", "Entities", "Quotes", "Related passages"]
        assert [text.index(f"\n{t}\n") for t in titles] == sorted(
            text.index(f"\n{t}\n") for t in titles
        )
        assert "less than an hour" in screen_text(app)  # on the first screen

    reader_pilot(stub, body, (160, 50))


def test_the_other_sources_pane_shows_names_not_internal_keys(stub, monkeypatch, reader_pilot):
    tuesday = cited("Tuesday", kind="date", key="date:talks", speaker="person:rustem-umerov")
    said = cited("we agreed", kind="quote")
    reasons = ("quote (as said by person:rustem-umerov)", "entity: place:kyiv")
    view = CrossSourceView(
        stub.passage(EFE, 1),
        related=(
            RelatedPassage(JAZEERA, 1, 0.5, reasons, text="The talks ended.", source="Al Jazeera"),
        ),
        facts=(FactView(tuesday),),
        quotes=(QuoteView("person:oleh-syniehubov", said),),
    )
    monkeypatch.setattr(StubLibrary, "related", lambda self, article_id, number: view)

    async def body(app, pilot):
        text = " ".join(reader(app).cross.text.split())  # as read, across wrapped lines
        assert not re.search(r"\b(?:person|place|date):", text), text
        for words in ("date of the talks", "Rustem Umerov", "Oleh Syniehubov", "Kyiv"):
            assert words in text

    reader_pilot(stub, body, (160, 50))


OTHER = FactView(
    cited("less than an hour", subject="duration of the talks"),
    "differ",
    (
        Counterpart(
            cited("less than two hours and a bit more", JAZEERA), "differ", False, "Al Jazeera"
        ),
    ),
)


@pytest.mark.parametrize("width", range(28, 52))
def test_wrapped_lines_of_the_other_sources_pane_keep_their_indent(width):
    lines = [t.plain for t in render.wrap_block(render.fact_block(OTHER), Console(), width)]
    value = next(n for n, line in enumerate(lines) if "✗ differ" in line)
    assert all(line.startswith("    ") for line in lines[value + 1 :]), lines
    assert not any(line.strip() in ("(other story)", "(other", "story)") for line in lines)
    assert all(len(line.rstrip()) <= width for line in lines), lines
