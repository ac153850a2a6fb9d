"""Hostile workbooks written byte by byte for the reader's tests: malformed cells, zip bombs, style and
shared-string bombs. A zip bomb part is `Repeated(head, block, count, tail)`: its deflate stream is built
from one compressed block (zlib sync flush) repeated, so a 2 GB part costs a few seconds to write, and
its size and CRC are the real ones."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass
class Repeated:
    head: bytes
    block: bytes
    count: int
    tail: bytes

    @property
    def size(self) -> int:
        return len(self.head) + len(self.block) * self.count + len(self.tail)


def _deflate(data: bytes | Repeated) -> tuple[bytes, int, int]:
    """(raw deflate bytes, crc32, uncompressed size)."""
    if isinstance(data, bytes):
        co = zlib.compressobj(6, zlib.DEFLATED, -15)
        return co.compress(data) + co.flush(), zlib.crc32(data), len(data)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(data.head + data.block) + co.flush(zlib.Z_SYNC_FLUSH)
    steady = co.compress(data.block) + co.flush(zlib.Z_SYNC_FLUSH)  # the same bytes for every later block
    last = co.compress(data.tail) + co.flush()
    crc = zlib.crc32(data.head)
    for _i in range(data.count):
        crc = zlib.crc32(data.block, crc)
    crc = zlib.crc32(data.tail, crc)
    return first + steady * (data.count - 1) + last, crc, data.size


def write_zip(path: Path, entries: list[tuple[str, bytes | Repeated]]) -> Path:
    """A zip of deflated entries (no zip64: parts under 4 GB)."""
    central = b""
    with open(path, "wb") as fh:
        for name, data in entries:
            raw, crc, size = _deflate(data)
            offset = fh.tell()
            encoded = name.encode()
            fh.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), size, len(encoded), 0))
            fh.write(encoded)
            fh.write(raw)
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(raw), size,
                                   len(encoded), 0, 0, 0, 0, 0, offset) + encoded
        start = fh.tell()
        fh.write(central)
        fh.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0))
    return path


def sheet(rows: str, dimension: str = "") -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}<sheetData>{rows}</sheetData>'
            "</worksheet>").encode()


HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>Năm sinh</t></is></c><c r="C1" t="inlineStr"><is><t>Ghi chú</t></is></c></row>')


def workbook(path: Path, sheet_xml: bytes | Repeated, *, shared: bytes | Repeated | None = None,
             styles: bytes | Repeated | None = None, extra: list[tuple[str, bytes]] | None = None) -> Path:
    rels = [f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>']
    entries: list[tuple[str, bytes | Repeated]] = [
        ("[Content_Types].xml", b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("_rels/.rels", (f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                         'Target="xl/workbook.xml"/></Relationships>').encode()),
        ("xl/workbook.xml", (f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/>'
                             "</sheets></workbook>").encode()),
    ]
    if shared is not None:
        rels.append(f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
        entries.append(("xl/sharedStrings.xml", shared))
    if styles is not None:
        rels.append(f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>')
        entries.append(("xl/styles.xml", styles))
    entries.append(("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>'.encode()))
    entries.append(("xl/worksheets/sheet1.xml", sheet_xml))
    entries += extra or []
    return write_zip(path, entries)


def one_cell(path: Path, cell: str, row: str = '<row r="2">{cell}</row>', shared: bytes | None = None) -> Path:
    """The header row and one data row holding `cell` (raw XML)."""
    return workbook(path, sheet(HEADER_ROW + row.format(cell=cell)), shared=shared)
