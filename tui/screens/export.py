"""Export a story's report, search results or the marks to a file the user names.

The dialog only asks; what is written comes from :mod:`tui.export`, in a
thread worker (a report or a thousand search results on a large corpus take
a moment). An existing file is replaced only when the user presses Enter a
second time on the same name; every error stays in the dialog, in words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from index import exports

from .. import export
from ..inert import inert, toast
from ..keeps import KINDS

# What can be exported now: its kind (a key of keeps.KINDS) and how to build its data.
Sources = Mapping[str, Callable[[], exports.Export]]
FORMAT_NAMES = {"md": "Markdown", "json": "JSON"}
HINT = "Enter writes the file (.md: Markdown, .json: JSON) · Tab: what and how · Esc: close"


class ExportScreen(ModalScreen[Path | None]):
    """What to export, in which format, and where; dismissed with the file written."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="export.close")]
    # Not the modals' .dialog: that one fills 85% of the screen, this asks three things.
    DEFAULT_CSS = """
    ExportScreen #export-dialog {
        width: 90%; max-width: 100; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ExportScreen RadioSet { width: 1fr; height: auto; layout: horizontal; }
    ExportScreen RadioButton { width: auto; margin-right: 2; }
    ExportScreen #export-choices { height: auto; }
    ExportScreen #export-status { height: auto; }
    """

    def __init__(self, sources: Sources, kind: str) -> None:
        super().__init__()
        self.sources = sources
        self.kind = kind if kind in sources else next(iter(sources))
        self.fmt = "md"
        self._confirmed: Path | None = None  # the existing file the user was asked about
        self._writing = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(Text("Export", style="bold"))
            with Vertical(id="export-choices"):
                with RadioSet(id="export-kind"):
                    for kind in self.sources:
                        label = KINDS[kind].capitalize()
                        yield RadioButton(label, value=kind == self.kind, name=kind)
                with RadioSet(id="export-format"):
                    for fmt, label in FORMAT_NAMES.items():
                        yield RadioButton(label, value=fmt == self.fmt, name=fmt)
            default = str(export.default_path(self.kind, self.fmt))
            yield Input(default, id="export-path", select_on_focus=False)
            yield Static(Text(HINT, style="dim"), id="export-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(RadioSet.Changed, "#export-kind")
    def _kind_changed(self, event: RadioSet.Changed) -> None:
        old, self.kind = self.kind, str(event.pressed.name)
        self._rename(export.default_path(old, self.fmt), export.default_path(self.kind, self.fmt))

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.fmt = str(event.pressed.name)
        field = self.query_one(Input)
        path = Path(field.value.strip() or export.default_path(self.kind, self.fmt))
        field.value = str(path.with_suffix(f".{self.fmt}"))

    def _rename(self, old: Path, new: Path) -> None:
        """Follow the kind chosen, unless the user typed a name of their own."""
        field = self.query_one(Input)
        if field.value.strip() in ("", str(old)):
            field.value = str(new)

    def _say(self, message: str, style: str = "bold red") -> None:
        self.query_one("#export-status", Static).update(inert(message, style))

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._writing:  # Enter pressed again while the file is written
            return
        try:
            path = export.target(event.value)
            fmt = export.format_of(path)
        except export.ExportError as problem:
            self._say(str(problem))
            return
        replace = self._confirmed == path
        if path.exists() and not replace:
            self._confirmed = path
            self._say(f"{path} exists. Enter again replaces it; or change the name.", "bold")
            return
        self._say("Writing…", "dim")
        self._writing = True
        # The App's worker, not the dialog's: closing the dialog must not stop it.
        work = partial(self._write, self.app, self.kind, fmt, path, replace)
        self.app.run_worker(work, thread=True, group="export")

    def _write(self, app: App, kind: str, fmt: str, path: Path, replace: bool) -> None:
        """In a thread: build the export and write it, then say so on the UI thread."""
        try:
            data = self.sources[kind]()
            export.write(path, exports.render(fmt, data), replace)
        except export.ExportError as problem:
            app.call_from_thread(self._failed, str(problem))
        except Exception as problem:  # noqa: BLE001 - said in the dialog, never a traceback
            reason = str(problem) or problem.__class__.__name__
            app.call_from_thread(self._failed, f"The export failed: {reason}")
        else:
            app.call_from_thread(self._written, path)

    def _written(self, path: Path) -> None:
        if self.is_current:
            self.dismiss(path)
        else:  # closed with Esc while the file was written: it was written all the same
            toast(self.app.screen, f"Wrote {path}", timeout=6)

    def _failed(self, message: str) -> None:
        self._writing, self._confirmed = False, None
        if self.is_current:
            self._say(message)
        else:
            toast(self.app.screen, message, severity="error", timeout=8)
