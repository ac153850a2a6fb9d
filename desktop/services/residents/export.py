"""Export the residents of the current filter to .xlsx or .csv (UTF-8 with BOM for Excel).

Every cell goes through `core.cell_text`: text that looks like a formula stays text.

Exports carry personal data unmasked (the ward sends them upward): only roles with the
export permission (team lead, admin) may export, and every export is audited.
"""

from __future__ import annotations

import csv
from pathlib import Path

from desktop.core.cell_text import csv_cell, put_text
from desktop.core.i18n import _
from desktop.core.formatting import format_date
from desktop.core.vocab import ADOPTION_STAGES, SEXES, TARGET_GROUPS
from desktop.services.people import privacy
from desktop.services.residents import residents as svc
from desktop.services.context import AppContext
from desktop.services.output_file import writing


class ExportError(ValueError):
    pass


def headers() -> list[str]:
    return [_("STT"), _("Họ và tên"), _("Ngày sinh"), _("Năm sinh"), _("Giới tính"), _("Số CCCD"), _("Số CMND"),
            _("Số điện thoại"), _("Tổ dân phố / thôn"), _("Địa chỉ"), _("Đối tượng"), _("Nơi làm việc / học tập"),
            _("iHaNoi"), _("Ngày biết"), _("Ngày cài đặt"), _("Ngày tạo tài khoản"), _("Đồng ý"), _("Ghi chú")]


def _phone(p: str | None) -> str:
    return "0" + p[3:] if p and p.startswith("+84") else (p or "")


def row_of(n: int, d: svc.ResidentDetail) -> list:
    return [n, d.full_name, format_date(d.birth_date), d.birth_year or "", _(SEXES[d.sex]) if d.sex else "",
            d.cccd or "", d.cmnd or "", _phone(d.phone), d.residential_group, d.address_detail,
            _(TARGET_GROUPS.get(d.target_group, d.target_group)), d.workplace,
            _(ADOPTION_STAGES.get(d.adoption_stage, d.adoption_stage)), format_date(d.aware_on),
            format_date(d.installed_on), format_date(d.account_on), _("Có") if d.consent_given else _("Không"), d.notes]


CSV_SEPARATORS = {"semicolon": ";", "comma": ","}  # ";" is what Excel expects under Vietnamese regional settings


def export_residents(ctx: AppContext, path: str | Path, flt: svc.ResidentFilter | None = None, control=None,
                     separator: str = ",") -> int:
    """Write the residents of `flt` in list order; returns how many. Written to a temp file, then moved.

    `separator` of a CSV file: "," or ";" (Excel with Vietnamese regional settings splits on ";", so a
    double-clicked file opens in columns)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ExportError(_("Chỉ xuất được ra tệp .xlsx hoặc .csv (tệp {file}).").format(file=path.name))
    if separator not in CSV_SEPARATORS.values():
        raise ExportError(_("Dấu phân cách CSV chỉ có thể là «;» hoặc «,»."))
    total = svc.count_residents(ctx, flt)
    privacy.authorize_export(ctx, "resident", total, suffix.lstrip("."))
    n = 0
    with writing(path) as tmp:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh, delimiter=separator)
                w.writerow([csv_cell(h) for h in headers()])
                for d in svc.iter_details(ctx, flt):
                    n += 1
                    w.writerow([csv_cell(v) for v in row_of(n, d)])
                    _tick(control, n, total)
        else:
            from openpyxl import Workbook
            from openpyxl.cell import WriteOnlyCell

            wb = Workbook(write_only=True)
            ws = wb.create_sheet(_("Cư dân"))

            def cells(values: list) -> list:  # text is written as text, never as a formula
                return [put_text(WriteOnlyCell(ws), v) for v in values]

            ws.append(cells(headers()))
            for d in svc.iter_details(ctx, flt):
                n += 1
                ws.append(cells(row_of(n, d)))
                _tick(control, n, total)
            wb.save(tmp)
    return n


def _tick(control, n: int, total: int) -> None:
    if control is not None and n % 1000 == 0:
        if control.cancelled:
            raise ExportCancelled()
        control.report(n, total, "")


class ExportCancelled(Exception):
    pass
