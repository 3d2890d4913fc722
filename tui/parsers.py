"""The parsers of the ``newsdesk`` command line: the commands (:data:`COMMANDS`),
their help, the query syntax and each command's arguments. A command's parser
is built alone (:func:`command_parser`), so that a command imports only what
describes its own options; :func:`reader_parser` reads the reader's
arguments, :func:`build_parser` every command's at once.

:mod:`tui.cli` reads the arguments with them and runs the command; argparse
itself is imported only when a parser is built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from index.model import ENTITY_KINDS

from . import options

if TYPE_CHECKING:  # argparse is imported to parse anything but a plain search
    import argparse

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
    "fetch",
    "serve",
)
# Dates and numbers are facts, not canonical entities: 'newsdesk facts' lists them.
ENTITY_LABELS = tuple(k for k in ENTITY_KINDS if k not in ("date", "number"))
QUERY_HELP = """\
QUERY uses Whoosh's query syntax, with either engine:
  prisoners                     a word (stemmed, accents folded: prisoner, Dolmabahce)
  "prisoners of war"            a phrase
  talks AND NOT ceasefire       AND, OR, NOT and (parentheses)
  pris*  prisonrs~  prisonrs~2  a prefix; a word one or two letters off
fields (field:value):
  title: source: date: article: text:           what the article says about itself
  entity: person: place: organisation: group: event:   every spelling of an entity
  fact:prisoners                passages stating such a figure
  relation:differ               passages whose facts differ (agree, compatible)
  story:s1                      one story ('newsdesk stories')
  date:2025-05-16  date:[2025-05-15 TO 2025-05-31]  date:[2025-05-15 TO]
A query that cannot be run (an unclosed quote, a field with no word, a lone *)
is an error with exit code 2 that says what is wrong."""
ARTICLE_ID_HELP = (
    "article id as 'newsdesk sources' lists it: the file's path in the corpus, "
    "path#N for the N-th entry of a JSON list or JSON Lines file, path#DIGEST for a feed entry"
)
COMMAND_HELP = {
    "index": "build or update the index, with a summary",
    "sources": "list the articles (id, outlet, date, title, passages) and skipped files",
    "show": "one article with its passages and their offsets",
    "search": "search passages (the query syntax: 'newsdesk search --help')",
    "entities": "canonical entities with their spellings and mentions",
    "facts": "quantities, durations, dates and quotes, with their groups and relations",
    "stories": "articles grouped into stories (reports of one event)",
    "related": "what other sources say about one passage",
    "report": "figures that differ between sources, ranked, with citations",
    "fetch": "download the feeds of a urls or OPML file into a corpus folder, then index",
    "serve": "serve the reader to a web browser (http://localhost:8000 by default)",
}


def at_least_one(text: str) -> int:
    """``--limit``: a count of results, 1 or more (0 or -1 would mean nothing sensible)."""
    import argparse

    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _common(parser: argparse.ArgumentParser, paths: bool = True, json: bool = True) -> None:
    if paths:
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="article folders or files (default: the settings file's corpus, "
            "else the bundled seeds)",
        )
    for option in (*options.COMMON, *((options.JSON,) if json else ())):
        _add(parser, option)


def _add(parser: argparse.ArgumentParser, option: options.Option) -> None:
    """One option of the table in :mod:`tui.options`, as argparse reads it."""
    if option.metavar is None:
        parser.add_argument(option.flag, action="store_true", help=option.help)
    elif option.number:
        parser.add_argument(
            option.flag,
            metavar=option.metavar,
            default=option.default,
            type=at_least_one,
            help=option.help,
        )
    else:
        parser.add_argument(
            option.flag, metavar=option.metavar, default=option.default, help=option.help
        )


def build_parser() -> argparse.ArgumentParser:
    return _parsers()[0]


def _parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The parser of every command, and each command's own parser."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Compare how several news sources tell the same story.",
        epilog="'newsdesk COMMAND --help' describes each command.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        _ARGUMENTS[name](sub.add_parser(name, help=COMMAND_HELP[name], **_described(name)))
    return parser, sub.choices


def command_parser(name: str) -> argparse.ArgumentParser:
    """One command's parser alone, as ``newsdesk NAME`` parses it: a search
    does not build (nor import what describes) every other command's options."""
    import argparse

    parser = argparse.ArgumentParser(prog=f"newsdesk {name}", **_described(name))
    _ARGUMENTS[name](parser)
    return parser


def _described(name: str) -> dict[str, Any]:
    import argparse

    return {
        "description": COMMAND_HELP[name][:1].upper() + COMMAND_HELP[name][1:] + ".",
        "epilog": QUERY_HELP if name == "search" else None,
        "formatter_class": argparse.RawDescriptionHelpFormatter,
    }


def _index_arguments(index: argparse.ArgumentParser) -> None:
    index.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="analyse on a Dask cluster, such as tcp://HOST:8786 (default: $NEWSDESK_SCHEDULER, "
        "else this machine's cores)",
    )
    _common(index)


def _show_arguments(show: argparse.ArgumentParser) -> None:
    show.add_argument("id", metavar="ID", help=ARTICLE_ID_HELP)
    _common(show)


def _search_arguments(find: argparse.ArgumentParser) -> None:
    find.add_argument("query", metavar="QUERY", help="what to look for (see below)")
    for option in options.SEARCH:
        _add(find, option)
    _common(find)


def _entities_arguments(entities: argparse.ArgumentParser) -> None:
    entities.add_argument(
        "--label",
        metavar="L",
        type=_entity_label,
        help="only this kind: " + ", ".join(ENTITY_LABELS),
    )
    _common(entities)


def _related_arguments(related: argparse.ArgumentParser) -> None:
    related.add_argument("id", metavar="ARTICLE_ID", help=ARTICLE_ID_HELP)
    related.add_argument("passage", metavar="PASSAGE", type=int, help="passage number, from 1")
    _common(related)


def _report_arguments(report: argparse.ArgumentParser) -> None:
    report.add_argument("--format", choices=("md", "json"), default="md")
    report.add_argument(
        "--all", action="store_true", help="also list figures that only loosely fit"
    )
    _common(report)


def _fetch_arguments(fetch: argparse.ArgumentParser) -> None:
    from . import fetching

    _common(fetching.add_arguments(fetch), paths=False)


def _serve_arguments(served: argparse.ArgumentParser) -> None:
    from . import serve

    _common(serve.add_arguments(served), json=False)


_ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "index": _index_arguments,
    "sources": _common,
    "show": _show_arguments,
    "search": _search_arguments,
    "entities": _entities_arguments,
    "facts": _common,
    "stories": _common,
    "related": _related_arguments,
    "report": _report_arguments,
    "fetch": _fetch_arguments,
    "serve": _serve_arguments,
}


def _entity_label(value: str) -> str:
    import argparse

    if value in ("date", "number"):
        raise argparse.ArgumentTypeError(
            f"{value}s are facts, not entities: 'newsdesk facts' lists them"
        )
    if value not in ENTITY_LABELS:
        raise argparse.ArgumentTypeError(f"'{value}' is none of {', '.join(ENTITY_LABELS)}")
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # the reader's --version only

    try:
        return version("newsdesk")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def reader_parser() -> argparse.ArgumentParser:
    import argparse

    commands = "\n".join(f"  {name:<10}{COMMAND_HELP[name]}" for name in COMMANDS)
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        usage="newsdesk [PATH ...] [options]\n       newsdesk COMMAND [ARGS ...] [options]",
        description="Open the reader on article folders or files (the bundled seeds by default).",
        epilog=f"commands for the shell:\n{commands}\n\n"
        "'newsdesk COMMAND --help' describes each command; options may come anywhere.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {_version()}")
    _common(parser)
    return parser
