"""Helpers shared by benchmarks: an isolated environment with a test keyring."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def isolated_env(workdir: Path) -> dict[str, str]:
    """Environment for benchmark subprocesses: offscreen Qt, a keyring file in `workdir`.

    The file keyring is the tests' backend (a headless machine has no secret service).
    """
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="tests.support.test_keyring.FileKeyring",
        TOCDS_TEST_KEYRING_FILE=str(workdir / "keyring.json"),
        PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]),
    )
    return env


def workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="tocds-bench-"))


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "n": len(samples),
        "median": round(statistics.median(samples), 4),
        "p95": round(p95, 4),
        "min": round(ordered[0], 4),
        "max": round(ordered[-1], 4),
    }


def python() -> str:
    return sys.executable
