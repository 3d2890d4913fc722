"""What newsdesk computes beyond the text: per article (NLP mentions, facts)
and over the corpus (canonical entities, stories, fact relations, related
passages, wire copies, omission matrices).

:class:`Analysis` plugs into :func:`index.build.update`: ``analyse`` runs on new
and changed articles only (their results are stored with them), ``summarise``
runs over every stored result after each run that changed something, and its
output is committed together with the articles.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, replace
from typing import Any

from . import nlp
from .datelines import datelines
from .mentions import (
    capitalised,
    needs_truecase,
    propagate,
    regions,
    relabel,
    split_spans,
    trim_headlines,
    truecase,
)
from .model import Article, Mention
from .passages import PassageLocator
from .tables import teams

# 2: entity mentions in headlines and repeats; 3: fact subjects; 4: both;
# 5: headline spans cut to the body's names, teams on sports table lines
VERSION = "6"
# From this many articles in one call, a second worker process pays for its
# start (loading the model takes a couple of seconds).
PARALLEL_FROM = 200
CHUNK = 16  # articles per task handed to a worker process
NAMED_KINDS = ("person", "organisation", "place", "group", "event", "other")
# An article with more text than this is skipped, not analysed: NLP and facts
# take about 30 s per million characters on one core, and no news article is
# near it (a long feature is 50,000). Like the file size cap, it is said.
MAX_ANALYSED_CHARS = 500_000


class Analysis:
    """NLP and comparison settings; ``key`` changes when results would change."""

    def __init__(self, model: str | None = None, processes: int | None = None) -> None:
        self.model = nlp.model_name(model)
        self.processes = processes
        self._pool: Executor | None = None

    def __getstate__(self) -> dict[str, Any]:
        # Sent to an indexing process (index.apart) without the worker pool.
        return {**self.__dict__, "_pool": None}

    @property
    def key(self) -> str:
        return f"{self.model}/{VERSION}"

    def analyse(self, articles: Sequence[Article]) -> list[dict[str, Any]]:
        """Mentions and facts of each article, or ``{"skipped": reason}`` for
        one too long to analyse (see :data:`MAX_ANALYSED_CHARS`)."""
        kept = [a for a in articles if len(a.text) <= MAX_ANALYSED_CHARS]
        found = iter(self._analyse(kept) if kept else [])
        return [
            next(found) if len(a.text) <= MAX_ANALYSED_CHARS else {"skipped": _too_long(a)}
            for a in articles
        ]

    def _analyse(self, articles: Sequence[Article]) -> list[dict[str, Any]]:
        """Mentions and facts of each article, in worker processes when there
        are enough articles to keep every core busy (NER and facts both)."""
        workers = self._workers(len(articles))
        if workers < 2:
            return self.analyse_here(articles)
        if self._pool is None:
            from .apart import exit_with_parent

            context = multiprocessing.get_context("spawn")  # safe beside threads
            self._pool = ProcessPoolExecutor(
                workers, mp_context=context, initializer=exit_with_parent
            )
        # Several small chunks per worker rather than one each: a worker that
        # finishes early takes the next instead of waiting for the other.
        size = max(1, min(CHUNK, -(-len(articles) // workers)))
        chunks = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        try:
            futures = [self._pool.submit(_analyse_chunk, self.model, chunk) for chunk in chunks]
            return [result for future in futures for result in future.result()]
        except BrokenProcessPool:
            # A worker could not start or died (memory, an unusual __main__):
            # slower, but the articles still get analysed.
            self.close()
            self.processes = 1
            return self.analyse_here(articles)
        except BaseException:
            # Stopped (SIGTERM, Ctrl+C) or failed: the chunks not yet analysed are
            # dropped and the workers ended, not left to finish minutes of NLP.
            self._abandon()
            raise

    def _abandon(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in multiprocessing.active_children():
            worker.terminate()

    def _workers(self, count: int) -> int:
        if self.processes is not None:
            return max(1, min(self.processes, count))
        return min(2, os.cpu_count() or 1) if count >= PARALLEL_FROM else 1

    def close(self) -> None:
        """Stop the worker processes (they hold a model each) until needed again."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def analyse_here(self, articles: Sequence[Article]) -> list[dict[str, Any]]:
        """Mentions and facts of each article, in this process."""
        from .facts import extract_facts

        mentions = self._mentions(articles)
        results = []
        for article, found in zip(articles, mentions, strict=True):
            facts = extract_facts(article, found)
            results.append(
                {
                    "mentions": [asdict(m) for m in found],
                    "facts": [f.to_json() for f in facts],
                    "passage_fields": _passage_fields(article, found, facts),
                }
            )
        return results

    def _mentions(self, articles: Sequence[Article]) -> list[list[Mention]]:
        """Run NER over the title and passages (not captions or tags), mapped back
        to article offsets, then find the names it recognised again wherever the
        article repeats them (see :mod:`index.mentions`)."""
        texts, owners, cased, spans_of, headlines_of = [], [], [], [], []
        for index, article in enumerate(articles):
            spans = regions(article)
            pieces, last = [], 0  # the article with its headlines re-cased, same offsets
            headlines = []
            for start, end in spans:
                region = article.text[start:end]
                if needs_truecase(region):  # a headline in Title Case or capitals
                    body = "\n".join(p.text for p in article.passages if p.start != start)
                    region = truecase(region, body)
                    pieces += [article.text[last:start], region]
                    last = end
                    headlines.append((start, end))
                texts.append(region)
                owners.append((index, start))
            cased.append("".join(pieces) + article.text[last:])
            spans_of.append(spans)
            headlines_of.append(headlines)
        found = nlp.find_mentions(texts, self.model, n_process=1)
        by_article: list[list[Mention]] = [[] for _ in articles]
        for (index, offset), mentions in zip(owners, found, strict=True):
            text = articles[index].text
            by_article[index].extend(
                Mention(m.start + offset, m.end + offset, text[m.start + offset : m.end + offset],
                        m.kind, m.label)
                for m in mentions
            )  # fmt: skip
        result = []
        for article, text, mentions, spans, headlines in zip(
            articles, cased, by_article, spans_of, headlines_of, strict=True
        ):
            # Untagged names are looked for in the headline as the body would case it.
            # Kinds are voted once the backoff's names are in: a capitalised run that is
            # the surname of a person named here ("Harris" after "Chris Harris") is him.
            mentions = relabel(
                [
                    replace(m, text=article.text[m.start : m.end])
                    for m in capitalised(
                        text,
                        _shaped(article.text, split_spans(article.text, mentions), spans),
                        spans,
                    )
                ]
            )
            mentions = trim_headlines(article.text, mentions, headlines)
            result.append(propagate(article.text, mentions, spans))
        return result

    def summarise(self, analyses: dict[str, dict[str, Any]]) -> dict[str, Any]:
        from .summary import summarise

        return summarise(analyses)

    def expander(self, state: dict[str, Any]):
        from .summary import expander

        return expander(state)


_WORKER: dict[str, Analysis] = {}


def _shaped(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions where a line's shape says what its names are: the teams of a
    sports table, the places of a dateline."""
    return datelines(text, teams(text, mentions, spans), spans)


def _too_long(article: Article) -> str:
    return (
        f"too slow to analyse: {len(article.text):,} characters of text "
        f"(the cap is {MAX_ANALYSED_CHARS:,})"
    )


def _analyse_chunk(model: str, articles: list[Article]) -> list[dict[str, Any]]:
    """Run in a worker process: one Analysis (and model) per worker, reused."""
    if model not in _WORKER:
        _WORKER[model] = Analysis(model, processes=1)
    return _WORKER[model].analyse_here(articles)


def _passage_fields(article: Article, mentions: Sequence[Mention], facts) -> dict[str, dict]:
    """Search fields of each passage: entity alias keys and fact keys."""
    from .entities import alias_key
    from .subjects import search_keys

    entities: dict[int, set[str]] = defaultdict(set)
    keys: dict[int, set[str]] = defaultdict(set)
    locate = PassageLocator({article.id: article.passages})
    for mention in mentions:
        if mention.kind in NAMED_KINDS:
            number = locate(article.id, mention.start)
            if number:
                entities[number].add(alias_key(mention.text).replace(",", " "))
    for fact in facts:
        for key in search_keys(fact.key):
            keys[fact.passage].add(key.replace(",", " "))
    fields = {}
    for passage in article.passages:
        extra = {}
        if entities.get(passage.number):
            extra["entity"] = ",".join(sorted(entities[passage.number]))
        if keys.get(passage.number):
            extra["fact"] = ",".join(sorted(keys[passage.number]))
        if extra:
            fields[str(passage.number)] = extra
    return fields
