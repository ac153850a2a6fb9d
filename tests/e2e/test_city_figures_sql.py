"""The city's figures counted in SQL as pushes are stored (issue #19 item 1) give the very answer the old
Python figures gave (tests/support/city_oracle.py) on a few thousand records of several wards, after
edits, deletions and a central change; the migration's backfill gives it too; and a city request while
a push commits sees the figures before it or after it, never half. Real PostgreSQL."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, event, select

from bench import city_data
from desktop.core.vocab import ADOPTION_ORDER
from desktop.sync import protocol as p
from server import figures, records
from server.city_figures import city_figures, read_snapshot
from server.cross_ward import cccd_hash
from server.db import cccd_index, city_record, upgrade, ward_count
from tests.e2e.sync_harness import migrated_postgres
from tests.support import city_oracle

pytestmark = pytest.mark.postgres
WARDS = ("00004", "00166", "00097", "00008")
NOW = datetime(2026, 12, 2, 5, 30, tzinfo=timezone.utc)
PERIODS = [(None, None), (date(2026, 11, 1), date(2026, 11, 30)), (None, date(2026, 10, 15)),
           (date(2026, 9, 1), None), (date(2026, 12, 2), date(2026, 12, 2))]


def _migrated():
    with migrated_postgres() as eng:
        yield eng


engine = pytest.fixture(scope="module", name="engine")(_migrated)


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


def test_the_ratings_migration_backfills_the_rating_counters(city):
    """Migration 0005 (one head after 0004) counts the ratings already stored: down to 0004 there are no rating
    counters, up again the figures are those of before, and the view's indexes cover what it reads."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from server.db import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_revision("0005_city_ratings").down_revision == "0004_cross_ward_cccd"
    before, _ = _both(city)
    assert any(w["average_rating"] for w in before["wards"])
    with city.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004_cross_ward_cccd")
    assert not [k for k in _counters(city) if k[1] == "rating"]
    upgrade(city)
    after, old = _both(city)
    assert after == before == old
    assert _counters(city) == _rebuilt_counters(city)
    with city.connect() as conn:  # the view's reads need no table rows: covering indexes
        defs = dict(conn.exec_driver_sql("SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
                                         "('ix_city_record_open', 'ix_ward_count_figure')").all())
    assert "INCLUDE (acc_state, acc_due, han_state, han_due)" in defs["ix_city_record_open"]
    assert "INCLUDE (ward_code, stage, outcome, n)" in defs["ix_ward_count_figure"]


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


fresh = pytest.fixture(name="fresh")(_migrated)


def _nonzero(conn) -> dict:
    return {tuple(r[:-1]): r[-1] for r in conn.execute(
        ward_count.select().where(ward_count.c.n != 0).order_by(*ward_count.primary_key.columns))}


def _counters(engine) -> dict:
    with engine.connect() as conn:
        return _nonzero(conn)


def _rebuilt_counters(engine) -> dict:
    """What a fresh backfill counts for the same stored records (rolled back: the kept counters stay)."""
    with engine.connect() as conn:
        with conn.begin() as tx:
            figures.rebuild(conn, batch=3)
            figures.rebuild_ratings(conn)
            out = _nonzero(conn)
            tx.rollback()
    return out


def _same_as_oracle_and_backfill(engine) -> dict:
    for start, end in PERIODS:
        new, old = _both(engine, start, end)
        assert new == old, (start, end)
    kept = _counters(engine)
    assert kept == _rebuilt_counters(engine)
    return kept


def _answer(complaint_id: str, rating: int | None) -> dict:
    return {"complaint_id": complaint_id, "resolved": "co", "rating": rating, "collected_at": "2026-11-20T02:00:00+00:00"}


def _complaint(recorded: str, status: str = "da_ghi_nhan", accepted: str | None = None,
               handled: str | None = None) -> dict:
    moment = datetime.fromisoformat(recorded)
    return {"code": "PA-000001", "kind": "ha_tang", "category": "den", "title": "Đèn đường hỏng", "status": status,
            "recorded_at": recorded, "accept_due_at": (moment + timedelta(days=1)).isoformat(),
            "handle_due_at": (moment + timedelta(days=10)).isoformat(), "accepted_at": accepted, "handled_at": handled}


def test_the_counters_follow_every_change_and_a_batch_delivered_twice_counts_once(fresh):
    """Ratings are kept as counters by the complaint's day (issue #19: the city view no longer joins every
    answer with its complaint). After each push: the SQL figures equal the Python oracle's for every period,
    and the kept counters equal a fresh backfill of the same records."""
    a, b = "00004", "00166"
    rng = random.Random(5)
    c1, c2, c3, a1, a2, a3, a4, r1 = (city_data.new_id(rng) for _ in range(8))
    g1, g2 = city_data.new_id(rng), city_data.new_id(rng)
    resident = dict(city_data.resident(rng, g1), adoption_stage="da_tao_tai_khoan", account_on="2026-11-02")
    # answers before their complaint in the batch, a complaint of November and one of September
    first = p.PushRequest(batch_id=str(uuid.uuid4()), items=[
        _item("complaint_feedback", a1, _answer(c1, 4)), _item("complaint_feedback", a2, _answer(c1, 2)),
        _item("complaint_feedback", a4, _answer(c1, None)),
        _item("complaint", c1, _complaint("2026-11-10T08:00:00+00:00")),
        _item("complaint", c2, _complaint("2026-09-03T08:00:00+00:00")),
        _item("complaint_feedback", a3, _answer(c2, 5)),
        _item("resident", r1, resident)])
    with fresh.begin() as conn:
        records.push(conn, a, "device-a", first)
    kept = _same_as_oracle_and_backfill(fresh)
    ratings = {k: n for k, n in kept.items() if k[1] == "rating"}
    assert ratings == {(a, "rating", "2026-11-10", 4, "", "", ""): 1, (a, "rating", "2026-11-10", 2, "", "", ""): 1,
                       (a, "rating", "2026-09-03", 5, "", "", ""): 1}
    with fresh.connect() as conn:
        [row] = [w for w in city_figures(read_snapshot(conn), now=NOW)["wards"] if w["ward_code"] == a]
    assert row["average_rating"] == round(11 / 3, 2)

    # the same batch delivered again (a lost answer): stored once, counted once
    with fresh.begin() as conn:
        again = records.push(conn, a, "device-a", first)
    assert {r.status for r in again.results} == {"already_stored"}
    assert _same_as_oracle_and_backfill(fresh) == kept

    # a rating edited, an answer moved to another complaint, the resident moved to another group
    _push(fresh, a, [
        _item("complaint_feedback", a1, _answer(c1, 1), version=2, base=1, fields=["rating"]),
        _item("complaint_feedback", a3, _answer(c1, 5), version=2, base=1, fields=["complaint_id"]),
        _item("resident", r1, dict(resident, residential_group_id=g2), version=2, base=1,
              fields=["residential_group_id"])])
    kept = _same_as_oracle_and_backfill(fresh)
    assert (a, "rating", "2026-09-03", 5, "", "", "") not in kept
    assert kept[(a, "rating", "2026-11-10", 5, "", "", "")] == 1

    # the complaint's day moves to October (its answers' ratings with it), the other one is accepted and handled,
    # then a third complaint is answered in the same batch as it is stored
    _push(fresh, a, [
        _item("complaint", c1, _complaint("2026-10-10T08:00:00+00:00"), version=2, base=1, fields=["recorded_at"]),
        _item("complaint", c2, _complaint("2026-09-03T08:00:00+00:00", "da_xu_ly", "2026-09-03T10:00:00+00:00",
                                         "2026-09-05T10:00:00+00:00"), version=2, base=1,
              fields=["status", "accepted_at", "handled_at"]),
        _item("complaint", c3, _complaint("2026-11-25T08:00:00+00:00")),
        _item("complaint_feedback", city_data.new_id(rng), _answer(c3, 3))])
    kept = _same_as_oracle_and_backfill(fresh)
    assert not [k for k in kept if k[1] == "rating" and k[2] == "2026-11-10"]

    # an answer another ward pushes to this ward's complaint is refused and counts for nothing; a central
    # change of a complaint keeps its ratings
    with fresh.begin() as conn:
        res = records.push(conn, b, "device-b", p.PushRequest(batch_id=str(uuid.uuid4()), items=[
            _item("complaint_feedback", city_data.new_id(rng), _answer(c3, 1)),
            _item("resident", city_data.new_id(rng), city_data.resident(rng, None))]))
    assert [r.status for r in res.results] == ["rejected", "applied"]
    with fresh.begin() as conn:
        records.central_update(conn, a, "complaint", c3, {"status": "da_tiep_nhan",
                                                          "accepted_at": "2026-11-25T09:00:00+00:00"})
    kept = _same_as_oracle_and_backfill(fresh)
    assert not [k for k in kept if k[0] == b and k[1] == "rating"]

    # the complaint deleted (a tombstone): its answers' ratings go with it; an answer deleted
    _push(fresh, a, [_item("complaint", c1, _complaint("2026-10-10T08:00:00+00:00"), version=3, base=2, fields=[],
                           deleted=True),
                     _item("complaint_feedback", a4, _answer(c1, None), version=2, base=1, fields=[], deleted=True)])
    kept = _same_as_oracle_and_backfill(fresh)
    assert {k[3] for k in kept if k[0] == a and k[1] == "rating"} == {3}


def test_a_read_field_edited_before_another_in_one_batch_still_moves_the_figures_and_the_cccd_index(fresh):
    """The push passes over a change whose merged fields the figures do not read. Two items of one record in
    one batch: the stage changes in the first, the notes in the second; what the second leaves different from
    the stored record is the stage as well (counting it by the second item's own fields misses it)."""
    ward = "00004"
    rng = random.Random(11)
    r1, g1 = city_data.new_id(rng), city_data.new_id(rng)
    resident = dict(city_data.resident(rng, g1), adoption_stage=ADOPTION_ORDER[0], account_on=None)
    _push(fresh, ward, [_item("resident", r1, resident)])
    before = _same_as_oracle_and_backfill(fresh)
    staged = dict(resident, adoption_stage=ADOPTION_ORDER[-1], account_on="2026-11-02")
    _push(fresh, ward, [
        _item("resident", r1, staged, version=2, base=1, fields=["adoption_stage", "account_on"]),
        _item("resident", r1, dict(staged, notes="gọi lại sau"), version=3, base=2, fields=["notes"])])
    after = _same_as_oracle_and_backfill(fresh)
    assert after != before
    with fresh.connect() as conn:
        [row] = [w for w in city_figures(read_snapshot(conn), now=NOW)["wards"] if w["ward_code"] == ward]
    assert row["account"] == 1

    # the same for the cross-ward CCCD index: the CCCD changes in the first item, the notes in the second
    _push(fresh, ward, [
        _item("resident", r1, dict(staged, cccd="001099012345"), version=4, base=3, fields=["cccd"]),
        _item("resident", r1, dict(staged, cccd="001099012345", notes="đã gọi"), version=5, base=4, fields=["notes"])])
    with fresh.connect() as conn:
        indexed = conn.execute(select(cccd_index.c.cccd_hash).where(cccd_index.c.record_id == r1)).scalars().all()
    assert indexed == [cccd_hash("001099012345")]
