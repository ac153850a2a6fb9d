"""Communications log (with the 3-day warning), training classes and recent help sessions."""

from __future__ import annotations


from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.core.formatting import format_time
from desktop.core.outreach_vocab import AUDIENCE_ALL, CHANNELS, OUTCOMES, STEPS
from desktop.core.formatting import format_date
from desktop.core.period import today_vn
from desktop.core.vocab import TARGET_GROUPS
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.outreach.common import fill_table, make_table, vocab_combo
from desktop.services.outreach import communications, help_sessions, training


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    d = today_vn()
    edit.setDate(QDate(d.year, d.month, d.day))
    return edit


def _audience_label(code: str) -> str:
    return tr("Mọi cư dân") if code == AUDIENCE_ALL else tr(TARGET_GROUPS.get(code, code))


class _AddForm(QWidget):
    """A list over a small add form; Enter in the form adds, the status line says what happened."""

    saved = Signal(object)
    loaded = Signal(list)

    def _finish_layout(self, table, form: QFormLayout, button: QPushButton) -> None:
        self.status = QLabel(self)
        self.status.setObjectName("formStatus")
        button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        if getattr(self, "banner", None) is not None:
            layout.addWidget(self.banner)
        layout.addWidget(table, 1)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(button)
        layout.addLayout(row)

    def _ok(self, text: str) -> None:
        set_role(self.status, "ok")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        set_role(self.status, "error")
        self.status.setText(str(exc))

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            event.accept()
            return
        super().keyPressEvent(event)


class CommunicationsView(_AddForm):
    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.banner = QLabel(self)
        self.banner.setObjectName("commsBanner")
        self.banner.setWordWrap(True)
        self.table = make_table(self, [tr("Ngày đăng"), tr("Tiêu đề"), tr("Kênh"), tr("Đối tượng")], "commsTable")
        self.published = _date_edit(self)
        self.title = QLineEdit(self)
        self.title.setObjectName("commsTitle")
        self.channel = vocab_combo(self, CHANNELS, tr)
        self.audience = vocab_combo(self, TARGET_GROUPS, tr, (AUDIENCE_ALL, tr("Mọi cư dân")))
        form = QFormLayout()
        form.addRow(tr("Ngày đăng"), self.published)
        form.addRow(tr("Tiêu đề"), self.title)
        form.addRow(tr("Kênh"), self.channel)
        form.addRow(tr("Đối tượng"), self.audience)
        self._finish_layout(self.table, form, QPushButton(tr("Ghi tin đã đăng (Enter)"), self))
        gui.bus.watch(self, lambda kinds: self.refresh() if "communication_item" in kinds else None)
        self.refresh()

    def refresh(self) -> None:
        self.gui.read(communications.list_items, owner=self, on_done=self._show, key=f"outreach.commlist.{id(self)}")
        self.gui.read(communications.status, owner=self, on_done=self._banner, key=f"outreach.commstatus.{id(self)}")

    def _show(self, rows: list) -> None:
        fill_table(self.table, [[format_date(r.published_on), r.title, tr(CHANNELS[r.channel]),
                                 _audience_label(r.audience)] for r in rows], [r.id for r in rows])
        self.loaded.emit(rows)

    def _banner(self, status: dict) -> None:
        self.banner.setText(("⚠ " if status["warning"] else "") + status["message"])
        self.banner.setProperty("warning", status["warning"])
        set_role(self.banner, "error" if status["warning"] else "ok", size="large")

    def save(self) -> None:
        self.gui.write(communications.add_item, self.published.date().toPython(), self.title.text(),
                       self.channel.currentData(), self.audience.currentData(),
                       owner=self, on_done=self._saved, on_error=self._failed)

    def _saved(self, info) -> None:
        self._ok(tr("Đã ghi tin «{title}».").format(title=info.title))
        self.title.clear()
        self.title.setFocus()
        self.saved.emit(info)


class TrainingView(_AddForm):
    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.table = make_table(self, [tr("Ngày"), tr("Địa điểm"), tr("Người hướng dẫn"), tr("Đối tượng"),
                                       tr("Số người dự")], "trainingTable")
        self.held = _date_edit(self)
        self.place = QLineEdit(self)
        self.place.setObjectName("trainingPlace")
        self.trainer = QLineEdit(self)
        self.trainer.setObjectName("trainingTrainer")
        self.audience = vocab_combo(self, TARGET_GROUPS, tr, (AUDIENCE_ALL, tr("Mọi cư dân")))
        self.attendance = QSpinBox(self)
        self.attendance.setObjectName("trainingAttendance")
        self.attendance.setRange(0, 5000)
        form = QFormLayout()
        form.addRow(tr("Ngày"), self.held)
        form.addRow(tr("Địa điểm"), self.place)
        form.addRow(tr("Người hướng dẫn"), self.trainer)
        form.addRow(tr("Đối tượng"), self.audience)
        form.addRow(tr("Số người dự"), self.attendance)
        self._finish_layout(self.table, form, QPushButton(tr("Thêm lớp (Enter)"), self))
        gui.bus.watch(self, lambda kinds: self.refresh() if "training_class" in kinds else None)
        self.refresh()

    def refresh(self) -> None:
        self.gui.read(training.list_classes, owner=self, on_done=self._show, key=f"outreach.training.{id(self)}")

    def _show(self, rows: list) -> None:
        fill_table(self.table, [[format_date(r.held_on), r.place, r.trainer, _audience_label(r.audience), r.attendance]
                                for r in rows], [r.id for r in rows])
        self.loaded.emit(rows)

    def save(self) -> None:
        self.gui.write(training.add_class, self.held.date().toPython(), self.place.text(), self.trainer.text(),
                       self.audience.currentData(), self.attendance.value(),
                       owner=self, on_done=self._saved, on_error=self._failed)

    def _saved(self, info) -> None:
        self._ok(tr("Đã thêm lớp tập huấn tại {place}.").format(place=info.place))
        self.place.clear()
        self.attendance.setValue(0)
        self.place.setFocus()
        self.saved.emit(info)


class SessionsView(QWidget):
    """The latest help sessions (who, when, steps reached, outcome)."""

    loaded = Signal(list)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.table = make_table(self, [tr("Thời gian"), tr("Cư dân"), tr("Bước đạt được"), tr("Kết quả")], "sessionsTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        gui.bus.watch(self, lambda kinds: self.refresh() if "help_session" in kinds else None)
        self.refresh()

    def refresh(self) -> None:
        self.gui.read(help_sessions.list_sessions, 300, owner=self, on_done=self._show, key=f"outreach.sessions.{id(self)}")

    def _show(self, rows: list) -> None:
        fill_table(self.table, [
            [format_time(r.started_at), r.resident_name,
             ", ".join(tr(STEPS[s]) for s in r.steps), tr(OUTCOMES.get(r.outcome, r.outcome))] for r in rows
        ], [r.id for r in rows])
        self.loaded.emit(rows)
