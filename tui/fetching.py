"""``newsdesk fetch``: download the feeds a user follows into a corpus folder.

The feeds are listed in a ``urls`` file (newsboat's format) or an OPML file;
each new entry becomes a Markdown file in the corpus, then the index is
updated. ``--import-opml`` adds an OPML file's feeds to the ``urls`` file and
``--export-opml`` writes the ``urls`` file's feeds as OPML; neither fetches.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from index.safety import clean_line, dumps

from . import output

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def default_urls() -> Path:
    """The ``urls`` file in the user's config folder (``~/.config/newsdesk/urls``)."""
    from platformdirs import user_config_path

    return user_config_path("newsdesk") / "urls"


def default_corpus() -> Path:
    """Where fetched entries go: ``~/.local/share/newsdesk/feeds`` on Linux."""
    from platformdirs import user_data_path

    return user_data_path("newsdesk") / "feeds"


def add_arguments(fetch: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``newsdesk fetch``; it takes no paths (``--into`` names its folder)."""
    fetch.set_defaults(paths=[])
    fetch.add_argument("--urls", metavar="FILE", help=f"feeds to fetch (default: {default_urls()})")
    fetch.add_argument(
        "--into", metavar="DIR", help=f"corpus folder for the entries (default: {default_corpus()})"
    )
    fetch.add_argument(
        "--full-text", action="store_true", help="also download each new entry's page text"
    )
    fetch.add_argument("--no-index", action="store_true", help="store the entries, do not index")
    fetch.add_argument("--import-opml", metavar="FILE", help="add an OPML file's feeds to urls")
    fetch.add_argument("--export-opml", metavar="FILE", help="write urls as OPML ('-': stdout)")
    fetch.add_argument(
        "--timeout",
        type=_seconds,
        default=15.0,
        metavar="S",
        help="to connect or read (default 15)",
    )
    fetch.add_argument(
        "--delay",
        type=_seconds,
        default=1.0,
        metavar="S",
        help="between requests to one host (default 1)",
    )
    fetch.add_argument(
        "--max-mb",
        type=_positive,
        default=10.0,
        metavar="MB",
        help="size cap of one download (default 10)",
    )
    return fetch


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 <= value < 3600:
        raise argparse.ArgumentTypeError(f"must be from 0 to 3600 seconds, not {text}")
    return value


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number above 0, not {text!r}")
    return value


class Refused(Exception):
    """A file or setting that makes the command impossible: exit code 2."""


def run(args: argparse.Namespace, library_for) -> int:
    """Import, export, or fetch then index; the exit code (1 if any feed failed)."""
    urls = Path(args.urls).expanduser() if args.urls else default_urls()
    if args.import_opml:
        return _import(Path(args.import_opml).expanduser(), urls)
    feeds = _subscriptions(urls)
    if args.export_opml:
        return _export(feeds, args.export_opml)
    corpus = str(Path(args.into).expanduser() if args.into else default_corpus())
    os.makedirs(corpus, exist_ok=True)
    reports = list(_fetch(feeds, corpus, args))
    if not args.no_index:  # also after a run with nothing new: one killed before it indexed
        args.paths = [corpus]
        summary = library_for(args).update(progress=None if args.json else output.progress())
        if not args.json:
            output.note(output.summary_line(summary))
    if args.json:
        print(dumps({"corpus": corpus, "feeds": [r.to_json() for r in reports]}))
    return EXIT_FAILED if any(r.error for r in reports) else EXIT_OK


def _fetch(feeds, corpus: str, args: argparse.Namespace):
    from index.fetch import Politeness, fetch_feeds

    polite = Politeness(
        timeout=args.timeout, host_delay=args.delay, max_bytes=int(args.max_mb * 1024 * 1024)
    )
    for report in fetch_feeds(feeds, corpus, polite, full_text=args.full_text):
        if not args.json:
            print(_line(report), flush=True)
        yield report


def _line(report) -> str:
    name = clean_line(report.title or "") or "(no title)"
    where = clean_line(report.url)
    if report.error:
        return f"failed     {where}: {clean_line(report.error)}"
    if report.unchanged:
        return f"unchanged  {name} ({where})"
    extra = "".join(f"; {clean_line(note)}" for note in report.notes[:3])
    return f"{len(report.new):>3} new    {name} ({where}), {report.known} already stored{extra}"


def _subscriptions(path: Path):
    from index.fetch import parse

    try:
        found = parse(path.read_bytes())
    except FileNotFoundError:
        raise Refused(
            f"no feeds to fetch: {path} does not exist; write one feed URL per line in it, "
            "name another file with --urls, or import OPML with --import-opml"
        ) from None
    except OSError as error:
        raise Refused(f"cannot read {path}: {error.strerror}") from None
    for problem in found.problems:
        output.note(f"{path}: {problem}")
    if not found.feeds:
        raise Refused(f"no feed URL in {path}")
    return found.feeds


def _import(opml: Path, urls: Path) -> int:
    """Add the OPML file's feeds to ``urls``: new lines at its end, the others untouched."""
    from index.fetch.subscriptions import add_to_urls

    adding = _subscriptions(opml)
    new = add_to_urls(urls, adding)
    output.note(f"{len(new)} feeds added to {urls}, {len(adding) - len(new)} already in it")
    return EXIT_OK


def _export(feeds, target: str) -> int:
    """Write the feeds as OPML to a new file (never over an existing one) or stdout."""
    from index.fetch import to_opml
    from index.fetch.entries import create

    data = to_opml(feeds)
    if target == "-":
        print(data.decode(), end="")
        return EXIT_OK
    path = Path(target).expanduser()
    if not create(str(path.parent), path.name, data):
        raise Refused(f"{path} exists; newsdesk does not overwrite it: name a new file")
    output.note(f"{len(feeds)} feeds written to {path}")
    return EXIT_OK
