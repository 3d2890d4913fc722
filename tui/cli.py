"""The ``newsdesk`` command: the reader, and subcommands for the shell.

What the arguments ask is checked and run here (the parsers are in
:mod:`tui.parsers`, plain output in :mod:`tui.output`); the Textual app is
imported only when the reader opens, so ``newsdesk search`` starts fast. Every error a user
can cause ends in a one-line message and exit code 1 (runtime) or 2 (usage);
no traceback reaches the terminal.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from index.safety import dumps

from . import options, output, settings
from .parsers import COMMANDS, ENTITY_LABELS, build_parser, command_parser, reader_parser

if TYPE_CHECKING:  # argparse is imported to parse anything but a plain search
    import argparse

__all__ = [
    "ENTITY_LABELS",
    "build_parser",
    "command_parser",
    "main",
    "parse",
]

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
_paused = False  # whether main() paused the garbage collector
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class Stopped(BaseException):
    """SIGTERM or SIGHUP during a shell command: raised where the command is,
    so that it unwinds as Ctrl+C does (worker processes ended, nothing half
    written) instead of the process vanishing and multiprocessing's tracker
    warning of what it left."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame: Any) -> None:
    raise Stopped(signum)


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Stopped` where they
    would end the process outright (not where they are ignored, as under
    nohup, or handled by whoever called :func:`main`); put back after it."""
    import signal
    import threading

    taken = []
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None and signal.getsignal(number) == signal.SIG_DFL:
                signal.signal(number, _stop)
                taken.append(number)
    try:
        yield
    finally:
        for number in taken:
            signal.signal(number, signal.SIG_DFL)


class UsageError(Exception):
    """Wrong arguments or query: exit code 2."""


def parse(args_list: list[str]) -> argparse.Namespace:
    """The arguments of a command or of the reader, options anywhere among them
    (``newsdesk search prisoners --json ~/news --limit 3``); a path that does not
    exist is a usage error before anything is written."""
    plain = options.plain_search(args_list)
    if plain is not None:
        args: Any = plain
        args.command = "search"
    elif args_list and args_list[0] in COMMANDS:
        args = command_parser(args_list[0]).parse_intermixed_args(args_list[1:])
        args.command = args_list[0]
    else:
        args = reader_parser().parse_intermixed_args(args_list)
        args.command = None
    args = _checked(args)
    # The settings file fills in what the command line and environment leave out.
    args.settings = settings.load()
    settings.apply(args.settings, args, corpus=args.command != "fetch")
    _check_paths(args.paths, reader=args.command is None)
    return args


def _check_paths(paths: Sequence[str], reader: bool) -> None:
    for path in paths:
        if _URL.match(path):
            raise UsageError(
                f"{path} is a URL; newsdesk reads files on this machine only "
                "(download it first, then give the file or its folder)"
            )
        if not os.path.lexists(path):
            raise UsageError(_missing(path, reader))


def _missing(path: str, reader: bool) -> str:
    message = f"no such file or folder: {path}"
    import difflib

    close = difflib.get_close_matches(path, COMMANDS, n=1, cutoff=0.6) if reader else []
    if close:
        return f"{message}; did you mean 'newsdesk {close[0]}'?"
    if reader and os.sep not in path:
        return f"{message} (commands are {', '.join(COMMANDS)}; see 'newsdesk --help')"
    return message


def main(argv: Sequence[str] | None = None, collecting: bool | None = None) -> int:
    """The command line's work; returns the exit code.

    The cyclic garbage collector is paused while the command starts: importing
    Whoosh and newsdesk makes tens of thousands of objects and no garbage.
    Anything longer than reading the index (an update, the reader, the
    comparison commands) runs with it again (:func:`_collecting`). Called from
    Python, it is left as it was found; the console script (:mod:`tui.entry`)
    paused it itself and says whether it was on (``collecting``)."""
    global _paused
    own = collecting is None
    paused = _paused = gc.isenabled() if own else bool(collecting)
    gc.disable()
    try:
        return _main(argv)
    finally:
        _paused = False
        if own and paused:
            gc.enable()


def _collecting() -> None:
    """Collect garbage again from here on (see :func:`main`)."""
    if _paused:
        gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parse(args_list)
        output.configure()
        return _run_reader(args) if args.command is None else _run_command(args)
    except BrokenPipeError:  # '| head' closed the pipe: stop quietly, as rg and git do
        output.closed_pipe()
        return EXIT_OK
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else EXIT_USAGE
    except (UsageError, settings.SettingsError) as error:
        output.error(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        output.error("interrupted")
        return 130
    except Stopped as stop:
        import signal

        output.error(f"stopped by {signal.Signals(stop.signum).name}")
        return 128 + stop.signum
    except Exception as error:  # the promise: no traceback reaches a user
        output.error(output.describe(error))
        if os.environ.get("NEWSDESK_DEBUG"):
            raise
        return EXIT_ERROR


def _checked(args: argparse.Namespace) -> argparse.Namespace:
    """Settings taken as a user means them, or refused (exit 2): never quietly
    replaced by something else, such as the default index for an empty name."""
    from index.textio import max_bytes

    if args.index_dir is not None:
        if not args.index_dir.strip():
            raise UsageError("--index-dir is empty: name a folder, or leave the option out")
        args.index_dir = os.path.expanduser(args.index_dir)
    parent = os.environ.get("NEWSDESK_INDEX_DIR", "")
    if parent.startswith("~"):  # quoted, so the shell left it: the user means home
        os.environ["NEWSDESK_INDEX_DIR"] = os.path.expanduser(parent)
    for path in getattr(args, "paths", None) or []:
        if path.startswith("-") and not os.path.lexists(path):
            raise UsageError(
                f"no file or folder named {path!r}: after '--' every argument is a path; "
                "options go before it"
            )
    try:
        max_bytes()
    except ValueError as problem:
        raise UsageError(str(problem)) from None
    _choose_engine(getattr(args, "engine", None))
    return args


def _choose_engine(name: str | None) -> None:
    """The engine named, or $NEWSDESK_ENGINE, checked now (exit 2 when unknown or
    not installed) and kept in the environment, where an indexing process of
    the reader's own finds it."""
    from index import engines
    from index.errors import UnknownEngine

    try:
        engines.get(name)
    except UnknownEngine as problem:
        raise UsageError(str(problem)) from None
    if name:
        os.environ["NEWSDESK_ENGINE"] = engines.chosen(name)


def _library(args: argparse.Namespace, apart: bool = False):
    """The library the arguments name; an index folder newsdesk may not write
    in (one holding the user's files) is refused before anything is read."""
    from index.analysis import Analysis
    from index.cluster import scheduler_address
    from index.folder import NotAnIndexFolder, check
    from index.library import Library

    analysis = Analysis(args.model, scheduler=scheduler_address(getattr(args, "scheduler", None)))
    library = Library(args.paths, args.index_dir, analysis=analysis, apart=apart)
    try:
        check(library.index_path)
    except NotAnIndexFolder as error:
        raise UsageError(str(error)) from None
    return library


def _connected(library) -> None:
    """Reach the Dask scheduler named, if any, before any work: a wrong address
    is a usage error (exit 2) with nothing read or written."""
    from index.cluster import ClusterUnreachable

    try:
        library.analysis.connect()
    except ClusterUnreachable as error:
        raise UsageError(str(error)) from None


def _current(library) -> bool:
    """True when nothing changed since the last commit, found by listing the
    files: the indexer (and what it imports) is loaded only when it has work."""
    from index.freshness import current

    try:
        return library.exists and current(library.corpus, library.store, library.analysis.key)
    except Exception:  # damaged, locked, half written: the update names it and mends it
        return False


def _ensure_index(library, quiet: bool) -> None:
    """Bring the index up to date first, so every command works on a new corpus."""
    if library.read_only:
        output.note(f"the index at {library.location} is read-only; showing it as it is")
        return
    if _current(library):
        return
    from index.errors import IndexError_

    _connected(library)
    _collecting()
    try:
        summary = library.update(progress=None if quiet else output.progress(), wait=2.0)
    except (IndexError_, OSError) as error:
        # Another process is indexing, or the disk is full: answer from the last
        # commit rather than fail, as long as there is one.
        if not library.exists:
            raise
        output.note(
            f"could not update the index ({output.describe(error)}); "
            "showing it as it was last written"
        )
        return
    if summary.rebuilt:
        output.note(summary.rebuilt)
    if summary.changed and not quiet:
        output.note(output.summary_line(summary))


def _run_command(args: argparse.Namespace) -> int:
    if args.command != "search":
        _collecting()
    if args.command == "fetch":
        from . import fetching

        try:
            return fetching.run(args, _library)
        except fetching.Refused as error:
            raise UsageError(str(error)) from None
    if args.command == "serve":
        return _serve(args)
    with _stopped_by_signals():
        return _run_library_command(args)


def _run_library_command(args: argparse.Namespace) -> int:
    from index.damage import IndexDamaged

    library = _library(args)
    if args.command == "index":
        _connected(library)
        summary = library.update(progress=output.progress())
        if summary.rebuilt:
            output.note(summary.rebuilt)
        print(dumps(summary.to_json()) if args.json else output.summary_text(summary))
        return EXIT_OK
    if getattr(args, "no_update", False):
        _existing(library)
    else:
        _ensure_index(library, quiet=args.json)
    try:
        return _answer(library, args)
    except IndexDamaged as damaged:  # found while reading: rebuilt, then asked again
        output.note(str(damaged))
        _ensure_index(library, quiet=args.json)
        return _answer(library, args)


def _existing(library) -> None:
    """``--no-update``: the index as it is, which must exist."""
    if not library.exists:
        raise UsageError(
            f"there is no index at {library.location} yet; "
            "run 'newsdesk index' on these files first, or leave out --no-update"
        )


def _answer(library, args: argparse.Namespace) -> int:
    if args.command == "sources":
        return output.sources(library, args.json)
    if args.command == "show":
        return output.show(library, args.id, args.json)
    if args.command != "search":
        # Imported here: search, the command scripts run most, needs none.
        from . import comparison_output

        return comparison_output.VIEWS[args.command](library, args)
    from index.errors import QueryError

    try:
        result = library.search(args.query, limit=args.limit)
    except QueryError as error:
        raise UsageError(f"bad query: {error}") from None
    suggestions = [] if result.total or args.json else _suggestions(library, args.query)
    return output.search(result, args.query, args.json, suggestions)


def _suggestions(library, query: str) -> list[str]:
    """Close spellings that would find something; none rather than an error
    (the search itself has answered)."""
    from index.damage import IndexDamaged

    try:
        return library.suggest(query)
    except IndexDamaged:
        raise
    except Exception:
        return []


def _run_reader(args: argparse.Namespace) -> int:
    """Open the reader; it indexes in a worker with a progress bar, so it opens at once.

    A crash ends with a one-line message, the traceback in the crash log and exit
    code 1; SIGTERM or SIGHUP with 128 plus the signal's number, as a shell says.
    """
    _collecting()
    from .app import NewsdeskApp  # imported here so the shell commands start fast

    settings.check_reader(args.settings)
    try:
        # The reader indexes in a process of its own, so keys never wait for it.
        app = NewsdeskApp(_library(args, apart=True), settings=args.settings)
        app.run()
    except Exception as error:
        return _crashed(error)
    if app.crash is not None:
        return _crashed(app.crash)
    return app.return_code or EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    """The reader in a browser: what would stop it opening (a bad theme, a
    folder that is not an index) is said here, before anything is served."""
    from . import serve

    settings.check_reader(args.settings)
    _library(args).close()
    return serve.run(args)


def _crashed(error: BaseException) -> int:
    from .crash import write_log

    if os.environ.get("NEWSDESK_DEBUG"):
        raise error
    try:
        where = f"the details are in {write_log(error)}"
    except OSError as problem:
        where = f"the details could not be written down ({output.describe(problem)})"
    output.error(f"the reader stopped on an unexpected error: {output.describe(error)}; {where}")
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
