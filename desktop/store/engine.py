"""Encrypted SQLite (SQLCipher) connections for SQLAlchemy."""

from __future__ import annotations

import re
from pathlib import Path

import sqlcipher3
import sqlcipher3.dbapi2
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from desktop.store.errors import open_failure

_HEX = re.compile(r"^[0-9a-f]{64}$")
# SQLite's default: after a commit that leaves the WAL this many pages long, copy it into the database file.
AUTOCHECKPOINT_PAGES = 1000
# Key in a pooled connection's `info`: its automatic checkpoint was switched off for one bulk write.
AUTOCHECKPOINT_OFF = "tocds_autocheckpoint_off"


def open_connection(path: Path, key: str):
    """One SQLCipher connection with the key applied and checked, WAL and synchronous=FULL."""
    if not _HEX.match(key):
        raise ValueError("database key must be 64 lower-case hex digits")
    conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=30)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported by us, not on stderr
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise open_failure(path, exc) from exc  # a wrong key only when it is one (not a full disk)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def create_store_engine(path: Path, key: str, *, writer: bool = False) -> Engine:
    """A reader engine (plain BEGIN) or the writer engine (BEGIN IMMEDIATE, one connection).

    Writers take the write lock at BEGIN, so two writers wait for each other (busy
    timeout) instead of failing on a lock upgrade; readers never block in WAL mode.
    """
    begin_sql = "BEGIN IMMEDIATE" if writer else "BEGIN"
    engine = create_engine(
        "sqlite://",
        # The DB-API module the connections come from: SQLAlchemy wraps its exceptions (a UNIQUE clash is
        # sqlalchemy.exc.IntegrityError, a full disk OperationalError). Without it the pysqlite dialect compares
        # against the stdlib sqlite3 classes and sqlcipher3's errors pass through raw.
        module=sqlcipher3.dbapi2,
        creator=lambda: open_connection(path, key),
        poolclass=QueuePool,
        pool_size=1 if writer else 4,
        max_overflow=0 if writer else 4,
        pool_timeout=120,
    )

    @event.listens_for(engine, "connect")
    def _manual_transactions(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # the "begin" hook below issues BEGIN itself

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql(begin_sql)

    @event.listens_for(engine, "checkin")
    def _autocheckpoint_back(dbapi_conn, record):
        # back to the default before anyone else gets the connection (Store.write(background_checkpoint=True))
        if record.info.pop(AUTOCHECKPOINT_OFF, False) and dbapi_conn is not None:
            dbapi_conn.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")

    return engine
