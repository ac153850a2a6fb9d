"""The device's secrets, kept in the OS keyring per data folder (never on disk in plain text).

- the device token the server gave at enrolment;
- the device key this laptop made for itself, sent with an enrolment code: the same code with the
  same key again gets this device's credentials again, so a lost answer is recovered by retrying;
- the enrolment code sent but not yet confirmed (the answer did not arrive): offered again, by the
  sync page and by every sync run, until the server's answer confirms the enrolment.
"""

from __future__ import annotations

import secrets

from desktop.data_folder import DataFolder
from desktop.store import keys


def _name(folder: DataFolder) -> str:
    return f"sync-token:{folder.key_id}"


def load_token(folder: DataFolder) -> str | None:
    return keys.get_secret(_name(folder))


def save_token(folder: DataFolder, token: str) -> None:
    keys.set_secret(_name(folder), token)



def device_key(folder: DataFolder) -> str:
    """This data folder's device key (made and kept on first use)."""
    name = f"sync-device-key:{folder.key_id}"
    key = keys.get_secret(name)
    if not key:
        key = secrets.token_urlsafe(32)
        keys.set_secret(name, key)
    return key


def _pending_name(folder: DataFolder) -> str:
    return f"sync-enrol-code:{folder.key_id}"


def pending_code(folder: DataFolder) -> str | None:
    """An enrolment code sent whose answer has not arrived yet."""
    return keys.get_secret(_pending_name(folder)) or None


def keep_pending_code(folder: DataFolder, code: str) -> None:
    keys.set_secret(_pending_name(folder), code)


def forget_pending_code(folder: DataFolder) -> None:
    keys.delete_secret(_pending_name(folder))
