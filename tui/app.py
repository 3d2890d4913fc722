"""The newsdesk reader: a small App around the reader screen.

The App owns what outlives a screen (the library, the user's reading state,
the help and quit keys); everything about reading lives in
:mod:`tui.screens.reader`. It takes a :class:`~index.library.Library` so tests
can hand it one with a temporary index.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import os
import signal
import threading
import time
from collections.abc import Iterable, Mapping
from typing import Any
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from index.library import Library

from .inert import inert
from .screens.reader import ReaderScreen
from .settings import Settings, save_theme
from .state import ReadingState
from .widgets.article import ArticleView
from .widgets.crosssource import CrossSourcePane
from .widgets.sources import SourcesList

IDLE = 1.0  # seconds without a key or a click before a full garbage collection
NEVER = 1 << 30
# SIGTERM, and SIGHUP (a terminal closed, an SSH connection that dropped).
ENDING_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))
ENDING_WAIT = 5.0  # seconds a signalled reader has to put the terminal back, then it just ends

# Keys Textual binds for us, listed so the help is complete.
ANYWHERE = [
    Binding("ctrl+p", "command_palette", "Jump to an article, story or entity", id="palette"),
    Binding("ctrl+c", "quit", "Quit (when no text is selected)", id="quit.ctrl_c"),
]


def _bindings(*groups: Iterable[BindingType]) -> list[Binding]:
    """The bindings of ``groups``, in order (all ours are Binding objects)."""
    return [b for group in groups for b in group if isinstance(b, Binding)]


def rebound(
    sections: list[tuple[str, list[Binding]]], keymap: Mapping[str, str]
) -> list[tuple[str, list[Binding]]]:
    """The help's sections with the keys a keymap gave them, so the help
    shows the keys that work, not the ones newsdesk ships with."""

    def key_of(b: Binding) -> Binding:
        keys = keymap.get(b.id or "")
        return dataclasses.replace(b, key=keys) if keys else b

    return [(title, [key_of(b) for b in bindings]) for title, bindings in sections]


def _enter(where: str, does: str) -> Binding:
    """Enter in a list, for the help screen (the list widget itself binds it)."""
    return Binding("enter", "select", does, id=f"{where}.enter")


class NewsdeskApp(App[None]):
    """Compare how several news sources tell the same story."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdesk"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
    ]

    def __init__(
        self,
        library: Library,
        state: ReadingState | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings  # None: no settings file, a theme change is not kept
        self._saved_theme = (settings and settings.theme) or self.theme
        self.reading = state or ReadingState.load(str(library.location))
        self.quitting = False
        self._routed: WeakKeyDictionary[events.Key, Screen] = WeakKeyDictionary()
        self._thresholds = gc.get_threshold()
        self._input_at = 0.0  # when the user last pressed a key or used the mouse
        self._collect = True  # something may have left garbage since the last full collection
        self.crash: BaseException | None = None  # what ended the reader, if anything did

    def on_mount(self) -> None:
        # Full collections walk every object the reader keeps (10-30 ms on a large
        # index): one that fell during a key press was the slowest key of all.
        # They run when the user pauses instead; young objects are still
        # collected as usual.
        gen0, gen1, _ = self._thresholds
        gc.set_threshold(gen0, gen1, NEVER)
        self.set_interval(IDLE / 2, self._collect_when_idle)
        self._end_on_signals()
        self._apply_settings()

    def _apply_settings(self) -> None:
        """The theme and keymap of the settings file; a theme chosen later (from
        the command palette) is written back to it, so the next start has it."""
        if self.settings is None:
            return
        if self.settings.theme:
            self.theme = self.settings.theme
        self.set_keymap(dict(self.settings.keymap))
        self.theme_changed_signal.subscribe(self, self._keep_theme)

    def _keep_theme(self, theme: Theme) -> None:
        if self.settings is None or theme.name == self._saved_theme:
            return  # the one set at start, or no file to keep it in
        import tomlkit.exceptions

        try:
            save_theme(self.settings.path, theme.name)
        except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError) as problem:
            message = f"the theme is not kept: {self.settings.path}: {problem}"
            self.notify(inert(message).plain, markup=False, severity="warning")
            return
        self._saved_theme = theme.name

    def _end_on_signals(self) -> None:
        """SIGTERM and SIGHUP end the reader as q does: the terminal is put back
        (main screen, mouse reporting off, cursor shown) and indexing stops.
        Python's default for both ends the process where it stands, leaving the
        terminal unusable and the indexing process running."""
        loop = asyncio.get_running_loop()
        for signum in ENDING_SIGNALS:
            try:
                loop.add_signal_handler(signum, self._signalled, signum)
            except (NotImplementedError, RuntimeError):  # no such handlers here
                return

    def _signalled(self, signum: int) -> None:
        code = 128 + signum  # as a shell reports a process ended by that signal
        # A terminal that hung up may never take the last frames: the reader ends
        # anyway after a while, its indexing process stopped first.
        timer = threading.Timer(ENDING_WAIT, self._end_now, (code,))
        timer.daemon = True
        timer.start()
        self.exit(return_code=code)

    def _end_now(self, code: int) -> None:
        self.library.close()
        os._exit(code)

    def _collect_when_idle(self) -> None:
        if self._collect and time.monotonic() - self._input_at >= IDLE:
            self._collect = False
            gc.collect()

    def _handle_exception(self, error: Exception) -> None:
        # Textual prints the traceback on the terminal once it is restored, with
        # local variables (article text among them). The reader keeps the error
        # for the crash log instead (see tui.crash); Pilot still re-raises it.
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)
        self._exit_renderables.clear()

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self.quitting = True
        super().exit(*args, **kwargs)

    async def on_event(self, event: events.Event) -> None:
        # Keys that arrive after q (typed in one go, or over a slow link) must not
        # act on an app that is closing: a screen pushed now is never composed.
        if isinstance(event, (events.Key, events.MouseEvent)):
            if self.quitting:
                return
            self._input_at, self._collect = time.monotonic(), True
        if isinstance(event, events.Key) and self._belongs_to_new_screen(event):
            self.post_message(events.Key(event.key, event.character))  # routed again
            return
        await super().on_event(event)

    def _belongs_to_new_screen(self, event: events.Key) -> bool:
        """Whether ``event`` was typed together with the key that opened the screen
        now on top (``/pris`` in one go): the App routes keys to the focused widget
        as they arrive, so those went to the reader before the search box was up,
        and come back here unhandled. They are typed into the new screen instead."""
        if not event.is_forwarded:
            self._routed[event] = self.screen
            return False
        routed = self._routed.pop(event, None)
        return (
            routed is not None
            and routed is not self.screen
            and event.is_printable
            and bool(event.character)
        )

    def get_default_screen(self) -> Screen:
        return ReaderScreen(self.library, self.reading)

    def action_help(self) -> None:
        from .screens.help import HelpScreen  # the modals load when first opened

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(rebound(self.help_sections(), self._keymap)))

    @classmethod
    def binding_ids(cls) -> set[str]:
        """The ids a keymap in the settings file may rebind: the help also lists
        keys that Textual and its list widgets bind, which a keymap cannot reach."""
        described_only = {b.id for b in ANYWHERE} | {
            b.id for _, bindings in cls.help_sections() for b in bindings if b.action == "select"
        }
        every = {b.id for _, bindings in cls.help_sections() for b in bindings if b.id}
        return every - described_only

    @classmethod
    def help_sections(cls) -> list[tuple[str, list[Binding]]]:
        """Every binding the user can press, by where it works."""
        from .screens.diff import DiffScreen
        from .screens.entities import EntityBrowser
        from .screens.marks import MarksScreen
        from .screens.matrix import MatrixScreen
        from .screens.search import SearchScreen

        return [
            ("Reading", _bindings(ReaderScreen.BINDINGS, ArticleView.BINDINGS, cls.BINDINGS)),
            ("Sources pane", _bindings(SourcesList.BINDINGS)),
            ("Other sources pane", _bindings(CrossSourcePane.BINDINGS)),
            ("Anywhere", ANYWHERE),
            ("Search", _bindings(SearchScreen.BINDINGS, [_enter("search", "Open the result")])),
            (
                "Entities",
                _bindings(EntityBrowser.BINDINGS, [_enter("entities", "List mentions / jump")]),
            ),
            ("Side by side", _bindings(DiffScreen.BINDINGS)),
            (
                "Omission matrix",
                _bindings(MatrixScreen.BINDINGS, [_enter("matrix", "Open that article")]),
            ),
            ("Marks", _bindings(MarksScreen.BINDINGS, [_enter("marks", "Go to the mark")])),
        ]

    def action_help_quit(self) -> None:
        """Ctrl+C quits, as a reader's users expect (it copies when text is selected)."""
        self.exit()

    def on_unmount(self) -> None:
        gc.set_threshold(*self._thresholds)
        self.library.close()  # an update still running stops; its last commit stays
        self.reading.save()
