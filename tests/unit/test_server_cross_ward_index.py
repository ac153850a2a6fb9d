"""The cross-ward CCCD index follows every stored change of a resident: a push looks again only at residents whose
entry may have moved (new, deleted, undeleted, CCCD, name or birth year changed), and a change made at the centre
moves it too."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.sync import protocol as p
from server import cross_ward, records
from server.db import cccd_index, make_engine, upgrade


@pytest.fixture
def engine(tmp_path: Path):
    eng = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    upgrade(eng)
    yield eng
    eng.dispose()


def _push(engine, *items: p.ChangeItem) -> None:
    with engine.begin() as conn:
        res = records.push(conn, "00166", "dev-a", p.PushRequest(batch_id=str(uuid.uuid4()), items=list(items)))
    assert {r.status for r in res.results} == {"applied"}


def _item(rid: str, version: int, payload: dict, fields: list[str], deleted: bool = False) -> p.ChangeItem:
    return p.ChangeItem(change_id=str(uuid.uuid4()), kind="resident", record_id=rid, op="insert" if version == 1 else "update",
                        base_version=version - 1, version=version, fields=fields, payload=payload, deleted=deleted)


def _index(engine) -> dict[str, tuple]:
    with engine.connect() as conn:
        return {r.record_id: (r.cccd_hash, r.full_name, r.birth_year) for r in conn.execute(select(cccd_index))}


def test_only_residents_whose_entry_may_move_are_looked_at(engine, monkeypatch):
    looked: list[set[str]] = []
    real = cross_ward.index_residents
    monkeypatch.setattr(cross_ward, "index_residents", lambda conn, ward, res: (looked.append(set(res)), real(conn, ward, res)))
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    base = {"full_name": "Hà", "cccd": "001200000001", "birth_year": 1990, "notes": ""}
    _push(engine, _item(a, 1, base, list(base)), _item(b, 1, dict(base, cccd="001200000002"), list(base)),
          _item(c, 1, dict(base, cccd="001200000003"), list(base)))
    assert looked[-1] == {a, b, c}
    _push(engine, _item(a, 2, dict(base, notes="sửa"), ["notes"]),
          _item(b, 2, dict(base, cccd="001200000002", full_name="Hoà"), ["full_name"]),
          _item(c, 2, dict(base, cccd="001200000003"), [], deleted=True))
    assert looked[-1] == {b, c}  # a's notes move nothing
    index = _index(engine)
    assert set(index) == {a, b} and index[b][1] == "Hoà"
    _push(engine, _item(a, 3, dict(base, notes="sửa", birth_year=1991), ["birth_year"]))
    assert looked[-1] == {a} and _index(engine)[a][2] == 1991


def test_a_change_at_the_centre_moves_the_entry(engine):
    rid = str(uuid.uuid4())
    base = {"full_name": "Hà", "cccd": "001200000001", "birth_year": 1990}
    _push(engine, _item(rid, 1, base, list(base)))
    with engine.begin() as conn:
        records.central_update(conn, "00166", "resident", rid, {"cccd": "001200000009"})
    assert _index(engine)[rid][0] == cross_ward.cccd_hash("001200000009")
