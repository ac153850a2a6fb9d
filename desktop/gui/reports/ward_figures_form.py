"""The ward's official figures per year (team lead): the denominators of the city's indicators."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from desktop.core.period import today_vn
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.reports import indicators
from desktop.core.formatting import number


class WardFiguresForm(QGroupBox):
    saved = Signal(object)  # WardFiguresInfo, once stored

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(tr("Số liệu chính thức của phường (mẫu số của các chỉ tiêu thành phố)"), parent)
        self.gui = gui
        self.setObjectName("wardFiguresForm")
        self.year = QSpinBox(self)
        self.year.setRange(indicators.FIRST_YEAR, indicators.LAST_YEAR)
        self.year.setValue(today_vn().year)
        self.year.setMaximumWidth(100)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(tr("Năm"), self.year)
        for key, label in (("population_15_plus", tr("Dân số từ 15 tuổi trở lên *")),
                           ("smartphone_owners_15_plus", tr("Trong đó có điện thoại thông minh")),
                           ("households", tr("Số hộ gia đình")), ("officials", tr("Số cán bộ, công chức, viên chức"))):
            edit = QLineEdit(self)
            edit.setObjectName(f"figure_{key}")
            edit.setMaxLength(11)
            edit.setMaximumWidth(160)
            form.addRow(label, edit)
            self.fields[key] = edit
        self.source = QLineEdit(self)
        self.source.setObjectName("figureSource")
        self.source.setPlaceholderText(tr("Ví dụ: Công an phường, số liệu dân cư tháng 01"))
        self.source.setMaximumWidth(480)
        form.addRow(tr("Nguồn số liệu"), self.source)
        self.save_button = QPushButton(tr("Lưu số liệu"), self)
        self.save_button.setObjectName("saveWardFigures")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(self)
        self.message.setObjectName("wardFiguresMessage")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("wardFiguresTable")
        self.table.setHorizontalHeaderLabels([tr("Năm"), tr("Dân số từ 15 tuổi"), tr("Có điện thoại thông minh"),
                                              tr("Số hộ"), tr("Cán bộ, công chức")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(160)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.year.valueChanged.connect(lambda _y: self._fill_year())
        self.rows: list = []
        self.load()

    def load(self) -> None:
        self.gui.read(indicators.list_ward_figures, owner=self, on_done=self._show, key=f"wardfigures.{id(self)}")

    def _show(self, rows: list) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            for c, value in enumerate((str(f.year), number(f.population_15_plus), number(f.smartphone_owners_15_plus),
                                       number(f.households), number(f.officials))):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self._fill_year()

    def _fill_year(self) -> None:
        f = next((x for x in self.rows if x.year == self.year.value()), None)
        for key, edit in self.fields.items():
            value = getattr(f, key) if f else None
            edit.setText("" if value is None else str(value))
        self.source.setText(f.source if f else "")

    def save(self) -> None:
        values = {key: edit.text().strip().replace(".", "") or None for key, edit in self.fields.items()}
        self.gui.write(indicators.set_ward_figures, self.year.value(), values["population_15_plus"],
                       values["smartphone_owners_15_plus"], values["households"], values["officials"], self.source.text(),
                       owner=self, on_done=self._saved, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))

    def _saved(self, info) -> None:
        self.message.setText(tr("Đã lưu số liệu năm {year}.").format(year=info.year))
        self.saved.emit(info)
        self.load()
