"""An article's link: `o` opens it in a browser beside the reader, or copies it
(over SSH, or with no browser), and only ever a web address."""

from __future__ import annotations

import base64
import json
import shlex
import stat
import webbrowser
from pathlib import Path

import pytest

from index.safety import usable_url
from tui import links
from tui.app import NewsdeskApp

from .tui_helpers import indexed, press, run, settle

URL = "https://example.org/harbour-budget?x=1&y=2"


@pytest.fixture
def desktop(monkeypatch, tmp_path) -> Path:
    """A graphical session whose browser is a script writing what it was given
    to a file; the file it writes is returned. webbrowser's list of browsers is
    made again from this environment."""
    for name in links.SSH_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    opened = tmp_path / "opened.txt"
    script = tmp_path / "fake-browser"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{opened}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BROWSER", str(script))
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    return opened


def corpus_with_link(tmp_path: Path, url: str | None) -> NewsdeskApp:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = {"title": "Harbour budget", "text": "The council met.\n\nThe mayor spoke."}
    if url is not None:
        article["url"] = url
    (corpus / "a.json").write_text(json.dumps(article), encoding="utf-8")
    return NewsdeskApp(indexed(corpus, tmp_path))


def notes(app: NewsdeskApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize(
    "url, usable",
    [
        (URL, URL),
        ("http://example.org", "http://example.org"),
        ("  HTTPS://EXAMPLE.ORG/A  ", "HTTPS://EXAMPLE.ORG/A"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("ftp://example.org/file", None),
        ("https://", None),  # no host
        ("https://exa mple.org", None),
        ("https://example.org/\x1b]52;c;aGk=\x07", None),  # an OSC 52 write hidden in it
        ("https://example.org/\u202eevil", None),  # a bidirectional override
        ("http://[::1", None),  # an unclosed address
        ("-https://example.org", None),  # read as an option by a command
        ("", None),
        (None, None),
    ],
)
def test_only_web_links_are_opened_or_copied(url, usable):
    assert usable_url(url) == usable


def test_there_is_no_browser_over_ssh_or_without_a_display(desktop, monkeypatch):
    assert links.browser() is not None
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    assert links.browser() is None
    monkeypatch.delenv("SSH_CONNECTION")
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert links.browser() is None


def test_a_text_browser_is_no_browser_here(desktop, monkeypatch):
    """lynx would draw over the reader in its own terminal."""
    monkeypatch.setenv("BROWSER", "lynx")
    assert links.browser() is None


def test_o_opens_the_link_in_the_browser(desktop, tmp_path):
    app = corpus_with_link(tmp_path, URL)

    async def test():
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "o")
            await settle(app, pilot)
            assert desktop.read_text(encoding="utf-8") == URL + "\n"
            assert any(n.startswith("Opened in the browser") for n in notes(app))
            assert app.clipboard == ""

    run(test)


def test_over_ssh_o_copies_the_link_instead(desktop, tmp_path, monkeypatch):
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    app = corpus_with_link(tmp_path, URL)

    async def test():
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "o")
            await settle(app, pilot)
            assert app.clipboard == URL
            assert any("Copied the link (over SSH)" in n for n in notes(app))
            assert not desktop.exists()

    run(test)


def test_a_browser_that_cannot_start_leaves_the_link_copied(desktop, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER", str(tmp_path / "no-such-browser"))
    app = corpus_with_link(tmp_path, URL)

    async def test():
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "o")
            await settle(app, pilot)
            assert app.clipboard == URL
            assert any("Copied the link (no browser here)" in n for n in notes(app))

    run(test)


@pytest.mark.parametrize(
    "url, said",
    [("javascript:alert(1)", "not a web address"), (None, "has no link")],
)
def test_a_link_that_is_not_a_web_address_is_neither_opened_nor_copied(
    desktop, tmp_path, url, said
):
    app = corpus_with_link(tmp_path, url)

    async def test():
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "o")
            await settle(app, pilot)
            assert any(said in n for n in notes(app))
            assert app.clipboard == ""
            assert not desktop.exists()

    run(test)


@pytest.mark.slow
def test_in_a_real_terminal_of_an_ssh_session_o_writes_the_link_with_osc_52(tmp_path):
    """The installed reader in tmux, in an SSH session's environment: the link
    goes to the terminal's clipboard as an OSC 52 write, and nothing is started."""
    from .e2e_helpers import Terminals, assert_clean_exit, newsdesk_command, reader_env
    from .test_terminal_bytes import wait_for_bytes

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    front = f'title: "Harbour budget"\nsource: "Harbour Post"\nurl: "{URL}"'
    text = "The council met.\n\nThe mayor spoke."
    (corpus / "budget.md").write_text(f"---\n{front}\n---\n{text}\n", encoding="utf-8")
    env = reader_env(SSH_CONNECTION="10.0.0.1 5000 10.0.0.2 22", BROWSER=str(tmp_path / "none"))
    log = tmp_path / "terminal.bytes"
    with Terminals() as terminals:
        term = terminals.open(150, 45, env)
        term.pipe_output(log)
        term.command(f"{shlex.quote(newsdesk_command())} {shlex.quote(str(corpus))}")
        term.wait_for(lambda s: "budget.md" in s and "▌ ¶1" in s, "the article", timeout=90)
        term.keys("o")
        term.wait_for("Copied the link (over SSH)", "the toast")
        term.keys("q")
        assert_clean_exit(term)
    raw = wait_for_bytes(log, b"EXITED:0")
    assert b"\x1b]52;c;" + base64.b64encode(URL.encode()) + b"\x07" in raw
