"""The CCCD card QR parser: real-shaped samples, the variants scanners produce, and what is not a card."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.card_qr import NotCardQr, looks_like_card_qr, parse_card_qr

AN = "001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|15082021"

# (sample, cccd, old_id, name, birth, sex, address, issued, problems)
GOOD = [
    pytest.param(AN, "001090012345", "012345678", "Nguyễn Văn An", date(1990, 1, 1), "nam",
                 "Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội", date(2021, 8, 15), 0, id="seven-fields"),
    pytest.param("001185001122||Trần Thị Thuỷ|23041985|Nữ|Thôn Đông, xã Thanh Trì, Hà Nội|10052022",
                 "001185001122", "", "Trần Thị Thuỷ", date(1985, 4, 23), "nu",
                 "Thôn Đông, xã Thanh Trì, Hà Nội", date(2022, 5, 10), 0, id="no-old-cmnd"),
    pytest.param(AN + "|Kinh|Không|X", "001090012345", "012345678", "Nguyễn Văn An", date(1990, 1, 1), "nam",
                 "Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội", date(2021, 8, 15), 0, id="extra-trailing-fields"),
    pytest.param(AN + "\r\n", "001090012345", "012345678", "Nguyễn Văn An", date(1990, 1, 1), "nam",
                 "Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội", date(2021, 8, 15), 0, id="trailing-newline"),
    pytest.param(AN + "\t", "001090012345", "012345678", "Nguyễn Văn An", date(1990, 1, 1), "nam",
                 "Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội", date(2021, 8, 15), 0, id="trailing-tab"),
    pytest.param("CCCD: " + AN, "001090012345", "012345678", "Nguyễn Văn An", date(1990, 1, 1), "nam",
                 "Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội", date(2021, 8, 15), 0, id="cccd-label"),
    pytest.param("Số CCCD:001090012345|CMND:012345678|Họ tên: Nguyễn Văn An|Ngày sinh: 01011990|Giới tính: Nam|"
                 "Địa chỉ: Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|Ngày cấp: 15082021",
                 "001090012345", "012345678", "Nguyễn Văn An", date(1990, 1, 1), "nam",
                 "Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội", date(2021, 8, 15), 0, id="every-field-labelled"),
    # NFD text (combining marks, as some scanner drivers type it) comes out NFC
    pytest.param("001203004567||Le\u0302 Minh \u0110u\u031b\u0301c|05062003|Nam|Phường Láng, Hà Nội|01022021",
                 "001203004567", "", "Lê Minh Đức", date(2003, 6, 5), "nam", "Phường Láng, Hà Nội",
                 date(2021, 2, 1), 0, id="nfd-name"),
    pytest.param("079301009876|025123456|Phạm  Thị   Hoà|30112001|NỮ|12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội|",
                 "079301009876", "025123456", "Phạm Thị Hoà", date(2001, 11, 30), "nu",
                 "12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội", None, 0, id="empty-issue-date-extra-spaces-uppercase-sex"),
    pytest.param("001090012345|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội",
                 "001090012345", "012345678", "Nguyễn Văn An", date(1990, 1, 1), "nam", "Hà Nội", None, 0,
                 id="six-fields-older-code"),
    # the CCCD's own digits say born 1990 / male, the card says 1991 / female: kept, with the doubts named
    pytest.param("001090012345||Nguyễn Thị Bình|01011991|Nữ|Hà Nội|01012022",
                 "001090012345", "", "Nguyễn Thị Bình", date(1991, 1, 1), "nu", "Hà Nội", date(2022, 1, 1), 2,
                 id="cccd-disagrees-with-card"),
    pytest.param("000090012345||Nguyễn Văn Cường|01011990|Nam|Hà Nội|01012022",
                 "000090012345", "", "Nguyễn Văn Cường", date(1990, 1, 1), "nam", "Hà Nội", date(2022, 1, 1), 1,
                 id="unknown-province-code"),
]


@pytest.mark.parametrize("sample,cccd,old_id,name,birth,sex,address,issued,problems", GOOD)
def test_card_samples(sample, cccd, old_id, name, birth, sex, address, issued, problems):
    assert looks_like_card_qr(sample)
    card = parse_card_qr(sample)
    assert (card.cccd, card.old_id, card.full_name, card.birth_date, card.sex, card.address, card.issued_on) == (
        cccd, old_id, name, birth, sex, address, issued)
    assert len(card.problems) == problems
    assert card.full_name == __import__("unicodedata").normalize("NFC", card.full_name)


BAD = [
    pytest.param("", "trống", id="empty"),
    pytest.param("https://ihanoi.hanoi.gov.vn/tai-ung-dung", "đường dẫn web", id="url"),
    pytest.param("00020101021238570010A00000072701270006970436011300110123456780208QRIBFTTA53037045802VN6304ABCD",
                 "VietQR", id="payment-qr"),
    pytest.param("nguyen van an", "không phải mã trên thẻ CCCD", id="plain-text"),
    pytest.param("001090012345|012345678|Nguyễn Văn An", "ít nhất 6", id="too-few-fields"),
    pytest.param("01090012345|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15082021", "12 chữ số", id="11-digit-cccd"),
    pytest.param("001090012345|0123|Nguyễn Văn An|01011990|Nam|Hà Nội|15082021", "CMND", id="bad-old-cmnd"),
    pytest.param("001090012345|012345678|Nguyễn Văn An|31021990|Nam|Hà Nội|15082021", "có thật", id="31-february"),
    pytest.param("001090012345|012345678|Nguyễn Văn An|1990-01-01|Nam|Hà Nội|15082021", "ddmmyyyy", id="iso-date"),
    pytest.param("001090012345|012345678|Nguyễn Văn An|01012090|Nam|Hà Nội|15082021", "tương lai", id="future-birth"),
    pytest.param("001090012345|012345678|Nguyễn Văn An|01011990|Khác?|Hà Nội|15082021", "Giới tính", id="bad-sex"),
    pytest.param("001090012345|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15081980", "Ngày cấp", id="issued-before-birth"),
    pytest.param("001090012345|012345678|12345|01011990|Nam|Hà Nội|15082021", "Họ tên", id="digits-as-name"),
    pytest.param(AN + "|" + "x" * 3000, "quá dài", id="huge"),
]


@pytest.mark.parametrize("sample,reason", BAD)
def test_not_a_card(sample, reason):
    with pytest.raises(NotCardQr) as info:
        parse_card_qr(sample)
    message = str(info.value)
    assert reason in message
    # the message never repeats the scanned text (it is personal data)
    assert "Nguyễn Văn An" not in message and "001090012345" not in message


def test_a_card_never_prints_its_data():
    card = parse_card_qr(AN)
    assert "Nguyễn" not in repr(card) and "001090012345" not in repr(card) and "Dịch Vọng" not in repr(card)


@pytest.mark.parametrize("text", ["nguyen van an", "0912345678", "001090012345", "a|b|c|d|e|f", "https://x.vn/?a=1|2"])
def test_search_text_does_not_look_like_a_card(text):
    assert not looks_like_card_qr(text)
