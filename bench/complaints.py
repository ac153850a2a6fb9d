"""Complaints: filing speed, and list / overdue list / duplicate check / report on a
ward-sized store (run in a fresh process on an isolated data folder)."""

from __future__ import annotations

import json
import subprocess

from bench.common import isolated_env, python, workdir

TARGETS = {"list_all_s": 1.0, "list_overdue_s": 0.5, "duplicates_s": 0.1, "report_s": 1.0, "file_one_s": 0.25}

PROBE = r"""
import json, random, statistics, sys, time
from datetime import date
from desktop.services.context import open_context
from desktop.services.setup.ward_setup import initialize_ward, residential_groups
from desktop.services.setup.complaints_demo import add_demo_complaints
from desktop.services.complaints import complaints as svc
from desktop.services.complaints.duplicates import find_duplicates
from desktop.services.reports.complaints_report import complaints_report
from desktop.core.period import Period
n = int(sys.argv[2])
ctx = open_context(sys.argv[1], actor="bench")
initialize_ward(ctx, "00166", "Bench", [f"Tổ dân phố số {i}" for i in range(1, 21)])
t0 = time.perf_counter()
add_demo_complaints(ctx, random.Random(1), n)
demo_s = time.perf_counter() - t0
g = residential_groups(ctx)[0].id
def timed(fn, reps=5):
    out = []
    for _ in range(reps):
        t = time.perf_counter(); fn(); out.append(time.perf_counter() - t)
    return round(statistics.median(out), 4)
draft = lambda: svc.ComplaintDraft(kind="phan_anh_hien_truong", category="chieu_sang", title="Đèn đường hỏng ở ngõ 12",
    description="Cột đèn đầu ngõ 12 không sáng từ thứ Bảy tuần trước, buổi tối rất tối.", anonymous=True, residential_group_id=g)
print(json.dumps({
    "complaints": n,
    "demo_fill_s": round(demo_s, 2),
    "file_one_s": timed(lambda: svc.file_complaint(ctx, draft())),
    "list_all_s": timed(lambda: svc.list_complaints(ctx)),
    "list_overdue_s": timed(lambda: svc.list_complaints(ctx, svc.ComplaintFilter(overdue=True))),
    "duplicates_s": timed(lambda: find_duplicates(ctx, "phan_anh_hien_truong", "moi_truong_rac_thai", residential_group_id=g,
                                                 address_text="Ngõ 12, phố Trần Duy Hưng", latitude=21.03, longitude=105.8)),
    "report_s": timed(lambda: complaints_report(ctx, Period(date(2000, 1, 1), date(2100, 1, 1)))),
}))
ctx.close()
"""


def run(quick: bool = False) -> dict:
    work = workdir()
    n = 300 if quick else 3000
    proc = subprocess.run([python(), "-c", PROBE, str(work / "data"), str(n)], env=isolated_env(work),
                          check=True, capture_output=True, text=True, timeout=3600)
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    return {
        "name": "complaints",
        "unit": "s",
        **figures,
        "targets": TARGETS,
        "meets_target": all(figures[k] <= v for k, v in TARGETS.items()),
    }
