"""Change-log compaction after a real sync: the rows the server confirmed go once the check after sync
passed; unconfirmed rows stay; a later conflict still resolves; the audit chain still verifies (and still
sees an entry removed); a restore followed by a sync still converges."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.e2e.sync_harness import add_residents, assert_converged, edit_resident, open_laptop, running_server

WARD = "00166"
PASS = "mat-khau-sao-luu-2026"


def log_rows(ctx) -> list[tuple[str, str, str, str | None]]:
    """(kind, record id, state, error) of every change-log row."""
    with ctx.read() as s:
        return [tuple(r) for r in s.execute(text("SELECT record_kind, record_id, state, error FROM change_log"))]


def data_rows(ctx) -> list[tuple]:
    return [r for r in log_rows(ctx) if r[0] != "audit_entry"]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def srv(request, tmp_path):
    with running_server(tmp_path, request.param) as server:
        yield server


def test_confirmed_rows_go_and_conflicts_audit_and_restore_still_work(srv, tmp_path):
    from desktop.services.people import audit, backup, restore
    from desktop.services.sync import service as sync_service
    from desktop.sync import compaction

    a = open_laptop(tmp_path / "a", actor="Lan")
    b = open_laptop(tmp_path / "b", actor="Minh")
    try:
        ids = add_residents(a, ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"], group_name="Tổ dân phố số 1")
        assert len(data_rows(a)) >= 4  # the group, three residents, the ward's own records
        done = sync_service.sync_now(a, srv.url, srv.enroll_code(WARD))
        assert done["pending"] == 0 and sync_service.sync_status(a)["last_check"]["ok"]
        assert data_rows(a) == []  # every confirmed row is gone ...
        kept = log_rows(a)
        assert kept and {kind for kind, *_ in kept} == {"audit_entry"}  # ... but the audit trail's
        assert audit.verify(a) == []
        sync_service.sync_now(b, srv.url, srv.enroll_code(WARD))
        assert data_rows(b) == []  # pulled records never had rows; B's own were confirmed and went

        # the same field edited on both laptops: B's change stays (in conflict), so does one typed since
        edit_resident(a, ids[0], notes="A: hẹn thứ Bảy", workplace="Trường THCS")
        edit_resident(b, ids[0], notes="B: đã gọi điện")
        sync_service.sync_now(a)
        assert data_rows(a) == []
        got = sync_service.sync_now(b)
        assert got["conflicts"] == 1
        edit_resident(b, ids[1], workplace="Chợ Cầu Giấy")  # typed after the sync: pending
        assert compaction.compact_sent(b) == 0
        assert sorted((rid, state) for _k, rid, state, _e in data_rows(b)) == sorted(
            [(ids[0], "error"), (ids[1], "pending")])

        # the conflict resolves as ever, and the resolution syncs
        [c] = sync_service.list_conflicts(b)
        assert c["mine"] == {"notes": "B: đã gọi điện"} and c["theirs"] == {"notes": "A: hẹn thứ Bảy"}
        sync_service.resolve_conflict(b, c["id"], "mine")
        assert sync_service.sync_now(b)["pending"] == 0
        # only the row the resolution set aside (never stored by the server) is left of B's data rows
        assert [(rid, e) for _k, rid, _s, e in data_rows(b)] == [(ids[0], "resolved: mine")]
        sync_service.sync_now(a)
        records = assert_converged(srv, a, b)
        fields = records[("resident", ids[0])][1]
        assert (fields["notes"], fields["workplace"]) == ("B: đã gọi điện", "Trường THCS")
        assert records[("resident", ids[1])][1]["workplace"] == "Chợ Cầu Giấy"
        assert audit.verify(a) == [] and audit.verify(b) == []

        # a restore of a compacted folder, then a sync: what was made after the backup comes back
        backup.create_backup(b, tmp_path / "b.tocdsbak", PASS)
        [later] = add_residents(b, ["Đỗ Văn Giang"])
        sync_service.sync_now(b)
        restore.restore_in_place(b, tmp_path / "b.tocdsbak", PASS)
        again = sync_service.sync_now(b)
        assert again["pending"] == 0 and sync_service.sync_status(b)["last_check"]["ok"]
        sync_service.sync_now(a)
        records = assert_converged(srv, a, b)
        assert ("resident", later) in records
        assert data_rows(b) == [(r[0], r[1], r[2], r[3]) for r in data_rows(b) if r[3] == "resolved: mine"]
        assert audit.verify(a) == [] and audit.verify(b) == []

        # the kept audit rows still catch an entry removed from the trail
        with b.store.write() as s:
            last = s.execute(text("SELECT id FROM audit_entry ORDER BY rowid DESC LIMIT 1")).scalar_one()
            s.execute(text("DROP TRIGGER audit_entry_no_delete"))  # raw SQL around the app's guard
            s.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": last})
        assert [e.entry_id for e in audit.verify(b)] == [last]
    finally:
        a.close()
        b.close()
