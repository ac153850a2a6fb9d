"""The server on its own: ward scoping on every endpoint, tokens, idempotency, limits, CLI, attachments."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import uuid

import pytest

from tests.conftest import bin_path, cli_env
from tests.e2e.sync_harness import open_laptop, protocol_session, running_server

http = protocol_session()

WARD, OTHER = "00166", "00004"
H = "0" * 64


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def srv(request, tmp_path):
    with running_server(tmp_path, request.param) as server:
        yield server


def _item(record_id=None, change_id=None, notes="x", version=1, base=0, op="insert"):
    return {"change_id": change_id or str(uuid.uuid4()), "kind": "resident", "record_id": record_id or str(uuid.uuid4()),
            "op": op, "base_version": base, "version": version, "fields": ["full_name", "notes"],
            "payload": {"full_name": "Nguyễn Văn A", "notes": notes}, "deleted": False}


ENDPOINTS = [
    ("POST", "/push", {"batch_id": str(uuid.uuid4()), "items": []}),
    ("GET", "/pull", None),
    ("GET", "/check", None),
    ("POST", "/ids", {"kind": "resident"}),
    ("POST", "/fetch", {"kind": "resident", "ids": []}),
    ("GET", f"/blobs/{H}", None),
    ("PUT", f"/blobs/{H}?offset=0", b"abc"),
    ("GET", f"/blobs/{H}/content?offset=0", None),
]


@pytest.mark.parametrize("method, path, body", ENDPOINTS)
def test_every_ward_endpoint_refuses_another_wards_token(srv, method, path, body):
    token = srv.token(OTHER)
    url = f"{srv.url}/v1/wards/{WARD}{path}"
    kwargs = {"json": body} if isinstance(body, dict) else {"data": body}
    r = http.request(method, url, headers={"Authorization": f"Bearer {token}"}, timeout=10, **kwargs)
    assert r.status_code == 403, r.text
    assert r.json()["detail"]["code"] == "wrong_ward"
    r = http.request(method, url, timeout=10, **kwargs)
    assert r.status_code == 401


def test_revoked_token_and_used_code_are_refused(srv):
    from server import auth

    code = srv.enroll_code(WARD)
    r = http.post(f"{srv.url}/v1/enroll", json={"code": code, "device_name": "máy 1"}, timeout=10)
    assert r.status_code == 200 and r.json()["ward_code"] == WARD
    token = r.json()["token"]
    again = http.post(f"{srv.url}/v1/enroll", json={"code": code}, timeout=10)
    assert again.status_code == 403
    ok = http.get(f"{srv.url}/v1/wards/{WARD}/check", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert ok.status_code == 200
    with srv.engine.begin() as conn:
        assert auth.revoke(conn, device_id=r.json()["device_id"]) == 1
        stored = [d for d in auth.devices(conn)]
    no = http.get(f"{srv.url}/v1/wards/{WARD}/check", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert no.status_code == 401
    # tokens are stored hashed, never as given
    from sqlalchemy import select

    from server.db import device

    with srv.engine.connect() as conn:
        hashes = list(conn.execute(select(device.c.token_hash)).scalars())
    assert token not in hashes and hashlib.sha256(token.encode()).hexdigest() in hashes
    assert stored


def test_idempotency_same_payload_stored_once_different_payload_conflict(srv):
    token = srv.token(WARD)
    hdr = {"Authorization": f"Bearer {token}"}
    item = _item()
    push = f"{srv.url}/v1/wards/{WARD}/push"
    first = http.post(push, json={"batch_id": str(uuid.uuid4()), "items": [item]}, headers=hdr, timeout=10).json()
    assert first["results"][0]["status"] == "applied"
    replay = http.post(push, json={"batch_id": str(uuid.uuid4()), "items": [item]}, headers=hdr, timeout=10).json()
    assert replay["results"][0]["status"] == "already_stored"
    changed = dict(item, payload={"full_name": "Nguyễn Văn A", "notes": "khác"})
    other = http.post(push, json={"batch_id": str(uuid.uuid4()), "items": [changed]}, headers=hdr, timeout=10).json()
    assert other["results"][0]["status"] == "conflict"
    assert srv.version_rows() == 1


def test_bad_items_are_rejected_per_item_and_the_rest_applied(srv):
    token = srv.token(WARD)
    hdr = {"Authorization": f"Bearer {token}"}
    good = _item()
    bad = _item(base=3, version=2, op="update")  # version not after its base
    r = http.post(f"{srv.url}/v1/wards/{WARD}/push", json={"batch_id": str(uuid.uuid4()), "items": [bad, good]},
                      headers=hdr, timeout=10)
    statuses = [x["status"] for x in r.json()["results"]]
    assert statuses == ["rejected", "applied"]
    # another ward cannot write over this ward's record
    theirs = srv.token(OTHER)
    steal = _item(record_id=good["record_id"], base=1, version=2, op="update")
    r = http.post(f"{srv.url}/v1/wards/{OTHER}/push", json={"batch_id": str(uuid.uuid4()), "items": [steal]},
                      headers={"Authorization": f"Bearer {theirs}"}, timeout=10)
    assert r.json()["results"][0]["status"] == "rejected"


def test_gzip_bodies_size_limit_and_old_protocol(srv):
    token = srv.token(WARD)
    hdr = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    body = gzip.compress(json.dumps({"batch_id": str(uuid.uuid4()), "items": [_item()]}).encode())
    r = http.post(f"{srv.url}/v1/wards/{WARD}/push", data=body, headers=dict(hdr, **{"Content-Encoding": "gzip"}),
                      timeout=10)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
    r = http.post(f"{srv.url}/v1/wards/{WARD}/push", data=body[:20], headers=dict(hdr, **{"Content-Encoding": "gzip"}),
                      timeout=10)
    assert r.status_code == 400
    r = http.post(f"{srv.url}/v1/wards/{WARD}/push", data=b"x" * 9_000_000, headers=hdr, timeout=30)
    assert r.status_code == 413
    r = http.get(f"{srv.url}/v1/info", headers={"X-Tocds-Protocol": "0"}, timeout=10)
    assert r.status_code == 426 and r.json()["detail"]["code"] == "upgrade_required"


def test_too_old_client_is_told_to_update(srv, tmp_path, monkeypatch):
    from desktop.services.sync import service as sync_service
    from desktop.sync import protocol

    ctx = open_laptop(tmp_path / "old")
    try:
        sync_service.sync_now(ctx, srv.url, srv.enroll_code(WARD))
        monkeypatch.setattr(protocol, "PROTOCOL_VERSION", 0)
        with pytest.raises(sync_service.SyncFailed) as info:
            sync_service.sync_now(ctx)
        assert info.value.kind == "upgrade" and "cập nhật ứng dụng" in info.value.message
        assert "cập nhật ứng dụng" in sync_service.sync_status(ctx)["last_error"]
    finally:
        ctx.close()


def test_enrolment_code_of_another_ward_is_refused_locally(srv, tmp_path):
    from desktop.services.sync import service as sync_service

    ctx = open_laptop(tmp_path / "x")
    try:
        with pytest.raises(sync_service.SyncFailed) as info:
            sync_service.sync_now(ctx, srv.url, srv.enroll_code(OTHER))
        assert OTHER in info.value.message
    finally:
        ctx.close()


def test_attachment_upload_resumes_and_is_stored_once(srv, tmp_path):
    from desktop.sync import attachments
    from desktop.sync.transport import Transport

    a = open_laptop(tmp_path / "a")
    b = open_laptop(tmp_path / "b")
    try:
        data = bytes(range(256)) * 3000  # 768 kB: several chunks
        digest = hashlib.sha256(data).hexdigest()
        path = a.folder.attachments / digest
        path.write_bytes(data)
        ta = Transport(srv.url, token=srv.token(WARD))
        st = ta.blob_status(WARD, digest, len(data))
        assert (st.received, st.complete) == (0, False)
        ta.blob_chunk(WARD, digest, 0, data[:100_000])  # then the connection died
        assert ta.blob_status(WARD, digest, len(data)).received == 100_000
        assert attachments.upload(a, ta, WARD, digest, path) is True
        stored = list((srv.data_dir / "blobs").rglob(digest))
        assert len(stored) == 1 and stored[0].read_bytes() == data
        # a second laptop with the same photo: nothing is sent again
        pb = b.folder.attachments / digest
        pb.write_bytes(data)
        tb = Transport(srv.url, token=srv.token(WARD))
        assert tb.blob_status(WARD, digest, len(data)).complete is True
        assert attachments.upload(b, tb, WARD, digest, pb) is True
        assert len(list((srv.data_dir / "blobs").rglob(digest + "*"))) == 1
        # a corrupted upload is refused and starts over
        bad = b"not the content"
        wrong = hashlib.sha256(b"other").hexdigest()
        tb.blob_status(WARD, wrong, len(bad))
        from desktop.sync.transport import ServerRefused

        with pytest.raises(ServerRefused):
            tb.blob_chunk(WARD, wrong, 0, bad)
        assert tb.blob_status(WARD, wrong, len(bad)).received == 0
    finally:
        a.close()
        b.close()


def test_cli_sync_enrol_and_json_summary(srv, tmp_path):
    data = tmp_path / "cli-laptop"
    env = cli_env()
    subprocess.run([bin_path("tocds-cli"), "--data-dir", str(data), "init", "--ward-code", WARD], env=env, check=True,
                   capture_output=True)
    code = srv.enroll_code(WARD)
    run = subprocess.run([bin_path("tocds-cli"), "--data-dir", str(data), "sync", "--server", srv.url,
                          "--enroll-code", code, "--json"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"pushed": 0, "pulled": 0, "conflicts": 0, "rejected": 0, "set_aside": 0,
                                      "pending": 0, "changes_sent": 0, "merged": 0, "already_stored": 0}
    bad = subprocess.run([bin_path("tocds-cli"), "--data-dir", str(data), "sync", "--server", "http://example.org",
                          "--json"], env=env, capture_output=True, text=True)
    assert bad.returncode == 1 and "https://" in bad.stderr


def test_server_cli_enroll_prints_a_code(tmp_path):
    env = cli_env(TOCDS_SERVER_DATA=str(tmp_path / "srv"))
    run = subprocess.run([bin_path("tocds-server"), "enroll", "--ward-code", WARD], env=env, capture_output=True,
                         text=True, check=True)
    code = run.stdout.strip()
    assert len(code) == 14 and code.count("-") == 2
    bad = subprocess.run([bin_path("tocds-server"), "enroll", "--ward-code", "99999"], env=env, capture_output=True,
                         text=True)
    assert bad.returncode == 2


def test_a_pull_passes_over_the_devices_own_records_in_the_query_not_page_by_page(srv):
    """#19 item 3: after pushing 30 records, the pushing device's pull is one page holding the other device's record,
    its cursor at the ward's last change (before, pages of its own records came back empty one after another)."""
    mine, theirs = srv.token(WARD), srv.token(WARD)
    push = f"{srv.url}/v1/wards/{WARD}/push"
    pull = f"{srv.url}/v1/wards/{WARD}/pull"
    for token, items in ((mine, [_item(notes=f"của tôi {i}") for i in range(20)]), (theirs, [_item(notes="của máy kia")]),
                         (mine, [_item(notes=f"của tôi sau {i}") for i in range(10)])):
        answer = http.post(push, json={"batch_id": str(uuid.uuid4()), "items": items},
                           headers={"Authorization": f"Bearer {token}"}, timeout=10).json()
        assert {r["status"] for r in answer["results"]} == {"applied"}
    page = http.get(pull, params={"cursor": 0, "limit": 10, "count": "true"},
                    headers={"Authorization": f"Bearer {mine}"}, timeout=10).json()
    assert [r["payload"]["notes"] for r in page["records"]] == ["của máy kia"]
    assert (page["cursor"], page["more"]) == (31, False)
    again = http.get(pull, params={"cursor": page["cursor"], "limit": 10},
                     headers={"Authorization": f"Bearer {mine}"}, timeout=10).json()
    assert (again["records"], again["cursor"], again["more"]) == ([], 31, False)
    notes, cursor, more = [], 0, True  # the other device pages through all 30 of them, in order
    while more:
        page = http.get(pull, params={"cursor": cursor, "limit": 10},
                        headers={"Authorization": f"Bearer {theirs}"}, timeout=10).json()
        notes += [r["payload"]["notes"] for r in page["records"]]
        cursor, more = page["cursor"], page["more"]
    assert notes == [f"của tôi {i}" for i in range(20)] + [f"của tôi sau {i}" for i in range(10)]
    assert cursor == 31
