"""Registering, updating and reading residents through the service, on a real encrypted store."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from desktop.services.residents import residents as svc
from desktop.services.setup.ward_setup import residential_groups
from desktop.store.changelog import ChangeLogEntry


def person(**kw) -> svc.ResidentInput:
    base = dict(full_name="nguyễn  văn an", birth_year=1985, sex="nam", cccd="001085012345", phone="0912345678")
    base.update(kw)
    return svc.ResidentInput(**base)


def test_register_normalises_and_logs_change(app_ctx):
    group = residential_groups(app_ctx)[0]
    r = svc.register_resident(app_ctx, person(residential_group_id=group.id, consent_given=True, consent_by="Lan"))
    assert r.full_name == "Nguyễn Văn An"
    assert r.phone == "+84912345678" and r.cccd == "001085012345"
    assert r.residential_group == group.name and r.adoption_stage == "chua_biet"
    assert r.consent_given and r.consent_at is not None and r.created_by == "Người kiểm thử"
    with app_ctx.read() as s:
        entries = s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.record_id == r.id)).all()
        from desktop.store.models import Resident
        row = s.get(Resident, r.id)
        assert row.name_folded == "nguyen van an" and row.sort_key == "an nguyen van"
    assert [e.op for e in entries] == ["insert"]
    assert json.loads(entries[0].payload_json)["phone"] == "+84912345678"


def test_errors_are_per_field(app_ctx):
    with pytest.raises(svc.ResidentRejected) as info:
        svc.register_resident(app_ctx, person(full_name=" ", cccd="12345", phone="0243825353", cmnd="12"))
    fields = {p.field for p in info.value.problems}
    assert {"full_name", "cccd", "phone", "cmnd"} <= fields
    assert svc.count_residents(app_ctx) == 0


def test_cccd_disagreement_needs_confirmation(app_ctx):
    with pytest.raises(svc.ResidentRejected) as info:
        svc.register_resident(app_ctx, person(sex="nu"))
    assert info.value.only_warnings and info.value.problems[0].field == "sex"
    r = svc.register_resident(app_ctx, person(sex="nu"), confirmed_warnings=True)
    assert r.sex == "nu"


def test_same_cccd_refused_even_when_allowed(app_ctx):
    first = svc.register_resident(app_ctx, person())
    with pytest.raises(svc.DuplicateResident) as info:
        svc.register_resident(app_ctx, person(full_name="Trần Bình", phone=None), allow_duplicates=True)
    assert info.value.kind == "cccd" and not info.value.overridable
    assert info.value.existing[0].id == first.id
    assert info.value.existing[0].cccd_masked == "0010******45"


def test_same_phone_and_same_name_year_warn_then_allowed(app_ctx):
    svc.register_resident(app_ctx, person())
    with pytest.raises(svc.DuplicateResident) as info:
        svc.register_resident(app_ctx, person(full_name="Lê Thị Hoa", sex="nu", cccd=None))
    assert info.value.kind == "phone" and info.value.overridable
    with pytest.raises(svc.DuplicateResident) as info:
        svc.register_resident(app_ctx, person(full_name="NGUYEN VAN AN", cccd=None, phone=None),
                              confirmed_warnings=True)  # no diacritics: a warning confirmed
    assert info.value.kind == "name_birth_year"
    svc.register_resident(app_ctx, person(full_name="Nguyễn Văn An", cccd=None, phone=None), allow_duplicates=True)
    assert svc.count_residents(app_ctx) == 2


def test_update_changes_fields_and_keeps_duplicate_rules(app_ctx):
    a = svc.register_resident(app_ctx, person())
    b = svc.register_resident(app_ctx, person(full_name="Trần Thị Bình", sex="nu", birth_year=1990,
                                              cccd="001190000001", phone="0987654321"))
    data = a.to_input()
    data.address_detail = "Số 5 ngõ 12"
    data.phone = "0911111111"
    updated = svc.update_resident(app_ctx, a.id, data)
    assert updated.version == 2 and updated.address_detail == "Số 5 ngõ 12" and updated.phone == "+84911111111"
    clash = b.to_input()
    clash.cccd = "001085012345"
    clash.sex, clash.birth_year = "nam", 1985
    with pytest.raises(svc.DuplicateResident):
        svc.update_resident(app_ctx, b.id, clash)
    # unchanged record saved again: no duplicate against itself
    assert svc.update_resident(app_ctx, a.id, updated.to_input()).version == 2


def test_adoption_stage_dates(app_ctx):
    r = svc.register_resident(app_ctx, person(adoption_stage="da_cai_dat"))
    from desktop.core.period import today_vn  # stages are stamped with the Hanoi date, whatever the machine's zone

    assert r.adoption_stage == "da_cai_dat" and r.aware_on == r.installed_on == today_vn() and r.account_on is None
    r = svc.set_adoption_stage(app_ctx, r.id, "da_tao_tai_khoan", on=date(2026, 1, 2))
    assert r.account_on == date(2026, 1, 2) and r.aware_on == today_vn()


def test_masks():
    assert svc.mask_cccd("001234567889") == "0012******89"
    assert svc.mask_phone("+84912345678") == "0912 *** 678"
    assert svc.sort_key("Nguyễn Thị Đào") == "dao nguyen thi"


def test_list_filters_and_vietnamese_order(app_ctx):
    g1, g2, _g3 = residential_groups(app_ctx)
    for name, g, target in [("Trần Văn Bình", g1, "can_bo"), ("Lê Thị An", g1, "hoc_sinh_sinh_vien"),
                            ("Nguyễn Đức Anh", g2, "can_bo"), ("Phạm Cường", g2, "can_bo")]:
        svc.register_resident(app_ctx, svc.ResidentInput(full_name=name, residential_group_id=g.id, target_group=target))
    names = [r.full_name for r in svc.list_residents(app_ctx)]
    assert names == ["Lê Thị An", "Nguyễn Đức Anh", "Trần Văn Bình", "Phạm Cường"]
    flt = svc.ResidentFilter(residential_group_id=g2.id, target_group="can_bo")
    assert [r.full_name for r in svc.list_residents(app_ctx, flt)] == ["Nguyễn Đức Anh", "Phạm Cường"]
    ids = svc.resident_ids(app_ctx, svc.ResidentFilter(residential_group_id=g1.id))
    assert [r.full_name for r in svc.resident_summaries(app_ctx, list(reversed(ids)))] == ["Trần Văn Bình", "Lê Thị An"]
    assert svc.count_residents(app_ctx, svc.ResidentFilter(adoption_stage="da_biet")) == 0


def test_deleted_resident_leaves_lists(app_ctx):
    r = svc.register_resident(app_ctx, person())
    svc.delete_resident(app_ctx, r.id)
    assert svc.count_residents(app_ctx) == 0
    with pytest.raises(svc.ResidentNotFound):
        svc.get_resident(app_ctx, r.id)
    svc.register_resident(app_ctx, person())  # its CCCD is free again
