"""The bulk (executemany) path of the import: stage stamps, the exact change-log payload,
streamed CSV rows with title lines above the header, and the style-cached xlsx fonts."""

from __future__ import annotations

import csv

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from desktop.services.resident_import import import_residents
from desktop.services.resident_search import search_residents
from desktop.store.changelog import ChangeLogEntry, _dump
from desktop.store.models import Resident
from desktop.store.records import record_fields


def test_stage_stamps_and_payload_match_the_orm_shape(app_ctx, tmp_path):
    path = tmp_path / "stages.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Danh sách cư dân tổ 1"])  # a title line above the header
        w.writerow([])
        w.writerow(["Họ và tên", "Năm sinh", "iHaNoi", "Ghi chú"])
        w.writerow(["Phạm Thu Hương", "1970", "Đã cài đặt", "gọi lại"])
        w.writerow(["Đỗ Minh", "1981", "", ""])
        w.writerow(["Vũ Lan", "1999", "Đã tạo tài khoản", ""])
        w.writerow(["Bùi Hà", "năm ngoái", "", ""])  # bad: reported with its file row number
    report = import_residents(app_ctx, path, valid_only=True)
    assert report.imported == 3 and report.total_rows == 4
    assert [(p.row, p.field) for p in report.rejected] == [(7, "birth_year")]
    with app_ctx.read() as s:
        rows = {r.full_name: r for r in s.scalars(select(Resident))}
        entries = {e.record_id: e for e in s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_kind == "resident"))}
        h, m, lan = rows["Phạm Thu Hương"], rows["Đỗ Minh"], rows["Vũ Lan"]
        assert h.adoption_stage == "da_cai_dat" and h.aware_on and h.installed_on and h.account_on is None
        assert m.adoption_stage == "chua_biet" and (m.aware_on, m.installed_on, m.account_on) == (None, None, None)
        assert lan.account_on == lan.aware_on and lan.account_on is not None
        assert h.notes == "gọi lại" and h.consent_given is False and h.consent_at is None
        for r in rows.values():
            e = entries[r.id]
            assert e.payload_json == _dump(record_fields(r))  # byte for byte what the ORM hook writes
            assert (e.op, e.base_version, e.version, e.state) == ("insert", 0, 1, "pending")
            assert r.created_at == r.updated_at == e.created_at and r.sync_state == "queued"
    assert search_residents(app_ctx, "huong")[0].full_name == "Phạm Thu Hương"


def test_xlsx_font_per_style_is_not_reused_across_styles(app_ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Năm sinh"])
    ws.append(["NguyÔn V¨n An", 1980])   # TCVN3 in a .VnTime cell
    ws.append(["Nguyễn Văn Bình", 1981])  # Unicode in a Calibri cell right after
    ws.append(["Leâ Hoaø", 1982])          # VNI
    ws["A2"].font = Font(name=".VnTime")
    ws["A3"].font = Font(name="Calibri")
    ws["A4"].font = Font(name="VNI-Times")
    wb.save(tmp_path / "fonts.xlsx")
    report = import_residents(app_ctx, tmp_path / "fonts.xlsx")
    assert report.imported == 3, report.rejected
    with app_ctx.read() as s:
        names = sorted(s.scalars(select(Resident.full_name)))
    assert names == ["Lê Hoà", "Nguyễn Văn An", "Nguyễn Văn Bình"]


def test_sheet_rows_match_openpyxl_cells(tmp_path):
    from datetime import datetime

    from openpyxl import load_workbook

    from desktop.services.xlsx_rows import font_name, sheet_rows

    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Ngày sinh", "Số", "Có", "Ghi chú"])
    ws.append(["An", datetime(1985, 3, 5), 12.5, True, None])
    ws.append([None, 31000, 7, False, "=1+1"])
    ws.append([])
    ws.append(["Bình", "05/03/1985", 1, None, "x"])
    ws["B3"].number_format = "dd/mm/yyyy"
    ws["A5"].font = Font(name=".VnTime")
    wb.save(tmp_path / "t.xlsx")
    ro = load_workbook(tmp_path / "t.xlsx", read_only=True, data_only=True)
    sheet = ro.worksheets[0]
    expected = [(i, [c.value for c in row], [c.font.name if c.value is not None else None for c in row])
                for i, row in enumerate(sheet.iter_rows(min_row=2), start=2) if any(c.value is not None for c in row)]
    got = [(i, values, [font_name(ro, s) if v is not None else None for v, s in zip(values, styles)])
           for i, values, styles in sheet_rows(sheet, min_row=2) if any(v is not None for v in values)]
    ro.close()
    assert got == expected
    assert got[1][1][1] == datetime(1984, 11, 14) and got[2][2][0] == ".VnTime"
