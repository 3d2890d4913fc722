"""The evaluations measure other labelled folders of the same layout (ECB+
topics nobody tuned on, more same-event folders) when the environment names
them, and say that the figures are then held out."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SHARED_DATA

TOPIC = SHARED_DATA / "ecbplus-dev" / "topic16"


def _entities(env: dict[str, str], cwd) -> str:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "eval_entities.py"),
            "--skip",
            "bbc,multisource,seeds,conll",
            "--cache",
            "",
        ],
        env={**os.environ, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return done.stdout


@pytest.mark.slow
def test_entity_evaluation_measures_the_topics_of_a_named_folder(tmp_path):
    if not TOPIC.is_dir():
        pytest.skip(f"{TOPIC} is not available")
    held = tmp_path / "ecbplus-test"
    held.mkdir()
    (held / "topic16").symlink_to(TOPIC, target_is_directory=True)
    work = tmp_path / "work"
    work.mkdir()
    out = _entities({"NEWSDESK_ECB": str(held)}, cwd=work)
    assert not list(work.iterdir()), "with --cache '' nothing is kept"
    head = next(line for line in out.splitlines() if line.startswith("ECB+ "))
    assert head == (
        f"ECB+ {held.resolve()}, held out: no rule was tuned on it: 1 topics, 14 articles"
    )
    rows = [line.split() for line in out.splitlines() if line.startswith("all ")]
    assert rows, out
    gold, found = int(rows[0][1]), float(rows[0][2])
    assert gold == 24 and found > 0.9  # topic 16's named gold mentions in annotated lines


def test_folders_the_rules_were_tuned_on_are_not_held_out():
    from benchmarks import common

    assert not common.held_out(SHARED_DATA / "ecbplus-dev")
    assert not common.held_out(SHARED_DATA / "multisource")
    assert common.held_out(SHARED_DATA / "ecbplus-test")
