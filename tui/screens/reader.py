"""The main screen: sources, the article, and what other sources say.

Three panes side by side on a wide terminal; on a narrow one (80 columns)
one pane at a time, with tabs above and Tab / Shift+Tab to move between
them. Indexing runs in a thread worker on open; every modal (search,
entities, side by side, matrix) returns a :class:`Position` to jump to.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Label, ProgressBar

from index.apart import UpdateStopped
from index.library import Library
from index.listing import arrange
from index.model import CrossSourceView, Hit, Story, outlet_label
from index.progress import READABLE, READING
from index.safety import clean_line

from .. import keeps, render
from ..commands import ArticleCommands, EntityCommands, KeepCommands, StoryCommands
from ..indexing import IndexingStatus
from ..inert import toast
from ..render import Entry
from ..state import Position, ReadingState
from ..widgets.article import ArticleView
from ..widgets.crosssource import CrossSourcePane
from ..widgets.footer import ReaderFooter
from ..widgets.panebar import PaneBar
from ..widgets.sources import Group, SourcesList

if TYPE_CHECKING:
    from .search import SearchOutcome

# The modal screens (search, entities, side by side, matrix) are imported when
# first opened, as Textual imports its widgets: start-up is what users wait for.

PANES = ("sources", "article", "cross")
PANE_TITLES = {"sources": "Sources", "article": "Article", "cross": "Other sources"}
WIDE = 110  # columns from which the three panes sit side by side
FOLLOW_SECONDS = 2.0  # how often the reader looks for another process's commit


def listed(entries: list[Entry], stories: list[Story]) -> list[Group]:
    """The sources list's groups: articles by story, the rest last."""
    return [(title, len(rows), rows) for title, rows in arrange(entries, stories)]


def read_head(library: Library) -> list[Group] | None:
    """The first few hundred articles as the list shows them (None: not stored)."""
    found = library.listing_head()
    if found is None:
        return None
    return [(title, count, [Entry._make(r) for r in rows]) for title, count, rows in found]


def read_entries(library: Library) -> list[Entry]:
    """The sources list rows. The index keeps the lead of untitled articles;
    one written by an older newsdesk needs their first passage (read here, once)."""
    entries = [Entry._make(row) for row in library.listing()]
    for number, entry in enumerate(entries):
        if not entry.title and not entry.lead:
            article = library.article(entry.id)
            entries[number] = entry._replace(lead=article.lead if article else "")
    return entries


@dataclass
class LastSearch:
    """The last search the user opened a result of, for n / N."""

    query: str = ""
    hits: tuple[Hit, ...] = ()
    index: int = 0
    words: set[str] = field(default_factory=set)


class ReaderScreen(keeps.KeepActions, Screen[None]):
    """Read one article at a time and compare it with the other sources."""

    AUTO_FOCUS = "#article"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    COMMANDS = {ArticleCommands, StoryCommands, EntityCommands, KeepCommands}
    BINDINGS = [
        Binding("j", "move(1)", "Next passage", show=False, id="next_passage"),
        Binding("k", "move(-1)", "Previous passage", show=False, id="prev_passage"),
        Binding(
            "J,right_square_bracket", "article(1)", "Next article", show=False, id="next_article"
        ),
        Binding(
            "K,left_square_bracket",
            "article(-1)",
            "Previous article",
            show=False,
            id="prev_article",
        ),
        Binding("tab", "pane(1)", "Next pane", show=False, id="next_pane"),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, id="prev_pane"),
        Binding("backspace,alt+left", "back", "Back", show=False, id="back"),
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "hit(1)", "Next hit", show=False, id="next_hit"),
        Binding("N", "hit(-1)", "Previous hit", show=False, id="prev_hit"),
        Binding("e", "entities", "Entities", id="entities"),
        Binding("d", "diff", "Compare", id="diff"),
        Binding("m", "matrix", "Matrix", id="matrix"),
        Binding("c", "copy", "Copy", id="copy"),
        Binding("R", "reload_feeds", "Reload feeds", show=False, id="reload_feeds"),
        *keeps.BINDINGS,
    ]

    @dataclass
    class Loaded(Message):
        """The index is ready (updated, or read-only) and the article list was read.

        ``head`` is set instead of ``entries`` for the first screen of a large
        index: its first few hundred articles, with the whole list to follow.
        ``changed`` says the index changed since the article shown was read."""

        entries: list[Entry]
        stories: list[Story]
        note: str | None = None
        error: str | None = None
        head: list[Group] | None = None
        changed: bool = True
        indexing: bool = False  # read before an update that is still to run

    class Indexed(Message):
        """The update is over (done, failed or stopped): its progress line goes."""

    def __init__(self, library: Library, state: ReadingState) -> None:
        super().__init__()
        self.library = library
        self.state = state
        self.entries: list[Entry] = []
        self.stories: list[Story] = []
        self.searched = LastSearch()
        # True while an update runs with no article listed yet (a first index, or
        # one whose first run was stopped): empty answers then mean "not yet".
        self.building = False
        self.active_pane = "article"
        self._focusing: str | None = None  # the pane whose focus is on its way
        self._first_screen = threading.Event()  # set once a loaded list is on screen
        self._listed = -1  # the commit the article list was read from
        self.indexing: IndexingStatus | None = None  # the run under way, if one is
        self._ticking: Timer | None = None
        self._said_not_yet = False  # the article pane says a stopped first index goes on

    def compose(self) -> ComposeResult:
        # The breakpoint's class from the start: set on the first resize, it made
        # the whole screen lay out again before the first frame.
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-wide")
        self.set_class(not wide, "-narrow")
        yield PaneBar([(p, PANE_TITLES[p]) for p in PANES], id="pane-bar")
        with Horizontal(id="indexing"):
            yield Label("Indexing", id="indexing-label")
            yield ProgressBar(id="indexing-bar", show_eta=False)
        with Horizontal(id="panes"):
            yield SourcesList(id="sources")
            yield ArticleView(id="article")
            yield CrossSourcePane(id="cross")
        yield ReaderFooter()

    async def on_mount(self) -> None:
        self.watch(self.article, "cursor", self._passage_changed, init=False)
        self.activate("article")
        head = None
        if self.library.exists and not self.library.read_only:
            try:  # a few hundred rows and one article: the first frame shows them
                head = read_head(self.library)
            except Exception:  # noqa: BLE001 - read again after the update, with the reason
                head = None
            if head is not None:
                await self._loaded(self.Loaded([], [], head=head))
        # After the first frame: reading the whole list competes with drawing it.
        self.call_after_refresh(self.index_corpus, head is not None)
        self.set_interval(FOLLOW_SECONDS, self._follow_commits)

    # Widgets, by what they are.

    @property
    def sources(self) -> SourcesList:
        return self.query_one(SourcesList)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def cross(self) -> CrossSourcePane:
        return self.query_one(CrossSourcePane)

    @property
    def position(self) -> Position | None:
        shown = self.article.article
        return Position(shown.id, self.article.cursor or 1) if shown else None

    # Indexing and loading.

    @work(thread=True, exclusive=True, group="index")
    def index_corpus(self, head_shown: bool = False) -> None:
        """Update the index (unless read-only), then read the article list, off the UI thread.

        An index that was built before opens at once on its last commit (its
        head, when ``head_shown``, is on screen already); the update runs
        after, and the list is read again only if it changed files.
        """
        note = error = None
        shown = listed_any = False
        if self.library.exists and not self.library.read_only:
            try:
                self._listed = self.library.latest_commit()
                entries, stories = read_entries(self.library), self.library.stories()
            except Exception:  # read again below, after the update, with the reason
                pass
            else:
                loaded = self.Loaded(entries, stories, changed=not head_shown, indexing=True)
                self._show_and_wait(loaded)
                shown, listed_any = True, bool(entries)
        if self.library.read_only:
            note = f"The index at {self.library.location} is read-only: showing it as it is."
        else:
            self.building = not listed_any
            try:
                summary = self.library.update(progress=self._progress_from_worker)
            except UpdateStopped:  # the reader is closing
                return
            except Exception as problem:  # the reader still opens on the previous index
                error = f"Indexing failed: {problem}"
            else:
                if shown and not summary.changed:
                    return
            finally:
                self.building = False
                self.post_message(self.Indexed())
        try:
            self._listed = self.library.latest_commit()
            entries, stories = read_entries(self.library), self.library.stories()
        except Exception as problem:  # the update's error, if any, says more
            entries, stories = [], []
            error = error or f"The index could not be read: {problem}"
        self.post_message(self.Loaded(entries, stories, note, error))

    def _follow_commits(self) -> None:
        """Read the list again when another process committed since it was read
        (new articles listed, deleted ones gone), unless this one is indexing."""
        if any(w.group in ("index", "follow") and w.is_running for w in self.workers):
            return
        if self._listed >= 0 and self.library.latest_commit() > self._listed:
            self._read_list_again()

    @work(thread=True, exclusive=True, group="follow")
    def _read_list_again(self, partial: bool = False) -> None:
        """Read the list of the last commit; ``partial``: one a first index made
        of its articles so far, shown without drawing the article again."""
        commit = self.library.latest_commit()
        try:
            entries, stories = read_entries(self.library), self.library.stories()
        except Exception:  # noqa: BLE001 - a commit under way: the next look reads it
            return
        self._listed = commit
        self.post_message(self.Loaded(entries, stories, changed=not partial, indexing=partial))

    def _show_and_wait(self, loaded: Loaded) -> None:
        """Post ``loaded`` and let the screen draw it before reading on: both want
        the interpreter, and the screen is what the user waits for."""
        self._first_screen.clear()
        self.post_message(loaded)
        self._first_screen.wait(timeout=5)

    def _progress_from_worker(self, done: int, total: int, what: str, stage: str = READING) -> None:
        self.app.call_from_thread(self._show_progress, done, total, what, stage)

    def _show_progress(self, done: int, total: int, what: str, stage: str) -> None:
        """Show where the run is; a first index's articles are listed as each
        batch is committed (the rest of the list follows)."""
        if self.indexing is None:
            self.indexing = IndexingStatus()
            self._ticking = self.set_interval(1.0, self._show_status)
        self.indexing.update(done, total, what, stage)
        if stage == READABLE:
            self.building = True
            if done:
                self._read_list_again(partial=True)
            elif not self.sources.article_ids and not self._said_not_yet:
                self.article.show_message(self._first_index())
                self.cross.show(None, pending=True)
        self._show_status()

    def _show_status(self) -> None:
        """The indexing line, again each second: the comparison counts its seconds."""
        if self.indexing is None:
            return
        self.query_one("#indexing").display = True
        counted = self.indexing.counted
        bar = self.query_one(ProgressBar)
        if counted is None:
            bar.update(total=None)
        else:
            bar.update(total=counted[1], progress=counted[0])
        self.query_one("#indexing-label", Label).update(self.indexing.line())

    @on(Indexed)
    def _indexing_done(self) -> None:
        """The run is over: its line goes (the list it changed follows)."""
        self.indexing = None
        if self._ticking is not None:
            self._ticking.stop()
            self._ticking = None
        self.query_one("#indexing").display = False

    @on(Loaded)
    async def _loaded(self, message: Loaded) -> None:
        if not message.indexing:
            self._indexing_done()
        if message.head is not None:
            self.sources.populate(message.head, self.state.read)
        else:
            self.entries, self.stories = message.entries, message.stories
            self.sources.populate(self.listed_groups(), self.state.read)
            # What was just loaded and listed lives as long as the reader: keep it
            # out of the cyclic garbage collector, whose full passes over it (50-100
            # ms on an index of 2,225 analysed articles, 25-30 ms over the list of
            # 100,000 rows) were the slowest key presses. Objects without cycles
            # are still freed as usual.
            gc.freeze()
        if message.note:
            toast(self, message.note, title="Read-only index", timeout=8)
        if message.error:
            toast(self, message.error, severity="error", timeout=10)
        try:
            await self._show_loaded(message.changed, message.indexing)
            if not message.indexing and self.cross.pending and self.article.cursor:
                self._passage_changed(self.article.cursor)  # the comparison is there now
        finally:
            self.call_after_refresh(self._first_screen.set)

    async def _show_loaded(self, changed: bool, indexing: bool = False) -> None:
        ids = self.sources.article_ids
        if not ids:
            self._said_not_yet = indexing
            self.article.show_message(self._not_yet() if indexing else self._no_articles())
            return
        known = set(ids)
        here = self.position  # set when the last commit was shown before an update
        if here and here.article_id in known:
            if changed:
                await self.open(here, terms=self.article.terms, remember=False, reload=True)
            return
        last = self.state.last
        if last and last.article_id not in known and self.library.article(last.article_id):
            known.add(last.article_id)  # not among the first rows listed, but there
        start = last if last and last.article_id in known else None
        await self.open(start or Position(ids[0]), remember=False)

    def _no_articles(self) -> Text:
        text = Text("No articles to show.\n\n", style="bold")
        try:
            skipped = self.library.skipped()[:20]
        except Exception as problem:  # no index to read: it could not be made
            text.append(f"The index could not be read: {clean_line(str(problem))}", style="dim")
            return text
        text.append(f"Nothing readable was found in {self._corpus_name()}.", style="dim")
        for item in skipped:
            text.append(
                f"\nskipped {clean_line(item.path)}: {clean_line(item.reason)}", style="dim"
            )
        return text

    def _first_index(self) -> Text:
        """What the article pane says before a first index has any article."""
        text = Text(f"Indexing {self._corpus_name()}…\n\n", style="bold")
        text.append(
            "This folder is indexed for the first time. Its first articles show here "
            "within seconds, and the others as they are indexed; the progress is at the top.",
            style="dim",
        )
        return text

    def _not_yet(self) -> Text:
        """An index with no articles yet, before its update: a first run was
        stopped before it wrote any (``q`` while indexing), and this one goes on."""
        text = Text(f"Indexing {self._corpus_name()}…\n\n", style="bold")
        text.append(
            "No articles have been indexed yet: the last run stopped before it was done. "
            "They show here as soon as this run writes them; the progress is at the top.",
            style="dim",
        )
        return text

    def _corpus_name(self) -> str:
        """The folders or files the reader was opened on, as the user would name them."""
        home = os.path.expanduser("~")
        roots = [
            "~" + r[len(home) :] if home != "/" and r.startswith(home + os.sep) else r
            for r in self.library.corpus.roots
        ]
        return clean_line(", ".join(roots))

    # Moving around.

    async def open(
        self,
        where: Position,
        terms: Iterable[str] = (),
        remember: bool = True,
        reload: bool = False,
    ) -> bool:
        """Show ``where``; remember the current place for Back unless told not to.
        ``reload`` draws the article again even if it is the one shown (the index changed)."""
        article = self.library.article(where.article_id)
        if article is None:
            toast(self, f"No article '{where.article_id}' in the index.", severity="warning")
            return False
        here = self.position
        if remember and here and here != where:
            self.state.push(here)
        shown, terms = self.article.article, frozenset(terms)
        same = shown and shown.id == article.id and (not terms or terms == self.article.terms)
        if same and not reload:
            self.article.go_to(where.passage)
        else:
            await self.article.show(
                article, self.library.mentions(article.id), terms, where.passage
            )
        self.article.show_marks(keeps.flags(self.state, article.id))
        self.state.mark_read(article.id)
        self.sources.refresh_mark(article.id)
        self.sources.show_article(article.id)
        self.call_after_refresh(self._prepare_next, article.id)
        return True

    def _prepare_next(self, article_id: str) -> None:
        """Read and wrap the article after ``article_id`` while the user reads it:
        J (the likeliest next key) then only has to draw it."""
        shown = self.article.article
        following = self.sources.neighbour(article_id, 1)
        if shown is None or shown.id != article_id or following is None:
            return
        try:
            article = self.library.article(following)
            if article is not None:
                self.article.prepare(article, self.library.mentions(following))
                self.library.related(following, 1)  # kept by the library for the move
        except Exception:  # noqa: BLE001 - J reads it again and reports what is wrong
            return

    async def jump(self, where: Position) -> None:
        """Go to ``where`` from a palette command or a modal, focusing the article."""
        if await self.open(where):
            self.activate("article")

    def _passage_changed(self, number: int) -> None:
        """The article's cursor moved: show what other sources say, in the same frame
        (a watcher runs at once; a message would let a frame go out in between)."""
        shown = self.article.article
        if shown is None or number < 1:
            return
        self.state.last = Position(shown.id, number)
        try:
            view: CrossSourceView | None = self.library.related(shown.id, number)
        except (KeyError, LookupError):
            view = None
        self.cross.show(view, pending=self.building)

    @on(SourcesList.ArticleChosen)
    async def _article_chosen(self, message: SourcesList.ArticleChosen) -> None:
        await self.open(Position(message.article_id))

    @on(CrossSourcePane.RelatedChosen)
    async def _related_chosen(self, message: CrossSourcePane.RelatedChosen) -> None:
        await self.jump(Position(message.article_id, message.passage))

    def action_move(self, step: int) -> None:
        self.article.action_move(step)

    async def action_article(self, step: int) -> None:
        current = self.article.article
        target = self.sources.neighbour(current.id, step) if current else None
        if target is not None:
            await self.open(Position(target))

    async def action_back(self) -> None:
        where = self.state.back()
        if where is None:
            toast(self, "Nothing to go back to.", timeout=2)
            return
        await self.open(where, remember=False)

    # Panes.

    def action_pane(self, step: int) -> None:
        # The pane last activated, not the focused widget: focus moves only after
        # a refresh, so Tabs typed in one go would otherwise all start from one pane.
        current = self.active_pane
        self.activate(PANES[(PANES.index(current) + step) % len(PANES)])

    def pane_of(self, widget: Widget | None) -> str | None:
        """Which pane ``widget`` is in, if any."""
        while widget is not None:
            if widget.id in PANES:
                return widget.id
            widget = widget.parent if isinstance(widget.parent, Widget) else None
        return None

    def activate(self, pane: str) -> None:
        """Show (on narrow screens) and focus ``pane``.

        Focus moves at once, so that a key typed right after (Tab then Down, over
        SSH) goes to the new pane. On a narrow screen the pane is shown only after
        the next refresh, which may move focus off it meanwhile: it is focused
        again then, and focus events for other panes are ignored until it has."""
        self._mark_active(pane)
        self._focusing = pane
        self.set_focus(self._pane_widget(pane))
        # Focus whichever pane is active by then: with Tabs typed in one go, a
        # later Tab has changed it, and the earlier focus must not win.
        self.call_after_refresh(self._focus_active)
        self.set_timer(1.0, self._focus_arrived)  # in case the refresh never comes

    def _pane_widget(self, pane: str) -> Widget:
        return self.query_one(f"#{pane}")

    def _focus_active(self) -> None:
        target = self._pane_widget(self.active_pane)
        if self.focused is not target:
            self.set_focus(target)
        self._focus_arrived()

    def _mark_active(self, pane: str) -> None:
        self.active_pane = pane
        for name in PANES:
            self.query_one(f"#{name}").set_class(name == pane, "-active")
        self.query_one(PaneBar).active = pane

    def on_descendant_focus(self, event) -> None:
        pane = self.pane_of(event.widget)
        if pane is None:
            return
        if self._focusing and pane != self._focusing:
            # Textual moving focus off a pane that was just hidden, while the
            # focus asked for (Tabs typed in one go) is still on its way.
            return
        self._mark_active(pane)

    def _focus_arrived(self) -> None:
        self._focusing = None

    @on(PaneBar.Chosen)
    def _pane_chosen(self, message: PaneBar.Chosen) -> None:
        self.activate(message.pane)

    # Modals.

    def action_search(self, query: str = "") -> None:
        """The search box, on the last query (or ``query``, a saved search)."""
        from .search import SearchScreen

        titles = {e.id: render.title_of(e) for e in self.entries}
        query = query or self.searched.query
        screen = SearchScreen(self.library, query, titles, lambda: self.building)
        self.app.push_screen(screen, self._searched)

    async def _searched(self, outcome: SearchOutcome | None) -> None:
        if outcome is None:
            return
        words = set().union(*(h.terms for h in outcome.hits))
        self.searched = LastSearch(outcome.query, outcome.hits, outcome.index, words)
        await self._open_hit()

    async def _open_hit(self) -> None:
        hit = self.searched.hits[self.searched.index]
        if await self.open(Position(hit.article_id, hit.passage), terms=self.searched.words):
            self.activate("article")

    async def action_hit(self, step: int) -> None:
        hits = self.searched.hits
        if not hits:
            toast(self, "No search results: press / to search.", timeout=3)
            return
        self.searched.index = (self.searched.index + step) % len(hits)
        await self._open_hit()
        toast(self, f"Result {self.searched.index + 1} of {len(hits)}", timeout=2)

    def action_entities(self) -> None:
        from .entities import EntityBrowser

        sources = {e.id: outlet_label(e.source) for e in self.entries}
        self.app.push_screen(EntityBrowser(self.library.entities(), sources), self._go)

    async def _go(self, where: Position | None) -> None:
        if where is not None:
            await self.jump(where)

    def action_diff(self) -> None:
        from .diff import DiffScreen, Side, candidates

        shown, number = self.article.article, self.article.cursor
        if shown is None or not number:
            return
        others = candidates(self.cross.view, shown.source, shown.id)
        if not others:
            toast(self, "No passage of another source is related to this one.", timeout=4)
            return
        passage = shown.passages[number - 1]
        here = Side(shown.id, number, outlet_label(shown.source), shown.title or "", passage.text)
        screen = DiffScreen(here, others)
        self.app.push_screen(screen, self._go)

    def action_matrix(self) -> None:
        from .matrix import MatrixScreen

        shown = self.article.article
        story = next((s for s in self.stories if shown and shown.id in s.articles), None)
        if story is None:
            toast(self, "This article is in no story, so there is no matrix.", timeout=4)
            return
        matrix = self.library.matrix(story.id)
        self.app.push_screen(MatrixScreen(matrix, story.title), self._go)

    def action_copy(self) -> None:
        shown, number = self.article.article, self.article.cursor
        if shown is None or not number:
            return
        self.app.copy_to_clipboard(render.citation(shown, shown.passages[number - 1]))
        source = shown.source or "the article"
        toast(self, f"Copied ¶{number} of {source} with its citation.", timeout=3)

    def action_reload_feeds(self) -> None:
        """Fetch the feeds of the open folders in the background, then index them."""
        from ..reload import reload_feeds

        self.run_worker(lambda: reload_feeds(self), thread=True, exclusive=True, group="feeds")
