"""Every file the app exports imports back unchanged: a demo ward's residents exported to CSV
and to xlsx, imported into a fresh ward with the same groups, compared field by field; and the
export's own headers are recognised (sure guesses, nothing left unmapped)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.core.text import fold
from desktop.services.context import open_context
from desktop.services.residents.export import export_residents, headers
from desktop.services.residents.files import guess_field
from desktop.services.residents.importing import import_residents
from desktop.services.setup.demo_data import build_demo_ward
from desktop.services.setup.ward_setup import initialize_ward, residential_groups, ward_info
from desktop.store.models import Resident, ResidentialGroup

# Every field a resident's row in the export carries, compared stored-value to stored-value
# (the residential group by its name: ids differ between wards).
FIELDS_COMPARED = ("full_name", "birth_date", "birth_year", "sex", "cccd", "cmnd", "phone", "residential_group",
                   "address_detail", "target_group", "workplace", "adoption_stage", "aware_on", "installed_on",
                   "account_on", "consent_given", "notes")


def _residents(ctx) -> list[tuple]:
    with ctx.read() as s:
        groups = dict(s.execute(select(ResidentialGroup.id, ResidentialGroup.name)).all())
        rows = s.scalars(select(Resident).where(Resident.deleted_at.is_(None))).all()
        out = [tuple(groups.get(r.residential_group_id) if f == "residential_group" else getattr(r, f)
                     for f in FIELDS_COMPARED) for r in rows]
    return sorted(out, key=repr)


def _cells(path) -> list[list]:
    if path.suffix == ".csv":
        return [line.split(",") for line in path.read_text(encoding="utf-8-sig").splitlines()]
    book = load_workbook(path, read_only=True)  # read-only keeps the file open until closed
    try:
        return [[c for c in row] for row in book.active.iter_rows(values_only=True)]
    finally:
        book.close()


def test_the_exports_own_headers_are_sure_guesses():
    expected = [None, "full_name", "birth", "birth_year", "sex", "cccd", "cmnd", "phone", "residential_group",
                "address_detail", "target_group", "workplace", "adoption_stage", "aware_on", "installed_on",
                "account_on", "consent_given", "notes"]
    assert [guess_field(h) for h in headers()] == [(f, True) for f in expected]
    # "Tổ dân phố / thôn" (the export's) and "Tổ dân phố/thôn" are the same header
    assert guess_field("Tổ dân phố/thôn") == guess_field("TỔ DÂN PHỐ / THÔN") == ("residential_group", True)


@pytest.fixture
def language():
    from desktop.core.i18n import set_language

    yield set_language
    set_language(None)


@pytest.mark.parametrize(("suffix", "lang"), [(".csv", "vi"), (".xlsx", "vi"), (".csv", "en")])
def test_an_exported_ward_imports_back_unchanged(bare_ctx, tmp_path, suffix, lang, language):
    language(lang)  # an English export (headers, sexes, groups, stages, consent in English) too
    build_demo_ward(bare_ctx, 600, seed=2, today=date(2026, 12, 1))  # a seed whose ward has all the cases below
    before = _residents(bare_ctx)
    # the demo has homonyms (same name and birth year, told apart by CCCD or phone), stage dates out
    # of order, empty dates, phones and CCCDs: all must come back as they were
    homonyms = Counter((fold(r[0]), r[2]) for r in before)
    assert len(before) == 600 and max(homonyms.values()) == 2
    assert any(r[12] and r[13] and r[13] < r[12] for r in before)  # installed before "aware"
    assert {r[11] for r in before} == {"chua_biet", "da_biet", "da_cai_dat", "da_tao_tai_khoan"}
    assert any(r[4] is None for r in before) and any(r[6] is None for r in before)
    first = tmp_path / f"ward{suffix}"
    assert export_residents(bare_ctx, first) == 600

    target = open_context(str(tmp_path / "fresh"), actor="Người kiểm thử")
    try:
        initialize_ward(target, ward_info(bare_ctx).ward_code, "Tổ CĐS", [g.name for g in residential_groups(bare_ctx)])
        report = import_residents(target, first)
        assert (report.blocked, report.rejected, report.duplicates, report.unmapped) == (False, [], [], [])
        assert report.imported == 600
        after = _residents(target)
        for field, was, now in ((f, [r[i] for r in before], [r[i] for r in after]) for i, f in enumerate(FIELDS_COMPARED)):
            assert sorted(map(repr, was)) == sorted(map(repr, now)), field
        assert after == before
        again = tmp_path / f"again{suffix}"
        export_residents(target, again)
        assert _cells(again) == _cells(first)  # and the file it exports is the same file, cell for cell
    finally:
        target.close()


def test_a_file_with_stage_dates_keeps_them_and_a_list_without_dates_is_dated_the_import_day(app_ctx, tmp_path):
    from desktop.core.period import today_vn

    path = tmp_path / "list.csv"
    path.write_text(
        "Họ và tên,Năm sinh,Số điện thoại,Tổ dân phố/thôn,iHaNoi,Ngày biết,Ngày cài đặt,Ngày tạo tài khoản,Đồng ý\n"
        "Nguyễn Văn Một,1980,0912000001,Tổ dân phố số 1,Đã tạo tài khoản,02/09/2026,03/09/2026,04/09/2026,Có\n"
        "Trần Thị Hai,1981,0912000002,Tổ dân phố số 2,,05/09/2026,,,Không\n"  # no stage: the furthest dated one
        "Lê Văn Ba,1982,0912000003,Thôn Đông,Đã cài đặt,,,,\n",  # stage without dates: dated the import day
        encoding="utf-8")
    report = import_residents(app_ctx, path)
    assert report.imported == 3 and report.rejected == [] and report.unmapped == []
    with app_ctx.read() as s:
        rows = {r.full_name: r for r in s.scalars(select(Resident))}
    one, two, three = rows["Nguyễn Văn Một"], rows["Trần Thị Hai"], rows["Lê Văn Ba"]
    assert (one.adoption_stage, one.aware_on, one.installed_on, one.account_on, one.consent_given) == (
        "da_tao_tai_khoan", date(2026, 9, 2), date(2026, 9, 3), date(2026, 9, 4), True)
    assert one.consent_at is not None
    assert (two.adoption_stage, two.aware_on, two.installed_on, two.consent_given) == ("da_biet", date(2026, 9, 5), None, False)
    assert (three.adoption_stage, three.aware_on, three.installed_on, three.account_on) == (
        "da_cai_dat", today_vn(), today_vn(), None)
    assert one.residential_group_id is not None and three.residential_group_id is not None


def test_stage_dates_that_contradict_the_row_are_refused_with_the_row_and_field(app_ctx, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "Họ và tên,Năm sinh,iHaNoi,Ngày biết,Ngày cài đặt,Đồng ý\n"
        "Nguyễn Văn Một,1980,Đã biết,02/09/2026,03/09/2026,Có\n"  # installed date, stage only aware
        "Trần Thị Hai,1981,Đã biết,31/02/2026,,Có\n"  # no such day
        "Lê Văn Ba,1982,Đã biết,01/01/2099,,Có\n"  # in the future
        "Phạm Thị Bốn,1983,Đã biết,01/09/2026,,Chắc vậy\n",  # consent neither yes nor no
        encoding="utf-8")
    report = import_residents(app_ctx, path)
    assert report.blocked and report.imported == 0
    problems = {(p.row, p.field) for p in report.rejected}
    assert problems == {(2, "installed_on"), (3, "aware_on"), (4, "aware_on"), (5, "consent_given")}
    reasons = {p.row: p.reason for p in report.rejected}
    assert reasons[2] == "Ngày cài đặt 03/09/2026 nhưng mức độ sử dụng iHaNoi là «Đã biết»."
    assert reasons[4] == "Ngày 01/01/2099 ở tương lai."


def test_homonyms_told_apart_by_cccd_or_phone_are_two_people(app_ctx, tmp_path):
    first = tmp_path / "first.csv"
    first.write_text(
        "Họ và tên,Năm sinh,Giới tính,Số CCCD,Số điện thoại\n"
        "Nguyễn Văn An,1980,Nam,001080000001,\n"
        "Nguyễn Văn An,1980,Nam,001080000002,\n"  # another CCCD: someone else
        "Nguyễn Văn An,1980,Nam,,\n",  # nothing tells him apart: a possible duplicate of row 2
        encoding="utf-8")
    report = import_residents(app_ctx, first)
    assert report.imported == 2
    assert [(d.row, d.kind, d.same_as_row) for d in report.duplicates] == [(4, "name_birth_year", 3)]
    second = tmp_path / "second.csv"
    second.write_text(
        "Họ và tên,Năm sinh,Giới tính,Số CCCD,Số điện thoại\n"
        "Nguyễn Văn An,1980,Nam,001080000003,0912000003\n"  # differs from both registered ones
        "Nguyễn Văn An,1980,Nam,,0912000004\n",  # the registered ones have no phone: cannot tell
        encoding="utf-8")
    report = import_residents(app_ctx, second, valid_only=True)
    assert report.imported == 1
    assert [(d.row, d.kind) for d in report.duplicates] == [(3, "name_birth_year")]
