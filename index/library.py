"""The one interface the CLI, the reader and the tests use.

A :class:`Library` is a corpus (the folders named) plus its index. It hides
which search engine stores the passages: everything it returns is plain data
from :mod:`index.model`, so another backend could stand behind it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import engines
from .corpus import Corpus
from .damage import guarded
from .errors import IndexError_
from .model import Article, ArticleInfo, Mention, Passage, SearchResult, Skipped, Story
from .search import as_typed, search
from .seeds import seeds_dir
from .store import Store, index_dir_for, latest_commit, unpack, writable

if TYPE_CHECKING:  # the indexer is imported when a run needs it, not to open the reader
    from . import build
    from .model_views import CrossSourceView, Entity, Fact, FactGroup, OmissionMatrix, PassageView
    from .report import Report
    from .update_process import Child


class Library:
    """A corpus and its index; call :meth:`update` before reading a new one."""

    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]] = (),
        index_dir: str | os.PathLike[str] | None = None,
        analysis: Any = None,
        apart: bool = False,
        engine: str | None = None,
    ) -> None:
        self.engine = engines.get(engine)  # the name given, NEWSDESK_ENGINE or Whoosh
        self.corpus = Corpus.of(list(paths) or [seeds_dir()])
        self.index_path = index_dir_for(self.corpus, index_dir)
        self.analysis = analysis
        # Update in a child process (see index.update_process): the reader sets it, so
        # indexing never holds the interpreter its key presses need.
        self.apart = apart
        self._child: Child | None = None
        self._store: Store | None = None
        self._held: dict[str, tuple[int, Any]] = {}  # name -> (generation, value)

    @property
    def read_only(self) -> bool:
        """True when this user may read the index but not update it."""
        return self.exists and not writable(self.index_path)

    @property
    def exists(self) -> bool:
        return Store.exists(self.index_path, self.engine)

    def latest_commit(self) -> int:
        """The number of the index's last commit, by this process or another
        (-1 before the first): a reader follows it to keep its list current."""
        return latest_commit(self.index_path, self.engine)

    def update(self, progress: build.Progress | None = None, wait: float = 10.0) -> build.Summary:
        """Index what is new or changed; a read-only index is left as it is."""
        if self.read_only:
            raise IndexError_(
                f"the index at {self.index_path} is read-only for you; showing it as it is"
            )
        if self.apart:
            return self._update_apart(progress, wait)
        from . import build

        hooks = self.analysis
        try:
            summary = build.update(
                self.corpus,
                self.index_path,
                progress=progress,
                wait=wait,
                engine=self.engine,
                analyse=hooks.analyse if hooks else None,
                start=getattr(hooks, "start", None),
                summarise_apart=getattr(hooks, "summarise_apart", None),
                summarise=hooks.summarise if hooks else None,
                analysis_key=hooks.key if hooks else "",
            )
        finally:
            if hooks is not None and hasattr(hooks, "close"):
                hooks.close()
        self._store = None
        return summary

    def _update_apart(self, progress: build.Progress | None, wait: float) -> build.Summary:
        roots = list(self.corpus.roots)
        from .update_process import Child

        child = Child(roots, self.index_path, self.analysis, wait, self.engine.name)
        self._child = child
        try:
            return child.run(progress)
        finally:
            self._child = None
            self._store = None

    def close(self) -> None:
        """Stop an update running apart (the last commit stays as it was)."""
        child = self._child
        if child is not None:
            child.stop()

    @property
    def store(self) -> Store:
        # One read of the attribute: the reader looks things up on its UI
        # thread while its worker's update may drop the store.
        store = self._store
        if store is None:
            store = self._store = Store(self.index_path, self.engine)
        else:
            store.refresh()
        return store

    @guarded
    def articles(self) -> list[ArticleInfo]:
        """Every article's metadata, in id order (decoded once per generation of
        the index: 2,225 rows take about 20 ms)."""
        return list(self._held_for_generation("articles", self._read_articles))

    def _read_articles(self) -> list[ArticleInfo]:
        from . import codec  # cattrs: not for a search

        return codec.from_json(self.store.articles(), list[ArticleInfo])

    @guarded
    def listing(self) -> list[list[str | None]]:
        """What the sources list needs, in id order: id, source, date, raw
        date, title, and the start of the first passage of an untitled article
        ("" where the index does not know it)."""
        return self.store.listing()

    @guarded
    def listing_head(self) -> list[tuple[str | None, int, list[list[str | None]]]] | None:
        """The first few hundred rows of :meth:`listing` in the order the sources
        list shows them, as ``(story title or None, articles in it, rows)``; None
        before the first run's commit."""
        found = self.store.listing_head()
        if found is None:
            return None
        return [(title, count, rows) for title, count, rows in found["groups"]]

    @guarded
    def skipped(self) -> list[Skipped]:
        return self.store.skipped()

    @guarded
    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    @guarded
    def analysis_of(self, article_id: str) -> dict[str, Any]:
        """The stored per-article analysis (mentions, facts), empty without NLP."""
        blob = self.store.blob(article_id) or {}
        return {k: v for k, v in blob.items() if k != "article"}

    def passage(self, article_id: str, number: int) -> Passage | None:
        article = self.article(article_id)
        if article and 1 <= number <= len(article.passages):
            return article.passages[number - 1]
        return None

    def mentions(self, article_id: str) -> list[Mention]:
        """The article's entity mentions as stored by the analysis (none without NLP)."""
        from . import codec  # cattrs: not for a search

        return codec.from_json(self.analysis_of(article_id).get("mentions") or [], list[Mention])

    def _held_for_generation(self, name: str, read: Callable[[], Any]) -> Any:
        """``read()``, kept until the index changes generation."""
        generation = self.store.generation
        held = self._held.get(name)
        if held is None or held[0] != generation:
            held = self._held[name] = (generation, read())
        return held[1]

    @guarded
    def state(self) -> dict[str, Any]:
        """The corpus-wide state of the current index generation (cached until it changes)."""
        return self._held_for_generation("state", self.store.state)

    @guarded
    def comparing(self) -> frozenset[str]:
        """The articles an update made searchable and readable before its
        corpus-wide pass compared them with the others (their cross-source
        views are not computed yet); empty once the pass is committed."""
        return frozenset(self._held_for_generation("comparing", self.store.comparing))

    @guarded
    def first_looks(self) -> frozenset[str]:
        """The articles of :meth:`comparing` shown with a first look at what
        other sources say: views computed from their nearest articles alone,
        replaced by the corpus-wide pass's when it is saved."""
        return frozenset(self._held_for_generation("first_looks", self.store.first_looks))

    @guarded
    def views(self, article_id: str) -> dict[int, PassageView]:
        """The cross-source views of an article's passages, by passage number."""
        from .compare import passage_views

        return passage_views(self.store.views(article_id))

    @guarded
    def search(
        self,
        query: str,
        limit: int = 20,
        budget: float | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Passages matching ``query``; see :func:`index.search.search` for
        ``budget`` and ``stop`` (a search that may end early)."""
        return search(self.store, query, limit, self._expander(), budget, stop)

    def _expander(self) -> Callable[[str, str], tuple[str, list[str]]] | None:
        """Expands ``person:``, ``story:`` and the like through the corpus-wide
        state, read on the first such field only: a plain search must not load
        tens of MB of state (2.7 s at 20,000 analysed articles)."""
        if not self.analysis:
            return None
        made: list[Callable[[str, str], tuple[str, list[str]]]] = []

        def expand(field: str, value: str) -> tuple[str, list[str]]:
            if not made:
                made.append(self.analysis.expander(self.state()))
            return made[0](field, value)

        return expand

    @guarded
    def search_as_typed(
        self,
        query: str,
        limit: int = 20,
        budget: float | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """A query still being typed: its last word also as a prefix
        (``pris`` finds ``prisoners``); see :func:`index.search.as_typed`."""
        return as_typed(self.store, query, limit, self._expander(), budget, stop)

    @guarded
    def suggest(self, query: str) -> list[str]:
        """Up to three corrected queries that find passages, best first, for a
        ``query`` that found nothing (see :mod:`index.suggest`): each of its
        words that finds nothing spelt as the corpus spells a close word.
        Ask only when a search found nothing: this reads the index's words."""
        from . import suggest as suggesting
        from .errors import QueryError

        store, expand = self.store, self._expander()

        def count(text: str) -> int:
            try:
                return store.reader.count(store.engine.parse(text, expand))
            except QueryError:
                return 0

        def words(field: str) -> list[tuple[str, int]]:
            return self._held_for_generation(f"words:{field}", lambda: store.reader.words(field))

        def spellings(field: str, term: str) -> Any:
            passages = store.reader.passages_with(field, term, suggesting.SPELLINGS_READ)
            return suggesting.spellings_in(passages, field, term)

        def names(field: str) -> list[tuple[str, int]]:
            return suggesting.names_of(self.state().get("entities", []), field)

        def written() -> dict[str, list[str]] | None:
            def read() -> dict[str, list[str]] | None:
                words = store.reader.spelt()
                return None if words is None else suggesting.fold_written(words)

            return self._held_for_generation("written", read)

        corpus = suggesting.Corpus(count, words, spellings, names, written)
        return suggesting.suggest(corpus, query)

    @property
    def location(self) -> Path:
        return self.index_path

    # Corpus-wide views, computed at index time and read from the saved state.

    @guarded
    def stories(self) -> list[Story]:
        """The stories, as the sources list orders them; none before analysis runs."""
        return list(self._held_for_generation("stories", self.store.stories))

    @guarded
    def entities(self, kind: str | None = None) -> list[Entity]:
        """Canonical entities with their spellings and mentions, optionally of one kind."""
        found: list[Entity] = self._held_for_generation("entities", self._read_entities)
        return [e for e in found if kind is None or e.kind == kind]

    def _read_entities(self) -> list[Entity]:
        from . import codec  # cattrs: not for a search
        from .model_views import Entity

        return codec.from_json(self.state().get("entities", []), list[Entity])

    @guarded
    def facts(self) -> list[Fact]:
        """Every fact of every article, in article and passage order."""
        from . import codec  # cattrs: not for a search
        from .model_views import Fact

        found: list[Fact] = []
        for doc in self.store.documents("blob"):
            found.extend(codec.from_json(unpack(doc["data"]).get("facts", []), list[Fact]))
        return sorted(found, key=lambda f: (f.article, f.passage, f.start))

    @guarded
    def fact_groups(self) -> list[FactGroup]:
        """The facts compared across sources, a group per key and story (a quote: per speaker)."""
        from . import codec  # cattrs: not for a search
        from .model_views import FactGroup

        return codec.from_json(self.state().get("groups", []), list[FactGroup])

    @guarded
    def report(self, loose: bool = False) -> Report:
        """The ranked discrepancy report; ``loose`` lists compatible figures too."""
        from .report import discrepancies

        return discrepancies(self, loose)

    @guarded
    def related(self, article_id: str, number: int) -> CrossSourceView:
        """The cross-source view of one passage (``newsdesk related --json`` through
        :mod:`index.codec`)."""
        from .compare import cross_source

        return cross_source(self, article_id, number)

    @guarded
    def matrix(self, story_id: str) -> OmissionMatrix:
        """The omission matrix of a story: facts by sources."""
        from .compare import omission_matrix

        return omission_matrix(self, story_id)
