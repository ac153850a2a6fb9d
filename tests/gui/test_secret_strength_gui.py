"""The operators page refuses a guessable admin PIN with the service's reason (#17 item 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.gui.people.operators_dialog import OperatorsDialog
from tests.gui.helpers import show_active, type_text
from tests.unit.people_helpers import staff


def test_operators_page_refuses_a_weak_admin_pin_and_takes_a_strong_one(qtbot, gui_ctx):
    staff(gui_ctx.app)
    dialog = OperatorsDialog(gui_ctx)
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4)
    type_text(qtbot, dialog.name, "Quản Trị Hai")
    dialog.role.setCurrentIndex(dialog.role.findData("quan_tri"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("pin"))
    for weak, why in (("123456", "liên tiếp"), ("010190", "ngày tháng năm")):
        dialog.secret.clear()
        qtbot.keyClicks(dialog.secret, weak)
        qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda why=why: why in dialog.message.text(), timeout=10000)
    assert dialog.table.rowCount() == 4
    dialog.secret.clear()
    qtbot.keyClicks(dialog.secret, "739164")
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=10000)
