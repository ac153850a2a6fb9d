"""The FastAPI application: enrolment, push, pull, check, targeted resync, attachments.

Every ward endpoint is `/v1/wards/{ward_code}/...` and the device token must belong
to that ward (403 otherwise), checked by the middleware before the request's body is
read. Every /v1 request carries the protocol header. Failed enrolments are limited per
client address. The API's documentation (/docs, /openapi.json) is served only when asked
for (`docs=True`, `tocds-server serve --docs`). Logs carry ward codes, device ids and
counts only: never names, CCCD numbers, phones or payloads.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException, Path as PathParam, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError, OperationalError

from desktop.sync import protocol as p
from server import __version__, auth, blobs, cross_ward, metrics, records
from server.db import PlannerStats, make_engine, upgrade
from server.middleware import ProtocolAndBodyMiddleware
from server.ratelimit import RateLimiter

log = logging.getLogger("tocds.server")

WARD = PathParam(pattern=p.WARD_PATTERN)
HASH = PathParam(pattern=p.HASH_PATTERN)
_bearer = HTTPBearer(auto_error=False)


@dataclass(frozen=True)
class Device:
    id: str
    ward_code: str


def _error(status: int, code: str, message: str) -> HTTPException:
    return HTTPException(status_code=status, detail={"code": code, "message": message})


def protocol_header(version: int = Header(alias=p.PROTOCOL_HEADER, ge=1, le=2**31)) -> int:
    """Declares the header every /v1 request carries (the middleware enforces it)."""
    return version


def create_app(db_url: str, data_dir: Path, *, rate: float = 50.0, burst: float = 400.0, docs: bool = False,
               enroll_rate: float = 1 / 30, enroll_burst: float = 10, diagnostics: bool = False) -> FastAPI:
    """`enroll_rate` / `enroll_burst`: failed enrolments a client address may make (per second / at once).
    `diagnostics`: also the bench's raw-store endpoint (off unless asked for)."""
    engine: Engine = make_engine(db_url)
    upgrade(engine)
    stats = PlannerStats(engine)
    stats.refresh()
    blob_root = Path(data_dir) / "blobs"
    blob_root.mkdir(parents=True, exist_ok=True)
    limiter = RateLimiter(rate, burst)
    enroll_limiter = RateLimiter(enroll_rate, enroll_burst)

    app = FastAPI(title="Tổ CĐS sync server", version=__version__, docs_url="/docs" if docs else None,
                  redoc_url=None, openapi_url="/openapi.json" if docs else None)
    app.state.engine = engine

    def authenticate(token: str, ward_code: str) -> Device | tuple:
        """The device a token names, if it belongs to this ward and is within its rate (else the refusal)."""
        with engine.begin() as conn:
            found = auth.device_for_token(conn, token)
        if found is None:
            return 401, "bad_token", "unknown or revoked device token"
        device_id, ward = found
        if ward != ward_code:
            log.warning("device %s of ward %s refused for ward %s", device_id, ward, ward_code)
            return 403, "wrong_ward", "this device belongs to another ward"
        if not limiter.allow(device_id):
            return 429, "rate_limited", "slow down", {"Retry-After": "1"}
        return Device(device_id, ward)

    # level 5: about the size of level 9 on record JSON at a seventh of the time (a 2,000-record page: 9 ms, not 57)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    app.add_middleware(ProtocolAndBodyMiddleware, authenticate=authenticate)
    __import__("server.city_view", fromlist=["install"]).install(app, engine)  # city view (#7)
    metrics.install(app, engine)  # /healthz, /metrics (#19)
    v1 = [Depends(protocol_header)]

    def device_dep(request: Request, ward_code: str = WARD,
                   _creds: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Device:
        """The device the middleware authenticated before it read the body (the bearer scheme is
        declared here for the API's documentation)."""
        device = getattr(request.state, "device", None)
        if device is None or device.ward_code != ward_code:
            raise _error(401, "no_token", "device token required")
        return device

    @app.get(f"{p.API_PREFIX}/info", response_model=p.ServerInfo, dependencies=v1)
    def info() -> p.ServerInfo:
        return p.ServerInfo(protocol_version=p.PROTOCOL_VERSION, min_client_protocol=p.MIN_CLIENT_PROTOCOL,
                            server_version=__version__, max_batch_items=p.MAX_BATCH_ITEMS,
                            max_batch_bytes=p.MAX_BATCH_BYTES)

    @app.post(f"{p.API_PREFIX}/enroll", response_model=p.EnrollResponse, dependencies=v1,
              responses={403: {"model": p.ErrorBody}, 429: {"model": p.ErrorBody}})
    def enroll(req: p.EnrollRequest, request: Request) -> p.EnrollResponse:
        address = request.client.host if request.client else ""
        if not enroll_limiter.has(address):
            log.warning("enrolment refused: too many wrong codes from one address")
            raise HTTPException(429, {"code": "rate_limited", "message": "too many wrong codes; wait"},
                                headers={"Retry-After": str(int(1 / enroll_rate))})
        with engine.begin() as conn:
            got = auth.redeem(conn, req.code, req.device_name, req.device_key)
        if got is None:
            enroll_limiter.allow(address)  # only wrong codes count: a booth's laptops enrol at will
            raise _error(403, "bad_code", "enrolment code unknown, used or expired")
        device_id, token, ward = got
        log.info("device %s enrolled for ward %s", device_id, ward)
        return p.EnrollResponse(device_id=device_id, token=token, ward_code=ward)

    @app.post(f"{p.API_PREFIX}/wards/{{ward_code}}/push", dependencies=v1, response_model=p.PushResponse,
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/PushRequest"}}}}})
    async def push(request: Request, dev: Device = Depends(device_dep)) -> Response:
        """The batch is parsed and checked in one pass by pydantic's own JSON parser (FastAPI would decode it with
        `json` on the event loop, then validate the objects: a tenth of a push's server CPU), off the event loop."""
        body = await request.body()
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_push, body, dev)

    def _push(body: bytes, dev: Device) -> Response:
        try:
            req = p.PushRequest.model_validate_json(body)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False), body=None) from None
        # the items' own checks before the ward's lock: while a batch of the ward is stored, the next one
        # (a laptop sends two at once) is parsed and checked
        prepared = records.prepare(req.items)
        for attempt in range(3):
            try:
                with engine.begin() as conn:
                    answer = records.push_json(conn, dev.ward_code, dev.id, req, prepared)
                break
            except (IntegrityError, OperationalError) as exc:
                log.warning("push retry %d for ward %s: %s", attempt + 1, dev.ward_code, type(exc).__name__)
        else:
            raise _error(503, "busy", "could not store the batch; send it again")
        stats.grew(answer.counts.get("applied", 0), answer.new_records)
        metrics.pushed(answer.counts)
        log.info("push ward=%s device=%s batch=%s items=%d %s", dev.ward_code, dev.id, req.batch_id,
                 len(req.items), answer.counts)
        # written out by records (FastAPI would validate a model again, then encode it with json)
        return Response(answer.body, media_type="application/json")

    @app.get(f"{p.API_PREFIX}/wards/{{ward_code}}/pull", dependencies=v1, response_model=p.PullResponse)
    def pull(cursor: int = Query(0, ge=0, le=2**62), limit: int = Query(1000, ge=1, le=p.MAX_PULL_LIMIT),
             count: bool = Query(False, description="also say how many records are still to come (`remaining`)"),
             dev: Device = Depends(device_dep)) -> Response:
        with engine.connect() as conn:
            body, sent = records.pull_json(conn, dev.ward_code, cursor, limit, dev.id, count=count)
        metrics.pulled(sent)
        return Response(body, media_type="application/json")

    @app.get(f"{p.API_PREFIX}/wards/{{ward_code}}/check", dependencies=v1, response_model=p.CheckResponse)
    def check(dev: Device = Depends(device_dep)) -> p.CheckResponse:
        with engine.connect() as conn:
            return records.check(conn, dev.ward_code)

    @app.post(f"{p.API_PREFIX}/wards/{{ward_code}}/ids", dependencies=v1, response_model=p.IdsResponse)
    def ids(req: p.IdsRequest, dev: Device = Depends(device_dep)) -> p.IdsResponse:
        with engine.connect() as conn:
            return p.IdsResponse(kind=req.kind, ids=records.ids_of(conn, dev.ward_code, req.kind))

    @app.post(f"{p.API_PREFIX}/wards/{{ward_code}}/fetch", dependencies=v1, response_model=p.FetchResponse)
    def fetch(req: p.FetchRequest, dev: Device = Depends(device_dep)) -> p.FetchResponse:
        with engine.connect() as conn:
            return p.FetchResponse(records=records.fetch(conn, dev.ward_code, req.kind, req.ids))

    @app.get(f"{p.API_PREFIX}/wards/{{ward_code}}/cross-ward", dependencies=v1, response_model=p.CrossWardMatches)
    def cross_ward_matches(dev: Device = Depends(device_dep)) -> p.CrossWardMatches:
        """This ward's residents whose CCCD another ward registered too (only that ward, name and birth year)."""
        with engine.connect() as conn:
            return cross_ward.matches(conn, dev.ward_code)

    @app.post(f"{p.API_PREFIX}/wards/{{ward_code}}/cross-ward/moved", dependencies=v1, response_model=p.CrossWardMatches)
    def cross_ward_moved(req: p.MovedRequest, dev: Device = Depends(device_dep)) -> p.CrossWardMatches:
        with engine.begin() as conn:
            if not cross_ward.mark_moved(conn, dev.ward_code, req.record_id, req.moved, records.now()):
                raise _error(404, "not_found", "no resident of this ward with that id and a CCCD")
            log.info("cross-ward: ward %s marked %s moved=%s", dev.ward_code, req.record_id, req.moved)
            return cross_ward.matches(conn, dev.ward_code)


    if diagnostics:
        @app.post(f"{p.API_PREFIX}/wards/{{ward_code}}/raw-store", dependencies=v1, response_model=dict[str, int])
        async def raw_store(request: Request, dev: Device = Depends(device_dep)) -> dict[str, int]:
            """The bench's raw-POST baseline: the same batch stored by one set-based statement (no checks,
            no merge, no answer per item), so a push's cost is compared with comparable work."""
            body = (await request.body()).decode("utf-8")

            def work() -> int:
                with engine.begin() as conn:
                    return records.raw_store(conn, dev.ward_code, body)

            from starlette.concurrency import run_in_threadpool

            return {"items": await run_in_threadpool(work)}

    @app.get(f"{p.API_PREFIX}/wards/{{ward_code}}/blobs/{{content_hash}}", dependencies=v1, response_model=p.BlobStatus)
    def blob_status(content_hash: str = HASH, size: int | None = Query(None, ge=0, le=blobs.MAX_BLOB_BYTES),
                    dev: Device = Depends(device_dep)) -> p.BlobStatus:
        try:
            with engine.begin() as conn:
                return blobs.status(conn, blob_root, dev.ward_code, dev.id, content_hash, size)
        except blobs.BlobError as exc:
            raise _error(422, "bad_blob", str(exc)) from exc

    @app.get(f"{p.API_PREFIX}/wards/{{ward_code}}/blobs/{{content_hash}}/content", response_class=Response, dependencies=v1,
             responses={200: {"content": {"application/octet-stream": {}}}, 404: {"model": p.ErrorBody}})
    def blob_content(content_hash: str = HASH, offset: int = Query(0, ge=0, le=blobs.MAX_BLOB_BYTES),
                     dev: Device = Depends(device_dep)) -> Response:
        """Download a file of this ward from `offset` (resumable), at most 4 chunks per answer."""
        try:
            with engine.connect() as conn:
                data, size = blobs.read(conn, blob_root, dev.ward_code, content_hash, offset, p.BLOB_CHUNK_BYTES * 4)
        except (blobs.BlobError, OSError) as exc:
            raise _error(404, "no_blob", str(exc)) from exc
        return Response(data, media_type="application/octet-stream", headers={p.BLOB_SIZE_HEADER: str(size)})

    @app.put(f"{p.API_PREFIX}/wards/{{ward_code}}/blobs/{{content_hash}}", dependencies=v1, response_model=p.BlobStatus,
             openapi_extra={"requestBody": {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def blob_chunk(request: Request, content_hash: str = HASH, offset: int = Query(ge=0, le=blobs.MAX_BLOB_BYTES),
                         dev: Device = Depends(device_dep)) -> p.BlobStatus:
        data = await request.body()
        if len(data) > p.BLOB_CHUNK_BYTES * 4:
            raise _error(413, "too_large", "chunk too large")

        def work() -> p.BlobStatus:
            with engine.begin() as conn:
                return blobs.write_chunk(conn, blob_root, dev.ward_code, dev.id, content_hash, offset, data)

        from starlette.concurrency import run_in_threadpool

        try:
            return await run_in_threadpool(work)
        except blobs.BlobError as exc:
            raise _error(409, "bad_chunk", str(exc)) from exc

    if docs:
        _document_models(app, p.PushRequest)
    return app


def _document_models(app: FastAPI, *models) -> None:
    """Request bodies an endpoint parses itself, in the API's documentation like those FastAPI parses."""
    from fastapi.openapi.utils import get_openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
            found = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                doc = model.model_json_schema(ref_template="#/components/schemas/{model}")
                found.update(doc.pop("$defs", {}))
                found[model.__name__] = doc
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi
