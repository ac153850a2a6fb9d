"""Outbox batches: bounded in items and bytes, saved before sending, several edits travel as one item."""

from __future__ import annotations

import json

from sqlalchemy import select, update

from desktop.services.residents.residents import delete_resident
from desktop.store.changelog import CHANGE_LOG, ChangeLogEntry
from desktop.store.models import Resident
from desktop.store.models.sync import SyncBatch
from desktop.sync import outbox, protocol as p


def _residents(ctx, n, notes=""):
    with ctx.write() as s:
        objs = [Resident(full_name=f"Cư dân {i}", name_folded=f"cu dan {i}", notes=notes) for i in range(n)]
        s.add_all(objs)
    return [o.id for o in objs]


def test_batch_is_bounded_in_items_and_saved_before_sending(app_ctx):
    _residents(app_ctx, 25)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        batch_id = outbox.new_batch(s, max_items=10)
    with app_ctx.read() as s:
        items, groups = outbox.batch_items(s, batch_id)
        assert len(items) == 10
        batch = s.get(SyncBatch, batch_id)
        listed = json.loads(batch.seqs_json)
        assert batch.state == "sending" and len(listed) == 10
        # its rows are not rewritten: they stay `pending` until settled, and the batch lists them
        assert set(s.scalars(select(ChangeLogEntry.state).where(ChangeLogEntry.seq.in_(listed)))) == {"pending"}
        assert sorted(r.seq for g in groups for r in g) == sorted(listed)
        assert outbox.open_batches(s) == [batch_id]
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:  # the next batch takes none of them
        second = outbox.take_batch(s, max_items=100)
    assert second is not None and not {r.seq for g in second.groups for r in g} & set(listed)
    residents = [i.record_id for batch_items in (items, second.items) for i in batch_items if i.kind == "resident"]
    assert len(residents) == len(set(residents)) == 25  # every one once


def test_batch_is_bounded_in_bytes(app_ctx):
    _residents(app_ctx, 20, notes="x" * 5000)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        batch_id = outbox.new_batch(s, max_bytes=30_000)
    with app_ctx.read() as s:
        items, _ = outbox.batch_items(s, batch_id)
    size = sum(len(json.dumps(i.payload)) for i in items)
    assert 1 <= len(items) < 20 and size <= 30_000


def test_several_local_edits_travel_as_one_item(app_ctx):
    [rid] = _residents(app_ctx, 1)
    with app_ctx.write() as s:
        s.get(Resident, rid).notes = "một"
    with app_ctx.write() as s:
        s.get(Resident, rid).phone = "+84912345678"
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        batch_id = outbox.new_batch(s)
    with app_ctx.read() as s:
        items, groups = outbox.batch_items(s, batch_id)
    resident_items = [i for i in items if i.kind == "resident"]
    assert len(resident_items) == 1
    item = resident_items[0]
    assert (item.op, item.base_version, item.version) == ("insert", 0, 3)
    assert item.payload["notes"] == "một" and item.payload["phone"] == "+84912345678"
    assert item.change_id == groups[items.index(item)][-1].change_id


def test_settle_quarantines_a_rejected_record_and_carries_on(app_ctx):
    ids = _residents(app_ctx, 2)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        batch_id = outbox.new_batch(s)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        items, groups = outbox.batch_items(s, batch_id)
        results = []
        for item in items:
            if item.record_id == ids[0]:
                results.append(p.ItemResult(change_id=item.change_id, status="rejected", reason="payload too large"))
            else:
                results.append(p.ItemResult(change_id=item.change_id, status="applied", server_version=item.version))
        out = outbox.settle(s, batch_id, groups, items, p.PushResponse(batch_id=batch_id, results=results))
    assert out.rejected == 1 and out.applied == len(items) - 1
    with app_ctx.read() as s:
        assert s.get(Resident, ids[0]).sync_state == "error"
        assert s.get(Resident, ids[1]).sync_state == "synced"
        assert s.get(SyncBatch, batch_id).state == "done"
        states = dict(s.execute(select(ChangeLogEntry.record_id, ChangeLogEntry.state)).all())
    assert states[ids[0]] == "quarantined" and states[ids[1]] == "sent"


def test_an_answer_missing_items_keeps_the_batch_open_for_resending(app_ctx):
    _residents(app_ctx, 2)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        batch_id = outbox.new_batch(s)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        items, groups = outbox.batch_items(s, batch_id)
        partial = [p.ItemResult(change_id=items[0].change_id, status="applied", server_version=1)]
        out = outbox.settle(s, batch_id, groups, items, p.PushResponse(batch_id=batch_id, results=partial))
    assert not out.complete
    with app_ctx.read() as s:
        assert outbox.open_batches(s) == [batch_id]
        items_left, _ = outbox.batch_items(s, batch_id)
    assert len(items_left) == len(items) - 1
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        assert outbox.take_batch(s) is None  # its unanswered rows wait for it to be sent again, in no other batch


def test_a_batch_taken_by_an_earlier_version_is_read_back_by_its_marked_rows(app_ctx):
    _residents(app_ctx, 3)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        batch_id = outbox.new_batch(s)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:  # as a version before 0016 left it
        batch = s.get(SyncBatch, batch_id)
        listed, batch.seqs_json = json.loads(batch.seqs_json), None
        s.execute(update(CHANGE_LOG).where(CHANGE_LOG.c.seq.in_(listed)).values(state="sending", batch_id=batch_id))
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        assert outbox.take_batch(s) is None
        items, groups = outbox.batch_items(s, batch_id)
        assert sorted(r.seq for g in groups for r in g) == sorted(listed)
        answer = p.PushResponse(batch_id=batch_id, results=[
            p.ItemResult(change_id=i.change_id, status="applied", server_version=i.version) for i in items])
        assert outbox.settle(s, batch_id, groups, items, answer).complete
    with app_ctx.read() as s:
        assert set(s.scalars(select(ChangeLogEntry.state).where(ChangeLogEntry.seq.in_(listed)))) == {"sent"}
        assert outbox.open_batches(s) == []


def test_a_settled_batch_keeps_no_list_its_rows_carry_its_id(app_ctx):
    _residents(app_ctx, 3)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        batch = outbox.take_batch(s)
    listed = [r.seq for g in batch.groups for r in g]
    answer = p.PushResponse(batch_id=batch.batch_id, results=[
        p.ItemResult(change_id=i.change_id, status="applied", server_version=i.version) for i in batch.items])
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        assert outbox.settle(s, batch.batch_id, batch.groups, batch.items, answer).complete
    with app_ctx.read() as s:
        done = s.get(SyncBatch, batch.batch_id)
        assert (done.state, done.seqs_json) == ("done", None)
        rows = s.execute(select(ChangeLogEntry.state, ChangeLogEntry.batch_id).where(ChangeLogEntry.seq.in_(listed)))
        assert set(rows) == {("sent", batch.batch_id)}


def test_the_next_batch_leaves_out_records_of_the_batch_still_at_the_server(app_ctx):
    ids = _residents(app_ctx, 6)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        first = outbox.new_batch(s, max_items=3)
    with app_ctx.read() as s:
        in_flight = {i.record_id for i in outbox.batch_items(s, first)[0]}
    with app_ctx.write() as s:  # edited again while its insert is at the server
        for r in s.scalars(select(Resident).where(Resident.id.in_(in_flight))):
            r.notes = "sửa tiếp"
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        second = outbox.new_batch(s, exclude=in_flight)
    with app_ctx.read() as s:
        items, _ = outbox.batch_items(s, second)
    assert {i.record_id for i in items} == set(ids) - in_flight


def _insert_settled(ctx, n):
    """n residents whose inserts the server holds (their rows sent): what follows them are updates."""
    ids = _residents(ctx, n)
    with ctx.write() as s:
        s.execute(update(CHANGE_LOG).values(state="sent"))
    return ids


def test_a_batch_reads_on_past_records_with_several_changes_and_reads_no_row_twice(app_ctx):
    _insert_settled(app_ctx, 0)  # the ward's own records (its groups) sent: only these residents wait
    ids = []
    for i in range(6):  # each resident's rows one after the other: inserted, then edited twice
        [rid] = _residents(app_ctx, 1)
        for notes in ("một", "hai"):
            with app_ctx.write() as s:
                s.get(Resident, rid).notes = f"{notes} {i}"
        ids.append(rid)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        batch = outbox.take_batch(s, max_items=4)  # its first 4 rows hold 2 records: more rows are read
    seqs = [r.seq for g in batch.groups for r in g]
    assert len(seqs) == len(set(seqs))
    assert [i.record_id for i in batch.items] == ids[:4]
    whole = batch.items[:3]  # the last may leave changes past its rows read for a later batch
    assert [(i.op, i.base_version, i.version) for i in whole] == [("insert", 0, 3)] * 3
    assert [i.payload["notes"] for i in whole] == ["hai 0", "hai 1", "hai 2"]


def test_one_change_travels_with_its_fields_sorted_and_its_op(app_ctx):
    keep, gone = _insert_settled(app_ctx, 2)
    with app_ctx.write() as s:
        r = s.get(Resident, keep)
        r.phone, r.notes = "+84912345678", "đã gọi"
    delete_resident(app_ctx, gone)
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        batch = outbox.take_batch(s)
    by_id = {i.record_id: i for i in batch.items}
    edited = by_id[keep]
    assert (edited.op, edited.base_version, edited.version) == ("update", 1, 2)
    assert edited.fields == sorted(edited.fields) and {"notes", "phone"} <= set(edited.fields)
    assert edited.payload["phone"] == "+84912345678"
    deleted = by_id[gone]
    assert (deleted.op, deleted.deleted, deleted.base_version) == ("delete", True, 1)
