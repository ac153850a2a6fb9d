"""Opening the encrypted store of a data folder: key, engines, migrations, sessions."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop.data_folder import DataFolder
from desktop.store import changelog, keys, migrate
from desktop.store.engine import create_store_engine
from desktop.store.errors import MissingKey

log = logging.getLogger(__name__)


class StoreSession(Session):
    """Session class whose flushes write the change log."""


changelog.install(StoreSession)


class Store:
    """The encrypted database of one data folder.

    `read()` gives a session for queries (any thread); `write()` a session that commits
    on success and rolls back on error, on the single writer connection.
    """

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
    def write(self, actor: str = "", **info) -> Iterator[Session]:
        session = self._write_factory(info={"actor": actor, **info})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
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
