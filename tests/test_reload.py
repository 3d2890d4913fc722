"""The reader's R: the feeds of the open folder fetched in the background, then listed."""

from __future__ import annotations

import asyncio

from index.fetch import Politeness, Subscription, fetch_feeds
from index.library import Library
from tui.app import NewsdeskApp

from .feedgen import Entry, rss
from .feedserver import Route, serving


def test_r_fetches_the_folder_s_feeds_and_lists_the_new_articles_unread(tmp_path, monkeypatch):
    import index.fetch.run as fetch_run

    monkeypatch.setattr(fetch_run, "Politeness", lambda: Politeness(timeout=1.0, host_delay=0))
    corpus = tmp_path / "feeds"
    with serving({"/feed": Route(rss([Entry(1)])), "/gone": Route(status=404)}) as server:
        feeds = [Subscription(server.url("/feed")), Subscription(server.url("/gone"))]
        list(fetch_feeds(feeds, str(corpus), Politeness(host_delay=0)))
        server.routes["/feed"] = Route(rss([Entry(2), Entry(1)]), etag='"v2"')

        async def test():
            app = NewsdeskApp(Library([corpus], tmp_path / "index"))
            async with app.run_test(size=(160, 50), notifications=True) as pilot:
                for _ in range(3):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                sources = app.screen.sources
                before = set(sources.article_ids)
                assert len(before) == 1
                await pilot.press("R")
                for _ in range(4):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                assert len(sources.article_ids) == 2
                (new,) = set(sources.article_ids) - before
                assert new not in app.reading.read
                toasts = [n.message for n in app._notifications]
                assert "1 new articles" in toasts

        asyncio.run(test())
    assert (
        len(server.asked("/gone")) == 1
    )  # a feed that failed at first is not in the folder's list
