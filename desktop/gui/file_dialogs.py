"""Choosing files: Qt's own file dialog (not the system's) with every label in the app's language.

The system dialog speaks the language of the system (an English Windows says "Look in", "File
name", "Save" to a Vietnamese volunteer); Qt's dialog takes our labels and our translator.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.gui.i18n import tr


def _dialog(parent: QWidget | None, title: str, start: str, filters: str, saving: bool) -> QFileDialog:
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen)
    labels = {
        QFileDialog.DialogLabel.LookIn: tr("Tìm trong:"),
        QFileDialog.DialogLabel.FileName: tr("Tên tệp:"),
        QFileDialog.DialogLabel.FileType: tr("Loại tệp:"),
        QFileDialog.DialogLabel.Accept: tr("Lưu") if saving else tr("Mở"),
        QFileDialog.DialogLabel.Reject: tr("Hủy"),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []


def save_file_name(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> str:
    """The path to save to, or "" when the person cancels (asks before replacing a file)."""
    dialog = _dialog(parent, title, start, filters, saving=True)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def save_file_name_and_filter(parent: QWidget | None, title: str, start: str = "",
                              filters: str = "") -> tuple[str, str]:
    """The path to save to and the file type chosen, or ("", "") when the person cancels."""
    dialog = _dialog(parent, title, start, filters, saving=True)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def open_file_name(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> str:
    """An existing file to open, or ""."""
    dialog = _dialog(parent, title, start, filters, saving=False)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def open_file_names(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> list[str]:
    """Existing files to open (several may be chosen), or []."""
    dialog = _dialog(parent, title, start, filters, saving=False)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)
