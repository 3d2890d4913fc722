"""An update that reads only what changed stores exactly what a full build of
the same folder stores: the corpus-wide state, stories, entities and every
article's cross-source views, after random adds, edits and deletes."""

from __future__ import annotations

import gc
import random
import shutil
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import incremental, stories
from index.analysis import Analysis
from index.incremental import Memo, digest, group_by_component, plan_views
from index.library import Library
from index.model import Article, Mention
from index.store import article_from_json, unpack
from index.story_features import StoryInput

from .conftest import SEEDS, SHARED_DATA

BBC = SHARED_DATA / "news-corpus" / "bbc"
TOPICS = ("politics", "business", "tech")
PER_TOPIC = 8
# Two multi-source stories: outlets naming one person by full name and surname
# ("Michael Steele", "Steele"), and spelling acronyms out ("Centers for Disease
# Control and Prevention (CDC)", "acute flaccid myelitis (AFM)").
MULTISOURCE = SHARED_DATA / "multisource"
CLUSTERS = ("basil-2010-2b95d2cf", "multinews-69b0462ff955")


class MemoAnalysis(Analysis):
    """The real analysis, run once per article text: a full build after each
    step then costs the corpus-wide pass, not the NLP again."""

    done: dict[tuple[str, str], dict[str, Any]] = {}

    def analyse(self, articles: Sequence[Article], progress=None) -> list[dict[str, Any]]:
        missing = [a for a in articles if (a.id, a.text) not in self.done]
        for article, found in zip(missing, super().analyse(missing), strict=True):
            self.done[(article.id, article.text)] = found
        return [self.done[(a.id, a.text)] for a in articles]


def test_only_changed_views_are_written():
    views = {"a": {"1": {"related": []}}, "b": {"1": {"related": [{"id": "a"}]}}}
    before = {aid: digest(view) for aid, view in views.items()}
    changed = {**views, "b": {"1": {"related": []}}, "c": {"1": {}}}
    plan = plan_views(changed, before, reread=["a"])
    assert sorted(plan.write) == ["a", "b", "c"]  # a read again, b changed, c new
    assert plan_views(views, before, reread=[]).write == {}
    assert plan.digests["b"] == digest({"1": {"related": []}})


def test_digest_ignores_key_order_but_not_values():
    assert digest({"x": 1, "y": [1, 2]}) == digest({"y": [1, 2], "x": 1})
    assert digest({"x": 1}) != digest({"x": 2})


def test_views_kept_carry_their_stored_digests():
    before = {"a": "old-a", "b": "old-b"}
    plan = plan_views({"c": {"1": {}}}, before, reread=[], kept=["a"])
    assert plan.digests == {"a": "old-a", "c": digest({"1": {}})}  # b was deleted
    assert list(plan.write) == ["c"] and plan.kept == 1


CUT = 0.8


class RandomScores:
    """A pair score function of article ids alone, as :func:`index.stories.scored_pairs`
    returns them: articles of one hidden event score high together, a few
    random candidates score anything, some pairs are kept apart."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.scores: dict[tuple[str, str], tuple[float, bool]] = {}
        self.event: dict[str, int] = {}

    def add(self, new: str, present: Sequence[str]) -> None:
        self.event[new] = self.rng.randrange(25)
        alike = [other for other in present if self.event[other] == self.event[new]]
        for other in alike:
            self._score(new, other, self.rng.uniform(0.6, 1.0))
        for other in self.rng.sample(list(present), min(3, len(present))):
            self._score(new, other, self.rng.uniform(0.0, 0.82))  # rarely above the cut

    def _score(self, a: str, b: str, value: float) -> None:
        self.scores[(min(a, b), max(a, b))] = (value, self.rng.random() < 0.05)

    def rescore(self, count: int) -> None:
        for pair in self.rng.sample(sorted(self.scores), min(count, len(self.scores))):
            self.scores[pair] = (self.rng.random(), self.scores[pair][1])

    def __call__(self, articles: Sequence[StoryInput]):
        at = {a.id: n for n, a in enumerate(articles)}
        pairs = sorted(
            (at[a], at[b], value, apart)
            for (a, b), (value, apart) in self.scores.items()
            if a in at and b in at
        )
        rows, cols, values, apart = (np.array(column) for column in zip(*pairs, strict=True))
        return rows, cols, values.astype(float), CUT, apart.astype(bool)


def _full_grouping(articles: Sequence[StoryInput], scores: RandomScores) -> list[list[str]]:
    rows, cols, values, cut, apart = scores(articles)
    labels = stories.average_linkage(len(articles), rows, cols, values, cut, apart)
    return stories.grouped([a.id for a in articles], labels)


@pytest.mark.parametrize("seed", range(5))
def test_grouping_by_component_equals_the_whole_graph(monkeypatch, seed):
    """After random adds, deletes and changed scores, grouping a component at a
    time with the last run's groups kept is the whole graph's grouping, and only
    the components whose pairs or scores changed are clustered again."""
    rng = random.Random(seed)
    scores = RandomScores(rng)
    monkeypatch.setattr(incremental, "scored_pairs", scores)
    clustered: list[int] = []
    real = incremental.average_linkage

    def counting(size, *args):
        clustered.append(size)
        return real(size, *args)

    monkeypatch.setattr(incremental, "average_linkage", counting)
    ids = [f"a{n:03d}" for n in range(80)]
    for n, aid in enumerate(ids):
        scores.add(aid, ids[:n])
    memo: dict[str, list[list[str]]] = {}
    multi = 0
    for step in range(8):
        articles = [StoryInput(aid, "") for aid in sorted(ids)]
        kept: dict[str, list[list[str]]] = {}
        clustered.clear()
        found = group_by_component(articles, memo, kept)
        assert found == _full_grouping(articles, scores), step
        multi = max(multi, max(len(g) for g in found))
        if step:
            assert len(clustered) < len(kept)  # the unchanged components were kept
        memo = kept
        assert group_by_component(articles, memo, {}) == found
        gone = rng.sample(ids, 2)
        ids = [aid for aid in ids if aid not in gone] + [f"b{step}{n}" for n in range(2)]
        for aid in ids[-2:]:
            scores.add(aid, ids[:-2])
        scores.rescore(2)
    assert multi > 2  # groups of several articles were formed


def _pool() -> dict[str, Path]:
    """File name in the corpus -> real article (BBC names repeat across topics)."""
    files = {f.name: f for f in sorted(SEEDS.iterdir()) if f.is_file()}
    for topic in TOPICS:
        for file in sorted((BBC / topic).glob("*.txt"))[:PER_TOPIC]:
            files[f"{topic}-{file.name}"] = file
    return files


def _clusters() -> dict[str, Path]:
    """File name in the corpus -> article of one of :data:`CLUSTERS`."""
    return {
        f"{cluster}-{file.name}": file
        for cluster in CLUSTERS
        for file in sorted((MULTISOURCE / cluster).glob("*.txt"))
    }


def _analyses(path: Path, corpus: Path) -> dict[str, dict[str, Any]]:
    """The stored analysis of every article of the index."""
    library = Library([corpus], path, analysis=MemoAnalysis())
    return {
        (data := unpack(doc["data"]))["article"]["id"]: data
        for doc in library.store.documents("blob")
    }


def _stored(path: Path, corpus: Path) -> dict[str, Any]:
    """Everything a reader can see of the index, as plain data."""
    library = Library([corpus], path, analysis=MemoAnalysis())
    state = library.state()
    ids = sorted(a.id for a in library.articles())
    return {
        "state": state,
        "articles": ids,
        "listing": library.listing(),
        "stories": library.stories(),
        "entities": library.entities(),
        "views": {aid: library.views(aid) for aid in ids},
        # What the next update reuses: kept in shards, the same as a full build's.
        "memo": incremental.stored_memo(library.store.reader),
    }


def _step(rng: random.Random, corpus: Path, pool: dict[str, Path]) -> str:
    """Add, edit or delete one article at random."""
    present = sorted(corpus.iterdir())
    absent = sorted(name for name in pool if not (corpus / name).exists())
    choice = rng.choice(["add", "add", "edit", "delete"] if present else ["add"])
    if choice == "add" and absent:
        name = rng.choice(absent)
        shutil.copyfile(pool[name], corpus / name)
        return f"add {name}"
    if choice == "edit" or (choice == "add" and not absent):
        target = rng.choice(present)
        donor = pool[rng.choice(sorted(pool))].read_text(encoding="utf-8", errors="replace")
        paragraph = next((p for p in donor.split("\n\n")[1:] if p.strip()), donor)
        target.write_text(target.read_text(encoding="utf-8") + "\n\n" + paragraph)
        return f"edit {target.name}"
    gone = rng.choice(present)
    gone.unlink()
    return f"delete {gone.name}"


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_updates_equal_a_full_build(tmp_path, seed):
    if not BBC.exists():
        pytest.skip(f"{BBC} is not available on this machine")
    rng = random.Random(seed)
    pool = _pool()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in rng.sample(sorted(pool), 12):
        shutil.copyfile(pool[name], corpus / name)
    kept = tmp_path / "kept"
    Library([corpus], kept, analysis=MemoAnalysis()).update()
    for number in range(6):
        done = [_step(rng, corpus, pool) for _ in range(rng.randint(1, 3))]
        Library([corpus], kept, analysis=MemoAnalysis()).update()
        assert gc.isenabled()  # paused for the corpus-wide pass only
        full = tmp_path / f"full{number}"
        Library([corpus], full, analysis=MemoAnalysis()).update()
        incremental, rebuilt = _stored(kept, corpus), _stored(full, corpus)
        assert rebuilt["entities"] and rebuilt["stories"]  # the analysis did run
        for part in rebuilt:
            assert incremental[part] == rebuilt[part], (number, done, part)


@pytest.mark.slow
def test_what_an_update_keeps_of_the_merges_inputs_equals_a_full_merge(tmp_path, monkeypatch):
    """After random adds, edits and deletes of real articles (BBC, and two
    multi-source stories where surnames and acronyms meet), the entities story
    grouping reads are those of the full merge, field by field, and the names
    shared in stories, kept from the last update where a story's articles are
    unchanged, are those shared afresh."""
    if not (BBC.exists() and MULTISOURCE.exists()):
        pytest.skip("the BBC corpus or the multi-source stories are not on this machine")
    from index import corpus_pass
    from index.entities import Named, merge, named
    from index.mentions import share_names

    shared: list[list[str]] = []
    real = corpus_pass.share_in_story

    def counting(articles, mentions, members):
        shared.append(list(members))
        return real(articles, mentions, members)

    monkeypatch.setattr(corpus_pass, "share_in_story", counting)
    rng = random.Random(5)
    pool, stories = _pool(), _clusters()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in [*stories, *rng.sample(sorted(pool), 6)]:
        shutil.copyfile({**pool, **stories}[name], corpus / name)
    pool.update(stories)
    kept, memo, computed, steps = tmp_path / "kept", Memo(), 0, 0
    for number in range(6):
        done = [_step(rng, corpus, pool) for _ in range(rng.randint(1, 3))] if number else []
        Library([corpus], kept, analysis=MemoAnalysis()).update()
        analyses = _analyses(kept, corpus)
        articles = {aid: article_from_json(blob["article"]) for aid, blob in analyses.items()}
        mentions = {aid: [Mention(**m) for m in blob["mentions"]] for aid, blob in analyses.items()}
        passages = {aid: a.passages for aid, a in articles.items()}
        sources = {aid: a.source or aid for aid, a in articles.items()}
        full = [
            Named(
                e.id,
                e.name,
                e.kind,
                frozenset(m.article for m in e.mentions),
                dict(Counter(m.article for m in e.mentions)),
            )
            for e in merge(mentions, sources, passages)
        ]
        assert named(mentions, passages) == full, (number, done)
        assert any(" " in e.name and e.kind == "person" for e in full)
        story_of = Library([corpus], kept, analysis=MemoAnalysis()).state()["story_of"]
        now = Memo()
        shared.clear()
        digests = corpus_pass.story_digests(articles, mentions, story_of)
        found = corpus_pass.shared_names(articles, mentions, digests, memo.names, now.names)
        assert found == share_names(articles, mentions, story_of), (number, done)
        computed, steps = computed + len(shared), steps + len(now.names)
        memo = now
    assert steps > 6 and computed < steps  # stories with nothing changed were kept


@pytest.mark.slow
def test_an_update_compares_again_only_the_stories_it_touches(tmp_path, monkeypatch):
    """Adding an article leaves the related passages and the views of the
    other stories as they were committed: they are not computed again."""
    if not BBC.exists():
        pytest.skip(f"{BBC} is not available on this machine")
    from index import crossref, first_look, pass_views

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    kept = tmp_path / "kept"
    Library([corpus], kept, analysis=MemoAnalysis()).update()
    compared: list[set[str]] = []
    viewed: list[str] = []
    real, real_views = crossref.related_passages, pass_views._Context.views

    def counting(passages, *args):
        compared.append({aid for aid, _, _ in passages})
        return real(passages, *args)

    def counting_views(context, aid):
        viewed.append(aid)
        return real_views(context, aid)

    monkeypatch.setattr(crossref, "related_passages", counting)
    monkeypatch.setattr(pass_views._Context, "views", counting_views)
    # What the corpus-wide pass computes (a first look runs the same pass over
    # the new article's nearest articles before it: see test_first_look.py).
    monkeypatch.setattr(first_look, "MAX_NEW", 0)
    shutil.copyfile(sorted((BBC / "tech").glob("*.txt"))[0], corpus / "tech-001.txt")
    Library([corpus], kept, analysis=MemoAnalysis()).update()
    seeds = {f.name for f in SEEDS.iterdir()}
    assert not any(ids <= seeds for ids in compared)  # the seeds' stories were kept
    assert "tech-001.txt" in viewed and not seeds <= set(viewed)  # so were their views
    viewed.clear()
    full = tmp_path / "full"
    Library([corpus], full, analysis=MemoAnalysis()).update()
    assert any(ids <= seeds for ids in compared)  # a full build does compare them
    assert seeds <= set(viewed)  # and computes every view
    assert _stored(kept, corpus) == _stored(full, corpus)


@pytest.mark.slow
def test_an_update_writes_only_the_memo_shards_that_changed(tmp_path, monkeypatch):
    """Adding an article to a corpus rewrites the memo shards holding what it
    changed, not the memo whole, and the memo read back is the one computed."""
    if not BBC.exists():
        pytest.skip(f"{BBC} is not available on this machine")
    from index import build_pass

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    for file in sorted((BBC / "politics").glob("*.txt"))[:10]:
        shutil.copyfile(file, corpus / f"politics-{file.name}")
    kept = tmp_path / "kept"
    Library([corpus], kept, analysis=MemoAnalysis()).update()
    shards = len(incremental.memo_shards(incremental.stored_memo(_reader(kept, corpus))))
    written: list[list[str]] = []
    real = build_pass.memo_documents

    def counting(memo, last):
        found = real(memo, last)
        written.append([d["uid"] for d in found if d["kind"] == incremental.MEMO_KIND])
        computed.append(memo)
        return found

    computed: list[dict[str, Any]] = []
    monkeypatch.setattr(build_pass, "memo_documents", counting)
    shutil.copyfile(sorted((BBC / "tech").glob("*.txt"))[0], corpus / "tech-001.txt")
    Library([corpus], kept, analysis=MemoAnalysis()).update()
    assert shards > 10 and 0 < len(written[0]) < shards / 2
    stored = incremental.stored_memo(_reader(kept, corpus))
    assert Memo.from_json(stored) == Memo.from_json(computed[0])


def _reader(path: Path, corpus: Path):
    return Library([corpus], path, analysis=MemoAnalysis()).store.reader


def test_a_memo_of_an_older_layout_is_not_used():
    """Related passages kept before stories and views were: nothing is reused
    (everything is computed again), nothing fails."""
    old = Memo.from_json({"0123abcd": [["a.txt", 1, []]]})
    assert (old.related, old.stories, old.views) == ({}, {}, set())
    memo = Memo({"k": []}, {"g": [["a"]]}, {"v"})
    assert Memo.from_json(memo.to_json()) == memo


def test_the_corpus_pass_runs_with_the_collector_paused_and_leaves_it_as_it_was(monkeypatch):
    from index import corpus_pass

    seen: list[bool] = []
    merge = corpus_pass.named

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return merge(*args, **kwargs)

    monkeypatch.setattr(corpus_pass, "named", watched)
    assert gc.isenabled()
    corpus_pass.summarise({})
    assert seen == [False] and gc.isenabled()  # paused for the pass, then back on
    gc.disable()  # a caller that paused it already keeps it paused
    try:
        corpus_pass.summarise({})
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_index_compared_by_another_version_is_compared_again_without_analysis(
    tmp_path, monkeypatch
):
    """After an upgrade that changes the comparison, the next update runs the
    corpus-wide pass again (the old views may hold a false "differ") without
    analysing any article again, and then the index is current."""
    from index import corpus_pass, freshness, store

    library = Library([SEEDS], tmp_path / "index", analysis=MemoAnalysis())
    library.update()
    assert freshness.current(library.corpus, library.store, library.analysis.key)
    analysed: list[str] = []
    passes: list[int] = []
    real_analyse, real_summarise = MemoAnalysis.analyse, corpus_pass.summarise

    def counting_analyse(self, articles, progress=None):
        analysed.extend(a.id for a in articles)
        return real_analyse(self, articles, progress)

    def counting_summarise(analyses, *args, **kwargs):
        passes.append(len(analyses))
        return real_summarise(analyses, *args, **kwargs)

    monkeypatch.setattr(MemoAnalysis, "analyse", counting_analyse)
    monkeypatch.setattr(corpus_pass, "summarise", counting_summarise)
    monkeypatch.setattr(store, "COMPARISON", store.COMPARISON + 1)
    library = Library([SEEDS], tmp_path / "index", analysis=MemoAnalysis())
    assert not freshness.current(library.corpus, library.store, library.analysis.key)
    library.update()
    assert analysed == []
    assert passes == [len(list(SEEDS.glob("*.txt")))]
    library = Library([SEEDS], tmp_path / "index", analysis=MemoAnalysis())
    assert freshness.current(library.corpus, library.store, library.analysis.key)
    library.update()
    assert len(passes) == 1
