"""The official report "Báo cáo kết quả triển khai ứng dụng Công dân Thủ đô số (iHaNoi)".

Laid out as Vietnamese administrative reports are (Nghị định 30/2020/NĐ-CP): the
issuing body and number top left, the national header top right, the place and date
line, the title, numbered sections, then recipients (Nơi nhận) and the signer. Every
figure comes from desktop.services.reports.figures; the text the lead types before export
(difficulties, proposals, recipients, signer) is `ReportInputs`, remembered in the
data folder so the CLI's scheduled reports carry it too.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date

from desktop.core.i18n import N_, _
from desktop.core.period import Period, today_vn
from desktop.core.text import fold
from desktop.core.formatting import decimal, format_date, number, percent
from desktop.services.reports.document import period_line, table
from desktop.services.reports import figures as figures_service
from desktop.services.context import AppContext
from desktop.services.reports.sections import complaints_section

INPUTS_FILE = "report_inputs.json"
NATIONAL_HEADER = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
REPORT_NAME = N_("Kết quả triển khai ứng dụng Công dân Thủ đô số (iHaNoi)")


def _default_recipients() -> list[str]:
    return [
        _("Văn phòng UBND Thành phố (để báo cáo);"),
        _("Thường trực Đảng ủy, HĐND, UBND phường (để báo cáo);"),
        _("Lưu: VT, Tổ CĐS."),
    ]


@dataclass
class ReportInputs:
    """What the lead types before exporting (free text; kept between exports)."""

    number: str = ""
    difficulties: str = ""
    proposals: str = ""
    recipients: list[str] = field(default_factory=list)
    signer_title: str = ""
    signer_name: str = ""

    def cleaned(self) -> "ReportInputs":
        return ReportInputs(
            number=self.number.strip(),
            difficulties=self.difficulties.strip(),
            proposals=self.proposals.strip(),
            recipients=[r.strip() for r in self.recipients if r.strip()],
            signer_title=self.signer_title.strip(),
            signer_name=self.signer_name.strip(),
        )


def load_inputs(ctx: AppContext) -> ReportInputs:
    path = ctx.folder.root / INPUTS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ReportInputs()
    known = {k: v for k, v in data.items() if k in ReportInputs.__dataclass_fields__}
    return ReportInputs(**known)


def save_inputs(ctx: AppContext, inputs: ReportInputs) -> ReportInputs:
    """Write atomically (all or nothing reaches the file)."""
    inputs = inputs.cleaned()
    root = ctx.folder.root
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".report-inputs-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(inputs), fh, ensure_ascii=False, indent=1)
    os.replace(tmp, root / INPUTS_FILE)
    return inputs


# -- registered report kinds ------------------------------------------------------------
def daily_report(ctx: AppContext, period: Period) -> dict:
    return official_report(ctx, period, "daily")


def weekly_report(ctx: AppContext, period: Period) -> dict:
    return official_report(ctx, period, "weekly")


def official_report(
    ctx: AppContext,
    period: Period,
    kind: str = "period",
    inputs: ReportInputs | None = None,
    today: date | None = None,
    figures: dict | None = None,
) -> dict:
    today = today or today_vn()
    inputs = (inputs or load_inputs(ctx)).cleaned()
    figs = figures if figures is not None else figures_service.ward_figures(ctx, period, today)
    return {
        "doc_type": "official_report",
        "kind": kind,
        **letterhead(figs["ward"], inputs, today),
        "title": _("BÁO CÁO"),
        "subtitle": _(REPORT_NAME),
        "period_line": period_line(period),
        "sections": [
            _adoption_section(figs["adoption"]),
            _help_section(figs["help_sessions"]),
            complaints_section(figs["complaints"]),
            _communications_section(figs["communications"]),
            _difficulties_section(inputs),
        ],
        "figures": figs,
    }


def letterhead(ward: dict | None, inputs: ReportInputs, today: date) -> dict:
    """The parts of an administrative document around its body (Nghị định 30/2020): issuing body
    (ward and team) and number top left, the national header and the place-and-date line top right,
    recipients and the signer at the end. Every report document (official, progress, complaints)
    carries the same ones."""
    ward = ward or {}
    name = ward.get("name") or ""
    return {
        "authority": [
            _("UBND {ward}").format(ward=name).upper() if name else "",
            (ward.get("team") or _("Tổ Chuyển đổi số cộng đồng")).upper(),
        ],
        "national_header": list(NATIONAL_HEADER),
        "number": _("Số: {number}/BC-TCĐS").format(number=inputs.number or "      "),
        "place_date": _("{place}, ngày {d:02d} tháng {m:02d} năm {y}").format(
            place=_place_name(name) if name else "……", d=today.day, m=today.month, y=today.year
        ),
        "recipients": inputs.recipients or _default_recipients(),
        "signer_title": (inputs.signer_title or _("Tổ trưởng")).upper(),
        "signer_name": inputs.signer_name,
    }


def _place_name(ward_name: str) -> str:
    for prefix in ("Phường ", "Xã ", "Đặc khu ", "Thị trấn "):
        if fold(ward_name).startswith(fold(prefix)):
            return ward_name[len(prefix):]
    return ward_name


# -- sections ---------------------------------------------------------------------------
STAGE_KEYS = {"da_biet": "know", "da_cai_dat": "installed", "da_tao_tai_khoan": "account"}
STAGE_LABELS = {"know": N_("biết đến iHaNoi"), "installed": N_("cài đặt ứng dụng"), "account": N_("tạo tài khoản")}


def _funnel_columns(first: str) -> list[tuple[str, str]]:
    return [
        (_("TT"), "int"),
        (first, "text"),
        (_("Số cư dân"), "int"),
        (_("Đã biết"), "int"),
        (_("Tỷ lệ"), "pct"),
        (_("Đã cài đặt"), "int"),
        (_("Tỷ lệ"), "pct"),
        (_("Đã tạo tài khoản"), "int"),
        (_("Tỷ lệ"), "pct"),
    ]


def _funnel_row(i: int, name: str, r: dict) -> list:
    return [i, name, r["residents"], r["know"], r["know_pct"], r["installed"], r["installed_pct"], r["account"], r["account_pct"]]


def _adoption_section(a: dict) -> dict:
    """The funnel as it stood at the period's end, what was reached in the period, each target."""
    t = a["total"]
    if t["residents"]:
        reached = _(
            "Tổng số cư dân trong danh sách của tổ: {n}. Đến hết kỳ báo cáo: {know} người đã biết đến iHaNoi ({know_pct}); "
            "{installed} người đã cài đặt ứng dụng ({installed_pct}); {account} người đã tạo tài khoản ({account_pct})."
        ).format(
            n=number(t["residents"]), know=number(t["know"]), know_pct=percent(t["know_pct"]),
            installed=number(t["installed"]), installed_pct=percent(t["installed_pct"]),
            account=number(t["account"]), account_pct=percent(t["account_pct"]),
        )
    else:
        reached = _("Chưa có cư dân nào trong danh sách của tổ.")
    paragraphs = [
        reached,
        _("Trong kỳ: thêm {know} người biết đến, {installed} người cài đặt, {account} người tạo tài khoản.").format(
            know=number(t["new_know"]), installed=number(t["new_installed"]), account=number(t["new_account"])
        ),
    ]
    rows_by_scope = {"tat_ca": t, **{r["code"]: r for r in a["by_target_group"]}}
    for target in a["targets"]:
        row = rows_by_scope.get(target["target_group"])
        if not row or not row.get("target"):
            continue
        paragraphs.append(_target_line(target, row))
    tables = [
        table(_("Theo tổ dân phố / thôn"), _funnel_columns(_("Tổ dân phố / thôn")),
              [_funnel_row(i, r["name"], r) for i, r in enumerate(a["by_group"], 1)]
              + [["", _("Tổng cộng"), *_funnel_row(0, "", t)[2:]]]),
        table(_("Theo nhóm đối tượng"), _funnel_columns(_("Nhóm đối tượng")),
              [_funnel_row(i, r["name"], r) for i, r in enumerate(a["by_target_group"], 1)]),
    ]
    return {"heading": _("1. Kết quả tuyên truyền, hướng dẫn cài đặt và tạo tài khoản iHaNoi"),
            "paragraphs": paragraphs, "tables": tables}


def _target_line(target: dict, row: dict) -> str:
    """One target as it stood at the period's end: days left (or overdue), share reached, number short."""
    goal = row["target"]
    key = STAGE_KEYS.get(target["stage"], "account")
    who = _("cư dân") if target["target_group"] == "tat_ca" else target["name"]
    aim = {"pct": target["percent"], "who": who, "stage": _(STAGE_LABELS[key]), "deadline": format_date(target["deadline"])}
    if goal.get("no_residents") or not row["residents"]:
        return _("Mục tiêu: {pct}% {who} {stage} trước ngày {deadline}: chưa có người nào trong danh sách thuộc "
                 "nhóm này.").format(**aim)
    days = goal["days_left"]
    left = _("còn {n} ngày").format(n=days) if days >= 0 else _("đã quá hạn {n} ngày").format(n=-days)
    text = _("Mục tiêu: {pct}% {who} {stage} trước ngày {deadline} ({left}); hiện đạt {actual}").format(
        **aim, left=left, actual=percent(row[f"{key}_pct"]))
    if goal["met"]:
        return text + _(", đã đạt mục tiêu.")
    if days <= 0:
        return text + _(", còn thiếu {n} người.").format(n=number(goal["remaining"]))
    return text + _(", còn thiếu {n} người (cần bình quân {pace} người/ngày).").format(
        n=number(goal["remaining"]), pace=decimal(goal["pace_per_day"]))


def _help_section(h: dict) -> dict:
    heading = _("2. Hỗ trợ trực tiếp cư dân")
    if not h.get("available"):
        return {"heading": heading, "paragraphs": [_("Chưa có số liệu.")], "tables": []}
    paragraphs = [
        _(
            "Trong kỳ, tổ đã hỗ trợ {total} lượt; thành công {ok} lượt, thành công một phần {partial} lượt, "
            "không thành công {failed} lượt, đang hỗ trợ {ongoing} lượt. Tỷ lệ thành công: {rate}."
        ).format(total=number(h["total"]), ok=number(h["successful"]), partial=number(h["partial"]),
                 failed=number(h["failed"]), ongoing=number(h["ongoing"]), rate=percent(h["success_rate"]))
    ]
    tables = []
    if h["by_campaign"]:
        tables.append(table(_("Theo đợt ra quân / điểm hỗ trợ"),
                            [(_("TT"), "int"), (_("Đợt ra quân / điểm hỗ trợ"), "text"), (_("Số lượt"), "int"),
                             (_("Thành công"), "int"), (_("Tỷ lệ"), "pct")],
                            [[i, r["name"], r["sessions"], r["successful"], r["success_pct"]] for i, r in enumerate(h["by_campaign"], 1)]))
    if h["top_failure_reasons"]:
        tables.append(table(_("Nguyên nhân không thành công thường gặp"),
                            [(_("TT"), "int"), (_("Nguyên nhân"), "text"), (_("Số lượt"), "int")],
                            [[i, r["label"], r["count"]] for i, r in enumerate(h["top_failure_reasons"], 1)]))
    return {"heading": heading, "paragraphs": paragraphs, "tables": tables}


def _communications_section(c: dict) -> dict:
    heading = _("4. Truyền thông, cảnh báo trên iHaNoi")
    if not c.get("available"):
        return {"heading": heading, "paragraphs": [_("Chưa có số liệu.")], "tables": []}
    if c["last_item_on"]:
        last = _("Tin gần nhất đăng ngày {day}, cách {n} ngày.").format(day=format_date(c["last_item_on"]), n=c["days_since_last"])
    else:
        last = _("Chưa đăng tin nào.")
    paragraphs = [_("Trong kỳ đã đăng {n} tin, bài.").format(n=number(c["items_in_period"])) + " " + last]
    if c["overdue"]:
        paragraphs.append(_("Chưa bảo đảm yêu cầu ít nhất {n} ngày một tin (Công điện số 05/CĐ-UBND).").format(n=c["every_days"]))
    return {"heading": heading, "paragraphs": paragraphs, "tables": []}


def _difficulties_section(inputs: ReportInputs) -> dict:
    none = _("Không có.")
    return {
        "heading": _("5. Khó khăn, vướng mắc và đề xuất, kiến nghị"),
        "paragraphs": [
            _("a) Khó khăn, vướng mắc: {text}").format(text=inputs.difficulties or none),
            _("b) Đề xuất, kiến nghị: {text}").format(text=inputs.proposals or none),
        ],
        "tables": [],
    }
