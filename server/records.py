"""Storing pushed changes, answering pulls and checks: the server side of the protocol.

Every push runs in one transaction holding the ward's row lock (`ward_state`), so a
ward's sequence numbers are handed out in commit order and a pull cursor never skips
a change. Idempotency rests on UNIQUE constraints (change id; kind+record+version).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import defaultdict
from datetime import datetime, timezone
from typing import Any, Callable, NamedTuple

import msgspec
from pydantic_core import from_json
from sqlalchemy import Connection, and_, func, insert, select, update
from sqlalchemy.dialects import postgresql

from desktop.sync import protocol as p
from server import cross_ward, figures
from server.db import record, record_version, ward_state
from server.setwise import Rows, among, array_literal, id_chunks, insert_rows, pipeline, update_rows

log = logging.getLogger("tocds.server.records")

DELETED_FIELD = "__deleted__"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")




def lock_ward(conn: Connection, ward: str) -> int:
    """Take the ward's lock (PostgreSQL row lock; SQLite writers are serialised anyway)."""
    if conn.dialect.name == "postgresql":
        conn.execute(postgresql.insert(ward_state).values(ward_code=ward, last_seq=0).on_conflict_do_nothing())
        return conn.execute(select(ward_state.c.last_seq).where(ward_state.c.ward_code == ward).with_for_update()).scalar_one()
    seq = conn.execute(select(ward_state.c.last_seq).where(ward_state.c.ward_code == ward)).scalar()
    if seq is None:
        conn.execute(insert(ward_state).values(ward_code=ward, last_seq=0))
        seq = 0
    return seq


def _invalid(item: p.ChangeItem, text: str, stored: bool) -> str:
    """Why an item cannot be stored ("" when it can). `stored`: the server already holds the record
    (an update then only has to be right in the fields it changes)."""
    if any(f not in item.payload for f in item.fields):
        return "fields not in payload"
    if item.op == "insert" and item.base_version != 0:
        return "insert with a base version"
    if item.version <= item.base_version:
        return "version not after base version"
    problems = p.payload_problems(item.kind, item.payload, insert=not stored, fields=item.fields, text=text)
    return problems[0].reason if problems else ""


class _Seen(NamedTuple):
    payload_hash: str
    kind: str
    record_id: str


class _Prepared(NamedTuple):
    """What an item's own content says, worked out before the stored records are at hand."""

    text: str  # the payload's canonical JSON
    digest: str  # its hash (with the deleted mark)
    refs: list[tuple[str, str]]  # the records it points at
    stored_guess: bool  # `problem` is for a record the server holds (any op but insert) or not
    problem: str  # `_invalid`'s answer for that case


def prepare(items: list[p.ChangeItem]) -> list[_Prepared]:
    """What each item's own content says (`push_json`'s `prepared`): the push endpoint works it out before the
    ward's lock is taken, while another push of the ward is being stored."""
    out = []
    for item in items:
        text = p.canonical(item.payload)
        guess = item.op != "insert"
        out.append(_Prepared(text, p.payload_hash(item.payload, item.deleted, text), p.refs(item.kind, item.payload),
                             guess, _invalid(item, text, guess)))
    return out


_PG_CURRENT = ("SELECT record_id, ward_code, version, deleted, payload FROM record "
               "WHERE kind = %s AND record_id IN (SELECT unnest(%s::text[]))")
_PG_KNOWN = ("SELECT change_id, payload_hash, kind, record_id FROM record_version "
             "WHERE change_id IN (SELECT unnest(%s::text[]))")


def _lookups(conn: Connection, items: list[p.ChangeItem],
             prepared: list[_Prepared] | None = None) -> tuple[dict, dict[str, _Seen], list[_Prepared]]:
    """The batch's stored records (`_current`), its change ids already stored, and its items prepared (unless
    they were, `prepare`). On PostgreSQL the two lookups run in the database while this process prepares the
    items (2,000 edits: 33-39 us an item one after the other, 28-32 overlapped)."""
    change_ids = [i.change_id for i in items]
    with pipeline(conn) as send:
        if send is None:
            known = {row.change_id: _Seen(row.payload_hash, row.kind, row.record_id)
                     for chunk in id_chunks(conn, change_ids) for row in conn.execute(
                         select(record_version.c.change_id, record_version.c.payload_hash, record_version.c.kind,
                                record_version.c.record_id).where(among(conn, record_version.c.change_id, chunk))).all()}
            return _current(conn, items), known, prepare(items) if prepared is None else prepared
        asked = [(kind, send(_PG_CURRENT, (kind, array_literal(ids)))) for kind, ids in _ids_by_kind(items).items()]
        found = send(_PG_KNOWN, (array_literal(change_ids),))
        prepared = prepare(items) if prepared is None else prepared
        current = {(kind, row[0]): _stored(*row) for kind, cursor in asked for row in cursor.fetchall()}
        known = {row[0]: _Seen(*row[1:]) for row in found.fetchall()}
    return current, known, prepared


OTHER_WARD = "record belongs to another ward"
OTHER_WARD_REF = "refers to a record of another ward"
CHANGE_ID_REUSED = "change id belongs to another record"


def _other_ward(conn: Connection, ward: str, items: list[p.ChangeItem], current: dict,
                prepared: list[_Prepared]) -> dict[str, str]:
    """change id -> reason, for items touching a record of another ward: the record itself, or a record
    its payload points at (a complaint's resident, a resident's group). Checked before anything else,
    so no answer to such an item ever carries another ward's data."""
    refused: dict[str, str] = {}
    pointed: dict[str, set[str]] = defaultdict(set)
    for item, ready in zip(items, prepared):
        rec = current.get((item.kind, item.record_id))
        if rec is not None and rec["ward"] != ward:
            refused[item.change_id] = OTHER_WARD
            continue
        for kind, rid in ready.refs:
            pointed[kind].add(rid)
    if not pointed:
        return refused
    elsewhere: set[tuple[str, str]] = set()
    for kind, id_set in pointed.items():
        for chunk in id_chunks(conn, sorted(id_set)):
            elsewhere.update((kind, rid) for rid in conn.execute(
                select(record.c.record_id).where(record.c.kind == kind, among(conn, record.c.record_id, chunk),
                                                 record.c.ward_code != ward)).scalars())
    if elsewhere:
        for item, ready in zip(items, prepared):
            if item.change_id not in refused and any(ref in elsewhere for ref in ready.refs):
                refused[item.change_id] = OTHER_WARD_REF
    return refused


def push(conn: Connection, ward: str, device_id: str, req: p.PushRequest) -> p.PushResponse:
    """Store a batch; the answer as a client reads it (`push_json`'s text parsed by the wire model)."""
    return p.PushResponse.model_validate_json(push_json(conn, ward, device_id, req).body)


def _answer(result: p.ItemResult) -> str:
    """An item's answer as JSON, its fields at their defaults left out: every client's `ItemResult` has had
    these defaults since protocol 1, so it reads the same answer (a fifth the size of the full one)."""
    return result.model_dump_json(exclude_defaults=True)


def _applied(change_id: str, version: int, payload_text: str | None, deleted: bool) -> str:
    """An applied item's answer, written out (an `ItemResult` made and dumped per item was a tenth of a push's
    server CPU). `change_id` is a checked one (`UUID_PATTERN`: hex digits and dashes), so it needs no escaping;
    `payload_text` is canonical JSON (the merged record), None when the server holds the item's own payload."""
    merged = "" if payload_text is None else f',"server_payload":{payload_text}'
    gone = ',"server_deleted":true' if deleted else ""
    return f'{{"change_id":"{change_id}","status":"applied","server_version":{int(version)}{merged}{gone}}}'


class PushAnswer(NamedTuple):
    body: bytes  # the JSON of a `protocol.PushResponse`
    counts: dict[str, int]  # items per status
    new_records: int  # records the server did not hold before


def push_json(conn: Connection, ward: str, device_id: str, req: p.PushRequest,
              prepared: list[_Prepared] | None = None) -> PushAnswer:
    """Store a batch in the caller's transaction; the answer's JSON and what it stored. `prepared`: `prepare`'s
    for the batch's items, made before the transaction (made here when None)."""
    seq = lock_ward(conn, ward)
    items = req.items
    current, known, prepared = _lookups(conn, items, prepared)
    refused = _other_ward(conn, ward, items, current, prepared)
    results: list[str] = []
    counts: dict[str, int] = defaultdict(int)
    versions: list[list] = []  # VERSION_COLUMNS
    version_fields = _version_fields()
    stamp = now()

    def answer(result: p.ItemResult) -> None:
        counts[result.status] += 1
        results.append(_answer(result))

    for item, ready in zip(items, prepared):
        if item.change_id in refused:
            answer(_rejected(item, refused[item.change_id]))
            continue
        key = (item.kind, item.record_id)
        rec = current.get(key)
        text, digest = ready.text, ready.digest
        seen = known.get(item.change_id)
        if seen is not None:
            if (seen.kind, seen.record_id) != key:
                answer(_rejected(item, CHANGE_ID_REUSED))  # of another record: nothing about it is said
            elif seen.payload_hash == digest:
                answer(_stored_result(item, rec, "already_stored"))
            else:
                answer(_conflict(item, rec, item.fields, "change id reused with a different payload"))
            continue
        # the server keeps the device's whole copy when it has none (or an older one than the item's base)
        stored = rec is not None and rec["version"] >= item.base_version
        reason = ready.problem if stored == ready.stored_guess else _invalid(item, text, stored)
        if reason:
            answer(_rejected(item, reason))
            continue
        fields_json = version_fields(item.fields, item.deleted)
        merged_result = False
        if rec is None:
            new_version = item.version
            rec = {"ward": ward, "version": new_version, "deleted": item.deleted, "payload": item.payload,
                   "new": True, "dirty": True, "text": text, "touched": None}
            current[key] = rec
        elif rec["version"] < item.base_version:
            # The server is behind this device (restored from an old backup): take the device's copy.
            new_version = item.version
            rec.update(version=new_version, deleted=item.deleted, payload=item.payload, dirty=True, text=text,
                       touched=None)
        elif rec["version"] == item.base_version:
            merged = dict(rec["payload"])
            merged.update({f: item.payload[f] for f in item.fields})
            new_version = rec["version"] + 1
            merged_result = merged != item.payload
            rec.update(version=new_version, deleted=rec["deleted"] or item.deleted, payload=merged, dirty=True,
                       text=p.canonical(merged) if merged_result else text, touched=_touched(rec, item))
        else:
            changed, devices = _fields_since(conn, item.kind, item.record_id, item.base_version, versions)
            if devices == {device_id} and item.version <= rec["version"]:
                # This device's own later change got here first (out of order): it already carries this one.
                answer(_stored_result(item, rec, "already_stored"))
                continue
            clash = [
                f for f in set(item.fields) & changed
                if rec["payload"].get(f) != item.payload.get(f)
            ]
            if DELETED_FIELD in changed and rec["deleted"] and not item.deleted:
                clash.append(DELETED_FIELD)  # deleted centrally, edited here: a person decides
            if clash:
                answer(_conflict(item, rec, sorted(clash), "edited on both sides"))
                continue
            merged = dict(rec["payload"])
            merged.update({f: item.payload[f] for f in item.fields})
            new_version = rec["version"] + 1
            merged_result = merged != item.payload
            rec.update(version=new_version, deleted=rec["deleted"] or item.deleted, payload=merged, dirty=True,
                       text=p.canonical(merged) if merged_result else text, touched=_touched(rec, item))
        seq += 1
        rec["seq"] = seq
        versions.append([item.kind, item.record_id, new_version, item.change_id, digest, fields_json,
                         device_id, stamp])
        # the same change id again later in this batch is answered like a resend, not a UNIQUE failure
        known[item.change_id] = _Seen(digest, item.kind, item.record_id)
        counts["applied"] += 1
        results.append(_applied(item.change_id, new_version, rec["text"] if merged_result else None, rec["deleted"]))
    _write(conn, ward, current, versions, seq, stamp, device_id)
    # the batch id is a checked one (UUID_PATTERN), like the change ids
    body = f'{{"batch_id":"{req.batch_id}","results":[{",".join(results)}]}}'.encode("utf-8")
    return PushAnswer(body, dict(counts), sum(1 for rec in current.values() if rec["new"]))


def _version_fields() -> Callable[[list[str], bool], str]:
    """A version row's `fields`: the item's field names and the deleted mark, sorted, as canonical JSON; each
    distinct list worked out once a batch (its items mostly name the same fields: two sets and a sort an item
    had been a twentieth of the push's own loop)."""
    text = p.names_texts()
    made: dict[tuple[tuple[str, ...], bool], str] = {}

    def fields(names: list[str], deleted: bool) -> str:
        key = (tuple(names), deleted)
        found = made.get(key)
        if found is None:
            found = made[key] = text(sorted(set(names) | ({DELETED_FIELD} if deleted else set())))
        return found

    return fields


def _ids_by_kind(items: list[p.ChangeItem]) -> dict[str, list[str]]:
    by_kind: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_kind[i.kind].add(i.record_id)
    return {kind: sorted(ids) for kind, ids in by_kind.items()}


_DECODE = msgspec.json.Decoder().decode


def stored_payload(text: str) -> Any:
    """A stored payload's values, as `json.loads` reads them (floats to the bit, big integers): by msgspec
    (1.3 us a resident, pydantic's parser 2.9); what msgspec refuses and the json module writes (NaN, an
    infinity) by pydantic's parser, and an escaped lone surrogate, which both refuse, by the json module."""
    try:
        return _DECODE(text)
    except msgspec.DecodeError:
        try:
            return from_json(text)
        except ValueError:
            return json.loads(text)


def _stored(record_id: str, ward_code: str, version: int, deleted: bool, text: str) -> dict[str, Any]:
    """A stored record as the push works on it (`stored_payload`)."""
    payload = stored_payload(text)
    return {"ward": ward_code, "version": version, "deleted": bool(deleted), "payload": payload, "new": False,
            "dirty": False, "before": None if deleted else payload,  # before: what the city's figures counted
            "touched": _UNTOUCHED}


_UNTOUCHED: frozenset[str] = frozenset()


def _touched(rec: dict, item: p.ChangeItem) -> frozenset[str] | None:
    """The fields in which a stored record's payload can now differ from `before`, after `item`'s fields were
    merged into it; None when it may differ in any (a whole copy taken: new, or the server was behind)."""
    touched = rec["touched"]
    return None if touched is None else touched.union(item.fields)


def _current(conn: Connection, items: list[p.ChangeItem]) -> dict[tuple[str, str], dict[str, Any]]:
    """The stored copies of the batch's records, looked up per kind (on PostgreSQL `_lookups` asks for them
    by `record_id IN (SELECT unnest(:ids))`: a row-value `(kind, record_id) IN (...)` is not an index lookup
    there; it scanned the table: 0.3 s a batch)."""
    current: dict[tuple[str, str], dict[str, Any]] = {}
    for kind, ids in _ids_by_kind(items).items():
        for chunk in id_chunks(conn, ids):
            for row in conn.execute(
                select(record.c.record_id, record.c.ward_code, record.c.version, record.c.deleted, record.c.payload)
                .where(record.c.kind == kind, among(conn, record.c.record_id, chunk))
            ).all():  # one fetchall, not a fetchone per row
                current[(kind, row[0])] = _stored(*row)
    return current


def _rejected(item: p.ChangeItem, reason: str) -> p.ItemResult:
    return p.ItemResult(change_id=item.change_id, status="rejected", reason=reason)


def _stored_result(item: p.ChangeItem, rec: dict | None, status: str) -> p.ItemResult:
    if rec is None:
        return p.ItemResult(change_id=item.change_id, status=status)
    return p.ItemResult(change_id=item.change_id, status=status, server_version=rec["version"],
                        server_payload=rec["payload"], server_deleted=rec["deleted"])


def _conflict(item: p.ChangeItem, rec: dict | None, fields: list[str], reason: str) -> p.ItemResult:
    return p.ItemResult(
        change_id=item.change_id, status="conflict", reason=reason,
        server_version=rec["version"] if rec else None, server_payload=rec["payload"] if rec else None,
        server_deleted=rec["deleted"] if rec else False, conflict_fields=sorted(fields),
    )


def _fields_since(conn: Connection, kind: str, record_id: str, base: int,
                 pending: list[list]) -> tuple[set[str], set[str]]:
    """Fields changed on the server after `base`, and which devices changed them (`pending`: this batch's
    versions so far, as `VERSION_COLUMNS`)."""
    rows = conn.execute(
        select(record_version.c.fields, record_version.c.device_id).where(and_(
            record_version.c.kind == kind, record_version.c.record_id == record_id, record_version.c.version > base))
    ).all()
    out: set[str] = set()
    devices: set[str] = set()
    for text, dev in rows:
        out.update(json.loads(text))
        devices.add(dev)
    for v_kind, v_id, v_version, _change, _hash, v_fields, v_device, _at in pending:
        if v_kind == kind and v_id == record_id and v_version > base:
            out.update(json.loads(v_fields))
            devices.add(v_device)
    return out, devices


# a record_version row as a push writes it; a record row (an update's: its key and the columns that change)
VERSION_COLUMNS = ("kind", "record_id", "version", "change_id", "payload_hash", "fields", "device_id", "created_at")
_RECORD_COLUMNS = ("kind", "record_id", "version", "seq", "deleted", "payload", "updated_at", "device_id")


def _write(conn: Connection, ward: str, current: dict, versions: list[list], seq: int, stamp: str,
           device_id: str) -> None:
    """The batch's rows, one statement per table (a change id or a record version stored twice still fails its
    UNIQUE constraint). On PostgreSQL each goes to the database as soon as it is written out, and the city's
    figures and the CCCD index work out what moved while the database stores them (`pipeline`)."""
    with pipeline(conn) as send:
        insert_rows(conn, record_version, Rows(VERSION_COLUMNS, versions), send)
        inserts, updates, changes = [], [], []
        for (kind, record_id), rec in current.items():
            if not rec["dirty"]:
                continue
            changes.append(figures.Change(kind, record_id, rec.get("before"), None if rec["deleted"] else rec["payload"],
                                          rec.get("touched")))
            row = [kind, record_id, rec["version"], rec["seq"], rec["deleted"],
                   rec.get("text") or p.canonical(rec["payload"]), stamp, device_id]
            if rec["new"]:
                row.append(ward)
                inserts.append(row)
            else:
                updates.append(row)  # only the changing columns: the key goes in the WHERE clause, not the SET list
        insert_rows(conn, record, Rows(_RECORD_COLUMNS + ("ward_code",), inserts), send)
        update_rows(conn, record, ["kind", "record_id"], Rows(_RECORD_COLUMNS, updates), send)
        counted = figures.plan(ward, changes)
        residents = cross_ward.moved_residents(current)
    figures.store(conn, ward, counted)
    cross_ward.index_residents(conn, ward, residents)
    stored = {"last_change_at": stamp} if any(c.after is not None for c in changes) else {}
    conn.execute(update(ward_state).where(ward_state.c.ward_code == ward).values(last_seq=seq, **stored))


def _pull_rows(conn: Connection, ward: str, cursor: int, limit: int, device_id: str) -> tuple[list, int, bool]:
    """A page of the ward's records after `cursor`, the new cursor, whether more follow.

    The asking device's own latest versions are passed over in the query itself: a pull right after a push of
    100k changes used to page through every one of them (50 round trips reading rows it then dropped); now one
    page answers it. Its pages end at the ward's last sequence number, read first: every record numbered up to
    it was committed with it (numbers are handed out under the ward's lock), so none is skipped; one committed
    meanwhile comes in the next page or pull."""
    columns = (record.c.kind, record.c.record_id, record.c.version, record.c.payload, record.c.deleted, record.c.seq)
    if not device_id:
        rows = conn.execute(select(*columns).where(record.c.ward_code == ward, record.c.seq > cursor)
                            .order_by(record.c.seq).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, rows[-1].seq if rows else cursor, more
    top = conn.execute(select(ward_state.c.last_seq).where(ward_state.c.ward_code == ward)).scalar() or 0
    rows = conn.execute(
        select(*columns)
        .where(record.c.ward_code == ward, record.c.seq > cursor, record.c.seq <= top,
               record.c.device_id != device_id)
        .order_by(record.c.seq).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, rows[-1].seq if more else max(cursor, top), more


def remaining(conn: Connection, ward: str, cursor: int, device_id: str = "") -> int:
    """Records after `cursor` the device will be sent (its own latest versions are passed over): a range of
    the ward's (ward_code, seq) index, asked for on a pull's first page only."""
    q = select(func.count()).select_from(record).where(record.c.ward_code == ward, record.c.seq > cursor)
    if device_id:
        q = q.where(record.c.device_id != device_id)
    return conn.execute(q).scalar_one()


def pull_json(conn: Connection, ward: str, cursor: int, limit: int, device_id: str = "", *,
              count: bool = False) -> tuple[bytes, int]:
    """Records after `cursor` in the ward's commit order, as the JSON body of the answer (a
    `protocol.PullResponse`), the stored payload texts spliced in as they are (no parse and
    re-encode of every record on the server: most of a pull's server time). Those whose latest
    version came from the asking device are passed over (it has them) but still move the cursor.
    Also the number of records in the page. `count`: with the number still to come after this page."""
    rows, new_cursor, more = _pull_rows(conn, ward, cursor, limit, device_id)
    left = (remaining(conn, ward, new_cursor, device_id) if more else 0) if count else None
    return p.pull_page_json([(r.kind, r.record_id, r.version, r.payload, bool(r.deleted), r.seq) for r in rows],
                            new_cursor, more, left), len(rows)


_RAW_STORE = {
    "postgresql": "INSERT INTO raw_item (ward_code, change_id, kind, record_id, version, payload) "
                  "SELECT :ward, e->>'change_id', e->>'kind', e->>'record_id', (e->>'version')::int, e->>'payload' "
                  "FROM jsonb_array_elements(CAST(:body AS jsonb)->'items') AS e",
    "sqlite": "INSERT INTO raw_item (ward_code, change_id, kind, record_id, version, payload) "
              "SELECT :ward, json_extract(e.value, '$.change_id'), json_extract(e.value, '$.kind'), "
              "json_extract(e.value, '$.record_id'), json_extract(e.value, '$.version'), "
              "json_extract(e.value, '$.payload') FROM json_each(:body, '$.items') AS e",
}


def raw_store(conn: Connection, ward: str, body: str) -> int:
    """A push batch's items stored as they come, by one statement (the bench's comparable baseline)."""
    from sqlalchemy import text

    return conn.execute(text(_RAW_STORE[conn.dialect.name]), {"ward": ward, "body": body}).rowcount


def check(conn: Connection, ward: str) -> p.CheckResponse:
    ids: dict[str, list[str]] = defaultdict(list)
    for kind, record_id in conn.execute(select(record.c.kind, record.c.record_id).where(record.c.ward_code == ward)):
        ids[kind].append(record_id)
    return p.CheckResponse(kinds={k: p.KindCheck(count=len(v), hash=p.ids_hash(v)) for k, v in ids.items()})


def ids_of(conn: Connection, ward: str, kind: str) -> list[str]:
    return list(conn.execute(
        select(record.c.record_id).where(record.c.ward_code == ward, record.c.kind == kind)).scalars())


def fetch(conn: Connection, ward: str, kind: str, ids: list[str]) -> list[p.RemoteRecord]:
    if not ids:
        return []
    rows = conn.execute(
        select(record.c.kind, record.c.record_id, record.c.version, record.c.payload, record.c.deleted, record.c.seq)
        .where(record.c.ward_code == ward, record.c.kind == kind, record.c.record_id.in_(ids))
    )
    return [p.RemoteRecord(kind=r.kind, record_id=r.record_id, version=r.version, payload=json.loads(r.payload),
                           deleted=bool(r.deleted), seq=r.seq) for r in rows]


def central_update(conn: Connection, ward: str, kind: str, record_id: str, values: dict[str, Any],
                   actor: str = "central") -> int:
    """A change made at the centre (e.g. an agency accepting a complaint); laptops pull it. Checked against
    the kind's payload rules like a pushed change (ValueError with the reasons)."""
    seq = lock_ward(conn, ward)
    row = conn.execute(select(record).where(record.c.kind == kind, record.c.record_id == record_id,
                                            record.c.ward_code == ward)).first()
    if row is None:
        raise KeyError(f"{kind} {record_id}")
    payload = json.loads(row.payload)
    unknown = set(values) - set(payload)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    problems = p.payload_problems(kind, dict(payload, **values), insert=False, fields=sorted(values))
    if problems:
        raise ValueError("; ".join(x.reason for x in problems))
    before = None if row.deleted else dict(payload)
    payload.update(values)
    version, seq = row.version + 1, seq + 1
    stamp = now()
    conn.execute(insert(record_version).values(
        kind=kind, record_id=record_id, version=version, change_id=str(uuid.uuid4()),
        payload_hash=p.payload_hash(payload, bool(row.deleted)), fields=p.canonical(sorted(values)),
        device_id=actor, created_at=stamp))
    conn.execute(update(record).where(record.c.kind == kind, record.c.record_id == record_id)
                 .values(version=version, seq=seq, payload=p.canonical(payload), updated_at=stamp, device_id=actor))
    figures.apply(conn, ward, [figures.Change(kind, record_id, before, None if row.deleted else payload)])
    if kind == "resident":  # the cross-ward index follows every stored change of a resident
        cross_ward.index_residents(conn, ward, {record_id: (payload, bool(row.deleted))})
    live = {} if row.deleted else {"last_change_at": stamp}
    conn.execute(update(ward_state).where(ward_state.c.ward_code == ward).values(last_seq=seq, **live))
    return version
