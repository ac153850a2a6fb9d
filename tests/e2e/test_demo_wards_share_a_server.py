"""A city training day: every ward runs the demo with the same seed against one training server (#20 item 7).

The same seed in two wards used to make identical record ids, and the server refused the second ward's
records as another ward's. Ids now come from the seed and the ward code: both wards sync everything,
and the same seed still draws the same people in each.
"""

from __future__ import annotations

import pytest

from tests.e2e.sync_harness import open_laptop, running_server

WARDS = ("00166", "00004")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def srv(request, tmp_path):
    with running_server(tmp_path, request.param) as server:
        yield server


def test_two_demo_wards_from_one_seed_sync_to_one_server(srv, tmp_path):
    from sqlalchemy import select

    from desktop.services.setup.demo_data import build_demo_ward
    from desktop.services.sync.service import sync_now
    from desktop.store.models import PoliceHandoff, Resident, WardFigures

    names, ids = {}, {}
    for ward in WARDS:
        ctx = open_laptop(tmp_path / ward, ward)
        try:
            counts = build_demo_ward(ctx, 300, seed=7)
            assert counts["handoffs"] > 0 and counts["ward_figures"] == 1  # the new screens have something to show
            result = sync_now(ctx, srv.url, srv.enroll_code(ward))
            assert result["rejected"] == 0 and result["pending"] == 0 and result["conflicts"] == 0, (ward, result)
            with ctx.read() as s:
                names[ward] = [r.full_name for r in s.scalars(select(Resident).order_by(Resident.full_name, Resident.id))]
                ids[ward] = {r.id for r in s.scalars(select(Resident))}
                assert s.scalars(select(WardFigures)).one().population_15_plus > 300
                assert s.scalars(select(PoliceHandoff)).first() is not None
        finally:
            ctx.close()
    assert sorted(names["00166"]) == sorted(names["00004"])  # the same seed, the same people
    assert not ids["00166"] & ids["00004"]  # ... under ids of their own ward
    on_server = {ward: srv.records(ward) for ward in WARDS}
    for ward in WARDS:
        kinds = {kind for kind, _id in on_server[ward]}
        assert {"resident", "help_session", "police_handoff", "ward_figures"} <= kinds
        assert {rid for kind, rid in on_server[ward] if kind == "resident"} == ids[ward]
