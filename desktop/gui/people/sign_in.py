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
from desktop.gui.people import alive
from desktop.services import operators


class SignInPanel(QWidget):
    """The sign-in form. Emits `signed_in(SignedIn)`; `cancelled` on Esc when cancellable."""

    signed_in = Signal(object)
    cancelled = Signal()

    def __init__(self, gui: GuiContext, parent: QWidget | None = None, *, title: str = ""):
        super().__init__(parent)
        self.gui = gui
        self.first_run = False
        self.title = QLabel(title or tr("Đăng nhập"), self)
        self.title.setObjectName("signInTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.operator = QComboBox(self)
        self.operator.setObjectName("operatorCombo")
        self.name = QLineEdit(self)
        self.name.setObjectName("firstAdminName")
        self.secret = QLineEdit(self)
        self.secret.setObjectName("secretEdit")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirmEdit")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.button = QPushButton(tr("Đăng nhập"), self)
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        self.form = QFormLayout()
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
        self.gui.read(operators.list_operators, on_done=alive(self, self._fill), key=f"signin.{id(self)}")

    def _fill(self, rows: list[operators.OperatorInfo]) -> None:
        while self.form.rowCount():
            self.form.takeRow(0)
        self.first_run = not rows
        self.operator.clear()
        if self.first_run:
            self.title.setText(tr("Tạo tài khoản quản trị đầu tiên"))
            self.form.addRow(tr("Họ tên:"), self.name)
            self.form.addRow(tr("Mật khẩu (ít nhất 8 ký tự):"), self.secret)
            self.form.addRow(tr("Nhập lại mật khẩu:"), self.confirm)
            self.button.setText(tr("Tạo và đăng nhập"))
            self.operator.hide()
            self.name.show()
            self.confirm.show()
            self.name.setFocus()
            return
        self.name.hide()
        self.confirm.hide()
        self.operator.show()
        for o in rows:
            self.operator.addItem(f"{o.name} — {o.role_label}", o.id)
        current = operators.current(self.gui.app)
        if current:
            self.operator.setCurrentIndex(max(0, self.operator.findData(current.id)))
        self.form.addRow(tr("Người dùng:"), self.operator)
        self.form.addRow(tr("Mã PIN / mật khẩu:"), self.secret)
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

    def _start(self, fn, *args) -> None:  # noqa: ANN001
        self.busy = True
        self.button.setEnabled(False)
        self.gui.write(fn, *args, kinds=("operator", "audit_entry"), on_done=alive(self, self._done),
                       on_error=alive(self, self._failed))

    def _done(self, result) -> None:  # noqa: ANN001
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

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
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

    def _accept(self, who) -> None:  # noqa: ANN001
        self.signed_in = who
        self.accept()
