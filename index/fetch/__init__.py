"""Fetching feeds from the web into a corpus folder (``newsdesk fetch``).

``subscriptions`` reads the feeds a user follows (a newsboat ``urls`` file or
OPML), ``download`` asks servers politely, ``entries`` writes each new entry
as a Markdown file, and ``run`` ties them together feed by feed.
"""

from __future__ import annotations

from .download import Politeness
from .run import FeedReport, fetch_feeds
from .subscriptions import Subscription, Subscriptions, parse, to_opml

__all__ = [
    "FeedReport",
    "Politeness",
    "Subscription",
    "Subscriptions",
    "fetch_feeds",
    "parse",
    "to_opml",
]
