"""Import residents from Excel/CSV: choose the file, confirm the columns, check, then import.

Checking is a dry run listing every rejected row (row, field, reason) and every duplicate.
Both checking and importing run as background jobs with a progress bar and a Cancel
button; a cancelled import stores nothing (one transaction).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import file_dialogs, palette
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.residents import files as rf
from desktop.services.residents import importing as ri
from desktop.store.errors import describe


class _UnsureItem(QTableWidgetItem):
    """A column the guess is not sure of: tinted from the palette when drawn, so it follows high contrast."""

    def data(self, role: int):
        if role == Qt.ItemDataRole.BackgroundRole:
            return palette.brush("unsure_background")
        if role == Qt.ItemDataRole.ForegroundRole:
            return palette.brush("unsure_text")
        return super().data(role)


class ImportDialog(QDialog):
    preview_ready = Signal(object)  # FilePreview
    checked = Signal(object)  # ImportReport of the dry run
    imported = Signal(object)  # ImportReport of the import
    import_cancelled = Signal()
    failed = Signal(str)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.setObjectName("importDialog")
        self.setWindowTitle(tr("Nhập danh sách cư dân"))
        self.resize(860, 560)
        self.preview: rf.FilePreview | None = None
        self.report: ri.ImportReport | None = None
        self._control = None

        self.file_label = QLabel(tr("Chưa chọn tệp."), self)
        self.file_label.setObjectName("fileLabel")
        self.choose_button = QPushButton(tr("Chọn tệp…"), self)
        self.choose_button.clicked.connect(self.choose_file)

        # step 1: columns
        self.columns = QTableWidget(0, 3, self)
        self.columns.setObjectName("columnsTable")
        self.columns.setHorizontalHeaderLabels([tr("Cột trong tệp"), tr("Ví dụ"), tr("Là trường")])
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().setVisible(False)
        self.columns_note = QLabel(self)
        self.columns_note.setWordWrap(True)
        self.check_button = QPushButton(tr("Kiểm tra tệp"), self)
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.run_check)
        step1 = QWidget(self)
        l1 = QVBoxLayout(step1)
        l1.setContentsMargins(0, 0, 0, 0)
        l1.addWidget(self.columns_note)
        l1.addWidget(self.columns, 1)

        # step 2: check results
        self.summary = QLabel(self)
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 3, self)
        self.problems.setObjectName("problemsTable")
        self.problems.setHorizontalHeaderLabels([tr("Dòng"), tr("Trường"), tr("Lý do")])
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.valid_only = QCheckBox(tr("Chỉ nhập các dòng hợp lệ, bỏ qua dòng lỗi"), self)
        self.valid_only.setObjectName("validOnly")
        self.valid_only.toggled.connect(self._update_import_button)
        self.accept_warnings = QCheckBox(tr("Chấp nhận dòng có CCCD không khớp giới tính / năm sinh"), self)
        self.accept_warnings.setObjectName("acceptWarnings")
        self.accept_warnings.toggled.connect(lambda _on: self.run_check())
        self.by_address = QCheckBox(tr("Gộp những người cùng địa chỉ trong cùng tổ dân phố / thôn thành một hộ"), self)
        self.by_address.setObjectName("householdsByAddress")
        self.by_address.toggled.connect(lambda _on: self.run_check())
        step2 = QWidget(self)
        l2 = QVBoxLayout(step2)
        l2.setContentsMargins(0, 0, 0, 0)
        l2.addWidget(self.summary)
        l2.addWidget(self.problems, 1)
        l2.addWidget(self.accept_warnings)
        l2.addWidget(self.by_address)
        l2.addWidget(self.valid_only)

        self.steps = QStackedWidget(self)
        self.steps.addWidget(step1)
        self.steps.addWidget(step2)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setVisible(False)
        self.progress_text = QLabel(self)
        self.cancel_job_button = QPushButton(tr("Dừng"), self)
        self.cancel_job_button.setObjectName("cancelJobButton")
        self.cancel_job_button.setVisible(False)
        self.cancel_job_button.clicked.connect(self.cancel_job)
        self.back_button = QPushButton(tr("← Sửa cột"), self)
        self.back_button.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        self.import_button = QPushButton(tr("Nhập"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.run_import)
        self.close_button = QPushButton(tr("Đóng"), self)
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.progress_text)
        bottom.addWidget(self.cancel_job_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.back_button, self.check_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.steps, 1)
        layout.addLayout(bottom)
        layout.addLayout(buttons)
        self._set_stage("start")

    # -- stages -----------------------------------------------------------------------
    def _set_stage(self, stage: str) -> None:
        busy = stage == "busy"
        if not busy:
            self.progress_text.clear()
        self.progress.setVisible(busy)
        self.cancel_job_button.setVisible(busy)
        self.choose_button.setEnabled(not busy)
        self.check_button.setVisible(stage in ("columns",))
        self.check_button.setEnabled(not busy)
        self.back_button.setVisible(stage == "checked")
        self.import_button.setVisible(stage == "checked")
        self.close_button.setEnabled(not busy)
        if stage == "checked":
            self._update_import_button()

    def _update_import_button(self) -> None:
        r = self.report
        can = bool(r and r.valid_rows and (not r.rejected or self.valid_only.isChecked()))
        self.import_button.setEnabled(can)
        if r is not None:
            self.import_button.setText(tr("Nhập {n} cư dân").format(n=r.valid_rows))

    # -- step 1 -----------------------------------------------------------------------
    def choose_file(self) -> None:
        path = file_dialogs.open_file_name(self, tr("Chọn tệp danh sách cư dân"), str(Path.home()),
                                           tr("Excel, CSV hoặc văn bản Unicode (*.xlsx *.xls *.csv *.txt)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        self.file_label.setText(Path(path).name)
        self.gui.tasks.read(rf.inspect_file, path, key=f"import.inspect.{id(self)}", on_done=self._show_preview,
                            on_error=self._error)

    def _show_preview(self, preview: rf.FilePreview) -> None:
        self.preview = preview
        self.report = None
        self.columns.setRowCount(len(preview.headers))
        for i, header in enumerate(preview.headers):
            cell = _UnsureItem if i in preview.unsure else QTableWidgetItem
            head = cell(header or tr("(cột {n})").format(n=i + 1))
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            sample = cell(" | ".join(r[i] for r in preview.sample[:3] if i < len(r) and r[i]))
            sample.setFlags(Qt.ItemFlag.ItemIsEnabled)
            combo = QComboBox(self.columns)
            combo.setObjectName(f"mapCombo{i}")
            combo.addItem(tr("— bỏ qua —"), None)
            for name, label in rf.FIELD_LABELS.items():
                combo.addItem(tr(label), name)
            combo.setCurrentIndex(max(combo.findData(preview.mapping.get(i)), 0))
            self.columns.setItem(i, 0, head)
            self.columns.setItem(i, 1, sample)
            self.columns.setCellWidget(i, 2, combo)
        self.columns.resizeColumnToContents(0)
        self.columns.setColumnWidth(2, 230)
        note = tr("{n} dòng dữ liệu, dòng tiêu đề số {row}. Kiểm tra cột nào là trường nào.").format(
            n=preview.total_rows, row=preview.header_row)
        if preview.unsure:
            note += " " + tr("Các cột tô vàng chưa chắc chắn: hãy chọn giúp.")
        self.columns_note.setText(note)
        self.steps.setCurrentIndex(0)
        self._set_stage("columns")
        self.preview_ready.emit(preview)

    def mapping(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for i in range(self.columns.rowCount()):
            name = self.columns.cellWidget(i, 2).currentData()
            if name:
                out[i] = name
        return out

    def set_mapping(self, column: int, field: str | None) -> None:
        combo: QComboBox = self.columns.cellWidget(column, 2)
        combo.setCurrentIndex(max(combo.findData(field), 0))

    # -- step 2: check (dry run) ------------------------------------------------------
    def _job(self, dry_run: bool, on_done) -> None:
        assert self.preview is not None
        path, mapping = self.preview.path, self.mapping()
        valid_only, accept = self.valid_only.isChecked(), self.accept_warnings.isChecked()
        by_address = self.by_address.isChecked()
        ctx = self.gui.app
        self.progress.setRange(0, 0)
        self.progress_text.setText(tr("Đang kiểm tra…") if dry_run else tr("Đang nhập…"))
        self._set_stage("busy")
        self._control = self.gui.tasks.job(
            lambda control: ri.import_residents(ctx, path, mapping=mapping, dry_run=dry_run, valid_only=valid_only,
                                                accept_warnings=accept, control=control, households_by_address=by_address),
            writer=not dry_run, on_done=on_done, on_error=self._error, on_progress=self._progress,
            key=f"import.job.{id(self)}")

    def run_check(self) -> None:
        if self.preview is None:
            return
        self._job(True, self._show_check)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_text.setText(text)

    def _show_check(self, report: ri.ImportReport) -> None:
        self._control = None
        self.report = report
        rows = [(p.row, tr(rf.FIELD_LABELS.get(p.field, p.field)), p.reason) for p in report.rejected]
        for w in report.warnings:  # values the import changed or left out: said, never silent
            field = tr(rf.FIELD_LABELS.get(w.field, w.field)) if w.field else ""
            rows.append((w.row, tr("Cảnh báo: {field}").format(field=field) if field else tr("Cảnh báo"), w.reason))
        for d in report.duplicates:
            reason = (tr("Trùng với dòng {row} ({kind}).").format(row=d.same_as_row, kind=_kind(d.kind))
                      if d.same_as_row else tr("Đã có trong danh sách ({kind}).").format(kind=_kind(d.kind)))
            rows.append((d.row, tr("Trùng lặp"), f"{d.full_name}: {reason}"))
        rows.sort(key=lambda r: r[0])
        self.problems.setRowCount(len(rows))
        for i, (row, fld, reason) in enumerate(rows):
            for c, text in enumerate((str(row), fld, reason)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.problems.setItem(i, c, item)
        self.problems.resizeColumnsToContents()
        bad_rows = len({p.row for p in report.rejected})
        text = tr("{total} dòng: {valid} hợp lệ, {bad} dòng lỗi, {dup} dòng trùng (sẽ không nhập).").format(
            total=report.total_rows, valid=report.valid_rows, bad=bad_rows, dup=len(report.duplicates))
        if report.warnings_total:
            text += " " + tr("{n} cảnh báo: giá trị đã được sửa hoặc bỏ qua khi nhập (xem bảng).").format(n=report.warnings_total)
        if report.households:
            text += " " + tr("Sẽ tạo {n} hộ mới.").format(n=report.households)
        if bad_rows:
            text += " " + tr("Khi còn dòng lỗi sẽ không nhập gì, trừ khi chọn «Chỉ nhập các dòng hợp lệ».")
        self.summary.setText(text)
        self.steps.setCurrentIndex(1)
        self._set_stage("checked")
        self.checked.emit(report)

    # -- step 3: import ---------------------------------------------------------------
    def run_import(self) -> None:
        if self.report is None:
            return
        self._job(False, self._done)

    def _done(self, report: ri.ImportReport) -> None:
        self._control = None
        self.report = report
        self._set_stage("done")
        self.steps.setCurrentIndex(1)
        self.summary.setText(tr("Đã nhập {n} cư dân.").format(n=report.imported) + (
            " " + tr("Đã tạo {n} hộ mới.").format(n=report.households) if report.households else ""))
        self.close_button.setFocus()
        self.imported.emit(report)

    def cancel_job(self) -> None:
        if self._control is not None:
            self._control.cancel()
            self.progress_text.setText(tr("Đang dừng…"))

    def _error(self, exc: BaseException) -> None:
        self._control = None
        if isinstance(exc, ri.ImportCancelled):
            self.summary.setText(tr("Đã dừng: không có cư dân nào được nhập."))
            self._set_stage("checked" if self.report else "columns")
            self.steps.setCurrentIndex(1 if self.report else 0)
            self.import_cancelled.emit()
            return
        known = describe(exc, self.gui.app.folder.root, check=tr("nhập danh sách cư dân"))
        if known is not None:
            message = str(known)  # a full disk, a damaged or busy database: said as such
        elif isinstance(exc, (rf.ImportFileError, OSError)):
            message = str(exc)
        else:
            message = tr("Lỗi khi nhập: {error}").format(error=exc)
        self.columns_note.setText(message)
        self.summary.setText(message)
        self._set_stage("columns" if self.preview else "start")
        self.failed.emit(message)

    def reject(self) -> None:
        if self._control is not None:
            return  # finish or cancel the job first
        super().reject()


def _kind(kind: str) -> str:
    return {"cccd": tr("CCCD"), "phone": tr("số điện thoại"), "name_birth_year": tr("họ tên và năm sinh")}.get(kind, kind)
