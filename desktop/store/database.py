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
from desktop.store.errors import MissingKey

log = logging.getLogger(__name__)


class StoreSession(Session):
    """Session class whose flushes write the change log."""


changelog.install(StoreSession)
touched.install(StoreSession)


class Store:
    """The encrypted database of one data folder.

    `read()` gives a session for queries (any thread); `write()` a session that commits
    on success and rolls back on error, on the single writer connection.
    """

    _checkpointer: threading.Thread | None = None

    def __init__(self, folder: DataFolder, reader: Engine, writer: Engine):
        self.folder = folder
        self.reader = reader
        self.writer = writer
        self._read_factory = sessionmaker(reader, class_=StoreSession, expire_on_commit=False)
        self._write_factory = sessionmaker(writer, class_=StoreSession, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._read_factory()
        try:
            yield session
        finally:
            session.close()  # ends the read transaction; loaded objects stay readable

    @contextmanager
    def write(self, actor: str = "", *, background_checkpoint: bool = False, **info) -> Iterator[Session]:
        """`background_checkpoint`: a bulk write (an import: a WAL of ~200 MB). Its commit does not
        also copy the WAL into the database file (about half a second per 100,000 residents);
        a background thread does that afterwards. The commit is as durable either way."""
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
        if background_checkpoint and committed:
            self.checkpoint_in_background()

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


def open_store(folder: DataFolder) -> Store:
    folder.ensure()
    key = database_key(folder)
    writer = create_store_engine(folder.database, key, writer=True)
    try:
        migrate.upgrade(writer, str(folder.database))
    except Exception:
        writer.dispose()
        raise
    reader = create_store_engine(folder.database, key)
    return Store(folder, reader, writer)
