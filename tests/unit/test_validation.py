"""CCCD structure, CMND, Vietnamese mobile phones (055/087 included) and dates as lists write them."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import validation as v


def test_cccd_hanoi_male_1985():
    info = v.parse_cccd("001 085 012345")
    assert info.cccd == "001085012345" and info.place_code == 1 and not info.abroad
    assert info.sex == "nam" and info.birth_year == 1985


def test_cccd_century_and_sex_digits():
    assert (v.parse_cccd("001305000001").sex, v.parse_cccd("001305000001").birth_year) == ("nu", 2005)
    assert v.parse_cccd("079200000001").birth_year == 2000
    assert v.parse_cccd("001190000001").sex == "nu"


def test_cccd_born_abroad_prefix_accepted():
    info = v.parse_cccd("101095000001")
    assert info.abroad and info.place_code == 101


@pytest.mark.parametrize("bad", ["003085012345", "000085012345", "097085012345", "100085012345", "296085012345"])
def test_cccd_unknown_place_codes_refused(bad):
    with pytest.raises(v.InvalidValue, match="Mã tỉnh"):
        v.parse_cccd(bad)


@pytest.mark.parametrize("bad", ["00108501234", "0010850123456", "00108501234a", ""])
def test_cccd_length_and_digits(bad):
    with pytest.raises(v.InvalidValue, match="12 chữ số"):
        v.parse_cccd(bad)


def test_cccd_disagreements_are_warnings():
    info = v.parse_cccd("001085012345")
    assert v.cccd_warnings(info, "nam", 1985) == []
    fields = [f for f, _m in v.cccd_warnings(info, "nu", 1986)]
    assert fields == ["sex", "birth_year"]
    assert v.cccd_warnings(info, None, None) == []


def test_cmnd_nine_digits():
    assert v.parse_cmnd("012 345 678") == "012345678"
    with pytest.raises(v.InvalidValue):
        v.parse_cmnd("1234567890")


@pytest.mark.parametrize(
    "raw",
    ["0912345678", "091.234.5678", "84912345678", "+84 (0) 912345678", "+84912345678", "912345678", " 0912-345-678 "],
)
def test_phone_forms_normalise_to_e164(raw):
    assert v.parse_phone(raw) == "+84912345678"


@pytest.mark.parametrize("raw,e164", [("0551234567", "+84551234567"), ("0871234567", "+84871234567"),
                                      ("0388888888", "+84388888888"), ("0707123456", "+84707123456")])
def test_phone_055_and_087_and_other_mobile_prefixes(raw, e164):
    assert v.parse_phone(raw) == e164


@pytest.mark.parametrize("raw", ["02438253536", "12345", "091234567890", "abc", "+14155552671"])
def test_phone_landlines_foreign_and_garbage_refused(raw):
    with pytest.raises(v.InvalidValue):
        v.parse_phone(raw)


def test_phone_spreadsheet_float():
    assert v.parse_phone(912345678.0) == "+84912345678"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("05/03/1985", (date(1985, 3, 5), 1985)),
        ("5/3/85", (date(1985, 3, 5), 1985)),
        ("5/3/05", (date(2005, 3, 5), 2005)),
        ("05-03-1985", (date(1985, 3, 5), 1985)),
        ("05.03.1985", (date(1985, 3, 5), 1985)),
        ("1985-03-05", (date(1985, 3, 5), 1985)),
        ("1985", (None, 1985)),
        (1985, (None, 1985)),
        (31111, (date(1985, 3, 5), 1985)),  # Excel serial
        ("31111", (date(1985, 3, 5), 1985)),
        (31111.0, (date(1985, 3, 5), 1985)),
        (date(1985, 3, 5), (date(1985, 3, 5), 1985)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_birth_formats(value, expected):
    assert v.parse_birth(value) == expected


@pytest.mark.parametrize("value", ["31/02/1985", "1850", "01/01/2999", "hôm qua", "13/13/1990", 99999])
def test_birth_refused(value):
    with pytest.raises(v.InvalidValue):
        v.parse_birth(value)
