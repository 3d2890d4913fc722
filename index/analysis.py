"""What newsdesk computes beyond the text: per article (NLP mentions, facts)
and over the corpus (canonical entities, stories, fact relations, related
passages, wire copies, omission matrices).

:class:`Analysis` plugs into :func:`index.build.update`: ``analyse`` runs on new
and changed articles only (their results are stored with them), ``summarise``
runs over every stored result after each run that changed something, and its
output is committed together with the articles.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .analysis_under_way import Analysing, Summarising, Tick, _ignore, _summarise
from .analysis_version import VERSION
from .article_analysis import MAX_ANALYSED_CHARS, MODEL_SPANS, Known, _shaped, analysed
from .model import Article, Mention

if TYPE_CHECKING:  # a search reads the analysis key only: no worker pool is imported
    from concurrent.futures import Executor

__all__ = ["MAX_ANALYSED_CHARS", "VERSION", "Analysis", "Tick", "analysed"]

# From this many articles in one call, a second worker process pays for its
# start (loading the model takes a couple of seconds).
PARALLEL_FROM = 200
CHUNK = 16  # articles per task handed to a worker process
# Up to this many articles, a first index's corpus-wide pass runs in a worker
# process (see Analysis.summarise_apart): beyond, a second copy of every
# analysis in memory (pickled, then the worker's) costs more than it saves.
APART_UP_TO = 20_000


class Analysis:
    """NLP and comparison settings; ``key`` changes when results would change.

    With a ``scheduler`` (a dask.distributed address, see :mod:`index.cluster`)
    the articles are analysed on that cluster; without one, on this machine."""

    def __init__(
        self, model: str | None = None, processes: int | None = None, scheduler: str | None = None
    ) -> None:
        from .nlp import model_name  # spaCy itself only where articles are analysed

        self.model = model_name(model)
        self.processes = processes
        self.scheduler = scheduler
        self._pool: Executor | None = None
        self._pool_size = 0
        self._client: Any = None

    def __getstate__(self) -> dict[str, Any]:
        # Sent to an indexing process (index.update_process) without the worker pool or
        # the cluster connection: that process opens its own.
        return {**self.__dict__, "_pool": None, "_client": None}

    def connect(self) -> None:
        """Reach the scheduler now, if one is named: an address that does not
        answer is :class:`index.cluster.ClusterUnreachable` before any work."""
        if self.scheduler and self._client is None:
            from . import cluster

            self._client = cluster.connect(self.scheduler)

    @property
    def key(self) -> str:
        return f"{self.model}/{VERSION}"

    def analyse(
        self,
        articles: Sequence[Article],
        progress: Tick | None = None,
        coming: int = 0,
        known: Known | None = None,
    ) -> list[dict[str, Any]]:
        """Mentions and facts of each article, or ``{"skipped": reason}`` for
        one too long to analyse (see :data:`MAX_ANALYSED_CHARS`); ``progress``
        is told (done, of) as they are analysed. ``coming`` is how many files
        the run still has to analyse, these included: a first index hands its
        articles over in batches, and a small first or last batch of a large
        run is worth the worker processes the whole run pays for once.
        ``known`` is :meth:`analyse_here`'s."""
        return self.start(articles, coming, known).result(progress or _ignore)

    def start(
        self, articles: Sequence[Article], coming: int = 0, known: Known | None = None
    ) -> Analysing:
        """:meth:`analyse`, begun: in worker processes the articles are handed
        over at once, so that this process can write the last batch meanwhile;
        :meth:`Analysing.result` waits for them."""
        known = known or {}
        kept = [a for a in articles if len(a.text) <= MAX_ANALYSED_CHARS]
        planned = max(len(kept), coming)
        workers = self._workers(planned) if self._pool is None else self._pool_size
        futures = None
        if kept and not self.scheduler and workers >= 2:
            pool = self._pool or self._start_pool(workers)
            # Several small chunks per worker rather than one each: a worker that
            # finishes early takes the next instead of waiting for the other.
            size = max(1, min(CHUNK, -(-len(kept) // workers)))
            chunks = [list(kept[i : i + size]) for i in range(0, len(kept), size)]
            futures = [
                pool.submit(_analyse_chunk, self.model, (chunk, _of(chunk, known)))
                for chunk in chunks
            ]
        return Analysing(self, list(articles), kept, futures, known)

    def _analyse(
        self, articles: Sequence[Article], progress: Tick, known: Known
    ) -> list[dict[str, Any]]:
        """Mentions and facts of each article in this process, or on the
        cluster when a scheduler is named, however few they are."""
        if self.scheduler:
            return self._on_cluster(articles, known)
        return self._analyse_here_in_chunks(articles, progress, known)

    def _collect(self, analysing: Analysing, progress: Tick) -> list[dict[str, Any]]:
        """The worker processes' results of ``analysing``, in order."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            results: list[dict[str, Any]] = []
            for future in analysing.futures or ():
                results += future.result()
                progress(len(results), len(analysing.kept))
            return results
        except BrokenProcessPool:
            # A worker could not start or died (memory, an unusual __main__):
            # slower, but the articles still get analysed.
            self.close()
            self.processes = 1
            return self.analyse_here(analysing.kept, analysing.known)
        except BaseException:
            # Stopped (SIGTERM, Ctrl+C) or failed: the chunks not yet analysed are
            # dropped and the workers ended, not left to finish minutes of NLP.
            self._abandon()
            raise

    def _start_pool(self, workers: int) -> Executor:
        """Worker processes kept until :meth:`close` (the end of the run): each
        loads the model once, on its first chunk."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from .update_process import exit_with_parent

        context = multiprocessing.get_context("spawn")  # safe beside threads
        self._pool = ProcessPoolExecutor(workers, mp_context=context, initializer=exit_with_parent)
        self._pool_size = workers
        return self._pool

    def _on_cluster(self, articles: Sequence[Article], known: Known) -> list[dict[str, Any]]:
        """Batches small enough that every worker of a small cluster gets some,
        and a worker that dies loses little (its batch is redone elsewhere).
        Each batch travels with its articles' kept spans."""
        from . import cluster

        self.connect()
        size = max(1, min(CHUNK, len(articles) // 4))
        chunks = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        batches = [(chunk, _of(chunk, known)) for chunk in chunks]
        return cluster.run_batches(self._client, _analyse_chunk, self.model, batches)

    def _analyse_here_in_chunks(
        self, articles: Sequence[Article], progress: Tick, known: Known
    ) -> list[dict[str, Any]]:
        """:meth:`analyse_here`, a chunk at a time so that progress can be told."""
        results: list[dict[str, Any]] = []
        for start in range(0, len(articles), CHUNK):
            chunk = articles[start : start + CHUNK]
            results += self.analyse_here(chunk, _of(chunk, known))
            progress(len(results), len(articles))
        return results

    def _abandon(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        import multiprocessing

        # Chunks handed over but not yet taken sit in the pool's call queue,
        # whose feeder thread may be blocked writing to the ended workers: this
        # process must not wait for it at exit.
        queue = getattr(pool, "_call_queue", None)
        if queue is not None:
            queue.cancel_join_thread()
        # The pool's own thread, finding its workers ended, fails every chunk
        # still pending, and Python 3.11's raises on a chunk already cancelled
        # (a stopped run cancels those not yet taken): its traceback printed
        # under "stopped by SIGTERM". That thread of this abandoned pool ends
        # quietly, and is let end before the pool is shut down.
        manager = getattr(pool, "_executor_manager_thread", None)
        previous = threading.excepthook
        if manager is not None:
            threading.excepthook = lambda args: None if args.thread is manager else previous(args)
        for worker in multiprocessing.active_children():
            worker.terminate()
        if manager is not None:
            manager.join(timeout=5)
            if not manager.is_alive():
                threading.excepthook = previous
        pool.shutdown(wait=False, cancel_futures=True)

    def _workers(self, count: int) -> int:
        if self.processes is not None:
            return max(1, min(self.processes, count))
        return min(2, os.cpu_count() or 1) if count >= PARALLEL_FROM else 1

    def close(self) -> None:
        """Stop the worker processes (they hold a model each) until needed again,
        and let go of the cluster (its workers keep theirs)."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        client, self._client = self._client, None
        if client is not None:
            from . import cluster

            cluster.close(client)

    def analyse_here(
        self, articles: Sequence[Article], known: Known | None = None
    ) -> list[dict[str, Any]]:
        """Mentions and facts of each article, in this process. ``known`` holds,
        by article id, the model's spans kept from an earlier analysis (see
        :data:`MODEL_SPANS`): pieces of text the model has seen are not given to
        it again. Each analysis carries its article's spans under that key."""
        from .nlp import model_identity
        from .story_features import word_counts

        identity = model_identity(self.model)
        pieces: dict[str, Any] = {}
        for kept in (known or {}).values():
            pieces.update(_pieces_of(kept, identity))
        mentions, read = self._mentions(articles, pieces)
        counts = word_counts([(a.title, a.passages) for a in articles]) if articles else []
        results = [
            analysed(a, found, words)
            for a, found, words in zip(articles, mentions, counts, strict=True)
        ]
        if identity is not None:
            for result, spans in zip(results, read, strict=True):
                result[MODEL_SPANS] = {"model": identity, "pieces": spans}
        return results

    def _mentions(
        self, articles: Sequence[Article], known: dict[str, Any]
    ) -> tuple[list[list[Mention]], list[dict[str, Any]]]:
        """Run NER over the title and passages (not captions or tags), mapped back
        to article offsets, then find the names it recognised again wherever the
        article repeats them (see :mod:`index.mentions`). ``known`` is
        :func:`index.nlp.read_pieces`'; also returns each article's pieces of
        text as the model read them, their spans by piece key."""
        from .mentions import (
            a_sentence,
            capitalised,
            needs_truecase,
            nicknamed,
            propagate,
            regions,
            rejoined,
            relabel,
            run_by,
            shown_people,
            shown_places,
            split_spans,
            title_span,
            trim_headlines,
            truecase,
            without_marks,
            without_portfolios,
        )
        from .nlp import mentions_in, read_pieces
        from .teams import known_teams

        texts, owners, cased, spans_of, headlines_of = [], [], [], [], []
        for index, article in enumerate(articles):
            spans = regions(article)
            pieces, last = [], 0  # the article with its headlines re-cased, same offsets
            headlines = []
            title = title_span(article)
            for start, end in spans:
                region = article.text[start:end]
                headline = (start, end) == title
                # a headline in Title Case or capitals, or a line of the body so written
                # (a list of names); not a sentence that names many ("Gary Speed scored
                # in Virginia Beach.")
                if needs_truecase(region) and (headline or not a_sentence(region)):
                    body = "\n".join(p.text for p in article.passages if p.start != start)
                    region = truecase(region, body, listing=not headline)
                    pieces += [article.text[last:start], region]
                    last = end
                    headlines.append((start, end))
                texts.append(region)
                owners.append((index, start))
            cased.append("".join(pieces) + article.text[last:])
            spans_of.append(spans)
            headlines_of.append(headlines)
        read: list[dict[str, Any]] = [{} for _ in articles]
        by_article: list[list[Mention]] = [[] for _ in articles]
        by_text = read_pieces(texts, self.model, n_process=1, known=known)
        for (index, offset), region, model_read in zip(owners, texts, by_text, strict=True):
            read[index].update((key, spans) for _, key, spans in model_read)
            text = articles[index].text
            by_article[index].extend(
                Mention(m.start + offset, m.end + offset, text[m.start + offset : m.end + offset],
                        m.kind, m.label)
                for m in mentions_in(region, model_read)
            )  # fmt: skip
        result = []
        for article, text, mentions, spans, headlines in zip(
            articles, cased, by_article, spans_of, headlines_of, strict=True
        ):
            # Untagged names are looked for in the headline as the body would case it.
            # Kinds are voted once the backoff's names are in: a capitalised run that is
            # the surname of a person named here ("Harris" after "Chris Harris") is him.
            mentions = relabel(
                without_marks(
                    [
                        replace(m, text=article.text[m.start : m.end])
                        for m in capitalised(
                            text,
                            _shaped(
                                article.text,
                                nicknamed(article.text, split_spans(article.text, mentions)),
                                spans,
                            ),
                            spans,
                        )
                    ]
                ),
                article.text,
            )
            mentions = trim_headlines(article.text, mentions, headlines)
            # A name found again where a longer one stands ("Nieto" after "Enrique
            # Peña", from "Peña Nieto") is that name's end.
            mentions = rejoined(article.text, propagate(article.text, mentions, spans))
            mentions = shown_people(article.text, known_teams(article.text, mentions))
            mentions = run_by(article.text, shown_places(article.text, mentions))
            result.append(without_portfolios(article.text, mentions))
        return result, read

    def summarise(
        self,
        analyses: dict[str, dict[str, Any]],
        memo: dict[str, Any] | None = None,
        changed: Iterable[str] = (),
    ) -> dict[str, Any]:
        """The corpus-wide state; ``memo`` is what the last run kept and
        ``changed`` the articles read again in this one (see
        :func:`index.corpus_pass.summarise`)."""
        from .corpus_pass import summarise

        return summarise(analyses, memo, changed)

    def summarise_apart(
        self, analyses: dict[str, dict[str, Any]], memo: dict[str, Any], changed: set[str]
    ) -> Summarising | None:
        """:meth:`summarise` begun in one of this run's worker processes, so
        that this process can merge the index meanwhile; None when the run has
        none (a small run, or one on a cluster) or the corpus is too large to
        copy (:data:`APART_UP_TO`)."""
        if self._pool is None or len(analyses) > APART_UP_TO:
            return None
        future = self._pool.submit(_summarise, analyses, memo, changed)
        return Summarising(self, future, (analyses, memo, changed))

    def expander(self, state: dict[str, Any]):
        from .corpus_pass import expander

        return expander(state)


_WORKER: dict[str, Analysis] = {}


def _analyse_chunk(model: str, batch: tuple[list[Article], Known]) -> list[dict[str, Any]]:
    """Run in a worker process (a local pool's or a Dask worker) on a batch of
    articles and their kept spans: one Analysis (and model, loaded the first
    time a piece of text needs it) per process, reused by every batch it is sent."""
    articles, known = batch
    # Two batches in threads of one Dask worker may meet here: the model's loading
    # is locked where it is loaded (index.nlp.load), an Analysis costs nothing.
    return _WORKER.setdefault(model, Analysis(model, processes=1)).analyse_here(articles, known)


def _pieces_of(kept: Any, identity: str | None) -> dict[str, Any]:
    """The spans of each piece of a kept record (see :data:`MODEL_SPANS`)
    where it is this model's and each span is (start, end, label); none of a
    record of another model, or of another shape, whose pieces the model reads."""
    if identity is None or not isinstance(kept, dict) or kept.get("model") != identity:
        return {}
    pieces = kept.get("pieces")
    if not isinstance(pieces, dict):
        return {}
    return {
        key: spans
        for key, spans in pieces.items()
        if isinstance(spans, list)
        and all(
            isinstance(span, list | tuple)
            and len(span) == 3
            and isinstance(span[0], int)
            and isinstance(span[1], int)
            and isinstance(span[2], str)
            for span in spans
        )
    }


def _of(articles: Sequence[Article], known: Known) -> Known:
    """The kept spans of ``articles``, by article id."""
    return {a.id: known[a.id] for a in articles if a.id in known}
