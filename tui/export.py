"""Where the reader's exports go: the file a user names, its format, and
writing it. What an export holds (the cited passages, results or report, as
JSON or Markdown) is :mod:`index.exports`.

Files are created, never replaced, unless the user said to replace that file.
No Textual here.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_documents_dir

from index.safety import clean
from index.textio import write_atomic

FORMATS = ("md", "json")


class ExportError(Exception):
    """Why an export could not be written, in words for the user."""


# Where it goes.


def default_folder() -> Path:
    """The current folder, where the user started newsdesk, when it can be
    written to; else the user's documents folder."""
    here = Path.cwd()
    return here if os.access(here, os.W_OK) else Path(user_documents_dir())


def default_path(kind: str, fmt: str) -> Path:
    return default_folder() / f"newsdesk-{kind}.{fmt}"


def format_of(path: Path) -> str:
    """The format a file name asks for: its extension, .md or .json."""
    fmt = {".md": "md", ".markdown": "md", ".json": "json"}.get(path.suffix.lower())
    if fmt is None:
        raise ExportError("Name a .md (Markdown) or .json file.")
    return fmt


def target(name: str) -> Path:
    """The file the user named (``~`` is the home folder; relative to the default folder)."""
    if not name.strip():
        raise ExportError("Name the file to write.")
    path = Path(name.strip()).expanduser()
    return path if path.is_absolute() else default_folder() / path


def write(path: Path, text: str, replace: bool = False) -> None:
    """Write ``text`` to a new file at ``path``; an existing one only when
    ``replace`` (the user said so), and then whole or not at all."""
    if path.is_dir():
        raise ExportError(f"{clean(str(path))} is a folder: name a file in it.")
    if not path.parent.is_dir():
        raise ExportError(f"There is no folder {clean(str(path.parent))}.")
    try:
        if replace:
            write_atomic(path, text)
        else:
            with path.open("x", encoding="utf-8") as file:
                file.write(text)
    except FileExistsError:
        raise ExportError(f"{clean(str(path))} exists already.") from None
    except OSError as problem:
        reason = problem.strerror or str(problem)
        raise ExportError(f"{clean(str(path))} could not be written: {reason}.") from None
