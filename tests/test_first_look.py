"""A few new articles are shown at once with a first look at what other
sources say: the pass run over their nearest articles, committed with them,
listed as such, and replaced by the corpus-wide pass's views."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from index import first_look
from index.library import Library
from index.progress import SEARCHABLE
from tui.cli import main

from .conftest import SEEDS, SHARED_DATA
from .test_incremental import BBC, MemoAnalysis

ROUND_ONE = "004_454988fc12dd0efa.txt"  # the first round of talks (AP)
ROUND_THREE = "001_4a6a3c07746cc093.txt"  # the third round (Al Jazeera)
ROUND_THREE_TOO = "003_caa32e451265d8d9.txt"  # the third round (EFE)


def test_a_search_for_neighbours_asks_for_the_title_and_the_names_first():
    words = first_look.search_words(
        "Russia, Ukraine hold talks in Istanbul",
        "The delegations met on Tuesday. Officials said Umerov and Medinsky spoke. "
        "Umerov said prisoners would be exchanged, and prisoners were listed.",
    )
    assert words[:5] == ["russia", "ukraine", "hold", "talks", "istanbul"]
    assert words.index("umerov") < words.index("prisoners")  # names before common words
    assert "medinsky" in words
    assert not {"said", "would", "tuesday", "the"} & set(words)  # nothing every report says


def _add_and_look(corpus: Path, index: Path, add: dict[str, Path], remove: tuple[str, ...] = ()):
    """Index ``corpus``, then add (and remove) files and update again. Returns
    what a reader opening the index sees when the update has made the new
    articles searchable (first looks, their views, the note of ``related``),
    and a reader of the finished update."""
    Library([corpus], index, analysis=MemoAnalysis()).update()
    for name, source in add.items():
        shutil.copyfile(source, corpus / name)
    for name in remove:
        (corpus / name).unlink()
    seen: dict[str, Any] = {}

    def progress(done, total, what, stage):
        if stage == SEARCHABLE and not seen:
            reader = Library([corpus], index)
            seen["comparing"] = reader.comparing()
            seen["first"] = reader.first_looks()
            seen["views"] = {aid: reader.views(aid) for aid in add}
            seen["stories"] = reader.stories()

    Library([corpus], index, analysis=MemoAnalysis()).update(progress=progress)
    return seen, Library([corpus], index)


def _cited(views) -> set[str]:
    found = set()
    for view in views.values():
        found.update(r.article_id for r in view.related)
        for fact in view.facts:
            found.update(o.fact.article for o in fact.others)
    return found


@pytest.mark.slow
def test_an_added_report_is_shown_compared_with_its_story_before_the_pass(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / ROUND_THREE).unlink()
    seen, after = _add_and_look(corpus, tmp_path / "index", {ROUND_THREE: SEEDS / ROUND_THREE})
    assert seen["comparing"] == {ROUND_THREE} and seen["first"] == {ROUND_THREE}
    first = seen["views"][ROUND_THREE]
    # The other report of its round is found and compared with it at once:
    # the 1,000 prisoners of war both report agree.
    assert ROUND_THREE_TOO in _cited(first)
    agreed = [
        (f.fact.text, o.fact.article)
        for view in first.values()
        for f in view.facts
        for o in f.others
        if o.relation == "agree"
    ]
    assert any("1,000" in text and other == ROUND_THREE_TOO for text, other in agreed), agreed
    assert ROUND_THREE not in {a for s in seen["stories"] for a in s.articles}  # the last pass's
    # The pass then replaces the first look; on five articles it saw them all,
    # so the two are the same.
    assert after.comparing() == frozenset() and after.first_looks() == frozenset()
    assert after.views(ROUND_THREE) == first


@pytest.mark.slow
def test_a_first_look_never_cites_an_article_deleted_in_the_same_update(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / ROUND_THREE).unlink()
    seen, _ = _add_and_look(
        corpus, tmp_path / "index", {ROUND_THREE: SEEDS / ROUND_THREE}, (ROUND_THREE_TOO,)
    )
    assert seen["first"] == {ROUND_THREE}
    assert ROUND_THREE_TOO not in _cited(seen["views"][ROUND_THREE])


@pytest.mark.slow
def test_more_new_articles_than_a_desk_drops_in_wait_for_the_pass(tmp_path, monkeypatch):
    monkeypatch.setattr(first_look, "MAX_NEW", 1)
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    for name in (ROUND_ONE, ROUND_THREE):
        (corpus / name).unlink()
    added = {name: SEEDS / name for name in (ROUND_ONE, ROUND_THREE)}
    seen, after = _add_and_look(corpus, tmp_path / "index", added)
    assert seen["comparing"] == set(added) and seen["first"] == frozenset()
    assert seen["views"] == {ROUND_ONE: {}, ROUND_THREE: {}}  # nothing shown before the pass
    assert all(after.views(name) for name in added)


@pytest.mark.slow
def test_related_from_the_shell_says_a_view_is_a_first_look(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / ROUND_THREE).unlink()
    index = tmp_path / "index"
    Library([corpus], index, analysis=MemoAnalysis()).update()
    shutil.copyfile(SEEDS / ROUND_THREE, corpus / ROUND_THREE)
    said: list[str] = []

    def progress(done, total, what, stage):
        if stage == SEARCHABLE and not said:
            # The update holds the index: the command shows the commit it made.
            args = ["related", ROUND_THREE, "1", str(corpus), "--index-dir", str(index)]
            said.append(str(main(args)))
            said.append(capsys.readouterr().err)

    Library([corpus], index, analysis=MemoAnalysis()).update(progress=progress)
    assert said[0] == "0"
    assert "first look, from the articles nearest it" in said[1]


ECB_TOPIC = SHARED_DATA / "ecbplus-dev" / "topic21"


@pytest.mark.slow
def test_a_first_look_keeps_a_story_of_one_subject_together_as_the_pass_does(tmp_path):
    """Thirteen reports of one event, among reports of another event of the
    same kind and unrelated articles: the first look of one more report
    compares it with the reports the pass compares it with. (Run over its
    neighbourhood alone, the reports' shared subject looked like what every
    report writes, and the story fell apart.)"""
    if not (ECB_TOPIC.exists() and BBC.exists()):
        pytest.skip("the ECB+ dev topics or the BBC corpus are not on this machine")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(ECB_TOPIC.glob("*.txt")):
        shutil.copyfile(path, corpus / path.name)
    for path in sorted((BBC / "business").glob("*.txt"))[:30]:
        shutil.copyfile(path, corpus / f"bbc-{path.name}")
    added = "21_6ecbplus.txt"
    (corpus / added).unlink()
    seen, after = _add_and_look(corpus, tmp_path / "index", {added: ECB_TOPIC / added})
    assert seen["first"] == {added}
    first, final = _cited(seen["views"][added]), _cited(after.views(added))
    assert len(final) >= 5  # the pass finds its story
    assert first == final


def test_a_neighbour_search_asks_for_plain_words_whatever_the_text_holds():
    hostile = 'title:x* AND "q NOT (a OR b) ' + "x" * 5000 + " ünïcödé [1 TO 9] field:value"
    words = first_look.search_words(hostile, hostile * 3)
    assert words and all(w.isalpha() and len(w) <= 30 for w in words)
    assert "ünïcödé" in words
    # A scraped page whose first line is a paragraph: the search stays short.
    paragraph = " ".join(f"word{chr(97 + n % 26)}{chr(97 + n // 26)}" for n in range(300))
    words = first_look.search_words(paragraph.replace("word", "w"), paragraph)
    assert len(words) <= first_look.SEARCH_WORDS
