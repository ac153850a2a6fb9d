"""Report documents for the `progress` and `complaints` kinds, laid out from their own dicts
(the same dict `--format json` prints), so their .xlsx and .pdf read like the official report."""

from __future__ import annotations

from datetime import date

from desktop.core.i18n import N_, _
from desktop.core.formatting import format_date, number, percent
from desktop.core.period import today_vn
from desktop.services.reports.document import period_line, table
from desktop.services.reports.figures_activity import labelled_complaints
from desktop.services.reports.official_report import ReportInputs, letterhead, load_inputs
from desktop.services.reports.sections import complaints_section

ACTIVITY = {
    "help_sessions": N_("Lượt hỗ trợ"),
    "successful_sessions": N_("Lượt hỗ trợ thành công"),
    "campaigns": N_("Đợt ra quân, điểm hỗ trợ"),
    "campaigns_outside_office_hours": N_("Trong đó ngoài giờ hành chính, thứ Bảy, Chủ nhật"),
    "training_classes": N_("Lớp tập huấn"),
    "training_attendance": N_("Lượt người dự tập huấn"),
}

# The city's indicators, in the order the city reads them: (key, label, "int" | "pct").
INDICATORS = (
    ("population_15_plus", N_("Dân số từ 15 tuổi trở lên (số liệu chính thức)"), "int"),
    ("smartphone_owners_15_plus", N_("Trong đó có điện thoại thông minh"), "int"),
    ("accounts_total", N_("Tổng số tài khoản iHaNoi đến hết kỳ"), "int"),
    ("accounts_new_in_period", N_("Tài khoản mới trong kỳ"), "int"),
    ("share_of_15_plus", N_("Tỷ lệ trên dân số từ 15 tuổi"), "pct"),
    ("share_of_smartphone_owners", N_("Tỷ lệ trên số người có điện thoại thông minh"), "pct"),
    ("people_still_to_reach", N_("Số người còn phải vận động"), "int"),
    ("officials_total", N_("Cán bộ, công chức, viên chức của phường"), "int"),
    ("officials_with_account", N_("Trong đó đã có tài khoản"), "int"),
    ("share_of_officials", N_("Tỷ lệ cán bộ, công chức có tài khoản"), "pct"),
    ("households_total", N_("Số hộ gia đình (số liệu chính thức)"), "int"),
    ("households_covered", N_("Số hộ đã phủ kín (mọi thành viên có tài khoản)"), "int"),
)


def _indicators_section(data: dict) -> dict:
    ind = data.get("indicators") or {}
    rows = [[_(label), percent(ind.get(key)) if kind == "pct" else number(ind.get(key))]
            for key, label, kind in INDICATORS]
    source = ind.get("figures_source")
    paragraphs = [*ind.get("warnings", []), *ind.get("notes", [])]
    if ind.get("figures_year"):
        paragraphs.insert(0, _("Số liệu chính thức năm {year}{source}.").format(
            year=ind["figures_year"], source=_(" (nguồn: {source})").format(source=source) if source else ""))
    return {"heading": _("4. Chỉ tiêu của thành phố"), "paragraphs": paragraphs,
            "tables": [table("", [(_("Chỉ tiêu"), "text"), (_("Số liệu"), "text")], rows)]}


def _training_section(data: dict) -> dict:
    t = data.get("training") or {}
    heading = _("5. Phổ cập kỹ năng số (Bình dân học vụ số)")
    if not t.get("classes"):
        return {"heading": heading, "paragraphs": [_("Trong kỳ chưa có lớp tập huấn.")], "tables": []}
    classes = table(_("Theo lớp"), [(_("TT"), "int"), (_("Ngày"), "text"), (_("Địa điểm"), "text"),
                                    (_("Đối tượng"), "text"), (_("Số người được tập huấn"), "int")],
                    [[i, format_date(c["held_on"]), c["place"], c["audience_name"], c["trained"]]
                     for i, c in enumerate(t["classes"], 1)])
    groups = table(_("Theo nhóm đối tượng"), [(_("Đối tượng"), "text"), (_("Số lớp"), "int"),
                                              (_("Số người được tập huấn"), "int")],
                   [[g["name"], g["classes"], g["trained"]] for g in t["by_target_group"]]
                   + [[_("Tổng cộng"), t["total_classes"], t["total_trained"]]])
    return {"heading": heading, "paragraphs": [], "tables": [classes, groups]}


def _head(ward: dict | None, subtitle: str, period: dict, inputs: ReportInputs | None = None,
          today: date | None = None) -> dict:
    return {
        "doc_type": "table_report",
        **letterhead(ward, inputs or ReportInputs(), today or today_vn()),
        "title": _("BÁO CÁO"),
        "subtitle": subtitle,
        "period_line": period_line(period),
        "sections": [],
    }


def _funnel_table(title: str, first: str, rows: list[dict]) -> dict:
    cols = [(_("TT"), "int"), (first, "text"), (_("Số cư dân"), "int"), (_("Đã biết"), "int"), (_("Đã cài đặt"), "int"),
            (_("Đã tạo tài khoản"), "int"), (_("Tỷ lệ"), "pct"), (_("Mục tiêu %"), "int"), (_("Hạn"), "text"),
            (_("Còn thiếu"), "int")]
    out = []
    for i, r in enumerate(rows, 1):
        goal = r.get("target") or {}
        out.append([i if r.get("id", "") != "total" else "", r["name"], r["total"], r["aware"], r["installed"], r["account"], r["account_percent"],
                    goal.get("percent"), format_date(goal.get("deadline")), goal.get("remaining")])
    return table(title, cols, out)


def progress_document(data: dict, inputs: ReportInputs | None = None) -> dict:
    doc = _head(data.get("ward"), _("Tiến độ triển khai ứng dụng Công dân Thủ đô số (iHaNoi)"), data["period"], inputs)
    t = data["totals"]
    doc["sections"] = [
        {"heading": _("1. Tiến độ theo tổ dân phố / thôn"), "paragraphs": [],
         "tables": [_funnel_table("", _("Tổ dân phố / thôn"), data["by_residential_group"]
                                  + [{"id": "total", "name": _("Tổng cộng"), **t}])]},
        {"heading": _("2. Tiến độ theo nhóm đối tượng"), "paragraphs": [],
         "tables": [_funnel_table("", _("Nhóm đối tượng"), data["by_target_group"])]},
        {"heading": _("3. Hoạt động trong kỳ"), "paragraphs": [data.get("communications", {}).get("message", "")],
         "tables": [table("", [(_("Chỉ tiêu"), "text"), (_("Số liệu"), "int")],
                          [[_(label), data["activity"].get(key, 0)] for key, label in ACTIVITY.items()])]},
        _indicators_section(data),
        _training_section(data),
    ]
    return doc


def complaints_document(data: dict, inputs: ReportInputs | None = None) -> dict:
    doc = _head(data.get("ward"), _("Tiếp nhận, xử lý phản ánh, kiến nghị của cư dân"), data["period"], inputs)
    section = complaints_section(labelled_complaints(data))
    section["heading"] = ""
    doc["sections"] = [section]
    return doc


BUILDERS = {"progress": progress_document, "complaints": complaints_document}


def document_for(ctx, kind: str, data: dict) -> dict:
    """The document both writers (xlsx, PDF) lay out: the lead's number, recipients and signer (as
    typed on the Reports page) in the letterhead of every kind."""
    from desktop.services.reports.document import as_document

    return as_document(kind, data, load_inputs(ctx) if ctx is not None else None)
