"""An article's link: opened in the user's browser, or copied where there is none.

A link comes from the article (a feed entry, front matter, an HTML page's
metadata), so it is untrusted: only an ``http`` or ``https`` URL with a host,
and nothing in it a terminal or a command line could read as something else
(controls, spaces), is ever opened or copied. It is handed to :mod:`webbrowser`,
which starts the browser with an argument list, never through a shell.

A browser is only used where it would open beside the reader: not over SSH
(it would open on the far machine, if anywhere), not without a graphical
session, and not a text browser (lynx, w3m...), which would take over the
terminal the reader is drawn in. Elsewhere the link is copied instead
(the reader copies with OSC 52, which reaches the user's own terminal).
No Textual here.
"""

from __future__ import annotations

import os
import sys
import webbrowser

# Browsers that draw in the terminal: started from the reader, they would fight it.
TEXT_BROWSERS = {"www-browser", "links", "links2", "elinks", "lynx", "w3m", "browsh", "carbonyl"}
SSH_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")


def over_ssh() -> bool:
    return any(os.environ.get(name) for name in SSH_VARIABLES)


def graphical() -> bool:
    """Whether a browser window could open here: macOS and Windows always have
    a desktop; elsewhere it takes an X or Wayland display."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def browser() -> webbrowser.BaseBrowser | None:
    """The browser to open links in, or None where there is no usable one."""
    if over_ssh() or not graphical():
        return None
    try:
        found = webbrowser.get()
    except webbrowser.Error:
        return None
    name = os.path.basename(str(getattr(found, "name", "") or ""))
    return None if name in TEXT_BROWSERS else found


def open_in_browser(url: str) -> bool:
    """Open ``url`` (checked by :func:`usable_url`) in the browser; False if
    there is none or it could not be started. It may wait for the browser
    to start: call it off the UI thread."""
    found = browser()
    if found is None:
        return False
    try:
        return bool(found.open(url, new=2))
    except OSError:
        return False
