"""`tocds-cli search` takes a scanned CCCD QR (#21): found by the card, never a search of its raw text;
another QR is refused with the reason; an unknown card says to register."""

from __future__ import annotations

import json

import pytest

from desktop import cli
from desktop.services.context import open_context
from desktop.services.residents import residents as svc
from desktop.services.residents import search as search_service

AN = "001085012345|012345678|Nguyễn Văn An|01011985|Nam|Số 5 ngõ 12 phố Dịch Vọng, Cầu Giấy, Hà Nội|15082021"


def run(argv, capsys):
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def ward(tmp_path, capsys, monkeypatch):
    data = str(tmp_path / "data")
    assert run(["--data-dir", data, "init", "--ward-code", "00166"], capsys)[0] == 0
    ctx = open_context(data)
    try:
        svc.register_resident(ctx, svc.ResidentInput(full_name="Nguyễn Văn An", birth_year=1985, sex="nam",
                                                     cccd="001085012345", consent_given=True))
    finally:
        ctx.close()
    searched: list[str] = []
    real = search_service.search_residents
    monkeypatch.setattr(search_service, "search_residents", lambda ctx, q, *a, **k: searched.append(q) or real(ctx, q, *a, **k))
    return data, searched


def test_a_scanned_card_finds_its_resident_without_searching_the_text(ward, capsys):
    data, searched = ward
    code, out, err = run(["--data-dir", data, "search", AN + "\n", "--json"], capsys)
    rows = json.loads(out)
    assert code == 0 and [(r["full_name"], r["matched_by"]) for r in rows] == [("Nguyễn Văn An", "cccd")], err
    assert searched == [] and "Dịch Vọng" not in out + err
    code, out, err = run(["--data-dir", data, "search", AN], capsys)
    assert code == 0 and "Hồ sơ khác với thẻ ở" in err and "Số CMND cũ" in err and "Nguyễn Văn An" in out


def test_an_unknown_card_and_other_qr_codes(ward, capsys):
    data, searched = ward
    code, out, err = run(["--data-dir", data, "search", AN.replace("001085012345", "001090099999")], capsys)
    assert code == 0 and out == "" and "chưa có trong danh sách" in err
    code, out, err = run(["--data-dir", data, "search", "https://ihanoi.hanoi.gov.vn/app"], capsys)
    assert code == 1 and "đường dẫn web" in err and out == ""
    code, out, err = run(["--data-dir", data, "search", AN.replace("01011985", "32131985")], capsys)
    assert code == 1 and ("có thật" in err or "dạng ngày" in err), err
    assert searched == []
    code, out, err = run(["--data-dir", data, "search", "nguyen van", "--json"], capsys)  # ordinary text still searches
    assert code == 0 and searched == ["nguyen van"] and len(json.loads(out)) == 1
