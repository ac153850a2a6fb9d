"""Figures and report files on a demo ward: ward_figures (the dashboard's one query set),
the weekly official report as .xlsx and as .pdf. Runs in a subprocess with an isolated keyring."""

from __future__ import annotations

import json
import subprocess

from bench.common import isolated_env, python, workdir

TARGET_FIGURES_SECONDS = 2.0  # the dashboard should answer a period change within ~2 s at 20k residents

PROBE = r"""
import json, sys, time
from datetime import date, timedelta
from desktop.core.period import Period, today_vn
from desktop.services.context import open_context
from desktop.services.setup.ward_setup import initialize_ward
from desktop.services.setup.demo_data import build_demo_ward
from desktop.services.reports.figures import ward_figures
from desktop.services.reports.official_report import official_report
from desktop.services.reports.xlsx_report import render as xlsx
from desktop.services.reports.pdf_report import render as pdf
data, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ctx = open_context(data, actor="bench")
initialize_ward(ctx, "00166", "Tổ CĐS")
t0 = time.perf_counter(); build_demo_ward(ctx, residents=n, seed=7); fill = time.perf_counter() - t0
today = today_vn(); week = Period(today - timedelta(days=6), today); year = Period(date(today.year, 1, 1), today)
out = {"residents": n, "fill_seconds": round(fill, 2), "figures_week": [], "figures_year": [], "xlsx": [], "pdf": []}
for _ in range(runs):
    t = time.perf_counter(); ward_figures(ctx, week); out["figures_week"].append(time.perf_counter() - t)
    t = time.perf_counter(); ward_figures(ctx, year); out["figures_year"].append(time.perf_counter() - t)
    doc = official_report(ctx, week, "weekly")
    t = time.perf_counter(); xlsx(ctx, "weekly", doc, data + "/w.xlsx"); out["xlsx"].append(time.perf_counter() - t)
    t = time.perf_counter(); pdf(ctx, "weekly", doc, data + "/w.pdf"); out["pdf"].append(time.perf_counter() - t)
print("RESULT " + json.dumps(out))
"""


def run(quick: bool = False) -> dict:
    from bench.common import summary

    work = workdir()
    n, runs = (2000, 3) if quick else (20000, 5)
    proc = subprocess.run([python(), "-c", PROBE, str(work / "data"), str(n), str(runs)], env=isolated_env(work),
                          capture_output=True, text=True, check=True, timeout=1800)
    raw = json.loads(next(line for line in proc.stdout.splitlines() if line.startswith("RESULT "))[7:])
    result = {"name": "reports", "unit": "s", "residents": raw["residents"], "demo_fill_seconds": raw["fill_seconds"]}
    for key in ("figures_week", "figures_year", "xlsx", "pdf"):
        result[key] = summary(raw[key])
    result["target_figures_seconds"] = TARGET_FIGURES_SECONDS
    result["meets_target"] = result["figures_year"]["median"] <= TARGET_FIGURES_SECONDS
    return result
