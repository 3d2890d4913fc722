"""Outlets named beside the articles: newsdesk.toml, a meta.json sidecar, and
the one marked placeholder where nothing names one."""

from __future__ import annotations

import json
import shutil

import pytest

from index.library import Library
from index.model import UNKNOWN_OUTLET
from tui.cli import main

from .conftest import SHARED_DATA

BODY = "Officials said 1,200 prisoners were exchanged in Istanbul on Friday.\n\nTalks go on.\n"


def _write(folder, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _outlets(library: Library) -> dict[str, str | None]:
    return {row.id: row.source for row in library.articles()}


def test_newsdesk_toml_names_the_outlet_of_a_folder_or_a_pattern(tmp_path):
    corpus = tmp_path / "news"
    _write(
        corpus,
        {
            "newsdesk.toml": '[outlets]\n"bbc" = "BBC News"\n"wire/efe-*.txt" = "EFE"\n',
            "bbc/a.txt": BODY,
            "bbc/deep/b.txt": BODY,
            "wire/efe-1.txt": BODY,
            "wire/other.txt": BODY,
            "given.md": "---\nsource: Reuters\n---\n" + BODY,
        },
    )
    library = Library([corpus], tmp_path / "ix")
    summary = library.update()
    assert _outlets(library) == {
        "bbc/a.txt": "BBC News",
        "bbc/deep/b.txt": "BBC News",
        "wire/efe-1.txt": "EFE",
        "wire/other.txt": None,
        "given.md": "Reuters",
    }
    assert summary.skipped == []  # newsdesk.toml is no article, and no skipped one
    note = library.article("bbc/a.txt").notes[-1]
    assert "newsdesk.toml" in note


def test_changing_newsdesk_toml_changes_the_outlet_on_the_next_run(tmp_path):
    corpus = tmp_path / "news"
    _write(corpus, {"newsdesk.toml": '[outlets]\n"*.txt" = "EFE"\n', "a.txt": BODY})
    library = Library([corpus], tmp_path / "ix")
    library.update()
    (corpus / "newsdesk.toml").write_text('[outlets]\n"*.txt" = "Anadolu"\n')
    assert library.update().updated == ["a.txt"]
    assert _outlets(library) == {"a.txt": "Anadolu"}


def test_a_broken_newsdesk_toml_is_reported_not_half_used(tmp_path):
    corpus = tmp_path / "news"
    _write(corpus, {"newsdesk.toml": "[outlets\n", "a.txt": BODY})
    library = Library([corpus], tmp_path / "ix")
    skipped = library.update().skipped
    assert [s.path for s in skipped] == ["newsdesk.toml"] and "not used" in skipped[0].reason
    assert _outlets(library) == {"a.txt": None}


def test_a_sidecar_meta_json_names_outlets_and_is_not_an_article(tmp_path):
    corpus = tmp_path / "story"
    meta = {"articles": [{"file": "nyt.txt", "outlet": "New York Times"}, {"file": "x.txt"}]}
    _write(
        corpus,
        {
            "meta.json": json.dumps(meta),
            "nyt.txt": BODY,
            "x.txt": BODY,
            "own.md": "---\nsource: Fox News\n---\n" + BODY,
        },
    )
    seen: list[tuple[int, int]] = []
    library = Library([corpus], tmp_path / "ix")
    summary = library.update(progress=lambda done, total, *_: seen.append((done, total)))
    assert _outlets(library) == {"nyt.txt": "New York Times", "x.txt": None, "own.md": "Fox News"}
    assert summary.skipped == [] and len(summary.added) == 3
    assert seen[-1] == (3, 3)  # meta.json is not counted as an article


@pytest.mark.skipif(
    not (SHARED_DATA / "multisource").is_dir(), reason="the multi-source data is not here"
)
def test_the_multisource_sidecars_name_basil_outlets(tmp_path):
    source = SHARED_DATA / "multisource"
    folder = next(p for p in sorted(source.iterdir()) if p.name.startswith("basil-"))
    corpus = tmp_path / folder.name
    shutil.copytree(folder, corpus)
    library = Library([corpus], tmp_path / "ix")
    assert library.update().skipped == []
    assert set(_outlets(library).values()) == {"Fox News", "HuffPost", "New York Times"}


def test_the_command_line_shows_the_placeholder_where_no_outlet_is_named(seeds_index, capsys):
    assert main(["sources"]) == 0
    lines = capsys.readouterr().out.splitlines()
    untold = [line.split("\t") for line in lines if line.startswith(("002_", "003_"))]
    assert [row[1] for row in untold] == [UNKNOWN_OUTLET, UNKNOWN_OUTLET]
    assert main(["related", "002_a8eac72172824d05.txt", "1"]) == 0
    out = capsys.readouterr().out
    assert "Russia and Ukraine have agreed…" not in out


def test_sources_says_how_many_articles_name_no_outlet_and_how_to_name_it(seeds_index, capsys):
    assert main(["sources"]) == 0
    captured = capsys.readouterr()
    assert "3 of 5 articles name no outlet" in captured.err and "newsdesk.toml" in captured.err
    assert "name no outlet" not in captured.out  # the list stays the list, for scripts
    assert main(["sources", "--json"]) == 0
    assert "name no outlet" not in capsys.readouterr().err


def test_coverage_counts_outlets_not_articles(tmp_path):
    from index.analysis import Analysis

    corpus = tmp_path / "news"
    text = "Recep Tayyip Erdogan met the delegations in Istanbul on Friday.\n\nTalks go on.\n"
    _write(
        corpus,
        {
            "a.md": "---\nsource: EFE\n---\n" + text,
            "b.md": "---\nsource: EFE\n---\n" + text.replace("Friday", "Friday morning"),
            "c.md": "---\nsource: Reuters\n---\nOfficials met in Ankara.\n\nNo more.\n",
        },
    )
    library = Library([corpus], tmp_path / "ix", analysis=Analysis())
    library.update()
    view = library.related("a.md", 1)
    counts = {e.entity.name: (e.sources, e.of) for e in view.entities}
    story = next(s.articles for s in library.stories() if "a.md" in s.articles)
    assert "b.md" in story  # two articles of one outlet in one story
    outlets = {library.article(a).source for a in story}
    assert counts and all(of == len(outlets) for _, of in counts.values()), counts
    assert all(named <= of for named, of in counts.values())
