"""The change log's bulk helpers: the JSON text, time-ordered ids, and change rows made set-based in SQLite
are exactly what the ORM hook writes for an insert."""

from __future__ import annotations

import json
import random
import uuid
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from desktop.services.setup.demo_bulk import bulk_insert
from desktop.store.changelog import LAST_SEQ_SQL, BulkInsertLog, ChangeLogEntry, payload_encoder, sequential_ids
from desktop.sync.payload_rules import canonical
from desktop.store.models import Resident
from desktop.store.records import field_names, record_fields

ODD = "\"\\/\b\f\n\r\t\x00\x01\x1f\x7f đĐ ệ\u2028\u2029 😀 <&> '"


def test_payload_encoder_is_dump_byte_for_byte():
    names = ["b", "a", "z_x", "consent_given", "ç", "n"]
    encode = payload_encoder(names)
    rng = random.Random(3)
    pool = [None, True, False, 0, -5, 2**70, 1.5, "", ODD, [1, "a"], {"k": 1, "a": None}]
    for _ in range(3000):
        values = [rng.choice(pool) if rng.random() < 0.7 else "".join(rng.sample(ODD, 5)) for _ in names]
        assert encode(values) == canonical(dict(zip(names, values)))


def test_sequential_ids_are_uuid7_in_order_and_unique():
    first, second = sequential_ids(), sequential_ids()
    ids = [first() for _ in range(20000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    u = uuid.UUID(ids[0])
    assert u.version == 7 and u.variant == uuid.RFC_4122 and str(u) == ids[0]
    assert not set(ids) & {second() for _ in range(20000)}


def test_change_rows_made_in_sqlite_equal_the_orm_hook(app_ctx):
    """Residents written by the ORM (its hook logs them) against the same rows logged set-based from the table."""
    values = dict(full_name=ODD, name_folded="x", sort_key="x", birth_date=date(1985, 3, 5), birth_year=1985,
                  sex="nu", cccd=None, phone="+84912345678", address_detail=ODD * 3, target_group="can_bo",
                  adoption_stage="da_biet", aware_on=date(2026, 1, 2), consent_given=True, consent_by="Lan",
                  consent_version="v1", notes="a\nb")
    with app_ctx.write() as s:
        people = [Resident(**values, consent_at=datetime(2026, 5, 1, 8, 0, 0, micro, tzinfo=timezone.utc))
                  for micro in (0, 1, 999999)]
        people.append(Resident(full_name="Không Đồng Ý", consent_given=False))
        s.add_all(people)
    with app_ctx.read() as s:
        expected = {r.id: canonical(record_fields(r)) for r in s.scalars(select(Resident))}
        hook = {e.record_id: (e.payload_json, e.fields_json)
                for e in s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_kind == "resident"))}
        rowids = tuple(s.connection().exec_driver_sql("SELECT min(rowid), max(rowid) FROM resident").one())
    log = BulkInsertLog(Resident, "bulk", "2026-05-01T08:00:00.000001+00:00")
    statements = log.from_table_sql("rowid >= ? AND rowid <= ?")
    with app_ctx.write() as s:
        offset = s.connection().exec_driver_sql(LAST_SEQ_SQL).scalar() - (rowids[0] - 1)
        for sql, params in statements:
            s.connection().exec_driver_sql(sql, (offset, *params, *rowids))
        made = [(e.change_id, e.record_id, e.payload_json, e.fields_json, e.op, e.base_version, e.version, e.state)
                for e in s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.actor == "bulk").order_by(ChangeLogEntry.seq))]
        s.rollback()
    assert len(made) == 4
    for change_id, record_id, payload, fields, *rest in made:
        assert payload == hook[record_id][0] == expected[record_id]
        assert fields == hook[record_id][1]
        assert tuple(rest) == ("insert", 0, 1, "pending")
        assert uuid.UUID(change_id).version == 7
    assert [m[0] for m in made] == sorted(m[0] for m in made)
    assert json.loads(made[0][2])["consent_given"] is True


def test_floats_stay_on_the_python_path():
    from desktop.store.records import record_kinds
    from sqlalchemy import Float

    with_floats = [cls for cls in record_kinds().values()
                   if any(isinstance(c.type, Float) for c in cls.__table__.columns if c.key in field_names(cls))]
    for cls in with_floats:
        with pytest.raises(NotImplementedError):
            BulkInsertLog(cls, "a", "b").from_table_sql("1 = 1")


def test_demo_bulk_insert_logs_what_the_hook_logs(app_ctx):
    rows = [{"id": str(uuid.uuid4()), "full_name": name, "name_folded": "n", "sort_key": "n", "consent_given": True,
             "consent_at": datetime(2026, 5, 1, 8, 0, 0, 5, tzinfo=timezone.utc), "birth_date": date(1990, 1, 2)}
            for name in ("Lê Văn Tám", ODD)]
    with app_ctx.write() as s:
        assert bulk_insert(s, Resident, rows, "demo") == 2
    with app_ctx.read() as s:
        for r in s.scalars(select(Resident)):
            e = s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_id == r.id)).one()
            assert e.payload_json == canonical(record_fields(r)) and e.actor == "demo"
