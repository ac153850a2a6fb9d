"""Conflicts waiting for a person: per field, mine against theirs; keep mine, take theirs, or edit.

Fields and values are shown as people read them (Vietnamese field names, vocabulary words,
dd/mm/yyyy; CCCD and phones masked unless the operator may reveal them): the service
(`sync_service.list_conflicts`) prepares them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QWidget

from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.sync.tables import fill_row, record_table, stacked
from desktop.services.sync import service as sync_service


class ConflictsView(QWidget):
    resolved = Signal(object)
    counted = Signal(int)  # conflicts waiting (none: only the title line shows)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.rows: list[tuple[dict, dict]] = []  # (conflict, its row for one field) per table row
        self.title = QLabel(self)
        self.title.setObjectName("conflictsTitle")
        self.table = record_table(self, "conflictsTable",
                                  [tr("Loại / bản ghi"), tr("Trường"), tr("Của máy này"), tr("Trên máy chủ")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
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
        stacked(self, self.title, self.table, buttons, self.message)
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
        self.rows = [(c, r) for c in conflicts for r in c.get("rows", [])]
        self.title.setText(tr("Xung đột chờ giải quyết: {n}").format(n=len(conflicts)) if conflicts
                           else tr("Không có xung đột nào."))
        self.table.setRowCount(len(self.rows))
        for row, (c, r) in enumerate(self.rows):
            fill_row(self.table, row, [f"{c['kind_label']} · {c['identity']}", r["label"], r["mine_text"], r["theirs_text"]])
        has = bool(self.rows)
        for w in (self.mine_btn, self.theirs_btn, self.edit_btn, self.edit):
            w.setEnabled(has)
            w.setVisible(has)
        self.table.setVisible(has)
        if has:
            self.table.selectRow(0)
        self.counted.emit(len(conflicts))

    def _current(self) -> tuple[dict, dict] | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self) -> None:
        cur = self._current()
        if cur:
            _c, r = cur
            self.edit.setText(r["edit_value"])
            self.edit.setPlaceholderText(tr("Nhập giá trị mới cho «{field}» (Enter để lưu)").format(field=r["label"])
                                         if r["masked"] else tr("Giá trị đã sửa (Enter để lưu)"))

    def _resolve(self, choice: str) -> None:
        cur = self._current()
        if cur is None:
            return
        c, r = cur
        edited = None
        if choice == "edit":
            if r["masked"] and not self.edit.text().strip():
                self.message.setText(tr("Hãy nhập giá trị mới cho «{field}».").format(field=r["label"]))
                self.edit.setFocus()
                return
            edited = {f: c["mine"].get(f) for f in c["fields"]}
            edited[r["field"]] = self.edit.text()
        self.gui.write(sync_service.resolve_conflict, c["id"], choice, edited,
                       on_done=self._done, on_error=self._failed)

    def _done(self, info: dict) -> None:
        self.message.setText(tr("Đã giải quyết; thay đổi sẽ được gửi ở lần đồng bộ tới."))
        self.resolved.emit(info)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))
        self.refresh()
