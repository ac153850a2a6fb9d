"""Several server processes over one PostgreSQL (issue #19 item 2): `tocds-server serve --workers N`,
`/healthz` for load balancers, and `/metrics` in the Prometheus text format adding up every process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
import requests

from tests.conftest import REPO
from tests.e2e.sync_harness import free_port, postgres_database, protocol_session, wait_healthy

pytestmark = pytest.mark.postgres


def _children(pid: int) -> list[int]:
    """The worker processes (not multiprocessing's resource tracker)."""
    kids = [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return [k for k in kids if b"resource_tracker" not in Path(f"/proc/{k}/cmdline").read_bytes()]


def _metric(text: str, name: str, **labels: str) -> float:
    """The value of one sample of the text format (0 when absent)."""
    for line in text.splitlines():
        if line.startswith(name) and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


@pytest.fixture
def workers(tmp_path):
    with postgres_database() as url:
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "server.cli", "--db", url, "--data-dir", str(tmp_path / "srv"),
                                 "serve", "--port", str(port), "--workers", "2"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(base, proc)
            yield proc, base, url
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(30)


def _enrolled_token(url: str, ward: str) -> str:
    from server import auth
    from server.db import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        token = auth.redeem(conn, auth.new_enrolment_code(conn, ward), "test")[1]
    engine.dispose()
    return token


def test_two_worker_processes_serve_one_port_and_add_up_their_metrics(workers):
    proc, base, url = workers
    kids = _children(proc.pid)
    assert len(kids) == 2, kids
    assert requests.get(f"{base}/healthz", timeout=10).json() == {"status": "ok"}
    token = _enrolled_token(url, "00166")
    items = [{"change_id": str(uuid.uuid4()), "kind": "resident", "record_id": str(uuid.uuid4()), "op": "insert",
              "base_version": 0, "version": 1, "fields": ["full_name"], "payload": {"full_name": "Lan"},
              "deleted": False} for _ in range(3)]
    items.append(dict(items[0], change_id=str(uuid.uuid4()), record_id=str(uuid.uuid4()), payload={"full_name": 5}))
    for _ in range(20):  # a new connection each time: the kernel hands them to either process
        s = protocol_session()
        s.headers["Authorization"] = f"Bearer {token}"
        s.headers["Connection"] = "close"
        assert s.get(f"{base}/v1/info", timeout=10).status_code == 200
    s = protocol_session()
    s.headers["Authorization"] = f"Bearer {token}"
    answer = s.post(f"{base}/v1/wards/00166/push", json={"batch_id": str(uuid.uuid4()), "items": items}, timeout=30)
    assert [r["status"] for r in answer.json()["results"]] == ["applied"] * 3 + ["rejected"]
    assert s.get(f"{base}/v1/wards/00166/pull", params={"cursor": 0}, timeout=30).status_code == 200
    text = requests.get(f"{base}/metrics", timeout=10).text
    assert _metric(text, "tocds_http_requests_total", method="GET", route="/v1/info", status="200") == 20
    assert _metric(text, "tocds_http_request_seconds_count", method="POST", route="/v1/wards/{ward_code}/push") == 1
    assert _metric(text, "tocds_pushes_total") == 1 and _metric(text, "tocds_pulls_total") == 1
    assert _metric(text, "tocds_push_items_total", status="applied") == 3
    assert _metric(text, "tocds_push_items_total", status="rejected") == 1
    assert "00166" not in text and token not in text  # nothing about a ward or a device is a label


def test_a_killed_worker_is_started_again_and_the_port_keeps_answering(workers):
    proc, base, _url = workers
    first = _children(proc.pid)
    os.kill(first[0], signal.SIGKILL)
    for _ in range(600):  # uvicorn's supervisor notices (it looks every half second) and starts another
        kids = _children(proc.pid)
        if len(kids) == 2 and first[0] not in kids:
            break
        threading.Event().wait(0.05)
    assert len(kids) == 2 and first[0] not in kids
    for _ in range(10):
        assert requests.get(f"{base}/healthz", headers={"Connection": "close"}, timeout=10).status_code == 200


def test_workers_need_postgresql(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "server.cli", "--data-dir", str(tmp_path / "srv"), "serve",
                           "--workers", "2", "--port", str(free_port())], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "--workers needs PostgreSQL" in proc.stderr



_BRING_UP = """
import sys, time
from pathlib import Path
from server.city_view import ensure_tables
from server.db import make_engine, upgrade
engine = make_engine(sys.argv[1])
Path(sys.argv[3]).touch()  # imported and ready
while not Path(sys.argv[2]).exists():  # all at the same moment
    time.sleep(0.001)
upgrade(engine)
ensure_tables(engine)
"""


def test_servers_started_at_once_on_a_new_database_all_bring_it_up(tmp_path):
    """Hosts behind one load balancer start at the same moment over a database nothing has set up yet: each
    brings the schema up (the migrations, then the city view's tables, as `serve` does) and none fails on
    the others' work."""
    from tests.e2e.bundle_support import wait_for

    for round_ in range(2):  # (one round failed 3 of 3 runs before the lock: 3 of the 4 exited)
        go, ready = tmp_path / f"go-{round_}", [tmp_path / f"ready-{round_}-{i}" for i in range(4)]
        with postgres_database() as url:
            procs = [subprocess.Popen([sys.executable, "-c", _BRING_UP, url, str(go), str(r)], stderr=subprocess.PIPE,
                                      text=True, env=dict(os.environ, PYTHONPATH=str(REPO))) for r in ready]
            wait_for(lambda: all(r.exists() or p.poll() is not None for r, p in zip(ready, procs)), 120,
                     "the processes to be ready")
            go.touch()
            errors = [p.communicate(timeout=120)[1] for p in procs]
            assert [p.returncode for p in procs] == [0] * 4, (round_, [e[-600:] for e in errors if e])


@pytest.mark.parametrize("step,migrated", [("upgrade", False), ("ensure_tables", True)])
def test_a_process_bringing_the_schema_up_waits_for_the_one_already_doing_it(step, migrated):
    """Each step that changes the schema (the migrations; the city view's tables, on a database migrated by a
    version before the city view) waits while another process holds the schema lock, then finds its work to
    do and does it. (The race above is too quick to hit through the city view's tables alone.)"""
    from sqlalchemy import create_engine, text

    from server.db import SCHEMA_LOCK
    from tests.e2e.bundle_support import wait_for

    script = ("import sys\nfrom server.city_view import ensure_tables\nfrom server.db import make_engine, upgrade\n"
              f"{step}(make_engine(sys.argv[1]))\n")
    with postgres_database(migrated=migrated) as url:
        engine = create_engine(url)
        holder = engine.connect()
        holder.execute(text(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})"))
        with subprocess.Popen([sys.executable, "-c", script, url], stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ, PYTHONPATH=str(REPO))) as proc:
            try:
                with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watch:
                    def waiting() -> bool:
                        assert proc.poll() is None, f"{step} did not wait for the schema lock"
                        return bool(watch.execute(text(
                            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE "
                            "l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()")).scalar())

                    wait_for(waiting, 120, f"{step} to wait for the schema lock")
            finally:
                holder.rollback()
                holder.close()
            _, errors = proc.communicate(timeout=120)
        assert proc.returncode == 0, errors[-600:]
        with engine.connect() as conn:
            tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
        engine.dispose()
        # the step did its work once the lock was free (the migrations do not make the city view's tables)
        assert {"alembic_version", "record", "city_account"} - tables == ({"city_account"} if step == "upgrade" else set())
