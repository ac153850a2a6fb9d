"""A pulled page of new records goes in by the bulk statement, its values stored as the ORM stores them
(dates, booleans, aware times, the page's stamps), not record by record: a bulk insert that fails falls
back to the slow path without a word, so this holds the fast path taken."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import text

from desktop.store.models import Resident
from desktop.store.records import record_fields
from desktop.sync import apply
from desktop.sync import protocol as p
from desktop.sync.apply import apply_records, unsynced_ids

NEW_IDS = ["7a000000-0000-4000-8000-00000000000" + str(i) for i in range(3)]
SKIP = {"id", "created_at", "updated_at", "deleted_at", "created_by", "updated_by"}  # a pulled record: nobody here


def stored(ctx, record_id: str) -> dict:
    with ctx.read() as s:
        row = s.connection().exec_driver_sql("SELECT * FROM resident WHERE id = ?", (record_id,))
        return dict(zip(row.keys(), row.one()))


def test_a_page_of_new_records_is_stored_by_the_bulk_path_as_the_orm_stores_it(app_ctx, monkeypatch):
    with app_ctx.write() as s:
        model = Resident(full_name="Trần Thị Ánh", name_folded="tran thi anh", birth_date=date(1961, 2, 28),
                         birth_year=1961, sex="nu", phone="+84912000111", notes="đã gọi \"hai\" lần\n",
                         adoption_stage="da_tao_tai_khoan", aware_on=date(2026, 3, 1), installed_on=date(2026, 3, 2),
                         account_on=date(2026, 3, 3), consent_given=True, consent_by="Tổ CĐS",
                         consent_at=datetime(2026, 3, 3, 9, 30, 15, 123456, tzinfo=timezone.utc), consent_version="v2")
        s.add(model)
        s.flush()
        model_id, payload = model.id, record_fields(model)
    one_by_one = []
    monkeypatch.setattr(apply, "_apply_one", lambda *a, **k: one_by_one.append(a))
    page = [p.RemoteRecord(kind="resident", record_id=rid, version=3, payload=dict(payload, phone=f"+8491200012{i}"),
                           deleted=i == 2, seq=10 + i) for i, rid in enumerate(NEW_IDS)]
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        out = apply_records(s, page, unsynced_ids(s))
    assert out.applied == 3 and one_by_one == []
    orm = stored(app_ctx, model_id)
    for i, rid in enumerate(NEW_IDS):
        row = stored(app_ctx, rid)
        assert {k: v for k, v in row.items() if k not in SKIP | {"phone", "version", "sync_state"}} == \
               {k: v for k, v in orm.items() if k not in SKIP | {"phone", "version", "sync_state"}}
        assert (row["version"], row["sync_state"], row["phone"]) == (3, "synced", f"+8491200012{i}")
        assert row["created_at"] == row["updated_at"] and len(row["created_at"]) == len(orm["created_at"])
        assert (row["deleted_at"] is not None) == (i == 2)
    with app_ctx.read() as s:
        assert s.execute(text("SELECT count(*) FROM resident WHERE id IN (:a, :b, :c) AND deleted_at = created_at"),
                         dict(zip("abc", NEW_IDS))).scalar() == 1
