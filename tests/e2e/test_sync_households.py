"""Households, door-to-door visits and per-member outcomes sync through the real server (SQLite and
PostgreSQL) like every record kind: a second laptop of the ward walks the same list, moves a member,
deletes a household (its members stay), and both laptops and the server end up the same."""

from __future__ import annotations

import pytest

from tests.e2e.sync_harness import assert_converged, running_server

GROUPS = ["Tổ dân phố số 1", "Tổ dân phố số 2"]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path):
    with running_server(tmp_path, request.param) as srv:
        yield srv


@pytest.fixture
def laptops(tmp_path):
    from desktop.services.context import open_context
    from desktop.services.setup.ward_setup import initialize_ward

    a = open_context(str(tmp_path / "laptop-a"), actor="Lan")
    initialize_ward(a, "00166", "Tổ CĐS", GROUPS)
    b = open_context(str(tmp_path / "laptop-b"), actor="Minh")
    yield a, b
    a.close()
    b.close()


def test_households_and_visits_travel_and_converge(server, laptops):
    from desktop.services.households import coverage, households as hh, visits
    from desktop.services.residents import residents as svc
    from desktop.services.setup.ward_setup import initialize_ward
    from desktop.services.sync.service import sync_now

    a, b = laptops
    group = coverage.find_group(a, GROUPS[0])["id"]
    head = svc.register_resident(a, svc.ResidentInput(full_name="Nguyễn Văn An", birth_year=1950, residential_group_id=group,
                                                      address_detail="Số 1 ngõ 2", household=hh.NEW_HOUSEHOLD))
    son = svc.register_resident(a, svc.ResidentInput(full_name="Nguyễn Văn Bình", birth_year=1980, residential_group_id=group,
                                                     address_detail="Số 1 ngõ 2", household=head.household_id))
    visits.record_visit(a, visits.VisitInput(head.household_id, {head.id: "da_ho_tro", son.id: "vang_nha"}, met="Ông An"))
    ra = sync_now(a, server.url, server.enroll_code("00166"))
    assert (ra["rejected"], ra["conflicts"], ra["pending"]) == (0, 0, 0)

    initialize_ward(b, "00166", "Tổ CĐS")
    rb = sync_now(b, server.url, server.enroll_code("00166"))
    assert rb["rejected"] == 0 and rb["check"]["ok"] is True
    on_b = coverage.coverage_list(b, group)
    [listed] = on_b["households"]
    assert listed["code"] == head.household_code and listed["reason"] == "vang_nha"
    assert [m["full_name"] for m in listed["members"]] == ["Nguyễn Văn Bình"]  # the head has an account now

    moved_to = hh.create_household(b, residential_group_id=group, address="Số 7 ngõ 2", member_ids=[son.id])
    hh.delete_household(b, head.household_id)  # the head stays, out of any household
    rb = sync_now(b)
    assert (rb["rejected"], rb["conflicts"]) == (0, 0)
    ra = sync_now(a)
    assert (ra["rejected"], ra["conflicts"]) == (0, 0)
    records = assert_converged(server, a, b)
    kinds = {kind for kind, _id in records}
    assert {"household", "household_visit", "household_visit_member"} <= kinds
    assert svc.get_resident(a, son.id).household_id == moved_to.id
    assert svc.get_resident(a, head.id).household_id is None and svc.count_residents(a) == 2
    assert hh.find_by_code(a, moved_to.code)[0].members[0].full_name == "Nguyễn Văn Bình"
