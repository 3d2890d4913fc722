"""The model's spans kept with each article: a new version of newsdesk's rules,
or an edit, gives the model only the text it has not read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from index import analysis, nlp
from index.analysis import Analysis, _analyse_chunk
from index.article_analysis import MODEL_SPANS
from index.build_batches import _kept_spans
from index.library import Library
from index.readers import read_bytes
from index.store import unpack
from tui.output import summary_line

from .conftest import SEEDS


@pytest.fixture
def model_reads(monkeypatch) -> list[str]:
    """Every piece of text given to the model from here on."""
    given: list[str] = []
    real = nlp.model_spans

    def counting(texts, *args, **kwargs):
        given.extend(texts)
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "model_spans", counting)
    return given


def _blobs(path: Path, corpus: Path, engine: str | None = None) -> dict[str, Any]:
    library = Library([corpus], path, analysis=Analysis(processes=1), engine=engine)
    return {doc["uid"]: unpack(doc["data"]) for doc in library.store.documents("blob")}


def _update(path: Path, corpus: Path, engine: str | None = None) -> None:
    Library([corpus], path, analysis=Analysis(processes=1), engine=engine).update()


@pytest.fixture(params=["whoosh", "tantivy"])
def engine(request) -> str:
    if request.param == "tantivy":
        pytest.importorskip("tantivy")
    return request.param


def test_an_edited_article_gives_the_model_only_its_new_text(tmp_path, seeds_copy, model_reads):
    index = tmp_path / "index"
    _update(index, seeds_copy)
    model_reads.clear()
    report = sorted(seeds_copy.glob("*.txt"))[1]
    text = report.read_text(encoding="utf-8")
    assert "\n\n" not in text  # a paragraph a line, as the report writes them
    added = "Negotiators from Ankara met Rustem Umerov again in Istanbul on Thursday."
    lines = text.split("\n")
    report.write_text("\n".join([*lines[:3], added, *lines[3:]]), encoding="utf-8")
    _update(index, seeds_copy)
    assert model_reads == [added]
    fresh = tmp_path / "fresh"
    _update(fresh, seeds_copy)
    assert _blobs(index, seeds_copy) == _blobs(fresh, seeds_copy)


def test_spans_of_another_model_are_not_used(tmp_path, seeds_copy, model_reads, monkeypatch):
    index = tmp_path / "index"
    _update(index, seeds_copy)
    first = len(model_reads)
    model_reads.clear()
    monkeypatch.setattr(analysis, "VERSION", analysis.VERSION + "-next")
    monkeypatch.setattr(nlp, "model_identity", lambda name=None: "another model 2.0")
    _update(index, seeds_copy)
    assert len(model_reads) == first
    # its analyses came out as before, but the other model's spans are kept now
    model_reads.clear()
    monkeypatch.setattr(analysis, "VERSION", analysis.VERSION + "-again")
    _update(index, seeds_copy)
    assert model_reads == []


def test_a_model_of_unknown_version_keeps_nothing(monkeypatch):
    article = _articles()[0]
    monkeypatch.setattr(nlp, "model_identity", lambda name=None: None)
    (result,) = Analysis(processes=1).analyse_here([article])
    assert MODEL_SPANS not in result
    assert result["mentions"]


def _articles():
    files = sorted(SEEDS.glob("*.txt"))[:2]
    return [a for f in files for a in read_bytes(f.read_bytes(), f.name, f.name).articles]


def test_a_worker_given_every_piece_loads_no_model(monkeypatch):
    articles = _articles()
    first = Analysis(processes=1).analyse_here(articles)
    known = {a.id: r[MODEL_SPANS] for a, r in zip(articles, first, strict=True)}

    def refuse(name):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(nlp, "load", refuse)
    monkeypatch.setattr(analysis, "_WORKER", {})
    again = _analyse_chunk(nlp.model_name(), (articles, known))
    assert again == first


def test_kept_spans_of_another_shape_are_read_again_by_the_model(model_reads):
    articles = _articles()[:1]
    (first,) = Analysis(processes=1).analyse_here(articles)
    pieces = first[MODEL_SPANS]["pieces"]
    bad = dict.fromkeys(pieces, "not spans")
    bad[next(iter(pieces))] = [[0, "x", "PERSON"]]
    model_reads.clear()
    known = {articles[0].id: {"model": first[MODEL_SPANS]["model"], "pieces": bad}}
    (again,) = Analysis(processes=1).analyse_here(articles, known)
    assert again == first
    assert len(model_reads) == len(pieces)


class _Reader:
    def __init__(self, docs: dict[str, Any]) -> None:
        self.docs = docs

    def get(self, kind: str, uid: str):
        assert kind == "spans"
        return self.docs.get(uid)


class _Writer:
    def __init__(self, docs: dict[str, Any]) -> None:
        self._reader = _Reader(docs)

    def reader(self):
        return self._reader


def test_damaged_kept_spans_are_left_to_the_model():
    from index.store import pack

    articles = _articles()
    good = {"model": "m", "pieces": {}}
    docs = {
        f"spans:{articles[0].id}": {"data": pack(good)},
        f"spans:{articles[1].id}": {"data": b"\x00not a record"},
    }
    assert _kept_spans(_Writer(docs), articles) == {articles[0].id: good}
    assert _kept_spans(_Writer({}), articles) == {}


def test_a_deleted_article_takes_its_spans_with_it(tmp_path, seeds_copy):
    index = tmp_path / "index"
    _update(index, seeds_copy)
    library = Library([seeds_copy], index, analysis=Analysis(processes=1))
    before = {doc["uid"] for doc in library.store.documents("spans")}
    assert len(before) == len(list(seeds_copy.glob("*.txt")))
    gone = sorted(seeds_copy.glob("*.txt"))[0]
    gone.unlink()
    _update(index, seeds_copy)
    library = Library([seeds_copy], index, analysis=Analysis(processes=1))
    after = {doc["uid"] for doc in library.store.documents("spans")}
    assert len(after) == len(before) - 1


def _contents(path: Path, corpus: Path, engine: str | None = None) -> dict[str, Any]:
    """Everything a reader sees of an index, as plain data."""
    library = Library([corpus], path, analysis=Analysis(processes=1), engine=engine)
    ids = sorted(a.id for a in library.articles())
    return {
        "analyses": _blobs(path, corpus, engine),
        "listing": library.listing(),
        "stories": library.stories(),
        "entities": library.entities(),
        "views": {aid: library.views(aid) for aid in ids},
    }


@pytest.fixture
def rewrites(monkeypatch) -> dict[str, list]:
    """The articles an update writes, and the articles the corpus-wide pass
    (and a first look's) is told changed."""
    from index import build, corpus_pass

    seen: dict[str, list] = {"written": [], "changed": []}
    write, summarise = build._add_article, corpus_pass.summarise

    def writing(writer, article, analysis):
        seen["written"].append(article.id[:3])
        return write(writer, article, analysis)

    def summarising(analyses, memo=None, changed=()):
        seen["changed"].extend(sorted(a[:3] for a in changed))
        return summarise(analyses, memo, changed)

    monkeypatch.setattr(build, "_add_article", writing)
    monkeypatch.setattr(corpus_pass, "summarise", summarising)
    return seen


def test_a_new_version_of_the_rules_that_changes_nothing_costs_no_model_and_no_write(
    tmp_path, seeds_copy, model_reads, rewrites, monkeypatch, engine
):
    index = tmp_path / "index"
    _update(index, seeds_copy, engine)
    assert len(model_reads) > 20  # titles and passages of the five seeds
    model_reads.clear()
    rewrites["written"].clear()
    rewrites["changed"].clear()
    # newsdesk upgraded: every article is analysed again under the new key
    monkeypatch.setattr(analysis, "VERSION", analysis.VERSION + "-next")
    library = Library([seeds_copy], index, analysis=Analysis(processes=1), engine=engine)
    summary = library.update()
    assert len(summary.updated) == len(summary.alike) == 5
    assert "5 updated (5 analysed as before)" in summary_line(summary)
    assert model_reads == []
    assert rewrites == {"written": [], "changed": []}
    assert library.update().unchanged == 5  # and current
    fresh = tmp_path / "fresh"
    _update(fresh, seeds_copy, engine)
    assert model_reads  # a new index reads everything
    assert _contents(index, seeds_copy, engine) == _contents(fresh, seeds_copy, engine)
    blobs = _blobs(index, seeds_copy, engine)
    assert not any(MODEL_SPANS in blob for blob in blobs.values())  # kept apart


def test_a_new_version_that_changes_one_analysis_rewrites_that_article(
    tmp_path, seeds_copy, rewrites, monkeypatch
):
    index = tmp_path / "index"
    _update(index, seeds_copy)
    rewrites["written"].clear()
    rewrites["changed"].clear()
    real = analysis.analysed

    def new_rules(article, found, words=None):
        result = real(article, found, words)
        if article.id.startswith("001"):  # a rule that now reads one figure no more
            result["facts"] = result["facts"][1:]
        return result

    monkeypatch.setattr(analysis, "VERSION", analysis.VERSION + "-next")
    monkeypatch.setattr(analysis, "analysed", new_rules)
    summary = Library([seeds_copy], index, analysis=Analysis(processes=1)).update()
    assert [path[:3] for path in summary.alike] == ["000", "002", "003", "004"]
    assert rewrites["written"] == ["001"]
    assert set(rewrites["changed"]) == {"001"}  # its first look's, then the pass's
    fresh = tmp_path / "fresh"
    _update(fresh, seeds_copy)
    assert _contents(index, seeds_copy) == _contents(fresh, seeds_copy)
