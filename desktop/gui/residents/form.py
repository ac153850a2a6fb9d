"""The resident registration form: keyboard-first, inline Vietnamese messages, duplicate check.

Enter saves (or presses the focused button), Esc cancels, Ctrl+N starts a new resident.
Warnings (CCCD vs sex/birth year) and overridable duplicates show in a notice with a
button to confirm; the same CCCD is refused and offers to open the existing record.
Embeddable: the booth screen uses it for inline registration (`consent_required`: saving
asks for the resident's consent first).

A CCCD's QR scanned into any field (a keyboard-wedge scanner) does not land in that field:
`card_scanned` goes to the host, which looks the card up and, for an unknown card, calls
`fill_from_card`. A card whose CCCD breaks the structure rules shows why beside the number and
is stored only after the volunteer confirms it ("Đúng như trên thẻ"). A name typed without
diacritics is flagged as it is typed (the service's rule, `residents.names`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import formatting
from desktop.core import validation as v
from desktop.core.formatting import format_date
from desktop.core.vocab import ADOPTION_STAGES, SEXES, TARGET_GROUPS
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.people.consent import ConsentBox
from desktop.gui.residents.card_scan import ScanCatcher
from desktop.gui.residents.household_picker import HouseholdPicker
from desktop.services.people import privacy
from desktop.services.residents import residents as svc
from desktop.services.residents.names import diacritics_warning
from desktop.services.setup.ward_setup import residential_groups



class ResidentForm(QWidget):
    saved = Signal(object)  # ResidentDetail
    cancelled = Signal()
    open_existing = Signal(str)  # resident id the volunteer wants to see instead
    groups_loaded = Signal()
    card_scanned = Signal(object)  # a CardScan typed into one of the fields by a scanner
    filled_from_card = Signal()

    def __init__(self, gui: GuiContext, parent: QWidget | None = None, *, consent_required: bool = False):
        super().__init__(parent)
        self.gui = gui
        self.consent_required = consent_required
        self._card_cccd: str | None = None  # the CCCD filled from a scanned card, while unchanged
        self._card_problems: tuple[str, ...] = ()
        self._cccd_confirmed = False
        self.setObjectName("residentForm")
        self._resident_id: str | None = None
        self._pending: tuple[bool, bool] | None = None  # (confirmed_warnings, allow_duplicates) of a retry
        self._busy = False
        self._error_labels: dict[str, QLabel] = {}

        self.title = QLabel(self)
        self.title.setObjectName("formTitle")
        set_role(self.title, size="heading")

        self.full_name = QLineEdit(self)
        self.full_name.setPlaceholderText(tr("Ví dụ: Nguyễn Văn An"))
        self.birth = QLineEdit(self)
        self.birth.setPlaceholderText(tr("dd/mm/yyyy hoặc năm sinh"))
        self.sex = QComboBox(self)
        self.sex.addItem(tr("— chưa rõ —"), None)
        for code, label in SEXES.items():
            self.sex.addItem(tr(label), code)
        self.cccd = QLineEdit(self)
        self.cccd.setPlaceholderText(tr("12 chữ số"))
        self.cccd.setMaxLength(16)
        self.cmnd = QLineEdit(self)
        self.cmnd.setPlaceholderText(tr("9 chữ số (nếu có)"))
        self.cmnd.setMaxLength(12)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(tr("Ví dụ: 0912 345 678"))
        self.group = QComboBox(self)
        self.group.addItem(tr("— chưa chọn —"), None)
        self.address = QLineEdit(self)
        self.household = HouseholdPicker(gui, self)
        self.group.currentIndexChanged.connect(lambda _i: setattr(self.household, "group_id", self.group.currentData()))
        self.target = QComboBox(self)
        for code, label in TARGET_GROUPS.items():
            self.target.addItem(tr(label), code)
        self.workplace = QLineEdit(self)
        self.stage = QComboBox(self)
        for code, label in ADOPTION_STAGES.items():
            self.stage.addItem(tr(label), code)
        # The versioned consent wording, shown in full; its tick is the consent (issue #8).
        self.consent_box = ConsentBox(self)
        self.consent = self.consent_box.check
        self.consent_by = QLineEdit(self)
        self.consent_by.setReadOnly(True)  # who recorded it: the signed-in operator / volunteer on duty
        self.consent_by.setPlaceholderText(tr("Người ghi nhận sự đồng ý"))
        # Numbers of an edited resident stay masked: (shown mask, stored value) per field.
        self._kept: dict[QLineEdit, tuple[str, str]] = {}
        self.notes = QLineEdit(self)

        widgets = {
            "full_name": self.full_name, "birth_date": self.birth, "sex": self.sex, "cccd": self.cccd,
            "cmnd": self.cmnd, "phone": self.phone, "residential_group_id": self.group,
            "address_detail": self.address, "household": self.household, "target_group": self.target,
            "workplace": self.workplace, "adoption_stage": self.stage, "consent_given": self.consent, "consent_by": self.consent_by,
            "notes": self.notes,
        }
        for name, w in widgets.items():
            w.setObjectName(name)
        self.fields = widgets
        labels = [
            ("full_name", tr("Họ và tên *")), ("birth_date", tr("Ngày/năm sinh")), ("sex", tr("Giới tính")),
            ("cccd", tr("Số CCCD")), ("cmnd", tr("Số CMND cũ")), ("phone", tr("Số điện thoại")),
            ("residential_group_id", tr("Tổ dân phố / thôn")), ("address_detail", tr("Địa chỉ")),
            ("household", tr("Hộ")), ("target_group", tr("Đối tượng")), ("workplace", tr("Nơi làm việc / học tập")),
            ("adoption_stage", tr("iHaNoi")), ("consent_given", tr("Đồng ý")), ("consent_by", tr("Người ghi nhận")),
            ("notes", tr("Ghi chú")),
        ]
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow pane: the field goes under its label
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label in labels:
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(self.consent_box if name == "consent_given" else widgets[name])
            err = QLabel(self)
            err.setObjectName(f"error_{name}")
            err.setWordWrap(True)
            err.setVisible(False)
            box.addWidget(err)
            self._error_labels[name] = err
            form.addRow(label, box)
        # birth year problems show next to the birth field
        self._error_labels["birth_year"] = self._error_labels["birth_date"]

        self.notice = QFrame(self)
        self.notice.setObjectName("notice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        set_role(self.notice, "notice")
        self.notice_text = QLabel(self.notice)
        self.notice_text.setObjectName("noticeText")
        self.notice_text.setWordWrap(True)
        self.confirm_button = QPushButton(tr("Vẫn lưu"), self.notice)
        self.confirm_button.setObjectName("confirmButton")
        self.open_button = QPushButton(tr("Mở hồ sơ đã có"), self.notice)
        self.open_button.setObjectName("openExistingButton")
        nl = QVBoxLayout(self.notice)
        nl.addWidget(self.notice_text)
        nb = QHBoxLayout()
        nb.addWidget(self.confirm_button)
        nb.addWidget(self.open_button)
        nb.addStretch(1)
        nl.addLayout(nb)
        self.notice.setVisible(False)
        self.confirm_button.clicked.connect(self._confirm)
        self.open_button.clicked.connect(self._open_existing)
        self._existing_id: str | None = None

        self.status = QLabel(self)
        self.status.setObjectName("formStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(tr("Lưu (Enter)"), self)
        self.save_button.setObjectName("saveButton")
        self.cancel_button = QPushButton(tr("Hủy (Esc)"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        layout.addStretch(1)

        order = [self.full_name, self.birth, self.sex, self.cccd, self.cmnd, self.phone, self.group, self.address,
                 self.household.search, self.household.choice, self.target, self.workplace, self.stage, self.consent,
                 self.consent_by, self.notes, self.save_button, self.cancel_button]
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)
        for w in (self.sex, self.group, self.target, self.stage):
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scan_catcher = ScanCatcher(self)
        self.scan_catcher.watch(*order)
        self.scan_catcher.card_scanned.connect(self.card_scanned)
        self.scan_catcher.not_a_card.connect(self.status.setText)
        self.full_name.editingFinished.connect(self._check_name)

        # Ctrl+N: a new resident (a page that has its own Ctrl+N disables this one)
        self.new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_shortcut.activated.connect(self.reset)

        self.consent.toggled.connect(self._consent_toggled)
        gui.bus.changed.connect(self._on_changed)
        self._load_groups()
        self.reset()

    # -- loading ----------------------------------------------------------------------
    def _load_groups(self) -> None:
        self.gui.read(residential_groups, on_done=self._set_groups, key=f"form.groups.{id(self)}")
        self.gui.read(privacy.ward_name, on_done=self.consent_box.set_ward, key=f"form.ward.{id(self)}")

    def _set_groups(self, groups) -> None:
        current = self.group.currentData()
        self.group.clear()
        self.group.addItem(tr("— chưa chọn —"), None)
        for g in groups:
            self.group.addItem(g.name, g.id)
        self._select(self.group, current)
        self.groups_loaded.emit()

    def _on_changed(self, kinds) -> None:
        if "residential_group" in kinds:
            self._load_groups()

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        i = combo.findData(value)
        combo.setCurrentIndex(i if i >= 0 else 0)

    def _consent_toggled(self, on: bool) -> None:
        if on and not self.consent_by.text().strip():
            self.consent_by.setText(self.gui.app.actor)
        if on:
            self._error_labels["consent_given"].setVisible(False)

    def _check_name(self) -> None:
        """The service's no-diacritics warning, shown beside the name as soon as it is typed."""
        label = self._error_labels["full_name"]
        warning = diacritics_warning(self.full_name.text())
        if warning:
            label.setText(warning)
            set_role(label, "warning")
            label.setVisible(True)
        elif label.isVisible() and label.property("role") == "warning":
            label.setVisible(False)

    # -- a scanned card ---------------------------------------------------------------
    def fill_from_card(self, draft: svc.ResidentInput, problems: tuple[str, ...] = ()) -> None:
        """Fill what the card says (name, birth date, sex, CCCD, old CMND, address); the residential
        group, phone, target group and consent stay for the volunteer, who goes on at the group."""
        if self._resident_id is not None:
            self.reset()
        self._clear_messages()
        self.full_name.setText(draft.full_name)
        self.birth.setText(format_date(draft.birth_date) if draft.birth_date else str(draft.birth_year or ""))
        self._select(self.sex, draft.sex)
        for w, value in ((self.cccd, draft.cccd), (self.cmnd, draft.cmnd), (self.address, draft.address_detail)):
            self._kept.pop(w, None)
            w.setText(value or "")
        self._card_cccd, self._card_problems, self._cccd_confirmed = draft.cccd, tuple(problems), False
        self.status.setText(tr("Đã điền theo thẻ. Còn: tổ, điện thoại, đồng ý."))
        if self._card_problems:
            label = self._error_labels["cccd"]
            label.setText("\n".join(self._card_problems))
            set_role(label, "warning")
            label.setVisible(True)
            self._show_notice(tr("Số CCCD trên thẻ không đúng quy tắc: {reason} Hãy xem lại thẻ. Nếu số đúng như in trên "
                                 "thẻ, bấm «Đúng như trên thẻ».").format(reason=" ".join(self._card_problems)),
                              confirm=self._confirm_card_cccd, existing=None)
            self.confirm_button.setText(tr("Đúng như trên thẻ"))
        else:
            self.group.setFocus()
        self.filled_from_card.emit()

    def _confirm_card_cccd(self) -> None:
        self._cccd_confirmed = True
        self.notice.setVisible(False)
        self._error_labels["cccd"].setText(tr("Đã xác nhận số CCCD đúng như trên thẻ."))
        self.group.setFocus()

    # -- public -----------------------------------------------------------------------
    def reset(self) -> None:
        """Empty form for a new resident, focus on the name."""
        self._resident_id = None
        self._kept.clear()
        self._card_cccd, self._card_problems, self._cccd_confirmed = None, (), False
        self.title.setText(tr("Đăng ký cư dân mới"))
        self.consent_box.set_values(True, privacy.CURRENT_CONSENT_VERSION)  # back to the current wording
        for w in (self.full_name, self.birth, self.cccd, self.cmnd, self.phone, self.address, self.workplace,
                  self.consent_by, self.notes):
            w.clear()
        for combo in (self.sex, self.group, self.target, self.stage):
            combo.setCurrentIndex(0)
        self._select(self.target, svc.DEFAULT_TARGET_GROUP)
        self.consent.setChecked(False)
        self.household.reset()
        self._clear_messages()
        self.status.clear()
        self.full_name.setFocus()

    def edit(self, detail: svc.ResidentDetail) -> None:
        """Fill the form with an existing resident (saving updates it)."""
        self.reset()
        self._resident_id = detail.id
        self.title.setText(tr("Sửa thông tin cư dân"))
        self.full_name.setText(detail.full_name)
        self.birth.setText(format_date(detail.birth_date) if detail.birth_date else str(detail.birth_year or ""))
        self._select(self.sex, detail.sex)
        for w, shown, value in ((self.cccd, svc.mask_cccd(detail.cccd), detail.cccd or ""),
                                (self.cmnd, svc.mask_cccd(detail.cmnd), detail.cmnd or ""),
                                (self.phone, svc.mask_phone(detail.phone), _display_phone(detail.phone))):
            w.setText(shown)
            if value:
                self._kept[w] = (shown, value)
        self._select(self.group, detail.residential_group_id)
        if detail.residential_group_id and self.group.currentData() != detail.residential_group_id:
            self.group.addItem(detail.residential_group, detail.residential_group_id)
            self._select(self.group, detail.residential_group_id)
        self.address.setText(detail.address_detail)
        self.household.set_current(detail.household_id, detail.household_code)
        self._select(self.target, detail.target_group)
        self.workplace.setText(detail.workplace)
        self._select(self.stage, detail.adoption_stage)
        self.consent_box.set_values(detail.consent_given, detail.consent_version)
        self.consent_by.setText(detail.consent_by)
        self.notes.setText(detail.notes)
        self.full_name.setFocus()

    @property
    def editing_id(self) -> str | None:
        return self._resident_id

    def _typed(self, w: QLineEdit) -> str:
        """The field's text, or the stored number while its mask is left untouched."""
        kept = self._kept.get(w)
        return kept[1] if kept and w.text() == kept[0] else w.text()

    def collect(self) -> tuple[svc.ResidentInput, list[svc.FieldProblem]]:
        """The typed values as service input, and problems found before asking the service."""
        problems: list[svc.FieldProblem] = []
        birth_date = birth_year = None
        try:
            birth_date, birth_year = v.parse_birth(self.birth.text().strip())
        except v.InvalidValue as exc:
            problems.append(svc.FieldProblem("birth_date", str(exc)))
        given, version = self.consent_box.values()
        data = svc.ResidentInput(
            full_name=self.full_name.text(), birth_date=birth_date, birth_year=birth_year,
            sex=self.sex.currentData(), cccd=self._typed(self.cccd), cmnd=self._typed(self.cmnd),
            phone=self._typed(self.phone),
            residential_group_id=self.group.currentData(), address_detail=self.address.text(),
            target_group=self.target.currentData(), workplace=self.workplace.text(), notes=self.notes.text(),
            consent_given=given, consent_by=self.consent_by.text() if given else "", consent_version=version,
            adoption_stage=self.stage.currentData(), household=self.household.value(),
            cccd_confirmed=self._cccd_confirmed and v.digits_only(self.cccd.text()) == self._card_cccd,
        )
        return data, problems

    def save(self, confirmed_warnings: bool = False, allow_duplicates: bool = False) -> None:
        if self._busy:
            return
        self._clear_messages()
        data, problems = self.collect()
        _values, found = svc.validate(data)
        problems += [p for p in found if p.severity == "error"]
        if problems:
            self._show_problems(problems)
            if self._card_problems and any(p.field == "cccd" for p in problems) \
                    and v.digits_only(self.cccd.text()) == self._card_cccd:
                self._show_notice(tr("Số CCCD trên thẻ không đúng quy tắc. Nếu số đúng như in trên thẻ, bấm «Đúng như "
                                     "trên thẻ»."), confirm=self._confirm_card_cccd, existing=None)
                self.confirm_button.setText(tr("Đúng như trên thẻ"))
            return
        self._busy = True
        self._pending = (confirmed_warnings, allow_duplicates)
        self.status.setText(tr("Đang lưu…"))
        kwargs = {"confirmed_warnings": confirmed_warnings, "allow_duplicates": allow_duplicates}
        if self._resident_id:
            self.gui.write(svc.update_resident, self._resident_id, data,
                           on_done=self._saved, on_error=self._failed, **kwargs)
        else:
            self.gui.write(svc.register_resident, data, consent_required=self.consent_required,
                           on_done=self._saved, on_error=self._failed, **kwargs)

    def cancel(self) -> None:
        self._clear_messages()
        self.cancelled.emit()

    # -- results ----------------------------------------------------------------------
    def _saved(self, detail: svc.ResidentDetail) -> None:
        self._busy = False
        self.status.setText(tr("Đã lưu: {name}").format(name=detail.full_name))
        self._resident_id = None
        self.saved.emit(detail)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.status.clear()
        confirmed, allow = self._pending or (False, False)
        if isinstance(exc, svc.ResidentRejected):
            self._show_problems(exc.problems)
            if exc.only_warnings:
                self._show_notice(tr("Thông tin chưa khớp nhau, hãy kiểm tra lại. Nếu đúng, bấm «Vẫn lưu»."),
                                  confirm=lambda: self.save(True, allow), existing=None)
        elif isinstance(exc, svc.DuplicateResident):
            existing = exc.existing[0].id if exc.existing else None
            if exc.overridable:
                self._show_notice(str(exc) + " " + tr("Có phải người khác không? Bấm «Vẫn lưu» để lưu người mới."),
                                  confirm=lambda: self.save(confirmed, True), existing=existing)
            else:
                self._error_labels["cccd"].setText(str(exc))
                set_role(self._error_labels["cccd"], "error")
                self._error_labels["cccd"].setVisible(True)
                self._show_notice(str(exc) + " " + tr("Không thể lưu hai người cùng số CCCD."),
                                  confirm=None, existing=existing)
        elif isinstance(exc, svc.ResidentNotFound):
            self.status.setText(tr("Hồ sơ này không còn trong danh sách."))
        else:
            self.gui.tasks.unhandled_error.emit(exc)

    # -- messages ---------------------------------------------------------------------
    def _clear_messages(self) -> None:
        for label in self._error_labels.values():
            label.clear()
            label.setVisible(False)
        self.notice.setVisible(False)
        self.confirm_button.setText(tr("Vẫn lưu"))
        self._confirm_action = None
        self._existing_id = None

    def _show_problems(self, problems: list[svc.FieldProblem]) -> None:
        first = None
        order = list(self.fields) + ["birth_year"]
        problems = sorted(problems, key=lambda p: order.index(p.field) if p.field in order else len(order))
        for p in problems:
            label = self._error_labels.get(p.field)
            if label is None:
                self.status.setText(p.message)
                continue
            text = (label.text() + "\n" if label.isVisible() and label.text() else "") + p.message
            label.setText(text)
            set_role(label, "error" if p.severity == "error" else "warning")
            label.setVisible(True)
            if first is None and p.severity == "error":
                first = p.field
        if first:  # the first field with an error (a warning alone leaves the focus where it is)
            widget = self.fields.get(first if first != "birth_year" else "birth_date")
            if widget is not None:
                widget.setFocus()

    def _show_notice(self, text: str, confirm, existing: str | None) -> None:
        self.notice_text.setText(text)
        self._confirm_action = confirm
        self._existing_id = existing
        self.confirm_button.setVisible(confirm is not None)
        self.open_button.setVisible(existing is not None)
        self.notice.setVisible(True)
        (self.confirm_button if confirm is not None else self.open_button).setFocus()

    def _confirm(self) -> None:
        action = self._confirm_action
        if action:
            action()

    def _open_existing(self) -> None:
        if self._existing_id:
            self.open_existing.emit(self._existing_id)

    # -- keyboard ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus.isVisible():
                focus.click()
            else:
                self.save()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)


def _display_phone(phone: str | None) -> str:
    return formatting.phone(phone)
