"""Build or update the index of a corpus, redoing only what changed.

A file whose size and modification time are unchanged is not even opened; one
whose bytes hash the same is not parsed again. New and changed files are read,
analysed (NLP and facts, when an analyser is given) and written; files that
are gone are removed. Everything lands in one Whoosh commit, so a run that is
killed leaves the previous index whole, and readers never see half a run.

A first index (no corpus-wide state yet) is the exception: nothing is there to
keep whole, and a user waits minutes for it, so each batch of articles is
committed as soon as it is written (without the corpus-wide state, which comes
with the last commit). A stopped first index keeps its batches; the next run
goes on from there.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from whoosh.writing import MERGE_SMALL, NO_MERGE, OPTIMIZE

from . import outlets
from .corpus import Corpus, FileEntry, without_clashing_ids
from .damage import OPEN_DAMAGE, READ_DAMAGE, IndexDamaged, clear, describe, marked
from .listing import head
from .model import Article, Skipped
from .progress import (
    ANALYSING,
    COMPARING,
    LISTING,
    READABLE,
    READING,
    SAVING,
    WRITING,
    Progress,
    Reporter,
)
from .readers import read
from .store import (
    ARTICLES_UID,
    CATALOG_UID,
    LISTING_HEAD_UID,
    LISTING_UID,
    STATE_UID,
    STORIES_UID,
    abandon,
    article_from_json,
    has_document,
    open_for_writing,
    pack,
    replace_document,
    stored_data,
    stored_fields,
    unpack,
    writer_for,
)

# Per-article analysis (mentions, facts) as plain JSON data, one dict per article;
# ``{"skipped": reason}`` leaves an article out with the reason.
Analyser = Callable[[Sequence[Article]], list[dict[str, Any]]]
# Corpus-wide state from every article's analysis: {article id: analysis}.
Summariser = Callable[[dict[str, dict[str, Any]]], dict[str, Any]]
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
    why = marked(index_path)
    if why is None:
        try:
            return _update(corpus, index_path, **options)
        except IndexDamaged as damaged:
            why = damaged.reason
        except READ_DAMAGE as error:
            why = describe(error)
    clear(index_path, options.get("wait", 10.0))
    summary = _update(corpus, index_path, **options)
    summary.rebuilt = f"the index at {index_path} was damaged ({why}); rebuilt it from the corpus"
    return summary


def _update(
    corpus: Corpus,
    index_path: Path,
    *,
    analyse: Analyser | None = None,
    summarise: Summariser | None = None,
    progress: Progress | None = None,
    batch: int = 256,
    analysis_key: str = "",
    wait: float = 10.0,
) -> Summary:
    """Bring the index at ``index_path`` up to date with ``corpus``.

    ``analysis_key`` names the analysis (model, extractor version): files
    analysed under another key are redone even when their bytes are unchanged.
    A first index (one with no corpus-wide state yet) commits each batch of
    articles as it is done, so they can be read while the rest is analysed.
    """
    report = Reporter(progress)
    ix, catalog, state_missing = _open(index_path)
    walk_skipped: list[Skipped] = []
    report(0, 0, "", LISTING)
    entries = without_clashing_ids(list(corpus.walk(walk_skipped)), walk_skipped)
    report(len(entries), len(entries), "", LISTING)
    known, todo, gone = _plan(catalog, entries, analysis_key)
    summary = Summary(unchanged=len(entries) - len(todo))
    if not todo and not gone and not state_missing:
        if not catalog.stored:  # an index from before catalogs: add them, nothing else
            _store_catalog(ix, catalog, wait)
        summary.skipped = catalog.skipped() + walk_skipped
        return summary
    writer = writer_for(ix, wait)
    fresh: dict[str, dict[str, Any]] = {}
    try:
        # Another process may have committed while this one waited for the lock.
        catalog = _catalog(ix)
        known, todo, gone = _plan(catalog, entries, analysis_key)
        summary.unchanged = len(entries) - len(todo)
        for path in gone:
            writer.delete_by_term("path", path)
            summary.removed.append(path)
        catalog.drop(gone)
        ready = len(entries) - len(todo)
        if state_missing:
            report(ready, len(entries), "", READABLE)
        for chunk in _batches(todo, batch, FIRST_BATCH if state_missing else batch):
            steps = _Steps(report, ready, len(entries))
            chosen = (analyse, analysis_key)
            _index_chunk(writer, chunk, known, summary, chosen, fresh, catalog, steps)
            ready += len(chunk)
            if state_missing and ready < len(entries):
                writer = _commit_readable(ix, writer, catalog, wait)
                report(ready, len(entries), "", READABLE)
        replaced = set(summary.removed) | set(summary.updated)
        report(0, len(catalog.articles), "", COMPARING)
        state = _corpus_state(ix, fresh, replaced, summarise)
        _write_views(writer, state.pop("views", {}), catalog.paths(), report)
        replace_document(writer, uid=STATE_UID, kind="state", data=pack(state))
        _write_catalog(writer, catalog, state.get("stories", []))
        report(len(entries), len(entries), "", SAVING)
        writer.commit(mergetype=_merge)
    except BaseException:
        abandon(writer)
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


def _commit_readable(ix, writer, catalog: _Catalog, wait: float):
    """Commit the articles written so far (with a catalog, no corpus-wide state
    yet) and go on with a new writer: the reader lists them at once. The
    segments are merged once, by the last commit: merging as the batches come
    would rewrite the growing index at each doubling, and delay the next batch."""
    _write_catalog(writer, catalog, [])
    writer.commit(mergetype=NO_MERGE)
    return writer_for(ix, wait)


@dataclass
class _Steps:
    """Progress within one batch, as counts of the whole run's files."""

    report: Reporter
    before: int  # files done before this batch
    total: int

    def read(self, done: int, what: str) -> None:
        self.report(self.before + done, self.total, what, READING)

    def analysed(self, done: int, of: int, files: int) -> None:
        """``done`` of ``of`` articles analysed, in a batch of ``files`` files."""
        share = files * done // of if of else files
        self.report(self.before + share, self.total, "", ANALYSING)


def _open(index_path: Path) -> tuple[Any, _Catalog, bool]:
    """The index, its catalog and whether its state is missing; an index that
    cannot be opened or read so far raises :class:`IndexDamaged`."""
    ix = open_for_writing(index_path)
    try:
        ix.searcher().close()  # opens every segment
        return ix, _catalog(ix), _state_missing(ix)
    except OPEN_DAMAGE as error:
        raise IndexDamaged(index_path, error) from error


@dataclass
class _Catalog:
    """What opening the index needs, kept in documents of its own (see ``store``):
    ``files`` path -> [size, mtime, hash] and ``skips`` path -> skipped entries
    (all a run with nothing to do reads); ``articles`` id -> metadata and
    ``leads`` id -> lead of an untitled article, read only when a run writes."""

    files: dict[str, list[Any]]
    skips: dict[str, list[dict[str, str]]]
    load: Callable[[], tuple[dict[str, dict[str, Any]], dict[str, str]]]
    stored: bool = True
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


def _merge(writer, segments: list[Any]) -> list[Any]:
    """Whoosh's policy (merge the small segments), or merge every segment once
    those written since the largest weigh as much as it.

    Every run that changes a file writes the corpus-wide state, the views and
    the catalog again, and the copies they replace stay on disk until their
    segment is merged: 2.3 MB of articles had 105 MB of index after three
    partial updates. Merging all once the rest has grown as large as the
    largest segment rewrites the index once per doubling (a bounded cost per
    byte written) and keeps it within about twice its live size."""
    sizes = [_size(writer.storage, segment) for segment in segments]
    if len(sizes) > 1 and sum(sizes) - max(sizes) >= max(sizes):
        return OPTIMIZE(writer, segments)
    return MERGE_SMALL(writer, segments)


def _size(storage, segment) -> int:
    return sum(storage.file_length(name) for name in segment.list_files(storage))


def _store_catalog(ix, catalog: _Catalog, wait: float) -> None:
    with ix.searcher() as searcher:
        stories = (stored_data(searcher, "state", STATE_UID) or {}).get("stories", [])
    writer = writer_for(ix, wait)
    try:
        _write_catalog(writer, catalog, stories)
        writer.commit()
    except BaseException:
        abandon(writer)
        raise


def _write_catalog(writer, catalog: _Catalog, stories: list[dict[str, Any]]) -> None:
    files = {"files": catalog.files, "skips": catalog.skips}
    articles = {"articles": catalog.articles, "leads": catalog.leads}
    rows = catalog.listing()
    replace_document(writer, uid=CATALOG_UID, kind="catalog", data=pack(files))
    replace_document(writer, uid=ARTICLES_UID, kind="catalog", data=pack(articles))
    replace_document(writer, uid=LISTING_UID, kind="catalog", data=pack(rows))
    listing_head = pack(head(rows, stories))
    replace_document(writer, uid=LISTING_HEAD_UID, kind="catalog", data=listing_head)
    replace_document(writer, uid=STORIES_UID, kind="catalog", data=pack(stories))


def _catalog(ix) -> _Catalog:
    """The catalog of the last commit, or one rebuilt from every stored
    document for an index written before catalogs (it is then stored)."""
    with ix.searcher() as searcher:
        doc = stored_fields(searcher, "catalog", CATALOG_UID)
        if doc is not None:
            data = unpack(doc["data"])
            # Which documents exist (by number: reading them would unpack them).
            stored = all(
                has_document(searcher, "catalog", uid)
                for uid in (LISTING_UID, ARTICLES_UID, LISTING_HEAD_UID, STORIES_UID)
            )
            if "articles" in data:  # all in one document, as first written
                found = (data["articles"], data["leads"])
                return _Catalog(data["files"], data["skips"], lambda: found, stored=False)
            return _Catalog(data["files"], data["skips"], partial(_stored_articles, ix), stored)
        files, skips = {}, {}
        for doc in searcher.documents(kind="file"):
            files[doc["path"]] = [doc.get("size", -1), doc.get("mtime", -1), doc.get("hash", "")]
            if doc.get("data"):
                skips[doc["path"]] = unpack(doc["data"])
        articles, leads = {}, {}
        for doc in searcher.documents(kind="article"):
            row = unpack(doc["data"])
            articles[row["id"]] = row
            uid = f"blob:{row['id']}"
            blob = None if row.get("title") else stored_fields(searcher, "blob", uid)
            if blob is not None:
                leads[row["id"]] = article_from_json(unpack(blob["data"])["article"]).lead
    return _Catalog(files, skips, lambda: (articles, leads), stored=False)


def _stored_articles(ix) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    with ix.searcher() as searcher:
        data = stored_data(searcher, "catalog", ARTICLES_UID) or {}
    return data.get("articles", {}), data.get("leads", {})


def _plan(catalog: _Catalog, entries: list[FileEntry], key: str):
    """What is known, what must be (re)read and what is gone, as of the last commit."""
    known = catalog.known()
    todo = [e for e in entries if not _unchanged(known.get(e.id), e, _file_key(e, key))]
    gone = sorted(set(known) - {e.id for e in entries})
    return known, todo, gone


def _unchanged(known: _Known | None, entry: FileEntry, key: str) -> bool:
    return (
        known is not None
        and known.size == entry.size
        and known.mtime == entry.mtime
        and known.hash.endswith(f"|{key}")
    )


def _file_key(entry: FileEntry, key: str) -> str:
    """The analysis key, and the outlet newsdesk.toml or a sidecar names for the
    file: naming another outlet re-reads the file though its bytes are the same."""
    return f"{entry.outlet.key}|{key}" if entry.outlet else key


def _state_missing(ix) -> bool:
    with ix.searcher() as searcher:  # by number: the document itself is the whole state
        return not has_document(searcher, "state", STATE_UID)


def _index_chunk(
    writer,
    chunk,
    known,
    summary: Summary,
    chosen: tuple[Analyser | None, str],
    blobs: dict[str, dict[str, Any]],
    catalog: _Catalog,
    steps: _Steps,
) -> None:
    """Read, analyse and write one batch of files; ``chosen`` is the analyser
    and its key."""
    analyse, key = chosen
    fresh: list[tuple[FileEntry, list[Article], list[Skipped], str]] = []
    for done, entry in enumerate(chunk):
        steps.read(done, entry.id)
        result, sha = read(entry.full_path, entry.id)
        result.articles = outlets.apply(entry.outlet, result.articles)
        content_hash = f"{sha}|{_file_key(entry, key)}"
        previous = known.get(entry.id)
        if previous and previous.hash == content_hash and sha:
            replace_document(writer, **_file_doc(entry, content_hash, result.skipped))
            catalog.add_file(entry, content_hash, result.skipped)
            summary.unchanged += 1
            continue
        (summary.updated if previous else summary.added).append(entry.id)
        fresh.append((entry, result.articles, result.skipped, content_hash))
    articles = [a for _, found, _, _ in fresh for a in found]
    steps.read(len(chunk), chunk[-1].id)
    analyses = _analysed(analyse, articles, partial(steps.analysed, files=len(chunk)))
    by_id = {a.id: extra for a, extra in zip(articles, analyses, strict=True)}
    catalog.drop(entry.id for entry, _, _, _ in fresh)
    for entry, found, skipped, content_hash in fresh:
        # An analyser may refuse an article (too long to analyse): it is skipped, said why.
        refused = [a for a in found if "skipped" in by_id[a.id]]
        if refused:
            skipped = skipped + [Skipped(a.id, by_id[a.id]["skipped"]) for a in refused]
            found = [a for a in found if "skipped" not in by_id[a.id]]
        writer.delete_by_term("path", entry.id)
        replace_document(writer, **_file_doc(entry, content_hash, skipped))
        catalog.add_file(entry, content_hash, skipped)
        for article in found:
            blobs[article.id] = _add_article(writer, article, by_id[article.id])
            catalog.add_article(article)


def _analysed(
    analyse: Analyser | None, articles: list[Article], tick: Callable[[int, int], None]
) -> list[dict[str, Any]]:
    """``analyse(articles)``, telling ``tick(done, of)`` as articles are analysed
    where the analyser can say (``index.analysis.Analysis`` does)."""
    if not analyse or not articles:
        tick(len(articles), len(articles))
        return [{} for _ in articles]
    tick(0, len(articles))  # said at once: the first results may take seconds (loading NLP)
    if "progress" in inspect.signature(analyse).parameters:
        found = analyse(articles, progress=tick)  # type: ignore[call-arg]
    else:
        found = analyse(articles)
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


def _add_article(writer, article: Article, analysis: dict[str, Any]) -> dict[str, Any]:
    meta = article.to_json()
    common = {
        "article": article.id,
        "path": article.path,
        "source": article.source or "",
        "title": article.title or "",
        "date": article.date or "",
    }
    writer.add_document(uid=article.id, kind="article", data=pack(meta), **common)
    blob = {"article": article.to_json(with_text=True), **analysis}
    writer.add_document(uid=f"blob:{article.id}", kind="blob", data=pack(blob), **common)
    fields_by_passage = analysis.get("passage_fields", {})
    for passage in article.passages:
        extra = fields_by_passage.get(str(passage.number), {})
        writer.add_document(
            uid=f"{article.id}#p{passage.number}",
            kind="passage",
            number=passage.number,
            start=passage.start,
            end=passage.end,
            text=passage.text,
            **common,
            **extra,
        )
    return blob


def _write_views(writer, views: dict[str, Any], paths: dict[str, str], report: Reporter) -> None:
    """One document of cross-source views per article, looked up as the reader moves."""
    for done, (article_id, view) in enumerate(views.items()):
        report(done, len(views), "", WRITING)
        replace_document(
            writer,
            uid=f"views:{article_id}",
            kind="views",
            article=article_id,
            path=paths.get(article_id, article_id),
            data=pack(view),
        )


def _corpus_state(
    ix, fresh: dict[str, dict[str, Any]], replaced: set[str], summarise: Summariser | None
) -> dict[str, Any]:
    """The corpus-wide state over the stored analyses (minus files replaced in
    this run) and the fresh ones, so it can be committed with them."""
    analyses: dict[str, dict[str, Any]] = {}
    with ix.searcher() as searcher:
        for doc in searcher.documents(kind="blob"):
            if doc["path"] not in replaced:
                data = unpack(doc["data"])
                analyses[data["article"]["id"]] = data
    analyses.update(fresh)
    return summarise(analyses) if summarise else {"articles": len(analyses)}
