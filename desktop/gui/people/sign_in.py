"""Sign-in on a shared laptop: pick your name, type your PIN or password, Enter.

`SignInPanel` is the form (used in the dialog and on the idle-lock overlay). With no
operator yet it asks for the first admin instead. Checking the secret (argon2) and
writing the audit entry run on the writer thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.people import error_label, password_edit
from desktop.services.people import operators


class SignInPanel(QWidget):
    """The sign-in form. Emits `signed_in(SignedIn)`; `cancelled` on Esc when cancellable."""

    signed_in = Signal(object)
    cancelled = Signal()

    def __init__(self, gui: GuiContext, parent: QWidget | None = None, *, title: str = ""):
        super().__init__(parent)
        self.gui = gui
        self.first_run = False
        self.title_text = title or tr("Đăng nhập")
        self.title = QLabel(self.title_text, self)
        self.title.setObjectName("signInTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.operator = QComboBox(self)
        self.operator.setObjectName("operatorCombo")
        self.name = QLineEdit(self)
        self.name.setObjectName("firstAdminName")
        self.secret = password_edit(self, "secretEdit")
        self.confirm = password_edit(self, "confirmEdit")
        self.error = error_label(self, "signInError")
        self.button = QPushButton(tr("Đăng nhập"), self)
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        # Every row is built once; the first-run form and the sign-in form show different rows
        # (rows taken out and added back left their labels hidden on a visible panel).
        self.secret_label = QLabel(tr("Mã PIN / mật khẩu:"), self)
        self.form = QFormLayout()
        self.form.addRow(tr("Người dùng:"), self.operator)
        self.form.addRow(tr("Họ tên:"), self.name)
        self.form.addRow(self.secret_label, self.secret)
        self.form.addRow(tr("Nhập lại mật khẩu:"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.button.clicked.connect(self.submit)
        for edit in (self.secret, self.confirm, self.name):
            edit.returnPressed.connect(self.submit)
        self.setTabOrder(self.operator, self.secret)
        self.setTabOrder(self.secret, self.button)
        self.busy = False
        self.reload()

    # -- operators ----------------------------------------------------------------------
    def reload(self) -> None:
        self.gui.read(operators.list_operators, owner=self, on_done=self._fill, key=f"signin.{id(self)}")

    def _fill(self, rows: list[operators.OperatorInfo]) -> None:
        self.first_run = not rows
        self.operator.clear()
        self.form.setRowVisible(self.operator, not self.first_run)
        self.form.setRowVisible(self.name, self.first_run)
        self.form.setRowVisible(self.confirm, self.first_run)
        if self.first_run:
            self.title.setText(tr("Tạo tài khoản quản trị đầu tiên"))
            self.secret_label.setText(tr("Mật khẩu (ít nhất 8 ký tự):"))
            self.button.setText(tr("Tạo và đăng nhập"))
            self.name.setFocus()
            return
        for o in rows:
            self.operator.addItem(f"{o.name} — {o.role_label}", o.id)
        current = operators.current(self.gui.app)
        if current:
            self.operator.setCurrentIndex(max(0, self.operator.findData(current.id)))
        self.title.setText(self.title_text)
        self.secret_label.setText(tr("Mã PIN / mật khẩu:"))
        self.button.setText(tr("Đăng nhập"))
        self.secret.setFocus()

    # -- submitting ---------------------------------------------------------------------
    def submit(self) -> None:
        if self.busy:
            return
        self.error.clear()
        secret = self.secret.text()
        if self.first_run:
            if secret != self.confirm.text():
                self._failed(operators.OperatorError(tr("Hai lần nhập mật khẩu không khớp.")))
                return
            self._start(operators.create_first_admin, self.name.text(), secret, "password")
        else:
            if self.operator.currentIndex() < 0:
                return
            self._start(operators.sign_in, self.operator.currentData(), secret)

    def _start(self, fn, *args) -> None:
        self.busy = True
        self.button.setEnabled(False)
        self.gui.write(fn, *args, owner=self, on_done=self._done,
                       on_error=self._failed)

    def _done(self, result) -> None:
        self.busy = False
        self.button.setEnabled(True)
        self.secret.clear()
        self.confirm.clear()
        self.signed_in.emit(operators.current(self.gui.app) or result)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.button.setEnabled(True)
        self.error.setText(str(exc) or repr(exc))
        self.secret.selectAll()
        self.secret.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class SignInDialog(QDialog):
    """Sign in, or switch operator without closing the app (Esc keeps the current one)."""

    def __init__(self, gui: GuiContext, parent: QWidget | None = None, *, switching: bool = False):
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(tr("Đổi người dùng") if switching else tr("Đăng nhập"))
        self.panel = SignInPanel(gui, self, title=tr("Đổi người dùng") if switching else "")
        self.signed_in = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.panel.signed_in.connect(self._accept)
        self.panel.cancelled.connect(self.reject)
        self.resize(420, 220)

    def _accept(self, who) -> None:
        self.signed_in = who
        self.accept()
