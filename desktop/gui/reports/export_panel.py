"""The export panel: the lead types difficulties, proposals, recipients and the signer,
then writes the official report as .xlsx or .pdf (figures computed off the UI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import file_dialogs
from desktop.core.period import Period
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.reports.official_report import ReportInputs, load_inputs, official_report, save_inputs


class ExportPanel(QWidget):
    exported = Signal(str)  # path written
    failed = Signal(str)  # message for people

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.period: Period | None = None
        self.kind = "period"
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(tr("ví dụ 12 (để trống nếu chưa có số)"))
        self.difficulties = self._text(tr("Những khó khăn, vướng mắc trong kỳ…"))
        self.proposals = self._text(tr("Đề xuất, kiến nghị với cấp trên…"))
        self.recipients = self._text(tr("Mỗi dòng một nơi nhận; để trống để dùng danh sách mặc định"))
        self.signer_title = QLineEdit(self)
        self.signer_title.setPlaceholderText(tr("Tổ trưởng"))
        self.signer_name = QLineEdit(self)
        form = QFormLayout()
        form.addRow(tr("Số báo cáo:"), self.number)
        form.addRow(tr("Khó khăn, vướng mắc:"), self.difficulties)
        form.addRow(tr("Đề xuất, kiến nghị:"), self.proposals)
        form.addRow(tr("Nơi nhận:"), self.recipients)
        form.addRow(tr("Chức vụ người ký:"), self.signer_title)
        form.addRow(tr("Họ tên người ký:"), self.signer_name)
        self.xlsx_button = QPushButton(tr("Xuất Excel (.xlsx)…"), self)
        self.xlsx_button.setShortcut(QKeySequence("Ctrl+E"))
        self.xlsx_button.setToolTip("Ctrl+E")
        self.pdf_button = QPushButton(tr("Xuất PDF…"), self)
        self.pdf_button.setShortcut(QKeySequence("Ctrl+P"))
        self.pdf_button.setToolTip("Ctrl+P")
        self.xlsx_button.clicked.connect(lambda: self.choose_and_export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.choose_and_export("pdf"))
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for a, b in ((self.number, self.difficulties), (self.difficulties, self.proposals), (self.proposals, self.recipients),
                     (self.recipients, self.signer_title), (self.signer_title, self.signer_name),
                     (self.signer_name, self.xlsx_button), (self.xlsx_button, self.pdf_button)):
            self.setTabOrder(a, b)
        self.loaded = False
        gui.read(load_inputs, on_done=self._fill, key="reports.inputs")

    def _text(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(64)
        return edit

    def _fill(self, inputs: ReportInputs) -> None:
        self.number.setText(inputs.number)
        self.difficulties.setPlainText(inputs.difficulties)
        self.proposals.setPlainText(inputs.proposals)
        self.recipients.setPlainText("\n".join(inputs.recipients))
        self.signer_title.setText(inputs.signer_title)
        self.signer_name.setText(inputs.signer_name)
        self.loaded = True

    def inputs(self) -> ReportInputs:
        return ReportInputs(
            number=self.number.text(),
            difficulties=self.difficulties.toPlainText(),
            proposals=self.proposals.toPlainText(),
            recipients=self.recipients.toPlainText().splitlines(),
            signer_title=self.signer_title.text(),
            signer_name=self.signer_name.text(),
        ).cleaned()

    def set_period(self, period: Period, kind: str) -> None:
        self.period, self.kind = period, kind

    def default_name(self, fmt: str) -> str:
        assert self.period is not None
        if self.period.start == self.period.end:
            span = self.period.start.strftime("%Y-%m-%d")
        else:
            span = f"{self.period.start:%Y-%m-%d}_{self.period.end:%Y-%m-%d}"
        return f"bao-cao-ihanoi_{span}.{fmt}"

    def choose_and_export(self, fmt: str) -> None:
        if self.period is None:
            return
        filters = {"xlsx": tr("Bảng tính Excel (*.xlsx)"), "pdf": tr("Tài liệu PDF (*.pdf)")}
        path = file_dialogs.save_file_name(self, tr("Lưu báo cáo"), str(Path.home() / self.default_name(fmt)), filters[fmt])
        if path:
            if not path.lower().endswith("." + fmt):
                path += "." + fmt
            self.export(fmt, path)

    def export(self, fmt: str, path: str) -> None:
        """Remember the typed text, compute the report in the background, write the file."""
        if self.period is None:
            return
        inputs = self.inputs()
        period, kind = self.period, self.kind
        self._busy(True, tr("Đang lập báo cáo…"))
        self.gui.write(save_inputs, inputs, on_error=self._error)
        self.gui.read(official_report, period, kind, inputs, on_done=lambda doc: self._write(fmt, doc, path),
                      on_error=self._error, key="reports.export")

    def _write(self, fmt: str, doc: dict, path: str) -> None:
        """Both files are written in the background by the writers the CLI uses (no Qt in them)."""
        from desktop.services.reports import pdf_report, xlsx_report

        render = xlsx_report.render if fmt == "xlsx" else pdf_report.render
        self.gui.tasks.read(render, self.gui.app, self.kind, doc, path, on_done=lambda _p: self._done(path),
                            on_error=self._error)

    def _done(self, path: str) -> None:
        self._busy(False, tr("Đã ghi báo cáo vào {path}").format(path=path))
        self.exported.emit(path)

    def _error(self, exc: BaseException) -> None:
        message = tr("Không ghi được báo cáo: {reason}").format(reason=str(exc))
        self._busy(False, message)
        self.failed.emit(message)

    def _busy(self, busy: bool, text: str) -> None:
        self.xlsx_button.setEnabled(not busy)
        self.pdf_button.setEnabled(not busy)
        self.status.setText(text)
