"""Typed, declared settings stored as JSON in the data folder, with versioned upgrades."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type


DECLARED: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("language", "", str),  # "" = from the environment (LANG), else "vi" or "en"
        Setting("window_geometry", "", str),
        Setting("window_state", "", str),
        Setting("window_maximised", False, bool),
        Setting("splitter_residents", "", str),  # QSplitter.saveState() in base64: list | detail
        Setting("splitter_complaints", "", str),  # list | detail
        Setting("last_page", "residents", str),
        Setting("font_scale", 1.0, float),
        Setting("high_contrast", False, bool),  # white on black, yellow focus (also follows the system)
        Setting("sync_server_url", "", str),
        Setting("sync_ca_bundle", "", str),
        Setting("sync_proxy", "", str),  # "" = the system's proxy (Windows' Internet settings, HTTPS_PROXY)
        Setting("idle_lock_minutes", 5, int),
        Setting("backup_keep", 7, int),
    )
}

# version -> function(dict) -> dict, applied in order when an older file is read.
_UPGRADES: dict[int, Any] = {}


class Settings:
    """Read on open, written atomically on every change. Unknown keys are kept."""

    def __init__(self, path: Path):
        self.path = path
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("settings file unreadable, defaults used: %s", self.path)
            return
        version = int(data.pop("_version", 1))
        for v in range(version + 1, SETTINGS_VERSION + 1):
            if v in _UPGRADES:
                data = _UPGRADES[v](data)
        self._values = data

    def get(self, key: str) -> Any:
        declared = DECLARED[key]
        value = self._values.get(key, declared.default)
        try:
            return declared.kind(value)
        except (TypeError, ValueError):
            return declared.default

    def set(self, key: str, value: Any) -> None:
        declared = DECLARED[key]
        self._values[key] = declared.kind(value)
        self._save()

    def update(self, values: dict[str, Any]) -> None:
        """Set several values in one atomic write (all or none reach the file)."""
        for key, value in values.items():
            self._values[key] = DECLARED[key].kind(value)
        self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = dict(self._values, _version=SETTINGS_VERSION)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, self.path)
