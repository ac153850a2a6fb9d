"""HTTP to the sync server: timeouts, TLS always verified, gzip bodies, sorted failures.

Plain http is allowed only to localhost / 127.0.0.1 / ::1. Failures are sorted into
TransportError (retry later, with exponential backoff and jitter), UpgradeRequired
(stop: "cập nhật ứng dụng"), AuthError (enrol again) and ServerRefused (4xx).
"""

from __future__ import annotations

import gzip
import json
import logging
import random
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import requests
from pydantic import ValidationError

from desktop.sync import protocol as p

log = logging.getLogger(__name__)

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 60.0
GZIP_MIN_BYTES = 1024
CONNECTION_RETRIES = 1
GZIP_LEVEL = 5  # deflate's fast strategy: near level 9's size on JSON, several times quicker


class SyncError(Exception):
    """Base of every sync failure; `kind` sorts it."""

    kind = "error"


class TransportError(SyncError):
    kind = "transport"


class UpgradeRequired(SyncError):
    kind = "upgrade"


class AuthError(SyncError):
    kind = "auth"


class ServerRefused(SyncError):
    kind = "refused"

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


class BadServerUrl(SyncError):
    kind = "config"


def check_url(url: str) -> str:
    """The server URL normalised; https required except for this computer."""
    url = (url or "").strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise BadServerUrl(url)
    if parsed.scheme == "http" and parsed.hostname not in LOCAL_HOSTS:
        raise BadServerUrl(url)
    return url


def backoff_delay(failures: int, base: float = 5.0, cap: float = 900.0, rng: random.Random | None = None) -> float:
    """Seconds to wait after `failures` failed attempts in a row: full jitter over an exponential ceiling."""
    if failures <= 0:
        return 0.0
    ceiling = min(cap, base * (2 ** (failures - 1)))
    return (rng or random).uniform(ceiling / 2, ceiling)


def _gzipped(encoded: bytes) -> tuple[bytes, bool]:
    """A JSON body as it goes out: gzipped when large enough to gain by it."""
    if len(encoded) > GZIP_MIN_BYTES:
        return gzip.compress(encoded, compresslevel=GZIP_LEVEL), True
    return encoded, False


@dataclass(frozen=True, slots=True)
class PushBody:
    """A push batch encoded for the wire: made by `Transport.push_body` while the batch before is still at the
    server; `send_push` gzips it on the thread that sends it (zlib lets go of the GIL: the sync's own thread
    settles and takes batches in the meantime)."""

    batch_id: str
    items: list  # what it carries (the outbox's items, or a PushRequest's)
    encoded_json: bytes


class Transport:
    def __init__(self, server_url: str, *, token: str | None = None, ca_bundle: str = "", proxy: str = "",
                 timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT)):
        from desktop.sync.http import new_session

        self.base = check_url(server_url)
        self.token = token
        self.timeout = timeout
        try:  # the system's certificate store and the CA-bundle setting; the system or the set proxy
            self.session = new_session(self.base, ca_bundle=ca_bundle, proxy=proxy)
        except (OSError, ssl.SSLError) as exc:  # a CA bundle that cannot be read
            raise TransportError(f"tls: {type(exc).__name__}") from exc
        self.session.headers[p.PROTOCOL_HEADER] = str(p.PROTOCOL_VERSION)
        self.session.headers["Accept-Encoding"] = "gzip"

    def close(self) -> None:
        self.session.close()

    def _headers(self, extra: dict | None = None) -> dict:
        headers = dict(extra or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def request(self, method: str, path: str, *, json_body: Any = None, data: bytes | None = None,
                params: dict | None = None, content_type: str = "application/json", raw: bool = False,
                encoded_json: bytes | None = None, idempotent: bool = False) -> Any:
        """`encoded_json`: a JSON body already written out (gzipped here when large)."""
        headers = self._headers()
        body, gzipped = data, False
        if json_body is not None:
            encoded_json = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if encoded_json is not None:
            body, gzipped = _gzipped(encoded_json)
        if gzipped:
            headers["Content-Encoding"] = "gzip"
        if body is not None:
            headers["Content-Type"] = content_type
        # A connection that breaks before an answer (a kept-alive connection the server closed just then, a
        # reset under load) is tried once more at once on a fresh one, for requests that are safe to repeat:
        # reads, and pushes (the server answers a batch it already stored with `already_stored`).
        attempts = CONNECTION_RETRIES + 1 if (method == "GET" or idempotent) else 1
        try:
            for attempt in range(attempts):
                try:
                    resp = self.session.request(method, self.base + path, data=body, params=params, headers=headers,
                                                timeout=self.timeout)
                    payload = resp.content  # a truncated answer raises here (ChunkedEncodingError)
                    break
                except requests.exceptions.ConnectionError as exc:
                    # no server reachable (a timeout connecting): offline, say so now, do not wait twice
                    if attempt + 1 >= attempts or isinstance(exc, (requests.exceptions.SSLError,
                                                                   requests.exceptions.ConnectTimeout)):
                        raise
                    log.info("connection broken (%s): trying again on a new one", type(exc).__name__)
        except requests.exceptions.SSLError as exc:
            raise TransportError(f"tls: {type(exc).__name__}") from exc
        except requests.exceptions.RequestException as exc:
            raise TransportError(type(exc).__name__) from exc
        if resp.status_code == 426:
            raise UpgradeRequired(resp.text[:200])
        if resp.status_code in (401,):
            raise AuthError(_detail(payload).get("code", "auth"))
        if resp.status_code == 429 or resp.status_code >= 500:
            raise TransportError(f"http {resp.status_code}")
        if resp.status_code >= 400:
            detail = _detail(payload)
            raise ServerRefused(resp.status_code, detail.get("code", ""), detail.get("message", ""))
        if raw:
            return payload, resp.headers
        try:
            return json.loads(payload)
        except ValueError as exc:
            raise TransportError("answer is not JSON (cut short?)") from exc

    # -- the protocol's calls -----------------------------------------------------------
    def info(self) -> p.ServerInfo:
        return p.ServerInfo.model_validate(self.request("GET", f"{p.API_PREFIX}/info"))

    def enroll(self, code: str, device_name: str, device_key: str = "") -> p.EnrollResponse:
        body = p.EnrollRequest(code=code, device_name=device_name, device_key=device_key).model_dump()
        return p.EnrollResponse.model_validate(self.request("POST", f"{p.API_PREFIX}/enroll", json_body=body))

    def push(self, ward: str, batch) -> p.PushResponse:
        """`batch`: a `PushRequest`, or the outbox's batch (its items' payloads sent as their stored text).
        In three steps, which the sync's push pipeline takes apart: encode, send, read the answer."""
        return self.read_push(self.send_push(ward, self.push_body(batch)))

    @staticmethod
    def push_body(batch) -> PushBody:
        """A batch encoded for sending (no network: done while the batch before is at the server)."""
        encoded = _encode(batch) if isinstance(batch, p.PushRequest) else p.push_request_json(batch.batch_id, batch.items)
        return PushBody(batch.batch_id, batch.items, encoded)

    def send_push(self, ward: str, body: PushBody) -> bytes:
        """Send an encoded batch (gzipped here, when large); the server's answer as it came (read it with
        `read_push`)."""
        raw, _headers = self.request("POST", f"{p.API_PREFIX}/wards/{ward}/push", encoded_json=body.encoded_json,
                                     raw=True, idempotent=True)
        return raw

    @staticmethod
    def read_push(raw: bytes) -> p.PushResponse:
        return _validated_json(p.PushResponse, raw)

    def pull(self, ward: str, cursor: int, limit: int = 1000, *, count: bool = False) -> p.PullResponse:
        """A page after `cursor`; `count`: the server also says how many records are still to come (an older
        server ignores the question and answers without `remaining`)."""
        params = {"cursor": cursor, "limit": limit, **({"count": "true"} if count else {})}
        body, _headers = self.request("GET", f"{p.API_PREFIX}/wards/{ward}/pull", params=params, raw=True)
        return _validated_json(p.PullResponse, body)

    def check(self, ward: str) -> p.CheckResponse:
        return _validated(p.CheckResponse, self.request("GET", f"{p.API_PREFIX}/wards/{ward}/check"))

    def ids(self, ward: str, kind: str) -> list[str]:
        raw = self.request("POST", f"{p.API_PREFIX}/wards/{ward}/ids", json_body={"kind": kind})
        return _validated(p.IdsResponse, raw).ids

    def fetch(self, ward: str, kind: str, ids: list[str]) -> list[p.RemoteRecord]:
        raw = self.request("POST", f"{p.API_PREFIX}/wards/{ward}/fetch", json_body={"kind": kind, "ids": ids})
        return _validated(p.FetchResponse, raw).records

    def cross_ward(self, ward: str) -> p.CrossWardMatches:
        return _validated(p.CrossWardMatches, self.request("GET", f"{p.API_PREFIX}/wards/{ward}/cross-ward"))

    def cross_ward_moved(self, ward: str, record_id: str, moved: bool = True) -> p.CrossWardMatches:
        raw = self.request("POST", f"{p.API_PREFIX}/wards/{ward}/cross-ward/moved",
                           json_body=p.MovedRequest(record_id=record_id, moved=moved).model_dump())
        return _validated(p.CrossWardMatches, raw)

    def blob_status(self, ward: str, content_hash: str, size: int) -> p.BlobStatus:
        raw = self.request("GET", f"{p.API_PREFIX}/wards/{ward}/blobs/{content_hash}", params={"size": size})
        return _validated(p.BlobStatus, raw)

    def blob_chunk(self, ward: str, content_hash: str, offset: int, data: bytes) -> p.BlobStatus:
        raw = self.request("PUT", f"{p.API_PREFIX}/wards/{ward}/blobs/{content_hash}", data=data,
                           params={"offset": offset}, content_type="application/octet-stream")
        return _validated(p.BlobStatus, raw)

    def blob_read(self, ward: str, content_hash: str, offset: int) -> tuple[bytes, int]:
        """(bytes from `offset`, the file's whole size) of a file this ward holds on the server."""
        data, headers = self.request("GET", f"{p.API_PREFIX}/wards/{ward}/blobs/{content_hash}/content",
                                     params={"offset": offset}, raw=True)
        try:
            return data, int(headers.get(p.BLOB_SIZE_HEADER, ""))
        except ValueError as exc:
            raise TransportError("bad answer: no file size") from exc


def _detail(payload: bytes) -> dict:
    try:
        detail = json.loads(payload).get("detail")
    except (ValueError, AttributeError):
        return {}
    return detail if isinstance(detail, dict) else {"message": str(detail)}


def _encode(model) -> bytes:
    """A request model as the UTF-8 JSON body, straight from pydantic (no dict, then json.dumps)."""
    return model.model_dump_json().encode("utf-8")


def _validated_json(model, body: bytes):
    """An answer's JSON body parsed and checked in one pass by pydantic (its own fast JSON parser)."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            raise TransportError("answer is not JSON (cut short?)") from exc
        raise TransportError(f"bad answer: {type(exc).__name__}") from exc


def _validated(model, raw):
    try:
        return model.model_validate(raw)
    except Exception as exc:  # an answer that does not match the protocol: treat as a broken transfer
        raise TransportError(f"bad answer: {type(exc).__name__}") from exc
