"""Pulled records of a kind this app does not know are held, and applied once the app knows the kind.

The "newer app" is simulated by hiding a known kind (resident) from the registry while pulling,
then showing it again (the upgrade).
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from desktop.store.models import Resident
from desktop.store.models.sync import SyncHeld
from desktop.store.records import record_kinds
from desktop.sync import apply, protocol as p


def _remote(record_id: str, version: int, name: str, seq: int) -> p.RemoteRecord:
    return p.RemoteRecord(kind="resident", record_id=record_id, version=version, deleted=False, seq=seq,
                          payload={"full_name": name, "name_folded": name.lower(), "notes": "từ máy chủ"})


@pytest.fixture
def resident_unknown(monkeypatch):
    """While active, this app does not know the `resident` kind (as an older app would not)."""
    known = record_kinds()
    monkeypatch.setattr(apply, "record_kinds", lambda: {k: v for k, v in known.items() if k != "resident"})
    return lambda: monkeypatch.setattr(apply, "record_kinds", lambda: known)


def _pull(ctx, records):
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        return apply.apply_records(s, records, apply.unsynced_ids(s))


def test_unknown_kind_is_held_then_applied_after_the_upgrade(app_ctx, resident_unknown):
    ids = [str(uuid.uuid4()) for _ in range(3)]
    out = _pull(app_ctx, [_remote(rid, 1, f"Người {i}", i + 1) for i, rid in enumerate(ids)])
    assert (out.applied, out.held) == (0, 3)
    # a newer version of one of them comes in a later page: the held copy is replaced, not doubled
    out = _pull(app_ctx, [_remote(ids[0], 2, "Người 0 sửa", 4)])
    assert out.held == 1
    with app_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncHeld)) == 3
        assert s.scalar(select(func.count()).select_from(Resident)) == 0
        assert s.scalar(select(SyncHeld.version).where(SyncHeld.record_id == ids[0])) == 2

    resident_unknown()  # the app is upgraded: it knows the kind now
    out = _pull(app_ctx, [])  # the next pull, even with nothing new, applies what was held
    assert out.applied == 3
    with app_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncHeld)) == 0
        got = {r.id: (r.full_name, r.version, r.sync_state) for r in s.scalars(select(Resident))}
    assert got[ids[0]] == ("Người 0 sửa", 2, "synced")
    assert got[ids[1]] == ("Người 1", 1, "synced")


def test_a_newer_local_copy_wins_over_a_held_one(app_ctx, resident_unknown):
    rid = str(uuid.uuid4())
    _pull(app_ctx, [_remote(rid, 1, "Bản cũ", 1)])
    resident_unknown()
    # the same record at a later version arrives in the page that also releases the held copy
    out = _pull(app_ctx, [_remote(rid, 3, "Bản mới", 2)])
    with app_ctx.read() as s:
        row = s.scalars(select(Resident).where(Resident.id == rid)).one()
        assert (row.full_name, row.version) == ("Bản mới", 3)
        assert s.scalar(select(func.count()).select_from(SyncHeld)) == 0
    assert out.applied == 2  # the held copy first (older), then the page's newer one over it


def test_pulled_residents_are_searchable_and_tombstones_are_not(app_ctx):
    """A pulled page is inserted in bulk with the search index filled set-based (trigger paused)."""
    from sqlalchemy import text

    from desktop.services.residents.search import search_residents

    live, gone = str(uuid.uuid4()), str(uuid.uuid4())
    page = [
        p.RemoteRecord(kind="resident", record_id=live, version=1, deleted=False, seq=1,
                       payload={"full_name": "Đặng Thuỳ Dương", "name_folded": "dang thuy duong", "phone": "+84912345678"}),
        p.RemoteRecord(kind="resident", record_id=gone, version=2, deleted=True, seq=2,
                       payload={"full_name": "Đặng Văn Xoá", "name_folded": "dang van xoa"}),
    ]
    assert _pull(app_ctx, page).applied == 2
    assert [r.id for r in search_residents(app_ctx, "thuỷ dương")] == [live]
    assert [r.id for r in search_residents(app_ctx, "2345678")] == [live]
    assert search_residents(app_ctx, "xoá") == []
    with app_ctx.read() as s:
        assert s.execute(text("SELECT count(*) FROM resident_fts_pause")).scalar_one() == 0
        assert s.execute(text("SELECT count(*) FROM resident_fts")).scalar_one() == 1
        assert s.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'resident_fts_insert'")).scalar_one() == 1
