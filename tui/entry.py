"""The ``newsdesk`` console script: :func:`tui.cli.main`, with the cyclic
garbage collector paused while the command's modules load.

Importing Whoosh and newsdesk makes tens of thousands of objects and no
garbage: collecting them as they came, and once more all of them as the
interpreter exits, was about a sixth of the CPU time of a ``newsdesk search``
(185 -> 150 ms on the BBC corpus's index). :func:`tui.cli.main` turns the
collector back on for whatever runs longer than a search (an update, the
reader, the comparison commands); after a search it stays off and what was
made is frozen, so that the exit does not look through it.
"""

from __future__ import annotations

import gc
import sys


def main() -> int:
    collecting = gc.isenabled()
    gc.disable()
    try:
        answered = _quick(sys.argv[1:])
        if answered is not None:
            return answered
        from .cli import main as run

        return run(collecting=collecting)
    finally:
        if collecting and not gc.isenabled():  # a search: the process ends now
            gc.freeze()


def _quick(args: list[str]) -> int | None:
    """A plain search answered without Whoosh (:mod:`tui.quick`), or None for
    the command line to run it; whatever goes wrong there, it runs it."""
    try:
        from .quick import search

        return search(args)
    except Exception:
        return None
