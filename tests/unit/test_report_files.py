"""Report files: the .xlsx read back with openpyxl, the PDF's text extracted with pdfplumber."""

from __future__ import annotations

import unicodedata

import pdfplumber
import pytest
from openpyxl import load_workbook

from desktop.gui.reports.pdf_report import render as render_pdf
from desktop.services.reports.xlsx_report import render as render_xlsx
from desktop.services.reports.official_report import ReportInputs, official_report, save_inputs
from tests.support.report_fixture import TODAY, WEEK, build_report_ward

DIFFICULTY = "Nhiều cụ già ở thôn Đông chưa có điện thoại thông minh; sóng 4G yếu."


@pytest.fixture
def report(app_ctx):
    build_report_ward(app_ctx)
    save_inputs(app_ctx, ReportInputs(number="07", difficulties=DIFFICULTY, proposals="Xin thêm 2 máy tính bảng.",
                                      recipients=["Văn phòng UBND Thành phố;", "Lưu: VT."],
                                      signer_title="Tổ trưởng", signer_name="Nguyễn Thị Hồng"))
    return official_report(app_ctx, WEEK, "weekly", today=TODAY)


def _cells(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def test_xlsx_layout_figures_and_print_setup(app_ctx, report, tmp_path):
    out = render_xlsx(app_ctx, "weekly", report, tmp_path / "bao-cao.xlsx")
    wb = load_workbook(out)
    ws = wb.active
    text = _cells(ws)
    for expected in ("UBND PHƯỜNG CẦU GIẤY", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Số: 07/BC-TCĐS", "Cầu Giấy, ngày 28 tháng 11 năm 2026", "BÁO CÁO",
                     "Kết quả triển khai ứng dụng Công dân Thủ đô số (iHaNoi)", "Nơi nhận:", "TỔ TRƯỞNG",
                     "Nguyễn Thị Hồng", "- Lưu: VT."):
        assert expected in text, expected
    assert any(DIFFICULTY in t for t in text)
    # the residential-group table: its total row holds numbers, percentages as fractions
    total_row = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Tổng cộng")
    assert list(total_row[2:9]) == [10, 8, 0.8, 5, 0.5, 3, 0.3]
    thon = next(r for r in ws.iter_rows() if r[1].value == "Thôn Đông")
    assert thon[8].value == 0.5 and thon[8].number_format == "0.0%"
    assert ws["A1"].font.name == "Times New Roman"
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert "$A$1:$I$" in str(ws.print_area)  # the print area spans the 9 columns laid out for A4
    assert not list(tmp_path.glob("*.part"))


def test_pdf_headers_and_vietnamese_diacritics_intact(app_ctx, report, tmp_path):
    out = render_pdf(app_ctx, "weekly", report, tmp_path / "bao-cao.pdf")
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) >= 2
        width, height = pdf.pages[0].width, pdf.pages[0].height
        text = unicodedata.normalize("NFC", "\n".join(p.extract_text() or "" for p in pdf.pages))
        fonts = {c["fontname"] for p in pdf.pages for c in p.chars}
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    flat = " ".join(text.split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND PHƯỜNG CẦU GIẤY",
                     "Số: 07/BC-TCĐS", "Cầu Giấy, ngày 28 tháng 11 năm 2026", "BÁO CÁO",
                     "Kết quả triển khai ứng dụng Công dân Thủ đô số (iHaNoi)",
                     "(Tuần từ ngày 23/11/2026 đến ngày 29/11/2026)", "Nơi nhận:", "TỔ TRƯỞNG", "Nguyễn Thị Hồng",
                     "Khó khăn, vướng mắc", "Tổ dân phố số 1", "Thôn Đông", "Không nhận được mã OTP",
                     "Điểm hỗ trợ siêu thị Big C", "Tỷ lệ thành công: 40%"):
        assert expected in flat, expected
    assert " ".join(DIFFICULTY.split()) in flat
    # the font with Vietnamese glyphs is embedded (subset names look like ABCDEF+DejaVuSerif...)
    assert any("DejaVuSerif" in f for f in fonts)
    assert not list(tmp_path.glob("*.part"))


def test_progress_and_complaints_kinds_have_their_own_layout(app_ctx, report, tmp_path):
    from desktop.services.reports.complaints_report import complaints_report
    from desktop.services.reports.progress_report import progress_report

    out = render_xlsx(app_ctx, "progress", progress_report(app_ctx, WEEK), tmp_path / "tien-do.xlsx")
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert (None, "Tổng cộng", 10, 8, 5, 3, 0.3) == rows[[r[1] for r in rows].index("Tổng cộng")][:7]
    pdf_out = render_pdf(app_ctx, "complaints", complaints_report(app_ctx, WEEK), tmp_path / "pa.pdf")
    with pdfplumber.open(pdf_out) as pdf:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Tiếp nhận đúng hạn 2/3 (66,7%); xử lý đúng hạn 1/3 (33,3%)" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


def test_a_dict_of_unknown_shape_still_renders_every_figure(app_ctx, tmp_path):
    from desktop.services.reports.document import as_document

    data = {"period": {"from": "2026-11-01", "to": "2026-11-30"}, "total": 7, "rows": [{"name": "Tổ 1", "n": 7}]}
    doc = as_document("other", data)
    assert doc["doc_type"] == "table_report" and doc["period_line"] == "(Tháng 11 năm 2026)"
    out = render_xlsx(app_ctx, "other", data, tmp_path / "x.xlsx")
    cells = _cells(load_workbook(out).active)
    assert "total" in cells and "Tổ 1" in cells
