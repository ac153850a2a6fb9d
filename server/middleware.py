"""ASGI middleware: protocol version gate, device authentication before any body is read, request size
limits, gzip request bodies.

Order of work for a request, cheapest refusal first: the protocol header (required on /v1), then, on
a ward's routes, the device token (401), its ward (403) and its rate (429), all before one byte of the
body is read; only then is the body read, within the limit of who is asking: a device's push may be
8 MB (inflated up to four times that), anything unauthenticated (enrolment, the city view) 16 kB.
"""

from __future__ import annotations

import json
import re
import zlib
from typing import Awaitable, Callable

from starlette.concurrency import run_in_threadpool

from desktop.sync import protocol as p

# Bodies a request may carry before a device is known (an enrolment: a code, a name, a key).
OPEN_BODY_BYTES = 16_384
_WARD_ROUTE = re.compile(r"^/v1/wards/([^/]+)(?:/|$)")

# token, ward -> the device (anything truthy) or (status, code, message, extra headers) refusing it
Authenticate = Callable[[str, str], object]


async def _send_json(send, status: int, code: str, message: str, headers: dict | None = None) -> None:
    body = json.dumps({"detail": {"code": code, "message": message}}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class ProtocolAndBodyMiddleware:
    """Refuse too-old or unmarked clients, unauthenticated ward requests and bodies over the limit; inflate
    gzip bodies. `authenticate` runs (in a worker thread) for every `/v1/wards/{ward}/...` request; the
    device it returns is left in `scope["state"]["device"]` for the route."""

    def __init__(self, app, authenticate: Authenticate | None = None, max_body: int = p.MAX_BODY_BYTES,
                 open_body: int = OPEN_BODY_BYTES):
        self.app = app
        self.authenticate = authenticate
        self.max_body = max_body
        self.open_body = open_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        path = scope.get("path", "")
        raw_version = headers.get(p.PROTOCOL_HEADER.lower().encode())
        if raw_version is None and path.startswith(p.API_PREFIX + "/"):
            return await _send_json(send, 400, "protocol_required", f"the {p.PROTOCOL_HEADER} header is required")
        if raw_version is not None:
            try:
                version = int(raw_version.decode("ascii"))
            except (UnicodeDecodeError, ValueError):
                return await _send_json(send, 400, "bad_protocol_header", "protocol header must be an integer")
            if version < p.MIN_CLIENT_PROTOCOL:
                return await _send_json(send, 426, "upgrade_required",
                                        f"client protocol {version} is too old; need {p.MIN_CLIENT_PROTOCOL}")
        limit = self.open_body
        ward_route = _WARD_ROUTE.match(path)
        if ward_route and self.authenticate is not None:
            refused = await self._device(scope, headers, ward_route.group(1))
            if refused is not None:
                return await _send_json(send, *refused)
            limit = self.max_body
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                if int(declared) > limit:
                    return await _send_json(send, 413, "too_large", "request body too large")
            except ValueError:
                return await _send_json(send, 400, "bad_length", "bad content-length")
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        return await self._with_body(scope, receive, send, headers, limit)

    async def _device(self, scope, headers: dict, ward: str) -> tuple | None:
        """None when a device of this ward may go on (it is left in the scope's state), else the refusal."""
        auth = headers.get(b"authorization", b"").decode("latin-1")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return 401, "no_token", "device token required"
        found = await run_in_threadpool(self.authenticate, token.strip(), ward)
        if isinstance(found, tuple):
            return found
        scope.setdefault("state", {})["device"] = found
        return None

    async def _with_body(self, scope, receive, send, headers: dict, limit: int) -> Awaitable:
        chunks, total = [], 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > limit:
                return await _send_json(send, 413, "too_large", "request body too large")
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        encoding = headers.get(b"content-encoding", b"identity").lower()
        if encoding == b"gzip":
            try:
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                body = inflater.decompress(body, limit * 4 if limit == self.max_body else limit)
                if inflater.unconsumed_tail:
                    return await _send_json(send, 413, "too_large", "inflated body too large")
                if not inflater.eof:
                    return await _send_json(send, 400, "bad_gzip", "truncated gzip body")
            except zlib.error:
                return await _send_json(send, 400, "bad_gzip", "body is not valid gzip")
        elif encoding not in (b"identity", b""):
            return await _send_json(send, 415, "bad_encoding", "unsupported content-encoding")
        new_headers = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")]
        new_headers.append((b"content-length", str(len(body)).encode()))
        scope = dict(scope, headers=new_headers)
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await self.app(scope, replay, send)
