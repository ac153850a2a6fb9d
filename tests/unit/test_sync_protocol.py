"""Wire-format helpers, URL rules, backoff, credentials."""

from __future__ import annotations

import random

import pytest

from desktop.sync import protocol as p
from desktop.sync.transport import BadServerUrl, Transport, backoff_delay, check_url


def test_ids_hash_is_order_independent_and_sensitive_to_membership():
    ids = [f"id-{i}" for i in range(50)]
    shuffled = ids[:]
    random.Random(1).shuffle(shuffled)
    assert p.ids_hash(ids) == p.ids_hash(shuffled)
    assert p.ids_hash(ids) != p.ids_hash(ids[:-1])
    assert p.ids_hash(ids) != p.ids_hash(ids[:-1] + ["id-x"])
    assert p.ids_hash([]) == "0" * 64


def test_payload_hash_is_canonical():
    assert p.payload_hash({"a": 1, "b": "Đ"}) == p.payload_hash({"b": "Đ", "a": 1})
    assert p.payload_hash({"a": 1}) != p.payload_hash({"a": 1}, deleted=True)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000", "http://localhost:1/", "https://dongbo.hanoi.gov.vn"])
def test_allowed_urls(url):
    assert check_url(url) == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://dongbo.hanoi.gov.vn", "ftp://x", "", "dongbo.hanoi.gov.vn", "http://10.0.0.5"])
def test_plain_http_only_to_this_computer(url):
    with pytest.raises(BadServerUrl):
        check_url(url)


def test_tls_verification_always_on_with_optional_ca_bundle(tmp_path):
    assert Transport("https://example.org").session.verify is True
    import pytest
    import trustme

    from desktop.sync.transport import TransportError

    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    with pytest.raises(TransportError, match="tls"):  # a CA file that holds no certificate is refused at once
        Transport("https://example.org", ca_bundle=str(ca))
    trustme.CA().cert_pem.write_to_path(str(ca))  # a real CA is added to the system's
    assert Transport("https://example.org", ca_bundle=str(ca)).session is not None


def test_backoff_grows_exponentially_with_jitter_and_a_cap():
    rng = random.Random(3)
    assert backoff_delay(0) == 0
    firsts = [backoff_delay(1, rng=rng) for _ in range(50)]
    assert all(2.5 <= d <= 5 for d in firsts) and len(set(firsts)) > 40  # jitter
    assert all(20 <= backoff_delay(4, rng=rng) <= 40 for _ in range(20))
    assert all(backoff_delay(30, rng=rng) <= 900 for _ in range(20))


def test_device_token_lives_in_the_keyring_per_data_folder(app_ctx, tmp_path):
    from desktop.data_folder import DataFolder
    from desktop.sync import credentials

    credentials.save_token(app_ctx.folder, "secret-token-123")
    other = DataFolder(tmp_path / "other")
    assert credentials.load_token(app_ctx.folder) == "secret-token-123"
    assert credentials.load_token(other) is None
    for f in app_ctx.folder.root.rglob("*"):
        if f.is_file() and f.suffix != ".db":
            assert b"secret-token-123" not in f.read_bytes()


def test_kinds_with_files_are_found_generically():
    from desktop.sync.attachments import file_kinds

    kinds = file_kinds()
    assert "attachment" in kinds  # the complaints engineer's model: sha256 + path
    cls, hash_col, path_col = kinds["attachment"]
    assert (hash_col, path_col) == ("sha256", "path")
    assert "resident" not in kinds


def test_rate_limiter_refuses_a_burst_beyond_its_bucket():
    from server.ratelimit import RateLimiter

    limiter = RateLimiter(rate=0.001, burst=5)
    assert [limiter.allow("dev") for _ in range(7)] == [True] * 5 + [False] * 2
    assert limiter.allow("other-device")


def test_pull_page_json_is_a_pull_response_with_the_stored_payload_texts_spliced_in():
    import json

    payloads = [{"full_name": "Nguyễn \"Văn\" A\\B", "n": 3, "x": None, "ok": True, "list": [1, 2.5]}, {}]
    rows = [("resident", "id-1", 2, p.canonical(payloads[0]), False, 7), ("complaint", "id-2", 1, "{}", True, 9)]
    body = p.pull_page_json(rows, 12, True)
    expected = p.PullResponse(records=[
        p.RemoteRecord(kind=k, record_id=r, version=v, payload=json.loads(t), deleted=d, seq=s) for k, r, v, t, d, s in rows
    ], cursor=12, more=True)
    assert p.PullResponse.model_validate_json(body) == expected
    assert json.loads(body) == expected.model_dump(exclude={"remaining"})  # not counted: not said (as before #19)
    assert json.loads(p.pull_page_json([], 5, False)) == {"records": [], "cursor": 5, "more": False}
    counted = p.pull_page_json(rows, 12, True, 3870)
    assert p.PullResponse.model_validate_json(counted).remaining == 3870


def test_push_request_json_is_the_push_request_with_the_stored_payload_texts_spliced_in():
    """The laptop sends its change log's payload texts as they are; the document is the wire model's."""
    import json
    import uuid

    from desktop.sync.outbox import OutboxItem

    payloads = [{"full_name": "Nguyễn \"Văn\" A\\B\n\t\u0001", "n": 3, "x": None, "ok": True, "list": [1, 2.5],
                 "nested": {"b": "ờ", "a": []}}, {}, {"notes": "đã sửa"}]
    items = [OutboxItem(str(uuid.uuid4()), "resident", str(uuid.uuid4()), "insert", 0, 1, sorted(payloads[0]),
                        p.canonical(payloads[0])),
             OutboxItem(str(uuid.uuid4()), "complaint", str(uuid.uuid4()), "delete", 3, 4, [], "{}", deleted=True),
             OutboxItem(str(uuid.uuid4()), "resident", str(uuid.uuid4()), "update", 1, 2, ["ghi_chú", "notes"],
                        p.canonical(payloads[2]))]
    batch_id = str(uuid.uuid4())
    body = p.push_request_json(batch_id, items)
    expected = p.PushRequest(batch_id=batch_id, items=items)  # the wire model, read from the same items
    assert [i.payload for i in expected.items] == payloads
    assert p.PushRequest.model_validate_json(body) == expected
    assert body == expected.model_dump_json().encode("utf-8")  # byte for byte what pydantic would send
    assert json.loads(p.push_request_json(batch_id, [])) == {"batch_id": batch_id, "items": []}
    for text in ("Nguyễn \"Văn\" A\\B\n\t\u0001\u2028", "", "\ud800", "😀"):  # its strings quoted as json.dumps does
        assert p._quoted(text) == json.dumps(text)


def test_fields_added_in_19_are_optional_both_ways():
    """An app one version older and a server one version older: the answers they make parse here with the
    former meaning, and this version's answers parse with the older models (additive fields only)."""
    from pydantic import BaseModel

    older_info = {"protocol_version": 1, "min_client_protocol": 1, "server_version": "0.9"}
    info = p.ServerInfo.model_validate(older_info)
    assert (info.max_batch_items, info.max_batch_bytes) == (p.FORMER_BATCH_ITEMS, p.FORMER_BATCH_BYTES)
    assert p.PullResponse.model_validate_json('{"records":[],"cursor":4,"more":false}').remaining is None

    class OlderPull(BaseModel):  # the app before #19
        records: list[p.RemoteRecord]
        cursor: int
        more: bool

    assert OlderPull.model_validate_json(p.pull_page_json([], 5, True, 12)).cursor == 5
    assert p.MAX_BATCH_ITEMS >= p.FORMER_BATCH_ITEMS  # an older app's batches are still taken


def test_a_broken_connection_is_tried_again_once_for_reads_and_pushes_only(monkeypatch):
    import requests

    t = Transport("http://127.0.0.1:9")
    calls: list[str] = []

    class Answer:
        status_code = 200
        content = b'{"protocol_version": 1, "min_client_protocol": 1, "server_version": "x"}'
        headers: dict = {}

    def flaky(method, url, **_kw):
        calls.append(method)
        if len(calls) % 2:
            raise requests.exceptions.ConnectionError("connection reset")
        return Answer()

    monkeypatch.setattr(t.session, "request", flaky)
    assert t.info().server_version == "x"
    assert calls == ["GET", "GET"]
    calls.clear()
    from desktop.sync.transport import TransportError

    with pytest.raises(TransportError):
        t.request("POST", "/v1/enroll", json_body={"code": "ABCD"})  # not safe to repeat: no second try
    assert calls == ["POST"]
