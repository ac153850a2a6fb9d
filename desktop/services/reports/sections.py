"""The complaints section of the official report, laid out from the complaints area's figures."""

from __future__ import annotations

from desktop.core.i18n import _
from desktop.core.formatting import decimal, no_data, number, percent
from desktop.services.reports.document import table


def _num(value) -> str:
    return decimal(value) if isinstance(value, float) or value is None else number(value)


def _with_unit(value, words: str) -> str:
    """A figure with its unit ("12,5 giờ làm việc", "4,2/5"), or "Chưa có số liệu" alone: never "- giờ"."""
    return no_data() if value is None else words.format(n=_num(value))


def complaints_section(c: dict) -> dict:
    heading = _("3. Tiếp nhận, xử lý phản ánh, kiến nghị của cư dân")
    if not c.get("available"):
        return {"heading": heading, "paragraphs": [_("Chưa có số liệu.")], "tables": []}
    acc, han = c["acceptance"], c["handling"]
    sat = c.get("satisfaction", {})
    paragraphs = [
        _("Trong kỳ đã ghi nhận {n} phản ánh, kiến nghị; đến hết kỳ có {overdue} phản ánh quá hạn.").format(
            n=number(c["total"]), overdue=number(c["overdue_now"])),
        _("Tiếp nhận đúng hạn {on_time}/{decided} ({pct}); xử lý đúng hạn {h_on_time}/{h_decided} ({h_pct}). "
          "Thời gian xử lý bình quân: {hours}.").format(
            on_time=number(acc["on_time"]), decided=number(acc["on_time"] + acc["late"]),
            pct=percent(c["acceptance_on_time_pct"]), h_on_time=number(han["on_time"]),
            h_decided=number(han["on_time"] + han["late"]), h_pct=percent(c["handling_on_time_pct"]),
            hours=_with_unit(c.get("average_handling_working_hours"), _("{n} giờ làm việc"))),
        _("Đã lấy ý kiến {n} lượt; điểm hài lòng bình quân: {avg}.").format(
            n=number(sat.get("responses", 0)), avg=_with_unit(sat.get("average_rating"), _("{n}/5"))),
        *(_("Ghi chú: {note}").format(note=note) for note in c.get("notes", [])),
    ]
    count_cols = [(_("TT"), "int"), (_("Nội dung"), "text"), (_("Số lượng"), "int")]
    tables = []
    for key, title in (("status_rows", _("Theo trạng thái")),
                       ("satisfaction_rows", _("Cư dân đánh giá vấn đề đã được giải quyết"))):
        items = [r for r in c.get(key, []) if r["count"] or key != "status_rows"]  # statuses in use only
        rows = [[i, r["label"], r["count"]] for i, r in enumerate(items, 1)]
        if rows:
            tables.append(table(title, count_cols, rows))
    return {"heading": heading, "paragraphs": paragraphs, "tables": tables}
