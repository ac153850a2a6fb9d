"""Write a report document to PDF: QTextDocument laid out on A4 by QPdfWriter.

Registered as RENDERERS["pdf"]: `render(ctx, kind, data, out_path)`. Works from the
CLI without a display: a QApplication on the offscreen platform is made if none
exists. The font is DejaVu Serif Condensed (close to Times New Roman's width) shipped in resources/fonts (full Vietnamese glyphs,
embedded in the PDF), so the file looks the same on every machine.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from desktop.core.i18n import _
from desktop.services.reports.document import as_document, fmt_cell
from desktop.resources import resource

FONT_FILES = (
    "DejaVuSerifCondensed.ttf",
    "DejaVuSerifCondensed-Bold.ttf",
    "DejaVuSerifCondensed-Italic.ttf",
    "DejaVuSerifCondensed-BoldItalic.ttf",
)
FALLBACK_FAMILY = "DejaVu Serif Condensed"
_app = None  # the QGuiApplication made here for headless use (kept alive)
_family: str | None = None


def ensure_gui_app():
    """The running Qt application, or a new offscreen one (CLI, scheduled jobs).

    A QApplication (not a bare QGuiApplication), so a process that later builds widgets
    (tests, the app itself) still can.
    """
    global _app
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _app = app = QApplication(["tocds-report"])
    return app


def report_font_family() -> str:
    global _family
    if _family is None:
        from PySide6.QtGui import QFontDatabase

        families: list[str] = []
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        _family = families[0] if families else FALLBACK_FAMILY
    return _family


def _e(text: str) -> str:
    return html.escape(text or "").replace("\n", "<br/>")


def document_html(doc: dict) -> str:
    """The document as the HTML subset QTextDocument lays out."""
    parts: list[str] = []
    if doc.get("authority") or doc.get("national_header"):
        authority = doc.get("authority") or ["", ""]
        header = doc.get("national_header") or ["", ""]
        parts.append(
            '<table width="100%" cellspacing="0" cellpadding="0" style="font-size:11pt"><tr>'
            f'<td width="42%" align="center" valign="top">{_e(authority[0])}<br/><b>{_e(authority[1] if len(authority) > 1 else "")}</b>'
            f'<br/>———<br/>{_e(doc.get("number", ""))}</td>'
            f'<td width="58%" align="center" valign="top"><b>{_e(header[0])}</b><br/>'
            f'<b><u>{_e(header[1] if len(header) > 1 else "")}</u></b><br/><br/><i>{_e(doc.get("place_date", ""))}</i></td>'
            "</tr></table><br/>"
        )
    large = bool(doc.get("large_type"))  # lists read standing at a door (coverage lists): bigger type
    parts.append(f'<p align="center" style="font-size:{18 if large else 14}pt"><b>{_e(doc["title"])}</b></p>')
    if doc.get("subtitle"):
        parts.append(f'<p align="center" style="font-size:13pt"><b>{_e(doc["subtitle"])}</b></p>')
    if doc.get("period_line"):
        parts.append(f'<p align="center"><i>{_e(doc["period_line"])}</i></p>')
    for section in doc["sections"]:
        if section["heading"]:
            parts.append(f'<p style="margin-top:10px"><b>{_e(section["heading"])}</b></p>')
        for paragraph in filter(None, section["paragraphs"]):
            parts.append(f'<p align="justify" style="text-indent:24px">{_e(paragraph)}</p>')
        for t in section["tables"]:
            parts.append(_table_html(t, 13 if large else 10))
    if doc.get("recipients") or doc.get("signer_title"):
        recipients = "".join(f"- {_e(r)}<br/>" for r in doc.get("recipients", []))
        name = f'<br/><br/><br/><br/><b>{_e(doc.get("signer_name", ""))}</b>' if doc.get("signer_name") else ""
        parts.append(
            '<br/><table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="50%" valign="top"><b><i>{_e(_("Nơi nhận:"))}</i></b><br/>'
            f'<span style="font-size:10pt">{recipients}</span></td>'
            f'<td width="50%" align="center" valign="top"><b>{_e(doc.get("signer_title", ""))}</b><br/>'
            f'<i>{_e(_("(Ký, ghi rõ họ tên)"))}</i>{name}</td>'
            "</tr></table>"
        )
    return "<html><body>" + "".join(parts) + "</body></html>"


def _table_html(t: dict, size_pt: int = 10) -> str:
    out = []
    if t.get("title"):
        out.append(f'<p><i>{_e(t["title"])}</i></p>')
    out.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="{6 if size_pt > 10 else 3}" style="border-collapse:collapse; font-size:{size_pt}pt">')
    heads = []
    first_text = t["kinds"].index("text") if "text" in t["kinds"] else -1
    for i, (c, kind) in enumerate(zip(t["columns"], t["kinds"])):
        width = ' width="6%"' if i == 0 and kind == "int" else (' width="34%"' if i == first_text else "")
        if t.get("widths"):  # percentages a document chose (a coverage list's narrow tick columns)
            width = f' width="{t["widths"][i]}%"'

        heads.append(f'<th bgcolor="#dde7f3"{width}>{_e(c)}</th>')
    out.append("<tr>" + "".join(heads) + "</tr>")
    for row in t["rows"]:
        cells = []
        for value, kind in zip(row, t["kinds"]):
            text = fmt_cell(value, kind) if not (kind == "int" and value == "") else ""
            align = "left" if kind == "text" else "right"
            cells.append(f'<td align="{align}">{_e(text)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def write_pdf(doc: dict, out_path: str | Path) -> Path:
    ensure_gui_app()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    path = Path(out_path)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(25, 18, 15, 18), QPageLayout.Unit.Millimeter)  # left margin for binding
    writer.setResolution(300)
    writer.setTitle(f'{doc["title"]} {doc.get("subtitle", "")}'.strip())
    writer.setCreator("Tổ CĐS Desktop")
    text = QTextDocument()
    font = QFont(report_font_family())
    font.setStretch(QFont.Stretch.Condensed)
    font.setPointSizeF(15 if doc.get("large_type") else 12)
    text.setDefaultFont(font)
    text.setHtml(document_html(doc))
    text.print_(writer)
    del writer  # finishes the file
    tmp.replace(path)
    return path


def render(ctx, kind: str, data: dict, out_path: str | Path) -> Path:
    """Write `data` (an official report or any report dict) to `out_path` as PDF."""
    return write_pdf(as_document(kind, data), out_path)
