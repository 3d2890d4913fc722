"""What a reader keeps and takes away: links, copies, marks, saved searches, exports.

The reader screen's actions for these live here, as a mixin, so the screen
module stays about reading; their keys are :data:`BINDINGS`, which the reader
lists with its own (the help screen reads them from there).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.binding import Binding

from index.model import Story, outlet_label
from index.safety import clean_line, usable_url

from . import links, render
from .inert import toast
from .state import Mark, ReadingState

if TYPE_CHECKING:
    from index.exports import Export

    from .render import Entry
    from .screens.reader import ReaderScreen
    from .widgets.sources import Group

BINDINGS = [
    Binding("o", "open_link", "Open link", id="open_link"),
    Binding("b", "mark(False)", "Mark passage", id="mark_passage"),
    Binding("B", "mark(True)", "Mark article", show=False, id="mark_article"),
    Binding("M", "marks", "List marks", show=False, id="marks"),
    Binding("x", "export", "Export to a file", show=False, id="export"),
    Binding("S", "save_search", "Save the last search", show=False, id="save_search"),
    Binding("F", "filter_sources", "Sources matching the last search", show=False, id="filter"),
]
WORDS = 60  # characters of a marked passage shown in the list
FILTER_LIMIT = 10_000  # passages read for a filter: their articles are the ones listed
# What the reader exports (the report and its numpy-backed comparisons load on export).
KINDS = {"story": "story report", "search": "search results", "marks": "marked passages"}
UNAVAILABLE = {
    "story": "This article is in no story, so there is no report to export.",
    "search": "No search results to export: search with / first.",
    "marks": "No marks to export: b marks the passage under the cursor.",
}


class KeepActions:
    """Links, copies, marks, saved searches and exports, for :class:`ReaderScreen`."""

    _entries: tuple[list[Entry], dict[str, Entry]] | None = None  # the list, by id

    def entry(self, article_id: str) -> Entry | None:
        """The listed article ``article_id`` (an index of the list, made once per list:
        the palette asks for every mark at every key, of a list of 100,000 articles)."""
        reader = cast("ReaderScreen", self)
        if self._entries is None or self._entries[0] is not reader.entries:
            self._entries = (reader.entries, {e.id: e for e in reader.entries})
        return self._entries[1].get(article_id)

    # Links.

    def action_open_link(self) -> None:
        reader = cast("ReaderScreen", self)
        shown = reader.article.article
        if shown is None:
            return
        url = usable_url(shown.url)
        if url is None:
            if shown.url:
                message = "This article's link is not a web address (http or https): not opened."
                toast(reader, message, severity="warning", timeout=4)
            else:
                toast(reader, "This article has no link.", timeout=4)
            return
        reader.run_worker(lambda: _open(reader, url), thread=True, exclusive=True, group="link")

    def link_opened(self, url: str, opened: bool) -> None:
        """Say where the link went; copy it (OSC 52) where no browser opened it."""
        reader = cast("ReaderScreen", self)
        if opened:
            toast(reader, f"Opened in the browser: {url}", timeout=4)
            return
        reader.app.copy_to_clipboard(url)
        why = "over SSH" if links.over_ssh() else "no browser here"
        toast(reader, f"Copied the link ({why}): {url}", timeout=5)

    # Copies.

    def action_copy(self) -> None:
        """Copy the passage with its citation (through the terminal: OSC 52)."""
        reader = cast("ReaderScreen", self)
        shown, number = reader.article.article, reader.article.cursor
        if shown is None or not number:
            return
        reader.app.copy_to_clipboard(render.citation(shown, shown.passages[number - 1]))
        source = shown.source or "the article"
        toast(reader, f"Copied ¶{number} of {source} with its citation.", timeout=3)

    # Marks.

    def action_mark(self, whole: bool) -> None:
        reader = cast("ReaderScreen", self)
        shown, number = reader.article.article, reader.article.cursor
        if shown is None or (not whole and not number):
            return
        mark = Mark(shown.id, None if whole else number)
        what = "this article" if whole else f"¶{number}"
        marked = reader.state.toggle_mark(mark)
        reader.article.show_marks(flags(reader.state, shown.id))
        count = len(reader.state.marks)
        said = f"Marked {what} ({count} marked; M lists them)." if marked else f"Unmarked {what}."
        reader.keep_state(said)

    def keep_state(self, said: str) -> None:
        """Save what the user just kept, at once: it must outlive a crash."""
        reader = cast("ReaderScreen", self)
        if reader.state.save():
            toast(reader, said, timeout=3)
        else:
            toast(
                reader,
                f"{said} It could not be saved: the state folder is not writable.",
                severity="warning",
                timeout=6,
            )

    def action_marks(self) -> None:
        from .screens.marks import MarksScreen

        reader = cast("ReaderScreen", self)
        listed = [(m, mark_text(reader, m)) for m in reader.state.marks]
        dialog = MarksScreen(listed, reader.unmark, lambda: reader.action_export("marks"))
        reader.app.push_screen(dialog, reader._go)

    def unmark(self, mark: Mark) -> None:
        reader = cast("ReaderScreen", self)
        if reader.state.is_marked(mark):
            reader.state.toggle_mark(mark)
            shown = reader.article.article
            if shown is not None:
                reader.article.show_marks(flags(reader.state, shown.id))
            reader.keep_state("Unmarked.")

    # Saved searches.

    def action_save_search(self) -> None:
        from .screens.prompt import PromptScreen

        reader = cast("ReaderScreen", self)
        query = reader.searched.query
        if not query:
            toast(reader, "No search to save: search with / first.", timeout=4)
            return
        dialog = PromptScreen("Name this search", f"Query: {query}", query)
        reader.app.push_screen(dialog, lambda name: reader.save_search(name, query))

    def forget_search(self, name: str) -> None:
        reader = cast("ReaderScreen", self)
        if reader.state.searches.pop(name, None) is not None:
            reader.keep_state(f"Forgot the search “{name}”.")

    def save_search(self, name: str | None, query: str) -> None:
        reader = cast("ReaderScreen", self)
        if name:
            reader.state.save_search(name, query)
            reader.keep_state(f"Saved the search “{name}”: Ctrl+P and its name open it.")

    # A query as a filter on the sources list.

    sources_filter: tuple[str, frozenset[str]] | None = None  # the query, its articles

    def action_filter_sources(self, query: str = "") -> None:
        """List only the articles with a passage matching ``query`` (the last
        search's by default); pressed again with no query, list them all."""
        reader = cast("ReaderScreen", self)
        query = query or ("" if reader.sources_filter else reader.searched.query)
        if query and not reader.entries:  # only the list's first rows are read yet
            toast(reader, "The list of articles is still being read: filter it in a moment.")
        elif query:
            run = lambda: _filter(reader, query)  # noqa: E731
            reader.run_worker(run, thread=True, exclusive=True, group="filter")
        elif reader.sources_filter:
            reader.sources_filter = None
            reader.sources.border_title = "Sources"
            reader.sources.populate(reader.listed_groups(), reader.state.read)
            toast(reader, "Sources: every article is listed again.", timeout=3)
        else:
            toast(reader, "No search to filter the sources by: search with / first.", timeout=4)

    def listed_groups(self) -> list[Group]:
        """The sources list's groups, only the matching articles while filtered."""
        from .screens.loading import listed

        reader = cast("ReaderScreen", self)
        groups = listed(reader.entries, reader.stories)
        if reader.sources_filter is None:
            return groups
        ids = reader.sources_filter[1]
        kept = [(title, [e for e in rows if e.id in ids]) for title, _, rows in groups]
        return [(title, len(rows), rows) for title, rows in kept if rows]

    def sources_filtered(self, query: str, ids: frozenset[str], problem: str | None) -> None:
        reader = cast("ReaderScreen", self)
        if problem is not None:
            toast(reader, f"The sources cannot be filtered by {query}: {problem}", timeout=6)
            return
        reader.sources_filter = (query, ids)
        groups = reader.listed_groups()
        reader.sources.populate(groups, reader.state.read)
        reader.sources.border_title = Text(f"Sources · {clean_line(query)}")
        count = sum(n for _, n, _ in groups)
        toast(reader, f"Sources: {count} articles match {query} (F again: all).", timeout=5)

    # Exports.

    def action_export(self, kind: str = "") -> None:
        from .screens.export import ExportScreen

        reader = cast("ReaderScreen", self)
        sources = exportable(reader)
        if kind and kind not in sources:
            toast(reader, UNAVAILABLE[kind], timeout=5)
            return
        if not sources:
            toast(
                reader,
                "Nothing to export yet: open an article of a story, search with /, "
                "or mark passages with b.",
                timeout=5,
            )
            return
        preferred = kind or next(k for k in ("marks", "search", "story") if k in sources)
        reader.app.push_screen(ExportScreen(sources, preferred), reader.exported)

    def exported(self, path: Path | None) -> None:
        reader = cast("ReaderScreen", self)
        if path is not None:
            toast(reader, f"Wrote {path}", timeout=6)


def flags(state: ReadingState, article_id: str) -> set[int]:
    """What the article pane flags: the marked passages, and 0 (its title) for
    the marked article."""
    return {m.passage or 0 for m in state.marks if m.article_id == article_id}


def _filter(screen: ReaderScreen, query: str) -> None:
    """In a thread: the articles with a passage matching ``query``."""
    try:
        found = screen.library.search(query, limit=FILTER_LIMIT)
    except Exception as problem:  # noqa: BLE001 - a query error, said in a toast
        screen.app.call_from_thread(screen.sources_filtered, query, frozenset(), str(problem))
        return
    ids = frozenset(hit.article_id for hit in found.hits)
    screen.app.call_from_thread(screen.sources_filtered, query, ids, None)


def _open(screen: ReaderScreen, url: str) -> None:
    """In a thread: start the browser, then report back on the UI thread."""
    opened = links.open_in_browser(url)
    screen.app.call_from_thread(screen.link_opened, url, opened)


def story_of(screen: ReaderScreen) -> Story | None:
    """The story of the article shown, if it is in one."""
    shown = screen.article.article
    if shown is None:
        return None
    return next((s for s in screen.stories if shown.id in s.articles), None)


def exportable(screen: ReaderScreen) -> dict[str, Callable[[], Export]]:
    """What can be exported now, each with how to build it (called off the UI thread)."""
    from index import exports  # the report's modules load numpy: not at start-up

    library = screen.library
    found: dict[str, Callable[[], Export]] = {}
    story = story_of(screen)
    if story is not None:
        found["story"] = lambda: exports.story_report(library, story.id)
    query = screen.searched.query
    if query:
        found["search"] = lambda: exports.search_results(library, query)
    marks = list(screen.state.marks)
    if marks:
        found["marks"] = lambda: exports.marked(library, marks)
    return found


def mark_text(screen: ReaderScreen, mark: Mark) -> Text:
    """A mark as listed: outlet, title, and the passage's number and first words."""
    entry = screen.entry(mark.article_id)
    if entry is None:
        return Text.assemble((clean_line(mark.article_id), "bold"), ("  no longer indexed", "dim"))
    outlet = clean_line(outlet_label(entry.source))
    text = Text.assemble((f"{outlet}: ", "bold"), render.title_of(entry))
    if mark.passage is None:
        return text.append("  (the article)", style="dim")
    passage = screen.library.passage(mark.article_id, mark.passage)
    words = render.shorten(clean_line(passage.text), WORDS) if passage else ""
    return text.append(f"  ¶{mark.passage} ", style="dim").append(words, style="italic")
