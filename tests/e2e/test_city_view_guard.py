"""One ward's data never makes the city view answer 500 for all (issue #15, finding 3).

A complaint pushed with `recorded_at: "not-a-date"` (or a bad `published_on` / `started_at`, a
naive `accept_due_at`, an integer date) made /city/api/wards answer 500 for every ward. Such
payloads are now refused on push; rows already stored malformed are left out of the figures.
"""

from __future__ import annotations

import subprocess
import uuid

import pytest
import requests

from tests.conftest import bin_path, cli_env
from tests.e2e.sync_harness import running_server

GOOD, BAD = "00166", "00004"
COMPLAINT = {"code": "PA-1", "kind": "ha_tang", "category": "den", "title": "Đèn hỏng", "status": "da_ghi_nhan",
             "recorded_at": "2026-11-24T01:00:00+00:00", "accept_due_at": "2026-11-25T01:00:00+00:00"}
CRAFTED = [
    ("complaint", dict(COMPLAINT, recorded_at="not-a-date")),
    ("complaint", dict(COMPLAINT, accept_due_at="2026-11-25T08:00:00")),
    ("complaint", dict(COMPLAINT, recorded_at=20261124)),
    ("complaint", dict(COMPLAINT, handle_due_at=["x"], accepted_at="2026-11-24T02:00:00+00:00")),
    ("communication_item", {"title": "Tin", "published_on": "24/11/2026"}),
    ("communication_item", {"title": "Tin", "published_on": 20261124}),
    ("help_session", {"resident_id": str(uuid.uuid4()), "started_at": "hôm qua", "outcome": "thanh_cong"}),
    ("complaint_feedback", {"complaint_id": str(uuid.uuid4()), "resolved": "co", "rating": "5",
                            "collected_at": "2026-11-24T01:00:00+00:00"}),
]


@pytest.fixture
def city(tmp_path):
    with running_server(tmp_path, "sqlite") as srv:
        proc = subprocess.run([bin_path("tocds-server"), "--db", srv.db_url, "--data-dir", str(srv.data_dir),
                               "city-account", "create", "Văn phòng"], capture_output=True, text=True, env=cli_env(),
                              timeout=120)
        assert proc.returncode == 0, proc.stderr
        yield srv, proc.stdout.strip()


def _item(kind: str, payload: dict) -> dict:
    return {"change_id": str(uuid.uuid4()), "kind": kind, "record_id": str(uuid.uuid4()), "op": "insert",
            "base_version": 0, "version": 1, "fields": sorted(payload), "payload": payload, "deleted": False}


def test_crafted_payloads_are_refused_per_item_and_the_rest_stored(city):
    srv, _key = city
    token = srv.token(BAD)
    good = _item("complaint", COMPLAINT)
    items = [_item(kind, payload) for kind, payload in CRAFTED] + [good]
    resp = requests.post(f"{srv.url}/v1/wards/{BAD}/push", json={"batch_id": str(uuid.uuid4()), "items": items},
                         headers={"Authorization": f"Bearer {token}", "X-Tocds-Protocol": "1"}, timeout=20)
    results = resp.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * len(CRAFTED) + ["applied"]
    assert [r["reason"].split(":")[0] for r in results[:-1]] == [
        "recorded_at", "accept_due_at", "recorded_at", "handle_due_at", "published_on", "published_on", "started_at",
        "rating"]
    assert set(srv.records(BAD)) == {("complaint", good["record_id"])}


def test_malformed_stored_rows_of_one_ward_do_not_break_the_city_view(city):
    srv, key = city
    srv.store_raw(GOOD, "complaint", str(uuid.uuid4()), COMPLAINT)
    srv.store_raw(GOOD, "resident", str(uuid.uuid4()), {"full_name": "Lan", "adoption_stage": "da_tao_tai_khoan"})
    for kind, payload in CRAFTED:
        srv.store_raw(BAD, kind, str(uuid.uuid4()), payload)
    srv.store_raw(BAD, "complaint", str(uuid.uuid4()), "{not json")
    resp = requests.get(f"{srv.url}/city/api/wards", headers={"Authorization": f"Bearer {key}"}, timeout=20)
    assert resp.status_code == 200, resp.text[:500]
    wards = {w["ward_code"]: w for w in resp.json()["wards"]}
    assert (wards[GOOD]["complaints"], wards[GOOD]["residents"], wards[GOOD]["account"]) == (1, 1, 1)
    assert wards[BAD]["complaints"] == 0 and wards[BAD]["help_sessions"] == 0
