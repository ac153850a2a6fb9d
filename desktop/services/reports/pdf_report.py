"""Write a report document to PDF on A4: the one PDF code path of the app and the CLI (no Qt).

Registered as RENDERERS["pdf"]: `render(ctx, kind, data, out_path)`. Lays out the document of
`services/reports/document.py`: the letterhead (issuing body and number, national header, place
and date), title, sections with paragraphs and tables, recipients and the signature block.
Lines break only between words: a table's columns are at least as wide as their longest word
or figure (the table's type shrinks when they cannot all fit), so "khoản", "2.001" and "33,3%"
are never cut. The font is DejaVu Serif Condensed (close to Times New Roman's width), shipped
in resources/fonts and embedded (subset), so the file looks the same on every machine.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.i18n import _
from desktop.resources import resource
from desktop.services.reports.document import fmt_cell
from desktop.services.reports.pdf_file import MM, PdfFile
from desktop.services.reports.truetype import TrueTypeFont, load

FONT_FILES = {
    "R": "DejaVuSerifCondensed.ttf",
    "B": "DejaVuSerifCondensed-Bold.ttf",
    "I": "DejaVuSerifCondensed-Italic.ttf",
    "BI": "DejaVuSerifCondensed-BoldItalic.ttf",
}
MARGINS = (25 * MM, 18 * MM, 15 * MM, 18 * MM)  # left (binding), top, right, bottom
BODY, TABLE, SMALLEST = 12.0, 10.0, 6.5
LEADING = 1.3
PAD = 3.0
HEADER_FILL = (0.867, 0.906, 0.953)


def fonts() -> dict[str, TrueTypeFont]:
    return {key: load(str(resource("fonts", name))) for key, name in FONT_FILES.items()}


def wrap(text: str, face: TrueTypeFont, size: float, width: float) -> list[str]:
    """Lines of `text` no wider than `width`, broken only at spaces and line breaks. A single word
    wider than the line (a long address without spaces) is the one thing cut, as a last resort."""
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if face.width(candidate, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while face.width(word, size) > width and len(word) > 1:  # last resort
                cut = len(word) - 1
                while cut > 1 and face.width(word[:cut], size) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


class _Layout:
    def __init__(self, title: str, large_type: bool = False):
        self.table_size = TABLE * (1.35 if large_type else 1.0)  # lists read at the door: larger type
        self.body_size = BODY * (1.2 if large_type else 1.0)
        self.fonts = fonts()
        self.pdf = PdfFile(self.fonts, title=title)
        self.left, self.top, right, self.bottom_margin = MARGINS
        self.width = self.pdf.width - self.left - right
        self.bottom = self.pdf.height - self.bottom_margin
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = self.top
        number = len(self.pdf.pages)
        if number > 1:  # page numbers from the second page, top centre (Nghị định 30/2020)
            self.centered(str(number), "R", 10, self.pdf.width / 2, self.top - 8 * MM + 10)

    def room(self, height: float) -> None:
        if self.y + height > self.bottom:
            self.new_page()

    def centered(self, text: str, font: str, size: float, middle: float, baseline: float, underline: bool = False) -> None:
        w = self.fonts[font].width(text, size)
        self.pdf.text(middle - w / 2, baseline, text, font, size)
        if underline:
            self.pdf.line(middle - w / 2, baseline + 2, middle + w / 2, baseline + 2, 0.6)

    def paragraph(self, text: str, font: str = "R", size: float = BODY, align: str = "left", indent: float = 0.0,
                  before: float = 0.0, after: float = 4.0) -> None:
        if not text:
            return
        face, leading = self.fonts[font], size * LEADING
        self.y += before
        lines = wrap(text, face, size, self.width - indent)
        for i, line in enumerate(lines):
            self.room(leading)
            x = self.left + (indent if i == 0 else 0)
            if align == "center":
                self.centered(line, font, size, self.left + self.width / 2, self.y + size)
            else:
                self.pdf.text(x, self.y + size, line, font, size)
            self.y += leading
        self.y += after

    # -- blocks ---------------------------------------------------------------------------
    def columns(self, parts: list[tuple[float, list[tuple[str, str, float, bool]]]]) -> None:
        """Side-by-side blocks of centred lines: [(share of the width, [(text, font, size, underline)])]."""
        start, tallest, x = self.y, 0.0, self.left
        for share, lines in parts:
            w = self.width * share
            y = start
            for text, font, size, underline in lines:
                for line in wrap(text, self.fonts[font], size, w - 4):
                    self.centered(line, font, size, x + w / 2, y + size, underline and bool(line))
                    y += size * LEADING
            tallest, x = max(tallest, y - start), x + w
        self.y = start + tallest + 6

    def table(self, t: dict) -> None:
        if t.get("title"):
            self.paragraph(t["title"], "I", BODY, after=2)
        heads, kinds = t["columns"], t["kinds"]
        body = [[fmt_cell(v, k) if not (k == "int" and v == "") else "" for v, k in zip(row, kinds)] for row in t["rows"]]
        size, widths = self._fit_columns(heads, body, kinds)
        face_r, face_b = self.fonts["R"], self.fonts["B"]

        def row_height(cells: list[str], face: TrueTypeFont) -> tuple[float, list[list[str]]]:
            wrapped = [wrap(c, face, size, w - 2 * PAD) for c, w in zip(cells, widths)]
            return max(len(lines) for lines in wrapped) * size * LEADING + 2 * PAD, wrapped

        def draw(cells: list[str], header: bool) -> None:
            face, font = (face_b, "B") if header else (face_r, "R")
            height, wrapped = row_height(cells, face)
            x = self.left
            for i, (lines, w) in enumerate(zip(wrapped, widths)):
                self.pdf.box(x, self.y, w, height, fill=HEADER_FILL if header else None)
                for n, line in enumerate(lines):
                    baseline = self.y + PAD + size + n * size * LEADING
                    if header:
                        self.centered(line, font, size, x + w / 2, baseline)
                    elif kinds[i] == "text":
                        self.pdf.text(x + PAD, baseline, line, font, size)
                    else:
                        self.pdf.text(x + w - PAD - face.width(line, size), baseline, line, font, size)
                x += w
            self.y += height

        head_height = row_height(heads, face_b)[0]
        whole = head_height + sum(row_height(cells, face_r)[0] for cells in body)
        if whole <= (self.bottom - self.top) / 3:
            self.room(whole)  # a short table stays on one page
        self.room(head_height + (row_height(body[0], face_r)[0] if body else 0))
        draw(heads, True)
        for cells in body:
            if self.y + row_height(cells, face_r)[0] > self.bottom:
                self.new_page()
                draw(heads, True)  # the header again on each page
            draw(cells, False)
        self.y += 6

    def _fit_columns(self, heads: list[str], body: list[list[str]], kinds: list[str]) -> tuple[float, list[float]]:
        """The type size and column widths: every column at least its longest word wide; the rest of
        the line goes first to the headings (on two lines, or three), then to the columns whose cells then
        fit on one line (cheapest first), and what is still left is shared out."""
        regular, bold = self.fonts["R"], self.fonts["B"]
        size = self.table_size
        while True:
            least = [max((f.width(word, size) for text, f in [(head, bold)] + [(row[c], regular) for row in body]
                          for word in text.split()), default=0) + 2 * PAD for c, head in enumerate(heads)]
            if sum(least) <= self.width or size <= SMALLEST:
                break
            size -= 0.5
        widths = list(least)
        cells = [max([regular.width(row[c], size) + 2 * PAD for row in body] + [least[c]]) for c in range(len(heads))]
        for lines in (1, 2, 3):  # headings on as few lines as fit (one line only if every cell fits on one too)
            wanted = [max(w, _width_for_lines(head, bold, size, lines)) for w, head in zip(widths, heads)]
            if sum(map(max, wanted, cells) if lines == 1 else wanted) <= self.width:
                widths = wanted
                break
        cells_wide = [max(c, w) for c, w in zip(cells, widths)]
        for c in sorted(range(len(widths)), key=lambda i: cells_wide[i] - widths[i]):
            widths[c] += max(0.0, min(cells_wide[c] - widths[c], self.width - sum(widths)))
        spare = self.width - sum(widths)
        if spare > 0:  # what is left goes to the text columns (figures need no more)
            takers = [c for c, k in enumerate(kinds) if k == "text"] or list(range(len(widths)))
            total = sum(widths[c] for c in takers)
            for c in takers:
                widths[c] += spare * widths[c] / total
        return size, widths


def _width_for_lines(text: str, face: TrueTypeFont, size: float, lines: int) -> float:
    """The narrowest cell in which `text` takes at most `lines` lines."""
    words = text.split()
    spans = sorted({face.width(" ".join(words[i:j]), size) for i in range(len(words)) for j in range(i + 1, len(words) + 1)})
    for w in spans:
        if len(wrap(text, face, size, w + 0.01)) <= lines:
            return w + 0.01 + 2 * PAD
    return (spans[-1] if spans else 0) + 2 * PAD


def write_pdf(doc: dict, out_path: str | Path) -> Path:
    page = _Layout(f'{doc["title"]} {doc.get("subtitle", "")}'.strip(), large_type=bool(doc.get("large_type")))
    if doc.get("authority") or doc.get("national_header"):
        authority = [line for line in doc.get("authority") or [] if line] or [""]
        header = list(doc.get("national_header") or ["", ""]) + [""]
        left = [(authority[0], "R", 11.0, False)] + [(line, "B", 11.0, False) for line in authority[1:]]
        left.append(("―――――", "R", 8.0, False))
        if doc.get("number"):
            left.append((doc["number"], "R", 11.0, False))
        right = [(header[0], "B", 11.0, False), (header[1], "B", 11.0, True), ("", "R", 6.0, False),
                 (doc.get("place_date", ""), "I", 11.0, False)]
        page.columns([(0.42, left), (0.58, right)])
        page.y += 8
    page.paragraph(doc["title"], "B", 14, "center", after=0)
    page.paragraph(doc.get("subtitle", ""), "B", 13, "center", after=0)
    page.paragraph(doc.get("period_line", ""), "I", BODY, "center", after=8)
    for section in doc["sections"]:
        page.paragraph(section.get("heading", ""), "B", BODY, before=4)
        for text in filter(None, section.get("paragraphs", [])):
            page.paragraph(text, "R", page.body_size, indent=24)
        for t in section.get("tables", []):
            page.table(t)
    if doc.get("recipients") or doc.get("signer_title"):
        page.y += 10
        page.room(BODY * LEADING * 8)
        start = page.y
        page.pdf.text(page.left, page.y + 11, _("Nơi nhận:"), "BI", 11)
        page.y += 11 * LEADING
        half = page.width / 2
        for recipient in doc.get("recipients", []):
            for line in wrap(f"- {recipient}", page.fonts["R"], 10, half - 6):
                page.pdf.text(page.left, page.y + 10, line, "R", 10)
                page.y += 10 * LEADING
        end_left, page.y = page.y, start
        signer = [(doc.get("signer_title", ""), "B", 12.0, False), (_("(Ký, ghi rõ họ tên)"), "I", 11.0, False)]
        signer += [("", "R", 12.0, False)] * 4  # room for the signature (and the name written by hand)
        if doc.get("signer_name"):
            signer.append((doc["signer_name"], "B", 12.0, False))
        page.left += half
        page.width -= half
        page.columns([(1.0, signer)])
        page.y = max(page.y, end_left)
    return page.pdf.save(out_path)


def render(ctx, kind: str, data: dict, out_path: str | Path) -> Path:
    """Write `data` (an official report or any report dict) to `out_path` as PDF."""
    from desktop.services.reports.documents import document_for

    return write_pdf(document_for(ctx, kind, data), out_path)
