"""Indexing the corpus and loading the article list, for the reader.

The update runs in a thread worker on open (its progress in the line at the
top); the list is read from the last commit first, so a corpus indexed before
opens at once, and again when the update or another process changes it.
"""

from __future__ import annotations

import gc
import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label, ProgressBar

from index.library import Library
from index.listing import arrange
from index.model import Story
from index.progress import READABLE, READING, SEARCHABLE
from index.safety import clean_line
from index.update_process import UpdateStopped

from ..indexing import IndexingStatus
from ..inert import toast
from ..render import Entry, heading
from ..state import Position
from ..widgets.sources import Group

if TYPE_CHECKING:
    from .reader import ReaderScreen


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


class CorpusLoading(Screen[None]):
    """Indexing and loading: a part of :class:`ReaderScreen` (a screen, for its
    messages' handlers)."""

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

    def __init__(self) -> None:
        super().__init__()
        # True while an update runs with no article listed yet (a first index, or
        # one whose first run was stopped): empty answers then mean "not yet".
        self.building = False
        self._first_screen = threading.Event()  # set once a loaded list is on screen
        self._listed = -1  # the commit the article list was read from
        self.indexing: IndexingStatus | None = None  # the run under way, if one is
        self._ticking: Timer | None = None
        self._said_not_yet = False  # the article pane says a stopped first index goes on

    @work(thread=True, exclusive=True, group="index")
    def index_corpus(self, head_shown: bool = False) -> None:
        """Update the index (unless read-only), then read the article list, off the UI thread.

        An index that was built before opens at once on its last commit (its
        head, when ``head_shown``, is on screen already); the update runs
        after, and the list is read again only if it changed files.
        """
        reader = cast("ReaderScreen", self)
        note = error = None
        shown = listed_any = False
        if reader.library.exists and not reader.library.read_only:
            try:
                reader._listed = reader.library.latest_commit()
                entries, stories = read_entries(reader.library), reader.library.stories()
            except Exception:  # read again below, after the update, with the reason
                pass
            else:
                loaded = reader.Loaded(entries, stories, changed=not head_shown, indexing=True)
                reader._show_and_wait(loaded)
                shown, listed_any = True, bool(entries)
        if reader.library.read_only:
            note = f"The index at {reader.library.location} is read-only: showing it as it is."
        else:
            reader.building = not listed_any
            try:
                summary = reader.library.update(progress=reader._progress_from_worker)
            except UpdateStopped:  # the reader is closing
                return
            except Exception as problem:  # the reader still opens on the previous index
                error = f"Indexing failed: {problem}"
            else:
                if shown and not summary.changed:
                    return
            finally:
                reader.building = False
                reader.post_message(reader.Indexed())
        try:
            reader._listed = reader.library.latest_commit()
            entries, stories = read_entries(reader.library), reader.library.stories()
        except Exception as problem:  # the update's error, if any, says more
            entries, stories = [], []
            error = error or f"The index could not be read: {problem}"
        reader.post_message(reader.Loaded(entries, stories, note, error))

    def _follow_commits(self) -> None:
        """Read the list again when another process committed since it was read
        (new articles listed, deleted ones gone), unless this one is indexing."""
        reader = cast("ReaderScreen", self)
        if any(w.group in ("index", "follow") and w.is_running for w in reader.workers):
            return
        if reader._listed >= 0 and reader.library.latest_commit() > reader._listed:
            reader._read_list_again()

    @work(thread=True, exclusive=True, group="follow")
    def _read_list_again(self, partial: bool = False, during: bool = False) -> None:
        """Read the list of the last commit; ``partial``: one a first index made
        of its articles so far, shown without drawing the article again;
        ``during``: one an update made before comparing its articles (the
        article shown is drawn again: it may be one the update changed)."""
        reader = cast("ReaderScreen", self)
        commit = reader.library.latest_commit()
        try:
            entries, stories = read_entries(reader.library), reader.library.stories()
        except Exception:  # noqa: BLE001 - a commit under way: the next look reads it
            return
        reader._listed = commit
        loaded = reader.Loaded(entries, stories, changed=not partial, indexing=partial or during)
        reader.post_message(loaded)

    def _show_and_wait(self, loaded: Loaded) -> None:
        """Post ``loaded`` and let the screen draw it before reading on: both want
        the interpreter, and the screen is what the user waits for."""
        reader = cast("ReaderScreen", self)
        reader._first_screen.clear()
        reader.post_message(loaded)
        reader._first_screen.wait(timeout=5)

    def _progress_from_worker(self, done: int, total: int, what: str, stage: str = READING) -> None:
        reader = cast("ReaderScreen", self)
        reader.app.call_from_thread(reader._show_progress, done, total, what, stage)

    def _show_progress(self, done: int, total: int, what: str, stage: str) -> None:
        """Show where the run is; a first index's articles are listed as each
        batch is committed (the rest of the list follows)."""
        reader = cast("ReaderScreen", self)
        if reader.indexing is None:
            reader.indexing = IndexingStatus()
            reader._ticking = reader.set_interval(1.0, reader._show_status)
        reader.indexing.update(done, total, what, stage)
        if stage == SEARCHABLE:
            reader._read_list_again(during=True)
        if stage == READABLE:
            reader.building = True
            if done:
                reader._read_list_again(partial=True)
            elif not reader.sources.article_ids and not reader._said_not_yet:
                reader.article.show_message(reader._first_index())
                reader.cross.show(None, pending=True)
        reader._show_status()

    def _show_status(self) -> None:
        """The indexing line, again each second: the comparison counts its seconds."""
        reader = cast("ReaderScreen", self)
        if reader.indexing is None:
            return
        reader.query_one("#indexing").display = True
        counted = reader.indexing.counted
        bar = reader.query_one(ProgressBar)
        if counted is None:
            bar.update(total=None)
        else:
            bar.update(total=counted[1], progress=counted[0])
        reader.query_one("#indexing-label", Label).update(reader.indexing.line())

    @on(Indexed)
    def _indexing_done(self) -> None:
        """The run is over: its line goes (the list it changed follows)."""
        reader = cast("ReaderScreen", self)
        reader.indexing = None
        if reader._ticking is not None:
            reader._ticking.stop()
            reader._ticking = None
        reader.query_one("#indexing").display = False

    @on(Loaded)
    async def _loaded(self, message: Loaded) -> None:
        reader = cast("ReaderScreen", self)
        if not message.indexing:
            reader._indexing_done()
        if message.head is not None:
            reader.sources.populate(message.head, reader.state.read)
        else:
            reader.entries, reader.stories = message.entries, message.stories
            reader.headings = {e.id: heading(e) for e in message.entries}
            reader.sources.populate(reader.listed_groups(), reader.state.read)
            # What was just loaded and listed lives as long as the reader: keep it
            # out of the cyclic garbage collector, whose full passes over it (50-100
            # ms on an index of 2,225 analysed articles, 25-30 ms over the list of
            # 100,000 rows) were the slowest key presses. Objects without cycles
            # are still freed as usual.
            gc.freeze()
        if message.note:
            toast(reader, message.note, title="Read-only index", timeout=8)
        if message.error:
            toast(reader, message.error, severity="error", timeout=10)
        try:
            await reader._show_loaded(message.changed, message.indexing)
            if not message.indexing and reader.cross.pending and reader.article.cursor:
                reader._passage_changed(reader.article.cursor)  # the comparison is there now
        finally:
            reader.call_after_refresh(reader._first_screen.set)

    async def _show_loaded(self, changed: bool, indexing: bool = False) -> None:
        reader = cast("ReaderScreen", self)
        ids = reader.sources.article_ids
        if not ids:
            reader._said_not_yet = indexing
            reader.article.show_message(reader._not_yet() if indexing else reader._no_articles())
            return
        known = set(ids)
        here = reader.position  # set when the last commit was shown before an update
        if here and here.article_id in known:
            if changed:
                await reader.open(here, terms=reader.article.terms, remember=False, reload=True)
            return
        last = reader.state.last
        if last and last.article_id not in known and reader.library.article(last.article_id):
            known.add(last.article_id)  # not among the first rows listed, but there
        start = last if last and last.article_id in known else None
        await reader.open(start or Position(ids[0]), remember=False)

    def _no_articles(self) -> Text:
        reader = cast("ReaderScreen", self)
        text = Text("No articles to show.\n\n", style="bold")
        try:
            skipped = reader.library.skipped()[:20]
        except Exception as problem:  # no index to read: it could not be made
            text.append(f"The index could not be read: {clean_line(str(problem))}", style="dim")
            return text
        text.append(f"Nothing readable was found in {reader._corpus_name()}.", style="dim")
        for item in skipped:
            text.append(
                f"\nskipped {clean_line(item.path)}: {clean_line(item.reason)}", style="dim"
            )
        return text

    def _first_index(self) -> Text:
        """What the article pane says before a first index has any article."""
        return self._indexing_message(
            "This folder is indexed for the first time. Its first articles show here "
            "within seconds, and the others as they are indexed; the progress is at the top."
        )

    def _not_yet(self) -> Text:
        """An index with no articles yet, before its update: a first run was
        stopped before it wrote any (``q`` while indexing), and this one goes on."""
        return self._indexing_message(
            "No articles have been indexed yet: the last run stopped before it was done. "
            "They show here as soon as this run writes them; the progress is at the top."
        )

    def _indexing_message(self, explanation: str) -> Text:
        """The "Indexing <corpus>…" heading over a dim explanation of what the pane waits for."""
        reader = cast("ReaderScreen", self)
        text = Text(f"Indexing {reader._corpus_name()}…\n\n", style="bold")
        text.append(explanation, style="dim")
        return text

    def _corpus_name(self) -> str:
        """The folders or files the reader was opened on, as the user would name them."""
        reader = cast("ReaderScreen", self)
        home = os.path.expanduser("~")
        roots = [
            "~" + r[len(home) :] if home != "/" and r.startswith(home + os.sep) else r
            for r in reader.library.corpus.roots
        ]
        return clean_line(", ".join(roots))

    def action_reload_feeds(self) -> None:
        """Fetch the feeds of the open folders in the background, then index them."""
        from ..reload import reload_feeds

        reader = cast("ReaderScreen", self)
        reader.run_worker(lambda: reload_feeds(reader), thread=True, exclusive=True, group="feeds")
