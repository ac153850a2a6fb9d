"""Test support for sync: the real server in a thread, a fault-injecting TCP proxy,
laptops (data folders), fresh PostgreSQL databases. Imported by tests/e2e/test_sync_*.py."""

from __future__ import annotations

import socket
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

def pg_url(database: str) -> str:
    """The test machine's PostgreSQL (trust auth on loopback), database `database`."""
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}"


PG_ADMIN = pg_url("test")


def _run_entry(kind: str, payload) -> bool:
    """The audit entry a sync run writes about itself: the last laptop to sync holds its own
    before the others pull it, so convergence is checked without these."""
    import json
    from types import SimpleNamespace

    from desktop.sync.client import is_bookkeeping

    return kind == "audit_entry" and is_bookkeeping(
        SimpleNamespace(kind=kind, payload=json.loads(payload) if isinstance(payload, str) else payload))


def protocol_session():
    """A requests session that speaks the protocol (its header on every request), as the laptops do."""
    import requests

    from desktop.sync import protocol as p

    session = requests.Session()
    session.trust_env = False
    session.headers[p.PROTOCOL_HEADER] = str(p.PROTOCOL_VERSION)
    return session


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerHelpers:
    """What a test asks of a running server through its database (`self.engine`, `self.url`)."""

    engine = None
    port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def enroll_code(self, ward: str) -> str:
        from server import auth

        with self.engine.begin() as conn:
            return auth.new_enrolment_code(conn, ward)

    def token(self, ward: str) -> str:
        from server import auth

        with self.engine.begin() as conn:
            code = auth.new_enrolment_code(conn, ward)
            return auth.redeem(conn, code, "test")[1]

    def records(self, ward: str) -> dict[tuple[str, str], tuple[int, str, bool]]:
        from sqlalchemy import select

        from server.db import record

        with self.engine.connect() as conn:
            return {(r.kind, r.record_id): (r.version, r.payload, bool(r.deleted)) for r in conn.execute(
                select(record).where(record.c.ward_code == ward)) if not _run_entry(r.kind, r.payload)}

    def store_raw(self, ward: str, kind: str, record_id: str, payload, *, version: int = 1,
                  deleted: bool = False) -> int:
        """Write a record straight into the server's tables, unchecked: a row stored before the server
        validated payloads, by a newer server, or by hand. `payload`: a dict, or the stored text as it
        is. A record already there is replaced (at `version`). Its new sequence number."""
        import json

        from sqlalchemy import insert, select, update

        from server import figures
        from server.db import record, ward_state
        from server.records import lock_ward, now

        text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False, sort_keys=True)
        with self.engine.begin() as conn:
            seq = lock_ward(conn, ward) + 1
            values = dict(ward_code=ward, version=version, seq=seq, deleted=deleted, payload=text, updated_at=now(),
                          device_id="by-hand")
            where = (record.c.kind == kind) & (record.c.record_id == record_id)
            old = conn.execute(select(record.c.payload, record.c.deleted).where(where)).first()
            if old:
                conn.execute(update(record).where(where).values(**values))
            else:
                conn.execute(insert(record).values(kind=kind, record_id=record_id, **values))
            # the figures as the migration's backfill counts such a row (server/figures.py)
            before = figures.parsed(old.payload) if old and not old.deleted else None
            figures.apply(conn, ward, [figures.Change(kind, record_id, before, None if deleted else figures.parsed(text))])
            live = {} if deleted else {"last_change_at": values["updated_at"]}
            conn.execute(update(ward_state).where(ward_state.c.ward_code == ward).values(last_seq=seq, **live))
        return seq

    def version_rows(self) -> int:
        from sqlalchemy import func, select

        from server.db import record_version

        with self.engine.connect() as conn:  # sync runs' own audit entries are not counted
            return conn.execute(select(func.count()).select_from(record_version).where(
                record_version.c.kind != "audit_entry")).scalar_one()


class ServerThread(ServerHelpers):
    """uvicorn serving server.app on a free 127.0.0.1 port, in a thread."""

    def __init__(self, db_url: str, data_dir: Path, port: int | None = None, **app_kwargs):
        import uvicorn

        from server.app import create_app

        self.app = create_app(db_url, data_dir, **app_kwargs)
        self.engine = self.app.state.engine
        self.port = port or free_port()
        self.db_url = db_url
        self.data_dir = data_dir
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> "ServerThread":
        self.thread.start()
        started = threading.Event()
        for _ in range(2000):
            if self.server.started:
                started.set()
                break
            self.thread.join(0.005)
        assert started.is_set(), "server did not start"
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.engine.dispose()


def wait_healthy(url: str, proc=None, timeout: float = 60.0) -> None:
    """Until `url`/healthz answers 200 (the process exiting first fails at once)."""
    import time

    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc is None or proc.poll() is None, f"server exited with {proc.returncode}"
        try:
            if requests.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        threading.Event().wait(0.05)  # the process is still starting: ask again
    raise AssertionError(f"{url} did not become healthy")


class ServerProcesses(ServerHelpers):
    """`tocds-server serve` processes over one migrated database (`postgres_database(migrated=True)`),
    each on its own 127.0.0.1 port (a load balancer's view of them: tests/e2e/test_sync_faults.py puts
    the fault proxy in front of all)."""

    def __init__(self, db_url: str, data_dir: Path, count: int = 2, *extra: str):
        import subprocess
        import sys

        from server.db import make_engine

        self.db_url, self.data_dir = db_url, data_dir
        self.ports, self.procs = [], []
        for i in range(count):
            port = free_port()
            folder = data_dir / f"process-{i}"
            folder.mkdir(parents=True, exist_ok=True)
            proc = subprocess.Popen([sys.executable, "-m", "server.cli", "--db", db_url, "--data-dir", str(folder),
                                     "serve", "--port", str(port), *extra],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.ports.append(port)
            self.procs.append(proc)
        try:  # started at the same moment, as hosts behind a load balancer may be (server.db.hold_schema_lock)
            for port, proc in zip(self.ports, self.procs):
                wait_healthy(f"http://127.0.0.1:{port}", proc)
        except BaseException:
            self.stop()  # none left running behind a failed start
            raise
        self.port = self.ports[0]
        self.engine = make_engine(db_url)

    def empty(self) -> None:
        """Every table of the database emptied, its schema kept: the same processes then serve the next
        test as a server that has stored nothing yet (starting two new ones costs ~4 s of CPU)."""
        from sqlalchemy import text

        with self.engine.begin() as conn:
            tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                       "AND tablename <> 'alembic_version'")).scalars().all()
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))

    def kill(self, index: int) -> None:
        import signal

        self.procs[index].send_signal(signal.SIGKILL)
        self.procs[index].wait(30)

    def stop(self) -> None:
        import subprocess

        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(30)
        if self.engine is not None:  # None: stopped while starting
            self.engine.dispose()


_PG_TEMPLATE: str | None = None


def _migrated_template(admin) -> str:
    """A PostgreSQL database with the server's schema, made once per test process (dropped when it
    ends) for `postgres_database(migrated=True)` to copy."""
    global _PG_TEMPLATE
    if _PG_TEMPLATE is None:
        import atexit
        import os

        from sqlalchemy import text

        from server.db import make_engine, upgrade

        name = f"tocds_template_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine = make_engine(pg_url(name))
        upgrade(engine)
        engine.dispose()

        def drop() -> None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

        atexit.register(drop)
        _PG_TEMPLATE = name
    return _PG_TEMPLATE


@contextmanager
def postgres_database(migrated: bool = False):
    """A fresh PostgreSQL database for one test run, dropped afterwards. `migrated`: with the server's
    schema already in place (a copy of one migrated once per test process: CREATE DATABASE … TEMPLATE),
    for tests about what a server does, not how it brings a database up."""
    from sqlalchemy import create_engine, text

    name = "tocds_sync_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # pragma: no cover - only without PostgreSQL
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    template = f' TEMPLATE "{_migrated_template(admin)}"' if migrated else ""  # its failure fails the test
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
    try:
        yield pg_url(name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def migrated_postgres():
    """An engine on a fresh PostgreSQL database with the server's tables (`postgres_database`, migrated)."""
    from server.db import make_engine, upgrade

    with postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        try:
            yield engine
        finally:
            engine.dispose()


@pytest.fixture
def sqlite_server(tmp_path):
    """The real server on SQLite, on 127.0.0.1 (import this fixture into a test module)."""
    s = ServerThread(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "srv").start()
    yield s
    s.stop()


@contextmanager
def running_server(tmp_path: Path, backend: str, **app_kwargs):
    """The real server on `backend`: "sqlite", "postgres" (in a thread) or "postgres-2" (two processes)."""
    data = tmp_path / f"server-{backend}"
    data.mkdir(parents=True, exist_ok=True)
    if backend == "postgres-2":
        with postgres_database(migrated=True) as url:
            srv = ServerProcesses(url, data, 2)
            try:
                yield srv
            finally:
                srv.stop()
    elif backend == "postgres":
        with postgres_database(migrated=True) as url:
            srv = ServerThread(url, data, **app_kwargs).start()
            try:
                yield srv
            finally:
                srv.stop()
    else:
        srv = ServerThread(f"sqlite:///{data / 'server.db'}", data, **app_kwargs).start()
        try:
            yield srv
        finally:
            srv.stop()


def open_laptop(root: Path, ward: str = "00166", actor: str = "Tình nguyện viên"):
    from desktop.services.context import open_context
    from desktop.services.setup.ward_setup import initialize_ward
    from tests.support.migrated_store import seed_folder

    seed_folder(root)
    ctx = open_context(str(root), actor=actor)
    initialize_ward(ctx, ward, "Tổ CĐS")
    return ctx


def add_residents(ctx, names: list[str], group_name: str | None = None) -> list[str]:
    """Plain ORM writes (no other area's services)."""
    from desktop.core.text import fold
    from desktop.store.models import Resident, ResidentialGroup

    ids = []
    with ctx.write() as s:
        group_id = None
        if group_name:
            g = ResidentialGroup(name=group_name, name_folded=fold(group_name))
            s.add(g)
            s.flush()
            group_id = g.id
        for name in names:
            r = Resident(full_name=name, name_folded=fold(name), residential_group_id=group_id)
            s.add(r)
            s.flush()
            ids.append(r.id)
    return ids


def edit_resident(ctx, record_id: str, **values) -> None:
    from desktop.store.models import Resident

    with ctx.write() as s:
        r = s.get(Resident, record_id)
        for k, v in values.items():
            setattr(r, k, v)


def snapshot(ctx) -> dict[tuple[str, str], tuple[int, dict, bool]]:
    """Every synced record of a laptop: (kind, id) -> (version, fields, deleted)."""
    from sqlalchemy import select

    from desktop.store.records import record_fields, record_kinds

    out = {}
    with ctx.read() as s:
        for kind, cls in record_kinds().items():
            for obj in s.scalars(select(cls)):
                fields = record_fields(obj)
                if not _run_entry(kind, fields):
                    out[(kind, obj.id)] = (obj.version, fields, obj.is_deleted)
    return out


def server_snapshot(srv: ServerThread, ward: str = "00166") -> dict:
    import json

    return {k: (v[0], json.loads(v[1]), v[2]) for k, v in srv.records(ward).items()}


def assert_converged(srv: ServerThread, *laptops, ward: str = "00166") -> dict:
    """Server and every laptop hold exactly the same records (ids, versions, fields, tombstones)."""
    server = server_snapshot(srv, ward)
    for ctx in laptops:
        mine = snapshot(ctx)
        assert set(mine) == set(server), (set(mine) ^ set(server))
        for key, (version, fields, deleted) in server.items():
            lv, lf, ld = mine[key]
            assert (lv, ld) == (version, deleted), (key, lv, version)
            assert {k: lf.get(k) for k in fields} == fields, key
    return server


class FaultProxy:
    """A TCP proxy in front of the server that misbehaves on request, one HTTP request at a time.

    Faults (queued, each used once, matched by a path fragment):
      drop_before  close the connection before the server sees the request
      drop_after   forward, let the server commit, close without answering
      error_503    answer 503 without forwarding;  error_503_after: forward, then answer 503
      truncate     forward, send half of the answer, close
      stall        forward, then hold the answer until the client gives up (its timeout)
      duplicate    forward the request twice, answer with the second reply
      both_at_once forward the request to two server processes at once, answer with the first reply
    Several upstreams (server processes) are used in turn.
    """

    def __init__(self, upstream_port: int | list[int]):
        self.upstreams = upstream_port if isinstance(upstream_port, list) else [upstream_port]
        self.turn = 0
        self.routed: list[tuple[str, int]] = []  # (path, upstream port) of every forwarded request
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.faults: list[tuple[str, str]] = []
        self.applied: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(self, fault: str, path: str = "/push") -> None:
        with self.lock:
            self.faults.append((fault, path))

    def close(self) -> None:
        self.stopped = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        except OSError:
            pass
        self.sock.close()

    def _accept(self) -> None:
        while not self.stopped:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    @staticmethod
    def _read_request(conn: socket.socket) -> bytes | None:
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            buf += chunk
        head, _, body = buf.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            body += chunk
        lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
        return b"\r\n".join(lines) + b"\r\nConnection: close\r\n\r\n" + body

    def _upstream(self, path: str) -> socket.socket:
        """A connection to the next server in turn; one that refuses (killed) is passed over, as a load
        balancer passes over a process that fails its health check."""
        with self.lock:
            order = [self.upstreams[(self.turn + i) % len(self.upstreams)] for i in range(len(self.upstreams))]
            self.turn += 1
        for port in order:
            try:
                up = socket.create_connection(("127.0.0.1", port))
            except ConnectionRefusedError:
                continue
            with self.lock:
                self.routed.append((path, port))
            return up
        raise ConnectionRefusedError("no server process answers")

    def _forward(self, request: bytes, up: socket.socket | None = None) -> bytes:
        path = request.split(b" ", 2)[1].decode("latin-1")
        with up or self._upstream(path) as up:
            up.sendall(request)
            chunks = []
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)

    def _both_at_once(self, request: bytes) -> bytes:
        """The request to two server processes at the same moment (both connected before either is sent);
        the first answer goes back."""
        path = request.split(b" ", 2)[1].decode("latin-1")
        ups = [self._upstream(path), self._upstream(path)]
        answers: list[bytes] = []
        threads = [threading.Thread(target=lambda u=u: answers.append(self._forward(request, u))) for u in ups]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        return answers[0]

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            request = self._read_request(conn)
            if request is None:
                return
            path = request.split(b" ", 2)[1].decode("latin-1")
            fault = None
            with self.lock:
                for i, (name, fragment) in enumerate(self.faults):
                    if fragment in path:
                        fault = name
                        del self.faults[i]
                        self.applied.append((name, path))
                        break
            if fault == "drop_before":
                return
            if fault == "error_503":
                conn.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            if fault == "both_at_once":
                answer = self._both_at_once(request)
            else:
                answer = self._forward(request)
            if fault == "duplicate":
                answer = self._forward(request)
            if fault == "drop_after":
                return
            if fault == "error_503_after":
                conn.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            if fault == "truncate":
                conn.sendall(answer[: max(1, len(answer) // 2)])
                return
            if fault == "stall":
                conn.settimeout(30)
                try:
                    while conn.recv(1024):
                        pass
                except OSError:
                    pass
                return
            conn.sendall(answer)
