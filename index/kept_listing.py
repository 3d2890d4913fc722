"""Whether the index a shell search would open is current, read with the
standard library only: the listing :mod:`index.freshness` keeps beside the
index (each folder's time, each file's size and time), the index's own files
and its last Whoosh commit, and the sources the analysis key and the stored
layout come from; with the name of the index folder a corpus has
(:attr:`index.corpus.Corpus.key`) and the bundled seeds' folder. Read by
:func:`index.sidecar.answer` before it opens a commit's word table.
"""

from __future__ import annotations

import marshal
import os

TYPE_CHECKING = False  # typing itself is not imported: it is most of what this would cost
if TYPE_CHECKING:
    from typing import Any

LISTING_PREFIX = ".newsdesk-listing-"  # index.freshness's kept listings
# What a kept listing holds (index.freshness writes it). 4: links out of the
# corpus are no longer followed, so a listing kept before holds files that are
# no longer the corpus's.
LISTING_LAYOUT = 4
# One file per layout: newsdesk versions sharing an index keep apart. Kept in
# marshal's format (json would import re, a fifth of a plain search's time);
# another Python's marshal that cannot read it is a listing not kept.
LISTING = LISTING_PREFIX + "{engine}-" + f"{LISTING_LAYOUT}.bin"
ENGINE = "whoosh"
TOC_PREFIX, TOC_SUFFIX = "_newsdesk_", ".toc"  # a Whoosh commit's table of contents
# The sources of what names the analysis and the stored layout
# (index.analysis_version.VERSION, index.nlp.DEFAULT_MODEL, index.store.FORMAT).
CODE = ("analysis_version.py", "nlp.py", "store.py")


def index_files(path: str | os.PathLike[str]) -> list[list[Any]]:
    """Every file of the index (its engines' folders included) with its size
    and time, the kept listings left out: a commit or a rebuild changes it,
    even one that reaches the same commit number as before."""
    found = []
    for top, _folders, names in os.walk(path):
        for name in names:
            if not name.startswith(LISTING_PREFIX):
                full = os.path.join(top, name)
                info = os.stat(full)
                found.append([os.path.relpath(full, path), info.st_size, info.st_mtime_ns])
    return sorted(found)


def code_files() -> list[list[Any]]:
    """The sources that say what the analysis key and the stored layout are,
    with their sizes and times (what Python's bytecode cache trusts too): a
    kept listing read without importing them holds while they are unchanged."""
    here = os.path.dirname(os.path.abspath(__file__))
    found = []
    for name in CODE:
        info = os.stat(os.path.join(here, name))
        found.append([name, info.st_size, info.st_mtime_ns])
    return found


def read_listing(path: str | os.PathLike[str], engine: str = ENGINE) -> Any:
    """The listing kept beside the index (see :mod:`index.freshness`), or None."""
    try:
        with open(os.path.join(path, LISTING.format(engine=engine)), "rb") as handle:
            return marshal.loads(handle.read())  # load(handle) reads it piece by piece
    except (OSError, ValueError, EOFError, TypeError):
        return None


def listing_holds(kept: Any) -> bool:
    """Whether every folder's time and every file's size and time in a kept
    listing are as they were."""
    try:
        stat = os.stat
        for folder, mtime in kept["folders"]:
            if stat(folder).st_mtime_ns != mtime:
                return False
        for path, size, mtime in kept["files"]:
            info = stat(path)
            if info.st_size != size or info.st_mtime_ns != mtime:
                return False
        for path, known in kept["watched"]:
            try:
                info = stat(path)
            except FileNotFoundError:
                if known is not None:
                    return False
                continue
            if known != [info.st_size, info.st_mtime_ns]:
                return False
        return True
    except (OSError, ValueError, KeyError, TypeError):
        return False


def latest_commit(files: list[list[Any]]) -> int:
    """The number of the last Whoosh commit among the index's files, -1 for none."""
    found = -1
    for name, _size, _mtime in files:
        if name.startswith(TOC_PREFIX) and name.endswith(TOC_SUFFIX):
            number = name[len(TOC_PREFIX) : -len(TOC_SUFFIX)]
            if number.isdecimal() and number.isascii():
                found = max(found, int(number))
    return found


def current_commit(
    path: str, roots: list[str], model: str | None, check_files: bool = True
) -> int | None:
    """The Whoosh commit of the index at ``path`` when the listing kept beside
    it holds (see :mod:`index.freshness`): the same index files, corpus,
    analysis and newsdesk sources, and (``check_files``) every corpus file as
    it was. ``model`` is the one named (``--model``, ``$NEWSDESK_MODEL``),
    None for the default. None whenever it cannot say."""
    kept = read_listing(path)
    try:
        layout, engine, generation, key, kept_roots, files = kept["key"]
        code = kept["code"]
        if engine != ENGINE or kept_roots != roots or code["files"] != code_files():
            return None
        if key != f"{model or code['default_model']}/{code['version']}":
            return None
        if layout != LISTING_LAYOUT or files != index_files(path):
            return None
        if latest_commit(files) != generation:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if check_files and not listing_holds(kept):
        return None
    return int(generation)


def corpus_key(roots: list[str]) -> str:
    """A stable name for a corpus of these (absolute, sorted) roots, which names
    its index folder (:attr:`index.corpus.Corpus.key`): the first root's folder
    name and a digest of them all. SHA-1 by CPython's own module: hashlib's
    OpenSSL takes longer to load (6-8 ms of CPU) than a search's whole update
    check, and gives the same digest."""
    try:
        from _sha1 import sha1
    except ImportError:  # an interpreter built without it
        from hashlib import sha1
    digest = sha1("\0".join(roots).encode()).hexdigest()[:12]
    name = os.path.basename(roots[0]) or "root"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:40]
    return f"{safe}-{digest}"


def seeds_folder() -> str | None:
    """index.seeds.seeds_dir, without pathlib, or None."""
    here = os.path.dirname(os.path.realpath(__file__))
    for candidate in (os.path.join(here, "seeds"), os.path.join(os.path.dirname(here), "seeds")):
        if os.path.isdir(candidate):
            return candidate
    return None
