"""The registration form driven by keyboard only: Tab order, Enter saves, Esc cancels, inline errors,
CCCD warnings confirmed, duplicates warned or refused."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.gui.residents.form import ResidentForm
from desktop.services.residents import residents as svc
from tests.gui.helpers import show_active, type_text


def open_form(qtbot, gui_ctx) -> ResidentForm:
    form = ResidentForm(gui_ctx)
    with qtbot.waitSignal(form.groups_loaded, timeout=5000):
        show_active(qtbot, form)
    qtbot.waitUntil(lambda: form.group.count() == 4, timeout=5000)
    form.full_name.setFocus()
    return form


def tab(qtbot, form, n=1):
    for _ in range(n):
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)


def key(qtbot, form, k):
    qtbot.keyClick(form.focusWidget(), k)


def test_register_by_keyboard_only(qtbot, gui_ctx):
    form = open_form(qtbot, gui_ctx)
    assert form.focusWidget() is form.full_name
    type_text(qtbot, form.full_name, "trần thị thuỷ")
    tab(qtbot, form)
    assert form.focusWidget() is form.birth
    type_text(qtbot, form.birth, "05/03/1990")
    tab(qtbot, form)
    assert form.focusWidget() is form.sex
    key(qtbot, form, Qt.Key.Key_Down)
    key(qtbot, form, Qt.Key.Key_Down)  # Nữ
    tab(qtbot, form)
    type_text(qtbot, form.cccd, "001190000123")
    tab(qtbot, form, 2)
    assert form.focusWidget() is form.phone
    type_text(qtbot, form.phone, "0912 345 678")
    tab(qtbot, form)
    assert form.focusWidget() is form.group
    key(qtbot, form, Qt.Key.Key_Down)  # first group
    tab(qtbot, form)
    type_text(qtbot, form.address, "Số 3 ngõ 5")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        key(qtbot, form, Qt.Key.Key_Return)
    detail = saved.args[0]
    assert detail.full_name == "Trần Thị Thuỷ" and detail.sex == "nu" and detail.birth_year == 1990
    assert detail.phone == "+84912345678" and detail.residential_group == "Tổ dân phố số 1"
    assert detail.address_detail == "Số 3 ngõ 5"
    assert svc.count_residents(gui_ctx.app) == 1


def test_inline_errors_next_to_fields_and_nothing_saved(qtbot, gui_ctx):
    form = open_form(qtbot, gui_ctx)
    type_text(qtbot, form.birth, "31/02/1990")
    form.phone.setFocus()
    type_text(qtbot, form.phone, "12345")
    key(qtbot, form, Qt.Key.Key_Return)
    err = form.findChild(type(form.status), "error_full_name")
    assert err.isVisible() and "họ và tên" in err.text().lower()
    assert "không có thật" in form._error_labels["birth_date"].text()
    assert form._error_labels["phone"].isVisible()
    assert form.focusWidget() is form.full_name
    assert svc.count_residents(gui_ctx.app) == 0


def test_esc_cancels_and_ctrl_n_resets(qtbot, gui_ctx):
    form = open_form(qtbot, gui_ctx)
    type_text(qtbot, form.full_name, "Lê Văn Tám")
    with qtbot.waitSignal(form.cancelled, timeout=2000):
        key(qtbot, form, Qt.Key.Key_Escape)
    qtbot.keyClick(form.full_name, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert form.full_name.text() == "" and form.focusWidget() is form.full_name


def test_cccd_disagreement_asks_then_enter_confirms(qtbot, gui_ctx):
    form = open_form(qtbot, gui_ctx)
    type_text(qtbot, form.full_name, "Phạm Văn Nam")
    form.birth.setFocus()
    type_text(qtbot, form.birth, "1985")
    form.cccd.setFocus()
    type_text(qtbot, form.cccd, "001190000123")  # says female, 1990
    key(qtbot, form, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.notice.isVisible(), timeout=5000)
    assert "1990" in form._error_labels["birth_date"].text()
    assert form.focusWidget() is form.confirm_button
    with qtbot.waitSignal(form.saved, timeout=5000):
        key(qtbot, form, Qt.Key.Key_Return)
    assert svc.count_residents(gui_ctx.app) == 1


def test_same_phone_warns_and_volunteer_chooses(qtbot, gui_ctx):
    svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Hoàng Văn Dũng", phone="0912345678"))
    form = open_form(qtbot, gui_ctx)
    type_text(qtbot, form.full_name, "Hoàng Thị Mai")
    form.phone.setFocus()
    type_text(qtbot, form.phone, "0912345678")
    key(qtbot, form, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.notice.isVisible(), timeout=5000)
    assert "Hoàng Văn Dũng" in form.notice_text.text()
    assert form.confirm_button.isVisible() and form.open_button.isVisible()
    with qtbot.waitSignal(form.saved, timeout=5000):
        key(qtbot, form, Qt.Key.Key_Return)
    assert svc.count_residents(gui_ctx.app) == 2


def test_same_cccd_refused_and_offers_existing(qtbot, gui_ctx):
    first = svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Vũ Văn Hải", cccd="001085000001", sex="nam", birth_year=1985))
    form = open_form(qtbot, gui_ctx)
    type_text(qtbot, form.full_name, "Vũ Hải")
    form.cccd.setFocus()
    type_text(qtbot, form.cccd, "001085000001")
    key(qtbot, form, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.notice.isVisible(), timeout=5000)
    assert not form.confirm_button.isVisible()
    assert form.focusWidget() is form.open_button
    with qtbot.waitSignal(form.open_existing, timeout=2000) as sig:
        key(qtbot, form, Qt.Key.Key_Return)
    assert sig.args == [first.id]
    assert svc.count_residents(gui_ctx.app) == 1


def test_edit_existing_updates(qtbot, gui_ctx):
    r = svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Đỗ Minh", phone="0987654321"))
    form = open_form(qtbot, gui_ctx)
    form.edit(svc.get_resident(gui_ctx.app, r.id))
    assert form.phone.text() == "0987 *** 321"  # masked in the form too: reveals only through the audit
    form.address.setFocus()
    type_text(qtbot, form.address, "Ngõ 7")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        key(qtbot, form, Qt.Key.Key_Return)
    assert saved.args[0].id == r.id and saved.args[0].version == 2 and saved.args[0].address_detail == "Ngõ 7"
    assert saved.args[0].phone == "+84987654321"  # the untouched mask kept the stored number


def test_edit_replaces_a_masked_number_when_retyped(qtbot, gui_ctx):
    r = svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Đỗ Minh", phone="0987654321"))
    form = open_form(qtbot, gui_ctx)
    form.edit(svc.get_resident(gui_ctx.app, r.id))
    form.phone.clear()
    form.phone.setFocus()
    type_text(qtbot, form.phone, "0912000111")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        key(qtbot, form, Qt.Key.Key_Return)
    assert saved.args[0].phone == "+84912000111"


def test_form_shows_the_versioned_consent_and_stores_it(qtbot, gui_ctx):
    from desktop.services.people import privacy

    gui_ctx.app.actor = "Trần Ghi Nhận"
    form = open_form(qtbot, gui_ctx)
    # the wording names the ward (before: "Tổ Chuyển đổi số cộng đồng của phường/xã")
    qtbot.waitUntil(lambda: form.consent_box.text.text() == privacy.current_consent("Phường Cầu Giấy").text)
    assert "Tổ Chuyển đổi số cộng đồng Phường Cầu Giấy ghi lại" in form.consent_box.text.text()
    assert "phường/xã" not in form.consent_box.text.text()
    assert form.consent_box.isVisibleTo(form)
    type_text(qtbot, form.full_name, "Lý Thị Đồng Ý")
    form.consent.setChecked(True)
    assert form.consent_by.text() == "Trần Ghi Nhận"
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        key(qtbot, form, Qt.Key.Key_Return)
    d = saved.args[0]
    assert (d.consent_given, d.consent_by, d.consent_version) == (True, "Trần Ghi Nhận", privacy.CURRENT_CONSENT_VERSION)
    assert d.consent_at is not None
