"""The city view's figures, answered from the counters and rows `server/figures.py` keeps (issue #19).

A handful of GROUP BY queries over small tables, read in one snapshot (REPEATABLE READ on
PostgreSQL; one read transaction on SQLite): a request while a push commits sees the figures
before it or after it, never half. The answer has the shape the Python figures had (one row per
ward, the city's totals), plus the city's weekly trend, the reporting rate and the old districts.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from typing import Iterable

from sqlalchemy import Connection, and_, case, func, literal, select

from desktop.core.admin_units import HANOI_CODE, admin_units, format_ward_code
from desktop.core.period import VN_TZ
from server.city_indicators import add_indicators, indicator_year, ward_figures
from server.db import OPEN_COMPLAINT, city_record, device, ward_count, ward_state

STALE_DAYS = 3  # a ward not heard from for longer has not reported (the reporting rate)
TREND_WEEKS = 12
TOTAL_KEYS = ("residents", "know", "installed", "account", "help_sessions", "successful_sessions", "complaints",
              "overdue_complaints", "devices")


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _in(column, start: date | None, end: date | None):
    """A day column inside the period; with no period every row (an undated one too)."""
    if start is None and end is None:
        return literal(True)
    parts = [column != ""]
    if start is not None:
        parts.append(column >= start.isoformat())
    if end is not None:
        parts.append(column <= end.isoformat())
    return and_(*parts)


def _sum_if(condition, value=ward_count.c.n):
    return func.coalesce(func.sum(case((condition, value), else_=0)), 0)


def _residents(conn: Connection) -> dict[str, tuple]:
    wc = ward_count.c
    rows = conn.execute(select(wc.ward_code, func.sum(wc.n), _sum_if(wc.stage >= 1), _sum_if(wc.stage >= 2),
                               _sum_if(wc.stage >= 3))
                        .where(wc.figure == "resident").group_by(wc.ward_code))
    return {r[0]: tuple(int(x) for x in r[1:]) for r in rows}


def _sessions(conn: Connection, start, end) -> dict[str, tuple]:
    """(sessions, successful, finished) in the period per ward, and last whether the ward has any at all."""
    wc = ward_count.c
    inside = _in(wc.day, start, end)
    rows = conn.execute(select(wc.ward_code, _sum_if(inside), _sum_if(and_(inside, wc.outcome == "ok")),
                               _sum_if(and_(inside, wc.outcome != "")), func.sum(wc.n))
                        .where(wc.figure == "session").group_by(wc.ward_code))
    return {r[0]: tuple(int(x) for x in r[1:]) for r in rows}


def _complaints(conn: Connection, start, end, now_text: str) -> dict[str, tuple]:
    """(complaints, accepted on time, late, handled on time, late, overdue, complaints ever) per ward: the closed
    parts from the counters, the open ones past their due time from the complaints still open (a covering
    partial index)."""
    wc, c = ward_count.c, city_record.c
    out: dict[str, list[int]] = defaultdict(lambda: [0] * 7)
    slot = {("complaint", ""): 0, ("complaint_acc", "ok"): 1, ("complaint_acc", "late"): 2,
            ("complaint_han", "ok"): 3, ("complaint_han", "late"): 4}
    for ward, figure, outcome, n, ever in conn.execute(
            select(wc.ward_code, wc.figure, wc.outcome, _sum_if(_in(wc.day, start, end)), func.sum(wc.n))
            .where(wc.figure.in_(("complaint", "complaint_acc", "complaint_han")))
            .group_by(wc.ward_code, wc.figure, wc.outcome)):
        out[ward][slot[(figure, outcome)]] += int(n)
        if figure == "complaint":
            out[ward][6] += int(ever)
    acc_overdue = and_(c.acc_state == "open", c.acc_due < now_text)
    han_overdue = and_(c.han_state == "open", c.han_due < now_text)
    one = literal(1)
    for ward, acc, han in conn.execute(
            select(c.ward_code, _sum_if(acc_overdue, one), _sum_if(han_overdue, one))
            .where(OPEN_COMPLAINT, c.day != "", _in(c.day, start, end)).group_by(c.ward_code)):
        row = out[ward]
        row[2] += int(acc)
        row[4] += int(han)
        row[5] += int(acc) + int(han)
    return {ward: tuple(v) for ward, v in out.items()}


def _ratings(conn: Connection, start, end) -> dict[str, tuple[int, int]]:
    """(sum, count) of the answers' ratings per ward, by their complaint's day: the rating counters (a rating
    value in `stage`) the push keeps (figures._ratings), not a join of the answers with their complaints."""
    wc = ward_count.c
    rows = conn.execute(select(wc.ward_code, func.sum(wc.stage * wc.n), func.sum(wc.n))
                        .where(wc.figure == "rating", _in(wc.day, start, end))
                        .group_by(wc.ward_code).having(func.sum(wc.n) > 0))
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def _listed(conn: Connection, counted: Iterable[str]) -> tuple[set[str], dict[str, str | None]]:
    """Wards holding live records (counted or not), and every ward's latest stored change. `counted`: the wards
    with residents, help sessions or dated complaints counted, whatever the period: every other counter (an
    account, a complaint accepted or handled, a rating) counts a resident or a dated complaint too, so these
    are the wards whose counters add up to more than nothing (without summing every counter again)."""
    wards = set(counted)
    last = dict(conn.execute(select(ward_state.c.ward_code, ward_state.c.last_change_at)).all())
    wards.update(code for code, stamp in last.items() if stamp)  # it stored something, counted or not
    return wards, last


def _communications(conn: Connection) -> dict[str, str]:
    c = city_record.c
    return {w: d for w, d in conn.execute(select(c.ward_code, func.max(c.day)).where(
        c.kind == "communication_item").group_by(c.ward_code)) if d}


def _devices(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(device.c.ward_code, func.count()).where(device.c.revoked_at.is_(None))
                             .group_by(device.c.ward_code)).all())


def _trend(conn: Connection, today: date) -> list[dict]:
    """The city's last weeks (Monday to Sunday): new accounts, help sessions, successful ones, complaints."""
    first = today - timedelta(days=today.weekday() + 7 * (TREND_WEEKS - 1))
    weeks = {first + timedelta(days=7 * i): {"accounts": 0, "help_sessions": 0, "successful_sessions": 0,
                                             "complaints": 0} for i in range(TREND_WEEKS)}

    def week(day: str) -> dict | None:
        d = date.fromisoformat(day)
        return weeks.get(d - timedelta(days=d.weekday()))

    wc = ward_count.c
    for figure, day, outcome, n in conn.execute(
            select(wc.figure, wc.day, wc.outcome, func.sum(wc.n)).where(
                wc.figure.in_(("account", "session", "complaint")), wc.day >= first.isoformat(),
                wc.day <= today.isoformat())
            .group_by(wc.figure, wc.day, wc.outcome)):
        into = week(day)
        if into is None:
            continue
        if figure == "account":
            into["accounts"] += int(n)
        elif figure == "complaint":
            into["complaints"] += int(n)
        else:
            into["help_sessions"] += int(n)
            into["successful_sessions"] += int(n) if outcome == "ok" else 0
    return [{"week_of": d.isoformat(), **v} for d, v in sorted(weeks.items())]


def districts() -> list[dict]:
    """Hanoi's old districts (before 2025) and the current wards their wards became (the page's filter)."""
    by_district: dict[str, set[str]] = defaultdict(set)
    for lw in admin_units().legacy_wards:
        by_district[lw.district_name].update(format_ward_code(c) for c in lw.new_ward_codes)
    return [{"name": name, "ward_codes": sorted(codes)} for name, codes in by_district.items()]


def _reporting(wards: list[dict], last: dict[str, str | None], now: datetime) -> dict:
    """The reporting rate (DHIS2's sense): of Hanoi's wards, those heard from in the last days, those
    that were not (never enrolled included), those with complaints overdue."""
    expected = [w.code_str for w in admin_units().wards_of(HANOI_CODE)]
    names = {w.code_str: w.name for w in admin_units().wards_of(HANOI_CODE)}
    late = []
    for code in expected:
        stamp = last.get(code)
        days = (now - datetime.fromisoformat(stamp)).days if stamp else None
        if days is None or days > STALE_DAYS:
            late.append({"ward_code": code, "ward_name": names[code], "last_sync_at": stamp, "days": days})
    overdue = [{"ward_code": w["ward_code"], "ward_name": w["ward_name"], "overdue_complaints": w["overdue_complaints"]}
               for w in wards if w["overdue_complaints"]]
    reported = len(expected) - len(late)
    return {"expected": len(expected), "reported": reported, "rate_pct": _pct(reported, len(expected)),
            "stale_days": STALE_DAYS, "not_reported": late,
            "overdue": sorted(overdue, key=lambda w: -w["overdue_complaints"])}


def _ward_row(code: str, res: tuple, ses: tuple, com: tuple, rating: tuple | None, devices: int,
              last_sync: str | None, last_item: str | None, today: date) -> dict:
    ward = admin_units().ward(code)
    residents, know, installed, account = res
    sessions, ok, finished = ses
    complaints, acc_ok, acc_late, han_ok, han_late, overdue = com
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
        "help_sessions": sessions,
        "successful_sessions": ok,
        "success_rate": _pct(ok, finished),
        "complaints": complaints,
        "overdue_complaints": overdue,
        "acceptance_on_time_pct": _pct(acc_ok, acc_ok + acc_late),
        "handling_on_time_pct": _pct(han_ok, han_ok + han_late),
        "average_rating": round(rating[0] / rating[1], 2) if rating else None,
        "last_communication_on": last_item,
        "days_since_communication": (today - date.fromisoformat(last_item)).days if last_item else None,
    }


def read_snapshot(conn: Connection) -> Connection:
    """The connection reading every query of one answer from one snapshot."""
    if conn.dialect.name == "postgresql":
        return conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    return conn


def city_figures(conn: Connection, start: date | None = None, end: date | None = None,
                 now: datetime | None = None) -> dict:
    """Every ward with an enrolled device or counted records, compared on the same figures."""
    now = now or datetime.now(timezone.utc)
    today = now.astimezone(VN_TZ).date()
    now_text = now.astimezone(timezone.utc).isoformat(timespec="microseconds")
    with conn.begin():
        residents, sessions = _residents(conn), _sessions(conn, start, end)
        complaints, ratings = _complaints(conn, start, end, now_text), _ratings(conn, start, end)
        counted = [w for w, v in residents.items() if v[0]] + [w for w, v in sessions.items() if v[3]] + \
            [w for w, v in complaints.items() if v[6]]
        listed, last = _listed(conn, counted)
        items, devices = _communications(conn), _devices(conn)
        trend = _trend(conn, today)
        official = ward_figures(conn)
    codes = sorted(listed | set(devices))
    wards = [_ward_row(code, residents.get(code, (0, 0, 0, 0)), sessions.get(code, (0,) * 4)[:3],
                       complaints.get(code, (0,) * 7)[:6], ratings.get(code), devices.get(code, 0), last.get(code),
                       items.get(code), today) for code in codes]
    add_indicators(wards, official, indicator_year(end, today))
    totals = {key: sum(w[key] for w in wards) for key in TOTAL_KEYS}
    for key in ("know", "installed", "account"):
        totals[f"{key}_pct"] = _pct(totals[key], totals["residents"])
    return {
        "generated_at": now.isoformat(),
        "period": {"from": start.isoformat() if start else None, "to": end.isoformat() if end else None},
        "wards": wards,
        "totals": totals,
        "weekly": trend,
        "reporting": _reporting(wards, last, now),
        "districts": districts(),
    }
