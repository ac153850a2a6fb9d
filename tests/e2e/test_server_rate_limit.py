"""Issue #8 point 6: a per-device rate limit on the server (429 with Retry-After), per device."""

from __future__ import annotations


from tests.e2e.sync_harness import protocol_session, running_server

http = protocol_session()

WARD = "00166"


def _token(srv) -> str:
    r = http.post(f"{srv.url}/v1/enroll", json={"code": srv.enroll_code(WARD), "device_name": "máy"}, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["token"]


def test_a_device_over_its_rate_is_told_to_slow_down_and_others_are_not(tmp_path):
    # a tiny bucket: 3 requests at once, then almost nothing refills during the test
    with running_server(tmp_path, "sqlite", rate=0.01, burst=3) as srv:
        greedy, other = _token(srv), _token(srv)
        url = f"{srv.url}/v1/wards/{WARD}/check"
        codes = [http.get(url, headers={"Authorization": f"Bearer {greedy}"}, timeout=10).status_code
                 for _ in range(5)]
        assert codes[:3] == [200, 200, 200]
        assert codes[3:] == [429, 429]
        refused = http.get(url, headers={"Authorization": f"Bearer {greedy}"}, timeout=10)
        assert refused.headers.get("Retry-After") and refused.json()["detail"]["code"] == "rate_limited"
        ok = http.get(url, headers={"Authorization": f"Bearer {other}"}, timeout=10)
        assert ok.status_code == 200, "the limit is per device, not per server"
