"""The settings file, read from a temporary config folder as a user's would be:
what it sets reaches the reader and the commands, the command line and the
environment win over it, a theme chosen in the reader is kept in it, and a
setting that cannot be used is refused with the file and line (exit 2)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tui.app import NewsdeskApp
from tui.cli import main, parse
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.settings import Settings, load

from .conftest import SEEDS


@pytest.fixture
def config(isolated) -> Path:
    """Where newsdesk looks for its settings in these tests (``$XDG_CONFIG_HOME``)."""
    folder = isolated / "config" / "newsdesk"
    folder.mkdir(parents=True)
    return folder / "config.toml"


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(2):
        (folder / f"{n}.txt").write_text(f"Council report {n}\n\nThe council met in Leeds.\n")
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_setting_is_read_from_the_config_folder(config, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    config.write_text(
        "# my newsdesk\n"
        'theme = "nord"\n'
        'model = "en_core_web_md"\n'
        'index_dir = "~/indexes"\n'
        'corpus = ["~/news", "feeds"]\n'
        "\n[keymap]\n"
        'next_passage = "ctrl+n, down"\n'
    )
    settings = load()
    assert settings.path == config and settings.theme == "nord"
    assert settings.model == "en_core_web_md"
    assert settings.index_dir == tmp_path / "indexes"
    # A relative folder is beside the settings file, not wherever newsdesk runs.
    assert settings.corpus == (tmp_path / "news", config.parent / "feeds")
    assert settings.keymap == {"next_passage": "ctrl+n,down"}


def test_newsdesk_config_names_another_file(config, tmp_path, monkeypatch):
    other = tmp_path / "elsewhere.toml"
    other.write_text('theme = "dracula"\n')
    config.write_text('theme = "nord"\n')
    monkeypatch.setenv("NEWSDESK_CONFIG", str(other))
    assert load().theme == "dracula"


def test_no_settings_file_means_the_defaults(config):
    assert not config.exists()
    assert load() == Settings(config)


@pytest.mark.parametrize(
    ("command_line", "environment", "expected"),
    [
        ([], None, "model_from_file"),
        ([], "model_from_environment", "model_from_environment"),
        (
            ["--model", "model_from_command_line"],
            "model_from_environment",
            "model_from_command_line",
        ),
    ],
)
def test_the_command_line_beats_the_environment_which_beats_the_file(
    config, corpus, monkeypatch, command_line, environment, expected
):
    config.write_text('model = "model_from_file"\n')
    if environment:
        monkeypatch.setenv("NEWSDESK_MODEL", environment)
    args = parse(["sources", str(corpus), *command_line])
    from index.nlp import model_name

    assert model_name(args.model) == expected


def test_the_corpus_and_index_folder_of_the_file_are_used_when_none_is_given(
    capsys, config, corpus, tmp_path, monkeypatch
):
    monkeypatch.delenv("NEWSDESK_INDEX_DIR")
    indexes = tmp_path / "my-indexes"
    config.write_text(f'corpus = ["{corpus}"]\nindex_dir = "{indexes}"\n')
    code, out, _ = run(capsys, "sources", "--json")
    assert code == 0
    assert sorted(a["id"] for a in json.loads(out)["articles"]) == ["0.txt", "1.txt"]
    assert len(list(indexes.iterdir())) == 1  # the corpus's index, under the file's folder


def test_paths_and_the_environment_win_over_the_file(capsys, config, corpus, tmp_path, monkeypatch):
    indexes = tmp_path / "env-indexes"
    monkeypatch.setenv("NEWSDESK_INDEX_DIR", str(indexes))
    config.write_text(f'corpus = ["{corpus}"]\nindex_dir = "{tmp_path / "unused"}"\n')
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Other report\n\nSomething else happened.\n")
    code, out, _ = run(capsys, "sources", str(other), "--json")
    assert code == 0 and [a["id"] for a in json.loads(out)["articles"]] == ["x.txt"]
    assert indexes.is_dir() and not (tmp_path / "unused").exists()


BAD = [
    ('theme = "nord"\nmodel = 5\n', [], "line 2", "model must be a non-empty string"),
    ('theme = "nord"\nmodel = \n', [], "line 2", "not valid TOML"),
    ('\ncolour = "red"\n', [], "line 2", "unknown setting 'colour'"),
    ("corpus = [1, 2]\n", [], "line 1", "corpus must be a list of folders"),
    ('corpus = ["no-such-folder"]\n', [], "line 1", "no such folder"),
    ('keymap = "q"\n', [], "line 1", "keymap must be a table"),
    ("[keymap]\nquit = 5\n", [], "line 2", "the keys for 'quit' must be a string"),
    ('theme = "nrod"\n', ["--index-dir"], "line 1", "no theme named 'nrod'"),
    ('[keymap]\n\nnext_pasage = "n"\n', ["--index-dir"], "line 3", "no key binding with the id"),
    ('[keymap]\nnext_passage = "j,ctrl-n"\n', ["--index-dir"], "line 2", "'ctrl-n' is no key"),
    ('[keymap]\nback = "page_down"\n', ["--index-dir"], "line 2", "'page_down' is no key"),
]


@pytest.mark.parametrize(("text", "reader", "line", "problem"), BAD)
def test_a_setting_that_cannot_be_used_is_refused_with_its_file_and_line(
    capsys, config, isolated, tmp_path, text, reader, line, problem
):
    config.write_text(text)
    # The theme and keymap are the reader's: checked before its screen opens.
    command = [str(SEEDS), "--index-dir", str(tmp_path / "idx")] if reader else ["sources"]
    code, out, err = run(capsys, *command)
    message = " ".join(err.split())  # as one line, however the terminal wrapped it
    assert code == 2 and not out
    assert f"{config}, {line}:" in message and problem in message
    assert "Traceback" not in err
    assert not (tmp_path / "idx").exists() and not (isolated / "indexes").exists()


def test_a_missing_file_named_by_the_environment_is_refused(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "typo.toml"))
    code, out, err = run(capsys, "sources")
    assert code == 2 and "typo.toml" in err and "NEWSDESK_CONFIG" in err and not out


def test_markup_and_escapes_in_a_setting_do_not_reach_the_terminal(capsys, config):
    config.write_text('theme = "nord"\n[keymap]\n"[red]x\\u001b]0;pwned\\u0007" = "x"\n')
    code, _, err = run(capsys, str(SEEDS))
    assert code == 2 and "\x1b]0;" not in err and "[red]x" in err


# The reader: theme and keymap.


def reader_of(app: NewsdeskApp) -> ReaderScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen


async def opened(app: NewsdeskApp, pilot) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.slow
def test_the_theme_of_the_file_is_used_and_a_new_choice_is_kept(config, seeds_index):
    from index.library import Library

    config.write_text('# chosen by hand\ntheme = "nord"  # cool\n\n[keymap]\nhelp = "h"\n')

    async def test():
        app = NewsdeskApp(Library([SEEDS]), settings=load())
        async with app.run_test(size=(120, 40)) as pilot:
            await opened(app, pilot)
            assert app.theme == "nord"
            # Ctrl+P, "theme", then the theme by name, as a user changes it.
            for keys in (["ctrl+p"], list("theme"), ["enter"], list("gruvbox"), ["enter"]):
                await pilot.press(*keys)
                await pilot.pause(0.3)
            assert app.theme == "gruvbox" and isinstance(app.screen, ReaderScreen)

    asyncio.run(test())
    text = config.read_text()
    assert load().theme == "gruvbox" and "nord" not in text
    assert "# chosen by hand" in text and 'help = "h"' in text  # the rest as it was


@pytest.mark.slow
def test_a_theme_is_not_kept_over_a_file_that_is_no_longer_toml(config, seeds_index):
    from index.library import Library

    config.write_text('theme = "nord"\n')

    async def test():
        app = NewsdeskApp(Library([SEEDS]), settings=load())
        async with app.run_test(size=(120, 40)) as pilot:
            await opened(app, pilot)
            config.write_text("theme = \n# half edited\n")
            app.theme = "gruvbox"
            await pilot.pause()
            await pilot.pause()
            assert any("not kept" in str(n.message) for n in app._notifications)

    asyncio.run(test())
    assert config.read_text() == "theme = \n# half edited\n"


@pytest.mark.slow
def test_a_keymap_rebinds_the_passage_keys_and_the_help_shows_them(config, seeds_index):
    from index.library import Library

    config.write_text('[keymap]\n"article.next_passage" = "x"\nnext_passage = "x"\n')

    async def test():
        app = NewsdeskApp(Library([SEEDS]), settings=load())
        async with app.run_test(size=(120, 40)) as pilot:
            await opened(app, pilot)
            article = reader_of(app).article
            start = article.cursor
            await pilot.press("j")
            await pilot.pause()
            assert article.cursor == start  # j no longer moves: it was rebound
            await pilot.press("x")
            await pilot.pause()
            assert article.cursor == start + 1
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            rows = [line for line in screen_lines(app) if "Next passage" in line]
            assert rows and all(" x " in f" {row} " for row in rows)
            assert not any(" j " in f" {row} " for row in rows)

    asyncio.run(test())


def screen_lines(app: NewsdeskApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize(
    "key", ["j", "J", "?", "ctrl+n", "shift+tab", "pagedown", "f5", "slash", "question_mark"]
)
def test_keys_are_written_as_textual_names_them(key):
    from tui.settings import is_key

    assert is_key(key)


def test_a_kept_theme_goes_into_the_file_a_link_points_to(config, tmp_path):
    from tui.settings import save_theme

    dotfiles = tmp_path / "dotfiles" / "newsdesk.toml"
    dotfiles.parent.mkdir()
    dotfiles.write_text('# mine\ntheme = "nord"\n')
    dotfiles.chmod(0o600)
    config.symlink_to(dotfiles)
    save_theme(config, "dracula")
    assert config.is_symlink() and load().theme == "dracula"
    assert dotfiles.read_text() == '# mine\ntheme = "dracula"\n'
    assert dotfiles.stat().st_mode & 0o777 == 0o600


def test_a_kept_theme_makes_the_file_where_there_is_none(config):
    from tui.settings import save_theme

    config.parent.rmdir()
    save_theme(config, "dracula")
    assert load().theme == "dracula"
