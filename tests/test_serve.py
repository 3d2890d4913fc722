"""``newsdesk serve`` in a real browser: the server is started as a user would
start it, on 127.0.0.1, and headless Chromium is driven over the Chrome
DevTools protocol (with aiohttp, which textual-serve brings). Chromium may
resolve no host but 127.0.0.1, so a page that needed the network would show
here. Skipped, saying so, where there is no Chromium."""

from __future__ import annotations

import asyncio
import base64
import itertools
import queue
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tui.serve import offline_page, reader_command

from .conftest import SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH, HEIGHT = 1600, 900  # wide enough for the three panes side by side
GUTTER = "▌"  # the article pane's mark of the passage under the cursor


# textual.js keeps its terminal in a local variable; this catches it as it is
# made (its first addon is set on it), so the test can read what it shows.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "fitAddon", {
  configurable: true,
  set(value) {
    window.newsdeskTerminal = this.terminal;
    Object.defineProperty(this, "fitAddon", {value, writable: true, enumerable: true});
  },
});
"""
READ_SCREEN = """
(() => {
  const terminal = window.newsdeskTerminal;
  if (!terminal) return "";
  const buffer = terminal.buffer.active, rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, server: subprocess.Popen, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"newsdesk serve ended: {server.stdout.read()}")  # type: ignore[union-attr]
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


@pytest.fixture
def server(seeds_index):
    """``newsdesk serve`` on the seeds (indexed already), on 127.0.0.1."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "serve", str(SEEDS), "--host", "127.0.0.1"]
        + ["--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Page:
    """One browser tab, spoken to over the DevTools protocol."""

    def __init__(self, socket_: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket_
        self.ids = itertools.count(1)
        self.requested: list[str] = []

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        await self.socket.send_json({"id": number, "method": method, "params": params})
        async for message in self.socket:
            data = message.json()
            if data.get("method") == "Network.requestWillBeSent":
                self.requested.append(data["params"]["request"]["url"])
            if data.get("id") == number:
                if "error" in data:
                    raise AssertionError(f"{method}: {data['error']}")
                return data.get("result", {})
        raise AssertionError("the browser closed the connection")

    async def screen(self) -> str:
        """The terminal's rows as text, read from xterm.js's buffer (it draws
        on a canvas, so the page holds no text to read)."""
        found = await self.call("Runtime.evaluate", expression=READ_SCREEN, returnByValue=True)
        return found["result"].get("value") or ""

    async def until(self, test: Callable[[str], bool], seconds: float = 60.0) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            text = await self.screen()
            if test(text):
                return text
            await asyncio.sleep(0.25)
        raise AssertionError(f"the page never showed what was expected:\n{text}")

    async def focus(self) -> None:
        """Give the terminal the keyboard, as a click on the page does."""
        await self.call(
            "Runtime.evaluate",
            expression="document.querySelector('.xterm-helper-textarea').focus()",
        )

    async def type(self, key: str) -> None:
        """A key pressed and released, as a keyboard sends it to the page."""
        code = {"key": key, "text": key, "code": f"Key{key.upper()}"}
        code["windowsVirtualKeyCode"] = ord(key.upper())  # type: ignore[assignment]
        await self.call("Input.dispatchKeyEvent", type="keyDown", **code)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **code)

    async def screenshot(self) -> bytes:
        shot = await self.call("Page.captureScreenshot", format="png")
        return base64.b64decode(shot["data"])


@asynccontextmanager
async def browser(tmp_path: Path) -> AsyncIterator[Page]:
    """Headless Chromium that resolves no host but 127.0.0.1, and its one tab."""
    assert CHROMIUM
    process = subprocess.Popen(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",  # tests run as root in CI, where the sandbox refuses to start
            "--disable-gpu",
            "--no-first-run",
            "--remote-debugging-port=0",
            f"--user-data-dir={tmp_path / 'chromium'}",
            f"--window-size={WIDTH},{HEIGHT}",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        endpoint = devtools_endpoint(process)
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{endpoint}/json/list") as answer:
                tabs = [t for t in await answer.json() if t["type"] == "page"]
            async with session.ws_connect(tabs[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                page = Page(ws)
                await page.call("Network.enable")
                await page.call("Page.enable")
                await page.call("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
                await page.call(
                    "Emulation.setDeviceMetricsOverride",
                    width=WIDTH,
                    height=HEIGHT,
                    deviceScaleFactor=1,
                    mobile=False,
                )
                yield page
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def devtools_endpoint(process: subprocess.Popen, seconds: float = 30.0) -> str:
    """Chromium says where its DevTools listen on stderr when it is ready."""
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in process.stderr:  # type: ignore[union-attr]
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        if line is None:
            raise AssertionError("Chromium ended without opening DevTools")
        found = re.search(r"DevTools listening on ws://([^/]+)/", line)
        if found:
            return f"http://{found.group(1)}"
    raise AssertionError(f"Chromium did not open DevTools within {seconds:.0f} s")


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def passage_under_cursor(text: str) -> int | None:
    """The number of the article's passage marked as under the cursor."""
    found = re.search(GUTTER + r" ¶(\d+)", text)
    return int(found.group(1)) if found else None


def three_panes(text: str) -> bool:
    titles = ("─ Sources ─", "─ Article ─", "─ Other sources ─")
    return all(title in text for title in titles) and passage_under_cursor(text) is not None


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium (apt-get install chromium)")
def test_the_reader_in_a_browser_shows_three_panes_and_moves_with_keys(server, tmp_path):
    async def test() -> None:
        async with browser(tmp_path) as page:
            await page.call("Page.navigate", url=server)
            before = await page.until(three_panes)
            assert passage_under_cursor(before) == 1
            assert "Efforts to negotiate peace between Russia and Ukraine" in before  # the article
            first = await page.screenshot()
            await page.focus()
            await page.type("j")
            await page.until(lambda text: passage_under_cursor(text) == 2)
            await page.type("j")
            after = await page.until(lambda text: passage_under_cursor(text) == 3)
            assert three_panes(after)
            second = await page.screenshot()
            (tmp_path / "reader.png").write_bytes(second)
            assert png_size(second) == (WIDTH, HEIGHT)
            assert first != second  # the moved cursor shows in the picture
            outside = [u for u in page.requested if not u.startswith((server, "data:"))]
            assert not outside, f"the page loaded from elsewhere: {outside}"
            assert any("/static/fonts/RobotoMono" in u for u in page.requested)

    asyncio.run(asyncio.wait_for(test(), timeout=300))  # a browser that hangs fails the test


def test_the_served_page_asks_no_other_host_for_anything():
    from textual_serve.server import Server

    upstream = (Path(Server("x").templates_path) / "app_index.html").read_text()
    page = offline_page(upstream)
    assert "googleapis" in upstream and "googleapis" not in page
    hosts = set(re.findall(r"(?:src|href)=\"https?://([^/\"]+)", page))
    assert not hosts, hosts  # every link goes through {{ config.static.url }}
    assert "fonts/RobotoMono-VariableFont_wght.ttf" in page


def test_the_browser_tab_runs_the_reader_on_the_same_corpus_and_index(tmp_path):
    from tui.cli import parse

    args = parse(["serve", str(SEEDS), "--index-dir", str(tmp_path / "idx"), "--model", "m"])
    command = reader_command(args)
    assert command.startswith(sys.executable) and " -m tui.cli " in command
    assert str(SEEDS) in command and f"--index-dir {tmp_path / 'idx'}" in command
    assert command.endswith("--model m") and args.host == "localhost" and args.port == 8000


def test_the_served_reader_is_newsdesks_own_whatever_folder_serve_is_started_in(
    tmp_path, monkeypatch
):
    import shlex
    import subprocess

    from tui.cli import parse

    project = tmp_path / "project"  # another project's packages of the same names
    for package in ("tui", "index"):
        (project / package).mkdir(parents=True)
        (project / package / "__init__.py").write_text("raise SystemExit(7)\n")
    monkeypatch.chdir(project)
    command = shlex.split(reader_command(parse(["serve", str(SEEDS)])))
    done = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "usage: newsdesk" in done.stdout


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_port_that_is_not_one_is_refused(capsys, port):
    from tui.cli import main

    assert main(["serve", "--port", port]) == 2
    assert "--port" in capsys.readouterr().err


def test_a_port_in_use_is_an_error_that_names_it():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ended = subprocess.run(
            [sys.executable, "-m", "tui.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert ended.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in " ".join(ended.stderr.split())
    assert "Traceback" not in ended.stderr
    assert "the reader is at" not in ended.stdout  # not said of an address it cannot use
