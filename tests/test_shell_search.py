"""`newsdesk search` from the shell does only what a search needs: on an index
that is up to date it lists the files and searches, without loading the
indexer, the readers or the NLP; a changed file is still found."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from index.corpus import Corpus
from index.freshness import current
from index.library import Library
from index.model import Hit, SearchResult
from index.store import Store
from tui import output
from tui.cli import main

from .conftest import ROOT

# What an unchanged corpus must not cost a search (seconds of imports each).
# index.nlp itself may load: it names the model (for the analysis key) and
# imports spaCy only to run it.
NOT_NEEDED = (
    "spacy",
    "thinc",
    "trafilatura",
    "distributed",
    "textual",
    "index.build",
    "index.build_batches",
    "index.build_catalog",
    "index.build_pass",
    "index.readers",
    "index.facts",
    "index.corpus_pass",
    "index.pass_views",
    "tui.fetching",
    "tui.serve",
    "rich.progress",
    "rich.table",
)
PROBE = """
import json, sys
from tui import output
from tui.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _search_in_subprocess(*args: str) -> tuple[int, str, list[str]]:
    """Exit code, output and the modules loaded by a fresh ``newsdesk search``."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "search", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ.copy(),
        timeout=300,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], done.stdout, report["modules"]


@pytest.mark.slow
def test_search_on_an_unchanged_index_loads_no_indexer_or_nlp(seeds_index):
    code, out, modules = _search_in_subprocess("prisoners", "--json")
    assert code == 0
    assert json.loads(out)["total"] > 0
    loaded = [name for name in NOT_NEEDED if name in modules]
    assert loaded == []


@pytest.mark.slow
def test_a_search_into_a_pipe_loads_nothing_it_does_not_run(seeds_index):
    code, out, modules = _search_in_subprocess("prisoners")
    assert code == 0
    assert "passages match prisoners" in out.splitlines()[0]
    loaded = [
        name
        for name in (
            "argparse",
            "rich",
            "cattrs",
            "index.codec",
            "index.model_views",
            "asyncio",
            "urllib.request",
            "ssl",
            "html.entities",
            "whoosh.lang.morph_en",
            "whoosh.qparser",
            "_hashlib",
        )
        if name in modules
    ]
    assert loaded == []


@pytest.mark.slow
def test_search_still_finds_what_a_changed_file_now_says(seeds_copy, tmp_path):
    index_dir = str(tmp_path / "ix")
    assert main(["index", str(seeds_copy), "--index-dir", index_dir]) == 0
    article = sorted(seeds_copy.glob("*.txt"))[0]
    article.write_text(article.read_text() + "\n\nA zeppelin was seen over the talks.\n")
    code, out, modules = _search_in_subprocess(
        "zeppelin", str(seeds_copy), "--index-dir", index_dir, "--json"
    )
    assert code == 0
    assert [hit["id"] for hit in json.loads(out)["hits"]] == [article.name]
    assert "index.build" in modules  # something changed: the indexer ran


@pytest.mark.slow
def test_no_update_searches_the_index_as_it_was(seeds_copy, tmp_path, capsys):
    index_dir = str(tmp_path / "ix")
    assert main(["index", str(seeds_copy), "--index-dir", index_dir]) == 0
    article = sorted(seeds_copy.glob("*.txt"))[0]
    article.write_text(article.read_text() + "\n\nA zeppelin was seen over the talks.\n")
    capsys.readouterr()
    args = ["search", "zeppelin", str(seeds_copy), "--index-dir", index_dir, "--json"]
    assert main([*args, "--no-update"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1


def test_no_update_without_an_index_says_how_to_make_one(seeds_copy, tmp_path, capsys):
    index_dir = tmp_path / "ix"
    code = main(["search", "talks", str(seeds_copy), "--index-dir", str(index_dir), "--no-update"])
    assert code == 2
    err = capsys.readouterr().err
    assert "no index" in err and "newsdesk index" in err
    assert "Traceback" not in err
    assert not Store.exists(index_dir)


@pytest.fixture
def plain_index(seeds_copy, tmp_path):
    """The seeds indexed without NLP (quick): what the update check compares."""
    library = Library([seeds_copy], tmp_path / "ix")
    library.update()
    return library


def _current(library: Library, key: str = "") -> bool:
    return current(Corpus.of([library.corpus.roots[0]]), Store(library.index_path), key)


def test_a_corpus_keeps_the_index_folder_it_had(tmp_path):
    """The default index folder is named by a SHA-1 of the corpus's folders:
    reading it without hashlib's OpenSSL must give the same name, or every
    index made before would be lost and rebuilt."""
    import hashlib

    roots = [tmp_path / "news", tmp_path / "wire ü"]
    for root in roots:
        root.mkdir()
    key = Corpus.of(roots).key
    digest = hashlib.sha1("\0".join(sorted(str(r) for r in roots)).encode()).hexdigest()
    assert key == f"news-{digest[:12]}"


def test_an_index_just_written_is_current(plain_index):
    assert _current(plain_index)


def test_a_file_touched_added_or_removed_makes_the_index_stale(plain_index, seeds_copy):
    first = sorted(seeds_copy.glob("*.txt"))[0]
    stat = first.stat()
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert not _current(plain_index)
    plain_index.update()
    assert _current(plain_index)
    (seeds_copy / "new.txt").write_text("Headline\n\nA new report.\n")
    assert not _current(plain_index)
    plain_index.update()
    first.unlink()
    assert not _current(plain_index)


def test_another_analysis_or_outlet_makes_the_index_stale(plain_index, seeds_copy):
    assert not _current(plain_index, key="some_model/4")
    (seeds_copy / "newsdesk.toml").write_text('[outlets]\n"*.txt" = "Wire"\n')
    assert not _current(plain_index)


def _settled(folder: Path) -> None:
    """Every folder under ``folder`` last changed an hour ago, as a corpus
    nobody is writing to is: the update check then keeps what it listed."""
    hour_ago = time.time_ns() - 3600 * 1_000_000_000
    for top, _dirs, _names in os.walk(folder):
        os.utime(top, ns=(hour_ago, hour_ago))


def _put_back(folder: Path, change) -> None:
    """``change()`` made inside ``folder`` with the folder's time put back, as
    an edit in place leaves it."""
    before = folder.stat()
    change()
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.fixture
def settled_index(plain_index, seeds_copy):
    """``plain_index`` on a corpus whose folders settled, checked once: the
    listing is kept, and the next check only compares it."""
    _settled(seeds_copy)
    assert _current(plain_index)
    return plain_index


def test_a_second_check_of_an_unchanged_corpus_reads_no_folder(settled_index, monkeypatch):
    def no_walk(*args, **kwargs):
        raise AssertionError("the folders were walked again")

    monkeypatch.setattr(Corpus, "walk", no_walk)
    assert _current(settled_index)


def test_an_article_edited_in_place_is_found_by_the_kept_listing(settled_index, seeds_copy):
    article = sorted(seeds_copy.glob("*.txt"))[0]
    _put_back(seeds_copy, lambda: article.write_text(article.read_text() + "\nA late line.\n"))
    assert not _current(settled_index)
    settled_index.update()
    assert _current(settled_index)


def test_an_article_added_or_removed_is_found_by_the_kept_listing(settled_index, seeds_copy):
    (seeds_copy / "new.txt").write_text("Headline\n\nA new report.\n")
    assert not _current(settled_index)
    settled_index.update()
    _settled(seeds_copy)
    assert _current(settled_index)
    (seeds_copy / "new.txt").unlink()
    assert not _current(settled_index)


def test_a_sidecar_edited_in_place_makes_the_kept_listing_stale(settled_index, seeds_copy):
    sidecar = seeds_copy / "meta.json"
    sidecar.write_text('{"outlet": "Wire"}')
    settled_index.update()
    _settled(seeds_copy)
    assert _current(settled_index)
    _put_back(seeds_copy, lambda: sidecar.write_text('{"outlet": "Agency"}'))
    assert not _current(settled_index)


def test_a_new_commit_or_analysis_is_checked_in_full(settled_index, seeds_copy):
    assert not _current(settled_index, key="some_model/4")
    assert _current(settled_index)
    (seeds_copy / "new.txt").write_text("Headline\n\nA new report.\n")
    settled_index.update()  # a commit the kept listing was not checked against
    (seeds_copy / "new.txt").unlink()
    _settled(seeds_copy)
    assert not _current(settled_index)


def test_an_index_rebuilt_to_the_same_commit_number_is_checked_in_full(
    settled_index, seeds_copy, tmp_path
):
    """Another index at the same commit number (a rebuild stopped as far as the
    one checked had gone) is not taken for the one the listing was kept for."""
    other_corpus = tmp_path / "other"
    shutil.copytree(seeds_copy, other_corpus)
    sorted(other_corpus.glob("*.txt"))[0].unlink()
    other = Library([other_corpus], tmp_path / "other-ix")
    other.update()
    index = settled_index.index_path
    assert Store(other.index_path).generation == Store(index).generation
    for name in os.listdir(index):
        if name.startswith("_newsdesk_") or name.startswith("newsdesk_"):
            os.unlink(index / name)
    for name in os.listdir(other.index_path):
        if name.startswith("_newsdesk_") or name.startswith("newsdesk_"):
            shutil.copy2(other.index_path / name, index / name)
    assert not _current(settled_index)


def test_a_folder_changed_just_now_is_walked_again(plain_index, seeds_copy, monkeypatch):
    """A folder changed within the last seconds may change again with the same
    time on a file system with coarse times: its listing is not kept."""
    os.utime(seeds_copy)  # changed now
    assert _current(plain_index)
    walked = []
    real_walk = Corpus.walk
    monkeypatch.setattr(Corpus, "walk", lambda *a, **k: walked.append(1) or real_walk(*a, **k))
    assert _current(plain_index)
    assert walked


@pytest.mark.slow
def test_a_search_finds_an_edit_made_in_place_after_a_kept_listing(seeds_copy, tmp_path):
    index_dir = str(tmp_path / "ix")
    assert main(["index", str(seeds_copy), "--index-dir", index_dir]) == 0
    _settled(seeds_copy)
    where = [str(seeds_copy), "--index-dir", index_dir, "--json"]
    code, out, modules = _search_in_subprocess("talks", *where)
    assert code == 0 and "index.build" not in modules
    article = sorted(seeds_copy.glob("*.txt"))[0]
    _put_back(
        seeds_copy,
        lambda: article.write_text(article.read_text() + "\n\nA zeppelin was seen.\n"),
    )
    code, out, modules = _search_in_subprocess("zeppelin", *where)
    assert code == 0
    assert [hit["id"] for hit in json.loads(out)["hits"]] == [article.name]


HOSTILE = SearchResult(
    3,
    (
        Hit(
            "bbc/politics/[bold]001.txt",
            4,
            0,
            120,
            3.14159,
            "The Chancellor [red]said[/] the \x1b]52;c;aGk=\x07budget was  \u202eset, trailing  ",
            ((4, 14),),
            "Brown: 'no' to [link=https://example.com]cuts[/link]",
            "BBC",
        ),
        Hit("東京/会談.txt", 2, 5, 60, 1.0, "東京で会談 talks ended\nwithout a deal", ((0, 2),)),
        Hit("wire/untitled.txt", 1, 0, 10, 0.5, "", (), None, None),
    ),
)


@pytest.mark.parametrize("snippet_tab", [False, True])
def test_a_search_into_a_pipe_prints_what_rich_prints_there(monkeypatch, capsys, snippet_tab):
    """Into a pipe, the lines of a search are written without Rich: the bytes
    are the ones Rich writes there, hostile text, wide characters and a snippet
    of two lines included (a tab, which Rich widens by cells, goes through Rich)."""
    result = HOSTILE
    if snippet_tab:
        hits = (replace(HOSTILE.hits[0], snippet="東京\tTokyo\tsaid"), *HOSTILE.hits[1:])
        result = replace(HOSTILE, hits=hits)
    monkeypatch.setattr(output, "_configured", True)
    assert output.search(result, "chancellor [b]", as_json=False) == 0
    plain = capsys.readouterr().out
    monkeypatch.setattr(output, "_plain", lambda texts: False)
    monkeypatch.setattr(output, "_consoles", {})
    assert output.search(result, "chancellor [b]", as_json=False) == 0
    drawn = capsys.readouterr().out
    assert plain == drawn
    assert plain.startswith("3 passages match chancellor [b]\n")
    assert "\x1b" not in plain and "\u202e" not in plain


@pytest.mark.slow
def test_a_hit_of_an_article_with_no_title_shows_its_outlet_alone(seeds_index):
    """Seed 001 has no title: its hits say "Al Jazeera", not "Al Jazeera: "."""
    code, out, _modules = _search_in_subprocess("prisoners")
    assert code == 0
    heads = [line for line in out.splitlines() if line.startswith("001_")]
    assert heads and all(line.endswith("  Al Jazeera") for line in heads)
