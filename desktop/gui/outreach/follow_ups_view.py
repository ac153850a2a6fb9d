"""Follow-ups: residents to call back or visit again, filterable by residential group; mark done.

Phones are masked as in every list. "Hiện số" reveals the selected resident's number (the reveal
permission, audited), one at a time: revealing another masks the previous again. "In danh sách
gọi lại" prints the list with full numbers for the person on duty; each number printed is audited.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.core.outreach_vocab import FAILURE_REASONS
from desktop.core.formatting import format_date
from desktop.core.period import today_vn
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.layouts import FlowLayout
from desktop.gui.outreach.common import fill_table, make_table, row_key
from desktop.services.outreach import follow_ups
from desktop.services.people import privacy
from desktop.services.setup.ward_setup import residential_groups

PHONE_COLUMN = 2


def _reasons(r) -> str:
    text = ", ".join(tr(FAILURE_REASONS[c]) for c in r.reasons if c in FAILURE_REASONS)
    return f"{text}: {r.reason_other}" if r.reason_other else text


def _local(phone: str) -> str:
    return ("0" + phone[3:]) if phone.startswith("+84") else phone


class FollowUpsView(QWidget):
    loaded = Signal(list)
    revealed = Signal(str)  # resident id whose number is shown in full
    sheet_printed = Signal(int)  # rows on the printed call sheet

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self._rows: list = []
        self._revealed_row = -1
        self.group = QComboBox(self)
        self.group.setObjectName("followUpGroup")
        self.group.addItem(tr("Tất cả tổ dân phố"), None)
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count = QLabel(self)
        self.table = make_table(self, [tr("Hẹn ngày"), tr("Cư dân"), tr("Điện thoại"), tr("Tổ dân phố"), tr("Lý do")],
                                "followUpsTable")
        self.message = QLabel(self)
        self.message.setObjectName("followUpMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.reveal_button = QPushButton(tr("Hiện số để gọi (Ctrl+H)"), self)
        self.reveal_button.setObjectName("followUpReveal")
        self.reveal_button.setShortcut("Ctrl+H")
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.print_button = QPushButton(tr("In danh sách gọi lại…"), self)
        self.print_button.setObjectName("followUpPrint")
        self.print_button.clicked.connect(self._choose_printer)
        self.done_button = QPushButton(tr("Đánh dấu đã xong (Ctrl+D)"), self)
        self.done_button.setObjectName("followUpDone")
        self.done_button.setShortcut("Ctrl+D")
        self.done_button.clicked.connect(self.mark_done)
        top = FlowLayout()  # wraps onto a second line on a small screen or with large text
        top.addWidget(QLabel(tr("Lọc theo tổ:"), self))
        top.addWidget(self.group)
        top.addWidget(self.count)
        top.addWidget(self.reveal_button)
        top.addWidget(self.print_button)
        top.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        gui.read(residential_groups, owner=self, on_done=self._set_groups)
        gui.bus.watch(self, lambda kinds: self.refresh() if {"help_session", "resident"} & set(kinds) else None)
        self.refresh()

    def _set_groups(self, groups) -> None:
        for g in groups:
            self.group.addItem(g.name, g.id)

    def refresh(self) -> None:
        self.gui.read(follow_ups.list_follow_ups, self.group.currentData(), owner=self, on_done=self._show,
                      key=f"outreach.followups.{id(self)}")

    def _show(self, rows: list) -> None:
        self._rows = rows
        self._revealed_row = -1
        fill_table(self.table, [
            [format_date(r.due_on) + (" ⚠" if r.overdue else ""), r.resident_name, r.phone_masked, r.residential_group,
             _reasons(r)] for r in rows
        ], [r.session_id for r in rows])
        overdue = sum(r.overdue for r in rows)
        self.count.setText(tr("{n} việc cần theo dõi, {o} quá hạn").format(n=len(rows), o=overdue))
        if rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.loaded.emit(rows)

    def mark_done(self) -> None:
        sid = row_key(self.table)
        if sid:
            self.gui.write(follow_ups.mark_done, sid)

    # -- one number at a time -----------------------------------------------------------
    def reveal_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows) or not self._rows[row].phone_masked:
            return
        resident_id = self._rows[row].resident_id
        self.message.clear()
        self.gui.write(privacy.reveal_identifier, resident_id, "phone", owner=self,
                       on_done=lambda phone: self._show_number(row, resident_id, phone),
                       on_error=lambda exc: self.message.setText(str(exc)))

    def _show_number(self, row: int, resident_id: str, phone: str) -> None:
        if row >= len(self._rows) or self._rows[row].resident_id != resident_id:
            return  # the list changed meanwhile
        if 0 <= self._revealed_row < len(self._rows) and self._revealed_row != row:
            self.table.setItem(self._revealed_row, PHONE_COLUMN, QTableWidgetItem(self._rows[self._revealed_row].phone_masked))
        self.table.setItem(row, PHONE_COLUMN, QTableWidgetItem(_local(phone)))
        self._revealed_row = row
        self.revealed.emit(resident_id)

    # -- the call sheet -----------------------------------------------------------------
    def _choose_printer(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("In danh sách gọi lại"))
        if dialog.exec():
            self.print_sheet(printer)

    def print_sheet(self, printer) -> None:
        """Fetch the call sheet (reveal permission; each number audited) and print it on `printer`."""
        self.message.clear()
        self.gui.write(follow_ups.call_sheet, self.group.currentData(), owner=self,
                       on_done=lambda sheet: self._print(printer, sheet),
                       on_error=lambda exc: self.message.setText(str(exc)))

    def _print(self, printer, sheet: list) -> None:
        doc = QTextDocument(self)
        doc.setHtml(call_sheet_html(sheet, self.group.currentText(), self.gui.app.actor))
        doc.print_(printer)
        self.sheet_printed.emit(len(sheet))


def call_sheet_html(sheet: list, group: str, on_duty: str) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in (tr("Hẹn ngày"), tr("Cư dân"), tr("Điện thoại"),
                                                     tr("Tổ dân phố"), tr("Lý do"), tr("Đã gọi")))
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in (
            format_date(line.follow_up.due_on), line.follow_up.resident_name, _local(line.phone),
            line.follow_up.residential_group, _reasons(line.follow_up), "")) + "</tr>"
        for line in sheet)
    title = escape(tr("Danh sách gọi lại: {group}").format(group=group))
    note = escape(tr("In ngày {day} cho {who}. Danh sách có số điện thoại đầy đủ: giữ kín, hủy sau khi gọi xong.").format(
        day=format_date(today_vn()), who=on_duty or tr("người trực")))
    return (f"<h2>{title}</h2><p>{note}</p><table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            f"<tr>{head}</tr>{body}</table>")
