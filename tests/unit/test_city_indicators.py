"""The city's indicators over the ward's official figures: report keys, arithmetic, warnings, training."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from desktop.core.period import Period, today_vn
from desktop.services.outreach import training
from desktop.services.outreach.common import OutreachError
from desktop.services.reports import indicators
from desktop.services.reports.documents import progress_document
from desktop.services.reports.progress_report import progress_report
from desktop.services.residents.residents import ResidentInput, register_resident

YEAR = Period(date(today_vn().year, 1, 1), date(today_vn().year, 12, 31))  # the accounts are made today
Y = YEAR.end.year


NAMES = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Linh")


def _residents(ctx, accounts: int, others: int, officials_with_account: int = 0) -> None:
    for i in range(accounts + others):
        tg = "can_bo" if i < officials_with_account else "nguoi_dan_khac"
        stage = "da_tao_tai_khoan" if i < accounts else "da_biet"
        register_resident(ctx, ResidentInput(full_name=f"Nguyễn Văn {NAMES[i]}", birth_year=1980, target_group=tg,
                                             adoption_stage=stage))


def test_report_keys_and_the_arithmetic(app_ctx):
    _residents(app_ctx, accounts=3, others=2, officials_with_account=1)
    indicators.set_ward_figures(app_ctx, Y, 16, smartphone_owners_15_plus=8, households=7, officials=3,
                                source="Công an phường")
    data = progress_report(app_ctx, YEAR)
    assert data["population_15_plus"] == 16
    assert data["accounts_total"] == 3 and data["accounts_new_in_period"] == 3
    assert data["share_of_15_plus"] == 18.8  # 3/16 = 18.75 %: half up, not Python's round (18.7 when binary)
    assert data["share_of_smartphone_owners"] == 37.5  # 3/8
    assert data["households_total"] == 7 and data["households_covered"] is None  # no households yet
    ind = data["indicators"]
    assert ind["people_still_to_reach"] == 13 and ind["share_of_officials"] == 33.3 and ind["figures_year"] == Y
    assert not ind["warnings"]
    doc = progress_document(data)
    section = next(s for s in doc["sections"] if s["heading"].startswith("4."))
    rows = dict(section["tables"][0]["rows"])
    assert rows["Tỷ lệ trên dân số từ 15 tuổi"] == "18,8%"
    assert rows["Số hộ đã phủ kín (mọi thành viên có tài khoản)"] == "Chưa có số liệu"


def test_no_figures_reads_no_data(app_ctx):
    _residents(app_ctx, accounts=1, others=0)
    data = progress_report(app_ctx, YEAR)
    assert data["population_15_plus"] is None and data["share_of_15_plus"] is None
    assert data["accounts_total"] == 1
    assert any("Chưa nhập số liệu" in n for n in data["indicators"]["notes"])


def test_figures_smaller_than_the_registered_residents_warn_and_never_pass_100(app_ctx):
    _residents(app_ctx, accounts=4, others=2)
    indicators.set_ward_figures(app_ctx, Y, 5, smartphone_owners_15_plus=3)
    data = progress_report(app_ctx, YEAR)
    warnings = data["indicators"]["warnings"]
    assert any("nhỏ hơn số cư dân đã đăng ký (6)" in w for w in warnings)
    assert data["share_of_15_plus"] == 80.0  # 4 of 5: still a share, with the warning beside it
    assert data["share_of_smartphone_owners"] is None  # 4 accounts > 3 owners: no share over 100%
    assert any("lớn hơn số người có điện thoại thông minh" in w for w in warnings)
    section = next(s for s in progress_document(data)["sections"] if s["heading"].startswith("4."))
    assert any("nhỏ hơn số cư dân" in p for p in section["paragraphs"])


def test_an_earlier_years_figures_are_used_and_said(app_ctx):
    indicators.set_ward_figures(app_ctx, Y - 1, 900)
    indicators.set_ward_figures(app_ctx, Y + 1, 1200)
    data = progress_report(app_ctx, YEAR)
    assert data["population_15_plus"] == 900
    assert any(f"năm {Y - 1}" in n for n in data["indicators"]["notes"])
    indicators.set_ward_figures(app_ctx, Y - 1, 950)  # corrected: still one row for the year
    assert [f.population_15_plus for f in indicators.list_ward_figures(app_ctx)] == [1200, 950]


@pytest.mark.parametrize("kwargs, message", [
    ({"year": 1999, "population_15_plus": 10}, "Năm phải từ"),
    ({"year": 2026, "population_15_plus": 0}, "phải lớn hơn 0"),
    ({"year": 2026, "population_15_plus": "mười"}, "phải là số nguyên"),
    ({"year": 2026, "population_15_plus": 10, "smartphone_owners_15_plus": 11}, "không thể lớn hơn"),
    ({"year": 2026, "population_15_plus": 10, "officials": -1}, "phải từ 0"),
])
def test_bad_figures_are_refused_with_a_clear_message(app_ctx, kwargs, message):
    with pytest.raises(OutreachError, match=message):
        indicators.set_ward_figures(app_ctx, **kwargs)
    assert indicators.list_ward_figures(app_ctx) == []


def test_training_is_counted_per_class_and_target_group(app_ctx, tmp_path):
    training.add_class(app_ctx, date(Y, 4, 2), "Nhà văn hoá tổ 1", "Trần Văn Hướng", "nguoi_cao_tuoi", 30)
    training.add_class(app_ctx, date(Y, 5, 9), "Hội trường phường", "Lê Thị Dạy", "nguoi_cao_tuoi", 12)
    training.add_class(app_ctx, date(Y, 6, 1), "Trường THCS", "Lê Thị Dạy", "hoc_sinh_sinh_vien", 45)
    training.add_class(app_ctx, date(Y - 1, 6, 1), "Năm trước", "Lê Thị Dạy", "can_bo", 99)
    data = progress_report(app_ctx, YEAR)
    t = data["training"]
    assert t["total_classes"] == 3 and t["total_trained"] == 87
    assert [(g["code"], g["classes"], g["trained"]) for g in t["by_target_group"]] == [
        ("hoc_sinh_sinh_vien", 1, 45), ("nguoi_cao_tuoi", 2, 42)]
    from desktop.services.reports.xlsx_report import render

    out = tmp_path / "progress.xlsx"
    indicators.set_ward_figures(app_ctx, Y, 400)
    render(app_ctx, "progress", progress_report(app_ctx, YEAR), str(out))
    cells = [c.value for ws in openpyxl.load_workbook(out) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Tỷ lệ trên dân số từ 15 tuổi" in cells and "Bình dân học vụ số" in " ".join(map(str, cells))
    assert "Người cao tuổi" in cells and 42 in cells


def test_households_covered_come_from_the_household_list_for_a_period_to_today(app_ctx):
    from desktop.services.households import households as hh
    from desktop.services.setup.ward_setup import residential_groups

    group = residential_groups(app_ctx)[0].id
    done = register_resident(app_ctx, ResidentInput(full_name="Nguyễn Văn An", birth_year=1950, residential_group_id=group,
                                                    adoption_stage="da_tao_tai_khoan", household=hh.NEW_HOUSEHOLD))
    register_resident(app_ctx, ResidentInput(full_name="Nguyễn Thị Bình", birth_year=1980, residential_group_id=group,
                                             adoption_stage="da_tao_tai_khoan", household=done.household_id))
    half = register_resident(app_ctx, ResidentInput(full_name="Lê Văn Cường", birth_year=1970, residential_group_id=group,
                                                    address_detail="Số 9", adoption_stage="da_tao_tai_khoan",
                                                    household=hh.NEW_HOUSEHOLD))
    register_resident(app_ctx, ResidentInput(full_name="Lê Thị Dung", birth_year=1972, residential_group_id=group,
                                             adoption_stage="da_biet", household=half.household_id))
    indicators.set_ward_figures(app_ctx, Y, 16, households=7)
    today = Period(date(Y, 1, 1), today_vn())
    assert progress_report(app_ctx, today)["households_covered"] == 1  # every member of one home has an account
    past = Period(date(Y - 1, 1, 1), date(Y - 1, 12, 31))
    assert progress_report(app_ctx, past)["households_covered"] is None  # no as-of count for a past period
