"""The command palette, copying a passage, quitting.

Pilot tests with plain asserts on what a user would notice, on the seeds
(and :class:`tests.tui_helpers.StubLibrary` for the comparison data)."""

from __future__ import annotations

import pytest

from tui.commands import ArticleCommands, EntityCommands, StoryCommands

from . import tui_helpers
from .tui_helpers import EFE, JAZEERA, press, reader, shown

index_dir, library, stub = tui_helpers.index_dir, tui_helpers.library, tui_helpers.stub  # fixtures


def test_command_palette_jumps_to_an_article(stub, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "ctrl+p")
        await pilot.press(*"Al Jazeera")
        await pilot.pause(0.3)
        await press(app, pilot, "enter")
        assert shown(app)[0] == JAZEERA

    reader_pilot(stub, body, (120, 40))


@pytest.mark.parametrize(
    "provider, expected",
    [
        (ArticleCommands, "open EFE: Ukraine and Russia end"),
        (StoryCommands, "story Istanbul talks"),
        (EntityCommands, "entity Hakan Fidan"),
    ],
)
def test_palette_providers_offer_jumps(stub, provider, expected, reader_pilot):
    async def body(app, pilot):
        texts = [t[0] for t in provider(reader(app)).targets()]
        assert any(t.startswith(expected) for t in texts), texts

    reader_pilot(stub, body, (120, 40))


def test_copy_puts_the_passage_and_its_citation_on_the_clipboard(library, reader_pilot):
    async def body(app, pilot):
        await press(app, pilot, "c")
        passage = library.passage(EFE, 1)
        assert passage.text in app.clipboard
        assert "EFE" in app.clipboard
        assert "Ukraine and Russia end Istanbul peace talks" in app.clipboard
        assert f"{EFE} ¶1 [{passage.start}:{passage.end}]" in app.clipboard
        assert "Jul. 23, 3035 (unverified)" in app.clipboard
        assert any("Copied ¶1" in n.message for n in app._notifications)

    reader_pilot(library, body, (120, 40), notifications=True)


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
def test_q_and_ctrl_c_quit(library, key, reader_pilot):
    async def body(app, pilot):
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running

    reader_pilot(library, body, (120, 40))
