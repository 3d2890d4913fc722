"""Whether an index is up to date, at the cost of listing the corpus's files.

Every command updates the index first, and an update that finds nothing to do
still imports the indexer (the readers, trafilatura, the comparison passes):
most of the time ``newsdesk search`` took on an unchanged corpus. This asks
the question the indexer's plan asks first (is every file's size, time and
analysis key what the last commit recorded, with none added or gone?) with
nothing but a walk of the folders and one catalog document, so a command only
pays for the indexer when there is something to index.
"""

from __future__ import annotations

from typing import Any

from .corpus import Corpus, FileEntry, without_clashing_ids
from .model import Skipped
from .store import STATE_UID, Store


def current(corpus: Corpus, store: Store, analysis_key: str) -> bool:
    """True when an update of ``store`` would find nothing to do: no file new,
    changed (size or modification time) or gone, none analysed under another
    key or outlet, and the corpus-wide state in place."""
    files = _recorded_files(store)
    if files is None:
        return False
    skipped: list[Skipped] = []
    entries = without_clashing_ids(list(corpus.walk(skipped)), skipped)
    if len(entries) != len(files):
        return False
    return all(_unchanged(files.get(entry.id), entry, analysis_key) for entry in entries)


def _recorded_files(store: Store) -> dict[str, list[Any]] | None:
    """The last commit's ``path -> [size, mtime, hash|key]``, or None when its
    corpus-wide state is missing (a first index stopped before comparing): the
    indexer's own test (see index.build._update). An index of another format
    never gets here: opening its store raises."""
    if not store.reader.has("state", STATE_UID):
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
