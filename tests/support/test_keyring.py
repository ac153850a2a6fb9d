"""Keyring backends for tests only (never shipped).

`MemoryKeyring` keeps secrets in the process. `FileKeyring` keeps them in the JSON file
named by TOCDS_TEST_KEYRING_FILE so CLI subprocesses of one test share them; it lives
in the test's temporary folder and exists only because a headless CI has no secret service.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1
    _store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self._store.get((service, username))

    def set_password(self, service, username, password):
        self._store[(service, username)] = password

    def delete_password(self, service, username):
        if self._store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class FileKeyring(KeyringBackend):
    priority = 1

    @property
    def _path(self) -> Path:
        return Path(os.environ["TOCDS_TEST_KEYRING_FILE"])

    def _load(self) -> dict:
        try:
            return json.loads(self._path.read_text())
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}\x00{username}"] = password
        self._path.write_text(json.dumps(data))

    def delete_password(self, service, username):
        data = self._load()
        if data.pop(f"{service}\x00{username}", None) is None:
            raise PasswordDeleteError(username)
        self._path.write_text(json.dumps(data))
