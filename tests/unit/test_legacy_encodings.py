"""TCVN3, VNI and Windows-1258 text as old ward spreadsheets hold it, to Unicode NFC."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.core import legacy_encodings as le


@pytest.mark.parametrize(
    "legacy,unicode_",
    [
        ("NguyÔn V¨n An", "Nguyễn Văn An"),
        ("TrÇn ThÞ Thuû", "Trần Thị Thuỷ"),
        ("§Æng §øc", "Đặng Đức"),
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("M\xadêng Kh\xad¬ng", "Mường Khương"),
        ("Tæ d©n phè sè 1", "Tổ dân phố số 1"),
        ("ý kiÕn, ­u tiªn", "ý kiến, ưu tiên"),
    ],
)
def test_tcvn3(legacy, unicode_):
    assert le.tcvn3_to_unicode(legacy) == unicode_


def test_tcvn3_capitals_font():
    assert le.convert("nguyÔn v¨n an", "tcvn3h") == "NGUYỄN VĂN AN"


def test_tcvn3_table_covers_all_134_lowercase_letters():
    letters = set(le.TCVN3_TABLE.values())
    for base in "aăâeêioôơuưy":
        for tone in ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323"):
            assert unicodedata.normalize("NFC", base + tone) in letters


@pytest.mark.parametrize(
    "legacy,unicode_",
    [
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("Nguyeãn Vaên An", "Nguyễn Văn An"),
        ("Ñaëng Thò Thuûy", "Đặng Thị Thủy"),
        ("Tröông Myõ Lôïi", "Trương Mỹ Lợi"),
        ("Phöôùc Hueä", "Phước Huệ"),
        ("Hoaøng Trònh Lyù", "Hoàng Trịnh Lý"),
        ("NGUYEÃN ÑÖÙC", "NGUYỄN ĐỨC"),
        ("Toå daân phoá soá 2", "Tổ dân phố số 2"),
        ("Aén Aáy", "Ắn Ấy"),
    ],
)
def test_vni(legacy, unicode_):
    out = le.vni_to_unicode(legacy)
    assert out == unicode_ and unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize(
    "font,enc",
    [(".VnTime", "tcvn3"), (".VnArial", "tcvn3"), (".VnTimeH", "tcvn3h"), ("VNI-Times", "vni"), ("VNI-Helve", "vni"),
     ("Times New Roman", None), ("Calibri", None), (None, None)],
)
def test_encoding_for_font(font, enc):
    assert le.encoding_for_font(font) == enc


def test_decode_bytes_utf8_bom_and_cp1258():
    text = "Họ và tên,Thuỷ\n"
    assert le.decode_bytes(("\ufeff" + text).encode("utf-8")) == (text, "utf-8-sig")
    assert le.decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    raw = to_cp1258("Nguyễn Thị Thuỷ, Đống Đa")
    decoded, enc = le.decode_bytes(raw)
    assert enc == "cp1258" and decoded == "Nguyễn Thị Thuỷ, Đống Đa"
    assert unicodedata.is_normalized("NFC", decoded)


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """How Windows-1258 writes Vietnamese: base letters (â, ơ…) precomposed, tone as a combining mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONE_MARKS))
            out += (base + "".join(c for c in d if c in TONE_MARKS)).encode("cp1258")
    return out
