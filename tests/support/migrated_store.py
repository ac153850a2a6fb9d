"""A fresh data folder whose database is already at the newest schema, for the tests that need a
store but are not about making one.

Opening a new folder runs every migration (0.2–0.4 s); about a thousand tests open one. Each test
process migrates one database once, and every such test gets a copy of its file, with the copy's
key in the keyring under the new folder's own name, exactly as a first run would have left it. The
migrations themselves stay tested where a test opens a folder of its own (`open_context` on an empty
`data_dir`, tests/unit/test_migration_history.py) and in every test process's first open here.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

_migrated: tuple[Path, str] | None = None


def _migrated_database() -> tuple[Path, str]:
    """(database file, its key): made on first use in this process."""
    global _migrated
    if _migrated is None:
        from desktop.data_folder import DataFolder
        from desktop.store.database import database_key, open_store

        scratch = Path(tempfile.mkdtemp(prefix="tocds-migrated-"))
        atexit.register(shutil.rmtree, scratch, True)
        folder = DataFolder.resolve(scratch / "data")
        open_store(folder).close()
        _migrated = (folder.database, database_key(folder))
    return _migrated


def seed_folder(root: str | Path) -> None:
    """Put a copy of the migrated database into the new data folder `root` (it must hold none yet)."""
    from desktop.data_folder import DataFolder
    from desktop.store import keys

    database, key = _migrated_database()
    folder = DataFolder.resolve(root).ensure()
    if folder.database.exists():
        raise FileExistsError(folder.database)
    for suffix in ("", "-wal"):  # a closed store leaves no WAL; copied if it ever does
        source = Path(f"{database}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{folder.database}{suffix}")
    keys.set_secret(keys.db_key_name(folder.key_id), key)
