"""Opening the encrypted store of a data folder: key, engines, migrations, sessions."""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop.data_folder import DataFolder
from desktop.store import changelog, keys, migrate, touched
from desktop.store.engine import AUTOCHECKPOINT_OFF, create_store_engine
from desktop.store.errors import DatabaseBusy, DatabaseMissing, MissingKey

# The writer's page cache while syncing (Store.roomy_writer), MiB; pages are taken as they are read.
SYNC_CACHE_MIB = 64

log = logging.getLogger(__name__)


class StoreSession(Session):
    """Session class whose flushes write the change log."""


changelog.install(StoreSession)
touched.install(StoreSession)


class _Gate:
    """Counts the sessions open on a store, and lets one thread have it alone (`alone()`).

    While a thread has it alone, other threads' new sessions wait; a thread already inside a session
    goes on (re-entrant), so nested reads never deadlock."""

    def __init__(self):
        self._cond = threading.Condition()
        self._active = 0
        self._owner: int | None = None
        self._local = threading.local()

    @contextmanager
    def held(self) -> Iterator[None]:
        depth = getattr(self._local, "depth", 0)
        me = threading.get_ident()
        counted = depth == 0 and self._owner != me
        if counted:
            with self._cond:
                while self._owner is not None and self._owner != me:
                    self._cond.wait()
                self._active += 1
        self._local.depth = depth + 1
        try:
            yield
        finally:
            self._local.depth = depth
            if counted:
                with self._cond:
                    self._active -= 1
                    self._cond.notify_all()

    @contextmanager
    def alone(self, timeout: float) -> Iterator[None]:
        """Wait (up to `timeout` seconds) until no other session is open; new ones wait until the block ends."""
        if getattr(self._local, "depth", 0):
            raise RuntimeError("a thread inside a session cannot have the store alone")
        me = threading.get_ident()
        with self._cond:
            if not self._cond.wait_for(lambda: self._owner is None, timeout):
                raise TimeoutError
            self._owner = me
            if not self._cond.wait_for(lambda: self._active == 0, timeout):
                self._owner = None
                self._cond.notify_all()
                raise TimeoutError
        try:
            yield
        finally:
            with self._cond:
                self._owner = None
                self._cond.notify_all()


class Store:
    """The encrypted database of one data folder.

    `read()` gives a session for queries (any thread); `write()` a session that commits
    on success and rolls back on error, on the single writer connection. `closed_for()`
    has the store alone with every connection closed (a restore replaces its files), then
    opens it again.
    """

    _checkpointer: threading.Thread | None = None

    def __init__(self, folder: DataFolder, reader: Engine, writer: Engine):
        self.folder = folder
        self._gate = _Gate()
        self._use(reader, writer)

    def _use(self, reader: Engine, writer: Engine) -> None:
        self.reader = reader
        self.writer = writer
        self._read_factory = sessionmaker(reader, class_=StoreSession, expire_on_commit=False)
        self._write_factory = sessionmaker(writer, class_=StoreSession, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._gate.held():
            session = self._read_factory()
            try:
                yield session
            finally:
                session.close()  # ends the read transaction; loaded objects stay readable

    @contextmanager
    def closed_for(self, timeout: float = 60.0) -> Iterator[None]:
        """Every other thread's work on the store finished (new work waits), every connection closed;
        afterwards the store opens again on whatever database is then in place. A database that is
        missing then is never made anew (an empty app): DatabaseMissing."""
        try:
            alone = self._gate.alone(timeout)
            alone.__enter__()
        except TimeoutError:
            raise DatabaseBusy(self.folder.database) from None
        try:
            self.close()
            try:
                yield
            finally:
                if not self.folder.database.exists():
                    raise DatabaseMissing(self.folder.database)
                self._use(*_engines(self.folder))
        finally:
            alone.__exit__(None, None, None)

    @contextmanager
    def write(self, actor: str = "", *, background_checkpoint: bool = False, **info) -> Iterator[Session]:
        """`background_checkpoint`: a bulk write (an import: a WAL of ~200 MB). Its commit does not
        also copy the WAL into the database file (about half a second per 100,000 residents);
        a background thread does that afterwards. The commit is as durable either way."""
        with self._gate.held():
            committed = yield from self._write_session(actor, background_checkpoint, info)
        if background_checkpoint and committed:
            self.checkpoint_in_background()

    def _write_session(self, actor: str, background_checkpoint: bool, info: dict):
        session = self._write_factory(info={"actor": actor, **info})
        committed = False
        try:
            if background_checkpoint:
                connection = session.connection()
                connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
                connection.info[AUTOCHECKPOINT_OFF] = True  # back on when the pool takes it back (engine.py)
            yield session
            session.commit()
            committed = True
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        return committed

    def checkpoint_in_background(self) -> None:
        """Copy the WAL into the database file on a helper thread (readers and writers go on meanwhile)."""
        self.wait_for_checkpoint()
        job = threading.Thread(target=self._checkpoint, name="store-checkpoint", daemon=True)
        self._checkpointer = job
        job.start()

    def _checkpoint(self) -> None:
        try:
            conn = self.reader.raw_connection()  # autocommit: a checkpoint cannot run inside a transaction
            try:
                cursor = conn.cursor()
                busy, wal_pages, copied = cursor.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                cursor.close()
                log.debug("checkpoint: %s of %s WAL pages copied (busy=%s)", copied, wal_pages, busy)
            finally:
                conn.close()
        except Exception:
            log.warning("background checkpoint failed", exc_info=True)

    def wait_for_checkpoint(self) -> None:
        job = self._checkpointer
        if job is not None:
            job.join()
            self._checkpointer = None

    @contextmanager
    def roomy_writer(self, mib: int = SYNC_CACHE_MIB) -> Iterator[None]:
        """The writer's page cache at `mib` MiB while a long run of write transactions lasts (a sync of 100,000
        changes reads and rewrites change-log rows, their record-id index and the records' id index: with
        the default 8 MB most of those pages are decrypted again on every batch), then back as it was."""
        with self._gate.held():
            with self.writer.connect() as conn:
                before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
                conn.exec_driver_sql(f"PRAGMA cache_size = {-int(mib) * 1024}")
        try:
            yield
        finally:
            with self._gate.held():
                with self.writer.connect() as conn:
                    conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")

    def close(self) -> None:
        self.wait_for_checkpoint()
        self.reader.dispose()
        self.writer.dispose()


def database_key(folder: DataFolder) -> str:
    """The folder's key from the keyring; made and stored on first run (never on disk)."""
    name = keys.db_key_name(folder.key_id)
    key = keys.get_secret(name)
    if key:
        return key
    if folder.database.exists() and folder.database.stat().st_size > 0:
        raise MissingKey(str(folder.database))
    key = keys.new_database_key()
    keys.set_secret(name, key)
    log.info("new database key stored in the keyring")
    return key


def _engines(folder: DataFolder) -> tuple[Engine, Engine]:
    """(reader, writer) on the folder's database, migrated to this version."""
    key = database_key(folder)
    writer = create_store_engine(folder.database, key, writer=True)
    try:
        migrate.upgrade(writer, str(folder.database))
    except Exception:
        writer.dispose()
        raise
    return create_store_engine(folder.database, key), writer


def open_store(folder: DataFolder) -> Store:
    folder.ensure()
    return Store(folder, *_engines(folder))
