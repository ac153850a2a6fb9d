"""The import dialog shows every value the import changed or left out (warnings), and a bad workbook
in the preview is a message naming the cell, never a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.gui.residents.page import ResidentsPage
from tests.gui.helpers import show_active
from tests.support.crafted_xlsx import one_cell


def test_warnings_are_rows_of_the_check(qtbot, gui_ctx, tmp_path):
    path = tmp_path / "dirty.csv"
    path.write_bytes("Họ và tên,Ghi chú,Địa chỉ\nNguyễn Văn An,a\x1bb,".encode() + b"x" * 301 + b"\n")
    dialog = show_active(qtbot, ResidentsPage(gui_ctx)).open_import()
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.load_file(str(path))
    with qtbot.waitSignal(dialog.checked, timeout=10000) as sig:
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].warnings_total == 2
    shown = [(dialog.problems.item(i, 1).text(), dialog.problems.item(i, 2).text()) for i in range(dialog.problems.rowCount())]
    assert ("Cảnh báo: Ghi chú", "Đã bỏ ký tự điều khiển (mã 1B) khỏi giá trị.") in shown
    assert any(f == "Cảnh báo: Địa chỉ" and "chỉ giữ 300" in r for f, r in shown)
    assert "2 cảnh báo" in dialog.summary.text()


def test_a_hostile_workbook_in_the_preview_is_a_message(qtbot, gui_ctx, tmp_path):
    path = one_cell(tmp_path / "bad.xlsx", '<c r="ZZZZZZ2"><v>1</v></c>')
    dialog = show_active(qtbot, ResidentsPage(gui_ctx)).open_import()
    with qtbot.waitSignal(dialog.failed, timeout=5000) as sig:
        dialog.load_file(str(path))
    assert "ô ZZZZZZ2" in sig.args[0] and "XFD" in sig.args[0]
