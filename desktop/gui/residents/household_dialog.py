"""One household: its members, who heads it, taking a member out, deleting the household (its members
stay, out of any household). People join a household from the registration form's household field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.core.vocab import ADOPTION_STAGES
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.outreach.common import fill_table, make_table, row_key
from desktop.services.households import households


class HouseholdDialog(QDialog):
    changed = Signal()
    loaded = Signal(object)  # HouseholdInfo

    def __init__(self, gui: GuiContext, household_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.household_id = household_id
        self.info = None
        self.setObjectName("householdDialog")
        self.setWindowTitle(tr("Hộ"))
        self.heading = QLabel(self)
        self.heading.setObjectName("householdHeading")
        self.heading.setWordWrap(True)
        self.members = make_table(self, [tr("Thành viên"), tr("Năm sinh"), tr("Hiện trạng"), tr("Chủ hộ")],
                                  "householdMembers")
        self.head_button = QPushButton(tr("Đặt làm chủ hộ"), self)
        self.head_button.setObjectName("householdSetHead")
        self.head_button.clicked.connect(self.set_head)
        self.out_button = QPushButton(tr("Chuyển ra khỏi hộ"), self)
        self.out_button.setObjectName("householdMoveOut")
        self.out_button.clicked.connect(self.move_out)
        self.delete_button = QPushButton(tr("Xóa hộ (giữ các thành viên)…"), self)
        self.delete_button.setObjectName("householdDelete")
        self.delete_button.clicked.connect(self.delete)
        self.status = QLabel(self)
        self.status.setObjectName("householdStatus")
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        close = QPushButton(tr("Đóng"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.head_button, self.out_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.members, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.resize(720, 420)
        self.reload()

    def reload(self) -> None:
        self.gui.read(households.get_household, self.household_id, on_done=self._show, on_error=self._failed,
                      key=f"household.dialog.{id(self)}")

    def _show(self, info) -> None:
        self.info = info
        head = tr(" · Chủ hộ: {name}").format(name=info.head_name) if info.head_name else ""
        self.heading.setText(tr("Hộ {code} · {address}").format(code=info.code, address=info.address or "-") + head)
        fill_table(self.members, [[m.full_name, str(m.birth_year or ""), tr(ADOPTION_STAGES.get(m.adoption_stage, "")),
                                   "✓" if m.is_head else ""] for m in info.members], [m.id for m in info.members])
        self.loaded.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))

    def _chosen(self) -> str | None:
        rid = row_key(self.members)
        if rid is None:
            self.error.setText(tr("Chọn một thành viên trong bảng trước."))
        return rid

    def _done(self, text: str) -> None:
        self.error.clear()
        self.status.setText(text)
        self.changed.emit()
        self.reload()

    def set_head(self) -> None:
        rid = self._chosen()
        if rid:
            self.gui.write(households.set_head, self.household_id, rid, on_error=self._failed,
                           on_done=lambda _r: self._done(tr("Đã đổi chủ hộ.")), owner=self)

    def move_out(self) -> None:
        rid = self._chosen()
        if rid:
            self.gui.write(households.move_member, rid, None, on_error=self._failed,
                           on_done=lambda _r: self._done(tr("Đã chuyển người này ra khỏi hộ.")), owner=self)

    def delete(self, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(self, tr("Xóa hộ"), tr(
                "Xóa hộ {code}? Các thành viên vẫn còn trong danh sách cư dân, chỉ không còn thuộc hộ nào.").format(
                code=self.info.code if self.info else ""))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.gui.write(households.delete_household, self.household_id, on_error=self._failed,
                       on_done=self._deleted)

    def _deleted(self, members: int) -> None:
        self.status.setText(tr("Đã xóa hộ; {n} người vẫn còn trong danh sách cư dân.").format(n=members))
        for b in (self.head_button, self.out_button, self.delete_button):
            b.setEnabled(False)
        self.changed.emit()
