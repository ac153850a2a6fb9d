"""A lazy, id-based table model over the whole registry (200,000 rows without loading them).

The model holds only the ordered ids of the filter (one query, off the UI thread); rows
are fetched in pages of summaries when the view first asks for them, and a bounded
number of pages is kept. Until a page arrives its cells show "…".
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.core.vocab import ADOPTION_STAGES, TARGET_GROUPS
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.residents import residents as svc

PAGE_SIZE = 200
MAX_PAGES = 60
COLUMNS = ("full_name", "birth_year", "residential_group", "phone_masked", "cccd_masked", "target_group",
           "adoption_stage")
ID_ROLE = Qt.ItemDataRole.UserRole
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


def column_titles() -> list[str]:
    return [tr("Họ và tên"), tr("Năm sinh"), tr("Tổ dân phố / thôn"), tr("Điện thoại"), tr("CCCD"), tr("Đối tượng"),
            tr("iHaNoi")]


class ResidentListModel(QAbstractTableModel):
    loaded = Signal(int)  # ids of a new filter are in: row count
    page_loaded = Signal(int)

    def __init__(self, gui: GuiContext, parent=None):
        super().__init__(parent)
        self.gui = gui
        self._ids: list[str] = []
        self._pages: OrderedDict[int, list[svc.ResidentSummary]] = OrderedDict()
        self._requested: set[int] = set()
        self._generation = 0
        self._filter = svc.ResidentFilter()
        self._titles = column_titles()
        self._key = f"resident.list.{id(self)}"
        gui.bus.changed.connect(self._on_changed)

    # -- loading ----------------------------------------------------------------------
    @property
    def filter(self) -> svc.ResidentFilter:
        return self._filter

    def set_filter(self, flt: svc.ResidentFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.gui.read(svc.resident_ids, self._filter, key=self._key, on_done=self._set_ids)

    def _set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._generation += 1
        self._ids = ids
        self._pages.clear()
        self._requested.clear()
        self.endResetModel()
        self.loaded.emit(len(ids))

    def _on_changed(self, kinds) -> None:
        if "resident" in kinds or "residential_group" in kinds:
            self.reload()

    def _summary(self, row: int) -> svc.ResidentSummary | None:
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is not None:
            self._pages.move_to_end(page)
            offset = row - page * PAGE_SIZE
            return rows[offset] if offset < len(rows) else None
        if page not in self._requested:
            self._requested.add(page)
            ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
            generation = self._generation
            self.gui.read(svc.resident_summaries, ids,
                          on_done=lambda found, p=page, g=generation, i=ids: self._set_page(g, p, i, found))
        return None

    def _set_page(self, generation: int, page: int, ids: list[str], found: list[svc.ResidentSummary]) -> None:
        if generation != self._generation:
            return  # the filter changed meanwhile
        by_id = {s.id: s for s in found}
        # a resident deleted meanwhile keeps a placeholder row until the next reload
        self._pages[page] = [by_id.get(i) or svc.ResidentSummary(i, tr("(đã xóa)"), None, "", "", "", "", "")
                             for i in ids]
        self._requested.discard(page)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page * PAGE_SIZE
        last = min(first + len(ids), len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)

    def resident_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, resident_id: str) -> int:
        try:
            return self._ids.index(resident_id)
        except ValueError:
            return -1

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
                return self._titles[section]
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)) or not (0 <= index.column() < len(COLUMNS)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, SUMMARY_ROLE, Qt.ItemDataRole.ToolTipRole):
            return None
        s = self._summary(index.row())
        if role == SUMMARY_ROLE:
            return s
        if s is None:
            return "…"
        name = COLUMNS[index.column()]
        value = getattr(s, name)
        if name == "birth_year":
            return str(value) if value else ""
        if name == "target_group":
            return tr(TARGET_GROUPS.get(value, value))
        if name == "adoption_stage":
            return tr(ADOPTION_STAGES.get(value, value))
        return value

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
