"""People, roles and privacy in the GUI: sign-in, idle lock, operators, audit viewer, backups."""

from __future__ import annotations


from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


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
