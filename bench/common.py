"""Helpers shared by benchmarks: an isolated environment with a test keyring."""

from __future__ import annotations

import atexit
import os
import shutil
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
    """A temporary folder for a benchmark's data, removed when the process ends (a sync bench leaves ~220 MB, a
    residents bench at 1M several GB); TOCDS_BENCH_KEEP_WORK=1 keeps it and says where it is."""
    path = Path(tempfile.mkdtemp(prefix="tocds-bench-"))
    if os.environ.get("TOCDS_BENCH_KEEP_WORK"):
        print(f"bench data kept in {path}", file=sys.stderr)
    else:
        atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


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
