"""Every insert, update and delete of a synced record writes exactly one change-log row
in the same transaction; a rollback leaves none."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.store.changelog import ALL_FIELDS, ChangeLogEntry, HardDeleteRefused
from desktop.store.models import ResidentialGroup, Resident
from desktop.store.records import field_names


def _log_rows(ctx, record_id=None):
    with ctx.read() as s:
        q = select(ChangeLogEntry).order_by(ChangeLogEntry.seq)
        if record_id:
            q = q.where(ChangeLogEntry.record_id == record_id)
        return list(s.scalars(q))


def test_rolled_back_transaction_leaves_no_change_row(bare_ctx):
    before = len(_log_rows(bare_ctx))
    with pytest.raises(RuntimeError):
        with bare_ctx.write() as s:
            s.add(Resident(full_name="Trần Văn Rollback"))
            s.flush()  # the change row exists inside the transaction...
            assert s.scalar(select(func.count()).select_from(ChangeLogEntry)) == before + 1
            raise RuntimeError("power cut")
    assert len(_log_rows(bare_ctx)) == before
    with bare_ctx.read() as s:
        assert s.query(Resident).count() == 0


def test_committed_insert_has_exactly_one_change_row(bare_ctx):
    with bare_ctx.write() as s:
        r = Resident(full_name="Lê Thị Commit")
        s.add(r)
    rows = _log_rows(bare_ctx, r.id)
    assert len(rows) == 1
    row = rows[0]
    assert (row.op, row.base_version, row.version, row.record_kind) == ("insert", 0, 1, "resident")
    assert row.payload["full_name"] == "Lê Thị Commit"
    assert row.payload["adoption_stage"] == "chua_biet"  # defaults are in the payload
    assert row.actor == "Người kiểm thử"
    assert row.state == "pending"
    # an insert touches every content field: stored as a short marker, read back as the full list
    assert row.fields_json == ALL_FIELDS
    assert row.fields == sorted(field_names(Resident)) == sorted(row.payload)


def test_update_and_tombstone_bump_versions_and_log_fields(bare_ctx):
    with bare_ctx.write() as s:
        r = Resident(full_name="Phạm Văn Sửa")
        s.add(r)
    with bare_ctx.write() as s:
        rec = s.get(Resident, r.id)
        rec.notes = "Đã gọi điện"
        rec.address_detail = "Số 5 ngõ 12"
    with bare_ctx.write() as s:
        s.get(Resident, r.id).mark_deleted()
    rows = _log_rows(bare_ctx, r.id)
    assert [(x.op, x.base_version, x.version) for x in rows] == [("insert", 0, 1), ("update", 1, 2), ("delete", 2, 3)]
    assert rows[1].fields == ["address_detail", "notes"]
    with bare_ctx.read() as s:
        rec = s.get(Resident, r.id)
        assert rec.version == 3 and rec.is_deleted and rec.sync_state == "queued"
        assert rec.created_by == rec.updated_by == "Người kiểm thử"


def test_unchanged_save_and_bookkeeping_only_write_no_row(bare_ctx):
    with bare_ctx.write() as s:
        r = Resident(full_name="Đỗ Văn Yên")
        s.add(r)
    with bare_ctx.write() as s:
        rec = s.get(Resident, r.id)
        rec.full_name = "Đỗ Văn Yên"  # same value
        rec.sync_state = "synced"  # sync's own bookkeeping
    assert len(_log_rows(bare_ctx, r.id)) == 1


def test_hard_delete_is_refused(bare_ctx):
    with bare_ctx.write() as s:
        g = ResidentialGroup(name="Tổ 9", name_folded="to 9")
        s.add(g)
    with pytest.raises(HardDeleteRefused):
        with bare_ctx.write() as s:
            s.delete(s.get(ResidentialGroup, g.id))
    with bare_ctx.read() as s:
        assert s.get(ResidentialGroup, g.id) is not None


def test_changes_applied_from_the_server_are_not_logged(bare_ctx):
    with bare_ctx.store.write(actor="sync", applying_remote=True) as s:
        s.add(Resident(id="11111111-1111-1111-1111-111111111111", full_name="Từ máy chủ", version=4, sync_state="synced"))
    assert _log_rows(bare_ctx, "11111111-1111-1111-1111-111111111111") == []


def test_a_field_set_back_to_its_stored_value_is_not_logged_and_an_expired_one_is(bare_ctx):
    with bare_ctx.write() as s:
        r = Resident(full_name="Vũ Thị Hoàn", notes="cũ")
        s.add(r)
    with bare_ctx.write() as s:
        rec = s.get(Resident, r.id)
        rec.notes = "tạm"
        rec.notes = "cũ"  # set back before the flush: nothing changed
        s.expire(rec, ["address_detail"])
        rec.address_detail = "Số 1"  # set while not loaded: a change
    rows = _log_rows(bare_ctx, r.id)
    assert [(x.op, x.fields) for x in rows[1:]] == [("update", ["address_detail"])]


EDIT_MANY = """
import gc, sys
from sqlalchemy import select
from desktop.services.context import open_context
from desktop.store.changelog import ChangeLogEntry
from desktop.store.models import Resident

ctx = open_context(sys.argv[1], actor="Người kiểm thử")
with ctx.write() as s:
    s.add_all([Resident(full_name=f"Ngô Văn {i}") for i in range(300)])
gc.collect()
gc.disable()
with ctx.write() as s:
    for rec in s.scalars(select(Resident)):
        rec.notes = "đã sửa"
garbage = gc.collect()
with ctx.read() as s:
    updates = len(s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.op == "update")).all())
ctx.close()
print(updates, garbage)
"""


def test_editing_many_residents_leaves_nothing_for_the_cycle_collector(tmp_path):
    """The change log asks each edited record what changed; asking must not build reference cycles.
    It did (an `AttributeState` per column, cached on the record's state): an edit of 100,000 residents left
    three million objects that a sync run then paid over a second to collect. Counted in a process of its own:
    in the test worker, a thread another test left running could make garbage in the same window."""
    import subprocess
    import sys

    from tests.conftest import REPO, cli_env

    proc = subprocess.run([sys.executable, "-c", EDIT_MANY, str(tmp_path / "data")], capture_output=True, text=True,
                          env=cli_env(), cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    updates, garbage = map(int, proc.stdout.split())
    assert updates == 300
    assert garbage < 300, garbage  # on the old code: about 39 objects per edited resident
