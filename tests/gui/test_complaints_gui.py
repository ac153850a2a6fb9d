"""Complaints GUI: intake by keyboard, duplicates side by side, list, detail, transitions, feedback."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.core.working_calendar import VN_TZ
from desktop.services.complaints import complaints as svc
from desktop.store.models import ResidentialGroup
from tests.gui.helpers import show_active, type_text
from tests.support.complaint_replies import HANDLED


def focused(name: str) -> bool:
    w = QApplication.focusWidget()
    return w is not None and w.objectName() == name


def group_ids(ctx) -> list[str]:
    with ctx.read() as s:
        return list(s.scalars(select(ResidentialGroup.id).order_by(ResidentialGroup.sort_order)))


def test_intake_by_keyboard_only(qtbot, gui_ctx):
    from desktop.gui.complaints.intake_form import IntakeForm

    form = IntakeForm(gui_ctx)
    form.resize(1000, 760)
    show_active(qtbot, form)
    qtbot.waitUntil(lambda: form.group_combo.count() == 4)
    assert focused("reporterMode")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # -> "Nhập họ tên"
    assert form.reporter_mode.currentIndex() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused("reporterName")
    type_text(qtbot, QApplication.focusWidget(), "Trần Thị Lan\n")
    assert focused("reporterPhone")
    type_text(qtbot, QApplication.focusWidget(), "0912 345 678\n")
    assert focused("hideName")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused("consentContact")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert focused("kindCombo")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert focused("categoryCombo")
    for _ in range(4):  # environment, urban order, traffic, construction, -> lighting
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert form.category_combo.currentData() == "chieu_sang"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert focused("severityCombo")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # khẩn cấp
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert focused("titleEdit")
    type_text(qtbot, QApplication.focusWidget(), "Đèn đường hỏng ở ngõ 12\n")
    assert focused("descriptionEdit")
    type_text(qtbot, QApplication.focusWidget(), "Cột đèn đầu ngõ 12 không sáng từ thứ Bảy, buổi tối rất tối.")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused("addressEdit")
    type_text(qtbot, QApplication.focusWidget(), "Ngõ 12 Trần Duy Hưng\n")
    assert focused("groupCombo")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    with qtbot.waitSignal(form.filed, timeout=10000) as filed:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    d = svc.complaint_detail(gui_ctx.app, filed.args[0])
    assert d.summary.title == "Đèn đường hỏng ở ngõ 12" and d.summary.category == "chieu_sang"
    assert d.summary.severity == "khan_cap" and d.summary.status == "da_ghi_nhan"
    assert d.summary.reporter == "Trần Thị Lan" and d.reporter_phone == "+84912345678" and d.consent_to_contact
    assert d.summary.residential_group_id == group_ids(gui_ctx.app)[0]
    assert d.taken_by == "Người kiểm thử"
    assert form.title_edit.text() == "" and focused("reporterMode")  # ready for the next person in the queue


def test_invalid_intake_shows_what_is_wrong_and_stores_nothing(qtbot, gui_ctx):
    from desktop.gui.complaints.intake_form import IntakeForm

    form = IntakeForm(gui_ctx)
    show_active(qtbot, form)
    form.reporter_mode.setCurrentIndex(2)
    type_text(qtbot, form.title_edit, "Đèn")
    form.save()
    qtbot.waitUntil(lambda: "Tiêu đề" in form.field_errors["title"].text(), timeout=10000)
    assert "Nội dung" in form.field_errors["description"].text() and focused("titleEdit")
    assert "Địa điểm" in form.field_errors["address"].text()
    # each message sits right under its field, not only in a list at the bottom
    def under(label, field) -> bool:
        below = label.mapTo(form, label.rect().topLeft()).y() - field.mapTo(form, field.rect().bottomLeft()).y()
        return label.isVisible() and 0 <= below < 3 * label.fontMetrics().height()

    for key, field in (("title", form.title_edit), ("description", form.description_edit)):
        qtbot.waitUntil(lambda key=key, field=field: under(form.field_errors[key], field), timeout=5000)
    assert "Tiêu đề" not in form.error_label.text()
    assert svc.list_complaints(gui_ctx.app) == []


def test_duplicate_shown_side_by_side_and_linked(qtbot, gui_ctx):
    from desktop.gui.complaints.intake_form import IntakeForm

    g1 = group_ids(gui_ctx.app)[0]
    first = svc.file_complaint(gui_ctx.app, svc.ComplaintDraft(
        kind="phan_anh_hien_truong", category="moi_truong_rac_thai", title="Rác đổ trộm đầu ngõ 7",
        description="Rác xây dựng bị đổ trộm ở đầu ngõ 7 từ đêm qua, chắn nửa lối đi.", anonymous=True,
        residential_group_id=g1), now=datetime.now(VN_TZ) - timedelta(days=2))
    form = IntakeForm(gui_ctx)
    form.resize(1000, 700)
    show_active(qtbot, form)
    qtbot.waitUntil(lambda: form.group_combo.count() == 4)
    form.reporter_mode.setCurrentIndex(2)
    type_text(qtbot, form.title_edit, "Rác thải ở đầu ngõ 7 lâu chưa dọn")
    type_text(qtbot, form.description_edit, "Đống rác ở đầu ngõ 7 vẫn còn, bốc mùi, người đi qua phải vòng xuống đường.")
    with qtbot.waitSignal(form.duplicates_shown, timeout=10000, check_params_cb=lambda n: n == 1):
        form.group_combo.setCurrentIndex(1)
    assert form.dup_list.item(0).data(Qt.ItemDataRole.UserRole).id == first
    form.title_edit.setFocus()
    qtbot.keyClick(form.title_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "trùng với PA-" in form.link_label.text()
    with qtbot.waitSignal(form.filed, timeout=10000) as filed:
        qtbot.keyClick(form.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    d = svc.complaint_detail(gui_ctx.app, filed.args[0])
    assert d.summary.status == "trung" and d.duplicate_of_id == first


def test_escape_cancels_intake(qtbot, gui_ctx):
    from desktop.gui.complaints.intake_form import IntakeForm

    form = IntakeForm(gui_ctx)
    show_active(qtbot, form)
    type_text(qtbot, form.title_edit, "Tiêu đề dở dang")
    with qtbot.waitSignal(form.cancelled, timeout=3000):
        qtbot.keyClick(form.title_edit, Qt.Key.Key_Escape)
    assert form.title_edit.text() == ""


def _file(ctx, title: str, now: datetime, **kw) -> str:
    base = dict(kind="phan_anh_hien_truong", category="chieu_sang", title=title,
                description="Cột đèn đầu ngõ không sáng từ thứ Bảy tuần trước, buổi tối rất tối.", anonymous=True,
                address_text="Ngõ 12 Trần Duy Hưng")
    base.update(kw)
    return svc.file_complaint(ctx, svc.ComplaintDraft(**base), now=now)


def test_page_lists_highlights_overdue_and_filters(qtbot, gui_ctx):
    from desktop.gui import palette
    from desktop.gui.complaints.page import ComplaintsPage

    now = datetime.now(VN_TZ)
    late = _file(gui_ctx.app, "Đèn đường hỏng đã lâu", now - timedelta(days=20))
    fresh = _file(gui_ctx.app, "Tiếng ồn karaoke sau 22 giờ", now, category="tieng_on", severity="khan_cap")
    page = ComplaintsPage(gui_ctx)
    page.resize(1400, 800)
    show_active(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    r_late, r_fresh = page.model.row_of(late), page.model.row_of(fresh)
    bg = page.model.index(r_late, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert bg is not None and bg.color() == palette.colour("overdue_background")
    assert page.model.index(r_fresh, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "2 phản ánh, 1 quá hạn" == page.count_label.text()
    with qtbot.waitSignal(page.listed, timeout=10000, check_params_cb=lambda n: n == 1):
        page.overdue_filter.setChecked(True)
    assert page.model.rows[0].id == late
    page.overdue_filter.setChecked(False)
    with qtbot.waitSignal(page.listed, timeout=10000, check_params_cb=lambda n: n == 1):
        page.severity_filter.setCurrentIndex(page.severity_filter.findData("khan_cap"))
    assert page.model.rows[0].id == fresh


def test_a_code_read_out_on_the_phone_finds_its_complaint(qtbot, gui_ctx):
    from desktop.gui.complaints.page import ComplaintsPage

    now = datetime.now(VN_TZ)
    wanted = _file(gui_ctx.app, "Đèn đường hỏng đã lâu", now)
    _file(gui_ctx.app, "Tiếng ồn karaoke sau 22 giờ", now, category="tieng_on")
    page = ComplaintsPage(gui_ctx)
    page.resize(1400, 800)
    show_active(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    code = page.model.rows[page.model.row_of(wanted)].code  # "PA-7KX-4MT"
    type_text(qtbot, page.code_filter, code.lower().replace("-", " "))
    qtbot.waitUntil(lambda: [r.id for r in page.model.rows] == [wanted], timeout=10000)
    page.code_filter.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)


def page_with_one(qtbot, gui_ctx, title: str, filed: datetime):
    """The complaints page listing the one complaint filed at `filed`: (page, its id)."""
    from desktop.gui.complaints.page import ComplaintsPage

    cid = _file(gui_ctx.app, title, filed)
    page = ComplaintsPage(gui_ctx)
    page.resize(1400, 800)
    show_active(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    return page, cid


def test_detail_timeline_transition_and_feedback_reopens(qtbot, gui_ctx):
    page, cid = page_with_one(qtbot, gui_ctx, "Đèn đường hỏng ở ngõ 12", datetime.now(VN_TZ) - timedelta(hours=1))
    with qtbot.waitSignal(page.detail.loaded, timeout=10000):
        page.table.selectRow(0)
    view = page.detail
    assert "Ghi nhận" in view.timeline.toPlainText() and set(view.buttons) >= {"chuyen", "rut", "tu_choi"}
    view.buttons["chuyen"].click()
    dialog = view.dialog
    assert dialog.isVisible() and dialog.agency.isVisible()
    dialog.agency.setCurrentText("UBND phường Cầu Giấy")
    dialog.accept()
    qtbot.waitUntil(lambda: view.detail.summary.status == "da_chuyen", timeout=10000)
    assert "UBND phường Cầu Giấy" in view.timeline.toPlainText()
    for action, status in (("tiep_nhan", "da_tiep_nhan"), ("bat_dau_xu_ly", "dang_xu_ly"), ("hoan_thanh", "da_xu_ly")):
        qtbot.waitUntil(lambda a=action: a in view.buttons, timeout=10000)  # the list refresh reloads it too
        view.buttons[action].click()
        if action == "hoan_thanh":  # the reply to the resident, and why this on-site complaint has no after-photo
            view.dialog.note.setPlainText(HANDLED["note"])
            view.dialog.no_photo.setText(HANDLED["no_photo_reason"])
        view.dialog.accept()
        qtbot.waitUntil(lambda s=status: view.detail.summary.status == s, timeout=10000)
    qtbot.waitUntil(lambda: "danh_gia" in view.buttons, timeout=10000)
    view.buttons["danh_gia"].click()
    fb = view.dialog
    fb.radios["khong"].setChecked(True)
    assert "mở lại" in fb.warning.text()
    fb.rating.setValue(2)
    type_text(qtbot, fb.comment, "Đèn vẫn tắt")
    fb.accept()
    qtbot.waitUntil(lambda: view.detail.summary.status == "dang_xu_ly", timeout=10000)
    assert "Mở lại" in view.timeline.toPlainText() and "Đèn vẫn tắt" in view.timeline.toPlainText()
    assert svc.complaint_detail(gui_ctx.app, cid).feedback[0].rating == 2


def test_refused_reason_is_shown(qtbot, gui_ctx):
    from desktop.gui.complaints.detail_view import ComplaintDetailView

    cid = _file(gui_ctx.app, "Đèn đường hỏng ở ngõ 12", datetime.now(VN_TZ))
    view = ComplaintDetailView(gui_ctx)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load(cid)
    view.run_action("tu_choi", note="")
    qtbot.waitUntil(lambda: "lý do" in view.error_label.text(), timeout=10000)
    assert svc.complaint_detail(gui_ctx.app, cid).summary.status == "da_ghi_nhan"


def test_page_registered_in_main_window(qtbot, gui_ctx):
    from desktop.gui.pages import page_spec

    spec = page_spec("complaints")
    module, _, cls = spec.factory.partition(":")
    page = getattr(__import__(module, fromlist=[cls]), cls)(gui_ctx)
    qtbot.addWidget(page)
    assert page.new_button.text().startswith("+")


def test_registered_resident_chosen_by_keyboard(qtbot, gui_ctx):
    from desktop.gui.complaints.intake_form import IntakeForm
    from desktop.store.models import Resident

    with gui_ctx.app.write() as s:
        r = Resident(full_name="Nguyễn Văn Hùng", name_folded="nguyen van hung", sort_key="hung nguyen van")
        s.add(r)
        s.flush()
        rid = r.id
    form = IntakeForm(gui_ctx)
    form.resize(1000, 760)
    show_active(qtbot, form)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused("searchEdit")
    with qtbot.waitSignal(form.resident_box.results_shown, timeout=10000, check_params_cb=lambda n: n >= 1):
        type_text(qtbot, QApplication.focusWidget(), "hung")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "Nguyễn Văn Hùng" in form.resident_label.text() and focused("hideName")
    type_text(qtbot, form.title_edit, "Cống thoát nước bị tắc")
    type_text(qtbot, form.description_edit, "Sau mỗi trận mưa nước ngập đến nửa bánh xe vì cống bị tắc.")
    type_text(qtbot, form.address_edit, "Ngõ 45")
    with qtbot.waitSignal(form.filed, timeout=10000) as filed:
        form.save()
    d = svc.complaint_detail(gui_ctx.app, filed.args[0])
    assert d.reporter_resident_id == rid and d.summary.reporter == "Nguyễn Văn Hùng"


def test_draft_then_recorded_and_photo_added_from_detail(qtbot, gui_ctx, tmp_path):
    from PIL import Image

    from desktop.gui.complaints.detail_view import ComplaintDetailView
    from desktop.gui.complaints.intake_form import IntakeForm

    form = IntakeForm(gui_ctx)
    show_active(qtbot, form)
    form.reporter_mode.setCurrentIndex(2)
    type_text(qtbot, form.title_edit, "Cây xanh đổ chắn ngõ 3")
    type_text(qtbot, form.description_edit, "Cây xà cừ bị gió quật đổ chắn ngang ngõ 3, xe máy không qua được.")
    type_text(qtbot, form.address_edit, "Ngõ 3")
    with qtbot.waitSignal(form.filed, timeout=10000) as filed:
        form.draft_button.click()
    cid = filed.args[0]
    view = ComplaintDetailView(gui_ctx)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load(cid)
    assert view.detail.summary.status == "nhap" and view.detail.summary.due_at is None
    photo = tmp_path / "cay.jpg"
    Image.new("RGB", (40, 30), (20, 120, 20)).save(photo)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.add_files([str(photo)])
    qtbot.waitUntil(lambda: view.thumbs.count() == 1 and not view.thumbs.item(0).icon().isNull(), timeout=10000)
    view.buttons["ghi_nhan"].click()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.dialog.accept()
    assert view.detail.summary.status == "da_ghi_nhan" and view.detail.summary.due_at is not None


def test_complaint_model_passes_qtmodeltester(qtmodeltester, gui_ctx):
    from desktop.gui.complaints.list_model import ComplaintTableModel

    now = datetime.now(VN_TZ)
    _file(gui_ctx.app, "Đèn đường hỏng đã lâu", now - timedelta(days=20))
    _file(gui_ctx.app, "Tiếng ồn karaoke sau 22 giờ", now, category="tieng_on", severity="khan_cap")
    model = ComplaintTableModel()
    model.set_rows(svc.list_complaints(gui_ctx.app))
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])  # a reset to an empty list is checked too
    qtmodeltester.check(model, force_py=True)
