"""The folder an index lives in: newsdesk's own, and only its own files touched.

``--index-dir ~/Documents`` must never cost the user a file. Whoosh tidies an
index folder by listing it and deleting what its name patterns match, and they
match loosely (``newsdesk_notes.txt`` passes for a segment file), so:

- a folder becomes an index only when it is new, empty, or already one: a
  marker file names it (:data:`MARKER`), and an index written before the
  marker (with Whoosh's ``_newsdesk_N.toc``) is recognised and marked;
- a folder holding anything else is refused with a message that says so;
- an engine sees only the files it names itself (Whoosh through
  ``index.engines.whoosh.IndexStorage``), so nothing else in the folder can be
  deleted or overwritten by its clean-up.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

INDEX_NAME = "newsdesk"
MARKER = ".newsdesk-index"
_MARKER_TEXT = (
    "This folder holds a newsdesk search index; newsdesk made every file in it\n"
    "and may replace or delete them. Removing the folder removes only the index.\n"
)
# Whoosh's own names: a table of contents per commit, and segment files named
# by 16 random letters and digits ("newsdesk_0a1b2c3d4e5f6g7h.seg").
_TOC = re.compile(rf"_{INDEX_NAME}_(\d+)\.toc")
_LOCK = f"{INDEX_NAME}_WRITELOCK"
OWN_FILE = re.compile(rf"_{INDEX_NAME}_\d+\.toc|{INDEX_NAME}_[0-9a-z]{{16}}\.[A-Za-z0-9_.]+")


class NotAnIndexFolder(Exception):
    """The folder named for the index holds files and is not a newsdesk index."""


def is_index_folder(path: Path) -> bool:
    """Whether ``path`` is a newsdesk index: marked, or written before the marker."""
    try:
        names = os.listdir(path)
    except OSError:
        return False
    if MARKER in names or any(_TOC.fullmatch(name) for name in names):
        return True
    # A first run of an earlier version stopped before its first commit.
    return bool(names) and all(OWN_FILE.fullmatch(n) or n == _LOCK for n in names)


def check(path: Path) -> None:
    """Raise :class:`NotAnIndexFolder` unless ``path`` may become or is an index:
    missing, an empty folder, or a newsdesk index."""
    if not os.path.lexists(path):
        return
    if not path.is_dir():
        raise NotAnIndexFolder(f"{path} is a file, not a folder: name a folder for the index")
    try:
        empty = not os.listdir(path)
    except OSError:
        return  # unreadable: creating the index there will say why
    if not empty and not is_index_folder(path):
        raise NotAnIndexFolder(
            f"{path} holds other files and is not a newsdesk index; newsdesk does not "
            "write among them: name a new or empty folder for the index"
        )


def claim(path: Path) -> None:
    """Make ``path`` an index folder (created and marked), or refuse it."""
    check(path)
    path.mkdir(parents=True, exist_ok=True)
    check(path)  # a file may have appeared since the first look
    try:
        with open(path / MARKER, "x", encoding="utf-8") as marker:
            marker.write(_MARKER_TEXT)
    except FileExistsError:
        pass  # marked already (or by another newsdesk process just now)
