"""Sync speed: push / no-op / pull of N changes on loopback (server on SQLite and PostgreSQL),
each beside a comparable raw baseline: the same batches POSTed to an endpoint that stores them
with one set-based statement (`serve --diagnostics`'s raw-store), the same pull pages fetched
raw. Client, server and (PostgreSQL) database-backend CPU per item are measured apart. 126 wards pushing at once.
The push timed is of n edits; a new ward's first push of its n records is timed too (`first_push_s`).

Targets (issue 6): push 100k <= 60 s each backend, no-op sync <= 200 ms, pull 100k <= 30 s;
126 concurrent wards against PostgreSQL: 0 errors, p95 latency reported. Issue 19: push and
pull of 100k <= 12 s to PostgreSQL. TOCDS_BENCH_SYNC_BACKENDS=postgres runs one backend only,
TOCDS_BENCH_SYNC_WARDS=0 leaves out the 126 wards. The edit push and a new laptop's pull are run
TOCDS_BENCH_SYNC_ROUNDS times (3; 1 with --quick), each beside its raw baseline; the medians are reported,
every round under `rounds`.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from bench.common import REPO, isolated_env, summary, workdir

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    def __init__(self, db_url: str, data_dir: Path, env: dict, wait_s: float = 30.0):
        self.port = _free_port()
        self.db_url = db_url
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "--db", db_url, "--data-dir", str(data_dir), "serve",
             "--port", str(self.port), "--diagnostics"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=str(REPO))
        import requests

        for _ in range(int(wait_s / 0.05)):
            try:
                requests.get(f"{self.url}/v1/info", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def codes(self, wards: list[str]) -> list[str]:
        from server import auth
        from server.db import make_engine

        engine = make_engine(self.db_url)
        with engine.begin() as conn:
            out = [auth.new_enrolment_code(conn, w) for w in wards]
        engine.dispose()
        return out

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def _pg_db():
    from sqlalchemy import create_engine, text

    name = "tocds_bench_" + uuid.uuid4().hex[:10]
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", drop


def _laptop(root: Path, n: int):
    from desktop.services.context import open_context
    from desktop.services.setup.ward_setup import initialize_ward
    from desktop.store.models import Resident

    ctx = open_context(str(root), actor="bench")
    initialize_ward(ctx, "00166", "Tổ CĐS")
    step = 5000
    for start in range(0, n, step):
        with ctx.write() as s:
            s.add_all([Resident(full_name=f"Nguyễn Văn {i}", name_folded=f"nguyen van {i}", notes="ghi chú",
                                phone=f"+8491{i:07d}") for i in range(start, min(n, start + step))])
    return ctx


def _batch_bodies(ctx) -> list[bytes]:
    """The JSON bodies the client would send for everything waiting (built without sending)."""
    from desktop.sync import outbox, protocol as p

    bodies = []
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        ids = []
        while True:
            b = outbox.new_batch(s)
            if b is None:
                break
            ids.append(b)
        for b in ids:
            items, _ = outbox.batch_items(s, b)
            bodies.append(p.push_request_json(b, items))
        s.rollback()
    return bodies


def _raw_post(url: str, ward: str, token: str, bodies: list[bytes]) -> float:
    """The same batch bodies, gzipped like the client's, each stored by one INSERT ... SELECT."""
    import requests

    sess = requests.Session()
    t0 = time.perf_counter()
    for body in bodies:
        r = sess.post(f"{url}/v1/wards/{ward}/raw-store", data=gzip.compress(body, 5),
                      headers={"Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
                               "Content-Type": "application/json", "X-Tocds-Protocol": "1"}, timeout=60)
        r.raise_for_status()
    return time.perf_counter() - t0


def _raw_pull(url: str, ward: str, token: str) -> float:
    """The pull pages raw, in the client's page size (so the ratio compares like with like)."""
    import requests

    from desktop.sync.client import PULL_PAGE

    sess = requests.Session()
    cursor, t0 = 0, time.perf_counter()
    while True:
        r = sess.get(f"{url}/v1/wards/{ward}/pull", params={"cursor": cursor, "limit": PULL_PAGE},
                     headers={"Authorization": f"Bearer {token}", "X-Tocds-Protocol": "1"}, timeout=60).json()
        cursor = r["cursor"]
        if not r["more"]:
            return time.perf_counter() - t0


def _backend_round(backend: str, n: int, work: Path, env: dict, rounds: int = 1) -> dict:
    from desktop.services.sync.service import sync_now
    from desktop.sync.credentials import load_token

    drop = None
    if backend == "postgres":
        url, drop = _pg_db()
    else:
        url = f"sqlite:///{work / backend / 'server.db'}"
    (work / backend).mkdir(parents=True, exist_ok=True)
    srv = ServerProcess(url, work / backend, env)
    out: dict = {"backend": backend, "changes": n}
    try:
        a = _laptop(work / backend / "a", n)
        code_a, *codes_b = srv.codes(["00166"] * (1 + rounds))
        bodies = _batch_bodies(a)
        # a new ward's first sync: enrol, then push the n records the server has never had
        cpu = _cpu(srv)
        t0 = time.perf_counter()
        first = sync_now(a, srv.url, code_a)
        out["first_push_s"] = round(time.perf_counter() - t0, 3)
        out.update(_per_item("first_push", cpu, _cpu(srv), n))
        assert first["pushed"] >= n and first["pending"] == 0, first
        token = load_token(a.folder)
        # Rounds, each an edit push of all n beside the raw baseline's same batches (same minute, so the
        # ratio compares like with like), then a new laptop's pull beside the raw pages: this machine's speed
        # moves by a third within minutes, so the figures are the rounds' medians, every round listed.
        pushes, pulls = [], []
        for rnd in range(rounds):
            one: dict = {}
            one["push_s"], before, after = _timed_push(a, srv, n, f"đã sửa {rnd}")
            one.update(_per_item("push", before, after, n))
            cpu = _cpu(srv)
            one["push_raw_post_s"] = _raw_post(srv.url, "00166", token, bodies)
            one.update(_per_item("push_raw", cpu, _cpu(srv), n))
            pushes.append(one)
        noop = []
        for _ in range(5):
            t0 = time.perf_counter()
            r = sync_now(a)
            noop.append(time.perf_counter() - t0)
            assert r["pushed"] == 0 and r["pulled"] == 0
        out["noop_sync_s"] = summary(noop)
        for rnd in range(rounds):
            one = {}
            b = _laptop(work / backend / f"b{rnd}", 0)
            cpu = _cpu(srv)
            t0 = time.perf_counter()
            r = sync_now(b, srv.url, codes_b[rnd])
            one["pull_s"] = time.perf_counter() - t0
            one["pulled"] = r["pulled"]
            one.update(_per_item("pull", cpu, _cpu(srv), r["pulled"]))
            # the same pages fetched raw, as this laptop (the server passes over a device's own records)
            one["pull_raw_get_s"] = _raw_pull(srv.url, "00166", load_token(b.folder))
            b.close()
            pulls.append(one)
        out.update(_medians(pushes, "push_s", "push_raw_post_s"))
        out["push_ratio"] = round(out["push_s"] / out["push_raw_post_s"], 2)
        out.update(_medians(pulls, "pull_s", "pull_raw_get_s"))
        out["pull_ratio"] = round(out["pull_s"] / out["pull_raw_get_s"], 2)
        out["rounds"] = {"push": [_rounded(x) for x in pushes], "pull": [_rounded(x) for x in pulls]}
        a.close()
    finally:
        srv.stop()
        if drop:
            drop()
    return out


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process of this machine; 0 when it is gone."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _db_cpu(srv: ServerProcess) -> float:
    """CPU seconds of the PostgreSQL backends serving the server's database (the server's work done by the
    database: a push that moves work from Python into SQL must not look cheaper than it is)."""
    if not srv.db_url.startswith("postgresql"):
        return 0.0
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(PG_ADMIN, poolclass=__import__("sqlalchemy.pool", fromlist=["NullPool"]).NullPool)
    with admin.connect() as c:
        pids = list(c.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = :n"),
                              {"n": make_url(srv.db_url).database}).scalars())
    admin.dispose()
    return sum(_proc_cpu(pid) for pid in pids)


def _cpu(srv: ServerProcess) -> tuple[float, float, float]:
    """(this process's CPU seconds, the server process's, its database backends'), for the cost per item on
    each side."""
    return time.process_time(), _proc_cpu(srv.proc.pid), _db_cpu(srv)


def _per_item(name: str, before: tuple, after: tuple, n: int) -> dict:
    out = {f"{name}_client_cpu_us_per_item": round(1e6 * (after[0] - before[0]) / max(n, 1), 1),
           f"{name}_server_cpu_us_per_item": round(1e6 * (after[1] - before[1]) / max(n, 1), 1)}
    if len(before) > 2 and after[2]:
        out[f"{name}_db_cpu_us_per_item"] = round(1e6 * (after[2] - before[2]) / max(n, 1), 1)
    return out


def _medians(rounds: list[dict], *times: str) -> dict:
    """Each figure's median over the rounds (times in seconds, to the millisecond; counts stay whole)."""
    import statistics

    def median(key: str):
        values = [r[key] for r in rounds]
        if all(isinstance(v, int) for v in values):
            return statistics.median_low(values)
        return round(statistics.median(values), 3 if key in times else 1)

    return {k: median(k) for k in rounds[0]}


def _rounded(one: dict) -> dict:
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in one.items()}


def _timed_push(ctx, srv: ServerProcess, n: int, notes: str = "đã sửa") -> tuple[float, tuple, tuple]:
    """The enrolment sync already pushed: make n fresh edits (`notes`: a text none of them holds yet) and time
    pushing them (and the CPU of both sides while pushing, not while editing)."""
    from sqlalchemy import select

    from desktop.services.sync.service import sync_now
    from desktop.store.models import Resident

    with ctx.write() as s:
        for r in s.scalars(select(Resident)):
            r.notes = notes
    before = _cpu(srv)
    t0 = time.perf_counter()
    result = sync_now(ctx, srv.url)
    elapsed = time.perf_counter() - t0
    after = _cpu(srv)
    assert result["pushed"] >= n and result["pending"] == 0, result
    return elapsed, before, after


def _wards_at_once(n_wards: int, batches: int, items: int, work: Path, env: dict) -> dict:
    from desktop.core.admin_units import admin_units
    from desktop.sync import protocol as p
    from desktop.sync.transport import SyncError, Transport

    wards = [w.code_str for w in admin_units().wards_of(1)][:n_wards]  # Hanoi's current wards
    url, drop = _pg_db()
    (work / "wards").mkdir(exist_ok=True)
    srv = ServerProcess(url, work / "wards", env)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    try:
        codes = srv.codes(wards)
        tokens = [Transport(srv.url).enroll(c, "bench").token for c in codes]
        start = threading.Barrier(len(wards))

        def ward_run(ward: str, token: str) -> None:
            t = Transport(srv.url, token=token)
            # built before the start: the latency measured is the push (encode, send, store, answer, parse)
            todo = [p.PushRequest(batch_id=str(uuid.uuid4()), items=[p.ChangeItem(
                change_id=str(uuid.uuid4()), kind="resident", record_id=str(uuid.uuid4()), op="insert",
                base_version=0, version=1, fields=["full_name", "notes"],
                payload={"full_name": "Trần Thị B", "notes": "ghi chú"}) for _ in range(items)]) for _ in range(batches)]
            start.wait()
            for batch in todo:
                t0 = time.perf_counter()
                try:
                    res = t.push(ward, batch)
                    bad = [r for r in res.results if r.status != "applied"]
                    if bad:
                        raise SyncError(bad[0].status)
                except SyncError as exc:
                    with lock:
                        errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                with lock:
                    latencies.append(time.perf_counter() - t0)

        threads = [threading.Thread(target=ward_run, args=(w, tok)) for w, tok in zip(wards, tokens)]
        t0 = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t0
    finally:
        srv.stop()
        drop()
    kinds: dict[str, int] = {}
    for e in errors:
        kinds[e] = kinds.get(e, 0) + 1
    return {"wards": len(wards), "batches_per_ward": batches, "items_per_batch": items, "errors": len(errors),
            "error_kinds": kinds, "latency_s": summary(latencies) if latencies else None,
            "wall_s": round(wall, 2), "items_per_s": round(len(latencies) * items / wall, 1)}


def run(quick: bool = False) -> dict:
    import keyring

    sys.path.insert(0, str(REPO))
    from tests.support.test_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    import logging

    logging.disable(logging.WARNING)
    work = workdir()
    env = isolated_env(work)
    # TOCDS_BENCH_SYNC_CHANGES runs a size between quick and full (targets scale with it)
    n = int(os.environ.get("TOCDS_BENCH_SYNC_CHANGES") or (5000 if quick else 100_000))
    load = open("/proc/loadavg").read().split()[:3]
    backends = (os.environ.get("TOCDS_BENCH_SYNC_BACKENDS") or "sqlite,postgres").split(",")
    # TOCDS_BENCH_SYNC_ROUNDS: edit pushes and new laptops' pulls per backend (their medians are reported)
    repeat = int(os.environ.get("TOCDS_BENCH_SYNC_ROUNDS") or (1 if quick else 3))
    rounds = {b: _backend_round(b, n, work, env, repeat) for b in backends}
    with_wards = os.environ.get("TOCDS_BENCH_SYNC_WARDS", "1") != "0"
    wards = _wards_at_once(126, 3 if quick else 10, 50 if quick else 200, work, env) if with_wards else None
    push_target, pull_target = 60 * n / 100_000, 30 * n / 100_000
    return {
        "name": "sync",
        "quick": quick,
        "changes": n,
        "loadavg_before": load,
        **rounds,
        "wards_at_once": wards,
        "targets": {"push_s": push_target, "noop_sync_s": 0.2, "pull_s": pull_target, "wards_errors": 0,
                    "postgres_push_s": 12 * n / 100_000, "postgres_pull_s": 12 * n / 100_000},
        "meets_target": (
            all(r["push_s"] <= push_target and r["noop_sync_s"]["median"] <= 0.2 and r["pull_s"] <= pull_target
                for r in rounds.values())
            and (wards is None or wards["errors"] == 0)
            and ("postgres" not in rounds or (rounds["postgres"]["push_s"] <= 12 * n / 100_000
                                              and rounds["postgres"]["pull_s"] <= 12 * n / 100_000))
        ),
    }


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv), indent=1, ensure_ascii=False))
    os._exit(0)
