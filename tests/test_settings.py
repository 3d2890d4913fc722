"""Settings a user can get subtly wrong are taken as meant or refused with a
message and exit code 2, never quietly replaced by something else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(
            f"Report {n}\n\nThe council met in Leeds and voted on the budget, item {n}.\n"
        )
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def folders(path: Path) -> set[str]:
    return {p.name for p in path.iterdir()} if path.exists() else set()


@pytest.mark.parametrize("command", [["sources"], ["search", "council"], []])
def test_an_empty_index_dir_is_refused(capsys, corpus, isolated, command):
    code, out, err = run(capsys, *command, str(corpus), "--index-dir", "")
    assert code == 2 and "--index-dir is empty" in err and not out
    assert not folders(isolated / "indexes")  # not the default index instead


def test_a_tilde_in_the_index_settings_means_home(capsys, corpus, tmp_path, monkeypatch):
    home, elsewhere = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("NEWSDESK_INDEX_DIR", "~/indexes")  # quoted: the shell left the ~
    code, out, _ = run(capsys, "sources", str(corpus), "--json")
    assert code == 0 and len(json.loads(out)["articles"]) == 3
    assert len(folders(home / "indexes")) == 1
    code, out, _ = run(capsys, "sources", str(corpus), "--json", "--index-dir", "~/exact")
    assert code == 0 and (home / "exact").is_dir()
    assert not folders(elsewhere)  # no folder named "~" where the user stood


@pytest.mark.parametrize("limit", ["0", "-1", "many", "2.5"])
def test_a_limit_below_one_or_not_a_number_is_refused(capsys, corpus, limit):
    code, out, err = run(capsys, "search", "council", str(corpus), "--limit", limit)
    assert code == 2 and "--limit" in err and not out


def test_a_limit_of_one_gives_one_result(capsys, corpus):
    code, out, _ = run(capsys, "search", "council", str(corpus), "--limit", "1", "--json")
    found = json.loads(out)
    assert code == 0 and found["total"] == 3 and len(found["hits"]) == 1


@pytest.mark.parametrize("value", ["nan", "-1", "0", "inf", "20MB", "-inf"])
def test_a_size_cap_that_is_not_a_size_is_refused(capsys, corpus, isolated, monkeypatch, value):
    monkeypatch.setenv("NEWSDESK_MAX_FILE_MB", value)
    code, out, err = run(capsys, "index", str(corpus))
    assert code == 2 and "NEWSDESK_MAX_FILE_MB" in err and repr(value) in err and not out
    assert not folders(isolated / "indexes")  # nothing indexed with another cap


def test_a_fractional_size_cap_is_honoured(capsys, corpus, monkeypatch):
    (corpus / "big.txt").write_text("Big report\n\n" + "word " * 300_000)  # 1.5 MB
    monkeypatch.setenv("NEWSDESK_MAX_FILE_MB", "0.5")
    code, out, _ = run(capsys, "sources", str(corpus), "--json")
    data = json.loads(out)
    assert code == 0 and len(data["articles"]) == 3
    assert [s["path"] for s in data["skipped"]] == ["big.txt"]
    assert "cap" in data["skipped"][0]["reason"]


@pytest.mark.parametrize("command", [["sources"], ["index"], []])
def test_an_option_after_double_dash_is_not_silently_a_missing_folder(
    capsys, corpus, tmp_path, command
):
    wanted = tmp_path / "wanted-index"
    code, out, err = run(capsys, *command, str(corpus), "--", "--index-dir", str(wanted))
    assert code == 2 and "'--index-dir'" in err and "options go before it" in err
    assert not wanted.exists() and not out
