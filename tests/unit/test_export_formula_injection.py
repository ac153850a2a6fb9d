"""Nothing leaves the app as a formula: every exported cell that starts like a formula (= + - @, tab,
CR, their full-width forms) is text in every writer (resident CSV and xlsx lists, the xlsx reports),
read back from the files written (OWASP CSV-injection guidance)."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from desktop.core.cell_text import FORMULA_LEADS, csv_cell, from_csv_cell, is_formula_like
from desktop.services.reports.xlsx_report import render as render_xlsx
from desktop.services.residents import export as rx
from desktop.services.residents import residents as svc
from desktop.store.models import Resident, ResidentialGroup
from tests.support.report_fixture import TODAY, WEEK, build_report_ward

# One payload per dangerous first character (the cases among them).
PAYLOADS = [
    '=HYPERLINK("http://evil.example","y")',
    "=cmd|' /C calc'!A0",
    '=IMPORTXML("http://evil.example","//a")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝HYPERLINK(\"http://evil.example\",\"y\")",
    "＋1+1",
    "－1+1",
    "＠SUM(1,1)",
]


def test_every_lead_is_covered_by_a_payload():
    assert {p[0] for p in PAYLOADS} == set(FORMULA_LEADS)
    assert all(is_formula_like(p) for p in PAYLOADS)
    assert not is_formula_like("Nguyễn Văn An") and not is_formula_like("")


def test_csv_guard_round_trips():
    for text in [*PAYLOADS, "'=already quoted", "'plain", "Nguyễn Văn An", "0912345678"]:
        assert from_csv_cell(csv_cell(text)) == text
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell(7) == 7 and csv_cell(-7) == -7  # numbers stay numbers


@pytest.fixture
def risky_ward(app_ctx):
    """A resident per payload with it in name-free fields, and residential groups named by payloads
    (written past validation, as data synced from elsewhere could arrive)."""
    ids = []
    for i, _payload in enumerate(PAYLOADS):
        detail = svc.register_resident(app_ctx, svc.ResidentInput(full_name=f"Người Thử {chr(65 + i)}", address_detail="x"))
        ids.append(detail.id)
    with app_ctx.write() as s:
        for rid, payload in zip(ids, PAYLOADS):
            s.execute(update(Resident).where(Resident.id == rid).values(
                full_name=payload, address_detail=payload, workplace=payload, notes=payload))
    return app_ctx


def _in_xlsx(payload: str) -> str:
    """XML reads a bare carriage return back as a line feed (still text, still no formula)."""
    return payload.replace("\r", "\n")


def _assert_no_formula(path) -> set[str]:
    wb = load_workbook(path)
    texts = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert c.data_type == "s", (c.coordinate, c.value)
                    texts.add(c.value)
    return texts


def test_resident_exports_write_every_payload_as_text(risky_ward, tmp_path):
    out_xlsx, out_csv = tmp_path / "cu-dan.xlsx", tmp_path / "cu-dan.csv"
    assert rx.export_residents(risky_ward, out_xlsx) == len(PAYLOADS)
    texts = _assert_no_formula(out_xlsx)
    for payload in PAYLOADS:
        assert _in_xlsx(payload) in texts, payload  # the value itself, as text

    assert rx.export_residents(risky_ward, out_csv) == len(PAYLOADS)
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    cells = [c for row in rows[1:] for c in row]
    for c in cells:
        assert not is_formula_like(c), repr(c)
    for payload in PAYLOADS:
        assert "'" + payload in cells, payload


def test_reports_write_dangerous_group_names_as_text(app_ctx, tmp_path):
    build_report_ward(app_ctx)
    with app_ctx.write() as s:
        groups = list(s.scalars(select(ResidentialGroup).order_by(ResidentialGroup.sort_order)))
        for i, payload in enumerate(PAYLOADS):
            if i < len(groups):
                groups[i].name = payload
            else:
                s.add(ResidentialGroup(name=payload, name_folded=payload.lower(), kind="to_dan_pho", sort_order=10 + i))
    from desktop.services.reports.complaints_report import complaints_report
    from desktop.services.reports.official_report import official_report
    from desktop.services.reports.progress_report import progress_report

    docs = {"progress": progress_report(app_ctx, WEEK), "complaints": complaints_report(app_ctx, WEEK),
            "daily": official_report(app_ctx, WEEK, "daily", today=TODAY),
            "weekly": official_report(app_ctx, WEEK, "weekly", today=TODAY)}
    for kind, data in docs.items():
        texts = _assert_no_formula(render_xlsx(app_ctx, kind, data, tmp_path / f"{kind}.xlsx"))
        if kind != "complaints":  # the complaints report has no per-group table
            for payload in PAYLOADS:
                assert any(_in_xlsx(payload) in t for t in texts), (kind, payload)


def test_control_characters_in_stored_text_never_break_an_xlsx_export(app_ctx, tmp_path):
    """Data stored before the import refused control characters (or synced in) still exports."""
    rid = svc.register_resident(app_ctx, svc.ResidentInput(full_name="Lê Văn Cũ")).id
    with app_ctx.write() as s:
        s.execute(update(Resident).where(Resident.id == rid).values(notes="a\x00b\x1bc\x0bd"))
    out = tmp_path / "cu.xlsx"
    assert rx.export_residents(app_ctx, out) == 1
    assert "abcd" in _assert_no_formula(out)


def test_an_exported_csv_imports_back_without_the_guard(app_ctx, tmp_path):
    """IT staff re-importing our CSV get the values, not the apostrophes the export added."""
    from desktop.services.context import open_context
    from desktop.services.residents.importing import import_residents
    from desktop.services.setup.ward_setup import initialize_ward

    notes = [p.strip() for p in PAYLOADS] + ["'đã có dấu nháy", "bình thường"]
    for i, note in enumerate(notes):
        svc.register_resident(app_ctx, svc.ResidentInput(full_name=f"Người Thử {chr(65 + i)}", notes=note))
    out = tmp_path / "cu-dan.csv"
    rx.export_residents(app_ctx, out)
    other = open_context(str(tmp_path / "other"), actor="Người kiểm thử")
    try:
        initialize_ward(other, "00166", "", [])
        report = import_residents(other, out)
        assert report.imported == len(notes), report.rejected
        with other.read() as s:
            stored = set(s.scalars(select(Resident.notes)))
    finally:
        other.close()
    assert stored == set(notes)
