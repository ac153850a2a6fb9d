"""The screen check: every page, form and dialog on a ward laptop's screen, looked at and measured.

Opens each screen at 1366×768 (text 100% and 130%) and at 1093×576 (Windows at 125%), maximised
and not, saves a PNG of each and lists what does not fit: a window larger than the screen (or
needing more than it), a visible widget outside its window or cut by its parent, a button cut or
its text cut, a page-wide horizontal scrollbar, a widget left outside every layout (drawn over
others), a short value (phone, CCCD, date, code) cut in a table column.

Offscreen Qt gets the screens from `offscreen_screens.json` (QT_QPA_PLATFORM=offscreen:configfile=…);
the first screen is the offscreen default 800×600, so other tests see what they always saw.

    python -m tests.support.screen_tour OUT [--size NAME]...   (`./dev screens OUT`)
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

SCREENS_CONFIG = Path(__file__).with_name("offscreen_screens.json")
TOLERANCE = 1  # px: rounding in layouts


@dataclass(frozen=True)
class ScreenSize:
    name: str  # also the PNG prefix
    screen: str  # the offscreen screen's name in offscreen_screens.json
    scale: float  # the app's own text size


SIZES = (
    ScreenSize("1366x768-100", "laptop-1366x768", 1.0),
    ScreenSize("1366x768-130", "laptop-1366x768", 1.3),
    ScreenSize("1093x576-100", "scaled-1093x576", 1.0),
)


def platform_spec() -> str:
    """QT_QPA_PLATFORM value giving offscreen Qt the simulated screens."""
    return f"offscreen:configfile={SCREENS_CONFIG}"


@dataclass
class Shot:
    name: str
    png: Path
    problems: list[str] = field(default_factory=list)


# -- the checks ------------------------------------------------------------------------------
def _label(w) -> str:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    name = w.objectName() or type(w).__name__
    text = w.text() if isinstance(w, QAbstractButton | QLabel) else ""
    text = text.replace("\n", " ")
    return f"{name} «{text[:40]}»" if text else name


def _in_layout(layout, widget) -> bool:
    """`widget` sits in `layout` or in a layout nested in it (nested layouts are its QObject children).

    Asked through indexOf, never itemAt: a layout item's Python wrapper is kept alive by its layout's
    wrapper and is not told when Qt deletes the item, so a later Qt object made at the same address
    came back to Python as that stale item (a dialog's "Hủy" button read as a QSpacerItem)."""
    from PySide6.QtWidgets import QLayout

    return any(each.indexOf(widget) >= 0 for each in (layout, *layout.findChildren(QLayout)))


def _overlay(widget) -> bool:
    """Covers its whole parent on purpose (the lock overlay): over the other widgets by design."""
    parent = widget.parentWidget()
    return parent is not None and widget.geometry() == parent.rect()


def _scrolled(widget, top) -> bool:
    """Inside a scroll area's viewport (reachable by scrolling, checked on the scroll area itself)."""
    from PySide6.QtWidgets import QAbstractScrollArea

    w = widget.parentWidget()
    while w is not None and w is not top:
        parent = w.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is w:
            return True
        w = parent
    return False


def _visible_rect(widget, top):
    """The part of `widget` (in `top`'s coordinates) not cut off by any of its parents."""
    from PySide6.QtCore import QPoint, QRect

    rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    clip = QRect(rect)
    w = widget.parentWidget()
    while w is not None:
        clip = clip.intersected(QRect(w.mapTo(top, QPoint(0, 0)), w.size()))
        if w is top:
            break
        w = w.parentWidget()
    return rect, clip


def check_window(top) -> list[str]:
    """Everything about `top` (a shown top-level widget) that does not fit its screen."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractScrollArea,
        QMenuBar,
        QScrollArea,
        QSizeGrip,
        QStatusBar,
        QTableView,
        QWidget,
    )

    problems: list[str] = []
    area = top.screen().availableGeometry()
    frame = top.frameGeometry()
    margins = (frame.width() - top.width(), frame.height() - top.height())
    if frame.width() > area.width() or frame.height() > area.height():
        problems.append(f"window {frame.width()}×{frame.height()} is larger than the screen {area.width()}×{area.height()}")
    need = top.minimumSizeHint().expandedTo(top.minimumSize())
    if need.width() + margins[0] > area.width() or need.height() + margins[1] > area.height():
        problems.append(f"window needs at least {need.width()}×{need.height()}, the screen has {area.width()}×{area.height()}")
    for w in top.findChildren(QWidget):
        if w.isWindow() or w.window() is not top or not w.isVisible() or w.objectName().startswith("qt_"):
            continue
        parent = w.parentWidget()
        layout = parent.layout() if parent is not None else None
        if (layout is not None and not _in_layout(layout, w) and not isinstance(w, QMenuBar | QStatusBar | QSizeGrip)
                and not isinstance(parent, QStatusBar) and not _overlay(w)):
            problems.append(f"{_label(w)} is outside every layout of {_label(parent)} (drawn over other widgets)")
        if isinstance(w, QScrollArea) and w.horizontalScrollBar().isVisible():
            problems.append(f"{_label(w)} scrolls sideways (page-wide horizontal scrollbar)")
        if isinstance(w, QTableView):
            problems.extend(_cut_columns(w))
        if _scrolled(w, top):
            continue
        rect, clip = _visible_rect(w, top)
        if not top.rect().contains(rect):
            problems.append(f"{_label(w)} lies outside the window ({rect.x()},{rect.y()} {rect.width()}×{rect.height()} "
                            f"in {top.width()}×{top.height()})")
        elif isinstance(w, QAbstractButton) and clip != rect:
            problems.append(f"button {_label(w)} is cut off by its parent")
        elif (isinstance(w, QAbstractButton) and not isinstance(w.parentWidget(), QAbstractScrollArea | QAbstractItemView)
              and w.width() + TOLERANCE < w.sizeHint().width() and w.text()):
            problems.append(f"button {_label(w)} cuts its text ({w.width()} px, needs {w.sizeHint().width()})")
        elif (isinstance(w, QAbstractButton) and not w.text() and not w.icon().isNull()
              and (w.width() + TOLERANCE < w.sizeHint().width() or w.height() + TOLERANCE < w.sizeHint().height())):
            problems.append(f"button {_label(w)} hides its icon ({w.width()}×{w.height()} px, needs "
                            f"{w.sizeHint().width()}×{w.sizeHint().height()})")
    return problems


def _cut_columns(view) -> list[str]:
    """Short values (phone, CCCD, dates, codes) must never end in "…"."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return []
    header = view.horizontalHeader()
    short = view.fontMetrics().averageCharWidth() * 16
    found = []
    for col in range(model.columnCount()):
        if view.isColumnHidden(col) or (header.stretchLastSection() and col == header.count() - 1):
            continue
        need = view.sizeHintForColumn(col)
        if need <= short and view.columnWidth(col) + TOLERANCE < need:
            title = model.headerData(col, header.orientation())
            found.append(f"{view.objectName() or 'table'}: column «{title}» cuts its values ({view.columnWidth(col)} px, "
                         f"needs {need})")
    return found


# -- the tour ----------------------------------------------------------------------------------
def settle(timeout: float = 10.0) -> None:
    """Let queued reads land and layouts settle (events only; no sleeping)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    runner = _RUNNER[0]
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline and quiet < 3:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        quiet = quiet + 1 if runner is None or runner.pending_count() == 0 else 0


_RUNNER: list = [None]


def screen_named(name: str):
    from PySide6.QtGui import QGuiApplication

    for s in QGuiApplication.screens():
        if s.name() == name:
            return s
    raise RuntimeError(f"no screen {name!r}: run with QT_QPA_PLATFORM={platform_spec()}")


def place(widget, screen, maximised: bool | None = None) -> None:
    """Show `widget` on `screen` as a user would see it (dialogs centred at their own size)."""
    widget.setScreen(screen)
    area = screen.availableGeometry()
    if maximised:
        widget.move(area.topLeft())
        widget.showMaximized()
    else:
        widget.show()
        settle(2)
        size = widget.frameGeometry().size()
        widget.move(area.x() + max(0, (area.width() - size.width()) // 2),
                    area.y() + max(0, (area.height() - size.height()) // 2))
    settle()


@dataclass
class Tour:
    gui: object
    out: Path
    size: ScreenSize
    shots: list[Shot] = field(default_factory=list)

    def look(self, name: str, top) -> Shot:
        settle()
        shot = Shot(f"{self.size.name}-{name}", self.out / f"{self.size.name}-{name}.png")
        top.grab().save(str(shot.png))
        shot.problems = check_window(top)
        self.shots.append(shot)
        return shot


def prepare_data(ctx) -> None:
    """A ward with residents, complaints, campaigns… so lists and details have something to show."""
    from desktop.services.setup.demo_data import build_demo_ward, has_residents

    if not has_residents(ctx):
        build_demo_ward(ctx, residents=60, seed=7)


@contextmanager
def text_scale(gui, scale: float) -> Iterator[None]:
    from desktop.gui.appearance import appearance_for

    appearance = appearance_for(gui)
    before = appearance.scale
    appearance.set_scale(scale)
    try:
        yield
    finally:
        appearance.set_scale(before)


def _main_window_screens(tour: Tour, screen) -> None:
    from desktop.gui.main_window import MainWindow
    from desktop.gui.pages import PAGES
    from desktop.services.setup import ward_setup

    gui = tour.gui
    gui.app.settings.set("window_geometry", "")
    gui.app.settings.set("window_maximised", False)
    window = MainWindow(gui, ward_setup.ward_info(gui.app), screen=screen)
    try:
        for maximised in (False, True):
            state = "max" if maximised else "normal"
            if maximised:
                place(window, screen, maximised=True)
            else:
                window.show()
                settle()
            for spec in PAGES:
                page = window.show_page(spec.key)
                settle()
                tour.look(f"{state}-{spec.key}", window)
                if maximised:
                    continue  # the parts of a page: once, on the smaller (not maximised) window
                for part, action in _page_parts(spec.key, page):
                    action()
                    settle()
                    tour.look(f"{state}-{spec.key}-{part}", window)
            if maximised:
                _after_save(tour, window, state)
            else:
                _dialogs(tour, window, screen)
                _file_dialogs(tour, window, screen)
            _lock_overlay(tour, window, state)
    finally:
        window.close()
        window.deleteLater()
        settle()


def _page_parts(key: str, page) -> list[tuple[str, Callable[[], None]]]:
    """Further states of a page: tabs, forms, details."""
    parts: list[tuple[str, Callable[[], None]]] = []
    if key == "residents":
        parts.append(("detail", lambda: _select_first(page.table)))
        parts.append(("form", page.new_resident))
    elif key == "complaints":
        parts.append(("detail", lambda: _select_first(page.table)))
        parts.append(("intake", page.new_complaint))
        parts.append(("intake-errors", lambda: (page.new_complaint(), page.intake.reporter_mode.setCurrentIndex(1),
                                                page.intake.save())))
    elif key in ("outreach", "reports"):
        for i in range(1, page.tabs.count()):
            parts.append((f"tab{i + 1}", lambda i=i: page.tabs.setCurrentIndex(i)))
    if key == "outreach":
        parts.append(("door-police", lambda: _visit_needs_the_police(page)))
    return parts


def _visit_needs_the_police(page) -> None:
    """The visit entry with a household open and its first member needing the police: the reasons and the guide."""
    view = page.door_to_door
    page.tabs.setCurrentWidget(view)
    settle()
    households = (view.data or {}).get("households") or []
    if not households:
        return
    view.entry.open_code(households[0]["code"])
    settle()
    view.entry.keys.setText("5")
    view.entry._keys_typed("5")


def _select_first(table) -> None:
    if table.model().rowCount() > 0:
        table.selectRow(0)


def _after_save(tour: Tour, window, state: str) -> None:
    """Saving a resident must not widen the window (it grew to 1453 px once)."""
    page = window.show_page("residents")
    _select_first(page.table)
    settle()
    detail = page.detail.detail if hasattr(page.detail, "detail") else None
    if detail is None:
        return
    page._edit(detail)
    settle()
    page.form.save()
    settle()
    tour.look(f"{state}-residents-after-save", window)


def _dialogs(tour: Tour, window, screen) -> None:
    from desktop.gui.complaints.dialogs import FeedbackDialog, TransitionDialog
    from desktop.gui.help.about import AboutDialog
    from desktop.gui.help.help_dialog import HelpDialog
    from desktop.gui.people.audit_viewer import AuditDialog
    from desktop.gui.people.backup_dialog import BackupDialog
    from desktop.gui.people.operators_dialog import OperatorsDialog
    from desktop.gui.people.sign_in import SignInDialog
    from desktop.gui.residents.import_dialog import ImportDialog
    from desktop.gui.sync.duplicates_view import DuplicatesDialog

    gui = tour.gui
    dialogs: list[tuple[str, Callable[[], object]]] = [
        ("dialog-transition-chuyen", lambda: TransitionDialog("chuyen", [], window)),
        ("dialog-transition-trung", lambda: TransitionDialog("danh_dau_trung", [], window)),
        ("dialog-feedback", lambda: FeedbackDialog(gui.app.actor, window)),
        ("dialog-import", lambda: ImportDialog(gui, window)),
        ("dialog-backup", lambda: BackupDialog(gui, window)),
        ("dialog-operators", lambda: OperatorsDialog(gui, window)),
        ("dialog-audit", lambda: AuditDialog(gui, window)),
        ("dialog-duplicates", lambda: DuplicatesDialog(gui, window)),
        ("dialog-sign-in", lambda: SignInDialog(gui, window, switching=True)),
        ("dialog-help", lambda: HelpDialog(window, window)),
        ("dialog-about", lambda: AboutDialog(gui, window)),
        ("dialog-card-compare", lambda: _card_compare_dialog(gui, window)),
    ]
    for name, make in dialogs:
        dialog = make()
        try:
            place(dialog, screen)
            tour.look(name, dialog)
        finally:
            dialog.close()
            dialog.deleteLater()
    from desktop.gui.crash import show_error_dialog

    box = show_error_dialog(RuntimeError("kiểm tra màn hình"), "/tmp/tocds.log")
    try:
        place(box, screen)
        tour.look("dialog-error", box)
    finally:
        box.done(0)
        box.deleteLater()
    outreach = window.show_page("outreach")
    booth = outreach.open_booth(full_screen=False)
    try:
        place(booth, screen, maximised=True)
        tour.look("booth-find", booth)
        booth.find.show_form() if hasattr(booth.find, "show_form") else None
        tour.look("booth-form", booth)
    finally:
        booth.close()
        booth.deleteLater()


# A card whose holder is on the list typed without diacritics and without a CCCD: the correction dialog.
CARD = "001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|15082021"


def _card_compare_dialog(gui, window):
    from desktop.core.card_qr import parse_card_qr
    from desktop.gui.residents.card_compare import CardCompareDialog
    from desktop.services.residents import residents as svc
    from desktop.services.residents.card import match_card

    card = parse_card_qr(CARD)
    match = match_card(gui.app, card)
    if not match.known:
        svc.register_resident(gui.app, svc.ResidentInput(full_name="Nguyen Van An", birth_year=1990, sex="nam",
                                                         address_detail="Dịch Vọng"), confirmed_warnings=True)
        match = match_card(gui.app, card)
    return CardCompareDialog(gui, match, card, window)


@contextmanager
def _file_dialog_shot(tour: Tour, screen, name: str) -> Iterator[list[str]]:
    """Qt's own file dialog (file_dialogs uses it, never the system's) opened by the app's real call,
    captured and closed instead of waiting for a choice. Yields the names captured."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QFileSystemModel

    from desktop.gui import file_dialogs

    seen: list[str] = []

    def look_instead(dialog) -> list[str]:
        try:
            listed = []
            model = dialog.findChild(QFileSystemModel)
            model.directoryLoaded.connect(listed.append)
            place(dialog, screen)
            deadline = time.monotonic() + 5
            while not listed and time.monotonic() < deadline:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)  # the folder is read in a thread
            tour.look(name, dialog)
            seen.append(name)
        finally:
            dialog.close()
            dialog.deleteLater()
        return []

    real = file_dialogs._run
    file_dialogs._run = look_instead
    try:
        yield seen
    finally:
        file_dialogs._run = real


def _file_dialogs(tour: Tour, window, screen) -> None:
    """"Lưu báo cáo" (reports → export) and "Chọn tệp danh sách cư dân" (import)."""
    from desktop.gui.residents.import_dialog import ImportDialog

    reports = window.show_page("reports")
    settle()
    with _file_dialog_shot(tour, screen, "dialog-file-save-report") as seen:
        reports.export_panel.choose_and_export("pdf")
    if not seen:
        raise RuntimeError("the reports page opened no file dialog (no period yet?)")
    importing = ImportDialog(tour.gui, window)
    try:
        with _file_dialog_shot(tour, screen, "dialog-file-import") as seen:
            importing.choose_file()
        if not seen:
            raise RuntimeError("the import dialog opened no file dialog")
    finally:
        importing.close()
        importing.deleteLater()


def _lock_overlay(tour: Tour, window, state: str) -> None:
    """The lock (idle time or Ctrl+L): the overlay over the whole window, its sign-in form reachable."""
    from desktop.gui.people.idle_lock import install_idle_lock

    lock = getattr(window, "idle_lock", None) or install_idle_lock(window, tour.gui, 0)
    window.show_page("residents")
    lock.lock()
    try:
        tour.look(f"{state}-lock", window)
    finally:
        lock.is_locked = False
        lock.overlay.hide()
        for w in lock._hidden:
            w.show()
        lock._hidden = []
        settle()


def _wizard_screens(tour: Tour, screen) -> None:
    from desktop.gui.setup_wizard import SetupWizard

    wizard = SetupWizard(tour.gui)
    try:
        place(wizard, screen)
        for i, page_id in enumerate(wizard.pageIds()):
            if i:
                wizard.setStartId(page_id)
                wizard.restart()
            tour.look(f"wizard-page{i + 1}", wizard)
    finally:
        wizard.close()
        wizard.deleteLater()


def run_tour(gui, out: Path, sizes=SIZES) -> list[Shot]:
    """Every screen at every size; the shots (PNG and problems) in order."""
    from desktop.gui.i18n import install_language

    out.mkdir(parents=True, exist_ok=True)
    _RUNNER[0] = gui.tasks
    install_language("vi")  # as the app starts: Qt's own texts (file dialog, buttons) in Vietnamese
    shots: list[Shot] = []
    for size in sizes:
        screen = screen_named(size.screen)
        tour = Tour(gui, out, size)
        with text_scale(gui, size.scale):
            _main_window_screens(tour, screen)
            _wizard_screens(tour, screen)
        shots.extend(tour.shots)
    return shots


def report(shots: list[Shot]) -> str:
    lines = []
    for shot in shots:
        lines.append(f"{'FAIL' if shot.problems else 'ok  '} {shot.png}")
        lines.extend(f"       {p}" for p in shot.problems)
    bad = sum(1 for s in shots if s.problems)
    lines.append(f"{len(shots)} screens, {bad} with problems")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(prog="screens", description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder for the PNGs")
    parser.add_argument("--size", action="append", choices=[s.name for s in SIZES], help="only these sizes")
    args = parser.parse_args(argv)
    if os.environ.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen"):
        os.environ["QT_QPA_PLATFORM"] = platform_spec()
    root = Path(tempfile.mkdtemp(prefix="tocds-screens-"))
    home = root / "home"  # the file dialogs open in the home folder: a volunteer's, with a few files
    (home / "Tài liệu").mkdir(parents=True)
    for name in ("danh-sach-to-1.xlsx", "danh-sach-to-2.csv", "bao-cao-thang-11.pdf"):
        (home / name).write_bytes(b"")
    os.environ["HOME"] = str(home)
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.test_keyring.MemoryKeyring")
    os.environ.setdefault("TOCDS_TEST_KEYRING_FILE", str(root / "keyring.json"))
    from PySide6.QtWidgets import QApplication

    from desktop.gui.context import ChangeBus, GuiContext
    from desktop.gui.worker import TaskRunner
    from desktop.services.context import open_context
    from desktop.services.setup.ward_setup import initialize_ward

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctx = open_context(str(root / "data"), actor="Người kiểm tra màn hình")
    initialize_ward(ctx, "00166", "Tổ CĐS Cầu Giấy", ["Tổ dân phố số 1", "Tổ dân phố số 2", "Thôn Đông"])
    prepare_data(ctx)
    tasks = TaskRunner()
    gui = GuiContext(ctx, tasks, ChangeBus())
    sizes = [s for s in SIZES if not args.size or s.name in args.size]
    try:
        shots = run_tour(gui, Path(args.out), sizes)
    finally:
        tasks.shutdown()
        ctx.close()
    print(report(shots))
    del app
    return 1 if any(s.problems for s in shots) else 0


if __name__ == "__main__":
    sys.exit(main())
