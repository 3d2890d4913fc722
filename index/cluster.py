"""Per-article analysis on a dask.distributed cluster.

Analysis is a pure function of an article and the model name, so it can run
anywhere newsdesk and the model are installed. This process sends batches of
articles (their text and metadata, pickled) to the scheduler and gets each
batch's mentions, facts and passage fields back as plain data; only this
process writes the index, as it does without a cluster.

A worker that dies mid-batch loses nothing: the scheduler hands its batches to
another worker (up to its ``distributed.scheduler.allowed-failures``), and a
batch that fails with an error is tried again (:data:`RETRIES`). Each worker
process loads the model once, on its first batch, and keeps it for the next.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import Any

SCHEDULER_ENV = "NEWSDESK_SCHEDULER"
# Long enough for a scheduler across a network, short enough that a mistyped
# address is said before a user wonders whether anything is happening.
CONNECT_SECONDS = 10.0
RETRIES = 2  # a batch that raised is tried this many more times on any worker

Batch = Callable[[str, Any], list[dict[str, Any]]]


class ClusterUnreachable(Exception):
    """The scheduler named cannot be reached (nothing was sent to it)."""


def scheduler_address(given: str | None) -> str | None:
    """The scheduler ``--scheduler`` names, else ``$NEWSDESK_SCHEDULER``; None
    (analysis on this machine) when neither names one."""
    address = given if given is not None else os.environ.get(SCHEDULER_ENV, "")
    return address.strip() or None


def connect(address: str, timeout: float = CONNECT_SECONDS) -> Any:
    """A client of the scheduler at ``address``, or :class:`ClusterUnreachable`
    saying why: before any article is read, so a wrong address costs nothing."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterUnreachable(
            "analysing on a Dask cluster needs the 'distributed' package: "
            "pip install 'newsdesk[cluster]'"
        ) from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except Exception as error:  # OSError, TimeoutError, ValueError for a bad address
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ClusterUnreachable(
            f"cannot reach the Dask scheduler at {address} ({reason}); start one "
            f"('dask scheduler'), or leave out --scheduler and ${SCHEDULER_ENV} "
            "to analyse on this machine"
        ) from None


def run_batches(client: Any, task: Batch, model: str, batches: Sequence[Any]) -> list[Any]:
    """Every batch's results, in order, analysed on the cluster.

    When this process is stopped (Ctrl+C, SIGTERM) or a batch fails for good,
    the batches not yet done are cancelled on the cluster rather than left to
    hold its workers for minutes."""
    futures = client.map(task, [model] * len(batches), list(batches), pure=False, retries=RETRIES)
    from distributed import wait

    # Ctrl+C inside distributed's sync() can leave it a callback that fails on
    # the event loop's thread (a NameError in its cancel, logged with its
    # traceback by tornado): what the loop says while the run stops is not the
    # user's to read. The run's own failures come back through its futures.
    loop_errors = logging.getLogger("tornado.application")
    level = loop_errors.level
    loop_errors.setLevel(logging.CRITICAL)
    try:
        # wait, then each result, rather than gather: a gather cut short by
        # Ctrl+C leaves tasks behind that print tracebacks as the process ends.
        with client.as_current():  # wait() finds the client it waits on this way
            wait(futures)
        results = [result for future in futures for result in future.result()]
    except BaseException:
        client.cancel(futures)
        raise  # the loop stays silenced: its failing callback may run after this
    loop_errors.setLevel(level)
    return results


def close(client: Any) -> None:
    """Disconnect (the cluster and its workers, with their models, stay up); a
    scheduler gone meanwhile is no reason to fail a run that has its results."""
    with suppress(Exception):
        client.close()
