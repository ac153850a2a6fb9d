"""The device token, kept in the OS keyring per data folder (never on disk in plain text)."""

from __future__ import annotations

from desktop.data_folder import DataFolder
from desktop.store import keys


def _name(folder: DataFolder) -> str:
    return f"sync-token:{folder.key_id}"


def load_token(folder: DataFolder) -> str | None:
    return keys.get_secret(_name(folder))


def save_token(folder: DataFolder, token: str) -> None:
    keys.set_secret(_name(folder), token)


def forget_token(folder: DataFolder) -> None:
    keys.delete_secret(_name(folder))
