"""Build or update the index of a corpus, redoing only what changed.

A file whose size and modification time are unchanged is not even opened; one
whose bytes hash the same is not parsed again. New and changed files are read,
analysed (NLP and facts, when an analyser is given) and written; files that
are gone are removed. Everything lands in one commit of the index's engine
(see :mod:`index.engines`), so a run that is
killed leaves the previous index whole, and readers never see half a run.

A first index (no corpus-wide state yet) is the exception: nothing is there to
keep whole, and a user waits minutes for it, so each batch of articles is
committed as soon as it is written (without the corpus-wide state, which comes
with the last commit). A stopped first index keeps its batches; the next run
goes on from there.

An update commits twice for the same reason: the corpus-wide pass reads the
whole corpus (tens of seconds to minutes), so once its new and changed files
are written and its deleted ones removed, they are committed with the last
pass's stories, entities and views as they were, and a document
(``store.PENDING_UID``) naming the articles not compared yet; the pass then
runs and its commit drops that document. An index holding it is not current:
a stopped update leaves it, and the next run compares those articles again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from . import engines
from .build_batches import (
    Analyser,
    Starter,
    _add_article,
    _Batch,
    _batches,
    _file_doc,
    _kept_as_stored,
    _Later,
    _read_chunk,
    _Steps,
)
from .build_catalog import _Catalog, _catalog, _open, _pending, _plan, _write_catalog
from .build_pass import (
    Summariser,
    SummariserApart,
    _analyses,
    _corpus_state,
    _first_look,
    _write_derived,
    _write_state,
    _write_views,
)
from .corpus import Corpus, without_clashing_ids
from .damage import READ_DAMAGE, IndexDamaged, clear, describe, marked
from .engines.base import Engine, Writer
from .incremental import stored_memo
from .model import Skipped
from .progress import COMPARING, LISTING, READABLE, SAVING, SEARCHABLE, Progress, Reporter
from .store import FORMAT, PENDING_UID, STORIES_UID, IndexOutdated, pack, unpack

__all__ = [
    "FIRST_BATCH",
    "Progress",
    "Summary",
    "update",
]

FIRST_BATCH = 16  # files in a first index's first commit: read within seconds


@dataclass
class Summary:
    """What an indexing run did, for the user."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    rebuilt: str = ""  # why the index was found damaged and rebuilt, when it was
    # Of ``updated``, the files read again (a new version of newsdesk's rules
    # or of the model) whose articles and analyses came out as they were.
    alike: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "skipped": [s.to_json() for s in self.skipped],
            **({"rebuilt": self.rebuilt} if self.rebuilt else {}),
            **({"alike": self.alike} if self.alike else {}),
        }


def update(corpus: Corpus, index_path: Path, **options: Any) -> Summary:
    """Bring the index at ``index_path`` up to date with ``corpus`` (see
    :func:`_update` for the options); a damaged index, found so now or marked
    by a reader before, is rebuilt from the corpus (see :mod:`index.damage`)."""
    options["engine"] = options.get("engine") or engines.get()
    why = marked(index_path)
    said = f"was damaged ({why})"
    if why is None:
        try:
            return _update(corpus, index_path, **options)
        except IndexOutdated as outdated:
            said = f"was written in another format ({_format_name(outdated.found)})"
        except IndexDamaged as damaged:
            said = f"was damaged ({damaged.reason})"
        except (*READ_DAMAGE, *options["engine"].damage) as error:
            said = f"was damaged ({describe(error)})"
    clear(index_path, options["engine"], options.get("wait", 10.0))
    summary = _update(corpus, index_path, **options)
    summary.rebuilt = f"the index at {index_path} {said}; rebuilt it from the corpus"
    return summary


def _format_name(found: Any) -> str:
    return f"format {found}, not {FORMAT}" if found is not None else f"before format {FORMAT}"


def _update(
    corpus: Corpus,
    index_path: Path,
    *,
    engine: Engine,
    analyse: Analyser | None = None,
    start: Starter | None = None,
    summarise: Summariser | None = None,
    summarise_apart: SummariserApart | None = None,
    progress: Progress | None = None,
    batch: int = 256,
    analysis_key: str = "",
    wait: float = 10.0,
) -> Summary:
    """Bring the index at ``index_path`` up to date with ``corpus``.

    ``analysis_key`` names the analysis (model, extractor version): files
    analysed under another key are redone even when their bytes are unchanged.
    ``start``, where given, begins ``analyse``'s work on a batch and returns at
    once (see :class:`Pending`), so the next batch is analysed while this one
    is written; ``summarise_apart``, where given, begins ``summarise`` in
    another process (or returns None where it cannot), so that a first index
    merges its segments meanwhile.
    A first index (one with no corpus-wide state yet) commits each batch of
    articles as it is done, so they can be read while the rest is analysed.
    """
    report = Reporter(progress)
    catalog, state_missing, pending = _open(index_path, engine)
    walk_skipped: list[Skipped] = []
    report(0, 0, "", LISTING)
    entries = without_clashing_ids(list(corpus.walk(walk_skipped)), walk_skipped)
    report(len(entries), len(entries), "", LISTING)
    known, todo, gone = _plan(catalog, entries, analysis_key)
    summary = Summary(unchanged=len(entries) - len(todo))
    if not todo and not gone and not state_missing and not pending:
        summary.skipped = catalog.skipped() + walk_skipped
        engine.keep_sidecar(index_path)
        return summary
    writer = engine.writer(index_path, wait)
    fresh: dict[str, dict[str, Any]] = {}
    kept: set[str] = set()  # files read again whose articles are stored as they are
    started: list[_Batch] = []  # batches handed to the analyser, not yet written
    try:
        # Another process may have committed while this one waited for the lock.
        catalog = _catalog(writer.reader())
        # Articles a stopped update committed without comparing them (a
        # document listing none: it only removed files).
        earlier = _pending(writer.reader())
        known, todo, gone = _plan(catalog, entries, analysis_key)
        summary.unchanged = len(entries) - len(todo)
        for path in gone:
            writer.delete_article(path)
            summary.removed.append(path)
        catalog.drop(gone)
        ready = len(entries) - len(todo)
        if state_missing:
            report(ready, len(entries), "", READABLE)
        starter = start or partial(_Later, analyse)
        # One batch ahead: the next batch is read and handed to the analyser
        # before the last one is written and committed, so that the worker
        # processes analyse while this process writes.
        before = ready
        for chunk in _batches(todo, batch, FIRST_BATCH if state_missing else batch):
            steps = _Steps(report, before, len(entries), len(todo) - (before - ready))
            # Reading is quick; while a batch is ahead, its analysis is what progress tells.
            started.append(
                _read_chunk(
                    writer,
                    chunk,
                    known,
                    summary,
                    catalog,
                    steps,
                    key=analysis_key,
                    quiet=bool(started),
                    start=starter,
                )
            )
            before += len(chunk)
            if len(started) > 1:
                ready = _finish_chunk(
                    writer, started[0], (fresh, kept), catalog, ready, state_missing
                )
                del started[0]
        if started:
            ready = _finish_chunk(writer, started[0], (fresh, kept), catalog, ready, state_missing)
            del started[0]
        replaced = set(summary.removed) | (set(summary.updated) - kept)
        summary.alike = sorted(kept)
        # What the pass compares again: this run's articles and those a
        # stopped update committed (their views were deleted or never written).
        again = set(fresh) | ((earlier or set()) & set(catalog.articles))
        first_commit = not state_missing and bool(fresh or summary.removed)
        if first_commit:
            look = partial(_first_look, writer.reader(), engine, (fresh, catalog), summarise)
            _commit_searchable(writer, catalog, again, look)
            report(len(entries), len(entries), "", SEARCHABLE)
        report(0, len(catalog.articles), "", COMPARING)
        last = {} if state_missing else stored_memo(writer.reader())
        from .corpus_pass import collector_paused

        with collector_paused():  # reading every analysis makes millions of objects
            away, analyses = None, None
            if state_missing and summarise_apart is not None:
                analyses = _analyses(writer.reader(), fresh, replaced)
                away = summarise_apart(analyses, {}, set(fresh))
            if away is None:
                state = _corpus_state(
                    writer.reader(), (fresh, again), replaced, summarise, last, analyses
                )
        if away is not None:
            # A first index: the corpus-wide pass runs in another process while
            # this one merges the batches' segments (each takes a core for as
            # long as the other); every article can be read from here on.
            try:
                _write_catalog(writer, catalog, [])
                writer.checkpoint(merge=True)
                state = away.result()
            except BaseException:
                away.cancel()
                raise
        _write_derived(writer, state, again, catalog.paths(), (state_missing, last), report)
        _write_state(writer, state)
        if earlier is not None or first_commit:
            writer.delete("state", PENDING_UID)  # every article is compared
        _write_catalog(writer, catalog, state.get("stories", []))
        report(len(entries), len(entries), "", SAVING)
        writer.commit()
    except BaseException:
        for begun in started:
            begun.analysis.cancel()  # not minutes of NLP for a run that stopped
        writer.cancel()
        raise
    summary.skipped = catalog.skipped() + walk_skipped
    return summary


def _commit_searchable(
    writer: Writer,
    catalog: _Catalog,
    again: set[str],
    look: Callable[[list[dict[str, Any]]], dict[str, Any]] | None = None,
) -> None:
    """Make an update's articles visible before the corpus-wide pass: the
    catalog as it now is (new articles listed, deleted ones gone), the last
    pass's stories, and the articles not compared yet (see the module's
    description); everything else stays as the last pass committed it.
    ``look``, given the last pass's stories, returns the first views of a few
    new articles (see :mod:`index.first_look`): they are committed with them."""
    found = writer.reader().get("catalog", STORIES_UID)
    stories = unpack(found["data"]) if found else []
    _write_catalog(writer, catalog, stories)
    first = look(stories) if look is not None else {}
    _write_views(writer, first, catalog.paths(), Reporter(None))
    pending = {"articles": sorted(again), "first_look": sorted(first)}
    writer.replace({"uid": PENDING_UID, "kind": "state", "data": pack(pending)})
    writer.checkpoint()


def _commit_readable(writer: Writer, catalog: _Catalog) -> None:
    """Make the articles written so far visible (with a catalog, no corpus-wide
    state yet) and go on writing: the reader lists them at once. See
    :meth:`index.engines.base.Writer.checkpoint`."""
    _write_catalog(writer, catalog, [])
    writer.checkpoint()


def _finish_chunk(
    writer: Writer,
    batch: _Batch,
    written: tuple[dict[str, dict[str, Any]], set[str]],
    catalog: _Catalog,
    ready: int,
    first_index: bool,
) -> int:
    """Wait for a batch's analyses and write its articles; on a first index,
    commit them so they can be read at once. Returns the files now done.
    ``written`` gets the analyses written, by article id, and the files read
    again whose articles and analyses the index already held as they are
    (a new analysis key that changes nothing in them): those are not written."""
    blobs, kept = written
    tick = partial(batch.steps.analysed, files=batch.files)
    tick(0, len(batch.articles))  # said at once: the first results may take seconds
    analyses = batch.analysis.result(tick)
    by_id = {a.id: extra for a, extra in zip(batch.articles, analyses, strict=True)}
    stored = {entry.id: catalog.ids_of(entry.id) for entry, _, _, _ in batch.fresh}
    catalog.drop(entry.id for entry, _, _, _ in batch.fresh)
    for entry, found, skipped, content_hash in batch.fresh:
        # An analyser may refuse an article (too long to analyse): it is skipped, said why.
        refused = [a for a in found if "skipped" in by_id[a.id]]
        if refused:
            skipped = skipped + [Skipped(a.id, by_id[a.id]["skipped"]) for a in refused]
            found = [a for a in found if "skipped" not in by_id[a.id]]
        # Read again and analysed as the index holds it (a new key that changes
        # nothing here): its documents stay, and the pass is told of no change.
        renewed = None
        if not refused:
            analysed = [by_id[a.id] for a in found]
            renewed = _kept_as_stored(writer, found, analysed, (stored[entry.id], batch.spans))
        if renewed is None:
            writer.delete_article(entry.id)
        else:
            kept.add(entry.id)
            for document in renewed:  # the model's spans, where they changed
                writer.replace(document)
        writer.replace(_file_doc(entry, content_hash, skipped))  # under this run's key
        catalog.add_file(entry, content_hash, skipped)
        for article in found:
            if renewed is None:
                blobs[article.id] = _add_article(writer, article, by_id[article.id])
            catalog.add_article(article)
    ready += batch.files
    total = batch.steps.total
    if first_index and ready < total:
        _commit_readable(writer, catalog)
        batch.steps.report(ready, total, "", READABLE)
    return ready
