"""The city view: two wards sync to the real server; the City Office reads the comparison
through the JSON API and through the web page loaded in a real headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import requests

from tests.conftest import bin_path, cli_env
from tests.e2e.sync_harness import running_server
from tests.support.report_fixture import build_report_ward

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def laptop(root: Path, ward: str, groups: list[str]):
    from desktop.services.context import open_context
    from desktop.services.setup.ward_setup import initialize_ward

    ctx = open_context(str(root), actor="Tình nguyện viên")
    initialize_ward(ctx, ward, "Tổ CĐS", groups)
    return ctx


@pytest.fixture
def city(tmp_path):
    """A server holding two wards' synced data, and a city account's key."""
    from desktop.services.sync.service import sync_now
    from desktop.store.models import Resident

    with running_server(tmp_path, "sqlite") as srv:
        cau_giay = laptop(tmp_path / "cau-giay", "00166", ["Tổ dân phố số 1", "Tổ dân phố số 2", "Thôn Đông"])
        build_report_ward(cau_giay)
        ba_dinh = laptop(tmp_path / "ba-dinh", "00004", ["Tổ dân phố số 5"])
        with ba_dinh.write() as s:
            for i, stage in enumerate(["da_tao_tai_khoan", "da_tao_tai_khoan", "da_cai_dat", "chua_biet"]):
                s.add(Resident(full_name=f"Cư dân Ba Đình {i}", adoption_stage=stage))
        try:
            for ctx, ward in ((cau_giay, "00166"), (ba_dinh, "00004")):
                result = sync_now(ctx, srv.url, srv.enroll_code(ward))
                assert result["rejected"] == 0 and result["pending"] == 0, result
        finally:
            cau_giay.close()
            ba_dinh.close()
        proc = subprocess.run(
            [bin_path("tocds-server"), "--db", srv.db_url, "--data-dir", str(srv.data_dir), "city-account", "create",
             "Văn phòng UBND Thành phố"], capture_output=True, text=True, env=cli_env(), timeout=120)
        assert proc.returncode == 0, proc.stderr
        key = proc.stdout.strip()
        yield srv, key


def test_json_api_compares_wards_from_synced_data(city):
    srv, key = city
    resp = requests.get(f"{srv.url}/city/api/wards", headers={"Authorization": f"Bearer {key}"}, timeout=10)
    assert resp.status_code == 200, resp.text
    data = resp.json()
    wards = {w["ward_code"]: w for w in data["wards"]}
    assert set(wards) == {"00166", "00004"}
    cg = wards["00166"]
    assert cg["ward_name"] == "Phường Cầu Giấy" and cg["devices"] == 1
    # the hand-computed ward (tests/unit/test_figures.py): 10 residents, 8 aware, 5 installed, 3 accounts
    assert (cg["residents"], cg["know"], cg["installed"], cg["account"], cg["account_pct"]) == (10, 8, 5, 3, 30.0)
    # all time: 8 live sessions (the deleted one is a tombstone), 3 successful of 7 finished = 42.9%
    assert (cg["help_sessions"], cg["successful_sessions"], cg["success_rate"]) == (8, 3, 42.9)
    assert cg["complaints"] == 5 and cg["last_communication_on"] == "2026-11-24"
    bd = wards["00004"]
    # Ba Đình: 4 residents; 2 accounts + 1 installed + 1 not aware -> know 3 (75%), accounts 2 (50%)
    assert (bd["residents"], bd["know"], bd["account"], bd["account_pct"]) == (4, 3, 2, 50.0)
    assert data["totals"]["residents"] == 14 and data["totals"]["account"] == 5  # 3 + 2
    assert data["totals"]["account_pct"] == 35.7  # 5 / 14

    week = requests.get(f"{srv.url}/city/api/wards", params={"from": "2026-11-23", "to": "2026-11-29"},
                        headers={"Authorization": f"Bearer {key}"}, timeout=10).json()
    cg = {w["ward_code"]: w for w in week["wards"]}["00166"]
    # the same week as the desktop report: 6 sessions, 40% success; 4 complaints, 66.7% / 33.3% on time
    assert (cg["help_sessions"], cg["success_rate"]) == (6, 40.0)
    assert (cg["complaints"], cg["acceptance_on_time_pct"], cg["handling_on_time_pct"]) == (4, 66.7, 33.3)
    assert cg["average_rating"] == 3.5


def test_only_a_city_account_may_read(city):
    srv, key = city
    url = f"{srv.url}/city/api/wards"
    assert requests.get(url, timeout=10).status_code == 401
    assert requests.get(url, headers={"Authorization": "Bearer city_wrong"}, timeout=10).status_code == 401
    device_token = srv.token("00166")  # a ward's device token is not a city account
    assert requests.get(url, headers={"Authorization": f"Bearer {device_token}"}, timeout=10).status_code == 401
    # the key is stored only as a hash
    from sqlalchemy import select

    from server.city_view import city_account

    with srv.engine.connect() as conn:
        stored = conn.execute(select(city_account)).one()
    assert stored.name == "Văn phòng UBND Thành phố" and key not in stored.key_hash
    proc = subprocess.run([bin_path("tocds-server"), "--db", srv.db_url, "--data-dir", str(srv.data_dir),
                           "city-account", "revoke", "Văn phòng UBND Thành phố"],
                          capture_output=True, text=True, env=cli_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert requests.get(url, headers={"Authorization": f"Bearer {key}"}, timeout=10).status_code == 401


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--virtual-time-budget=15000", *args],
        capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install -y chromium)")
def test_page_in_headless_chromium(city, tmp_path):
    srv, key = city
    page = f"{srv.url}/city#key={key}"
    proc = _chromium(["--dump-dom", page], tmp_path / "profile")
    dom = proc.stdout
    assert "Tiến độ triển khai ứng dụng Công dân Thủ đô số (iHaNoi) theo phường, xã" in dom, proc.stderr[-2000:]
    assert 'data-ward="00166"' in dom and "Phường Cầu Giấy (00166)" in dom
    assert "Phường Ba Đình (00004)" in dom
    assert "Toàn Thành phố (2 phường, xã)" in dom
    assert "35,7%" in dom  # city-wide accounts, Vietnamese decimal comma
    assert '<div id="error" role="alert"></div>' in dom

    refused = _chromium(["--dump-dom", f"{srv.url}/city#key=city_wrong"], tmp_path / "profile2").stdout
    assert '<div id="error" role="alert">Khóa tài khoản không đúng hoặc đã bị thu hồi.</div>' in refused
    assert 'data-ward="00166"' not in refused

    shot = tmp_path / "city.png"
    _chromium([f"--screenshot={shot}", "--window-size=1500,520", page], tmp_path / "profile3")
    assert shot.exists() and shot.stat().st_size > 10_000


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install -y chromium)")
def test_page_ranks_reports_filters_by_old_district_and_prints(city, tmp_path):
    """The City Office's page (issue #19): wards ranked by account share with bars, the city's weekly trend,
    the reporting rate with the wards not heard from, a filter by old district, a printable layout."""
    srv, key = city
    dom = _chromium(["--dump-dom", f"{srv.url}/city#key={key}"], tmp_path / "p1").stdout
    rank = dom[dom.index('id="rank"'):dom.index('id="weekly"')]
    assert rank.index("1. Phường Ba Đình") < rank.index("2. Phường Cầu Giấy")  # 50% before 30%
    assert 'class="fill" style="display: block; width: 50%;"' in rank
    assert "2 / 126 phường, xã" in dom  # both wards synced just now; 124 never did
    late = dom[dom.index('id="late"'):dom.index('id="overdue"')]
    assert "124 phường, xã chưa đồng bộ lần nào: Ngọc Hà," in late and "Cầu Giấy" not in late and "Ba Đình" not in late
    assert "Phường Cầu Giấy (00166): 1 phản ánh" in dom[dom.index('id="overdue"'):]
    assert dom.count('class="wk"') == 12 and "Tuần từ" in dom
    by_district = _chromium(["--dump-dom", f"{srv.url}/city#key={key}&district=Quận Ba Đình&sort=residents"],
                            tmp_path / "p2").stdout
    assert 'data-ward="00004"' in by_district and 'data-ward="00166"' not in by_district
    assert "Quận Ba Đình cũ (1 phường, xã)" in by_district
    assert '<th data-k="residents" aria-sort="descending">' in by_district
    pdf = tmp_path / "city.pdf"
    _chromium([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", f"{srv.url}/city#key={key}"], tmp_path / "p3")
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        first = doc.pages[0]
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
        assert first.width > first.height  # A4 landscape
    assert "Phường Cầu Giấy (00166)" in text and "Xếp hạng theo tỷ lệ" in text
    assert "Đăng xuất" not in text and "Xem số liệu" not in text  # the forms are not printed
