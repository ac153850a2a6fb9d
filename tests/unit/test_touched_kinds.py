"""The data layer tells which record kinds an operation changed (desktop.store.touched)."""

from __future__ import annotations

import pytest

from desktop.services.residents.residents import ResidentInput, register_resident
from desktop.services.setup.ward_setup import residential_groups
from desktop.store import touched
from desktop.store.models import Resident


def test_a_commit_tells_the_kinds_it_touched(app_ctx):
    gid = residential_groups(app_ctx)[0].id
    with touched.collecting() as kinds:
        register_resident(app_ctx, ResidentInput(full_name="Lê Thị Hoa", residential_group_id=gid))
    assert "resident" in kinds
    assert "change_log" not in kinds


def test_a_rollback_tells_nothing(app_ctx):
    gid = residential_groups(app_ctx)[0].id
    with touched.collecting() as kinds, pytest.raises(RuntimeError):
        with app_ctx.write() as s:
            s.add(Resident(full_name="Lê Thị Hoa", residential_group_id=gid))
            s.flush()
            raise RuntimeError("stop")
    assert kinds == set()


def test_reads_tell_nothing_and_collectors_nest(app_ctx):
    gid = residential_groups(app_ctx)[0].id
    with touched.collecting() as outer:
        with app_ctx.read() as s:
            s.get(Resident, "none")
        assert outer == set()
        with touched.collecting() as inner:
            register_resident(app_ctx, ResidentInput(full_name="Lê Thị Hoa", residential_group_id=gid))
    assert "resident" in inner and "resident" in outer


def test_bulk_import_tells_resident(app_ctx, tmp_path):
    from desktop.services.residents.bulk_writer import store_rows
    from desktop.services.residents.residents import validate

    gid = residential_groups(app_ctx)[0].id
    values, problems = validate(ResidentInput(full_name="Phạm Văn Bình", residential_group_id=gid))
    assert not [p for p in problems if p.severity == "error"]
    values["adoption_stage"] = "chua_biet"
    with touched.collecting() as kinds:
        assert store_rows(app_ctx, [values]) == 1
    assert "resident" in kinds  # its rows go around the flush hook (plus the audit entry it writes)
