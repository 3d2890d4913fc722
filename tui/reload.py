"""Reloading feeds from the reader (``R``): fetch, then index, off the UI thread.

The feeds reloaded are those ``newsdesk fetch`` stored in the folders the
reader is open on (each remembers its feeds in ``.newsdesk-fetch.json``), so
the key needs no settings. Progress shows in the indexing bar, one step per
feed; each failure is a toast; the index is then updated as on opening, and
the new articles are listed, unread.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Label, ProgressBar

from index.safety import clean_line

from .inert import toast

if TYPE_CHECKING:
    from .screens.reader import ReaderScreen


def fetched_folders(roots: tuple[str, ...]) -> list[str]:
    """The folders among ``roots`` that ``newsdesk fetch`` stored feeds in."""
    from index.fetch.entries import STATE_FILE

    return [r for r in roots if os.path.isfile(os.path.join(r, STATE_FILE))]


def reload_feeds(screen: ReaderScreen) -> None:
    """Fetch every feed of the open folders, then update the index (a thread worker)."""
    from index.fetch import Subscription, fetch_feeds
    from index.fetch.entries import load_state

    app = screen.app
    folders = fetched_folders(screen.library.corpus.roots)
    if not folders:
        message = "No fetched feeds here: 'newsdesk fetch' stores feeds in a folder to open."
        app.call_from_thread(toast, screen, message, title="Reload feeds", timeout=8)
        return
    new, failed = 0, []
    for folder in folders:
        feeds = [Subscription(url) for url in sorted(load_state(folder))]
        for done, report in enumerate(fetch_feeds(feeds, folder), 1):
            app.call_from_thread(_show, screen, done, len(feeds), report.title or report.url)
            new += len(report.new)
            if report.error:
                failed.append(f"{report.url}: {report.error}")
    for problem in failed:
        app.call_from_thread(toast, screen, problem, title="Feed failed", severity="error")
    summary = f"{new} new articles" + (f", {len(failed)} feeds failed" if failed else "")
    app.call_from_thread(toast, screen, summary, title="Feeds reloaded")
    app.call_from_thread(screen.index_corpus)


def _show(screen: ReaderScreen, done: int, total: int, what: str) -> None:
    screen.query_one("#indexing").display = True
    screen.query_one(ProgressBar).update(total=total, progress=done)
    label = Text(f"Fetching {done}/{total}  ", style="bold")
    screen.query_one("#indexing-label", Label).update(label.append(clean_line(what)[-40:]))
