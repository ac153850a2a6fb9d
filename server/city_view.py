"""The city view: the City Office compares every enrolled ward's progress and complaint
figures, counted in SQL as wards sync (server/figures.py, server/city_figures.py). Read-only.

    GET /city                 a simple web page (sign in with the city account's key)
    GET /city/api/wards       JSON: one row per ward, plus city totals (?from=&to= ISO dates
                              limit help sessions and complaints to a period), the weekly trend,
                              the reporting rate and the old districts

Only a city-level account may read it: `tocds-server city-account create NAME` prints a
key once; the server keeps its SHA-256 hash (the key is 256 random bits), never the key.
Device tokens of wards are not city accounts and are refused.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import secrets
from datetime import date, datetime, timezone
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Column, Connection, Engine, MetaData, String, Table, insert, select, update

from server.city_figures import city_figures, read_snapshot
from server.db import hold_schema_lock

log = logging.getLogger("tocds.server.city")

metadata = MetaData()
city_account = Table(
    "city_account", metadata,
    Column("name", String(120), primary_key=True),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32), nullable=True),
)
PAGE = Path(__file__).resolve().parent / "static" / "city.html"
_bearer = HTTPBearer(auto_error=False)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def ensure_tables(engine: Engine) -> None:
    """The city view's own table, kept apart from the sync schema's migrations."""
    with engine.begin() as conn:
        hold_schema_lock(conn)
        metadata.create_all(conn, checkfirst=True)


# -- accounts ---------------------------------------------------------------------------
def create_account(conn: Connection, name: str) -> str:
    """A new city account; returns its key (shown once, stored only as a hash)."""
    name = name.strip()
    if not name:
        raise ValueError("account name is empty")
    if conn.execute(select(city_account.c.name).where(city_account.c.name == name)).first():
        raise ValueError(f"city account already exists: {name}")
    key = "city_" + secrets.token_urlsafe(32)
    conn.execute(insert(city_account).values(name=name, key_hash=_digest(key), created_at=_now().isoformat()))
    return key


def revoke_account(conn: Connection, name: str) -> int:
    return conn.execute(update(city_account).where(city_account.c.name == name, city_account.c.revoked_at.is_(None))
                        .values(revoked_at=_now().isoformat())).rowcount


def account_for_key(conn: Connection, key: str) -> str | None:
    return conn.execute(select(city_account.c.name).where(
        city_account.c.key_hash == _digest(key), city_account.c.revoked_at.is_(None))).scalar()


# -- web ----------------------------------------------------------------------------------
def install(app: FastAPI, engine: Engine) -> None:
    """Add the city view's routes to the sync server's app."""
    ensure_tables(engine)

    def city_dep(creds: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> str:
        if creds is None or not creds.credentials:
            raise HTTPException(401, {"code": "no_key", "message": "city account key required"},
                                headers={"WWW-Authenticate": "Bearer"})
        with engine.connect() as conn:
            name = account_for_key(conn, creds.credentials)
        if name is None:
            raise HTTPException(401, {"code": "bad_key", "message": "unknown or revoked city account key"},
                                headers={"WWW-Authenticate": "Bearer"})
        return name

    @app.get("/city", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/city/", response_class=HTMLResponse, include_in_schema=False)
    def city_page() -> HTMLResponse:
        return HTMLResponse(PAGE.read_text(encoding="utf-8"), headers={
            "Cache-Control": "no-store",
            "Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
            "Referrer-Policy": "no-referrer",
        })

    @app.get("/city/api/wards")
    def city_wards(date_from: date | None = Query(None, alias="from"), date_to: date | None = Query(None, alias="to"),
                   _account: str = Depends(city_dep)) -> dict:
        if date_from and date_to and date_from > date_to:
            raise HTTPException(422, {"code": "bad_period", "message": "from is after to"})
        with engine.connect() as conn:
            return city_figures(read_snapshot(conn), date_from, date_to)


# -- command line -------------------------------------------------------------------------
def register(sub) -> None:
    p = sub.add_parser("city-account", help="accounts of the City Office for the city view")
    csub = p.add_subparsers(dest="city_command", metavar="ACTION")
    csub.required = True
    c = csub.add_parser("create", help="create a city account and print its key once")
    c.add_argument("name")
    c.set_defaults(func=cmd_create)
    r = csub.add_parser("revoke", help="revoke a city account")
    r.add_argument("name")
    r.set_defaults(func=cmd_revoke)


def _engine(args: argparse.Namespace) -> Engine:
    from server.cli import _engine as server_engine

    engine = server_engine(args)
    ensure_tables(engine)
    return engine


def cmd_create(args: argparse.Namespace) -> int:
    import sys

    try:
        with _engine(args).begin() as conn:
            key = create_account(conn, args.name)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(key)
    print(f"city account {args.name!r} created; the key above is shown only once", file=sys.stderr)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with _engine(args).begin() as conn:
        n = revoke_account(conn, args.name)
    print(f"revoked: {n}")
    return 0 if n else 1

