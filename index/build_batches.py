"""An indexing run's new and changed files, batch by batch (see
:mod:`index.build`): the batches, each one read and handed to the analyser
(started early where it can be, or run when its result is asked for), the
progress a batch reports, and the documents its files and articles are
stored as."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from . import outlets
from .article_analysis import Known, stored_parts
from .build_catalog import _Catalog
from .corpus import FileEntry
from .engines.base import Writer
from .freshness import file_key
from .model import Article, Skipped
from .passages import passage_key
from .progress import ANALYSING, READING, Reporter
from .readers import read
from .store import dumps, loads, pack, unpack

if TYPE_CHECKING:
    from .build import Summary


# Per-article analysis (mentions, facts) as plain JSON data, one dict per article;
# ``{"skipped": reason}`` leaves an article out with the reason.
Analyser = Callable[[Sequence[Article]], list[dict[str, Any]]]


class Pending(Protocol):
    """A batch's analysis under way: ``result(tick)`` waits for it (telling
    ``tick(done, of)`` as articles are done), ``cancel()`` drops it."""

    def result(self, tick: Callable[[int, int], None]) -> list[dict[str, Any]]: ...

    def cancel(self) -> None: ...


# Begins the analysis of a batch (its articles, and how many files the run has
# from this batch on) and returns at once.
Starter = Callable[[list[Article], int, Known], Pending]


def _batches(todo: list[FileEntry], size: int, first: int) -> Iterator[list[FileEntry]]:
    """``todo`` in batches of ``size``, the first one of ``first`` files: on a
    first index, the first articles are readable after seconds, not minutes."""
    start = min(first, size)
    if todo[:start]:
        yield todo[:start]
    for at in range(start, len(todo), size):
        yield todo[at : at + size]


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


@dataclass
class _Batch:
    """A batch of files read: the articles to analyse, and what to write once
    their analyses are back."""

    steps: _Steps
    files: int
    fresh: list[tuple[FileEntry, list[Article], list[Skipped], str]]
    articles: list[Article]
    analysis: Pending
    spans: Known  # the model's spans stored with the articles read again, by id


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
    kept = _kept_spans(writer, [a for e, found, _, _ in fresh if e.id in known for a in found])
    return _Batch(steps, len(chunk), fresh, articles, start(articles, steps.coming, kept), kept)


def _kept_spans(writer: Writer, articles: list[Article]) -> Known:
    """The model's spans stored with the last analysis of these articles (see
    :data:`index.article_analysis.MODEL_SPANS`); one that cannot be read is
    left out, and its article's text goes to the model again."""
    if not articles:
        return {}
    kept: Known = {}
    reader = writer.reader()
    for article in articles:
        try:
            doc = reader.get("spans", f"spans:{article.id}")
            spans = unpack(doc["data"]) if doc else None
        except Exception:  # noqa: BLE001 - a damaged record only costs the model's time
            continue
        if isinstance(spans, dict):
            kept[article.id] = spans
    return kept


class _Later:
    """An analyser with no way to start early: it runs when its result is asked for."""

    def __init__(
        self, analyse: Analyser | None, articles: list[Article], coming: int, known: Known
    ) -> None:
        self.analyse, self.articles, self.coming, self.known = analyse, articles, coming, known

    def result(self, tick: Callable[[int, int], None]) -> list[dict[str, Any]]:
        return _analysed(self.analyse, self.articles, tick, self.coming, self.known)

    def cancel(self) -> None:
        """Nothing was started."""


def _analysed(
    analyse: Analyser | None,
    articles: list[Article],
    tick: Callable[[int, int], None],
    coming: int,
    known: Known,
) -> list[dict[str, Any]]:
    """``analyse(articles)``, telling ``tick(done, of)`` as articles are analysed
    where the analyser can say, how many files the run has from this batch
    on (``index.analysis.Analysis`` takes both: it starts its workers for a
    large run even for its small first and last batches), and the model's
    spans kept from the articles' last analysis, where it takes them."""
    if not analyse or not articles:
        tick(len(articles), len(articles))
        return [{} for _ in articles]
    tick(0, len(articles))  # said at once: the first results may take seconds (loading NLP)
    takes = inspect.signature(analyse).parameters
    extra: dict[str, Any] = {"progress": tick} if "progress" in takes else {}
    if "coming" in takes:
        extra["coming"] = coming
    if "known" in takes:
        extra["known"] = known
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
    """Write an analysed article's documents: the model's spans where it has
    them, the article, its analysis as the corpus-wide pass reads it (returned)
    and each passage."""
    blob, spans = stored_parts(article, analysis)
    common = _common(article)
    fields_by_passage = analysis.get("passage_fields", {})
    writer.write(
        [
            *([_spans_doc(article, spans)] if spans else []),
            {"uid": article.id, "kind": "article", "data": pack(article.to_json()), **common},
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


def _common(article: Article) -> dict[str, Any]:
    """The fields every document of an article carries (its path deletes them)."""
    return {
        "article": article.id,
        "path": article.path,
        "source": article.source or "",
        "title": article.title or "",
        "date": article.date or "",
    }


def _spans_doc(article: Article, spans: Any) -> dict[str, Any]:
    return {"uid": f"spans:{article.id}", "kind": "spans", "data": pack(spans), **_common(article)}


def _kept_as_stored(
    writer: Writer,
    articles: list[Article],
    analyses: list[dict[str, Any]],
    stored: tuple[list[str], Known],
) -> list[dict[str, Any]] | None:
    """Whether a file read again gives exactly the articles and analyses the
    index holds of it (``stored``: its article ids there, and the model's
    spans it holds of them), as when a new version of the rules or of the
    model changes nothing in it: then the documents of the model's spans that
    changed (its other documents stay as they are, and the corpus-wide pass
    sees no change in it), else None."""
    ids, spans_held = stored
    if not ids or sorted(a.id for a in articles) != sorted(ids):
        return None
    reader = writer.reader()
    new_spans = []
    for article, analysis in zip(articles, analyses, strict=True):
        blob, spans = stored_parts(article, analysis)
        old = reader.get("blob", f"blob:{article.id}")
        if old is None or unpack(old["data"]) != loads(dumps(blob)):
            return None
        if spans and loads(dumps(spans)) != spans_held.get(article.id):
            new_spans.append(_spans_doc(article, spans))
    return new_spans
