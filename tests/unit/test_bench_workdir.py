"""A benchmark's data folder goes when its process ends (a sync bench left ~220 MB in /tmp on every run),
unless TOCDS_BENCH_KEEP_WORK asks to keep it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

MAKE = "from bench.common import workdir; w = workdir(); (w / 'data.bin').write_bytes(b'x' * 1000); print(w)"


def _run(**env: str) -> tuple[Path, str]:
    proc = subprocess.run([sys.executable, "-c", MAKE], capture_output=True, text=True, cwd=REPO, check=True,
                          env={**os.environ, "PYTHONPATH": str(REPO), **env}, timeout=60)
    return Path(proc.stdout.strip()), proc.stderr


def test_a_benchmarks_data_folder_is_removed_when_it_ends():
    folder, _ = _run()
    assert folder.name.startswith("tocds-bench-") and not folder.exists()


def test_it_is_kept_when_asked_and_says_where():
    folder, said = _run(TOCDS_BENCH_KEEP_WORK="1")
    try:
        assert (folder / "data.bin").stat().st_size == 1000
        assert str(folder) in said
    finally:
        shutil.rmtree(folder, ignore_errors=True)
