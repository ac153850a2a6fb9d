"""Qt's own texts in Vietnamese: standard buttons, the error dialog's details button, the file dialog,
edit menus, wizards, input and progress dialogs, the date picker (issue 17 item 3).

The walk opens each of them as a Vietnamese session does and fails on any of Qt's English texts it
can see (buttons, labels, tool tips, menus, list headers and rows, month and day names). PNGs of the
file dialog, a message box with its details, an edit menu and the date picker go to TOCDS_SHOTS when
set (a person looks at them), else to the test's temporary folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTimer
from PySide6.QtGui import QAction as QAction_
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileSystemModel,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWizard,
    QWizardPage,
)

from desktop.core import i18n as core_i18n
from desktop.gui import file_dialogs
from desktop.gui.i18n import install_language

ENGLISH = {"OK", "Cancel", "Save", "Open", "Look in:", "File name:", "Files of type:", "Show Details...",
           "&Save", "&Open", "Back", "Forward", "Name", "Size", "Type", "Date Modified"}


@pytest.fixture
def vietnamese(qapp):
    install_language("vi")
    yield
    install_language("vi")
    core_i18n.set_language(None)


def _texts(widget) -> set[str]:
    widgets = widget.findChildren(QLabel) + widget.findChildren(QPushButton)
    return {w.text().replace("&", "") for w in widgets if w.text()}


def test_standard_buttons_are_vietnamese(qtbot, vietnamese):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"Đồng ý", "Hủy"}


def test_error_dialog_details_button_is_vietnamese(qtbot, vietnamese):
    box = QMessageBox(QMessageBox.Icon.Critical, "Lỗi", "Đã có lỗi")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setDetailedText("Traceback …")
    qtbot.addWidget(box)
    texts = _texts(box)
    assert "Xem chi tiết…" in texts and "Đồng ý" in texts
    assert not texts & ENGLISH


def test_save_dialog_is_vietnamese(qtbot, vietnamese, tmp_path):
    dialog = file_dialogs._dialog(None, "Lưu báo cáo", str(tmp_path / "bao-cao.pdf"), "Tài liệu PDF (*.pdf)", saving=True)
    qtbot.addWidget(dialog)
    texts = _texts(dialog)
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Lưu", "Hủy"} <= texts
    assert not texts & ENGLISH, texts & ENGLISH
    headers = dialog.findChild(QLabel, "lookInLabel")
    assert headers is not None and headers.text() == "Tìm trong:"
    view = dialog.findChild(QTreeView, "treeView")
    columns = {view.model().headerData(i, Qt.Orientation.Horizontal)
               for i in range(view.model().columnCount())}
    assert {"Tên", "Dung lượng"} <= columns, columns


# -- the walk ---------------------------------------------------------------------------------
# Words of Qt's English texts (buttons, file dialog, edit menus, wizard, input/progress dialogs,
# calendar); none may be seen in a Vietnamese session.
QT_ENGLISH_WORDS = {
    "OK", "Cancel", "Save", "Open", "Yes", "No", "All", "Abort", "Retry", "Ignore", "Close", "Discard", "Don't",
    "Help", "Apply", "Reset", "Restore", "Defaults", "Show", "Hide", "Details", "Look", "File", "Files", "Folder",
    "Directory", "Directories", "Name", "Size", "Type", "Kind", "Date", "Modified", "Back", "Forward", "Parent",
    "Create", "New", "List", "Detail", "View", "Recent", "Places", "Computer", "Drive", "Rename", "Delete", "Remove",
    "hidden", "Are", "sure", "want", "already", "exists", "replace", "bytes", "Undo", "Redo", "Cut", "Copy", "Paste",
    "Select", "Step", "up", "down", "Next", "Finish", "Commit", "Continue", "Done", "Enter", "value", "Week",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "AM",
    "PM",
}
_WORD = re.compile(r"[A-Za-z']+")


def english(texts) -> set[str]:
    """The texts (accelerators and markup taken out; paths left alone) that hold one of Qt's English words."""
    found = set()
    for text in texts:
        plain = re.sub(r"<[^>]+>", " ", str(text or "")).replace("&&", "\0").replace("&", "").replace("\0", "&")
        if plain.startswith("/") or re.fullmatch(r"[\w.-]+\.\w{2,4}", plain):
            continue  # a path or a file name
        if any(word in QT_ENGLISH_WORDS for word in _WORD.findall(plain)):
            found.add(plain)
    return found


def seen_texts(widget) -> list[str]:
    """What a person can read in `widget`: titles, labels, buttons and their tool tips, menus, drop-down
    entries, list headers and the rows shown."""
    texts = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QLabel), *widget.findChildren(QAbstractButton),
              *widget.findChildren(QComboBox), *widget.findChildren(QAbstractItemView)]:
        if isinstance(w, QLabel | QAbstractButton):
            texts += [w.text(), w.toolTip()]
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model, root = w.model(), w.rootIndex()
            for col in range(model.columnCount(root)):
                texts.append(model.headerData(col, Qt.Orientation.Horizontal))
                texts += [model.index(row, col, root).data() for row in range(min(model.rowCount(root), 20))]
    for action in widget.actions() + [a for w in widget.findChildren(QMenu) for a in w.actions()]:
        texts += [action.text(), action.toolTip()]
    return [t for t in texts if isinstance(t, str) and t]


def shot(widget, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TOCDS_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    return path


def while_open(qtbot, trigger, inspect, tries: int = 500):
    """Run `trigger`, which opens a dialog or a menu (and may wait in it); `inspect` what opened,
    then close it (answering "no"). Returns what `inspect` returned."""
    before = set(QApplication.topLevelWidgets())
    found: list = []

    def look(left: int = tries) -> None:
        w = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if w is None or w in before:
            if left:
                QTimer.singleShot(10, lambda: look(left - 1))
            return
        found.append(inspect(w))
        if isinstance(w, QMessageBox):
            (w.button(QMessageBox.StandardButton.No) or w.escapeButton()).click()
        elif isinstance(w, QDialog):
            w.reject()
        else:
            w.close()

    QTimer.singleShot(0, look)
    trigger()
    qtbot.waitUntil(lambda: bool(found), timeout=5000)  # a menu that pops up without waiting in it
    return found[0]


# A menu popping up on the offscreen platform: it cannot raise windows nor grab the keyboard.
offscreen_popups = pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing the keyboard")

ALL_BUTTONS = QMessageBox.StandardButton(0)
for _name in ("Ok", "Save", "SaveAll", "Open", "Yes", "YesToAll", "No", "NoToAll", "Abort", "Retry", "Ignore", "Close",
              "Cancel", "Discard", "Help", "Apply", "Reset", "RestoreDefaults"):
    ALL_BUTTONS |= getattr(QMessageBox.StandardButton, _name)


def test_english_finds_qt_words_and_leaves_vietnamese_alone():
    assert english(["&Yes", "Show Details...", "0 bytes", "tháng 1", "Thứ 2", "Hủy", "/tmp/New Folder", "ds.xlsx",
                    "Tài liệu PDF", "<b>Look</b> in:"]) == {"Yes", "Show Details...", "0 bytes", " Look  in:"}


def test_message_box_every_button_and_its_details(qtbot, vietnamese, tmp_path):
    box = QMessageBox(QMessageBox.Icon.Critical, "Lỗi", "Đã có lỗi không lường trước.")
    box.setStandardButtons(ALL_BUTTONS)
    box.setDetailedText("Traceback (most recent call last): …")
    qtbot.addWidget(box)
    box.show()
    texts = seen_texts(box)
    details = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
    details.click()
    texts += seen_texts(box)
    assert not english(texts), english(texts)
    assert "Ẩn chi tiết…" in texts
    from desktop.gui.crash import show_error_dialog  # the app's own, as a person meets it

    crash = show_error_dialog(RuntimeError("không đọc được tệp"), str(tmp_path / "logs" / "tocds.log"))
    qtbot.addWidget(crash)
    next(b for b in crash.buttons() if crash.buttonRole(b) == QMessageBox.ButtonRole.ActionRole).click()
    shot(crash, "qt-message-box-details", tmp_path)
    assert not english(seen_texts(crash)), english(seen_texts(crash))
    crash.done(0)


def test_button_boxes_wizard_input_and_progress_dialogs(qtbot, vietnamese):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton(ALL_BUTTONS.value))
    wizard = QWizard()
    wizard.setOption(QWizard.WizardOption.HaveHelpButton)
    for _ in range(2):
        wizard.addPage(QWizardPage())
    progress = QProgressDialog()
    entry = QInputDialog()
    texts = []
    for w in (buttons, wizard, progress, entry):
        qtbot.addWidget(w)
        w.show()
        texts += seen_texts(w)
    texts += [wizard.buttonText(which) for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                                                     QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                                                     QWizard.WizardButton.CancelButton, QWizard.WizardButton.HelpButton)]
    texts.append(QProgressDialog("Đang nhập…", None, 0, 10).findChild(QPushButton) and "")
    assert not english(texts), english(texts)
    assert "Hủy" in [b.text() for b in progress.findChildren(QPushButton)]


@offscreen_popups
def test_edit_menus(qtbot, vietnamese, tmp_path):
    texts = []
    for edit in (QLineEdit("Nguyễn Văn An"), QTextEdit("Ghi chú"), QPlainTextEdit("Ghi chú")):
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        texts += [a.text() for a in menu.actions()]
        if isinstance(edit, QLineEdit):
            edit.show()
            menu.popup(edit.mapToGlobal(QPoint(10, 10)))
            qtbot.waitExposed(menu)
            shot(menu, "qt-edit-menu", tmp_path)
            menu.close()
    for spin in (QSpinBox(), QDateEdit()):
        qtbot.addWidget(spin)
        spin.show()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), spin.mapToGlobal(QPoint(5, 5)))
        texts += while_open(qtbot, lambda s=spin, e=event: QApplication.sendEvent(s, e),
                            lambda menu: [a.text() for a in menu.actions()])
    assert not english(texts), english(texts)
    assert {"&Hoàn tác", "&Dán", "Chọn tất cả"} <= {t.split("\t")[0] for t in texts}


def test_date_picker_speaks_vietnamese(qtbot, vietnamese, tmp_path):
    from desktop.gui.outreach.log_views import _date_edit

    edit = _date_edit(None)
    qtbot.addWidget(edit)
    edit.show()
    calendar = edit.calendarWidget()
    assert edit.locale().name() == "vi_VN" and calendar.locale().name() == "vi_VN"
    standalone = QCalendarWidget()
    qtbot.addWidget(standalone)
    standalone.setLocale(calendar.locale())
    standalone.setSelectedDate(edit.date())
    standalone.show()
    month = standalone.findChild(QToolButton, "qt_calendar_monthbutton")
    texts = seen_texts(standalone) + [a.text() for a in month.menu().actions()]
    view = standalone.findChild(QAbstractItemView, "qt_calendar_calendarview")
    texts += [view.model().index(0, col).data() for col in range(view.model().columnCount())]  # day names
    shot(standalone, "qt-date-picker", tmp_path)
    assert not english(texts), english(texts)
    assert "tháng 1" in [t.lower() for t in texts]
    assert QLocale().monthName(1) == "tháng 1"


@offscreen_popups
def test_file_dialog_speaks_vietnamese_everywhere(qtbot, vietnamese, tmp_path):
    folder = tmp_path / "thu-muc"
    (folder / "Tài liệu").mkdir(parents=True)
    (folder / "bao-cao.pdf").write_bytes(b"%PDF" + b"0" * 3000)
    dialog = file_dialogs._dialog(None, "Lưu báo cáo", str(folder / "bao-cao-moi.pdf"), "Tài liệu PDF (*.pdf)",
                                  saving=True)
    qtbot.addWidget(dialog)
    model = dialog.findChild(QFileSystemModel)
    with qtbot.waitSignal(model.directoryLoaded, timeout=10000):
        dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    dialog.findChild(QToolButton, "detailModeButton").click()
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2, timeout=10000)
    texts = seen_texts(dialog)
    rows = [[view.model().index(r, c, view.rootIndex()).data() for c in range(4)] for r in range(2)]
    assert ["bao-cao.pdf", "2,9 kB"] == [v for v in rows[[r[0] for r in rows].index("bao-cao.pdf")][:2]]
    shot(dialog, "qt-file-dialog", tmp_path)
    # the list's menu (right click), then "Xóa" on a file and its question
    view.setCurrentIndex(view.model().index([r[0] for r in rows].index("bao-cao.pdf"), 0, view.rootIndex()))
    texts += while_open(qtbot, lambda: view.customContextMenuRequested.emit(QPoint(5, 5)),
                        lambda menu: [a.text() for a in menu.actions()])
    delete = dialog.findChild(QAction_, "qt_delete_action")
    texts += while_open(qtbot, delete.trigger, seen_texts)
    assert (folder / "bao-cao.pdf").exists()  # answered "Không"
    # saving over a file asks first
    dialog.findChild(QLineEdit, "fileNameEdit").setText("bao-cao.pdf")
    question = while_open(qtbot, dialog.accept, lambda box: (seen_texts(box), shot(box, "qt-file-replace", tmp_path)))
    texts += question[0]
    assert not english(texts), english(texts)
    assert any("đã có" in t for t in question[0])
