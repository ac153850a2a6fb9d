"""First run: pick province and ward (Hanoi first), name the team, enter residential groups,
and create the first admin (name + password or PIN): from then on every change has a signed-in operator."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.core.admin_units import Ward, admin_units
from desktop.core.permissions import Role
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
        self.results.itemActivated.connect(lambda *_: self.wizard().next())
        self._refresh()

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
        if self.results.count():
            self.results.setCurrentRow(0)
        self.completeChanged.emit()

    def selected_ward(self) -> Ward | None:
        item = self.results.currentItem()
        return self.units.ward(item.data(Qt.ItemDataRole.UserRole)) if item else None

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
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(tr("Tên tổ CĐS:"), self.team)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Tổ dân phố / thôn:"), self))
        layout.addWidget(self.groups)
        layout.addWidget(self.count)
        self.groups.textChanged.connect(self._count)
        self._count()

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
        self.confirm.returnPressed.connect(lambda: self.wizard().next())

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
        self.error = QLabel(self)
        self.error.setObjectName("setupError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        wizard: SetupWizard = self.wizard()  # type: ignore[assignment]
        ward = wizard.ward_page.selected_ward()
        groups = wizard.team_page.group_names()
        self.summary.setText(
            tr("Phường/xã: {ward}, {province}\nTổ CĐS: {team}\nSố tổ dân phố / thôn: {n}\nQuản trị: {admin}\n\n"
               "Bấm «Hoàn tất» để bắt đầu.").format(
                ward=ward.name if ward else "",
                province=ward.province_name if ward else "",
                team=wizard.team_page.team.text().strip() or tr("(chưa đặt tên)"),
                n=len(groups),
                admin=wizard.admin_page.values()[0],
            )
        )


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

    def accept(self) -> None:
        if self._saving:
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
