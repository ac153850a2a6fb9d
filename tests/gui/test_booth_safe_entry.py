"""Booth mode (#17 item 5, #21): nothing found -> a large «Đăng ký mới (F2)»; the search text is never
saved as a name without asking; a name without diacritics is flagged; consent is asked before saving;
a scanned card finds the resident and the booth counts the session's keys as the app received them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.gui.outreach.booth import BoothWindow
from desktop.services.residents.residents import ResidentInput, register_resident
from desktop.services.setup.ward_setup import residential_groups
from desktop.store.models import Resident
from tests.gui.helpers import show_active, type_text

AN = "001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|15082021"
SHOTS = Path("/tmp/shots/safe-entry")


def _booth(qtbot, gui_ctx) -> BoothWindow:
    booth = BoothWindow(gui_ctx)
    booth.resize(1366, 768)
    show_active(qtbot, booth)
    qtbot.waitUntil(lambda: booth.find.form.group.count() > 1, timeout=10000)
    return booth


def _stored_names(ctx) -> list[str]:
    with ctx.read() as s:
        return list(s.scalars(select(Resident.full_name)))


def test_nothing_found_offers_registration_and_never_saves_the_search_text_unasked(qtbot, gui_ctx):
    booth = _booth(qtbot, gui_ctx)
    find = booth.find
    with qtbot.waitSignal(find.search.results_shown, timeout=5000):
        qtbot.keyClicks(find.search.edit, "pham thi thuy")
    assert find.register_button.isVisible() and find.register_button.text() == "Đăng ký mới (F2)"
    assert find.register_button.height() >= 60
    SHOTS.mkdir(parents=True, exist_ok=True)
    booth.grab().save(str(SHOTS / "booth_register_button.png"))
    qtbot.keyClick(find.search.edit, Qt.Key.Key_F2)
    form = find.form
    assert form.isVisible() and form.full_name.text() == "" and form.full_name.hasFocus()
    qtbot.keyClick(form.full_name, Qt.Key.Key_F3)  # asked: use what was typed as the name
    assert form.full_name.text() == "pham thi thuy"
    assert "không có dấu" in form._error_labels["full_name"].text()  # flagged as soon as it is there
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "0911222333")
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)  # no consent yet: asked, nothing saved
    qtbot.waitUntil(lambda: form._error_labels["consent_given"].isVisible(), timeout=10000)
    assert "Chưa hỏi ý kiến" in form._error_labels["consent_given"].text() and form.consent.hasFocus()
    assert _stored_names(gui_ctx.app) == []
    qtbot.keyClick(form.consent, Qt.Key.Key_Space)
    qtbot.keyClick(form.consent, Qt.Key.Key_Return)  # consent given; the name without diacritics still asks
    qtbot.waitUntil(lambda: form.notice.isVisible(), timeout=10000)
    assert "không có dấu" in form._error_labels["full_name"].text() and _stored_names(gui_ctx.app) == []
    form.full_name.setText("Phạm Thị Thủy")  # the volunteer types it properly
    with qtbot.waitSignal(booth.session_started, timeout=10000):
        qtbot.keyClick(form.full_name, Qt.Key.Key_Return)
    assert _stored_names(gui_ctx.app) == ["Phạm Thị Thủy"]


def test_a_known_resident_by_scan_takes_the_scan_and_seven_keys(qtbot, gui_ctx):
    register_resident(gui_ctx.app, ResidentInput(
        full_name="Nguyễn Văn An", birth_date=date(1990, 1, 1), sex="nam", cccd="001090012345", cmnd="012345678",
        address_detail="Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội", consent_given=True,
        residential_group_id=residential_groups(gui_ctx.app)[0].id))
    booth = _booth(qtbot, gui_ctx)
    counted = []
    booth.keystrokes.connect(lambda keys, scans: counted.append((keys, scans)))
    with qtbot.waitSignal(booth.session_started, timeout=10000):
        type_text(qtbot, booth.focusWidget(), AN + "\n", key_ms=4)  # the scanner
    assert booth.current_screen() == "steps" and "Nguyễn Văn An" in booth.steps.who.text()
    for n in range(1, 6):
        with qtbot.waitSignal(booth.step_saved, timeout=5000):
            qtbot.keyClick(booth.focusWidget(), str(n))
    qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Return)
    with qtbot.waitSignal(booth.session_finished, timeout=5000) as finished:
        qtbot.keyClick(booth.focusWidget() or booth, Qt.Key.Key_Return)
    assert finished.args[0].outcome == "thanh_cong"
    assert counted == [(7, 1)]  # the report's figure: one scan plus 7 keys
    assert booth.key_counter.keys == 0  # and the next person starts from zero


def test_an_unknown_card_in_the_booth_fills_the_inline_registration(qtbot, gui_ctx):
    booth = _booth(qtbot, gui_ctx)
    with qtbot.waitSignal(booth.find.form.filled_from_card, timeout=10000):
        type_text(qtbot, booth.focusWidget(), AN + "\n", key_ms=4)
    form = booth.find.form
    assert form.isVisible() and form.full_name.text() == "Nguyễn Văn An" and form.cccd.text() == "001090012345"
    assert not form.consent.isChecked() and not booth.find.use_query.isVisible()
    assert _stored_names(gui_ctx.app) == []


def test_a_scan_on_the_steps_screen_ticks_nothing_and_moves_nowhere(qtbot, gui_ctx):
    register_resident(gui_ctx.app, ResidentInput(full_name="Lê Thị Hoa", phone="0987000111", birth_year=1970,
                                                 consent_given=True))
    booth = _booth(qtbot, gui_ctx)
    with qtbot.waitSignal(booth.find.search.results_shown, timeout=5000):
        qtbot.keyClicks(booth.focusWidget(), "le thi hoa")
    with qtbot.waitSignal(booth.session_started, timeout=5000):
        qtbot.keyClick(booth.focusWidget(), Qt.Key.Key_Return)
    with qtbot.waitSignal(booth.scan_guard.burst_ignored, timeout=5000):
        type_text(qtbot, booth.focusWidget(), AN + "\n", key_ms=4)  # the next person's card, scanned too early
    assert booth.current_screen() == "steps" and booth.steps.steps() == []
    assert "Vừa quét một thẻ" in booth.message.text()
    with qtbot.waitSignal(booth.step_saved, timeout=5000):  # the volunteer's own keys still work
        qtbot.keyClick(booth.focusWidget(), "3")
    assert booth.steps.steps() == ["account_created"]
