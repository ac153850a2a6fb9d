"""`tocds-cli door-to-door` (json and pdf, bounded arguments, one-line refusals) and
`import residents --households-by-address`."""

from __future__ import annotations

import json

import pytest

from desktop import cli


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo(tmp_path, capsys) -> str:
    data = str(tmp_path / "data")
    code, _out, err = run(["--data-dir", data, "demo-data", "--residents", "300", "--seed", "5", "--json"], capsys)
    assert code == 0, err
    return data


def test_door_to_door_json_on_the_demo_ward(demo, capsys):
    code, out, err = run(["--data-dir", demo, "door-to-door", "--group", "to dan pho so 2"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["residential_group"]["name"] == "Tổ dân phố số 2"
    assert data["households"] and data["households_total"] >= len(data["households"])
    for h in data["households"]:
        assert len(h["code"]) == 7 and h["code"][3] == "-"
        assert h["members"] and all(m["adoption_stage"] != "da_tao_tai_khoan" for m in h["members"])
    assert any(h["reason"] == "vang_nha" for h in data["households"])  # demo visits bring some back


def test_door_to_door_pdf_and_json_files(demo, tmp_path, capsys):
    pdf, js = tmp_path / "list.pdf", tmp_path / "list.json"
    code, out, err = run(["--data-dir", demo, "door-to-door", "--group", "Tổ dân phố số 1", "--format", "pdf",
                          "--out", str(pdf)], capsys)
    assert code == 0 and out == "" and pdf.read_bytes().startswith(b"%PDF"), err
    code, _out, err = run(["--data-dir", demo, "door-to-door", "--group", "Tổ dân phố số 1", "--out", str(js)], capsys)
    assert code == 0 and json.loads(js.read_text(encoding="utf-8"))["households"], err


@pytest.mark.parametrize("args, exit_code, words", [
    (["--group", "Tổ 99"], 1, "Không có tổ dân phố / thôn «Tổ 99»"),
    (["--group", "Tổ dân phố số 1", "--format", "pdf"], 2, "Cần --out"),
    (["--group", "x" * 121], 2, "từ 1 đến 120 ký tự"),
    (["--group", "   "], 2, "từ 1 đến 120 ký tự"),
    (["--group", "Tổ dân phố số 1", "--on", "31/02/2026"], 2, ""),
    (["--group", "Tổ dân phố số 1", "--format", "docx"], 2, "docx"),
])
def test_bad_arguments_are_one_line_and_no_traceback(demo, capsys, args, exit_code, words):
    code, out, err = run(["--data-dir", demo, "door-to-door", *args], capsys)
    assert code == exit_code and words in err and "Traceback" not in err and out == "", err
    assert err.strip().splitlines()[-1].strip()


def test_import_with_households_by_address(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert run(["--data-dir", data, "init", "--ward-code", "00166"], capsys)[0] == 0
    rows = tmp_path / "list.csv"
    rows.write_text("Họ và tên,Năm sinh,Địa chỉ,Số hộ\nNguyễn Văn An,1950,Số 1 ngõ 2,\nNguyễn Thị Bình,1980,Số 1 ngõ 2,\n"
                    "Trần Văn Cường,1970,Số 9,HK-7\nTrần Thị Dung,1972,Số 9,HK-7\n", encoding="utf-8")
    code, out, err = run(["--data-dir", data, "import", "residents", str(rows), "--json"], capsys)
    assert code == 0 and json.loads(out)["households"] == 1, err  # the number column only
    rows2 = tmp_path / "more.csv"
    rows2.write_text("Họ và tên,Năm sinh,Địa chỉ\nLê Văn Em,1960,Số 5\nLê Thị Gấm,1962,số 5\n", encoding="utf-8")
    code, out, err = run(["--data-dir", data, "import", "residents", str(rows2), "--households-by-address", "--json"], capsys)
    assert code == 0 and json.loads(out)["households"] == 1, err
