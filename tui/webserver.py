"""The web server of ``newsdesk serve``: textual-serve's, with a page that
loads nothing from another host (see :func:`tui.serve.offline_page`)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

from .serve import PAGE, offline_page

ANY_ADDRESS = ("0.0.0.0", "::", "")


class OfflineServer(Server):
    """textual-serve's server, serving a page that needs no network."""

    def __init__(self, command: str, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title="newsdesk")
        if host in ANY_ADDRESS:
            # The page names the server in its links: 0.0.0.0 is no address a
            # browser on another machine can use, this machine's name is.
            self.public_url = f"http://{socket.gethostname()}:{port}"
        self.page = offline_page((Path(self.templates_path) / PAGE).read_text(encoding="utf-8"))

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({PAGE: self.page}))
        return app

    async def on_startup(self, app: Any) -> None:
        # textual-serve prints its command through Rich markup; a path holding
        # '[' would be read as markup, so this says it in plain words instead.
        print(f"newsdesk: the reader is at {self.public_url} (Ctrl+C stops)", flush=True)
