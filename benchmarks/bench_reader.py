"""The reader on a warm index: time to the first full screen, key press to an
updated cross-source pane, peak memory, and whether spaCy was loaded.

    python benchmarks/bench_reader.py --corpus DIR --index DIR [--nlp] [--keys N]
    python benchmarks/bench_reader.py --minimal

Runs headless (``App.run_test``) at 160x50. The time to the first full screen
runs from the start of this process (interpreter start-up and imports included,
as a user sees it: ``--started`` passes the launcher's clock) to the first frame
rendered with the article shown and its cross-source pane filled. ``--minimal`` times a
minimal Textual app (a header, a list, a footer) the same way, so the reader is
reported as a ratio to it. Prints one ``RESULT`` JSON line. Run alone, compile
newsdesk's modules first (``python -m compileall -q index tui``, as ``run_all.py``
does), or an edited module's compilation is timed as start-up.

A key press is timed from the key event handed to the app (as the terminal
driver hands it) to the first frame the compositor renders after the change
(the cross-source pane showing the new passage; the list's new highlight for
the minimal app). ``Pilot.press`` is not used for the timing: it waits until the
process has been idle for 20 ms, which put a floor of about 64 ms under every
key, the minimal app's included. Keys are a short pause apart, as typed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import emit, peak_rss_mb  # noqa: E402

SIZE = (160, 50)


class Frames:
    """Timestamps of the frames the app renders (headless: rendered, not written),
    and the wall-clock time of the first frame rendered once ``ready()`` holds."""

    def __init__(self, app, ready=None) -> None:
        self.times: list[float] = []
        self.ready_at: float | None = None
        display = app._display

        def timed(screen, renderable) -> None:
            if renderable is not None:
                self.times.append(time.perf_counter())
                if self.ready_at is None and ready is not None and ready():
                    self.ready_at = time.time()
            display(screen, renderable)

        app._display = timed

    def after(self, moment: float) -> float | None:
        return next((t for t in self.times if t >= moment), None)


async def timed_key(app, key: str, changed, frames: Frames, limit: float = 30.0) -> float:
    """Seconds from handing ``key`` to the app to the first frame after ``changed()``
    returns a time (the moment of the change)."""
    from textual import events

    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    start = time.perf_counter()
    app._driver.send_message(event)
    while True:
        moment = changed()
        shown = frames.after(moment) if moment is not None else None
        if shown is not None:
            await asyncio.sleep(0.05)  # the next key comes a moment later, as typed
            return shown - start
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"no frame after {key!r}")
        await asyncio.sleep(0.0005)


async def until(pilot, ready, limit: float = 600.0) -> None:
    deadline = time.perf_counter() + limit
    while not ready():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen never became ready")
        await asyncio.sleep(0.005)  # not pilot.pause: it posts to every widget


async def minimal(started: float, keys: int) -> dict:
    from textual.app import App
    from textual.widgets import Footer, Header, OptionList

    class Minimal(App[None]):
        def compose(self):
            yield Header()
            yield OptionList(*[f"Article {n}" for n in range(50)])
            yield Footer()

    app = Minimal()

    def ready() -> bool:
        try:
            return bool(app.screen.query(OptionList))
        except Exception:  # no screen yet
            return False

    first = Frames(app, ready)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: first.ready_at is not None)
        shown = first.ready_at - started
        options = app.query_one(OptionList)
        options.focus()
        await pilot.pause()
        frames = Frames(app)
        moved: list[float] = []
        watch = options.watch_highlighted

        def watched(value) -> None:
            watch(value)
            moved.append(time.perf_counter())

        options.watch_highlighted = watched  # type: ignore[method-assign]
        samples = []
        for _ in range(keys):
            count = len(moved)
            samples.append(
                await timed_key(
                    app, "down", lambda c=count: moved[c] if len(moved) > c else None, frames
                )
            )
    from benchmarks.common import percentiles

    median, p95 = percentiles(samples)
    return {
        "first_screen_s": shown,
        "key_median_ms": median,
        "key_p95_ms": p95,
        "peak_rss_mb": peak_rss_mb(),
    }


async def reader(args, started: float) -> dict:
    from index.library import Library
    from tui.app import NewsdeskApp
    from tui.state import ReadingState

    analysis = None
    if args.nlp:
        from index.analysis import Analysis

        analysis = Analysis()
    library = Library([args.corpus], args.index, analysis=analysis, apart=True)  # as the command
    app = NewsdeskApp(library, ReadingState.load(str(library.location), args.state))

    def ready() -> bool:
        try:
            screen = app.screen
            return (
                screen.article.article is not None
                and bool(screen.cross.view)
                and screen.article.line_count > 0  # wrapped: drawn in this frame
                and screen.cross.line_count > 0
            )
        except Exception:  # not composed yet
            return False

    first = Frames(app, ready)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: first.ready_at is not None)
        shown = first.ready_at - started
        await pilot.pause()
        await pilot.click("#article")
        samples = await key_presses(pilot, screen, args.keys)
    from benchmarks.common import percentiles

    return {
        "first_screen_s": shown,
        "articles": len(screen.entries),
        "stories": len(screen.stories),
        "key_median_ms": percentiles(samples)[0],
        "key_p95_ms": percentiles(samples)[1],
        "keys": len(samples),
        "spacy_loaded": "spacy" in sys.modules,
        "peak_rss_mb": peak_rss_mb(),
    }


async def key_presses(pilot, screen, count: int) -> list[float]:
    """j through passages (J to the next article at the end), timing each until
    a frame shows the cross-source pane with the new passage."""
    await pilot.pause()
    app = screen.app
    frames = Frames(app)
    shown: list[float] = []
    show = screen.cross.show

    def timed_show(view) -> None:
        show(view)
        shown.append(time.perf_counter())

    screen.cross.show = timed_show  # type: ignore[method-assign]
    samples = []
    for _ in range(count):
        article, cursor = screen.article.article, screen.article.cursor
        last = article is not None and cursor >= len(article.passages)
        n = len(shown)
        samples.append(
            await timed_key(
                app, "J" if last else "j", lambda n=n: shown[n] if len(shown) > n else None, frames
            )
        )
    return samples


def main() -> None:
    started = time.time()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--state", type=Path, default=Path(tempfile.gettempdir()) / "nd-state")
    parser.add_argument("--nlp", action="store_true", help="open with the analysis key")
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--minimal", action="store_true")
    parser.add_argument("--started", type=float, default=None, help="launcher's time.time()")
    args = parser.parse_args()
    started = args.started or started
    run = minimal(started, min(args.keys, 45)) if args.minimal else reader(args, started)
    emit(asyncio.run(run))


if __name__ == "__main__":
    main()
