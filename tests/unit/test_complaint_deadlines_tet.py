"""A complaint taken just before Tết 2027: its deadlines skip the lunar New Year days off, which the
shipped holiday list (it ended on 01/01/2027) used to count as working days."""

from __future__ import annotations

from datetime import datetime

from desktop.core.period import VN_TZ
from desktop.services.complaints import complaints as svc
from tests.unit.test_complaints import draft


def test_deadlines_of_a_complaint_received_before_tet_2027_skip_the_holiday(app_ctx):
    received = datetime(2027, 2, 3, 16, 0, tzinfo=VN_TZ)  # Wednesday; days off Thursday 04/02 to Wednesday 10/02
    cid = svc.file_complaint(app_ctx, draft(app_ctx), now=received)
    d = svc.complaint_detail(app_ctx, cid, now=received)
    # 8 working hours to accept: 1 h on Wednesday, then 7 h from Thursday 11/02 08:00
    assert d.accept_due_at == datetime(2027, 2, 11, 16, tzinfo=VN_TZ)
    # street lighting, 3 working days: Wednesday's last hour, Thursday 11/02, Friday 12/02, Monday 15/02 until 16:00
    assert d.handle_due_at == datetime(2027, 2, 15, 16, tzinfo=VN_TZ)
    late = svc.list_complaints(app_ctx, svc.ComplaintFilter(overdue=True), now=datetime(2027, 2, 10, 16, tzinfo=VN_TZ))
    assert late == []  # not overdue during Tết
