"""The audit trail: hash chain, append-only triggers, tampering found, synced through the change log."""

from __future__ import annotations

import json

import pytest
import sqlcipher3
from sqlalchemy import select

from desktop.core.permissions import Role
from desktop.services.people import audit, backup
from desktop.store.changelog import ChangeLogEntry
from desktop.store.database import database_key
from desktop.store.engine import open_connection
from tests.unit.people_helpers import as_role, plant_resident, staff


def _raw(ctx):
    return open_connection(ctx.folder.database, database_key(ctx.folder))


def _fill(ctx) -> list[str]:
    ids = staff(ctx)
    rid = plant_resident(ctx)
    as_role(ctx, ids, Role.POLICE)
    from desktop.services.people import privacy

    privacy.reveal_identifier(ctx, rid, "phone")
    as_role(ctx, ids, Role.ADMIN)
    return [e.id for e in audit.query(ctx)]


def test_chain_is_intact_and_links(app_ctx):
    _fill(app_ctx)
    assert audit.verify(app_ctx) == []
    rows = sorted(audit.query(app_ctx), key=lambda r: r.seq)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert {"operator", "sign_in", "reveal"} <= {r.action for r in rows}
    reveal = next(r for r in rows if r.action == "reveal")
    assert reveal.detail == {"field": "phone"} and reveal.role == "cong_an"


def test_edit_through_raw_sql_is_detected(app_ctx):
    _fill(app_ctx)
    conn = _raw(app_ctx)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_entry SET actor = 'ai đó' WHERE seq = 3")
    # Someone with the key drops the guard and rewrites an entry: the chain shows it.
    conn.execute("DROP TRIGGER audit_entry_no_update")
    conn.execute("UPDATE audit_entry SET detail_json = '{\"field\":\"cccd\"}' WHERE action = 'reveal'")
    conn.commit()
    conn.close()
    broken = audit.verify(app_ctx)
    assert len(broken) == 1 and broken[0].reason == "nội dung đã bị sửa"
    report = backup.check_integrity(app_ctx)
    assert report.database_ok and not report.ok


def test_removed_entry_and_rehashed_forgery_are_detected(app_ctx):
    _fill(app_ctx)
    conn = _raw(app_ctx)
    with pytest.raises(sqlcipher3.IntegrityError):
        conn.execute("DELETE FROM audit_entry WHERE seq = 2")
    conn.execute("DROP TRIGGER audit_entry_no_delete")
    conn.execute("DELETE FROM audit_entry WHERE seq = 2")
    conn.commit()
    conn.close()
    reasons = {b.reason for b in audit.verify(app_ctx)}
    assert any("thiếu mục trước" in r for r in reasons)
    assert "mục đã bị xóa khỏi nhật ký" in reasons


def test_last_entry_removed_is_detected_through_the_change_log(app_ctx):
    ids = _fill(app_ctx)
    conn = _raw(app_ctx)
    conn.execute("DROP TRIGGER audit_entry_no_delete")
    conn.execute("DELETE FROM audit_entry WHERE id = ?", (ids[0],))  # the newest: no successor to notice
    conn.commit()
    conn.close()
    broken = audit.verify(app_ctx)
    assert [b.entry_id for b in broken] == [ids[0]]


def test_entries_sync_through_the_change_log_without_personal_data(app_ctx):
    _fill(app_ctx)
    with app_ctx.read() as s:
        rows = list(s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_kind == "audit_entry")))
    assert len(rows) == audit.count(app_ctx) and all(r.op == "insert" for r in rows)
    text = " ".join(r.payload_json for r in rows)
    assert "001297054321" not in text and "987654329" not in text and "Xuyến" not in text
    assert all(json.loads(r.payload_json)["hash"] for r in rows)


def test_details_are_redacted_and_actions_checked(app_ctx):
    entry_id = audit.record(app_ctx, "edit", "resident", "x", {"note": "gọi 0987654329, CCCD 001297054321"})
    row = next(r for r in audit.query(app_ctx) if r.id == entry_id)
    assert "0987654329" not in row.detail["note"] and "001297054321" not in row.detail["note"]
    with pytest.raises(ValueError):
        audit.record(app_ctx, "no_such_action")


def test_viewer_filters(app_ctx):
    _fill(app_ctx)
    assert {r.action for r in audit.query(app_ctx, action="reveal")} == {"reveal"}
    assert all(r.actor == "Phạm Công An" for r in audit.query(app_ctx, actor="Phạm Công An"))
    assert audit.query(app_ctx, text="phone")[0].action == "reveal"
    from datetime import datetime, timedelta, timezone

    future = datetime.now(timezone.utc) + timedelta(days=1)
    assert audit.query(app_ctx, since=future) == []
    assert len(audit.query(app_ctx, until=future)) == audit.count(app_ctx)
    assert "Phạm Công An" in audit.actors(app_ctx)


def test_record_ids_in_details_are_kept_whole(app_ctx):
    uid = "8f49428e-169b-479d-9588-377658e0626b"  # digit runs that look like a phone to the redactor
    entry_id = audit.record(app_ctx, "sign_in", "operator", uid, {"switch_from": uid})
    row = next(r for r in audit.query(app_ctx) if r.id == entry_id)
    assert row.detail["switch_from"] == uid and row.record_id == uid
