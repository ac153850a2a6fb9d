"""The server's push answer is written out (not a model dumped per item) and the canonical JSON text comes from
one shared encoder: the answer still reads as the same `PushResponse` in every client's model, and the
canonical text is still `json.dumps`'s, byte for byte (both sides hash and compare it)."""

from __future__ import annotations

import json
import threading
import uuid
from pathlib import Path

import pytest

from desktop.sync import protocol as p
from server import records
from server.db import make_engine, upgrade

TRICKY = {
    "full_name": "Nguyễn Thị Thuỷ Hoà", "đ": "Đường Láng, ngõ 1/2 \"B\" \\ nhà\t3\n", "z": None, "a": True,
    "nested": {"b": [1, 2.5, {"y": "ý", "x": 0.1}], "a": {}, "c": []}, "floats": [1e16, 1e-7, -0.0, 3.0, 1 / 3],
    "big": 2**70, "neg": -17, "emoji": "👍🏽", "control": "\x00\x1f\x7f", "empty": "", "false": False,
}


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@pytest.mark.parametrize("value", [TRICKY, ["notes"], [], "chuỗi", 1.5, None, {"n": float("nan"), "i": float("inf")}])
def test_canonical_is_json_dumps_byte_for_byte(value) -> None:
    assert p.canonical(value) == _dumps(value)


def test_canonical_from_several_threads_at_once() -> None:
    payloads = [dict(TRICKY, i=i) for i in range(2000)]
    got: dict[int, list[str]] = {}

    def run(k: int) -> None:
        got[k] = [p.canonical(x) for x in payloads]

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    want = [_dumps(x) for x in payloads]
    assert all(got[k] == want for k in range(4))


def _item(record_id: str, version: int, payload: dict, fields: list[str], *, deleted: bool = False) -> p.ChangeItem:
    return p.ChangeItem(change_id=str(uuid.uuid4()), kind="resident", record_id=record_id,
                        op="insert" if version == 1 else ("delete" if deleted else "update"),
                        base_version=version - 1, version=version, fields=fields, payload=payload, deleted=deleted)


def _push(engine, device: str, *items: p.ChangeItem) -> tuple[dict, p.PushResponse]:
    batch = p.PushRequest(batch_id=str(uuid.uuid4()), items=list(items))
    with engine.begin() as conn:
        body, counts, _new = records.push_json(conn, "00166", device, batch)
    parsed = p.PushResponse.model_validate_json(body)
    assert parsed.batch_id == batch.batch_id
    assert sum(counts.values()) == len(items)
    assert counts == {s: sum(r.status == s for r in parsed.results) for s in counts}
    return json.loads(body), parsed


def test_the_answer_leaves_out_defaults_and_reads_as_the_full_model(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    upgrade(engine)
    rid, gone = str(uuid.uuid4()), str(uuid.uuid4())
    first = {"full_name": "Hà", "notes": "một", "phone": "0912345678"}
    raw, parsed = _push(engine, "dev-a", _item(rid, 1, first, ["full_name", "notes", "phone"]),
                        _item(gone, 1, {"full_name": "Lan", "notes": ""}, ["full_name", "notes"]))
    # an applied item says its change id, status and version, nothing at its default
    assert [sorted(r) for r in raw["results"]] == [["change_id", "server_version", "status"]] * 2
    assert parsed.results[0] == p.ItemResult(change_id=raw["results"][0]["change_id"], status="applied",
                                             server_version=1, reason="", server_payload=None,
                                             server_deleted=False, conflict_fields=[])

    # another device changed the phone; this one (still on version 1) the notes: merged, the record is sent back
    _push(engine, "dev-b", _item(rid, 2, dict(first, phone="0987654321"), ["phone"]))
    raw, parsed = _push(engine, "dev-a", _item(rid, 2, dict(first, notes="hai"), ["notes"]),
                        _item(gone, 2, {"full_name": "Lan", "notes": ""}, [], deleted=True))
    merged, deleted = parsed.results
    assert merged.status == "applied" and merged.server_version == 3
    assert merged.server_payload == {"full_name": "Hà", "notes": "hai", "phone": "0987654321"}
    assert raw["results"][0]["server_payload"] == merged.server_payload
    assert deleted.status == "applied" and deleted.server_deleted is True
    assert raw["results"][1]["server_deleted"] is True

    # the same batch again: already stored, with the server's copy; a conflict keeps its fields and reason
    again_item = _item(rid, 2, dict(first, phone="0900000000"), ["phone"])
    raw, parsed = _push(engine, "dev-c", again_item)
    assert parsed.results[0].status == "conflict"
    assert parsed.results[0].conflict_fields == ["phone"] and parsed.results[0].reason
    assert parsed.results[0].server_payload == {"full_name": "Hà", "notes": "hai", "phone": "0987654321"}
    raw, parsed = _push(engine, "dev-a", _item(str(uuid.uuid4()), 1, {"full_name": 5}, ["full_name"]))
    assert parsed.results[0].status == "rejected" and parsed.results[0].reason
    assert "server_payload" not in raw["results"][0]
    engine.dispose()


def test_an_answer_with_every_field_still_reads_the_same() -> None:
    """What a server before this change sent (every field written) and what it sends now read alike."""
    full = p.PushResponse(batch_id=str(uuid.uuid4()), results=[
        p.ItemResult(change_id=str(uuid.uuid4()), status="applied", server_version=2)])
    short = full.model_dump_json(exclude_defaults=True)
    assert "reason" not in short and "conflict_fields" not in short
    assert p.PushResponse.model_validate_json(short) == p.PushResponse.model_validate_json(full.model_dump_json())


def test_stored_payloads_are_read_as_json_loads_reads_them(tmp_path: Path) -> None:
    """The batch's stored copies are parsed by pydantic's JSON parser: the same values as `json.loads`."""
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    upgrade(engine)
    rid = str(uuid.uuid4())
    stored = {"full_name": "Hà", "notes": "", "x_extra": dict(TRICKY, nan=float("nan"), inf=float("-inf"))}
    _push(engine, "dev-a", _item(rid, 1, stored, ["full_name", "notes", "x_extra"]))
    with engine.begin() as conn:
        [(key, rec)] = records._current(conn, [_item(rid, 2, stored, ["notes"])]).items()
        text = conn.execute(records.select(records.record.c.payload)).scalar_one()
    assert key == ("resident", rid)
    assert p.canonical(rec["payload"]) == p.canonical(json.loads(text)) == text
    engine.dispose()
