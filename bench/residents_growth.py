"""How the laptop grows: list open, import per row and database size per resident at 10k, 100k, 1M.

Each size runs in its own fresh data folder and subprocess: import one CSV of N residents
(wall and CPU time per row), open the resident list (model made, count and first page in;
median of 5), refresh it after one resident is edited, then the database's size per
resident (pages in use × page size / N) before and after change-log compaction, and last a
file of 10,000 more imported into the registry of N (per row, duplicates found included).

Compaction needs rows the server confirmed and a post-sync check that passed. A real push
of a million changes is the city bench's business (`bench sync`), so here the confirmation
is written as `outbox.settle` writes it (rows `sent` in a `done` batch, 5,000 rows a
transaction, the check stored as passed) and then `desktop.sync.compaction.compact_sent`
runs as after a sync. An app
without compaction (the code before it) reports `null` after.

`import_into_registry` (`run_into`; alone: `python -m bench.residents_growth --into [--more=N]
[--seeds=DIR] [sizes]`): a file of 100,000 more imported into registries of 100k and 1M (wall and
CPU µs per row, duplicates found included), beside the same rows inserted by one executemany into
copies of the same database taken before the import (same indexes, the search-index triggers
dropped as the import drops them, the import's page cache): by sqlcipher3 into the encrypted copy
and by stdlib sqlite3 into a plain export of it. Their ratios show how much of the growth is
SQLite's (and SQLCipher's) B-trees. `--seeds` keeps each registry between runs (its first
measured import then pays the process's one-time costs: compare seeded runs with seeded runs).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from bench.common import isolated_env, python, summary, workdir

SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (2_000, 10_000)
MORE = 10_000  # a ward's file imported into the registry once it holds n
INTO_MORE = 100_000  # the file imported into registries of 100k and 1M (run_into)
TARGETS = {"list_open_ms_200k": 50, "list_open_ms_1m": 100, "import_per_row_ratio_1m_vs_100k": 1.3}

PROBE = r"""
import json, resource, sys, time
from pathlib import Path
args = json.loads(sys.argv[1])
from sqlalchemy import text
from desktop.services.context import open_context
from desktop.services.setup.ward_setup import initialize_ward
from desktop.services.residents.importing import import_residents
from desktop.services.residents import residents as svc

n = args["n"]
out = {"n": n, "peak_rss_mb_after": {}}

def peak(phase):
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            out["peak_rss_mb_after"][phase] = round(int(line.split()[1]) / 1024, 1)
ctx = open_context(str(Path(args["work"]) / "data"), actor="bench")
initialize_ward(ctx, "00166", "Tổ CĐS", args["groups"])

def used_bytes():
    with ctx.read() as s:
        c = s.connection()
        pages = int(c.exec_driver_sql("PRAGMA page_count").scalar())
        free = int(c.exec_driver_sql("PRAGMA freelist_count").scalar())
        size = int(c.exec_driver_sql("PRAGMA page_size").scalar())
        log = c.exec_driver_sql("SELECT count(*) FROM change_log").scalar()
    return (pages - free) * size, log

c0 = time.process_time(); t0 = time.perf_counter()
r = import_residents(ctx, args["csv"])
out["import_s"] = time.perf_counter() - t0
out["import_cpu_s"] = time.process_time() - c0
peak("import")
assert r.imported == n and not r.rejected, (r.imported, r.rejected[:3], r.duplicates[:3])
out["bytes_before"], out["log_rows_before"] = used_bytes()

# -- the list: open (count and first page in), then the refresh after one resident is edited
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from desktop.gui.context import ChangeBus, GuiContext
from desktop.gui.worker import TaskRunner
from desktop.gui.residents.list_model import ResidentListModel
app = QApplication([])
gui = GuiContext(ctx, TaskRunner(), ChangeBus())

def wait(signal, start):
    loop = QEventLoop()
    signal.connect(lambda *_a: loop.quit())
    t0, c0 = time.perf_counter(), time.process_time()
    start()
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    app.processEvents()
    cpu.append(time.process_time() - c0)
    return time.perf_counter() - t0

cpu = []
opens = []
for _ in range(args["reps"]):
    view = QTableView(); view.resize(900, 600)
    model = ResidentListModel(gui)
    view.setModel(model); view.show()
    opens.append(wait(model.page_loaded, model.reload))
    assert model.rowCount() == n, model.rowCount()
    view.close(); view.deleteLater(); model.deleteLater(); app.processEvents()
out["list_open"] = opens
out["list_open_cpu"], cpu[:] = list(cpu), []

view = QTableView(); view.resize(900, 600)
model = ResidentListModel(gui)
view.setModel(model); view.show()
wait(model.page_loaded, model.reload)
cpu[:] = []
first = model.resident_id(0)
detail = svc.get_resident(ctx, first)
edits = []
for i in range(args["reps"]):
    data = detail.to_input(); data.workplace = f"Nơi làm việc {i}"
    svc.update_resident(ctx, first, data, confirmed_warnings=True, allow_duplicates=True)
    edits.append(wait(model.page_loaded, lambda: gui.bus.changed.emit(frozenset({"resident"}))))
out["refresh_after_edit"] = edits
out["refresh_after_edit_cpu"] = list(cpu)
peak("list")
view.close(); model.deleteLater(); app.processEvents()
gui.tasks.shutdown()

# -- compaction: the server's confirmation and a passed check, as a sync writes them
try:
    from desktop.sync import compaction
except ImportError:
    compaction = None
if compaction is not None:
    from desktop.store.models.sync import SyncBatch, SyncState
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        s.add(SyncBatch(batch_id="bench-batch", state="done"))
        st = s.get(SyncState, 1) or SyncState(id=1, ward_code="00166")
        st.last_check_json = json.dumps({"ok": True, "kinds": {}})
        s.add(st)
    # settled as sync settles them: a transaction per batch of rows (one UPDATE of a million rows
    # held ~200 MB more in SQLite's in-memory temp store than any sync ever does)
    with ctx.read() as s:
        last_seq = s.execute(text("SELECT coalesce(max(seq), 0) FROM change_log")).scalar()
        last_row = s.execute(text("SELECT coalesce(max(rowid), 0) FROM resident")).scalar()
    for table, column, last, sql in (
            ("change_log", "seq", last_seq, "UPDATE change_log SET state = 'sent', batch_id = 'bench-batch' "
                                            "WHERE state = 'pending' AND seq > :a AND seq <= :b"),
            ("resident", "rowid", last_row, "UPDATE resident SET sync_state = 'synced' WHERE rowid > :a AND rowid <= :b")):
        for a in range(0, last, 5000):
            with ctx.store.write(actor="sync", applying_remote=True) as s:
                s.execute(text(sql), {"a": a, "b": a + 5000})
    peak("confirmed")
    t0 = time.perf_counter()
    removed = compaction.compact_sent(ctx)
    out["compact_s"] = time.perf_counter() - t0
    out["compacted_rows"] = removed
    out["bytes_after"], out["log_rows_after"] = used_bytes()
    peak("compaction")
# -- a ward's file of 10,000 more into the registry of n (duplicates of registered residents are found)
c0 = time.process_time(); t0 = time.perf_counter()
r = import_residents(ctx, args["more_csv"], valid_only=True)
out["more_s"], out["more_cpu_s"] = time.perf_counter() - t0, time.process_time() - c0
out["more_rows"] = r.total_rows
peak("import_more")
ctx.close()
out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("RESULT " + json.dumps(out))
"""


# -- importing a file into a registry that already holds n: ours beside the same rows by executemany
INTO_PROBE = r"""
import json, resource, shutil, sqlite3, sys, time
from pathlib import Path
args = json.loads(sys.argv[1])
import sqlcipher3
from desktop.services.context import open_context
from desktop.services.setup.ward_setup import initialize_ward
from desktop.services.residents.importing import import_residents
from desktop.services.residents.bulk_writer import bulk_cache_kib
from desktop.store.database import database_key

work = Path(args["work"])
n, out = args["n"], {"n": args["n"]}

def rss_peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)

ctx = open_context(str(work / "data"), actor="bench")
with ctx.read() as s:
    registered = s.connection().exec_driver_sql("SELECT count(*) FROM resident").scalar()
if registered == 0:  # no saved registry of n: made by importing the file of n
    initialize_ward(ctx, "00166", "Tổ CĐS", args["groups"])
    c0, t0 = time.process_time(), time.perf_counter()
    r = import_residents(ctx, args["csv"])
    out["build_import_s"], out["build_import_cpu_s"] = time.perf_counter() - t0, time.process_time() - c0
    assert r.imported == n, (r.imported, r.rejected[:3])
ctx.store.wait_for_checkpoint()
raw = ctx.store.reader.raw_connection()
raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
raw.close()
db = ctx.folder.database
key = database_key(ctx.folder)
ctx.close()
if args.get("save"):  # the registry kept for the next run (with its keyring)
    shutil.rmtree(args["save"], ignore_errors=True)
    shutil.copytree(work / "data", Path(args["save"]) / "data")
    shutil.copy(work / "keyring.json", Path(args["save"]) / "keyring.json")

# the copy the raw baselines write into (SQLCipher; a plain export of it is made after our import)
enc_copy, plain_copy = work / "raw-encrypted.db", work / "raw-plain.db"
shutil.copyfile(db, enc_copy)

# ours: the file into the registry of n (valid rows; duplicates of registered residents found and left out)
ctx = open_context(str(work / "data"), actor="bench")
with ctx.read() as s:
    before = s.connection().exec_driver_sql("SELECT max(rowid) FROM resident").scalar()
cache_kib = bulk_cache_kib(before)  # the import's page cache for this registry (the raw inserts' too)
open("/proc/self/clear_refs", "w").write("5")  # the peak RSS from here on
rss_before = rss_peak_mb()
c0, t0 = time.process_time(), time.perf_counter()
r = import_residents(ctx, args["more_csv"], valid_only=True)
out["import_s"], out["import_cpu_s"] = time.perf_counter() - t0, time.process_time() - c0
out["import_peak_rss_mb"], out["rss_before_mb"] = rss_peak_mb(), rss_before
out["rows"], out["imported"], out["duplicates"] = r.total_rows, r.imported, len(r.duplicates)
with ctx.read() as s:
    cur = s.connection().exec_driver_sql(f"SELECT * FROM resident WHERE rowid > {before} ORDER BY rowid")
    columns = list(cur.keys())
    rows = [tuple(x) for x in cur]
ctx.close()

def open_encrypted(path):
    c = sqlcipher3.connect(str(path), isolation_level=None)
    c.execute(f"PRAGMA key = \"x'{key}'\"")
    return c
c = open_encrypted(enc_copy)
c.execute(f"ATTACH DATABASE '{plain_copy}' AS plain KEY ''")
c.execute("SELECT sqlcipher_export('plain')")
c.execute("DETACH DATABASE plain")
c.close()

# raw: the same rows, stdlib-style executemany in one transaction, into the copies (same indexes; the
# search-index triggers dropped, as the import drops them), the import's page cache size
insert = f"INSERT INTO resident ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
def raw_insert(conn):
    conn.execute("PRAGMA journal_mode = WAL"); conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA cache_size = -{cache_kib}")
    conn.execute("BEGIN IMMEDIATE")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'resident'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    c0, t0 = time.process_time(), time.perf_counter()
    conn.executemany(insert, rows)
    conn.execute("COMMIT")
    result = time.perf_counter() - t0, time.process_time() - c0
    conn.close()
    return result
out["raw_sqlcipher_s"], out["raw_sqlcipher_cpu_s"] = raw_insert(open_encrypted(enc_copy))
out["raw_sqlite3_s"], out["raw_sqlite3_cpu_s"] = raw_insert(sqlite3.connect(str(plain_copy), isolation_level=None))
out["raw_cache_kib"] = cache_kib
print("RESULT " + json.dumps(out))
"""


def measure_into(n: int, more: int, groups: list[str], seed: str | None = None) -> dict:
    """A file of `more` residents imported into a registry of n (wall and CPU µs per row), beside the same
    rows inserted by executemany into copies of the same database (SQLCipher, and a plain one by stdlib
    sqlite3). `seed`: a folder keeping the registry of n between runs (made there when missing)."""

    from bench.residents import write_csv

    work = workdir()
    kept = Path(seed) if seed else None
    args = {"work": str(work), "n": n, "groups": groups, "more_csv": str(work / "more.csv")}
    if kept is not None and (kept / "data").is_dir():
        copy_registry(kept, work)
    else:
        write_csv(work / "residents.csv", 0, n)
        args.update(csv=str(work / "residents.csv"), save=str(kept) if kept else None)
    write_csv(work / "more.csv", 2 * n + 1, more)
    load_before = os.getloadavg()
    proc = subprocess.run([python(), "-c", INTO_PROBE, json.dumps(args)], env=isolated_env(work), capture_output=True,
                          text=True, timeout=7200)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    _remove(work)
    if line is None:
        raise RuntimeError(proc.stderr[-3000:])
    out = json.loads(line[len("RESULT "):])
    rows = out["rows"]

    def us(seconds: float) -> float:
        return round(seconds / rows * 1e6, 1)

    return {
        "registry": n, "file_rows": rows, "imported": out["imported"], "duplicates": out["duplicates"],
        "load_average_before": [round(x, 2) for x in load_before],
        "per_row_us": us(out["import_s"]), "cpu_per_row_us": us(out["import_cpu_s"]),
        "raw_sqlcipher_per_row_us": us(out["raw_sqlcipher_s"]), "raw_sqlcipher_cpu_per_row_us": us(out["raw_sqlcipher_cpu_s"]),
        "raw_sqlite3_per_row_us": us(out["raw_sqlite3_s"]), "raw_sqlite3_cpu_per_row_us": us(out["raw_sqlite3_cpu_s"]),
        "raw_cache_kib": out["raw_cache_kib"],
        "import_peak_rss_mb": out["import_peak_rss_mb"], "rss_before_import_mb": out["rss_before_mb"],
        "build_import_s": round(out["build_import_s"], 1) if "build_import_s" in out else None,
    }


def copy_registry(kept: Path, work: Path) -> None:
    """A saved data folder into `work`, its database key filed under the new folder's name (the keyring
    names a folder's key after its path)."""
    import shutil

    from desktop.data_folder import DataFolder
    from desktop.store.keys import SERVICE, db_key_name

    shutil.copytree(kept / "data", work / "data")
    saved = json.loads((kept / "keyring.json").read_text())
    key = next(v for k, v in saved.items() if "db-key:" in k)
    name = SERVICE + "\0" + db_key_name(DataFolder.resolve(str(work / "data")).key_id)
    (work / "keyring.json").write_text(json.dumps({name: key}))


def run_into(sizes: tuple[int, ...] = (100_000, 1_000_000), more: int = INTO_MORE, seeds: str | None = None) -> dict:
    """`import_into_registry`: the per-row cost of importing `more` rows into registries of each size, and the
    ratio of the largest to the smallest, ours beside the raw baselines' (what SQLite's B-trees account for)."""
    from bench.residents import GROUPS

    rows = [measure_into(n, more, GROUPS, str(Path(seeds) / str(n)) if seeds else None) for n in sizes]
    first, last = rows[0], rows[-1]
    ratios = {key.removesuffix("_us") + "_ratio": round(last[key] / first[key], 2)
              for key in ("per_row_us", "cpu_per_row_us", "raw_sqlcipher_per_row_us", "raw_sqlcipher_cpu_per_row_us",
                          "raw_sqlite3_per_row_us", "raw_sqlite3_cpu_per_row_us")}
    return {"name": "residents_import_into_registry", "file_rows": more, "rows": rows,
            f"ratios_{last['registry']}_vs_{first['registry']}": ratios,
            "target_ratio": TARGETS["import_per_row_ratio_1m_vs_100k"]}


def measure(n: int, groups: list[str], reps: int) -> dict:
    from bench.residents import write_csv

    work = workdir()
    csv_path = work / "residents.csv"
    write_csv(csv_path, 0, n)
    write_csv(work / "more.csv", 2 * n + 1, MORE)
    args = {"work": str(work), "csv": str(csv_path), "n": n, "groups": groups, "reps": reps,
            "more_csv": str(work / "more.csv")}
    load_before = round(os.getloadavg()[0], 2)
    proc = subprocess.run([python(), "-c", PROBE, json.dumps(args)], env=isolated_env(work), capture_output=True,
                          text=True, timeout=7200)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(proc.stderr[-3000:])
    out = json.loads(line[len("RESULT "):])
    _remove(work)
    row = {
        "residents": n,
        "load_average_before": load_before,
        "list_open_ms": summary([s * 1000 for s in out["list_open"]]),
        # CPU time of the process (every thread) beside the wall time: the machine's 2 cores are shared
        "list_open_cpu_ms": summary([s * 1000 for s in out["list_open_cpu"]]),
        "refresh_after_edit_ms": summary([s * 1000 for s in out["refresh_after_edit"]]),
        "refresh_after_edit_cpu_ms": summary([s * 1000 for s in out["refresh_after_edit_cpu"]]),
        "import_s": round(out["import_s"], 2),
        "import_per_row_us": round(out["import_s"] / n * 1e6, 1),
        "import_cpu_per_row_us": round(out["import_cpu_s"] / n * 1e6, 1),
        "import_10k_into_registry_per_row_us": round(out["more_s"] / out["more_rows"] * 1e6, 1),
        "import_10k_into_registry_cpu_per_row_us": round(out["more_cpu_s"] / out["more_rows"] * 1e6, 1),
        "db_bytes_per_resident_before_compaction": round(out["bytes_before"] / n),
        "change_log_rows_before": out["log_rows_before"],
        "db_bytes_per_resident_after_compaction": round(out["bytes_after"] / n) if "bytes_after" in out else None,
        "change_log_rows_after": out.get("log_rows_after"),
        "compact_s": round(out["compact_s"], 2) if "compact_s" in out else None,
        "peak_rss_mb": round(out["peak_rss_mb"], 1),
        "peak_rss_mb_after": out["peak_rss_mb_after"],  # the peak so far, after each phase
    }
    return row


def _remove(work: Path) -> None:
    import shutil

    shutil.rmtree(work, ignore_errors=True)


def run(quick: bool = False, sizes: tuple[int, ...] | None = None) -> dict:
    from bench.residents import GROUPS

    sizes = sizes or (QUICK_SIZES if quick else SIZES)
    rows = [measure(n, GROUPS, 3 if quick else 5) for n in sizes]
    by_n = {r["residents"]: r for r in rows}
    result: dict = {"name": "residents_growth", "growth": rows, "targets": TARGETS}
    if 100_000 in by_n and 1_000_000 in by_n:
        result["import_per_row_ratio_1m_vs_100k"] = round(
            by_n[1_000_000]["import_per_row_us"] / by_n[100_000]["import_per_row_us"], 2)
        for key in ("import_cpu_per_row_us", "import_10k_into_registry_per_row_us",
                    "import_10k_into_registry_cpu_per_row_us"):
            result[f"{key.removesuffix('_us')}_ratio_1m_vs_100k"] = round(
                by_n[1_000_000][key] / by_n[100_000][key], 2)
        result["import_into_registry"] = run_into((100_000, 1_000_000))
    return result


if __name__ == "__main__":
    import sys

    sizes = tuple(int(a) for a in sys.argv[1:] if a.isdigit())
    if "--into" in sys.argv:  # only the import into registries of these sizes (default 100k and 1M)
        seeds = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--seeds=")), None)
        more = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--more=")), INTO_MORE)
        print(json.dumps(run_into(sizes or (100_000, 1_000_000), more, seeds), ensure_ascii=False, indent=2))
    else:
        print(json.dumps(run(quick="--quick" in sys.argv, sizes=sizes or None), ensure_ascii=False, indent=2))
