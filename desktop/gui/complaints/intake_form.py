"""The intake form: a volunteer takes down a resident's complaint at a booth, by keyboard.

Enter moves to the next field (Tab too), Ctrl+Enter saves, Esc cancels. Possible
duplicates (same category, same address or group or within 250 m, last 30 days) are
listed beside the form while typing; Ctrl+D links the new complaint as a duplicate of
the selected one.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import file_dialogs
from desktop.core.formatting import format_date
from desktop.core.complaint_catalogue import CHANNELS, SEVERITIES
from desktop.core.working_calendar import VN_TZ
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.complaints import deadlines as dl
from desktop.services.complaints import complaints as svc
from desktop.services.complaints.attachments import PHOTO_TYPES, VIDEO_TYPES
from desktop.services.complaints.duplicates import find_duplicates
from desktop.services.setup.ward_setup import residential_groups

REPORTER_RESIDENT, REPORTER_NAME, REPORTER_ANONYMOUS = 0, 1, 2
DUPLICATE_DELAY_MS = 250


class IntakeForm(QWidget):
    filed = Signal(str)  # the new complaint's id
    cancelled = Signal()
    duplicates_shown = Signal(int)

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.setObjectName("complaintIntakeForm")
        self._catalogue = dl.catalogue(gui.app)
        self._resident = None  # ResidentSummary chosen in the search box
        self._duplicate_of: tuple[str, str] | None = None  # (id, code)
        self._busy = False
        self._dup_key = f"complaints.duplicates.{id(self)}"

        # -- reporter -------------------------------------------------------------------
        self.reporter_mode = QComboBox(self)
        self.reporter_mode.setObjectName("reporterMode")
        self.reporter_mode.addItems([tr("Cư dân đã đăng ký"), tr("Nhập họ tên"), tr("Ẩn danh")])
        self.resident_box = self._resident_search()
        self.resident_label = QLabel(self)
        self.resident_label.setObjectName("chosenResident")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("reporterName")
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("reporterPhone")
        self.phone_edit.setPlaceholderText("09xx xxx xxx")
        self.hide_name = QCheckBox(tr("Ẩn tên khi công khai"), self)
        self.withhold = QCheckBox(tr("Không chuyển danh tính cho cơ quan"), self)
        self.consent = QCheckBox(tr("Đồng ý được liên hệ lại"), self)
        for w, name in ((self.hide_name, "hideName"), (self.withhold, "withholdIdentity"), (self.consent, "consentContact")):
            w.setObjectName(name)

        # -- what -----------------------------------------------------------------------
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        for k in self._catalogue.kinds:
            self.kind_combo.addItem(k.display(), k.code)
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("categoryCombo")
        self.severity_combo = QComboBox(self)
        self.severity_combo.setObjectName("severityCombo")
        for code, label in SEVERITIES.items():
            self.severity_combo.addItem(tr(label), code)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(tr("Ngắn gọn, ít nhất {n} ký tự").format(n=svc.MIN_TITLE))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setObjectName("descriptionEdit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(
            tr("Sự việc, từ khi nào, ảnh hưởng ra sao (ít nhất {n} ký tự)").format(n=svc.MIN_DESCRIPTION))
        self.description_edit.setFixedHeight(90)

        # -- where and when -------------------------------------------------------------
        self.address_edit = QLineEdit(self)
        self.address_edit.setObjectName("addressEdit")
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("groupCombo")
        self.group_combo.addItem(tr("(không chọn)"), None)
        self.lat_edit = QLineEdit(self)
        self.lat_edit.setObjectName("latEdit")
        self.lat_edit.setPlaceholderText(tr("vĩ độ, ví dụ 21.0285"))
        self.lon_edit = QLineEdit(self)
        self.lon_edit.setObjectName("lonEdit")
        self.lon_edit.setPlaceholderText(tr("kinh độ, ví dụ 105.8048"))
        coords = QHBoxLayout()
        coords.addWidget(self.lat_edit)
        coords.addWidget(self.lon_edit)
        self.occurred_edit = QDateTimeEdit(self)
        self.occurred_edit.setObjectName("occurredEdit")
        self.occurred_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.occurred_edit.setCalendarPopup(True)

        # -- intake ---------------------------------------------------------------------
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("channelCombo")
        for code, label in CHANNELS.items():
            self.channel_combo.addItem(tr(label), code)
        self.taken_by_edit = QLineEdit(self)
        self.taken_by_edit.setObjectName("takenByEdit")
        self.files_list = QListWidget(self)
        self.files_list.setObjectName("filesList")
        self.files_list.setFixedHeight(54)
        self.add_files_button = QPushButton(tr("Thêm ảnh/video… (Ctrl+O)"), self)
        self.add_files_button.setObjectName("addFilesButton")
        self.remove_file_button = QPushButton(tr("Bỏ tệp"), self)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files_list, 1)
        buttons_col = QVBoxLayout()
        buttons_col.addWidget(self.add_files_button)
        buttons_col.addWidget(self.remove_file_button)
        files_row.addLayout(buttons_col)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow pane: the field goes under its label
        form.addRow(tr("Người phản ánh"), self.reporter_mode)
        form.addRow("", self.resident_box)
        form.addRow("", self.resident_label)
        self._name_row_label = QLabel(tr("Họ tên"), self)
        self._phone_row_label = QLabel(tr("Điện thoại"), self)
        form.addRow(self._name_row_label, self.name_edit)
        form.addRow(self._phone_row_label, self.phone_edit)
        privacy = QVBoxLayout()
        for w in (self.hide_name, self.withhold, self.consent):
            privacy.addWidget(w)
        form.addRow(tr("Quyền riêng tư"), privacy)
        form.addRow(tr("Loại phản ánh"), self.kind_combo)
        form.addRow(tr("Lĩnh vực"), self.category_combo)
        form.addRow(tr("Mức độ"), self.severity_combo)
        form.addRow(tr("Tiêu đề"), self.title_edit)
        form.addRow(tr("Nội dung"), self.description_edit)
        form.addRow(tr("Địa chỉ"), self.address_edit)
        form.addRow(tr("Tổ dân phố"), self.group_combo)
        form.addRow(tr("Toạ độ"), coords)
        form.addRow(tr("Thời điểm xảy ra"), self.occurred_edit)
        form.addRow(tr("Kênh tiếp nhận"), self.channel_combo)
        form.addRow(tr("Người ghi nhận"), self.taken_by_edit)
        form.addRow(tr("Ảnh, video"), files_row)

        # Each field's problems are written right under it (issue 17), not only at the bottom.
        self.field_errors: dict[str, QLabel] = {}
        for key, anchor in (("reporter", self.reporter_mode), ("phone", self.phone_edit), ("privacy", privacy),
                            ("category", self.category_combo), ("severity", self.severity_combo),
                            ("title", self.title_edit), ("description", self.description_edit),
                            ("address", self.address_edit), ("group", self.group_combo), ("coords", coords),
                            ("occurred", self.occurred_edit), ("channel", self.channel_combo)):
            label = QLabel(self)
            label.setObjectName(f"{key}Error")
            label.setProperty("role", "error")
            label.setWordWrap(True)
            label.hide()
            row, _role = (form.getLayoutPosition(anchor) if isinstance(anchor, QLayout)
                          else form.getWidgetPosition(anchor))
            form.insertRow(row + 1, "", label)
            self.field_errors[key] = label
        self._error_fields = {"reporter": self.reporter_mode, "phone": self.phone_edit, "privacy": self.hide_name,
                              "category": self.category_combo, "severity": self.severity_combo,
                              "title": self.title_edit, "description": self.description_edit,
                              "address": self.address_edit, "group": self.group_combo, "coords": self.lat_edit,
                              "occurred": self.occurred_edit, "channel": self.channel_combo}

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.save_button = QPushButton(tr("Lưu phản ánh (Ctrl+Enter)"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.draft_button = QPushButton(tr("Lưu nháp"), self)
        self.draft_button.setObjectName("draftButton")
        self.draft_button.setToolTip(tr("Lưu lại để hoàn thiện sau; chưa tính hạn xử lý."))
        self.cancel_button = QPushButton(tr("Hủy (Esc)"), self)
        self.cancel_button.setObjectName("cancelButton")
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.draft_button)
        actions.addWidget(self.save_button)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        heading = QLabel("<b>" + tr("Ghi nhận phản ánh mới") + "</b>", left)
        left_layout.addWidget(heading)
        left_layout.addLayout(form)
        left_layout.addWidget(self.error_label)
        left_layout.addLayout(actions)
        left_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # -- duplicates, side by side -------------------------------------------------
        self.dup_box = QGroupBox(tr("Có thể trùng với"), self)
        self.dup_box.setObjectName("duplicatesBox")
        self.dup_hint = QLabel(tr("Chọn lĩnh vực và địa điểm để kiểm tra phản ánh trùng trong 30 ngày."), self.dup_box)
        self.dup_hint.setWordWrap(True)
        self.dup_list = QListWidget(self.dup_box)
        self.dup_list.setObjectName("duplicatesList")
        self.dup_list.setWordWrap(True)
        self.link_button = QPushButton(tr("Liên kết là trùng (Ctrl+D)"), self.dup_box)
        self.link_button.setObjectName("linkDuplicateButton")
        self.link_button.setEnabled(False)
        self.link_label = QLabel(self.dup_box)
        self.link_label.setObjectName("linkLabel")
        self.link_label.setWordWrap(True)
        self.link_label.setMinimumHeight(44)
        set_role(self.link_label, "link")
        dup_layout = QVBoxLayout(self.dup_box)
        dup_layout.addWidget(self.dup_hint)
        dup_layout.addWidget(self.dup_list, 1)
        dup_layout.addWidget(self.link_label)
        dup_layout.addWidget(self.link_button)
        self.dup_box.setMinimumWidth(260)

        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.dup_box, 2)

        # -- behaviour -----------------------------------------------------------------
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(DUPLICATE_DELAY_MS)
        self._dup_timer.timeout.connect(self._check_duplicates)
        self.reporter_mode.currentIndexChanged.connect(self._mode_changed)
        self.kind_combo.currentIndexChanged.connect(self._fill_categories)
        for signal in (self.category_combo.currentIndexChanged, self.group_combo.currentIndexChanged,
                       self.address_edit.textChanged, self.lat_edit.textChanged, self.lon_edit.textChanged):
            signal.connect(lambda *_a: self._dup_timer.start())
        self.dup_list.currentRowChanged.connect(lambda row: self.link_button.setEnabled(row >= 0))
        self.dup_list.itemActivated.connect(lambda _i: self.link_duplicate())
        self.link_button.clicked.connect(self.toggle_duplicate)
        self.add_files_button.clicked.connect(self.choose_files)
        self.remove_file_button.clicked.connect(self._remove_file)
        self.save_button.clicked.connect(self.save)
        self.draft_button.clicked.connect(lambda: self.save(as_draft=True))
        self.cancel_button.clicked.connect(self.cancel)
        for seq in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(seq), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+D"), self, self.toggle_duplicate, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+O"), self, self.choose_files, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for w in (self.reporter_mode, self.name_edit, self.phone_edit, self.hide_name, self.withhold, self.consent,
                  self.kind_combo, self.category_combo, self.severity_combo, self.title_edit, self.address_edit,
                  self.group_combo, self.lat_edit, self.lon_edit, self.occurred_edit, self.channel_combo,
                  self.taken_by_edit):
            w.installEventFilter(self)
        self.setTabOrder(self.reporter_mode, self.resident_box)
        self._fill_categories()
        gui.read(residential_groups, on_done=self._set_groups, key=f"complaints.groups.{id(self)}")
        self.reset()

    def _resident_search(self) -> QWidget:
        from desktop.gui.residents.search_box import ResidentSearchBox

        box = ResidentSearchBox(self.gui, self)
        box.setMaximumHeight(150)
        box.chosen.connect(self._resident_chosen)
        return box

    # -- public -------------------------------------------------------------------------
    def reset(self) -> None:
        self.reporter_mode.setCurrentIndex(REPORTER_RESIDENT)
        self._resident = None
        if hasattr(self.resident_box, "clear"):
            self.resident_box.clear()
        self.resident_label.clear()
        for w in (self.name_edit, self.phone_edit, self.title_edit, self.address_edit, self.lat_edit, self.lon_edit):
            w.clear()
        self.description_edit.clear()
        for w in (self.hide_name, self.withhold, self.consent):
            w.setChecked(False)
        self.kind_combo.setCurrentIndex(0)
        self.severity_combo.setCurrentIndex(0)
        self.group_combo.setCurrentIndex(0)
        self.channel_combo.setCurrentIndex(0)
        # the wall clock in Hanoi, whatever the machine's zone
        self.occurred_edit.setDateTime(QDateTime(datetime.now(VN_TZ).replace(tzinfo=None, second=0, microsecond=0)))
        self.taken_by_edit.setText(self.gui.app.actor)
        self.files_list.clear()
        self.error_label.clear()
        self._clear_field_errors()
        self._unlink()
        self.dup_list.clear()
        self._mode_changed(REPORTER_RESIDENT)
        self.reporter_mode.setFocus()

    def add_files(self, paths: list[str]) -> None:
        for p in paths:
            if not self.files_list.findItems(p, Qt.MatchFlag.MatchExactly):
                self.files_list.addItem(p)

    def choose_files(self) -> None:
        patterns = " ".join(f"*{e}" for e in (*PHOTO_TYPES, *VIDEO_TYPES))
        paths = file_dialogs.open_file_names(self, tr("Chọn ảnh hoặc video"), "",
                                                 tr("Ảnh và video ({patterns})").format(patterns=patterns))
        self.add_files(paths)

    def collect(self) -> svc.ComplaintDraft:
        mode = self.reporter_mode.currentIndex()
        return svc.ComplaintDraft(
            kind=self.kind_combo.currentData() or "",
            category=self.category_combo.currentData() or "",
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
            severity=self.severity_combo.currentData(),
            reporter_resident_id=self._resident.id if mode == REPORTER_RESIDENT and self._resident else None,
            reporter_name=self.name_edit.text() if mode == REPORTER_NAME else "",
            reporter_phone=self.phone_edit.text() if mode == REPORTER_NAME else "",
            anonymous=mode == REPORTER_ANONYMOUS,
            hide_name_publicly=self.hide_name.isChecked(),
            withhold_identity_from_agency=self.withhold.isChecked(),
            consent_to_contact=self.consent.isChecked(),
            address_text=self.address_edit.text(),
            residential_group_id=self.group_combo.currentData(),
            latitude=_float(self.lat_edit.text()),
            longitude=_float(self.lon_edit.text()),
            occurred_at=self._occurred_at(),
            channel=self.channel_combo.currentData(),
            taken_by=self.taken_by_edit.text(),
            files=[self.files_list.item(i).text() for i in range(self.files_list.count())],
            duplicate_of_id=self._duplicate_of[0] if self._duplicate_of else None,
        )

    def save(self, as_draft: bool = False) -> None:
        if self._busy:
            return
        problems = []
        for edit, label in ((self.lat_edit, tr("Vĩ độ")), (self.lon_edit, tr("Kinh độ"))):
            if edit.text().strip() and _float(edit.text()) is None:
                problems.append(tr("{field}: «{value}» không phải số.").format(field=label, value=edit.text()))
        if self.reporter_mode.currentIndex() == REPORTER_RESIDENT and self._resident is None:
            problems.append(tr("Người phản ánh: tìm và chọn một cư dân (Enter), hoặc đổi sang «Nhập họ tên»."))
        if problems:
            self._show_error("\n".join(problems))
            return
        self._busy = True
        self.save_button.setEnabled(False)
        self._clear_field_errors()
        self.error_label.setText(tr("Đang lưu…"))
        draft = self.collect()
        draft.as_draft = as_draft
        self.gui.write(svc.file_complaint, draft,
                       on_done=self._filed, on_error=self._failed)

    def cancel(self) -> None:
        self.gui.tasks.drop(self._dup_key)
        self.reset()
        self.cancelled.emit()

    def toggle_duplicate(self) -> None:
        if self._duplicate_of:
            self._unlink()
        else:
            self.link_duplicate()

    def link_duplicate(self) -> None:
        item = self.dup_list.currentItem() or self.dup_list.item(0)
        if item is None:
            return
        cand = item.data(Qt.ItemDataRole.UserRole)
        self._duplicate_of = (cand.id, cand.code)
        self.link_label.setText(tr("Phản ánh mới sẽ được ghi nhận là trùng với {code}. (Ctrl+D lần nữa để bỏ)")
                                .format(code=cand.code))
        self.link_button.setText(tr("Bỏ liên kết trùng (Ctrl+D)"))
        self.link_button.setEnabled(True)

    # -- internals ----------------------------------------------------------------------
    def _unlink(self) -> None:
        self._duplicate_of = None
        self.link_label.clear()
        self.link_button.setText(tr("Liên kết là trùng (Ctrl+D)"))
        self.link_button.setEnabled(self.dup_list.currentRow() >= 0)

    def _set_groups(self, groups) -> None:
        current = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        while self.group_combo.count() > 1:
            self.group_combo.removeItem(1)
        for g in groups:
            self.group_combo.addItem(g.name, g.id)
        index = self.group_combo.findData(current)
        self.group_combo.setCurrentIndex(max(index, 0))
        self.group_combo.blockSignals(False)

    def _fill_categories(self, *_a) -> None:
        kind = self._catalogue.kind(self.kind_combo.currentData() or "")
        self.category_combo.clear()
        for c in kind.categories if kind else ():
            self.category_combo.addItem(c.display(), c.code)

    def _mode_changed(self, mode: int) -> None:
        self.resident_box.setVisible(mode == REPORTER_RESIDENT)
        self.resident_label.setVisible(mode == REPORTER_RESIDENT)
        for w in (self.name_edit, self.phone_edit, self._name_row_label, self._phone_row_label):
            w.setVisible(mode == REPORTER_NAME)
        anonymous = mode == REPORTER_ANONYMOUS
        for w in (self.hide_name, self.withhold, self.consent):
            w.setEnabled(not anonymous)
            if anonymous:
                w.setChecked(False)

    def _resident_chosen(self, summary) -> None:
        self._resident = summary
        self.resident_label.setText(tr("Đã chọn: {name}").format(name=summary.full_name))
        self.hide_name.setFocus()

    def _occurred_at(self) -> datetime | None:
        value = self.occurred_edit.dateTime().toPython()
        return value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value

    def _check_duplicates(self) -> None:
        kind, category = self.kind_combo.currentData(), self.category_combo.currentData()
        self.gui.read(find_duplicates, kind, category, address_text=self.address_edit.text(),
                      residential_group_id=self.group_combo.currentData(), latitude=_float(self.lat_edit.text()),
                      longitude=_float(self.lon_edit.text()), key=self._dup_key, on_done=self._show_duplicates)

    def _show_duplicates(self, found: list) -> None:
        self.dup_list.clear()
        for c in found:
            when = format_date(c.recorded_at)
            place = c.address_text or c.group_name
            item = QListWidgetItem(f"{c.code} · {c.title}\n{c.status_label} · {when} · {place} ({c.reason})")
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.dup_list.addItem(item)
        self.dup_hint.setText(
            tr("{n} phản ánh đang mở có thể trùng. Chọn một rồi Ctrl+D để liên kết.").format(n=len(found)) if found
            else tr("Không thấy phản ánh trùng trong 30 ngày qua."))
        if found and self.dup_list.currentRow() < 0:
            self.dup_list.setCurrentRow(0)
        self.link_button.setEnabled(bool(found) or self._duplicate_of is not None)
        self.duplicates_shown.emit(len(found))

    def _filed(self, complaint_id: str) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.reset()
        self.filed.emit(complaint_id)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValueError):  # ComplaintError, AttachmentError, TransitionRefused: messages for people
            self._show_error(str(exc))
        else:
            self._show_error(tr("Không lưu được phản ánh: {error}").format(error=exc))

    def _clear_field_errors(self) -> None:
        for label in self.field_errors.values():
            label.clear()
            label.hide()

    def _show_error(self, text: str) -> None:
        """Each line («Field: problem») under its field; lines naming no field at the bottom."""
        self._clear_field_errors()
        prefixes = ((tr("Loại/lĩnh vực"), "category"), (tr("Mức độ"), "severity"), (tr("Kênh tiếp nhận"), "channel"),
                    (tr("Tiêu đề"), "title"), (tr("Nội dung"), "description"), (tr("Người phản ánh"), "reporter"),
                    (tr("Số điện thoại"), "phone"), (tr("Ẩn danh"), "privacy"), (tr("Đồng ý liên hệ lại"), "privacy"),
                    (tr("Địa điểm"), "address"), (tr("Toạ độ"), "coords"), (tr("Vĩ độ"), "coords"),
                    (tr("Kinh độ"), "coords"), (tr("Thời điểm xảy ra"), "occurred"), (tr("Tổ dân phố"), "group"))
        rest, first = [], None
        for line in text.splitlines():
            key = next((k for prefix, k in prefixes if line.startswith(prefix)), None)
            if key is None:
                rest.append(line)
                continue
            label = self.field_errors[key]
            label.setText(f"{label.text()}\n{line}" if label.text() else line)
            label.show()
            first = first or key
        self.error_label.setText("\n".join(rest) if rest else
                                 tr("Chưa lưu: sửa các ô có ghi chú đỏ ở trên.") if first else "")
        if first:
            self._error_fields[first].setFocus()

    def _remove_file(self) -> None:
        row = self.files_list.currentRow()
        if row >= 0:
            self.files_list.takeItem(row)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent.key(event)  # type: ignore[arg-type]
            mods = QKeyEvent.modifiers(event)  # type: ignore[arg-type]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & Qt.KeyboardModifier.ControlModifier:
                self.focusNextChild()
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)


def _float(text: str) -> float | None:
    try:
        return float(text.strip().replace(",", ".")) if text.strip() else None
    except ValueError:
        return None
