"""The right pane: what the other sources say about the current passage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from .. import render

EMPTY_HINT = (
    "Nothing from other sources for this passage yet.\n\n"
    "When the index is built with the analysis, this pane lists the facts of the "
    "passage and whether other sources agree (✓), are compatible (≈) or differ (✗), "
    "related passages (Enter jumps there), who is named and how each source spells "
    "them, and quotes by the same speaker."
)
SECTIONS = ("facts", "related", "entities", "quotes")


class CrossSourcePane(VerticalScroll, can_focus=True):
    """Facts with agreement badges, related passages, entity coverage and quotes."""

    BORDER_TITLE = "Other sources"

    @dataclass
    class RelatedChosen(Message):
        """The user chose a related passage to jump to."""

        pane: CrossSourcePane
        article_id: str
        passage: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: Mapping[str, Any] = {}
        self._related: list[Mapping[str, Any]] = []

    def compose(self):
        yield Static(Text(EMPTY_HINT, style="dim"), id="cross-empty")
        yield Label("Facts", classes="section-title", id="facts-title")
        yield Static(id="cross-facts", classes="section")
        yield Label("Related passages", classes="section-title", id="related-title")
        yield OptionList(id="cross-related")
        yield Label("Entities", classes="section-title", id="entities-title")
        yield Static(id="cross-entities", classes="section")
        yield Label("Quotes", classes="section-title", id="quotes-title")
        yield Static(id="cross-quotes", classes="section")

    def on_mount(self) -> None:
        self.show({})

    @property
    def related_list(self) -> OptionList:
        return self.query_one("#cross-related", OptionList)

    def show(self, view: Mapping[str, Any]) -> None:
        """Render ``library.related(...)`` for one passage (or the empty state)."""
        self.view = view
        present = {name: list(view.get(name) or []) for name in SECTIONS}
        with self.app.batch_update():
            self.query_one("#cross-empty").display = not any(present.values())
            for name, items in present.items():
                self.query_one(f"#{name}-title").display = bool(items)
            self._fill("#cross-facts", present["facts"], render.fact_block)
            self._fill("#cross-entities", present["entities"], render.entity_block)
            self._fill("#cross-quotes", present["quotes"], render.quote_block)
            self._fill_related(present["related"])
        self.scroll_home(animate=False)

    def _fill(self, selector: str, items: list[Mapping[str, Any]], make) -> None:
        widget = self.query_one(selector, Static)
        widget.display = bool(items)
        widget.update(Text("\n\n").join(make(item) for item in items))

    def _fill_related(self, items: list[Mapping[str, Any]]) -> None:
        options = self.related_list
        options.display = bool(items)
        self._related = items
        options.set_options(Option(render.related_text(item)) for item in items)
        if items:
            options.highlighted = 0

    def focus_target(self):
        """What Tab focuses in this pane: the related list when it has entries."""
        return self.related_list if self.related_list.option_count else self

    @on(OptionList.OptionSelected, "#cross-related")
    def _related_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self._related[event.option_index]
        self.post_message(self.RelatedChosen(self, str(item["id"]), int(item.get("passage") or 1)))
