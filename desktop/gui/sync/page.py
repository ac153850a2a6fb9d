"""The sync page: server settings, enrolment, state (online, waiting, last success, errors), "Đồng bộ ngay",
conflicts, residents pulled with a CCCD already here (shown only when there are some), and the records set
aside (refused) with a retry."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import formatting
from desktop.core.formatting import format_time
from desktop.gui import file_dialogs
from desktop.gui.appearance import set_role
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.sync.conflicts_view import ConflictsView
from desktop.gui.sync.cross_ward_view import CrossWardView
from desktop.gui.sync.duplicates_view import DuplicatesDialog
from desktop.gui.sync.quarantine_view import QuarantineView
from desktop.gui.sync.scheduler import scheduler_for
from desktop.services.sync import labels as sync_labels
from desktop.services.sync import service as sync_service
from desktop.sync.transport import BadServerUrl, check_url


def _when(iso: str | None) -> str:
    return format_time(iso) or tr("chưa có")


class SyncPage(QWidget):
    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.scheduler = scheduler_for(gui)
        self.status: dict = {}

        settings_box = QGroupBox(tr("Máy chủ đồng bộ"), self)
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("serverUrl")
        self.url_edit.setPlaceholderText("https://dongbo.hanoi.gov.vn")
        self.ca_edit = QLineEdit(self)
        self.ca_edit.setObjectName("caBundle")
        self.ca_edit.setPlaceholderText(tr("để trống nếu máy chủ dùng chứng chỉ thông thường"))
        self.ca_browse = QPushButton(tr("Chọn tệp…"), self)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("enrollCode")
        self.code_edit.setPlaceholderText(tr("ví dụ ABCD-EFGH-JKLM (chỉ cần lần đầu)"))
        self.save_btn = QPushButton(tr("Lưu cài đặt"), self)
        self.save_btn.setObjectName("saveSettings")
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse)
        form = QFormLayout(settings_box)
        form.addRow(tr("Địa chỉ máy chủ"), self.url_edit)
        form.addRow(tr("Chứng chỉ CA (tuỳ chọn)"), ca_row)
        form.addRow(tr("Mã đăng ký thiết bị"), self.code_edit)
        form.addRow("", self.save_btn)

        state_box = QGroupBox(tr("Tình trạng"), self)
        self.online_label = QLabel(self)
        self.online_label.setObjectName("syncOnline")
        self.enrolled_label = QLabel(self)
        self.enrolled_label.setObjectName("syncEnrolled")
        self.enrolled_label.setWordWrap(True)
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("syncPending")
        self.last_label = QLabel(self)
        self.last_label.setObjectName("syncLastSuccess")
        self.result_label = QLabel(self)
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("syncError")
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("syncProgressText")
        self.progress_label.setVisible(False)
        self.sync_btn = QPushButton(tr("Đồng bộ ngay"), self)
        self.sync_btn.setObjectName("syncNow")
        self.sync_btn.setToolTip("F5")
        self.sync_btn.setDefault(True)
        state_layout = QVBoxLayout(state_box)
        state = QFormLayout()
        state.addRow(tr("Kết nối"), self.online_label)
        state.addRow(tr("Thiết bị"), self.enrolled_label)
        state.addRow(tr("Thay đổi chờ gửi"), self.pending_label)
        state.addRow(tr("Lần thành công gần nhất"), self.last_label)
        state_layout.addLayout(state)
        state_layout.addWidget(self.progress_label)
        state_layout.addWidget(self.progress)
        state_layout.addWidget(self.result_label)
        state_layout.addWidget(self.error_label)
        state_layout.addStretch(1)
        state_layout.addWidget(self.sync_btn)

        self.conflicts = ConflictsView(gui, self)
        conflicts_box = QGroupBox(tr("Xung đột"), self)
        QVBoxLayout(conflicts_box).addWidget(self.conflicts)
        self.duplicates_box = QGroupBox(tr("Cư dân trùng số CCCD"), self)
        self.duplicates_note = QLabel(self.duplicates_box)
        self.duplicates_note.setObjectName("duplicatesNote")
        self.duplicates_note.setWordWrap(True)
        self.duplicates_btn = QPushButton(tr("Xem và quyết định…"), self.duplicates_box)
        self.duplicates_btn.setObjectName("openDuplicates")
        note_row = QHBoxLayout(self.duplicates_box)
        note_row.addWidget(self.duplicates_note, 1)
        note_row.addWidget(self.duplicates_btn)
        self.duplicates_box.setVisible(False)
        self.duplicates_dialog: DuplicatesDialog | None = None
        self.cross_ward = CrossWardView(gui, self)
        self.cross_ward_box = QGroupBox(tr("Cư dân đã đăng ký ở phường khác"), self)
        QVBoxLayout(self.cross_ward_box).addWidget(self.cross_ward)
        self.cross_ward_box.setVisible(bool(self.cross_ward.rows))
        self.cross_ward.counted.connect(lambda _n: self.cross_ward_box.setVisible(bool(self.cross_ward.rows)))
        self.quarantine = QuarantineView(gui, self)
        self.quarantine_box = QGroupBox(tr("Bản ghi bị từ chối"), self)
        QVBoxLayout(self.quarantine_box).addWidget(self.quarantine)

        top = QHBoxLayout()
        top.addWidget(settings_box, 1)
        top.addWidget(state_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.duplicates_box)
        layout.addWidget(self.cross_ward_box)
        layout.addWidget(conflicts_box)
        layout.addWidget(self.quarantine_box)
        layout.addStretch(1)
        self._lists = {conflicts_box: 0, self.quarantine_box: 0}

        self.setTabOrder(self.url_edit, self.ca_edit)
        self.setTabOrder(self.ca_edit, self.ca_browse)
        self.setTabOrder(self.ca_browse, self.code_edit)
        self.setTabOrder(self.code_edit, self.save_btn)
        self.setTabOrder(self.save_btn, self.sync_btn)
        self.setTabOrder(self.sync_btn, self.conflicts.table)

        self.save_btn.clicked.connect(self.save_settings)
        self.sync_btn.clicked.connect(self.sync_now)
        self.code_edit.returnPressed.connect(self.sync_now)
        self.url_edit.returnPressed.connect(self.save_settings)
        self.ca_browse.clicked.connect(self._browse_ca)
        QShortcut(QKeySequence("F5"), self, activated=self.sync_now)
        self.scheduler.started.connect(self._started)
        self.scheduler.finished.connect(self._finished)
        self.scheduler.failed.connect(self._failed)
        self.scheduler.progress.connect(self._progress)
        self.scheduler.online_changed.connect(self._set_online)
        self.conflicts.resolved.connect(lambda _info: self.refresh())
        self.duplicates_btn.clicked.connect(self.open_duplicates)
        self.conflicts.counted.connect(lambda n: self._arrange(conflicts_box, n))
        self.quarantine.counted.connect(lambda n: self._arrange(self.quarantine_box, n))
        self._stale = False
        gui.bus.changed.connect(self._on_changed)

        self.url_edit.setText(gui.app.settings.get("sync_server_url"))
        self.ca_edit.setText(gui.app.settings.get("sync_ca_bundle"))
        self._set_online(self.scheduler.online)
        self.refresh()

    def _arrange(self, box: QGroupBox, count: int) -> None:
        """Lists with something in them share the page's height; an empty one is one line."""
        self._lists[box] = count
        layout = self.layout()
        for b, n in self._lists.items():
            layout.setStretchFactor(b, 1 if n else 0)
        layout.setStretch(layout.count() - 1, 0 if any(self._lists.values()) else 1)

    def open_duplicates(self) -> None:
        """The residents to decide on, in a window of their own."""
        if self.duplicates_dialog is None:
            self.duplicates_dialog = DuplicatesDialog(self.gui, self)
            self.duplicates_dialog.view.resolved.connect(lambda _info: self.refresh())
        self.duplicates_dialog.open_fresh()

    # -- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.gui.read(sync_service.sync_status, on_done=self.show_status, key="sync.status")
        self.conflicts.refresh()
        self.quarantine.refresh()

    def _on_changed(self, _kinds) -> None:
        # Every save anywhere changes what waits to sync: re-read only what is on screen (as the reports page).
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def show_status(self, st: dict) -> None:
        self.status = st
        pending = st.get("pending_code") or ""
        if pending and not self.code_edit.text().strip():
            self.code_edit.setText(pending)  # sent, answer not received: offered again until confirmed
        if pending:
            self.enrolled_label.setText(tr("đang chờ máy chủ xác nhận mã đăng ký: bấm «Đồng bộ ngay» để hoàn tất"))
        else:
            self.enrolled_label.setText(tr("đã đăng ký") if st["enrolled"] else tr("chưa đăng ký: nhập mã đăng ký"))
        self.pending_label.setText(tr("{n} thay đổi").format(n=formatting.number(st["pending"])))
        self.last_label.setText(_when(st["last_success_at"]))
        if st["last_error"] and not self.scheduler.running:
            self.error_label.setText(st["last_error"])
        waiting = st.get("duplicates", 0)
        self.duplicates_box.setVisible(waiting > 0)
        self.duplicates_note.setText(tr("{n} cư dân từ máy khác có số CCCD trùng với cư dân trên máy này: cần một người "
                                        "xem và quyết định (cùng một người, hay hai người khác nhau).").format(n=waiting))
        if st["quarantined"]:
            note = tr("{n} bản ghi bị từ chối đang được giữ lại (xem danh sách bên dưới).").format(
                n=formatting.number(st["quarantined"]))
            text = self.result_label.text()
            if note not in text:  # after a run's own lines, not instead of them
                self.result_label.setText(f"{text}\n{note}" if text else note)

    def _set_online(self, online: bool | None) -> None:
        if online is None:
            self.online_label.setText(tr("chưa kiểm tra"))
        else:
            self.online_label.setText(tr("Trực tuyến") if online else tr("Ngoại tuyến"))

    # -- actions --------------------------------------------------------------------------
    def save_settings(self) -> None:
        self.gui.read(sync_service.save_settings, self.url_edit.text(), self.ca_edit.text(),
                      on_done=self._saved, on_error=self._settings_failed)

    def _saved(self, st: dict) -> None:
        self.error_label.setText("")
        self.result_label.setText(tr("Đã lưu cài đặt đồng bộ."))
        self.show_status(st)
        self.scheduler.tick()

    def _settings_failed(self, exc: BaseException) -> None:
        self.error_label.setText(getattr(exc, "message", str(exc)))

    def _browse_ca(self) -> None:
        path = file_dialogs.open_file_name(self, tr("Chọn chứng chỉ CA"), "", tr("Chứng chỉ (*.pem *.crt);;Mọi tệp (*)"))
        if path:
            self.ca_edit.setText(path)

    def sync_now(self) -> None:
        url = self.url_edit.text().strip()
        if not url:  # nothing typed yet: ask for it, do not call it invalid
            self.error_label.setText(tr("Nhập địa chỉ máy chủ đồng bộ (do quản trị cấp, ví dụ https://dongbo.hanoi.gov.vn) "
                                        "rồi bấm «Đồng bộ ngay»."))
            self.url_edit.setFocus()
            return
        if url != self.gui.app.settings.get("sync_server_url"):
            try:
                url = check_url(url)
            except BadServerUrl:
                self.error_label.setText(tr("Địa chỉ máy chủ không hợp lệ: {url}. Dùng https:// (http chỉ dùng cho chính máy này).").format(url=url))
                return
            self.gui.app.settings.set("sync_server_url", url)  # a settings file, not the database
        code = self.code_edit.text().strip() or None
        self.scheduler.sync_now(code)

    def _started(self) -> None:
        self.sync_btn.setEnabled(False)
        self.sync_btn.setText(tr("Đang đồng bộ…"))
        self.error_label.setText("")
        self.result_label.setText("")
        self._progress("push", 0, 0)

    def _progress(self, stage: str, done: int, total: int) -> None:
        """Records done of total while sending; a moving bar and the count while receiving."""
        self.progress.setVisible(True)
        self.progress_label.setVisible(True)
        self.progress.setRange(0, total if total else 0)
        if total:
            self.progress.setValue(min(done, total))
        self.progress_label.setText(sync_labels.progress_text(stage, done, total))

    def _idle(self) -> None:
        self.sync_btn.setEnabled(True)
        self.sync_btn.setText(tr("Đồng bộ ngay"))
        self.progress.setVisible(False)
        self.progress_label.setVisible(False)

    def _finished(self, result: dict) -> None:
        self._idle()
        self.code_edit.clear()
        self.result_label.setText("\n".join(sync_labels.result_lines(result)))
        self.refresh()

    def _failed(self, message: str, kind: str) -> None:
        self._idle()
        self.error_label.setText(message)
        self.refresh()
