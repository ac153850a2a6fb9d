"""The report document: plain data both renderers (xlsx, pdf) lay out the same way.

    {"doc_type": "official_report" | "table_report",
     "authority": [lines, top left], "national_header": [2 lines, top right],
     "number": "Số: .../BC-TCĐS", "place_date": "Cầu Giấy, ngày ...",
     "title": "BÁO CÁO", "subtitle": "...", "period_line": "(...)",
     "sections": [{"heading": str, "paragraphs": [str], "tables": [TABLE]}],
     "recipients": [str], "signer_title": str, "signer_name": str}

    TABLE = {"title": str, "columns": [str], "kinds": ["text"|"int"|"pct"], "rows": [[cell]]}

Percent cells hold numbers 0-100 (or None); renderers format them Vietnamese style. A number
that is None (nothing to count: a group with nobody in it, no complaint decided yet) reads
`no_data()`, "Chưa có số liệu", in every report, table and screen.
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop.core.formatting import format_date, number, percent
from desktop.core.i18n import _
from desktop.core.period import Period


def fmt_cell(value, kind: str) -> str:
    if kind == "pct":
        return percent(value)
    if kind == "int":
        return number(value)
    return "" if value is None else str(value)


def table(title: str, columns: list[tuple[str, str]], rows: list[list]) -> dict:
    """columns: [(heading, kind)]."""
    return {"title": title, "columns": [c for c, _k in columns], "kinds": [k for _c, k in columns], "rows": rows}


def _scalar_kind(value) -> str:
    if isinstance(value, bool):
        return "text"
    if isinstance(value, int):
        return "int"
    return "text"


def generic_document(kind: str, data: dict) -> dict:
    """Lay out any report dict (progress, complaints, ...) as key/value lines and tables,
    so every kind can be written to xlsx and pdf from its one dict."""
    sections = []
    scalars = [[str(k), v if not isinstance(v, bool) else (_("có") if v else _("không"))]
               for k, v in data.items() if not isinstance(v, (dict, list))]
    if scalars:
        sections.append({"heading": _("Tổng hợp"), "paragraphs": [], "tables": [
            table("", [(_("Chỉ tiêu"), "text"), (_("Giá trị"), "text")], [[k, fmt_cell(v, _scalar_kind(v))] for k, v in scalars])
        ]})
    for key, value in data.items():
        if isinstance(value, dict):
            flat = [[k, v] for k, v in value.items() if not isinstance(v, (dict, list))]
            tables = []
            if flat:
                tables.append(table("", [(_("Chỉ tiêu"), "text"), (_("Giá trị"), "text")], [[str(k), fmt_cell(v, _scalar_kind(v))] for k, v in flat]))
            for sub, subval in value.items():
                if isinstance(subval, list) and subval and isinstance(subval[0], dict):
                    tables.append(_list_table(str(sub), subval))
            if tables:
                sections.append({"heading": str(key), "paragraphs": [], "tables": tables})
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            sections.append({"heading": str(key), "paragraphs": [], "tables": [_list_table("", value)]})
    return {
        "doc_type": "table_report",
        "authority": [],
        "national_header": [],
        "number": "",
        "place_date": "",
        "title": _("BÁO CÁO"),
        "subtitle": str(kind),
        "period_line": period_line(data.get("period")),
        "sections": sections,
        "recipients": [],
        "signer_title": "",
        "signer_name": "",
    }


def _list_table(title: str, items: list[dict]) -> dict:
    keys: list[str] = []
    for item in items:
        for k, v in item.items():
            if k not in keys and not isinstance(v, (dict, list)):
                keys.append(k)
    kinds = []
    for k in keys:
        sample = next((i.get(k) for i in items if i.get(k) is not None), None)
        kinds.append(_scalar_kind(sample))
    rows = [[item.get(k) if kinds[i] == "int" else ("" if item.get(k) is None else str(item.get(k))) for i, k in enumerate(keys)] for item in items]
    return {"title": title, "columns": keys, "kinds": kinds, "rows": rows}


def period_line(period: Period | dict | None) -> str:
    """The line under a report's title, following the period: one day, a week (Monday to
    Sunday), a calendar month, or any other range. "" for no period."""
    if isinstance(period, dict):
        if not (period.get("from") and period.get("to")):
            return ""
        period = Period(date.fromisoformat(period["from"]), date.fromisoformat(period["to"]))
    if period is None:
        return ""
    start, end = period.start, period.end
    if start == end:
        return _("(Ngày {day})").format(day=format_date(start))
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return _("(Tuần từ ngày {start} đến ngày {end})").format(start=format_date(start), end=format_date(end))
    if start.day == 1 and (end + timedelta(days=1)).day == 1 and (start.year, start.month) == (end.year, end.month):
        month = f"{start.month:02d}" if start.month < 3 else str(start.month)  # Nghị định 30/2020: 01, 02
        return _("(Tháng {month} năm {year})").format(month=month, year=start.year)
    return _("(Từ ngày {start} đến ngày {end})").format(start=format_date(start), end=format_date(end))


def as_document(kind: str, data: dict, inputs=None) -> dict:
    """The document for a report dict: official reports carry theirs; others get the generic layout.
    `inputs` (the lead's ReportInputs: number, recipients, signer) fill the letterhead of kinds built here."""
    if data.get("doc_type") in ("official_report", "table_report"):
        return data
    from desktop.services.reports.documents import BUILDERS  # kinds with a layout of their own

    builder = BUILDERS.get(kind)
    if builder is not None:
        try:
            return builder(data, inputs)
        except (KeyError, TypeError):
            pass  # a dict of another shape: the generic layout still shows every figure
    return generic_document(kind, data)
