"""A push's statements run in PostgreSQL while the server goes on with its own work (`setwise.pipeline`): its
lookups while it checks the items, its writes while it works out the city's figures. Shown with locks held by
another connection and let go only from that work: a push that waited for each statement before going on would
wait for the lock until its lock timeout. And an error in a statement sent that way comes out as SQLAlchemy's
(what the push endpoint retries on), with nothing of the batch stored."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import exc, text

from desktop.sync import protocol as p
from server import figures, records
from tests.e2e.sync_harness import migrated_postgres

pytestmark = pytest.mark.postgres

WARD = "00166"


def _items(ids: list[str], version: int) -> list[p.ChangeItem]:
    return [p.ChangeItem(change_id=str(uuid.uuid4()), kind="resident", record_id=rid, op="insert" if version == 1 else "update",
                         base_version=version - 1, version=version, fields=["full_name", "adoption_stage"],
                         payload={"full_name": f"Cư dân {i} v{version}", "adoption_stage": "da_biet" if version == 1 else "da_cai_dat"})
            for i, rid in enumerate(ids)]


def _push(engine, items: list[p.ChangeItem]) -> p.PushResponse:
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL lock_timeout = '5s'"))  # the old way ends here, failing, instead of hanging
        return records.push(conn, WARD, "dev-a", p.PushRequest(batch_id=str(uuid.uuid4()), items=items))


def _stored(engine) -> dict[str, tuple[int, str]]:
    with engine.connect() as conn:
        return {rid: (version, payload) for rid, version, payload in
                conn.execute(text("SELECT record_id, version, payload FROM record"))}


@pytest.fixture
def engine():
    with migrated_postgres() as engine:
        yield engine


def _push_let_go_by(engine, holder, items: list[p.ChangeItem], monkeypatch, module, name: str) -> p.PushResponse:
    """Push `items` while `holder` holds its lock, let go the first time the push calls `module.name`."""
    let_go = []
    wrapped = getattr(module, name)

    def releasing(*args):
        if not let_go:
            let_go.append(True)
            holder.commit()
        return wrapped(*args)

    monkeypatch.setattr(module, name, releasing)
    try:
        res = _push(engine, items)
    finally:
        holder.close()
    assert let_go and {r.status for r in res.results} == {"applied"}
    assert {v for v, _ in _stored(engine).values()} == {2}
    return res


def test_the_lookups_run_while_the_items_are_checked(engine, monkeypatch):
    ids = [str(uuid.uuid4()) for _ in range(5)]
    assert {r.status for r in _push(engine, _items(ids, 1)).results} == {"applied"}
    holder = engine.connect()
    holder.execute(text("LOCK TABLE record_version IN ACCESS EXCLUSIVE MODE"))  # no lookup of change ids meanwhile
    # let go when the push writes out an item's canonical text
    _push_let_go_by(engine, holder, _items(ids, 2), monkeypatch, p, "canonical")


def test_the_rows_are_stored_while_the_figures_are_worked_out(engine, monkeypatch):
    ids = [str(uuid.uuid4()) for _ in range(5)]
    _push(engine, _items(ids, 1))
    holder = engine.connect()
    holder.execute(text("SELECT 1 FROM record WHERE record_id = :r FOR UPDATE"), {"r": ids[2]})  # the UPDATE waits
    # let go when the figures work out what a record counts for
    _push_let_go_by(engine, holder, _items(ids, 2), monkeypatch, figures, "facts")
    with engine.connect() as conn:  # and the figures moved: the five residents are counted as installed, not aware
        stages = dict(conn.execute(text("SELECT stage, sum(n) FROM ward_count WHERE figure = 'resident' AND n <> 0 "
                                        "GROUP BY stage")).all())
    assert stages == {2: 5}


def test_an_error_in_a_pipelined_statement_is_sqlalchemys_and_stores_nothing(engine):
    ids = [str(uuid.uuid4()) for _ in range(3)]
    _push(engine, _items(ids, 1))
    with engine.begin() as conn:  # the server lost a record row but kept its version row (a damaged copy)
        conn.execute(text("DELETE FROM record WHERE record_id = :r"), {"r": ids[1]})
    before = _stored(engine)
    fresh = str(uuid.uuid4())
    # the same record inserted again at version 1: its version row is already there, and UNIQUE refuses it
    with pytest.raises(exc.IntegrityError):
        _push(engine, _items([fresh, ids[1]], 1))
    assert _stored(engine) == before  # neither record of the batch, nor anything else, changed
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM record_version WHERE record_id = :r"), {"r": fresh}).scalar() == 0


def test_an_items_rules_are_those_of_the_record_as_the_server_holds_it_not_of_its_op(engine):
    """Items are checked before the stored records are at hand, guessing from the op; the server's copy decides."""
    unknown = str(uuid.uuid4())
    held = str(uuid.uuid4())
    _push(engine, _items([held], 1))
    no_name = p.ChangeItem(change_id=str(uuid.uuid4()), kind="resident", record_id=unknown, op="update", base_version=1,
                           version=2, fields=["adoption_stage"], payload={"adoption_stage": "da_biet"})
    whole = p.ChangeItem(change_id=str(uuid.uuid4()), kind="resident", record_id=str(uuid.uuid4()), op="update",
                         base_version=1, version=2, fields=["adoption_stage"],
                         payload={"full_name": "Cư dân mới", "adoption_stage": "da_biet"})
    edit = p.ChangeItem(change_id=str(uuid.uuid4()), kind="resident", record_id=held, op="update", base_version=1,
                        version=2, fields=["adoption_stage"], payload={"adoption_stage": "da_cai_dat"})
    res = _push(engine, [no_name, whole, edit])
    # an update of a record the server lacks is a whole record (its name required); one it holds, only its fields
    assert [(r.status, r.reason) for r in res.results] == [("rejected", "full_name: missing"), ("applied", ""),
                                                           ("applied", "")]
    assert set(_stored(engine)) == {held, whole.record_id}
