"""Plain-terminal output of the ``newsdesk`` subcommands.

All text that comes from articles, file names or queries goes through
:func:`tui.inert.inert` (or :func:`index.safety.clean` into a ``Text``), never
into a string Rich would read as markup: a table cell, a progress column or a
printed ``str`` are all markup to Rich, so a title holding ``[/]`` ended the
command and ``[link=...]`` made a hyperlink.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from index.model import NO_BODY, UNKNOWN_OUTLET, SearchResult, outlet_label
from index.progress import READING, SAVING
from index.safety import clean, clean_line, dumps

from .quick import is_terminal, outlet

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_NOT_FOUND = 0, 1
# Rich is imported when something is drawn with it: a search into a pipe
# prints its lines as they are, which is what Rich would write there.
_consoles: dict[str, Console] = {}
_configured = False


def _console(name: str) -> Console:
    """The Rich console of ``stdout`` or ``stderr``, made when first used."""
    console = _consoles.get(name)
    if console is None:
        from rich.console import Console

        class _Console(Console):
            def on_broken_pipe(self) -> None:
                """Rich would exit with code 1; the command line stops quietly instead."""
                raise BrokenPipeError

        if name == "stdout":
            console = _Console(highlight=False, soft_wrap=False)
        else:
            console = Console(stderr=True, highlight=False)
        if _configured:
            console.soft_wrap = not console.is_terminal
        console = _consoles.setdefault(name, console)
    return console


def __getattr__(name: str) -> Any:
    """``output.stdout`` and ``output.stderr``: the Rich consoles."""
    if name in ("stdout", "stderr"):
        return _console(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def error(message: str) -> None:
    """One line on stderr, whatever the message holds (a file name, a path)."""
    from rich.text import Text

    from .inert import inert

    _console("stderr").print(Text.assemble(("newsdesk: ", "bold red"), inert(message)))


def note(message: str) -> None:
    from rich.text import Text

    _console("stderr").print(Text(clean(message), style="dim"))


def describe(error: BaseException) -> str:
    """A one-line account of an unexpected error, without a traceback."""
    text = str(error) or error.__class__.__name__
    if isinstance(error, OSError) and error.strerror:
        text = f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return text


def progress() -> Callable[..., None] | None:
    """A progress bar on stderr when it is a terminal, else nothing; it names
    each stage of the run with its counts and the time left (see tui.indexing)."""
    if not sys.stderr.isatty():
        return None
    # Here rather than at the top: a search from the shell draws no bar.
    from rich.progress import BarColumn, Progress, TextColumn

    from .indexing import IndexingStatus

    bar = Progress(
        TextColumn("indexing"),
        BarColumn(bar_width=20),
        TextColumn("{task.description}", markup=False),
        console=_console("stderr"),
        transient=True,
    )
    task = bar.add_task("", total=None)
    status = IndexingStatus()
    bar.start()

    def update(done: int, total: int, what: str, stage: str = READING) -> None:
        status.update(done, total, what, stage)
        counted = status.counted
        if counted is None:
            bar.update(task, total=None, description=status.short())
        else:
            bar.update(task, completed=counted[0], total=counted[1], description=status.short())
        if stage == SAVING:
            bar.stop()

    return update


def summary_line(summary) -> str:
    # After an upgrade every file is analysed again; most come out as they were.
    alike = f" ({len(summary.alike)} analysed as before)" if summary.alike else ""
    return (
        f"indexed: {len(summary.added)} added, {len(summary.updated)} updated{alike}, "
        f"{len(summary.removed)} removed, {summary.unchanged} unchanged, "
        f"{len(summary.skipped)} skipped"
    )


def summary_text(summary) -> Any:
    from rich.text import Text

    text = Text(summary_line(summary))
    for item in summary.skipped:
        text.append(f"\n  skipped {clean_line(item.path)}: {clean_line(item.reason)}")
    return text


def sources(library, as_json: bool) -> int:
    articles, skipped = library.articles(), library.skipped()
    if as_json:
        from index import codec

        print(
            dumps({"articles": codec.to_json(articles), "skipped": [s.to_json() for s in skipped]})
        )
        return EXIT_OK
    code = _sources_shown(articles, skipped)
    sys.stdout.flush()  # the hint comes after the list, where it is seen
    _outlets_hint(articles)
    return code


def _sources_shown(articles, skipped) -> int:
    stdout = _console("stdout")
    if not stdout.is_terminal:
        return _sources_lines(articles, skipped)
    from rich.table import Table  # a search needs no table
    from rich.text import Text

    from .inert import inert

    table = Table(box=None, pad_edge=False, show_edge=False)
    for name in ("id", "source", "date", "title", "passages"):
        table.add_column(
            name,
            overflow="fold",
            no_wrap=name in ("id", "date"),
            justify="right" if name == "passages" else "left",
        )
    for row in articles:
        date = row.date or ("? " + (row.date_raw or "") if row.date_raw else "")
        table.add_row(
            inert(row.id),
            inert(row.source) if row.source else Text(UNKNOWN_OUTLET, style="dim italic"),
            inert(date),
            inert(row.title) if row.title else Text("(no title)", style="dim"),
            str(row.passages),
        )
    stdout.print(table)
    for row in articles:
        if row.date_note:
            stdout.print(
                Text(
                    f"date of {clean_line(row.id)}: {clean_line(row.date_note)}",
                    style="yellow",
                )
            )
    for item in skipped:
        stdout.print(
            Text(f"skipped {clean_line(item.path)}: {clean_line(item.reason)}", style="dim")
        )
    return EXIT_OK


def _outlets_hint(articles) -> None:
    """On standard error (the list itself is for scripts too): how to name the
    outlet of articles that name none, as each is then a source of its own."""
    untold = sum(1 for row in articles if not row.source)
    if untold:
        _console("stderr").print(
            f"newsdesk: {untold} of {len(articles)} articles name no outlet; a newsdesk.toml "
            'beside them names it ([outlets] "*/fox.txt" = "Fox News"; README: Outlets)',
            markup=False,
            highlight=False,
            style="dim",
        )


def _sources_lines(articles, skipped) -> int:
    """One tab-separated line per article, for pipes and scripts."""
    for row in articles:
        date = row.date or (f"?{row.date_raw}" if row.date_raw else "-")
        fields = (
            row.id,
            outlet_label(row.source),
            date,
            row.title or "(no title)",
            str(row.passages),
        )
        print("\t".join(clean_line(f) for f in fields))
        if row.date_note:
            print(f"#\tdate of {clean_line(row.id)}: {clean_line(row.date_note)}")
    for item in skipped:
        print(f"#\tskipped {clean_line(item.path)}: {clean_line(item.reason)}")
    return EXIT_OK


def show(library, article_id: str, as_json: bool) -> int:
    article = library.article(article_id)
    if article is None:
        error(f"no article with id '{article_id}' (see 'newsdesk sources')")
        return EXIT_NOT_FOUND
    if as_json:
        print(dumps(article.to_json(with_text=True)))
        return EXIT_OK
    from rich.text import Text

    stdout = _console("stdout")
    stdout.print(Text(clean_line(article.title) or "(no title)", style="bold"))
    for label, value in (
        ("source", article.source),
        ("date", article.date),
        ("date as written", article.date_raw if not article.date else None),
        ("date note", article.date_note),
        ("url", article.url),
        ("author", article.author),
        ("file", article.path),
        ("note", NO_BODY if article.body_missing else None),
    ):
        if value:
            stdout.print(Text.assemble((f"{label}: ", "dim"), clean_line(value)))
    for passage in article.passages:
        stdout.print(Text(f"\n¶{passage.number}  [{passage.start}:{passage.end}]", style="cyan"))
        stdout.print(Text(clean(passage.text)), soft_wrap=True)
    return EXIT_OK


def search(result: SearchResult, query: str, as_json: bool, suggestions: Sequence[str] = ()) -> int:
    if as_json:
        from index import codec

        print(dumps(codec.to_json(result)))
        return EXIT_OK
    if suggestions:
        # A message, as the notes are: standard output stays the results alone.
        note(did_you_mean(suggestions))
    noun = "passage matches" if result.total == 1 else "passages match"
    heading = f"{result.total} {noun} {clean_line(query)}"
    hits = [(_hit_head(hit), clean(hit.snippet), hit.matches) for hit in result.hits]
    if _plain(snippet for _, snippet, _ in hits):
        # What Rich writes into a pipe, written without it: the lines as they are.
        lines = [heading]
        for (article, (passage, score), outlet), snippet, _ in hits:
            lines += (article + passage + score + outlet, snippet, "")
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()  # a closed pipe is found here, not at exit
        return EXIT_OK
    from rich.text import Text

    stdout = _console("stdout")
    stdout.print(Text(heading, style="dim"))
    for (article, (passage, score), outlet), text, matches in hits:
        head = Text.assemble((article, "bold"), passage, (score, "dim"))
        if outlet:
            head.append(outlet, style="dim")
        drawn = Text(text)
        for start, end in matches:
            drawn.stylize("bold reverse", start, end)
        stdout.print(head)
        stdout.print(drawn, soft_wrap=True)
        stdout.print()
    return EXIT_OK


def did_you_mean(suggestions: Sequence[str]) -> str:
    """``Did you mean: Zelensky, Zelenskyy?``, each suggestion as plain text."""
    return f"Did you mean: {', '.join(clean_line(s) for s in suggestions)}?"


def _hit_head(hit: Any) -> tuple[str, tuple[str, str], str]:
    """A hit's first line in its parts: the article, its passage and score,
    and its outlet and title."""
    head = (f" ¶{hit.passage}", f"  {hit.score:.2f}")
    return clean_line(hit.article_id), head, outlet(hit.source, hit.title)


def _plain(texts: Any) -> bool:
    """Whether a search's lines can be written as they are: into a pipe or a
    file (no styles to draw), and with no tab, which Rich widens to its next
    stop by the cells it counts."""
    made = [console for name, console in _consoles.items() if name == "stdout"]
    if not _configured or (made[0].is_terminal if made else is_terminal(sys.stdout)):
        return False
    return not any("\t" in text for text in texts)


def reader_summary(library) -> int:
    from rich.text import Text

    from .inert import inert

    articles = library.articles()
    stdout = _console("stdout")
    stdout.print(inert(f"{len(articles)} articles indexed at {library.location}"))
    stdout.print(
        Text("Try: newsdesk sources | newsdesk search prisoners | newsdesk show ID", style="dim")
    )
    return EXIT_OK


def configure() -> None:
    """Into a pipe or a file, lines are written whole, as rg and git write them:
    only a terminal wraps them to its width."""
    global _configured
    _configured = True
    for console in _consoles.values():
        console.soft_wrap = not console.is_terminal


def closed_pipe() -> None:
    """The reader of a pipe left (``| head``): whatever is still buffered must
    not fail again at exit, so stdout is pointed at nothing."""
    if "stdout" in _consoles:
        _consoles["stdout"].quiet = True
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
