"""Old Vietnamese encodings found in ward spreadsheets, converted to Unicode (NFC).

- TCVN3 (ABC): one byte per letter; fonts ".VnTime", ".VnArial"…; the "H" fonts
  (".VnTimeH") show the same codes as capitals. In an xlsx the bytes arrive as the
  Latin-1 characters of those codes.
- VNI: a base letter followed by a mark character; fonts "VNI-Times", "VNI-Helve"…
- Windows-1258: decodes to letters plus combining tone marks; normalised to NFC.

The cell's font name is the signal (`encoding_for_font`).
"""

from __future__ import annotations

import unicodedata

# -- TCVN3 ------------------------------------------------------------------------------
_TCVN3_LOWER = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),  # grave, hook, tilde, acute, dot
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # grave, hook, tilde, acute, dot below
_TCVN3_PLAIN = {0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
                0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ"}


def _build_tcvn3() -> dict[str, str]:
    table = {chr(code): ch for code, ch in _TCVN3_PLAIN.items()}
    for base, codes in _TCVN3_LOWER.items():
        for code, tone in zip(codes, _TONES):
            table[chr(code)] = unicodedata.normalize("NFC", base + tone)
    return table


TCVN3_TABLE = _build_tcvn3()
_TCVN3_TRANS = str.maketrans(TCVN3_TABLE)


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    """TCVN3 text (as Latin-1 characters) to Unicode; `capitals` for the ".VnTimeH" fonts."""
    out = text.translate(_TCVN3_TRANS)
    return out.upper() if capitals else out


# -- VNI --------------------------------------------------------------------------------
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

_VNI_TONE = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _both_cases(table: dict[str, str]) -> dict[str, str]:
    return {**table, **{k.upper(): v for k, v in table.items()}}


_TONE_ANY, _CIRC_ANY, _BREVE_ANY = _both_cases(_VNI_TONE), _both_cases(_VNI_CIRC), _both_cases(_VNI_BREVE)
_SINGLE_ANY = {**_VNI_SINGLE, **{k.upper(): v.upper() for k, v in _VNI_SINGLE.items()}}
_HORNED = {"ô": "ơ", "ö": "ư", "Ô": "Ơ", "Ö": "Ư"}


def vni_to_unicode(text: str) -> str:
    """VNI text (as Latin-1 characters) to Unicode NFC."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        low = ch.lower()
        if low in "aeo" and nxt in _CIRC_ANY:
            out.append(unicodedata.normalize("NFC", ch + _CIRC + _CIRC_ANY[nxt]))
            i += 2
        elif low == "a" and nxt in _BREVE_ANY:
            out.append(unicodedata.normalize("NFC", ch + _BREVE + _BREVE_ANY[nxt]))
            i += 2
        elif (low in "aeiouy" or ch in _HORNED) and nxt in _TONE_ANY:
            base = _HORNED.get(ch, ch)
            out.append(unicodedata.normalize("NFC", base + _TONE_ANY[nxt]))
            i += 2
        elif ch in _SINGLE_ANY:
            out.append(_SINGLE_ANY[ch])
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# -- detection and other encodings ------------------------------------------------------
def encoding_for_font(font_name: str | None) -> str | None:
    """"tcvn3", "tcvn3h" (capitals font), "vni" or None (Unicode) for a cell's font name."""
    if not font_name:
        return None
    name = font_name.strip()
    low = name.lower()
    if low.startswith(".vn"):
        return "tcvn3h" if name.endswith("H") else "tcvn3"
    if low.startswith("vni-") or low.startswith("vni "):
        return "vni"
    return None


def convert(text: str, encoding: str | None) -> str:
    if not text or encoding is None:
        return text
    if encoding == "tcvn3":
        return tcvn3_to_unicode(text)
    if encoding == "tcvn3h":
        return tcvn3_to_unicode(text, capitals=True)
    if encoding == "vni":
        return vni_to_unicode(text)
    raise ValueError(encoding)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text of a CSV file and the encoding used: UTF-8 (BOM or not), else Windows-1258. NFC."""
    if data.startswith(b"\xef\xbb\xbf"):
        return unicodedata.normalize("NFC", data[3:].decode("utf-8")), "utf-8-sig"
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), "cp1258"
