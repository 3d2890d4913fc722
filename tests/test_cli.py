"""The command line as a user meets it: text, JSON and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

from .conftest import SEEDS


@pytest.fixture(autouse=True)
def warm_index(seeds_index):
    """The CLI finds the seeds already indexed (as on a user's second run)."""
    return seeds_index


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_sources_shows_titles_outlets_and_the_untrusted_date(capsys):
    code, out, _ = run(capsys, "sources")
    assert code == 0
    assert "Ukraine and Russia end Istanbul peace talks" in out
    assert "Russia, Ukraine Hold First Direct Talks" in out
    assert "Al Jazeera" in out and "EFE" in out
    assert "3035" in out and "future" in out


def test_sources_json_shape(capsys):
    code, out, _ = run(capsys, "sources", "--json")
    data = json.loads(out)
    assert code == 0 and data["skipped"] == []
    rows = {row["id"][:3]: row for row in data["articles"]}
    assert set(rows) == {"000", "001", "002", "003", "004"}
    assert rows["000"]["date"] is None and rows["000"]["date_raw"] == "Jul. 23, 3035"
    assert rows["001"]["source"] == "Al Jazeera"
    assert {"id", "path", "source", "title", "date", "date_note", "passages"} <= set(rows["002"])


def test_search_text_and_json(capsys):
    code, out, _ = run(capsys, "search", "prisoners", "--limit", "20")
    assert code == 0 and "001_4a6a3c07746cc093.txt" in out and "002_a8eac72172824d05.txt" in out
    code, out, _ = run(capsys, "search", "source:EFE prisoners", "--json")
    data = json.loads(out)
    assert data["total"] == 2
    assert {h["id"] for h in data["hits"]} == {"000_52c0d36fd34b07fa.txt"}
    hit = data["hits"][0]
    assert {"id", "passage", "start", "end", "score", "snippet"} <= set(hit)
    text = (SEEDS / hit["id"]).read_text(encoding="utf-8")
    assert hit["snippet"] in text[hit["start"] : hit["end"]]


def test_show_prints_passages_with_offsets(capsys):
    code, out, _ = run(capsys, "show", "002_a8eac72172824d05.txt", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["passages"]) == 12
    first = data["passages"][0]
    assert data["text"][first["start"] : first["end"]] == first["text"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["search", "a*"], 2, "bad query"),
        (["search", "nosuchfield:x"], 2, "unknown field"),
        (["show", "missing.txt"], 1, "no article"),
        (["search"], 2, "QUERY"),
        (["sources", "/nonexistent/folder"], 2, "no such file or folder: /nonexistent/folder"),
        (["sources", "https://example.com/news"], 2, "is a URL"),
        (["search", '"unclosed'], 2, "quotation mark is not closed"),
        (["search", "title:"], 2, "'title:' needs a word"),
        (["search", "prisoners title:"], 2, "'title:' needs a word"),
        (["related", "nope", "1"], 1, "no article with id 'nope'"),
        (["entities", "--label", "date"], 2, "'newsdesk facts' lists them"),
        (["entities", "--label", "number"], 2, "'newsdesk facts' lists them"),
    ],
)
def test_errors_have_messages_and_exit_codes_not_tracebacks(capsys, args, code, message):
    got, out, err = run(capsys, *args)
    assert got == code
    assert message in err + out
    assert "Traceback" not in err + out


def test_the_installed_command_runs():
    beside = Path(sys.executable).parent / "newsdesk"
    command = str(beside) if beside.exists() else shutil.which("newsdesk")
    if command is None:
        pytest.skip("the newsdesk command is not installed in this environment")
    done = subprocess.run(
        [command, "search", "Dolmabahce", "--json"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total"] == 3


def test_a_command_run_from_python_leaves_garbage_collection_on(capsys):
    """The command pauses the collector while it starts; a program (or a test
    run) that calls it goes on collecting afterwards, whatever the command did."""
    import gc

    for args in (["search", "prisoners"], ["search", "a lone *"], ["sources"]):
        assert gc.isenabled()
        main(args)
        assert gc.isenabled()
    capsys.readouterr()


@pytest.mark.parametrize(
    "args",
    [
        ["prisoners"],
        ["prisoners of war", "--limit", "3"],
        ["--json", "prisoners", "a", "b", "--limit=2"],
        ["prisoners", "--index-dir", "ix", "--engine", "whoosh", "--model", "m", "--no-update"],
        ["place:Kiev", "--index-dir=", "--engine=tantivy", "--json"],
        ["", "a folder with spaces"],
        ["talks", "--limit", " 7", "--index-dir=-x"],
    ],
)
def test_a_plain_search_is_read_as_its_parser_reads_it(args):
    from tui.cli import command_parser
    from tui.options import plain_search

    plain = plain_search(["search", *args])
    assert plain is not None
    assert vars(plain) == vars(command_parser("search").parse_intermixed_args(args))


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--help"], 0, "QUERY uses Whoosh's query syntax"),
        (["prisoners", "--lim", "3", "--json"], 0, ""),
        (["prisoners", "--limit", "0"], 2, "must be 1 or more"),
        (["prisoners", "--limit", "-3"], 2, "must be 1 or more, not -3"),
        (["prisoners", "--limit"], 2, "expected one argument"),
        (["prisoners", "--json=yes"], 2, "ignored explicit argument"),
        (["prisoners", "--colour"], 2, "unrecognized arguments: --colour"),
        ([], 2, "the following arguments are required: QUERY"),
        (["prisoners", "--json", "--json"], 0, '"total"'),
    ],
)
def test_what_a_plain_search_is_not_is_left_to_the_parser(capsys, args, code, message):
    """Help, abbreviations and mistakes are answered as the parser answers them."""
    got, out, err = run(capsys, "search", *args)
    assert got == code
    assert message in out + err
    assert "Traceback" not in out + err


def newsdesk(*args: str, **options) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in a process of its own (the warm index
    is found through the environment the fixtures set)."""
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parent.parent,
        **options,
    )


def test_a_mistyped_command_is_an_error_that_suggests_the_command(isolated):
    done = newsdesk("serch", "x")
    assert done.returncode == 2
    assert "did you mean 'newsdesk search'?" in done.stderr
    assert "Traceback" not in done.stderr
    assert not list((isolated / "indexes").glob("serch*")), "no index for a missing folder"


def test_a_missing_path_creates_no_index_folder(isolated, tmp_path):
    before = sorted(p.name for p in (isolated / "indexes").iterdir())
    done = newsdesk("index", str(tmp_path / "nope"))
    assert done.returncode == 2 and "no such file or folder" in done.stderr
    assert sorted(p.name for p in (isolated / "indexes").iterdir()) == before


def test_options_may_come_anywhere():
    done = newsdesk("search", "prisoners", "--json", str(SEEDS), "--limit", "3")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["hits"]) == 3


def test_version_and_help_describe_every_command():
    version = newsdesk("--version")
    assert version.returncode == 0 and version.stdout.startswith("newsdesk ")
    top = newsdesk("--help").stdout
    for name in ("index", "sources", "show", "search", "entities", "facts", "stories"):
        line = next(row for row in top.splitlines() if row.strip().startswith(name + " "))
        assert len(line.split()) > 3, line  # a name and a description
    assert "fact:prisoners" in newsdesk("search", "--help").stdout
    assert "path#N" in newsdesk("related", "--help").stdout


def test_text_into_a_pipe_is_not_wrapped():
    done = newsdesk("search", "source:EFE prisoners")
    titled = [line for line in done.stdout.splitlines() if "EFE:" in line]
    assert titled and all(line.endswith("with no breakthrough") for line in titled)
    assert max(len(line) for line in done.stdout.splitlines()) > 100


def test_a_closed_pipe_ends_quietly():
    command = [sys.executable, "-m", "tui.cli", "search", "prisoners"]
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=root)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # as 'head' does once it has its lines: writing now fails
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 0
    assert err == ""


def test_facts_text_shows_groups_and_relations(capsys):
    code, out, _ = run(capsys, "facts")
    data = json.loads(run(capsys, "facts", "--json")[1])
    differ = [g for g in data["groups"] if g["relation"] == "differ"]
    assert code == 0 and differ
    assert "✗ differ" in out
    for group in differ:
        assert group["subject"] in out


def test_entity_labels_offered_by_help_all_list_something(capsys):
    from tui.cli import ENTITY_LABELS

    found = {e["label"] for e in json.loads(run(capsys, "entities", "--json")[1])["entities"]}
    assert {"person", "organisation", "place"} <= found
    assert "date" not in ENTITY_LABELS and "number" not in ENTITY_LABELS


def test_a_misspelt_search_suggests_the_spellings_the_corpus_holds(capsys):
    code, out, err = run(capsys, "search", "Zelenksy")
    assert code == 0
    assert out == "0 passages match Zelenksy\n"  # standard output: the results alone
    assert "Did you mean: Zelensky, Zelenskyy?" in err
    for typed, meant in (("Umarov", "Umerov"), ("Erdogna", "Erdogan"), ("Kyv", "Kyiv")):
        code, out, err = run(capsys, "search", typed)
        assert f"Did you mean: {meant}?" in err, (typed, err)
    code, out, err = run(capsys, "search", "Istambul talks")
    assert "Did you mean: Istanbul talks?" in err
    # Each suggestion is a search that finds something.
    code, out, err = run(capsys, "search", "Istanbul talks")
    assert code == 0 and not out.startswith("0 ") and "Did you mean" not in err


def test_a_suggestion_keeps_the_query_syntax_around_the_word(capsys):
    for typed, meant in (
        ('"talks in Istambul"', '"talks in Istanbul"'),
        ('"Rustem Umarov"', '"Rustem Umerov"'),
        ("delegaton", "delegation"),  # a typo in the ending the stemmer would cut
        ("title:Istambul", "title:Istanbul"),
        ("person:Umarov", "person:Umerov"),
        ('person:"Hakan Fidna"', 'person:"Hakan Fidan"'),
        ("source:Jazera", "source:Jazeera"),
    ):
        code, out, err = run(capsys, "search", typed)
        assert code == 0 and out.startswith("0 passages match"), typed
        assert f"Did you mean: {meant}?" in err, (typed, err)
        assert json.loads(run(capsys, "search", meant, "--json")[1])["total"] > 0, meant


def test_a_quoted_name_in_an_entity_group_is_corrected_as_the_name_searched(capsys):
    """``entity:("Hakan Fidna")`` searches the name whole, as the query parser
    reads it: the name is what is corrected."""
    code, out, err = run(capsys, "search", 'entity:("Hakan Fidna")')
    assert code == 0 and out.startswith("0 passages match")
    assert 'Did you mean: entity:("Hakan Fidan")?' in err, err


def test_no_suggestion_for_a_search_that_finds_or_a_number(capsys):
    code, out, err = run(capsys, "search", "prisoners")
    assert code == 0 and "Did you mean" not in err
    # The seeds state 1,200 prisoners: 1,201 is another figure, never a typo of it.
    code, out, err = run(capsys, "search", "1,201")
    assert out.startswith("0 passages match") and "Did you mean" not in err
    code, out, err = run(capsys, "search", "Zelenksy 1,201")
    assert out.startswith("0 passages match") and "Did you mean" not in err


def test_json_of_a_search_that_finds_nothing_keeps_its_documented_shape(capsys):
    code, out, err = run(capsys, "search", "Zelenksy", "--json")
    assert code == 0 and json.loads(out) == {"total": 0, "hits": []}
    assert "Did you mean" not in err and "Did you mean" not in out


def test_a_suggestion_is_written_as_plain_text():
    from tui.output import did_you_mean

    shown = did_you_mean(["Zelensky\x1b[2J", "[bold]Kyiv[/]"])
    assert "\x1b" not in shown and "␛[2J" in shown
    assert shown.endswith("[bold]Kyiv[/]?")
