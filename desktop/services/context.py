"""The application context passed explicitly to every service (no globals)."""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desktop.data_folder import DataFolder
from desktop.logging_setup import setup_logging
from desktop.settings import Settings
from desktop.store.database import Store, open_store

if TYPE_CHECKING:
    from desktop.services.people.operators import SignedIn

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    folder: DataFolder
    settings: Settings
    store: Store
    # Who is making changes now (the volunteer on duty, later the signed-in operator);
    # stamped on every record as created_by / updated_by.
    actor: str = ""
    # The operator signed in on this context (None: nobody; the app's sign-in and the CLI's set it).
    operator: SignedIn | None = None

    _joined: threading.local = field(default_factory=threading.local, repr=False, compare=False)

    def read(self):
        session = getattr(self._joined, "session", None)
        return nullcontext(session) if session is not None else self.store.read()

    def write(self, **info):
        session = getattr(self._joined, "session", None)
        return nullcontext(session) if session is not None else self.store.write(actor=self.actor, **info)

    @contextmanager
    def one_transaction(self):
        """All or nothing: every read and write this thread makes through the context inside the block
        (services called in turn included) is one write transaction, committed at the end of the block
        or rolled back when it fails or is killed."""
        if getattr(self._joined, "session", None) is not None:
            yield self._joined.session
            return
        with self.store.write(actor=self.actor) as session:
            self._joined.session = session
            try:
                yield session
            finally:
                self._joined.session = None

    def acting_as(self, actor: str, operator: SignedIn | None = None) -> AppContext:
        """The same data folder and store, with another actor for the audit trail and the records:
        nobody (a failed sign-in), the system (an unattended scheduled sync)."""
        return replace(self, actor=actor, operator=operator)

    def close(self) -> None:
        self.store.close()


def open_context(data_dir: str | None = None, *, actor: str = "") -> AppContext:
    """Resolve the data folder, start logging there, open (and migrate) the store."""
    folder = DataFolder.resolve(data_dir).ensure()
    setup_logging(folder.logs)
    if any(folder.root.glob(".restore-*")) or any(folder.root.glob(".backup-*")):
        from desktop.services.people.restore import recover_folder  # a restore or backup was killed here

        recover_folder(folder)
    if (folder.root / "pending-erasure.json").exists():
        from desktop.services.people.privacy import retry_pending_files  # files an erasure could not delete

        retry_pending_files(folder.root)
    settings = Settings(folder.settings_file)
    store = open_store(folder)
    log.info("data folder opened")
    return AppContext(folder=folder, settings=settings, store=store, actor=actor)
