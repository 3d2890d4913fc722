"""Browse the canonical entities and jump to where each source names them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from index.safety import clean_line

from .. import render
from ..state import Position

EMPTY = (
    "No entities yet. People, organisations and places are found when the index is "
    "built with the analysis; then each one lists how every source names it."
)


def mention_article(mention: Mapping[str, Any]) -> str:
    """The article of a mention (``id`` in the library's JSON, ``article`` in the model)."""
    return str(mention.get("id") or mention.get("article") or "")


def entity_prompt(entity: Mapping[str, Any]) -> Text:
    label = entity.get("label", "other")
    text = Text(clean_line(entity.get("name")), style=render.KIND_STYLES.get(label, "bold"))
    text.append(f"  {label}", style="dim")
    text.append(f"  {len(entity.get('mentions') or [])}×", style="dim")
    spellings = [clean_line(a.get("text")) for a in entity.get("aliases") or []]
    others = [s for s in spellings if s != clean_line(entity.get("name"))]
    return text.append(f"\n  also: {', '.join(others)}" if others else "", style="italic dim")


class EntityBrowser(ModalScreen[Position | None]):
    """Entities on the left (filter as you type), their mentions on the right."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="entities.close")]

    def __init__(
        self, entities: Sequence[Mapping[str, Any]], sources: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self.entities = list(entities)
        self.sources = dict(sources or {})
        self.shown: list[Mapping[str, Any]] = []
        self.mentions: list[Mapping[str, Any]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="entities-dialog", classes="dialog"):
            # Not select_on_focus: a letter typed in a list is put in the box, then the
            # next one would replace it.
            yield Input(placeholder="Filter entities", id="entities-filter", select_on_focus=False)
            with Horizontal(id="entities-body"):
                yield OptionList(id="entities-list")
                yield OptionList(id="entities-mentions")
            yield Static(id="entities-empty")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False  # no redraw every half second over SSH
        empty = self.query_one("#entities-empty", Static)
        empty.update(Text(EMPTY, style="dim") if not self.entities else "")
        empty.display = not self.entities
        self._filter("")
        self.query_one("#entities-list" if self.entities else "#entities-filter").focus()

    def on_key(self, event: events.Key) -> None:
        """Typing in either list filters at once: the key goes to the filter box,
        so a reader need not Shift+Tab there first."""
        box = self.query_one("#entities-filter", Input)
        if event.is_printable and event.character and self.focused is not box:
            event.stop()
            event.prevent_default()
            box.focus()
            box.insert_text_at_cursor(event.character)

    @on(Input.Changed, "#entities-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        self.shown = [e for e in self.entities if needle in _names(e)]
        listing = self.query_one("#entities-list", OptionList)
        listing.set_options(Option(entity_prompt(e)) for e in self.shown)
        if self.shown:
            listing.highlighted = 0

    @on(Input.Submitted, "#entities-filter")
    def _filter_done(self) -> None:
        self.query_one("#entities-list").focus()

    @on(OptionList.OptionHighlighted, "#entities-list")
    def _entity_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_mentions(self.shown[event.option_index])

    @on(OptionList.OptionSelected, "#entities-list")
    def _entity_chosen(self, event: OptionList.OptionSelected) -> None:
        self._show_mentions(self.shown[event.option_index])
        self.query_one("#entities-mentions").focus()

    def _show_mentions(self, entity: Mapping[str, Any]) -> None:
        self.mentions = sorted(
            entity.get("mentions") or [],
            key=lambda m: (self.sources.get(mention_article(m), ""), mention_article(m)),
        )
        listing = self.query_one("#entities-mentions", OptionList)
        listing.set_options(Option(self._mention_prompt(m)) for m in self.mentions)
        if self.mentions:
            listing.highlighted = 0

    def _mention_prompt(self, mention: Mapping[str, Any]) -> Text:
        article = mention_article(mention)
        source = self.sources.get(article) or article
        return Text.assemble(
            (clean_line(source), "bold"),
            (f"  ¶{mention.get('passage')}", "dim"),
            "  ",
            (clean_line(mention.get("text")), "italic"),
        )

    @on(OptionList.OptionSelected, "#entities-mentions")
    def _mention_chosen(self, event: OptionList.OptionSelected) -> None:
        mention = self.mentions[event.option_index]
        self.dismiss(Position(mention_article(mention), int(mention.get("passage") or 1)))


def _names(entity: Mapping[str, Any]) -> str:
    """Every spelling of an entity, for the filter."""
    aliases = " ".join(str(a.get("text", "")) for a in entity.get("aliases") or [])
    return f"{entity.get('name', '')} {aliases}".casefold()
