"""Enrolment codes and device tokens: one-time codes, tokens hashed at rest, one ward each, revocable.

A code is redeemed once, by one device, which sends a device key it made itself. If the answer is lost
(the code is spent, the laptop never got its token), the same code with the same key, while the code
is valid, gives that device a new token (the previous one no longer works): a retry recovers.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import Connection, insert, select, update

from server.db import device, enrolment_code

CODE_DAYS = 7
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc)


class UnknownWard(ValueError):
    """A ward code that is not in the official list."""


def official_ward(code: str) -> str:
    """The five-digit official code of a ward (`166` and `00166` are the same ward); UnknownWard otherwise."""
    from desktop.core.admin_units import admin_units

    ward = admin_units().ward(str(code))
    if ward is None:
        raise UnknownWard(f"unknown ward code: {code}")
    return ward.code_str


def new_enrolment_code(conn: Connection, ward_code: str) -> str:
    ward_code = official_ward(ward_code)
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
    conn.execute(insert(enrolment_code).values(
        code_hash=digest(normalise_code(code)), ward_code=ward_code, created_at=_now().isoformat(),
        expires_at=(_now() + timedelta(days=CODE_DAYS)).isoformat()))
    return code


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def redeem(conn: Connection, code: str, device_name: str, device_key: str = "") -> tuple[str, str, str] | None:
    """Exchange a one-time code for (device id, token, ward); None when unknown, used or expired.

    The code already used by the device holding `device_key` (its answer was lost): that device again,
    with a new token; the one given before stops working."""
    h = digest(normalise_code(code))
    stamp = _now().isoformat()
    # The conditional UPDATE is the single-use guard: two devices racing get one winner.
    res = conn.execute(update(enrolment_code).where(
        enrolment_code.c.code_hash == h, enrolment_code.c.used_at.is_(None),
        enrolment_code.c.expires_at > stamp).values(used_at=stamp))
    if res.rowcount != 1:
        return _redeem_again(conn, h, device_key, stamp)
    ward = conn.execute(select(enrolment_code.c.ward_code).where(enrolment_code.c.code_hash == h)).scalar_one()
    token = secrets.token_urlsafe(32)
    device_id = str(uuid.uuid4())
    conn.execute(insert(device).values(id=device_id, ward_code=ward, token_hash=digest(token), name=device_name[:120],
                                       created_at=stamp, key_hash=digest(device_key) if device_key else ""))
    conn.execute(update(enrolment_code).where(enrolment_code.c.code_hash == h).values(device_id=device_id))
    return device_id, token, ward


def _redeem_again(conn: Connection, code_hash: str, device_key: str, stamp: str) -> tuple[str, str, str] | None:
    if not device_key:
        return None
    row = conn.execute(select(device.c.id, device.c.ward_code).join(
        enrolment_code, enrolment_code.c.device_id == device.c.id).where(
        enrolment_code.c.code_hash == code_hash, enrolment_code.c.expires_at > stamp,
        device.c.key_hash == digest(device_key), device.c.revoked_at.is_(None))).first()
    if row is None:
        return None
    token = secrets.token_urlsafe(32)
    conn.execute(update(device).where(device.c.id == row.id).values(token_hash=digest(token)))
    return row.id, token, row.ward_code


def device_for_token(conn: Connection, token: str) -> tuple[str, str] | None:
    """(device id, ward) of a live token, else None."""
    row = conn.execute(select(device.c.id, device.c.ward_code).where(
        device.c.token_hash == digest(token), device.c.revoked_at.is_(None))).first()
    return (row.id, row.ward_code) if row else None


def revoke(conn: Connection, device_id: str | None = None, ward_code: str | None = None) -> int:
    cond = device.c.revoked_at.is_(None)
    if device_id:
        cond = cond & (device.c.id == device_id)
    elif ward_code:
        cond = cond & (device.c.ward_code == official_ward(ward_code))
    else:
        return 0
    return conn.execute(update(device).where(cond).values(revoked_at=_now().isoformat())).rowcount


def devices(conn: Connection) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(
        select(device.c.id, device.c.ward_code, device.c.name, device.c.created_at, device.c.revoked_at))]
