"""The main window: page navigation, status bar (ward, online state, changes waiting)."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QSizePolicy,
    QApplication,
    QComboBox,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.appearance import install_appearance
from desktop.gui.context import GuiContext
from desktop.gui.help import install_help
from desktop.gui.i18n import tr
from desktop.gui.layouts import shrinkable
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
    def __init__(self, gui: GuiContext, ward: WardInfo, screen: QScreen | None = None):
        super().__init__()
        if screen is not None:
            self.setScreen(screen)
        self.gui = gui
        self.ward = ward
        self.setObjectName("mainWindow")
        self.setWindowTitle(tr("Tổ CĐS Desktop — {ward}").format(ward=ward.ward_name))
        self._pages: dict[str, QWidget] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setSpacing(1)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._fit_navigation()
        # The window never grows past the screen: a page that needs more room is squeezed (and the
        # screen check in tests/gui/test_screen_fit.py fails) instead of pushing the window wider.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        file_menu = self.menuBar().addMenu(tr("&Tệp"))
        file_menu.setObjectName("fileMenu")
        quit_action = QAction(tr("Thoát"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

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

        gui.bus.watch(self, lambda _kinds: self.refresh_status())
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
        for combo in page.findChildren(QComboBox):  # a long entry never widens the page past the screen
            if combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
                shrinkable(combo, 14)
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

    # -- navigation and geometry --------------------------------------------------------
    def _fit_navigation(self) -> None:
        """The navigation column as wide as its longest title (it follows the text size)."""
        metrics = self.nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count()))
        width = widest + 2 * metrics.averageCharWidth() + 2 * self.nav.frameWidth() + 4
        for i in range(self.nav.count()):  # room for Vietnamese marks above and below the line
            self.nav.item(i).setSizeHint(QSize(width, metrics.height() + metrics.descent() + 10))
        self.nav.setFixedWidth(width)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "nav"):
            # after every child has the new font (the navigation may get it after the window)
            QTimer.singleShot(0, self, self._refit)  # dropped if the window is gone by then

    def _refit(self) -> None:
        self._fit_navigation()
        self.keep_on_screen()

    def keep_on_screen(self) -> None:
        """Shrink and move the window back inside its screen's available area (never past it)."""
        if self.isMaximized() or self.isFullScreen():
            return
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        margins = self.frameGeometry().size() - self.size()
        width = min(self.width(), area.width() - margins.width())
        height = min(self.height(), area.height() - margins.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
        y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            QTimer.singleShot(0, self, self.keep_on_screen)

    def _restore_geometry(self) -> None:
        settings = self.gui.app.settings
        geometry = settings.get("window_geometry")
        screen = self.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if not (geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))):
            # First start: most of the screen (booth laptops are often 1366x768, or 1093x576 at 125%).
            if area is None or area.width() < 400:
                self.resize(1280, 720)
            else:
                self.resize(int(area.width() * 0.96), int(area.height() * 0.92))
                self.move(area.center() - self.rect().center())
        if area is not None:  # a geometry saved on a bigger screen is brought inside this one
            self.resize(min(self.width(), area.width()), min(self.height(), area.height()))
        if settings.get("window_maximised"):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self.gui.app.settings
        if settings.get("window_maximised") != self.isMaximized():
            settings.set("window_maximised", self.isMaximized())
        if not self.isMaximized():  # keep the normal size to come back to
            settings.set("window_geometry", bytes(self.saveGeometry().toBase64()).decode("ascii"))
        self._timer.stop()
        self.sync_scheduler.stop()
        self.gui.tasks.wait_for_writes()
        super().closeEvent(event)
