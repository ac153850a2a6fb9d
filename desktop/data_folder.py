"""The one folder that holds everything the app writes for one installation.

Default: the user's data directory from platformdirs. `--data-dir DIR` beats
`TOCDS_DATA_DIR`, which beats the default. Two data folders never see each other:
the database, its keyring entry, attachments, backups, logs and settings are all
derived from the folder's path.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "tocds-desktop"
ENV_VAR = "TOCDS_DATA_DIR"


@dataclass(frozen=True)
class DataFolder:
    root: Path

    @classmethod
    def resolve(cls, cli_value: str | os.PathLike | None = None) -> "DataFolder":
        raw = cli_value or os.environ.get(ENV_VAR) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
        return cls(Path(raw).expanduser().resolve())

    def ensure(self) -> "DataFolder":
        """Make the folder and its parts; a folder on a network drive is refused (NetworkDataFolder)."""
        from desktop.network_drive import network_kind

        kind = network_kind(self.root)
        if kind:
            from desktop.store.errors import NetworkDataFolder

            raise NetworkDataFolder(self.root, kind)
        for sub in (self.root, self.attachments, self.backups, self.logs):
            sub.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def database(self) -> Path:
        return self.root / "tocds.db"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def key_id(self) -> str:
        """Stable identifier of this folder, used to name its keyring entries."""
        return hashlib.sha256(str(self.root).encode("utf-8")).hexdigest()[:20]
