"""Whether an index is up to date, at the cost of listing the corpus's files.

Every command updates the index first, and an update that finds nothing to do
still imports the indexer (the readers, trafilatura, the comparison passes):
most of the time ``newsdesk search`` took on an unchanged corpus. This asks
the question the indexer's plan asks first (is every file's size, time and
analysis key what the last commit recorded, with none added or gone?) with
nothing but a walk of the folders and one catalog document, so a command only
pays for the indexer when there is something to index.

Once a check finds the index current, what it listed is kept beside the index
(:data:`LISTING`): every folder walked with its modification time, every
article file and every outlet file (``newsdesk.toml``, ``meta.json``) with
its size and time. The next check on the same commit of the index, with the
same analysis, only ``stat``s those: a folder whose time is unchanged holds the
same names (adding, removing or renaming a file changes its folder's time),
and each file is compared as the walk compares it (size and time), so an edit
in place is found too. Anything else (a folder's time, a file, a commit, the
analysis, a file of the index: a rebuild may reach the same commit number)
makes the full check run. What neither check can see is what the
indexer does not look at either: a file rewritten with its size and time put
back. A folder changed within :data:`SETTLE_NS` of the check is not kept (a
file system whose times are coarse may give two changes in that window the
same time), so it is walked again next time.
"""

from __future__ import annotations

import marshal
import os
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from . import store as store_module
from .corpus import Corpus, FileEntry, without_clashing_ids
from .model import Skipped
from .outlets import CONFIG, SIDECAR
from .sidecar import (
    LISTING,
    LISTING_LAYOUT,
    LISTING_PREFIX,
    code_files,
    index_files,
    listing_holds,
    read_listing,
)
from .store import PENDING_UID, STATE_UID, Store, compared_now
from .textio import write_atomic

SETTLE_NS = 2_000_000_000


def current(corpus: Corpus, store: Store, analysis_key: str) -> bool:
    """True when an update of ``store`` would find nothing to do: no file new,
    changed (size or modification time) or gone, none analysed under another
    key or outlet, and the corpus-wide state in place."""
    key: list[Any] | None
    try:
        key = [*_listing_key(corpus, store, analysis_key), _index_files(store.path)]
    except OSError:  # a writer is changing the index: check in full, keep nothing
        key = None
    if key is not None and _listed_unchanged(store, key):
        return True
    files = _recorded_files(store)
    if files is None:
        return False
    skipped: list[Skipped] = []
    folders: dict[str, int] = {}
    entries = without_clashing_ids(list(corpus.walk(skipped, folders)), skipped)
    if len(entries) != len(files):
        return False
    if not all(_unchanged(files.get(entry.id), entry, analysis_key) for entry in entries):
        return False
    # An unreadable folder, a broken link: walked again. So is a corpus whose
    # links are all followed: a check of the same roots without following
    # them (quick searches ask no more than the roots) must not trust it.
    if key is not None and not skipped and not corpus.follow_links:
        _remember(store, key, corpus, folders, entries)
    return True


def _listing_key(corpus: Corpus, store: Store, analysis_key: str) -> list[Any]:
    """What a kept listing holds for: the commit it was checked against, and
    the corpus and analysis it was checked for (as JSON reads it back)."""
    return [LISTING_LAYOUT, store.engine.name, store.generation, analysis_key, list(corpus.roots)]


def _index_files(path: Path) -> list[list[Any]]:
    return index_files(path)


def _listing_path(store: Store) -> str:
    return os.path.join(store.path, LISTING.format(engine=store.engine.name))


def _stat(path: str) -> list[int] | None:
    """Size and modification time (ns) of the file at ``path``, None if there is none."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _watched(corpus: Corpus, folders: dict[str, int]) -> list[str]:
    """The files that name outlets, wherever one could be: they are not
    articles, but editing one changes what an update would do."""
    roots = [r if os.path.isdir(r) else os.path.dirname(r) for r in corpus.roots]
    sidecars = {*folders, *(os.path.dirname(r) for r in corpus.roots if not os.path.isdir(r))}
    return [
        *(os.path.join(root, CONFIG) for root in roots),
        *(os.path.join(folder, SIDECAR) for folder in sorted(sidecars)),
    ]


def _remember(
    store: Store, key: list[Any], corpus: Corpus, folders: dict[str, int], entries: list[FileEntry]
) -> None:
    """Keep the listing of a check that found the index current (see the
    module's description); nothing is kept where it cannot be written."""
    settled = time.time_ns() - SETTLE_NS
    if any(mtime > settled for mtime in folders.values()):
        return
    from .analysis import VERSION
    from .nlp import DEFAULT_MODEL

    kept = {
        "key": key,
        # What the shell's plain search needs to check the key without
        # importing these (index.kept_listing.current_commit).
        "code": {
            "files": code_files(),
            "version": VERSION,
            "default_model": DEFAULT_MODEL,
            # the comparison the index was checked against (index.store.COMPARISON);
            # the shell's plain search trusts store.py's size and time for it
            "comparison": store_module.COMPARISON,
        },
        "folders": sorted(folders.items()),
        "files": [[entry.full_path, entry.size, entry.mtime] for entry in entries],
        "watched": [[path, _stat(path)] for path in _watched(corpus, folders)],
    }
    with suppress(OSError):  # a read-only index, a full disk: the next check walks again
        # the spare file's name starts as a listing's: never counted as the index's
        write_atomic(Path(_listing_path(store)), marshal.dumps(kept), LISTING_PREFIX)


def _listed_unchanged(store: Store, key: list[Any]) -> bool:
    """Whether the listing kept for ``key`` still holds: every folder's time,
    every file's size and time as they were."""
    kept = read_listing(store.path, store.engine.name)
    try:
        if kept["key"] != key or kept["code"].get("comparison") != store_module.COMPARISON:
            return False
        return listing_holds(kept)
    except (OSError, ValueError, KeyError, TypeError):  # none kept, or another layout
        return False


def _recorded_files(store: Store) -> dict[str, list[Any]] | None:
    """The last commit's ``path -> [size, mtime, hash|key]``, or None when its
    corpus-wide state is missing (a first index stopped before comparing) or
    its articles are not all compared (an update stopped between committing
    its articles and its pass) or compared by another version of the
    comparison: the indexer's own test (see index.build._update). An index of
    another format never gets here: opening its store raises."""
    reader = store.reader
    if not reader.has("state", STATE_UID) or reader.has("state", PENDING_UID):
        return None
    if not compared_now(reader):
        return None
    catalog = store.catalog()
    files = catalog.get("files") if isinstance(catalog, dict) else None
    return files if isinstance(files, dict) else None


def _unchanged(known: list[Any] | None, entry: FileEntry, analysis_key: str) -> bool:
    if not known or len(known) != 3:
        return False
    size, mtime, content = known
    return unchanged(size, mtime, content, entry, file_key(entry, analysis_key))


def file_key(entry: FileEntry, analysis_key: str) -> str:
    """The analysis key, and the outlet newsdesk.toml or a sidecar names for the
    file: naming another outlet re-reads the file though its bytes are the same."""
    return f"{entry.outlet.key}|{analysis_key}" if entry.outlet else analysis_key


def unchanged(size: int, mtime: float, content: str, entry: FileEntry, key: str) -> bool:
    """The indexer's test of a file against what the last commit recorded of it
    (its size, time and ``hash|key``), with ``key`` from :func:`file_key`."""
    return size == entry.size and mtime == entry.mtime and str(content).endswith(f"|{key}")
