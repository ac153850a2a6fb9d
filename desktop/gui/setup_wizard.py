"""First run: pick province and ward (Hanoi first), name the team, enter residential groups,
and create the first admin (name + password or PIN): from then on every change has a signed-in operator.

Safe by keyboard: no ward is chosen until the volunteer picks one (Down from the search, then
Enter, or a click); Enter moves at most one page forward and never finishes; finishing needs
the summary's confirmation ticked (the ward cannot be changed later), then "Hoàn tất"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWidget,
    QWizardPage,
)

from desktop.core.admin_units import Ward, admin_units
from desktop.core.permissions import Role
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.people import error_label, password_edit
from desktop.services.people import operators
from desktop.services.setup import ward_setup


class WardPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Chọn phường/xã"))
        self.setSubTitle(tr("Ứng dụng này làm việc cho một phường/xã. Gõ tên không dấu cũng được, ví dụ «cau giay»."))
        self.units = admin_units()
        self.province = QComboBox(self)
        self.province.setObjectName("provinceCombo")
        for p in self.units.provinces:
            self.province.addItem(p.name, p.code)
        self.search = QLineEdit(self)
        self.search.setObjectName("wardSearch")
        self.search.setPlaceholderText(tr("Tìm phường/xã (cả tên phường cũ trước 2025)"))
        self.results = QListWidget(self)
        self.results.setObjectName("wardResults")
        self.hint = QLabel(self)
        self.hint.setObjectName("legacyHint")
        self.hint.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(tr("Tỉnh/thành phố:"), self.province)
        layout.addRow(tr("Tìm:"), self.search)
        layout.addRow(self.results)
        layout.addRow(self.hint)
        self.province.currentIndexChanged.connect(self._refresh)
        self.search.textChanged.connect(self._refresh)
        self.results.currentItemChanged.connect(lambda *_: self.completeChanged.emit())
        self.results.itemDoubleClicked.connect(lambda *_: self.wizard().next())
        self.search.installEventFilter(self)
        self._refresh()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress and self.results.count():
            if QKeyEvent.key(event) == Qt.Key.Key_Down:  # type: ignore[arg-type]
                self.results.setFocus()
                self.results.setCurrentRow(max(self.results.currentRow(), 0))
                return True
        return False

    def _add(self, ward: Ward, label: str) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, ward.code)
        self.results.addItem(item)

    def _refresh(self) -> None:
        query = self.search.text()
        province = self.province.currentData()
        self.results.clear()
        for ward in self.units.search_wards(query, province):
            self._add(ward, ward.name)
        hints = []
        if province == 1:
            for legacy, current in self.units.legacy_matches(query):
                names = ", ".join(w.name for w in current)
                hints.append(
                    tr("{old} ({district}, trước 2025) nay thuộc: {new}").format(
                        old=legacy.name, district=legacy.district_name, new=names
                    )
                )
                for ward in current:
                    self._add(ward, tr("{new} — gồm {old} cũ").format(new=ward.name, old=legacy.name))
        self.hint.setText("\n".join(hints[:6]))
        self.results.setCurrentRow(-1)  # nothing chosen until the volunteer picks a ward
        self.completeChanged.emit()

    def selected_ward(self) -> Ward | None:
        item = self.results.currentItem()
        return self.units.ward(item.data(Qt.ItemDataRole.UserRole)) if item and item.isSelected() else None

    def isComplete(self) -> bool:
        return self.selected_ward() is not None


class TeamPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Tổ CĐS và các tổ dân phố"))
        self.setSubTitle(tr("Nhập hoặc dán danh sách tổ dân phố / thôn, mỗi dòng một tên. Có thể bổ sung sau."))
        self.team = QLineEdit(self)
        self.team.setObjectName("teamName")
        self.team.setPlaceholderText(tr("Ví dụ: Tổ CĐS cộng đồng phường Cầu Giấy"))
        self.groups = QPlainTextEdit(self)
        self.groups.setObjectName("groupLines")
        self.groups.setTabChangesFocus(True)
        self.groups.setPlaceholderText(tr("Tổ dân phố số 1\nTổ dân phố số 2\nThôn Đông"))
        self.count = QLabel(self)
        self.count.setObjectName("groupCount")
        self.error = error_label(self, "teamError")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(tr("Tên tổ CĐS *:"), self.team)
        form.addRow(self.error)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Tổ dân phố / thôn:"), self))
        layout.addWidget(self.groups)
        layout.addWidget(self.count)
        self.groups.textChanged.connect(self._count)
        self.team.textChanged.connect(lambda _t: self.error.setText(""))
        self._count()

    def initializePage(self) -> None:
        # Tab from the group list goes on to «Tiếp >», not back to «< Quay lại»
        QWidget.setTabOrder(self.team, self.groups)
        QWidget.setTabOrder(self.groups, self.wizard().button(QWizard.WizardButton.NextButton))
        self.team.setFocus()

    def validatePage(self) -> bool:
        try:
            ward_setup.check_team_name(self.team.text())
        except ward_setup.SetupError as exc:
            self.error.setText(str(exc))
            self.team.setFocus()
            return False
        return True

    def group_names(self) -> list[str]:
        return ward_setup.parse_group_lines(self.groups.toPlainText())

    def _count(self) -> None:
        self.count.setText(tr("{n} tổ dân phố / thôn").format(n=len(self.group_names())))


class AdminPage(QWizardPage):
    """The first admin: the team lead who will add the other operators."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Tài khoản quản trị đầu tiên"))
        self.setSubTitle(tr("Người quản trị thêm các tình nguyện viên, công an, tổ trưởng sau này. "
                            "Mỗi thay đổi trên máy đều ghi tên người đang đăng nhập."))
        self.name = QLineEdit(self)
        self.name.setObjectName("adminName")
        self.name.setPlaceholderText(tr("Ví dụ: Nguyễn Thị Hoa"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("adminSecretKind")
        self.kind.addItem(tr("Mật khẩu (từ 8 ký tự)"), "password")
        self.kind.addItem(tr("Mã PIN (6–12 chữ số)"), "pin")
        self.secret = password_edit(self, "adminSecret")
        self.confirm = password_edit(self, "adminConfirm")
        self.error = error_label(self, "adminError")
        form = QFormLayout(self)
        form.addRow(tr("Họ tên:"), self.name)
        form.addRow(tr("Loại mã đăng nhập:"), self.kind)
        form.addRow(tr("Mật khẩu / mã PIN:"), self.secret)
        form.addRow(tr("Nhập lại:"), self.confirm)
        form.addRow(self.error)
        for w in (self.name, self.secret, self.confirm):
            w.textChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.secret.text(), self.kind.currentData()

    def problem(self) -> str:
        """What is still wrong, in Vietnamese ("" when the page can be left)."""
        name, secret, kind = self.values()
        if not name:
            return tr("Chưa nhập họ tên người quản trị.")
        try:
            operators.check_name(name)  # also its length
            operators.check_role_secret(secret, kind, Role.ADMIN.value)
        except operators.OperatorError as exc:
            return str(exc)
        if secret != self.confirm.text():
            return tr("Hai lần nhập mật khẩu / mã PIN không khớp.")
        return ""

    def _changed(self) -> None:
        if self.error.text():
            self.error.setText(self.problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.name.text().strip() and self.secret.text() and self.confirm.text())

    def validatePage(self) -> bool:
        problem = self.problem()
        self.error.setText(problem)
        return not problem


class SummaryPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Xác nhận"))
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.confirm = QCheckBox(self)
        self.confirm.setObjectName("setupConfirm")
        self.confirm.toggled.connect(lambda _on: self.completeChanged.emit())
        self.error = QLabel(self)
        self.error.setObjectName("setupError")
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.confirm)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return self.confirm.isChecked()

    def initializePage(self) -> None:
        wizard: SetupWizard = self.wizard()  # type: ignore[assignment]
        ward = wizard.ward_page.selected_ward()
        groups = wizard.team_page.group_names()
        self.summary.setText(
            tr("Phường/xã: {ward}, {province}\nTổ CĐS: {team}\nSố tổ dân phố / thôn: {n}\nQuản trị: {admin}").format(
                ward=ward.name if ward else "",
                province=ward.province_name if ward else "",
                team=wizard.team_page.team.text().strip(),
                n=len(groups),
                admin=wizard.admin_page.values()[0],
            )
        )
        self.confirm.setChecked(False)
        self.confirm.setText(tr("Tôi đã kiểm tra: máy này làm việc cho {ward} (không đổi được sau khi hoàn tất). "
                                "Đánh dấu (phím cách) rồi bấm «Hoàn tất».").format(ward=ward.name if ward else ""))
        self.confirm.setFocus()


class SetupWizard(QWizard):
    """Emits `completed(WardInfo)` once the ward is saved (on the writer thread)."""

    completed = Signal(object)

    def __init__(self, gui: GuiContext, parent=None):
        super().__init__(parent)
        self.gui = gui
        self.setObjectName("setupWizard")
        self.setWindowTitle(tr("Thiết lập lần đầu — Tổ CĐS Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Tiếp >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Hủy"))
        self.ward_page = WardPage(self)
        self.team_page = TeamPage(self)
        self.admin_page = AdminPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.ward_page, self.team_page, self.admin_page, self.summary_page):
            self.addPage(page)
        self.resize(640, 520)
        self._saving = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button, else moves one page on (never past the summary, never finishing)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()
            elif self.currentPage() is not self.summary_page and self.currentPage().isComplete():
                self.next()
            event.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if self._saving or not self.summary_page.confirm.isChecked():
            return
        ward = self.ward_page.selected_ward()
        if ward is None:
            return
        problem = self.admin_page.problem()
        if problem:
            self.summary_page.error.setText(problem)
            return
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.gui.write(
            ward_setup.first_setup,
            ward.code_str,
            self.team_page.team.text(),
            self.team_page.group_names(),
            self.admin_page.values(),
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, info) -> None:
        self._saving = False
        super().accept()
        self.completed.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.summary_page.error.setText(str(exc))
