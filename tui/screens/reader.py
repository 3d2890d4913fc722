"""The main screen: sources, the article, and what other sources say.

Three panes side by side on a wide terminal; on a narrow one (80 columns)
one pane at a time, with tabs above and Tab / Shift+Tab to move between
them. Indexing runs in a thread worker on open (:mod:`.loading`); every
look-up (search, entities, side by side, matrix: :mod:`.lookups`) returns a
:class:`Position` to jump to.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, ProgressBar

from index.library import Library
from index.model import CrossSourceView, Story

from .. import keeps
from ..commands import ArticleCommands, EntityCommands, KeepCommands, StoryCommands
from ..inert import toast
from ..render import Entry
from ..state import Position, ReadingState
from ..widgets.article import ArticleView
from ..widgets.crosssource import CrossSourcePane
from ..widgets.footer import ReaderFooter
from ..widgets.panebar import PaneBar
from ..widgets.sources import SourcesList
from .loading import CorpusLoading, read_head
from .lookups import Lookups

PANES = ("sources", "article", "cross")
PANE_TITLES = {"sources": "Sources", "article": "Article", "cross": "Other sources"}
WIDE = 110  # columns from which the three panes sit side by side
FOLLOW_SECONDS = 2.0  # how often the reader looks for another process's commit


class ReaderScreen(keeps.KeepActions, Lookups, CorpusLoading):
    """Read one article at a time and compare it with the other sources.

    Each of its features is a part of it in a module of its own: loading the
    corpus (:class:`CorpusLoading`), the look-ups it opens over itself
    (:class:`Lookups`) and what a reader keeps (:class:`keeps.KeepActions`);
    moving through the article and between the panes is here."""

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

    def __init__(self, library: Library, state: ReadingState) -> None:
        super().__init__()
        self.library = library
        self.state = state
        self.entries: list[Entry] = []
        self.stories: list[Story] = []
        self.headings: dict[str, str] = {}  # each article's heading by id, with entries
        self.active_pane = "article"
        self._focusing: str | None = None  # the pane whose focus is on its way

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
        self.cross.headings = self.heading
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

    def heading(self, article_id: str) -> str | None:
        """An article's heading as the sources list shows it (its title, else
        the start of its text), whether the list shows it now or not (filtered,
        or only its first rows read yet); None for an article not listed."""
        return self.headings.get(article_id) or self.sources.heading(article_id)

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
        comparing = shown.id in self.library.comparing()
        first_look = comparing and shown.id in self.library.first_looks()
        pending, comparing = self.building, comparing and not first_look
        self.cross.show(view, pending=pending, comparing=comparing, first_look=first_look)

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
