"""The corpus-wide pass as an indexing run (:mod:`index.build`) has it done:
over the stored analyses and the fresh ones, here or in another process, with
a first look at a few new articles before it; and the state, the views and
the memo it leaves, written to the index."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Protocol

from .build_catalog import _Catalog
from .engines.base import Engine, Reader, Writer
from .incremental import memo_documents, plan_views, stored_digests
from .progress import WRITING, Reporter
from .store import STATE_UID, compared_document, pack, unpack

# Corpus-wide state from every article's analysis: {article id: analysis}.
Summariser = Callable[[dict[str, dict[str, Any]]], dict[str, Any]]


class Summarising(Protocol):
    """The corpus-wide pass under way elsewhere: ``result()`` waits for it."""

    def result(self) -> dict[str, Any]: ...

    def cancel(self) -> None: ...


# Begins ``summarise(analyses, memo, changed)`` in another process, or None.
SummariserApart = Callable[
    [dict[str, dict[str, Any]], dict[str, Any], set[str]], Summarising | None
]


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
