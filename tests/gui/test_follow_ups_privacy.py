"""#17 item 6: the "Cần hỗ trợ lại" tab masks phones; a number is revealed one at a time (reveal permission,
audited) or the list is printed for the person on duty with each printed number audited."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop.core.permissions import Role
from desktop.gui.outreach.follow_ups_view import FollowUpsView
from desktop.services.outreach import follow_ups
from desktop.services.people import audit, operators
from desktop.services.setup.demo_data import build_demo_ward
from tests.gui.helpers import show_active
from tests.unit.people_helpers import PINS, as_role, staff


def _view(qtbot, gui_ctx) -> FollowUpsView:
    view = FollowUpsView(gui_ctx)
    view.resize(1200, 600)
    show_active(qtbot, view)
    qtbot.waitUntil(lambda: view.table.rowCount() > 1, timeout=10000)
    return view


def _phones(view) -> list[str]:
    return [view.table.item(r, 2).text() for r in range(view.table.rowCount())]


def test_phones_are_masked_and_revealed_one_at_a_time(qtbot, gui_ctx):
    ids = staff(gui_ctx.app)
    build_demo_ward(gui_ctx.app, 150, seed=11)
    as_role(gui_ctx.app, ids, Role.VOLUNTEER)
    view = _view(qtbot, gui_ctx)
    shown = [p for p in _phones(view) if p]
    assert shown and all("*" in p for p in shown)
    with_phone = [r for r, row in enumerate(view._rows) if row.phone_masked]
    view.table.selectRow(with_phone[0])
    view.reveal_button.click()  # a volunteer has no reveal permission
    qtbot.waitUntil(lambda: "không được phép" in view.message.text(), timeout=10000)
    assert all("*" in p for p in _phones(view) if p)

    operators.sign_in(gui_ctx.app, ids[Role.TEAM_LEAD], PINS[Role.TEAM_LEAD])
    first, second = with_phone[:2]
    for row in (first, second):
        view.table.selectRow(row)
        with qtbot.waitSignal(view.revealed, timeout=10000):
            qtbot.keyClick(view.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    phones = _phones(view)
    assert "*" not in phones[second] and phones[second].startswith("0")
    assert "*" in phones[first]  # the previous number is masked again
    as_role(gui_ctx.app, ids, Role.ADMIN)
    reveals = audit.query(gui_ctx.app, action="reveal")
    assert [e.record_id for e in reveals][:2] == [view._rows[second].resident_id, view._rows[first].resident_id]


def test_printed_call_sheet_has_full_numbers_and_each_is_audited(qtbot, gui_ctx, tmp_path):
    ids = staff(gui_ctx.app)
    build_demo_ward(gui_ctx.app, 150, seed=11)
    as_role(gui_ctx.app, ids, Role.POLICE)
    view = _view(qtbot, gui_ctx)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "goi-lai.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(view.sheet_printed, timeout=20000) as printed:
        view.print_sheet(printer)
    sheet = follow_ups.call_sheet(gui_ctx.app, via="test")
    assert printed.args[0] == len(sheet) > 0
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    full = next(line.phone for line in sheet if line.phone)
    assert "0" + full[3:] in text.replace(" ", "")
    as_role(gui_ctx.app, ids, Role.ADMIN)
    printed_ids = {e.record_id for e in audit.query(gui_ctx.app, action="reveal") if e.detail.get("via") == "call_sheet"}
    assert printed_ids == {line.follow_up.resident_id for line in sheet if line.phone}
