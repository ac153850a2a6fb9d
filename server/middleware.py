"""ASGI middleware: protocol version gate, request size limits, gzip request bodies."""

from __future__ import annotations

import json
import zlib

from desktop.sync import protocol as p


async def _send_json(send, status: int, code: str, message: str) -> None:  # noqa: ANN001
    body = json.dumps({"detail": {"code": code, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class ProtocolAndBodyMiddleware:
    """Refuse too-old clients (426), bodies over the limit (413), and inflate gzip bodies."""

    def __init__(self, app, max_body: int = p.MAX_BODY_BYTES):  # noqa: ANN001
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):  # noqa: ANN001
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        raw_version = headers.get(p.PROTOCOL_HEADER.lower().encode())
        if raw_version is not None:
            try:
                version = int(raw_version.decode("ascii"))
            except (UnicodeDecodeError, ValueError):
                return await _send_json(send, 400, "bad_protocol_header", "protocol header must be an integer")
            if version < p.MIN_CLIENT_PROTOCOL:
                return await _send_json(send, 426, "upgrade_required",
                                        f"client protocol {version} is too old; need {p.MIN_CLIENT_PROTOCOL}")
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                if int(declared) > self.max_body:
                    return await _send_json(send, 413, "too_large", "request body too large")
            except ValueError:
                return await _send_json(send, 400, "bad_length", "bad content-length")
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        chunks, total = [], 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_body:
                return await _send_json(send, 413, "too_large", "request body too large")
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        encoding = headers.get(b"content-encoding", b"identity").lower()
        if encoding == b"gzip":
            try:
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                body = inflater.decompress(body, self.max_body * 4)
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

        async def replay():  # noqa: ANN202
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await self.app(scope, replay, send)
