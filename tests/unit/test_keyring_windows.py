"""Secrets stay on this machine and fit Windows' vault (#23 item 10)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop.services.people import backup
from desktop.store import keys


class Persistence:
    """Like keyring.backends.Windows.Persistence: a descriptor that takes a name ('local machine')."""

    NAMES = {"session": 1, "local machine": 2, "enterprise": 3}

    def __get__(self, backend, owner=None):
        return getattr(backend, "_persist", 3)  # CRED_PERSIST_ENTERPRISE: roams with the profile

    def __set__(self, backend, value):
        backend._persist = self.NAMES[value] if isinstance(value, str) else value


class VaultLike(KeyringBackend):
    """A backend shaped as WinVaultKeyring is (a `persist` descriptor), remembering how each secret persists."""

    priority = 1
    persist = Persistence()

    def __init__(self):
        super().__init__()
        self.stored: dict = {}

    def set_password(self, service, username, password):
        self.stored[(service, username)] = (password, self.persist)

    def get_password(self, service, username):
        entry = self.stored.get((service, username))
        return entry[0] if entry else None

    def delete_password(self, service, username):
        self.stored.pop((service, username), None)


def test_secrets_persist_on_this_machine_only():
    vault, previous = VaultLike(), keyring.get_keyring()
    keyring.set_keyring(vault)
    try:
        keys.set_secret("db-key:abc", "00" * 32)
    finally:
        keyring.set_keyring(previous)
    assert vault.stored[(keys.SERVICE, "db-key:abc")] == ("00" * 32, 2)  # CRED_PERSIST_LOCAL_MACHINE


def test_the_backup_passphrase_is_capped():
    backup.check_passphrase("x" * backup.MAX_PASSPHRASE)
    with pytest.raises(backup.BackupError, match="tối đa 256 ký tự"):
        backup.check_passphrase("x" * (backup.MAX_PASSPHRASE + 1))
    assert len(("ữ" * backup.MAX_PASSPHRASE).encode("utf-16-le")) <= 2560  # what Credential Manager holds
