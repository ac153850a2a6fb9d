"""The city view's figures as the server computed them in Python before issue #19: every live record
read, its payload parsed and counted per ward. Kept as the oracle the SQL figures are compared with
(tests/e2e/test_city_figures_sql.py); never used by the server."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from datetime import date, datetime, timezone

from sqlalchemy import Connection, select

from desktop.core.admin_units import admin_units
from desktop.core.complaint_lifecycle import AWAITING_ACCEPTANCE, AWAITING_HANDLING
from desktop.core.period import VN_TZ as _VN
from desktop.core.vocab import ADOPTION_ORDER
from desktop.sync import protocol as wire
from server.db import device, record

log = logging.getLogger("tests.city_oracle")
KINDS = ("resident", "help_session", "complaint", "complaint_feedback", "communication_item")


def _now() -> datetime:
    return datetime.now(timezone.utc)


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
    # the indicators come from the same module as the SQL figures' (they read a few rows per ward)
    from desktop.core.period import VN_TZ
    from server.city_indicators import add_indicators, indicator_year, ward_figures

    add_indicators(wards, ward_figures(conn), indicator_year(end, now.astimezone(VN_TZ).date()))
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


