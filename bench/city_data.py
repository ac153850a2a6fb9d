"""Synthetic synced records of a ward, at the demo ward's mix (issue #19's city bench and the test that
compares the SQL figures with the old Python ones): per resident about 0.6 help sessions, 0.1
complaints (half answered; three in four handled, the rest in any state), and a few communication items and groups per ward. Payloads pass the
wire format's rules; `ward_records(rng, ward, residents)` yields (kind, record_id, payload)."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Iterator

from desktop.core.complaint_lifecycle import STATUSES
from desktop.core.vocab import ADOPTION_ORDER, TARGET_GROUPS

TODAY = date(2026, 12, 2)
DAYS = 180  # the records' dates spread over the half year before TODAY
OUTCOMES = ("thanh_cong", "thanh_cong", "mot_phan", "khong_thanh_cong", "dang_ho_tro")
TARGETS = tuple(TARGET_GROUPS)
GROUPS_PER_WARD = 30
STATUS_CODES = tuple(STATUSES)


def _day(rng: random.Random) -> date:
    return TODAY - timedelta(days=rng.randrange(DAYS))


def _moment(rng: random.Random, day: date | None = None) -> datetime:
    day = day or _day(rng)
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(86_400))


def _stamp(moment: datetime) -> str:
    return moment.isoformat()


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def resident(rng: random.Random, group_id: str | None) -> dict:
    stage = rng.choices(ADOPTION_ORDER, weights=(25, 25, 15, 35))[0]
    index = ADOPTION_ORDER.index(stage)
    day = _day(rng)
    return {
        "full_name": f"Cư dân {rng.randrange(10**6)}", "residential_group_id": group_id,
        "target_group": rng.choice(TARGETS), "adoption_stage": stage, "address_detail": "số 1 ngõ 2",
        "aware_on": day.isoformat() if index >= 1 else None,
        "installed_on": day.isoformat() if index >= 2 else None,
        "account_on": (day.isoformat() if rng.random() < 0.9 else None) if index >= 3 else None,
        "consent_given": True, "notes": "",
    }


def help_session(rng: random.Random, resident_id: str) -> dict:
    return {"resident_id": resident_id, "started_at": _stamp(_moment(rng)), "outcome": rng.choice(OUTCOMES),
            "informed": True, "installed": rng.random() < 0.5, "notes": ""}


def complaint(rng: random.Random, n: int) -> dict:
    recorded = _moment(rng)
    status = rng.choice(STATUS_CODES) if rng.random() < 0.25 else rng.choice(("da_xu_ly", "da_danh_gia"))
    acc_due, han_due = recorded + timedelta(days=1), recorded + timedelta(days=10)
    accepted = recorded + timedelta(hours=rng.randrange(1, 48)) if status not in ("nhap", "da_ghi_nhan", "da_chuyen") \
        else None
    handled = accepted + timedelta(days=rng.randrange(1, 15)) if accepted and status in ("da_xu_ly", "da_danh_gia") \
        else None
    return {"code": f"PA-{n:06d}", "kind": "ha_tang", "category": "den", "title": "Đèn đường hỏng", "status": status,
            "recorded_at": _stamp(recorded), "accept_due_at": _stamp(acc_due), "handle_due_at": _stamp(han_due),
            "accepted_at": _stamp(accepted) if accepted else None, "handled_at": _stamp(handled) if handled else None}


def feedback(rng: random.Random, complaint_id: str) -> dict:
    return {"complaint_id": complaint_id, "resolved": "co", "rating": rng.choice((1, 2, 3, 4, 5, None)),
            "collected_at": _stamp(_moment(rng))}


def communication(rng: random.Random) -> dict:
    return {"published_on": _day(rng).isoformat(), "title": "Tin iHaNoi", "channel": "zalo", "notes": ""}


def ward_records(rng: random.Random, ward: str, residents: int) -> Iterator[tuple[str, str, dict]]:
    """One ward's records: groups, residents with their help sessions, complaints and answers, news."""
    groups = [new_id(rng) for _ in range(GROUPS_PER_WARD)]
    complaints = 0
    for i, gid in enumerate(groups):
        yield "residential_group", gid, {"name": f"Tổ dân phố số {i + 1}", "name_folded": f"to dan pho so {i + 1}"}
    for _ in range(residents):
        rid = new_id(rng)
        yield "resident", rid, resident(rng, rng.choice(groups))
        if rng.random() < 0.6:
            yield "help_session", new_id(rng), help_session(rng, rid)
        if rng.random() < 0.1:
            cid = new_id(rng)
            complaints += 1
            yield "complaint", cid, complaint(rng, complaints)
            if rng.random() < 0.5:
                yield "complaint_feedback", new_id(rng), feedback(rng, cid)
    for _ in range(max(3, residents // 5000)):
        yield "communication_item", new_id(rng), communication(rng)
