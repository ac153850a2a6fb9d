"""Search-as-you-type for residents: a line edit over a short result list.

Type part of a name (no diacritics needed), 4+ digits of a phone or a CCCD; Down moves
into the results, Enter chooses (the first result when none is selected), Esc clears.
Queries run off the UI thread under one key, so only the newest answer is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.vocab import ADOPTION_STAGES
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.residents.search import search_residents

RESULT_LIMIT = 20


def summary_line(r) -> str:
    parts = [r.full_name, str(r.birth_year or "—")]
    if r.residential_group:
        parts.append(r.residential_group)
    if r.phone_masked:
        parts.append(r.phone_masked)
    if r.cccd_masked:
        parts.append(tr("CCCD {n}").format(n=r.cccd_masked))
    parts.append(tr(ADOPTION_STAGES.get(r.adoption_stage, r.adoption_stage)))
    return " · ".join(parts)


class ResidentSearchBox(QWidget):
    chosen = Signal(object)  # ResidentSummary
    results_shown = Signal(int)  # number of results now listed (for tests and hints)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.setObjectName("residentSearchBox")
        self._key = f"resident.search.{id(self)}"
        self._query = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText(tr("Tìm cư dân: tên (không cần dấu), 4 số điện thoại trở lên, CCCD…"))
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.hint = QLabel(self)
        self.hint.setObjectName("searchHint")
        set_role(self.hint, "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        self.results.setVisible(False)  # shown when there are results
        self.edit.textChanged.connect(self._search)
        self.edit.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.itemActivated.connect(self._choose_item)
        self.results.itemClicked.connect(self._choose_item)
        gui.bus.changed.connect(self._on_changed)
        self.setFocusProxy(self.edit)

    # -- public -----------------------------------------------------------------------
    def clear(self) -> None:
        self.gui.tasks.drop(self._key)
        self.edit.clear()
        self.results.clear()
        self.results.setVisible(False)
        self.hint.clear()

    def query(self) -> str:
        return self.edit.text()

    # -- searching --------------------------------------------------------------------
    def _search(self, text: str) -> None:
        self._query = text
        if not text.strip():
            self.gui.tasks.drop(self._key)
            self.results.clear()
            self.results.setVisible(False)
            self.hint.clear()
            return
        self.gui.read(search_residents, text, RESULT_LIMIT, key=self._key, on_done=self._show)

    def _on_changed(self, kinds) -> None:
        if "resident" in kinds and self._query.strip():
            self._search(self._query)

    def _show(self, found: list) -> None:
        self.results.clear()
        for r in found:
            item = QListWidgetItem(summary_line(r))
            item.setData(Qt.ItemDataRole.UserRole, r)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.hint.setText(tr("Xuống (↓) để chọn, Enter để mở"))
        else:
            self.hint.setText(tr("Không tìm thấy cư dân nào khớp «{q}».").format(q=self._query.strip()))
        self.results_shown.emit(len(found))

    def _choose_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    # -- keyboard ---------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = QKeyEvent.key(event)  # type: ignore[arg-type]
        if obj is self.edit:
            if key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.count():
                row = max(self.results.currentRow(), 0)
                self._choose_item(self.results.item(row))
                return True
            if key == Qt.Key.Key_Escape and self.edit.text():
                self.clear()
                return True
        elif obj is self.results:
            if key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
                self.edit.setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_item(self.results.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.edit.setFocus()
                return True
        return False
