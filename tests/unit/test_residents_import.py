"""Importing real files the tests write: xlsx with TCVN3/VNI font cells, cp1258 and BOM CSV,
Excel serial dates, bad rows, duplicates, all-or-nothing, cancel."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from datetime import date

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import func, select

from desktop.services.residents import residents as svc
from desktop.services.residents.files import ImportFileError, guess_mapping, inspect_file, parse_map_options
from desktop.services.residents.importing import ImportCancelled, import_residents
from desktop.services.residents.search import search_residents
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models import Resident
from tests.unit.test_legacy_encodings import to_cp1258

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "SĐT", "Tổ dân phố", "Đối tượng"]
GOOD = [
    [1, "Nguyễn Văn An", "05/03/1985", "Nam", "001085012345", "0912345678", "Tổ dân phố số 1", "Cán bộ, công chức, viên chức"],
    [2, "Trần Thị Thuỷ", "1990", "Nữ", "001190000001", "0987 654 321", "TDP 2", "Học sinh, sinh viên"],
    [3, "Lê Hoà", "", "nam", "", "055 123 4567", "", ""],
]


def write_csv(path, rows, headers=HEADERS, encoding="utf-8-sig", delimiter=","):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(headers)
        w.writerows(rows)
    return path


def write_xlsx(path, rows, headers=HEADERS, fonts=None, title=None):
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append([title])
    ws.append(headers)
    for r, row in enumerate(rows):
        ws.append(row)
        for c, font in (fonts or {}).get(r, {}).items():
            ws.cell(row=ws.max_row, column=c + 1).font = Font(name=font)
    wb.save(path)
    return path


def count(ctx):
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Resident))


def test_bom_csv_imports_all_with_change_log(app_ctx, tmp_path):
    report = import_residents(app_ctx, write_csv(tmp_path / "a.csv", GOOD))
    assert (report.imported, report.rejected, report.duplicates) == (3, [], [])
    assert report.encoding == "utf-8-sig"
    a = search_residents(app_ctx, "nguyen van an")[0]
    d = svc.get_resident(app_ctx, a.id)
    assert d.birth_date == date(1985, 3, 5) and d.residential_group == "Tổ dân phố số 1" and d.target_group == "can_bo"
    assert d.version == 1 and d.created_by == "Người kiểm thử"
    t = svc.get_resident(app_ctx, search_residents(app_ctx, "thuy")[0].id)
    assert t.birth_year == 1990 and t.birth_date is None and t.residential_group == "Tổ dân phố số 2"
    assert t.phone == "+84987654321" and t.target_group == "hoc_sinh_sinh_vien"
    assert svc.get_resident(app_ctx, search_residents(app_ctx, "hoa")[0].id).phone == "+84551234567"
    with app_ctx.read() as s:
        entries = s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_kind == "resident")).all()
        row = s.get(Resident, a.id)
        from desktop.store.records import record_fields
        expected = record_fields(row)
    assert len(entries) == 3 and {e.op for e in entries} == {"insert"}
    mine = next(e for e in entries if e.record_id == a.id)
    assert json.loads(mine.payload_json) == expected  # same shape the ORM hook writes


def test_cp1258_semicolon_csv(app_ctx, tmp_path):
    path = tmp_path / "cp.csv"
    lines = [";".join(HEADERS[1:4]), "Đặng Thị Thuỷ;12/10/1970;Nữ", "Phạm Đức Thắng;1/2/88;Nam"]
    path.write_bytes(to_cp1258("\r\n".join(lines) + "\r\n"))
    report = import_residents(app_ctx, path)
    assert report.encoding == "cp1258" and report.imported == 2, report.rejected
    names = {r.full_name for r in svc.list_residents(app_ctx)}
    assert names == {"Đặng Thị Thuỷ", "Phạm Đức Thắng"}
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    thang = svc.get_resident(app_ctx, search_residents(app_ctx, "thang")[0].id)
    assert thang.birth_date == date(1988, 2, 1)


def test_xlsx_tcvn3_and_vni_font_cells_and_excel_serials(app_ctx, tmp_path):
    rows = [
        [1, "NguyÔn V¨n B×nh", 31111, "Nam", 1085012345, 912345678, "Tæ d©n phè sè 1", None],  # TCVN3, serial, numbers
        [2, "Nguyeãn Thò Thuûy", 33000, "Nöõ", None, None, "Toå daân phoá soá 2", None],  # VNI
        [3, "Lª Hoa", "1970", "N÷", None, None, "Th«n §«ng", None],  # TCVN3
        [4, "tr\u1ea7n an", None, None, None, None, None, None],  # plain Unicode cell
    ]
    fonts = {0: {1: ".VnTime", 6: ".VnTime"}, 1: {1: "VNI-Times", 3: "VNI-Times", 6: "VNI-Times"},
             2: {1: ".VnArial", 3: ".VnArial", 6: ".VnTime"}, 3: {1: "Calibri"}}
    path = write_xlsx(tmp_path / "old.xlsx", rows, fonts=fonts, title="DANH SÁCH CƯ DÂN")
    report = import_residents(app_ctx, path)
    assert report.rejected == [] and report.imported == 4
    binh = svc.get_resident(app_ctx, search_residents(app_ctx, "binh")[0].id)
    assert binh.full_name == "Nguyễn Văn Bình" and binh.birth_date == date(1985, 3, 5)
    assert binh.cccd == "001085012345" and binh.phone == "+84912345678" and binh.residential_group == "Tổ dân phố số 1"
    thuy = svc.get_resident(app_ctx, search_residents(app_ctx, "thuy")[0].id)
    assert thuy.full_name == "Nguyễn Thị Thủy" and thuy.sex == "nu" and thuy.residential_group == "Tổ dân phố số 2"
    assert thuy.birth_date == date(1990, 5, 7)
    hoa = svc.get_resident(app_ctx, search_residents(app_ctx, "le hoa")[0].id)
    assert hoa.sex == "nu" and hoa.residential_group == "Thôn Đông" and hoa.birth_year == 1970
    assert search_residents(app_ctx, "tran an")[0].full_name == "Trần An"


def test_bad_rows_block_everything_by_default(app_ctx, tmp_path):
    rows = GOOD + [
        [4, "", "01/01/1990", "Nam", "", "", "", ""],
        [5, "Vũ Văn Hùng", "31/02/1990", "Nam", "12345", "0243825353", "Tổ 9", "Ma"],
    ]
    path = write_csv(tmp_path / "bad.csv", rows)
    report = import_residents(app_ctx, path)
    assert report.blocked and report.imported == 0 and count(app_ctx) == 0
    got = {(p.row, p.field) for p in report.rejected}
    assert (5, "full_name") in got
    assert {(6, "birth"), (6, "cccd"), (6, "phone"), (6, "residential_group"), (6, "target_group")} <= got
    reason = next(p.reason for p in report.rejected if p.row == 6 and p.field == "residential_group")
    assert "Tổ 9" in reason
    valid = import_residents(app_ctx, path, valid_only=True)
    assert valid.imported == 3 and count(app_ctx) == 3


def test_dry_run_stores_nothing(app_ctx, tmp_path):
    report = import_residents(app_ctx, write_csv(tmp_path / "a.csv", GOOD), dry_run=True)
    assert report.valid_rows == 3 and report.imported == 0 and count(app_ctx) == 0


def test_duplicates_in_file_and_registry_reported_never_doubled(app_ctx, tmp_path):
    svc.register_resident(app_ctx, svc.ResidentInput(full_name="Lê Hoà", phone="0551234567"))
    rows = GOOD + [[4, "Nguyễn Văn An", "05/03/1985", "Nam", "001085012345", "", "", ""]]
    report = import_residents(app_ctx, write_csv(tmp_path / "d.csv", rows))
    assert report.imported == 2 and report.rejected == []
    dups = {(d.row, d.kind, d.same_as_row, d.existing_id is not None) for d in report.duplicates}
    assert dups == {(4, "phone", None, True), (5, "cccd", 2, False)}
    again = import_residents(app_ctx, write_csv(tmp_path / "d.csv", rows))
    assert again.imported == 0 and len(again.duplicates) == 4
    assert count(app_ctx) == 3


def test_cccd_warning_rejects_unless_accepted(app_ctx, tmp_path):
    rows = [[1, "Phan Văn Tài", "1990", "Nam", "001085000009", "", "", ""]]
    path = write_csv(tmp_path / "w.csv", rows)
    report = import_residents(app_ctx, path)
    assert report.blocked and {(p.field, p.severity) for p in report.rejected} == {("birth", "warning")}
    assert import_residents(app_ctx, path, accept_warnings=True).imported == 1


class FakeControl:
    def __init__(self, cancel_at):
        self.cancel_at, self.calls = cancel_at, 0

    @property
    def cancelled(self):
        return self.calls >= self.cancel_at

    def report(self, done, total, text=""):
        self.calls += 1


def test_cancel_while_storing_leaves_nothing(app_ctx, tmp_path):
    rows = [[i, f"Người Số {chr(65 + i % 26)}{chr(65 + i // 26 % 26)}", str(1950 + i % 50), "", "", "", "", ""]
            for i in range(12000)]
    path = write_csv(tmp_path / "big.csv", rows)
    control = FakeControl(cancel_at=21)  # a report every 500 rows: cancelled after two batches of 5,000 are written
    switch = sys.getswitchinterval()
    with pytest.raises(ImportCancelled):
        import_residents(app_ctx, path, control=control)
    assert control.calls == 21
    assert sys.getswitchinterval() == switch  # the bulk writer's shorter GIL hand-off is undone
    assert count(app_ctx) == 0
    with app_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.record_kind == "resident")) == 0


def test_header_guessing_and_map_option(tmp_path):
    mapping, unsure = guess_mapping(["STT", "Họ tên", "Năm sinh", "CCCD/CMND", "Số ĐT liên hệ", "Thôn", "Cột lạ"])
    assert mapping == {1: "full_name", 2: "birth_year", 3: "cccd_or_cmnd", 4: "phone", 5: "residential_group"}
    assert unsure == [4, 6]
    headers = ["A1", "Tên khai sinh", "Di động"]
    assert parse_map_options(["Tên khai sinh=full_name", "3=phone", "A=-"], headers) == {1: "full_name", 2: "phone", 0: "-"}
    with pytest.raises(ImportFileError):
        parse_map_options(["Không có=full_name"], headers)
    with pytest.raises(ImportFileError):
        parse_map_options(["2=tuoi"], headers)


def test_inspect_file_and_unreadable_files(tmp_path):
    preview = inspect_file(write_xlsx(tmp_path / "p.xlsx", GOOD, title="Danh sách"))
    assert preview.header_row == 2 and preview.mapping[1] == "full_name" and preview.total_rows == 3
    assert preview.sample[0][1] == "Nguyễn Văn An"
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ImportFileError, match="x.xlsx"):
        inspect_file(bad)
    with pytest.raises(ImportFileError):
        inspect_file(tmp_path / "none.csv")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(ImportFileError, match=".xlsx"):
        inspect_file(tmp_path / "a.pdf")


def test_no_name_column_is_refused(app_ctx, tmp_path):
    path = write_csv(tmp_path / "n.csv", [["x", "y"]], headers=["Cột 1", "Cột 2"])
    with pytest.raises(ImportFileError, match="họ và tên"):
        import_residents(app_ctx, path)


def test_a_deleted_resident_is_no_duplicate_and_names_match_with_birth_year(app_ctx, tmp_path):
    from desktop.store.models import Resident

    gone = svc.register_resident(app_ctx, svc.ResidentInput(full_name="Tạ Văn Cũ", phone="0912777001",
                                                            cccd="001085077001", birth_year=1985, sex="nam"))
    svc.register_resident(app_ctx, svc.ResidentInput(full_name="Kiều Thị Nga", birth_year=1970))
    with app_ctx.write() as s:
        s.get(Resident, gone.id).mark_deleted()
    rows = [[1, "Tạ Văn Mới", "1985", "Nam", "001085077001", "0912777001", "", ""],
            [2, "Kieu Thi Nga", "1970", "Nữ", "", "", "", ""],  # same folded name and birth year: a duplicate
            [3, "Kiều Thị Nga", "1971", "Nữ", "", "", "", ""]]
    report = import_residents(app_ctx, write_csv(tmp_path / "g.csv", rows))
    assert [(d.row, d.kind, d.existing_id is not None) for d in report.duplicates] == [(3, "name_birth_year", True)]
    assert report.imported == 2
