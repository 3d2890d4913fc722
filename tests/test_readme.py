"""Every command and query the README shows runs, and finds something on the seeds
(a date query on a corpus with dates: the seeds carry none that can be used)."""

from __future__ import annotations

import json
import re
import shlex

import pytest

from index.library import Library
from index.search import QueryError
from tui.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SEED = "002_a8eac72172824d05.txt"
PLACEHOLDERS = {"ID": SEED, "ARTICLE_ID": SEED, "QUERY": "prisoners", "PASSAGE": "1"}
# The queries the README gives as refused, with the reason each is refused for.
REFUSED = {
    "*": "every passage",
    "text:*": "every passage",
    "date:[TO]": "every passage",
    "a*": "too many words",
    "ab~": "too many words",
    '"prisoners of': "quotation mark",
    "title:": "needs a word",
}
NOT_QUERIES = {"newsdesk sources", "newsdesk search --help"}


def _blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def _commands() -> list[str]:
    """The command lines of the README's shell blocks, without comments or pipes."""
    found = []
    for block in _blocks():
        for line in block.splitlines():
            line = line.split("  #")[0].split(" | ")[0].strip()
            if line.startswith("newsdesk "):
                found.append(line)
    return found


def _runnable(line: str) -> list[str]:
    """A usage line made concrete: optional parts dropped, placeholders filled."""
    line = re.sub(r"\s*\[[^\]]*\]", "", line)
    return [PLACEHOLDERS.get(word, word) for word in shlex.split(line)[1:]]


def _queries() -> list[str]:
    paragraph = README[README.index("Search uses Whoosh's query syntax") :]
    paragraph = paragraph[: paragraph.index("In the reader")]
    spans = re.findall(r"`([^`]+)`", paragraph.replace("\n", " "))
    return [s for s in spans if s not in NOT_QUERIES]


@pytest.fixture(autouse=True)
def warm_index(seeds_index):
    return seeds_index


@pytest.mark.parametrize("line", _commands())
def test_every_command_in_the_readme_runs(capsys, line):
    args = _runnable(line)
    if not args:
        pytest.skip("opens the reader (the terminal tests open it)")
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip(), f"'{line}' printed nothing"
    if "--json" in args:
        assert json.loads(out)


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> Library:
    corpus = tmp_path_factory.mktemp("dated")
    for n, day in enumerate(("2025-05-16", "2025-05-20")):
        (corpus / f"{n}.md").write_text(
            f"---\ntitle: Talks {n}\nsource: EFE\ndate: {day}\n---\nPrisoners were exchanged.\n"
        )
    library = Library([corpus], tmp_path_factory.mktemp("index"))
    library.update()
    return library


def test_the_readme_shows_every_refused_query():
    queries = _queries()
    assert set(REFUSED) <= set(queries)
    assert len(queries) > 25


@pytest.mark.parametrize("query", _queries())
def test_every_query_in_the_readme_finds_something_or_says_why_not(
    capsys, dated, seeds_index, query
):
    if query in REFUSED:
        assert main(["search", query]) == 2
        assert REFUSED[query] in capsys.readouterr().err
    elif query.startswith("date:"):
        assert dated.search(query).total > 0
    else:
        assert main(["search", query, "--json"]) == 0, capsys.readouterr().err
        assert json.loads(capsys.readouterr().out)["total"] > 0, query


def test_a_refused_query_is_refused_by_the_library_too(dated):
    with pytest.raises(QueryError):
        dated.search('"prisoners of')
