"""Server tables (SQLAlchemy Core), engine creation and Alembic upgrade.

Idempotency is enforced by UNIQUE constraints: a change id is stored once
(`record_version.change_id`) and a record version once (`kind, record_id, version`).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import platformdirs
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

enrolment_code = Table(
    "enrolment_code", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("ward_code", String(5), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("used_at", String(32), nullable=True),
    Column("device_id", String(36), nullable=True),  # the device that redeemed it (its key may redeem it again)
)

device = Table(
    "device", metadata,
    Column("id", String(36), primary_key=True),
    Column("ward_code", String(5), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("name", String(120), nullable=False, default=""),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32), nullable=True),
    Column("key_hash", String(64), nullable=False, default="", server_default=""),  # SHA-256 of the laptop's device key
)

ward_state = Table(
    "ward_state", metadata,
    Column("ward_code", String(5), primary_key=True),
    Column("last_seq", BigInteger, nullable=False, default=0),
    Column("last_change_at", String(32), nullable=True),  # the last push that stored something (#19)
)

record = Table(
    "record", metadata,
    Column("kind", String(64), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("ward_code", String(5), nullable=False),
    Column("version", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("payload", Text, nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("device_id", String(36), nullable=False, default=""),  # who made the latest version
    # no (ward_code, kind) index since 0006: every stored change moves each index entry of its row
    Index("ix_record_ward_seq", "ward_code", "seq", unique=True),
)

record_version = Table(
    "record_version", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(64), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("change_id", String(36), nullable=False, unique=True),
    Column("payload_hash", String(64), nullable=False),
    Column("fields", Text, nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("created_at", String(32), nullable=False),
    UniqueConstraint("kind", "record_id", "version", name="uq_record_version_kind_record_version"),
)

ward_count = Table(
    # The city's counters per ward (server/figures.py): residents by stage, group and target group, accounts
    # by the day they were made, help sessions by day and outcome. Moved in the push's transaction.
    "ward_count", metadata,
    Column("ward_code", String(5), primary_key=True),
    Column("figure", String(16), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("stage", Integer, primary_key=True),
    Column("outcome", String(8), primary_key=True),
    Column("group_id", String(36), primary_key=True),
    Column("target_group", String(24), primary_key=True),
    Column("n", BigInteger, nullable=False),
    # each of the city view's sums reads one figure's rows from this index alone (migration 0005)
    Index("ix_ward_count_figure", "figure", "day", postgresql_include=["ward_code", "stage", "outcome", "n"]),
)

city_record = Table(
    # One narrow row per live complaint, complaint answer and communication item: what the city view counts.
    "city_record", metadata,
    Column("kind", String(64), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("ward_code", String(5), nullable=False),
    Column("day", String(10), nullable=False),  # recorded (complaint) or published (communication), Hanoi time
    Column("acc_state", String(4), nullable=False),  # ok | late | open (awaiting acceptance) | ""
    Column("acc_due", String(32), nullable=False),  # while open: the due time as UTC text
    Column("han_state", String(4), nullable=False),
    Column("han_due", String(32), nullable=False),
    Column("ref_id", String(36), nullable=False),  # an answer's complaint
    Column("rating", Integer, nullable=True),
    Index("ix_city_record_ward_kind_day", "ward_code", "kind", "day"),
    Index("ix_city_record_ref", "ref_id"),
)
# complaints still awaiting acceptance or handling: the only rows a city request reads for "overdue"
OPEN_COMPLAINT = (city_record.c.kind == "complaint") & ((city_record.c.acc_state == "open") | (city_record.c.han_state == "open"))
Index("ix_city_record_open", city_record.c.ward_code, city_record.c.day, postgresql_where=OPEN_COMPLAINT,
      sqlite_where=OPEN_COMPLAINT,  # covering (0005): 77k open complaints at 8.5M residents read without the table
      postgresql_include=["acc_state", "acc_due", "han_state", "han_due"])

raw_item = Table(
    # The bench's raw-store baseline (`serve --diagnostics`): pushed items kept as they came, nothing else.
    "raw_item", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("ward_code", String(5), nullable=False),
    Column("change_id", String(36), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("payload", Text, nullable=False),
)

blob = Table(
    # A file complete on the server (checked against its hash), stored once under blobs/<2 hex>/<hash>.
    "blob", metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("received", BigInteger, nullable=False, default=0),
    Column("complete", Boolean, nullable=False, default=False),
)

blob_upload = Table(
    # A file being uploaded, by one device: its declared size and what has come so far. Each device has
    # its own (a declaration never blocks another device's upload); one not touched for a day expires.
    "blob_upload", metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("device_id", String(36), primary_key=True),
    Column("ward_code", String(5), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("received", BigInteger, nullable=False, default=0),
    Column("updated_at", String(32), nullable=False),
)

cccd_index = Table(
    # Which ward registered which CCCD (hashed), with the name and birth year another ward may be told, and
    # whether the ward marked its resident as moved away: the cross-ward matches (#20 item 6).
    "cccd_index", metadata,
    Column("ward_code", String(5), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("cccd_hash", String(64), nullable=False, index=True),
    Column("full_name", String(200), nullable=False, default=""),
    Column("birth_year", Integer, nullable=True),
    Column("moved_at", String(32), nullable=True),
)

blob_ward = Table(
    "blob_ward", metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("ward_code", String(5), primary_key=True),
)


def default_data_dir() -> Path:
    raw = os.environ.get("TOCDS_SERVER_DATA") or platformdirs.user_data_dir("tocds-server", appauthor=False)
    return Path(raw).expanduser().resolve()


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'server.db'}"


def private_sqlite_file(url: str) -> None:
    """A SQLite server database readable by its owner only: created 0600 (its WAL and shared-memory files
    take the database file's mode), tightened if an older server made it wider."""
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for f in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if f.exists() and f.stat().st_mode & 0o077:
            os.chmod(f, 0o600)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        private_sqlite_file(url)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 60}, pool_size=8, max_overflow=8)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _rec):
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)


MIGRATIONS = Path(__file__).resolve().parent / "migrations"


# pg_advisory_xact_lock's key for changes of the schema ("tocds" in ASCII)
SCHEMA_LOCK = 0x746F636473


def hold_schema_lock(conn) -> None:
    """Until this transaction ends, no other server process changes the schema (PostgreSQL): servers started
    at the same moment over a new database bring it up one after the other, and the later ones find it done
    (at once, each tried to create the same tables and all but one exited). SQLite takes one writer anyway."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")


def upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        hold_schema_lock(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class PlannerStats:
    """Fresh PostgreSQL planner statistics for the sync tables.

    PostgreSQL plans a batch's lookups (`kind = ? AND record_id IN (...)`) from table
    statistics. A table that grew from nothing without an ANALYZE since (autovacuum off,
    or not yet round) is planned as tiny: the lookup scans every row of the kind instead of
    using the primary key (measured: 0.1 s and more per batch at 100,000 records, growing).
    So the server analyses each table itself once it has grown by a good share since it
    last did (and at start). Nothing to do on SQLite (its planner needs no statistics here).

    Each table by its own growth: a push of edits adds versions, not records (`record` was
    analysed again and again while it did not grow: 0.1-0.2 s of the database's CPU each time
    at 100k records). And off the push's thread: the answer waits for no ANALYZE.

    Again once a table has doubled since (`share` 1.0): statistics within 2x of the truth plan the same key
    lookups; what misplanned them was a table thought empty. With a quarter, a new ward's first push of
    100,000 records analysed each table ~11 times (0.1-0.2 s of the database's CPU each, beside the push on
    two cores); with a doubling 4-5 times: the first push's database CPU 51-55 -> 44-45 us an item (two
    alternating pairs of runs).
    """

    TABLES = ("record", "record_version")

    def __init__(self, engine: Engine, min_rows: int = 5000, share: float = 1.0):
        self.engine = engine
        self.enabled = engine.dialect.name == "postgresql"
        self.min_rows, self.share = min_rows, share
        self._lock = threading.Lock()
        self._grown = dict.fromkeys(self.TABLES, 0)
        self._size = dict.fromkeys(self.TABLES, 0.0)
        self._running: threading.Thread | None = None

    def refresh(self, tables: tuple[str, ...] = TABLES) -> None:
        if not self.enabled:
            return
        with self.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            for table in tables:
                conn.exec_driver_sql(f"ANALYZE {table}")
            sizes = dict(conn.exec_driver_sql(
                "SELECT relname, reltuples FROM pg_class WHERE relname IN ('record', 'record_version')").all())
        with self._lock:
            for table in tables:
                self._size[table] = max(float(sizes.get(table) or 0), 0.0)

    def grew(self, rows: int, records: int | None = None) -> None:
        """A committed push added `rows` versions, `records` of them new records (all, when not said); analyse
        a table when what it gained adds up to a good share (in a thread of its own)."""
        if not self.enabled or rows <= 0:
            return
        with self._lock:
            self._grown["record_version"] += rows
            self._grown["record"] += rows if records is None else records
            if self._running is not None:
                return
            due = tuple(t for t in self.TABLES if self._grown[t] >= max(self.min_rows, self.share * self._size[t]))
            if not due:
                return
            for table in due:
                self._grown[table] = 0
            self._running = threading.Thread(target=self._analyse, args=(due,), name="planner-stats", daemon=True)
            self._running.start()

    def _analyse(self, tables: tuple[str, ...]) -> None:
        try:
            self.refresh(tables)
        except Exception:  # the next growth tries again; a push never fails for its statistics
            logging.getLogger("tocds.server.db").warning("ANALYZE %s failed", ", ".join(tables), exc_info=True)
        finally:
            with self._lock:
                self._running = None

    def wait(self) -> None:
        """Until the ANALYZE under way (if any) is done."""
        running = self._running
        if running is not None:
            running.join()
