"""A lazy table model over the whole registry (a million rows without loading them, nor their ids).

Opening reads the filter's count and its first page (`services.residents.listing`: a counter
table and the sort index). Further pages are read when the view first asks for them: after
or before the key of a neighbouring page (keyset), or at their row number after a jump; a
bounded number of pages is kept. Until a page arrives its cells show "…".

After a resident change the list is refreshed in place: the count again, and the run of pages
around the one last shown read again at the same row numbers (no reset, no id reload); rows
join or leave at the end as the count moves, and the other pages are read again when shown.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.core.vocab import ADOPTION_STAGES, TARGET_GROUPS
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.residents import listing
from desktop.services.residents import residents as svc

PAGE_SIZE = 200
MAX_PAGES = 60
REFRESH_PAGES = 3  # pages read again after a change: the one last shown and its neighbours
COLUMNS = ("full_name", "birth_year", "residential_group", "phone_masked", "cccd_masked", "target_group",
           "adoption_stage")
ID_ROLE = Qt.ItemDataRole.UserRole
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


def column_titles() -> list[str]:
    return [tr("Họ và tên"), tr("Năm sinh"), tr("Tổ dân phố / thôn"), tr("Điện thoại"), tr("CCCD"), tr("Đối tượng"),
            tr("iHaNoi")]


class ResidentListModel(QAbstractTableModel):
    loaded = Signal(int)  # a new filter's count and first page are in: row count
    page_loaded = Signal(int)
    refreshed = Signal(int)  # read again in place after a change: row count

    def __init__(self, gui: GuiContext, parent=None):
        super().__init__(parent)
        self.gui = gui
        self._count = 0
        self._pages: OrderedDict[int, listing.ListPage] = OrderedDict()
        self._requested: set[int] = set()
        self._generation = 0
        self._resetting = False  # a new filter's first page is on its way
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
        """Count and first page of the filter (the model is reset when they are in)."""
        self._resetting = True
        self._generation += 1
        generation = self._generation
        self.gui.read(listing.list_page, self._filter, start=0, limit=PAGE_SIZE, key=self._key, owner=self,
                      on_done=lambda page: self._set_first(generation, page))

    def _set_first(self, generation: int, page: listing.ListPage) -> None:
        if generation != self._generation:
            return
        self._resetting = False
        self.beginResetModel()
        self._count = page.count
        self._pages.clear()
        self._requested.clear()
        if page.rows:
            self._pages[0] = page
        self.endResetModel()
        self.loaded.emit(self._count)
        self.page_loaded.emit(0)

    def _on_changed(self, kinds) -> None:
        if "resident" in kinds or "residential_group" in kinds:
            self.refresh()

    def refresh(self) -> None:
        """Read the count and the pages around the last one shown again, in place."""
        if self._resetting:
            self.reload()  # the list of the new filter is not in yet: read it as of now
            return
        pages = self._run_around(next(reversed(self._pages), 0))
        self._generation += 1  # pages on their way describe the list before the change
        generation = self._generation
        self._requested.clear()
        self.gui.read(listing.list_page, self._filter, start=pages[0] * PAGE_SIZE, limit=len(pages) * PAGE_SIZE,
                      key=self._key, owner=self, on_done=lambda page: self._set_refreshed(generation, page))

    def _run_around(self, page: int) -> list[int]:
        """The cached pages next to `page` (itself included), at most REFRESH_PAGES of them."""
        run = [page]
        while len(run) < REFRESH_PAGES and (run[0] - 1) in self._pages:
            run.insert(0, run[0] - 1)
        while len(run) < REFRESH_PAGES and (run[-1] + 1) in self._pages:
            run.append(run[-1] + 1)
        return run

    def _set_refreshed(self, generation: int, window: listing.ListPage) -> None:
        if generation != self._generation:
            return
        old, new = self._count, window.count
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._count = new
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._count = new
            self.endRemoveRows()
        self._pages.clear()
        first = window.start // PAGE_SIZE
        for n in range(0, len(window.rows), PAGE_SIZE):
            self._pages[first + n // PAGE_SIZE] = listing.ListPage(
                new, window.start + n, window.rows[n:n + PAGE_SIZE], window.keys[n:n + PAGE_SIZE])
        if new:
            self.dataChanged.emit(self.index(0, 0), self.index(new - 1, len(COLUMNS) - 1))
        self.refreshed.emit(new)
        self.page_loaded.emit(first)

    def _row(self, row: int) -> int:
        """The place of `row` in its page, the page loaded (or asked for) if need be; -1 until it is in."""
        page = row // PAGE_SIZE
        loaded = self._pages.get(page)
        if loaded is not None:
            self._pages.move_to_end(page)
            offset = row - loaded.start
            return offset if 0 <= offset < len(loaded.rows) else -1
        if page not in self._requested:
            self._requested.add(page)
            self._request(page)
        return -1

    def _request(self, page: int) -> None:
        start = page * PAGE_SIZE
        generation = self._generation
        before, after = self._pages.get(page - 1), self._pages.get(page + 1)
        anchor: dict = {}
        if before is not None and before.keys and before.start + len(before.keys) == start:
            anchor["after"] = before.keys[-1]
        elif after is not None and after.keys and after.start == start + PAGE_SIZE:
            anchor["before"] = after.keys[0]
        self.gui.read(listing.list_page, self._filter, start=start, limit=PAGE_SIZE, **anchor, owner=self,
                      on_done=lambda found, p=page, g=generation: self._set_page(g, p, found))

    def _set_page(self, generation: int, page: int, found: listing.ListPage) -> None:
        if generation != self._generation:
            return  # the filter changed, or the list was read again, meanwhile
        self._requested.discard(page)
        self._pages[page] = found
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)

    def _summary(self, row: int) -> svc.ResidentSummary | None:
        offset = self._row(row)
        return None if offset < 0 else self._pages[row // PAGE_SIZE].rows[offset]

    def resident_id(self, row: int) -> str | None:
        """The id on `row` when its page is in (the rows a person sees or picks always are)."""
        loaded = self._pages.get(row // PAGE_SIZE) if 0 <= row < self._count else None
        if loaded is None:
            return None
        offset = row - loaded.start
        return loaded.keys[offset][1] if 0 <= offset < len(loaded.keys) else None

    def row_of(self, resident_id: str) -> int:
        """The row of a resident among the pages in (-1 when not there)."""
        for loaded in self._pages.values():
            for offset, (_sort, rid) in enumerate(loaded.keys):
                if rid == resident_id:
                    return loaded.start + offset
        return -1

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

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
        if not index.isValid() or not (0 <= index.row() < self._count) or not (0 <= index.column() < len(COLUMNS)):
            return None
        if role == ID_ROLE:
            return self.resident_id(index.row())
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
