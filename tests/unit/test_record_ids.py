"""Record ids: time-ordered UUIDs (version 7), so the indexes keyed by them grow at their end."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from desktop.store import base
from desktop.store.base import new_id
from desktop.store.models import Resident


def test_ids_are_uuid7_unique_and_follow_the_clock(monkeypatch):
    clock = iter(range(1_700_000_000_000_000_000, 1_700_000_000_000_000_000 + 10**12, 1_000_000))  # a ms per id
    monkeypatch.setattr(base, "time_ns", lambda: next(clock))
    ids = [new_id() for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for text in ids[:50]:
        u = uuid.UUID(text)
        assert u.version == 7 and u.variant == uuid.RFC_4122 and str(u) == text
    assert uuid.UUID(ids[0]).int >> 80 == 1_700_000_000_000  # the millisecond it was made


def test_ids_of_one_millisecond_differ(monkeypatch):
    monkeypatch.setattr(base, "time_ns", lambda: 1_700_000_000_000_000_000)
    ids = {new_id() for _ in range(20000)}
    assert len(ids) == 20000


def test_records_saved_one_after_another_get_ids_in_that_order(app_ctx, monkeypatch):
    """The form's records (the ORM's default id), not only the bulk import's, sort in the order they were made."""
    clock = iter(range(1_800_000_000_000_000_000, 1_800_000_000_000_000_000 + 10**12, 1_000_000))
    monkeypatch.setattr(base, "time_ns", lambda: next(clock))
    names = [f"Nguyễn Văn {i}" for i in range(30)]
    for name in names:
        with app_ctx.write() as s:
            s.add(Resident(full_name=name))
    with app_ctx.read() as s:
        by_id = [r.full_name for r in s.scalars(select(Resident).order_by(Resident.id))]
    assert by_id == names
