"""#21: a CCCD's QR scanned into the resident search, the registration form or a photo file goes one way:
a known resident opens (audited), a record that differs opens the side-by-side correction, an unknown card
opens registration filled from the card. The raw text is never searched; another QR says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.gui.residents import search_box
from desktop.gui.residents.page import ResidentsPage
from desktop.services.people import audit
from desktop.services.residents import residents as svc
from desktop.services.setup.ward_setup import residential_groups
from desktop.store.models import Resident
from tests.gui.helpers import show_active, type_text
from tests.unit.test_card_service import _qr_photo

AN = "001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|15082021"
BAD = AN.replace("001090012345", "099090012345")  # no province 099
SHOTS = Path("/tmp/shots/safe-entry")


@pytest.fixture
def searched(monkeypatch) -> list[str]:
    """Every query the search box sent to the service."""
    queries: list[str] = []
    real = search_box.search_residents

    def spy(ctx, text, *args, **kwargs):
        queries.append(text)
        return real(ctx, text, *args, **kwargs)

    monkeypatch.setattr(search_box, "search_residents", spy)
    return queries


def _page(qtbot, gui_ctx) -> ResidentsPage:
    page = ResidentsPage(gui_ctx)
    page.resize(1366, 768)
    show_active(qtbot, page)
    qtbot.waitUntil(lambda: page.form.group.count() > 1, timeout=10000)
    return page


def scan(qtbot, widget, text: str = AN) -> None:
    """What a keyboard-wedge scanner does: the card's text as fast keys, then Enter."""
    type_text(qtbot, widget, text + "\n", key_ms=4)


def test_an_unknown_card_opens_registration_filled_from_the_card(qtbot, gui_ctx, searched):
    page = _page(qtbot, gui_ctx)
    with qtbot.waitSignal(page.form.filled_from_card, timeout=10000):
        scan(qtbot, page.search.edit)
    form = page.form
    assert page.right.currentWidget() is form
    assert (form.full_name.text(), form.birth.text(), form.sex.currentData()) == ("Nguyễn Văn An", "01/01/1990", "nam")
    assert (form.cccd.text(), form.cmnd.text()) == ("001090012345", "012345678")
    assert form.address.text() == "Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội"
    # left for the volunteer: residential group, phone, target group (default), consent
    assert form.group.currentData() is None and form.phone.text() == "" and not form.consent.isChecked()
    assert form.group.hasFocus()
    assert page.search.edit.text() == "" and searched == []  # the raw text was never searched
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "scan_fills_registration.png"))
    form.group.setCurrentIndex(1)
    form.consent.setChecked(True)
    with qtbot.waitSignal(page.detail_shown, timeout=10000) as shown:
        qtbot.keyClick(form.group, Qt.Key.Key_Return)
    assert shown.args[0].cccd == "001090012345" and shown.args[0].full_name == "Nguyễn Văn An"


def test_a_known_card_opens_the_resident_and_is_audited(qtbot, gui_ctx, searched):
    known = svc.register_resident(gui_ctx.app, svc.ResidentInput(
        full_name="Nguyễn Văn An", birth_date=__import__("datetime").date(1990, 1, 1), sex="nam", cccd="001090012345",
        cmnd="012345678", address_detail="Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội",
        residential_group_id=residential_groups(gui_ctx.app)[0].id))
    page = _page(qtbot, gui_ctx)
    with qtbot.waitSignal(page.detail_shown, timeout=10000) as shown:
        scan(qtbot, page.search.edit)
    assert shown.args[0].id == known.id and searched == []
    assert page.card_flow.last_ms >= 0
    reveals = audit.query_unchecked(gui_ctx.app, record_id=known.id)
    assert any(e.action == "reveal" and e.detail.get("where") == "card_scan" for e in reveals)


def test_a_record_that_differs_opens_the_correction_view(qtbot, gui_ctx, searched):
    r = svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Nguyen Van An", birth_year=1990, sex="nam"),
                              confirmed_warnings=True)
    page = _page(qtbot, gui_ctx)
    with qtbot.waitSignal(page.card_flow.finished, timeout=10000) as how:
        scan(qtbot, page.search.edit)
    assert how.args == ["compare"]
    dialog = page.card_flow.dialog
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(SHOTS / "card_correction_view.png"))
    # a second scan while the dialog is open goes to the dialog: its Enter does not save, nothing is searched
    dialog.table.setFocus()
    scan(qtbot, dialog.table, AN.replace("001090012345", "001090099999"))
    assert "thẻ khác" in dialog.message.text() and dialog.isVisible()
    assert set(dialog.chosen_fields()) == {"full_name", "birth_date", "cccd", "cmnd", "address_detail"}
    with qtbot.waitSignal(page.detail_shown, timeout=10000) as shown:
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert shown.args[0].id == r.id and shown.args[0].full_name == "Nguyễn Văn An"
    assert shown.args[0].cccd == "001090012345" and searched == []
    entries = audit.query_unchecked(gui_ctx.app, record_id=r.id)
    assert {"reveal", "edit"} <= {e.action for e in entries}


def test_another_qr_says_so_and_searches_nothing(qtbot, gui_ctx, searched):
    page = _page(qtbot, gui_ctx)
    with qtbot.waitSignal(page.search.scan_refused, timeout=5000):
        scan(qtbot, page.search.edit, "https://ihanoi.hanoi.gov.vn/tai-ung-dung?ref=booth")
    assert "đường dẫn web" in page.search.hint.text() and searched == []
    with qtbot.waitSignal(page.search.scan_refused, timeout=5000):
        scan(qtbot, page.search.edit, "00020101021138570010A00000072701270006970436011300110123456780208QRIBFTTA53037045802VN6304ABCD")
    assert "VietQR" in page.search.hint.text() and searched == []


def test_a_scan_typed_into_a_form_field_fills_the_form_not_the_field(qtbot, gui_ctx, searched):
    page = _page(qtbot, gui_ctx)
    page.new_resident()
    form = page.form
    form.phone.setFocus()
    type_text(qtbot, form.phone, "0912345678")
    qtbot.waitUntil(lambda: not form.scan_catcher._timer.isActive(), timeout=2000)
    form.address.setFocus()
    type_text(qtbot, form.address, "Ngõ 7")
    qtbot.waitUntil(lambda: not form.scan_catcher._timer.isActive(), timeout=2000)
    with qtbot.waitSignal(form.filled_from_card, timeout=10000):
        scan(qtbot, form.address)
    assert form.address.text() == "Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội" and "|" not in form.address.text()
    assert form.phone.text() == "0912345678"  # what the volunteer typed stays
    assert form.full_name.text() == "Nguyễn Văn An" and searched == []
    with gui_ctx.app.read() as s:
        assert s.scalars(select(Resident)).all() == []  # the scanner's Enter saved nothing


def test_a_card_whose_cccd_breaks_the_rules_needs_the_volunteers_confirmation(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx)
    with qtbot.waitSignal(page.form.filled_from_card, timeout=10000):
        scan(qtbot, page.search.edit, BAD)
    form = page.form
    assert "099" in form._error_labels["cccd"].text() and form.notice.isVisible()
    assert form.confirm_button.text() == "Đúng như trên thẻ"
    form.group.setCurrentIndex(1)
    form.consent.setChecked(True)
    form.save()  # not confirmed: refused beside the number, the confirmation offered again
    assert form._error_labels["cccd"].isVisible() and form.notice.isVisible()
    form.confirm_button.click()
    with qtbot.waitSignal(page.detail_shown, timeout=10000) as shown:
        form.save()
    assert shown.args[0].cccd == "099090012345"


def test_a_photo_of_the_card_goes_the_same_way(qtbot, gui_ctx, tmp_path, searched):
    page = _page(qtbot, gui_ctx)
    photo = _qr_photo(tmp_path / "the.jpg", AN)
    with qtbot.waitSignal(page.form.filled_from_card, timeout=20000):
        page.search.open_photo(str(photo))
    assert page.form.cccd.text() == "001090012345" and searched == []
    (tmp_path / "note.txt").write_text("không phải ảnh")
    with qtbot.waitSignal(page.search.scan_refused, timeout=20000) as refused:
        page.search.open_photo(str(tmp_path / "note.txt"))
    assert "không phải ảnh" in refused.args[0]
