"""The ward's official figures sync as a record kind and reach the city view as the denominators of the
city's indicators (#20 item 4), rounded as the desktop rounds and never over 100%."""

from __future__ import annotations

import requests

from tests.e2e.sync_harness import open_laptop, running_server


def test_ward_figures_reach_the_city_view(tmp_path):
    from server import city_view
    from desktop.services.reports.indicators import set_ward_figures
    from desktop.services.sync.service import sync_now
    from desktop.store.models import Resident

    with running_server(tmp_path, "sqlite") as srv:
        wards = {"00166": (16, ["da_tao_tai_khoan"] * 3 + ["da_biet"] * 2), "00004": (2, ["da_tao_tai_khoan"] * 3)}
        for code, (population, stages) in wards.items():
            ctx = open_laptop(tmp_path / code, code)
            try:
                with ctx.write() as s:
                    for i, stage in enumerate(stages):
                        s.add(Resident(full_name=f"Cư dân {code} số {chr(65 + i)}", adoption_stage=stage))
                set_ward_figures(ctx, 2026, population, smartphone_owners_15_plus=min(8, population), households=7)
                assert sync_now(ctx, srv.url, srv.enroll_code(code))["rejected"] == 0
            finally:
                ctx.close()
        with srv.engine.begin() as conn:
            key = city_view.create_account(conn, "Văn phòng UBND Thành phố")
        data = requests.get(f"{srv.url}/city/api/wards", params={"from": "2026-01-01", "to": "2026-12-31"},
                            headers={"Authorization": f"Bearer {key}"}, timeout=10).json()
        rows = {w["ward_code"]: w for w in data["wards"]}
        cg = rows["00166"]
        assert (cg["population_15_plus"], cg["account"], cg["share_of_15_plus"]) == (16, 3, 18.8)  # 3/16 = 18.75, half up
        assert cg["share_of_smartphone_owners"] == 37.5 and cg["households_total"] == 7 and cg["figures_year"] == 2026
        bd = rows["00004"]  # 3 accounts over a stated population of 2: no share over 100%
        assert bd["population_15_plus"] == 2 and bd["share_of_15_plus"] is None
