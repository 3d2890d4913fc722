"""``newsdesk search WORDS`` from the shell, answered without Whoosh.

The console script (:mod:`tui.entry`) asks this first. It answers a search
of words and phrases into a pipe or a file when the index is up to date by the
listing the update check kept (:mod:`index.freshness`) and the word table of
that commit is there (:mod:`index.sidecar`): the standard library reads them
both, and the lines (or JSON) are those :mod:`tui.output` writes, on a terminal
with the styles Rich would draw. Anything else returns None before a byte is
written, and the command runs as before: another query, option, engine or
settings file, a line Rich would wrap on the terminal, an index to update,
read-only or missing, a word no passage has or a phrase no passage holds (the
command then suggests close spellings: a search answered here has none to
offer, every word of it being one the passages hold and every phrase found).
"""

from __future__ import annotations

import os
import sys

from index.sidecar import ENGINE, answer, corpus_key, seeds_folder

from .options import ENGINE_ENV, plain_search

TYPE_CHECKING = False  # typing itself is not imported: it is most of what this would cost
if TYPE_CHECKING:
    from typing import Any

UNKNOWN_OUTLET = "(unknown outlet)"  # index.model.UNKNOWN_OUTLET
MAX_QUERY_CHARS = 2000  # index.engines.syntax.MAX_QUERY_CHARS
# Settings that change what the corpus is (the file size cap, the settings
# file, index.corpus.FOLLOW_ENV): with any of them set, the full check decides.
_LOOKED_FURTHER = ("NEWSDESK_MAX_FILE_MB", "NEWSDESK_CONFIG", "NEWSDESK_FOLLOW_LINKS")
_APP = "newsdesk"
# index.safety: what a terminal could act on, made visible (clean), and what
# JSON escapes besides (dumps).
_UNSAFE = (
    (0x00, 0x08),
    (0x0B, 0x1F),
    (0x7F, 0x9F),
    (0x061C, 0x061C),
    (0x200E, 0x200F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0x2028, 0x2029),
    (0xD800, 0xDFFF),
)
_tables: dict[str, dict[int, str]] = {}


def _table(kind: str) -> dict[int, str]:
    table = _tables.get(kind)
    if table is None:
        table = _tables[kind] = {}
        for low, high in _UNSAFE:
            for code in range(low, high + 1):
                if kind == "json":
                    if code >= 0x7F:
                        table[code] = f"\\u{code:04x}"
                elif code < 0x20:
                    table[code] = chr(0x2400 + code)
                else:
                    table[code] = "\u2421" if code == 0x7F else "\ufffd"
    return table


def clean(text: str | None) -> str:
    """:func:`index.safety.clean`."""
    if not text:
        return ""
    return text.translate(_table("text"))


def clean_line(text: str | None) -> str:
    """:func:`index.safety.clean_line`."""
    return clean(text).replace("\n", " ").replace("\t", " ")


def search(args_list: list[str]) -> int | None:
    """The exit code of a plain search answered here, or None (see the module)."""
    args = plain_search(args_list)
    if args is None:
        return None
    width = _terminal_width() if not args.json and is_terminal(sys.stdout) else None
    if width == 0:
        return None
    where = _index(args)
    if where is None:
        return None
    path, roots = where
    model = args.model or os.environ.get("NEWSDESK_MODEL") or None
    if len(args.query.strip()) > MAX_QUERY_CHARS:
        return None
    found = answer(path, roots, model, args.query, args.limit, check_files=not args.no_update)
    if found is None:
        return None
    total = found.total
    hits = [
        (h.article, h.passage, h.start, h.end, h.score, h.snippet, h.matches, h.title, h.source)
        for h in found.hits
    ]
    lines: str | None
    if args.json:
        lines = _json(total, hits)
    elif width is not None:
        lines = _drawn(total, hits, args.query, width)
    else:
        lines = _lines(total, hits, args.query)
    if lines is None:
        return None
    try:
        sys.stdout.write(lines)
        sys.stdout.flush()  # a closed pipe is found here, not at exit
    except BrokenPipeError:  # '| head' closed the pipe: stop quietly, as rg and git do
        _closed_pipe()
    return 0


def _index(args: Any) -> tuple[str, list[str]] | None:
    """The index folder and the corpus's roots, as :mod:`tui.cli` and
    :class:`index.library.Library` would choose them, or None where they
    would look further (a settings file, another engine, a path to refuse)."""
    engine = (args.engine or os.environ.get(ENGINE_ENV) or "whoosh").strip().lower()
    if engine != ENGINE or sys.platform != "linux":
        return None
    if any(os.environ.get(name, "").strip() for name in _LOOKED_FURTHER):
        return None
    if os.path.lexists(os.path.join(_xdg("XDG_CONFIG_HOME", "~/.config"), "config.toml")):
        return None
    for path in args.paths:
        if "://" in path or not os.path.lexists(path):
            return None
    paths = args.paths or [seeds_folder()]
    if paths[0] is None:
        return None
    roots = sorted({os.path.abspath(p) for p in paths})
    if args.index_dir is not None:
        if not args.index_dir.strip():
            return None
        path = os.path.expanduser(args.index_dir)
    else:
        base = os.environ.get("NEWSDESK_INDEX_DIR") or ""
        if base.startswith("~"):
            base = os.path.expanduser(base)
        base = base or os.path.join(_xdg("XDG_CACHE_HOME", "~/.cache"), "indexes")
        path = os.path.join(base, corpus_key(roots))
    if not os.path.isdir(path) or not os.access(path, os.W_OK | os.X_OK):
        return None  # none yet, or read-only (the command says so)
    return path, roots


def _xdg(variable: str, default: str) -> str:
    """platformdirs' user folder for newsdesk on Linux."""
    base = os.environ.get(variable, "")
    if not base.strip():
        base = os.path.expanduser(default)
    return os.path.join(base, _APP)


def is_terminal(stream: Any) -> bool:
    """What Rich's console would decide for ``stream``: its environment
    variables first (TTY_COMPATIBLE, FORCE_COLOR), else whether it is a tty."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def outlet(source: str | None, title: str | None) -> str:
    """A result line's outlet and title ("  Al Jazeera: Talks end"); the
    outlet alone for an article with no title, nothing when neither is known."""
    if not (source or title):
        return ""
    shown = clean_line(title)
    return f"  {clean_line(source) or UNKNOWN_OUTLET}" + (f": {shown}" if shown else "")


def _lines(total: int, hits: list[tuple[Any, ...]], query: str) -> str | None:
    """tui.output.search's lines into a pipe; None for a snippet holding a tab
    (Rich widens it)."""
    noun = "passage matches" if total == 1 else "passages match"
    lines = [f"{total} {noun} {clean_line(query)}"]
    for article, number, _start, _end, score, snippet, _matches, title, source in hits:
        text = clean(snippet)
        if "\t" in text:
            return None
        head = f"{clean_line(article)} ¶{number}  {score:.2f}{outlet(source, title)}"
        lines += (head, text, "")
    return "\n".join(lines) + "\n"


def _terminal_width() -> int:
    """The width Rich's console gives a terminal (COLUMNS, else the first of
    stdin, stdout and stderr that is a terminal, else 80); 0 where this does
    not draw for Rich: a terminal Rich draws plainly (TERM dumb or unknown) or
    narrower than any result line."""
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return 0
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    else:
        width = 0
        for descriptor in (0, 1, 2):
            try:
                width = os.get_terminal_size(descriptor).columns
            except (AttributeError, ValueError, OSError):
                continue
            break
        width = width or 80
    return width if width >= 20 else 0


def _one_cell(line: str) -> bool:
    """Whether every character of ``line`` takes one cell (Latin, punctuation,
    the pictures of controls), so that Rich's wrapping can be followed here."""
    for char in line:
        code = ord(char)
        if not (
            0x20 <= code < 0x7F
            or 0xA0 <= code < 0x300
            or 0x2010 <= code <= 0x2027
            or 0x2030 <= code <= 0x205E
            or 0x2400 <= code <= 0x2426
        ):
            return False
    return True


def _wrapped(runs: list[tuple[str, str]], width: int) -> list[str]:
    """One line of styled runs (an SGR code or "", the text) as Rich wraps it
    to ``width`` cells, every character one cell: breaks before the word that
    does not fit (rich._wrap.divide_line), a word longer than a line folded,
    whitespace beyond the width cut (Text.rstrip_end), then the line cropped
    (Text.truncate); each run drawn in its style on each line it reaches."""
    text = "".join(part for _, part in runs)
    breaks: list[int] = []
    offset = 0
    for start, word in _words(text):
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for number, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if number == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    lines = []
    for begin, end in zip([0, *breaks], [*breaks, len(text)], strict=True):
        if end - begin > width:
            piece = text[begin:end]
            end -= min(len(piece) - len(piece.rstrip()), end - begin - width)
        end = min(end, begin + width)
        drawn, run_start = [], 0
        for code, part in runs:
            low, high = max(begin, run_start), min(end, run_start + len(part))
            if low < high:
                shown = text[low:high]
                drawn.append(_style(code, shown) if code else shown)
            run_start += len(part)
        lines.append("".join(drawn))
    return lines


def _words(text: str) -> list[tuple[int, str]]:
    """Each word with the whitespace around it and where it starts, as Rich
    reads words to wrap them (``\\s*\\S+\\s*`` from the start, without re)."""
    found: list[tuple[int, str]] = []
    at, size = 0, len(text)
    while True:
        first = at
        while first < size and text[first].isspace():
            first += 1
        if first == size:
            return found
        last = first
        while last < size and not text[last].isspace():
            last += 1
        while last < size and text[last].isspace():
            last += 1
        found.append((at, text[at:last]))
        at = last


def _style(code: str, text: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m"


def _drawn(total: int, hits: list[tuple[Any, ...]], query: str, width: int) -> str | None:
    """tui.output.search's lines as Rich draws them on a terminal: the heading
    dim, a hit's article bold and its score and outlet dim (wrapped to the
    width), its snippet whole with the matches in bold reverse; None where a
    character may take other than one cell, or Rich would widen a tab or break
    a snippet's styles over lines."""
    noun = "passage matches" if total == 1 else "passages match"
    heading = f"{total} {noun} {clean_line(query)}"
    if not _one_cell(heading):
        return None
    lines = _wrapped([("2", heading)], width)
    for article, number, _start, _end, score, snippet, matches, title, source in hits:
        name, shown = clean_line(article), outlet(source, title)
        head = [("1", name), ("", f" ¶{number}"), ("2", f"  {score:.2f}"), ("2", shown)]
        text = clean(snippet)
        if not _one_cell(name + shown) or "\t" in text or "\n" in text:
            return None
        parts: list[str] = []
        at = 0
        for start, end in sorted(tuple(span) for span in matches):
            if not at <= start < end <= len(text):
                return None  # overlapping or out of the text: Rich's own reading
            parts += (text[at:start], _style("1;7", text[start:end]))
            at = end
        parts.append(text[at:])
        lines += (*_wrapped(head, width), "".join(parts), "")
    return "\n".join(lines) + "\n"


def _json(total: int, hits: list[tuple[Any, ...]]) -> str:
    """tui.output.search's JSON (index.codec's keys, index.safety.dumps)."""
    import json

    data = {
        "total": total,
        "hits": [
            {
                "id": article,
                "passage": number,
                "start": start,
                "end": end,
                "score": round(score, 4),
                "snippet": snippet,
                "matches": [list(span) for span in matches],
                "title": title or None,
                "source": source or None,
            }
            for article, number, start, end, score, snippet, matches, title, source in hits
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_table("json")) + "\n"


def _closed_pipe() -> None:
    """tui.output.closed_pipe: what is still buffered must not fail at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
