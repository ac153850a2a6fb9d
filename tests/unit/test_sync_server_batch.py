"""Server push: a change id repeated inside one batch is answered per item, not a 503; used again for
another record it is refused (it says nothing about the record it belongs to)."""

from __future__ import annotations

import uuid
from pathlib import Path

from desktop.sync import protocol as p
from server import records
from server.db import make_engine, upgrade


def _item(change_id: str, record_id: str, value: int) -> p.ChangeItem:
    return p.ChangeItem(change_id=change_id, kind="resident", record_id=record_id, op="insert", base_version=0,
                        version=1, fields=["full_name", "notes"], payload={"full_name": "Hà", "notes": f"ghi chú {value}"})


def test_a_change_id_twice_in_one_batch_is_already_stored_or_refused(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    upgrade(engine)
    cid, rid = str(uuid.uuid4()), str(uuid.uuid4())
    batch = p.PushRequest(batch_id=str(uuid.uuid4()),
                          items=[_item(cid, rid, 1), _item(cid, rid, 1), _item(cid, str(uuid.uuid4()), 2)])
    with engine.begin() as conn:
        answer = records.push(conn, "00166", "dev-a", batch)
    assert [r.status for r in answer.results] == ["applied", "already_stored", "rejected"]
    with engine.begin() as conn:
        assert records.ids_of(conn, "00166", "resident") == [rid]
    engine.dispose()
