"""Find the article files under the folders a user names.

Folders are walked recursively, following symbolic links but never around a
loop; hidden files and folders are ignored; broken links, loops and folders
that cannot be opened are reported, not raised.

A symbolic link is followed only where it leads inside the corpus (as rsync's
``--safe-links`` keeps a copy to its tree): a folder from someone else holding
``notes.txt -> ~/.ssh/id_rsa`` or ``all -> /`` would otherwise put the user's
own files among the articles, in search results and in exported reports. Such
a link is reported and left alone unless ``NEWSDESK_FOLLOW_LINKS`` is set (a
folder of links to articles kept elsewhere), or its target is given as a path.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from .formats import format_of
from .model import Skipped
from .outlets import NOT_ARTICLES, Given, Outlets
from .sidecar import corpus_key

FOLLOW_ENV = "NEWSDESK_FOLLOW_LINKS"


@dataclass(frozen=True)
class FileEntry:
    """One article file: where it is, its id in the corpus and its stat."""

    full_path: str
    id: str
    size: int
    mtime: int
    outlet: Given | None = None  # named by newsdesk.toml or a sidecar (index.outlets)


@dataclass(frozen=True)
class Corpus:
    """The folders (or files) one index covers, and the root ids are relative to."""

    roots: tuple[str, ...]
    base: str
    # Follow symbolic links wherever they lead (``NEWSDESK_FOLLOW_LINKS``); by
    # default only those whose target is inside one of the roots.
    follow_links: bool = False

    @classmethod
    def of(
        cls, paths: Sequence[str | os.PathLike[str]], follow_links: bool | None = None
    ) -> Corpus:
        roots = tuple(sorted({os.path.abspath(os.fspath(p)) for p in paths}))
        if not roots:
            raise ValueError("no corpus folder given")
        dirs = [r if os.path.isdir(r) else os.path.dirname(r) for r in roots]
        base = os.path.commonpath(dirs) if len(dirs) > 1 else dirs[0]
        if follow_links is None:
            follow_links = following_links()
        return cls(roots, base, follow_links)

    @property
    def key(self) -> str:
        """A stable name for this corpus, used to pick its index folder."""
        return corpus_key(list(self.roots))

    def id_of(self, full_path: str) -> str:
        """The path relative to the corpus folder, always printable Unicode.

        A file name that is not valid UTF-8 decodes to lone surrogates, which
        cannot be written to a terminal, a JSON file or the index; its bad
        bytes are spelled ``\\xff`` instead, so the id stays unique and usable.
        """
        prefix = self.base if self.base.endswith(os.sep) else self.base + os.sep
        if full_path.startswith(prefix) and f"{os.sep}..{os.sep}" not in full_path:
            relative = full_path[len(prefix) :]  # the walk's own paths: no need to normalise
        else:
            relative = os.path.relpath(full_path, self.base)
        if os.sep != "/":
            relative = relative.replace(os.sep, "/")
        if relative.isascii():
            return relative
        return os.fsencode(relative).decode("utf-8", "backslashreplace")

    def walk(
        self, skipped: list[Skipped], folders: dict[str, int] | None = None
    ) -> Iterator[FileEntry]:
        """Every article file once, in a stable order; problems go to ``skipped``,
        and every folder listed to ``folders`` (with its modification time in
        ns, taken before its listing) when given.

        A file named on its own and inside a folder also named (``newsdesk
        index notes notes/a.txt``) is one file: read twice, its articles were
        indexed twice under the same ids."""
        seen: set[tuple[int, int]] = set()
        ids: set[str] = set()
        outlets = Outlets(self.roots, skipped)
        inside = None if self.follow_links else _Inside(self.roots)
        for root in self.roots:
            if not os.path.exists(root):
                skipped.append(Skipped(root, "no such file or folder"))
                continue
            if os.path.isdir(root):
                found = self._walk_dir(root, seen, skipped, folders, inside)
            else:
                found = self._entry(root, skipped, explicit=True)
            for entry in found:
                if entry.id not in ids:
                    ids.add(entry.id)
                    outlet = outlets.of(entry.full_path)
                    yield replace(entry, outlet=outlet) if outlet else entry

    def _walk_dir(
        self,
        top: str,
        seen: set[tuple[int, int]],
        skipped: list[Skipped],
        folders: dict[str, int] | None = None,
        inside: _Inside | None = None,
    ):
        """Depth first with a stack of our own, not recursion: a folder tree
        deeper than Python's recursion limit (hostile or generated) is still
        walked instead of ending the whole run with a RecursionError. Whether
        a name is a folder comes with the folder's listing (no ``stat`` of
        its own): the update check before every search is this walk."""
        stack = [iter([(top, True)])]
        while stack:
            item = next(stack[-1], None)
            if item is None:
                stack.pop()
            elif item[1]:
                found = self._open_dir(item[0], seen, skipped, folders, inside)
                if found:
                    stack.append(iter(found))
            else:
                yield from self._entry(item[0], skipped)

    def _open_dir(
        self,
        top: str,
        seen: set[tuple[int, int]],
        skipped: list[Skipped],
        folders: dict[str, int] | None = None,
        inside: _Inside | None = None,
    ):
        """The visible paths in folder ``top`` in name order, each with whether
        it is a folder (a link to one too), or None (reported) if it cannot be
        read. A link leading out of the corpus is reported and left out where
        ``inside`` is given (see the module's description)."""
        try:
            info = os.stat(top)
        except OSError as error:
            skipped.append(Skipped(self.id_of(top), f"cannot open folder: {error.strerror}"))
            return None
        if (info.st_dev, info.st_ino) in seen:
            skipped.append(Skipped(self.id_of(top), "symbolic link loop (folder already read)"))
            return None
        seen.add((info.st_dev, info.st_ino))
        if folders is not None:
            folders[top] = info.st_mtime_ns
        try:
            with os.scandir(top) as listing:
                names = sorted((e.name, e) for e in listing if not e.name.startswith("."))
        except OSError as error:
            skipped.append(Skipped(self.id_of(top), f"cannot open folder: {error.strerror}"))
            return None
        found = []
        for name, entry in names:
            path = os.path.join(top, name)
            is_dir = _is_dir(entry)
            if inside is not None and entry.is_symlink() and not inside(path):
                if is_dir or self._article_name(path):
                    what = "folder" if is_dir else "file"
                    reason = (
                        f"symbolic link to a {what} outside the corpus: not followed "
                        f"(give its target as a path, or set {FOLLOW_ENV}=1)"
                    )
                    skipped.append(Skipped(self.id_of(path), reason))
                continue
            found.append((path, is_dir))
        return found

    @staticmethod
    def _article_name(path: str) -> bool:
        """Whether the walk reads a file of this name (a sidecar such as
        meta.json describes articles; it is none)."""
        return format_of(path) is not None and os.path.basename(path) not in NOT_ARTICLES

    def _entry(self, path: str, skipped: list[Skipped], explicit: bool = False):
        if not explicit and not self._article_name(path):
            return
        try:
            info = os.stat(path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                reason = "symbolic link loop"
            elif os.path.islink(path):
                reason = "broken symbolic link"
            else:
                reason = f"cannot be read: {error.strerror}"
            skipped.append(Skipped(self.id_of(path), reason))
            return
        yield FileEntry(path, self.id_of(path), info.st_size, info.st_mtime_ns)


def following_links() -> bool:
    """Whether ``NEWSDESK_FOLLOW_LINKS`` asks to follow every symbolic link."""
    return os.environ.get(FOLLOW_ENV, "").strip().lower() not in ("", "0", "no", "false", "off")


class _Inside:
    """Whether a path, its links resolved, is one of the corpus's roots or
    below one of its folders."""

    def __init__(self, roots: Sequence[str]) -> None:
        real = [os.path.realpath(root) for root in roots]
        self.files = frozenset(
            r for r, root in zip(real, roots, strict=True) if not os.path.isdir(root)
        )
        self.folders = tuple(r for r in real if r not in self.files)

    def __call__(self, path: str) -> bool:
        try:
            real = os.path.realpath(path)
        except (OSError, ValueError):
            return False
        if real in self.files:
            return True
        return any(
            real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)
            for folder in self.folders
        )


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """``os.path.isdir`` of a listed name, from the listing where it can."""
    try:
        return entry.is_dir()
    except OSError:
        return False


# Files holding several articles: their articles' ids are "path#N".
_MANY_ARTICLES = frozenset({"feed", "json", "jsonl"})
_ENTRY_ID = re.compile(r"(.+)#[0-9a-f]+")  # N, or a feed entry's digest


def without_clashing_ids(entries: list[FileEntry], skipped: list[Skipped]) -> list[FileEntry]:
    """``entries`` but a file whose id is that of another file's entry.

    The N-th article of ``feed.rss`` is ``feed.rss#N``; a file named
    ``feed.rss#2`` (only a file given by name can be: the walk reads known
    extensions) would share its id, and ``show`` would give one for the other.
    It is skipped, saying why, whatever order the files come in.
    """
    ids = {entry.id for entry in entries}
    kept = []
    for entry in entries:
        found = _ENTRY_ID.fullmatch(entry.id)
        owner = found.group(1) if found else None
        if owner in ids and format_of(owner or "") in _MANY_ARTICLES:
            reason = f"its name is the id of an article of {owner}; rename it to index it"
            skipped.append(Skipped(entry.id, reason))
        else:
            kept.append(entry)
    return kept
