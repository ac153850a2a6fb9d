"""Import reports every change it makes to a value as a warning row (dry run and import alike) and
never stores a control character: NUL/ESC/VT in names, bytes not in the encoding, text cut at its
limit, a repeated header's column, cells in a column without a header or past the header. (Line
breaks stay in notes, the one field that may run over several lines.)"""

from __future__ import annotations

import re

from sqlalchemy import select

from desktop.services.residents.importing import import_residents
from desktop.store.models import Resident


def _write(path, text: str, bom: bool = True):
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_every_change_is_a_warning_and_no_control_character_is_stored(app_ctx, tmp_path):
    path = _write(tmp_path / "ds.csv",
                  "Họ và tên;Địa chỉ;Nơi làm việc;Ghi chú;Họ và tên\n"
                  "Nguyễn\x00 Văn\x0bAn;" + "Số 1 " * 70 + ";Công ty;a\x1b[31mđỏ;Trùng Tên\n"
                  "Trần Thị Bình;Số 2;" + "Xưởng " * 40 + ";ghi chú;;dư thừa\n")
    for dry_run in (True, False):
        report = import_residents(app_ctx, path, dry_run=dry_run)
        assert report.rejected == [] and report.valid_rows == 2
        said = {(w.row, w.field, re.sub(r"\d+", "N", w.reason)) for w in report.warnings}
        assert said == {
            (1, "full_name", "Cột E «Họ và tên» trùng nội dung với cột A: cột E không được nhập."),
            (2, "full_name", "Đã bỏ ký tự điều khiển (mã N, NB) khỏi giá trị."),  # 00 and 0B
            (2, "notes", "Đã bỏ ký tự điều khiển (mã NB) khỏi giá trị."),
            (2, "address_detail", "Dài N ký tự: chỉ giữ N ký tự đầu."),
            (3, "workplace", "Dài N ký tự: chỉ giữ N ký tự đầu."),
            (3, "", "Cột F nằm ngoài dòng tiêu đề (có thể do dấu phân cách thừa): bỏ qua N ô có dữ liệu."),
        }, said
        assert report.to_json()["warnings_total"] == 6
    with app_ctx.read() as s:
        rows = {r.full_name: r for r in s.scalars(select(Resident))}
    assert set(rows) == {"Nguyễn Văn An", "Trần Thị Bình"}
    for r in rows.values():
        for value in (r.full_name, r.address_detail, r.workplace, r.notes):
            assert not re.search(r"[\x00-\x1f\x7f-\x9f]", value or ""), repr(value)
    assert rows["Nguyễn Văn An"].notes == "a[31mđỏ" and len(rows["Nguyễn Văn An"].address_detail) == 300


def test_bytes_not_in_the_encoding_are_said(app_ctx, tmp_path):
    path = tmp_path / "hong.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "Họ và tên,Ghi chú\nLê Văn Cường,gi".encode() + b"\xe1\xba" + b"\n")
    report = import_residents(app_ctx, path, dry_run=True)
    assert [(w.row, w.field) for w in report.warnings] == [(2, "notes")]
    assert "\ufffd" in report.warnings[0].reason and "utf-8-sig" in report.warnings[0].reason
