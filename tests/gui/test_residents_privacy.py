"""Issue #8 wired into the residents page: the audited reveal of full numbers and the export,
refused or allowed by the signed-in operator's role (enforced in the services, shown on the page)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.permissions import Role
from desktop.gui.residents.page import ResidentsPage
from desktop.services.people import audit
from desktop.services.residents import residents as svc
from tests.gui.helpers import show_active
from tests.unit.people_helpers import as_role, staff


def _page_with_resident(qtbot, gui_ctx):
    ids = staff(gui_ctx.app)
    r = svc.register_resident(gui_ctx.app, svc.ResidentInput(full_name="Trần Văn Bình", phone="0912345678",
                                                             cccd="001085000001", birth_year=1985, sex="nam"))
    page = show_active(qtbot, ResidentsPage(gui_ctx))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        page.open_resident(r.id)
    return page, ids, r.id


def test_volunteer_is_refused_the_reveal_with_the_message(qtbot, gui_ctx):
    page, ids, rid = _page_with_resident(qtbot, gui_ctx)
    as_role(gui_ctx.app, ids, Role.VOLUNTEER)
    page.detail.reveal_button.click()
    qtbot.waitUntil(lambda: "không được phép" in page.detail.message.text(), timeout=5000)
    assert "Tình nguyện viên" in page.detail.message.text()
    assert page.detail.values["cccd"].text() == "0010******01"
    assert page.detail.values["phone"].text() == "0912 *** 678"
    assert audit.query_unchecked(gui_ctx.app, action="reveal") == []


def test_police_reveals_by_shortcut_and_each_reveal_is_audited(qtbot, gui_ctx):
    page, ids, rid = _page_with_resident(qtbot, gui_ctx)
    as_role(gui_ctx.app, ids, Role.POLICE)
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.detail.values["cccd"].text() == "001085000001"
                    and page.detail.values["phone"].text() == "0912345678", timeout=5000)
    entries = audit.query_unchecked(gui_ctx.app, action="reveal")
    assert sorted(e.detail["field"] for e in entries) == ["cccd", "phone"]
    assert {(e.record_id, e.role) for e in entries} == {(rid, Role.POLICE.value)}
    # another resident shown: masked again
    page.detail.show_detail(svc.get_resident(gui_ctx.app, rid))
    assert page.detail.values["cccd"].text() == "0010******01"


def test_export_refused_for_police_with_the_message_and_allowed_for_lead(qtbot, gui_ctx, tmp_path):
    page, ids, _rid = _page_with_resident(qtbot, gui_ctx)
    as_role(gui_ctx.app, ids, Role.POLICE)
    out = tmp_path / "ds.csv"
    with qtbot.waitSignal(page.export_failed, timeout=5000) as refused:
        page.export_to(str(out))
    assert "không được phép: Xuất danh sách" in refused.args[0]
    assert page.count_label.text() == refused.args[0]
    assert not out.exists() and audit.query_unchecked(gui_ctx.app, action="export") == []
    as_role(gui_ctx.app, ids, Role.TEAM_LEAD)
    with qtbot.waitSignal(page.exported, timeout=10000) as done:
        page.export_to(str(out))
    assert done.args == [1] and out.exists()
    [entry] = audit.query_unchecked(gui_ctx.app, action="export")
    assert entry.detail == {"count": 1, "format": "csv"} and entry.role == Role.TEAM_LEAD.value
