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
    PageSpec("residents", N_("Cư dân"), None, "Ctrl+1"),
    PageSpec("outreach", N_("Hỗ trợ cài đặt"), None, "Ctrl+2"),
    PageSpec("complaints", N_("Phản ánh"), None, "Ctrl+3"),
    PageSpec("reports", N_("Báo cáo"), None, "Ctrl+4"),
    PageSpec("sync", N_("Đồng bộ"), None, "Ctrl+5"),
    PageSpec("settings", N_("Cài đặt"), None, "Ctrl+6"),
]


def page_spec(key: str) -> PageSpec | None:
    return next((p for p in PAGES if p.key == key), None)
