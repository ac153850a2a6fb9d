"""The list's counts (`resident_tally`, kept by triggers) equal a count of the live residents after every
kind of write: the form, stage and group changes, tombstones, the bulk import (triggers paused, counted
set-based), an import rolled back, sync applying pulled residents, and the index rebuild."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlcipher3.dbapi2 import IntegrityError  # raised raw by the import's batch thread (its own cursor)

from desktop.services.residents import listing
from desktop.services.residents import residents as svc
from desktop.services.residents.bulk_writer import store_rows
from desktop.services.setup.ward_setup import residential_groups

COUNTED = ("SELECT coalesce(residential_group_id, ''), target_group, adoption_stage, count(*) FROM resident "
           "WHERE deleted_at IS NULL GROUP BY 1, 2, 3")


def tally(ctx) -> dict:
    with ctx.read() as s:
        return {tuple(r[:3]): r[3] for r in s.execute(text("SELECT * FROM resident_tally WHERE n != 0"))}


def counted(ctx) -> dict:
    with ctx.read() as s:
        return {tuple(r[:3]): r[3] for r in s.execute(text(COUNTED))}


def rows(n: int, group_id: str | None, stage: str = "chua_biet", start: int = 0) -> list[dict]:
    out = []
    for i in range(start, start + n):
        values, _p = svc.validate(svc.ResidentInput(full_name=f"Người Số {chr(97 + i % 26)}{chr(97 + i // 26 % 26)}",
                                                    birth_year=1960 + i % 40, residential_group_id=group_id))
        values["adoption_stage"] = stage
        out.append(values)
    return out


def test_counts_follow_every_write(app_ctx):
    g1, g2, _g3 = residential_groups(app_ctx)
    store_rows(app_ctx, rows(120, g1.id) + rows(30, None, "da_biet", 200))
    assert tally(app_ctx) == counted(app_ctx) and sum(tally(app_ctx).values()) == 150
    a = svc.register_resident(app_ctx, svc.ResidentInput(full_name="Lê Văn Tám", residential_group_id=g2.id))
    b = svc.register_resident(app_ctx, svc.ResidentInput(full_name="Hà Thị Chín", target_group="hoc_sinh_sinh_vien"))
    svc.set_adoption_stage(app_ctx, a.id, "da_cai_dat")
    moved = a.to_input()
    moved.residential_group_id = g1.id
    moved.adoption_stage = None
    svc.update_resident(app_ctx, a.id, moved)
    svc.delete_resident(app_ctx, b.id)
    assert tally(app_ctx) == counted(app_ctx)
    assert listing.count_listed(app_ctx) == svc.count_residents(app_ctx) == 151
    for flt in (svc.ResidentFilter(residential_group_id=g1.id), svc.ResidentFilter(adoption_stage="da_cai_dat"),
                svc.ResidentFilter(residential_group_id=g1.id, adoption_stage="da_cai_dat"),
                svc.ResidentFilter(target_group="hoc_sinh_sinh_vien")):
        assert listing.count_listed(app_ctx, flt) == svc.count_residents(app_ctx, flt)


def test_a_failed_bulk_import_leaves_counts_and_triggers_as_they_were(app_ctx):
    g1, _g2, _g3 = residential_groups(app_ctx)
    store_rows(app_ctx, rows(10, g1.id))
    before = tally(app_ctx)
    broken = rows(20, g1.id, start=50)
    broken[-1]["target_group"] = None  # NOT NULL: the last batch fails, the transaction rolls back
    with pytest.raises(IntegrityError):
        store_rows(app_ctx, broken, batch=5)
    assert tally(app_ctx) == before == counted(app_ctx)
    svc.register_resident(app_ctx, svc.ResidentInput(full_name="Vũ Văn Mười", residential_group_id=g1.id))
    assert tally(app_ctx) == counted(app_ctx)  # the per-row trigger is back


def test_pulled_residents_and_a_rebuild_are_counted(app_ctx):
    from desktop.services.residents.search import rebuild_search_index
    from desktop.store.records import record_fields
    from desktop.sync.apply import apply_records
    from desktop.sync.protocol import RemoteRecord

    g1, _g2, _g3 = residential_groups(app_ctx)
    store_rows(app_ctx, rows(5, g1.id))
    with app_ctx.read() as s:
        from desktop.store.models import Resident

        template = record_fields(s.get(Resident, s.scalar(text("SELECT id FROM resident LIMIT 1"))))
    pulled = []
    for i in range(40):
        payload = dict(template, full_name=f"Người Kéo {i}", name_folded=f"nguoi keo {i}", sort_key=f"{i} nguoi keo",
                       cccd=None, phone=None, adoption_stage="da_biet" if i % 2 else "chua_biet")
        pulled.append(RemoteRecord(kind="resident", record_id=f"00000000-0000-4000-8000-{i:012d}", version=1,
                                 payload=payload, deleted=i == 39, seq=i + 1))
    with app_ctx.store.write(actor="sync", applying_remote=True) as s:
        apply_records(s, pulled, set())
    assert tally(app_ctx) == counted(app_ctx) and sum(tally(app_ctx).values()) == 5 + 39
    with app_ctx.write() as s:
        s.execute(text("UPDATE resident_tally SET n = n + 7"))  # damaged: the rebuild derives it again
    rebuild_search_index(app_ctx)
    assert tally(app_ctx) == counted(app_ctx)
