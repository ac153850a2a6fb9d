"""The reports page: the dashboard (charts with their tables) for a date range, and the export panel.

Every number comes from desktop.services.reports.figures.ward_figures, computed off the UI thread.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import N_
from desktop.core.period import Period, today_vn
from desktop.gui.appearance import follow_look, role_colour
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.gui.reports.charts import ChartPanel
from desktop.gui.reports.export_panel import ExportPanel
from desktop.core.formatting import days_left, decimal, format_date, number, percent
from desktop.gui.reports.ward_figures_form import WardFiguresForm
from desktop.services.reports.figures import ward_figures

PRESETS = [
    ("week", N_("Tuần này")),
    ("today", N_("Hôm nay")),
    ("last7", N_("7 ngày qua")),
    ("last30", N_("30 ngày qua")),
    ("month", N_("Tháng này")),
    ("year", N_("Từ đầu năm")),
    ("custom", N_("Tùy chọn")),
]
# Record kinds whose changes move the figures.
KINDS_SHOWN = frozenset({"resident", "help_session", "campaign", "complaint", "complaint_feedback",
                         "communication_item", "outreach_target", "residential_group", "ward_figures",
                         "training_class"})


def preset_period(key: str, today: date) -> Period:
    if key == "today":
        return Period(today, today)
    if key == "last7":
        return Period(today - timedelta(days=6), today)
    if key == "last30":
        return Period(today - timedelta(days=29), today)
    if key == "month":
        return Period(today.replace(day=1), today)
    if key == "year":
        return Period(date(today.year, 1, 1), today)
    return Period.for_kind("weekly", None, None, today=today)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportsPage(QWidget):
    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self.figures: dict | None = None
        self._stale = False
        self.preset = QComboBox(self)
        for key, label in PRESETS:
            self.preset.addItem(tr(label), key)
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.refresh_button = QPushButton(tr("Làm mới (F5)"), self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Kỳ báo cáo:"), self))
        bar.addWidget(self.preset)
        bar.addWidget(QLabel(tr("Từ ngày"), self))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(tr("đến ngày"), self))
        bar.addWidget(self.date_to)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        self.state = QLabel(self)
        self.state.setObjectName("reportsState")
        self.summary = QLabel(self)
        self.summary.setObjectName("reportsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary.setMargin(6)
        follow_look(self.summary, lambda: self.figures and self._summary(self.figures))

        self.tabs = QTabWidget(self)
        self.groups_chart = ChartPanel(tr("Tiến độ theo tổ dân phố / thôn (%)"))
        self.target_chart = ChartPanel(tr("Tiến độ theo nhóm đối tượng (%)"))
        self.days_chart = ChartPanel(tr("Lượt hỗ trợ mỗi ngày (30 ngày)"))
        self.campaign_chart = ChartPanel(tr("Lượt hỗ trợ theo đợt ra quân / điểm hỗ trợ"))
        self.reasons_chart = ChartPanel(tr("Nguyên nhân không thành công thường gặp"))
        self.status_chart = ChartPanel(tr("Phản ánh theo trạng thái"))
        self.satisfaction_chart = ChartPanel(tr("Cư dân đánh giá vấn đề đã được giải quyết"))
        self.help_label = QLabel(self)
        self.complaints_label = QLabel(self)
        for label in (self.help_label, self.complaints_label):
            label.setWordWrap(True)
        self.tabs.addTab(self._scroll(self.groups_chart, self.target_chart), tr("Tiến độ cài đặt"))
        self.tabs.addTab(self._scroll(self.help_label, self.days_chart, self.campaign_chart, self.reasons_chart),
                         tr("Hỗ trợ trực tiếp"))
        self.tabs.addTab(self._scroll(self.complaints_label, self.status_chart, self.satisfaction_chart), tr("Phản ánh"))
        self.export_panel = ExportPanel(gui, self)
        export_tab = self.tabs.addTab(self._scroll(self.export_panel), tr("Xuất báo cáo"))
        self.ward_figures = WardFiguresForm(gui, self)
        self.tabs.addTab(self._scroll(self.ward_figures), tr("Số liệu của phường"))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)

        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # the export panel from the keyboard (its own Ctrl+E / Ctrl+P then write the files)
        export = QShortcut(QKeySequence("Ctrl+Shift+E"), self, lambda: self.tabs.setCurrentIndex(export_tab),
                           context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        export.setWhatsThis(tr("Xuất báo cáo"))  # named so the shortcut list (Ctrl+/) shows it
        gui.bus.changed.connect(self._on_changed)
        self._setting_dates = False
        self._preset_changed()

    # -- period -----------------------------------------------------------------------
    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        return edit

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        if key == "custom":
            return
        period = preset_period(key, today_vn())
        self._setting_dates = True
        self.date_from.setDate(_qdate(period.start))
        self.date_to.setDate(_qdate(period.end))
        self._setting_dates = False
        self.refresh()

    def _dates_edited(self) -> None:
        if self._setting_dates:
            return
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.refresh()

    def period(self) -> Period:
        start, end = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        return Period(min(start, end), max(start, end))

    def set_period(self, start: date, end: date) -> None:
        self._setting_dates = True
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))
        self._setting_dates = False
        self.refresh()

    def report_kind(self) -> str:
        period = self.period()
        if period.start == period.end:
            return "daily"
        return "weekly" if self.preset.currentData() == "week" else "period"

    # -- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        period = self.period()
        self.export_panel.set_period(period, self.report_kind())
        self.state.setText(tr("Đang tính số liệu…"))
        self.gui.read(ward_figures, period, on_done=self.show_figures, on_error=self._failed, key="reports.figures")

    def _on_changed(self, kinds: frozenset) -> None:
        if kinds & KINDS_SHOWN:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.state.setText(tr("Không tính được số liệu: {reason}").format(reason=str(exc)))

    # -- showing ----------------------------------------------------------------------
    def _scroll(self, *widgets: QWidget) -> QScrollArea:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for w in widgets:
            layout.addWidget(w)
        layout.addStretch(1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(inner)
        return area

    def show_figures(self, figs: dict) -> None:
        self.figures = figs
        p = figs["period"]
        self.state.setText(tr("Số liệu từ {start} đến {end}.").format(start=format_date(p["from"]), end=format_date(p["to"])))
        self._summary(figs)
        self._adoption(figs["adoption"])
        self._help(figs["help_sessions"])
        self._complaints(figs["complaints"])

    def _summary(self, f: dict) -> None:
        t = f["adoption"]["total"]
        h, c, m = f["help_sessions"], f["complaints"], f["communications"]
        if m.get("last_item_on"):
            comm = tr("Tin truyền thông gần nhất: {day} ({n} ngày trước)").format(
                day=format_date(m["last_item_on"]), n=m["days_since_last"])
        else:
            comm = tr("Chưa đăng tin truyền thông nào")
        if m.get("overdue"):
            comm = f'<span style="color:{role_colour("error")}"><b>{comm} — {tr("quá 3 ngày chưa đăng tin")}</b></span>'
        parts = [
            tr("Cư dân: <b>{n}</b>").format(n=number(t["residents"])),
            tr("Đã biết: <b>{pct}</b>").format(pct=percent(t["know_pct"])),
            tr("Đã cài đặt: <b>{pct}</b>").format(pct=percent(t["installed_pct"])),
            tr("Đã tạo tài khoản: <b>{pct}</b>").format(pct=percent(t["account_pct"])),
            tr("Lượt hỗ trợ: <b>{n}</b>, thành công <b>{pct}</b>").format(
                n=number(h.get("total", 0)), pct=percent(h.get("success_rate"))),
            tr("Phản ánh tiếp nhận đúng hạn: <b>{a}</b>, xử lý đúng hạn: <b>{b}</b>").format(
                a=percent(c.get("acceptance_on_time_pct")), b=percent(c.get("handling_on_time_pct"))),
        ]
        self.summary.setText(" · ".join(parts) + "<br/>" + self._city_line(f["adoption"].get("indicators") or {}) + "<br/>" + comm)

    @staticmethod
    def _city_line(ind: dict) -> str:
        """The city's indicators over the ward's official figures, and their warnings."""
        line = " · ".join((
            tr("Tài khoản / dân số từ 15 tuổi: <b>{pct}</b> ({n}/{d})").format(
                pct=percent(ind.get("share_of_15_plus")), n=number(ind.get("accounts_total")),
                d=number(ind.get("population_15_plus"))),
            tr("trên số người có điện thoại thông minh: <b>{pct}</b>").format(pct=percent(ind.get("share_of_smartphone_owners"))),
            tr("còn phải vận động: <b>{n}</b>").format(n=number(ind.get("people_still_to_reach"))),
            tr("cán bộ, công chức: <b>{pct}</b>").format(pct=percent(ind.get("share_of_officials"))),
        ))
        for warning in ind.get("warnings", []):
            line += f"<br/><b>⚠ {warning}</b>"
        return line

    def _funnel_panel(self, panel: ChartPanel, rows: list[dict], target: float | None) -> None:
        labels = [r["name"] for r in rows]
        panel.bars(labels, [(tr("Đã biết"), [r["know_pct"] for r in rows]),
                            (tr("Đã cài đặt"), [r["installed_pct"] for r in rows]),
                            (tr("Đã tạo tài khoản"), [r["account_pct"] for r in rows])], target=target, x_max=105)
        table_rows = []
        for r in rows:
            goal = r.get("target") or {}
            table_rows.append([r["name"], r["residents"], r["know"], r["know_pct"], r["installed"], r["installed_pct"],
                               r["account"], r["account_pct"], goal.get("percent"), format_date(goal.get("deadline")),
                               days_left(goal["days_left"]) if goal else "", goal.get("remaining")])
        panel.set_table(
            [tr("Tên"), tr("Cư dân"), tr("Đã biết"), "%", tr("Đã cài đặt"), "%", tr("Đã tạo TK"), "%",
             tr("Mục tiêu %"), tr("Hạn"), tr("Còn (ngày)"), tr("Còn thiếu")],
            ["text", "int", "int", "pct", "int", "pct", "int", "pct", "int", "text", "text", "int"], table_rows)

    def _adoption(self, a: dict) -> None:
        target = (a["total"].get("target") or {}).get("percent")
        self._funnel_panel(self.groups_chart, a["by_group"], target)
        self._funnel_panel(self.target_chart, a["by_target_group"], None)

    def _help(self, h: dict) -> None:
        if not h.get("available"):
            self.help_label.setText(tr("Chưa có số liệu."))
            return
        self.help_label.setText(tr(
            "Trong kỳ: {total} lượt hỗ trợ; thành công {ok}, một phần {partial}, không thành công {failed}, "
            "đang hỗ trợ {ongoing}. Tỷ lệ thành công (trên lượt đã kết thúc): {rate}.").format(
            total=number(h["total"]), ok=number(h["successful"]), partial=number(h["partial"]),
            failed=number(h["failed"]), ongoing=number(h["ongoing"]), rate=percent(h["success_rate"])))
        days = h["per_day"]
        labels = [format_date(d["date"])[:5] for d in days]
        self.days_chart.line(labels, [(tr("Lượt hỗ trợ"), [d["sessions"] for d in days]),
                                      (tr("Thành công"), [d["successful"] for d in days])])
        self.days_chart.set_table([tr("Ngày"), tr("Lượt hỗ trợ"), tr("Thành công")], ["text", "int", "int"],
                                  [[format_date(d["date"]), d["sessions"], d["successful"]] for d in reversed(days)])
        camps = h["by_campaign"]
        self.campaign_chart.bars([c["name"] for c in camps], [(tr("Lượt hỗ trợ"), [c["sessions"] for c in camps]),
                                                              (tr("Thành công"), [c["successful"] for c in camps])])
        self.campaign_chart.set_table([tr("Đợt ra quân / điểm hỗ trợ"), tr("Lượt"), tr("Thành công"), tr("Tỷ lệ")],
                                      ["text", "int", "int", "pct"],
                                      [[c["name"], c["sessions"], c["successful"], c["success_pct"]] for c in camps])
        reasons = h["top_failure_reasons"]
        self.reasons_chart.bars([r["label"] for r in reasons], [(tr("Số lượt"), [r["count"] for r in reasons])])
        self.reasons_chart.set_table([tr("Nguyên nhân"), tr("Số lượt")], ["text", "int"],
                                     [[r["label"], r["count"]] for r in reasons])

    def _complaints(self, c: dict) -> None:
        if not c.get("available"):
            self.complaints_label.setText(tr("Chưa có số liệu."))
            return
        acc, han = c["acceptance"], c["handling"]
        self.complaints_label.setText(tr(
            "Trong kỳ: {total} phản ánh; quá hạn đến hết kỳ: {overdue}. Tiếp nhận đúng hạn {a_ok}/{a_all} ({a_pct}); "
            "xử lý đúng hạn {h_ok}/{h_all} ({h_pct}). Điểm hài lòng bình quân: {avg}.").format(
            total=number(c["total"]), overdue=number(c["overdue_now"]), a_ok=acc["on_time"],
            a_all=acc["on_time"] + acc["late"], a_pct=percent(c["acceptance_on_time_pct"]), h_ok=han["on_time"],
            h_all=han["on_time"] + han["late"], h_pct=percent(c["handling_on_time_pct"]),
            avg=decimal(c["satisfaction"].get("average_rating"))))
        rows = c["status_rows"]
        self.status_chart.bars([r["label"] for r in rows], [(tr("Số phản ánh"), [r["count"] for r in rows])])
        self.status_chart.set_table([tr("Trạng thái"), tr("Số phản ánh")], ["text", "int"],
                                    [[r["label"], r["count"]] for r in rows])
        sat = c["satisfaction_rows"] + c["rating_rows"]
        self.satisfaction_chart.bars([r["label"] for r in sat], [(tr("Số ý kiến"), [r["count"] for r in sat])])
        self.satisfaction_chart.set_table([tr("Đánh giá"), tr("Số ý kiến")], ["text", "int"],
                                          [[r["label"], r["count"]] for r in sat])
