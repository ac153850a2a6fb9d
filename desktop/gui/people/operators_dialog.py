"""Operator administration (admin only): add, change role or PIN, deactivate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.permissions import Role, role_label
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.people import password_edit
from desktop.services.people import operators


class OperatorsDialog(QDialog):
    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.setObjectName("operatorsDialog")
        self.setWindowTitle(tr("Người dùng của máy"))
        self.rows: list[operators.OperatorInfo] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("operatorTable")
        self.table.setHorizontalHeaderLabels([tr("Họ tên"), tr("Vai trò"), tr("Đăng nhập bằng"), tr("Trạng thái")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.name = QLineEdit(self)
        self.name.setObjectName("operatorName")
        self.role = QComboBox(self)
        self.role.setObjectName("operatorRole")
        for r in Role:
            self.role.addItem(role_label(r), r.value)
        self.kind = QComboBox(self)
        self.kind.setObjectName("operatorKind")
        self.kind.addItem(tr("Mã PIN (6–12 chữ số)"), "pin")
        self.kind.addItem(tr("Mật khẩu (từ 8 ký tự)"), "password")
        self.secret = password_edit(self, "operatorSecret")
        self.message = QLabel(self)
        self.message.setObjectName("operatorMessage")
        self.message.setWordWrap(True)
        self.add_button = QPushButton(tr("Thêm người dùng"), self)
        self.add_button.setObjectName("addOperator")
        self.save_button = QPushButton(tr("Lưu thay đổi"), self)
        self.save_button.setObjectName("saveOperator")
        self.deactivate_button = QPushButton(tr("Vô hiệu hóa"), self)
        self.deactivate_button.setObjectName("deactivateOperator")
        form = QFormLayout()
        form.addRow(tr("Họ tên:"), self.name)
        form.addRow(tr("Vai trò:"), self.role)
        form.addRow(tr("Đăng nhập bằng:"), self.kind)
        form.addRow(tr("Mã PIN / mật khẩu:"), self.secret)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.deactivate_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.secret.returnPressed.connect(self.add)
        self.table.itemSelectionChanged.connect(self._selected)
        self.resize(640, 460)
        self.refresh()

    def refresh(self) -> None:
        self.gui.read(operators.list_operators, True, owner=self, on_done=self._fill, key="operators.dialog")

    def _fill(self, rows: list[operators.OperatorInfo]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        self.table.setWordWrap(False)
        for i, o in enumerate(rows):
            state = tr("Đang hoạt động") if o.active else tr("Đã vô hiệu hóa")
            if o.locked:
                state = tr("Tạm khóa do nhập sai")
            kind = tr("Mã PIN") if o.secret_kind == "pin" else tr("Mật khẩu")
            for col, text in enumerate((o.name, o.role_label, kind, state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, o.id)
                self.table.setItem(i, col, item)

    def selected(self) -> operators.OperatorInfo | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self) -> None:
        o = self.selected()
        if o:
            self.name.setText(o.name)
            self.role.setCurrentIndex(self.role.findData(o.role))
            self.kind.setCurrentIndex(self.kind.findData(o.secret_kind))
            self.secret.clear()
            self.secret.setPlaceholderText(tr("để trống nếu không đổi"))

    def _run(self, fn, *args, done_text: str, **kwargs) -> None:
        self.message.clear()

        def done(_info) -> None:
            self.message.setText(done_text)
            self.secret.clear()
            self.refresh()

        self.gui.write(fn, *args, owner=self, on_done=done,
                       on_error=lambda exc: self.message.setText(str(exc)), **kwargs)

    def add(self) -> None:
        self._run(operators.create_operator, self.name.text(), self.role.currentData(), self.secret.text(),
                  self.kind.currentData(), done_text=tr("Đã thêm người dùng."))

    def save(self) -> None:
        o = self.selected()
        if o is None:
            self.message.setText(tr("Chọn một người trong danh sách trước."))
            return
        self._run(operators.update_operator, o.id, name=self.name.text(), role=self.role.currentData(),
                  secret=self.secret.text() or None, secret_kind=self.kind.currentData(),
                  done_text=tr("Đã lưu thay đổi."))

    def deactivate(self) -> None:
        o = self.selected()
        if o is None:
            self.message.setText(tr("Chọn một người trong danh sách trước."))
            return
        self._run(operators.deactivate_operator, o.id, done_text=tr("Đã vô hiệu hóa người dùng."))
