"""The left pane: every article, grouped by story, with read marks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .. import render
from ..render import Entry

OTHER_GROUP = "Other"


def groups(
    entries: Sequence[Entry], stories: Sequence[Mapping[str, Any]]
) -> list[tuple[str | None, list[Entry]]]:
    """Articles by story, in story order; the rest in "Other" (one flat list without stories)."""
    by_id = {e.id: e for e in entries}
    seen: set[str] = set()
    found: list[tuple[str | None, list[Entry]]] = []
    for story in stories:
        members = [by_id[i] for i in story.get("articles", []) if i in by_id and i not in seen]
        seen.update(e.id for e in members)
        if members:
            found.append((str(story.get("title") or story.get("id")), members))
    rest = [e for e in entries if e.id not in seen]
    if rest:
        found.append((OTHER_GROUP if found else None, rest))
    return found


class SourcesList(OptionList):
    """Articles as two-line entries under story headings; Enter or a click opens one."""

    BORDER_TITLE = "Sources"

    @dataclass
    class ArticleChosen(Message):
        """The user chose an article to read."""

        sources: SourcesList
        article_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: dict[str, Entry] = {}
        self._read: set[str] = set()

    @property
    def article_ids(self) -> list[str]:
        """Article ids in the order shown (the order J/K walk)."""
        return [o.id for o in self.options if o.id and o.id in self._entries]

    def populate(
        self, entries: Sequence[Entry], stories: Sequence[Mapping[str, Any]], read: set[str]
    ) -> None:
        """Show ``entries`` grouped by ``stories``, keeping the highlighted article."""
        current = self.current_id
        self._entries = {e.id: e for e in entries}
        self._read = read
        options: list[Option | None] = []
        for number, (title, members) in enumerate(groups(entries, stories)):
            if title is not None:
                heading = render.group_heading(title, len(members))
                options.append(Option(heading, id=f"group-{number}", disabled=True))
            options.extend(Option(self._prompt(e), id=e.id) for e in members)
        self.set_options(options)
        if current:
            self.show_article(current)

    def _prompt(self, entry: Entry):
        return render.source_entry(entry, entry.id in self._read)

    @property
    def current_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option and option.id in self._entries else None

    def show_article(self, article_id: str) -> None:
        """Move the highlight to ``article_id`` without opening it again."""
        if article_id in self._entries:
            self.highlighted = self.get_option_index(article_id)

    def refresh_mark(self, article_id: str) -> None:
        """Redraw one entry's read mark (the set itself belongs to the reading state)."""
        if article_id in self._entries:
            self.replace_option_prompt(article_id, self._prompt(self._entries[article_id]))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in self._entries:
            self.post_message(self.ArticleChosen(self, event.option.id))
