"""About: the version, the data folder, and the licences of the bundled components."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.gui.appearance import app_icon
from desktop.gui.help.licences import bundled_components
from desktop.gui.i18n import tr


class AboutDialog(QDialog):
    def __init__(self, gui, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("Giới thiệu Tổ CĐS Desktop"))
        self.resize(640, 520)
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        self.summary = QLabel(self)
        self.summary.setObjectName("aboutSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summary.setWordWrap(True)
        self.summary.setText("\n".join((
            tr("Tổ CĐS Desktop — phiên bản {version}").format(version=__version__),
            tr("Ứng dụng của Tổ Chuyển đổi số cộng đồng: đưa cư dân lên iHaNoi."),
            tr("Thư mục dữ liệu: {path}").format(path=gui.app.folder.root),
            tr("Python {python}, Qt {qt}, PySide6 {pyside}").format(
                python=platform.python_version(), qt=qVersion(), pyside=pyside_version),
        )))
        heading = QLabel(tr("Thành phần đi kèm và giấy phép:"), self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("licenceTable")
        self.table.setHorizontalHeaderLabels([tr("Thành phần"), tr("Phiên bản"), tr("Giấy phép")])
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        components = bundled_components()
        self.table.setRowCount(len(components))
        for row, c in enumerate(components):
            for col, text in enumerate((c.name, c.version, c.licence)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.summary)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
