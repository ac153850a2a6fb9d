"""Đi từng nhà: the coverage list of a residential group on screen (a checklist of households and the
members still to reach) and the visit entry: type the household's code, Enter, one digit per member
(the outcome numbers printed on the paper list), Enter to save. A member who needs the police (5) gets a
line of the police reasons (Tab, Space to tick one; none ticked hands off "cần công an hỗ trợ") and the
triage guide of what was chosen last (`TriagePanel`, as in booth mode), shown in the checklist's place
while the visit is entered (the entry itself is already as tall as a small screen; the checklist comes back
once the visit is saved)."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desktop.core.formatting import format_date
from desktop.core.outreach_vocab import FAILURE_REASONS, POLICE_UNSPECIFIED
from desktop.core.period import today_vn
from desktop.core.vocab import ADOPTION_STAGES, VISIT_OUTCOMES, VISIT_OUTCOMES_FOR_POLICE
from desktop.gui import file_dialogs
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.layouts import FlowLayout, vertical_scroll, wrap_policy
from desktop.gui.outreach.common import fill_table, make_table
from desktop.gui.outreach.triage_panel import TriagePanel
from desktop.services.households import coverage, households, visits
from desktop.services.households.coverage import OUTCOME_KEYS, REASONS
from desktop.services.households.visits import ACCOUNT_STAGE
from desktop.services.setup.ward_setup import residential_groups

KINDS = ("household", "household_visit", "household_visit_member", "resident")  # what the list shows
CODE_OF_KEY = dict(OUTCOME_KEYS)
KEY_OF_CODE = {code: key for key, code in OUTCOME_KEYS.items()}
NEXT_VISIT_DAYS = 7  # "not at home": come back a week later unless the volunteer sets another day


class VisitEntry(QGroupBox):
    """Record a door-to-door visit by the household's code."""

    saved = Signal(object)  # VisitInfo
    found = Signal(object)  # HouseholdInfo
    guide_shown = Signal(bool)  # someone needs the police: the view shows `triage` (it places the panel)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(tr("Ghi kết quả đến tận nhà"), parent)
        self.gui = gui
        self.household = None
        self.choices: list[str] = []  # the police reasons a member can be handed off for (ticked), in order
        self.reason_boxes: dict[str, dict[str, QCheckBox]] = {}  # resident id -> reason -> its box
        self.police_rows: dict[str, QWidget] = {}
        self.chosen: list[tuple[str, str]] = []  # (resident id, reason) in the order chosen: the guide shows the last
        self.code = QLineEdit(self)
        self.code.setObjectName("visitHouseholdCode")
        self.code.setPlaceholderText(tr("Mã hộ, ví dụ K7M-4PX"))
        self.code.setMaxLength(12)
        self.code.setMinimumWidth(self.code.fontMetrics().horizontalAdvance(self.code.placeholderText()) + 24)
        self.code.returnPressed.connect(self.find)
        self.code_error = QLabel(self)
        self.code_error.setObjectName("visitCodeError")
        self.code_error.setProperty("role", "error")
        self.code_error.setWordWrap(True)
        self.heading = QLabel(self)
        self.heading.setObjectName("visitHousehold")
        self.heading.setWordWrap(True)
        self.keys = QLineEdit(self)
        self.keys.setObjectName("visitOutcomeKeys")
        self.keys.setPlaceholderText(tr("Một số cho mỗi người, theo thứ tự: 1-5"))
        self.keys.setMaxLength(40)
        self.keys.textEdited.connect(self._keys_typed)
        self.keys.returnPressed.connect(self.save)
        self.legend = QLabel(coverage.outcome_legend(), self)
        self.legend.setWordWrap(True)
        self.legend.setProperty("role", "hint")
        self.members = make_table(self, [tr("Thành viên"), tr("Năm sinh"), tr("Hiện trạng"), tr("Kết quả lần này")],
                                  "visitMembers")
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.police_box = QWidget(self)
        self.police_box.setObjectName("visitPolice")
        self.police_hint = QLabel(tr("Việc cần công an: Tab rồi Space để đánh dấu; không đánh dấu gì là «{reason}».").format(
            reason=tr(FAILURE_REASONS[POLICE_UNSPECIFIED])), self.police_box)
        self.police_hint.setWordWrap(True)
        self.police_hint.setProperty("role", "hint")
        self.police_layout = QVBoxLayout(self.police_box)
        self.police_layout.setContentsMargins(0, 0, 0, 0)
        self.police_layout.addWidget(self.police_hint)
        self.triage = TriagePanel(gui, self)  # laid out by the view, beside the entry
        self.triage.hide()
        gui.read(visits.police_reason_choices, on_done=self._set_choices, key=f"visit.police.{id(self)}")
        self.met = QLineEdit(self)
        self.met.setObjectName("visitMet")
        self.met.setMaxLength(300)
        self.met.setPlaceholderText(tr("Người gặp, ví dụ: chủ hộ, con gái"))
        self.come_back = QCheckBox(tr("Hẹn quay lại ngày"), self)
        self.come_back.setObjectName("visitComeBack")
        self.next_on = QDateEdit(self)
        self.next_on.setObjectName("visitNextOn")
        self.next_on.setDisplayFormat("dd/MM/yyyy")
        self.next_on.setCalendarPopup(True)
        self.come_back.toggled.connect(self.next_on.setEnabled)
        self.edit_button = QPushButton(tr("Sửa hộ…"), self)
        self.edit_button.setObjectName("visitEditHousehold")
        self.edit_button.clicked.connect(self.edit_household)
        self.save_button = QPushButton(tr("Lưu (Enter)"), self)
        self.save_button.setObjectName("visitSave")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        self.status.setObjectName("visitStatus")
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("visitError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        code_row = QHBoxLayout()
        code_row.addWidget(self.code)
        code_row.addWidget(self.code_error, 1)
        form.addRow(tr("Mã hộ:"), code_row)
        form.addRow(self.heading)
        form.addRow(tr("Kết quả:"), self.keys)
        form.addRow(self.legend)
        form.addRow(self.members)
        form.addRow(self.police_box)
        form.addRow(tr("Người gặp:"), self.met)
        back_row = QHBoxLayout()
        back_row.addWidget(self.come_back)
        back_row.addWidget(self.next_on)
        back_row.addStretch(1)
        back_row.addWidget(self.edit_button)
        back_row.addWidget(self.save_button)
        form.addRow(back_row)
        form.addRow(self.error)
        form.addRow(self.status)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addStretch(1)  # the rows stay together at the top however tall the entry's area is
        self._set_household(None)

    # -- finding the household ------------------------------------------------------------
    def open_code(self, code: str) -> None:
        self.code.setText(code)
        self.find()

    def find(self) -> None:
        self.code_error.clear()
        self.error.clear()
        self.gui.read(households.find_by_code, self.code.text(), on_done=self._found,
                      on_error=self._not_found, key=f"visit.find.{id(self)}")

    def _not_found(self, exc: BaseException) -> None:
        self._set_household(None)
        self.code_error.setText(str(exc))
        self.code.selectAll()
        self.code.setFocus()

    def _found(self, matches: list) -> None:
        info = matches[0]
        self._set_household(info)
        if len(matches) > 1:
            self.code_error.setText(tr("Có {n} hộ cùng mã này; đang mở hộ ở {address}.").format(
                n=len(matches), address=info.address))
        self.keys.setFocus()
        self.found.emit(info)

    def _set_household(self, info) -> None:
        self.household = info
        enabled = info is not None
        for w in (self.keys, self.met, self.come_back, self.save_button, self.edit_button, self.members):
            w.setEnabled(enabled)
        self.keys.clear()
        self.met.clear()
        self._clear_police()
        self.come_back.setChecked(False)
        self.next_on.setEnabled(False)
        self.next_on.setDate(_qdate(today_vn() + timedelta(days=NEXT_VISIT_DAYS)))
        if info is None:
            self.heading.setText(tr("Gõ mã hộ in trên danh sách rồi bấm Enter."))
            fill_table(self.members, [])
            self._fit_members(0)
            return
        # those still to reach first, in the order of the printed list; then those who have an account
        members = sorted(info.members, key=lambda m: m.adoption_stage == ACCOUNT_STAGE)
        head = tr(" · Chủ hộ: {name}").format(name=info.head_name) if info.head_name else ""
        self.heading.setText(tr("Hộ {code} · {address}").format(code=info.code, address=info.address or "-") + head)
        fill_table(self.members, [[m.full_name, str(m.birth_year or ""), tr(ADOPTION_STAGES.get(m.adoption_stage, "")), ""]
                                  for m in members], [m.id for m in members])
        for row, _m in enumerate(members):
            combo = QComboBox(self.members)
            combo.addItem("", None)
            for key, code in OUTCOME_KEYS.items():
                combo.addItem(f"{key}. {tr(VISIT_OUTCOMES[code])}", code)
            combo.currentIndexChanged.connect(lambda _i: self._combos_changed())
            self.members.setCellWidget(row, 3, combo)
        self._fit_members(len(members))

    def _fit_members(self, rows: int) -> None:
        """The members table as tall as its rows (no empty band above the police reasons and the buttons)."""
        table = self.members
        table.resizeRowsToContents()
        height = table.horizontalHeader().sizeHint().height() + sum(table.rowHeight(r) for r in range(rows))
        table.setMaximumHeight(height + 2 * table.frameWidth() + 2)

    def edit_household(self) -> QWidget | None:
        """The household's members, head, moving one out, deleting it (a dialog)."""
        from desktop.gui.residents.household_dialog import HouseholdDialog

        if self.household is None:
            return None
        dialog = HouseholdDialog(self.gui, self.household.id, self)
        dialog.changed.connect(lambda: self._set_household(None))
        dialog.open()
        return dialog

    # -- outcomes ---------------------------------------------------------------------------
    def _combo(self, row: int) -> QComboBox:
        return self.members.cellWidget(row, 3)

    def _keys_typed(self, text: str) -> None:
        digits = [ch for ch in text if not ch.isspace()]
        for row in range(self.members.rowCount()):
            code = CODE_OF_KEY.get(digits[row]) if row < len(digits) else None
            combo = self._combo(row)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(code)))
            combo.blockSignals(False)
        self._suggest_come_back()
        self._update_police()

    def _combos_changed(self) -> None:
        keys = [KEY_OF_CODE.get(self._combo(r).currentData(), "") for r in range(self.members.rowCount())]
        text = "".join(k or " " for k in keys).rstrip()
        self.keys.setText(text)
        self._suggest_come_back()
        self._update_police()

    def _suggest_come_back(self) -> None:
        away = any(self._combo(r).currentData() == "vang_nha" for r in range(self.members.rowCount()))
        if away and not self.come_back.isChecked():
            self.come_back.setChecked(True)

    # -- members who need the police: their reasons and the guide --------------------------------
    def _set_choices(self, codes: list[str]) -> None:
        self.choices = [c for c in codes if c != POLICE_UNSPECIFIED]
        for rid in list(self.police_rows):  # made before the choices came: made again with them
            self._drop_police_row(rid)
        self._update_police()

    def _row_id(self, row: int) -> str:
        return self.members.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def _clear_police(self) -> None:
        for rid in list(self.police_rows):
            self._drop_police_row(rid)
        self.chosen.clear()
        self._show_guide(False)
        self.triage.show_reasons([])

    def _show_guide(self, on: bool) -> None:
        self.police_box.setVisible(on)
        self.triage.setVisible(on)
        self.guide_shown.emit(on)

    def _drop_police_row(self, rid: str) -> None:
        row = self.police_rows.pop(rid)
        self.reason_boxes.pop(rid, None)
        self.police_layout.removeWidget(row)
        row.deleteLater()
        self.chosen = [c for c in self.chosen if c[0] != rid]

    def _police_row(self, rid: str, name: str) -> QWidget:
        row = QWidget(self.police_box)
        row.setObjectName("visitPoliceRow")
        flow = FlowLayout(row)
        flow.setContentsMargins(0, 0, 0, 0)
        label = QLabel(f"<b>{escape(name)}:</b>", row)
        flow.addWidget(label)
        boxes = {}
        for code in self.choices:
            box = QCheckBox(tr(FAILURE_REASONS[code]), row)
            box.setObjectName(f"visitPolice_{code}")
            box.toggled.connect(lambda on, rid=rid, code=code: self._reason_toggled(rid, code, on))
            flow.addWidget(box)
            boxes[code] = box
        if boxes:  # the name on the boxes' line
            label.setMinimumHeight(next(iter(boxes.values())).sizeHint().height())
        wrap_policy(row)
        self.reason_boxes[rid] = boxes
        return row

    def _update_police(self) -> None:
        """One line of police reasons per member whose outcome is "needs the police", in the table's order."""
        wanted = [(self._row_id(r), self.members.item(r, 0).text()) for r in range(self.members.rowCount())
                  if self._combo(r).currentData() in VISIT_OUTCOMES_FOR_POLICE]
        ids = [rid for rid, _name in wanted]
        for rid in [rid for rid in self.police_rows if rid not in ids]:
            self._drop_police_row(rid)
        for rid, name in wanted:
            if rid not in self.police_rows:
                self.police_rows[rid] = self._police_row(rid, name)
                self.chosen.append((rid, POLICE_UNSPECIFIED))
            self.police_layout.removeWidget(self.police_rows[rid])
            self.police_layout.addWidget(self.police_rows[rid])
        self._show_guide(bool(ids))
        self.triage.show_reasons([code for _rid, code in self.chosen])
        chain = [self.keys] + [box for rid in ids for box in self.reason_boxes[rid].values()] + [self.members]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _reason_toggled(self, rid: str, code: str, on: bool) -> None:
        self.chosen = [c for c in self.chosen if c != (rid, code)] + ([(rid, code)] if on else [])
        self.triage.show_reasons([c for _rid, c in self.chosen])

    def police_reasons(self) -> dict[str, list[str]]:
        """The reasons ticked for each member who needs the police, in the order ticked."""
        return {rid: [code for r, code in self.chosen if r == rid and code != POLICE_UNSPECIFIED]
                for rid in self.police_rows}

    def keyPressEvent(self, event) -> None:
        """Enter on a police reason's box saves, as it does in the outcome field."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() in {
                box for boxes in self.reason_boxes.values() for box in boxes.values()}:
            self.save()
            return
        super().keyPressEvent(event)

    def outcomes(self) -> dict[str, str]:
        out = {}
        for row in range(self.members.rowCount()):
            code = self._combo(row).currentData()
            if code:
                out[self.members.item(row, 0).data(Qt.ItemDataRole.UserRole)] = code
        return out

    def save(self) -> None:
        if self.household is None:
            self.error.setText(tr("Chưa chọn hộ: gõ mã hộ rồi bấm Enter."))
            return
        bad = [ch for ch in self.keys.text() if not ch.isspace() and ch not in CODE_OF_KEY]
        if bad:
            self.error.setText(tr("Ô «Kết quả» chỉ nhận các số 1 đến 5 (gặp «{ch}»).").format(ch=bad[0]))
            return
        if len(self.keys.text().replace(" ", "")) > self.members.rowCount():
            self.error.setText(tr("Hộ này có {n} người cần gặp nhưng đã gõ {k} kết quả.").format(
                n=self.members.rowCount(), k=len(self.keys.text().replace(" ", ""))))
            return
        self.error.clear()
        data = visits.VisitInput(self.household.id, self.outcomes(), met=self.met.text(),
                                 next_visit_on=self.next_on.date().toPython() if self.come_back.isChecked() else None,
                                 police_reasons=self.police_reasons())
        self.gui.write(visits.record_visit, data, on_done=self._saved, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))

    def _saved(self, info) -> None:
        names = {m.id: m.full_name for m in self.household.members} if self.household else {}
        text = tr("Đã ghi lần đến hộ {code} ({n} người).").format(code=info.household_code, n=len(info.outcomes))
        police = [rid for rid, outcome in info.outcomes.items() if outcome in VISIT_OUTCOMES_FOR_POLICE]
        made = [names.get(rid, "") for rid in police if rid in info.handoffs_opened]
        waiting = [names.get(rid, "") for rid in police if rid not in info.handoffs_opened]
        if made:
            text += " " + tr("Đã tạo phiếu chuyển công an cho {names}.").format(names=", ".join(made))
        if waiting:
            text += " " + tr("{names}: phiếu chuyển công an đang chờ, không tạo thêm.").format(names=", ".join(waiting))
        self.status.setText(text)
        self._set_household(None)
        self.code.clear()
        self.code.setFocus()
        self.saved.emit(info)


def _qdate(day) -> QDate:
    return QDate(day.year, day.month, day.day)


class DoorToDoorView(QWidget):
    """The checklist of a residential group and the visit entry beside it."""

    loaded = Signal(dict)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.data: dict | None = None
        self.group = QComboBox(self)
        self.group.setObjectName("doorGroup")
        self.group.setMinimumContentsLength(14)
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel(self)
        self.summary.setObjectName("doorSummary")
        self.summary.setWordWrap(True)
        self.pdf_button = QPushButton(tr("In danh sách (PDF)…"), self)
        self.pdf_button.setObjectName("doorPdf")
        self.pdf_button.setShortcut(QKeySequence("Ctrl+P"))
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.checklist = QTreeWidget(self)
        self.checklist.setObjectName("doorChecklist")
        self.checklist.setHeaderLabels([tr("Hộ / thành viên"), tr("Năm sinh"), tr("Hiện trạng"), tr("Lần trước")])
        self.checklist.header().setStretchLastSection(False)
        self.checklist.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.checklist.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.checklist.setAlternatingRowColors(True)
        self.checklist.itemActivated.connect(self._open_item)
        self.entry = VisitEntry(gui, self)
        self.entry.saved.connect(lambda _v: self.refresh())
        self.entry_scroll = vertical_scroll(self.entry, self)
        self.guide_scroll = vertical_scroll(self.entry.triage, self)
        self.guide_scroll.hide()
        self.entry.guide_shown.connect(self._show_guide)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Tổ dân phố / thôn:"), self))
        top.addWidget(self.group)
        top.addWidget(self.summary, 1)
        top.addWidget(self.pdf_button)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.checklist, 1)
        column.addWidget(self.guide_scroll, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.entry_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        gui.read(residential_groups, on_done=self._set_groups)
        gui.bus.watch(self, lambda kinds: self.refresh() if set(KINDS) & set(kinds) else None)

    def _show_guide(self, on: bool) -> None:
        self.guide_scroll.setVisible(on)
        self.checklist.setVisible(not on)

    def _set_groups(self, groups) -> None:
        self.group.blockSignals(True)
        for g in groups:
            self.group.addItem(g.name, g.id)
        self.group.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        gid = self.group.currentData()
        if gid:
            self.gui.read(coverage.coverage_list, gid, on_done=self._show, key=f"door.list.{id(self)}")

    def _show(self, data: dict) -> None:
        self.data = data
        self.checklist.clear()
        for h in data["households"]:
            last = h["last_visit"]
            when = tr(" ({day})").format(day=format_date(date.fromisoformat(last["visited_on"]))) if last else ""
            item = QTreeWidgetItem(self.checklist, [tr("Hộ {code} · {address} · {reason}").format(
                code=h["code"], address=h["address"] or "-", reason=tr(REASONS[h["reason"]])) + when])
            item.setFirstColumnSpanned(True)
            item.setData(0, Qt.ItemDataRole.UserRole, h["code"])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            for m in h["members"]:
                state = tr(VISIT_OUTCOMES[m["last_outcome"]]) if m["last_outcome"] else ""
                child = QTreeWidgetItem(item, [m["full_name"], str(m["birth_year"] or ""),
                                               tr(ADOPTION_STAGES.get(m["adoption_stage"], "")), state])
                child.setCheckState(0, Qt.CheckState.Unchecked)  # ticked while walking, before entering results
                child.setData(0, Qt.ItemDataRole.UserRole, h["code"])
            item.setExpanded(True)
        self.summary.setText(tr(
            "{n} hộ cần đến, {m} người chưa có tài khoản · {covered}/{total} hộ đã xong · {later} hộ hẹn ngày khác · "
            "{without} người chưa ghép hộ").format(
            n=len(data["households"]), m=data["members_to_reach"], covered=data["households_covered"],
            total=data["households_total"], later=data["households_scheduled_later"],
            without=data["residents_without_household"]))
        self.loaded.emit(data)

    def _open_item(self, item: QTreeWidgetItem, _column: int) -> None:
        code = item.data(0, Qt.ItemDataRole.UserRole)
        if code:
            self.entry.open_code(code)

    def choose_pdf(self) -> None:
        if not self.data:
            return
        name = tr("danh-sach-di-tung-nha-{group}.pdf").format(group=self.group.currentText().replace(" ", "-"))
        path = file_dialogs.save_file_name(self, tr("Lưu danh sách đi từng nhà"), name, tr("Tài liệu PDF (*.pdf)"))
        if path:
            self.write_pdf(path)

    def write_pdf(self, path: str) -> None:
        from desktop.services.reports.pdf_report import write_pdf

        try:
            write_pdf(coverage.coverage_document(self.data), path)  # a few pages of text: quick, no Qt
        except OSError as exc:
            self.summary.setText(tr("Không ghi được {path}: {error}").format(path=path, error=exc.strerror or exc))
            return
        self.summary.setText(tr("Đã ghi danh sách vào {path}").format(path=path))
