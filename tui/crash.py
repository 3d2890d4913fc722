"""Where a crash of the reader is written down.

The reader draws on the whole terminal; a traceback printed after it (as
Textual does) is a wall of text with the article's words among its local
variables, and a crash that ended with status 0 looked like a normal quit. A
crash is instead a one-line message and a non-zero exit, and its traceback
goes to ``crash.log`` in the user's state folder, beside the reading state.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import traceback
from pathlib import Path

from platformdirs import user_state_dir

LOG_NAME = "crash.log"


def log_folder() -> Path:
    return Path(user_state_dir("newsdesk"))


def write_log(error: BaseException) -> Path:
    """Write ``error``'s traceback to the crash log (the last crash's); its path.

    A state folder that cannot be written falls back to a new file in the
    temporary folder, so the message can always say where the details are.
    """
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    text = f"newsdesk crashed at {when}\n\n" + "".join(traceback.format_exception(error))
    path = log_folder() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    except OSError:
        descriptor, name = tempfile.mkstemp(prefix="newsdesk-crash-", suffix=".log")
        path = Path(name)
    with os.fdopen(descriptor, "w", encoding="utf-8", errors="replace") as log:
        log.write(text)
    return path
