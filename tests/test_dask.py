"""Analysis on a dask.distributed cluster (``newsdesk index --scheduler``): a
real two-worker ``LocalCluster`` builds the same index as this machine does,
a worker killed mid-batch loses nothing, a scheduler that cannot be reached
is a usage error before any work, and Ctrl+C stops the run cleanly."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from index.analysis import Analysis
from index.library import Library
from index.store import Store
from tui.cli import main

from .conftest import ROOT, SEEDS, SHARED_DATA, TODAY

distributed = pytest.importorskip("distributed")
BBC = SHARED_DATA / "news-corpus" / "bbc" / "politics"


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, as `dask worker --nthreads 1` runs."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as connected:
        yield connected


def _contents(path: Path, corpus: Path) -> dict:
    """Everything a reader sees of an index, as plain data."""
    library = Library([corpus], path, analysis=Analysis())
    ids = [a.id for a in library.articles()]
    return {
        "articles": library.articles(),
        "analyses": {aid: library.analysis_of(aid) for aid in ids},
        "listing": library.listing(),
        "stories": library.stories(),
        "entities": library.entities(),
        "facts": library.facts(),
        "groups": library.fact_groups(),
        "views": {aid: library.views(aid) for aid in ids},
    }


@pytest.fixture(scope="module")
def local_seeds_index(tmp_path_factory) -> Path:
    """The seeds analysed on this machine, on the tests' fixed day (as ``isolated``)."""
    from index import dates

    path = tmp_path_factory.mktemp("local") / "ix"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates, "today", lambda: TODAY)
        Library([SEEDS], path, analysis=Analysis()).update()
    return path


def _models_loaded(client) -> dict[str, list[str]]:
    """The models each worker process analyses with (an Analysis made on its
    first batch; the model itself loads when a piece of text needs it)."""

    def held() -> list[str]:
        from index import analysis

        return sorted(analysis._WORKER)

    return client.run(held)


@pytest.mark.slow
def test_the_index_built_on_the_cluster_equals_the_one_built_here(
    cluster, client, local_seeds_index, tmp_path
):
    path = tmp_path / "ix"
    code = main(
        ["index", str(SEEDS), "--index-dir", str(path), "--scheduler", cluster.scheduler_address]
    )
    assert code == 0
    assert _contents(path, SEEDS) == _contents(local_seeds_index, SEEDS)
    assert any(_models_loaded(client).values())  # the work was done on the workers


@pytest.mark.slow
def test_the_scheduler_may_be_named_by_the_environment(cluster, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDESK_SCHEDULER", cluster.scheduler_address)
    library = Library([SEEDS], tmp_path / "ix", analysis=Analysis(scheduler=None))
    from index.cluster import scheduler_address

    assert scheduler_address(None) == cluster.scheduler_address
    assert main(["index", str(SEEDS), "--index-dir", str(tmp_path / "ix")]) == 0
    assert len(library.articles()) == 5


@pytest.mark.slow
def test_a_worker_that_dies_mid_batch_loses_nothing(client, cluster, local_seeds_index, tmp_path):
    path = tmp_path / "ix"
    library = Library([SEEDS], path, analysis=Analysis(scheduler=cluster.scheduler_address))
    done: list[BaseException | None] = []

    def run() -> None:
        try:
            library.update()
            done.append(None)
        except BaseException as error:
            done.append(error)

    pids = client.run(os.getpid)
    worker = threading.Thread(target=run)
    worker.start()
    busy = _first_busy_worker(client)
    os.kill(pids[busy], signal.SIGKILL)  # as a crash or the OOM killer would
    worker.join(timeout=600)
    assert done == [None]
    assert _contents(path, SEEDS) == _contents(local_seeds_index, SEEDS)


def _count_reads() -> None:
    """On a worker: count the articles it analyses and the pieces of text it
    gives the model, from now on."""
    from index import analysis, nlp

    counts = {"articles": 0, "pieces": 0}
    real_here, real_spans = analysis.Analysis.analyse_here, nlp.model_spans

    def here(self, articles, known=None):
        counts["articles"] += len(articles)
        return real_here(self, articles, known)

    def spans(texts, *args, **kwargs):
        counts["pieces"] += len(texts)
        return real_spans(texts, *args, **kwargs)

    analysis.Analysis.analyse_here = here
    nlp.model_spans = spans
    nlp._counted = (counts, real_here, real_spans)


def _reads_counted() -> dict[str, int]:
    """On a worker: what :func:`_count_reads` counted; the counting stops."""
    from index import analysis, nlp

    counts, real_here, real_spans = nlp._counted
    analysis.Analysis.analyse_here, nlp.model_spans = real_here, real_spans
    return counts


@pytest.mark.slow
def test_an_upgrade_analysed_on_the_cluster_gives_the_model_no_text_it_has_read(
    cluster, client, local_seeds_index, tmp_path, monkeypatch
):
    from index import analysis

    path = tmp_path / "ix"
    shutil.copytree(local_seeds_index, path)
    # every worker counting: one the test before killed may still be starting again
    client.wait_for_workers(2, timeout=120)
    client.run(_count_reads)
    try:
        monkeypatch.setattr(analysis, "VERSION", analysis.VERSION + "-next")
        library = Library([SEEDS], path, analysis=Analysis(scheduler=cluster.scheduler_address))
        library.update()
    finally:
        counted = client.run(_reads_counted)
    assert sum(c["articles"] for c in counted.values()) == 5  # analysed again, there
    assert sum(c["pieces"] for c in counted.values()) == 0
    assert _contents(path, SEEDS) == _contents(local_seeds_index, SEEDS)


def _first_busy_worker(client, seconds: float = 120.0) -> str:
    """The address of a worker running a batch, as soon as one is."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        busy = [address for address, tasks in client.processing().items() if tasks]
        if busy:
            return busy[0]
        time.sleep(0.05)
    raise AssertionError("no worker was given a batch")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_scheduler_that_cannot_be_reached_is_a_usage_error_before_any_work(tmp_path, capsys):
    path = tmp_path / "ix"
    address = f"tcp://127.0.0.1:{_closed_port()}"
    code = main(["index", str(SEEDS), "--index-dir", str(path), "--scheduler", address])
    err = capsys.readouterr().err
    assert code == 2
    assert f"cannot reach the Dask scheduler at {address}" in err
    assert "Traceback" not in err
    assert not Store.exists(path)


def test_a_scheduler_address_that_makes_no_sense_is_said(tmp_path, capsys):
    code = main(
        ["index", str(SEEDS), "--index-dir", str(tmp_path / "ix"), "--scheduler", "nope://"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot reach the Dask scheduler at nope://" in err


@pytest.mark.slow
@pytest.mark.skipif(not BBC.exists(), reason=f"{BBC} is not on this machine")
def test_ctrl_c_stops_the_run_and_its_batches_on_the_cluster(client, cluster, tmp_path):
    path = tmp_path / "ix"
    command = [sys.executable, "-c", FROM_A_TERMINAL, "index", str(BBC), "--index-dir", str(path)]
    run = subprocess.Popen(
        [*command, "--scheduler", cluster.scheduler_address],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _first_busy_worker(client)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130
    assert "interrupted" in err and "Traceback" not in err, err
    assert Library([BBC], path).articles() == []  # nothing half written: no run committed
    assert _idle(client)  # the batches not done were cancelled, not left running


# ``newsdesk`` as a terminal starts it, where Ctrl+C raises KeyboardInterrupt:
# a process started in the background by a shell without job control (a CI
# runner, ``cmd &``) inherits SIGINT ignored, and Python then leaves it so.
FROM_A_TERMINAL = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('tui.cli', run_name='__main__', alter_sys=True)"
)


def _idle(client, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(client.processing().values()):
            return True
        time.sleep(0.1)
    return False


POOL_PROBE = """
import json, sys
from pathlib import Path
from index.analysis import Analysis
from index.readers import read

files = sorted(Path(sys.argv[1]).glob("*.txt"))
articles = [a for f in files for a in read(str(f), f.name)[0].articles]
pooled = Analysis().analyse(articles, coming=5000)
here_loaded_spacy = "spacy" in sys.modules
same = pooled == Analysis(processes=1).analyse_here(articles)
print(json.dumps({"here_loaded_spacy": here_loaded_spacy, "same": same}))
"""


@pytest.mark.slow
def test_a_small_batch_of_a_large_run_goes_to_the_worker_processes():
    """A first index of thousands of files hands its articles over in batches,
    the first of only 16: those are analysed by the worker processes too, so the
    indexing process does not load a model of its own, and the results are
    those of an analysis in one process."""
    done = subprocess.run(
        [sys.executable, "-c", POOL_PROBE, str(SEEDS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "here_loaded_spacy": False,
        "same": True,
    }
