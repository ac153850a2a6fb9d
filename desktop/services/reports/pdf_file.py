"""A small PDF writer: pages of text, lines and filled boxes, with TrueType fonts embedded.

Text is written with the fonts' glyph ids (Type0 / Identity-H) and a ToUnicode map, so every
Vietnamese letter prints from the embedded font and copies or extracts (pdftotext, pdfplumber)
as the text it was. No Qt: the CLI, scheduled jobs and the app's background threads use it alike.
Coordinates are points from the page's top-left corner.
"""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.services.reports.truetype import TrueTypeFont

A4 = (595.28, 841.89)
MM = 72 / 25.4


def _pdf_text(text: str) -> str:
    """A text string for the document information (UTF-16BE with its byte-order mark)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


@dataclass
class _Page:
    ops: list[str] = field(default_factory=list)


class PdfFile:
    def __init__(self, fonts: dict[str, TrueTypeFont], page_size: tuple[float, float] = A4, title: str = "",
                 creator: str = "Tổ CĐS Desktop"):
        self.fonts = fonts
        self.width, self.height = page_size
        self.title, self.creator = title, creator
        self.pages: list[_Page] = []
        self.used: dict[str, dict[int, str]] = {name: {} for name in fonts}  # font -> glyph -> text

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    def add_page(self) -> None:
        self.pages.append(_Page())

    def text(self, x: float, y: float, text: str, font: str, size: float) -> None:
        """`text` with its baseline at `y` (points from the top)."""
        text = unicodedata.normalize("NFC", text)
        face, used = self.fonts[font], self.used[font]
        glyphs = []
        for char in text:
            g = face.glyph(char)
            used.setdefault(g, char)
            glyphs.append(f"{g:04X}")
        self.page.ops.append(f"BT /{font} {size:.2f} Tf {x:.2f} {self.height - y:.2f} Td <{''.join(glyphs)}> Tj ET")

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        self.page.ops.append(f"{width:.2f} w {x1:.2f} {self.height - y1:.2f} m {x2:.2f} {self.height - y2:.2f} l S")

    def box(self, x: float, y: float, w: float, h: float, fill: tuple[float, float, float] | None = None,
            stroke: float | None = 0.5) -> None:
        rect = f"{x:.2f} {self.height - y - h:.2f} {w:.2f} {h:.2f} re"
        if fill:
            self.page.ops.append(f"q {fill[0]:.3f} {fill[1]:.3f} {fill[2]:.3f} rg {rect} f Q")
        if stroke:
            self.page.ops.append(f"{stroke:.2f} w {rect} S")

    # -- the file ------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write the file (to a .part name first, then renamed: never half a PDF under the real name)."""
        path = Path(path)
        objects: list[bytes] = []

        def add(body: bytes | str) -> int:
            objects.append(body.encode("latin-1") if isinstance(body, str) else body)
            return len(objects)

        def stream(data: bytes, extra: str = "") -> int:
            packed = zlib.compress(data, 9)
            return add(f"<< /Length {len(packed)} /Filter /FlateDecode{extra} >>\nstream\n".encode("latin-1")
                       + packed + b"\nendstream")

        catalog, pages_id = add(""), add("")  # filled in below
        font_refs = {name: self._font_objects(name, add, stream) for name, used in self.used.items() if used}
        fonts = " ".join(f"/{name} {ref} 0 R" for name, ref in font_refs.items())
        kids = []
        for page in self.pages:
            content = stream("\n".join(page.ops).encode("latin-1"))
            kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {self.width:.2f} {self.height:.2f}] "
                            f"/Resources << /Font << {fonts} >> >> /Contents {content} 0 R >>"))
        objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode("latin-1")
        objects[pages_id - 1] = (f"<< /Type /Pages /Count {len(kids)} /Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>"
                                 ).encode("latin-1")
        info = add(f"<< /Title {_pdf_text(self.title)} /Creator {_pdf_text(self.creator)} /Producer {_pdf_text(self.creator)} >>")
        out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode("latin-1") + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
        out += b"".join(f"{o:010d} 00000 n \n".encode("latin-1") for o in offsets)
        out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("latin-1")
        from desktop.services.output_file import writing

        with writing(path) as tmp:  # a file held open by another program: FileInUse, said in Vietnamese
            tmp.write_bytes(bytes(out))
        return path

    def _font_objects(self, name: str, add, stream) -> int:
        face, used = self.fonts[name], self.used[name]
        scale = 1000 / face.units_per_em
        tag = "".join(chr(65 + (sum(map(ord, name)) * 7 + i * 3) % 26) for i in range(6))  # subset prefix
        base = f"{tag}+{face.name}"
        font_file = stream(face.subset(set(used)))
        bbox = " ".join(str(round(v * scale)) for v in face.bbox)
        flags = 32 | (64 if face.italic_angle else 0)
        descriptor = add(f"<< /Type /FontDescriptor /FontName /{base} /Flags {flags} /FontBBox [{bbox}] "
                         f"/ItalicAngle {face.italic_angle:.1f} /Ascent {round(face.ascent * scale)} "
                         f"/Descent {round(face.descent * scale)} /CapHeight {round(face.cap_height * scale)} "
                         f"/StemV 80 /FontFile2 {font_file} 0 R >>")
        widths = " ".join(f"{g} [{round(face.advances[g] * scale)}]" for g in sorted(used))
        cid = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{base} "
                  f"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                  f"/FontDescriptor {descriptor} 0 R /W [{widths}] /CIDToGIDMap /Identity >>")
        to_unicode = stream(_to_unicode(used))
        return add(f"<< /Type /Font /Subtype /Type0 /BaseFont /{base} /Encoding /Identity-H "
                   f"/DescendantFonts [{cid} 0 R] /ToUnicode {to_unicode} 0 R >>")


def _to_unicode(used: dict[int, str]) -> bytes:
    entries = sorted(used.items())
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    for start in range(0, len(entries), 100):
        chunk = entries[start: start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{g:04X}> <{text.encode('utf-16-be').hex().upper()}>" for g, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("latin-1")
