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

import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from . import codec, engines, outlets
from .corpus import Corpus, FileEntry, without_clashing_ids
from .damage import READ_DAMAGE, IndexDamaged, clear, describe, marked
from .engines.base import Engine, Reader, Writer
from .freshness import file_key, unchanged
from .incremental import memo_documents, plan_views, stored_digests, stored_memo
from .listing import head
from .model import Article, Skipped, Story
from .passages import passage_key
from .progress import (
    ANALYSING,
    COMPARING,
    LISTING,
    READABLE,
    READING,
    SAVING,
    SEARCHABLE,
    WRITING,
    Progress,
    Reporter,
)
from .readers import read
from .store import (
    ARTICLES_UID,
    CATALOG_UID,
    FORMAT,
    FORMAT_UID,
    LISTING_HEAD_UID,
    LISTING_UID,
    PENDING_UID,
    STATE_UID,
    STORIES_UID,
    IndexOutdated,
    check_format,
    claimed,
    compared_document,
    compared_now,
    pack,
    unpack,
)

# Per-article analysis (mentions, facts) as plain JSON data, one dict per article;
# ``{"skipped": reason}`` leaves an article out with the reason.
Analyser = Callable[[Sequence[Article]], list[dict[str, Any]]]
# Corpus-wide state from every article's analysis: {article id: analysis}.
Summariser = Callable[[dict[str, dict[str, Any]]], dict[str, Any]]


class Pending(Protocol):
    """A batch's analysis under way: ``result(tick)`` waits for it (telling
    ``tick(done, of)`` as articles are done), ``cancel()`` drops it."""

    def result(self, tick: Callable[[int, int], None]) -> list[dict[str, Any]]: ...

    def cancel(self) -> None: ...


# Begins the analysis of a batch (its articles, and how many files the run has
# from this batch on) and returns at once.
Starter = Callable[[list[Article], int], Pending]


class Summarising(Protocol):
    """The corpus-wide pass under way elsewhere: ``result()`` waits for it."""

    def result(self) -> dict[str, Any]: ...

    def cancel(self) -> None: ...


# Begins ``summarise(analyses, memo, changed)`` in another process, or None.
SummariserApart = Callable[
    [dict[str, dict[str, Any]], dict[str, Any], set[str]], Summarising | None
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
        }


@dataclass
class _Known:
    size: int
    mtime: int
    hash: str


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
                ready = _finish_chunk(writer, started[0], fresh, catalog, ready, state_missing)
                del started[0]
        if started:
            ready = _finish_chunk(writer, started[0], fresh, catalog, ready, state_missing)
            del started[0]
        replaced = set(summary.removed) | set(summary.updated)
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


def _batches(todo: list[FileEntry], size: int, first: int) -> Iterator[list[FileEntry]]:
    """``todo`` in batches of ``size``, the first one of ``first`` files: on a
    first index, the first articles are readable after seconds, not minutes."""
    start = min(first, size)
    if todo[:start]:
        yield todo[:start]
    for at in range(start, len(todo), size):
        yield todo[at : at + size]


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


def _first_look(
    reader: Reader,
    engine: Engine,
    new: tuple[dict[str, dict[str, Any]], _Catalog],
    summarise: Summariser | None,
    stories: list[dict[str, Any]],
) -> dict[str, Any]:
    """The first views of this update's new and changed articles, where they
    are few (see :mod:`index.first_look`). They are only a first look: the
    pass computes every view again, so one that cannot be had is left out
    (the pane then says the article is being compared, as before)."""
    if summarise is None or not _keeps_memo(summarise):
        return {}
    from .first_look import first_views

    try:
        fresh, catalog = new
        return first_views(reader, engine, fresh, stories, summarise, catalog.articles)
    except Exception:  # noqa: BLE001 - the pass that follows computes them
        return {}


def _keeps_memo(summarise: Summariser) -> bool:
    """Whether a corpus-wide pass takes what the last run kept (``memo``) and
    the articles read again: the analysis's does; a bare one (tests, older
    hooks) is given the analyses alone, and no first look is asked of it."""
    return "memo" in inspect.signature(summarise).parameters


def _pending(reader: Reader) -> set[str] | None:
    """The articles a stopped update committed before comparing them; None
    when its last pass was committed."""
    doc = reader.get("state", PENDING_UID)
    return set(unpack(doc["data"])["articles"]) if doc else None


def _commit_readable(writer: Writer, catalog: _Catalog) -> None:
    """Make the articles written so far visible (with a catalog, no corpus-wide
    state yet) and go on writing: the reader lists them at once. See
    :meth:`index.engines.base.Writer.checkpoint`."""
    _write_catalog(writer, catalog, [])
    writer.checkpoint()


@dataclass
class _Steps:
    """Progress within one batch, as counts of the whole run's files."""

    report: Reporter
    before: int  # files done before this batch
    total: int
    coming: int  # files of the run still to analyse, this batch's included

    def read(self, done: int, what: str) -> None:
        self.report(self.before + done, self.total, what, READING)

    def analysed(self, done: int, of: int, files: int) -> None:
        """``done`` of ``of`` articles analysed, in a batch of ``files`` files."""
        share = files * done // of if of else files
        self.report(self.before + share, self.total, "", ANALYSING)


def _open(index_path: Path, engine: Engine) -> tuple[_Catalog, bool, bool]:
    """The index's catalog, whether its state is missing and whether articles
    of it wait for the corpus-wide pass; an index that cannot be opened or
    read so far raises :class:`IndexDamaged`."""
    claimed(index_path)
    if not engine.exists(index_path):
        return _Catalog({}, {}, lambda: ({}, {})), True, False
    reader = engine.reader(index_path)
    check_format(reader, index_path)
    return _catalog(reader), _state_missing(reader), reader.has("state", PENDING_UID)


@dataclass
class _Catalog:
    """What opening the index needs, kept in documents of its own (see ``store``):
    ``files`` path -> [size, mtime, hash] and ``skips`` path -> skipped entries
    (all a run with nothing to do reads); ``articles`` id -> metadata and
    ``leads`` id -> lead of an untitled article, read only when a run writes."""

    files: dict[str, list[Any]]
    skips: dict[str, list[dict[str, str]]]
    load: Callable[[], tuple[dict[str, dict[str, Any]], dict[str, str]]]
    _articles: dict[str, dict[str, Any]] | None = None
    _leads: dict[str, str] | None = None
    _by_path: dict[str, list[str]] | None = None  # path -> article ids, built when needed

    @property
    def articles(self) -> dict[str, dict[str, Any]]:
        if self._articles is None:
            self._articles, self._leads = self.load()
        return self._articles

    @property
    def leads(self) -> dict[str, str]:
        self.articles  # noqa: B018 (loads both)
        assert self._leads is not None
        return self._leads

    def known(self) -> dict[str, _Known]:
        return {path: _Known(*entry) for path, entry in self.files.items()}

    def skipped(self) -> list[Skipped]:
        return [Skipped(**entry) for found in self.skips.values() for entry in found]

    def paths(self) -> dict[str, str]:
        return {aid: row["path"] for aid, row in self.articles.items()}

    def drop(self, paths) -> None:
        """Forget files (gone, or about to be read again) and their articles."""
        paths = list(paths)
        if not paths:
            return
        if self._by_path is None:
            self._by_path = {}
            for aid, row in self.articles.items():
                self._by_path.setdefault(row["path"], []).append(aid)
        for path in paths:
            self.files.pop(path, None)
            self.skips.pop(path, None)
            for aid in self._by_path.pop(path, ()):
                self.articles.pop(aid, None)
                self.leads.pop(aid, None)

    def add_file(self, entry: FileEntry, content_hash: str, skipped: list[Skipped]) -> None:
        self.files[entry.id] = [entry.size, entry.mtime, content_hash]
        self.skips.pop(entry.id, None)
        if skipped:
            self.skips[entry.id] = [s.to_json() for s in skipped]

    def add_article(self, article: Article) -> None:
        self.articles[article.id] = article.to_json()
        if self._by_path is not None:
            self._by_path.setdefault(article.path, []).append(article.id)
        if not article.title and article.passages:
            self.leads[article.id] = article.lead

    def listing(self) -> list[list[str | None]]:
        """The sources list's rows, in id order: id, source, date, raw date,
        title, lead (compact: the reader reads it at every start)."""
        fields = ("source", "date", "date_raw", "title")
        return [
            [aid, *(self.articles[aid].get(f) for f in fields), self.leads.get(aid, "")]
            for aid in sorted(self.articles)
        ]


def _write_catalog(writer: Writer, catalog: _Catalog, stories: list[dict[str, Any]]) -> None:
    files = {"files": catalog.files, "skips": catalog.skips}
    articles = {"articles": catalog.articles, "leads": catalog.leads}
    rows = catalog.listing()
    writer.replace({"uid": FORMAT_UID, "kind": "catalog", "data": pack(FORMAT)})
    writer.replace({"uid": CATALOG_UID, "kind": "catalog", "data": pack(files)})
    writer.replace({"uid": ARTICLES_UID, "kind": "catalog", "data": pack(articles)})
    writer.replace({"uid": LISTING_UID, "kind": "catalog", "data": pack(rows)})
    listing_head = pack(head(rows, codec.from_json(stories, list[Story])))
    writer.replace({"uid": LISTING_HEAD_UID, "kind": "catalog", "data": listing_head})
    writer.replace({"uid": STORIES_UID, "kind": "catalog", "data": pack(stories)})


def _catalog(reader: Reader) -> _Catalog:
    """The catalog of the last commit (empty before the first)."""
    doc = reader.get("catalog", CATALOG_UID)
    if doc is None:
        return _Catalog({}, {}, lambda: ({}, {}))
    data = unpack(doc["data"])
    return _Catalog(data["files"], data["skips"], partial(_stored_articles, reader))


def _stored_articles(reader: Reader) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    doc = reader.get("catalog", ARTICLES_UID)
    data = unpack(doc["data"]) if doc else {}
    return data.get("articles", {}), data.get("leads", {})


def _plan(catalog: _Catalog, entries: list[FileEntry], key: str):
    """What is known, what must be (re)read and what is gone, as of the last commit."""
    known = catalog.known()
    todo = [e for e in entries if not _unchanged(known.get(e.id), e, file_key(e, key))]
    gone = sorted(set(known) - {e.id for e in entries})
    return known, todo, gone


def _unchanged(known: _Known | None, entry: FileEntry, key: str) -> bool:
    return known is not None and unchanged(known.size, known.mtime, known.hash, entry, key)


def _state_missing(reader: Reader) -> bool:
    """Whether the index holds no corpus-wide state, or one of another version
    of the comparison (:data:`index.store.COMPARISON`): either way every
    article is compared again, as on a first index."""
    # the state is not read: it is one document holding the whole of it
    return not reader.has("state", STATE_UID) or not compared_now(reader)


@dataclass
class _Batch:
    """A batch of files read: the articles to analyse, and what to write once
    their analyses are back."""

    steps: _Steps
    files: int
    fresh: list[tuple[FileEntry, list[Article], list[Skipped], str]]
    articles: list[Article]
    analysis: Pending


def _read_chunk(
    writer: Writer,
    chunk,
    known,
    summary: Summary,
    catalog: _Catalog,
    steps: _Steps,
    *,
    key: str,
    quiet: bool,
    start: Starter,
) -> _Batch:
    """Read one batch of files: unchanged ones are written at once, the others
    are handed to the analyser and returned. ``key`` is the analysis's key,
    ``quiet`` reads without telling progress, ``start`` starts the analysis."""
    fresh: list[tuple[FileEntry, list[Article], list[Skipped], str]] = []
    for done, entry in enumerate(chunk):
        if not quiet:
            steps.read(done, entry.id)
        result, sha = read(entry.full_path, entry.id)
        result.articles = outlets.apply(entry.outlet, result.articles)
        content_hash = f"{sha}|{file_key(entry, key)}"
        previous = known.get(entry.id)
        if previous and previous.hash == content_hash and sha:
            writer.replace(_file_doc(entry, content_hash, result.skipped))
            catalog.add_file(entry, content_hash, result.skipped)
            summary.unchanged += 1
            continue
        (summary.updated if previous else summary.added).append(entry.id)
        fresh.append((entry, result.articles, result.skipped, content_hash))
    articles = [a for _, found, _, _ in fresh for a in found]
    if not quiet:
        steps.read(len(chunk), chunk[-1].id)
    return _Batch(steps, len(chunk), fresh, articles, start(articles, steps.coming))


def _finish_chunk(
    writer: Writer,
    batch: _Batch,
    blobs: dict[str, dict[str, Any]],
    catalog: _Catalog,
    ready: int,
    first_index: bool,
) -> int:
    """Wait for a batch's analyses and write its articles; on a first index,
    commit them so they can be read at once. Returns the files now done."""
    tick = partial(batch.steps.analysed, files=batch.files)
    tick(0, len(batch.articles))  # said at once: the first results may take seconds
    analyses = batch.analysis.result(tick)
    by_id = {a.id: extra for a, extra in zip(batch.articles, analyses, strict=True)}
    catalog.drop(entry.id for entry, _, _, _ in batch.fresh)
    for entry, found, skipped, content_hash in batch.fresh:
        # An analyser may refuse an article (too long to analyse): it is skipped, said why.
        refused = [a for a in found if "skipped" in by_id[a.id]]
        if refused:
            skipped = skipped + [Skipped(a.id, by_id[a.id]["skipped"]) for a in refused]
            found = [a for a in found if "skipped" not in by_id[a.id]]
        writer.delete_article(entry.id)
        writer.replace(_file_doc(entry, content_hash, skipped))
        catalog.add_file(entry, content_hash, skipped)
        for article in found:
            blobs[article.id] = _add_article(writer, article, by_id[article.id])
            catalog.add_article(article)
    ready += batch.files
    total = batch.steps.total
    if first_index and ready < total:
        _commit_readable(writer, catalog)
        batch.steps.report(ready, total, "", READABLE)
    return ready


class _Later:
    """An analyser with no way to start early: it runs when its result is asked for."""

    def __init__(self, analyse: Analyser | None, articles: list[Article], coming: int) -> None:
        self.analyse, self.articles, self.coming = analyse, articles, coming

    def result(self, tick: Callable[[int, int], None]) -> list[dict[str, Any]]:
        return _analysed(self.analyse, self.articles, tick, self.coming)

    def cancel(self) -> None:
        """Nothing was started."""


def _analysed(
    analyse: Analyser | None,
    articles: list[Article],
    tick: Callable[[int, int], None],
    coming: int,
) -> list[dict[str, Any]]:
    """``analyse(articles)``, telling ``tick(done, of)`` as articles are analysed
    where the analyser can say, and how many files the run has from this batch
    on (``index.analysis.Analysis`` takes both: it starts its workers for a
    large run even for its small first and last batches)."""
    if not analyse or not articles:
        tick(len(articles), len(articles))
        return [{} for _ in articles]
    tick(0, len(articles))  # said at once: the first results may take seconds (loading NLP)
    takes = inspect.signature(analyse).parameters
    extra: dict[str, Any] = {"progress": tick} if "progress" in takes else {}
    if "coming" in takes:
        extra["coming"] = coming
    found = analyse(articles, **extra)
    tick(len(articles), len(articles))
    return found


def _file_doc(entry: FileEntry, content_hash: str, skipped: list[Skipped] | None) -> dict:
    doc = {
        "uid": f"file:{entry.id}",
        "kind": "file",
        "path": entry.id,
        "size": entry.size,
        "mtime": entry.mtime,
        "hash": content_hash,
    }
    if skipped:
        doc["data"] = pack([s.to_json() for s in skipped])
    return doc


def _add_article(writer: Writer, article: Article, analysis: dict[str, Any]) -> dict[str, Any]:
    meta = article.to_json()
    common = {
        "article": article.id,
        "path": article.path,
        "source": article.source or "",
        "title": article.title or "",
        "date": article.date or "",
    }
    blob = {"article": article.to_json(with_text=True), **analysis}
    fields_by_passage = analysis.get("passage_fields", {})
    writer.write(
        [
            {"uid": article.id, "kind": "article", "data": pack(meta), **common},
            {"uid": f"blob:{article.id}", "kind": "blob", "data": pack(blob), **common},
            *(
                {
                    "uid": passage_key(article.id, passage.number),
                    "kind": "passage",
                    "number": passage.number,
                    "start": passage.start,
                    "end": passage.end,
                    "text": passage.text,
                    **common,
                    **fields_by_passage.get(str(passage.number), {}),
                }
                for passage in article.passages
            ),
        ]
    )
    return blob


def _write_derived(
    writer: Writer,
    state: dict[str, Any],
    again: set[str],
    paths: dict[str, str],
    stored: tuple[bool, dict[str, Any]],
    report: Reporter,
) -> None:
    """Write the views that changed (all of them on a first index) and what the
    next run needs to tell which (see :mod:`index.incremental`). ``stored``
    says whether this is a first index and holds the memo the index holds:
    only the memo's shards that changed are written."""
    first, last = stored
    before = {} if first else stored_digests(writer.reader())
    kept = state.pop("views_kept", [])
    views = plan_views(state.pop("views", {}), before, again, kept)
    _write_views(writer, views.write, paths, report)
    writer.replace(views.document())
    for document in memo_documents(state.pop("memo", {}), last):
        writer.replace(document)


def _write_state(writer: Writer, state: dict[str, Any]) -> None:
    """The corpus-wide state, one document written whole."""
    writer.replace({"uid": STATE_UID, "kind": "state", "data": pack(state)})
    writer.replace(compared_document())


def _write_views(
    writer: Writer, views: dict[str, Any], paths: dict[str, str], report: Reporter
) -> None:
    """One document of cross-source views per article, looked up as the reader moves."""
    for done, (article_id, view) in enumerate(views.items()):
        report(done, len(views), "", WRITING)
        writer.replace(
            {
                "uid": f"views:{article_id}",
                "kind": "views",
                "article": article_id,
                "path": paths.get(article_id, article_id),
                "data": pack(view),
            }
        )


def _analyses(
    reader: Reader, fresh: dict[str, dict[str, Any]], replaced: set[str]
) -> dict[str, dict[str, Any]]:
    """Every article's analysis: the stored ones (minus files replaced in this
    run) and the fresh ones."""
    analyses: dict[str, dict[str, Any]] = {}
    for doc in reader.documents("blob"):
        if doc["path"] not in replaced:
            data = unpack(doc["data"])
            analyses[data["article"]["id"]] = data
    analyses.update(fresh)
    return analyses


def _corpus_state(
    reader: Reader,
    read: tuple[dict[str, dict[str, Any]], set[str]],
    replaced: set[str],
    summarise: Summariser | None,
    memo: dict[str, Any],
    analyses: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The corpus-wide state over the stored analyses (minus files replaced in
    this run) and the fresh ones, so it can be committed with them; ``read``
    is the fresh analyses and the articles to compare again (the fresh ones
    and those a stopped update committed); ``memo`` is what the last run kept
    (see :func:`index.incremental.stored_memo`); ``analyses``, where already
    read, are those analyses."""
    fresh, again = read
    if analyses is None:
        analyses = _analyses(reader, fresh, replaced)
    if summarise is None:
        return {"articles": len(analyses)}
    if _keeps_memo(summarise):
        # What the last run computed, and the articles read again (their
        # views were deleted with their documents, so they are always written).
        # Views are kept only against the digests they were stored under.
        last = memo if stored_digests(reader) else {}
        return summarise(analyses, memo=last, changed=set(again))  # type: ignore[call-arg]
    return summarise(analyses)
