"""Choosing files: Qt's own file dialog (not the system's) with every label in the app's language.

The system dialog speaks the language of the system (an English Windows says "Look in", "File
name", "Save" to a Vietnamese volunteer); Qt's dialog takes our labels and our translator. Its
size and date columns Qt writes in the system's locale ("3 KB", "0 bytes", 12/2/26 on an English
Windows): they come from the app's one formatter instead (2,9 kB, 02/12/2026 11:17).
"""

from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView, QWidget

from desktop.core import formatting
from desktop.gui.i18n import tr
from desktop.gui.layouts import resize_within_screen


SIZE_COLUMN, DATE_COLUMN = 1, 3  # QFileSystemModel's columns: name, size, type, date modified


class _AppFormats(QIdentityProxyModel):
    """The file system model with sizes and dates in the app's formats."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.column() in (SIZE_COLUMN, DATE_COLUMN):
            info = self.sourceModel().fileInfo(self.mapToSource(index))
            if index.column() == SIZE_COLUMN:
                return "" if info.isDir() else formatting.file_size(info.size())
            return formatting.format_time(info.lastModified().toPython())
        return super().data(index, role)


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
    dialog.setProxyModel(_AppFormats(dialog))
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:  # names take the room left; size, type and date as wide as their texts
        header = details.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    resize_within_screen(dialog, 900, 540)  # Qt's default 620 px cuts the size and date columns
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
