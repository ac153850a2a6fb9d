"""Demo ward build (the bulk path, change log included) and the progress report over it.

Runs `tocds-cli demo-data` in a fresh process (200k residents, 20k with --quick), then
times `report progress --format json` and `follow-ups list --json` on the result.
"""

from __future__ import annotations

import json
import subprocess
import time

from bench.common import isolated_env, python, summary, workdir


def _cli(env: dict, data: str, *args: str) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run([python(), "-m", "desktop.cli", "--data-dir", data, *args], capture_output=True, text=True,
                          env=env, timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    return time.perf_counter() - t0, proc.stdout


def run(quick: bool = False) -> dict:
    residents = 20_000 if quick else 200_000
    work = workdir()
    env = isolated_env(work)
    data = str(work / "data")
    wall, out = _cli(env, data, "demo-data", "--residents", str(residents), "--seed", "1", "--json")
    counts = json.loads(out)
    report = [_cli(env, data, "report", "progress", "--format", "json")[0] for _ in range(1 if quick else 3)]
    follow = [_cli(env, data, "follow-ups", "list", "--json")[0] for _ in range(1 if quick else 3)]
    return {
        "name": "demo_ward",
        "residents": residents,
        "records": {k: v for k, v in counts.items() if not k.endswith("seconds")},
        "build_seconds_in_process": counts["seconds"],
        "outreach_part_seconds": counts.get("outreach_seconds"),  # before the complaints area's own demo rows
        "build_seconds_wall": round(wall, 2),
        "residents_per_second": round(residents / counts["outreach_seconds"]) if counts.get("outreach_seconds") else None,
        "report_progress_seconds": summary(report),
        "follow_ups_list_seconds": summary(follow),
    }
