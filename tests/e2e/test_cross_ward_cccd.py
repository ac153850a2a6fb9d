"""Across merged wards (#20 item 6): the server tells a ward when a CCCD it registers is already registered
by another ward; both see the match with only the other record's name, birth year and ward; marking one as
moved resolves it for both. Real server (SQLite and PostgreSQL), real laptops."""

from __future__ import annotations

import json

import pytest
import requests

from tests.e2e.sync_harness import open_laptop, running_server

CCCD = "001190012345"
A, B = "00166", "00004"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def srv(request, tmp_path):
    with running_server(tmp_path, request.param) as server:
        yield server


def _register(ctx, name, cccd, phone, address, year):
    from desktop.services.residents.residents import ResidentInput, register_resident

    return register_resident(ctx, ResidentInput(full_name=name, cccd=cccd, phone=phone, address_detail=address,
                                                birth_year=year), confirmed_warnings=True).id


def test_both_wards_see_the_match_with_name_year_and_ward_only_and_moving_resolves_it(srv, tmp_path):
    from desktop.services.people import audit
    from desktop.services.sync.cross_ward import list_matches, mark_moved
    from desktop.services.sync.service import sync_now

    a, b = open_laptop(tmp_path / "a", A), open_laptop(tmp_path / "b", B)
    try:
        rid_a = _register(a, "Nguyễn Văn Chuyển", CCCD, "0912000111", "Số 9 ngõ 12 Trần Duy Hưng", 1990)
        _register(a, "Trần Thị Ở Yên", "001190099999", "0912000222", "Số 1 phố Huế", 1985)
        assert sync_now(a, srv.url, srv.enroll_code(A))["cross_ward"] == 0
        assert list_matches(a) == []
        rid_b = _register(b, "Nguyễn Văn Chuyển", CCCD, "0988777666", "Số 3 phố Kim Mã", 1990)
        assert sync_now(b, srv.url, srv.enroll_code(B))["cross_ward"] == 1
        [seen_by_b] = list_matches(b)
        assert (seen_by_b.record_id, seen_by_b.other_ward, seen_by_b.other_name, seen_by_b.other_birth_year,
                seen_by_b.moved) == (rid_b, A, "Nguyễn Văn Chuyển", 1990, "")
        assert seen_by_b.other_ward_name == "Phường Cầu Giấy"
        sync_now(a)
        [seen_by_a] = list_matches(a)
        assert (seen_by_a.record_id, seen_by_a.other_ward, seen_by_a.other_birth_year) == (rid_a, B, 1990)

        # what B's device can read about A's record: nothing beyond ward, name and birth year
        from desktop.sync import credentials

        raw = requests.get(f"{srv.url}/v1/wards/{B}/cross-ward", timeout=10, headers={
            "Authorization": f"Bearer {credentials.load_token(b.folder)}", "X-Tocds-Protocol": "1"})
        assert raw.status_code == 200
        text = raw.text
        for secret in (CCCD, "0912000111", "912000111", "Trần Duy Hưng", rid_a, "Ở Yên"):
            assert secret not in text, secret
        assert set(json.loads(text)["matches"][0]) == {"record_id", "other_ward", "other_name", "other_birth_year", "moved"}

        # A's resident moved to B: A marks its own record; B sees it resolved after its next sync
        after = mark_moved(a, rid_a)
        assert [m.moved for m in after] == ["here"]
        assert any(e.action == "cross_ward" and e.record_id == rid_a for e in audit.query_unchecked(a))
        sync_now(b)
        assert [(m.moved, m.state_label) for m in list_matches(b)] == [("there", "Phường kia đã đánh dấu chuyển đi")]
        # a ward cannot mark another ward's resident
        bad = requests.post(f"{srv.url}/v1/wards/{B}/cross-ward/moved", json={"record_id": rid_a, "moved": True},
                            timeout=10, headers={"Authorization": f"Bearer {credentials.load_token(b.folder)}",
                                                 "X-Tocds-Protocol": "1"})
        assert bad.status_code == 404
    finally:
        a.close()
        b.close()
