"""Booth mode: a full-screen, keyboard-first flow for a queue of residents.

Three screens: find-or-register (search, F2 registers inline) -> step checklist (keys
1-5, each tick saved at once) -> outcome (failure reasons 1-9 and 0, each with its guided fix shown
as it is chosen; follow-up), then back to
an empty search. Enter goes forward, Esc goes back. Every step is written through the
serialised writer as it is entered, so a crash loses nothing already ticked.

Scanning the QR on the resident's CCCD finds them (or opens registration filled from the
card) without typing. When nothing is found a large "Đăng ký mới (F2)" button is offered; the
search text is never copied into the form as a name unless the volunteer asks (F3), a name
without diacritics is flagged, and saving asks for the resident's consent first. The booth
counts the keys of each session (`KeyCounter`: what the app received, scanner keys apart).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QDateEdit, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget,
    QVBoxLayout, QWidget,
)

from desktop.core.outreach_vocab import FAILURE_KEYS, FAILURE_ORDER, FAILURE_REASONS, STEP_ORDER, STEPS
from desktop.core.period import today_vn
from desktop.gui.layouts import vertical_scroll
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.outreach.triage_panel import TriagePanel
from desktop.gui.residents.card_flow import CardScanFlow
from desktop.gui.residents.card_scan import SETTLE_MS, KeyClock, ScanCatcher
from desktop.gui.residents.form import ResidentForm
from desktop.gui.residents.search_box import ResidentSearchBox
from desktop.services.outreach import help_sessions
from desktop.services.outreach.help_sessions import new_session_id, outcome_for

FOLLOW_UP_DAYS = 3


def _title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    set_role(label, size="huge")
    return label


class FindScreen(QWidget):
    """Screen 1: find the resident (typed or scanned), or register them (F2) without leaving the flow."""

    register_requested = Signal()

    def __init__(self, gui: GuiContext, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("boothFind")
        self.search = ResidentSearchBox(gui, self)
        set_role(self.search.edit, size="big")
        set_role(self.search.results, size="large")
        set_role(self.search.hint, size="large")
        self.register_button = QPushButton(tr("Đăng ký mới (F2)"), self)
        self.register_button.setObjectName("boothRegister")
        set_role(self.register_button, size="huge")
        self.register_button.setMinimumHeight(64)
        self.register_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.register_button.clicked.connect(self.register_requested)
        self.register_button.hide()
        self.use_query = QPushButton(self)
        self.use_query.setObjectName("boothUseQuery")
        self.use_query.clicked.connect(self.use_query_as_name)
        self.use_query.hide()
        self.form = ResidentForm(gui, self, consent_required=True)
        self.form.hide()
        self._query = ""
        hint = QLabel(tr("Quét mã QR trên thẻ CCCD, hoặc gõ tên, 4 số cuối điện thoại, CCCD rồi Enter · "
                         "F2: đăng ký cư dân mới · Ctrl+W: thoát chế độ điểm hỗ trợ"), self)
        hint.setWordWrap(True)
        set_role(hint, "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(_title(tr("1. Tìm hoặc đăng ký cư dân"), self))
        layout.addWidget(hint)
        layout.addWidget(self.search)
        layout.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.use_query, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.form, 1)
        layout.addStretch(1)  # below a short answer ("not found" and the button) the screen stays empty
        self._layout = layout
        self.search.results_shown.connect(self._results_shown)
        self.search.edit.textChanged.connect(lambda _t: self.register_button.hide())

    def _results_shown(self, n: int) -> None:
        self._layout.setStretchFactor(self.search, 1 if n else 0)  # a list of results takes the height
        self.register_button.setVisible(n == 0 and bool(self.search.query().strip()))

    def show_search(self) -> None:
        self.form.hide()
        self.use_query.hide()
        self.register_button.hide()
        self.search.show()
        self.search.clear()
        self.search.edit.setFocus()

    def show_form(self) -> None:
        """The empty registration form; what was typed to search is offered as the name (F3), never copied."""
        self._query = self.search.query().strip()
        self.search.hide()
        self.register_button.hide()
        self.form.show()
        self.form.reset()
        name_like = bool(self._query) and not any(ch.isdigit() for ch in self._query)
        if name_like:
            self.use_query.setText(tr("Dùng «{text}» làm họ tên (F3)").format(text=self._query))
        self.use_query.setVisible(name_like)

    def use_query_as_name(self) -> None:
        if not self.use_query.isVisible():
            return
        self.form.full_name.setText(self._query)
        self.form._check_name()  # the service's diacritics rule, shown at once
        self.use_query.hide()
        self.form.full_name.setFocus()


class KeyCounter(QObject):
    """Keys the booth received in the current session, as the app saw them (not a test's tally).

    Counts key presses delivered to the focused widget inside the booth and shortcuts it fired;
    keys typed by a scanner (a card's QR) are counted apart, as one scan."""

    def __init__(self, booth: QWidget):
        super().__init__(booth)
        self.booth = booth
        self.keys = 0
        self.scans = 0
        self.scanner_keys = 0
        QApplication.instance().installEventFilter(self)

    def reset(self) -> None:
        self.keys = self.scans = self.scanner_keys = 0

    def took_scan(self, typed: int) -> None:
        """A scan was recognised: its `typed` keys (text and Enter) move from `keys` to the scan."""
        moved = min(typed, self.keys)
        self.keys -= moved
        self.scanner_keys += moved
        self.scans += 1

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and obj is QApplication.focusWidget() and self._inside(obj):
            if QKeyEvent.key(event) not in _MODIFIERS:  # type: ignore[arg-type]
                self.keys += 1
        elif kind == QEvent.Type.Shortcut and isinstance(obj, QShortcut) and self._inside(obj.parent()):
            self.keys += 1
        return False

    def _inside(self, obj) -> bool:
        return isinstance(obj, QWidget) and (obj is self.booth or self.booth.isAncestorOf(obj))


_MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}
# (not "0": a card's text starts with "0", and its next key must be caught; reason 10 by "0" at human speed works)
_BOOTH_KEYS = set("123456789hH")
_BOOTH_NAV = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Space, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
              Qt.Key.Key_Up, Qt.Key.Key_Down}


class ScanGuard(QObject):
    """On the steps and outcome screens a scanner's burst does nothing: its digits would tick steps and its
    Enter would move on. A key closer than BURST_KEY_MS to the previous one is a scanner's, unless the
    previous key was itself a booth key (1–8, H, Enter, Esc…: a person, or a test, pressing keys at once); a card's text
    starts with "0" (the province code), so the burst is caught before any step key."""

    burst_ignored = Signal()

    def __init__(self, booth: BoothWindow):
        super().__init__(booth)
        self.booth = booth
        self._clock = KeyClock()
        self._burst = False
        self._previous_booth_key = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or obj is not QApplication.focusWidget():
            return False
        booth = self.booth
        if booth.stack.currentWidget() not in (booth.steps, booth.outcome) or not booth.isAncestorOf(obj):
            return False
        if isinstance(obj, QLineEdit):  # "other reason": typed text; a scan there is taken back by its ScanCatcher
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.key() in _MODIFIERS:
            return False
        fast = self._clock.fast(key_event)
        if fast and (self._burst or not self._previous_booth_key):
            self._burst = True
            self._settle.start()
            return True
        self._burst = False
        self._previous_booth_key = key_event.key() in _BOOTH_NAV or (key_event.text() != "" and key_event.text() in _BOOTH_KEYS)
        return False

    def _settled(self) -> None:
        if self._burst:
            self._burst = False
            self.burst_ignored.emit()


class StepsScreen(QWidget):
    """Screen 2: the steps reached; key N ticks step N and the tick is saved at once."""

    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("boothSteps")
        self.who = QLabel(self)
        set_role(self.who, size="big")
        self.boxes: dict[str, QCheckBox] = {}
        self.saved_marks: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(_title(tr("2. Các bước đã làm được"), self))
        layout.addWidget(self.who)
        for i, step in enumerate(STEP_ORDER, start=1):
            row = QHBoxLayout()
            box = QCheckBox(f"{i}. {tr(STEPS[step])}", self)
            box.setObjectName(f"step_{step}")
            set_role(box, size="big")
            box.toggled.connect(lambda on, s=step: self.toggled.emit(s, on))
            mark = QLabel(self)
            mark.setObjectName(f"saved_{step}")
            set_role(mark, "ok", size="large")
            row.addWidget(box)
            row.addWidget(mark, 1)
            layout.addLayout(row)
            self.boxes[step] = box
            self.saved_marks[step] = mark
        hint = QLabel(tr("Phím 1–5: đánh dấu bước (lưu ngay) · Enter: sang kết quả · Esc: quay lại tìm kiếm"), self)
        set_role(hint, "hint")
        layout.addWidget(hint)
        layout.addStretch(1)

    def start(self, name: str) -> None:
        self.who.setText(tr("Cư dân: {name}").format(name=name))
        for step, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
            self.saved_marks[step].clear()
        self.boxes[STEP_ORDER[0]].setFocus()

    def steps(self) -> list[str]:
        return [s for s, box in self.boxes.items() if box.isChecked()]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and 1 <= int(text) <= len(STEP_ORDER):
            box = self.boxes[STEP_ORDER[int(text) - 1]]
            box.setChecked(not box.isChecked())
            box.setFocus()
            event.accept()
            return
        event.ignore()


class OutcomeScreen(QWidget):
    """Screen 3: the outcome (from the steps), failure reasons with the guided fix of the one chosen last
    (`TriagePanel`), and the follow-up date."""

    def __init__(self, parent: QWidget, gui: GuiContext):
        super().__init__(parent)
        self.setObjectName("boothOutcome")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("outcomeLabel")
        set_role(self.outcome, size="huge")
        self.reasons_frame = QFrame(self)
        inner = QVBoxLayout(self.reasons_frame)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(QLabel(tr("Lý do chưa thành công (phím 1–9, 0):"), self.reasons_frame))
        self.reasons: dict[str, QCheckBox] = {}
        self.chosen_order: list[str] = []  # reasons in the order they were ticked: the last one's guide shows
        self.triage = TriagePanel(gui, self.reasons_frame)
        set_role(self.triage, size="large")
        boxes = QVBoxLayout()
        for key, code in zip(FAILURE_KEYS, FAILURE_ORDER):
            box = QCheckBox(f"{key}. {tr(FAILURE_REASONS[code])}", self.reasons_frame)
            box.setObjectName(f"reason_{code}")
            set_role(box, size="large")
            box.toggled.connect(lambda on, c=code: self._reason_toggled(c, on))
            boxes.addWidget(box)
            self.reasons[code] = box
        side = QHBoxLayout()
        side.addLayout(boxes, 1)
        side.addWidget(self.triage, 1)
        inner.addLayout(side)
        self.other = QLineEdit(self.reasons_frame)
        self.other.setObjectName("reasonOther")
        self.other.setPlaceholderText(tr("Ghi rõ lý do khác"))
        self.other.setEnabled(False)
        self.reasons["khac"].toggled.connect(self._other_toggled)
        inner.addWidget(self.other)
        self.follow = QCheckBox(tr("Cần hỗ trợ lại (phím H) vào ngày:"), self.reasons_frame)
        self.follow.setObjectName("followUp")
        self.follow_on = QDateEdit(self.reasons_frame)
        self.follow_on.setObjectName("followUpDate")
        self.follow_on.setDisplayFormat("dd/MM/yyyy")
        self.follow_on.setCalendarPopup(True)
        row = QHBoxLayout()
        row.addWidget(self.follow)
        row.addWidget(self.follow_on)
        row.addStretch(1)
        inner.addLayout(row)
        self.error = QLabel(self)
        self.error.setObjectName("outcomeError")
        set_role(self.error, "error", size="large")
        hint = QLabel(tr("Enter: lưu và tiếp người sau · Esc: quay lại các bước"), self)
        set_role(hint, "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(_title(tr("3. Kết quả"), self))
        layout.addWidget(self.outcome)
        layout.addWidget(self.reasons_frame)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addStretch(1)

    def _reason_toggled(self, code: str, on: bool) -> None:
        if code in self.chosen_order:
            self.chosen_order.remove(code)
        if on:
            self.chosen_order.append(code)
        self.triage.show_reasons(self.chosen_order)

    def _other_toggled(self, on: bool) -> None:
        self.other.setEnabled(on)
        if on:
            self.other.setFocus()

    def start(self, steps: list[str]) -> None:
        code = outcome_for(steps)
        labels = {"thanh_cong": tr("Thành công: đã có tài khoản iHaNoi"),
                  "mot_phan": tr("Thành công một phần"), "khong_thanh_cong": tr("Không thành công")}
        self.outcome.setText(labels[code])
        set_role(self.outcome, "ok" if code == "thanh_cong" else "warning")
        self.error.clear()
        for box in self.reasons.values():
            box.setChecked(False)
        self.other.clear()
        failed = code != "thanh_cong"
        self.reasons_frame.setVisible(failed)
        self.follow.setChecked(failed)
        d = today_vn() + timedelta(days=FOLLOW_UP_DAYS)
        self.follow_on.setDate(QDate(d.year, d.month, d.day))
        (self.reasons[FAILURE_ORDER[0]] if failed else self).setFocus()

    def chosen(self) -> dict:
        if not self.reasons_frame.isVisible():
            return {"failure_reasons": [], "failure_other": "", "follow_up_on": None}
        return {
            "failure_reasons": [c for c, box in self.reasons.items() if box.isChecked()],
            "failure_other": self.other.text(),
            "follow_up_on": self.follow_on.date().toPython() if self.follow.isChecked() else None,
        }

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if self.reasons_frame.isVisible() and text in FAILURE_KEYS:
            box = self.reasons[FAILURE_ORDER[FAILURE_KEYS.index(text)]]
            box.setChecked(not box.isChecked())
            if not box.isChecked() or box is not self.reasons["khac"]:
                box.setFocus()
            event.accept()
            return
        if self.reasons_frame.isVisible() and text.lower() == "h":
            self.follow.setChecked(not self.follow.isChecked())
            event.accept()
            return
        event.ignore()


class BoothWindow(QWidget):
    """The booth: header (who is on duty, today's counter) over the three screens."""

    session_started = Signal(str)  # session id, once stored
    step_saved = Signal(str, bool)  # step, reached: once stored
    session_finished = Signal(object)  # SessionInfo, once stored
    counts_changed = Signal(int, int)  # today's sessions, successes
    keystrokes = Signal(int, int)  # a finished session's keys: volunteer's keys, scans

    def __init__(self, gui: GuiContext, campaign_id: str | None = None, volunteer_ids: list[str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.campaign_id = campaign_id
        self.volunteer_ids = list(volunteer_ids or [])
        self.session_id: str | None = None
        self.resident_name = ""
        self._finishing = False
        self.setObjectName("boothWindow")
        self.setWindowTitle(tr("Chế độ điểm hỗ trợ"))

        self.duty = QLabel(self)
        self.duty.setObjectName("dutyLabel")
        set_role(self.duty, size="large")
        self.counter = QLabel(self)
        self.counter.setObjectName("boothCounter")
        set_role(self.counter, "counter", size="big")
        self.message = QLabel(self)
        self.message.setObjectName("boothMessage")
        set_role(self.message, "ok", size="large")
        header = QHBoxLayout()
        header.addWidget(self.duty, 1)
        header.addWidget(self.counter)

        self.stack = QStackedWidget(self)
        self.find = FindScreen(gui, self.stack)
        self.steps = StepsScreen(self.stack)
        self.outcome = OutcomeScreen(self.stack, gui)
        for w in (self.find, self.steps, self.outcome):
            self.stack.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(vertical_scroll(self.stack, self), 1)  # large text on a short screen: scrolls

        self.key_counter = KeyCounter(self)
        self.scan_guard = ScanGuard(self)
        other_reason = ScanCatcher(self)
        other_reason.watch(self.outcome.other)
        other_reason.card_scanned.connect(lambda _c: self.scan_guard.burst_ignored.emit())
        other_reason.not_a_card.connect(lambda _r: self.scan_guard.burst_ignored.emit())
        self.scan_guard.burst_ignored.connect(lambda: self.message.setText(tr(
            "Vừa quét một thẻ khi đang ghi lượt hỗ trợ: không dùng. Lưu lượt này (Enter) rồi quét thẻ người tiếp theo.")))
        self.find.search.chosen.connect(lambda r: self.begin(r.id, r.full_name))
        self.find.form.saved.connect(lambda d: self.begin(d.id, d.full_name))
        self.find.form.cancelled.connect(self.find.show_search)
        self.find.register_requested.connect(self._register)
        # a scanned card: the search box, a photo, or a scan typed into the registration form
        self.card_flow = CardScanFlow(gui, self)
        self.find.search.scan.card_scanned.connect(lambda _c: self.key_counter.took_scan(self.find.search.scan.last_scan_keys))
        self.find.search.card_scanned.connect(self.card_flow.take)
        self.find.form.scan_catcher.card_scanned.connect(
            lambda _c: self.key_counter.took_scan(self.find.form.scan_catcher.last_scan_keys))
        self.find.form.card_scanned.connect(self.card_flow.take)
        self.card_flow.open_resident.connect(self.begin)
        self.card_flow.register.connect(self._register_from_card)
        self.card_flow.message.connect(self.message.setText)
        self.steps.toggled.connect(self._save_step)
        QShortcut(QKeySequence("F2"), self, self._register, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("F3"), self, self.find.use_query_as_name, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show_duty()
        self.refresh_counts()
        self.find.show_search()

    # -- header -----------------------------------------------------------------------
    def _show_duty(self) -> None:
        actor = self.gui.app.actor
        self.duty.setText(tr("Người trực: {name}").format(name=actor) if actor else tr("Chưa chọn người trực ca"))

    def refresh_counts(self) -> None:
        self.gui.read(help_sessions.today_counts, owner=self, on_done=self._set_counts, key=f"booth.counts.{id(self)}")

    def _set_counts(self, counts: dict) -> None:
        self.counter.setText(tr("Hôm nay: {n} lượt hỗ trợ · {ok} thành công").format(n=counts["sessions"], ok=counts["successes"]))
        self.counts_changed.emit(counts["sessions"], counts["successes"])

    # -- flow -------------------------------------------------------------------------
    def current_screen(self) -> str:
        return {self.find: "find", self.steps: "steps", self.outcome: "outcome"}[self.stack.currentWidget()]

    def _register(self) -> None:
        if self.stack.currentWidget() is self.find:
            self.find.show_form()
            self.find.form.full_name.setFocus()

    def _register_from_card(self, match, _card=None) -> None:
        """An unknown card: the inline registration, filled from the card."""
        if self.stack.currentWidget() is not self.find:
            return
        if not self.find.form.isVisible():
            self.find.show_form()
        self.find.use_query.hide()
        self.find.form.fill_from_card(match.draft, match.problems)

    def begin(self, resident_id: str, name: str) -> None:
        """Open a session for the chosen resident; its id is made here so ticks can queue at once."""
        self.session_id = new_session_id()
        self.resident_name = name
        self.message.clear()
        self.gui.write(help_sessions.start_session, resident_id, self.campaign_id, self.volunteer_ids,
                       session_id=self.session_id, owner=self, on_error=self._failed,
                       on_done=lambda info: self.session_started.emit(info.id))
        self.stack.setCurrentWidget(self.steps)
        self.steps.start(name)

    def _save_step(self, step: str, reached: bool) -> None:
        sid = self.session_id
        if sid is None:
            return
        mark = self.steps.saved_marks[step]
        mark.setText(tr("đang lưu…"))

        def done(_info, step=step, reached=reached):
            mark.setText(tr("✓ đã lưu") if reached else "")
            self.step_saved.emit(step, reached)

        self.gui.write(help_sessions.record_step, sid, step, reached,
                       owner=self, on_done=done, on_error=self._failed)

    def _to_outcome(self) -> None:
        self.stack.setCurrentWidget(self.outcome)
        self.outcome.start(self.steps.steps())

    def _finish(self) -> None:
        if self._finishing or self.session_id is None:
            return
        chosen = self.outcome.chosen()
        if self.outcome.reasons_frame.isVisible():
            if not chosen["failure_reasons"]:
                self.outcome.error.setText(tr("Chọn ít nhất một lý do (phím 1–9, 0)."))
                return
            if "khac" in chosen["failure_reasons"] and not chosen["failure_other"].strip():
                self.outcome.error.setText(tr("Đã chọn «Lý do khác»: hãy ghi rõ lý do."))
                self.outcome.other.setFocus()
                return
        self._finishing = True
        self.gui.write(help_sessions.finish_session, self.session_id, owner=self, on_done=self._finished,
                       on_error=self._failed, **chosen)

    def _finished(self, info) -> None:
        self._finishing = False
        self.session_id = None
        set_role(self.message, "ok", size="large")
        text = tr("Đã lưu lượt hỗ trợ của {name}. Mời người tiếp theo.").format(name=info.resident_name)
        if info.handoffs_opened:
            text += " " + tr("Đã tạo phiếu chuyển công an ({reasons}).").format(
                reasons=", ".join(tr(FAILURE_REASONS[c]) for c in info.handoffs_opened))
        self.message.setText(text)
        self.keystrokes.emit(self.key_counter.keys, self.key_counter.scans)
        self.key_counter.reset()
        self.session_finished.emit(info)
        self.refresh_counts()
        self.stack.setCurrentWidget(self.find)
        self.find.show_search()

    def _abandon(self) -> None:
        """Esc on the steps: a session with nothing ticked is withdrawn; otherwise go on to the outcome."""
        if self.steps.steps():
            self._to_outcome()
            return
        if self.session_id:
            self.gui.write(help_sessions.discard_session, self.session_id, owner=self, on_error=self._failed)
        self.session_id = None
        self.key_counter.reset()
        self.stack.setCurrentWidget(self.find)
        self.find.show_search()

    def _failed(self, exc: BaseException) -> None:
        self._finishing = False
        set_role(self.message, "error", size="large")
        self.message.setText(str(exc))

    # -- keyboard ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        screen = self.stack.currentWidget()
        if screen is self.steps and enter:
            self._to_outcome()
        elif screen is self.steps and key == Qt.Key.Key_Escape:
            self._abandon()
        elif screen is self.outcome and enter:
            self._finish()
        elif screen is self.outcome and key == Qt.Key.Key_Escape:
            self.stack.setCurrentWidget(self.steps)
            self.steps.boxes[STEP_ORDER[0]].setFocus()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event) -> None:
        self.gui.tasks.wait_for_writes()
        QApplication.instance().removeEventFilter(self.key_counter)
        QApplication.instance().removeEventFilter(self.scan_guard)
        super().closeEvent(event)
