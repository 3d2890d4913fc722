"""Command palette providers: jump to an article, a story, an entity or a
mark; open a saved search; export.

The displays are built as Text from cleaned strings: Textual's
``Matcher.highlight`` parses its input as markup, which article titles must
never be, and so does the palette with a hit's help line. The help (an
article's file name) is therefore drawn as a second line of the display
itself, and no hit has a help string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from index.model import outlet_label
from index.safety import clean_line

from .inert import inert
from .keeps import KINDS, mark_text
from .render import Entry, title_of
from .state import Position

if TYPE_CHECKING:
    from .screens.reader import ReaderScreen

# (plain text to match, display, help, where to go)
Target = tuple[str, Text, str, Position]


class _JumpProvider(Provider):
    """Shared search and discovery over a list of jump targets."""

    @property
    def reader(self) -> ReaderScreen:
        return self.screen  # type: ignore[return-value]

    def targets(self) -> Iterator[Target]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for text, display, help_text, position in self.targets():
            prompt = _with_help(display, help_text)
            yield DiscoveryHit(prompt, partial(self.reader.jump, position), text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, display, help_text, position in self.targets():
            score = matcher.match(text)
            if score > 0:
                prompt = _with_help(display, help_text)
                yield Hit(score, prompt, partial(self.reader.jump, position), text)


def _with_help(display: Text, help_text: str) -> Text:
    """The display with its help below it, dimmed, as the palette draws a help line."""
    return Text.assemble(display, "\n", inert(help_text, "dim"))


def _article_text(entry: Entry) -> tuple[str, Text]:
    source = outlet_label(clean_line(entry.source))
    title = title_of(entry)
    return f"{source}: {title.plain}", Text.assemble((f"{source}: ", "bold"), title)


class ArticleCommands(_JumpProvider):
    """Jump to an article by outlet or title."""

    def targets(self) -> Iterator[Target]:
        for entry in self.reader.entries:
            text, display = _article_text(entry)
            yield f"open {text}", Text("open ").append_text(display), entry.id, Position(entry.id)


class StoryCommands(_JumpProvider):
    """Jump to the first article of a story."""

    def targets(self) -> Iterator[Target]:
        for story in self.reader.stories:
            articles = story.articles
            if articles:
                title = clean_line(story.title or story.id)
                display = Text.assemble("story ", (title, "bold"), (f"  {len(articles)}", "dim"))
                help_text = f"{len(articles)} articles"
                yield f"story {title}", display, help_text, Position(articles[0])


class EntityCommands(_JumpProvider):
    """Jump to the first mention of an entity."""

    def targets(self) -> Iterator[Target]:
        for entity in self.reader.library.entities():
            mentions = entity.mentions
            if not mentions:
                continue
            name = clean_line(entity.name)
            display = Text.assemble("entity ", (name, "bold"), f"  {entity.kind}")
            position = Position(mentions[0].article, mentions[0].passage)
            yield f"entity {name}", display, f"{len(mentions)} mentions", position


# (plain text to match, display, help, what to do)
Command = tuple[str, Text, str, Callable[[], Any]]


class KeepCommands(Provider):
    """Marks to jump to, saved searches to open, and what can be exported."""

    @property
    def reader(self) -> ReaderScreen:
        return self.screen  # type: ignore[return-value]

    def commands(self) -> Iterator[Command]:
        reader = self.reader
        for mark in reader.state.marks:
            where = Position(mark.article_id, mark.passage or 1)
            display = Text("mark ").append_text(mark_text(reader, mark))
            yield f"mark {display.plain}", display, "jump to it", partial(reader.jump, where)
        for name, query in list(reader.state.searches.items()):
            shown, words = clean_line(name), clean_line(query)
            display = Text.assemble("search ", (shown, "bold"))
            yield f"search {shown}", display, words, partial(reader.action_search, query)
            display = Text.assemble("forget search ", (shown, "bold"))
            yield f"forget search {shown}", display, words, partial(reader.forget_search, name)
            display = Text.assemble("filter sources by ", (shown, "bold"))
            filtering = partial(reader.action_filter_sources, query)
            yield f"filter sources by {shown}", display, words, filtering
        if reader.sources_filter:
            everything = partial(reader.action_filter_sources, "")
            yield "filter sources: none", Text("filter sources: none"), "list all (F)", everything
        yield "marks list", Text("marks list"), "every mark (M)", reader.action_marks
        save = reader.action_save_search
        yield "save search", Text("save search"), "name the last search (S)", save
        for kind, label in KINDS.items():
            yield (
                f"export {label}",
                Text(f"export {label}"),
                "to a file (x)",
                partial(reader.action_export, kind),
            )

    async def discover(self) -> Hits:
        for text, display, help_text, callback in self.commands():
            yield DiscoveryHit(_with_help(display, help_text), callback, text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, display, help_text, callback in self.commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _with_help(display, help_text), callback, text)
