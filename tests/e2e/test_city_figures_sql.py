"""The city's figures counted in SQL as pushes are stored (issue #19 item 1) give the very answer the old
Python figures gave (tests/support/city_oracle.py) on a few thousand records of several wards, after
edits, deletions and a central change; the migration's backfill gives it too; and a city request while
a push commits sees the figures before it or after it, never half. Real PostgreSQL."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import delete, event

from bench import city_data
from desktop.sync import protocol as p
from server import figures, records
from server.city_figures import city_figures, read_snapshot
from server.db import city_record, make_engine, upgrade, ward_count
from tests.e2e.sync_harness import postgres_database
from tests.support import city_oracle

pytestmark = pytest.mark.postgres
WARDS = ("00004", "00166", "00097", "00008")
NOW = datetime(2026, 12, 2, 5, 30, tzinfo=timezone.utc)
PERIODS = [(None, None), (date(2026, 11, 1), date(2026, 11, 30)), (None, date(2026, 10, 15)),
           (date(2026, 9, 1), None), (date(2026, 12, 2), date(2026, 12, 2))]


@pytest.fixture(scope="module")
def engine():
    with postgres_database() as url:
        eng = make_engine(url)
        upgrade(eng)
        yield eng
        eng.dispose()


def _item(kind: str, record_id: str, payload: dict, *, version: int = 1, base: int = 0, fields=None,
          deleted: bool = False) -> p.ChangeItem:
    return p.ChangeItem(change_id=str(uuid.uuid4()), kind=kind, record_id=record_id,
                        op="insert" if base == 0 else ("delete" if deleted else "update"), base_version=base,
                        version=version, fields=sorted(fields or payload), payload=payload, deleted=deleted)


def _push(engine, ward: str, items: list[p.ChangeItem]) -> None:
    for start in range(0, len(items), 500):
        with engine.begin() as conn:
            res = records.push(conn, ward, "device-" + ward, p.PushRequest(batch_id=str(uuid.uuid4()),
                                                                           items=items[start:start + 500]))
        assert {r.status for r in res.results} == {"applied"}, [r for r in res.results if r.status != "applied"][:2]


def _both(engine, start=None, end=None) -> tuple[dict, dict]:
    with engine.connect() as conn:
        new = city_figures(read_snapshot(conn), start, end, now=NOW)
    with engine.connect() as conn:
        old = city_oracle.city_figures(conn, start, end, now=NOW)
    return {k: new[k] for k in old}, old


@pytest.fixture(scope="module")
def city(engine):
    """Four wards' records pushed, then edited (stages moved, complaints accepted and handled), some deleted,
    one changed centrally; the last push of every ward stores something live."""
    rng = random.Random(19)
    for w, ward in enumerate(WARDS):
        made = list(city_data.ward_records(rng, ward, 300 + 250 * w))
        _push(engine, ward, [_item(kind, rid, payload) for kind, rid, payload in made])
        edits = []
        for kind, rid, payload in rng.sample(made, len(made) // 5):
            if kind == "resident":
                edits.append(_item(kind, rid, dict(payload, adoption_stage="da_tao_tai_khoan", account_on="2026-11-20"),
                                   version=2, base=1, fields=["adoption_stage", "account_on"]))
            elif kind == "complaint" and payload["status"] == "da_ghi_nhan":
                edits.append(_item(kind, rid, dict(payload, status="da_tiep_nhan", accepted_at=payload["accept_due_at"]),
                                   version=2, base=1, fields=["status", "accepted_at"]))
            elif kind in ("help_session", "complaint_feedback", "communication_item"):
                edits.append(_item(kind, rid, payload, version=2, base=1, fields=[], deleted=True))
        edits.append(_item("resident", city_data.new_id(rng), city_data.resident(rng, None)))
        _push(engine, ward, edits)
        complaint = next((rid, pl) for kind, rid, pl in made if kind == "complaint" and not pl["handled_at"])
        with engine.begin() as conn:
            records.central_update(conn, ward, "complaint", complaint[0], {"status": "da_xu_ly",
                                                                          "handled_at": "2026-11-30T03:00:00+00:00"})
        _push(engine, ward, [_item("resident", city_data.new_id(rng), city_data.resident(rng, None))])
    return engine


@pytest.mark.parametrize("start,end", PERIODS)
def test_sql_figures_equal_the_python_figures(city, start, end):
    new, old = _both(city, start, end)
    assert len(old["wards"]) == len(WARDS) and old["totals"]["residents"] > 2000
    assert old["totals"]["complaints"] and old["totals"]["overdue_complaints"] if start is None else True
    assert new == old


def test_the_migration_backfill_gives_the_same_figures(city):
    before, _ = _both(city)
    with city.begin() as conn:
        conn.execute(delete(ward_count))
        conn.execute(delete(city_record))
        assert figures.rebuild(conn, batch=700) > 2000
    after, old = _both(city)
    assert after == before == old


def test_a_city_request_while_a_push_commits_sees_old_or_new_never_half(city):
    """A push (a resident, a help session, a complaint) commits between the city request's first and second
    query: the answer is the one before the push, then the next request has all of it."""
    rng = random.Random(7)
    ward = WARDS[0]
    rid = city_data.new_id(rng)
    batch = [_item("resident", rid, city_data.resident(rng, None)),
             _item("help_session", city_data.new_id(rng), city_data.help_session(rng, rid)),
             _item("complaint", city_data.new_id(rng), city_data.complaint(rng, 1))]
    before, _ = _both(city)
    statements = []

    def push_between(conn, *_args):
        statements.append(1)
        if len(statements) == 2:
            _push(city, ward, batch)

    with city.connect() as conn:
        event.listen(conn, "before_cursor_execute", push_between)
        seen = city_figures(read_snapshot(conn), now=NOW)
        event.remove(conn, "before_cursor_execute", push_between)
    after, oracle = _both(city)
    assert len(statements) > 2
    assert {k: seen[k] for k in before} == before
    assert after == oracle and after["totals"]["residents"] == before["totals"]["residents"] + 1
    assert after["totals"]["complaints"] == before["totals"]["complaints"] + 1
