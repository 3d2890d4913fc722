"""An update that reads only what changed stores exactly what a full build of
the same folder stores: the corpus-wide state, stories, entities and every
article's cross-source views, after random adds, edits and deletes."""

from __future__ import annotations

import random
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from index.analysis import Analysis
from index.incremental import digest, plan_views
from index.library import Library
from index.model import Article

from .conftest import SEEDS, SHARED_DATA

BBC = SHARED_DATA / "news-corpus" / "bbc"
TOPICS = ("politics", "business", "tech")
PER_TOPIC = 8


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


def _pool() -> dict[str, Path]:
    """File name in the corpus -> real article (BBC names repeat across topics)."""
    files = {f.name: f for f in sorted(SEEDS.iterdir()) if f.is_file()}
    for topic in TOPICS:
        for file in sorted((BBC / topic).glob("*.txt"))[:PER_TOPIC]:
            files[f"{topic}-{file.name}"] = file
    return files


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
        full = tmp_path / f"full{number}"
        Library([corpus], full, analysis=MemoAnalysis()).update()
        incremental, rebuilt = _stored(kept, corpus), _stored(full, corpus)
        assert rebuilt["entities"] and rebuilt["stories"]  # the analysis did run
        for part in rebuilt:
            assert incremental[part] == rebuilt[part], (number, done, part)


@pytest.mark.slow
def test_an_update_compares_again_only_the_stories_it_touches(tmp_path, monkeypatch):
    """Adding an article leaves the related passages of the other stories as
    they were committed: they are not computed again."""
    if not BBC.exists():
        pytest.skip(f"{BBC} is not available on this machine")
    from index import crossref

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    kept = tmp_path / "kept"
    Library([corpus], kept, analysis=MemoAnalysis()).update()
    compared: list[set[str]] = []
    real = crossref.related_passages

    def counting(passages, *args):
        compared.append({aid for aid, _, _ in passages})
        return real(passages, *args)

    monkeypatch.setattr(crossref, "related_passages", counting)
    shutil.copyfile(sorted((BBC / "tech").glob("*.txt"))[0], corpus / "tech-001.txt")
    Library([corpus], kept, analysis=MemoAnalysis()).update()
    seeds = {f.name for f in SEEDS.iterdir()}
    assert not any(ids <= seeds for ids in compared)  # the seeds' stories were kept
    full = tmp_path / "full"
    Library([corpus], full, analysis=MemoAnalysis()).update()
    assert any(ids <= seeds for ids in compared)  # a full build does compare them
    assert _stored(kept, corpus) == _stored(full, corpus)
