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
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .model import Article, Mention

if TYPE_CHECKING:  # a search reads the analysis key only: no worker pool is imported
    from concurrent.futures import Executor

    from .story_features import WordCounts

# 2: entity mentions in headlines and repeats; 3: fact subjects; 4: both;
# 5: headline spans cut to the body's names, teams on sports table lines;
# 7: counted words read past a possessive after "of"; another story's figures
# are context in the stored views, never compared
# 8: a headline run-on after a name that is no person's is cut;
# 9: speakers, quotes and units read more strictly; 10: another story's fact is
# listed in a view only when it is a counterpart; 12: sports teams' full names
# and nicknames are organisations (index/teams.py); 13: a speaker's figure is
# compared with the narrator's, "two dozen" is 24, weights read after "weighs";
# 14: a name the model cut short is the whole name, whatever its kind; a town
# with a result beside it is the team its article names; 15: common nouns that
# stand for a named entity ("Woman" in a headline, "Police"), index/references.py;
# 16: who states a figure (a surname two people share, runs the model missed);
# 17: a photo credit's word that ends a name ("Photo by James Nielsen/AFP"), and a
# "Source:" line with a link or a year (a study cited), are no outlet
# 18: the stored views and matrices hold an article's outlet or None, never the
# placeholder a reader is shown for none; a caption closed by a credit in
# parentheses ("(Denis Charlet/AFP/Getty Images)") and rows of share or follow
# buttons are kept out of titles and passages
# 19: a byline on a line of its own ("By Hayes Hickman of the Knoxville News
# Sentinel") and an agency opening the text ("(CNN) Wearing...") name the writer
# and outlet, and a byline is no headline; each town of a dateline
# "GAZA/JERUSALEM" is a place of its own, with or without agency
# 20: a speaker named with a title after a quote ("Mr. Gowdy said"), and after a
# quoted question opening its sentence (“Why speculate?” Mr. Gowdy added.), and
# one named before a description of him (“...,” Michael Elliott, the director, said)
# 31: capitals closing a reader's comment ("them was the days ! LOL") are no
# outlet's sign-off; a name the model reads as a person that the text writes as
# a company's or a club's ("oil giant Yukos", "Manchester United striker") is an
# organisation
# 32: a figure in a paragraph after one opening with a time told from an earlier
# year ("A year later, he was convicted ...") is framed by that year
# 33: a name after a person's title is a person's ("Mr Kilroy-Silk" read as a
# place); surnames with an apostrophe, a hyphen or a capital inside ("O'Gara",
# "Kilroy-Silk", "McIlroy") are found and voted as others are; "Blu-ray" is no person;
# British football and rugby clubs are teams; a name is cut at a bracket; a
# one-word "person" written after "the" or "a" half the times is a thing's name
# 34: a page's furniture in a headline's place ("Media playback is unsupported on
# your device", "Story highlights", a newsletter's sign-up box) is no title
# 35, 36: a one-word person's mention is marked where the text shows a person
# (a title or a role before it, "he" or "she" after it), which the merge reads
# 37: a one-word "place" its article writes as a company's is an organisation
# ("BT chief executive", "gas giant Gazprom")
# 38: the words before a name that show a person are names.ROLES and the titles,
# less those that also come before a thing's name ("singer", "Dr", "King", "Pope")
# 39: a one-word place's mentions labelled where the text shows a place ("in
# Kashmir", "Zimbabwe and Burma"), for the merge's place rule
# 40: so are places' names of several words ("at Ground Zero")
# 41: a desk's contact closing a wire report ("-- London Newsroom +44 171 542
# 7717") is no part of the text; a rank ("world number two") and a score
# ("15-12") are no counts; a dateline of a place and an ISO day ("LONDON
# 1996-12-06") on a line of its own dates the report and leaves the text
# 42: "about" a round number reaches half its rounding step (10% to 20%)
# 43: a time zone is no name ("1430 GMT"); "a bid from" a name shows no place
# 44: an archive's head (a headline above an ISO dateline, a writer's name) is
# read as the title, date and author
# 45: a page's furniture ("Hide Caption", "Photos", "Replay More Videos",
# "Enlarge Image") is no name
# 46: nor is a paper's figure ("Supplementary Fig. 3")
# 47: a person named with a nickname between given name and surname ("Luis
# Gerardo (Jerry) Ortiz", 'John "Jay" Rockefeller') is one mention
# 48: the hashed word counts story grouping reads of the text and lead are kept
# 49: a name spanning a verb of speech is two ("Lackey told The Associated Press")
# 50: a day after a quote is no surname of a nickname's ('Trump "Yes" Monday')
# 51: a nickname is looked for from each person's first word ("Chief of Staff
# William "Mo" Cowan")
# 52: more nouns a headline calls a person by ("Swimmer", "Brother", "Accused")
# 53: a person's name and "administration", "campaign", "team" ... is an
# organisation ("the Obama administration")
# 54: a name spanning any verb the speakers are found by is two ("Smith denied
# Jones")
# 55: police ranks before a name are what the person is ("Const. Fanning",
# "Det Supt Smith")
# 56: a person's given name is no other name of a city in the gazetteer ("Saul"
# for Seoul, "Rafa" for Rafah)
# 57: one function word of no kind is no name ("Last" of "Last updated", "Twelve"
# of "Ocean's Twelve"), nor function words labelling a line ("Subs Not Used:");
# a name ends at a dash before a word in lower case ("Arsene Wenger - he")
# 58: capitalised words the model left untagged are one name over "of the" ("Top
# of the Pops")
# 59: "P.M." after a time of day is no name; a day's name keeps its possessive
# ("New Year's Eve")
# 60: nor does a name start with it ("12:39 A.M. Israel and Hamas")
# 61: a person's span ending with a style runs on over the name after it ("Tory
# Treasurer Lord" before "Ashcroft")
# 62: a title alone before a name is no name of another kind ("Sgt." of "Sgt.
# Shayne La Croix"), nor a department in an office's title ("Secretary of State")
# 63: a department in an office's title is a name again (the State Department's
# "Secretary of State")
# 64: a title alone is one of the words only a person's name follows
# (mentions.PERSON_BEFORE), not every word of names.ROLES but a department
# 65: a span's trailing word in lower case that is a function word, a day's adverb
# or an ordinal is cut ("Mary be", "Christie today", "ITV1 show"), and so is a
# title written short ("Las Vegas Police Sgt")
# 66: two names joined by "and" are two where each is named on its own or is the
# last word of a longer name ("Locke and Salazar" after "Gary Locke")
# 67: a spaced dash or a quote not closed in a span splits it, less a slug's word
# ("CRICKET - LARA", '"New" Labour'); two people's full names joined by "and" are
# two people ("Ernie Els and Retief Goosen"), so are two titles ("Midnight Express
# and The Commitments"); a surname in capitals is its person
# 68: an initial or a company's legal form alone is no name ("(R., Ohio)", "Inc.")
# 69: a one-word person's royal style and regnal number are part of the name
# ("Prince Charles", "Charles I"), no bare given name that joins a namesake
# 70, 71: a surname in capitals is its person unless labelled a place: never a
# dateline's "WASHINGTON" beside Denzel Washington
# 72: a state as agencies abbreviate it, right after its town, is a place
# ("Schenectady, N. Y."), whatever the model read
# 73: words in lower case between two names, neither a name's particle nor a
# title's small word, break the span ("Balco boss Victor Conte", "Blewett b Warne")
# 74: a figure and what it counts run on after a name are cut ("Barrick 75
# percent", "Varig 2bn"); two names joined by "or" are two where each is named
# alone ("Hartlepool or Boston")
# 75: a case's "v." between two names parts them as a list does ("Gonzales v. Raich")
# 76: a town after "in" or "back to" is the place, though the model read an
# organisation ("the win in KC", "back to Manchester")
# 77: a function word written in title case is no place ("Us magazine" is not the US)
# 78: a town is its team only where the text shows no place there, as places are
# shown ("at the Indy 14-yard line" too); "back to" shows a place
# 79: a street named by its number keeps it ("117th Street", "10 Downing Street"),
# where "Street" alone was left
# 80: a passage that writes longer words in lower case is prose, not a headline
# to re-case ("Gary Speed scored ..." kept "Speed"); a run the model missed that
# opens with a given name keeps it at a line's head ("- Tony Underwood") and is
# a person's name
# 81: that run is a person's name only as an item of a list whose words the
# text never writes in lower case ("the Flora Lite 5K road race" is no person)
# 82: a word after a given name keeps its capital in a line of names of the
# body, not in the headline ("Perry Wins" is Perry winning)
# 83: a person's span leaves out what the person is before a full name
# ("Defender Hassan Abbas") and a score or a rank after it ("Ijaz Ahmad 0.1-0-0-0")
# 84: a version or a frequency stays part of a name ("Guccifer 2.0", "Power 105.1");
# only a score with a dash is cut after one
# 85: a rank is cut only after a person's name ("Carl 44th"), not a day's
# ordinal from an event's ("September 11th")
# 86: the person noun that opens a lead ("A suspected Mafia boss ...") stands for
# the name that opens the next sentence, as a headline's noun does; "boss" and
# "leader" are person nouns ("Tory leader Michael Howard")
# 87: a page's time stamp above or under the headline ("May 2, 2013, 1:12 PM",
# "Updated 4:08 p. m. ET") is neither its title nor its text, and dates it
# 88: a short line ending like a sentence by such a stamp is the headline
# ("FIRED IN PHILLY!!"); a time written "8: 24am" is a stamp's
# 89: stamps written "First Posted ...", "5: 55p", "7: 00pm UK", "GMT+02: 00",
# "1052 GMT (1852 HKT)", "Jan 5, 2011 – 4:35 PM"
# 90: a headline repeated under itself (a page scraped below its file's
# headline) is said once
# 91: stamps in capitals with spaced initials ("10:55 P. M. FEB. 2, 2009") or
# headed "Release:"
# 92: an image's toggle and credit ("Enlarge this image toggle caption Ethan
# Miller/AP") is a caption, not text
# 93: a page's furniture between paragraphs ("___", "Story Continued Below",
# "Advertisement Continue reading the main story") is not text
VERSION = "93"
# From this many articles in one call, a second worker process pays for its
# start (loading the model takes a couple of seconds).
PARALLEL_FROM = 200
CHUNK = 16  # articles per task handed to a worker process
# Up to this many articles, a first index's corpus-wide pass runs in a worker
# process (see Analysis.summarise_apart): beyond, a second copy of every
# analysis in memory (pickled, then the worker's) costs more than it saves.
APART_UP_TO = 20_000
NAMED_KINDS = ("person", "organisation", "place", "group", "event", "other")
# An article with more text than this is skipped, not analysed: NLP and facts
# take about 30 s per million characters on one core, and no news article is
# near it (a long feature is 50,000). Like the file size cap, it is said.
MAX_ANALYSED_CHARS = 500_000


# Told (articles analysed, of how many) as an analysis goes.
Tick = Callable[[int, int], None]


def _ignore(done: int, of: int) -> None:
    """No one to tell."""


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
        self, articles: Sequence[Article], progress: Tick | None = None, coming: int = 0
    ) -> list[dict[str, Any]]:
        """Mentions and facts of each article, or ``{"skipped": reason}`` for
        one too long to analyse (see :data:`MAX_ANALYSED_CHARS`); ``progress``
        is told (done, of) as they are analysed. ``coming`` is how many files
        the run still has to analyse, these included: a first index hands its
        articles over in batches, and a small first or last batch of a large
        run is worth the worker processes the whole run pays for once."""
        return self.start(articles, coming).result(progress or _ignore)

    def start(self, articles: Sequence[Article], coming: int = 0) -> Analysing:
        """:meth:`analyse`, begun: in worker processes the articles are handed
        over at once, so that this process can write the last batch meanwhile;
        :meth:`Analysing.result` waits for them."""
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
            futures = [pool.submit(_analyse_chunk, self.model, chunk) for chunk in chunks]
        return Analysing(self, list(articles), kept, futures)

    def _analyse(self, articles: Sequence[Article], progress: Tick) -> list[dict[str, Any]]:
        """Mentions and facts of each article in this process, or on the
        cluster when a scheduler is named, however few they are."""
        if self.scheduler:
            return self._on_cluster(articles)
        return self._analyse_here_in_chunks(articles, progress)

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
            return self.analyse_here(analysing.kept)
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

    def _on_cluster(self, articles: Sequence[Article]) -> list[dict[str, Any]]:
        """Batches small enough that every worker of a small cluster gets some,
        and a worker that dies loses little (its batch is redone elsewhere)."""
        from . import cluster

        self.connect()
        size = max(1, min(CHUNK, len(articles) // 4))
        batches = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        return cluster.run_batches(self._client, _analyse_chunk, self.model, batches)

    def _analyse_here_in_chunks(
        self, articles: Sequence[Article], progress: Tick
    ) -> list[dict[str, Any]]:
        """:meth:`analyse_here`, a chunk at a time so that progress can be told."""
        results: list[dict[str, Any]] = []
        for start in range(0, len(articles), CHUNK):
            results += self.analyse_here(articles[start : start + CHUNK])
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
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in multiprocessing.active_children():
            worker.terminate()

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

    def analyse_here(self, articles: Sequence[Article]) -> list[dict[str, Any]]:
        """Mentions and facts of each article, in this process."""
        from .story_features import word_counts

        mentions = self._mentions(articles)
        counts = word_counts([(a.title, a.passages) for a in articles]) if articles else []
        return [
            analysed(a, found, words)
            for a, found, words in zip(articles, mentions, counts, strict=True)
        ]

    def _mentions(self, articles: Sequence[Article]) -> list[list[Mention]]:
        """Run NER over the title and passages (not captions or tags), mapped back
        to article offsets, then find the names it recognised again wherever the
        article repeats them (see :mod:`index.mentions`)."""
        from .mentions import (
            a_sentence,
            capitalised,
            needs_truecase,
            nicknamed,
            propagate,
            regions,
            relabel,
            run_by,
            shown_people,
            shown_places,
            split_spans,
            title_span,
            trim_headlines,
            truecase,
        )
        from .nlp import find_mentions
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
        found = find_mentions(texts, self.model, n_process=1)
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
                        _shaped(
                            article.text,
                            nicknamed(article.text, split_spans(article.text, mentions)),
                            spans,
                        ),
                        spans,
                    )
                ],
                article.text,
            )
            mentions = trim_headlines(article.text, mentions, headlines)
            mentions = propagate(article.text, mentions, spans)
            mentions = shown_people(article.text, known_teams(article.text, mentions))
            result.append(run_by(article.text, shown_places(article.text, mentions)))
        return result

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
_LOADING = threading.Lock()  # a Dask worker may run two batches in threads at once


class Analysing:
    """One batch's analysis under way (see :meth:`Analysis.start`)."""

    def __init__(
        self,
        analysis: Analysis,
        articles: list[Article],
        kept: list[Article],
        futures: list[Any] | None,
    ) -> None:
        self.analysis = analysis
        self.articles = articles
        self.kept = kept  # those short enough to analyse
        self.futures = futures  # handed to the worker processes, or None: done on result()

    def result(self, progress: Tick = _ignore) -> list[dict[str, Any]]:
        """Each article's analysis, in order, once all are done."""
        found: Iterator[dict[str, Any]]
        if not self.kept:
            found = iter([])
        elif self.futures is None:
            found = iter(self.analysis._analyse(self.kept, progress))
        else:
            found = iter(self.analysis._collect(self, progress))
        return [
            next(found) if len(a.text) <= MAX_ANALYSED_CHARS else {"skipped": _too_long(a)}
            for a in self.articles
        ]

    def cancel(self) -> None:
        """Drop what the workers have not done (the run stopped)."""
        if self.futures is not None:
            _drop(self.analysis, self.futures)
            self.futures = None


class Summarising:
    """The corpus-wide pass under way in a worker process (see
    :meth:`Analysis.summarise_apart`)."""

    def __init__(self, analysis: Analysis, future: Any, inputs: tuple) -> None:
        self.analysis, self.future, self.inputs = analysis, future, inputs

    def result(self) -> dict[str, Any]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.future.result()
        except BrokenProcessPool:
            # The worker died (memory): the pass is done here instead.
            self.analysis.close()
            return self.analysis.summarise(*self.inputs)

    def cancel(self) -> None:
        """Stop the pass (the run stopped): its worker is ended, not waited for."""
        _drop(self.analysis, [self.future])


def _drop(analysis: Analysis, futures: list[Any]) -> None:
    """Cancel work handed to the worker processes; where some is already under
    way, end the workers rather than wait for it."""
    for future in futures:
        future.cancel()
    if any(not future.done() for future in futures):
        analysis._abandon()


def _summarise(
    analyses: dict[str, dict[str, Any]], memo: dict[str, Any], changed: set[str]
) -> dict[str, Any]:
    """:func:`index.corpus_pass.summarise`, in a worker process."""
    from .corpus_pass import summarise

    return summarise(analyses, memo, changed)


def analysed(
    article: Article, found: Sequence[Mention], words: WordCounts | None = None
) -> dict[str, Any]:
    """What is stored of one article given its NLP mentions: the mentions (a
    common noun standing for a name marked so), those references, the facts,
    the passages' search fields and the word counts story grouping reads
    (``words``, counted here where not given: a batch counts them at once)."""
    from .facts import extract_facts
    from .references import common_nouns, find_references
    from .story_features import word_counts

    references = find_references(article, found)
    found = common_nouns(found, references)
    facts = extract_facts(article, found)
    if words is None:
        (words,) = word_counts([(article.title, article.passages)])
    return {
        # plain fields: copied, not through asdict's deep copy
        "mentions": [dict(m.__dict__) for m in found],
        "references": [dict(r.__dict__) for r in references],
        "facts": [f.to_json() for f in facts],
        "passage_fields": _passage_fields(article, found, facts),
        "word_counts": words,
    }


def _shaped(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions where a line's shape says what its names are: the teams of a
    sports table, the places of a dateline."""
    from .datelines import datelines
    from .tables import teams

    return datelines(text, teams(text, mentions, spans), spans)


def _too_long(article: Article) -> str:
    return (
        f"too slow to analyse: {len(article.text):,} characters of text "
        f"(the cap is {MAX_ANALYSED_CHARS:,})"
    )


def _analyse_chunk(model: str, articles: list[Article]) -> list[dict[str, Any]]:
    """Run in a worker process (a local pool's or a Dask worker): one Analysis
    (and model) per process, reused by every batch it is sent."""
    with _LOADING:
        if model not in _WORKER:
            _WORKER[model] = Analysis(model, processes=1)
            from .nlp import load

            load(model)
    return _WORKER[model].analyse_here(articles)


def _passage_fields(article: Article, mentions: Sequence[Mention], facts) -> dict[str, dict]:
    """Search fields of each passage: entity alias keys and fact keys."""
    from .entities import alias_key
    from .passages import PassageLocator
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
