"""A TrueType font for PDF writing: character to glyph, glyph widths, and a subset to embed.

Reads the tables a PDF needs from a .ttf (cmap, hmtx, head, hhea, OS/2, glyf/loca) with the
standard library. The subset keeps every glyph number (so glyph ids stay the PDF's character ids)
and empties the outlines of glyphs not used, components of composite glyphs (Vietnamese letters
with marks) included: a few kB per document instead of the whole font.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

# composite glyph flags
_ARGS_ARE_WORDS, _HAVE_SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x8, 0x20, 0x40, 0x80
# tables a PDF viewer uses from an embedded TrueType (ISO 32000-1, 9.9); the rest stays out
_SUBSET_TABLES = ("cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep")


class TrueTypeFont:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.data = self.path.read_bytes()
        count = struct.unpack(">H", self.data[4:6])[0]
        self.tables: dict[str, tuple[int, int]] = {}
        for i in range(count):
            tag, _checksum, offset, length = struct.unpack(">4sIII", self.data[12 + 16 * i: 28 + 16 * i])
            self.tables[tag.decode("latin-1")] = (offset, length)
        head = self.table("head")
        self.units_per_em = struct.unpack(">H", head[18:20])[0]
        self.bbox = struct.unpack(">hhhh", head[36:44])
        self.long_loca = struct.unpack(">h", head[50:52])[0] == 1
        hhea = self.table("hhea")
        self.ascent, self.descent = struct.unpack(">hh", hhea[4:8])
        metrics = struct.unpack(">H", hhea[34:36])[0]
        self.glyph_count = struct.unpack(">H", self.table("maxp")[4:6])[0]
        hmtx = self.table("hmtx")
        advances = [struct.unpack(">H", hmtx[4 * i: 4 * i + 2])[0] for i in range(metrics)]
        self.advances = advances + [advances[-1]] * (self.glyph_count - metrics)
        os2 = self.table("OS/2")
        self.cap_height = struct.unpack(">h", os2[88:90])[0] if len(os2) >= 90 else self.ascent
        post = self.table("post")
        self.italic_angle = struct.unpack(">i", post[4:8])[0] / 65536.0
        self.cmap = self._read_cmap()
        self.name = self.path.stem.replace(" ", "")

    def table(self, tag: str) -> bytes:
        offset, length = self.tables[tag]
        return self.data[offset: offset + length]

    def _read_cmap(self) -> dict[int, int]:
        cmap = self.table("cmap")
        count = struct.unpack(">H", cmap[2:4])[0]
        subtables = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * i: 12 + 8 * i])
            subtables[(platform, encoding)] = offset
        for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
            if key in subtables:
                return self._cmap_subtable(cmap, subtables[key])
        raise ValueError(f"{self.path.name}: no Unicode cmap")

    @staticmethod
    def _cmap_subtable(cmap: bytes, offset: int) -> dict[int, int]:
        fmt = struct.unpack(">H", cmap[offset: offset + 2])[0]
        out: dict[int, int] = {}
        if fmt == 12:
            groups = struct.unpack(">I", cmap[offset + 12: offset + 16])[0]
            for g in range(groups):
                start, end, glyph = struct.unpack(">III", cmap[offset + 16 + 12 * g: offset + 28 + 12 * g])
                for code in range(start, end + 1):
                    out[code] = glyph + code - start
            return out
        if fmt != 4:
            raise ValueError(f"cmap format {fmt} not read")
        segs = struct.unpack(">H", cmap[offset + 6: offset + 8])[0] // 2
        base = offset + 14
        ends = struct.unpack(f">{segs}H", cmap[base: base + 2 * segs])
        starts = struct.unpack(f">{segs}H", cmap[base + 2 * segs + 2: base + 4 * segs + 2])
        deltas = struct.unpack(f">{segs}h", cmap[base + 4 * segs + 2: base + 6 * segs + 2])
        range_base = base + 6 * segs + 2
        ranges = struct.unpack(f">{segs}H", cmap[range_base: range_base + 2 * segs])
        for i in range(segs):
            for code in range(starts[i], ends[i] + 1):
                if code == 0xFFFF:
                    continue
                if ranges[i] == 0:
                    glyph = (code + deltas[i]) & 0xFFFF
                else:
                    at = range_base + 2 * i + ranges[i] + 2 * (code - starts[i])
                    glyph = struct.unpack(">H", cmap[at: at + 2])[0]
                    glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
                if glyph:
                    out[code] = glyph
        return out

    # -- measuring ---------------------------------------------------------------------
    def glyph(self, char: str) -> int:
        return self.cmap.get(ord(char), 0)

    def width(self, text: str, size: float) -> float:
        """The advance width of `text` in points at `size`."""
        return sum(self.advances[self.cmap.get(ord(c), 0)] for c in text) * size / self.units_per_em

    # -- subsetting --------------------------------------------------------------------
    def _glyph_offsets(self) -> list[int]:
        loca = self.table("loca")
        if self.long_loca:
            return list(struct.unpack(f">{self.glyph_count + 1}I", loca[: 4 * (self.glyph_count + 1)]))
        return [2 * o for o in struct.unpack(f">{self.glyph_count + 1}H", loca[: 2 * (self.glyph_count + 1)])]

    def _with_components(self, glyphs: set[int], glyf: bytes, offsets: list[int]) -> set[int]:
        todo, seen = list(glyphs), set(glyphs)
        while todo:
            g = todo.pop()
            data = glyf[offsets[g]: offsets[g + 1]]
            if len(data) < 10 or struct.unpack(">h", data[:2])[0] >= 0:
                continue  # empty or a simple glyph
            at = 10
            while True:
                flags, component = struct.unpack(">HH", data[at: at + 4])
                if component not in seen:
                    seen.add(component)
                    todo.append(component)
                at += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
                at += 2 if flags & _HAVE_SCALE else 4 if flags & _XY_SCALE else 8 if flags & _TWO_BY_TWO else 0
                if not flags & _MORE:
                    break
        return seen

    def subset(self, glyphs: set[int]) -> bytes:
        """The font file with only `glyphs` (and glyph 0, and their components) keeping outlines."""
        glyf, offsets = self.table("glyf"), self._glyph_offsets()
        keep = self._with_components(set(glyphs) | {0}, glyf, offsets)
        new_glyf, new_loca = bytearray(), []
        for g in range(self.glyph_count):
            new_loca.append(len(new_glyf))
            if g in keep:
                new_glyf += glyf[offsets[g]: offsets[g + 1]]
                new_glyf += b"\0" * (-len(new_glyf) % 4)
        new_loca.append(len(new_glyf))
        head = bytearray(self.table("head"))
        head[8:12] = b"\0\0\0\0"  # checksum adjustment, set below
        head[50:52] = struct.pack(">h", 1)  # long offsets
        tables = {tag: self.table(tag) for tag in _SUBSET_TABLES if tag in self.tables}
        tables.update({"glyf": bytes(new_glyf), "loca": struct.pack(f">{len(new_loca)}I", *new_loca), "head": bytes(head)})
        font, where = _assemble(tables)
        adjustment = (0xB1B0AFBA - _checksum(font)) & 0xFFFFFFFF
        return font[: where["head"] + 8] + struct.pack(">I", adjustment) + font[where["head"] + 12:]


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _assemble(tables: dict[str, bytes]) -> tuple[bytes, dict[str, int]]:
    """The font file of `tables`, and where each table starts in it."""
    tags = sorted(tables)
    count = len(tags)
    power = 1
    while power * 2 <= count:
        power *= 2
    header = struct.pack(">IHHHH", 0x00010000, count, power * 16, power.bit_length() - 1, count * 16 - power * 16)
    offset = 12 + 16 * count
    directory, body, where = bytearray(), bytearray(), {}
    for tag in tags:
        data = tables[tag]
        where[tag] = offset + len(body)
        directory += struct.pack(">4sIII", tag.encode("latin-1"), _checksum(data), where[tag], len(data))
        body += data + b"\0" * (-len(data) % 4)
    return header + bytes(directory) + bytes(body), where


@lru_cache(maxsize=8)
def load(path: str) -> TrueTypeFont:
    return TrueTypeFont(path)
