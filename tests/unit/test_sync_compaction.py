"""Compaction removes only rows the server confirmed in a finished batch, and only once the check after sync
passed: refused (quarantined) rows, rows of a batch whose answer is incomplete, pending rows and audit rows stay."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event, select, text

from desktop.services.people import audit
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models import Resident
from desktop.store.models.sync import SyncState
from desktop.sync import compaction, outbox, protocol as p


def _residents(ctx, n):
    with ctx.write() as s:
        objs = [Resident(full_name=f"Cư dân {i}", name_folded=f"cu dan {i}") for i in range(n)]
        s.add_all(objs)
    return [o.id for o in objs]


def _push(ctx, answer) -> str:
    """One batch of what is pending, settled with `answer(item)` per item (None: left out of the answer)."""
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        batch_id = outbox.new_batch(s)
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        items, groups = outbox.batch_items(s, batch_id)
        results = [r for r in (answer(i) for i in items) if r is not None]
        outbox.settle(s, batch_id, groups, items, p.PushResponse(batch_id=batch_id, results=results))
    return batch_id


def _check(ctx, ok: bool | None) -> None:
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        st = s.get(SyncState, 1) or SyncState(id=1, ward_code="00166")
        st.last_check_json = "" if ok is None else json.dumps({"ok": ok, "kinds": {}})
        s.add(st)


def _states(ctx) -> dict[str, str]:
    with ctx.read() as s:
        return dict(s.execute(select(ChangeLogEntry.record_id, ChangeLogEntry.state)
                              .where(ChangeLogEntry.record_kind == "resident")).all())


def test_only_confirmed_rows_of_finished_batches_go_after_a_passed_check(app_ctx):
    refused, confirmed = _residents(app_ctx, 2)
    _push(app_ctx, lambda i: p.ItemResult(change_id=i.change_id, status="rejected", reason="bad")
          if i.record_id == refused else p.ItemResult(change_id=i.change_id, status="applied", server_version=i.version))
    unanswered, answered = _residents(app_ctx, 2)
    _push(app_ctx, lambda i: None if i.record_id == unanswered
          else p.ItemResult(change_id=i.change_id, status="applied", server_version=i.version))
    [typed] = _residents(app_ctx, 1)
    audit.record(app_ctx, "export", "resident", "", {"rows": 2})
    before = _states(app_ctx)
    assert before[confirmed] == "sent" and before[answered] == "sent" and before[unanswered] == "pending"

    for check in (None, False):  # never checked, or the check failed: nothing goes
        _check(app_ctx, check)
        assert compaction.compact_sent(app_ctx) == 0
        assert _states(app_ctx) == before

    _check(app_ctx, True)
    assert compaction.compact_sent(app_ctx) >= 1
    after = _states(app_ctx)
    assert confirmed not in after  # the one confirmed row of a finished batch
    # refused, in a batch still open (its answer missed an item: it is sent again as it is), typed since
    assert after == {refused: "quarantined", answered: "sent", unanswered: "pending", typed: "pending"}
    with app_ctx.read() as s:
        kinds = set(s.scalars(select(ChangeLogEntry.record_kind)))
    assert "audit_entry" in kinds and audit.verify(app_ctx) == []


def _log(ctx) -> dict[int, dict]:
    """Every change-log row, every column and its payload, by its number (a payload without its row fails)."""
    with ctx.read() as s:
        orphans = s.execute(text("SELECT count(*) FROM change_payload WHERE seq NOT IN (SELECT seq FROM change_log)"))
        assert orphans.scalar() == 0
        return {row.seq: dict(row._mapping) for row in s.execute(text(
            "SELECT change_log.*, change_payload.payload_json FROM change_log "
            "LEFT JOIN change_payload ON change_payload.seq = change_log.seq"))}


def _confirm(i):
    return p.ItemResult(change_id=i.change_id, status="applied", server_version=i.version)


@pytest.mark.parametrize("confirmed", [3, 40])
def test_what_stays_is_kept_whole_whether_the_rows_go_one_by_one_or_the_table_is_emptied(app_ctx, confirmed):
    """Few confirmed rows go one by one; many, and the table is emptied and the rows that stay written back
    (40 confirmed against 8 that stay). Either way the rows that stay are the same rows, every column and number
    as it was, and the log goes on from there."""
    mine = set(_residents(app_ctx, confirmed))
    first = _push(app_ctx, _confirm)
    refused, unanswered, answered = _residents(app_ctx, 3)
    _push(app_ctx, lambda i: p.ItemResult(change_id=i.change_id, status="rejected", reason="bad")
          if i.record_id == refused else None if i.record_id == unanswered else _confirm(i))
    [typed] = _residents(app_ctx, 1)
    audit.record(app_ctx, "export", "resident", "", {"rows": 2})
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:  # sent, but in no batch: not known to be confirmed
        s.execute(text("UPDATE change_log SET state = 'sent', batch_id = NULL WHERE record_id = :r"), {"r": typed})
    [later] = _residents(app_ctx, 1)
    before = _log(app_ctx)
    # the first batch's rows, all confirmed (the ward's own set-up records with the residents), but its audit rows
    confirmed_seqs = {seq for seq, row in before.items() if row["batch_id"] == first and row["record_kind"] != "audit_entry"}
    assert mine <= {before[seq]["record_id"] for seq in confirmed_seqs}
    _check(app_ctx, True)

    statements: list[str] = []
    watch = lambda _c, _cur, statement, *_a: statements.append(statement)  # noqa: E731
    event.listen(app_ctx.store.writer, "before_cursor_execute", watch)
    try:
        assert compaction.compact_sent(app_ctx) == len(confirmed_seqs)
    finally:
        event.remove(app_ctx.store.writer, "before_cursor_execute", watch)
    assert ("DELETE FROM change_log" in statements) == (confirmed == 40)  # the way this case means to take
    after = _log(app_ctx)
    assert after == {seq: row for seq, row in before.items() if seq not in confirmed_seqs}
    assert {row["record_id"] for row in after.values() if row["record_kind"] == "resident"} == {
        refused, unanswered, answered, typed, later}
    assert audit.verify(app_ctx) == []
    assert compaction.compact_sent(app_ctx) == 0  # nothing more to remove: what stays, stays
    assert _log(app_ctx) == after
    [newest] = _residents(app_ctx, 1)  # the log goes on after the rows that stayed
    with app_ctx.read() as s:
        seq = s.execute(text("SELECT seq FROM change_log WHERE record_id = :r"), {"r": newest}).scalar_one()
    assert seq > max(after)
