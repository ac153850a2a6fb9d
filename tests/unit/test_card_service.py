"""A scanned card finds its resident (or fills a registration), shows differences, corrects the record."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.core.card_qr import parse_card_qr
from desktop.services.people import audit
from desktop.services.residents import card as card_svc
from desktop.services.residents import residents as svc
from desktop.store.changelog import ChangeLogEntry

AN = "001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|15082021"


def test_unknown_card_fills_a_registration(app_ctx):
    match = card_svc.match_card(app_ctx, parse_card_qr(AN))
    assert not match.known and match.how == ""
    d = match.draft
    assert (d.full_name, d.birth_date, d.birth_year, d.sex, d.cccd, d.cmnd) == (
        "Nguyễn Văn An", date(1990, 1, 1), 1990, "nam", "001090012345", "012345678")
    assert d.address_detail == "Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội"
    # left for the volunteer
    assert d.residential_group_id is None and d.phone is None and not d.consent_given
    # the draft registers as it is
    r = svc.register_resident(app_ctx, d)
    assert r.cccd == "001090012345" and r.cmnd == "012345678"


def test_known_by_cccd_is_found_and_audited_as_a_reveal(app_ctx):
    r = svc.register_resident(app_ctx, svc.ResidentInput(full_name="Nguyễn Văn An", birth_date=date(1990, 1, 1),
                                                         sex="nam", cccd="001090012345", cmnd="012345678",
                                                         address_detail="Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội"))
    match = card_svc.match_card(app_ctx, parse_card_qr(AN))
    assert match.known and match.how == "cccd" and match.resident.id == r.id
    assert match.differences == ()
    reveals = audit.query_unchecked(app_ctx, action="reveal", record_id=r.id)
    assert len(reveals) == 1 and reveals[0].detail["where"] == "card_scan"


def test_record_without_diacritics_and_cccd_is_matched_and_corrected(app_ctx):
    r = svc.register_resident(app_ctx, svc.ResidentInput(full_name="Nguyen Van An", birth_year=1990, sex="nam",
                                                         address_detail="Dịch Vọng"),
                              confirmed_warnings=True)  # typed without diacritics: confirmed
    card = parse_card_qr(AN)
    match = card_svc.match_card(app_ctx, card)
    assert match.how == "name_birth_year" and match.resident.id == r.id
    by_field = {d.field: d for d in match.differences}
    assert set(by_field) == {"full_name", "birth_date", "cccd", "cmnd", "address_detail"}
    assert (by_field["full_name"].on_card, by_field["full_name"].on_record) == ("Nguyễn Văn An", "Nguyen Van An")
    assert (by_field["birth_date"].on_card, by_field["birth_date"].on_record) == ("01/01/1990", "1990")
    assert by_field["cccd"].on_record == "(trống)"

    fixed = card_svc.correct_from_card(app_ctx, r.id, card, ["full_name", "birth_date", "cccd"])
    assert fixed.full_name == "Nguyễn Văn An" and fixed.birth_date == date(1990, 1, 1) and fixed.cccd == "001090012345"
    assert fixed.address_detail == "Dịch Vọng"  # not picked: unchanged
    with app_ctx.read() as s:
        ops = s.scalars(select(ChangeLogEntry.op).where(ChangeLogEntry.record_id == r.id)).all()
    assert ops.count("update") == 1
    edits = audit.query_unchecked(app_ctx, action="edit", record_id=r.id)
    assert set(edits[0].detail["fields"]) >= {"full_name", "birth_date", "cccd"}
    # scanning again now finds it by CCCD, with only the fields left as they were
    again = card_svc.match_card(app_ctx, card)
    assert again.how == "cccd" and {d.field for d in again.differences} == {"cmnd", "address_detail"}


def test_wrong_birth_year_is_a_difference(app_ctx):
    svc.register_resident(app_ctx, svc.ResidentInput(full_name="Nguyễn Văn An", birth_year=1991, sex="nam",
                                                     cccd="001090012345"), confirmed_warnings=True)
    match = card_svc.match_card(app_ctx, parse_card_qr(AN))
    by_field = {d.field: d for d in match.differences}
    assert by_field["birth_date"].on_record == "1991"


def test_two_residents_with_the_same_name_and_year_are_not_guessed(app_ctx):
    for phone in ("0912345678", "0987654321"):
        svc.register_resident(app_ctx, svc.ResidentInput(full_name="Nguyễn Văn An", birth_year=1990, phone=phone),
                              allow_duplicates=True)
    match = card_svc.match_card(app_ctx, parse_card_qr(AN))
    assert not match.known


def test_correct_refuses_an_unknown_field(app_ctx):
    r = svc.register_resident(app_ctx, svc.ResidentInput(full_name="Nguyễn Văn An", birth_year=1990))
    with pytest.raises(ValueError):
        card_svc.correct_from_card(app_ctx, r.id, parse_card_qr(AN), ["phone"])


# -- photos ------------------------------------------------------------------------------
def _qr_photo(path, text, *, scale=6, rotate=0, noise=False):
    import numpy as np
    import zxingcpp
    from PIL import Image

    img = Image.fromarray(np.asarray(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(scale=scale)))
    canvas = Image.new("L", (img.width * 3, img.height * 2), 200)  # the card on a table
    canvas.paste(img, (img.width, img.height // 2))
    if rotate:
        canvas = canvas.rotate(rotate, expand=True, fillcolor=180)
    canvas.convert("RGB").save(path, quality=85)
    return path


def test_card_from_a_photo(tmp_path):
    from desktop.services.residents.card_photo import read_card_photo

    card = read_card_photo(_qr_photo(tmp_path / "the.jpg", AN, rotate=90))
    assert card.cccd == "001090012345" and card.full_name == "Nguyễn Văn An"


def test_photo_problems_have_messages(tmp_path):
    from desktop.core.card_qr import NotCardQr
    from desktop.services.residents.card_photo import PhotoError, read_card_photo
    from PIL import Image

    with pytest.raises(NotCardQr, match="đường dẫn web"):
        read_card_photo(_qr_photo(tmp_path / "url.png", "https://ihanoi.hanoi.gov.vn"))
    blank = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(blank)
    with pytest.raises(PhotoError, match="Không thấy mã QR"):
        read_card_photo(blank)
    text = tmp_path / "notes.txt"
    text.write_text("không phải ảnh", encoding="utf-8")
    with pytest.raises(PhotoError, match="không phải ảnh"):
        read_card_photo(text)
    with pytest.raises(PhotoError, match="Không tìm thấy"):
        read_card_photo(tmp_path / "missing.jpg")
    with pytest.raises(PhotoError, match="thư mục"):
        read_card_photo(tmp_path)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes((tmp_path / "url.png").read_bytes()[:200])
    with pytest.raises(PhotoError):
        read_card_photo(broken)


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path):
    from desktop.services.residents.card_photo import PhotoError, read_card_photo
    from PIL import Image

    bomb = tmp_path / "bomb.png"
    Image.new("1", (20000, 20000)).save(bomb)  # 400 MP, a few kB on disk
    assert bomb.stat().st_size < 2_000_000
    with pytest.raises(PhotoError, match="quá nhiều điểm ảnh"):
        read_card_photo(bomb)


def test_a_birth_year_a_year_off_without_cccd_is_still_found(app_ctx):
    r = svc.register_resident(app_ctx, svc.ResidentInput(full_name="Nguyen Van An", birth_year=1991, sex="nam"),
                              confirmed_warnings=True)
    match = card_svc.match_card(app_ctx, parse_card_qr(AN))
    assert match.how == "name" and match.resident.id == r.id
    assert {d.field: d.on_record for d in match.differences}["birth_date"] == "1991"


def test_the_records_other_number_stays_masked(app_ctx):
    svc.register_resident(app_ctx, svc.ResidentInput(full_name="Nguyễn Văn An", birth_year=1990, cmnd="012345678",
                                                     cccd="001090099999"), confirmed_warnings=True)
    match = card_svc.match_card(app_ctx, parse_card_qr(AN))
    assert match.how == "cmnd"
    shown = {d.field: d.on_record for d in match.differences}["cccd"]
    assert "001090099999" not in shown and shown.endswith("99")
