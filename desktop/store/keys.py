"""The database key, generated on first run and kept in the OS keyring.

One keyring entry per data folder: service "tocds-desktop", user "db-key:<folder id>". On Windows the
entries persist on this machine only (not roaming with the profile).
With no usable keyring backend we stop with a clear message: never a plain-text key.
"""

from __future__ import annotations

import logging
import secrets

from desktop.store.errors import KeyringUnavailable

log = logging.getLogger(__name__)

SERVICE = "tocds-desktop"


def _keyring():
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:  # a PYTHON_KEYRING_BACKEND naming a module that is not importable
        raise KeyringUnavailable(repr(exc)) from exc
    if isinstance(backend, fail.Keyring):
        raise KeyringUnavailable("fail.Keyring")
    _per_machine(backend)
    return keyring


def _per_machine(backend) -> None:
    """Windows Credential Manager: keep secrets on this machine ("local machine"), never roaming with the
    profile (a roaming profile would carry one laptop's sync token to another, and one token is one laptop)."""
    if hasattr(type(backend), "persist"):
        try:
            backend.persist = "local machine"
        except (AttributeError, ValueError):
            log.warning("the keyring's persistence could not be set to this machine")


def get_secret(name: str) -> str | None:
    kr = _keyring()
    try:
        return kr.get_password(SERVICE, name)
    except Exception as exc:
        raise KeyringUnavailable(repr(exc)) from exc


def set_secret(name: str, value: str) -> None:
    kr = _keyring()
    try:
        kr.set_password(SERVICE, name, value)
    except Exception as exc:
        raise KeyringUnavailable(repr(exc)) from exc


def delete_secret(name: str) -> None:
    kr = _keyring()
    try:
        kr.delete_password(SERVICE, name)
    except Exception:
        log.info("no keyring entry to delete")


def db_key_name(folder_id: str) -> str:
    return f"db-key:{folder_id}"


def new_database_key() -> str:
    """64 hex digits: SQLCipher takes it as a raw 256-bit key (x'...')."""
    return secrets.token_hex(32)
