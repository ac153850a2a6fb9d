"""People, roles and privacy in the GUI: sign-in, idle lock, operators, audit viewer, backups."""

from __future__ import annotations

from typing import Callable

import shiboken6
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


def alive(widget, fn: Callable) -> Callable:
    """Wrap a background result callback so it is dropped once `widget` is deleted."""

    def run(*args, **kwargs):
        if shiboken6.isValid(widget):
            return fn(*args, **kwargs)
        return None

    return run


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    """A line edit that shows dots (PINs, passwords, passphrases)."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def error_label(parent: QWidget, name: str) -> QLabel:
    """A wrapping label for what is wrong, coloured by the app style sheet (readable in high contrast)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setProperty("role", "error")
    return label
