"""The city view: the City Office compares every enrolled ward's progress and complaint
figures, computed from the records wards have synced. Read-only.

    GET /city                 a simple web page (sign in with the city account's key)
    GET /city/api/wards       JSON: one row per ward, plus city totals (?from=&to= ISO dates
                              limit help sessions and complaints to a period)

Only a city-level account may read it: `tocds-server city-account create NAME` prints a
key once; the server keeps its SHA-256 hash (the key is 256 random bits), never the key.
Device tokens of wards are not city accounts and are refused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import secrets
from collections import defaultdict
from datetime import date, datetime, timezone
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Column, Connection, Engine, MetaData, String, Table, insert, select, update

from desktop.core.admin_units import admin_units
from desktop.core.complaint_lifecycle import AWAITING_ACCEPTANCE, AWAITING_HANDLING
from desktop.core.period import VN_TZ as _VN
from desktop.core.vocab import ADOPTION_ORDER
from desktop.sync import protocol as wire
from server.db import device, record

log = logging.getLogger("tocds.server.city")

metadata = MetaData()
city_account = Table(
    "city_account", metadata,
    Column("name", String(120), primary_key=True),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32), nullable=True),
)
KINDS = ("resident", "help_session", "complaint", "complaint_feedback", "communication_item", "ward_figures")
PAGE = Path(__file__).resolve().parent / "static" / "city.html"
_bearer = HTTPBearer(auto_error=False)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def ensure_tables(engine: Engine) -> None:
    """The city view's own table, kept apart from the sync schema's migrations."""
    metadata.create_all(engine, checkfirst=True)


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


# -- figures ----------------------------------------------------------------------------
def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _in_period(stamp: str | None, start: date | None, end: date | None) -> bool:
    if not stamp:
        return start is None and end is None
    day = datetime.fromisoformat(stamp).astimezone(_VN).date() if "T" in stamp else date.fromisoformat(stamp)
    return (start is None or day >= start) and (end is None or day <= end)


def _ward_row(code: str, records: dict[str, list[dict]], devices: int, last_sync: str | None,
              start: date | None, end: date | None, now: datetime) -> dict:
    ward = admin_units().ward(code)
    stages = [ADOPTION_ORDER.index(r.get("adoption_stage")) if r.get("adoption_stage") in ADOPTION_ORDER else 0
              for r in records["resident"]]
    residents = len(stages)
    know, installed, account = (sum(1 for s in stages if s >= i) for i in (1, 2, 3))
    sessions = [h for h in records["help_session"] if _in_period(h.get("started_at"), start, end)]
    ok = sum(1 for h in sessions if h.get("outcome") == "thanh_cong")
    finished = sum(1 for h in sessions if h.get("outcome") in ("thanh_cong", "mot_phan", "khong_thanh_cong"))
    complaints = [c for c in records["complaint"] if c.get("recorded_at") and _in_period(c["recorded_at"], start, end)]
    acc_ok = acc_late = han_ok = han_late = overdue = 0
    for c in complaints:
        status = c.get("status")
        acc_due, accepted = c.get("accept_due_at"), c.get("accepted_at")
        han_due, handled = c.get("handle_due_at"), c.get("handled_at")
        if acc_due:
            if accepted:
                acc_ok, acc_late = (acc_ok + 1, acc_late) if accepted <= acc_due else (acc_ok, acc_late + 1)
            elif status in AWAITING_ACCEPTANCE and now > datetime.fromisoformat(acc_due):
                acc_late += 1
                overdue += 1
        if han_due and (accepted or handled):
            if handled:
                han_ok, han_late = (han_ok + 1, han_late) if handled <= han_due else (han_ok, han_late + 1)
            elif status in AWAITING_HANDLING and now > datetime.fromisoformat(han_due):
                han_late += 1
                overdue += 1
    ids = {c["id"] for c in complaints}
    ratings = [f["rating"] for f in records["complaint_feedback"] if f.get("complaint_id") in ids and f.get("rating")]
    last_item = max((i.get("published_on") or "" for i in records["communication_item"]), default="") or None
    today = now.astimezone(_VN).date()
    official = _official_figures(records["ward_figures"], (end or today).year)
    return {
        "ward_code": code,
        "ward_name": ward.name if ward else code,
        "devices": devices,
        "last_sync_at": last_sync,
        "residents": residents,
        "know": know,
        "installed": installed,
        "account": account,
        "know_pct": _pct(know, residents),
        "installed_pct": _pct(installed, residents),
        "account_pct": _pct(account, residents),
        "help_sessions": len(sessions),
        "successful_sessions": ok,
        "success_rate": _pct(ok, finished),
        "complaints": len(complaints),
        "overdue_complaints": overdue,
        "acceptance_on_time_pct": _pct(acc_ok, acc_ok + acc_late),
        "handling_on_time_pct": _pct(han_ok, han_ok + han_late),
        "average_rating": round(sum(ratings) / len(ratings), 2) if ratings else None,
        "last_communication_on": last_item,
        "days_since_communication": (today - date.fromisoformat(last_item)).days if last_item else None,
        **_indicators(official, account),
    }


def _official_figures(rows: list[dict], year: int) -> dict | None:
    """The ward's official figures of `year`, or of the latest earlier year it entered (synced `ward_figures`)."""
    usable = [r for r in rows if isinstance(r.get("year"), int) and r["year"] <= year]
    return max(usable, key=lambda r: (r["year"], r.get("population_15_plus") or 0), default=None)


def _indicators(official: dict | None, accounts: int) -> dict:
    """The city's indicators over the ward's own figures, rounded as the desktop reports round, never over 100%."""
    from desktop.core.rounding import percent

    population = official.get("population_15_plus") if official else None
    owners = official.get("smartphone_owners_15_plus") if official else None
    return {
        "figures_year": official.get("year") if official else None,
        "population_15_plus": population,
        "share_of_15_plus": percent(accounts, population) if population and accounts <= population else None,
        "share_of_smartphone_owners": percent(accounts, owners) if owners and accounts <= owners else None,
        "households_total": official.get("households") if official else None,
    }


def _guarded_ward_row(code: str, records: dict[str, list[dict]], *args) -> dict:
    """One ward's row; records stored malformed (before the server checked payloads, or by hand) are
    left out by the wire format's own rules instead of failing the whole view."""
    try:
        return _ward_row(code, records, *args)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError):
        clean = {kind: [r for r in rows if not wire.payload_problems(kind, r, insert=True)] for kind, rows in records.items()}
        log.warning("ward %s: %d malformed stored records left out of the city view", code,
                    sum(len(rows) for rows in records.values()) - sum(len(rows) for rows in clean.values()))
        return _ward_row(code, clean, *args)


def city_figures(conn: Connection, start: date | None = None, end: date | None = None,
                 now: datetime | None = None) -> dict:
    """Every ward with an enrolled device or synced records, compared on the same figures."""
    now = now or _now()
    by_ward: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {k: [] for k in KINDS})
    last_sync: dict[str, str] = {}
    rows = conn.execute(select(record.c.ward_code, record.c.kind, record.c.record_id, record.c.payload,
                               record.c.updated_at).where(record.c.deleted.is_(False)))
    for ward, kind, record_id, payload, updated_at in rows:
        if updated_at and updated_at > last_sync.get(ward, ""):
            last_sync[ward] = updated_at
        if kind in KINDS:
            try:
                data = json.loads(payload)
            except ValueError:
                continue  # a stored row no one can read: never in the figures
            if isinstance(data, dict):
                data["id"] = record_id
                by_ward[ward][kind].append(data)
    devices: dict[str, int] = defaultdict(int)
    for ward, revoked in conn.execute(select(device.c.ward_code, device.c.revoked_at)):
        if revoked is None:
            devices[ward] += 1
    codes = sorted(set(by_ward) | set(devices))
    wards = [_guarded_ward_row(code, by_ward[code], devices.get(code, 0), last_sync.get(code), start, end, now)
             for code in codes]
    totals = {key: sum(w[key] for w in wards) for key in
              ("residents", "know", "installed", "account", "help_sessions", "successful_sessions", "complaints",
               "overdue_complaints", "devices")}
    for key in ("know", "installed", "account"):
        totals[f"{key}_pct"] = _pct(totals[key], totals["residents"])
    return {
        "generated_at": now.isoformat(),
        "period": {"from": start.isoformat() if start else None, "to": end.isoformat() if end else None},
        "wards": wards,
        "totals": totals,
    }


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
            return city_figures(conn, date_from, date_to)


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

