"""The main window's pages. A page is a QWidget class taking (GuiContext, parent).

`factory` is "module:Class", imported when the page is first shown; None means the
page is not built yet and the window says so plainly.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.i18n import N_


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # Vietnamese source text; shown through tr()
    factory: str | None
    shortcut: str


PAGES: list[PageSpec] = [
    PageSpec("residents", N_("Cư dân"), "desktop.gui.residents.page:ResidentsPage", "Ctrl+1"),
    PageSpec("outreach", N_("Hỗ trợ cài đặt"), "desktop.gui.outreach.page:OutreachPage", "Ctrl+2"),
    PageSpec("complaints", N_("Phản ánh"), "desktop.gui.complaints.page:ComplaintsPage", "Ctrl+3"),
    PageSpec("reports", N_("Báo cáo"), "desktop.gui.reports.page:ReportsPage", "Ctrl+4"),
    PageSpec("sync", N_("Đồng bộ"), "desktop.gui.sync.page:SyncPage", "Ctrl+5"),
    PageSpec("settings", N_("Cài đặt"), "desktop.gui.settings_page:SettingsPage", "Ctrl+6"),
]


def page_spec(key: str) -> PageSpec | None:
    return next((p for p in PAGES if p.key == key), None)
