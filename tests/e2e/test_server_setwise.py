"""The set-based writes of a push (server.setwise) on both databases: the rows go to PostgreSQL as one JSON text
of arrays; what is stored is what was given, byte for byte (payload texts with quotes, backslashes, Vietnamese,
NULLs, booleans, big numbers), and a column's bounds still hold (a too-long id is refused, not cut short)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError, StatementError

from desktop.sync import protocol as p
from server.db import record, record_version, make_engine, upgrade
from server.setwise import among, id_chunks, insert_rows, update_rows
from tests.e2e.sync_harness import postgres_database

PAYLOAD = p.canonical({"full_name": "Nguyễn Thị \"Thuỷ\" \\ Hoà", "notes": "dòng 1\ndòng 2\t👍", "x": None,
                       "n": 1e16, "nested": {"b": [1, 2.5], "a": {}}})


def _row(i: int, **extra) -> dict:
    return {"kind": "resident", "record_id": f"00000000-0000-0000-0000-{i:012d}", "ward_code": "00166", "version": 1,
            "seq": 2**40 + i, "deleted": i % 2 == 0, "payload": PAYLOAD + " " * i, "updated_at": "2026-12-02T00:00:00+00:00",
            "device_id": "", **extra}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
        upgrade(eng)
        yield eng
        eng.dispose()
        return
    with postgres_database() as url:
        eng = make_engine(url)
        upgrade(eng)
        yield eng
        eng.dispose()


def _stored(conn) -> list[tuple]:
    return [tuple(r) for r in conn.execute(select(record.c.record_id, record.c.version, record.c.seq, record.c.deleted,
                                                  record.c.payload, record.c.device_id).order_by(record.c.record_id))]


def test_rows_are_stored_and_updated_as_given(engine) -> None:
    rows = [_row(i) for i in range(5)]
    with engine.begin() as conn:
        insert_rows(conn, record, rows)
        assert _stored(conn) == [(r["record_id"], 1, r["seq"], r["deleted"], r["payload"], "") for r in rows]
        changed = [{"kind": r["kind"], "record_id": r["record_id"], "version": 2, "deleted": not r["deleted"],
                    "payload": r["payload"] + "đ", "device_id": "máy-a"} for r in rows[1:4]]
        update_rows(conn, record, ["kind", "record_id"], changed)
        got = {row[0]: row for row in _stored(conn)}
        for c in changed:
            assert got[c["record_id"]] == (c["record_id"], 2, got[c["record_id"]][2], c["deleted"], c["payload"], "máy-a")
        assert got[rows[0]["record_id"]][4] == PAYLOAD  # rows not named are left alone
        ids = [r["record_id"] for r in rows[:3]]
        found = [rid for chunk in id_chunks(conn, ids)
                 for rid in conn.execute(select(record.c.record_id).where(among(conn, record.c.record_id, chunk))).scalars()]
        assert sorted(found) == ids


@pytest.mark.postgres
def test_a_too_long_value_is_refused_not_cut_short() -> None:
    with postgres_database() as url:
        eng = make_engine(url)
        upgrade(eng)
        with pytest.raises((DataError, StatementError)), eng.begin() as conn:
            insert_rows(conn, record, [_row(1, record_id="x" * 37)])
        with eng.begin() as conn:
            insert_rows(conn, record_version, [{"kind": "resident", "record_id": "r", "version": 1, "change_id": "c",
                                                "payload_hash": "h", "fields": "[]", "device_id": "d", "created_at": "t"}])
        with pytest.raises(IntegrityError), eng.begin() as conn:  # a UNIQUE clash raises, as one INSERT would
            insert_rows(conn, record_version, [{"kind": "resident", "record_id": "r2", "version": 1, "change_id": "c",
                                                "payload_hash": "h", "fields": "[]", "device_id": "d", "created_at": "t"}])
        eng.dispose()


def test_a_lookup_by_ids_takes_any_text_as_it_is(engine) -> None:
    """`among`'s one array literal on PostgreSQL: commas, braces, quotes, backslashes, NULL and spaces are data."""
    odd = ["a,b", "{x}", "NULL", " sp ", 'q"uo', "b\\s", 'a","b', "đường", '\\"', '"', ""]
    with engine.begin() as conn:
        insert_rows(conn, record, [_row(i, record_id=rid) for i, rid in enumerate(odd)])
        asked = odd[:-1] + ["a", "b", "x"]  # all but the empty one, and some that only look like parts of others
        found = [rid for chunk in id_chunks(conn, asked)
                 for rid in conn.execute(select(record.c.record_id).where(among(conn, record.c.record_id, chunk))).scalars()]
    assert sorted(found) == sorted(odd[:-1])


def _row_filters(plan: dict) -> list[str]:
    """Every condition the plan applies to rows one by one (not an index's), in all its nodes."""
    found = [plan["Filter"]] if "Filter" in plan else []
    for child in plan.get("Plans", []):
        found += _row_filters(child)
    return found


@pytest.mark.postgres
def test_a_batch_lookup_never_tests_each_row_against_every_id() -> None:
    """A push's lookups by id (its records, its change ids) while the tables grow from nothing: statistics from
    when they were empty (the server analyses at start, then after each quarter of growth). The ids as `= ANY`
    over a text cast were a row filter there, each row compared with each of the batch's 2,000 ids one by one
    (a cast array is not hashed): 1 to 3.3 s a lookup in a new ward's first push, 13 of its 17 s at 30,000
    residents. As a set the ids are joined, whatever the plan."""
    import uuid

    from server.db import PlannerStats

    with postgres_database() as url:
        eng = make_engine(url)
        upgrade(eng)
        PlannerStats(eng).refresh()  # what the server does at start
        with eng.begin() as conn:
            insert_rows(conn, record, [_row(i) for i in range(4000)])
        ids = [str(uuid.uuid4()) for _ in range(2000)]
        with eng.connect() as conn:
            lookup = select(record.c.record_id).where(record.c.kind == "resident", among(conn, record.c.record_id, ids))
            compiled = lookup.compile(dialect=eng.dialect)
            [[plan]] = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled), compiled.params).one()
            assert conn.execute(lookup).all() == []
        eng.dispose()
    filters = _row_filters(plan["Plan"])
    assert not any("ANY" in f for f in filters), filters
