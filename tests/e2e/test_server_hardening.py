"""The server against an attacker (issue #15, findings 4, 6, 7, 9): bodies before authentication, the
protocol header, the enrolment rate per address, the database file's mode, the API documentation,
ward codes of five digits, uploads nobody can squat."""

from __future__ import annotations

import gzip
import hashlib
import json
import socket
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import bin_path, cli_env
from tests.e2e.sync_harness import protocol_session, running_server

WARD, OTHER = "00166", "00004"
http = protocol_session()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def srv(request, tmp_path):
    with running_server(tmp_path, request.param) as server:
        yield server


def _raw(srv, head: str, body: bytes) -> bytes:
    """Send a request's head and part of its body, and read the answer (the server must not wait for the rest)."""
    with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as conn:
        conn.sendall(head.encode("latin-1") + b"\r\n" + body)
        conn.settimeout(10)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except socket.timeout:
            pytest.fail("the server waited for the body before checking the token")
        return answer


@pytest.mark.parametrize("auth", ["", "Authorization: Bearer not-a-token\r\n"])
def test_a_body_is_never_read_before_the_token_is_checked(srv, auth):
    head = (f"POST /v1/wards/{WARD}/push HTTP/1.1\r\nHost: x\r\nX-Tocds-Protocol: 1\r\n{auth}"
            "Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 5000000\r\n")
    answer = _raw(srv, head, b"\x1f\x8b" + b"\0" * 100)  # 100 bytes of a declared 5 MB
    assert answer.startswith(b"HTTP/1.1 401"), answer[:200]


def test_another_wards_device_is_refused_before_its_body_is_read(srv):
    token = srv.token(OTHER)
    head = (f"POST /v1/wards/{WARD}/push HTTP/1.1\r\nHost: x\r\nX-Tocds-Protocol: 1\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/json\r\nContent-Length: 5000000\r\n")
    assert _raw(srv, head, b"{" * 100).startswith(b"HTTP/1.1 403")


def test_unauthenticated_bodies_are_capped_small_compressed_or_not(srv):
    code = srv.enroll_code(WARD)
    padded = {"code": code, "device_name": "máy", "device_key": "k" * 43, "padding": "x" * 100_000}
    r = http.post(f"{srv.url}/v1/enroll", data=json.dumps(padded), headers={"Content-Type": "application/json"}, timeout=10)
    assert r.status_code == 413
    bomb = gzip.compress(json.dumps(padded).encode())  # 0.2 kB that inflates to 100 kB
    assert len(bomb) < 2000
    r = http.post(f"{srv.url}/v1/enroll", data=bomb, headers={"Content-Type": "application/json",
                                                               "Content-Encoding": "gzip"}, timeout=10)
    assert r.status_code == 413
    ok = http.post(f"{srv.url}/v1/enroll", json={"code": code, "device_name": "máy"}, timeout=10)
    assert ok.status_code == 200  # the code was not spent by the refused ones


def test_the_protocol_header_is_required_on_v1(srv):
    import requests

    r = requests.get(f"{srv.url}/v1/info", timeout=10)
    assert r.status_code == 400 and r.json()["detail"]["code"] == "protocol_required"
    assert http.get(f"{srv.url}/v1/info", timeout=10).status_code == 200
    assert requests.get(f"{srv.url}/city", timeout=10).status_code == 200  # not an API route


def test_the_api_documentation_only_behind_a_flag(tmp_path):
    import requests

    with running_server(tmp_path / "plain", "sqlite") as plain:
        for path in ("/docs", "/openapi.json", "/redoc"):
            assert requests.get(plain.url + path, timeout=10).status_code == 404, path
    with running_server(tmp_path / "docs", "sqlite", docs=True) as documented:
        assert requests.get(documented.url + "/openapi.json", timeout=10).status_code == 200
        assert requests.get(documented.url + "/docs", timeout=10).status_code == 200


def test_the_server_database_is_readable_by_its_owner_only(tmp_path):
    with running_server(tmp_path, "sqlite") as server:
        server.token(WARD)  # a write: the WAL exists
        files = [f for f in (tmp_path / "server-sqlite").iterdir() if f.name.startswith("server.db")]
        assert {f.name for f in files} >= {"server.db", "server.db-wal"}
        for f in files:
            assert f.stat().st_mode & 0o777 == 0o600, f.name
    data = tmp_path / "cli-server"
    run = subprocess.run([bin_path("tocds-server"), "--data-dir", str(data), "enroll", "--ward-code", WARD],
                         env=cli_env(), capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert (data / "server.db").stat().st_mode & 0o777 == 0o600
    assert data.stat().st_mode & 0o777 == 0o700


def test_wrong_enrolment_codes_are_limited_per_client_address(srv):
    url = f"{srv.url}/v1/enroll"
    statuses = [http.post(url, json={"code": f"WRONG-{i:04d}"}, timeout=10).status_code for i in range(300)]
    assert statuses[:10] == [403] * 10 and set(statuses[10:]) == {429}
    refused = http.post(url, json={"code": srv.enroll_code(WARD)}, timeout=10)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    # another address (through the reverse proxy on this computer) is not held back
    elsewhere = {"X-Forwarded-For": "10.20.30.40"}
    assert http.post(url, json={"code": "WRONG-X"}, headers=elsewhere, timeout=10).status_code == 403
    assert http.post(url, json={"code": srv.enroll_code(WARD)}, headers=elsewhere, timeout=10).status_code == 200


def _enrol(srv, code: str, key: str = "") -> "object":
    return http.post(f"{srv.url}/v1/enroll", json={"code": code, "device_name": "máy", "device_key": key}, timeout=10)


def _works(srv, token: str) -> bool:
    r = http.get(f"{srv.url}/v1/wards/{WARD}/check", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    return r.status_code == 200


def test_the_same_code_and_device_key_again_give_that_device_a_new_token(srv):
    from sqlalchemy import select, update

    from server import auth
    from server.db import device, enrolment_code

    key, other_key = "K" * 43, "Q" * 43
    code = srv.enroll_code(WARD)
    first = _enrol(srv, code, key).json()
    again = _enrol(srv, code, key)
    assert again.status_code == 200
    assert again.json()["device_id"] == first["device_id"] and again.json()["token"] != first["token"]
    assert _works(srv, again.json()["token"]) and not _works(srv, first["token"])  # the old one is revoked
    assert _enrol(srv, code, other_key).status_code == 403  # another laptop cannot take it over
    assert _enrol(srv, code).status_code == 403
    with srv.engine.begin() as conn:
        assert conn.execute(select(device.c.id).where(device.c.ward_code == WARD)).scalars().all() == [first["device_id"]]
        assert key not in str(conn.execute(select(device)).all())  # the key is kept hashed
        conn.execute(update(enrolment_code).values(expires_at=(datetime.now(timezone.utc) - timedelta(1)).isoformat()))
    assert _enrol(srv, code, key).status_code == 403  # only while the code is valid
    code2 = srv.enroll_code(WARD)
    got = _enrol(srv, code2, key).json()
    with srv.engine.begin() as conn:
        auth.revoke(conn, device_id=got["device_id"])
    assert _enrol(srv, code2, key).status_code == 403  # a revoked device stays revoked


def test_ward_codes_are_the_five_digit_official_ones(srv, tmp_path):
    from desktop.services.sync.service import sync_now
    from server import auth
    from tests.e2e.sync_harness import open_laptop

    env = cli_env()
    run = subprocess.run([bin_path("tocds-server"), "--db", srv.db_url, "--data-dir", str(srv.data_dir), "enroll",
                          "--ward-code", "166"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "00166" in run.stderr
    ctx = open_laptop(tmp_path / "laptop")
    try:
        assert sync_now(ctx, srv.url, run.stdout.strip())["pending"] == 0  # the laptop (00166) takes it
    finally:
        ctx.close()
    with srv.engine.begin() as conn:
        with pytest.raises(auth.UnknownWard):
            auth.new_enrolment_code(conn, "99999")
        assert auth.official_ward("0166") == "00166"


def test_nobody_can_block_another_devices_upload(srv):
    from server import blobs

    data = bytes(range(256)) * 2000  # 512 kB
    digest = hashlib.sha256(data).hexdigest()
    squatter, same_ward_squatter, owner = srv.token(OTHER), srv.token(WARD), srv.token(WARD)

    def call(method: str, ward: str, token: str, **kw):
        return http.request(method, f"{srv.url}/v1/wards/{ward}/blobs/{digest}", timeout=20,
                            headers={"Authorization": f"Bearer {token}"}, **kw)

    assert call("GET", OTHER, squatter, params={"size": 1}).json()["size"] == 1  # declared first, wrong size
    assert call("GET", WARD, same_ward_squatter, params={"size": 1}).json()["size"] == 1
    assert call("PUT", WARD, same_ward_squatter, params={"offset": 0}, data=b"x").status_code == 409  # not its hash
    st = call("GET", WARD, owner, params={"size": len(data)}).json()
    assert (st["size"], st["received"], st["complete"]) == (len(data), 0, False)
    for offset in range(0, len(data), 256 * 1024):
        r = call("PUT", WARD, owner, params={"offset": offset}, data=data[offset:offset + 256 * 1024])
        assert r.status_code == 200, r.text
    assert r.json()["complete"] is True
    got = http.get(f"{srv.url}/v1/wards/{WARD}/blobs/{digest}/content", params={"offset": 0}, timeout=20,
                   headers={"Authorization": f"Bearer {owner}"})
    assert got.content == data[:len(got.content)] and int(got.headers["X-Tocds-Blob-Size"]) == len(data)
    # an abandoned declaration expires with its part file
    other = hashlib.sha256(b"abandoned").hexdigest()
    http.get(f"{srv.url}/v1/wards/{WARD}/blobs/{other}", params={"size": 9}, timeout=10,
             headers={"Authorization": f"Bearer {owner}"})
    http.put(f"{srv.url}/v1/wards/{WARD}/blobs/{other}", params={"offset": 0}, data=b"aban", timeout=10,
             headers={"Authorization": f"Bearer {owner}"})
    root = srv.data_dir / "blobs"
    assert list(root.rglob(f"{other}.*.part"))
    with srv.engine.begin() as conn:
        assert blobs.expire_uploads(conn, root, datetime.now(timezone.utc) + blobs.UPLOAD_TTL + timedelta(1)) >= 1
    assert not list(root.rglob(f"{other}.*.part"))
    st = http.get(f"{srv.url}/v1/wards/{WARD}/blobs/{other}", timeout=10, headers={"Authorization": f"Bearer {owner}"})
    assert st.json()["received"] == 0 and st.json()["size"] == 0
