"""The residents page: search, filters, the lazy list, detail/registration, import and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import file_dialogs
from desktop.core import formatting
from desktop.core.vocab import ADOPTION_STAGES, TARGET_GROUPS
from desktop.gui.layouts import (
    FlowLayout,
    ResponsiveSplitter,
    fit_columns,
    remember_splitter,
    shrinkable,
    vertical_scroll,
)
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.residents.card_flow import CardScanFlow
from desktop.gui.residents.detail import ResidentDetailView
from desktop.gui.residents.form import ResidentForm
from desktop.gui.residents.list_model import ResidentListModel
from desktop.gui.residents.search_box import ResidentSearchBox
from desktop.services.people import privacy
from desktop.services.residents import residents as svc
from desktop.services.residents.export import export_residents
from desktop.services.setup.ward_setup import residential_groups


class ResidentsPage(QWidget):
    detail_shown = Signal(object)  # ResidentDetail
    exported = Signal(int)
    export_failed = Signal(str)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.search = ResidentSearchBox(gui, self)
        self.search.results.setMaximumHeight(160)
        self.group_filter = shrinkable(QComboBox(self))
        self.group_filter.setObjectName("groupFilter")
        self.group_filter.addItem(tr("Mọi tổ dân phố / thôn"), None)
        self.target_filter = shrinkable(QComboBox(self))
        self.target_filter.setObjectName("targetFilter")
        self.target_filter.addItem(tr("Mọi đối tượng"), None)
        for code, label in TARGET_GROUPS.items():
            self.target_filter.addItem(tr(label), code)
        self.stage_filter = shrinkable(QComboBox(self))
        self.stage_filter.setObjectName("stageFilter")
        self.stage_filter.addItem(tr("Mọi mức iHaNoi"), None)
        for code, label in ADOPTION_STAGES.items():
            self.stage_filter.addItem(tr(label), code)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")

        self.model = ResidentListModel(gui, self)
        self.table = QTableView(self)
        self.table.setObjectName("residentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        # widths from typical values in the table's font: they follow the text size (CCCD never "…")
        fit_columns(self.table, dict(enumerate(("Nguyễn Thị Thanh Hương", "1958", "Tổ dân phố số 10",
                                                "+84 912 *** 678", "001*******345", "Người cao tuổi"))))

        self.new_button = QPushButton(tr("Đăng ký mới (Ctrl+N)"), self)
        self.new_button.setObjectName("newButton")
        self.import_button = QPushButton(tr("Nhập từ Excel/CSV…"), self)
        self.import_button.setObjectName("importButton")
        self.export_button = QPushButton(tr("Xuất danh sách đang lọc…"), self)
        self.export_button.setObjectName("exportButton")

        self.detail = ResidentDetailView(self)
        self.form = ResidentForm(gui, self)
        self.form.new_shortcut.setEnabled(False)  # the page's Ctrl+N also reaches the form
        self.right = QStackedWidget(self)
        self.right.addWidget(self.detail)
        self.right.addWidget(self.form)

        filters = QHBoxLayout()
        for w in (self.group_filter, self.target_filter, self.stage_filter):
            filters.addWidget(w, 1)
        actions = FlowLayout()  # wraps under large text instead of widening the page
        actions.addWidget(self.count_label)
        actions.addWidget(self.new_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.search)
        ll.addLayout(filters)
        ll.addWidget(self.table, 1)
        ll.addLayout(actions)
        # Side by side on a wide window; below ~150 characters the detail/form stacks under the list.
        splitter = ResponsiveSplitter(150, self)
        splitter.setObjectName("residentsSplitter")
        splitter.addWidget(left)
        splitter.addWidget(vertical_scroll(self.right, self))  # a tall form scrolls, the window stays
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        remember_splitter(splitter, gui.app.settings, "splitter_residents")
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.search.chosen.connect(lambda s: self.open_resident(s.id))
        # A scanned card (search box, photo, or typed into the form) goes one way: found, compared, or registered.
        self.card_flow = CardScanFlow(gui, self)
        self.search.card_scanned.connect(self.card_flow.take)
        self.form.card_scanned.connect(self.card_flow.take)
        self.card_flow.open_resident.connect(lambda rid, _name: self.open_resident(rid))
        self.card_flow.register.connect(self.register_from_card)
        self.card_flow.message.connect(lambda text: self.search.hint.setText(text) if text else None)
        for combo in (self.group_filter, self.target_filter, self.stage_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda index: self.open_resident(self.model.resident_id(index.row())))
        self.model.loaded.connect(self._show_count)
        self.model.refreshed.connect(self._show_count)
        self.new_button.clicked.connect(self.new_resident)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self._choose_export)
        self.detail.edit_requested.connect(self._edit)
        self.detail.reveal_requested.connect(self.reveal)
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(self._form_cancelled)
        self.form.open_existing.connect(self.open_resident)
        for seq, slot, name in (("Ctrl+N", self.new_resident, tr("Đăng ký cư dân mới")),
                                ("Ctrl+F", self.search.edit.setFocus, tr("Tìm cư dân")),
                                ("Ctrl+I", self.open_import, tr("Nhập danh sách từ tệp")),
                                ("Ctrl+E", self._choose_export, tr("Xuất danh sách đang lọc")),
                                ("Ctrl+H", self.detail.request_reveal, tr("Hiện số CCCD/điện thoại đầy đủ"))):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.setWhatsThis(name)  # named so the shortcut list (Ctrl+/) shows it
            sc.activated.connect(slot)
        gui.bus.changed.connect(self._on_changed)
        self._load_groups()
        self.model.reload()
        self.search.edit.setFocus()

    # -- filters and list -------------------------------------------------------------
    def _load_groups(self) -> None:
        self.gui.read(residential_groups, on_done=self._set_groups, key=f"page.groups.{id(self)}")

    def _set_groups(self, groups) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(tr("Mọi tổ dân phố / thôn"), None)
        for g in groups:
            self.group_filter.addItem(g.name, g.id)
        i = self.group_filter.findData(current)
        self.group_filter.setCurrentIndex(max(i, 0))
        self.group_filter.blockSignals(False)

    def _on_changed(self, kinds) -> None:
        if "residential_group" in kinds:
            self._load_groups()

    def current_filter(self) -> svc.ResidentFilter:
        return svc.ResidentFilter(residential_group_id=self.group_filter.currentData(),
                                  target_group=self.target_filter.currentData(),
                                  adoption_stage=self.stage_filter.currentData())

    def _apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _show_count(self, n: int) -> None:
        self.count_label.setText(tr("{n} cư dân").format(n=formatting.number(n)))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows and self.right.currentWidget() is self.detail:
            rid = self.model.resident_id(rows[0].row())
            if rid:
                self.open_resident(rid)

    # -- detail and form --------------------------------------------------------------
    def open_resident(self, resident_id: str | None) -> None:
        if not resident_id:
            return
        self.gui.read(svc.get_resident, resident_id, key=f"page.detail.{id(self)}", on_done=self._show_detail,
                      on_error=lambda _exc: self.detail.show_detail(None))

    def _show_detail(self, d: svc.ResidentDetail) -> None:
        self.right.setCurrentWidget(self.detail)
        self.detail.show_detail(d)
        self.detail_shown.emit(d)

    def reveal(self, resident_id: str, field: str) -> None:
        """Full CCCD/CMND/phone of the shown resident: refused unless police/lead/admin; audited in the service."""
        self.gui.write(privacy.reveal_identifier, resident_id, field,
                       on_done=lambda value: self.detail.show_revealed(resident_id, field, value),
                       on_error=lambda exc: self.detail.show_refusal(str(exc)))

    def new_resident(self) -> None:
        self.form.reset()
        self.right.setCurrentWidget(self.form)
        self.form.full_name.setFocus()

    def register_from_card(self, match, _card=None) -> None:
        """An unknown card: the registration form filled from it (group, phone, target group, consent left)."""
        if self.right.currentWidget() is not self.form or self.form.editing_id is not None:
            self.form.reset()
        self.right.setCurrentWidget(self.form)
        self.form.fill_from_card(match.draft, match.problems)
        self.search.hint.setText(tr("Thẻ này chưa có trong danh sách: đã mở đăng ký mới theo thẻ."))

    def _edit(self, d: svc.ResidentDetail) -> None:
        self.form.edit(d)
        self.right.setCurrentWidget(self.form)

    def _saved(self, d: svc.ResidentDetail) -> None:
        self._show_detail(d)
        self.search.edit.setFocus()

    def _form_cancelled(self) -> None:
        self.right.setCurrentWidget(self.detail)
        self.search.edit.setFocus()

    # -- import / export --------------------------------------------------------------
    def open_import(self) -> None:
        from desktop.gui.residents.import_dialog import ImportDialog

        dialog = ImportDialog(self.gui, self)
        dialog.open()
        return dialog

    def _choose_export(self) -> None:
        semicolon = tr("CSV, dấu chấm phẩy «;» (Excel tiếng Việt) (*.csv)")
        comma = tr("CSV, dấu phẩy «,» (*.csv)")
        path, chosen = file_dialogs.save_file_name_and_filter(
            self, tr("Xuất danh sách cư dân"), str(Path.home() / "cu_dan.xlsx"),
            ";;".join([tr("Excel (*.xlsx)"), semicolon, comma]))
        if path:
            if chosen in (semicolon, comma) and not path.lower().endswith(".csv"):
                path += ".csv"
            self.export_to(path, separator="," if chosen == comma else ";")

    def export_to(self, path: str, separator: str = ",") -> None:
        """Export the current filter off the UI thread; `exported` says how many."""
        flt = self.current_filter()
        self.export_button.setEnabled(False)
        self.count_label.setText(tr("Đang xuất…"))

        def done(n: int) -> None:
            self.export_button.setEnabled(True)
            self.count_label.setText(tr("Đã xuất {n} cư dân ra {file}").format(n=n, file=Path(path).name))
            self.exported.emit(n)

        def failed(exc: BaseException) -> None:  # e.g. PermissionDenied: only team lead/admin export
            self.export_button.setEnabled(True)
            self.count_label.setText(str(exc))
            self.export_failed.emit(str(exc))

        self.gui.tasks.job(lambda control: export_residents(self.gui.app, path, flt, control=control, separator=separator),
                           writer=False,
                           on_done=done, on_error=failed)
