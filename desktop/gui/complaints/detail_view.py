"""One complaint: what, who, where, its deadline, the timeline of events, photo thumbnails,
and the next steps it allows (transitions, feedback)."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import file_dialogs
from desktop.core.complaint_catalogue import CHANNELS
from desktop.core.complaint_lifecycle import ACTIONS
from desktop.core.formatting import phone_masked
from desktop.gui.appearance import follow_look, role_colour, set_role
from desktop.gui.layouts import FlowLayout
from desktop.gui.complaints.dialogs import FeedbackDialog, TransitionDialog
from desktop.gui.complaints.list_model import local_time
from desktop.gui.i18n import tr
from desktop.services.complaints import complaints as svc
from desktop.services.complaints.duplicates import find_duplicates

THUMB = 112


def load_thumbnails(_ctx, items: list) -> list[tuple[str, QImage | None]]:
    """Scaled images read off the UI thread (QImage is safe in any thread)."""
    out = []
    for a in items:
        image = QImage(str(a.path)) if a.media == "photo" else QImage()
        out.append((a.id, image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation) if not image.isNull() else None))
    return out


class ComplaintDetailView(QWidget):
    changed = Signal(str)  # complaint id after a successful transition or feedback
    loaded = Signal(str)

    def __init__(self, gui, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.setObjectName("complaintDetail")
        self.detail: svc.ComplaintDetail | None = None
        self.dialog = None
        self._key = f"complaints.detail.{id(self)}"
        self.header = QLabel(self)
        self.header.setObjectName("detailHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.deadline = QLabel(self)
        self.deadline.setObjectName("deadlineLabel")
        self.info = QLabel(self)
        self.info.setObjectName("detailInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline = QTextBrowser(self)
        self.timeline.setObjectName("timeline")
        follow_look(self, self._rewrite_coloured_text)
        self.thumbs = QListWidget(self)
        self.thumbs.setObjectName("thumbnails")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB, THUMB))
        self.thumbs.setFixedHeight(THUMB + 40)
        self.thumbs.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.thumbs.setGridSize(QSize(THUMB + 24, THUMB + 30))
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.itemActivated.connect(self._open_file)
        self.actions_row = FlowLayout()  # wraps: the buttons never run off a small screen
        self.error_label = QLabel(self)
        self.error_label.setObjectName("actionError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.deadline)
        layout.addWidget(self.info)
        layout.addWidget(QLabel("<b>" + tr("Diễn biến") + "</b>", self))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(QLabel("<b>" + tr("Ảnh, video") + "</b>", self))
        layout.addWidget(self.thumbs)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.error_label)

    # -- loading ------------------------------------------------------------------------
    def load(self, complaint_id: str) -> None:
        self.gui.read(svc.complaint_detail, complaint_id, key=self._key, on_done=self.show_detail)

    def show_detail(self, d: svc.ComplaintDetail) -> None:
        self.detail = d
        s = d.summary
        self.error_label.clear()
        self.header.setText(f"<h3>{html.escape(s.code)} · {html.escape(s.title)}</h3>"
                            f"<span style='font-size:larger'><b>{html.escape(s.status_label)}</b></span>"
                            + (f" — {html.escape(s.agency)}" if s.agency else ""))
        if s.overdue:
            what = tr("tiếp nhận") if s.overdue_stage == "tiep_nhan" else tr("xử lý")
            self.deadline.setText(tr("QUÁ HẠN {what}: hạn {due}").format(what=what, due=local_time(s.due_at)))
            set_role(self.deadline, "error")
        elif s.due_at:
            self.deadline.setText(tr("Hạn: {due}").format(due=local_time(s.due_at)))
            set_role(self.deadline, "")
        else:
            self.deadline.setText("")
        self.info.setText(self._info_html(d))
        self.timeline.setHtml(self._timeline_html(d))
        self._build_actions(d)
        self._show_thumbnails(d)
        self.loaded.emit(s.id)

    def _rewrite_coloured_text(self) -> None:
        if self.detail is not None:
            self.info.setText(self._info_html(self.detail))
            self.timeline.setHtml(self._timeline_html(self.detail))

    def _info_html(self, d: svc.ComplaintDetail) -> str:
        s = d.summary
        reporter = html.escape(s.reporter or "—")
        flags = []
        if d.hide_name_publicly:
            flags.append(tr("ẩn tên khi công khai"))
        if d.withhold_identity_from_agency:
            flags.append(tr("không chuyển danh tính cho cơ quan"))
        if d.consent_to_contact:
            flags.append(tr("đồng ý liên hệ lại"))
        if d.reporter_phone:
            reporter += " · " + phone_masked(d.reporter_phone)
        if flags:
            reporter += f" <i>({html.escape(', '.join(flags))})</i>"
        place = ", ".join(p for p in (s.address_text, s.group_name) if p)
        if d.latitude is not None:
            place += f" ({d.latitude:.5f}, {d.longitude:.5f})"
        rows = [
            (tr("Loại / lĩnh vực"), f"{s.kind_label} / {s.category_label}"),
            (tr("Mức độ"), s.severity_label),
            (tr("Người phản ánh"), None),
            (tr("Địa điểm"), place or "—"),
            (tr("Xảy ra lúc"), local_time(d.occurred_at) or "—"),
            (tr("Ghi nhận"), tr("{when}, {who}, kênh {channel}").format(
                when=local_time(s.recorded_at) or tr("(nháp)"), who=d.taken_by,
                channel=tr(CHANNELS.get(d.channel, d.channel)))),
        ]
        if d.duplicate_of_code:
            rows.append((tr("Trùng với"), d.duplicate_of_code))
        cells = "".join(
            f"<tr><td style='color:{role_colour('hint')};padding-right:10px'>{html.escape(k)}</td>"
            f"<td>{reporter if v is None else html.escape(v)}</td></tr>" for k, v in rows)
        desc = html.escape(d.description).replace("\n", "<br>")
        return f"<table>{cells}</table><p>{desc}</p>"

    def _timeline_html(self, d: svc.ComplaintDetail) -> str:
        rows = []
        for e in d.events:
            extra = []
            if e.agency:
                extra.append(tr("tới {agency}").format(agency=e.agency))
            if e.note:
                extra.append(e.note)
            rows.append(
                f"<tr><td style='white-space:nowrap;padding-right:8px'>{local_time(e.at)}</td>"
                f"<td style='padding-right:8px'><b>{html.escape(e.action_label)}</b> → {html.escape(e.to_label)}</td>"
                f"<td style='padding-right:8px;color:{role_colour('hint')}'>{html.escape(e.actor)}</td>"
                f"<td>{html.escape(' — '.join(extra))}</td></tr>")
        return "<table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"

    def _build_actions(self, d: svc.ComplaintDetail) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.buttons.clear()
        for code in d.actions:
            button = QPushButton(tr(ACTIONS[code].label), self)
            button.setObjectName(f"action_{code}")
            button.clicked.connect(lambda _=False, c=code: self.request_action(c))
            self.actions_row.addWidget(button)
            self.buttons[code] = button
        self.actions_row.addStretch(1)
        add = QPushButton(tr("Thêm ảnh/video…"), self)
        add.setObjectName("addFilesButton")
        add.clicked.connect(self.choose_files)
        self.actions_row.addWidget(add)

    def _show_thumbnails(self, d: svc.ComplaintDetail) -> None:
        self.thumbs.clear()
        for a in d.attachments:
            item = QListWidgetItem(a.original_name or a.media)
            item.setData(Qt.ItemDataRole.UserRole, str(a.path))
            item.setData(Qt.ItemDataRole.UserRole + 1, a.id)
            item.setToolTip(tr("{name} · {size} KB · chụp lúc {when}").format(
                name=a.original_name, size=round(a.size / 1024), when=local_time(a.captured_at) or "—"))
            self.thumbs.addItem(item)
        if d.attachments:
            self.gui.read(load_thumbnails, d.attachments, key=self._key + ".thumbs", on_done=self._set_thumbnails)

    def _set_thumbnails(self, images: list) -> None:
        by_id = dict(images)
        for i in range(self.thumbs.count()):
            item = self.thumbs.item(i)
            image = by_id.get(item.data(Qt.ItemDataRole.UserRole + 1))
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _open_file(self, item: QListWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(Qt.ItemDataRole.UserRole)))

    # -- actions ------------------------------------------------------------------------
    def choose_files(self) -> None:

        from desktop.services.complaints.attachments import PHOTO_TYPES, VIDEO_TYPES

        patterns = " ".join(f"*{e}" for e in (*PHOTO_TYPES, *VIDEO_TYPES))
        paths = file_dialogs.open_file_names(self, tr("Chọn ảnh hoặc video"), "",
                                                 tr("Ảnh và video ({patterns})").format(patterns=patterns))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        cid = self.detail.summary.id
        self.gui.write(svc.add_files, cid, paths, on_done=lambda _n: self._done(cid),
                       on_error=self._failed)

    def request_action(self, action: str) -> None:
        if self.detail is None:
            return
        if action == "danh_gia":
            self.dialog = FeedbackDialog(self.gui.app.actor, self)
            self.dialog.accepted.connect(lambda: self.record_feedback(**self.dialog.values()))
            self.dialog.open()
            return
        if action == "danh_dau_trung":
            s = self.detail.summary
            self.gui.read(find_duplicates, s.kind, s.category, address_text=s.address_text,
                          residential_group_id=s.residential_group_id, latitude=self.detail.latitude,
                          longitude=self.detail.longitude, exclude_id=s.id,
                          on_done=lambda found: self._open_transition(action, found))
            return
        self._open_transition(action, None)

    def _open_transition(self, action: str, candidates: list | None) -> None:
        self.dialog = TransitionDialog(action, candidates, self)
        self.dialog.accepted.connect(lambda: self.run_action(action, **self.dialog.values()))
        self.dialog.open()

    def run_action(self, action: str, note: str = "", agency: str = "", duplicate_of: str | None = None,
                   no_photo_reason: str = "") -> None:
        cid = self.detail.summary.id
        self.gui.write(svc.transition, cid, action, note=note, agency=agency, duplicate_of=duplicate_of,
                       no_photo_reason=no_photo_reason, on_done=lambda _s: self._done(cid),
                       on_error=self._failed)

    def record_feedback(self, resolved: str, rating: int | None, comment: str, collected_by: str) -> None:
        cid = self.detail.summary.id
        self.gui.write(svc.record_feedback, cid, resolved, rating, comment, collected_by,
                       on_done=lambda _s: self._done(cid), on_error=self._failed)

    def _done(self, cid: str) -> None:
        self.load(cid)
        self.changed.emit(cid)

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(str(exc) if isinstance(exc, ValueError) else tr("Không thực hiện được: {error}").format(error=exc))
