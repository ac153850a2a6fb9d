"""Qt's own texts in Vietnamese: standard buttons, the error dialog's details button, the file dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton, QTreeView

from desktop.core import i18n as core_i18n
from desktop.gui import file_dialogs
from desktop.gui.i18n import install_language

ENGLISH = {"OK", "Cancel", "Save", "Open", "Look in:", "File name:", "Files of type:", "Show Details...",
           "&Save", "&Open", "Back", "Forward", "Name", "Size", "Type", "Date Modified"}


@pytest.fixture
def vietnamese(qapp):
    install_language("vi")
    yield
    install_language("vi")
    core_i18n.set_language(None)


def _texts(widget) -> set[str]:
    widgets = widget.findChildren(QLabel) + widget.findChildren(QPushButton)
    return {w.text().replace("&", "") for w in widgets if w.text()}


def test_standard_buttons_are_vietnamese(qtbot, vietnamese):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"Đồng ý", "Hủy"}


def test_error_dialog_details_button_is_vietnamese(qtbot, vietnamese):
    box = QMessageBox(QMessageBox.Icon.Critical, "Lỗi", "Đã có lỗi")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setDetailedText("Traceback …")
    qtbot.addWidget(box)
    texts = _texts(box)
    assert "Xem chi tiết…" in texts and "Đồng ý" in texts
    assert not texts & ENGLISH


def test_save_dialog_is_vietnamese(qtbot, vietnamese, tmp_path):
    dialog = file_dialogs._dialog(None, "Lưu báo cáo", str(tmp_path / "bao-cao.pdf"), "Tài liệu PDF (*.pdf)", saving=True)
    qtbot.addWidget(dialog)
    texts = _texts(dialog)
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Lưu", "Hủy"} <= texts
    assert not texts & ENGLISH, texts & ENGLISH
    headers = dialog.findChild(QLabel, "lookInLabel")
    assert headers is not None and headers.text() == "Tìm trong:"
    view = dialog.findChild(QTreeView, "treeView")
    columns = {view.model().headerData(i, Qt.Orientation.Horizontal)
               for i in range(view.model().columnCount())}
    assert {"Tên", "Dung lượng"} <= columns, columns
