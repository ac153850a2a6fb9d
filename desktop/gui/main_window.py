"""The main window: page navigation, status bar (ward, online state, changes waiting)."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QSizePolicy,
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.appearance import install_appearance
from desktop.gui.context import GuiContext
from desktop.gui.help import install_help
from desktop.gui.i18n import tr
from desktop.gui.pages import PAGES, PageSpec
from desktop.services.setup import stats
from desktop.services.setup.ward_setup import WardInfo
from desktop.sync.connectivity import reachable_with

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 30_000


class NotBuiltPage(QWidget):
    """Said plainly: this part of the app does not exist yet. No fake data."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel(
            tr("Trang «{title}» chưa được xây dựng trong phiên bản này.").format(title=title), self
        )
        label.setObjectName("notBuiltLabel")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(label)


class MainWindow(QMainWindow):
    def __init__(self, gui: GuiContext, ward: WardInfo):
        super().__init__()
        self.gui = gui
        self.ward = ward
        self.setObjectName("mainWindow")
        self.setWindowTitle(tr("Tổ CĐS Desktop — {ward}").format(ward=ward.ward_name))
        self._pages: dict[str, QWidget] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(220)
        self.nav.setMinimumWidth(150)  # page titles stay readable when a page is wide
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 8px 10px; }")
        self.stack = QStackedWidget(self)
        for spec in PAGES:
            item = QListWidgetItem(tr(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.shortcut)
            self.nav.addItem(item)
            action = QAction(tr(spec.title), self)  # named: the help lists it
            action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            self.addAction(action)
        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGES[row].key))

        splitter = QSplitter(self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)

        self.ward_label = QLabel(f"{ward.ward_name}, {ward.province_name}", self)
        self.online_label = QLabel(self)
        self.online_label.setObjectName("onlineLabel")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pendingLabel")
        self.statusBar().addWidget(self.ward_label, 1)
        self.statusBar().addPermanentWidget(self.online_label)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.online: bool | None = None
        self.pending: int | None = None
        self._set_online(False)

        gui.bus.changed.connect(lambda _kinds: self.refresh_status())
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_status)
        self._timer.start()

        self._restore_geometry()
        install_appearance(self)  # text size, focus, contrast, icon, View menu
        install_help(self)  # F1, shortcut list, About
        last = gui.app.settings.get("last_page")
        self.show_page(last if any(p.key == last for p in PAGES) else PAGES[0].key)
        self.refresh_status()
        from desktop.gui.sync.scheduler import scheduler_for  # background sync (issue 6)

        self.sync_scheduler = scheduler_for(gui)
        self.sync_scheduler.finished.connect(lambda _r: self.refresh_status())
        self.sync_scheduler.start()

    # -- pages ------------------------------------------------------------------------
    def show_page(self, key: str) -> QWidget:
        spec = next(p for p in PAGES if p.key == key)
        page = self._pages.get(key) or self._build_page(spec)
        # Only the page on screen may set the window's minimum size: hidden pages are
        # "Ignored", so one wide page does not make every page wider than the screen.
        for other in self._pages.values():
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(page)
        row = PAGES.index(spec)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        if self.gui.app.settings.get("last_page") != key:
            self.gui.app.settings.set("last_page", key)
        return page

    def _build_page(self, spec: PageSpec) -> QWidget:
        if spec.factory is None:
            page: QWidget = NotBuiltPage(tr(spec.title), self.stack)
        else:
            module_name, _, class_name = spec.factory.partition(":")
            page = getattr(importlib.import_module(module_name), class_name)(self.gui, self.stack)
        page.setObjectName(f"page_{spec.key}")
        self._pages[spec.key] = page
        self.stack.addWidget(page)
        return page

    def current_page_key(self) -> str:
        return next(k for k, w in self._pages.items() if w is self.stack.currentWidget())

    # -- status bar -------------------------------------------------------------------
    def refresh_status(self) -> None:
        self.gui.read(stats.pending_changes, on_done=self._set_pending, key="status.pending")
        self.gui.tasks.read(reachable_with, self.gui.app.settings, on_done=self._set_online, key="status.online")

    def _set_pending(self, n: int) -> None:
        self.pending = n
        self.pending_label.setText(tr("Chờ đồng bộ: {n}").format(n=n))

    def _set_online(self, online: bool) -> None:
        self.online = online
        self.online_label.setText(tr("Trực tuyến") if online else tr("Ngoại tuyến"))
        self.online_label.setProperty("online", online)

    # -- geometry ---------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.gui.app.settings.get("window_geometry")
        if geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii"))):
            return
        # First start: use most of the screen (booth laptops are often 1366x768).
        screen = self.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if area is None or area.width() < 400:
            self.resize(1280, 760)
            return
        self.resize(max(800, int(area.width() * 0.96)), max(560, int(area.height() * 0.94)))
        self.move(area.center() - self.rect().center())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.gui.app.settings.set("window_geometry", bytes(self.saveGeometry().toBase64()).decode("ascii"))
        self._timer.stop()
        self.sync_scheduler.stop()
        self.gui.tasks.wait_for_writes()
        super().closeEvent(event)
