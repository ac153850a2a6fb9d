"""Cross-ward CCCD matches: the server tells a ward when a CCCD it registers is already registered by another
ward. A hashed-CCCD index per ward (`cccd_index`), kept by every push of residents; a match carries only the
other record's ward, name and birth year, never the record. A ward resolves a match by marking its own
resident as moved away (the other ward then sees "moved there")."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from sqlalchemy import Connection, and_, delete, select, update

from desktop.sync import protocol as p
from desktop.sync.payload_rules import same_values
from server.db import cccd_index
from server.setwise import among, id_chunks, insert_rows, update_rows


def cccd_hash(cccd: str) -> str:
    return hashlib.sha256(f"tocds-cccd:{cccd}".encode("ascii", "replace")).hexdigest()


def _entry(payload: dict, deleted: bool) -> dict | None:
    cccd = payload.get("cccd")
    if deleted or not isinstance(cccd, str) or len(cccd) != 12 or not cccd.isdigit():
        return None
    year = payload.get("birth_year")
    return {"cccd_hash": cccd_hash(cccd), "full_name": str(payload.get("full_name") or "")[:200],
            "birth_year": year if isinstance(year, int) else None}


def index_residents(conn: Connection, ward: str, residents: dict[str, tuple[dict, bool]]) -> None:
    """Bring the ward's index up to date for `residents` ({record_id: (payload, deleted)}), set-based."""
    if not residents:
        return
    ids = sorted(residents)
    have: dict[str, tuple] = {}
    for chunk in id_chunks(conn, ids):
        for row in conn.execute(select(cccd_index.c.record_id, cccd_index.c.cccd_hash, cccd_index.c.full_name,
                                       cccd_index.c.birth_year)
                                .where(cccd_index.c.ward_code == ward, among(conn, cccd_index.c.record_id, chunk))):
            have[row.record_id] = (row.cccd_hash, row.full_name, row.birth_year)
    inserts, updates, gone = [], [], []
    for rid in ids:
        entry = _entry(*residents[rid])
        if entry is None:
            if rid in have:
                gone.append(rid)
        elif rid not in have:
            inserts.append({"ward_code": ward, "record_id": rid, "moved_at": None, **entry})
        elif have[rid] != (entry["cccd_hash"], entry["full_name"], entry["birth_year"]):
            updates.append({"b_id": rid, **entry})
    for chunk in id_chunks(conn, gone):
        conn.execute(delete(cccd_index).where(cccd_index.c.ward_code == ward, among(conn, cccd_index.c.record_id, chunk)))
    insert_rows(conn, cccd_index, inserts)
    update_rows(conn, cccd_index, ["ward_code", "record_id"], [{"ward_code": ward, "record_id": u.pop("b_id"), **u}
                                                               for u in updates])


INDEXED = ("cccd", "full_name", "birth_year")  # the fields `_entry` reads


def _moved(rec: dict) -> bool:
    """Whether a stored resident's index entry may have moved: new, deleted or undeleted, or one of its indexed
    fields changed (value or type). The entry of one that was live and stays so with these fields as they were
    is already right (every stored change keeps it so): most pushes edit other fields."""
    before = rec.get("before")
    if before is None or rec["deleted"]:
        return True
    touched = rec.get("touched")  # the fields a push merged in: when none is indexed, the entry stays
    return (touched is None or not touched.isdisjoint(INDEXED)) and not same_values(before, rec["payload"], INDEXED)


def moved_residents(current: dict) -> dict[str, tuple[dict, bool]]:
    """The residents a push stored (its `current` map of dirty records) whose entry may have moved, as
    `index_residents` takes them."""
    return {rid: (rec["payload"], rec["deleted"]) for (kind, rid), rec in current.items()
            if kind == "resident" and rec.get("dirty") and _moved(rec)}


def matches(conn: Connection, ward: str) -> p.CrossWardMatches:
    mine, other = cccd_index.alias("mine"), cccd_index.alias("other")
    rows = conn.execute(
        select(mine.c.record_id, other.c.ward_code, other.c.full_name, other.c.birth_year, mine.c.moved_at,
               other.c.moved_at.label("other_moved_at"))
        .select_from(mine.join(other, and_(other.c.cccd_hash == mine.c.cccd_hash, other.c.ward_code != mine.c.ward_code)))
        .where(mine.c.ward_code == ward).order_by(mine.c.record_id, other.c.ward_code)
    ).all()
    out = defaultdict(list)
    for r in rows:
        moved = "here" if r.moved_at else ("there" if r.other_moved_at else "")
        out[r.record_id].append(p.CrossWardMatch(record_id=r.record_id, other_ward=r.ward_code, other_name=r.full_name,
                                                 other_birth_year=r.birth_year, moved=moved))
    return p.CrossWardMatches(matches=[m for ms in out.values() for m in ms])


def mark_moved(conn: Connection, ward: str, record_id: str, moved: bool, stamp: str) -> bool:
    """Mark (or unmark) this ward's resident as moved away; False when the ward has no such indexed resident."""
    done = conn.execute(update(cccd_index).where(cccd_index.c.ward_code == ward, cccd_index.c.record_id == record_id)
                        .values(moved_at=stamp if moved else None))
    return done.rowcount > 0
