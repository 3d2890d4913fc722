"""``newsdesk serve``: the reader in a web browser, through textual-serve.

This module holds what the command line needs (its options, the reader's
command, the page); :mod:`tui.webserver` the server, loaded only to serve.

Each browser tab that connects starts its own reader process (the same
command as ``newsdesk [PATH ...]``), which textual-serve drives over a
websocket; the page draws it with xterm.js, shipped inside textual-serve.

The page textual-serve ships asks Google Fonts for Roboto Mono, its one
request to another host. Without network that request fails (where a name
lookup hangs instead, the page waits for it: a stylesheet holds up drawing)
and the terminal is drawn in another font. It is replaced here by the
Roboto Mono files textual-serve also ships, so the page loads nothing but
what this server serves.
"""

from __future__ import annotations

import argparse
import re
import shlex
import socket
import sys
from pathlib import Path

DEFAULT_HOST, DEFAULT_PORT = "localhost", 8000
PAGE = "app_index.html"
# The page's one request to another host, and what stands in for it.
REMOTE_FONT = re.compile(r"<link[^>]*https://fonts\.googleapis\.com/[^>]*>")
LOCAL_FONT = """<style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf");
        font-style: normal;
      }
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf");
        font-style: italic;
      }
    </style>"""


class PageChanged(Exception):
    """textual-serve's page no longer has the font link this module replaces."""


def add_arguments(serve: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``newsdesk serve`` besides the paths, index and model."""
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar="ADDRESS",
        help=f"address to listen on (default {DEFAULT_HOST}: this machine only; "
        "0.0.0.0 lets any machine that reaches this one open the reader)",
    )
    serve.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    return serve


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1 to 65535, not {port}")
    return port


def reader_command(args: argparse.Namespace) -> str:
    """The shell command that opens the reader on what ``args`` name, for
    textual-serve to start once per browser tab."""
    # -P: a `tui` or `index` package in the folder serve was started in is not run
    words = [sys.executable, "-P", "-m", "tui.cli", *(str(Path(p).resolve()) for p in args.paths)]
    if args.index_dir:
        words += ["--index-dir", str(Path(args.index_dir).resolve())]
    if args.model:
        words += ["--model", args.model]
    return shlex.join(words)


def offline_page(upstream: str) -> str:
    """textual-serve's page with the Google Fonts stylesheet replaced by the
    fonts it ships; refused if the page changed, so that is noticed."""
    page, found = REMOTE_FONT.subn(lambda _: LOCAL_FONT, upstream)
    if found != 1:
        raise PageChanged("textual-serve's page no longer links Roboto Mono as expected")
    return page


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C or SIGTERM; an address that cannot be used is an
    error with exit code 1 that names it."""
    from .webserver import OfflineServer  # aiohttp and textual-serve load only here

    _check_address(args.host, args.port)
    server = OfflineServer(reader_command(args), args.host, args.port)
    try:
        server.serve()
    except OSError as error:
        raise _cannot_listen(args.host, args.port, error) from None
    return 0


def _check_address(host: str, port: int) -> None:
    """Bind the address once before serving: the server says where the reader
    is before it binds, which must not be said of an address it cannot use."""
    try:
        family, kind, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            probe.bind(address)
    except OSError as error:
        raise _cannot_listen(host, port, error) from None


def _cannot_listen(host: str, port: int, error: OSError) -> OSError:
    return OSError(f"cannot listen on {host}:{port}: {error.strerror or error}")
