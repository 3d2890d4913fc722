"""What can go wrong with an index or a query, as the user is told it.

These errors are raised by whichever search engine stands behind the index
(see :mod:`index.engines`) and caught by the command line and the reader, so
they live here, apart from any engine: a caller never imports an engine to
catch them.
"""

from __future__ import annotations


class QueryError(ValueError):
    """A query that cannot be run, with a message saying what is wrong in it."""


class IndexError_(Exception):
    """An index problem explained for the user (missing, locked, unwritable)."""


class IndexLocked(IndexError_):
    """Another process is writing this index."""


class UnknownEngine(IndexError_):
    """``--engine`` or ``NEWSDESK_ENGINE`` names no engine newsdesk has, or one
    whose package is not installed."""
