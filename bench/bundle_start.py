"""Start of the PyInstaller bundle (dist/tocds): the app to an interactive window, offscreen, and
`tocds-cli --version`.

Each sample is a fresh process on a fresh data folder (first-run wizard, null keyring:
the bundle cannot import the tests' keyring), so it includes creating and migrating the
encrypted database: an upper bound for an everyday start. The same start from source is
measured beside it. Skipped (with a note) when no bundle has been built: `./dev bundle`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import REPO, isolated_env, python, summary, workdir

TARGET_SECONDS = 3.0  # issue: at most 3 s from the bundle on a 2-core machine
CLI_TARGET_SECONDS = 1.0  # `tocds-cli --version`


def _bundle() -> Path | None:
    exe = REPO / "dist" / "tocds" / ("tocds.exe" if sys.platform == "win32" else "tocds")
    return exe if exe.exists() else None


def _time_cli_version(exe: Path, env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run([str(exe), "--version"], env=env, capture_output=True, check=True, timeout=60)
    return time.perf_counter() - t0


def _time_start(cmd: list[str], env: dict, data: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen([*cmd, "--data-dir", str(data)], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError(f"{cmd[0]} never became ready (exit {proc.wait()})")
    proc.wait(60)
    return elapsed


def run(quick: bool = False) -> dict:
    exe = _bundle()
    if exe is None:
        return {"name": "bundle_start", "skipped": "no bundle in dist/: run ./dev bundle first"}
    work = workdir()
    env = isolated_env(work)
    env.update(TOCDS_EXIT_WHEN_READY="1", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    n = 3 if quick else 7
    commands = {"bundle": [str(exe)], "source": [python(), "-m", "desktop"]}
    results = {}
    for label, cmd in commands.items():
        _time_start(cmd, env, work / f"warm-{label}")  # warm the OS file cache, as a second start of the day
        results[label] = summary([_time_start(cmd, env, work / f"{label}-{i}") for i in range(n)])
    cli = exe.with_name("tocds-cli.exe" if sys.platform == "win32" else "tocds-cli")
    _time_cli_version(cli, env)
    cli_seconds = summary([_time_cli_version(cli, env) for _ in range(n)])
    size_mb = sum(f.stat().st_size for f in exe.parent.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
    return {
        "name": "bundle_start",
        "unit": "s",
        "what": "fresh process, fresh data folder, to the first interactive window (wizard), offscreen",
        "seconds": results["bundle"],
        "source_seconds": results["source"],
        "ratio_bundle_to_source": round(results["bundle"]["median"] / results["source"]["median"], 2),
        "bundle_size_mb": round(size_mb, 1),
        "target_seconds": TARGET_SECONDS,
        "meets_target": results["bundle"]["median"] <= TARGET_SECONDS,
        "cli_version_seconds": cli_seconds,
        "cli_target_seconds": CLI_TARGET_SECONDS,
        "cli_meets_target": cli_seconds["median"] <= CLI_TARGET_SECONDS,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
