"""The sync page with a real server: enrol + "Đồng bộ ngay", errors in Vietnamese, conflicts, reconnect."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.e2e.sync_harness import ServerThread, add_residents, edit_resident, free_port, open_laptop
from tests.gui.helpers import show_active, type_text


@pytest.fixture
def server(tmp_path):
    srv = ServerThread(f"sqlite:///{tmp_path / 'server.db'}", tmp_path).start()
    yield srv
    srv.stop()


@pytest.fixture
def page(qtbot, gui_ctx):
    from desktop.gui.sync.page import SyncPage

    w = SyncPage(gui_ctx)
    show_active(qtbot, w)
    qtbot.waitUntil(lambda: w.pending_label.text() != "")
    yield w
    w.scheduler.stop()


def test_enrol_and_sync_now_from_the_page(qtbot, page, server):
    assert page.pending_label.text() == "3"  # the three residential groups of the fixture ward
    assert "chưa đăng ký" in page.enrolled_label.text()
    page.url_edit.clear()
    type_text(qtbot, page.url_edit, server.url)
    type_text(qtbot, page.code_edit, server.enroll_code("00166"))
    with qtbot.waitSignal(page.scheduler.finished, timeout=30000):
        qtbot.keyClick(page.code_edit, "\r")  # Enter in the code field syncs
    qtbot.waitUntil(lambda: page.pending_label.text() == "0", timeout=10000)
    assert "Đã gửi 3" in page.result_label.text()
    assert page.enrolled_label.text() == "đã đăng ký"
    assert page.last_label.text() != "chưa có"
    assert page.error_label.text() == ""
    assert len(server.records("00166")) == 3


def test_unreachable_server_is_said_in_vietnamese(qtbot, page, server):
    page.url_edit.setText(server.url)
    page.code_edit.setText(server.enroll_code("00166"))
    with qtbot.waitSignal(page.scheduler.finished, timeout=30000):
        page.sync_btn.click()
    page.url_edit.setText(f"http://127.0.0.1:{free_port()}")
    with qtbot.waitSignal(page.scheduler.failed, timeout=30000):
        qtbot.keyClick(page, Qt.Key.Key_F5)
    assert "Không kết nối được máy chủ đồng bộ" in page.error_label.text()
    assert page.online_label.text() == "Ngoại tuyến"
    assert page.sync_btn.isEnabled()


def test_bad_address_is_refused_before_any_network(qtbot, page):
    page.url_edit.setText("http://example.org")
    page.sync_btn.click()
    assert "https://" in page.error_label.text()
    assert not page.scheduler.running


def test_conflict_resolution_view(qtbot, page, server, tmp_path, gui_ctx):
    from desktop.services.sync_service import sync_now

    other = open_laptop(tmp_path / "other", actor="Minh")
    try:
        [rid] = add_residents(gui_ctx.app, ["Trịnh Thị Quế"])
        sync_now(gui_ctx.app, server.url, server.enroll_code("00166"))
        sync_now(other, server.url, server.enroll_code("00166"))
        edit_resident(other, rid, notes="máy chủ: đã hẹn")
        sync_now(other)
        edit_resident(gui_ctx.app, rid, notes="máy này: chưa hẹn")
        page.url_edit.setText(server.url)
        with qtbot.waitSignal(page.scheduler.finished, timeout=30000):
            page.sync_btn.click()
        table = page.conflicts.table
        qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=10000)
        assert table.item(0, 1).text() == "notes"
        assert table.item(0, 2).text() == "máy này: chưa hẹn"
        assert table.item(0, 3).text() == "máy chủ: đã hẹn"
        page.conflicts.edit.clear()
        type_text(qtbot, page.conflicts.edit, "đã hẹn thứ Bảy")
        with qtbot.waitSignal(page.conflicts.resolved, timeout=10000):
            qtbot.keyClick(page.conflicts.edit, "\r")
        qtbot.waitUntil(lambda: table.rowCount() == 0, timeout=10000)
        with qtbot.waitSignal(page.scheduler.finished, timeout=30000):
            page.sync_btn.click()
        sync_now(other)
        from tests.e2e.sync_harness import assert_converged

        records = assert_converged(server, gui_ctx.app, other)
        assert records[("resident", rid)][1]["notes"] == "đã hẹn thứ Bảy"
    finally:
        other.close()


def test_background_sync_notices_connectivity_returning(qtbot, gui_ctx, tmp_path):
    from desktop.gui.sync.scheduler import SyncScheduler
    from desktop.services.sync_service import enroll

    port = free_port()
    srv = ServerThread(f"sqlite:///{tmp_path / 's.db'}", tmp_path, port=port).start()
    enroll(gui_ctx.app, srv.url, srv.enroll_code("00166"))
    srv.stop()  # the booth loses its connection
    sched = SyncScheduler(gui_ctx, probe_ms=100_000, period_s=3600)
    with qtbot.waitSignal(sched.online_changed, timeout=10000) as offline:
        sched.tick()
    assert offline.args == [False]
    add_residents(gui_ctx.app, ["Cao Văn Sơn"])
    srv2 = ServerThread(srv.db_url, tmp_path, port=port).start()  # connectivity is back
    try:
        with qtbot.waitSignal(sched.finished, timeout=30000) as done:
            sched.tick()
        assert done.args[0]["pushed"] == 4 and done.args[0]["pending"] == 0
    finally:
        srv2.stop()
