"""Conflicts waiting for a person: per field, mine against theirs; keep mine, take theirs, or edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from desktop.core.i18n import N_
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services import sync_service

KIND_LABELS = {"resident": N_("Cư dân"), "residential_group": N_("Tổ dân phố"), "complaint": N_("Phản ánh")}


def _text(value) -> str:  # noqa: ANN001
    if value is None or value == "":
        return tr("(trống)")
    return str(value)


class ConflictsView(QWidget):
    resolved = Signal(object)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.rows: list[tuple[dict, str]] = []  # (conflict, field) per table row
        self.title = QLabel(self)
        self.title.setObjectName("conflictsTitle")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("conflictsTable")
        self.table.setHorizontalHeaderLabels([tr("Loại / bản ghi"), tr("Trường"), tr("Của máy này"), tr("Trên máy chủ")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("conflictEdit")
        self.edit.setPlaceholderText(tr("Giá trị đã sửa (Enter để lưu)"))
        self.mine_btn = QPushButton(tr("Giữ của tôi"), self)
        self.mine_btn.setObjectName("keepMine")
        self.theirs_btn = QPushButton(tr("Lấy bản máy chủ"), self)
        self.theirs_btn.setObjectName("takeTheirs")
        self.edit_btn = QPushButton(tr("Dùng giá trị đã sửa"), self)
        self.edit_btn.setObjectName("useEdited")
        self.message = QLabel(self)
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.mine_btn)
        buttons.addWidget(self.theirs_btn)
        buttons.addWidget(self.edit, 1)
        buttons.addWidget(self.edit_btn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.setTabOrder(self.table, self.mine_btn)
        self.setTabOrder(self.mine_btn, self.theirs_btn)
        self.setTabOrder(self.theirs_btn, self.edit)
        self.setTabOrder(self.edit, self.edit_btn)

        self.mine_btn.clicked.connect(lambda: self._resolve("mine"))
        self.theirs_btn.clicked.connect(lambda: self._resolve("theirs"))
        self.edit_btn.clicked.connect(lambda: self._resolve("edit"))
        self.edit.returnPressed.connect(lambda: self._resolve("edit"))
        QShortcut(QKeySequence("Alt+M"), self, activated=lambda: self._resolve("mine"))
        QShortcut(QKeySequence("Alt+T"), self, activated=lambda: self._resolve("theirs"))
        self.table.itemSelectionChanged.connect(self._selected)
        self.show_conflicts([])

    def refresh(self) -> None:
        self.gui.read(sync_service.list_conflicts, on_done=self.show_conflicts, key="sync.conflicts")

    def show_conflicts(self, conflicts: list[dict]) -> None:
        self.rows = [(c, f) for c in conflicts for f in c["fields"]]
        self.title.setText(tr("Xung đột chờ giải quyết: {n}").format(n=len(conflicts)) if conflicts
                           else tr("Không có xung đột nào."))
        self.table.setRowCount(len(self.rows))
        for row, (c, field) in enumerate(self.rows):
            kind = tr(KIND_LABELS[c["kind"]]) if c["kind"] in KIND_LABELS else c["kind"]
            values = [f"{kind} · {c['record_id'][:8]}", field, _text(c["mine"].get(field)), _text(c["theirs"].get(field))]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        has = bool(self.rows)
        for w in (self.mine_btn, self.theirs_btn, self.edit_btn, self.edit):
            w.setEnabled(has)
        if has:
            self.table.selectRow(0)

    def _current(self) -> tuple[dict, str] | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self) -> None:
        cur = self._current()
        if cur:
            c, field = cur
            self.edit.setText("" if c["mine"].get(field) is None else str(c["mine"].get(field)))

    def _resolve(self, choice: str) -> None:
        cur = self._current()
        if cur is None:
            return
        c, field = cur
        edited = None
        if choice == "edit":
            edited = {f: c["mine"].get(f) for f in c["fields"]}
            edited[field] = self.edit.text()
        self.gui.write(sync_service.resolve_conflict, c["id"], choice, edited, kinds=(c["kind"],),
                       on_done=self._done, on_error=self._failed)

    def _done(self, info: dict) -> None:
        self.message.setText(tr("Đã giải quyết; thay đổi sẽ được gửi ở lần đồng bộ tới."))
        self.resolved.emit(info)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))
        self.refresh()
