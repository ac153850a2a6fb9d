"""Resident registry at ward scale: search, import (CSV and xlsx), list view open, peak memory;
then the laptop's growth table at 10k, 100k and 1M residents (bench/residents_growth.py).

The files are written by this process; the measurements run in a fresh subprocess so its
peak RSS is the app's own. Figures are beside raw baselines as ratios: search vs a raw
FTS5 query on the same index, import vs a raw stdlib sqlite3 executemany of the same rows.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.common import isolated_env, python, summary, workdir

TARGETS = {"search_p95_ms": 15, "csv_import_s": 5, "xlsx_import_s": 20, "list_open_ms": 300, "peak_rss_mb": 300}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Thanh", "Hữu", "Quang", "Ngọc", "Hoàng", "Xuân", "Kim", "Bảo", "Thế",
          "Công", "Mạnh", "Phương", "Diệu", "Gia", "Anh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hoàng", "Hùng",
         "Hương", "Huy", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Nhung", "Phong", "Phúc",
         "Phương", "Quân", "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Thành", "Thuỷ", "Trang", "Trung", "Tuấn",
         "Tú", "Vân", "Việt", "Yến", "Oanh", "Lộc", "Duy", "Khoa", "Đạt", "Hằng", "Hiền", "Loan", "My", "Nhi", "Quỳnh",
         "Thư", "Uyên", "Vy", "Xuân"]
PREFIXES = ["090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039",
            "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086", "088"]
GROUPS = [f"Tổ dân phố số {i}" for i in range(1, 31)]
HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số điện thoại", "Tổ dân phố", "Địa chỉ"]
QUERIES = ["nguyen van an", "thuy", "tran thi h", "le minh", "dang d", "pham thu huong", "hoa", "0912", "5678",
           "001140000121"]


def resident_row(i: int) -> list:
    names = len(FAMILY) * len(MIDDLE) * len(GIVEN)
    n = i % names
    name = f"{FAMILY[n % len(FAMILY)]} {MIDDLE[n // len(FAMILY) % len(MIDDLE)]} {GIVEN[n // (len(FAMILY) * len(MIDDLE))]}"
    year = 1940 + (i // names) % 70
    female = MIDDLE[n // len(FAMILY) % len(MIDDLE)] == "Thị" or i % 2 == 1
    day = f"{1 + i % 28:02d}/{1 + i % 12:02d}/{year}"
    cccd = ""
    if i % 5 < 3:
        digit = (0 if year < 2000 else 2) + (1 if female else 0)
        cccd = f"001{digit}{year % 100:02d}{i % 1_000_000:06d}"
    phone = f"{PREFIXES[i % len(PREFIXES)]}{i // len(PREFIXES):07d}" if i % 4 else ""
    return [i + 1, name, day, "Nữ" if female else "Nam", cccd, phone, GROUPS[i % len(GROUPS)], f"Số {i % 200} ngõ {i % 97}"]


def write_csv(path: Path, start: int, n: int) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADERS)
        for i in range(start, start + n):
            w.writerow(resident_row(i))


def write_xlsx(path: Path, start: int, n: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Cư dân")
    ws.append(HEADERS)
    for i in range(start, start + n):
        ws.append(resident_row(i))
    wb.save(path)


PROBE = r"""
import json, resource, sqlite3, sys, time
from pathlib import Path
args = json.loads(sys.argv[1])
from desktop.services.context import open_context
from desktop.services.setup.ward_setup import initialize_ward
from desktop.services.residents.files import read_table
from desktop.services.residents.importing import import_residents
from desktop.services.residents import search as rs
from sqlalchemy import text

out = {}
def fresh(name):
    ctx = open_context(str(Path(args["work"]) / name), actor="bench")
    initialize_ward(ctx, "00166", "Tổ CĐS", args["groups"])
    return ctx

# -- import: CSV (then a second CSV to reach the full registry), xlsx into its own folder
ctx = fresh("main")
c0 = time.process_time()
t0 = time.perf_counter(); r = import_residents(ctx, args["csv_a"]); out["csv_import_s"] = time.perf_counter() - t0
out["csv_import_cpu_s"] = time.process_time() - c0
assert r.imported == args["n_import"] and not r.rejected, (r.imported, r.rejected[:3], r.duplicates[:3])
t0 = time.perf_counter(); r = import_residents(ctx, args["csv_b"]); out["csv_import_b_s"] = time.perf_counter() - t0
assert r.imported == args["n_total"] - args["n_import"], (r.imported, r.rejected[:3], r.duplicates[:3])

# raw baseline: the same rows read from the same file, stdlib sqlite3 executemany in one transaction
table = read_table(args["csv_a"])
rows = [tuple(v for v in values) for _n, values in table.rows()]
raw = sqlite3.connect(str(Path(args["work"]) / "raw.sqlite"))
raw.execute("CREATE TABLE r (stt, full_name, birth, sex, cccd, phone, grp, address)")
t0 = time.perf_counter()
with raw:
    raw.executemany("INSERT INTO r VALUES (?,?,?,?,?,?,?,?)", rows)
out["raw_executemany_s"] = time.perf_counter() - t0
raw.close(); del rows, table

x = fresh("xlsx")
c0 = time.process_time()
t0 = time.perf_counter(); r = import_residents(x, args["xlsx"]); out["xlsx_import_s"] = time.perf_counter() - t0
out["xlsx_import_cpu_s"] = time.process_time() - c0
assert r.imported == args["n_import"], (r.imported, r.rejected[:3])
x.close()

# -- search: ten fixed queries through the service, and the same MATCH raw
samples, raw_samples = [], []
hits = {}
for q in args["queries"]:
    rs.search_residents(ctx, q)  # warm
    for _ in range(args["reps"]):
        t0 = time.perf_counter(); found = rs.search_residents(ctx, q, limit=20); samples.append(time.perf_counter() - t0)
    hits[q] = len(found)
    words, runs = rs.parse_query(q)
    names, ids = rs.fts_expression(words, runs)
    raw_sql, raw_params = ("SELECT rowid FROM resident_fts WHERE resident_fts MATCH :q LIMIT 20", {"q": names})
    if ids:  # digits: the digit table (a mixed query: rowids in both)
        raw_sql, raw_params = ("SELECT rowid FROM resident_ids_fts WHERE resident_ids_fts MATCH :d LIMIT 20", {"d": ids})
    if names and ids:
        raw_sql = ("SELECT rowid FROM resident_fts WHERE resident_fts MATCH :q "
                   "INTERSECT SELECT rowid FROM resident_ids_fts WHERE resident_ids_fts MATCH :d LIMIT 20")
        raw_params = {"q": names, "d": ids}
    with ctx.read() as s:
        conn = s.connection()
        for _ in range(args["reps"]):
            t0 = time.perf_counter()
            conn.execute(text(raw_sql), raw_params).all()
            raw_samples.append(time.perf_counter() - t0)
out["search"] = samples; out["raw_fts"] = raw_samples; out["hits"] = hits

# -- list view over the whole registry: ids in, first page of rows shown
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from desktop.gui.context import ChangeBus, GuiContext
from desktop.gui.worker import TaskRunner
from desktop.gui.residents.list_model import ResidentListModel
app = QApplication([])
gui = GuiContext(ctx, TaskRunner(), ChangeBus())
opens = []
for _ in range(args["list_reps"]):
    view = QTableView(); view.resize(900, 600)
    model = ResidentListModel(gui)
    view.setModel(model); view.show()
    loop = QEventLoop()
    model.page_loaded.connect(lambda _p: loop.quit())
    t0 = time.perf_counter()
    model.reload()
    QTimer.singleShot(30000, loop.quit)
    loop.exec()
    app.processEvents()
    opens.append(time.perf_counter() - t0)
    out["rows_in_view"] = model.rowCount()
    view.close(); view.deleteLater(); model.deleteLater(); app.processEvents()
out["list_open"] = opens
gui.tasks.shutdown()
ctx.close()
out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("RESULT " + json.dumps(out))
"""


def run(quick: bool = False) -> dict:
    work = workdir()
    n_total = 40_000 if quick else 200_000
    n_import = n_total // 2
    csv_a, csv_b, xlsx = work / "a.csv", work / "b.csv", work / "a.xlsx"
    write_csv(csv_a, 0, n_import)
    write_csv(csv_b, n_import, n_total - n_import)
    write_xlsx(xlsx, 0, n_import)
    args = {"work": str(work), "groups": GROUPS, "csv_a": str(csv_a), "csv_b": str(csv_b), "xlsx": str(xlsx),
            "n_total": n_total, "n_import": n_import, "queries": QUERIES, "reps": 5 if quick else 20,
            "list_reps": 3 if quick else 5}
    load_before = round(os.getloadavg()[0], 2)
    proc = subprocess.run([python(), "-c", PROBE, json.dumps(args)], env=isolated_env(work), capture_output=True,
                          text=True, timeout=3600)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(proc.stderr[-3000:])
    out = json.loads(line[len("RESULT "):])
    search_ms = summary([s * 1000 for s in out["search"]])
    raw_ms = summary([s * 1000 for s in out["raw_fts"]])
    list_ms = summary([s * 1000 for s in out["list_open"]])
    result = {
        "name": "residents",
        "residents": n_total,
        "search_ms": search_ms,
        "raw_fts_ms": raw_ms,
        "search_vs_raw_fts_median_ratio": round(search_ms["median"] / max(raw_ms["median"], 1e-6), 1),
        "search_hits": out["hits"],
        "csv_import_s": round(out["csv_import_s"], 2),
        "csv_import_second_half_s": round(out["csv_import_b_s"], 2),
        "xlsx_import_s": round(out["xlsx_import_s"], 2),
        # CPU seconds of the process (both threads) beside the wall time: on a busy machine the
        # wall time grows with the other processes' load, the CPU time much less
        "csv_import_cpu_s": round(out["csv_import_cpu_s"], 2),
        "xlsx_import_cpu_s": round(out["xlsx_import_cpu_s"], 2),
        "load_average_before": load_before,
        "raw_executemany_s": round(out["raw_executemany_s"], 3),
        "csv_import_vs_raw_ratio": round(out["csv_import_s"] / max(out["raw_executemany_s"], 1e-6), 1),
        "xlsx_import_vs_raw_ratio": round(out["xlsx_import_s"] / max(out["raw_executemany_s"], 1e-6), 1),
        "import_rows": n_import,
        "list_open_ms": list_ms,
        "list_rows": out["rows_in_view"],
        "peak_rss_mb": round(out["peak_rss_mb"], 1),
        "targets": TARGETS,
    }
    result["meets_targets"] = {
        "search_p95": search_ms["p95"] <= TARGETS["search_p95_ms"],
        "csv_import": out["csv_import_s"] <= TARGETS["csv_import_s"],
        "xlsx_import": out["xlsx_import_s"] <= TARGETS["xlsx_import_s"],
        "list_open": list_ms["median"] <= TARGETS["list_open_ms"],
        "peak_rss": out["peak_rss_mb"] <= TARGETS["peak_rss_mb"],
    }
    if os.environ.get("TOCDS_BENCH_GROWTH", "1") != "0":  # 0: the ward-scale part only
        from bench import residents_growth

        result["growth"] = residents_growth.run(quick=quick)
    return result


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), ensure_ascii=False, indent=2))
