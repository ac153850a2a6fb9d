"""Writing checked residents in bulk: rows, change-log inserts and search-index rows, batched.

The writing half of the resident import (`resident_import` checks the rows): one
transaction; each batch is written by a helper thread in three set-based statements
(residents from one JSON text, their change-log rows, their search-index rows) while
the caller checks the next rows.
"""

from __future__ import annotations

import json
import queue
import sys
import threading
from datetime import timezone

from desktop.core.period import today_vn
from desktop.core.vocab import ADOPTION_ORDER
from desktop.services.people import audit
from desktop.services.context import AppContext
from desktop.store import touched
from desktop.store.base import utcnow
from desktop.store.bulk import index_statements, pause_row_indexing
from desktop.store.changelog import LAST_SEQ_SQL, BulkInsertLog, sequential_id_sql
from desktop.store.models import Resident
from desktop.store.records import field_names, to_plain


class ImportCancelled(Exception):
    """The operator cancelled; nothing was stored."""


# SQLite page cache during the bulk insert (KiB): new ids are time-ordered (changelog.sequential_id_sql),
# so inserts land side by side in the id indexes and a modest cache holds the pages being filled...
BULK_CACHE_KIB = 32768
# ...but the keys of the name, phone, CCCD and sort indexes come in no order: into a large registry each
# new row lands on a page of them the cache no longer holds, read and decrypted again, and each page
# spilled mid-transaction is encrypted and written more than once. The cache grows with the registry
# (a quarter KiB a resident, up to this): a file of 100,000 into a registry of a million took 198 µs of CPU
# a row with 32 MB, 146 with 256 MB (and 85-96 into 100,000); the import's peak memory grew by ~200 MB.
BULK_CACHE_MAX_KIB = 262144


def bulk_cache_kib(registered: int) -> int:
    """The page cache (KiB) for a bulk insert into a registry of about `registered` residents."""
    return max(BULK_CACHE_KIB, min(BULK_CACHE_MAX_KIB, int(registered) // 4))
BATCH = 5000
# How long (s) a thread may keep the GIL while another waits for it, during a bulk write. The
# helper thread needs the GIL back a few times per statement while this thread checks rows in
# Python; at the default 5 ms each hand-back cost it up to 5 ms (about 1 s per 100,000 rows).
GIL_HANDOFF_S = 0.0005
# Indexes on keys in no particular order (a name, a phone): each new row lands on a random page of
# them, and once they outgrow the page cache every row costs page reads and re-encryptions (import
# cost per row grew by half from 100,000 to 1,000,000 residents). An import at least as large as the
# registry drops them for its transaction and makes them again at the end (one sort each). The name
# index stays unless the registry is empty: the duplicate check reads it for names already registered.
DEFERRED_INDEXES = ("ix_resident_live_sort", "ix_resident_phone")
DEFERRED_WHEN_EMPTY = ("ix_resident_name_folded",)
_PLAIN_TYPES = frozenset((str, int, bool, float))


def _sql_text(value: str) -> str:
    """A string as an SQL literal."""
    return "'" + str(value).replace("'", "''") + "'"


def content_row(cols: dict, names: list[str]) -> tuple:
    """A checked row as its content fields in `names` order, JSON-ready (dates as ISO text)."""
    return tuple([v if v is None or v.__class__ in _PLAIN_TYPES else to_plain(v) for v in map(cols.get, names)])


class BulkWriter:
    """Residents, their change-log inserts and their search-index rows, in batches, in the caller's transaction.

    Values are stored exactly as the ORM stores them (SQLAlchemy's types): dates as ISO
    text, aware datetimes as UTC ISO text with microseconds, booleans as 0/1. A full batch
    becomes one JSON array (the json module's C encoder); a helper thread then runs, with no
    Python per row (SQLite releases the GIL), while this thread checks the next rows:
    the residents (`jsonb_each` of that text: strings stay text, integers integers, true/
    false 1/0, null NULL), the change-log rows the ORM hook would write
    (`changelog.BulkInsertLog.from_table_sql`) and the search-index rows. The index's
    per-row insert trigger is paused for the transaction (`store.bulk.pause_row_indexing`).
    Only one statement runs on
    the connection at a time: this thread waits for the batch thread before it uses it.
    """

    def __init__(self, ctx: AppContext, session, control=None, batch: int = BATCH, expected_rows: int = 0):
        self.ctx, self.session, self.control, self.batch = ctx, session, control, batch
        touched.note(session, {"resident"})  # its SQL goes around the flush hook
        self.expected_rows = expected_rows  # how many rows are coming (an estimate): decides DEFERRED_INDEXES
        self.deferred: list[str] = []
        self.conn = None
        self.rows: list[tuple] = []
        self.total = 0
        # One batch thread for the whole import (one malloc arena: a thread per batch spread
        # SQLite's page buffers over many arenas, up to ~40 MB more resident memory).
        self._batches: queue.SimpleQueue = queue.SimpleQueue()  # (json text, offset), or None: stop
        self._written: queue.SimpleQueue = queue.SimpleQueue()  # per batch: None, or the error it raised
        self._batch_thread: threading.Thread | None = None
        self._in_flight = False
        self._old_switch = sys.getswitchinterval()

    def _start(self) -> None:
        conn = self.conn = self.session.connection()
        sys.setswitchinterval(min(self._old_switch, GIL_HANDOFF_S))  # back in close()
        names = field_names(Resident)
        now = utcnow()
        self.actor = self.ctx.actor
        self.now_db = now.astimezone(timezone.utc).isoformat(timespec="microseconds")
        self.log_sql = BulkInsertLog(Resident, self.actor, self.now_db).from_table_sql("rowid > ? AND rowid <= ?")
        self.resident_sql, self.id_params = self._resident_sql(names)
        self.index_sql = index_statements("resident", "rowid > ? AND rowid <= ?")
        self.raw = conn.connection.dbapi_connection
        self.last_rowid = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM resident").scalar()
        self.old_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        # the largest rowid: the registry's size without counting it (deleted rows aside)
        conn.exec_driver_sql(f"PRAGMA cache_size = -{bulk_cache_kib(self.last_rowid)}")
        self.resume_row_indexing = pause_row_indexing(conn, "resident")
        self._defer_indexes(conn)

    def _defer_indexes(self, conn) -> None:
        """Drop the random-key indexes for this transaction when the import is at least as large as the
        registry (`finish` makes them again; a rollback brings them back as they were)."""
        # counted only as far as the comparison needs (a million residents' count read a whole index)
        existing = conn.exec_driver_sql("SELECT count(*) FROM (SELECT 1 FROM resident LIMIT ?)",
                                        (self.expected_rows + 1,)).scalar()
        if self.expected_rows < max(existing, 1):
            return
        names = DEFERRED_INDEXES + (DEFERRED_WHEN_EMPTY if existing == 0 else ())
        for name in names:
            sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                                       (name,)).scalar()
            if sql:
                conn.exec_driver_sql(f"DROP INDEX {name}")
                self.deferred.append(sql)

    def _resident_sql(self, names: list[str]) -> tuple[str, tuple]:
        """INSERT … SELECT from one batch's JSON array of content rows, and the id expression's parameters.

        Set in SQL for every row as the ORM path sets them: the dates each adoption stage up to
        the row's was reached (the row's own, else today), the consent time (now, when consent was given), a new
        time-ordered id (`changelog.sequential_id_sql`: the batch's offset plus the row's place
        in it), and the bookkeeping columns (literals: the same for every row).
        """
        pos = {name: i for i, name in enumerate(names)}
        stage = f"value ->> {pos['adoption_stage']}"
        today = _sql_text(today_vn().isoformat())
        columns = {name: f"value ->> {i}" for i, name in enumerate(names)}
        for level, name in enumerate(("aware_on", "installed_on", "account_on"), start=1):
            reached = ", ".join(_sql_text(code) for code in ADOPTION_ORDER[level:])
            given = f"value ->> {pos[name]}"  # the file's date for the stage, when it had one
            columns[name] = f"CASE WHEN {stage} IN ({reached}) THEN coalesce({given}, {today}) END"
        columns["consent_at"] = f"CASE WHEN value ->> {pos['consent_given']} THEN {_sql_text(self.now_db)} END"
        id_expr, id_params = sequential_id_sql("? + key")
        book = {"id": id_expr, "version": "1", "created_at": _sql_text(self.now_db),
                "created_by": _sql_text(self.actor), "updated_at": _sql_text(self.now_db),
                "updated_by": _sql_text(self.actor), "deleted_at": "NULL", "sync_state": "'queued'"}
        sql = (f"INSERT INTO resident ({', '.join((*names, *book))}) "
               f"SELECT {', '.join((*columns.values(), *book.values()))} FROM jsonb_each(?) ORDER BY key")
        return sql, id_params

    def add(self, content: tuple) -> None:
        """One checked row: its content fields in `field_names(Resident)` order, JSON-ready."""
        if self.conn is None:
            self._start()
        self.rows.append(content)
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        batch = json.dumps(self.rows, ensure_ascii=False, separators=(",", ":"))
        count, self.rows = len(self.rows), []
        self._wait_batch()  # the previous batch is written: the connection is free again
        offset, self.total = self.total, self.total + count
        if self._batch_thread is None:
            self._batch_thread = threading.Thread(target=self._batch_loop, name="import-batch-writer", daemon=True)
            self._batch_thread.start()
        self._in_flight = True
        self._batches.put((batch, offset))
        if self.control is not None and self.control.cancelled:
            raise ImportCancelled()

    def _batch_loop(self) -> None:
        while (job := self._batches.get()) is not None:
            try:
                self._write_batch(*job)
            except BaseException as exc:
                self._written.put(exc)
            else:
                self._written.put(None)

    def _write_batch(self, batch: str, offset: int) -> None:
        """The residents of one batch, then their change-log rows and search-index rows (batch thread)."""
        cursor = self.raw.cursor()
        try:
            cursor.execute(self.resident_sql, (*self.id_params, offset, batch))
            first, self.last_rowid = self.last_rowid, cursor.execute("SELECT max(rowid) FROM resident").fetchone()[0]
            offset = cursor.execute(LAST_SEQ_SQL).fetchone()[0] - first  # numbered after the last change
            for sql, params in self.log_sql:
                cursor.execute(sql, (offset, *params, first, self.last_rowid))
            for sql in self.index_sql:
                cursor.execute(sql, (first, self.last_rowid))
        finally:
            cursor.close()

    def _wait_batch(self) -> None:
        if self._in_flight:
            self._in_flight = False
            error = self._written.get()
            if error is not None:
                raise error

    def _stop_batch_thread(self) -> None:
        thread, self._batch_thread = self._batch_thread, None
        if thread is not None:
            self._batches.put(None)
            thread.join()

    def finish(self) -> int:
        """Write what is left and put the search-index trigger back; the count of residents written."""
        if self.conn is None:
            return 0
        self._flush()
        self._wait_batch()
        self.resume_row_indexing()
        for sql in self.deferred:
            self.conn.exec_driver_sql(sql)
        self.deferred = []
        return self.total

    def close(self, failed: bool = False) -> None:
        """Wait for the batch thread, then back to the connection's own page cache and the GIL's
        own switch interval (the caller ends the transaction).

        `failed`: leaving on an error, a cancel or a refused file; a batch being written is
        interrupted and its outcome ignored (the transaction is rolled back).
        """
        if self.conn is None:
            return
        try:
            if failed:
                if self._in_flight:
                    self.raw.interrupt()
                try:
                    self._wait_batch()
                except Exception:
                    pass
            else:
                self._wait_batch()
            self._stop_batch_thread()
            self.conn.exec_driver_sql(f"PRAGMA cache_size = {int(self.old_cache)}")
        finally:
            self._stop_batch_thread()
            sys.setswitchinterval(self._old_switch)


def store_rows(ctx: AppContext, rows: list[tuple] | list[dict], control=None, batch: int = BATCH) -> int:
    """Insert checked rows in one transaction (bulk): `content_row` tuples in `field_names(Resident)`
    order with the adoption stage set, or `validate()` dicts with "adoption_stage" set (as tests build them)."""
    names = field_names(Resident)
    with ctx.write(background_checkpoint=True) as s:
        writer = BulkWriter(ctx, s, control, batch, expected_rows=len(rows))
        try:
            for row in rows:
                writer.add(content_row(row, names) if isinstance(row, dict) else row)
            total = writer.finish()
        except BaseException:
            writer.close(failed=True)
            raise
        writer.close()
        audit.append(s, ctx, "create", "resident", "", {"imported": total})  # counts only, no values
    return total
