"""The laptop refuses at entry what the sync server would refuse (issue #15, finding 9): a 100 kB note
used to import and save locally, then every sync answered "rejected 1" with no word on what to fix."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.services.residents import residents as svc
from desktop.services.residents.importing import import_residents
from desktop.store.changelog import ChangeLogEntry, RecordRefused
from desktop.store.models import Complaint, Resident
from desktop.sync.payload_rules import DESCRIPTION_MAX_CHARS, NOTE_MAX_CHARS

NOTE_100_KB = "Ghi chú dài " * 8533 + "a" * 4  # 102,400 characters


def _stored(ctx) -> tuple[int, int]:
    with ctx.read() as s:
        return (s.scalar(select(func.count()).select_from(Resident)),
                s.scalar(select(func.count()).select_from(ChangeLogEntry)))


def test_the_form_refuses_a_100_kb_note_naming_the_limit(app_ctx):
    before = _stored(app_ctx)
    with pytest.raises(svc.ResidentRejected) as info:
        svc.register_resident(app_ctx, svc.ResidentInput(full_name="Nguyễn Văn An", notes=NOTE_100_KB))
    [problem] = info.value.problems
    assert problem.field == "notes" and "10.000" in problem.message and "102.400" in problem.message
    assert _stored(app_ctx) == before
    ok = svc.register_resident(app_ctx, svc.ResidentInput(full_name="Nguyễn Văn An", notes="x" * NOTE_MAX_CHARS))
    assert len(ok.notes) == NOTE_MAX_CHARS


def test_an_import_refuses_the_row_with_a_100_kb_note_naming_row_field_and_limit(app_ctx, tmp_path):
    path = tmp_path / "cu_dan.csv"
    path.write_text("Họ và tên,Ghi chú\nNguyễn Văn An,ngắn\nTrần Thị Bình," + NOTE_100_KB + "\n", encoding="utf-8")
    refused = import_residents(app_ctx, path)
    assert refused.blocked and [(p.row, p.field) for p in refused.rejected] == [(3, "notes")]
    assert "10.000" in refused.rejected[0].reason
    assert _stored(app_ctx)[0] == 0
    done = import_residents(app_ctx, path, valid_only=True)
    assert done.imported == 1
    with app_ctx.read() as s:
        assert list(s.scalars(select(Resident.full_name))) == ["Nguyễn Văn An"]


def test_any_other_save_is_refused_by_the_store_with_the_field_and_limit(app_ctx):
    """The change log checks every save against the wire format's rules (any service, any kind)."""
    before = _stored(app_ctx)
    with pytest.raises(RecordRefused) as info:
        with app_ctx.write() as s:
            s.add(Resident(full_name="Lê Văn Cường", notes=NOTE_100_KB))
    assert "Ghi chú" in str(info.value) and "10.000" in str(info.value)
    with pytest.raises(RecordRefused) as info:
        with app_ctx.write() as s:
            s.add(Complaint(code="PA-1", kind="k", category="c", title="Đèn hỏng", description="x" * (DESCRIPTION_MAX_CHARS + 1)))
    assert "15.000" in str(info.value)
    assert _stored(app_ctx) == before
    with app_ctx.write() as s:  # an edit is checked on what it changes only
        r = Resident(full_name="Lê Văn Cường")
        s.add(r)
    with pytest.raises(RecordRefused):
        with app_ctx.write() as s:
            s.get(Resident, r.id).notes = NOTE_100_KB
