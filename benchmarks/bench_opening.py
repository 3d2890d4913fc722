"""A first open of a large folder: time from the command to the first readable
article, and to the end of the first index.

    python benchmarks/bench_opening.py [--corpus DIR] [--timeout S] [--newsdesk COMMAND]

Starts the installed ``newsdesk`` on the folder (by default the 2,225 BBC News
articles of ``../shared/data``) in a tmux pane of 160x45, with a new index in
a temporary folder, as a user would on a first open. The screen is read every
50 ms: the first readable article is the first frame whose Article pane shows
an article's header (its file); the first index is over when the indexing line
is gone. Each stage the line named is timed too (when it was first seen).
The target for the first article is under 10 s. Prints one ``RESULT`` JSON line.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWS  # noqa: E402
from benchmarks.harness import emit  # noqa: E402

SIZE = (160, 45)
SHOWN_FILE = re.compile(r"date .* file (\S+)")  # the article's header line
# When each stage was first seen on the indexing line (the top row).
STAGES = {
    "listing": re.compile(r"listing the folders"),
    "reading": re.compile(r" · reading "),
    "analysing": re.compile(r" · analysing"),
    "first_batch_readable": re.compile(r" · [1-9][\d,]* readable"),
    "comparing": re.compile(r"Indexing: comparing"),
    "writing": re.compile(r"Indexing: writing"),
    "saving": re.compile(r"Indexing: saving"),
}


class Pane:
    """A private tmux server with one pane running ``command``."""

    def __init__(self, command: str) -> None:
        self.socket = f"newsdesk-bench-{uuid.uuid4().hex[:8]}"
        width, height = SIZE
        self._tmux("new-session", "-d", "-s", "b", "-x", str(width), "-y", str(height), command)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-f", "/dev/null", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "b")

    def close(self) -> None:
        self._tmux("send-keys", "-t", "b", "q")
        time.sleep(2)  # the reader stops its indexing process and puts the terminal back
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def measure(corpus: Path, newsdesk: Path, timeout: float) -> dict[str, object]:
    """Seconds from the command to each thing a user sees."""
    seen: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="newsdesk-opening-") as work:
        index = Path(work) / "index"
        command = f"{shlex.quote(str(newsdesk))} {shlex.quote(str(corpus))} --index-dir {index}"
        started = time.monotonic()
        pane = Pane(f"env LANG=C.UTF-8 {command}")
        try:
            while time.monotonic() - started < timeout:
                screen, now = pane.screen(), time.monotonic() - started
                top = screen.splitlines()[0] if screen else ""
                for stage, shown in STAGES.items():
                    if stage not in seen and shown.search(top):
                        seen[stage] = now
                if "first_article" not in seen and SHOWN_FILE.search(screen):
                    seen["first_article"] = now
                if "first_article" in seen and "Indexing" not in top:
                    seen["indexed"] = now
                    break
                time.sleep(0.05)
        finally:
            pane.close()
    return {"corpus": str(corpus), **{k: round(v, 1) for k, v in seen.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=NEWS)
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument(
        "--newsdesk",
        type=Path,
        default=Path(sys.executable).parent / "newsdesk",
        help="the command to time (default: the one installed beside this Python)",
    )
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed (apt-get install tmux)")
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    result = measure(args.corpus, args.newsdesk, args.timeout)
    emit(result)
    first = result.get("first_article")
    print(f"first readable article: {first} s (target: under 10 s)", file=sys.stderr)


if __name__ == "__main__":
    main()
