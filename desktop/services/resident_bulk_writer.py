"""Writing checked residents in bulk: rows, change-log inserts and search-index rows, batched.

The writing half of the resident import (`resident_import` checks the rows): one
transaction, values bound as the ORM binds them, the change log and the search index
filled set-based on a helper thread while the caller checks the next rows.
"""

from __future__ import annotations

import threading
from datetime import timezone

from desktop.core.period import today_vn
from desktop.core.vocab import ADOPTION_ORDER
from desktop.services import audit
from desktop.services.context import AppContext
from desktop.services.resident_search import index_insert_sql
from desktop.store.base import utcnow
from desktop.store.changelog import BulkInsertLog, sequential_ids
from desktop.store.models import Resident
from desktop.store.records import field_names, to_plain


class ImportCancelled(Exception):
    """The operator cancelled; nothing was stored."""


# SQLite page cache during the bulk insert (KiB): new ids are time-ordered (changelog.sequential_ids),
# so inserts land side by side in the id indexes and a modest cache holds the pages being filled.
BULK_CACHE_KIB = 32768
BATCH = 5000
_PLAIN_TYPES = frozenset((str, int, bool, float))


def _sql_text(value: str) -> str:
    """A string as an SQL literal."""
    return "'" + str(value).replace("'", "''") + "'"


def content_row(cols: dict, names: list[str]) -> tuple:
    """A checked row as its content fields in `names` order, JSON-ready (dates as ISO text)."""
    return tuple([v if v is None or v.__class__ in _PLAIN_TYPES else to_plain(v) for v in map(cols.get, names)])


class BulkWriter:
    """Residents, their change-log inserts and their search-index rows, in batches, in the caller's transaction.

    Values are bound exactly as the ORM would (SQLAlchemy's types): dates as ISO text,
    aware datetimes as UTC ISO text with microseconds, booleans as 0/1. After each batch
    of residents, two set-based statements that need no Python per row run on a helper
    thread (SQLite releases the GIL) while this thread checks the next rows: the
    change-log rows the ORM hook would write (`changelog.BulkInsertLog.from_table_sql`)
    and the search-index rows. The index's per-row insert trigger is dropped for the
    transaction and made again from its own stored SQL before the commit (a rollback
    restores it too). Only one statement runs on the connection at a time.
    """

    def __init__(self, ctx: AppContext, session, control=None, batch: int = BATCH):  # noqa: ANN001
        self.ctx, self.session, self.control, self.batch = ctx, session, control, batch
        self.conn = None
        self.rows: list[tuple] = []
        self.total = 0
        self._index_job: threading.Thread | None = None
        self._index_error: BaseException | None = None

    def _start(self) -> None:
        conn = self.conn = self.session.connection()
        names = self.names = field_names(Resident)
        now = utcnow()
        self.actor = self.ctx.actor
        self.now_db = now.astimezone(timezone.utc).isoformat(timespec="microseconds")
        self.next_id = sequential_ids()
        self.log_sql, self.log_params = BulkInsertLog(Resident, self.actor, self.now_db).from_table_sql(
            "rowid > ? AND rowid <= ?")
        pos = {name: i for i, name in enumerate(names)}
        self.i_stage, self.i_consent, self.i_consent_at = pos["adoption_stage"], pos["consent_given"], pos["consent_at"]
        self.i_stamps = (pos["aware_on"], pos["installed_on"], pos["account_on"])
        today = today_vn().isoformat()
        self.stamps = {code: tuple(today if i >= level else None for level in (1, 2, 3))
                       for i, code in enumerate(ADOPTION_ORDER)}
        # the bookkeeping values are the same for every row: SQL literals, not bound again per row
        book = {"version": "1", "created_at": _sql_text(self.now_db), "created_by": _sql_text(self.actor),
                "updated_at": _sql_text(self.now_db), "updated_by": _sql_text(self.actor), "deleted_at": "NULL",
                "sync_state": "'queued'"}
        self.resident_sql = (f"INSERT INTO resident ({', '.join((*names, 'id', *book))}) "
                             f"VALUES ({', '.join('?' for _ in range(len(names) + 1))}, {', '.join(book.values())})")
        self.index_sql = index_insert_sql("rowid > ? AND rowid <= ?")
        self.raw = conn.connection.dbapi_connection
        self.old_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        self.trigger_sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'resident_fts_insert'").scalar()
        if self.trigger_sql:
            conn.exec_driver_sql("DROP TRIGGER resident_fts_insert")
        self.last_rowid = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM resident").scalar()

    def add(self, content: tuple) -> None:
        if self.conn is None:
            self._start()
        rec = list(content)
        i_aware, i_installed, i_account = self.i_stamps
        rec[i_aware], rec[i_installed], rec[i_account] = self.stamps[rec[self.i_stage]]
        rec[self.i_consent_at] = self.now_db if rec[self.i_consent] else None
        rec.append(self.next_id())
        self.rows.append(tuple(rec))
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        conn = self.conn
        self._wait_index()  # the connection is free again (the previous batch's index rows are in)
        conn.exec_driver_sql(self.resident_sql, self.rows)
        self.total += len(self.rows)
        self.rows = []
        first, self.last_rowid = self.last_rowid, conn.exec_driver_sql("SELECT max(rowid) FROM resident").scalar()
        self._index_job = threading.Thread(target=self._index_rows, args=(first, self.last_rowid),
                                           name="import-change-log-and-index", daemon=True)
        self._index_job.start()
        if self.control is not None and self.control.cancelled:
            raise ImportCancelled()

    def _index_rows(self, first: int, last: int) -> None:
        try:
            cursor = self.raw.cursor()
            try:
                cursor.execute(self.log_sql, (*self.log_params, first, last))
                for sql in self.index_sql:
                    cursor.execute(sql, (first, last))
            finally:
                cursor.close()
        except BaseException as exc:  # noqa: BLE001  (raised again in the writing thread)
            self._index_error = exc

    def _wait_index(self) -> None:
        job, self._index_job = self._index_job, None
        if job is not None:
            job.join()
        if self._index_error is not None:
            exc, self._index_error = self._index_error, None
            raise exc

    def finish(self) -> int:
        """Write what is left and put the search-index trigger back; the count of residents written."""
        if self.conn is None:
            return 0
        self._flush()
        self._wait_index()
        if self.trigger_sql:
            self.conn.exec_driver_sql(self.trigger_sql)
            self.trigger_sql = None
        return self.total

    def close(self, failed: bool = False) -> None:
        """Wait for the index thread, then back to the connection's own page cache (the caller ends the transaction).

        `failed`: leaving on an error, a cancel or a refused file; a running index batch is
        interrupted and its outcome ignored (the transaction is rolled back).
        """
        if self.conn is None:
            return
        if failed:
            job = self._index_job
            if job is not None and job.is_alive():
                self.raw.interrupt()
            try:
                self._wait_index()
            except Exception:  # noqa: BLE001, S110
                pass
        else:
            self._wait_index()
        self.conn.exec_driver_sql(f"PRAGMA cache_size = {int(self.old_cache)}")


def store_rows(ctx: AppContext, rows: list[tuple] | list[dict], control=None, batch: int = BATCH) -> int:  # noqa: ANN001
    """Insert checked rows in one transaction (bulk): `content_row` tuples in `field_names(Resident)`
    order with the adoption stage set, or `validate()` dicts with "adoption_stage" set (as tests build them)."""
    names = field_names(Resident)
    with ctx.write() as s:
        writer = BulkWriter(ctx, s, control, batch)
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
