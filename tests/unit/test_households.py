"""Households, door-to-door visits and the coverage list (issue #20 items 1 and 2), on a real encrypted store."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.core import household_code as hc
from desktop.core.period import today_vn
from desktop.services.households import coverage, households as hh, visits
from desktop.services.residents import residents as svc
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models import Household, HouseholdVisitMember, Resident


def _group(ctx, name="Tổ dân phố số 1") -> str:
    return coverage.find_group(ctx, name)["id"]


def _register(ctx, name, year, group, household=None, address="Số 12 ngõ 5 Trần Thái Tông", stage=None):
    return svc.register_resident(ctx, svc.ResidentInput(
        full_name=name, birth_year=year, residential_group_id=group, address_detail=address, household=household,
        adoption_stage=stage), allow_duplicates=True)


def test_codes_are_read_aloud_friendly_and_typed_back_loosely():
    for _i in range(200):
        code = hc.new_code()
        assert hc.is_well_formed(code)
        assert not set(code) & set("0O1IL2Z5S8BGQDUVWYFN")
    assert hc.shown("K7M4PX") == "K7M-4PX"
    assert hc.normalise(" k7m 4px ") == hc.normalise("K7M-4PX") == "K7M4PX"


def test_registration_makes_a_new_household_or_joins_one(app_ctx):
    group = _group(app_ctx)
    head = _register(app_ctx, "Nguyễn Văn An", 1960, group, household=hh.NEW_HOUSEHOLD)
    assert head.household_id and hc.is_well_formed(hc.normalise(head.household_code))
    child = _register(app_ctx, "Nguyễn Thị Bình", 1990, group, household=head.household_id)
    info = hh.get_household(app_ctx, head.household_id)
    assert info.address == "Số 12 ngõ 5 Trần Thái Tông" and info.residential_group_id == group
    assert info.head_name == "Nguyễn Văn An"
    assert [m.id for m in info.members] == [head.id, child.id]
    assert hh.find_by_code(app_ctx, info.code.lower().replace("-", " "))[0].id == info.id


def test_a_household_gone_meanwhile_refuses_the_registration_and_stores_nothing(app_ctx):
    group = _group(app_ctx)
    head = _register(app_ctx, "Nguyễn Văn An", 1960, group, household=hh.NEW_HOUSEHOLD)
    hh.delete_household(app_ctx, head.household_id)
    with pytest.raises(svc.ResidentRejected) as err:
        _register(app_ctx, "Trần Văn Cường", 1970, group, household=head.household_id)
    assert err.value.problems[0].field == "household"
    assert svc.count_residents(app_ctx) == 1


def test_a_code_typed_wrong_finds_nothing_and_says_so(app_ctx):
    group = _group(app_ctx)
    head = _register(app_ctx, "Nguyễn Văn An", 1960, group, household=hh.NEW_HOUSEHOLD)
    code = hc.normalise(head.household_code)
    other = next(c for c in hc.ALPHABET if c != code[-1])
    with pytest.raises(hh.HouseholdNotFound, match="Không có hộ nào mang mã"):
        hh.find_by_code(app_ctx, code[:-1] + other)
    with pytest.raises(hh.HouseholdNotFound, match="không đúng dạng"):
        hh.find_by_code(app_ctx, "K0M-4PX")  # a zero is never in a code


def test_moving_members_and_deleting_a_household_never_deletes_people(app_ctx):
    group = _group(app_ctx)
    a = _register(app_ctx, "Nguyễn Văn An", 1960, group, household=hh.NEW_HOUSEHOLD)
    b = _register(app_ctx, "Nguyễn Thị Bình", 1990, group, household=a.household_id)
    other = hh.create_household(app_ctx, residential_group_id=group, address="Số 3 ngõ 7")
    hh.move_member(app_ctx, a.id, other.id)  # the head leaves: the eldest remaining member takes over
    assert hh.get_household(app_ctx, a.household_id).head_resident_id == b.id
    assert svc.get_resident(app_ctx, a.id).household_id == other.id
    assert hh.get_household(app_ctx, other.id).head_resident_id == a.id
    assert hh.delete_household(app_ctx, other.id) == 1
    assert svc.get_resident(app_ctx, a.id).household_id is None  # still here, out of any household
    assert svc.count_residents(app_ctx) == 2
    with app_ctx.read() as s:
        gone = s.get(Household, other.id)
        assert gone.deleted_at is not None
        kinds = {row.record_kind for row in s.scalars(select(ChangeLogEntry))}
    assert {"household", "resident"} <= kinds


def test_a_visit_for_someone_not_in_the_household_is_refused(app_ctx):
    group = _group(app_ctx)
    a = _register(app_ctx, "Nguyễn Văn An", 1960, group, household=hh.NEW_HOUSEHOLD)
    stranger = _register(app_ctx, "Lê Văn Dũng", 1980, group, household=hh.NEW_HOUSEHOLD, address="Số 9")
    with pytest.raises(hh.HouseholdError, match="không phải thành viên"):
        visits.record_visit(app_ctx, visits.VisitInput(a.household_id, {a.id: "vang_nha", stranger.id: "da_ho_tro"}))
    with app_ctx.read() as s:
        assert s.scalar(select(HouseholdVisitMember.id)) is None  # nothing half-written
    assert svc.get_resident(app_ctx, stranger.id).adoption_stage == "chua_biet"


def test_helped_now_moves_the_member_to_account_created(app_ctx):
    group = _group(app_ctx)
    a = _register(app_ctx, "Nguyễn Văn An", 1960, group, household=hh.NEW_HOUSEHOLD)
    v = visits.record_visit(app_ctx, visits.VisitInput(a.household_id, {a.id: "da_ho_tro"}, met="Ông An"))
    r = svc.get_resident(app_ctx, a.id)
    assert r.adoption_stage == "da_tao_tai_khoan" and r.account_on == v.visited_on
    assert visits.visits_of(app_ctx, a.household_id)[0].outcomes == {a.id: "da_ho_tro"}


def test_coverage_list_brings_back_not_at_home_and_leaves_out_scheduled_and_covered(app_ctx):
    group = _group(app_ctx)
    today = today_vn()
    away = _register(app_ctx, "Phạm Văn Em", 1955, group, household=hh.NEW_HOUSEHOLD, address="Số 1")
    later = _register(app_ctx, "Hoàng Thị Gấm", 1970, group, household=hh.NEW_HOUSEHOLD, address="Số 2")
    done = _register(app_ctx, "Vũ Văn Hải", 1980, group, household=hh.NEW_HOUSEHOLD, address="Số 3")
    fresh = _register(app_ctx, "Đỗ Thị Lan", 1985, group, household=hh.NEW_HOUSEHOLD, address="Số 4")
    _register(app_ctx, "Bùi Văn Minh", 1990, group, household=done.household_id, stage="da_tao_tai_khoan", address="Số 3")
    _register(app_ctx, "Người Chưa Có Hộ", 1990, group)
    visits.record_visit(app_ctx, visits.VisitInput(away.household_id, {away.id: "vang_nha"},
                                                   next_visit_on=today + timedelta(days=7)))
    visits.record_visit(app_ctx, visits.VisitInput(later.household_id, {later.id: "tu_choi"},
                                                   next_visit_on=today + timedelta(days=7)))
    visits.record_visit(app_ctx, visits.VisitInput(done.household_id, {done.id: "da_ho_tro"}))
    data = coverage.coverage_list(app_ctx, group)
    listed = {h["id"]: h for h in data["households"]}
    assert set(listed) == {away.household_id, fresh.household_id}
    assert listed[away.household_id]["reason"] == "vang_nha"
    assert listed[away.household_id]["members"][0]["last_outcome"] == "vang_nha"
    assert listed[fresh.household_id]["reason"] == "chua_tham"
    assert data["households_covered"] == 1 and data["households_scheduled_later"] == 1
    assert data["residents_without_household"] == 1
    on_the_day = coverage.coverage_list(app_ctx, group, today + timedelta(days=7))
    assert later.household_id in {h["id"] for h in on_the_day["households"]}
    doc = coverage.coverage_document(data)
    assert doc["large_type"] and len(doc["sections"]) == 3
    assert doc["sections"][1]["heading"].startswith("HỘ ") and len(doc["sections"][1]["tables"][0]["columns"]) == 4


def test_the_coverage_pdf_is_written_through_the_report_path(app_ctx, tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    from desktop.services.reports.pdf_report import write_pdf

    group = _group(app_ctx)
    a = _register(app_ctx, "Nguyễn Văn Thủy", 1960, group, household=hh.NEW_HOUSEHOLD)
    data = coverage.coverage_list(app_ctx, group)
    out = write_pdf(coverage.coverage_document(data), tmp_path / "list.pdf")
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Nguyễn Văn Thủy" in text and a.household_code in text and "DANH SÁCH ĐI TỪNG NHÀ" in text


def test_an_unknown_group_name_lists_the_groups(app_ctx):
    with pytest.raises(hh.HouseholdError, match="Tổ dân phố số 2"):
        coverage.find_group(app_ctx, "Tổ 99")
    assert coverage.find_group(app_ctx, "to dan pho so 1")["name"] == "Tổ dân phố số 1"


def test_a_visit_in_the_future_or_with_nothing_recorded_is_refused(app_ctx):
    group = _group(app_ctx)
    a = _register(app_ctx, "Nguyễn Văn An", 1960, group, household=hh.NEW_HOUSEHOLD)
    with pytest.raises(hh.HouseholdError, match="chưa ghi kết quả"):
        visits.record_visit(app_ctx, visits.VisitInput(a.household_id, {}))
    with pytest.raises(hh.HouseholdError, match="chưa đến"):
        visits.record_visit(app_ctx, visits.VisitInput(a.household_id, {a.id: "vang_nha"},
                                                       visited_on=today_vn() + timedelta(days=1)))
    with app_ctx.read() as s:
        assert s.scalar(select(Resident.household_id).where(Resident.id == a.id)) == a.household_id
    assert date.today()  # the fixture's clock is real


# -- import ------------------------------------------------------------------------------
IMPORT_HEADERS = ["Họ và tên", "Năm sinh", "Tổ dân phố", "Địa chỉ", "Số hộ"]


def _csv(path, rows, headers=IMPORT_HEADERS):
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        w.writerows(rows)
    return path


def _households_of(ctx) -> dict[str, set[str]]:
    with ctx.read() as s:
        out: dict[str, set[str]] = {}
        for name, hid in s.execute(select(Resident.full_name, Resident.household_id)):
            if hid:
                out.setdefault(hid, set()).add(name)
    return out


def test_import_groups_by_household_number_and_joins_an_existing_household(app_ctx, tmp_path):
    from desktop.services.residents.importing import import_residents

    rows = [["Nguyễn Văn An", 1950, "Tổ dân phố số 1", "Số 1 ngõ 2", "HK-001"],
            ["Nguyễn Thị Bình", 1980, "Tổ dân phố số 1", "Số 1 ngõ 2", "HK-001"],
            ["Trần Văn Cường", 1975, "Tổ dân phố số 1", "Số 9", "HK-002"],
            ["Lê Thị Dung", 1999, "Tổ dân phố số 1", "Số 9", ""]]
    report = import_residents(app_ctx, _csv(tmp_path / "a.csv", rows))
    assert report.imported == 4 and report.households == 2
    groups = sorted(map(sorted, _households_of(app_ctx).values()))
    assert groups == [["Nguyễn Thị Bình", "Nguyễn Văn An"], ["Trần Văn Cường"]]
    with app_ctx.read() as s:
        h = s.scalar(select(Household).where(Household.register_no == "HK-001"))
        head = s.get(Resident, h.head_resident_id)
    assert head.full_name == "Nguyễn Văn An" and hc.is_well_formed(h.code)  # the eldest heads it
    again = import_residents(app_ctx, _csv(tmp_path / "b.csv", [["Nguyễn Văn Em", 2010, "Tổ dân phố số 1", "", "HK-001"]]))
    assert again.households == 0
    assert "Nguyễn Văn Em" in _households_of(app_ctx)[h.id]


def test_import_groups_by_address_only_when_asked(app_ctx, tmp_path):
    from desktop.services.residents.importing import import_residents

    headers = IMPORT_HEADERS[:4]
    rows = [["Nguyễn Văn An", 1950, "Tổ dân phố số 1", "Số 1  ngõ 2"],
            ["Nguyễn Thị Bình", 1980, "Tổ dân phố số 1", "số 1 ngõ 2"],
            ["Trần Văn Cường", 1975, "Tổ dân phố số 2", "Số 1 ngõ 2"]]
    plain = import_residents(app_ctx, _csv(tmp_path / "a.csv", rows, headers), dry_run=True)
    assert plain.households == 0
    report = import_residents(app_ctx, _csv(tmp_path / "a.csv", rows, headers), households_by_address=True)
    assert report.households == 2  # the same address in another group is another household
    assert sorted(map(len, _households_of(app_ctx).values())) == [1, 2]


def test_a_refused_import_leaves_no_household_behind(app_ctx, tmp_path):
    from desktop.services.residents.importing import import_residents

    rows = [["Nguyễn Văn An", 1950, "Tổ dân phố số 1", "Số 1", "HK-001"],
            ["Nguyễn 123", 1980, "Tổ dân phố số 1", "Số 1", "HK-001"]]
    report = import_residents(app_ctx, _csv(tmp_path / "a.csv", rows))
    assert report.blocked and report.imported == 0
    with app_ctx.read() as s:
        assert s.scalar(select(Household.id)) is None and s.scalar(select(Resident.id)) is None


def test_deleting_the_head_keeps_the_household_with_another_head(app_ctx):
    group = _group(app_ctx)
    a = _register(app_ctx, "Nguyễn Văn An", 1950, group, household=hh.NEW_HOUSEHOLD)
    b = _register(app_ctx, "Nguyễn Thị Bình", 1980, group, household=a.household_id)
    svc.delete_resident(app_ctx, a.id)
    info = hh.get_household(app_ctx, a.household_id)
    assert info.head_resident_id == b.id and [m.id for m in info.members] == [b.id]


def test_ward_totals_count_households_fully_covered(app_ctx):
    group = _group(app_ctx)
    a = _register(app_ctx, "Nguyễn Văn An", 1950, group, household=hh.NEW_HOUSEHOLD, stage="da_tao_tai_khoan")
    _register(app_ctx, "Nguyễn Thị Bình", 1980, group, household=a.household_id)
    b = _register(app_ctx, "Lê Văn Cường", 1970, group, household=hh.NEW_HOUSEHOLD, address="Số 9", stage="da_tao_tai_khoan")
    hh.create_household(app_ctx, residential_group_id=group, address="Số 11")  # empty: counted in neither
    assert coverage.ward_totals(app_ctx) == {"households_total": 2, "households_covered": 1}
    assert b.household_id
