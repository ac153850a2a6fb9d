"""The complaints page: filters, the list (overdue highlighted), and beside it either the
selected complaint or the intake form. Ctrl+N new complaint, Ctrl+F filters, F5 refresh."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.complaint_catalogue import SEVERITIES
from desktop.core.complaint_lifecycle import STATUSES
from desktop.gui.layouts import (
    FlowLayout,
    ResponsiveSplitter,
    fit_columns,
    remember_splitter,
    shrinkable,
    vertical_scroll,
)
from desktop.gui.complaints.detail_view import ComplaintDetailView
from desktop.gui.complaints.intake_form import IntakeForm
from desktop.gui.complaints.list_model import ComplaintTableModel
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.complaints import deadlines as dl
from desktop.services.complaints import complaints as svc
from desktop.services.setup.ward_setup import residential_groups

KINDS_SHOWN = frozenset({"complaint", "complaint_event", "complaint_feedback", "attachment", "residential_group"})


class ComplaintsPage(QWidget):
    listed = Signal(int)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self._key = f"complaints.list.{id(self)}"
        cat = dl.catalogue(gui.app)

        self.status_filter = self._combo("statusFilter", tr("Mọi trạng thái"),
                                         [(tr(label), code) for code, label in STATUSES.items()])
        self.kind_filter = self._combo("kindFilter", tr("Mọi loại"), [(k.display(), k.code) for k in cat.kinds])
        self.category_filter = self._combo("categoryFilter", tr("Mọi lĩnh vực"), [])
        self.severity_filter = self._combo("severityFilter", tr("Mọi mức độ"),
                                           [(tr(label), code) for code, label in SEVERITIES.items()])
        self.group_filter = self._combo("groupFilter", tr("Mọi tổ dân phố"), [])
        self.code_filter = QLineEdit(self)  # a code read out on the phone, typed any way ("pa 7kx 4mt")
        self.code_filter.setObjectName("codeFilter")
        self.code_filter.setPlaceholderText(tr("Mã phản ánh"))
        self.code_filter.setClearButtonEnabled(True)
        self.code_filter.setMaximumWidth(140)
        self.overdue_filter = QCheckBox(tr("Chỉ quá hạn"), self)
        self.overdue_filter.setObjectName("overdueFilter")
        self.new_button = QPushButton(tr("+ Phản ánh mới (Ctrl+N)"), self)
        self.new_button.setObjectName("newComplaintButton")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        filters = FlowLayout()  # wraps onto a second line on a small screen or with large text
        for w in (self.new_button, self.code_filter, self.status_filter, self.kind_filter, self.category_filter,
                  self.severity_filter, self.group_filter, self.overdue_filter, self.count_label):
            filters.addWidget(w)

        self.model = ComplaintTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("complaintsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # widths from typical values in the table's font: they follow the text size
        fit_columns(self.table, dict(enumerate((  # code, title, status, due, overdue, severity, category, kind, group
            "PA-E80EFB00", "Rác thải ùn ứ lâu ngày", "Đã tiếp nhận", "15/09/2026 10:00", "Quá hạn tiếp nhận",
            "Thông thường", "Vệ sinh môi trường", "Kiến nghị", "Tổ dân phố số 10", "15/09/2026 10:00"))))

        self.detail = ComplaintDetailView(gui, self)
        self.intake = IntakeForm(gui, self)
        self.empty = QLabel(tr("Chọn một phản ánh trong danh sách, hoặc Ctrl+N để ghi nhận phản ánh mới."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.side = QStackedWidget(self)
        for w in (self.empty, self.detail, self.intake):
            self.side.addWidget(w)

        splitter = ResponsiveSplitter(110, self)  # list above the detail below ~110 characters
        splitter.setObjectName("complaintsSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(vertical_scroll(self.side, self))  # a tall detail scrolls, the window stays
        # the list (code, title, state, due date) gets the larger share; the detail keeps at least what it needs
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 480])
        remember_splitter(splitter, gui.app.settings, "splitter_complaints")
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        for combo in (self.status_filter, self.category_filter, self.severity_filter, self.group_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.kind_filter.currentIndexChanged.connect(self._kind_changed)
        self.overdue_filter.toggled.connect(self.refresh)
        self.code_filter.textChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.new_complaint)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.intake.filed.connect(self._filed)
        self.intake.cancelled.connect(self._intake_closed)
        for seq, slot, name in (("Ctrl+N", self.new_complaint, tr("Ghi nhận phản ánh mới")),
                                ("F5", self.refresh, tr("Làm mới danh sách phản ánh")),
                                ("Ctrl+F", self.status_filter.setFocus, tr("Lọc phản ánh"))):
            sc = QShortcut(QKeySequence(seq), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.setWhatsThis(name)  # named so the shortcut list (Ctrl+/) shows it
        gui.bus.changed.connect(self._on_changed)
        self._select_after: str | None = None
        self._load_groups()
        self.refresh()

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = shrinkable(QComboBox(self), 12)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for label, code in items:
            combo.addItem(label, code)
        return combo

    # -- list ---------------------------------------------------------------------------
    def current_filter(self) -> svc.ComplaintFilter:
        return svc.ComplaintFilter(
            status=self.status_filter.currentData(), kind=self.kind_filter.currentData(),
            category=self.category_filter.currentData(), severity=self.severity_filter.currentData(),
            residential_group_id=self.group_filter.currentData(), overdue=self.overdue_filter.isChecked(),
            code=self.code_filter.text())

    def refresh(self, *_a) -> None:
        self.gui.read(svc.list_complaints, self.current_filter(), key=self._key, on_done=self._show_rows)

    def _show_rows(self, rows: list) -> None:
        current = self._current_id()
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        self.count_label.setText(tr("{n} phản ánh, {k} quá hạn").format(n=len(rows), k=overdue))
        target = self._select_after or current
        self._select_after = None
        row = self.model.row_of(target) if target else -1
        if row >= 0:
            self.table.selectRow(row)
        self.listed.emit(len(rows))

    def _current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()].id if index.isValid() and index.row() < len(self.model.rows) else None

    def _row_changed(self, current, _previous) -> None:
        if current.isValid() and self.side.currentWidget() is not self.intake:
            self.side.setCurrentWidget(self.detail)
            self.detail.load(self.model.rows[current.row()].id)

    def _kind_changed(self, *_a) -> None:
        cat = dl.catalogue(self.gui.app)
        kind = cat.kind(self.kind_filter.currentData() or "")
        self.category_filter.blockSignals(True)
        while self.category_filter.count() > 1:
            self.category_filter.removeItem(1)
        for c in kind.categories if kind else ():
            self.category_filter.addItem(c.display(), c.code)
        self.category_filter.setCurrentIndex(0)
        self.category_filter.blockSignals(False)
        self.refresh()

    def _load_groups(self) -> None:
        self.gui.read(residential_groups, key=self._key + ".groups", on_done=self._set_groups)

    def _set_groups(self, groups) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        while self.group_filter.count() > 1:
            self.group_filter.removeItem(1)
        for g in groups:
            self.group_filter.addItem(g.name, g.id)
        self.group_filter.setCurrentIndex(max(self.group_filter.findData(current), 0))
        self.group_filter.blockSignals(False)

    def _on_changed(self, kinds) -> None:
        if "residential_group" in kinds:
            self._load_groups()
        if kinds & KINDS_SHOWN:
            self.refresh()

    # -- intake -------------------------------------------------------------------------
    def new_complaint(self) -> None:
        self.table.hide()  # the intake form gets the whole page
        self.side.setCurrentWidget(self.intake)
        self.intake.reset()

    def _filed(self, complaint_id: str) -> None:
        self.table.show()
        self._select_after = complaint_id
        self.side.setCurrentWidget(self.detail)
        self.detail.load(complaint_id)

    def _intake_closed(self) -> None:
        self.table.show()
        self.side.setCurrentWidget(self.detail if self.detail.detail else self.empty)
        self.table.setFocus()
