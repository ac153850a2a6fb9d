"""The same field edited on two laptops: a conflict a person resolves; the resolution syncs."""

from __future__ import annotations

import pytest

from tests.e2e.sync_harness import add_residents, assert_converged, edit_resident, open_laptop, running_server


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def setup(request, tmp_path):
    from desktop.services.sync.service import sync_now

    with running_server(tmp_path, request.param) as srv:
        a = open_laptop(tmp_path / "a", actor="Lan")
        b = open_laptop(tmp_path / "b", actor="Minh")
        [rid] = add_residents(a, ["Ngô Thị Hoa"])
        sync_now(a, srv.url, srv.enroll_code("00166"))
        sync_now(b, srv.url, srv.enroll_code("00166"))
        edit_resident(a, rid, notes="A: hẹn thứ Bảy", workplace="Trường THCS")
        edit_resident(b, rid, notes="B: đã gọi điện")
        sync_now(a)
        yield srv, a, b, rid
        a.close()
        b.close()


@pytest.mark.parametrize("choice, expected", [
    ("mine", "B: đã gọi điện"),
    ("theirs", "A: hẹn thứ Bảy"),
    ("edit", "Hẹn thứ Bảy, đã gọi"),
])
def test_conflict_resolution_syncs_and_is_recorded(setup, choice, expected):
    from desktop.services.sync import service as sync_service

    srv, a, b, rid = setup
    rb = sync_service.sync_now(b)
    assert rb["conflicts"] == 1 and rb["pushed"] == 0
    [c] = sync_service.list_conflicts(b)
    assert c["fields"] == ["notes"]
    assert c["mine"] == {"notes": "B: đã gọi điện"} and c["theirs"] == {"notes": "A: hẹn thứ Bảy"}
    # the pull did not overwrite the local edit while the conflict waits
    from tests.e2e.sync_harness import snapshot

    assert snapshot(b)[("resident", rid)][1]["notes"] == "B: đã gọi điện"
    edited = {"notes": expected} if choice == "edit" else None
    done = sync_service.resolve_conflict(b, c["id"], choice, edited)
    assert done["resolution"] == choice and done["resolved_by"] == "Minh"
    rb = sync_service.sync_now(b)
    assert rb["conflicts"] == 0 and rb["pending"] == 0
    sync_service.sync_now(a)
    records = assert_converged(srv, a, b)
    fields = records[("resident", rid)][1]
    assert fields["notes"] == expected
    assert fields["workplace"] == "Trường THCS"  # A's other field survives every choice
    assert sync_service.list_conflicts(b) == []


def test_cli_exit_code_is_1_when_conflicts_remain(setup):
    from desktop.services.sync import service as sync_service

    srv, a, b, rid = setup
    result = sync_service.sync_now(b)
    assert result["conflicts"] == 1
    # still 1 on the next run until someone resolves it; other records keep flowing
    add_residents(b, ["Đỗ Văn Khoa"])
    again = sync_service.sync_now(b)
    assert again["conflicts"] == 1 and again["pushed"] == 1
