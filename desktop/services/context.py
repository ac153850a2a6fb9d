"""The application context passed explicitly to every service (no globals)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from desktop.data_folder import DataFolder
from desktop.logging_setup import setup_logging
from desktop.settings import Settings
from desktop.store.database import Store, open_store

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    folder: DataFolder
    settings: Settings
    store: Store
    # Who is making changes now (the volunteer on duty, later the signed-in operator);
    # stamped on every record as created_by / updated_by.
    actor: str = ""
    extras: dict = field(default_factory=dict)

    def read(self):
        return self.store.read()

    def write(self, **info):
        return self.store.write(actor=self.actor, **info)

    def close(self) -> None:
        self.store.close()


def open_context(data_dir: str | None = None, *, actor: str = "") -> AppContext:
    """Resolve the data folder, start logging there, open (and migrate) the store."""
    folder = DataFolder.resolve(data_dir).ensure()
    setup_logging(folder.logs)
    settings = Settings(folder.settings_file)
    store = open_store(folder)
    log.info("data folder opened")
    return AppContext(folder=folder, settings=settings, store=store, actor=actor)
