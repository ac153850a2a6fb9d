"""The central server at city scale (issue #19 item 5): N residents' worth of synced records across
Hanoi's 126 wards, generated straight into the server's PostgreSQL database (COPY), then

    city_view_s        /city/api/wards, median of 5 (target <= 1 s at 8.5M residents)
    raw_group_by_s     the same data counted by one plain GROUP BY (ward, kind) over the records
    server_peak_rss_mb the server process's peak resident memory (VmHWM; target <= 300 MB)
    ward_first_pull_s  a new laptop's full pull of a 70,000-resident ward (00166)
    records            records stored

    python -m bench city [--residents N] --json      (default 1,000,000; 8500000 for the full city)
    python -m bench city --residents 8500000 --db tocds_city_full   generate once into that database and keep
                                                     it; the next run with the same --db reuses it (drop it with
                                                     --drop-db, or psql 'DROP DATABASE tocds_city_full')

The figures the push transaction keeps (server/figures.py) are computed while generating, by the same
`facts` function, and written beside the records, as pushes would have left them. Record history
(`record_version`) is not generated: neither the city view nor a pull reads it. The database is
dropped at the end (TOCDS_BENCH_KEEP_DB=1 keeps it and prints its URL), unless it was named with --db.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone

from bench import city_data
from bench.common import REPO, isolated_env, workdir

BIG_WARD, BIG_WARD_RESIDENTS = "00166", 70_000
RECORD_COLUMNS = ("kind", "record_id", "ward_code", "version", "seq", "deleted", "payload", "updated_at", "device_id")
ROW_COLUMNS = ("kind", "record_id", "ward_code", "day", "acc_state", "acc_due", "han_state", "han_due", "ref_id",
               "rating")
STALE_WARDS = 9  # wards whose last sync is a week old (the reporting rate has something to show)
INDEXES_AFTER_COPY = [
    "ALTER TABLE record ADD CONSTRAINT pk_record PRIMARY KEY (kind, record_id)",
    "CREATE UNIQUE INDEX ix_record_ward_seq ON record (ward_code, seq)",
    "CREATE INDEX ix_record_ward_kind ON record (ward_code, kind)",
]


def _wards(residents: int) -> list[tuple[str, int]]:
    from desktop.core.admin_units import HANOI_CODE, admin_units

    codes = [w.code_str for w in admin_units().wards_of(HANOI_CODE)]
    others = [c for c in codes if c != BIG_WARD]
    big = min(BIG_WARD_RESIDENTS, residents)
    each, extra = divmod(max(residents - big, 0), len(others))
    return [(BIG_WARD, big)] + [(c, each + (1 if i < extra else 0)) for i, c in enumerate(others)]


def generate(url: str, residents: int, seed: int = 19) -> dict:
    """Fill the server database: records, the figures they count for, devices, each ward's last change."""
    import psycopg

    from server import figures
    from server.db import make_engine, upgrade

    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    rng = random.Random(seed)
    now = datetime.now(timezone.utc)
    counts_total = 0
    t0 = time.perf_counter()
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        conn.execute("ALTER TABLE record DROP CONSTRAINT pk_record")
        conn.execute("DROP INDEX ix_record_ward_seq")
        conn.execute("DROP INDEX ix_record_ward_kind")
        cur = conn.cursor()
        for w, (ward, n) in enumerate(_wards(residents)):
            stamp = (now - timedelta(days=7 if w >= 126 - STALE_WARDS else 0, minutes=w)).isoformat(timespec="microseconds")
            delta: Counter = Counter()
            rows = []
            seq = 0
            with cur.copy(f"COPY record ({', '.join(RECORD_COLUMNS)}) FROM STDIN") as copy:
                for kind, record_id, payload in city_data.ward_records(rng, ward, n):
                    seq += 1
                    copy.write_row((kind, record_id, ward, 1, seq, False,
                                    json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                                    stamp, "bench"))
                    counted, row = figures.facts(kind, payload)
                    for c in counted:
                        delta[c] += 1
                    if row is not None:
                        rows.append(dict(figures._EMPTY_ROW, kind=kind, record_id=record_id, ward_code=ward, **row))
            with cur.copy(f"COPY city_record ({', '.join(ROW_COLUMNS)}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(tuple(r[c] for c in ROW_COLUMNS))
            with cur.copy("COPY ward_count (ward_code, figure, day, stage, outcome, group_id, target_group, n) "
                          "FROM STDIN") as copy:
                for c, k in delta.items():
                    copy.write_row((ward, *c, k))
            cur.execute("INSERT INTO ward_state (ward_code, last_seq, last_change_at) VALUES (%s, %s, %s)",
                        (ward, seq, stamp))
            if ward != BIG_WARD:
                cur.execute("INSERT INTO device (id, ward_code, token_hash, name, created_at, key_hash) "
                            "VALUES (%s, %s, %s, 'bench', %s, '')", (f"bench-{ward}", ward, f"hash-{ward}", stamp))
            conn.commit()
            counts_total += seq
        copied = time.perf_counter() - t0
        for sql in INDEXES_AFTER_COPY:
            conn.execute(sql)
        conn.execute(figures.RATINGS_BACKFILL)  # the answers' ratings by their complaint's day, as pushes keep them
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE record")
        conn.execute("VACUUM ANALYZE city_record")
        conn.execute("VACUUM ANALYZE ward_count")
    return {"records": counts_total, "copy_s": round(copied, 1), "generate_s": round(time.perf_counter() - t0, 1)}


PARTITIONED_INDEXES = [
    # a partitioned table's unique keys must hold its partition key: (kind, record_id) is unique per ward only
    "ALTER TABLE record_by_ward ADD CONSTRAINT pk_record_by_ward PRIMARY KEY (kind, record_id, ward_code)",
    "CREATE UNIQUE INDEX ix_record_by_ward_ward_seq ON record_by_ward (ward_code, seq)",
    "CREATE INDEX ix_record_by_ward_ward_kind ON record_by_ward (ward_code, kind)",
]


def _relkind(conn, name: str) -> str | None:
    return conn.execute("SELECT c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = 'public' AND c.relname = %s", (name,)).fetchone()


def use_layout(url: str, layout: str) -> dict:
    """Put the kept city's `record` table in `layout`: "plain" (as the server makes it) or "partitioned" (LIST
    by ward, one partition per ward). The first switch to partitioned copies the records into
    `record_by_ward`; later switches rename the two tables (instant), so both layouts are measured on the
    same data, one after the other. Issue #19 item 2's measurement (docs/server-scale.md)."""
    import psycopg

    from desktop.core.admin_units import HANOI_CODE, admin_units

    out: dict = {"layout": layout}
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        current = "partitioned" if (_relkind(conn, "record") or ("",))[0] == "p" else "plain"
        if current == layout:
            return out
        if layout == "plain":
            if not _relkind(conn, "record_plain"):
                raise SystemExit("no plain record table kept beside the partitioned one")
            conn.execute("ALTER TABLE record RENAME TO record_by_ward")
            conn.execute("ALTER TABLE record_plain RENAME TO record")
            return out
        if not _relkind(conn, "record_by_ward"):
            t0 = time.perf_counter()
            conn.execute("CREATE TABLE record_by_ward (LIKE record INCLUDING DEFAULTS) PARTITION BY LIST (ward_code)")
            for ward in admin_units().wards_of(HANOI_CODE):
                conn.execute(f"CREATE TABLE record_w{ward.code_str} PARTITION OF record_by_ward "
                             f"FOR VALUES IN ('{ward.code_str}')")
            conn.execute("CREATE TABLE record_w_other PARTITION OF record_by_ward DEFAULT")
            conn.execute("INSERT INTO record_by_ward SELECT * FROM record")
            for sql in PARTITIONED_INDEXES:
                conn.execute(sql)
            conn.execute("VACUUM ANALYZE record_by_ward")
            out["partition_copy_s"] = round(time.perf_counter() - t0, 1)
        conn.execute("ALTER TABLE record RENAME TO record_plain")
        conn.execute("ALTER TABLE record_by_ward RENAME TO record")
    return out


def _sql_timings(url: str) -> dict:
    """The statements behind a pull page (a ward's records after a cursor, by seq) and a push's lookup (the
    stored copies of 900 records by id, `records._current`), timed inside PostgreSQL: median of 5, ms."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        [(top,)] = conn.execute("SELECT max(seq) FROM record WHERE ward_code = %s", (BIG_WARD,)).fetchall()
        ids = [r[0] for r in conn.execute(
            "SELECT record_id FROM record WHERE ward_code = %s AND kind = 'resident' AND seq > %s ORDER BY seq "
            "LIMIT 900", (BIG_WARD, top // 2)).fetchall()]

        def timed(sql: str, args: tuple) -> float:
            samples = []
            for _ in range(5):
                t0 = time.perf_counter()
                conn.execute(sql, args).fetchall()
                samples.append(time.perf_counter() - t0)
            return round(1000 * statistics.median(samples), 2)

        return {
            "sql_pull_page_ms": timed(
                "SELECT kind, record_id, version, payload, deleted, seq, device_id FROM record "
                "WHERE ward_code = %s AND seq > %s ORDER BY seq LIMIT 1001", (BIG_WARD, top // 2)),
            "sql_push_lookup_ms": timed(
                "SELECT record_id, ward_code, version, deleted, payload FROM record "
                "WHERE kind = 'resident' AND record_id = ANY(%s)", (ids,)),
        }


def _raw_group_by(url: str) -> float:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    samples = []
    with engine.connect() as conn:
        for _ in range(3):
            t0 = time.perf_counter()
            conn.execute(text("SELECT ward_code, kind, count(*) FROM record WHERE NOT deleted "
                              "GROUP BY ward_code, kind")).all()
            samples.append(time.perf_counter() - t0)
    engine.dispose()
    return statistics.median(samples)


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _city_key(srv) -> str:
    from server.city_view import create_account, ensure_tables
    from server.db import make_engine

    engine = make_engine(srv.db_url)
    ensure_tables(engine)
    with engine.begin() as conn:
        key = create_account(conn, f"bench-{time.time_ns()}")  # a kept database: one account per run
    engine.dispose()
    return key


PUSH_RESIDENTS = 2_000  # a ward's push after its first pull: this many new residents


def _first_pull_and_push(srv, work) -> dict:
    """A new laptop of the big ward pulls everything, then pushes PUSH_RESIDENTS new residents (kept: the
    ward grows by that much at each run on a kept database)."""
    from desktop.services.sync.service import sync_now
    from tests.e2e.sync_harness import add_residents, open_laptop

    ctx = open_laptop(work / "laptop", BIG_WARD)
    try:
        [code] = srv.codes([BIG_WARD])
        t0 = time.perf_counter()
        result = sync_now(ctx, srv.url, code)
        pull_s = time.perf_counter() - t0
        add_residents(ctx, [f"Cư dân mới {i}" for i in range(PUSH_RESIDENTS)])
        t0 = time.perf_counter()
        pushed = sync_now(ctx, srv.url)
        return {"ward_first_pull_s": round(pull_s, 2), "ward_first_pull_records": result["pulled"],
                "ward_push_s": round(time.perf_counter() - t0, 2), "ward_push_changes": pushed["pushed"]}
    finally:
        ctx.close()


def measure(url: str, residents: int) -> dict:
    import keyring
    import requests

    from bench.sync import ServerProcess
    from tests.support.test_keyring import MemoryKeyring

    from server.db import make_engine, upgrade

    keyring.set_keyring(MemoryKeyring())
    work = workdir()
    engine = make_engine(url)
    t0 = time.perf_counter()
    upgrade(engine)  # a kept database made by older code: its migrations (backfills) run here, timed
    migrate_s = time.perf_counter() - t0
    engine.dispose()
    load = open("/proc/loadavg").read().split()[:3]
    t0 = time.perf_counter()
    # the server analyses the record tables as it starts: a partitioned table's 127 partitions take minutes
    srv = ServerProcess(url, work, isolated_env(work), wait_s=900)
    start_s = time.perf_counter() - t0
    try:
        key = _city_key(srv)
        samples, body = [], None
        for _ in range(5):
            t0 = time.perf_counter()
            resp = requests.get(f"{srv.url}/city/api/wards", headers={"Authorization": f"Bearer {key}"}, timeout=600)
            samples.append(time.perf_counter() - t0)
            resp.raise_for_status()
            body = resp.json()
        rss_city = _peak_rss_mb(srv.proc.pid)
        ward = _first_pull_and_push(srv, work)
        return {
            "migrate_s": round(migrate_s, 2),
            "server_start_s": round(start_s, 1),
            "loadavg_at_measure": load,
            "city_view_s": round(statistics.median(samples), 3),
            "city_view_samples_s": [round(s, 3) for s in samples],
            "raw_group_by_s": round(_raw_group_by(url), 3),
            "server_peak_rss_mb": _peak_rss_mb(srv.proc.pid),
            "server_peak_rss_after_city_view_mb": rss_city,
            **ward,
            **_sql_timings(url),
            "wards_in_view": len(body["wards"]),
            "residents_in_view": body["totals"]["residents"],
            "reporting_rate_pct": body["reporting"]["rate_pct"],
        }
    finally:
        srv.stop()


def _named_db(name: str, residents: int) -> tuple[str, dict | None]:
    """A kept bench database: its URL, and what was generated into it (None: new, or an unfinished one)."""
    from sqlalchemy import create_engine, text

    from bench.sync import PG_ADMIN

    if not name.replace("_", "").isalnum():
        raise SystemExit(f"--db {name!r}: letters, digits and _ only")
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            if not c.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
                c.execute(text(f'CREATE DATABASE "{name}"'))
                return url, None
    finally:
        admin.dispose()
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            if not c.execute(text("SELECT to_regclass('bench_city')")).scalar():
                raise SystemExit(f"database {name} exists but holds no finished bench data: drop it first")
            made = json.loads(c.execute(text("SELECT made FROM bench_city")).scalar())
    finally:
        engine.dispose()
    if made.setdefault("residents", residents) != residents:
        raise SystemExit(f"database {name} holds {made['residents']} residents, not {residents}")
    return url, made


def _mark_generated(url: str, made: dict) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(text("CREATE TABLE bench_city (made text NOT NULL)"))
        c.execute(text("INSERT INTO bench_city VALUES (:m)"), {"m": json.dumps(made)})
    engine.dispose()


def drop_named_db(name: str) -> None:
    from sqlalchemy import create_engine, text

    from bench.sync import PG_ADMIN

    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def run(quick: bool = False, residents: int | None = None, db: str | None = None,
        generate_only: bool = False, layout: str | None = None) -> dict:
    import logging

    from bench.sync import _pg_db

    sys.path.insert(0, str(REPO))
    logging.disable(logging.WARNING)
    residents = residents or (100_000 if quick else 1_000_000)
    load = open("/proc/loadavg").read().split()[:3]
    if db:
        url, made = _named_db(db, residents)
        reused = made is not None

        def drop() -> None:
            print(f"kept {url}", file=sys.stderr)
    else:
        (url, drop), made, reused = _pg_db(), None, False
    try:
        if made is None:
            made = generate(url, residents)
            if db:
                _mark_generated(url, {**made, "residents": residents})
        out = {"name": "city", "residents": residents, "loadavg_before": load, "reused_db": reused, **{k: v for k, v in made.items() if k != "residents"}}
        if generate_only:
            return out
        if layout:
            out.update(use_layout(url, layout))
        out.update(measure(url, residents))
        out["loadavg_after"] = open("/proc/loadavg").read().split()[:3]
    finally:
        if os.environ.get("TOCDS_BENCH_KEEP_DB") and not db:
            print(f"kept {url}", file=sys.stderr)
        else:
            drop()
    out["targets"] = {"city_view_s": 1.0, "server_peak_rss_mb": 300}
    out["meets_target"] = out["city_view_s"] <= 1.0 and out["server_peak_rss_mb"] <= 300
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench city")
    parser.add_argument("--residents", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--db", help="generate into this database and keep it; reuse it when it is already there")
    parser.add_argument("--generate-only", action="store_true", help="fill the database (with --db) and stop")
    parser.add_argument("--drop-db", action="store_true", help="drop the --db database and stop")
    parser.add_argument("--layout", choices=("plain", "partitioned"),
                        help="the record table as the server makes it, or LIST-partitioned by ward (measure both)")
    args = parser.parse_args(argv)
    if args.drop_db:
        drop_named_db(args.db)
        return 0
    out = run(residents=args.residents, db=args.db, generate_only=args.generate_only, layout=args.layout)
    print(json.dumps(out, ensure_ascii=False, indent=None if args.json else 1))
    return 0
