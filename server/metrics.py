"""Request metrics in the Prometheus text format (`GET /metrics`), and `GET /healthz` for load balancers.

Per endpoint (the route's template, never a ward code or a hash): a request count by status and a
latency histogram; pushes, items pushed by outcome (applied, already stored, conflict, rejected),
pulls and records pulled. Nothing personal is ever a label.

With several server processes (`tocds-server serve --workers N`) prometheus-client runs in its
multiprocess mode: `PROMETHEUS_MULTIPROC_DIR` (set by `serve` before the workers start, emptied at each
start) holds every process's numbers and `/metrics` adds them up, whichever process answers.
"""

from __future__ import annotations

import os
import time

from fastapi import FastAPI, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from sqlalchemy import Engine, text
from starlette.routing import Match

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

REQUESTS = Counter("tocds_http_requests", "HTTP requests answered, per endpoint", ["method", "route", "status"])
LATENCY = Histogram("tocds_http_request_seconds", "time to answer a request, per endpoint", ["method", "route"],
                    buckets=BUCKETS)
PUSHES = Counter("tocds_pushes", "push batches stored")
PUSH_ITEMS = Counter("tocds_push_items", "pushed items, by outcome (rejected: refused by the server's rules)",
                     ["status"])
PULLS = Counter("tocds_pulls", "pull pages answered")
PULLED = Counter("tocds_pulled_records", "records sent in pull pages")


def registry() -> CollectorRegistry | None:
    """The registry adding up every process's numbers (multiprocess mode), or None: this process's own."""
    if not os.environ.get(MULTIPROC_ENV):
        return None
    from prometheus_client import multiprocess

    reg = CollectorRegistry()
    multiprocess.MultiProcessCollector(reg)
    return reg


class RequestMetrics:
    """ASGI middleware: counts and times every HTTP request by the template of the route it matched."""

    def __init__(self, app, routes_of):
        self.app = app
        self.routes_of = routes_of  # the application's routes (known once the app is built)

    def _route(self, scope) -> str:
        for route in self.routes_of():
            match, _ = route.matches(scope)
            if match == Match.FULL:
                return route.path
        return "other"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        status = {"code": 500}

        async def sending(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        started = time.perf_counter()
        try:
            await self.app(scope, receive, sending)
        finally:
            route, method = self._route(scope), scope.get("method", "")
            REQUESTS.labels(method, route, str(status["code"])).inc()
            LATENCY.labels(method, route).observe(time.perf_counter() - started)


def pushed(counts: dict[str, int]) -> None:
    PUSHES.inc()
    for status, n in counts.items():
        PUSH_ITEMS.labels(status).inc(n)


def pulled(records: int) -> None:
    PULLS.inc()
    PULLED.inc(records)


def install(app: FastAPI, engine: Engine) -> None:
    """`/healthz` (the database answers: 200, else 503) and `/metrics`, outside the sync API."""
    app.add_middleware(RequestMetrics, routes_of=lambda: app.router.routes)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> Response:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception:  # any failure to reach the database is "not healthy", said plainly
            return Response('{"status":"database_unavailable"}', status_code=503, media_type="application/json")
        return Response('{"status":"ok"}', media_type="application/json")

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        reg = registry()
        body = generate_latest(reg) if reg is not None else generate_latest()
        return Response(body, media_type=CONTENT_TYPE_LATEST)
