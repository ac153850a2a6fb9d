"""No ward reads another's data through push (issue #15, finding 2).

Ward B reused a change id of its own with the record id of a ward-A record and `op=update`;
the server looked the change id up first and answered `conflict` with ward A's whole record.
Here ward B pushes every combination of own/other change id × own/other record id ×
insert/update/delete; nothing of ward A may appear in any answer or in anything B can read
afterwards, and A's record stays as it was.
"""

from __future__ import annotations

import itertools
import json
import uuid

import pytest
import requests

from desktop.sync import protocol as p
from tests.e2e.sync_harness import running_server

A, B = "00004", "00166"
A_VALUES = {"full_name": "Phạm Thị Bí Mật", "phone": "+84912000111", "cccd": "001190099887",
            "birth_date": "1990-04-05", "address_detail": "Số 9 ngõ Kín, Ba Đình"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def srv(request, tmp_path):
    with running_server(tmp_path, request.param) as server:
        yield server


def _push(srv, ward: str, token: str, *items: dict) -> requests.Response:
    return requests.post(f"{srv.url}/v1/wards/{ward}/push", json={"batch_id": str(uuid.uuid4()), "items": list(items)},
                         headers={"Authorization": f"Bearer {token}", "X-Tocds-Protocol": "1"}, timeout=20)


def _results(resp: requests.Response) -> list[dict]:
    """The answer's results as a client reads them (the wire model: a field the server leaves out is at its default)."""
    return p.PushResponse.model_validate_json(resp.content).model_dump()["results"]


def _item(change_id: str, record_id: str, op: str, payload: dict, version: int = 1, base: int = 0) -> dict:
    return {"change_id": change_id, "kind": "resident", "record_id": record_id, "op": op, "base_version": base,
            "version": version, "fields": sorted(payload), "payload": payload, "deleted": op == "delete"}


def _leaks(text: str) -> list[str]:
    return [v for v in (*A_VALUES.values(), "Bí Mật", "0099887", "912000111") if v in text]


def test_no_combination_of_change_id_record_id_and_op_reaches_another_ward(srv):
    token_a, token_b = srv.token(A), srv.token(B)
    rec_a, change_a = str(uuid.uuid4()), str(uuid.uuid4())
    rec_b, change_b = str(uuid.uuid4()), str(uuid.uuid4())
    assert _push(srv, A, token_a, _item(change_a, rec_a, "insert", dict(A_VALUES))).json()["results"][0]["status"] == "applied"
    mine = {"full_name": "Lê Văn Bình", "notes": "của phường B"}
    assert _push(srv, B, token_b, _item(change_b, rec_b, "insert", mine)).json()["results"][0]["status"] == "applied"
    before = srv.records(A)

    answers = []
    for (cid_owner, change_id), (rid_owner, record_id), op in itertools.product(
            (("own", change_b), ("other", change_a)), (("own", rec_b), ("other", rec_a)), ("insert", "update", "delete")):
        version, base = (1, 0) if op == "insert" else (5, 1)
        payload = {"full_name": "Kẻ dò", "notes": f"{cid_owner}/{rid_owner}/{op}"}
        resp = _push(srv, B, token_b, _item(change_id, record_id, op, payload, version, base))
        assert resp.status_code == 200, resp.text
        [result] = _results(resp)
        answers.append(((cid_owner, rid_owner, op), result))
        assert not _leaks(resp.text), (cid_owner, rid_owner, op, resp.text)
        if rid_owner == "other":
            assert result["status"] == "rejected" and result["server_payload"] is None, (cid_owner, op, result)
        if cid_owner == "other":
            assert result["server_payload"] is None or "Bí Mật" not in json.dumps(result["server_payload"])
    # the same combinations in one batch, too
    batch = [_item(c, r, op, {"full_name": "Kẻ dò", "notes": "lô"}, *((1, 0) if op == "insert" else (7, 1)))
             for c, r, op in itertools.product((change_b, change_a), (rec_b, rec_a), ("insert", "update", "delete"))]
    resp = _push(srv, B, token_b, *batch)
    assert resp.status_code == 200 and not _leaks(resp.text)

    assert srv.records(A) == before  # ward A's record untouched
    hdr = {"Authorization": f"Bearer {token_b}", "X-Tocds-Protocol": "1"}
    for method, path, body in (("GET", "/pull?cursor=0&limit=2000", None), ("GET", "/check", None),
                               ("POST", "/ids", {"kind": "resident"}),
                               ("POST", "/fetch", {"kind": "resident", "ids": [rec_a, rec_b]})):
        r = requests.request(method, f"{srv.url}/v1/wards/{B}{path}", json=body, headers=hdr, timeout=20)
        assert r.status_code == 200 and not _leaks(r.text) and rec_a not in r.text, (path, r.text[:300])
    assert len(answers) == 12


def test_a_record_pointing_at_another_wards_record_is_refused(srv):
    token_a, token_b = srv.token(A), srv.token(B)
    group_a = str(uuid.uuid4())
    g = {"change_id": str(uuid.uuid4()), "kind": "residential_group", "record_id": group_a, "op": "insert",
         "base_version": 0, "version": 1, "fields": ["name", "name_folded"],
         "payload": {"name": "Tổ 1", "name_folded": "to 1"}, "deleted": False}
    assert _push(srv, A, token_a, g).json()["results"][0]["status"] == "applied"
    own = _item(str(uuid.uuid4()), str(uuid.uuid4()), "insert", {"full_name": "Lê Văn Bình"})
    sneaky = _item(str(uuid.uuid4()), str(uuid.uuid4()), "insert", {"full_name": "Đỗ Thị Hà", "residential_group_id": group_a})
    results = _results(_push(srv, B, token_b, sneaky, own))
    assert [(r["status"], r["reason"]) for r in results] == [("rejected", "refers to a record of another ward"),
                                                             ("applied", "")]
