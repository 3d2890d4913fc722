"""Browse the canonical entities and jump to where each source names them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from index.model import Entity, EntityMention
from index.safety import clean_line

from .. import render
from ..state import Position

EMPTY = (
    "No entities yet. People, organisations and places are found when the index is "
    "built with the analysis; then each one lists how every source names it."
)


def entity_prompt(entity: Entity) -> Text:
    text = Text(clean_line(entity.name), style=render.KIND_STYLES.get(entity.kind, "bold"))
    text.append(f"  {entity.kind}", style="dim")
    text.append(f"  {len(entity.mentions)}×", style="dim")
    spellings = [clean_line(a.text) for a in entity.aliases]
    others = [s for s in spellings if s != clean_line(entity.name)]
    return text.append(f"\n  also: {', '.join(others)}" if others else "", style="italic dim")


class EntityBrowser(ModalScreen[Position | None]):
    """Entities on the left (filter as you type), their mentions on the right."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="entities.close")]

    def __init__(
        self,
        entities: Sequence[Entity],
        sources: Mapping[str, str] | None = None,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.entities = list(entities)
        self.sources = dict(sources or {})
        self.titles = dict(titles or {})  # by article id: its title, or its file
        self.shown: list[Entity] = []
        self.mentions: list[EntityMention] = []

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

    def _show_mentions(self, entity: Entity) -> None:
        self.mentions = sorted(
            entity.mentions, key=lambda m: (self.sources.get(m.article, ""), m.article)
        )
        listing = self.query_one("#entities-mentions", OptionList)
        listing.set_options(Option(self._mention_prompt(m)) for m in self.mentions)
        if self.mentions:
            listing.highlighted = 0

    def _mention_prompt(self, mention: EntityMention) -> Text:
        """Outlet, where (a passage, or the title: passage 0), the words, and which
        article: two articles of one outlet, or of none named, are told apart."""
        source = self.sources.get(mention.article) or mention.article
        where = f"¶{mention.passage}" if mention.passage else "title"
        title = self.titles.get(mention.article) or mention.article
        return Text.assemble(
            (clean_line(source), "bold"),
            (f"  {where}", "dim"),
            "  ",
            (clean_line(mention.text), "italic"),
            (f"\n  {render.shorten(clean_line(title), 44)}", "dim"),
        )

    @on(OptionList.OptionSelected, "#entities-mentions")
    def _mention_chosen(self, event: OptionList.OptionSelected) -> None:
        mention = self.mentions[event.option_index]
        self.dismiss(Position(mention.article, mention.passage))


def _names(entity: Entity) -> str:
    """Every spelling of an entity, for the filter."""
    aliases = " ".join(a.text for a in entity.aliases)
    return f"{entity.name} {aliases}".casefold()
