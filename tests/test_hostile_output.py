"""Hostile strings in every place a file's text can come out.

Eleven payloads (OSC 52, OSC 0, CSI, a raw ESC, C1 controls, BEL, ``[/]``, a
Rich ``[link=...]``, ``[bold red]``, a bidi override, NUL) ride in on five
carriers at once: a file name, a folder name, a front-matter title, an outlet
and an entity name (spaCy keeps whatever sits inside "Organisation of ...
Islamic Cooperation"). Every way out is then checked as a terminal receives
it: the shell commands run in a pseudo-terminal (so Rich draws tables, the
progress bar and colours, as for a user), the reader runs in tmux with its
bytes recorded, and Pilot tests catch a crash in a toast or the palette.

The checks: nothing crashes (no MarkupError, exit 0), no byte of a payload
reaches the terminal as a control (ESC, BEL, NUL, C1, bidi), markup shows as
the literal text it is, and no OSC sequence (hyperlink, title, clipboard)
carries anything of the data. In the reader: the panes, the copy toast, the
command palette, search, the entity browser, the omission matrix and side by
side.
"""

from __future__ import annotations

import asyncio
import base64
import fcntl
import json
import os
import pty
import re
import select
import shlex
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.library import Library
from index.report import Citation, Discrepancy, Report, ReportSummary, to_markdown
from index.safety import clean_line
from tui.app import NewsdeskApp
from tui.screens.reader import ReaderScreen
from tui.state import Position

from .conftest import ROOT
from .e2e_helpers import STEP_TIMEOUT, Terminals, assert_clean_exit, newsdesk_command, reader_env
from .tui_helpers import press, screen_text, settle

# In the order of the corpus: the last file indexed is the one the progress bar
# shows as it finishes, so it holds a link and closing tags.
PAYLOADS = {
    "osc52": "\x1b]52;c;SGVsbG8=\x07",
    "osc0": "\x1b]0;pwned\x07",
    "csi": "\x1b[2J\x1b[31m",
    "esc": "\x1b",
    "c1": "\x9b31m\x90x\x9c",
    "bel": "\x07",
    "bold": "[bold red]",
    "bidi": "\u202e",
    "nul": "\x00",
    "close": "[/]",
    "link": "[link=http://x]click[/link]",
}
# As shown (in a path, "http://x" is "http:/x": "//" is one separator).
MARKUP = ("[/]", "x]click[/link]", "[bold red]")
# What Rich itself writes on a terminal: colours and styles, the cursor
# hidden and shown, and the progress bar's line clearing. Anything else that
# starts with ESC, and any BEL, NUL, C1 or bidi control, came from the data.
RICH_OWN = re.compile(rb"\x1b\[[0-9;]*m|\x1b\[\?25[hl]|\x1b\[2K|\x1b\[1A|\r")
RAW = re.compile(rb"\x1b|\x07|\x00|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
COLUMNS = 600  # wide enough that no table cell folds a payload across lines


def organisation(payload: str) -> str:
    return f"Organisation of{payload}Islamic Cooperation"


def body(number: int, payload: str, following: str) -> str:
    """An organisation named around ``payload`` and one around the next article's
    payload (so the two articles share a hostile entity, which ``related`` gives
    as its reason), and a figure that one article gives differently (a figure
    that differs in many makes them separate stories)."""
    return (
        f"Turkish Foreign Minister Hakan Fidan hosted the talks in Istanbul on Friday "
        f"with the {organisation(payload)} and the {organisation(following)}. Russia "
        f"and Ukraine agreed to exchange {1200 if number == 5 else 1000:,} prisoners of war.\n\n"
        f"Vladimir Medinsky led the Russian delegation; the talks lasted less than two hours.\n"
    )


def hostile_corpus(root: Path) -> Path:
    """One article per payload, the payload in its folder and file names, title,
    outlet and body (a name cannot hold NUL, and a text file holding one is binary:
    that article is JSON, with NUL in its fields but not in its names)."""
    corpus = root / "corpus"
    names = list(PAYLOADS)
    for number, (name, payload) in enumerate(PAYLOADS.items()):
        following = PAYLOADS[names[(number + 1) % len(names)]]
        in_name = payload.replace("\x00", "")
        path = corpus / f"{number:02d} {name}{in_name}" / f"{number:02d} {in_name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)  # "[/]" makes a folder too
        front = {"title": f"Talks {payload} ended", "source": f"Agency {payload}"}
        text = body(number, payload, following)
        if "\x00" in text:  # a NUL makes a text file binary; JSON spells it out
            article = {**front, "date": "2025-05-16", "text": text}
            path.with_suffix(".json").write_text(json.dumps(article))
            continue
        head = "\n".join(f"{key}: {json.dumps(value)}" for key, value in front.items())
        path.write_text(f"---\n{head}\ndate: 2025-05-16\n---\n{text}")
    return corpus


def in_terminal(*args: str, env: dict[str, str], timeout: float = 300) -> tuple[int, bytes]:
    """``newsdesk ARGS`` with stdout and stderr on a pseudo-terminal: its exit
    code and every byte it wrote to the terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, COLUMNS, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    written, deadline = bytearray(), time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            try:
                chunk = os.read(master, 65536) if ready else b""
            except OSError:  # EIO: the command has ended and closed the terminal
                break
            if ready and not chunk:
                break
            written += chunk
            if not ready and process.poll() is not None:
                break
        return process.wait(timeout=max(1.0, deadline - time.monotonic())), bytes(written)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()


def shown(written: bytes) -> str:
    """What the terminal shows: the bytes without Rich's own sequences."""
    return RICH_OWN.sub(b"", written).decode("utf-8", "replace")


def assert_inert(written: bytes, what: str) -> None:
    rest = RICH_OWN.sub(b"", written)
    found = RAW.search(rest)
    assert found is None, f"{what}: {found.group()!r} reached the terminal in {rest[:400]!r}"
    for failure in (b"Traceback", b"MarkupError", b"closing tag"):
        assert failure not in written, f"{what}: {written[-400:]!r}"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> Iterator[tuple[Path, Path, dict[str, str], int, bytes]]:
    """The hostile corpus indexed once (with the NLP model), from a terminal."""
    root = tmp_path_factory.mktemp("hostile-output")
    corpus, index_dir = hostile_corpus(root), root / "index"
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": str(COLUMNS),
        "NEWSDESK_INDEX_DIR": str(root / "indexes"),
        "XDG_STATE_HOME": str(root / "state"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    env.pop("NO_COLOR", None)
    code, written = in_terminal("index", str(corpus), "--index-dir", str(index_dir), env=env)
    yield corpus, index_dir, env, code, written


def command(indexed, *args: str) -> tuple[int, str]:
    corpus, index_dir, env, _, _ = indexed
    code, written = in_terminal(*args, str(corpus), "--index-dir", str(index_dir), env=env)
    assert_inert(written, " ".join(args))
    return code, shown(written)


def test_the_progress_bar_and_summary_of_index_are_inert(indexed):
    _, _, _, code, written = indexed
    assert_inert(written, "index")
    assert code == 0, written[-400:]
    text = shown(written)
    assert f"indexed: {len(PAYLOADS)} added" in text
    assert "indexing" in text  # the bar was drawn, with the file names beside it


def test_the_entities_carry_every_payload(indexed):
    """The premise of the entity checks below: spaCy kept each payload in a name
    (ESC and BEL ones are spellings of the ``[/]`` one: they match once cleaned)."""
    corpus, index_dir, env, _, _ = indexed
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "entities", str(corpus), "--index-dir", str(index_dir)]
        + ["--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=True,
    )
    entities = json.loads(done.stdout)["entities"]
    names = {e["name"] for e in entities} | {a["text"] for e in entities for a in e["aliases"]}
    for name, payload in PAYLOADS.items():
        assert organisation(payload) in names, (name, names)


@pytest.mark.parametrize(
    "args",
    [
        ("sources",),
        ("search", "organisation"),
        ("entities",),
        ("facts",),
        ("stories",),
        ("report",),
    ],
    ids=lambda args: args[0],
)
def test_every_command_shows_hostile_names_as_plain_text(indexed, args):
    code, text = command(indexed, *args)
    assert code == 0, text[-400:]
    if args[0] == "report":  # Markdown: its summary (no figure differs in this corpus)
        assert "# Discrepancies between sources" in text, text[-400:]
    else:
        for markup in MARKUP:
            assert markup in text, f"{args[0]}: {markup} not shown as written"
    assert "␛]52;c;SGVsbG8=␇" in text or args[0] in ("facts", "report")


def article_id(corpus: Path, payload: str) -> str:
    """The id of the article whose names carry ``payload``."""
    ids = (str(path.relative_to(corpus)) for path in corpus.rglob("*.*") if path.is_file())
    return next(i for i in ids if i.split("/")[0][3:].startswith(payload))


@pytest.mark.parametrize("payload", ["close", "link", "osc52", "bidi", "nul"])
def test_show_prints_a_hostile_article_inertly(indexed, payload):
    code, text = command(indexed, "show", article_id(indexed[0], payload))
    assert code == 0, text[-400:]
    assert f"Talks {clean_line(PAYLOADS[payload])} ended" in text
    assert clean_line(organisation(PAYLOADS[payload])) in text


@pytest.mark.parametrize("payload", ["osc52", "c1", "bidi"])
def test_related_gives_a_hostile_entity_as_its_reason_inertly(indexed, payload):
    """The article before names the same organisation: the reasons name it."""
    code, text = command(indexed, "related", article_id(indexed[0], payload), "1")
    assert code == 0, text[-400:]
    assert clean_line(f"entity: {organisation(PAYLOADS[payload])}") in text, text[-800:]
    assert "Agency [link=http://x]click[/link]" in text  # an outlet, among the spellings


def test_errors_echo_a_hostile_id_on_one_inert_line(indexed):
    wanted = "nope " + "".join(PAYLOADS.values()).replace("\x00", "") + " x\nsecond line"
    for args in (("show", wanted), ("related", wanted, "1")):
        code, text = command(indexed, *args)
        assert code == 1
        lines = [line for line in text.splitlines() if "newsdesk: " in line]
        assert len(lines) == 1 and text.count("newsdesk: ") == 1, text
        assert "[link=http://x]click[/link]" in lines[0] and "x second line" in lines[0]


def test_the_markdown_report_keeps_hostile_fields_on_their_line_and_inert():
    hostile = "Talks\n\n# Fake heading [x](http://evil) " + "".join(PAYLOADS.values())
    citation = Citation(
        fact="a:1:1", source=hostile, title=hostile, date=None, file=hostile, article="a",
        passage=1, start=0, end=5, text=hostile, speaker=hostile,
    )  # fmt: skip
    item = Discrepancy(
        key="prisoners|narrator",
        subject=f"prisoners {hostile}",
        speaker=hostile,
        relation="differ",
        story="s1",
        story_title=hostile,
        sources=2,
        pairs=(),
        citations=(citation,),
    )
    summary = ReportSummary(stories=1, differences=1, loose_fits=0, shown=1, loose_included=False)
    report = Report(summary, (item,), ())
    lines = to_markdown(report).splitlines()
    assert [line for line in lines if line.startswith("#")] == [
        "# Discrepancies between sources",
        next(line for line in lines if line.startswith("## ")),
    ]
    # heading, summary, the subject, its story, one citation, four blanks
    assert len([line for line in lines if line]) == 5, lines
    assert not re.search(r"(?<!\\)\]\(", "\n".join(lines))  # no link, only its escaped text
    assert any("\\[x\\](http://evil)" in line for line in lines if line.startswith("## "))
    assert not RAW.search("\n".join(lines).encode())


# The reader, in Pilot (no NLP: file names, folder names, titles and outlets).


def test_the_copy_toast_and_the_palette_show_hostile_names_as_written(tmp_path):
    library = Library([hostile_corpus(tmp_path)], index_dir=tmp_path / "index")
    library.update()
    outlets = {f"Agency {clean_line(p)}" for p in PAYLOADS.values()}
    assert len(outlets) == len(PAYLOADS)

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(200, 50), notifications=True) as pilot:
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            copied = set()
            for article in library.articles():  # c on every article
                await screen.open(Position(article.id))
                await press(app, pilot, "c")
                await pilot.pause(0.05)  # the toast is drawn: none may fail to render
                copied |= {n.message for n in app._notifications}  # before any expires
                if article.source == "Agency [/]":
                    assert "Copied ¶1 of Agency [/] with its citation." in screen_text(app)
            assert {f"Copied ¶1 of {outlet} with its citation." for outlet in outlets} <= copied

            await press(app, pilot, "ctrl+p")
            await pilot.press(*"open agency")
            await pilot.pause(0.5)
            text = screen_text(app)
            assert "open Agency [/]: Talks [/] ended" in text, text  # the outlet and title
            assert "09 close[/]/09 [/].md" in text  # the file name, below it
            assert "open Agency ␛]52;c;SGVsbG8=␇: Talks ␛]52;c;SGVsbG8=␇ ended" in text
            for raw in ("\x1b", "\x07", "\x00", "\x9b", "\u202e"):
                assert raw not in text

    asyncio.run(test())


# The reader, in a real terminal.


@pytest.mark.slow
def test_the_reader_shows_hostile_names_inertly_everywhere(indexed, tmp_path):
    corpus, index_dir, _, _, _ = indexed
    with Terminals() as terminals:
        term = terminals.open(200, 50, reader_env())
        log = tmp_path / "terminal.bytes"
        term.pipe_output(log)
        line = f"{newsdesk_command()} {corpus} --index-dir {index_dir}"
        term.command(" ".join(shlex.quote(part) for part in line.split(" ")))
        term.wait_for(lambda s: "▌ ¶1" in s and "Talks" in s, "the first article", timeout=90)

        term.keys("c")  # the toast names the outlet
        term.wait_for("Copied ¶1 of Agency", "the copy toast")
        term.keys("C-p")  # the palette: outlets, titles and file names
        # Typed before the palette's input has focus, the letters would be the
        # reader's keys ("o", "p", "e", "n"), and the palette would stay empty.
        term.wait_for("Search for commands", "the palette")
        term.type("open")
        # The palette fills in as its providers answer: wait for the article
        # whose outlet, title and file name hold markup, shown as written.
        term.wait_for(
            lambda s: "open Agency [/]: Talks [/] ended" in s and "09 close[/]/09 [/].md" in s,
            "the palette's articles, names as written",
        )
        term.keys("Escape")
        term.wait_for(lambda s: "open Agency" not in s, "the palette to close")
        term.type("/")
        term.wait_for("Search passages", "the search box")
        term.type("organisation")
        term.wait_for(lambda s: re.search(r"\d+ passages? match", s) is not None, "results")
        term.keys("Escape")
        term.wait_for(lambda s: re.search(r"\d+ passages? match", s) is None, "the box to close")
        term.keys("e")  # the entity browser
        term.wait_for("Organisation of[/]Islamic Cooperation", "the entity browser")
        term.keys("Escape")
        term.wait_for(lambda s: "Organisation of[/]Islamic" not in s, "the browser to close")
        term.keys("m")  # the omission matrix: outlets as its columns
        term.wait_for("Omission matrix", "the matrix")
        term.keys("Escape")
        term.wait_for(lambda s: "Omission matrix" not in s, "the matrix to close")
        term.keys("d")  # side by side with another source
        term.wait_for("Side by side", "the side by side view")
        term.keys("Escape")
        term.wait_for(lambda s: "Side by side" not in s and "▌ ¶1" in s, "the reader again")
        term.keys("q")
        assert_clean_exit(term)
        deadline = time.monotonic() + STEP_TIMEOUT
        while b"EXITED:0" not in log.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.05)
        raw = log.read_bytes()

    assert b"\x1b[?1049h" in raw  # the reader drew on the alternate screen
    for payload in ("osc52", "osc0", "csi", "c1", "bidi", "nul"):
        leaked = PAYLOADS[payload].encode()
        assert leaked not in raw, f"{payload} written raw"
    assert b"pwned\x07" not in raw and b"\x00" not in raw
    # One clipboard write, c's: the citation, every control in it made visible.
    copies = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)", raw)
    assert len(copies) == 1, copies
    citation = base64.b64decode(copies[0]).decode()
    assert "Talks ␛]52;c;SGVsbG8=␇ ended" in citation and not RAW.search(citation.encode())
    for c1 in (b"\xc2\x9b", b"\xc2\x90", b"\xc2\x9c", b"\xe2\x80\xae"):
        assert c1 not in raw, f"{c1!r} written raw"
    # The only OSC sequences are Textual's own; no hyperlink leads to the data's address.
    kinds = set(re.findall(rb"\x1b\](\d*)", raw))
    assert kinds <= {b"22", b"0", b"2", b"8", b"52"}, kinds
    links = re.findall(rb"\x1b\]8;[^\x07\x1b]*;([^\x07\x1b]*)", raw)
    assert not [link for link in links if b"http://x" in link], links
    titles = re.findall(rb"\x1b\][02];([^\x07\x1b]*)", raw)
    assert all(b"pwned" not in title for title in titles), titles
