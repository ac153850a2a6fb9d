"""A stored change whose figure fields are all as they were is passed over by `figures.apply` (`READS`): that is
exact only while `facts` reads no other field, which these payloads, through every branch of `facts`, check."""

from __future__ import annotations

import pytest

from desktop.core.vocab import ADOPTION_ORDER
from server import figures


class _Recording(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read: set[str] = set()

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)


DUE, LATER, EARLIER = "2026-03-02T09:00:00+07:00", "2026-03-05T09:00:00+07:00", "2026-03-01T09:00:00+07:00"
PAYLOADS = {
    "resident": [{"adoption_stage": stage, "residential_group_id": "g", "target_group": "t", "account_on": day,
                  "notes": "n", "full_name": "Hà"}
                 for stage in (*ADOPTION_ORDER, "", None, 5) for day in ("2026-03-01", "", None, "x")],
    "help_session": [{"started_at": start, "outcome": outcome, "notes": "n"}
                     for start in (DUE, "2026-03-01", "", None, "x") for outcome in ("thanh_cong", "mot_phan", "", None)],
    "complaint": [{"recorded_at": DUE, "status": status, "accept_due_at": due, "accepted_at": accepted,
                   "handle_due_at": due, "handled_at": handled, "description": "d"}
                  for status in ("moi", "da_tiep_nhan", "dang_xu_ly", "da_xu_ly", "")
                  for due in (DUE, "", "2026-03-02T09:00:00", None)
                  for accepted in (EARLIER, LATER, "") for handled in (EARLIER, LATER, "")],
    "complaint_feedback": [{"rating": rating, "complaint_id": "c", "comment": "x"} for rating in (1, 5, None, True, "4", 0)],
    "communication_item": [{"published_on": day, "title": "t"} for day in ("2026-03-01", "", None, "x")],
}


@pytest.mark.parametrize("kind", figures.KINDS)
def test_facts_read_only_the_fields_named_in_reads(kind):
    read: set[str] = set()
    for payload in PAYLOADS[kind]:
        recording = _Recording(payload)
        figures.facts(kind, recording)
        read |= recording.read
    assert read <= set(figures.READS[kind])
    assert set(figures.READS[kind]) <= read  # no field listed that facts never reads


def test_same_facts_means_same_value_and_type():
    same = figures._same_facts
    assert same("resident", {"adoption_stage": "x", "notes": "a"}, {"adoption_stage": "x", "notes": "b"})
    assert not same("resident", {"adoption_stage": "x"}, {"adoption_stage": "y"})
    assert not same("complaint_feedback", {"rating": 1}, {"rating": True})  # 1 counts, True does not
    assert not same("complaint_feedback", {"rating": 1}, {"rating": 1.0})
    assert not same("resident", None, {"adoption_stage": "x"})
